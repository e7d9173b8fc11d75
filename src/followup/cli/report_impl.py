"""``followup report``: gather the plans, render the page, write it atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import click

from followup.analysis.choice import defaults_from
from followup.cli import tracker_flags as flags
from followup.errors import InputError, Problem, UsageError, visible
from followup.render import report_html
from followup.services import choosing
from followup.services.cases import names_case_file, today_for
from followup.tracker.store import Store


def _open(db: Path | None) -> Store:
    # lazy: the tracker's flag checks live with its commands
    from followup.cli.tracker_flags import open_db

    return open_db(db, write=False)


def _writable(out: Path) -> None:
    """Refuse an ``--out`` that names a folder, or a file in a folder that does not exist.

    Raises:
        UsageError: saying which, and what was expected.
    """
    if out.is_dir():
        raise UsageError(f"--out: '{out}' is a folder; expected an .html file to write")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--out: folder '{folder}' does not exist; expected an existing folder")


def _write(out: Path, text: str) -> None:
    """Write the page whole or not at all (a reader never sees half a page)."""
    _writable(out)  # again: the folder may have changed while the page was made
    folder = out.parent if str(out.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=folder)
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)  # readable as any file the user writes, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report(
    refs: tuple[str, ...],
    out: Path,
    persistence: str,
    dirs: tuple[Path, ...],
    today: date | None,
    db: Path | None,
) -> None:
    """``followup report``.

    Raises:
        UsageError: unknown case or application, or ``--out`` cannot be written there.
        InputError: a case file or playbook has problems.
        SomeAppsFailed: the page was written, but some applications could not be planned
            (each named on stderr, as the page lists them; exit 1).
    """
    _writable(out)  # before anything is read: a wrong --out wastes nothing
    store = None
    problems: list[tuple[str, str]] = []
    broken: list[Problem] = []
    if not refs or not all(names_case_file(r) for r in refs):
        store = _open(db)
    try:
        if refs:
            views = []
            for ref in refs:
                found = choosing.subject(ref, store, today)
                answers = replace(defaults_from(found.case), persistence=persistence)
                choice, broken = choosing.choose(found, answers, dirs, today)
                day = today or today_for(found.case)
                current = found.case.playbook
                views.append(report_html.case_view(choice, day, current))
            title = "Choosing a playbook"
            text = report_html.page(title, cases=views)
        else:
            assert store is not None
            apps, problems = choosing.open_plans(store, today, dirs)
            day = today or date.today()
            view = report_html.tracker_view(apps, day, problems)
            text = report_html.page("Your applications", tracker=view)
    finally:
        if store is not None:
            store.close()
    _write(out, text)
    click.echo(f"wrote {visible(str(out))}")
    flags.report(problems)  # as list and today do: the page has them, a script must know too
    if broken:  # ranked what loads; the broken playbooks are named, and the exit is 2
        raise InputError(broken)
