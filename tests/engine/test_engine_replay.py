"""Replay: recorded events in date order, timers firing in between, and the engine's own rules."""

from __future__ import annotations

from datetime import date

import pytest

from followup.engine.plan import situation_at
from followup.timeline.calendar import BusinessCalendar

PLAIN = BusinessCalendar(None)
D = date.fromisoformat

# The weekly playbook on a case interviewed Monday 2026-03-02 and thanked that day: one check-in
# a week later, on hold 1.5w after it (03-20), two more check-ins while on hold, then given up
# 1.5w after the last one (04-12).  No event shares a day with a timer.
THREE_CHECK_INS = [
    {"date": "2026-03-02", "type": "thank_you_sent"},
    {"date": "2026-03-09", "type": "check_in_sent"},
    {"date": "2026-03-21", "type": "check_in_sent"},
    {"date": "2026-04-01", "type": "check_in_sent"},
]

GUARDED_TIMER = """
parameters: {enough: 2}
transitions:
  - id: give-up
    from: interviewed
    after: interview + 5d
    when: {check_ins: {ge: enough}}
    to: closed
  - {id: hold, from: interviewed, after: interview + 10d, to: on-hold}
"""

NETWORK_LATER = """
transitions:
  - {id: thanks, from: interviewed, on: thank_you_sent, to: waiting}
actions:
  - {id: ty, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Thank.}
  - {id: net, in: waiting, kind: network, due: state_entered + 2d, channel: linkedin, advice: N.}
"""


def state_on(cp, case, day: str) -> str:
    """The replayed state of a case on a day."""
    run, _ = situation_at(cp, case, D(day), PLAIN)
    return run.state


# -- timers -------------------------------------------------------------------------------------


def test_timer_fires_on_its_date_not_before(weekly, make_case):
    """With no thank-you, the two-day window timer moves interviewed -> waiting on day two."""
    case = make_case([])
    assert state_on(weekly, case, "2026-03-03") == "interviewed"
    assert state_on(weekly, case, "2026-03-04") == "waiting"


def test_recorded_event_comes_before_a_timer_on_the_same_day(weekly, make_case):
    """A thank-you recorded on the day the window closes wins over the timer."""
    case = make_case([{"date": "2026-03-04", "type": "thank_you_sent"}])
    assert state_on(weekly, case, "2026-03-04") == "thanked"
    assert state_on(weekly, case, "2026-03-05") == "waiting"


def test_timer_measured_from_state_entered(weekly, make_case):
    """'state_entered + 1d' moves thanked -> waiting the day after the thank-you."""
    case = make_case([{"date": "2026-03-03", "type": "thank_you_sent"}])
    assert state_on(weekly, case, "2026-03-02") == "interviewed"
    assert state_on(weekly, case, "2026-03-03") == "thanked"
    assert state_on(weekly, case, "2026-03-04") == "waiting"


def test_timers_chain_through_several_states(weekly, make_case):
    """Replaying ahead walks thanked -> waiting -> checked-in -> on-hold -> closed (moved_on)."""
    case = make_case(THREE_CHECK_INS)
    assert state_on(weekly, case, "2026-03-02") == "thanked"
    assert state_on(weekly, case, "2026-03-03") == "waiting"
    assert state_on(weekly, case, "2026-03-09") == "checked-in"
    assert state_on(weekly, case, "2026-03-19") == "checked-in"
    assert state_on(weekly, case, "2026-03-20") == "on-hold"
    assert state_on(weekly, case, "2026-04-11") == "on-hold"
    run, _ = situation_at(weekly, case, D("2026-04-13"), PLAIN)
    assert (run.state, run.outcome, run.closed_on) == ("closed", "moved_on", D("2026-04-12"))
    assert run.check_ins == 3


def test_timer_guard_with_a_count_parameter(make_playbook, make_case):
    """A guarded timer fires only when its condition holds; the other timer takes over."""
    cp = make_playbook(GUARDED_TIMER)
    two = make_case(
        [
            {"date": "2026-03-03", "type": "check_in_sent"},
            {"date": "2026-03-04", "type": "check_in_sent"},
        ]
    )
    run, _ = situation_at(cp, two, D("2026-03-07"), PLAIN)
    assert (run.state, run.outcome, run.closed_on) == ("closed", "moved_on", D("2026-03-07"))
    one = make_case([{"date": "2026-03-03", "type": "check_in_sent"}])
    assert state_on(cp, one, "2026-03-11") == "interviewed"
    assert state_on(cp, one, "2026-03-12") == "on-hold"


