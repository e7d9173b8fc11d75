"""Recording what happens to an application: log, undo, snooze, close, reopen (adding one is
`followup.services.adding`'s).

Values arrive as a case file would hold them; a problem is reported under the name the caller
gives each value (the CLI passes its flags), so this module names no flag itself.

Every change is checked by the case-file rules *inside* its write transaction, against the
history as it is at that moment, and saved by one COMMIT: either all of it is saved or none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from followup.errors import InputError, UsageError, blank, blank_words, visible
from followup.io.yaml_reader import Path_
from followup.language.case_format import EVENT
from followup.language.case_loader import EVENT_KEYS
from followup.model.case import Case
from followup.model.vocabulary import REPLY_OUTCOMES
from followup.semantics.meaning import CLOSING_EVENTS
from followup.services.cases import today_for
from followup.services.editing import describe_edit
from followup.services.labels import checked_case, refuse_text
from followup.services.planning import future_problem
from followup.tracker.records import SWITCH, Entry, closing, is_edit
from followup.tracker.store import Store


@dataclass(frozen=True, slots=True)
class Saved:
    """An event just committed to the history."""

    app_id: str
    seq: int
    data: dict[str, Any]
    case: Case


@dataclass(frozen=True, slots=True)
class Retracted:
    """An event just taken back by a committed retraction."""

    app_id: str
    seq: int
    entry: Entry
    case: Case


def _example(key: str) -> str:
    """What an event field takes, in a few words: its form's examples (the case format)."""
    field = next((f for f in EVENT.fields if f.name == key), None)
    examples = getattr(field.node, "examples", ()) if field is not None else ()
    return "a value such as " + " or ".join(examples) if examples else "a value"


def log(
    store: Store,
    app: str,
    kind: str,
    values: Mapping[str, object],
    names: Mapping[str, str] | None = None,
    today: date | None = None,
) -> Saved:
    """Append one event after checking the whole case with it by the case-file rules.

    Args:
        store: The open tracker.
        app: The application's id or an unambiguous prefix.
        kind: The event type.
        values: ``date`` (default: today where the application is) and any event fields.
        names: What the user calls each event field, for errors (default: the field's key).
        today: The day it is (default: today where the application is): the default date,
            and the last day an event may be dated.

    Raises:
        UsageError: unknown or ambiguous application, the event breaks a rule (named by
            flag), holds a text too long, or is dated after today; nothing is saved then.
    """
    names = {key: key for key in EVENT_KEYS} | dict(names or {})
    for key, value in values.items():
        if isinstance(value, str) and blank(value):
            # Often an unset shell variable (--date "$D"): taking it as "not given" would save
            # a date nobody gave.
            flag = names.get(key, key)
            raise UsageError(
                f"{flag}: the value {blank_words(value)}; expected {_example(key)}, or leave "
                f"{flag} out"
            )
    refuse_text(dict(values), {(key,): names.get(key, key) for key in values})
    if kind == "reply" and not values.get("outcome"):
        raise UsageError(
            f"{names['outcome']}: a reply needs an outcome; expected one of "
            + ", ".join(REPLY_OUTCOMES)
        )
    with store.writing():
        app_id = store.resolve(app)
        data = store.case_data(app_id)
        day = str(values.get("date") or "")
        if not day:
            today = today or today_for(store.build(app_id, data))
            day = today.isoformat()
        event: dict[str, Any] = {"date": day, "type": kind}
        event |= {k: v for k in EVENT_KEYS[2:] if (v := values.get(k)) not in (None, "")}
        n = len(data["events"])
        data["events"].append(event)
        # Every field gets its name, given or not: "a reply needs an outcome" is about the outcome.
        labels: dict[Path_, str] = {("events", n): names["type"]}
        labels |= {("events", n, k): names[k] for k in EVENT_KEYS}
        case = checked_case(data, labels, app_id)
        now = today or today_for(case)  # the case was just built: its timezone costs nothing
        if (late := future_problem(date.fromisoformat(day), now)) is not None:
            raise UsageError(f"{names['date']}: {late}")
        seq = store.append_event(app_id, event)
    return Saved(app_id, seq, event, case)


