"""A fast path for well-formed cases, for batches of 100,000 a morning.

The located reader in `case_loader` walks every field to collect every problem with its place;
that costs ~40 us a case.  Almost every case in a batch is well formed, so this module builds
the same `Case` with plain type checks and gives up (returns None) at the first doubt, leaving
the reader to explain what is wrong.  A property test holds the two to the same answers.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from followup.io.case_loader import (
    CASE_ID_RE,
    CASE_KEYS,
    COUNTRY_RE,
    EMPLOYER_KEYS,
    EVENT_FIELD_TYPES,
    EVENT_KEYS,
    INTERVIEWER_KEYS,
)
from followup.model.case import Case, Employer, Event, Interviewer
from followup.model.vocabulary import (
    CHANNELS,
    EVENT_TYPES,
    FOLLOW_UP_PERMISSIONS,
    PREFERRED_CHANNELS,
    REPLY_OUTCOMES,
)
from followup.timeline.durations import Duration, DurationError, parse_duration

_CASE_KEYS = frozenset(CASE_KEYS)
_EMPLOYER_KEYS = frozenset(EMPLOYER_KEYS)
_EVENT_KEYS = frozenset(EVENT_KEYS)
_INTERVIEWER_KEYS = frozenset(INTERVIEWER_KEYS)
_EVENT_TYPES = frozenset(EVENT_TYPES)
_CHANNELS = frozenset(CHANNELS)
_OUTCOMES = frozenset(REPLY_OUTCOMES)
_PREFERRED = frozenset(PREFERRED_CHANNELS)
_FOLLOW_UP = frozenset(FOLLOW_UP_PERMISSIONS)
# The keys each event type may carry: one subset test checks both "known key" and "goes with
# this type of event".
_KEYS_FOR = {
    kind: frozenset(k for k in EVENT_KEYS if kind in EVENT_FIELD_TYPES.get(k, (kind,)))
    for kind in EVENT_TYPES
}
_MISSING = object()


class _Doubt(Exception):
    """Something the fast path will not decide; the located reader will."""


@lru_cache(maxsize=4096)
def _day(value: str) -> date:
    # Only the strict YYYY-MM-DD spelling: fromisoformat alone would accept 20260302.
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise _Doubt
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Doubt from None


def _date(value: object) -> date:
    if type(value) is not str:
        raise _Doubt
    return _day(value)


def _opt_date(spec: dict[str, object], key: str) -> date | None:
    return _date(spec[key]) if key in spec else None


@lru_cache(maxsize=256)
def _duration(value: str) -> Duration:
    try:
        return parse_duration(value)
    except DurationError:
        raise _Doubt from None


def _text(value: object, *, allow_empty: bool = True) -> str:
    if type(value) is not str or (not allow_empty and not value.strip()):
        raise _Doubt
    return value


@lru_cache(maxsize=64)
def _known_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _employer(raw: object) -> Employer:
    if raw is None:
        return Employer()
    if type(raw) is not dict or not raw.keys() <= _EMPLOYER_KEYS:
        raise _Doubt
    if "decision_by" in raw and "decision_in" in raw:
        raise _Doubt
    channel = raw.get("preferred_channel")
    if channel is not None and not _member(channel, _PREFERRED):
        raise _Doubt
    follow_up = raw.get("follow_up", "unspecified")
    if not _member(follow_up, _FOLLOW_UP):
        raise _Doubt
    may_call = raw.get("may_call", False)
    if type(may_call) is not bool:
        raise _Doubt
    return Employer(
        decision_by=_opt_date(raw, "decision_by"),
        decision_in=_opt_duration(raw, "decision_in"),
        follow_up=follow_up,
        follow_up_after=_opt_duration(raw, "follow_up_after"),
        preferred_channel=channel,
        may_call=may_call,
    )


def _opt_duration(spec: dict[str, object], key: str) -> Duration | None:
    if key not in spec:
        return None
    value = spec[key]
    if type(value) is not str:
        raise _Doubt
    return _duration(value)


def _member(value: object, allowed: frozenset[str]) -> bool:
    """Whether ``value`` is one of ``allowed`` (a list is never hashed, so never raises)."""
    return type(value) is str and value in allowed


def _interviewers(raw: object) -> tuple[Interviewer, ...]:
    if raw is None:
        return ()
    if type(raw) is not list:
        raise _Doubt
    people = []
    for item in raw:
        if type(item) is str:
            people.append(Interviewer(_text(item, allow_empty=False)))
            continue
        if type(item) is not dict or not item.keys() <= _INTERVIEWER_KEYS or "name" not in item:
            raise _Doubt
        if "title" in item:
            _text(item["title"])
        email = _text(item.get("email", ""))
        if email and "@" not in email:
            raise _Doubt
        people.append(Interviewer(_text(item["name"], allow_empty=False), email))
    return tuple(people)


def _event(raw: object, index: int, interview: date) -> Event:
    if type(raw) is not dict:
        raise _Doubt
    kind = raw.get("type")
    if not _member(kind, _EVENT_TYPES) or "date" not in raw:
        raise _Doubt
    assert isinstance(kind, str)
    if not raw.keys() <= _KEYS_FOR[kind]:
        raise _Doubt
    outcome = None
    if kind == "reply":
        outcome = raw.get("outcome")
        if not _member(outcome, _OUTCOMES):
            raise _Doubt
    channel = raw.get("channel")
    if channel is not None and not _member(channel, _CHANNELS):
        raise _Doubt
    day = _date(raw["date"])
    if day < interview:
        raise _Doubt
    if len(raw) == 2 + (channel is not None) + (outcome is not None):
        # Nothing else recorded: skip the optional fields (most events in a batch).
        return Event(day, kind, index, channel, outcome)
    return Event(
        day,
        kind,
        index,
        channel,
        outcome,
        _opt_date(raw, "decision_by"),
        _opt_date(raw, "deadline"),
        _opt_date(raw, "due"),
        _opt_date(raw, "interview"),
        _text(raw.get("note", "")),
    )


def fast_case(data: object, file: str, default_id: str) -> Case | None:
    """The case ``data`` describes, or None if anything about it needs the located reader."""
    try:
        if type(data) is not dict or not data.keys() <= _CASE_KEYS:
            return None
        interview = _date(data.get("interview"))
        case_id = data.get("id", default_id)
        if type(case_id) is not str or not CASE_ID_RE.fullmatch(case_id):
            return None
        country = data.get("country")
        if country is not None and (type(country) is not str or not COUNTRY_RE.fullmatch(country)):
            return None
        timezone = data.get("timezone")
        if timezone is not None and (
            type(timezone) is not str or not timezone.strip() or not _known_timezone(timezone)
        ):
            return None
        playbook = data.get("playbook")
        if playbook is not None:
            playbook = _text(playbook, allow_empty=False)
        raw_events = data.get("events")
        if raw_events is None:
            raw_events = []
        elif type(raw_events) is not list:
            return None
        events = [_event(raw, i, interview) for i, raw in enumerate(raw_events)]
        events.sort(key=_event_order)
        _text(data.get("notes", ""))
        return Case(
            id=case_id,
            interview=interview,
            file=file,
            company=_text(data.get("company", "")),
            role=_text(data.get("role", "")),
            country=country or None,
            timezone=timezone,
            playbook=playbook,
            interviewers=_interviewers(data.get("interviewers")),
            employer=_employer(data.get("employer")),
            events=tuple(events),
        )
    except _Doubt:
        return None


def _event_order(ev: Event) -> tuple[date, int]:
    return (ev.date, ev.index)
