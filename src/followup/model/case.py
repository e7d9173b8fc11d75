"""One application as frozen values: what the employer said and what has happened since."""

from __future__ import annotations

import datetime as dt

import msgspec

from followup.timeline.durations import Duration


class Interviewer(msgspec.Struct, frozen=True):
    """Someone at the employer (an interviewer, or a recruiter in ``Case.recruiters``);
    ``greeting`` is how to address them, if given."""

    name: str
    email: str = ""
    greeting: str = ""
    phone: str = ""


class Employer(msgspec.Struct, frozen=True):
    """What the job seeker learned when they asked, at the end of the interview."""

    decision_by: dt.date | None = None
    decision_in: Duration | None = None
    follow_up: str = "unspecified"
    follow_up_after: Duration | None = None
    preferred_channel: str | None = None
    may_call: bool = False
    # The company's main line, for a call addressed to the company (`to: company`).
    phone: str = ""


class Event(msgspec.Struct, frozen=True):
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
    # A next round's interviewers, when the reply inviting you named them.
    interviewers: tuple[Interviewer, ...] = ()
    # A next round's interview time, when the reply gave one (its case's timezone).
    interview_time: dt.time | None = None


class Case(msgspec.Struct, frozen=True):
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
    # When in the day the interview was, if the case says (in its own timezone).
    interview_time: dt.time | None = None
    recruiters: tuple[Interviewer, ...] = ()
