"""Then: what the plan says (state, steps, dates, channels, the rule and source behind them).

Each step function's docstring is one line saying what the step does; the step reference in the
documentation is generated from them, so keep them short and in the coach's terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from pytest_bdd import parsers, then

from followup.bdd.phrases import ACTION_SAID
from followup.bdd.tables import read_table, reads_table, schedule_rows
from followup.bdd.words import (
    ACTION_NAMES,
    DATE,
    VIA,
    action_of,
    day_of,
    opt_channel_of,
    outcome_of,
    said,
    state_of,
)
from followup.bdd.world import World, fail
from followup.engine.result import Step
from followup.model.vocabulary import (
    DIRECT_CHANNELS,
    NUDGE_KINDS,
)

# -- Then: what the plan says ---------------------------------------------------------------------

# Action words whose last word could also start a channel ("move on", "check in") are tried
# whole first: "move on on 2026-04-11" is moving on, not an action "move" by a channel "on", and
# "check in by email" is a check-in, not an action "check" by a channel "in by email".
PREPOSITION_ENDED_ACTIONS = "|".join(
    re.escape(words).replace(r"\ ", " +")
    for words in sorted(ACTION_NAMES, key=len, reverse=True)
    if re.search(r" (?:by|through|via|on|in)$", words)
)
STEP_WORDS = (
    rf"(?:(?:a|an|to) )?(?P<action>(?i:{PREPOSITION_ENDED_ACTIONS})|[A-Za-z][A-Za-z_ -]*?)"
    rf"(?: {VIA})? on (?P<due>{DATE})"
)
STEP_CONVERTERS: dict[str, Callable[[str], object]] = {
    "action": action_of,
    "channel": opt_channel_of,
    "due": day_of,
}


def _matches(step: Step, action: str, channel: str | None, due: date) -> bool:
    """Whether ``step`` is this action on this day (and by this channel, when one is named)."""
    return (
        step.action == action and step.due == due and (channel is None or step.channel == channel)
    )


def _expected(action: str, channel: str | None, due: date) -> str:
    via = f" by {channel}" if channel else ""
    return f"{ACTION_SAID.get(action, action)}{via} on {due}"


def only_next_step(world: World) -> Step:
    """The one step due next; fails if there are none or several."""
    plan = world.plan()
    world.check(bool(plan.next), "Expected a next step, but nothing is due.")
    world.check(
        len(plan.next) == 1,
        f"Expected one next step, but {len(plan.next)} are due together "
        "(say 'the next steps include ...'): " + "; ".join(said(s) for s in plan.next),
    )
    return plan.next[0]


@then(parsers.re(r'the state is "(?P<state>[^"]+)"'), {"state": state_of})
def the_state_is(followup_world: World, state: str) -> None:
    """The application is in this state (interviewed, thanked, waiting, checked-in, ...)."""
    plan = followup_world.plan()
    followup_world.check(
        plan.state == state, f'Expected the state "{state}", but it is "{plan.state}".'
    )


@then(parsers.re(rf"the next step is {STEP_WORDS}"), STEP_CONVERTERS)
def the_next_step_is(followup_world: World, action: str, channel: str | None, due: date) -> None:
    """The one step due next is this action (by this channel) on this day."""
    step = only_next_step(followup_world)
    followup_world.check(
        _matches(step, action, channel, due),
        f"Expected the next step to be {_expected(action, channel, due)}, but it is {said(step)}.",
    )


@then(parsers.re(rf"the next steps include {STEP_WORDS}"), STEP_CONVERTERS)
def the_next_steps_include(
    followup_world: World, action: str, channel: str | None, due: date
) -> None:
    """One of the steps due next is this action (by this channel) on this day."""
    plan = followup_world.plan()
    followup_world.check(
        any(_matches(s, action, channel, due) for s in plan.next),
        f"Expected the next steps to include {_expected(action, channel, due)}, but they are: "
        + ("; ".join(said(s) for s in plan.next) or "nothing"),
    )


@then(parsers.re(rf"the schedule includes {STEP_WORDS}"), STEP_CONVERTERS)
def the_schedule_includes(
    followup_world: World, action: str, channel: str | None, due: date
) -> None:
    """Somewhere in the schedule is this action (by this channel) on this day."""
    plan = followup_world.plan()
    followup_world.check(
        any(_matches(s, action, channel, due) for s in plan.schedule),
        f"Expected the schedule to include {_expected(action, channel, due)}.",
    )


@then(parsers.re(r'the next step comes from rule "(?P<rule>[^"]+)"'))
def the_next_step_rule(followup_world: World, rule: str) -> None:
    """The step due next is recommended by the playbook rule with this id."""
    step = only_next_step(followup_world)
    followup_world.check(
        step.rule_id == rule,
        f'Expected the next step to come from rule "{rule}", but it comes from "{step.rule_id}".',
    )


@then(parsers.re(r'the next step cites "(?P<text>[^"]+)"'))
def the_next_step_cites(followup_world: World, text: str) -> None:
    """The source cited for the step due next contains these words."""
    step = only_next_step(followup_world)
    followup_world.check(
        text.casefold() in step.source.casefold(),
        f'Expected the next step to cite "{text}", but it cites: {step.source}',
    )


@then("nothing more is due")
def nothing_more_is_due(followup_world: World) -> None:
    """The plan has no steps left."""
    plan = followup_world.plan()
    followup_world.check(
        not plan.schedule,
        "Expected nothing more to be due, but the schedule has: "
        + "; ".join(said(s) for s in plan.schedule),
    )


@then("the schedule is:")
@reads_table(schedule_rows)
def the_schedule_is(followup_world: World, datatable: list[list[str]]) -> None:
    """The whole schedule, in order: columns due, action and (optionally) channel and rule."""
    rows = read_table(followup_world, datatable, schedule_rows)
    plan = followup_world.plan()
    problems: list[str] = []
    for i, row in enumerate(rows):
        expected = _expected(row.action, row.channel, row.due)
        if i >= len(plan.schedule):
            problems.append(f"row {i + 1}: expected {expected}, but the schedule ends")
            continue
        got = plan.schedule[i]
        same = got.action == row.action and got.due == row.due
        if row.by_channel:
            same = same and got.channel == row.channel
        if row.rule is not None:
            same = same and got.rule_id == row.rule
        if not same:
            problems.append(f"row {i + 1}: expected {expected}, got {said(got)}")
    for i in range(len(rows), len(plan.schedule)):
        problems.append(f"row {i + 1}: not expected, got {said(plan.schedule[i])}")
    followup_world.check(not problems, "The schedule differs:\n  " + "\n  ".join(problems))


@then(parsers.re(rf"the case closes on (?P<day>{DATE})"), {"day": day_of})
def the_case_closes_on(followup_world: World, day: date) -> None:
    """The case closes (or closed) on this day if nothing else happens."""
    plan = followup_world.plan()
    followup_world.check(
        plan.closes_on == day, f"Expected the case to close on {day}, not {plan.closes_on}."
    )


@then("the case does not close on its own")
def the_case_stays_open(followup_world: World) -> None:
    """The playbook never closes this case by itself (no closing date)."""
    plan = followup_world.plan()
    followup_world.check(
        plan.closes_on is None, f"Expected no closing date, but it closes on {plan.closes_on}."
    )


@then(parsers.re(r'the case is closed as "(?P<outcome>[^"]+)"'), {"outcome": outcome_of})
def the_case_is_closed_as(followup_world: World, outcome: str) -> None:
    """The case is closed with this outcome: offer, rejection, withdrew or moved on."""
    plan = followup_world.plan()
    followup_world.check(
        plan.state == "closed" and plan.outcome == outcome,
        f'Expected the case closed as "{outcome}", but it is "{plan.state}" '
        f"with outcome {plan.outcome!r}.",
    )


@then("the case is open")
def the_case_is_open(followup_world: World) -> None:
    """The case is not closed."""
    plan = followup_world.plan()
    followup_world.check(
        plan.state != "closed", f"Expected the case open, but it is closed as {plan.outcome!r}."
    )


@then(parsers.re(r'I am told to avoid "(?P<text>[^"]+)"'))
def told_to_avoid(followup_world: World, text: str) -> None:
    """One of the don'ts mentions these words (any case)."""
    plan = followup_world.plan()
    followup_world.check(
        any(text.casefold() in a.casefold() for a in plan.avoid),
        f'Expected a "don\'t" mentioning "{text}".',
    )


