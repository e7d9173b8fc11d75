"""One application as frozen values: what the employer said and what has happened since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup.timeline.durations import Duration


@dataclass(frozen=True, slots=True)
class Interviewer:
    name: str
    email: str = ""


@dataclass(frozen=True, slots=True)
class Employer:
    """What the job seeker learned when they asked, at the end of the interview."""

    decision_by: dt.date | None = None
    decision_in: Duration | None = None
    follow_up: str = "unspecified"
    follow_up_after: Duration | None = None
    preferred_channel: str | None = None
    may_call: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, recorded by the job seeker.  ``index`` keeps file order stable."""

    date: dt.date
    type: str
    index: int = 0
    channel: str | None = None
    outcome: str | None = None
    decision_by: dt.date | None = None
    deadline: dt.date | None = None
    due: dt.date | None = None
    interview: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Case:
    """A job application."""

    id: str
    interview: dt.date
    file: str = ""
    company: str = ""
    role: str = ""
    country: str | None = None
    timezone: str | None = None
    playbook: str | None = None
    interviewers: tuple[Interviewer, ...] = ()
    employer: Employer = Employer()
    events: tuple[Event, ...] = ()
