"""Located YAML (or JSON) data -> a checked `Case`, by the one case decoder.

The case format is declared in `followup.language.case_format`; this module decodes a file
against that declaration, then checks what the declaration cannot say alone (no event before
the interview, an interview's time split off its date), every problem located in the file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from operator import attrgetter
from pathlib import Path

import msgspec

from followup.errors import InputError, Problem
from followup.io.json_locations import LineLocations
from followup.io.yaml_reader import Document, Path_
from followup.language.case_format import CASE, EVENT
from followup.language.decode import BAD, Decoder, Issue, compile_mapping, located
from followup.language.patterns import DATE_TIME, parse_date
from followup.language.spec import Refusal
from followup.model.case import Case, Event

# The keys of one event, in documented order (the tracker's flags, the Gherkin tables).
EVENT_KEYS = EVENT.keys()

_DECODE: Decoder = compile_mapping(CASE)


_event_order = attrgetter("date", "index")  # by date; ties keep file order


def decode_case(doc: Document, default_id: str = "") -> Case:
    """Check a parsed case file and build its model.

    Args:
        doc: the parsed file.
        default_id: the id to use when the file has none (the file name without extension if
            this is empty too).

    Raises:
        InputError: with every problem found, each located in the file.
    """
    issues: list[Issue] = []
    fields = _DECODE(doc.data, (), None, issues)
    if fields is BAD:
        # The one check that needs two parts of the file: an event before the interview.
        _events_after_interview(doc.data, issues)
        raise InputError(_located(doc, issues))
    (
        case_id,
        company,
        role,
        interview,
        country,
        timezone,
        playbook,
        people,
        recruiters,
        employer,
        events,
        _,
    ) = fields
    interview_time: time | None = None
    if isinstance(interview, datetime):  # a day and a time: the engine counts in days
        interview_time = interview.time()
        interview = interview.date()
    events = [_split_time(e) if isinstance(e.interview, datetime) else e for e in events]
    # A round's interviewers decode as a list; the frozen case keeps a tuple.
    events = [
        msgspec.structs.replace(e, interviewers=tuple(e.interviewers)) if e.interviewers else e
        for e in events
    ]
    said = employer.decision_by if employer is not None else None
    if said is not None and said < interview:
        issues.append(_earlier(("employer", "decision_by"), said, interview, "the interview"))
    for event in events:
        if event.date < interview:
            issues.append(_before(("events", event.index, "date"), event.date, interview))
        if (
            event.due is None
            and event.deadline is None
            and event.decision_by is None
            and event.interview is None
        ):
            continue  # the usual event (the keys of `_CARRIED`, read as fast as Python can)
        for key in _CARRIED:
            carried = getattr(event, key)
            if carried is not None and carried < event.date:
                path = ("events", event.index, key)
                issues.append(_earlier(path, carried, event.date, "the event itself"))
    if issues:
        raise InputError(_located(doc, issues))
    return Case(
        case_id or default_id or Path(doc.file).stem,
        interview,
        doc.file,
        company,
        role,
        country,
        timezone,
        playbook,
        tuple(people),
        employer,
        tuple(sorted(events, key=_event_order)),
        interview_time,
        tuple(recruiters),
    )


def _split_time(event: Event) -> Event:
    """A next round's interview given with its time: the day, and the time kept beside it."""
    moment = event.interview
    assert isinstance(moment, datetime)
    return msgspec.structs.replace(event, interview=moment.date(), interview_time=moment.time())


def _located(doc: Document, issues: list[Issue]) -> list[Problem]:
    """The issues as problems; on a one-line document (a JSON Lines case) or a tracked
    application's record each also names the case and the field, since the line alone (or no
    line at all) does not say where in it the problem is."""
    found = located(doc, issues)
    if not isinstance(doc.locations, LineLocations) and doc.locations:
        return found  # a file's own lines and columns say where
    data = doc.data
    case_id = data.get("id") if isinstance(data, dict) else None
    named = f"case '{case_id}'" if isinstance(case_id, str) else ""
    out = []
    for issue, problem in zip(issues, found, strict=True):
        where = ", ".join(w for w in (named, _dotted(issue.path)) if w)
        out.append(replace(problem, message=f"{where}: {problem.message}") if where else problem)
    return out


def _dotted(path: Path_) -> str:
    """``events[2].date`` for the path ("events", 2, "date")."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _before(path: Path_, day: object, interview: object) -> Issue:
    return Issue(
        path,
        f"the event on {day} is before the interview on {interview}",
        "a date on or after the interview",
        "event-before-interview",
    )


# The dates an event may carry, by key, and what each is, for a message that refuses it.
_CARRIED = {
    "due": "the promise is due",
    "deadline": "the deadline is",
    "decision_by": "the decision date is",
    "interview": "the next interview is",
}


def _earlier(path: Path_, carried: date, day: date, what_day: str) -> Issue:
    """A date given by an event (a promise's due day, a deadline, a new decision date, the
    next round's interview), or the employer's decision date, before the day it was given."""
    key = path[-1]
    assert isinstance(key, str)
    return Issue(
        path,
        f"{_CARRIED[key]} {carried}, before {what_day} on {day}",
        f"a date on or after {day}",
        "date-before-its-event",
    )


def _events_after_interview(data: object, issues: list[Issue]) -> None:
    """Events dated before the interview, when something else in the case is wrong too."""

    def day(value: object) -> date | None:
        try:
            if isinstance(value, str) and DATE_TIME.compiled.search(value):
                return parse_date(value[:10])
            return None
        except Refusal:
            return None

    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return
    interview = day(data.get("interview"))
    if interview is None:
        return
    for i, event in enumerate(data["events"]):
        when = day(event.get("date")) if isinstance(event, dict) else None
        if when is not None and when < interview:
            issues.append(_before(("events", i, "date"), when, interview))


def build_case(doc: Document, default_id: str = "") -> Case:
    """Check a parsed case file and build its model.

    Args:
        doc: the parsed file.
        default_id: the id to use when the file has none (the file name without extension).

    Raises:
        InputError: with every problem found, each located in the file.
    """
    return decode_case(doc, default_id)