@then(parsers.re(r'I am not told to avoid "(?P<text>[^"]+)"'))
def not_told_to_avoid(followup_world: World, text: str) -> None:
    """None of the don'ts mentions these words (any case)."""
    plan = followup_world.plan()
    followup_world.check(
        not any(text.casefold() in a.casefold() for a in plan.avoid),
        f'Expected no "don\'t" mentioning "{text}".',
    )


@then(parsers.re(r"the schedule has (?P<count>\d+|no) direct contacts?"))
def direct_contacts(followup_world: World, count: str) -> None:
    """This many steps reach a person directly (email, phone, mail, text, the recruiter)."""
    want = 0 if count == "no" else int(count)
    plan = followup_world.plan()
    got = sum(1 for s in plan.schedule if s.channel in DIRECT_CHANNELS)
    followup_world.check(got == want, f"Expected {want} direct contacts, counted {got}.")


@then(parsers.re(rf"no check-in is due before (?P<day>{DATE})"), {"day": day_of})
def no_check_in_before(followup_world: World, day: date) -> None:
    """No check-in (or final check-in) is scheduled before this day."""
    _no_check_in_until(followup_world, day, "before", on=False)


@then(parsers.re(rf"no check-in is due on or before (?P<day>{DATE})"), {"day": day_of})
def no_check_in_on_or_before(followup_world: World, day: date) -> None:
    """No check-in (or final check-in) is scheduled on this day or earlier."""
    _no_check_in_until(followup_world, day, "on or before", on=True)


