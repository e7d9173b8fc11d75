"""Projection: what comes next from today, assuming silence and every step done on its date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from followup.engine.plan import MAX_STEPS, plan_case

D = date.fromisoformat
NUDGES = ("check_in", "final_check_in")

REPEATING = """
transitions:
  - {id: thanks, from: interviewed, on: thank_you_sent, to: waiting}
actions:
  - id: ci
    in: waiting
    kind: check_in
    due: state_entered + 5d
    repeat: {every: 5d, max: 3}
    channel: portal
    advice: Check in.
"""

CHANNELS = """
actions:
  - id: pref
    in: interviewed
    kind: network
    due: interview + 1d
    channel: [preferred, linkedin]
    advice: N.
  - {id: call, in: interviewed, kind: share_update, due: interview + 1d, channel: [phone, email],
     advice: U.}
  - id: nothing
    in: interviewed
    kind: thank_you_note
    due: interview + 1d
    channel: [{use: none, when: {interviewers: 0}}, mail]
    advice: T.
"""


def dues(plan, action=None):
    """The due dates of the schedule, optionally of one action kind."""
    return [s.due for s in plan.schedule if action is None or s.action == action]


# -- the example case ---------------------------------------------------------------------------


def test_example_case_schedule(weekly, make_case, plan_on):
    """Thanked on the interview day: check in a week later, twice on hold, then move on."""
    case = make_case(
        [{"date": "2026-03-02", "type": "thank_you_sent", "channel": "email"}],
        employer={"preferred_channel": "email"},
    )
    plan = plan_on(weekly, case, D("2026-03-12"))
    assert plan.state == "waiting"
    assert [(s.action, s.due, s.channel) for s in plan.schedule] == [
        ("check_in", D("2026-03-09"), "email"),
        ("check_in", D("2026-03-23"), "email"),
        ("check_in", D("2026-04-03"), "email"),
        ("move_on", D("2026-04-14"), None),
    ]
    assert [s.rule_id for s in plan.schedule] == [
        "check-in-after-a-week",
        "on-hold-check-in",
        "on-hold-check-in",
        "move-on",
    ]
    assert plan.next == plan.schedule[:1]
    assert plan.closes_on == D("2026-04-14")
    assert "Wait a week, and then check in" in plan.next[0].source
    assert plan.next[0].why.startswith("check-in-after-a-week: ")


def test_overdue_step_is_done_today_in_the_projection(weekly, make_case, plan_on):
    """An overdue check-in keeps its due date, but what follows is measured from today."""
    case = make_case([{"date": "2026-03-02", "type": "thank_you_sent"}])
    on_time = plan_on(weekly, case, D("2026-03-09"))
    late = plan_on(weekly, case, D("2026-03-12"))
    assert dues(on_time)[:2] == [D("2026-03-09"), D("2026-03-20")]
    assert dues(late)[:2] == [D("2026-03-09"), D("2026-03-23")]


def test_next_holds_everything_due_by_the_first_date(make_playbook, make_case, plan_on):
    """'next' is every step due on the earliest date (or overdue), not just one."""
    cp = make_playbook(CHANNELS)
    plan = plan_on(cp, make_case([]), D("2026-03-02"))
    assert len(plan.next) == 3
    assert {s.due for s in plan.next} == {D("2026-03-03")}


def test_closed_case_projects_nothing(weekly, make_case, plan_on):
    """Closed: no next step, no schedule, and closes_on is the day it closed."""
    case = make_case([{"date": "2026-03-04", "type": "reply", "outcome": "rejection"}])
    plan = plan_on(weekly, case, D("2026-03-30"))
    assert (plan.next, plan.schedule) == ((), ())
    assert plan.closes_on == D("2026-03-04")


def test_playbook_without_an_end_is_open_ended(make_playbook, make_case, plan_on):
    """A playbook that never closes the case reports closes_on as None."""
    cp = make_playbook(REPEATING)
    plan = plan_on(
        cp, make_case([{"date": "2026-03-02", "type": "thank_you_sent"}]), D("2026-03-02")
    )
    assert plan.closes_on is None
    assert plan.state == "waiting"


def test_projection_is_bounded(make_playbook, make_case, plan_on):
    """A repeat that never runs out (until a far date) stops at the projection's limits."""
    cp = make_playbook(
        """
        actions:
          - id: forever
            in: interviewed
            kind: network
            due: interview
            repeat: {every: 1d, until: interview + 3000d}
            channel: linkedin
            advice: Keep networking.
        """
    )
    plan = plan_on(cp, make_case([]), D("2026-03-02"))
    assert 0 < len(plan.schedule) <= MAX_STEPS
    assert plan.schedule[-1].due <= D("2026-03-02") + timedelta(days=730)


# -- repeats ------------------------------------------------------------------------------------


