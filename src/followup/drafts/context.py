"""The data a message template sees: plain values only, every fact the case knows filled in.

A template runs in `followup.drafts.sandbox` and sees five names holding only plain data
(dicts, lists, text, dates), never model objects, so nothing else is reachable:

* ``case``: ``id``, ``company``, ``role``; ``interview`` (this round's date) and
  ``interview_when`` ("yesterday", "on Friday", "two weeks ago": see `followup.drafts.when`),
  ``since_interview`` ("two weeks"); ``last_contact`` (your last follow-up, else the interview),
  ``last_contact_when`` and ``since_last_contact``; ``decision_by`` (a date or none) and
  ``decision_when``; ``offer_on`` (the day of your latest competing offer, or none),
  ``offer_deadline`` (the date you must answer it by, or none) and ``offer_deadline_when``;
  ``committed_to`` (the date you promised, or none); ``interviewers`` (this round's people, as
  ``interviewer``) and ``your_name`` (the sender's name, or the blank ``[[your name]]``);
* ``interviewer``: ``name``, ``first_name``, ``last_name``, ``title`` (Dr., Ms...),
  ``greeting`` (what follows "Dear": see `followup.drafts.names`), ``email`` and ``phone``
  (for a step ``to: company``: "the hiring team", with the company's main line as ``phone``);
* ``step``: ``action`` (the kind), ``rule``, ``due``, ``send_on`` (the due date, or today when
  the step is overdue: the day the message goes out, which every "when" is relative to),
  ``channel``, ``to`` (contact or company), ``note`` (a promise's note, else empty), ``why``,
  ``advice``, ``source``;
* ``sender``: ``name`` and ``signature`` (from ``followup config`` or the flags of
  ``followup draft``; the signature is the name when none is set);
* ``playbook``: ``id``, ``title``.

What only the job seeker knows is a blank written ``[[like this]]`` (`blank`), the one form
``followup draft --json`` lists under ``blanks``.  A "when" phrase is empty when its date is
unknown, so a template can test it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from followup.drafts.names import parse_name
from followup.drafts.when import how_long, said_when
from followup.engine.result import Step
from followup.engine.rounds import round_interviewers
from followup.model.case import Case, Interviewer
from followup.model.playbook import Playbook
from followup.semantics.meaning import CONTACT_EVENTS
from followup.timeline.calendar import BusinessCalendar

CONTEXT_NAMES = ("case", "interviewer", "step", "sender", "playbook")
# A blank the job seeker fills in: double brackets, so a single bracket in a sentence is not one.
BLANK_RE = re.compile(r"\[\[[^\[\]\n]+\]\]")


def blank(what: str) -> str:
    """A blank for something only the job seeker knows: ``[[what]]``."""
    return f"[[{what}]]"


def blanks_in(*texts: str) -> list[str]:
    """Every blank in ``texts``, once each, in order of first appearance."""
    return list(dict.fromkeys(m.group() for t in texts for m in BLANK_RE.finditer(t)))


YOUR_NAME = blank("your name")
THEIR_NAME = blank("their name")


@dataclass(frozen=True, slots=True)
class Sender:
    """Who signs the drafts; empty parts are blanks in the message."""

    name: str = ""
    signature: str = ""


NOBODY = Sender()  # no name or signature known: the drafts say [[your name]]


def person(who: Interviewer | None) -> dict[str, str]:
    """An interviewer as plain data; an unknown one as clear blanks."""
    if who is None or not who.name:
        email = who.email if who else ""
        parts = dict.fromkeys(("name", "first_name", "last_name", "greeting"), THEIR_NAME)
        return parts | {"title": "", "email": email, "phone": who.phone if who else ""}
    if who.name.startswith("["):  # already a blank, such as the recruiter's name
        parts = dict.fromkeys(("name", "first_name", "last_name", "greeting"), who.name)
        return parts | {"title": "", "email": who.email, "phone": who.phone}
    name = parse_name(who.name)
    return {
        "name": name.full,
        "first_name": name.first or name.greeting,
        "last_name": name.last,
        "title": name.title,
        "greeting": who.greeting or name.greeting,
        "email": who.email,
        "phone": who.phone,
    }


def round_dates(case: Case, today: date, cal: BusinessCalendar) -> tuple[date, date | None]:
    """The interview of the round the case is in on ``today``, and the decision date the
    employer gave for it (a "still deciding" reply may have moved it), as the engine reads them.
    """
    employer = case.employer
    interview, decision = case.interview, employer.decision_by
    if decision is None and employer.decision_in is not None:
        decision = cal.add(interview, employer.decision_in)
    for ev in case.events:
        if ev.type != "reply" or ev.date > today:
            continue
        if ev.outcome == "next_round":
            interview, decision = ev.interview or ev.date, None
        elif ev.decision_by is not None:
            decision = ev.decision_by
    return interview, decision


def case_facts(case: Case, today: date) -> dict[str, date | None]:
    """What the events recorded by ``today`` say: the last contact you made, your latest
    competing offer's day and deadline, and the date you committed to (None where nothing
    says)."""
    facts: dict[str, date | None] = dict.fromkeys(
        ("last_contact", "offer_on", "offer_deadline", "committed_to")
    )
    for ev in case.events:
        if ev.date > today:
            continue  # as the engine does: a later event has not happened yet
        if ev.type in CONTACT_EVENTS:
            facts["last_contact"] = ev.date
        elif ev.type == "competing_offer":
            facts["offer_on"], facts["offer_deadline"] = ev.date, ev.deadline
        elif ev.type == "committed":
            facts["committed_to"] = ev.due
    return facts


def _when(day: date | None, on: date) -> str:
    return "" if day is None else said_when(day, on)


def context_for(
    case: Case,
    step: Step,
    playbook: Playbook,
    who: Interviewer | None,
    today: date,
    cal: BusinessCalendar,
    sender: Sender = NOBODY,
) -> dict[str, object]:
    """Everything a template may read, as plain data."""
    interview, decision = round_dates(case, today, cal)
    send_on = max(step.due, today)
    facts = case_facts(case, today)
    last = max(facts["last_contact"] or interview, interview)
    deadline = facts["offer_deadline"]
    name = sender.name or YOUR_NAME
    return {
        "case": {
            "id": case.id,
            "company": case.company or blank("the company"),
            "role": case.role or blank("the role"),
            "interview": interview,
            "interview_when": said_when(interview, send_on),
            "since_interview": how_long(interview, send_on),
            "last_contact": last,
            "last_contact_when": said_when(last, send_on),
            "since_last_contact": how_long(last, send_on),
            "decision_by": decision,
            "decision_when": _when(decision, send_on),
            "offer_on": facts["offer_on"],
            "offer_deadline": deadline,
            "offer_deadline_when": _when(deadline, send_on),
            "committed_to": facts["committed_to"],
            "interviewers": [person(i) for i in round_interviewers(case, today)],
            "your_name": name,
        },
        "interviewer": person(who),
        "step": {
            "action": step.action,
            "rule": step.rule_id,
            "due": step.due,
            "send_on": send_on,
            "channel": step.channel or "none",
            "to": step.to,
            "note": step.note,
            "why": step.why,
            "advice": step.advice,
            "source": step.source,
        },
        "sender": {"name": name, "signature": sender.signature or name},
        "playbook": {"id": playbook.id, "title": playbook.title},
    }


def sample_context(playbook: Playbook, key: str) -> dict[str, object]:
    """A made-up case for checking a template once, with every field filled in."""
    kind, rule = key, key
    for action in playbook.actions:
        if key in (action.id, action.kind):
            kind, rule = action.kind, action.id
            break
    case = Case(
        "sample",
        date(2026, 3, 2),
        company="Example Corp",
        role="Data Analyst",
        interviewers=(Interviewer("Sam Lee", "sam@example.com"), Interviewer("Ana Ruiz")),
    )
    step = Step(kind, date(2026, 3, 9), "email", rule, "Sample advice.", "Sample source")
    day = date(2026, 3, 9)
    return context_for(case, step, playbook, case.interviewers[0], day, BusinessCalendar(None))