def test_timer_whose_guard_becomes_true_later_fires_then_not_in_the_past(make_playbook, make_case):
    """A passed timer that only becomes allowed on 03-09 closes the case on 03-09, not 03-07."""
    cp = make_playbook(GUARDED_TIMER)
    case = make_case(
        [
            {"date": "2026-03-03", "type": "check_in_sent"},
            {"date": "2026-03-09", "type": "check_in_sent"},
        ]
    )
    run, _ = situation_at(cp, case, D("2026-03-10"), PLAIN)
    assert run.state == "closed"
    assert run.closed_on == D("2026-03-09")


# -- what is counted ----------------------------------------------------------------------------


def test_events_after_today_are_ignored_and_counted(weekly, make_case, plan_on):
    """Events dated after today change nothing and are reported as not counted."""
    events = [
        {"date": "2026-03-02", "type": "thank_you_sent"},
        {"date": "2026-04-09", "type": "check_in_sent"},
        {"date": "2026-04-12", "type": "reply", "outcome": "offer"},
    ]
    plan = plan_on(weekly, make_case(events), D("2026-03-04"))
    assert plan.ignored_future_events == 2
    assert plan.state == "waiting"
    assert plan.outcome is None
    assert plan.next[0].action == "check_in"
    same = plan_on(weekly, make_case(events[:1]), D("2026-03-04"))
    assert same.ignored_future_events == 0
    assert same.schedule == plan.schedule


def test_event_on_today_is_counted(weekly, make_case, plan_on):
    """An event dated today is part of the replay, not a future event."""
    case = make_case([{"date": "2026-03-04", "type": "reply", "outcome": "offer"}])
    plan = plan_on(weekly, case, D("2026-03-04"))
    assert plan.ignored_future_events == 0
    assert (plan.state, plan.outcome) == ("closed", "offer")


def test_events_in_any_file_order_replay_by_date(weekly, make_case):
    """Events written out of order replay in date order."""
    ordered = make_case(THREE_CHECK_INS)
    shuffled = make_case(list(reversed(THREE_CHECK_INS)))
    for day in ("2026-03-02", "2026-03-10", "2026-03-25", "2026-04-20"):
        assert state_on(weekly, shuffled, day) == state_on(weekly, ordered, day)


def test_contact_made_before_its_state_counts_as_done(make_playbook, make_case, plan_on):
    """Networking before the waiting state is credited when the case gets there."""
    cp = make_playbook(NETWORK_LATER)
    without = make_case([{"date": "2026-03-02", "type": "thank_you_sent"}])
    plan = plan_on(cp, without, D("2026-03-02"))
    assert [(s.action, s.due) for s in plan.schedule] == [("network", D("2026-03-04"))]
    early = make_case(
        [
            {"date": "2026-03-02", "type": "networked"},
            {"date": "2026-03-02", "type": "thank_you_sent"},
        ]
    )
    plan = plan_on(cp, early, D("2026-03-02"))
    assert plan.state == "waiting"
    assert plan.schedule == ()


def test_credit_is_not_spent_on_another_kind(make_playbook, make_case, plan_on):
    """A banked check-in does not count as the networking due in the next state."""
    cp = make_playbook(NETWORK_LATER)
    case = make_case(
        [
            {"date": "2026-03-02", "type": "check_in_sent"},
            {"date": "2026-03-02", "type": "thank_you_sent"},
        ]
    )
    plan = plan_on(cp, case, D("2026-03-02"))
    assert [s.action for s in plan.schedule] == ["network"]


def test_recorded_contact_completes_the_pending_action(weekly, make_case, plan_on):
    """A thank-you sent the next day completes the thank-you action instead of repeating it."""
    case = make_case([{"date": "2026-03-03", "type": "thank_you_sent"}])
    before = plan_on(weekly, case, D("2026-03-02"))
    assert before.next[0].action == "thank_you"
    after = plan_on(weekly, case, D("2026-03-03"))
    assert "thank_you" not in [s.action for s in after.schedule]


# -- replies and the end of an application ------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "outcome"),
    [
        ({"type": "reply", "outcome": "offer"}, "offer"),
        ({"type": "reply", "outcome": "rejection"}, "rejection"),
        ({"type": "withdrew"}, "withdrew"),
    ],
)
def test_closing_events_close_with_their_outcome(weekly, make_case, plan_on, event, outcome):
    """Offer, rejection and withdrawal close the case that day; only an offer leaves something
    to do: answering it."""
    case = make_case(
        [{"date": "2026-03-02", "type": "thank_you_sent"}, {"date": "2026-03-10", **event}]
    )
    plan = plan_on(weekly, case, D("2026-03-20"))
    assert (plan.state, plan.outcome, plan.closes_on) == ("closed", outcome, D("2026-03-10"))
    left = [("answer_offer", D("2026-03-10"))] if outcome == "offer" else []
    assert [(s.action, s.due) for s in plan.next] == left
    assert [(s.action, s.due) for s in plan.schedule] == left