def test_repeat_stops_at_max(make_playbook, make_case, plan_on):
    """'every 5d, max 3' gives exactly three steps, five days apart."""
    cp = make_playbook(REPEATING)
    plan = plan_on(
        cp, make_case([{"date": "2026-03-02", "type": "thank_you_sent"}]), D("2026-03-02")
    )
    assert dues(plan) == [D("2026-03-07"), D("2026-03-12"), D("2026-03-17")]


def test_repeat_counts_recorded_contacts(make_playbook, make_case, plan_on):
    """Check-ins already sent count towards max and restart the interval."""
    cp = make_playbook(REPEATING)
    case = make_case(
        [
            {"date": "2026-03-02", "type": "thank_you_sent"},
            {"date": "2026-03-09", "type": "check_in_sent"},
        ]
    )
    plan = plan_on(cp, case, D("2026-03-10"))
    assert dues(plan) == [D("2026-03-14"), D("2026-03-19")]


def test_repeat_until_a_date(make_playbook, make_case, plan_on):
    """'every 4d until interview + 10d' stops once the next date would pass the end."""
    cp = make_playbook(
        """
        actions:
          - id: r
            in: interviewed
            kind: network
            due: interview
            repeat: {every: 4d, until: interview + 10d}
            channel: linkedin
            advice: R.
        """
    )
    plan = plan_on(cp, make_case([]), D("2026-03-02"))
    assert dues(plan) == [D("2026-03-02"), D("2026-03-06"), D("2026-03-10")]


def test_repeat_with_max_and_until_stops_at_the_first_limit(make_playbook, make_case, plan_on):
    """With both max and until, whichever is reached first ends the repeat."""
    body = """
        actions:
          - id: r
            in: interviewed
            kind: network
            due: interview
            repeat: {{every: 2d, max: {max}, until: interview + 5d}}
            channel: linkedin
            advice: R.
        """
    by_max = plan_on(make_playbook(body.format(max=2)), make_case([]), D("2026-03-02"))
    assert dues(by_max) == [D("2026-03-02"), D("2026-03-04")]
    by_until = plan_on(make_playbook(body.format(max=9)), make_case([]), D("2026-03-02"))
    assert dues(by_until) == [D("2026-03-02"), D("2026-03-04"), D("2026-03-06")]


# -- dates --------------------------------------------------------------------------------------

LATER_EARLIER = """
actions:
  - id: early
    in: interviewed
    kind: network
    due: {earlier_of: [interview + 10d, decision_by]}
    channel: linkedin
    advice: E.
  - id: late
    in: interviewed
    kind: share_update
    due: {later_of: [interview + 4d, decision_by, follow_up_after]}
    channel: portal
    advice: L.
"""


@pytest.mark.parametrize(
    ("employer", "early", "late"),
    [
        ({}, "2026-03-12", "2026-03-06"),
        ({"decision_by": "2026-03-04"}, "2026-03-04", "2026-03-06"),
        ({"decision_by": "2026-03-20"}, "2026-03-12", "2026-03-20"),
        ({"decision_in": "1w"}, "2026-03-09", "2026-03-09"),
        ({"follow_up_after": "3w"}, "2026-03-12", "2026-03-23"),
    ],
)
def test_later_of_and_earlier_of(make_playbook, make_case, plan_on, employer, early, late):
    """Unknown anchors are skipped; the rest combine by the later or the earlier date."""
    cp = make_playbook(LATER_EARLIER)
    plan = plan_on(cp, make_case([], employer=employer), D("2026-03-02"))
    got = {s.rule_id: s.due for s in plan.schedule}
    assert got == {"early": D(early), "late": D(late)}


def test_unknown_anchor_means_no_date(make_playbook, make_case, plan_on):
    """An action due on a date the case does not know is not recommended."""
    cp = make_playbook(
        """
        actions:
          - {id: a, in: interviewed, kind: network, due: decision_by, channel: email, advice: A.}
        """
    )
    assert plan_on(cp, make_case([]), D("2026-03-02")).schedule == ()
    dated = make_case([], employer={"decision_by": "2026-03-10"})
    assert dues(plan_on(cp, dated, D("2026-03-02"))) == [D("2026-03-10")]


def test_business_day_durations_skip_weekends(make_playbook, make_case, plan_on):
    """'interview + 3bd' from a Friday is the Wednesday after, even on a non-direct channel."""
    cp = make_playbook(
        """
        actions:
          - {id: bd, in: interviewed, kind: network, due: interview + 3bd, channel: portal,
             advice: B.}
        """
    )
    plan = plan_on(cp, make_case([], interview="2026-03-06"), D("2026-03-06"))
    assert dues(plan) == [D("2026-03-11")]


