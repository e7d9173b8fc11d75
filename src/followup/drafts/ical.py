"""Upcoming steps as an iCalendar file that calendar apps can import again and again.

One all-day event per projected step (the schedule `followup plan` shows, assuming silence), on
its due date (an overdue step on today), with a display alarm at 9:00 that morning (``TRIGGER:
PT9H`` from the start of the all-day event, which is midnight local time), the why, the source
and the draft in its description, and a summary like "Check in by email: Acme Corp (Data
Engineer)".

Re-importing must update events, not duplicate them:

* **UID** is the application id, the interview round, the rule id and the occurrence number of
  that rule (how many times it was already done in the round, plus its place among the projected
  ones): never the date, so a step whose date moves keeps its UID and the event moves.
* **SEQUENCE** grows exactly when an event's content changes.  It cannot be read off the plan
  alone, so the last published state is kept in a small JSON file (``FILE.state.json`` next to
  ``--out FILE``): for each UID, a digest of its content, its SEQUENCE, its date and summary.
  An unchanged event keeps its SEQUENCE; a changed one gets the last plus one; a new one 0.
* An event that was published for today or later and is no longer in the plan (done early,
  or the plan changed) is published once more with ``STATUS:CANCELLED`` and a higher SEQUENCE,
  until its date has passed; past ones are forgotten (they are history).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from followup import __version__
from followup.compile.machine import CompiledPlaybook
from followup.drafts.compose import draft_step
from followup.drafts.context import NOBODY, Sender
from followup.engine.plan import project, situation_at
from followup.engine.result import Step
from followup.errors import InputError, Problem, visible
from followup.io.user_files import read_user_text, write_atomic
from followup.model.case import Case
from followup.render.words import action_words, send_on_words, step_day, step_relative
from followup.timeline.calendar import BusinessCalendar

PRODID = f"-//followup//followup {__version__}//EN"
CALENDAR_NAME = "Interview follow-ups"
ALARM_AFTER_START = timedelta(hours=9)  # 9:00 on the day of an all-day event
STATE_VERSION = 1
STATE_LIMIT = 16 * 1024 * 1024  # the state of a calendar of thousands of steps is far smaller


@dataclass(frozen=True, slots=True)
class Reminder:
    """One upcoming step as calendar content (everything but SEQUENCE and DTSTAMP)."""

    uid: str
    day: date
    summary: str
    description: str

    def digest(self) -> str:
        """A fingerprint of the content: equal exactly when the event would read the same."""
        text = json.dumps([self.day.isoformat(), self.summary, self.description, PRODID])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Published:
    """What was last published for a UID."""

    digest: str
    sequence: int
    day: str
    summary: str
    cancelled: bool = False


def reminders_for(
    cp: CompiledPlaybook, case: Case, today: date, cal: BusinessCalendar, sender: Sender = NOBODY
) -> list[Reminder]:
    """One reminder per projected step of an application (once it is closed, only the answer
    to an offer is left), its drafts signed by ``sender`` as `followup draft` signs them.

    Raises:
        InputError: a template failed on this case.
    """
    run, _ = situation_at(cp, case, today, cal)
    done, round_ = dict(run.done), run.round
    steps, _ = project(run, today)
    seen: dict[str, int] = {}
    reminders = []
    for step in steps:
        seen[step.rule_id] = seen.get(step.rule_id, 0) + 1
        occurrence = done.get(step.rule_id, 0) + seen[step.rule_id]
        uid = f"{case.id}.r{round_}.{step.rule_id}.{occurrence}@followup"
        text = _description(cp, case, step, today, cal, sender)
        # What a user or coach wrote reaches the file only as visible text: a control or bidi
        # character would hide or reorder what a calendar app shows (lines and tabs are the
        # description's own).
        reminders.append(
            Reminder(
                visible(uid),
                max(step.due, today),
                visible(summary(case, step)),
                visible(text, keep="\n\t"),
            )
        )
    return reminders


def summary(case: Case, step: Step) -> str:
    """'Check in by email: Acme Corp (Data Engineer)'."""
    words = action_words(step.action, step.channel, step.words)
    who = case.company or case.id
    if case.role:
        who += f" ({case.role})"
    return f"{words[:1].upper()}{words[1:]}: {who}"


def _description(
    cp: CompiledPlaybook, case: Case, step: Step, today: date, cal: BusinessCalendar, sender: Sender
) -> str:
    # The step's day (or window) as every view of a step writes it, and how late it is.
    due = f"Due {step_day(step.due, step.latest, step.at)}"
    if step.due < today:
        due += f" ({step_relative(step.due, step.latest, today)}{send_on_words(step.send_on)})"
    lines = [
        due + ("" if not step.optional else ", optional") + ".",
        f"Why: {step.why}",
        f"Source: {step.source}",
        f"Playbook: {cp.id}. Application: {case.id}.",
    ]
    for draft in draft_step(cp, case, step, today, cal, sender):
        lines += ["", "Draft", f"To: {draft.to}"] if draft.to else ["", "Draft"]
        if draft.subject:
            lines.append(f"Subject: {draft.subject}")
        lines += ["", draft.body]
    return "\n".join(lines)


# -- SEQUENCE: what changed since the last time ------------------------------------------------


def sequence(
    reminders: Iterable[Reminder], previous: Mapping[str, Published], today: date
) -> tuple[list[tuple[Reminder, int]], list[tuple[str, Published]], dict[str, Published]]:
    """SEQUENCE for each reminder, the events to cancel, and the state to keep for next time.

    Returns:
        ``(reminder, sequence)`` pairs in the given order; ``(uid, published)`` for events to
        publish as cancelled; the new state.
    """
    state: dict[str, Published] = {}
    current: list[tuple[Reminder, int]] = []
    for reminder in reminders:
        digest = reminder.digest()
        before = previous.get(reminder.uid)
        if before is None:
            seq = 0
        elif before.digest == digest and not before.cancelled:
            seq = before.sequence
        else:
            seq = before.sequence + 1
        state[reminder.uid] = Published(digest, seq, reminder.day.isoformat(), reminder.summary)
        current.append((reminder, seq))
    cancelled: list[tuple[str, Published]] = []
    for uid, before in sorted(previous.items()):
        if uid in state or date.fromisoformat(before.day) < today:
            continue  # still planned, or in the past (history: nothing to take back)
        gone = (
            before
            if before.cancelled
            else replace(before, sequence=before.sequence + 1, cancelled=True)
        )
        state[uid] = gone
        cancelled.append((uid, gone))
    return current, cancelled, state


def read_state(path: Path) -> dict[str, Published]:
    """The state kept next to the calendar file (empty if there is none yet).

    Raises:
        InputError: the file exists but is not a state file this version wrote.
    """
    if not os.path.lexists(path):
        return {}
    raw = read_user_text(path, str(path), "calendar state file", STATE_LIMIT)
    try:
        data = json.loads(raw)
        if data.get("version") != STATE_VERSION:
            raise ValueError("unknown version")
        state = {uid: Published(**fields) for uid, fields in data["events"].items()}
        for uid, p in state.items():
            date.fromisoformat(p.day)
            if not (isinstance(uid, str) and isinstance(p.sequence, int) and p.sequence >= 0):
                raise ValueError(uid)
        return state
    except (ValueError, TypeError, KeyError, AttributeError):
        raise InputError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "not a calendar state file of this followup version",
                    "the file 'followup calendar' wrote; delete it to start SEQUENCE over",
                )
            ]
        ) from None


def write_state(path: Path, state: Mapping[str, Published]) -> None:
    """Save the state atomically (a crash leaves the old one or the new one, never half)."""
    data = {"version": STATE_VERSION, "events": {u: asdict(p) for u, p in sorted(state.items())}}
    content = (json.dumps(data, indent=1) + "\n").encode("utf-8")
    write_atomic(path, content, "file to keep the calendar state in")


# -- the file itself ---------------------------------------------------------------------------


def calendar_bytes(
    current: Iterable[tuple[Reminder, int]],
    cancelled: Iterable[tuple[str, Published]],
    stamp: datetime,
) -> bytes:
    """The iCalendar file (METHOD:PUBLISH) with every event, then the cancellations."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", CALENDAR_NAME)
    cal.add("x-wr-calname", CALENDAR_NAME)
    for reminder, seq in current:
        event = _event(reminder.uid, reminder.day, seq, stamp)
        event.add("summary", reminder.summary)
        event.add("description", reminder.description)
        event.add("status", "CONFIRMED")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", ALARM_AFTER_START)
        alarm.add("description", reminder.summary)
        event.add_component(alarm)
        cal.add_component(event)
    for uid, gone in cancelled:
        event = _event(visible(uid), date.fromisoformat(gone.day), gone.sequence, stamp)
        event.add("summary", f"Cancelled: {visible(gone.summary)}")  # a state file is input
        event.add("description", "No longer in the plan (done, or the plan changed).")
        event.add("status", "CANCELLED")
        cal.add_component(event)
    return bytes(cal.to_ical())


def _event(uid: str, day: date, seq: int, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("sequence", seq)
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    return event
