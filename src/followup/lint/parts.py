"""L119: a step to do at a part of the day that can come before the interview, on its day."""

from __future__ import annotations

from followup.lint.rules import Checks
from followup.model.playbook import Action
from followup.model.vocabulary import STEP_PARTS


def part_before_interview(c: Checks) -> None:
    """An action due on the interview's own day ('due: interview') at a part of the day (its
    ``at``) that comes before the interview's, for some case its condition allows: a
    thank-you 'in the morning' of an afternoon interview.  A case without the interview's time
    is not counted (the plan cannot know)."""
    for a in c.cp.playbook.actions:
        if a.at is None or not _on_interview_day(a):
            continue
        later = [p for p in STEP_PARTS if STEP_PARTS.index(p) > STEP_PARTS.index(a.at)]
        found = next((p for p in later if _allows(c, a, p)), None)
        if found is not None:
            c.report(
                "L119",
                a,
                "at",
                f"action '{a.id}' is due on the interview's day in the {a.at}, but the "
                f"interview may be in the {found}, after it",
                "a condition on interview_part that leaves out later interviews (when: "
                f"{{interview_part: {{in: [{', '.join(_up_to(a.at))}, unknown]}}}}), or a "
                "later part of the day",
            )


def _on_interview_day(a: Action) -> bool:
    terms = a.due.terms
    return len(terms) == 1 and terms[0].anchor == "interview" and terms[0].offset is None


def _up_to(part: str) -> list[str]:
    return list(STEP_PARTS[: STEP_PARTS.index(part) + 1])


def _allows(c: Checks, a: Action, part: str) -> bool:
    """Whether some case in one of ``a``'s states, with the interview in ``part`` of the day,
    meets ``a``'s condition (every case does when no rule reads the part of the day)."""
    explorer = c.explorer
    where = explorer.at.get("interview_part")
    if where is None:
        return True
    return any(
        vals[where] == part and explorer.holds(a.when, vals)
        for state in a.states
        for vals in c.reach.states.get(state, ())
    )
