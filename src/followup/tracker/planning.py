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
    from followup.cli.commands import calendar_for, today_for

    cp = playbook_for(case, dirs)
    return plan_case(cp, case, today or today_for(case), calendar_for(case)), cp


def check_country(case: Case) -> None:
    """Refuse a country or subdivision the holiday library does not know, before saving.

    Raises:
        UsageError: no public-holiday data for the country or subdivision.
    """
    from followup.cli.commands import calendar_for

    try:
        calendar_for(case)
    except InputError as err:
        problem = err.problems[0] if err.problems else None
        message = problem.message if problem else str(err)
        expected = problem.expected if problem and problem.expected else "a known country code"
        raise UsageError(f"--country: {message}; expected {expected}") from None
