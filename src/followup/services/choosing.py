"""Choosing a playbook for a case or a tracked application, and switching an application to it.

A switch is a row appended to the application's history (`followup.tracker.records.SWITCH`):
`status` lists it, `undo` retracts it like any event, and the plan is replayed under the
playbook the latest switch that counts names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from followup import catalog
from followup.analysis.choice import Answers, Choice, rank
from followup.engine.result import Plan
from followup.errors import FollowupError, Problem, UsageError
from followup.model.case import Case
from followup.services.cases import calendar_for, names_case_file, read_case, today_for
from followup.services.planning import DEFAULT_PLAYBOOK, closed_by_record, plan_for
from followup.tracker.store import Store


@dataclass(frozen=True, slots=True)
class Subject:
    """What the user asked about: a case file's case, or a tracked application's."""

    case: Case
    app_id: str | None = None


@dataclass(frozen=True, slots=True)
class Switched:
    """A change of playbook just committed, and the plan replayed under the new one."""

    app_id: str
    seq: int
    before: str
    after: str
    plan: Plan


def subject(ref: str | None, store: Store | None, today: date | None) -> Subject:
    """The case ``ref`` names: a case file if one exists there, else a tracked application.

    Without ``ref``: a fresh case interviewed today (the questions supply the rest).

    Raises:
        InputError: the case file has problems.
        UsageError: no file and no application of that name.
    """
    if ref is None:
        return Subject(Case(id="new", interview=today or date.today()))
    if names_case_file(ref) or store is None:
        return Subject(read_case(ref)[0])
    with store.reading():
        try:
            app_id = store.resolve(ref)
        except UsageError as err:
            raise UsageError(f"CASE|APP: no case file '{ref}', and {err}") from None
        return Subject(store.case(app_id), app_id)


def choose(
    found: Subject, answers: Answers, dirs: tuple[Path, ...], today: date | None
) -> tuple[Choice, list[Problem]]:
    """Rank every playbook that loads (bundled and the coach's) for the case, with the
    answers; and the problems of those that do not (one broken file in a coach's folder does
    not hide the ranking of the others).

    Raises:
        InputError: the case's country does not load.
        UsageError: a playbooks folder is missing.
    """
    cps, broken = catalog.load_each(dirs)
    case = found.case
    return rank(cps, case, today or today_for(case), calendar_for(case), answers), broken


def switch(
    store: Store, app: str, ref: str, dirs: tuple[Path, ...], today: date | None = None
) -> Switched:
    """Move a tracked application to another playbook, by appending the change to its history.

    Raises:
        UsageError: unknown application or playbook, or the application already follows it.
        InputError: the playbook file has problems.
    """
    cp = catalog.load(ref, dirs)  # an unknown id is refused before anything is written
    stored = str(Path(ref).resolve()) if catalog.looks_like_path(ref) else cp.id
    with store.writing():
        app_id = store.resolve(app)
        case = store.case(app_id)
        before = case.playbook or DEFAULT_PLAYBOOK
        if before == stored:
            raise UsageError(
                f"{app_id}: already follows {stored}; expected another playbook "
                "(see 'followup playbooks')"
            )
        day = today or today_for(case)
        seq = store.switch_playbook(
            app_id, {"date": day.isoformat(), "playbook": stored, "from": before}
        )
        case = store.case(app_id)
    plan, _ = plan_for(case, today, dirs)
    return Switched(app_id, seq, before, cp.id, plan)


def open_plans(
    store: Store, today: date | None, dirs: tuple[Path, ...]
) -> tuple[list[tuple[Case, Plan]], list[tuple[str, str]]]:
    """Every open application and its plan (on its own today unless ``today`` is given).

    One that cannot be read or planned is listed with its problem instead of stopping the rest.
    """
    found: list[tuple[Case, Plan]] = []
    problems: list[tuple[str, str]] = []
    for stored in store.load():
        if stored.case is None:
            problems.append((stored.app_id, stored.problem))
            continue
        try:
            plan, _ = plan_for(stored.case, today, dirs)
        except FollowupError as err:
            problems.append((stored.app_id, str(err)))
            continue
        if not closed_by_record(plan):
            found.append((stored.case, plan))
    return found, problems
