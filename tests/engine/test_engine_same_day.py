"""A step due on the day a timer would end its state is still due that day."""

from __future__ import annotations

from datetime import date

D = date.fromisoformat

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
