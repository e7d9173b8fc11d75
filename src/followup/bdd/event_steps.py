"""Given or When: what happened on the application, the days that pass, and the steps I take.

Each step function's docstring is one line saying what the step does; the step reference in the
documentation is generated from them, so keep them short and in the coach's terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from pytest_bdd import parsers, when

from followup.bdd.tables import event_rows, read_table, reads_table
from followup.bdd.words import (
    COMMIT_CHANNELS,
    DATE,
    MAX_FOLLOW_ROUNDS,
    VIA,
    day_of,
    duration_text,
    given_or_when,
    opt_channel_of,
    opt_day_of,
    opt_time_of,
    reply_of,
    sent_of,
)
from followup.bdd.world import World, fail
from followup.engine.result import Step
from followup.model.vocabulary import (
    CLOSED,
)
from followup.timeline.durations import parse_duration

# -- Given or When: what happened ----------------------------------------------------------------


@given_or_when(
    rf"I sent an? (?P<what>[A-Za-z][A-Za-z -]*?)(?: {VIA})? on (?P<day>{DATE})",
    {"what": sent_of, "day": day_of, "channel": opt_channel_of},
)
def i_sent(followup_world: World, what: str, channel: str | None, day: date) -> None:
    """I sent a thank-you, a handwritten note, a check-in or an update, by some channel."""
    followup_world.add_event(day, what, channel=channel)


@given_or_when(
    rf"I got in touch(?: {VIA})? on (?P<day>{DATE})",
    {"day": day_of, "channel": opt_channel_of},
)
def i_got_in_touch(followup_world: World, channel: str | None, day: date) -> None:
    """I got in touch some way that is not a check-in: a quiet note, a call to the main line."""
    followup_world.add_event(day, "contacted", channel=channel)


@given_or_when(
    rf'they replied "(?P<said>[^"]+)" on (?P<day>{DATE})'
    rf"(?: with a new decision date of (?P<decision_by>{DATE}))?"
    rf"(?: with an interview on (?P<interview>{DATE})(?: at (?P<time>\d\d:\d\d))?)?",
    {
        "said": reply_of,
        "day": day_of,
        "decision_by": opt_day_of,
        "interview": opt_day_of,
        "time": opt_time_of,
    },
)
def they_replied(
    followup_world: World,
    said: str,
    day: date,
    decision_by: date | None,
    interview: date | None,
    time: str | None,
) -> None:
    """They replied: "still deciding", "next round", "offer", "rejection" or "no follow-up"."""
    if decision_by is not None and said not in ("still_deciding", "no_follow_up"):
        fail(f'A new decision date goes with a "still deciding" reply, not "{said}".')
    if interview is not None and said != "next_round":
        fail(f'An interview date goes with a "next round" reply, not "{said}".')
    when = None if interview is None else interview.isoformat() + (f"T{time}" if time else "")
    followup_world.add_event(day, "reply", outcome=said, decision_by=decision_by, interview=when)


@given_or_when(
    rf"they made (?:me )?an offer on (?P<day>{DATE})"
    rf"(?: to answer by (?P<deadline>{DATE}))?",
    {"day": day_of, "deadline": opt_day_of},
)
def they_made_an_offer(followup_world: World, day: date, deadline: date | None) -> None:
    """They offered me the job, optionally asking for an answer by a date."""
    followup_world.add_event(day, "reply", outcome="offer", deadline=deadline)


@given_or_when(rf"they rejected me on (?P<day>{DATE})", {"day": day_of})
def they_rejected_me(followup_world: World, day: date) -> None:
    """They told me no."""
    followup_world.add_event(day, "reply", outcome="rejection")


@given_or_when(
    rf"they asked me (?:to stop following up|not to follow up) on (?P<day>{DATE})",
    {"day": day_of},
)
def they_asked_me_to_stop(followup_world: World, day: date) -> None:
    """They replied asking me not to follow up any more."""
    followup_world.add_event(day, "reply", outcome="no_follow_up")


@given_or_when(
    rf"I got a competing offer on (?P<day>{DATE})(?: with a deadline of (?P<deadline>{DATE}))?",
    {"day": day_of, "deadline": opt_day_of},
)
def competing_offer(followup_world: World, day: date, deadline: date | None) -> None:
    """Another employer made me an offer, optionally with a deadline to answer it."""
    followup_world.add_event(day, "competing_offer", deadline=deadline)


@given_or_when(rf"I added something to my portfolio on (?P<day>{DATE})", {"day": day_of})
def portfolio_update(followup_world: World, day: date) -> None:
    """I have something new to show them (a project, a publication, a certificate)."""
    followup_world.add_event(day, "portfolio_update")


@given_or_when(
    rf"I committed(?: on (?P<day>{DATE}))? to (?P<how>call|email|text|write|follow up)"
    rf"(?: {VIA})?(?: them)? on (?P<due>{DATE})"
    r'(?: to "(?P<note>[^"]+)")?',
    {"day": opt_day_of, "due": day_of, "channel": opt_channel_of},
)
def committed(
    followup_world: World,
    day: date | None,
    how: str,
    channel: str | None,
    due: date,
    note: str | None,
) -> None:
    """I promised to call, email, text or write on a day (at the interview, unless dated),
    optionally saying what ("to \"send work samples\"")."""
    made = day if day is not None else followup_world.interview()
    used = COMMIT_CHANNELS.get(how, channel)
    followup_world.add_event(made, "committed", channel=used, due=due, note=note)


@given_or_when(
    rf"I (?P<answer>accepted|declined) (?:their|the) offer on (?P<day>{DATE})", {"day": day_of}
)
def i_answered_the_offer(followup_world: World, answer: str, day: date) -> None:
    """I accepted or declined their offer."""
    followup_world.add_event(day, answer)


@given_or_when(rf"I accepted a job elsewhere on (?P<day>{DATE})", {"day": day_of})
def i_accepted_elsewhere(followup_world: World, day: date) -> None:
    """I accepted another employer's offer (the tracker records this on every other
    application by itself)."""
    followup_world.add_event(day, "accepted_elsewhere")


@given_or_when(rf"I withdrew(?: my application)? on (?P<day>{DATE})", {"day": day_of})
def i_withdrew(followup_world: World, day: date) -> None:
    """I withdrew my application."""
    followup_world.add_event(day, "withdrew")


@given_or_when(
    rf"I connected(?: with (?:them|someone there))? on LinkedIn on (?P<day>{DATE})",
    {"day": day_of},
)
def i_connected(followup_world: World, day: date) -> None:
    """I connected with someone at the company on LinkedIn."""
    followup_world.add_event(day, "networked", channel="linkedin")


@given_or_when("these events:")
@reads_table(event_rows)
def these_events(followup_world: World, datatable: list[list[str]]) -> None:
    """Record events from a table whose columns are named like a case file's event keys."""
    for event, cells in read_table(followup_world, datatable, event_rows):
        followup_world.add_raw_event(event, cells)