def accepted_elsewhere(store: Store, accepted: Saved) -> list[str]:
    """After you accept an offer, record on every other application still open that you took a
    job elsewhere, so each plan asks for a polite withdrawal (with its draft).  A snoozed one
    shows in 'today' again from that day: the withdrawal cannot wait for the snooze to end.

    Returns:
        The ids it was recorded on (appended entries: ``followup undo`` takes each back).

    Raises:
        StoreError: the database could not be written.
    """
    day = str(accepted.data["date"])
    accepted_on = date.fromisoformat(day)
    event = {"date": day, "type": "accepted_elsewhere"}
    marked: list[str] = []
    with store.writing():
        for stored in store.load():
            case = stored.case
            if case is None or case.id == accepted.app_id:
                continue
            already = any(e.type == "accepted_elsewhere" for e in case.events)
            if not already and not any(e.type in CLOSING_EVENTS for e in case.events):
                store.append_event(case.id, dict(event))
                marked.append(case.id)
                until = stored.snoozed_until
                if until is not None and until > accepted_on:
                    store.snooze(case.id, accepted_on)
    return marked


def undo(store: Store, app: str, entry: int | None = None, name: str = "entry") -> Retracted:
    """Retract an entry of the history that still counts: ``entry`` (its number, as ``status``
    shows it), else the latest one.  An event or an edit; the plan then forgets it.

    Args:
        store: The open tracker.
        app: The application's id or an unambiguous prefix.
        entry: The number of the entry to retract (default: the latest that counts).
        name: What the user calls the entry's number, for errors.

    Raises:
        UsageError: unknown application, no such entry of it, one already retracted or itself
            a retraction, or nothing left to retract.
    """
    with store.writing():
        app_id = store.resolve(app)
        history = store.history(app_id)
        live = [e for e in history if e.live]
        if entry is None:
            if not live:
                raise UsageError(f"{app_id}: nothing to undo (no recorded entry counts)")
            chosen = live[-1]
        else:
            chosen = _entry(app_id, history, entry, name)
        seq = store.retract(app_id, chosen.seq, "undo")
        case = store.case(app_id)
    return Retracted(app_id, seq, chosen, case)


def _entry(app_id: str, history: list[Entry], seq: int, name: str) -> Entry:
    found = next((e for e in history if e.seq == seq), None)
    numbers = ", ".join(f"#{e.seq}" for e in history if e.live) or "none"
    if found is None:
        raise UsageError(
            f"{name}: {app_id} has no entry #{seq}; expected one of the numbers 'followup "
            f"status {app_id}' lists ({numbers})"
        )
    if found.retracts is not None:
        raise UsageError(f"{name}: #{seq} is itself a retraction; expected an event or an edit")
    if found.retracted_by is not None:
        raise UsageError(
            f"{name}: #{seq} was already retracted by #{found.retracted_by}; expected one that "
            f"counts ({numbers})"
        )
    return found


def unsnooze(store: Store, app: str, today: date | None = None) -> tuple[str, date | None]:
    """Show an application in 'today' again, from today: a snooze until today is appended.

    Returns:
        The id, and the day the snooze it ended would have lasted until (None: there was none).

    Raises:
        UsageError: unknown application.
    """
    with store.writing():
        app_id = store.resolve(app)
        until = store.snoozed_until(app_id)
        day = today or today_for(store.case(app_id))
        if store.snooze_problem(app_id):
            store.snooze(app_id, day)  # a snooze whose day cannot be read is set right
            return app_id, None
        if until is None or until <= day:
            return app_id, None
        store.snooze(app_id, day)
    return app_id, until


def archive(store: Store, app: str, reason: str, action: str = "archive") -> tuple[str, int]:
    """Hide an application everywhere (``action="unarchive"``: show it again) by appending a row.

    Returns:
        The id and the row's number in the archive's own history.

    Raises:
        UsageError: unknown application, or it is already as asked.
    """
    with store.writing():
        app_id = store.resolve(app)
        archived = app_id in store.archived()
        if archived == (action == "archive"):
            now = "archived" if archived else "not archived"
            raise UsageError(f"{app_id}: already {now}; nothing to {action}")
        seq = store.archive(app_id, reason, action)
    return app_id, seq


