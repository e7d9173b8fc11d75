"""Steps about what the playbook language lets a coach say: windows, and what the plan prints.

"Check in five to seven days after the interview" is a window: the plan's step has a first and a
last day.  These steps read the same plan the other steps do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytest_bdd import parsers, then

from followup.bdd.phrases import ACTION_SAID
from followup.bdd.plan_steps import PREPOSITION_ENDED_ACTIONS, only_next_step
from followup.bdd.words import DATE, VIA, action_of, day_of, opt_channel_of
from followup.bdd.world import World
from followup.engine.plan import next_steps
from followup.render.agenda_text import Row, agenda_table
from followup.render.show_text import show_text

WINDOW_WORDS = (
    rf"(?:(?:a|an|to) )?(?P<action>(?i:{PREPOSITION_ENDED_ACTIONS})|[A-Za-z][A-Za-z_ -]*?)"
    rf"(?: {VIA})? between (?P<first>{DATE}) and (?P<last>{DATE})"
)
WINDOW_CONVERTERS: dict[str, Callable[[str], object]] = {
    "action": action_of,
    "channel": opt_channel_of,
    "first": day_of,
    "last": day_of,
}


@then(parsers.re(rf"the next step is {WINDOW_WORDS}"), WINDOW_CONVERTERS)
def the_next_step_is_between(
    followup_world: World, action: str, channel: str | None, first: date, last: date
) -> None:
    """The one step due next is this action (by this channel), any day of this window."""
    step = only_next_step(followup_world)
    got = (step.action, step.due, step.latest)
    followup_world.check(
        got == (action, first, last) and (channel is None or step.channel == channel),
        f"Expected the next step to be {ACTION_SAID.get(action, action)} between {first} and "
        f"{last}, but it is {step.action} by {step.channel} from {step.due} to {step.latest}.",
    )


@then(parsers.re(r'the plan reads "(?P<text>[^"]+)"'))
def the_plan_reads(followup_world: World, text: str) -> None:
    """``followup plan`` prints these words (as they are, case and all)."""
    shown = followup_world.plan_text()
    followup_world.check(text in shown, f'Expected the plan to read "{text}".')


@then(parsers.re(r'the agenda reads "(?P<text>[^"]+)"'))
def the_agenda_reads(followup_world: World, text: str) -> None:
    """``followup agenda`` prints these words on its line for the case (id: ``scenario``)."""
    world = followup_world
    case = world.built_case()
    state, outcome, steps = next_steps(world.playbook(), case, world.today, world.calendar())
    row = Row(case.id, state, outcome, steps[0] if steps else None)
    shown = agenda_table([row], world.today)
    world.check(text in shown, f'Expected the agenda to read "{text}", but it reads:\n{shown}')


@then(parsers.re(r'followup show says "(?P<text>[^"]+)"'))
def show_says(followup_world: World, text: str) -> None:
    """``followup show`` of the scenario's playbook prints these words (lines joined)."""
    shown = " ".join(show_text(followup_world.playbook().playbook).split())
    followup_world.check(text in shown, f'Expected followup show to say "{text}".')