def test_business_day_durations_skip_the_countrys_holidays(
    make_playbook, make_case, plan_on, us_calendar
):
    """From Wed 2026-11-25, 3bd skips US Thanksgiving (11-26): Dec 1, not Nov 30."""
    cp = make_playbook(
        """
        actions:
          - {id: bd, in: interviewed, kind: network, due: interview + 3bd, channel: portal,
             advice: B.}
        """
    )
    plain = plan_on(cp, make_case([], interview="2026-11-25"), D("2026-11-25"))
    assert dues(plain) == [D("2026-11-30")]
    case = make_case([], interview="2026-11-25", country="US")
    us = plan_on(cp, case, D("2026-11-25"), us_calendar)
    assert dues(us) == [D("2026-12-01")]


def test_direct_contact_rolls_past_weekends_other_channels_do_not(
    make_playbook, make_case, plan_on
):
    """Due on a Saturday: email moves to Monday, LinkedIn stays on Saturday."""
    cp = make_playbook(
        """
        actions:
          - {id: mail, in: interviewed, kind: share_update, due: interview + 1d, channel: email,
             advice: M.}
          - {id: li, in: interviewed, kind: network, due: interview + 1d, channel: linkedin,
             advice: L.}
        """
    )
    plan = plan_on(cp, make_case([], interview="2026-03-06"), D("2026-03-06"))
    got = {s.rule_id: s.due for s in plan.schedule}
    assert got == {"mail": D("2026-03-09"), "li": D("2026-03-07")}


def test_direct_contact_rolls_past_public_holidays(make_playbook, make_case, plan_on, us_calendar):
    """An email due on US Independence Day (observed Fri 2026-07-03) moves to Monday 07-06."""
    cp = make_playbook(
        """
        actions:
          - {id: mail, in: interviewed, kind: share_update, due: interview + 2d, channel: email,
             advice: M.}
        """
    )
    case = make_case([], interview="2026-07-01", country="US")
    assert dues(plan_on(cp, case, D("2026-07-01"), us_calendar)) == [D("2026-07-06")]
    assert dues(plan_on(cp, case, D("2026-07-01"))) == [D("2026-07-03")]


# -- channels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employer", "interviewers", "expected"),
    [
        ({}, [], {"pref": "linkedin", "call": "email", "nothing": None}),
        ({"preferred_channel": "phone"}, [], {"pref": "linkedin", "call": "email"}),
        (
            {"preferred_channel": "phone", "may_call": True},
            [],
            {"pref": "phone", "call": "phone"},
        ),
        ({"preferred_channel": "recruiter"}, ["Ann"], {"pref": "recruiter", "nothing": "mail"}),
        ({"preferred_channel": "portal"}, [], {"pref": "portal"}),
    ],
)
def test_channel_resolution(make_playbook, make_case, plan_on, employer, interviewers, expected):
    """preferred follows the employer, phone needs may_call, 'none' means no channel."""
    cp = make_playbook(CHANNELS)
    plan = plan_on(cp, make_case([], employer=employer, interviewers=interviewers), D("2026-03-02"))
    got = {s.rule_id: s.channel for s in plan.schedule}
    for rule, channel in expected.items():
        assert got[rule] == channel, rule


def test_committed_channel_is_used_until_you_contact_them(make_playbook, make_case, plan_on):
    """'committed' uses the channel you promised; without a promise the next option applies.

    The playbook's own action due on ``committed`` replaces the engine's promise step there.
    """
    cp = make_playbook(
        """
        actions:
          - {id: c, in: interviewed, kind: check_in, due: committed, channel: [committed, portal],
             advice: C.}
        """
    )
    promised = {"date": "2026-03-02", "type": "committed", "due": "2026-03-07"}
    by_text = plan_on(cp, make_case([{**promised, "channel": "text"}]), D("2026-03-02"))
    # A text message is direct contact: Saturday 03-07 rolls to Monday 03-09.
    assert [(s.due, s.channel) for s in by_text.schedule] == [(D("2026-03-09"), "text")]
    no_channel = plan_on(cp, make_case([promised]), D("2026-03-02"))
    assert [(s.due, s.channel) for s in no_channel.schedule] == [(D("2026-03-07"), "portal")]
    assert plan_on(cp, make_case([]), D("2026-03-02")).schedule == ()


def test_channel_option_guarded_by_a_fact(make_playbook, make_case, plan_on):
    """A guarded channel option applies only while its condition holds."""
    cp = make_playbook(
        """
        actions:
          - id: u
            in: interviewed
            kind: share_update
            due: interview + 1d
            channel:
              - {use: recruiter, when: {interviewers: {ge: 2}}}
              - email
            advice: U.
        """
    )
    one = plan_on(cp, make_case([], interviewers=["A"]), D("2026-03-02"))
    two = plan_on(cp, make_case([], interviewers=["A", "B"]), D("2026-03-02"))
    assert [s.channel for s in one.schedule] == ["email"]
    assert [s.channel for s in two.schedule] == ["recruiter"]


