"""An application's playbook and plan: the engine, run on what the tracker holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Final

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.errors import InputError, UsageError
from followup.model.case import Case
from followup.semantics.meaning import REOPENABLE
from followup.services.cases import calendar_for, today_for

# Used when an application names no playbook (`add` and `import` store it explicitly, so only a
# hand-edited database ever relies on this).  A week before the first check-in, then on hold: the
# middle of the road among the bundled playbooks.
DEFAULT_PLAYBOOK: Final = "week-then-on-hold"


def playbook_for(case: Case, dirs: tuple[Path, ...]) -> CompiledPlaybook:
    """The compiled playbook the application follows.

    Raises:
        UsageError: its playbook is no longer found (the message names the application).
        InputError: the playbook file has problems.
    """
    try:
        return catalog.load(case.playbook or DEFAULT_PLAYBOOK, dirs)
    except UsageError as err:
        raise UsageError(f"{case.id}: {err}") from None


def plan_for(
    case: Case, today: date | None, dirs: tuple[Path, ...]
) -> tuple[Plan, CompiledPlaybook]:
    """Where the application stands on ``today`` (default: today where it is) and what is next.

    Raises:
        UsageError: the playbook is not found.
        InputError: the playbook has problems, or the country has no holiday data.
    """
    cp = playbook_for(case, dirs)
    return plan_case(cp, case, today or today_for(case), calendar_for(case)), cp


def closed_by_record(plan: Plan) -> bool:
    """Whether a recorded event counted on the plan's day ended the application (withdrew, an
    offer, a rejection).  The playbook's own ``moved_on`` is not: a reply would reopen it.

    Every view decides "closed" by this, from the plan, so they all count the same events
    (those dated up to the day asked about) and agree.
    """
    return plan.outcome is not None and plan.outcome != REOPENABLE


def nothing_left(plan: Plan) -> bool:
    """Whether the application is over for you too: closed by a recorded event, with no step
    left (an offer still waits for your answer, so it stays in view until you give it)."""
    return closed_by_record(plan) and not plan.schedule


def future_problem(day: date, today: date) -> str | None:
    """Why an event dated ``day`` cannot be recorded on ``today`` (None when it can).

    An event is what has happened: one dated after today would be ignored by every plan until
    that day, then change it without anyone having recorded anything.
    """
    if day <= today:
        return None
    return (
        f"{day.isoformat()} is after today ({today.isoformat()}); expected a date on or before "
        "today: record an event once it has happened"
    )


def check_country_code(code: str, name: str) -> None:
    """Refuse a country or subdivision code the holiday library does not know, on its own (a
    setting that new applications will take).

    Raises:
        UsageError: no public-holiday data for the country or subdivision.
    """
    check_country(Case(name, date(2026, 1, 1), country=code), name)


def check_country(case: Case, name: str = "country") -> None:
    """Refuse a country or subdivision the holiday library does not know, before saving.

    Args:
        case: The application about to be saved.
        name: What the user calls the country they gave, for the error.

    Raises:
        UsageError: no public-holiday data for the country or subdivision.
    """
    try:
        calendar_for(case)
    except InputError as err:
        problem = err.problems[0] if err.problems else None
        message = problem.message if problem else str(err)
        expected = problem.expected if problem and problem.expected else "a known country code"
        raise UsageError(f"{name}: {message}; expected {expected}") from None