# -- When: time passes and I act ------------------------------------------------------------------


@given_or_when(rf"I check the plan on (?P<day>{DATE})", {"day": day_of})
def check_the_plan_on(followup_world: World, day: date) -> None:
    """Ask for the plan as of this day (events after it are not counted)."""
    followup_world.today = day


@given_or_when(rf"today is (?P<day>{DATE})", {"day": day_of})
def today_is(followup_world: World, day: date) -> None:
    """Same as 'I check the plan on': the day the plan is for."""
    followup_world.today = day


@when(
    parsers.re(r"(?P<duration>(?:\d+|an?|one) (?:business )?(?:days?|weeks?|months?)) pass(?:es)?"),
    {"duration": duration_text},
)
def time_passes(followup_world: World, duration: str) -> None:
    """Move the day on by this long (from the day reached, else the latest date recorded)."""
    dur = parse_duration(duration)
    followup_world.today = followup_world.calendar().add(followup_world.today, dur)


def _do(world: World, steps: Sequence[Step], today: date) -> None:
    """Record ``steps`` as done (overdue ones today, the rest on their due dates) and move on.

    Overdue steps count as done today, as the projection assumes, so following the steps one by
    one reproduces the schedule projected at the start.  A reminder ('move on', or a playbook's
    own kind that nothing recorded completes) is advice: there is nothing to record, and it
    lapses at the end of its due day, so the story moves on to the following day, where what
    comes after it (a timer closing the case, the next step) can happen.
    """
    cp = world.playbook()
    latest = today
    lapsed: date | None = None
    for step in steps:
        on = max(step.due, today)
        event = cp.completed_by.get(step.action)
        if event is None:
            lapsed = on if lapsed is None else max(lapsed, on)
        else:
            world.add_event(on, event, channel=step.channel)
        latest = max(latest, on)
    if lapsed is not None:
        latest = max(latest, lapsed + timedelta(days=1))
    world.today = latest


@when(parsers.re(r"I do the next steps?"))
def do_the_next_step(followup_world: World) -> None:
    """Do the next steps on their due day and move to it (to the day after, past a reminder)."""
    plan = followup_world.plan()
    if not plan.next:
        followup_world.check(False, "There is no next step to do.")
    _do(followup_world, plan.next, plan.today)


@when("I follow every step")
def follow_every_step(followup_world: World) -> None:
    """Do every step of the plan, each on its due day, until the case closes or nothing is left
    (a playbook whose steps never end needs 'until DATE')."""
    _follow(followup_world, None)


@when(parsers.re(rf"I follow every step until (?P<day>{DATE})"), converters={"day": day_of})
def follow_every_step_until(followup_world: World, day: date) -> None:
    """Do every step due up to the day, each on its due day, then move to that day: for a
    playbook that never closes a case, or to stop part-way."""
    _follow(followup_world, day)
    followup_world.today = max(followup_world.today, day)


def _follow(world: World, until: date | None) -> None:
    done: set[tuple[str, date]] = set()
    for _ in range(MAX_FOLLOW_ROUNDS):
        plan = world.plan()
        if plan.state == CLOSED:
            return
        if not plan.schedule:
            if plan.closes_on is None or (until is not None and plan.closes_on > until):
                return  # nothing left to do by then, and the playbook keeps the case open
            # No steps left, but a timer closes the case later: let the time pass.
            world.today = max(plan.closes_on, plan.today + timedelta(days=1))
            continue
        if until is not None and max(plan.schedule[0].due, plan.today) > until:
            return  # what comes next comes after the day asked for
        fresh = [s for s in plan.next if (s.rule_id, max(s.due, plan.today)) not in done]
        if not fresh:
            # Only steps already taken are due (the engine has not counted them yet): let the
            # day pass so later steps come up.
            world.today = plan.today + timedelta(days=1)
            continue
        done.update((s.rule_id, max(s.due, plan.today)) for s in fresh)
        _do(world, fresh, plan.today)
    world.check(
        False,
        f"Still steps to do after {MAX_FOLLOW_ROUNDS} rounds; for a playbook whose steps never "
        "end, say 'When I follow every step until DATE'.",
    )
