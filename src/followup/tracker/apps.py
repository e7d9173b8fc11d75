"""Recording what happens to an application: add, log, undo, snooze, close, reopen.

Every change is checked by the case-file rules *inside* its write transaction, against the
history as it is at that moment, and saved by one COMMIT: either all of it is saved or none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from followup import catalog
from followup.errors import UsageError
from followup.io.case_loader import EVENT_KEYS
from followup.io.yaml_reader import Path_
from followup.model.case import Case
from followup.model.vocabulary import REPLY_OUTCOMES
from followup.semantics.meaning import CLOSING_EVENTS
from followup.tracker.flags import checked_case
from followup.tracker.planning import DEFAULT_PLAYBOOK, check_country
from followup.tracker.store import Entry, Store, closing

# `add` flags -> where their value goes in a case file.
ADD_FLAGS: Final[dict[str, Path_]] = {
    "company": ("company",),
    "role": ("role",),
    "interviewed": ("interview",),
    "country": ("country",),
    "timezone": ("timezone",),
    "decision_by": ("employer", "decision_by"),
    "decision_in": ("employer", "decision_in"),
    "follow_up": ("employer", "follow_up"),
    "follow_up_after": ("employer", "follow_up_after"),
    "channel": ("employer", "preferred_channel"),
}
# "Dana Reyes" or "Dana Reyes <dana@acme.example>", and nothing looser.
_PERSON = re.compile(r"(?P<name>[^<>@]*[^<>@\s])\s*(?:<(?P<email>[^<>\s]+@[^<>\s]+)>)?")


def _flag(option: str) -> str:
    return "--" + option.replace("_", "-")


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


def parse_day(value: str, flag: str) -> date:
    """A YYYY-MM-DD flag value.

    Raises:
        UsageError: naming the flag.
    """
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{flag}: '{value}' is not a date; expected a real date written YYYY-MM-DD"
        ) from None


def interviewer(text: str) -> dict[str, str]:
    """``--interviewer`` as a case file's interviewer mapping.

    Raises:
        UsageError: not ``NAME`` or ``NAME <EMAIL>``.
    """
    found = _PERSON.fullmatch(text.strip())
    if not found:
        raise UsageError(
            f"--interviewer: '{text}' is not NAME or NAME <EMAIL>; "
            'expected e.g. "Dana Reyes <dana@acme.example>"'
        )
    person = {"name": found["name"].strip()}
    if found["email"]:
        person["email"] = found["email"]
    return person


def application_data(
    options: Mapping[str, Any], dirs: tuple[Path, ...]
) -> tuple[dict[str, Any], dict[Path_, str]]:
    """The case-file mapping ``add``'s flags describe, and the flag behind each value.

    Raises:
        UsageError: an ``--interviewer`` is malformed or the playbook is unknown.
    """
    data: dict[str, Any] = {}
    labels: dict[Path_, str] = {}
    for option, path in ADD_FLAGS.items():
        value = options.get(option)
        if value is None:
            continue
        where: dict[str, Any] = data
        for key in path[:-1]:
            where = where.setdefault(str(key), {})
        where[str(path[-1])] = value
        labels[path] = _flag(option)
    if "employer" in data:
        labels[("employer",)] = "--decision-by/--decision-in"
    if options.get("may_call"):
        data.setdefault("employer", {})["may_call"] = True
    people = [interviewer(t) for t in options.get("interviewers") or ()]
    if people:
        data["interviewers"] = people
        for i, text in enumerate(options.get("interviewers") or ()):
            for key in ("name", "email"):
                labels[("interviewers", i, key)] = f"--interviewer '{text}'"
    ref = options.get("playbook_ref") or DEFAULT_PLAYBOOK
    try:
        catalog.resolve(ref, dirs)
    except UsageError as err:
        raise UsageError(f"--playbook: {err}") from None
    data["playbook"] = str(Path(ref).resolve()) if looks_like_path(ref) else ref
    labels[("playbook",)] = "--playbook"
    return data, labels


def looks_like_path(ref: str) -> bool:
    """A playbook named by its file rather than its id (stored absolute, to work anywhere)."""
    return ref.endswith(catalog.PLAYBOOK_SUFFIXES) or "/" in ref or "\\" in ref


def add(store: Store, options: Mapping[str, Any], dirs: tuple[Path, ...]) -> str:
    """Start tracking an application; returns its new id once committed.

    Raises:
        UsageError: any flag breaks a case-file rule (all of them are named).
    """
    data, labels = application_data(options, dirs)
    data["events"] = []
    with store.writing():
        app_id = store.new_id(str(data.get("company", "")))
        data = {"id": app_id, **data}
        check_country(checked_case(data, labels, app_id))
        store.add_application(app_id, data)
    return app_id


# `log` flags -> event keys (the date and type come from their own arguments).
LOG_FLAGS: Final = {key: _flag(key) for key in EVENT_KEYS if key not in ("date", "type")}


def log(
    store: Store,
    app: str,
    kind: str,
    values: Mapping[str, str | None],
    flags: Mapping[str, str] | None = None,
) -> Saved:
    """Append one event after checking the whole case with it by the case-file rules.

    Args:
        store: The open tracker.
        app: The application's id or an unambiguous prefix.
        kind: The event type.
        values: ``date`` (default: today where the application is) and any event fields.
        flags: How to name each field in an error (default ``--field``).

    Raises:
        UsageError: unknown or ambiguous application, or the event breaks a rule (named by
            flag); nothing is saved then.
    """
    names = {"date": "--date", "type": "EVENT", **LOG_FLAGS, **(flags or {})}
    if kind == "reply" and not values.get("outcome"):
        raise UsageError(
            f"{names['outcome']}: a reply needs an outcome; expected one of "
            + ", ".join(REPLY_OUTCOMES)
        )
    with store.writing():
        app_id = store.resolve(app)
        data = store.case_data(app_id)
        day = values.get("date")
        if not day:
            from followup.cli.commands import today_for

            day = today_for(store.build(app_id, data)).isoformat()
        event: dict[str, Any] = {"date": day, "type": kind}
        event |= {k: v for k in EVENT_KEYS[2:] if (v := values.get(k)) not in (None, "")}
        n = len(data["events"])
        data["events"].append(event)
        # Every field gets its flag, given or not: "a reply needs an outcome" is about --outcome.
        labels: dict[Path_, str] = {("events", n): names["type"]}
        labels |= {("events", n, k): names[k] for k in ("date", "type", *LOG_FLAGS)}
        case = checked_case(data, labels, app_id)
        seq = store.append_event(app_id, event)
    return Saved(app_id, seq, event, case)


def undo(store: Store, app: str) -> Retracted:
    """Retract the latest recorded event that still counts.

    Raises:
        UsageError: unknown application, or nothing left to retract.
    """
    with store.writing():
        app_id = store.resolve(app)
        live = [e for e in store.history(app_id) if e.live]
        if not live:
            raise UsageError(f"{app_id}: nothing to undo (no recorded event counts)")
        seq = store.retract(app_id, live[-1].seq, "undo")
        case = store.case(app_id)
    return Retracted(app_id, seq, live[-1], case)


def snooze(store: Store, app: str, until: str) -> tuple[str, date]:
    """Hide an application from 'today' until a day.

    Raises:
        UsageError: bad date or unknown application.
    """
    day = parse_day(until, "--until")
    with store.writing():
        app_id = store.resolve(app)
        store.snooze(app_id, day)
    return app_id, day


def close(store: Store, app: str, outcome: str, day: str | None) -> Saved:
    """Record the end of an application: you withdrew, or their offer or rejection.

    Raises:
        UsageError: unknown application, already closed, or a bad ``--date``.
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
        return log(store, app_id, kind, values, {"outcome": "--as", "type": "--as"})


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


def describe(data: Mapping[str, Any]) -> str:
    """An event in one line: '2026-03-09 check_in_sent by email: note'."""
    text = f"{data.get('date')} {data.get('type')}"
    if data.get("outcome"):
        text += f" {data['outcome']}"
    if data.get("channel"):
        text += f" by {data['channel']}"
    text += "".join(
        f" {k} {data[k]}" for k in ("decision_by", "deadline", "due", "interview") if data.get(k)
    )
    if data.get("note"):
        text += f": {data['note']}"
    return text
