"""Which playbook fits a case: the few answers that separate the playbooks, and a ranking.

Each playbook is run on the case with the answers folded into what the employer said; every
reason names the rule that planned the step it is about and the article section behind it, so a
ranking can be traced back to the sources.  Nothing here is typed in per playbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import msgspec

from followup.analysis.compare import disagreements, news_to_tell_by
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case
from followup.engine.result import Plan, Step
from followup.model.case import Case
from followup.model.vocabulary import DIRECT_CHANNELS, FOLLOW_UP_PERMISSIONS, NUDGE_KINDS
from followup.semantics.meaning import NEWS_KIND
from followup.timeline.calendar import BusinessCalendar

# How persistent the job seeker wants to be, and the check-ins each word hopes for when the
# employer stays silent.
PERSISTENCE: Final = {"gentle": 1, "steady": 2, "persistent": 3}
EMPLOYER_SAID: Final = FOLLOW_UP_PERMISSIONS


@dataclass(frozen=True, slots=True)
class Answers:
    """What separates the playbooks for one case.

    Attributes:
        follow_up: What the employer said about following up (invited, not_wanted,
            unspecified).
        decision_by: The day they said they would decide, if they said one.
        may_call: Whether a phone call is fine with them.
        persistence: gentle, steady or persistent (see `PERSISTENCE`).
    """

    follow_up: str = "unspecified"
    decision_by: date | None = None
    may_call: bool = False
    persistence: str = "steady"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for or against a playbook, traced to the rule and section behind it."""

    text: str
    weight: int
    rule_id: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Ranked:
    """A playbook's place for this case: its score, its plan and the reasons."""

    playbook_id: str
    title: str
    score: int
    plan: Plan
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Choice:
    """The ranking (best first), and where the playbooks disagree for this case."""

    case: Case
    answers: Answers
    ranked: tuple[Ranked, ...]
    disagreements: tuple[str, ...]

    @property
    def best(self) -> Ranked:
        """The recommended playbook."""
        return self.ranked[0]


def answered(case: Case, answers: Answers) -> Case:
    """The case with the answers as what the employer said (the answers win over the file)."""
    employer = msgspec.structs.replace(
        case.employer,
        follow_up=answers.follow_up,
        decision_by=answers.decision_by or case.employer.decision_by,
        may_call=answers.may_call,
        preferred_channel="phone" if answers.may_call else case.employer.preferred_channel,
    )
    return msgspec.structs.replace(case, employer=employer)


def defaults_from(case: Case) -> Answers:
    """The answers a case file already gives (the questions then only ask what is missing)."""
    said = case.employer
    return Answers(
        follow_up=said.follow_up,
        decision_by=said.decision_by,
        may_call=said.may_call or said.preferred_channel == "phone",
    )


def _cite(step: Step | None) -> tuple[str, str]:
    return (step.rule_id, step.source) if step else ("", "")


def reasons_for(plan: Plan, cp: CompiledPlaybook, answers: Answers) -> tuple[Reason, ...]:
    """Why this playbook does or does not fit the answers, strongest first."""
    nudges = [s for s in plan.schedule if s.action in NUDGE_KINDS]
    first = nudges[0] if nudges else None
    whole = ("", cp.playbook.source.cite())
    found: list[Reason] = []
    if answers.follow_up == "not_wanted":
        if nudges:
            found.append(Reason("checks in although they asked you not to", -6, *_cite(first)))
        else:
            found.append(Reason("sends no check-in, as they asked", 2, *whole))
    else:
        want = PERSISTENCE.get(answers.persistence, 2)
        gap = abs(len(nudges) - want)
        text = (
            f"{len(nudges)} check-in{'s' if len(nudges) != 1 else ''} if they stay silent "
            f"(you want to be {answers.persistence}: about {want})"
        )
        found.append(Reason(text, 3 - 2 * gap, *_cite(nudges[-1] if nudges else None)))
    if answers.decision_by and first is not None:
        if first.due >= answers.decision_by:
            text = f"waits for their decision date: first check-in {first.due.isoformat()}"
            found.append(Reason(text, 2, *_cite(first)))
        else:
            text = f"checks in on {first.due.isoformat()}, before the date they gave"
            found.append(Reason(text, -3, *_cite(first)))
    found += _news_reasons(plan, whole)
    phone = next((s for s in plan.schedule if s.channel == "phone"), None)
    if answers.may_call and phone is not None:
        found.append(Reason("calls, as they are fine with calls", 1, *_cite(phone)))
    elif not answers.may_call and phone is not None:
        found.append(Reason("plans a call although calls are not welcome", -3, *_cite(phone)))
    contacts = [s for s in plan.schedule if s.channel in DIRECT_CHANNELS]
    if contacts:
        last = contacts[-1]
        found.append(
            Reason(
                f"{len(contacts)} direct contact{'s' if len(contacts) != 1 else ''}, "
                f"the last on {last.due.isoformat()}",
                0,
                *_cite(last),
            )
        )
    network = next((s for s in plan.schedule if s.channel == "linkedin"), None)
    if network is not None:
        found.append(Reason("also suggests networking on LinkedIn", 0, *_cite(network)))
    if plan.closes_on:
        found.append(Reason(f"lets go on {plan.closes_on.isoformat()}", 0, *whole))
    return tuple(sorted(found, key=lambda r: -abs(r.weight)))


def _news_reasons(plan: Plan, whole: tuple[str, str]) -> list[Reason]:
    """With a competing offer to answer, whether the plan tells them while it still matters:
    a decision with a deadline weighs more than the pace of check-ins."""
    by = news_to_tell_by(plan)
    if by is None:
        return []
    step = next((s for s in plan.schedule if s.action == NEWS_KIND), None)
    day = None if step is None else step.send_on or step.due
    if step is not None and day is not None and day <= by:
        text = f"tells them about your competing offer on {day.isoformat()}, in time"
        return [Reason(text, 3, *_cite(step))]
    text = f"has no step to tell them about your competing offer by {by.isoformat()}"
    return [Reason(text, -3, *whole)]


def rank(
    cps: list[CompiledPlaybook],
    case: Case,
    today: date,
    cal: BusinessCalendar,
    answers: Answers,
) -> Choice:
    """Run every playbook on the answered case and rank them, best first.

    Ties go to fewer direct contacts (the gentler plan), then to the id.
    """
    asked = answered(case, answers)
    ranked = []
    for cp in cps:
        plan = plan_case(cp, asked, today, cal)
        reasons = reasons_for(plan, cp, answers)
        score = sum(r.weight for r in reasons)
        ranked.append(Ranked(cp.id, cp.playbook.title, score, plan, reasons))
    ranked.sort(
        key=lambda r: (
            -r.score,
            sum(1 for s in r.plan.schedule if s.channel in DIRECT_CHANNELS),
            r.playbook_id,
        )
    )
    differ = tuple(disagreements([r.plan for r in ranked]))
    return Choice(asked, answers, tuple(ranked), differ)