# -- pest protection ----------------------------------------------------------------------------


def test_check_ins_never_closer_than_three_days(make_playbook, make_case, plan_on):
    """A daily check-in rule is spaced three days apart, final check-in included."""
    cp = make_playbook(
        """
        transitions:
          - {id: thanks, from: interviewed, on: thank_you_sent, to: waiting}
        actions:
          - id: ci
            in: waiting
            kind: check_in
            due: state_entered + 1d
            repeat: {every: 1d, max: 4}
            channel: portal
            advice: C.
          - {id: fin, in: waiting, kind: final_check_in, due: state_entered + 1d,
             channel: linkedin, advice: F.}
        """
    )
    plan = plan_on(
        cp, make_case([{"date": "2026-03-02", "type": "thank_you_sent"}]), D("2026-03-02")
    )
    days = [s.due for s in plan.schedule if s.action in NUDGES]
    assert days == [D(f"2026-03-{d:02d}") for d in (3, 6, 9, 12, 15)]
    assert plan.schedule[-1].action == "final_check_in"


def test_first_check_in_waits_three_days_after_a_recorded_one(make_playbook, make_case, plan_on):
    """A check-in due the day after one you sent is moved to three days after it."""
    cp = make_playbook(
        """
        actions:
          - {id: a, in: interviewed, kind: check_in, due: interview + 5d, channel: portal,
             advice: A.}
          - {id: b, in: interviewed, kind: final_check_in, due: interview + 6d, channel: portal,
             advice: B.}
        """
    )
    case = make_case([{"date": "2026-03-07", "type": "check_in_sent"}])
    plan = plan_on(cp, case, D("2026-03-07"))
    assert [(s.action, s.due) for s in plan.schedule] == [("final_check_in", D("2026-03-10"))]


def test_plan_case_is_pure(weekly, make_case):
    """Planning twice gives equal answers and leaves the case untouched."""
    from followup.timeline.calendar import BusinessCalendar

    case = make_case([{"date": "2026-03-02", "type": "thank_you_sent"}])
    before = repr(case)
    cal = BusinessCalendar(None)
    first = plan_case(weekly, case, D("2026-03-12"), cal)
    assert plan_case(weekly, case, D("2026-03-12"), cal) == first
    assert repr(case) == before


def test_next_only_stops_after_the_first_date(weekly, make_case):
    """The agenda's next_only projection keeps only the first date's steps."""
    from followup.timeline.calendar import BusinessCalendar

    case = make_case([{"date": "2026-03-02", "type": "thank_you_sent"}])
    cal = BusinessCalendar(None)
    full = plan_case(weekly, case, D("2026-03-12"), cal)
    short = plan_case(weekly, case, D("2026-03-12"), cal, next_only=True)
    assert short.next == full.next
    assert short.schedule == full.next


def test_direct_step_after_a_weekend_step_is_still_on_a_business_day(
    make_playbook, make_case, plan_on
):
    """An email that becomes due after a Saturday LinkedIn step is not put on that Saturday."""
    cp = make_playbook(
        """
        transitions:
          - {id: n, from: interviewed, on: networked, to: waiting}
        actions:
          - {id: a, in: interviewed, kind: network, due: interview + 5d, channel: linkedin,
             advice: A.}
          - {id: b, in: waiting, kind: share_update, due: interview + 2d, channel: email,
             advice: B.}
        """
    )
    plan = plan_on(cp, make_case([]), D("2026-03-02"))
    assert [(s.action, s.channel) for s in plan.schedule] == [
        ("network", "linkedin"),
        ("share_update", "email"),
    ]
    assert plan.schedule[0].due == D("2026-03-07")  # LinkedIn may stay on a Saturday
    email = plan.schedule[1]
    assert email.due.weekday() < 5, email
    assert email.due >= D("2026-03-07")


def test_next_round_keeps_the_three_day_gap(make_playbook, make_case, plan_on):
    """A check-in sent the day before a next-round reply still holds off the next one 3 days."""
    cp = make_playbook(
        """
        actions:
          - {id: ci, in: interviewed, kind: check_in, due: interview + 1d, channel: portal,
             advice: C.}
        """
    )
    case = make_case(
        [
            {"date": "2026-03-10", "type": "check_in_sent"},
            {
                "date": "2026-03-11",
                "type": "reply",
                "outcome": "next_round",
                "interview": "2026-03-11",
            },
        ]
    )
    plan = plan_on(cp, case, D("2026-03-11"))
    assert [s.action for s in plan.schedule] == ["check_in"]
    assert plan.schedule[0].due >= D("2026-03-13")
