"""``followup agenda``: the next step of every case in a batch, for an agency's morning run.

Every playbook is compiled once and shared by all cases.  A case with problems is reported on
stderr (located) and skipped, the rest still run, and the exit code is 2 if any case was bad.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import next_steps
from followup.engine.result import Step
from followup.errors import FollowupError, InputError, UsageError, visible
from followup.io.jsonl import read_jsonl
from followup.io.user_files import folder_entries, path_kind
from followup.io.yaml_reader import Document, read_yaml_file
from followup.language.case_loader import build_case
from followup.model.case import Case
from followup.render.json_out import agenda_json
from followup.render.words import action_words, day
from followup.services.cases import calendar_for
from followup.timeline.durations import DateRangeError

PROGRESS_FROM = 200  # cases; a smaller batch finishes before a bar is worth drawing
CHUNK = 5000  # cases between collections and progress updates
dumps = json.JSONEncoder(ensure_ascii=False).encode


class BatchHadProblems(FollowupError):
    """Some cases in a batch could not be planned (each already reported)."""

    exit_code = 2


def _documents(path: Path) -> tuple[int, Iterator[Document | InputError]]:
    """How many cases there are, and each as a document (or the error reading it).

    Raises:
        InputError: the batch itself cannot be read (missing, a FIFO, a device, a loop...).
    """
    if path_kind(path) == "folder":
        # Every *.yaml entry, whatever it is: a FIFO or a loop among them is reported as a
        # bad case (by the reader's type check) rather than silently left out.
        files = folder_entries(path, str(path), (".yaml", ".yml"))

        def from_files() -> Iterator[Document | InputError]:
            for f in files:
                try:
                    yield read_yaml_file(f)
                except InputError as err:
                    yield err

        return len(files), from_files()
    return read_jsonl(path)


@dataclass(frozen=True, slots=True)
class Row:
    """What the agenda table shows for one case."""

    case_id: str
    state: str
    outcome: str | None
    step: Step | None


def _case_and_playbook(
    item: Document,
    batch: bool,
    fixed: CompiledPlaybook | None,
    by_id: dict[str, CompiledPlaybook],
    dirs: tuple[Path, ...],
) -> tuple[Case, CompiledPlaybook]:
    """The checked case and the playbook it runs under.

    Raises:
        InputError: the case has problems, names no playbook, or one that does not exist.
    """
    if batch and isinstance(item.data, dict) and "id" not in item.data:
        raise InputError([item.problem((), "the case has no 'id'", "an 'id' on every case")])
    case = build_case(item)
    if fixed is not None:
        return case, fixed
    name = case.playbook
    if not name:
        raise InputError(
            [item.problem((), "the case names no playbook", "'playbook: ID' or --playbook")]
        )
    cp = by_id.get(name)
    if cp is None:
        try:
            cp = by_id[name] = catalog.load(name, dirs)
        except UsageError as err:  # the name came from the case: point at it there
            message = f"case '{case.id}': {err}"
            raise InputError(
                [item.problem(("playbook",), message, "the id of a known playbook")]
            ) from None
    return case, cp


def run_agenda(
    path: Path, today: date, ref: str | None, dirs: tuple[Path, ...], as_json: bool
) -> None:
    """Plan every case in ``path`` as of ``today`` and print one line (or row) per case.

    Raises:
        InputError: the batch cannot be read (located at ``path:1:1``).
        UsageError: the playbook cannot be found.
        BatchHadProblems: some cases were reported on stderr and skipped.
    """
    total, docs = _documents(path)  # the batch is refused first: nothing else is worth doing
    fixed = catalog.load(ref, dirs) if ref else None
    by_id: dict[str, CompiledPlaybook] = {}
    batch = path_kind(path) != "folder"
    bad = 0
    rows: list[Row] = []
    write = sys.stdout.write
    bar = (
        click.progressbar(length=total, file=sys.stderr, label="planning")
        if sys.stderr.isatty() and total > PROGRESS_FROM
        else None
    )
    # A batch makes millions of short-lived objects and no reference cycles; the cyclic
    # collector would only rescan them (a quarter of the run), so it runs between chunks instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for count, item in enumerate(docs, start=1):
            if count % CHUNK == 0:
                gc.collect(0)
                if bar is not None:
                    bar.update(CHUNK)
            try:
                if isinstance(item, InputError):
                    raise item
                case, cp = _case_and_playbook(item, batch, fixed, by_id, dirs)
                state, outcome, steps = next_steps(cp, case, today, calendar_for(case, item))
            except (InputError, UsageError) as err:
                bad += 1
                click.echo(str(err), err=True)
                continue
            except DateRangeError as err:  # dates are checked at input: a last line of defence
                bad += 1
                assert not isinstance(item, InputError)
                click.echo(str(item.problem((), f"case '{case.id}': {err}")), err=True)
                continue
            if as_json:
                write(dumps(agenda_json(case.id, cp.id, state, steps)) + "\n")
            else:
                rows.append(Row(case.id, state, outcome, steps[0] if steps else None))
    finally:
        if collecting:
            gc.enable()
    if bar is not None:
        bar.render_finish()
    if not as_json:
        click.echo(visible(agenda_table(rows, today), keep="\n"), nl=False)
    if bad:
        raise BatchHadProblems(f"followup: {bad} case(s) had problems and were skipped")


def agenda_table(rows: list[Row], today: date) -> str:
    """Cases with something to do, soonest first, then closed or idle cases."""
    due = sorted(
        (r for r in rows if r.step), key=lambda r: (r.step.due if r.step else today, r.case_id)
    )
    rest = sorted((r for r in rows if not r.step), key=lambda r: r.case_id)
    lines = [f"Agenda for {day(today)}: {len(due)} case(s) with a next step", ""]
    width = max((len(r.case_id) for r in rows), default=4)
    for p in due:
        step = p.step
        assert step is not None
        mark = "!" if step.due <= today else " "
        what = action_words(step.action, step.channel)
        lines.append(f"{mark} {day(step.due)}  {p.case_id:<{width}}  {what}  [{p.state}]")
    if rest:
        lines += ["", "Nothing to do"]
        for p in rest:
            why = f"closed: {p.outcome}" if p.outcome else p.state
            lines.append(f"  {p.case_id:<{width}}  {why}")
    return "\n".join(lines) + "\n"
