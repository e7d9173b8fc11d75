"""What is written under a step, checked before the run: its table, cell by cell, or its text.

A table step reads its table with a reader of the step library (`followup.bdd.tables`); the
same reader is run here on every table of every scenario, an outline's once per row of its
examples, so a cell the step would refuse when it runs is reported before anything runs, in the
same words, at the cell (a placeholder cell at the examples' cell that filled it).  A step that
needs a table or a doc string and has none is reported at the step.
"""

from __future__ import annotations

from pytest_bdd.parser import PARAM_RE, Step, render_string

from followup.bdd.places import Cell, Rows, table_cells
from followup.bdd.tables import reader_of
from followup.errors import Problem
from followup.spec.outlines import Said
from followup.spec.stepdoc import StepDef

NO_TABLE = "this step needs a table under it"
TABLE_EXPECTED = "a table whose first row names the columns (see followup spec --steps)"
NO_DOCSTRING = "this step needs a text under it"
DOCSTRING_EXPECTED = 'the text between lines of triple quotes (""")'


def written_under(name: str, definition: StepDef, step: Step, said: Said) -> list[Problem]:
    """What is wrong with the table or text under ``step`` (run as ``said``, the sentence
    ``definition`` matched), each problem located in the file named ``name``."""
    if definition.takes_table and step.datatable is None:
        return [Problem(name, said.line, said.col, NO_TABLE, TABLE_EXPECTED)]
    if definition.takes_docstring and step.docstring is None:
        return [Problem(name, said.line, said.col, NO_DOCSTRING, DOCSTRING_EXPECTED)]
    reader = reader_of(definition.func)
    if reader is None or step.datatable is None:
        return []
    _, refused = reader(_filled(table_cells(step), said))
    return [
        Problem(name, p.cell.line or said.line, p.cell.col or said.col, p.message) for p in refused
    ]


def _filled(rows: Rows, said: Said) -> Rows:
    """The table as the step runs it for ``said``'s row of examples: placeholders filled in,
    a cell that is one placeholder placed at the examples' cell that filled it."""
    if not said.row:
        return rows
    context = said.context
    by_name = {cell.name: cell for cell in said.row}
    filled: list[tuple[Cell, ...]] = []
    for row in rows:
        cells: list[Cell] = []
        for cell in row:
            whole = PARAM_RE.fullmatch(cell.text)
            source = by_name.get(whole.group(1)) if whole else None
            text = render_string(cell.text, context)
            if source is not None:
                cells.append(Cell(text, source.line, source.col))
            else:
                cells.append(Cell(text, cell.line, cell.col))
        filled.append(tuple(cells))
    return tuple(filled)
