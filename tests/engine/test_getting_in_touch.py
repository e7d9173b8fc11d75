"""Getting in touch without a check-in (`contacted`): a contact, never a check-in.

A coach's quiet note during a long wait, or one call to the company's main line, is a direct
contact like any other (it moves `last_contact` and counts in `contacts`), but it is none of the
check-ins a playbook counts, it does not hold the next check-in back, and, like a check-in, it
is not recommended once they asked you not to follow up.
"""

from __future__ import annotations

from datetime import date

import pytest

D = date.fromisoformat

PLAYBOOK = """
kinds:
  quiet_note: {completed_by: contacted, words: send a short note}
  card: {completed_by: note_sent, words: send a card}
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}
  - {id: checked-in, from: waiting, on: check_in_sent, to: checked-in}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email,
     advice: Thank them.}
  - {id: note, in: [waiting, checked-in], kind: quiet_note, due: interview + 4d, channel: email,
     advice: A short note.}
  - {id: card, in: [waiting, checked-in], kind: card, due: interview + 12d, channel: mail,
     advice: A card.}
  - id: check-in
    in: [waiting, checked-in]
    kind: check_in
    due: interview + 5d
    repeat: {every: 1w, max: 3}
    when: {check_ins: {lt: 2}}
    channel: email
    advice: Check in.
"""
THANKED = {"date": "2026-03-02", "type": "thank_you_sent", "channel": "email"}
NOTE = {"date": "2026-03-06", "type": "contacted", "channel": "email"}


@pytest.fixture
def cp(make_playbook):
    return make_playbook(PLAYBOOK)


def test_the_note_is_a_step_done_by_getting_in_touch(cp, make_case, plan_on):
    plan = plan_on(cp, make_case([THANKED]), D("2026-03-03"))
    assert [(s.action, s.due, s.words) for s in plan.next] == [
        ("quiet_note", D("2026-03-06"), "send a short note")
    ]
    after = plan_on(cp, make_case([THANKED, NOTE]), D("2026-03-07"))
    assert "quiet_note" not in [s.action for s in after.schedule]


def test_getting_in_touch_is_a_contact_but_no_check_in(cp, make_case, plan_on):
    """It neither moves the case as a check-in would nor uses one up: both check-ins follow."""
    plan = plan_on(cp, make_case([THANKED, NOTE]), D("2026-03-07"))
    assert plan.state == "waiting"
    check_ins = [s for s in plan.schedule if s.action == "check_in"]
    assert len(check_ins) == 2
    # The contact gap still counts from it: three days after the note, not the day after.
    assert check_ins[0].due == D("2026-03-09")


def test_a_check_in_in_its_place_would_use_one_up(cp, make_case, plan_on):
    """The contrast: the same day's message recorded as a check-in leaves one check-in."""
    as_check_in = {**NOTE, "type": "check_in_sent"}
    plan = plan_on(cp, make_case([THANKED, as_check_in]), D("2026-03-07"))
    assert plan.state == "checked-in"
    assert len([s for s in plan.schedule if s.action == "check_in"]) == 1


def test_once_they_ask_you_not_to_follow_up_it_is_not_recommended(cp, make_case, plan_on):
    """A follow-up they can turn down: off, as check-ins are; a card (a note_sent) stays."""
    stop = {"date": "2026-03-03", "type": "reply", "outcome": "no_follow_up"}
    plan = plan_on(cp, make_case([THANKED, stop]), D("2026-03-04"))
    actions = [s.action for s in plan.schedule]
    assert "quiet_note" not in actions
    assert "check_in" not in actions
    assert "card" in actions
