"""Who a case's current interview round is with, read from its recorded replies.

The engine counts rounds in its replay (`followup.engine.facts`); the people of each round are
only needed to address messages and name recipients, so they are read here from the case.
"""

from __future__ import annotations

from datetime import date

from followup.model.case import Case, Interviewer

__all__ = ["round_interviewers"]


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
