"""``followup agenda``: the next step of every case in a batch, for an agency's morning run.

Every playbook is compiled once and shared by all cases.  A case with problems is reported on
stderr (located) and skipped, the rest still run, and the exit code is 2 if any case was bad.
A case whose id an earlier case already has is such a case: each id is planned once, so every
output line (or row) names one case.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import click

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import next_steps
from followup.errors import FollowupError, InputError, Problem, UsageError, visible
from followup.io.jsonl import name_case, read_jsonl, read_jsonl_lines, repeated_id
from followup.io.user_files import Line, check_user_file, folder_entries, path_kind
from followup.io.yaml_reader import YAML_SUFFIXES, Document, read_yaml_file
from followup.language.case_loader import build_case
from followup.model.case import Case
from followup.render.agenda_text import Row, agenda_table
from followup.render.json_out import agenda_json
from followup.services.cases import calendar_for
from followup.timeline.durations import DateRangeError

PROGRESS_FROM = 200  # cases; a smaller batch finishes before a bar is worth drawing
CHUNK = 5000  # cases between collections and progress updates
dumps = json.JSONEncoder(ensure_ascii=False).encode


class BatchHadProblems(FollowupError):
    """Some cases in a batch could not be planned (each already reported)."""

    exit_code = 2


class Planned(NamedTuple):
    """A case planned: its id, its JSON line (``--json``) or table row, and where its id was
    written (file, line, column), or the document to find that in when it is asked for."""

    case_id: str
    output: str | Row
    where: tuple[str, int, int] | None = None
    doc: Document | None = None

    def located(self) -> tuple[str, int, int]:
        """Where the case's id was written."""
        if self.where is not None:
            return self.where
        assert self.doc is not None
        return (self.doc.file, *self.doc.where(("id",)))

    def line(self) -> tuple[str, int, int]:
        """The file and line of the case (all a later case with its id needs to name it)."""
        if self.where is not None:
            return self.where
        assert self.doc is not None
        line, col = self.doc.locations.get((), (1, 1))
        return (self.doc.file, line, col)


class RefusedCase(InputError):
    """A case with an id that could not be planned: its id still counts as used, so a later
    case with the same id is reported too, as ``validate`` reports it (every problem at once)."""

    def __init__(
        self, problems: Iterable[Problem], case_id: str, where: tuple[str, int, int]
    ) -> None:
        super().__init__(problems)
        self.case_id = case_id
        self.where = where

    def __reduce__(self) -> Any:
        return (type(self), (self.problems, self.case_id, self.where))


def _refused(item: Document, problems: Iterable[Problem]) -> InputError:
    """``problems`` of a case, remembering its id (if it has one) and its line."""
    data = item.data
    case_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(case_id, str):
        return InputError(problems)
    line, col = item.locations.get((), (1, 1))
    return RefusedCase(problems, case_id, (item.file, line, col))


def _same_id(case: Planned, first: tuple[str, int, int]) -> InputError:
    """A case whose id an earlier case of the batch already has (`repeated_id`)."""
    return InputError([repeated_id(case.case_id, case.located(), first)])


def _documents(path: Path) -> tuple[int, Iterator[Document | InputError]]:
    """How many cases there are, and each as a document (or the error reading it).

    Raises:
        InputError: the batch itself cannot be read (missing, a FIFO, a device, a loop...).
    """
    if path_kind(path) == "folder" or _case_file(path):
        # Every *.yaml entry, whatever it is: a FIFO or a loop among them is reported as a
        # bad case (by the reader's type check) rather than silently left out.
        files = _case_files(path)

        def from_files() -> Iterator[Document | InputError]:
            for f in files:
                try:
                    yield read_yaml_file(f)
                except InputError as err:
                    yield err

        return len(files), from_files()
    return read_jsonl(path)


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
        except (UsageError, InputError) as err:  # the name came from the case: point there
            message = f"case '{case.id}': {_why(err)}"
            raise InputError(
                [item.problem(("playbook",), message, "the id of a known playbook")]
            ) from None
    return case, cp


def _why(err: UsageError | InputError) -> str:
    """What is wrong with a playbook a case names, for a problem located in the case."""
    if isinstance(err, UsageError):
        return str(err)
    return "; ".join(f"playbook file '{p.file}': {p.message}" for p in err.problems)


