"""Check command-line values with the case-file rules, reporting each problem at its flag.

The tracker builds the mapping a case file would hold and runs it through the same loader as
case files (`build_case`), so a bad date or an unknown channel reads the same everywhere.  To
report ``--date`` rather than a line number, each value the user just typed gets a made-up
location of its own; a problem found at that location is then described by the flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from followup.errors import InputError, Problem, UsageError, shortened, visible
from followup.io.yaml_reader import Document, Path_
from followup.language.case_loader import build_case
from followup.model.case import Case
from followup.tracker.records import text_problems

Labels = Mapping[Path_, str]


def checked_case(data: dict[str, Any], labels: Labels, name: str) -> Case:
    """Build the case ``data`` describes, or say which flag is wrong.

    Args:
        data: The mapping a case file would hold.
        labels: For each path the user just supplied, the flag it came from.
        name: What to call a problem found elsewhere (the application's id).

    Raises:
        UsageError: every problem, one line each, named by its flag.
    """
    # Line 1 is everything without a label of its own (where() falls back to the root).
    places = {(): (1, 1)} | {path: (n, 1) for n, path in enumerate(labels, start=2)}
    doc = Document(name, data, places, places)
    try:
        return build_case(doc, str(data.get("id", name)))
    except InputError as err:
        raise UsageError(describe(err.problems, labels, name)) from None


def describe(problems: tuple[Problem, ...], labels: Labels, name: str) -> str:
    """The problems as ``followup: --flag: message; expected ...`` lines."""
    by_line = dict(enumerate(labels.values(), start=2))
    lines = []
    for p in problems:
        where = by_line.get(p.line, name)
        text = f"followup: {where}: {p.message}"
        if p.expected:
            text += f"; expected {p.expected}"
        lines.append(text)
    return "\n".join(dict.fromkeys(lines))


def refuse_text(value: object, labels: Labels, at: Path_ = ()) -> None:
    """Refuse a text the user just gave that the tracker does not take (longer than `MAX_TEXT`,
    or holding a NUL: `text_problems`), before anything is checked or saved.

    Args:
        value: What the user gave (a string, or a mapping or list holding strings).
        labels: What the user calls each path (the nearest labelled one above a text names it).
        at: Where ``value`` is in the case file's mapping.

    Raises:
        UsageError: one line per text refused, each naming its label, what is wrong (a length,
            not the text) and what was expected.
    """
    lines = []
    for path, problem, expected in text_problems(value, at):
        label = next((labels[path[:n]] for n in range(len(path), -1, -1) if path[:n] in labels), "")
        label = label or ".".join(map(str, path)) or "the value"
        label = visible(shortened(label))  # it may quote the text
        lines.append(f"followup: {label}: {problem}; expected {expected}")
    if lines:
        raise UsageError("\n".join(lines))
