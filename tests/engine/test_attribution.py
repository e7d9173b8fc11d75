"""Which step a recorded contact counts as, when several of its kind are open.

A check-in by email is not the phone call to the company the job seeker passed over before it;
a call made on the day a timer opens the state whose step it is, is that step.
"""

from __future__ import annotations

from datetime import date

from followup.engine.explain import explain_case
from followup.timeline.calendar import BusinessCalendar

D = date.fromisoformat

# Check in by email every two weeks; after three weeks of silence, one call to the main line.
NEWSROOM = """
kinds:
  call_main_line: {completed_by: check_in_sent, description: One call to the main line.}
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked}
  - {id: silence, from: thanked, after: interview + 3w, to: on-hold}
  - {id: call-week-over, from: on-hold, after: state_entered + 6d, to: waiting}
  - {id: give-up, from: [thanked, waiting, on-hold], after: interview + 6mo, to: closed,
     outcome: moved_on}
actions:
  - {id: thank, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Thanks.}
  - {id: nudge, in: [thanked, waiting, on-hold], kind: check_in, due: last_contact + 2w,
     channel: email, repeat: {every: 2w, max: 20}, advice: Check in.}
  - {id: call, in: on-hold, kind: call_main_line, due: state_entered, channel: phone,
     to: company, advice: One call to the main line.}
"""


def _sent(last: tuple[str, str | None], channel: str | None = "email") -> list[dict[str, str]]:
    """A thank-you on 03-02 and a check-in on 03-16 (by ``channel``), then the check-in
    ``last`` (its day and channel): the newsroom's contacts up to the one under test."""
    contacts = [
        ("2026-03-02", "thank_you_sent", channel),
        ("2026-03-16", "check_in_sent", channel),
        (f"2026-03-{last[0]}", "check_in_sent", last[1]),
    ]
    return [{"date": d, "type": t, **({"channel": c} if c else {})} for d, t, c in contacts]


def test_an_email_check_in_is_not_the_call_passed_over(make_playbook, make_case, plan_on):
    """The call was due 03-23 and not made; the email check-in of 03-25 is the check-in, so
    the call is still to make and no second email comes three days later."""
    cp = make_playbook(NEWSROOM)
    case = make_case(_sent(("25", "email")))
    plan = plan_on(cp, case, D("2026-03-26"))
    assert [(s.rule_id, s.channel) for s in plan.next] == [("call", "phone")]


def test_a_call_on_the_day_its_state_opens_is_that_call(make_playbook, make_case, plan_on):
    """Three weeks of silence end on 03-23; a call that day is the call, not a check-in of
    the state before: it is not due again."""
    cp = make_playbook(NEWSROOM)
    case = make_case(_sent(("23", "phone")))
    plan = plan_on(cp, case, D("2026-03-24"))
    assert plan.state == "on-hold"
    assert "call" not in [s.rule_id for s in plan.schedule]
    assert plan.next[0].rule_id == "nudge"


def test_without_a_channel_the_step_due_first_is_done(make_playbook, make_case, plan_on):
    """An event that names no channel still counts as the step due first, as before."""
    cp = make_playbook(NEWSROOM)
    case = make_case(_sent(("25", None), channel=None))
    plan = plan_on(cp, case, D("2026-03-26"))
    assert "call" not in [s.rule_id for s in plan.next]


def test_explain_names_the_test_of_a_condition_that_fails(make_playbook, make_case):
    """explain says which test of a rule's condition fails, and on what value, not only that
    the condition does not hold."""
    cp = make_playbook(
        """
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}
actions:
  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w, channel: email,
     when: {last_reply: none, check_ins: {lt: 2}}, advice: Check in.}
"""
    )
    case = make_case(
        [
            {"date": "2026-03-02", "type": "thank_you_sent", "channel": "email"},
            {"date": "2026-03-05", "type": "reply", "outcome": "still_deciding"},
        ]
    )
    trace = explain_case(cp, case, D("2026-03-06"), BusinessCalendar(None))
    text = "\n".join(d for entry in trace for d in (entry.text, *entry.details))
    assert (
        "action nudge: not due (its condition does not hold: last_reply is still_deciding, "
        "where the rule wants: last_reply is none)"
    ) in text
    assert "check_ins is" not in text  # the test that holds is not named
