"""Who a case's current interview round is with, read from its recorded replies.

The engine counts rounds in its replay (`followup.engine.facts`); the people of each round are
only needed to address messages and name recipients, so they are read here from the case.
"""

from __future__ import annotations

from datetime import date

from followup.engine.result import Step
from followup.model.case import Case, Interviewer
from followup.model.vocabulary import COMPANY_RECIPIENT
from followup.semantics.meaning import NEWS_KIND, THANKS_KINDS

__all__ = ["round_interviewers", "step_people"]


def round_interviewers(case: Case, today: date) -> tuple[Interviewer, ...]:
    """Who interviews you in the round the case is in on ``today``: the people the reply that
    invited you to it named (a later reply giving the same round its date may name them), else
    the case's interviewers."""
    people: tuple[Interviewer, ...] = ()
    awaiting = False  # a round invited without its date: the next such reply is the same round
    for ev in case.events:
        if ev.date > today or ev.type != "reply" or ev.outcome != "next_round":
            continue
        if not awaiting:
            people = ()
        awaiting = ev.interview is None
        people = ev.interviewers or people
    return people or case.interviewers


def step_people(case: Case, step: Step, today: date) -> tuple[Interviewer, ...]:
    """The people a step's message is for, as far as the case names them: each interviewer of
    the round for a thank-you; the recruiter (the first recorded) by the recruiter channel; for
    news of a competing offer, the round's first interviewer and every recruiter recorded (time
    matters to everyone deciding); else the round's first interviewer.  None for a step to the
    company or through the portal (no person), or where the case names nobody: each view says
    so in its own words."""
    if step.to == COMPANY_RECIPIENT or step.channel == "portal":
        return ()
    if step.channel == "recruiter":
        return case.recruiters[:1]
    people = round_interviewers(case, today)
    if step.action in THANKS_KINDS:
        return people
    if step.action == NEWS_KIND:
        return (*people[:1], *case.recruiters)
    return people[:1]
