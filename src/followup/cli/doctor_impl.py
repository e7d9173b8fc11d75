"""``followup doctor``: between parsing flags and printing.

The checks and repairs are in `followup.services.doctor`; this module opens the tracker, runs
them and prints the report (text or ``--json``).  Exit 0 when the tracker is healthy (after any
repair), 1 when problems are left.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from followup.cli import tracker_flags as flags
from followup.errors import EXIT_FAILURE, FollowupError, json_visible, visible
from followup.services import doctor


class Unhealthy(FollowupError):
    """The tracker has problems (each already reported)."""

    exit_code = EXIT_FAILURE


def run(
    repair: bool, today: date | None, db: Path | None, as_json: bool, dirs: tuple[Path, ...]
) -> None:
    """``followup doctor [--repair]``: check the tracker, print what was found.

    Raises:
        UsageError: the file is not a followup tracker.
        StoreError: the database could not be opened or (with ``--repair``) written.
        Unhealthy: problems are left (exit 1).
    """
    with flags.open_db(db, write=False) as store:
        path = store.path
        report = doctor.examine(store, today, dirs)
        repaired: list[str] = []
        if repair and not report.healthy:
            repaired = doctor.repair(store, report)
            report = doctor.examine(store, today, dirs)
    if as_json:
        click.echo(
            json_visible(json.dumps(_json(path, report, repaired), indent=2, ensure_ascii=False))
        )
    else:
        click.echo("\n".join(_lines(path, report, repaired)))
    if not report.healthy:
        hint = "" if repair else "; 'followup doctor --repair' sets right what it can"
        raise Unhealthy(f"{len(report.findings)} problem(s) found{hint}")


def _json(path: Path, report: doctor.Report, repaired: list[str]) -> dict[str, object]:
    return {
        "db": str(path),
        "healthy": report.healthy,
        "checks": {
            check: {
                "ok": not any(f.check == check for f in report.findings),
                "problems": [
                    {"id": f.app_id, "message": f.message, "repairable": f.archivable}
                    for f in report.findings
                    if f.check == check
                ],
            }
            for check in doctor.CHECKS
        },
        "applications": report.applications,
        "archived": report.archived,
        "repaired": repaired,
    }


def _lines(path: Path, report: doctor.Report, repaired: list[str]) -> list[str]:
    lines = [f"followup doctor: {visible(str(path))}"]
    for check in doctor.CHECKS:
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
