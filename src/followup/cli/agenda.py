"""``followup agenda``: the next step of every case in a batch, for an agency's morning run.

Every playbook is compiled once and shared by all cases.  A case with problems is reported on
stderr (located) and skipped, the rest still run, and the exit code is 2 if any case was bad.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click

from followup import catalog
from followup.cli.commands import calendar_for
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.errors import FollowupError, InputError, Problem, UsageError
from followup.io.case_loader import build_case
from followup.io.jsonl import line_document
from followup.io.yaml_reader import Document, read_yaml_file
from followup.render.json_out import agenda_json
from followup.render.words import action_words, day


class BatchHadProblems(FollowupError):
    """Some cases in a batch could not be planned (each already reported)."""

    exit_code = 2


def _documents(path: Path) -> tuple[int, Iterator[Document | InputError]]:
    """How many cases there are, and each as a document (or the error reading it)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())

        def from_files() -> Iterator[Document | InputError]:
            for f in files:
                try:
                    yield read_yaml_file(f)
                except InputError as err:
                    yield err

        return len(files), from_files()
    try:
        lines = path.read_bytes().splitlines()
    except OSError as err:
        raise UsageError(f"cannot read '{path}': {err.strerror}") from None
    name = str(path)

    def from_lines() -> Iterator[Document | InputError]:
        for lineno, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8")
                yield line_document(text, name, lineno)
            except UnicodeDecodeError as err:
                yield InputError([Problem(name, lineno, err.start + 1, "not UTF-8", "UTF-8 text")])
            except InputError as err:
                yield err

    return len(lines), from_lines()


def run_agenda(
    path: Path, today: date, ref: str | None, dirs: tuple[Path, ...], as_json: bool
) -> None:
    """Plan every case in ``path`` as of ``today`` and print one line (or row) per case.

    Raises:
        UsageError: the batch or the playbook cannot be found.
        BatchHadProblems: some cases were reported on stderr and skipped.
    """
    if not path.exists():
        raise UsageError(f"'{path}' does not exist; expected a JSON Lines file or a folder")
    fixed = catalog.load(ref, dirs) if ref else None
    by_id: dict[str, CompiledPlaybook] = {}
    batch = path.suffix == ".jsonl" or path.is_file()
    total, docs = _documents(path)
    bad = 0
    plans: list[Plan] = []
    write = sys.stdout.write
    show_progress = sys.stderr.isatty() and total > 200
    bar = (
        click.progressbar(length=total, file=sys.stderr, label="planning")
        if show_progress
        else None
    )
    for item in docs:
        if bar is not None:
            bar.update(1)
        try:
            if isinstance(item, InputError):
                raise item
            if batch and isinstance(item.data, dict) and "id" not in item.data:
                raise InputError(
                    [item.problem((), "the case has no 'id'", "an 'id' on every case in a batch")]
                )
            case = build_case(item)
            cp = fixed
            if cp is None:
                name = case.playbook
                if not name:
                    raise InputError(
                        [
                            item.problem(
                                (), "the case names no playbook", "'playbook: ID' or --playbook"
                            )
                        ]
                    )
                cp = by_id.get(name) or by_id.setdefault(name, catalog.load(name, dirs))
            plan = plan_case(cp, case, today, calendar_for(case, item), next_only=True)
        except (InputError, UsageError) as err:
            bad += 1
            click.echo(str(err), err=True)
            continue
        if as_json:
            write(json.dumps(agenda_json(plan), ensure_ascii=False) + "\n")
        else:
            plans.append(plan)
    if bar is not None:
        bar.render_finish()
    if not as_json:
        click.echo(agenda_table(plans, today), nl=False)
    if bad:
        raise BatchHadProblems(f"followup: {bad} case(s) had problems and were skipped")


def agenda_table(plans: list[Plan], today: date) -> str:
    """Cases with something to do, soonest first, then closed or idle cases."""
    due = sorted((p for p in plans if p.next), key=lambda p: (p.next[0].due, p.case_id))
    rest = sorted((p for p in plans if not p.next), key=lambda p: p.case_id)
    lines = [f"Agenda for {day(today)}: {len(due)} case(s) with a next step", ""]
    width = max((len(p.case_id) for p in plans), default=4)
    for p in due:
        step = p.next[0]
        mark = "!" if step.due <= today else " "
        what = action_words(step.action, step.channel)
        lines.append(f"{mark} {day(step.due)}  {p.case_id:<{width}}  {what}  [{p.state}]")
    if rest:
        lines += ["", "Nothing to do"]
        for p in rest:
            why = f"closed: {p.outcome}" if p.outcome else p.state
            lines.append(f"  {p.case_id:<{width}}  {why}")
    return "\n".join(lines) + "\n"
