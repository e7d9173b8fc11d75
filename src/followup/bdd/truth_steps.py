"""Steps about why a step moved, and about a new round's interviewers.

A step the minimum gap between direct contacts moved later says so; these steps read the plan
(and its text, as ``followup plan`` prints it) to check that it does.  A reply inviting me to a
next round may name who will interview me in it, as a case file's ``interviewers`` would.
"""

from __future__ import annotations

import re
from datetime import date

from pytest_bdd import parsers, then

from followup.bdd.words import DATE, QUOTED, action_of, day_of, given_or_when
from followup.bdd.world import World


@then(
    parsers.re(
        rf"the (?P<action>.+?) waits after my contact on (?P<day>{DATE}), and the plan says why"
    ),
    {"action": action_of, "day": day_of},
)
def step_waits_after(followup_world: World, action: str, day: date) -> None:
    """The first such step in the schedule was moved by the minimum gap after this contact, and
    both the explanation and (for a next step) the plan's text say so."""
    plan = followup_world.plan()
    found = [s for s in plan.schedule if s.action == action]
    got = found[0].paced_after if found else None
    followup_world.check(
        got == day, f"Expected the {action} to wait after the contact on {day}, not {got}."
    )
    words = f"after the direct contact on {day.isoformat()}"
    trace = followup_world.explanation()
    followup_world.check(words in trace, f'Expected the explanation to say "{words}":\n{trace}')
    if found[0] in plan.next:
        text = followup_world.plan_text()
        followup_world.check(
            words in " ".join(text.split()), f'Expected the plan to say "{words}":\n{text}'
        )


@given_or_when(
    rf"they invited me to another round on (?P<day>{DATE}), with an interview on "
    rf"(?P<interview>{DATE}) by (?P<names>{QUOTED}(?:.*{QUOTED})?)",
    {"day": day_of, "interview": day_of},
)
def invited_to_a_round_with(followup_world: World, day: date, interview: date, names: str) -> None:
    """A "next round" reply with the new interview's date and its interviewers, each in quotes."""
    people = re.findall(r'"([^"]+)"', names)
    followup_world.add_event(
        day, "reply", outcome="next_round", interview=interview, interviewers=people
    )
