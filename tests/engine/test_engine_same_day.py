"""A step due on the day a timer would end its state is still due that day."""

from __future__ import annotations

from datetime import date

from followup import catalog
from followup.engine.plan import plan_case
from followup.engine.run import Run
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.timeline.calendar import BusinessCalendar

D = date.fromisoformat
PLAIN = BusinessCalendar(None)

WINDOW = """
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked}
  - {id: window-closes, from: interviewed, after: interview + 2d, to: waiting}
actions:
  - {id: thank, in: interviewed, kind: thank_you, due: interview + 2d, channel: email,
     advice: Thank them.}
"""


def test_step_due_today_holds_todays_timer(make_playbook, make_case, plan_on):
    """On the day the window closes, the thank-you due that day is still the next step."""
    cp = make_playbook(WINDOW)
    plan = plan_on(cp, make_case([]), D("2026-03-04"))
    assert plan.state == "interviewed"
    assert [(s.action, s.due) for s in plan.next] == [("thank_you", D("2026-03-04"))]


def test_the_timer_fires_once_the_day_is_over(make_playbook, make_case, plan_on):
    """The next day, with no thank-you recorded, the window has closed."""
    cp = make_playbook(WINDOW)
    plan = plan_on(cp, make_case([]), D("2026-03-05"))
    assert plan.state == "waiting"
    assert plan.next == ()


def test_doing_the_step_that_day_retraces_the_projection(make_playbook, make_case, plan_on):
    """A thank-you recorded on its due day counts, as the projection assumed."""
    cp = make_playbook(WINDOW)
    before = plan_on(cp, make_case([]), D("2026-03-03"))
    assert [(s.action, s.due) for s in before.schedule] == [("thank_you", D("2026-03-04"))]
    after = plan_on(
        cp, make_case([{"date": "2026-03-04", "type": "thank_you_sent"}]), D("2026-03-04")
    )
    assert after.state == "thanked"


KEPT_ON_A_SATURDAY = """
id: kept-on-a-saturday
interview: 2026-07-06
employer: {follow_up: invited, follow_up_after: 38d, preferred_channel: portal}
playbook: week-then-on-hold
events:
  - {date: 2026-07-06, type: thank_you_sent, channel: email}
  - {date: 2026-08-14, type: check_in_sent, channel: portal}
  - {date: 2026-08-25, type: check_in_sent, channel: portal}
  - {date: 2026-09-05, type: committed, channel: email, due: 2026-09-12}
  - {date: 2026-09-12, type: check_in_sent, channel: portal}
"""


def test_a_step_moved_off_a_day_off_no_longer_holds_a_timer_once_it_is_done() -> None:
    """A promise due on a Saturday moves to Monday, and would hold the give-up timer that
    Sunday; kept on the Saturday itself (by portal, which goes any day), it holds nothing and
    the case closes that day.  The prover found the engine wrongly holding it: a list of moved
    steps remembered while the follow-up was still being applied (max_days_open 70 > 69)."""
    case = build_case(read_yaml_text(KEPT_ON_A_SATURDAY, "case.yaml"))
    plan = plan_case(catalog.load("week-then-on-hold"), case, D("2026-09-15"), PLAIN)
    assert (plan.state, plan.closes_on) == ("closed", D("2026-09-12"))


# The same window, with the thank-you due the day before it closes.
HELD = WINDOW.replace("due: interview + 2d", "due: interview + 1d")


def test_a_timer_held_for_a_day_off_is_worked_out_only_when_it_can_fire(
    make_playbook, make_case, plan_on
):
    """An interview on Friday: the thank-you due Saturday moves to Monday and holds the timer
    due Sunday until then.  Time passing to Saturday only needs to know that the timer comes
    later (a day after Saturday, not remembered); asked outright, it is Monday."""
    cp = make_playbook(HELD)
    case = make_case([], interview="2026-03-06")
    run = Run(cp, case, PLAIN)
    early = run.next_timer(by=D("2026-03-07"))
    assert early is not None
    assert early[0] > D("2026-03-07")
    assert run.next_timer() == (D("2026-03-09"), early[1])
    assert run.next_timer(by=D("2026-03-07")) == (D("2026-03-09"), early[1])  # now known
    assert run.advance(D("2026-03-07"), inclusive=True) is None
    assert run.state == "interviewed"
    plan = plan_on(cp, case, D("2026-03-08"))
    assert plan.state == "interviewed"
    assert [(s.action, s.due) for s in plan.next] == [("thank_you", D("2026-03-09"))]
