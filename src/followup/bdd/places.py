"""Where a scenario said things: its feature file, a step's line, each cell of a step's table.

A problem found in what a scenario said is reported where the coach wrote it, the way followup
reports a problem in any file: ``features/acme.feature:14:9: ...``.  `followup spec` checks the
steps before running them (`followup.spec.steps_check`) and knows every place from the parsed
feature; while a scenario runs, the plugin (`followup.bdd.plugin`) tells the scenario's world
which feature file is running and which step, so a problem found then names its line too.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytest_bdd.parser import Step

# The feature file whose steps are being checked or run: a file a step names is looked for next
# to it.  Set by the plugin around each scenario, and by `followup spec` while it checks a file.
FEATURE: ContextVar[Path | None] = ContextVar("followup_feature", default=None)


def shown_path(path: Path) -> str:
    """How messages name ``path``: relative to the working folder where it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a step's table: its text and, when known, where it was written (from 1)."""

    text: str
    line: int = 0
    col: int = 0


# A step's table, its header row first.
Rows = tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class StepPlace:
    """Where the running step was written: its line, its keyword's column, its table's cells."""

    line: int
    col: int
    table: Rows = ()


def table_cells(step: Step) -> Rows:
    """The cells of the table under ``step`` (none without one), each with its place."""
    if step.datatable is None:
        return ()
    return tuple(
        tuple(Cell(c.value, c.location.line, c.location.column) for c in row.cells)
        for row in step.datatable.rows
    )


def step_place(step: Step) -> StepPlace:
    """Where ``step`` (as pytest-bdd runs it) was written."""
    return StepPlace(step.line_number, step.indent + 1, table_cells(step))


def located_rows(raw: Sequence[Sequence[object]], here: StepPlace | None) -> Rows:
    """The table a step was given (``raw``), with the places of the running step's table when
    they are the same cells, else unplaced."""
    texts = [[str(cell) for cell in row] for row in raw]
    if here is not None and [[c.text for c in row] for row in here.table] == texts:
        return here.table
    return tuple(tuple(Cell(text) for text in row) for row in texts)
