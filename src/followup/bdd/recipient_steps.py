"""Steps about whom a step goes to: the people you deal with, or the company's main line.

A playbook's action may go ``to: company``: a call to the company's main line or reception
rather than to the interviewer.  These steps give the case that line and read the recipient of
the plan's next step, in the words a coach would use.
"""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from followup.bdd.world import World
from followup.model.vocabulary import COMPANY_RECIPIENT, DEFAULT_RECIPIENT

# What a scenario calls each recipient, by the `to` of the playbook language.
RECIPIENT_WORDS = {"the company": COMPANY_RECIPIENT, "my contact": DEFAULT_RECIPIENT}


@given(parsers.re(r'the company\'s main line is "(?P<phone>[^"]+)"'))
def the_main_line(followup_world: World, phone: str) -> None:
    """The case gives the company's main phone line (`employer: {phone: ...}`)."""
    followup_world.set_employer(phone=phone)


@then(parsers.re(r"the next step goes to (?P<who>the company|my contact)"))
def the_next_step_goes_to(followup_world: World, who: str) -> None:
    """The first next step is addressed to the company's main line, or to your contact."""
    plan = followup_world.plan()
    got = plan.next[0].to if plan.next else None
    want = RECIPIENT_WORDS[who]
    followup_world.check(got == want, f"Expected the next step to go to {who}, not to {got}.")