def _no_check_in_until(followup_world: World, day: date, words: str, *, on: bool) -> None:
    plan = followup_world.plan()
    early = [
        s
        for s in plan.schedule
        if s.action in NUDGE_KINDS and (s.due <= day if on else s.due < day)
    ]
    followup_world.check(
        not early, f"Expected no check-in {words} {day}: " + "; ".join(said(s) for s in early)
    )


@then("no step falls on a weekend or public holiday")
def no_step_on_a_day_off(followup_world: World) -> None:
    """Every direct contact in the schedule falls on a business day of the company's country."""
    plan = followup_world.plan()
    cal = followup_world.calendar()
    off = [
        s for s in plan.schedule if s.channel in DIRECT_CHANNELS and not cal.is_business_day(s.due)
    ]
    followup_world.check(
        not off, "These fall on a weekend or holiday: " + "; ".join(said(s) for s in off)
    )


@then(parsers.re(r"(?P<count>\d+) later events? (?:is|are) not counted"))
def later_events_not_counted(followup_world: World, count: str) -> None:
    """This many recorded events are dated after the day the plan is for, so not counted."""
    _check_not_counted(followup_world, int(count))


@then("every recorded event is counted")
def every_event_counted(followup_world: World) -> None:
    """No recorded event is dated after the day the plan is for."""
    _check_not_counted(followup_world, 0)


def _check_not_counted(world: World, want: int) -> None:
    plan = world.plan()
    world.check(
        plan.ignored_future_events == want,
        f"Expected {want} later events not counted, but {plan.ignored_future_events} are.",
    )


@then(parsers.re(r'the explanation mentions "(?P<text>[^"]+)"'))
def the_explanation_mentions(followup_world: World, text: str) -> None:
    """What 'followup explain' prints mentions these words (any case)."""
    trace = followup_world.explanation()
    if text.casefold() not in trace.casefold():
        fail(f'Expected the explanation to mention "{text}":\n{trace}')