def test_reply_after_an_offer_changes_nothing(weekly, make_case, plan_on):
    """An offer is final: a later 'still deciding' does not reopen the case."""
    case = make_case(
        [
            {"date": "2026-03-05", "type": "reply", "outcome": "offer"},
            {"date": "2026-03-10", "type": "reply", "outcome": "still_deciding"},
        ]
    )
    plan = plan_on(weekly, case, D("2026-03-12"))
    assert (plan.state, plan.outcome, plan.closes_on) == ("closed", "offer", D("2026-03-05"))
    assert [s.action for s in plan.schedule] == ["answer_offer"]


def test_withdrawing_after_a_rejection_keeps_the_rejection(weekly, make_case, plan_on):
    """Once rejected, recording a withdrawal does not rewrite the outcome."""
    case = make_case(
        [
            {"date": "2026-03-05", "type": "reply", "outcome": "rejection"},
            {"date": "2026-03-06", "type": "withdrew"},
        ]
    )
    plan = plan_on(weekly, case, D("2026-03-12"))
    assert (plan.state, plan.outcome) == ("closed", "rejection")


def test_late_reply_reopens_after_the_playbook_gave_up(weekly, make_case, plan_on):
    """A reply after 'moved_on' reopens to waiting, and the check-ins start over."""
    case = make_case(
        [*THREE_CHECK_INS, {"date": "2026-04-15", "type": "reply", "outcome": "still_deciding"}]
    )
    plan = plan_on(weekly, case, D("2026-04-15"))
    assert (plan.state, plan.outcome) == ("waiting", None)
    assert plan.next[0].action == "check_in"
    assert plan.next[0].due == D("2026-04-22")  # the reply + the playbook's first_check_in (1w)


def test_late_reply_reopens_even_after_the_give_up_date(weekly, make_case, plan_on):
    """A reply after the two-month give-up still reopens: the case is not closed that day."""
    case = make_case([{"date": "2026-06-01", "type": "reply", "outcome": "still_deciding"}])
    gave_up = plan_on(weekly, make_case([]), D("2026-05-31"))
    assert (gave_up.state, gave_up.outcome) == ("closed", "moved_on")
    plan = plan_on(weekly, case, D("2026-06-01"))
    assert plan.state == "waiting"
    assert plan.outcome is None


def test_reopened_case_can_get_an_offer(weekly, make_case, plan_on):
    """After giving up, an offer reply closes the case as an offer."""
    case = make_case(
        [*THREE_CHECK_INS, {"date": "2026-04-20", "type": "reply", "outcome": "offer"}]
    )
    plan = plan_on(weekly, case, D("2026-04-21"))
    assert (plan.state, plan.outcome, plan.closes_on) == ("closed", "offer", D("2026-04-20"))


def test_withdrawing_after_giving_up_records_the_withdrawal(weekly, make_case, plan_on):
    """Withdrawing after the playbook gave up closes the case as withdrawn."""
    case = make_case([*THREE_CHECK_INS, {"date": "2026-04-13", "type": "withdrew"}])
    plan = plan_on(weekly, case, D("2026-04-13"))
    assert (plan.state, plan.outcome) == ("closed", "withdrew")


def test_reply_after_withdrawing_does_not_reopen(weekly, make_case, plan_on):
    """Once you withdrew (even after giving up), a 'still deciding' reply does not reopen."""
    case = make_case(
        [
            *THREE_CHECK_INS,
            {"date": "2026-04-13", "type": "withdrew"},
            {"date": "2026-04-15", "type": "reply", "outcome": "still_deciding"},
        ]
    )
    plan = plan_on(weekly, case, D("2026-04-15"))
    assert plan.state == "closed"
    assert plan.schedule == ()


def test_still_deciding_restarts_the_nudging(weekly, make_case, plan_on):
    """A 'still deciding' reply after a check-in returns to waiting and resets the count."""
    case = make_case(
        [
            {"date": "2026-03-02", "type": "thank_you_sent"},
            {"date": "2026-03-09", "type": "check_in_sent"},
            {"date": "2026-03-12", "type": "reply", "outcome": "still_deciding"},
        ]
    )
    run, _ = situation_at(weekly, case, D("2026-03-12"), PLAIN)
    assert (run.state, run.check_ins, run.last_reply) == ("waiting", 0, "still_deciding")
    plan = plan_on(weekly, case, D("2026-03-12"))
    assert (plan.next[0].action, plan.next[0].due) == ("check_in", D("2026-03-19"))


