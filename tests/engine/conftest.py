"""Builders for the engine tests: small inline playbooks and cases, planned on a given day."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from followup.compile import CompiledPlaybook, compile_playbook
from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.language.playbook_loader import build_playbook
from followup.model.case import Case
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.holiday_library import HolidaysLibraryProvider

HEADER = "id: inline\ntitle: Inline\nsource: {title: A test article}\n"
PLAIN = BusinessCalendar(None)
US = BusinessCalendar("US", HolidaysLibraryProvider())

# A frozen copy of the first bundled playbook (week-then-on-hold as first committed), so these
# tests pin the engine's semantics while coaches keep editing the real file.
WEEKLY = """
parameters:
  thank_you_window: 2d
  first_check_in: 1w
  on_hold_every: 1.5w
  max_check_ins: 3
  give_up_after: 2mo
transitions:
  - {id: thank-you-sent, from: interviewed, on: thank_you_sent, to: thanked}
  - {id: thank-you-window-passed, from: interviewed, after: interview + thank_you_window,
     to: waiting}
  - {id: waiting-game, from: thanked, after: state_entered + 1d, to: waiting}
  - {id: checked-in, from: [interviewed, thanked, waiting], on: check_in_sent, to: checked-in}
  - {id: no-answer-means-on-hold, from: checked-in, after: last_contact + on_hold_every,
     to: on-hold}
  - id: back-off-after-a-few-tries
    from: on-hold
    after: last_contact + on_hold_every
    when: {check_ins: {ge: max_check_ins}}
    to: closed
    outcome: moved_on
  - id: back-off-after-two-months
    from: [waiting, checked-in, on-hold]
    after: interview + give_up_after
    to: closed
    outcome: moved_on
actions:
  - {id: thank-you-note, in: interviewed, kind: thank_you, due: interview, channel: [email, mail],
     advice: Always send a thank-you., source: Write thank you notes}
  - {id: flag-competing-offer, in: any, kind: share_update, when: {competing_offer: true},
     due: competing_offer, channel: [preferred, email], advice: Tell them.}
  - id: check-in-when-they-said
    in: [thanked, waiting]
    kind: check_in
    when: {has_follow_up_after: true, follow_up: {is_not: not_wanted}}
    due: {later_of: [follow_up_after, reply + first_check_in]}
    channel: [preferred, email]
    advice: Follow their protocol.
  - id: check-in-after-a-week
    in: [thanked, waiting]
    kind: check_in
    when: {has_follow_up_after: false, follow_up: {is_not: not_wanted}}
    due: {later_of: [interview + first_check_in, decision_by, reply + first_check_in]}
    channel: [preferred, email]
    advice: Give it a week, then check in.
    source: Wait a week, and then check in
  - id: on-hold-check-in
    in: on-hold
    kind: check_in
    when: {check_ins: {lt: max_check_ins}, follow_up: {is_not: not_wanted}}
    due: last_contact + on_hold_every
    repeat: {every: on_hold_every, max: max_check_ins}
    channel: [preferred, email]
    advice: Follow up about every week and a half.
  - {id: move-on, in: on-hold, kind: move_on, when: {check_ins: {ge: max_check_ins}},
     due: last_contact + on_hold_every, channel: none, advice: Stop here.}
avoid:
  - {id: no-phone-ambush, in: [thanked, waiting, checked-in, on-hold],
     when: {preferred_channel: {is_not: phone}}, advice: Don't phone.}
  - {id: respect-no-follow-up, in: any, when: {follow_up: not_wanted},
     advice: They asked you not to follow up.}
"""

MakePlaybook = Callable[[str], CompiledPlaybook]
MakeCase = Callable[..., Case]
PlanOn = Callable[..., Plan]


def compile_text(body: str) -> CompiledPlaybook:
    """Compile a playbook written inline (the id/title/source header is added)."""
    text = HEADER + textwrap.dedent(body)
    return compile_playbook(build_playbook(read_yaml_text(text, "inline.yaml")))


def case_from(
    events: list[dict[str, Any]] | None = None, interview: str = "2026-03-02", **top: Any
) -> Case:
    """Build a case through the real loader (JSON is YAML), Monday 2026-03-02 by default."""
    data: dict[str, Any] = {"id": "c", "interview": interview, **top}
    if events is not None:
        data["events"] = events
    return build_case(read_yaml_text(json.dumps(data), "case.yaml"))


@pytest.fixture
def make_playbook() -> MakePlaybook:
    """Compile an inline playbook body."""
    return compile_text


@pytest.fixture
def make_case() -> MakeCase:
    """Build a case from events and top-level keys."""
    return case_from


@pytest.fixture
def plan_on() -> PlanOn:
    """Plan a case on a day, without a country calendar unless one is given."""

    def plan(cp: CompiledPlaybook, case: Case, today: date, cal: BusinessCalendar = PLAIN) -> Plan:
        return plan_case(cp, case, today, cal)

    return plan


@pytest.fixture(scope="session")
def weekly() -> CompiledPlaybook:
    """The frozen copy of week-then-on-hold: thank, a week, check in, on hold, give up."""
    return compile_text(WEEKLY)


@pytest.fixture(scope="session")
def us_calendar() -> BusinessCalendar:
    """Business days of the United States (weekends and federal holidays)."""
    return US
