"""The steps a coach writes follow-up scenarios with, in the job seeker's own words.

Every value in a step is read as data: dates with :meth:`datetime.date.fromisoformat`, durations
with :func:`followup.timeline.durations.parse_duration`, words through the fixed tables below.
Nothing a scenario says is ever evaluated as code.

Each step function's docstring is one line saying what the step does; the step reference in the
documentation is generated from them, so keep them short and in the coach's terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import ParamSpec, TypeVar

import pytest
from pytest_bdd import given, parsers, then, when

from followup.bdd.phrases import ACTION_SAID
from followup.bdd.world import FEATURE_FILE, World, fail
from followup.engine.result import Step
from followup.errors import InputError
from followup.io.yaml_reader import read_yaml_file
from followup.language.case_loader import EVENT_KEYS
from followup.model.vocabulary import (
    CLOSED,
    CORE_ACTION_KINDS,
    DIRECT_CHANNELS,
    NUDGE_KINDS,
    OUTCOMES,
    PREFERRED_CHANNELS,
    STATES,
)
from followup.timeline.durations import DurationError, parse_duration

P = ParamSpec("P")
T = TypeVar("T")

DATE = r"\d{4}-\d{2}-\d{2}"
QUOTED = r'"[^"]+"'
# "by email", "through the recruiter", "on LinkedIn", "in person": a preposition, then words.
# The words are matched loosely and checked against CHANNEL_NAMES, so a typo gets a clear
# message instead of silently matching no step.
VIA = r"(?:by|through|via|on|in) (?P<channel>[A-Za-z][A-Za-z -]*?)"

# The words a coach may use for each channel (after any "the"/"their"), and the raw names.
CHANNEL_NAMES: dict[str, str] = {
    "email": "email",
    "e-mail": "email",
    "phone": "phone",
    "call": "phone",
    "calls": "phone",
    "a call": "phone",
    "phone call": "phone",
    "mail": "mail",
    "post": "mail",
    "letter": "mail",
    "text": "text",
    "text message": "text",
    "sms": "text",
    "recruiter": "recruiter",
    "portal": "portal",
    "candidate portal": "portal",
    "linkedin": "linkedin",
    "person": "in_person",
    "in person": "in_person",
    "in_person": "in_person",
}
CHANNEL_CHOICES = "email, phone, mail, text, the recruiter, the portal, LinkedIn, in person"
# The words for what the plan recommends, and the raw action kinds.
ACTION_NAMES: dict[str, str] = {
    "thank-you": "thank_you",
    "thank you": "thank_you",
    "handwritten note": "thank_you_note",
    "handwritten thank-you note": "thank_you_note",
    "thank-you note": "thank_you_note",
    "check-in": "check_in",
    "check in": "check_in",
    "final check-in": "final_check_in",
    "final check in": "final_check_in",
    "update": "share_update",
    "networking": "network",
    "move on": "move_on",
    "promised follow-up": "keep_promise",
    "record the new interview date": "record_interview",
    "answer their offer": "answer_offer",
    "withdraw politely": "withdraw",
} | {kind: kind for kind in CORE_ACTION_KINDS}
ACTION_CHOICES = (
    "thank-you, handwritten note, check-in, final check-in, update, networking, move on,"
    " promised follow-up"
    " (or a playbook's own action kind, such as keep_options_open)"
)
# The words used back in failure messages, one per action kind.
# What "I sent a ..." records.
SENT_EVENTS: dict[str, str] = {
    "thank-you": "thank_you_sent",
    "thank you": "thank_you_sent",
    "thank-you email": "thank_you_sent",
    "handwritten note": "note_sent",
    "handwritten thank-you note": "note_sent",
    "thank-you note": "note_sent",
    "thank-you card": "note_sent",
    "check-in": "check_in_sent",
    "final check-in": "check_in_sent",
    "update": "update_sent",
}
# What 'they replied "..."' records.
REPLY_NAMES: dict[str, str] = {
    "still deciding": "still_deciding",
    "next round": "next_round",
    "offer": "offer",
    "an offer": "offer",
    "rejection": "rejection",
    "no": "rejection",
    "no follow-up": "no_follow_up",
    "do not follow up": "no_follow_up",
    "don't follow up": "no_follow_up",
} | {name: name for name in ("still_deciding", "next_round", "no_follow_up")}
OUTCOME_NAMES: dict[str, str] = {"moved on": "moved_on", "rejected": "rejection"} | {
    name: name for name in OUTCOMES
}
DURATION_UNITS = {
    "day": "d",
    "days": "d",
    "business day": "bd",
    "business days": "bd",
    "week": "w",
    "weeks": "w",
    "month": "mo",
    "months": "mo",
}
COMMIT_CHANNELS = {"call": "phone", "email": "email", "text": "text", "write": "mail"}
EVENT_COLUMNS = EVENT_KEYS
# "I follow every step" gives up after this many rounds: a plan that never runs out of steps.
MAX_FOLLOW_ROUNDS = 200


# -- reading words as data -----------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{text} is not a real calendar date (dates are written YYYY-MM-DD).")


def _opt_day(text: str | None) -> date | None:
    return None if text is None else _day(text)


def _lookup(table: dict[str, str], text: str, what: str, choices: str = "") -> str:
    key = " ".join(text.casefold().split())
    found = table.get(key)
    if found is None:
        choices = choices or ", ".join(sorted({k for k in table if "_" not in k}))
        fail(f"{what} {text!r} is not known; use one of: {choices}")
    return found


def channel_of(text: str) -> str:
    """The channel name for words such as 'email', 'the recruiter', 'by text', 'on LinkedIn'."""
    words = " ".join(text.casefold().split())
    words = re.sub(r"^(?:by|through|via|on|in) (?=.)", "", words)
    words = re.sub(r"^(?:the|their|a) ", "", words)
    return _lookup(CHANNEL_NAMES, words, "The channel", CHANNEL_CHOICES)


def _opt_channel(text: str | None) -> str | None:
    return None if text is None else channel_of(text)


def action_of(text: str) -> str:
    """The action kind for words such as 'check-in', 'final check-in', 'move on'."""
    words = " ".join(text.casefold().split())
    found = ACTION_NAMES.get(words)
    if found is not None:
        return found
    # A playbook may define action kinds of its own; those are written as their raw names.
    if re.fullmatch(r"[a-z][a-z0-9_]*", words):
        return words
    return _lookup(ACTION_NAMES, words, "The action", ACTION_CHOICES)


def duration_text(text: str) -> str:
    """A duration as a case file writes it ('3w') from '3w', '3 weeks', 'a week' or '10 days'."""
    words = " ".join(text.strip().split())
    spelled = re.fullmatch(r"(\d+(?:\.\d+)?|an?|one) ((?:business )?days?|weeks?|months?)", words)
    if spelled:
        number = spelled[1] if spelled[1][0].isdigit() else "1"
        words = number + DURATION_UNITS[spelled[2]]
    try:
        parse_duration(words)
    except DurationError as err:
        fail(str(err))
    return words


def _table(datatable: Sequence[Sequence[object]], what: str) -> list[dict[str, str]]:
    """The rows of a table whose first row names the columns, as column -> cell text."""
    if not datatable:
        fail(f"{what} needs a table whose first row names the columns.")
    header = [str(cell).strip().casefold() for cell in datatable[0]]
    return [
        {name: str(cell).strip() for name, cell in zip(header, row, strict=True)}
        for row in datatable[1:]
    ]


def _said(step: Step) -> str:
    """A step in the words the scenarios use, for failure messages."""
    what = ACTION_SAID.get(step.action, step.action)
    via = f" by {step.channel}" if step.channel else ""
    return f"{what}{via} on {step.due}  [rule {step.rule_id}]"


def _given_or_when(
    pattern: str, converters: dict[str, Callable[[str], object]] | None = None
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Register one step for both Given and When: what happened reads well either way."""
    parser = parsers.re(pattern)

    def decorate(func: Callable[P, T]) -> Callable[P, T]:
        # stacklevel 2: the step fixtures belong in this module, not in this helper's frame.
        given(parser, converters, stacklevel=2)(func)
        when(parser, converters, stacklevel=2)(func)
        return func

    return decorate


