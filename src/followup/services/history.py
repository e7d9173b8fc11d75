"""``followup history``: what was recorded, across applications, in the order it happened.

Each row of every application's history (events, edits, retractions) is dated: an event by the
day it happened, an edit or a retraction by the day it was recorded (UTC), since that is when
it was done.  Archived applications are included and marked: history hides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup.tracker.records import Entry, is_edit
from followup.tracker.store import Store


@dataclass(frozen=True, slots=True)
class Line:
    """One row of one application's history, with the day it belongs to."""

    app_id: str
    company: str
    role: str
    day: date
    entry: Entry
    archived: bool
    # What is wrong with the day it belongs to, when its stored date cannot be read (a row
    # damaged or written by hand): it is then listed on the day it was recorded, or last.
    problem: str = ""


def entry_day(entry: Entry) -> tuple[date, str]:
    """The day an entry belongs to: an event's date, else the day it was recorded; and, when
    a stored date cannot be read, what is wrong (the entry then goes under the day it was
    recorded, or, if that cannot be read either, last, on `date.max`)."""
    problem = ""
    if entry.retracts is None and not is_edit(entry.data) and entry.data.get("date"):
        given = str(entry.data["date"])
        try:
            return date.fromisoformat(given), ""
        except ValueError:
            problem = f"entry #{entry.seq}: its date {given[:40]!r} is not a date"
    try:
        return date.fromisoformat(entry.recorded_at[:10]), problem
    except ValueError:
        shown = entry.recorded_at[:40]
        return date.max, problem or f"entry #{entry.seq}: its time {shown!r} is not a date"


def across(store: Store, apps: list[str] | None, since: date | None) -> list[Line]:
    """Every entry of ``apps`` (default: every application) on or after ``since``, by day,
    then in the order recorded.

    Raises:
        UsageError: an unknown or ambiguous APP.
    """
    lines: list[Line] = []
    with store.reading():
        ids = [store.resolve(a) for a in apps] if apps else store.ids()
        archived = store.archived()
        names = {i: (c, r) for i, c, r in store.names()}
        for app_id in dict.fromkeys(ids):
            company, role = names.get(app_id, ("", ""))
            for entry in store.history(app_id):
                day, problem = entry_day(entry)
                if since is None or day >= since or problem:
                    line = Line(app_id, company, role, day, entry, app_id in archived, problem)
                    lines.append(line)
    lines.sort(key=lambda line: (line.day, line.entry.seq))
    return lines
