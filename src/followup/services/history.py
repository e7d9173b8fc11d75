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


def entry_day(entry: Entry) -> date:
    """The day an entry belongs to: an event's date, else the day it was recorded."""
    if entry.retracts is None and not is_edit(entry.data) and entry.data.get("date"):
        return date.fromisoformat(str(entry.data["date"]))
    return date.fromisoformat(entry.recorded_at[:10])


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
                day = entry_day(entry)
                if since is None or day >= since:
                    lines.append(Line(app_id, company, role, day, entry, app_id in archived))
    lines.sort(key=lambda line: (line.day, line.entry.seq))
    return lines
