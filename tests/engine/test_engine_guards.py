"""Guards: compiled conditions over a running case (all/any/not, comparisons, parameters)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from followup.compile.expressions import always, compile_date, compile_guard
from followup.model.playbook import (
    AllOf,
    AnyOf,
    Compare,
    DateRule,
    DateTerm,
    Not,
    Offset,
    Span,
)
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import parse_duration

D = date.fromisoformat


def facts(**values):
    """A stand-in for a running case: facts as attributes."""
    base = {"check_ins": 0, "follow_up": "unspecified", "may_call": False, "round": 1}
    return SimpleNamespace(**{**base, **values})


@pytest.mark.parametrize(
    ("op", "value", "check_ins", "expected"),
    [
        ("is", 2, 2, True),
        ("is", 2, 3, False),
        ("is_not", 2, 3, True),
        ("lt", 3, 2, True),
        ("lt", 3, 3, False),
        ("le", 3, 3, True),
        ("le", 3, 4, False),
        ("gt", 1, 2, True),
        ("gt", 2, 2, False),
        ("ge", 2, 2, True),
        ("ge", 2, 1, False),
    ],
)
def test_comparisons(op, value, check_ins, expected):
    """Each comparison operator tests the fact against the value."""
    guard = compile_guard(Compare("check_ins", op, value))
    assert guard(facts(check_ins=check_ins)) is expected


def test_in_and_not_in():
    """'in' and 'not_in' test membership in a list of values."""
    inside = compile_guard(Compare("follow_up", "in", ("invited", "unspecified")))
    outside = compile_guard(Compare("follow_up", "not_in", ("invited", "unspecified")))
    assert inside(facts()) is True
    assert outside(facts()) is False
    assert inside(facts(follow_up="not_wanted")) is False
    assert outside(facts(follow_up="not_wanted")) is True


def test_all_any_not():
    """all needs every part, any needs one, not inverts; they nest."""
    calls = Compare("may_call", "is", True)
    few = Compare("check_ins", "lt", 2)
    assert compile_guard(AllOf((calls, few)))(facts(may_call=True)) is True
    assert compile_guard(AllOf((calls, few)))(facts(may_call=False)) is False
    assert compile_guard(AnyOf((calls, few)))(facts(may_call=False)) is True
    assert compile_guard(AnyOf((calls, few)))(facts(check_ins=5)) is False
    nested = compile_guard(Not(AnyOf((calls, AllOf((few, Not(calls)))))))
    assert nested(facts(check_ins=5)) is True
    assert nested(facts(check_ins=0)) is False
    assert nested(facts(may_call=True, check_ins=5)) is False


def test_no_guard_always_holds():
    """A rule without 'when' gets the always-true guard."""
    assert compile_guard(None) is always
    assert always(None) is True


class _NoSuchAttribute(SimpleNamespace):
    """A case that notes every attribute a condition asks for that it does not have."""

    def __getattr__(self, name: str) -> object:
        missed = self.__dict__.setdefault("missed", [])
        missed.append(name)
        raise AttributeError(name)


def test_a_time_between_is_decided_by_its_two_dates_alone():
    """Only the dates count: nothing else the case carries (even under the test's own name)
    answers it, and a real case is asked for nothing it does not have."""
    span = Span("interview", "decision_by", "ge", Offset(1, parse_duration("2w")))
    test = compile_guard(span)
    cal = BusinessCalendar(None)
    told = SimpleNamespace(
        cal=cal, at_interview=date(2026, 3, 2), at_decision_by=date(2026, 3, 9), **{span.name: True}
    )
    assert test(told) is False
    run = _NoSuchAttribute(cal=cal, at_interview=date(2026, 3, 2), at_decision_by=date(2026, 3, 16))
    assert test(run) is True
    assert run.__dict__.get("missed") is None


def test_compiled_dates_read_anchors_and_skip_unknown_ones():
    """A date rule reads at_<anchor>; later/earlier ignore anchors that are not known."""
    week = Offset(1, parse_duration("1w"))
    run = SimpleNamespace(
        at_interview=D("2026-03-02"),
        at_decision_by=None,
        at_reply=D("2026-03-05"),
        cal=BusinessCalendar(None),
    )
    assert compile_date(DateRule((DateTerm("interview", week),)))(run) == D("2026-03-09")
    later = DateRule((DateTerm("interview", week), DateTerm("decision_by"), DateTerm("reply")))
    assert compile_date(later)(run) == D("2026-03-09")
    earlier = DateRule(later.terms, "earlier")
    assert compile_date(earlier)(run) == D("2026-03-05")
    assert compile_date(DateRule((DateTerm("decision_by"),)))(run) is None
    back = Offset(-1, parse_duration("3bd"))
    assert compile_date(DateRule((DateTerm("reply", back),)))(run) == D("2026-03-02")


GUARDED_DONTS = """
parameters: {few: 2, wait: 1w}
avoid:
  - {id: a-all, advice: all, when: {all: [{may_call: true}, {check_ins: {lt: few}}]}}
  - {id: a-any, advice: any, when: {any: [{may_call: true}, {interviewers: {ge: 3}}]}}
  - {id: a-not, advice: not, when: {not: {preferred_channel: email}}}
  - {id: a-count, advice: count, when: {check_ins: {ge: few}}}
  - {id: a-in, advice: in, when: {follow_up: {in: [invited, not_wanted]}}}
  - {id: a-two, advice: two-facts, when: {may_call: true, follow_up: invited}}
  - {id: a-state, advice: state, in: waiting}
"""


def shown(make_playbook, plan_on, case, day="2026-03-02"):
    """The don'ts a plan shows."""
    return set(plan_on(make_playbook(GUARDED_DONTS), case, D(day)).avoid)


def test_playbook_guards_on_case_facts(make_playbook, make_case, plan_on):
    """Guards written in a playbook see the case's facts, parameters resolved."""
    plain = make_case([], employer={"preferred_channel": "email"})
    assert shown(make_playbook, plan_on, plain) == set()
    caller = make_case([], employer={"may_call": True, "follow_up": "invited"})
    assert shown(make_playbook, plan_on, caller) == {"all", "any", "not", "in", "two-facts"}
    crowd = make_case(
        [],
        interviewers=["A", "B", "C"],
        employer={"preferred_channel": "email", "follow_up": "not_wanted"},
    )
    assert shown(make_playbook, plan_on, crowd) == {"any", "in"}


def test_count_guard_follows_recorded_check_ins(make_playbook, make_case, plan_on):
    """'check_ins ge few' (few = 2) turns on with the second check-in."""
    sent = {"type": "check_in_sent", "channel": "email"}
    employer = {"preferred_channel": "email", "may_call": True}
    one = make_case([{**sent, "date": "2026-03-03"}], employer=employer)
    assert shown(make_playbook, plan_on, one, "2026-03-04") == {"all", "any"}
    two = make_case(
        [{**sent, "date": "2026-03-03"}, {**sent, "date": "2026-03-06"}], employer=employer
    )
    assert shown(make_playbook, plan_on, two, "2026-03-06") == {"any", "count"}


def test_guarded_action_waits_for_its_condition(make_playbook, make_case, plan_on):
    """An action whose guard is false is not recommended; once true, it is."""
    cp = make_playbook(
        """
        actions:
          - id: offer-news
            in: any
            kind: share_update
            when: {competing_offer: true}
            due: {earlier_of: [competing_offer + 1d, offer_deadline - 2d]}
            channel: email
            advice: Tell them.
        """
    )
    assert plan_on(cp, make_case([]), D("2026-03-02")).schedule == ()
    offer = {"date": "2026-03-03", "type": "competing_offer", "deadline": "2026-03-05"}
    plan = plan_on(cp, make_case([offer]), D("2026-03-03"))
    assert [(s.action, s.due) for s in plan.schedule] == [("share_update", D("2026-03-03"))]
    relaxed = plan_on(cp, make_case([{**offer, "deadline": "2026-03-20"}]), D("2026-03-03"))
    assert [s.due for s in relaxed.schedule] == [D("2026-03-04")]
