"""Reading what a playbook says about itself rather than about a case: ``closes`` (and the
engine rules it opts out of).

A mixin of the playbook loader (`followup.language.playbook_loader`), split out for size; the
keys come from the declaration (`followup.language.playbook_format`).
"""

from __future__ import annotations

from followup.io.yaml_reader import Path_
from followup.language.expression_reader import ExpressionReader
from followup.language.playbook_format import CLOSES
from followup.model.playbook import Citation, NeverCloses, Origin

CLOSES_KEYS = CLOSES.keys()


class StatementReader(ExpressionReader):
    """Reads a playbook's statements about itself."""

    def _origin(self, path: Path_) -> Origin:
        line, col = self.doc.where(path)
        return Origin(self.file, line, col)

    def read_closes(self, path: Path_, value: object) -> NeverCloses | None:
        """``closes: {never: REASON, source: PART}``: the playbook never closes on its own."""
        spec = self.mapping(path, value, CLOSES_KEYS, CLOSES.needs(), "closes")
        if "never" not in spec:
            return None
        reason = self.text((*path, "never"), spec["never"], "the reason it never closes")
        part = ""
        if "source" in spec:
            part = self.text((*path, "source"), spec["source"], "the source part")
        return NeverCloses(reason, Citation(part), self._origin(path))
