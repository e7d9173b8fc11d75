"""Steps about what the plan tells the job seeker besides steps: its notes, and a step's note.

A note is a line such as "a broken promise" or "the deadline has passed": something to know, not
something to send.  These steps read the same plan the other steps do.
"""

from __future__ import annotations

from datetime import date

from pytest_bdd import parsers, then

from followup.bdd.words import DATE, action_of, day_of
from followup.bdd.world import World


@then(parsers.re(r'the plan notes "(?P<text>[^"]+)"'))
def the_plan_notes(followup_world: World, text: str) -> None:
    """One of the plan's notes contains these words (case ignored)."""
    notes = followup_world.plan().notes
    followup_world.check(
        any(text.lower() in n.lower() for n in notes),
        f'Expected a note mentioning "{text}"; the notes are: ' + (" | ".join(notes) or "none"),
    )


@then("the plan has no notes")
def the_plan_has_no_notes(followup_world: World) -> None:
    """Nothing to know beyond the steps."""
    notes = followup_world.plan().notes
    followup_world.check(not notes, "Expected no notes, but: " + " | ".join(notes))


@then(parsers.re(r'the next step says "(?P<text>[^"]+)"'))
def the_next_step_says(followup_world: World, text: str) -> None:
    """The first next step carries this note of the user's own (a promise's "what")."""
    plan = followup_world.plan()
    got = plan.next[0].note if plan.next else ""
    followup_world.check(
        text.lower() in got.lower(), f'Expected the next step to say "{text}", it says "{got}".'
    )


@then(parsers.re(r'keeping my promise also counts as the check-in "(?P<rule>[^"]+)"'))
def the_promise_covers(followup_world: World, rule: str) -> None:
    """The promised follow-up next is also this rule's check-in, which waited for its day."""
    plan = followup_world.plan()
    covers = [r for s in plan.next if s.action == "keep_promise" for r in s.covers]
    followup_world.check(
        rule in covers,
        f'Expected keeping the promise to count as the check-in "{rule}"; it counts as: '
        + (", ".join(covers) or "nothing else"),
    )


@then(parsers.re(r"the schedule has no (?P<action>(?!direct contacts?$).+)"), {"action": action_of})
def the_schedule_has_no(followup_world: World, action: str) -> None:
    """No step of this kind is left in the schedule ("my promised follow-up", "check-in")."""
    left = [s for s in followup_world.plan().schedule if s.action == action]
    followup_world.check(
        not left,
        f"Expected no {action} in the schedule; found {len(left)}, first on {left[0].due}"
        if left
        else "",
    )


@then(parsers.re(rf"the plan says to send the next step on (?P<day>{DATE})"), {"day": day_of})
def the_next_step_is_sent_on(followup_world: World, day: date) -> None:
    """The first next step names the day to do it (an overdue step seen on a day off)."""
    plan = followup_world.plan()
    got = plan.next[0].send_on if plan.next else None
    followup_world.check(got == day, f"Expected the next step to be sent on {day}, not {got}.")


@then(
    parsers.re(rf"the only step left is to answer their offer on (?P<day>{DATE})"),
    {"day": day_of},
)
def only_answer_left(followup_world: World, day: date) -> None:
    """The case is closed with an offer, and answering it is all that is left to do."""
    plan = followup_world.plan()
    got = [(s.action, s.due) for s in plan.schedule]
    followup_world.check(
        plan.outcome == "offer" and got == [("answer_offer", day)],
        f"Expected only an answer to their offer on {day}; the plan has {got} "
        f"(outcome {plan.outcome}).",
    )
