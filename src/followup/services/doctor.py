"""``followup doctor``: is the tracker sound, and what can be set right without rewriting it.

Checks, in order: the file itself (SQLite's integrity check and its foreign keys), that it is a
followup tracker of the schema this version knows, that the safeguards keeping the history
append-only are in place, and then each application: a valid id, data that passes the case-file
rules, a plan from its playbook, and the drafts of its upcoming steps.

A repair only adds: it creates missing safeguards again, and archives (by appending a row) an
application that cannot be replayed, so the other commands skip it.  Nothing is deleted or
rewritten; an archived application's rows stay as they were, for the user to read or export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from followup.drafts.ical import reminders_for
from followup.errors import FollowupError, UsageError
from followup.language.patterns import id_problem
from followup.services.cases import calendar_for, today_for
from followup.services.planning import plan_for
from followup.tracker import schema
from followup.tracker.store import Store

CHECKS: Final = ("integrity", "schema", "safeguards", "applications")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong: which check found it, about which application (if one), and what."""

    check: str
    message: str
    app_id: str | None = None
    archivable: bool = False  # its stored data cannot be replayed: --repair archives it


@dataclass(slots=True)
class Report:
    """What the doctor found, what it repaired, and what it looked at."""

    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    applications: int = 0
    archived: dict[str, str] = field(default_factory=dict)
    unchecked: tuple[str, ...] = ()  # checks that could not run (the file cannot be read)

    @property
    def healthy(self) -> bool:
        """No finding is left, and every check ran."""
        return not self.findings and not self.unchecked

    @property
    def damaged(self) -> bool:
        """SQLite cannot read the file: nothing followup does can mend it."""
        return bool(self.unchecked)


def unreadable(reason: str) -> Report:
    """The report on a file SQLite cannot read (``reason``, in SQLite's words): the integrity
    check failed, and the checks that read the file could not run."""
    why = f"the file is damaged and cannot be read ({reason})"
    return Report(findings=[Finding("integrity", why)], unchecked=CHECKS[1:])


def examine(store: Store, today: date | None, dirs: tuple[Path, ...]) -> Report:
    """Every check, reading only."""
    report = Report()
    with store.reading():
        report.findings += _integrity(store)
        report.findings += _schema(store)
        report.findings += [Finding("safeguards", m) for m in schema.damaged_guards(store.conn)]
        try:
            report.archived = store.archived()
            found = store.load(include_closed=True)
        except UsageError as err:  # a damaged index names an application its table has not
            report.findings.append(Finding("applications", f"cannot be read: {err}"))
            return report
    report.applications = len(found)
    with store.reading():
        for stored in found:
            if snooze := store.snooze_problem(stored.app_id):
                report.findings.append(Finding("applications", snooze, stored.app_id))
    for stored in found:
        if stored.case is None:
            # An id that is no id is among the problems of a case that cannot be built.
            report.findings.append(Finding("applications", stored.problem, stored.app_id, True))
            continue
        if (bad := id_problem(stored.app_id)) is not None:  # a rule the case might not check
            report.findings.append(Finding("applications", bad, stored.app_id, True))
            continue
        try:
            _, cp = plan_for(stored.case, today, dirs)
        except FollowupError as err:
            # Not archived: a lost playbook comes back when its file does.
            report.findings.append(Finding("applications", str(err), stored.app_id))
            continue
        try:  # its drafts, as 'followup calendar' writes them (a closed one has none)
            day = today or today_for(stored.case)
            reminders_for(cp, stored.case, day, calendar_for(stored.case))
        except FollowupError as err:
            # Not archived either: the cause may be the playbook's template as well as the
            # application's text; closing the application takes it out of the calendar.
            why = f"{err}; 'followup close {stored.app_id}' takes it out of the calendar"
            report.findings.append(Finding("applications", why, stored.app_id))
    return report


def repair(store: Store, report: Report) -> list[str]:
    """Set right what can be by adding: safeguards created again, bad applications archived.

    Args:
        store: The open tracker.
        report: What `examine` found.

    Returns:
        What was done, one line each (examine again to see what is left).

    Raises:
        StoreError: the database could not be written.
    """
    bad_apps = {f.app_id: f.message for f in report.findings if f.archivable and f.app_id}
    with store.writing(guarded=False):
        restored = schema.restore_guards(store.conn)
        for app_id, why in bad_apps.items():
            store.archive(app_id, f"cannot be replayed: {why}")
    done = [f"trigger {name} created again" for name in restored]
    done += [f"archived {app_id[:70]} (its rows are kept)" for app_id in bad_apps]
    return done


def _integrity(store: Store) -> list[Finding]:
    rows = [str(r[0]) for r in store.execute("PRAGMA integrity_check")]
    found = [Finding("integrity", r) for r in rows if r != "ok"]
    for table, rowid, parent, _ in store.execute("PRAGMA foreign_key_check"):
        found.append(Finding("integrity", f"{table} row {rowid} points at a missing {parent} row"))
    return found


def _schema(store: Store) -> list[Finding]:
    version = int(store.execute("PRAGMA user_version")[0][0])
    if version != schema.LATEST:
        return [Finding("schema", f"schema version {version}; expected {schema.LATEST}")]
    return []