def snooze(
    store: Store, app: str, day: date, today: date | None = None, name: str = "until"
) -> tuple[str, date]:
    """Hide an application from 'today' until a day.

    Args:
        day: The day it shows in 'today' again.
        today: The day it is (default: today where the application is).
        name: What the user calls ``day``, for errors.

    Raises:
        UsageError: unknown application, or ``day`` is before today (a snooze that ended
            before it began would hide nothing, and would end any snooze in force).
    """
    with store.writing():
        app_id = store.resolve(app)
        now = today or _today_of(store, app_id)
        if day < now:
            raise UsageError(
                f"{name}: {day.isoformat()} is before today ({now.isoformat()}); expected "
                "today or a later date, the day it shows in 'followup today' again"
            )
        store.snooze(app_id, day)
    return app_id, day


def _today_of(store: Store, app_id: str) -> date:
    """Today where the application is; this machine's today if its stored data is broken (a
    snooze needs none of it: 'followup doctor' reports it)."""
    try:
        return today_for(store.case(app_id))
    except InputError:
        return date.today()


def close(
    store: Store,
    app: str,
    outcome: str,
    day: str | None,
    names: Mapping[str, str] | None = None,
    today: date | None = None,
) -> Saved:
    """Record the end of an application: you withdrew, or their offer or rejection.

    Args:
        store: The open tracker.
        app: The application's id or an unambiguous prefix.
        outcome: ``withdrew``, ``offer`` or ``rejection``.
        day: The date it ended (default: today where the application is).
        names: What the user calls the event's fields, for errors (see `log`).
        today: The day it is (see `log`).

    Raises:
        UsageError: unknown application, already closed, a bad date or one after today.
    """
    with store.writing():
        app_id = store.resolve(app)
        ended = [e for e in store.history(app_id) if e.live and closing(e.data)]
        if ended:
            raise UsageError(
                f"{app_id}: already closed ({describe(ended[0].data)}); "
                f"'followup reopen {app_id}' first to change how it ended"
            )
        # `outcome` is a closing event's own type (withdrew) or a closing reply's outcome.
        kind = outcome if outcome in CLOSING_EVENTS else "reply"
        values = {"date": day} if kind != "reply" else {"date": day, "outcome": outcome}
        return log(store, app_id, kind, values, names, today)


def reopen(store: Store, app: str) -> tuple[str, list[Retracted]]:
    """Retract every recorded event that closed the application.

    Returns:
        The id, and the retractions made (none when no recorded event closed it).

    Raises:
        UsageError: unknown application.
    """
    with store.writing():
        app_id = store.resolve(app)
        ended = [e for e in store.history(app_id) if e.live and closing(e.data)]
        seqs = [store.retract(app_id, e.seq, "reopen") for e in ended]
        case = store.case(app_id) if ended else None
    if case is None:
        return app_id, []
    return app_id, [Retracted(app_id, s, e, case) for s, e in zip(seqs, ended, strict=True)]


def person_name(p: object) -> str:
    """A person as a case file gives one (a name, or a mapping with one)."""
    return str(p.get("name", "")) if isinstance(p, dict) else str(p)


def describe(data: Mapping[str, Any]) -> str:
    """An event in one line: '2026-03-09 check_in_sent by email: note' (or an edit's line,
    or a change of playbook's)."""
    if is_edit(dict(data)):
        return describe_edit(data)
    if data.get("type") == SWITCH:
        was = f" from {data['from']}" if data.get("from") else ""
        return visible(f"{data.get('date')} switched playbook{was} to {data.get('playbook')}")
    text = f"{data.get('date')} {data.get('type')}"
    if data.get("outcome"):
        text += f" {data['outcome']}"
    if data.get("channel"):
        text += f" by {data['channel']}"
    text += "".join(
        f" {k} {data[k]}" for k in ("decision_by", "deadline", "due", "interview") if data.get(k)
    )
    if data.get("interviewers"):
        text += " with " + ", ".join(person_name(p) for p in data["interviewers"])
    if data.get("note"):
        text += f": {data['note']}"
    return visible(text)  # one line, whatever the note holds
