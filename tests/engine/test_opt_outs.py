"""A playbook that opts out of an engine rule, explicitly, is planned without that rule; every
other playbook keeps it.  One test per rule id of `followup.semantics.rules.RULE_IDS`."""

from __future__ import annotations

from datetime import date
from typing import Any

from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.semantics.rules import RULE_IDS

from .conftest import PLAIN, case_from, compile_text

# Interview on Monday 2026-03-02, thanked the same day, then a check-in (due NUDGE) that may
# repeat daily, and news of a competing offer three days after it came.
RULES = """
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting, source: s}
  - {id: give-up, from: [interviewed, waiting], after: interview + 8w, to: closed, source: s}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.,
     source: s}
  - id: nudge
    in: waiting
    kind: check_in
    due: NUDGE
    repeat: {every: 1d, max: 3}
    channel: email
    advice: Check in.
    source: s
  - {id: news, in: waiting, kind: share_update, due: competing_offer + 3d, channel: email,
     when: {competing_offer: true}, advice: Tell them., source: s}
"""
THANKED: list[dict[str, Any]] = [
    {"date": "2026-03-02", "type": "thank_you_sent", "channel": "email"}
]


def _plan(opt_out: str, nudge: str, today: str, events: list[dict[str, Any]], **top: Any) -> Plan:
    body = RULES.replace("NUDGE", nudge)
    if opt_out:
        body = (
            "opt_out:\n"
            + "".join(
                f"  - {{rule: {rule}, reason: It says so., source: Timing}}\n"
                for rule in opt_out.split()
            )
            + body
        )
    cp = compile_text(body)
    return plan_case(cp, case_from(THANKED + events, **top), date.fromisoformat(today), PLAIN)


def _first(plan: Plan, kind: str) -> str:
    return next(s.due.isoformat() for s in plan.schedule if s.action == kind)


def test_every_rule_id_is_tested_here():
    """A new opt-out id needs its test below."""
    assert set(RULE_IDS) == {
        "business-days-only",
        "check-in-gap",
        "contact-gap",
        "wait-past-their-date",
        "keep-promises",
        "news-before-deadline",
        "open-past-their-date",
    }


def test_business_days_only():
    """A check-in due on Saturday moves to Monday, unless the playbook opted out."""
    assert _first(_plan("", "interview + 5d", "2026-03-03", []), "check_in") == "2026-03-09"
    opted = _plan("business-days-only", "interview + 5d", "2026-03-03", [])
    assert _first(opted, "check_in") == "2026-03-07"


def test_check_in_gap():
    """A daily repeat waits three days after a check-in, unless the playbook opted out of both
    gaps: the one between check-ins and the one between any two direct contacts."""
    sent = [{"date": "2026-03-09", "type": "check_in_sent", "channel": "email"}]
    assert _first(_plan("", "interview + 7d", "2026-03-09", sent), "check_in") == "2026-03-12"
    one = _plan("check-in-gap", "interview + 7d", "2026-03-09", sent)
    assert _first(one, "check_in") == "2026-03-12"  # the contact gap still holds
    both = _plan("check-in-gap contact-gap", "interview + 7d", "2026-03-09", sent)
    assert _first(both, "check_in") == "2026-03-10"


def test_contact_gap():
    """News (with no deadline to beat) waits three days after a check-in, unless opted out."""
    events = [
        {"date": "2026-03-03", "type": "competing_offer"},
        {"date": "2026-03-05", "type": "check_in_sent", "channel": "email"},
    ]
    plan = _plan("", "interview + 2w", "2026-03-05", events)
    assert _first(plan, "share_update") == "2026-03-09"  # Sun 03-08 rolls to Monday
    opted = _plan("contact-gap", "interview + 2w", "2026-03-05", events)
    assert _first(opted, "share_update") == "2026-03-06"


def test_wait_past_their_date():
    """A check-in waits past the decision date, unless the playbook opted out."""
    told = {"employer": {"decision_by": "2026-03-10"}}
    assert _first(_plan("", "interview + 4d", "2026-03-03", [], **told), "check_in") == (
        "2026-03-11"
    )
    opted = _plan("wait-past-their-date", "interview + 4d", "2026-03-03", [], **told)
    assert _first(opted, "check_in") == "2026-03-06"


def test_keep_promises():
    """A promise is a step, and a broken one a note, unless the playbook opted out."""
    promised = [
        {"date": "2026-03-03", "type": "committed", "due": "2026-03-05", "channel": "email"}
    ]
    kept = _plan("", "interview + 2w", "2026-03-06", promised)
    assert _first(kept, "keep_promise") == "2026-03-05"
    assert any("broken promise" in n for n in kept.notes)
    opted = _plan("keep-promises", "interview + 2w", "2026-03-06", promised)
    assert all(s.action != "keep_promise" for s in opted.schedule)
    assert opted.notes == ()


def test_news_before_deadline():
    """News of a competing offer is due the day before its deadline, unless opted out."""
    offer = [{"date": "2026-03-03", "type": "competing_offer", "deadline": "2026-03-05"}]
    plan = _plan("", "interview + 2w", "2026-03-03", offer)
    assert _first(plan, "share_update") == "2026-03-04"
    opted = _plan("news-before-deadline", "interview + 2w", "2026-03-03", offer)
    assert _first(opted, "share_update") == "2026-03-06"


def test_open_past_their_date():
    """A playbook does not give up before the employer's own date has passed and the check-in
    after it is due, unless it opted out: its 8-week timer waits for a decision date 9 weeks on
    (Friday 2026-05-01; the check-in on Monday 4 May, the give-up the day after)."""
    told = {"employer": {"decision_by": "2026-05-01"}}
    kept = _plan("", "interview + 4d", "2026-03-03", [], **told)
    assert _first(kept, "check_in") == "2026-05-04"
    assert kept.closes_on == date(2026, 5, 5)
    opted = _plan("open-past-their-date", "interview + 4d", "2026-03-03", [], **told)
    assert opted.closes_on == date(2026, 4, 27)
    assert all(s.action != "check_in" for s in opted.schedule)
