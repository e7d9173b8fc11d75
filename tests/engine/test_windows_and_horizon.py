"""A step's window and the plan's horizon at their edges: a window whose end is not known for
the case, a lapsing step the engine's rules push past its window, a closing timer beyond what
the plan looks at, and a long run of repeats said in one line."""

from __future__ import annotations

from datetime import date
from typing import Any

from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.render.text import plan_text

from .conftest import PLAIN, case_from, compile_text

# Interview Monday 2026-03-02; waiting from the next day; an update due two days after the
# interview whose window ends the day after their decision date.
WINDOW = """
closes: {never: We wait., source: s}
transitions:
  - {id: to-waiting, from: interviewed, after: interview + 1d, to: waiting, source: s}
actions:
  - {id: update, in: [waiting], kind: share_update, due: interview + 2d, until: decision_by + 1d,
     LATE channel: email, advice: Share an update before they decide., source: s}
"""


def _plan(body: str, today: str, events: list[dict[str, Any]] | None = None, **top: Any) -> Plan:
    return plan_case(compile_text(body), case_from(events, **top), date.fromisoformat(today), PLAIN)


def test_a_window_whose_end_is_not_known_has_no_last_day():
    """Without a decision date the until is skipped, as any date rule with an unknown anchor
    is: the step is due from its day with no last one, and does not lapse after a day."""
    plan = _plan(WINDOW.replace("LATE", "late: skip,"), "2026-03-06")
    [step] = plan.next
    assert (step.rule_id, step.due, step.latest) == ("update", date(2026, 3, 4), None)
    assert not any("window" in note for note in plan.notes)


def test_a_lapsing_step_pushed_past_its_window_lapses_and_says_why():
    """A check-in on the 5th makes the contact gap push the update to Monday the 9th, past its
    window (the 6th): with late: skip it is not planned, and a note says so at once; without,
    it is planned on the 9th."""
    sent = [{"date": "2026-03-05", "type": "check_in_sent", "channel": "email"}]
    employer = {"decision_by": "2026-03-05"}
    skip = _plan(WINDOW.replace("LATE", "late: skip,"), "2026-03-06", sent, employer=employer)
    assert [s.rule_id for s in skip.schedule] == []
    # said as seen that day: the window still "ends" on its last day, and has "ended" after it
    assert any("ends on 2026-03-06, before the engine's own rules" in n for n in skip.notes)
    later = _plan(WINDOW.replace("LATE", "late: skip,"), "2026-03-07", sent, employer=employer)
    assert any("ended on 2026-03-06, before the engine's own rules" in n for n in later.notes)
    kept = _plan(WINDOW.replace("LATE", ""), "2026-03-06", sent, employer=employer)
    assert [(s.rule_id, s.due) for s in kept.schedule] == [("update", date(2026, 3, 9))]


def test_a_one_day_window_that_passed_is_named_by_its_day():
    """A window of one day (their decision date is the day after the update is due) that has
    passed is that day, not a range from a day to itself."""
    employer = {"decision_by": "2026-03-03"}
    plan = _plan(WINDOW.replace("LATE", ""), "2026-03-06", employer=employer)
    assert "The window for update (2026-03-04) has passed with nothing recorded" in " ".join(
        plan.notes
    )


SLOW = """
transitions:
  - {id: to-waiting, from: interviewed, after: interview + 1d, to: waiting, source: s}
  - {id: give-up, from: waiting, after: interview + 150w, to: closed, source: s}
actions:
  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w, channel: email, advice: Go.,
     source: s}
"""


def test_a_closing_timer_beyond_the_plan_is_named_not_denied():
    """The plan looks two years ahead; the playbook closes the case after 150 weeks.  It used to
    say the playbook does not close the case on its own."""
    plan = _plan(SLOW, "2026-03-05")
    assert plan.closes_on is None
    assert plan.looks_until == date(2028, 3, 4)
    assert plan.closes_later == date(2029, 1, 15)
    text = plan_text(plan, case_from(), compile_text(SLOW).playbook)
    assert "does not close the case on its own" not in text
    assert "the playbook closes the case on Mon 2029-01-15" in " ".join(text.split())


def test_a_plan_that_shows_everything_says_nothing_about_looking_further():
    plan = _plan(SLOW.replace("interview + 150w", "interview + 10w"), "2026-03-05")
    assert (plan.looks_until, plan.closes_later) == (None, None)
    assert plan.closes_on == date(2026, 5, 11)


MONTHLY = """
closes: {never: We wait., source: s}
transitions:
  - {id: to-waiting, from: interviewed, after: interview + 1d, to: waiting, source: s}
actions:
  - id: note
    in: waiting
    kind: check_in
    due: interview + 1w
    repeat: {every: 1mo, until: never}
    channel: email
    advice: A short note every month.
    source: s
"""


def test_a_monthly_run_is_said_in_one_line_about_how_often():
    """Months differ in length and weekends move the notes: the run is still one line."""
    plan = _plan(MONTHLY, "2026-03-12")
    text = plan_text(plan, case_from(), compile_text(MONTHLY).playbook)
    lines = [line for line in text.splitlines() if "[note]" in line]
    assert len(lines) == 4
    assert lines[-1].lstrip().startswith(f"... {len(plan.schedule) - len(plan.next) - 3} more")
    assert "about every 3" in lines[-1]
    assert "The plan looks no further than" in text


def test_no_thank_you_note_for_a_playbook_without_a_thank_you():
    """The note about a missed thank-you speaks of 'the time this playbook gives for one': a
    playbook with no thank-you step gives none, so it says nothing."""
    plan = _plan(WINDOW.replace("LATE", ""), "2026-03-06")
    assert not any("thank-you" in note for note in plan.notes)
