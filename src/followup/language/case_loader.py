"""Located YAML (or JSON) data -> a checked `Case`, by the one case decoder.

The case format is declared in `followup.language.case_format`; this module keeps the names
the rest of the package has always imported.
"""

from __future__ import annotations

from followup.io.yaml_reader import Document
from followup.language.case_format import EVENT, decode_case
from followup.model.case import Case

# The keys of one event, in documented order (the tracker's flags, the Gherkin tables).
EVENT_KEYS = EVENT.keys()


def build_case(doc: Document, default_id: str = "") -> Case:
    """Check a parsed case file and build its model.

    Args:
        doc: the parsed file.
        default_id: the id to use when the file has none (the file name without extension).

    Raises:
        InputError: with every problem found, each located in the file.
    """
    return decode_case(doc, default_id)
