"""L118: a give-up on a fixed date that a check-in dated from the employer's date comes after."""

from __future__ import annotations

from datetime import date

import pytest

from followup.compile.machine import compile_playbook
from followup.engine.plan import plan_case
from followup.io.yaml_reader import read_yaml_text
from followup.language.playbook_loader import build_playbook
from followup.lint import lint_compiled
from followup.model.case import Case, Employer, Event
from followup.timeline.calendar import BusinessCalendar, NoHolidays

from .conftest import HEADER

RULES = """\
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: waited, from: thanked, after: state_entered + 1d, to: waiting, source: s}
  - {id: give-up, from: [interviewed, thanked, waiting], after: GIVE_UP, to: closed,
     outcome: moved_on, source: s TIMER_WHEN}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.,
     source: s}
  - {id: after-their-date, in: waiting, kind: check_in, due: CHECK_IN, channel: email,
     advice: Ask where things stand., source: s WHEN}
"""


def _compiled(give_up: str, check_in: str = "decision_by + 1w", when: str = "", timer: str = ""):
    text = (
        RULES.replace("GIVE_UP", give_up)
        .replace("CHECK_IN", check_in)
        .replace(" TIMER_WHEN", timer)
        .replace(" WHEN", when)
    )
    return compile_playbook(build_playbook(read_yaml_text(HEADER.format(id="mine") + text, "m")))


def _codes(
    give_up: str, check_in: str = "decision_by + 1w", when: str = "", timer: str = ""
) -> list[str]:
    return [p.code for p in lint_compiled(_compiled(give_up, check_in, when, timer))]


def test_a_fixed_give_up_before_a_late_check_in_is_reported():
    """Given up four weeks after the interview, a check-in a week after a late date is lost."""
    assert "L118" in _codes("interview + 4w")
    assert "L118" in _codes("{earlier_of: [interview + 6w, decision_by + 2w]}")


def test_a_give_up_their_date_moves_less_than_the_check_in_is_reported():
    """Given up two weeks after their date, or six after the last contact: in the quiet case
    (no contact after the thank-you) a check-in three weeks after a late date is lost; one
    measured further from their date, or a check-in sooner, is not."""
    give_up = "{later_of: [last_contact + 6w, decision_by + 2w, reply + 6w]}"
    assert "L118" in _codes(give_up, "decision_by + 3w")
    assert "L118" not in _codes(give_up, "decision_by + 10d")
    longer = "{later_of: [last_contact + 6w, decision_by + 4w, reply + 6w]}"
    assert "L118" not in _codes(longer, "decision_by + 3w")
    # Only after a first check-in, whose day the last contact then is: no quiet case.
    after_one = ", when: {check_ins: {ge: 1}}"
    assert "L118" not in _codes(give_up, "decision_by + 3w", when=after_one)


@pytest.mark.parametrize(
    "give_up",
    [
        "{later_of: [interview + 4w, decision_by + 2w]}",  # the fix the warning gives
        "decision_by + 2w",
        "state_entered + 4w",  # entered when their date may already be late: not sure
        "reply + 2w",  # gives up only after a reply, which the quiet case has none of
    ],
)
def test_a_give_up_that_their_date_moves_is_not_reported(give_up):
    assert "L118" not in _codes(give_up)


def test_a_check_in_the_engine_holds_the_give_up_for_is_not_reported():
    """The engine itself holds a give-up until the day after the first business day after
    their date: a check-in on the day after it, or one business day on, comes first."""
    assert "L118" not in _codes("interview + 4w", "decision_by + 1d")
    assert "L118" not in _codes("interview + 4w", "decision_by + 1bd")
    assert "L118" in _codes("interview + 4w", "decision_by + 2bd")


def test_conditions_that_never_hold_together_are_not_reported():
    check_in = ", when: {follow_up: invited}"
    assert "L118" in _codes("interview + 4w", when=check_in)
    timer = ", when: {follow_up: not_wanted}"
    assert "L118" not in _codes("interview + 4w", when=check_in, timer=timer)


def _plan(cp, decision_by: date):
    interview = date(2026, 3, 2)
    case = Case(
        "acme",
        interview,
        employer=Employer(decision_by=decision_by),
        events=(Event(interview, "thank_you_sent", channel="email"),),
    )
    return plan_case(cp, case, date(2026, 3, 4), BusinessCalendar(None, NoHolidays()))


def test_the_warning_is_what_the_engine_does():
    """With their date on Fri 27 March, the give-up four weeks after a 2 March interview is held
    to Tue 31 March (the day after the first business day after their date), yet the check-in a
    week after their date never comes; with the fix the warning gives, it does."""
    late = date(2026, 3, 27)
    broken = _plan(_compiled("interview + 4w"), late)
    assert broken.closes_on == date(2026, 3, 31)
    assert [s.action for s in broken.schedule] == []
    fixed = _plan(_compiled("{later_of: [interview + 4w, decision_by + 2w]}"), late)
    assert [s.due for s in fixed.schedule] == [date(2026, 4, 3)]
    assert fixed.closes_on == date(2026, 4, 10)
