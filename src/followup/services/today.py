"""``followup today``: what is due or overdue across every open application, and what is coming.

Each application is planned by the engine under its own playbook, on its own "today" (where it
is, unless ``--today`` says otherwise).  The projection assumes each step is done on its due
date, so an overdue step is listed once, and what follows it is dated from when it is done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from followup.compile.machine import CompiledPlaybook
from followup.engine.result import Plan, Step
from followup.engine.rounds import step_people
from followup.errors import FollowupError
from followup.model.case import Case, Interviewer
from followup.model.playbook import Compare, Guard, guard_tests
from followup.model.vocabulary import COMPANY_RECIPIENT, COMPLETED_BY
from followup.semantics.builtin import RECORD_ROUND_KIND
from followup.semantics.meaning import CONTACT_EVENTS, REOPENABLE
from followup.services.cases import today_for
from followup.services.planning import nothing_left, plan_for
from followup.tracker.store import Store

WINDOW: Final = timedelta(days=7)
# Facts of what the employer said: a step shown only while one is unknown (such as "ask how
# they want you to follow up") is done by recording what they said, not by an event.
EMPLOYER_FACTS: Final = (
    "preferred_channel",
    "has_follow_up_after",
    "follow_up",
    "has_decision_date",
    "may_call",
)


@dataclass(frozen=True, slots=True)
class Item:
    """One step of one application."""

    case: Case
    step: Step
    today: date
    recipients: tuple[Interviewer, ...]
    # The event that records the step as done (None: no event does), and, for one no event
    # does, the employer facts whose recording makes it go away.
    event: str | None = None
    asks: tuple[str, ...] = ()


@dataclass(slots=True)
class Queue:
    """Due (today or overdue) and upcoming steps, snoozed applications, and any that failed."""

    due: list[Item] = field(default_factory=list)
    upcoming: list[Item] = field(default_factory=list)
    snoozed: list[tuple[Case, date]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    # Applications the playbook gave up on that very day (it closed them by itself).
    closed_today: list[tuple[Case, Plan]] = field(default_factory=list)
    # Open applications whose plan has notes (what is worth knowing that is not a step): a
    # competing offer with no step to tell them, a promise not kept.  A day with nothing due
    # must still show them.
    notes: list[tuple[Case, tuple[str, ...]]] = field(default_factory=list)


# Contact with the employer: what you sent them (`CONTACT_EVENTS`), their replies, networking.
# Not news of your own (an offer elsewhere, a job accepted elsewhere), a promise, or an ending.
_CONTACT: Final = CONTACT_EVENTS | {"reply", "networked"}


def last_contact(case: Case, today: date) -> date | None:
    """The day of the latest contact with the employer up to ``today`` (a message either way,
    networking), or None when there has been none since the interview."""
    days = [e.date for e in case.events if e.type in _CONTACT and e.date <= today]
    return max(days, default=None)


def closed_on_the_day(plan: Plan) -> bool:
    """Whether the playbook itself closed the application (it gave up) on the plan's day.

    Its last step ("move on") is due on ``closes_on`` and lapses at the end of that day, so the
    application is first closed the day after: that is the day it would otherwise vanish.
    """
    return (
        plan.outcome == REOPENABLE
        and plan.closes_on is not None
        and plan.today - plan.closes_on == timedelta(days=1)
    )


def _guard_facts(guard: Guard | None) -> list[str]:
    return [t.fact for t in guard_tests(guard) if isinstance(t, Compare)]


def completion(cp: CompiledPlaybook, step: Step) -> tuple[str | None, tuple[str, ...]]:
    """The event that records ``step`` as done, else the employer facts that, once recorded,
    make the playbook stop showing it (none: it is a reminder that lapses by itself)."""
    event = cp.completed_by.get(step.action, COMPLETED_BY.get(step.action))
    if event is not None:
        return event, ()
    for group in cp.actions.values():
        for ca in group:
            if ca.id == step.rule_id:
                facts = _guard_facts(ca.action.when)
                return None, tuple(f for f in EMPLOYER_FACTS if f in facts)
    return None, ()


def recipients(case: Case, step: Step, today: date) -> tuple[Interviewer, ...]:
    """Who a step goes to (`step_people`), else the company ("the recruiter at" it by the
    recruiter channel, its main line for a step to the company); nobody for advice with
    nothing to send."""
    if step.action in ("move_on", RECORD_ROUND_KIND) or step.channel is None:
        return ()  # advice: nothing is sent to anyone
    company = case.company or case.id
    if step.to == COMPANY_RECIPIENT:
        return (Interviewer(f"{company}'s main line", phone=case.employer.phone),)
    people = step_people(case, step, today)
    if people:
        return people
    if step.channel == "recruiter":
        return (Interviewer(f"the recruiter at {company}"),)
    return (Interviewer(company),)


def build_queue(store: Store, today: date | None, dirs: tuple[Path, ...]) -> Queue:
    """Plan every open application and sort its steps into due and upcoming, by date.

    An application that cannot be read or planned (its playbook is gone, its stored data breaks
    a rule) is kept in ``problems`` and the others are still answered.
    """
    queue = Queue()
    # Closed or not is the plan's answer on the day asked about, as in every view.
    for stored in store.load(include_closed=True):
        case = stored.case
        if case is None:
            queue.problems.append((stored.app_id, stored.problem))
            continue
        until = stored.snoozed_until
        try:
            day = today or today_for(case)
            plan, cp = plan_for(case, day, dirs)
        except FollowupError as err:
            queue.problems.append((case.id, str(err)))
            continue
        if nothing_left(plan):
            continue
        if closed_on_the_day(plan):
            queue.closed_today.append((case, plan))
        if until is not None and day < until:
            queue.snoozed.append((case, until))
            continue
        if plan.notes:
            queue.notes.append((case, plan.notes))
        for step in plan.schedule:
            event, asks = completion(cp, step)
            item = Item(case, step, day, recipients(case, step, day), event, asks)
            if step.due <= day:
                queue.due.append(item)
            elif step.due <= day + WINDOW:
                queue.upcoming.append(item)
    order = _order_key
    queue.due.sort(key=order)
    queue.upcoming.sort(key=order)
    return queue


def _order_key(item: Item) -> tuple[date, str]:
    # sort() is stable: one application's steps keep the projection's order on a shared date.
    return (item.step.due, item.case.id)