# -- the scenario's state ------------------------------------------------------------------------


@pytest.fixture
def followup_world(request: pytest.FixtureRequest) -> World:
    """What the scenario has said so far: playbook, case, events and the day it has reached."""
    world = World()
    feature = request.node.stash.get(FEATURE_FILE, None)
    if feature:
        world.feature_dir = Path(feature).parent
    return world


# -- Given: the playbook and the case ------------------------------------------------------------


@given(parsers.re(r'the playbook "(?P<ref>[^"]+)"'))
def the_playbook(followup_world: World, ref: str) -> None:
    """Use this playbook: an id, or a .yaml file next to the feature file."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        path = followup_world.resolve(ref)
        if path is None:
            fail(f"The playbook file {ref!r} was not found next to the feature file or here.")
        ref = str(path.resolve())
    followup_world.playbook_ref = ref
    followup_world.changed()
    followup_world.playbook()  # a bad id or file fails here, at the step that named it


@given(parsers.re(rf"(?:an interview|the interview was) on (?P<day>{DATE})"), {"day": _day})
def an_interview(followup_world: World, day: date) -> None:
    """Start the case with an interview on this day."""
    followup_world.set_case("interview", day.isoformat())


@given(parsers.re(rf"the interview was on (?P<day>{DATE}) at (?P<time>\d\d:\d\d)"), {"day": _day})
def an_interview_at(followup_world: World, day: date, time: str) -> None:
    """Start the case with an interview on this day at this time (HH:MM, the case's zone)."""
    followup_world.set_case("interview", f"{day.isoformat()}T{time}")


@given(parsers.re(r'the interview was at "(?P<company>[^"]+)"(?: for "(?P<role>[^"]+)")?'))
def the_company_and_role(followup_world: World, company: str, role: str | None) -> None:
    """Name the company and, optionally, the role."""
    followup_world.set_case("company", company)
    followup_world.set_case("role", role)


@given(parsers.re(r'the company is in "(?P<country>[^"]+)"'))
def the_country(followup_world: World, country: str) -> None:
    """Use this country's weekend and public holidays (US, IL; GB-ENG for England alone)."""
    followup_world.set_case("country", country)


@given(parsers.re(rf"the interviewers? (?:are|is|was|were) (?P<names>{QUOTED}(?:.*{QUOTED})?)"))
def the_interviewers(followup_world: World, names: str) -> None:
    """Name the people who interviewed me, each in quotes."""
    followup_world.set_case("interviewers", re.findall(r'"([^"]+)"', names))


@given(parsers.re(r"the interviewers (?:are|were):"))
def the_interviewers_table(followup_world: World, datatable: list[list[str]]) -> None:
    """Name the interviewers in a table with a 'name' column (and optionally 'email')."""
    people: list[object] = []
    for row in _table(datatable, "The interviewers step"):
        if "name" not in row:
            fail("The interviewers table needs a 'name' column.")
        person = {"name": row["name"]}
        if row.get("email"):
            person["email"] = row["email"]
        people.append(person)
    followup_world.set_case("interviewers", people)


@given(parsers.re(rf"the employer will decide by (?P<day>{DATE})"), {"day": _day})
def decide_by(followup_world: World, day: date) -> None:
    """The employer said they will decide by this day."""
    followup_world.set_employer(decision_by=day.isoformat(), decision_in=None)


@given(parsers.re(r"the employer will decide within (?P<duration>.+)"))
def decide_within(followup_world: World, duration: str) -> None:
    """The employer said they will decide within this long of the interview (e.g. 3w)."""
    followup_world.set_employer(decision_in=duration_text(duration), decision_by=None)


@given(parsers.re(r"the employer invited a follow-up(?: after (?P<duration>.+))?"))
def invited_follow_up(followup_world: World, duration: str | None) -> None:
    """The employer invited me to follow up, optionally after this long (e.g. 2w)."""
    after = None if duration is None else duration_text(duration)
    followup_world.set_employer(follow_up="invited", follow_up_after=after)


@given("the employer asked me not to follow up")
def not_wanted(followup_world: World) -> None:
    """The employer asked me, at the interview, not to follow up."""
    followup_world.set_employer(follow_up="not_wanted", follow_up_after=None)


@given(parsers.re(r"the employer prefers (?P<channel>.+)"))
def prefers(followup_world: World, channel: str) -> None:
    """The employer prefers this channel: email, phone, the portal or the recruiter."""
    name = channel_of(channel)
    if name not in PREFERRED_CHANNELS:
        fail(f"An employer can prefer only {', '.join(PREFERRED_CHANNELS)}, not {channel!r}.")
    followup_world.set_employer(preferred_channel=name)


@given(parsers.re(r"the employer (?P<allows>allows|does not allow) calls"))
def calls(followup_world: World, allows: str) -> None:
    """Say whether the employer is happy to be phoned."""
    followup_world.set_employer(may_call=allows == "allows")


@given(parsers.re(r'the case file "(?P<ref>[^"]+)"'))
def the_case_file(followup_world: World, ref: str) -> None:
    """Start from a whole case file (next to the feature file), events and all."""

    path = followup_world.resolve(ref)
    if path is None:
        fail(f"The case file {ref!r} was not found next to the feature file or here.")
    try:
        doc = read_yaml_file(path)
    except InputError as err:
        fail(f"The case file {ref!r} cannot be read:\n{err}")
    if not isinstance(doc.data, dict):
        fail(f"The case file {ref!r} is not a mapping of keys to values.")
    followup_world.load_case(doc.data, str(path))


# -- Given or When: what happened ----------------------------------------------------------------


@_given_or_when(
    rf"I sent an? (?P<what>[A-Za-z][A-Za-z -]*?)(?: {VIA})? on (?P<day>{DATE})",
    {"day": _day, "channel": _opt_channel},
)
def i_sent(followup_world: World, what: str, channel: str | None, day: date) -> None:
    """I sent a thank-you, a handwritten note, a check-in or an update, by some channel."""
    kind = _lookup(SENT_EVENTS, what, "What I sent,")
    followup_world.add_event(day, kind, channel=channel)


@_given_or_when(
    rf'they replied "(?P<said>[^"]+)" on (?P<day>{DATE})'
    rf"(?: with a new decision date of (?P<decision_by>{DATE}))?"
    rf"(?: with an interview on (?P<interview>{DATE})(?: at (?P<time>\d\d:\d\d))?)?",
    {"day": _day, "decision_by": _opt_day, "interview": _opt_day},
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
    outcome = _lookup(REPLY_NAMES, said, "The reply")
    if decision_by is not None and outcome not in ("still_deciding", "no_follow_up"):
        fail(f'A new decision date goes with a "still deciding" reply, not "{said}".')
    if interview is not None and outcome != "next_round":
        fail(f'An interview date goes with a "next round" reply, not "{said}".')
    when = None if interview is None else interview.isoformat() + (f"T{time}" if time else "")
    followup_world.add_event(day, "reply", outcome=outcome, decision_by=decision_by, interview=when)


@_given_or_when(
    rf"they made (?:me )?an offer on (?P<day>{DATE})"
    rf"(?: to answer by (?P<deadline>{DATE}))?",
    {"day": _day, "deadline": _opt_day},
)
def they_made_an_offer(followup_world: World, day: date, deadline: date | None) -> None:
    """They offered me the job, optionally asking for an answer by a date."""
    followup_world.add_event(day, "reply", outcome="offer", deadline=deadline)


@_given_or_when(rf"they rejected me on (?P<day>{DATE})", {"day": _day})
def they_rejected_me(followup_world: World, day: date) -> None:
    """They told me no."""
    followup_world.add_event(day, "reply", outcome="rejection")


@_given_or_when(
    rf"they asked me (?:to stop following up|not to follow up) on (?P<day>{DATE})",
    {"day": _day},
)
def they_asked_me_to_stop(followup_world: World, day: date) -> None:
    """They replied asking me not to follow up any more."""
    followup_world.add_event(day, "reply", outcome="no_follow_up")


@_given_or_when(
    rf"I got a competing offer on (?P<day>{DATE})(?: with a deadline of (?P<deadline>{DATE}))?",
    {"day": _day, "deadline": _opt_day},
)
def competing_offer(followup_world: World, day: date, deadline: date | None) -> None:
    """Another employer made me an offer, optionally with a deadline to answer it."""
    followup_world.add_event(day, "competing_offer", deadline=deadline)


@_given_or_when(rf"I added something to my portfolio on (?P<day>{DATE})", {"day": _day})
def portfolio_update(followup_world: World, day: date) -> None:
    """I have something new to show them (a project, a publication, a certificate)."""
    followup_world.add_event(day, "portfolio_update")


@_given_or_when(
    rf"I committed(?: on (?P<day>{DATE}))? to (?P<how>call|email|text|write|follow up)"
    rf"(?: {VIA})?(?: them)? on (?P<due>{DATE})"
    r'(?: to "(?P<note>[^"]+)")?',
    {"day": _opt_day, "due": _day, "channel": _opt_channel},
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


@_given_or_when(
    rf"I (?P<answer>accepted|declined) (?:their|the) offer on (?P<day>{DATE})", {"day": _day}
)
def i_answered_the_offer(followup_world: World, answer: str, day: date) -> None:
    """I accepted or declined their offer."""
    followup_world.add_event(day, answer)


@_given_or_when(rf"I accepted a job elsewhere on (?P<day>{DATE})", {"day": _day})
def i_accepted_elsewhere(followup_world: World, day: date) -> None:
    """I accepted another employer's offer (the tracker records this on every other
    application by itself)."""
    followup_world.add_event(day, "accepted_elsewhere")


@_given_or_when(rf"I withdrew(?: my application)? on (?P<day>{DATE})", {"day": _day})
def i_withdrew(followup_world: World, day: date) -> None:
    """I withdrew my application."""
    followup_world.add_event(day, "withdrew")


@_given_or_when(
    rf"I connected(?: with (?:them|someone there))? on LinkedIn on (?P<day>{DATE})",
    {"day": _day},
)
def i_connected(followup_world: World, day: date) -> None:
    """I connected with someone at the company on LinkedIn."""
    followup_world.add_event(day, "networked", channel="linkedin")


@_given_or_when("these events:")
def these_events(followup_world: World, datatable: list[list[str]]) -> None:
    """Record events from a table whose columns are named like a case file's event keys."""
    for row in _table(datatable, "The events step"):
        unknown = sorted(set(row) - set(EVENT_COLUMNS))
        if unknown:
            fail(f"Unknown event columns {unknown}; use: {', '.join(EVENT_COLUMNS)}")
        # An empty cell or '-' means the event has no such field.
        event: dict[str, object] = {k: v for k, v in row.items() if v not in ("", "-")}
        followup_world.add_raw_event(event)


# -- When: time passes and I act ------------------------------------------------------------------


@_given_or_when(rf"I check the plan on (?P<day>{DATE})", {"day": _day})
def check_the_plan_on(followup_world: World, day: date) -> None:
    """Ask for the plan as of this day (events after it are not counted)."""
    followup_world.today = day


@_given_or_when(rf"today is (?P<day>{DATE})", {"day": _day})
def today_is(followup_world: World, day: date) -> None:
    """Same as 'I check the plan on': the day the plan is for."""
    followup_world.today = day


@when(
    parsers.re(r"(?P<duration>(?:\d+|an?|one) (?:business )?(?:days?|weeks?|months?)) pass(?:es)?")
)
def time_passes(followup_world: World, duration: str) -> None:
    """Move the day on by this long (from the day reached, else the latest date recorded)."""
    dur = parse_duration(duration_text(duration))
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
    """Do every step of the plan, each on its due day, until the case closes or nothing is left."""
    done: set[tuple[str, date]] = set()
    for _ in range(MAX_FOLLOW_ROUNDS):
        plan = followup_world.plan()
        if plan.state == CLOSED:
            return
        if not plan.schedule:
            if plan.closes_on is None:
                return  # nothing left to do, and the playbook keeps the case open
            # No steps left, but a timer closes the case later: let the time pass.
            followup_world.today = max(plan.closes_on, plan.today + timedelta(days=1))
            continue
        fresh = [s for s in plan.next if (s.rule_id, max(s.due, plan.today)) not in done]
        if not fresh:
            # Only steps already taken are due (the engine has not counted them yet): let the
            # day pass so later steps come up.
            followup_world.today = plan.today + timedelta(days=1)
            continue
        done.update((s.rule_id, max(s.due, plan.today)) for s in fresh)
        _do(followup_world, fresh, plan.today)
    followup_world.check(False, f"Still steps to do after {MAX_FOLLOW_ROUNDS} rounds.")


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
    "channel": _opt_channel,
    "due": _day,
}


def _matches(step: Step, action: str, channel: str | None, due: date) -> bool:
    """Whether ``step`` is this action on this day (and by this channel, when one is named)."""
    return (
        step.action == action and step.due == due and (channel is None or step.channel == channel)
    )


def _expected(action: str, channel: str | None, due: date) -> str:
    via = f" by {channel}" if channel else ""
    return f"{ACTION_SAID.get(action, action)}{via} on {due}"


def _the_next_step(world: World) -> Step:
    """The one step due next; fails if there are none or several."""
    plan = world.plan()
    world.check(bool(plan.next), "Expected a next step, but nothing is due.")
    world.check(
        len(plan.next) == 1,
        f"Expected one next step, but {len(plan.next)} are due together "
        "(say 'the next steps include ...'): " + "; ".join(_said(s) for s in plan.next),
    )
    return plan.next[0]


@then(parsers.re(r'the state is "(?P<state>[^"]+)"'))
def the_state_is(followup_world: World, state: str) -> None:
    """The application is in this state (interviewed, thanked, waiting, checked-in, ...)."""
    if state not in STATES:
        fail(f"{state!r} is not a state; the states are {', '.join(STATES)}.")
    plan = followup_world.plan()
    followup_world.check(
        plan.state == state, f'Expected the state "{state}", but it is "{plan.state}".'
    )


@then(parsers.re(rf"the next step is {STEP_WORDS}"), STEP_CONVERTERS)
def the_next_step_is(followup_world: World, action: str, channel: str | None, due: date) -> None:
    """The one step due next is this action (by this channel) on this day."""
    step = _the_next_step(followup_world)
    followup_world.check(
        _matches(step, action, channel, due),
        f"Expected the next step to be {_expected(action, channel, due)}, but it is {_said(step)}.",
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
        + ("; ".join(_said(s) for s in plan.next) or "nothing"),
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
    step = _the_next_step(followup_world)
    followup_world.check(
        step.rule_id == rule,
        f'Expected the next step to come from rule "{rule}", but it comes from "{step.rule_id}".',
    )


@then(parsers.re(r'the next step cites "(?P<text>[^"]+)"'))
def the_next_step_cites(followup_world: World, text: str) -> None:
    """The source cited for the step due next contains these words."""
    step = _the_next_step(followup_world)
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
        + "; ".join(_said(s) for s in plan.schedule),
    )


@then("the schedule is:")
def the_schedule_is(followup_world: World, datatable: list[list[str]]) -> None:
    """The whole schedule, in order: columns due, action and (optionally) channel and rule."""
    rows = _table(datatable, "The schedule step")
    if rows and not {"due", "action"} <= set(rows[0]):
        fail("The schedule table needs 'due' and 'action' columns (and may have channel, rule).")
    plan = followup_world.plan()
    expected: list[str] = []
    problems: list[str] = []
    for i, row in enumerate(rows):
        due = _day(row["due"])
        action = action_of(row["action"])
        channel = row.get("channel")
        want = None if channel in (None, "", "-") else channel_of(channel)
        expected.append(_expected(action, want, due))
        if i >= len(plan.schedule):
            problems.append(f"row {i + 1}: expected {expected[-1]}, but the schedule ends")
            continue
        got = plan.schedule[i]
        same = got.action == action and got.due == due
        if channel is not None:
            same = same and got.channel == want
        if "rule" in row:
            same = same and got.rule_id == row["rule"]
        if not same:
            problems.append(f"row {i + 1}: expected {expected[-1]}, got {_said(got)}")
    for i in range(len(rows), len(plan.schedule)):
        problems.append(f"row {i + 1}: not expected, got {_said(plan.schedule[i])}")
    followup_world.check(not problems, "The schedule differs:\n  " + "\n  ".join(problems))


@then(parsers.re(rf"the case closes on (?P<day>{DATE})"), {"day": _day})
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


@then(parsers.re(r'the case is closed as "(?P<outcome>[^"]+)"'))
def the_case_is_closed_as(followup_world: World, outcome: str) -> None:
    """The case is closed with this outcome: offer, rejection, withdrew or moved on."""
    name = _lookup(OUTCOME_NAMES, outcome, "The outcome")
    plan = followup_world.plan()
    followup_world.check(
        plan.state == "closed" and plan.outcome == name,
        f'Expected the case closed as "{name}", but it is "{plan.state}" '
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


@then(parsers.re(rf"no check-in is due before (?P<day>{DATE})"), {"day": _day})
def no_check_in_before(followup_world: World, day: date) -> None:
    """No check-in (or final check-in) is scheduled before this day."""
    _no_check_in_until(followup_world, day, "before", on=False)


@then(parsers.re(rf"no check-in is due on or before (?P<day>{DATE})"), {"day": _day})
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
        not early, f"Expected no check-in {words} {day}: " + "; ".join(_said(s) for s in early)
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
        not off, "These fall on a weekend or holiday: " + "; ".join(_said(s) for s in off)
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