def test_no_check_in_before_the_decision_date_they_gave(make_playbook, make_case, plan_on):
    """After 'still deciding, we decide by 03-20', a check-in due earlier waits until 03-21."""
    cp = make_playbook(
        """
        transitions:
          - {id: thanks, from: interviewed, on: thank_you_sent, to: waiting}
        actions:
          - {id: ci, in: waiting, kind: check_in, due: reply + 1d, channel: portal, advice: C.}
        """
    )
    thanked = {"date": "2026-03-02", "type": "thank_you_sent"}
    reply = {"date": "2026-03-04", "type": "reply", "outcome": "still_deciding"}
    plain = plan_on(cp, make_case([thanked, reply]), D("2026-03-04"))
    assert [s.due for s in plain.schedule] == [D("2026-03-05")]
    dated = plan_on(
        cp, make_case([thanked, {**reply, "decision_by": "2026-03-20"}]), D("2026-03-04")
    )
    assert [(s.action, s.due) for s in dated.schedule] == [("check_in", D("2026-03-21"))]


def test_no_follow_up_means_no_check_in_ever(weekly, make_case, plan_on):
    """After 'please don't follow up' no check-in is recommended, and the don't is shown."""
    case = make_case(
        [
            {"date": "2026-03-03", "type": "thank_you_sent"},
            {"date": "2026-03-05", "type": "reply", "outcome": "no_follow_up"},
        ]
    )
    for day in ("2026-03-05", "2026-03-20", "2026-04-10"):
        plan = plan_on(weekly, case, D(day))
        assert not [s for s in plan.schedule if s.action in ("check_in", "final_check_in")]
    plan = plan_on(weekly, case, D("2026-03-06"))
    assert plan.state == "waiting"
    assert any("not to follow up" in text for text in plan.avoid)


def test_next_round_starts_over(weekly, make_case, plan_on):
    """A next-round reply goes back to interviewed with counters reset and a new interview."""
    case = make_case(
        [
            {"date": "2026-03-03", "type": "thank_you_sent"},
            {"date": "2026-03-09", "type": "check_in_sent"},
            {
                "date": "2026-03-12",
                "type": "reply",
                "outcome": "next_round",
                "interview": "2026-03-16",
            },
        ]
    )
    run, _ = situation_at(weekly, case, D("2026-03-13"), PLAIN)
    assert (run.state, run.round, run.check_ins) == ("interviewed", 2, 0)
    assert run.at_interview == D("2026-03-16")
    assert run.done == {}
    plan = plan_on(weekly, case, D("2026-03-13"))
    assert [(s.action, s.due) for s in plan.next] == [("thank_you", D("2026-03-16"))]
    assert plan.schedule[1].action == "check_in"
    assert plan.schedule[1].due == D("2026-03-23")  # the new interview + 1w


def test_next_round_without_a_date_waits_for_it(weekly, make_case):
    """Without an interview date, the new round guesses none: it waits for the date, and a
    later next-round reply with a date gives that same round its date."""
    invited = {"date": "2026-03-12", "type": "reply", "outcome": "next_round"}
    run, _ = situation_at(weekly, make_case([invited]), D("2026-03-20"), PLAIN)
    assert (run.state, run.round, run.at_interview) == ("interviewed", 2, None)
    assert run.awaiting_interview == D("2026-03-12")
    assert run.pending() == []
    assert run.next_timer() is None
    dated = {"date": "2026-03-13", "type": "reply", "outcome": "next_round"}
    dated["interview"] = "2026-03-18"
    run, _ = situation_at(weekly, make_case([invited, dated]), D("2026-03-20"), PLAIN)
    assert (run.round, run.at_interview, run.awaiting_interview) == (2, D("2026-03-18"), None)


def test_round_guard_sees_the_second_round(make_playbook, make_case, plan_on):
    """A rule guarded by round >= 2 applies only after a next-round reply."""
    cp = make_playbook(
        """
        actions:
          - id: again
            in: interviewed
            kind: thank_you_note
            when: {round: {ge: 2}}
            due: interview
            channel: mail
            advice: Thank them again.
        """
    )
    first = plan_on(cp, make_case([]), D("2026-03-02"))
    assert first.schedule == ()
    reply = {"date": "2026-03-05", "type": "reply", "outcome": "next_round"}
    second = plan_on(cp, make_case([{**reply, "interview": "2026-03-10"}]), D("2026-03-06"))
    assert [(s.action, s.due, s.channel) for s in second.schedule] == [
        ("thank_you_note", D("2026-03-10"), "mail")
    ]
