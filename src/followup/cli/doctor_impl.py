"""``followup doctor``: between parsing flags and printing.

The checks and repairs are in `followup.services.doctor`; this module opens the tracker, runs
them and prints the report (text or ``--json``).  Exit 0 when the tracker is healthy (after any
repair), 1 when problems are left (a file SQLite cannot read is one: its integrity check
failed), 2 when there is no tracker file to check.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from followup.cli import tracker_flags as flags
from followup.errors import EXIT_FAILURE, FollowupError, json_visible, visible
from followup.services import doctor
from followup.tracker.connection import DamagedFile

_UNCHECKED = "not checked: the file cannot be read"


class Unhealthy(FollowupError):
    """The tracker has problems (each already reported)."""

    exit_code = EXIT_FAILURE


def run(
    repair: bool, today: date | None, db: Path | None, as_json: bool, dirs: tuple[Path, ...]
) -> None:
    """``followup doctor [--repair]``: check the tracker, print what was found.

    Raises:
        UsageError: there is no file, or it is not a followup tracker.
        StoreError: the database stayed busy, or (with ``--repair``) could not be written.
        Unhealthy: problems are left (exit 1).
    """
    repaired: list[str] = []
    try:
        with flags.open_db(db, write=False, must_exist=True) as store:
            path = store.path
            report = doctor.examine(store, today, dirs)
            if repair and not report.healthy:
                repaired = doctor.repair(store, report)
                report = doctor.examine(store, today, dirs)
    except DamagedFile as err:
        # Finding this is the doctor's job: a failed check to report, not an error to stop on.
        path, report, repaired = err.path, doctor.unreadable(err.reason), []
    if as_json:
        click.echo(
            json_visible(json.dumps(_json(path, report, repaired), indent=2, ensure_ascii=False))
        )
    else:
        click.echo("\n".join(_lines(path, report, repaired)))
    if report.damaged:
        raise Unhealthy(
            f"{visible(str(path))}: the file is damaged; expected a readable SQLite file: "
            "restore it from a backup ('followup doctor --repair' only adds rows, it cannot "
            "mend the file)"
        )
    if not report.healthy:
        hint = "" if repair else "; 'followup doctor --repair' sets right what it can"
        raise Unhealthy(f"{len(report.findings)} problem(s) found{hint}")


def _json(path: Path, report: doctor.Report, repaired: list[str]) -> dict[str, object]:
    return {
        "db": str(path),
        "healthy": report.healthy,
        "checks": {check: _check(report, check) for check in doctor.CHECKS},
        "applications": report.applications,
        "archived": report.archived,
        "repaired": repaired,
    }


def _check(report: doctor.Report, check: str) -> dict[str, object]:
    found: list[dict[str, object]] = [
        {"id": f.app_id, "message": f.message, "repairable": f.archivable}
        for f in report.findings
        if f.check == check
    ]
    if check in report.unchecked:  # not ok: nothing says it is
        found.append({"id": None, "message": _UNCHECKED, "repairable": False})
    return {"ok": not found, "problems": found}


def _lines(path: Path, report: doctor.Report, repaired: list[str]) -> list[str]:
    lines = [f"followup doctor: {visible(str(path))}"]
    for check in doctor.CHECKS:
        if check in report.unchecked:
            lines.append(f"  {check:<13} {_UNCHECKED}")
            continue
        found = [f for f in report.findings if f.check == check]
        extra = f" ({report.applications} checked)" if check == "applications" else ""
        lines.append(f"  {check:<13} {'ok' if not found else f'{len(found)} problem(s)'}{extra}")
        for f in found:
            where = f"{visible(f.app_id)[:70]}: " if f.app_id is not None else ""
            lines.append(f"    {where}{visible(f.message)}")
    if report.archived:
        lines.append(f"  archived      {len(report.archived)} (skipped by the other commands)")
        lines += [f"    {visible(i)[:70]}: {visible(r)}" for i, r in report.archived.items()]
    if repaired:
        lines.append("repaired (by adding only; nothing was deleted or rewritten)")
        lines += [f"  {visible(line)}" for line in repaired]
    lines.append("healthy" if report.healthy else "problems found")
    return lines