class Planner:
    """Plans one case of a batch at a time, sharing every compiled playbook between cases.

    It is all a worker process of ``--jobs`` needs: each gets a copy when it starts.
    """

    def __init__(
        self,
        today: date,
        fixed: CompiledPlaybook | None,
        dirs: tuple[Path, ...],
        as_json: bool,
        batch: bool,
    ) -> None:
        self.today = today
        self.fixed = fixed
        self.dirs = dirs
        self.as_json = as_json
        self.batch = batch
        self.by_id: dict[str, CompiledPlaybook] = {}
        # In this process an answer keeps its document, and its id is located only when
        # another case has the same id; a worker's answers travel back without it.
        self.keep_documents = True

    def plan(self, item: Document | InputError) -> Planned | InputError:
        """The case planned (its JSON line or table row), or its located problems.

        A bad case is returned, never raised: one case never stops a batch.
        """
        if isinstance(item, InputError):
            return item
        case = None
        try:
            case, cp = _case_and_playbook(item, self.batch, self.fixed, self.by_id, self.dirs)
            state, outcome, steps = next_steps(cp, case, self.today, calendar_for(case, item))
        except InputError as err:
            # A batch line's number alone does not say which case: name it in every problem.
            return _refused(
                item, name_case(item, list(err.problems)) if self.batch else err.problems
            )
        except UsageError as err:  # never expected from one case; still, it stops only that one
            return _refused(item, [item.problem((), str(err))])
        except DateRangeError as err:  # dates are checked at input: a last line of defence
            named = f"case '{case.id}': {err}" if case is not None else str(err)
            return _refused(item, [item.problem((), named)])
        if self.keep_documents:
            where, doc = None, item
        else:
            where, doc = (item.file, *item.where(("id",))), None
        if self.as_json:
            line = dumps(agenda_json(case.id, cp.id, state, outcome, steps)) + "\n"
            return Planned(case.id, line, where, doc)
        row = Row(case.id, state, outcome, steps[0] if steps else None)
        return Planned(case.id, row, where, doc)


def run_agenda(
    path: Path,
    today: date,
    ref: str | None,
    dirs: tuple[Path, ...],
    as_json: bool,
    jobs: int = 1,
) -> None:
    """Plan every case in ``path`` as of ``today`` and print one line (or row) per case.

    Args:
        path: A JSON Lines file or a folder of YAML case files.
        today: The day to answer for.
        ref: A playbook id or file used for every case (else each case's own).
        dirs: Coaches' playbook folders.
        as_json: One JSON object per line instead of a table.
        jobs: Worker processes; with more than one, output is still in input order.

    Raises:
        InputError: the batch cannot be read (located at ``path:1:1``).
        UsageError: the playbook cannot be found.
        BatchHadProblems: some cases were reported on stderr and skipped.
    """
    batch = path_kind(path) != "folder"
    # The batch is refused first (nothing else is worth doing), then a --playbook that is bad.
    if jobs > 1:
        total, items = _items(path)
    else:
        total, docs = _documents(path)
    planner = Planner(today, catalog.load(ref, dirs) if ref else None, dirs, as_json, batch)
    bad = 0
    rows: list[Row] = []
    seen: dict[str, tuple[str, int, int]] = {}  # each id planned, and where it was written
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
        if jobs > 1:
            # lazy: processes are started only when asked for
            from followup.cli.agenda_jobs import plan_in_workers

            answers: Iterator[Planned | InputError] = plan_in_workers(
                planner, path, items, jobs, bar
            )
        else:
            answers = map(planner.plan, docs)
        for count, answer in enumerate(answers, start=1):
            if count % CHUNK == 0:
                gc.collect(0)
                if bar is not None and jobs == 1:
                    bar.update(CHUNK)
            if isinstance(answer, Planned):
                # One case per id: a later case with an id already planned is a bad record.
                first = seen.get(answer.case_id)
                if first is None:
                    seen[answer.case_id] = answer.line()
                else:
                    answer = _same_id(answer, first)
            elif isinstance(answer, RefusedCase):  # its id is taken all the same
                seen.setdefault(answer.case_id, answer.where)
            if isinstance(answer, InputError):
                bad += 1
                click.echo(str(answer), err=True)
            elif isinstance(answer.output, str):
                write(answer.output)
            else:
                rows.append(answer.output)
    finally:
        if collecting:
            gc.enable()
    if bar is not None:
        bar.render_finish()
    if not as_json:
        click.echo(visible(agenda_table(rows, today), keep="\n"), nl=False)
    if bad:
        raise BatchHadProblems(f"followup: {bad} case(s) had problems and were skipped")


def _items(path: Path) -> tuple[int, Iterator[Line] | Iterator[Path]]:
    """How many items, and each unread: a line's bytes or a case file's path (for workers).

    Raises:
        InputError: as :func:`_documents`.
    """
    if path_kind(path) == "folder" or _case_file(path):
        files = _case_files(path)
        return len(files), iter(files)
    return read_jsonl_lines(path)


def _case_file(path: Path) -> bool:
    """Whether CASES names one YAML case file: a batch of that one case, not JSON Lines."""
    return path.name.endswith(YAML_SUFFIXES)


def _case_files(path: Path) -> list[Path]:
    """The case files of a folder batch (or the one named), sorted.

    Raises:
        InputError: the folder cannot be listed, or the file named cannot be read.
    """
    if _case_file(path):
        # One file named: one that cannot be read is the batch's own problem, as for JSON Lines.
        check_user_file(path, str(path), "YAML case file, a JSON Lines file or a folder")
        return [path]
    return folder_entries(path, str(path), YAML_SUFFIXES)
