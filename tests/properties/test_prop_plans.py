"""Properties of every plan, for random cases and events, under every playbook in playbooks/."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.compile import CompiledPlaybook, compile_playbook
from followup.engine.explain import explain_case
from followup.engine.plan import plan_case
from followup.engine.result import Plan, Step
from followup.io.yaml_reader import read_yaml_file
from followup.language.playbook_loader import build_playbook
from followup.model.case import Case, Employer, Event, Interviewer
from followup.model.vocabulary import (
    CHANNELS,
    DIRECT_CHANNELS,
    EVENT_TYPES,
    FOLLOW_UP_PERMISSIONS,
    PREFERRED_CHANNELS,
    REPLY_OUTCOMES,
)
from followup.semantics.builtin import ON_ITS_DAY_KINDS
from followup.semantics.meaning import NEWS_KIND
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import parse_duration
from followup.timeline.holiday_library import HolidaysLibraryProvider

REPO = Path(__file__).resolve().parents[2]
PLAYBOOK_FILES = sorted((REPO / "playbooks").glob("*.yaml"))
COMPILED = {p.stem: compile_playbook(build_playbook(read_yaml_file(p))) for p in PLAYBOOK_FILES}
IDS = sorted(COMPILED)

PLAIN = BusinessCalendar(None)
US = BusinessCalendar("US", HolidaysLibraryProvider())
MIN_GAP = timedelta(days=3)
NUDGES = frozenset({"check_in", "final_check_in"})

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- strategies ---------------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=120).map(lambda n: timedelta(days=n))
durations = st.sampled_from(["1d", "3d", "1w", "1.5w", "2w", "3bd", "10bd", "1mo"]).map(
    parse_duration
)
optional_channel = st.none() | st.sampled_from(CHANNELS)


@st.composite
def events(draw, interview: date) -> tuple[Event, ...]:
    """Up to ten events on or after the interview, sorted as the loader sorts them."""
    found: list[Event] = []
    for index in range(draw(st.integers(min_value=0, max_value=10))):
        day = interview + draw(days)
        kind = draw(st.sampled_from(EVENT_TYPES))
        fields: dict = {"channel": draw(optional_channel)}
        if kind == "reply":
            fields["outcome"] = draw(st.sampled_from(REPLY_OUTCOMES))
            fields["decision_by"] = draw(st.none() | days.map(lambda d, day=day: day + d))
            if fields["outcome"] == "next_round":
                fields["interview"] = draw(st.none() | days.map(lambda d, day=day: day + d))
        elif kind == "competing_offer":
            fields["deadline"] = draw(st.none() | days.map(lambda d, day=day: day + d))
        elif kind == "committed":
            fields["due"] = draw(st.none() | days.map(lambda d, day=day: day + d))
        found.append(Event(day, kind, index, **fields))
    return tuple(sorted(found, key=lambda e: (e.date, e.index)))


@st.composite
def cases(draw, country: str | None = None) -> Case:
    """A random application: what the employer said, who interviewed, what happened since."""
    interview = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 700)))
    decision = draw(st.sampled_from(["none", "by", "in"]))
    employer = Employer(
        decision_by=interview + draw(days) if decision == "by" else None,
        decision_in=draw(durations) if decision == "in" else None,
        follow_up=draw(st.sampled_from(FOLLOW_UP_PERMISSIONS)),
        follow_up_after=draw(st.none() | durations),
        preferred_channel=draw(st.none() | st.sampled_from(PREFERRED_CHANNELS)),
        may_call=draw(st.booleans()),
    )
    people = tuple(Interviewer(f"P{i}") for i in range(draw(st.integers(0, 3))))
    return Case(
        id="random",
        interview=interview,
        country=country,
        interviewers=people,
        employer=employer,
        events=draw(events(interview)),
    )


def scenario(country: str | None = None):
    """A playbook id, a case, and a 'today' between the interview and five months after."""
    return st.tuples(
        st.sampled_from(IDS),
        cases(country),
        st.integers(min_value=0, max_value=150).map(lambda n: timedelta(days=n)),
    )


def run(pid: str, case: Case, offset: timedelta, cal: BusinessCalendar = PLAIN) -> Plan:
    """Plan the case under the playbook, ``offset`` after the interview."""
    return plan_case(COMPILED[pid], case, case.interview + offset, cal)


def check_in_dates(plan: Plan) -> list[date]:
    """The due dates of the recommended check-ins, in schedule order."""
    return [s.due for s in plan.schedule if s.action in NUDGES]


# -- properties ---------------------------------------------------------------------------------


def test_there_are_playbooks_to_check():
    """The properties run over at least the bundled week-then-on-hold playbook."""
    assert "week-then-on-hold" in COMPILED
    assert all(isinstance(cp, CompiledPlaybook) for cp in COMPILED.values())


@SETTINGS
@given(scenario())
def test_never_crashes(given_scenario):
    """Planning and explaining any case on any day under any playbook raises nothing."""
    pid, case, offset = given_scenario
    plan = run(pid, case, offset)
    assert plan.state in ("interviewed", "thanked", "waiting", "checked-in", "on-hold", "closed")
    trace = explain_case(COMPILED[pid], case, case.interview + offset, PLAIN)
    assert trace


@SETTINGS
@given(scenario())
def test_closed_means_nothing_to_do(given_scenario):
    """A closed case recommends nothing but answering an offer not yet answered: an outcome and
    a date are set."""
    plan = run(*given_scenario)
    if plan.state == "closed":
        left = [s.action for s in plan.schedule]
        assert left in ([], ["answer_offer"])
        assert not left or plan.outcome == "offer"
        assert [s.action for s in plan.next] == left
        assert plan.outcome is not None
        assert plan.closes_on is not None
    else:
        assert plan.outcome is None


@SETTINGS
@given(scenario())
def test_check_ins_at_least_three_days_apart(given_scenario):
    """Recommended check-ins are 3+ days apart and 3+ days after the last one sent."""
    pid, case, offset = given_scenario
    plan = run(pid, case, offset)
    dates = check_in_dates(plan)
    for earlier, later in pairwise(dates):
        assert later - earlier >= MIN_GAP, plan.schedule
    today = case.interview + offset
    sent = [e.date for e in case.events if e.type == "check_in_sent" and e.date <= today]
    if sent and dates:
        assert dates[0] - max(sent) >= MIN_GAP, (sent, plan.schedule)


@SETTINGS
@given(scenario())
def test_deterministic(given_scenario):
    """The same case, playbook and day always give an equal plan."""
    assert run(*given_scenario) == run(*given_scenario)


@SETTINGS
@given(scenario())
def test_schedule_never_goes_backwards(given_scenario):
    """The days steps are done on never go backwards, and 'next' is its first day's steps.

    Steps overdue today are all done today (or on the next business day, their send_on), in
    the engine's same-day order (a promise first, check-ins last), so their own due dates may go
    back; the days they are done on never do.
    """
    plan = run(*given_scenario)
    days = [s.send_on or max(s.due, plan.today) for s in plan.schedule]
    assert days == sorted(days)
    assert plan.next == plan.schedule[: len(plan.next)]


def _on_the_day_promised(step: Step, case: Case) -> bool:
    """A promise kept on the day you gave, which stays there even on a day off."""
    promised = {e.due or e.date for e in case.events if e.type == "committed"}
    return step.action in ON_ITS_DAY_KINDS and step.due in promised


def _news_that_cannot_wait(step: Step, cal: BusinessCalendar) -> bool:
    """News of a competing offer whose next business day would be past its last day (an offer
    on a Saturday to answer by Monday): it stays on its day off (news-before-deadline)."""
    return (
        step.action == NEWS_KIND
        and step.latest is not None
        and cal.roll_forward(step.due) > step.latest >= step.due
    )


@SETTINGS
@given(scenario())
def test_direct_contact_never_on_a_weekend(given_scenario):
    """Email, phone, mail, text and recruiter steps are never due on a Saturday or Sunday,
    but for a promise, which is due on the day promised."""
    plan = run(*given_scenario)
    case = given_scenario[1]
    for step in plan.schedule:
        if step.channel in DIRECT_CHANNELS and not _on_the_day_promised(step, case):
            assert step.due.weekday() < 5 or _news_that_cannot_wait(step, PLAIN), step


@SETTINGS
@given(scenario(country="US"))
def test_direct_contact_never_on_a_us_holiday(given_scenario):
    """With country US, direct steps fall on US business days (no weekends, no holidays), but
    for a promise, which is due on the day promised."""
    pid, case, offset = given_scenario
    plan = run(pid, case, offset, US)
    for step in plan.schedule:
        if step.channel in DIRECT_CHANNELS and not _on_the_day_promised(step, case):
            assert US.is_business_day(step.due) or _news_that_cannot_wait(step, US), step


@pytest.mark.parametrize("pid", IDS)
def test_every_playbook_plans_a_plain_case(pid):
    """Each playbook recommends something, from the interview on, for a fresh case."""
    case = Case(id="fresh", interview=date(2026, 3, 2), interviewers=(Interviewer("Dana"),))
    plan = plan_case(COMPILED[pid], case, case.interview, PLAIN)
    assert plan.state == "interviewed"
    assert plan.next
    assert plan.next[0].due >= case.interview
