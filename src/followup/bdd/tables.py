"""The tables written under a step, read cell by cell with the readers the steps' words use.

A table step (``these events:``, ``the schedule is:``, ``the interviewers are:``) reads its table
with a *table reader*: the table's cells in, what the step needs out, and every cell it cannot
take as a problem at that cell, in the words of the reader that refused it (a date through
`day_of`, an action through `action_of`, an event through the case file's own event reader).
The step runs its reader on the table it is given (`read_table`), and `followup spec` runs the
same reader on every table before any scenario runs (`reader_of` finds it), so a cell is
refused in the same words, at its own line and column, either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import pytest

from followup.bdd.places import Cell, Rows, located_rows
from followup.bdd.words import EVENT_COLUMNS, action_of, channel_of, day_of
from followup.bdd.world import World, fail
from followup.errors import unknown_word
from followup.language.case_format import EVENT, INTERVIEWER
from followup.language.decode import Decoder, Issue, compile_node

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., object])

# What a cell holds when the column says nothing for its row.
NOTHING = ("", "-")


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A cell a table reader cannot take: the cell, and what is wrong with it and what the
    step takes (``...; expected ...``)."""

    cell: Cell
    message: str


# A table reader: the table's rows (header first) in; what the step needs, and its problems.
TableReader = Callable[[Rows], tuple[T, list[CellProblem]]]

_READERS: dict[Callable[..., object], TableReader[Any]] = {}


def reads_table(reader: TableReader[Any]) -> Callable[[F], F]:
    """Declare the reader of the table a step takes, for `followup spec` to check it first."""

    def declare(func: F) -> F:
        _READERS[func] = reader
        return func

    return declare


def reader_of(func: Callable[..., object]) -> TableReader[Any] | None:
    """The reader of the table the step ``func`` takes, if it takes one."""
    return _READERS.get(func)


def read_table(world: World, datatable: Sequence[Sequence[object]], reader: TableReader[T]) -> T:
    """Read the running step's table with ``reader``; every cell it refuses fails the step,
    each at its place in the feature file."""
    value, problems = reader(located_rows(datatable, world.here))
    if problems:
        fail("\n".join(world.where(p.cell.line, p.cell.col) + p.message for p in problems))
    return value


# -- the parts of a reader -----------------------------------------------------------------------


def _header(
    rows: Rows, what: str, required: Sequence[str], optional: Sequence[str]
) -> tuple[list[str], list[CellProblem]]:
    """The column names of a table (its first row), and what is wrong with them: a column the
    step does not know (with the nearest one), a column it needs that is not there."""
    if not rows:
        return [], [CellProblem(Cell(""), f"{what} has no rows; expected {_columns(required)}")]
    known = tuple(dict.fromkeys((*required, *optional)))
    names = [cell.text.strip().casefold() for cell in rows[0]]
    problems = [
        CellProblem(
            cell,
            unknown_word(f"{what} column", name, known, f"'{cell.text.strip()}'")
            + f"; expected {_columns(known)}",
        )
        for cell, name in zip(rows[0], names, strict=True)
        if name not in known
    ]
    problems += [
        CellProblem(rows[0][0], f"{what} has no '{name}' column; expected {_columns(required)}")
        for name in required
        if name not in names
    ]
    return names, problems


def _columns(names: Sequence[str]) -> str:
    return "columns " + ", ".join(names)


def _converted(cell: Cell, convert: Callable[[str], T], out: list[CellProblem]) -> T | None:
    """``convert`` of the cell's text, or None with the converter's refusal filed in ``out``."""
    try:
        return convert(cell.text.strip())
    except pytest.fail.Exception as refusal:
        out.append(CellProblem(cell, str(refusal.msg)))
        return None


def _decoded(
    decode: Decoder, value: dict[str, object], row: dict[str, Cell], index: int
) -> list[CellProblem]:
    """What the case file's reader ``decode`` says of one row's mapping, each problem at the
    cell of the key it is about (at the row's first cell when it is about the whole row)."""
    issues: list[Issue] = []
    decode(value, (), index, issues)
    first = next(iter(row.values()))
    return [
        CellProblem(
            row.get(str(i.path[1]), first) if len(i.path) > 1 else first,
            i.message + (f"; expected {i.expected}" if i.expected else ""),
        )
        for i in issues
    ]


def _by_name(names: Sequence[str], row: Sequence[Cell]) -> dict[str, Cell]:
    return dict(zip(names, row, strict=True))


# -- the readers ---------------------------------------------------------------------------------

_EVENT = compile_node(EVENT, "the event")
_INTERVIEWER = compile_node(INTERVIEWER, "the interviewer")
# An event read from a row: its case-file mapping, and where each of its values was written.
PlacedEvent = tuple[dict[str, object], dict[str, tuple[int, int]]]


def event_rows(rows: Rows) -> tuple[list[PlacedEvent], list[CellProblem]]:
    """The events of a ``these events:`` table, read as a case file's events are: a column per
    event key, an empty cell or ``-`` leaving the key out."""
    names, problems = _header(rows, "the events table", ("date", "type"), EVENT_COLUMNS)
    if problems:
        return [], problems
    events: list[PlacedEvent] = []
    for index, row in enumerate(rows[1:]):
        cells = {k: c for k, c in _by_name(names, row).items() if c.text.strip() not in NOTHING}
        event: dict[str, object] = {k: c.text.strip() for k, c in cells.items()}
        problems += _decoded(_EVENT, event, _by_name(names, row), index)
        events.append((event, {k: (c.line, c.col) for k, c in cells.items() if c.line}))
    return events, problems


def interviewer_rows(rows: Rows) -> tuple[list[dict[str, object]], list[CellProblem]]:
    """The people of a ``the interviewers are:`` table: a name each, and an email if given."""
    names, problems = _header(rows, "the interviewers table", ("name",), ("email",))
    if problems:
        return [], problems
    people: list[dict[str, object]] = []
    for index, row in enumerate(rows[1:]):
        cells = _by_name(names, row)
        person: dict[str, object] = {"name": cells["name"].text.strip()}
        if "email" in cells and cells["email"].text.strip():
            person["email"] = cells["email"].text.strip()
        problems += _decoded(_INTERVIEWER, person, cells, index)
        people.append(person)
    return people, problems


@dataclass(frozen=True, slots=True)
class Expected:
    """One row of ``the schedule is:``: an action due on a day, and what else the row says.

    Attributes:
        channel: The channel the row names (None for an empty cell or ``-``: no channel).
        by_channel: Whether the table has a channel column (else any channel will do).
        rule: The rule id the row names, when the table has a rule column.
    """

    due: date
    action: str
    channel: str | None
    by_channel: bool
    rule: str | None


def schedule_rows(rows: Rows) -> tuple[list[Expected], list[CellProblem]]:
    """The steps a ``the schedule is:`` table expects, in order: columns due and action, and
    optionally channel and rule, each cell read as the step sentences read it."""
    names, problems = _header(rows, "the schedule table", ("due", "action"), ("channel", "rule"))
    if problems:
        return [], problems
    expected: list[Expected] = []
    for row in rows[1:]:
        cells = _by_name(names, row)
        due = _converted(cells["due"], day_of, problems)
        action = _converted(cells["action"], action_of, problems)
        said = cells.get("channel")
        channel = None
        if said is not None and said.text.strip() not in NOTHING:
            channel = _converted(said, channel_of, problems)
        rule = cells["rule"].text.strip() if "rule" in cells else None
        if due is not None and action is not None:
            expected.append(Expected(due, action, channel, said is not None, rule))
    return expected, problems
