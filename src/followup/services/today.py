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

from followup.engine.result import Step
from followup.errors import FollowupError
from followup.model.case import Case, Interviewer
from followup.services.cases import today_for
from followup.services.planning import nothing_left, plan_for
from followup.tracker.store import Store

WINDOW: Final = timedelta(days=7)
THANK_YOU_KINDS: Final = frozenset({"thank_you", "thank_you_note"})


@dataclass(frozen=True, slots=True)
class Item:
    """One step of one application."""

    case: Case
    step: Step
    today: date
    recipients: tuple[Interviewer, ...]


@dataclass(slots=True)
class Queue:
    """Due (today or overdue) and upcoming steps, snoozed applications, and any that failed."""

    due: list[Item] = field(default_factory=list)
    upcoming: list[Item] = field(default_factory=list)
    snoozed: list[tuple[Case, date]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def recipients(case: Case, step: Step) -> tuple[Interviewer, ...]:
    """Who a step goes to: every interviewer for a thank-you, else the first one, else the
    company (or its recruiter); nobody for advice with nothing to send."""
    if step.action == "move_on":
        return ()
    company = case.company or case.id
    if step.channel == "recruiter":
        return (Interviewer(f"the recruiter at {company}"),)
    if step.channel == "portal" or not case.interviewers:
        return (Interviewer(company),)
    if step.action in THANK_YOU_KINDS:
        return case.interviewers
    return case.interviewers[:1]


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
            plan, _ = plan_for(case, day, dirs)
        except FollowupError as err:
            queue.problems.append((case.id, str(err)))
            continue
        if nothing_left(plan):
            continue
        if until is not None and day < until:
            queue.snoozed.append((case, until))
            continue
        for step in plan.schedule:
            item = Item(case, step, day, recipients(case, step))
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
