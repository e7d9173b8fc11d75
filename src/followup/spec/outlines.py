"""A step as it runs, and where each part of it was written.

A step of a scenario outline runs once per row of its examples, with the row's values in place
of its ``<placeholders>``; a value the step refuses was written in a cell of that row, not on the
step's line.  `said_as` gives each sentence a step runs as, and `Said.place` finds where any
part of it was written, so a problem points at the cell to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from pytest_bdd.parser import PARAM_RE, Examples, ScenarioTemplate, Step


@dataclass(frozen=True, slots=True)
class RowCell:
    """One cell of a row of an outline's examples: its column, its text and its place."""

    name: str
    text: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Said:
    """One sentence a step runs as.

    Attributes:
        text: The sentence, an outline's placeholders filled in from one row of its examples.
        line: The step's line (from 1).
        col: Where the step (its keyword) starts on that line (from 1).
        pieces: Where each part of ``text`` was written: from which offset of ``text``, and at
            which line and column that offset is; in order of offset.
        row: The cells of the examples row the sentence was made with (none for a step that
            runs as written).
    """

    text: str
    line: int
    col: int
    pieces: tuple[tuple[int, int, int], ...]
    row: tuple[RowCell, ...] = ()

    def row_place(self, used: str) -> tuple[int, int, str]:
        """Where to point at the examples row a sentence was made with: the first of the cells
        ``used`` (a step's own words, with ``<placeholders>``) fills that is empty, else the
        first it fills, else the step's own place; and the empty column's name, if any."""
        filled = [c for c in self.row if f"<{c.name}>" in used]
        empty = [c for c in filled if not c.text.strip()]
        if empty:
            return empty[0].line, empty[0].col, empty[0].name
        if filled:
            return filled[0].line, filled[0].col, ""
        return self.line, self.col, ""

    @property
    def context(self) -> dict[str, str]:
        """The row's values by column, as pytest-bdd fills a step's placeholders."""
        return {c.name: c.text for c in self.row}

    def place(self, at: int) -> tuple[int, int]:
        """The line and column where the part of the sentence at offset ``at`` was written
        (the step's own, when ``at`` is negative: not known)."""
        if at < 0:
            return self.line, self.col
        for start, line, col in reversed(self.pieces):
            if at >= start:
                return line, col + at - start
        return self.line, self.col


def said_as(scenario: ScenarioTemplate, step: Step, lines: list[str]) -> list[Said]:
    """Each sentence ``step`` runs as in ``scenario``: the step itself, or for a step with
    placeholders, one sentence per row of the scenario's examples (a step with placeholders
    but no examples runs as written, brackets and all)."""
    source = lines[step.line_number - 1] if step.line_number <= len(lines) else ""
    col = len(source) - len(source.lstrip()) + 1
    found = source.find(step.name) if step.name else -1
    text_col = found + 1 if found >= 0 else col
    if not scenario.examples or not _has_placeholders(step):
        return [Said(step.name, step.line_number, col, ((0, step.line_number, text_col),))]
    said: list[Said] = []
    for examples in scenario.examples:
        for row_line, cells, context in _rows(examples, lines, step.line_number):
            row = tuple(
                RowCell(name, value, row_line, cells.get(name, 1))
                for name, value in context.items()
            )
            pieces: list[tuple[int, int, int]] = []
            text = ""
            last = 0
            for match in PARAM_RE.finditer(step.name):
                pieces.append((len(text), step.line_number, text_col + last))
                text += step.name[last : match.start()]
                name = match.group(1)
                if name in context:
                    pieces.append((len(text), row_line, cells.get(name, 1)))
                    text += context[name]
                else:  # not a column of the examples: left as written
                    pieces.append((len(text), step.line_number, text_col + match.start()))
                    text += match.group()
                last = match.end()
            pieces.append((len(text), step.line_number, text_col + last))
            text += step.name[last:]
            said.append(Said(text, step.line_number, col, tuple(pieces), row))
    return said


def _has_placeholders(step: Step) -> bool:
    """Whether a row of examples changes the step: its words or a cell of its table."""
    cells = (c.value for r in step.datatable.rows for c in r.cells) if step.datatable else ()
    return any(PARAM_RE.search(text) for text in (step.name, *cells))


def _rows(
    examples: Examples, lines: list[str], step_line: int
) -> list[tuple[int, dict[str, int], dict[str, str]]]:
    """Each row of ``examples``: its line, the column of each of its cells by column name, and
    its values by column name.  When the table's lines cannot be told apart (they do not
    count up to its rows), every row is placed at the step's line."""
    table = _table_lines(lines, examples.line_number or 0)
    contexts = list(examples.as_contexts())
    if len(table) != len(contexts) + 1:
        return [(step_line, {}, context) for context in contexts]
    return [
        (
            number,
            dict(zip(examples.example_params, _cell_columns(lines[number - 1]), strict=False)),
            context,
        )
        for number, context in zip(table[1:], contexts, strict=True)
    ]


def _table_lines(lines: list[str], examples_line: int) -> list[int]:
    """The lines (from 1) of the table under the ``Examples:`` at ``examples_line``, its
    header first; blank lines and comments in it are passed over."""
    found: list[int] = []
    for number in range(examples_line + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if text.startswith("|"):
            found.append(number)
        elif found and text and not text.startswith("#"):
            break  # the table has ended
    return found


def _cell_columns(line: str) -> list[int]:
    """Where the text of each cell of a table row starts (from 1); ``\\|`` is no border."""
    bars = [i for i, ch in enumerate(line) if ch == "|" and not _escaped(line, i)]
    columns: list[int] = []
    for left, right in pairwise(bars):
        cell = line[left + 1 : right]
        columns.append(left + 2 + len(cell) - len(cell.lstrip()))
    return columns


def _escaped(line: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and line[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1
