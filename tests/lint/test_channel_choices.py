"""The channel preferences a proof tries: one per kind of channel the engine would choose, and
per value of the two facts a rule reads; the proof is the same as with every preference."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup import catalog
from followup.lint import prove as prove_module
from followup.lint import space as space_module
from followup.lint.prove import prove
from followup.lint.reads import channel_choices, reads_of
from followup.lint.space import ProofOptions
from followup.model.vocabulary import PREFERRED_CHANNELS

# A coach's playbook that reads whether calls are allowed (a call when they are, an email
# check-in by their preferred channel otherwise): the preferred channel decides what kind of
# contact each check-in is, so it still matters, but only as the kind it gives.
READS_CALLS = """\
id: reads-calls
title: Reads calls
source: {title: A test article}
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}
  - {id: checked-in, from: waiting, on: check_in_sent, to: checked-in}
  - {id: give-up, from: [waiting, checked-in], after: last_contact + 3w, to: closed}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email,
     advice: Thank them.}
  - {id: check-in, in: waiting, kind: check_in, due: interview + 1w,
     channel: [preferred, email], advice: Check in.}
  - {id: call, in: checked-in, kind: final_check_in, due: last_contact + 1w, channel: phone,
     when: {may_call: true}, advice: Call once.}
limits: {max_contacts: 3, min_gap: 7d}
"""
EVERY = [(pc, mc) for pc in (*PREFERRED_CHANNELS, None) for mc in (False, True)]


@pytest.fixture
def reads_calls(tmp_path: Path):
    path = tmp_path / "reads-calls.yaml"
    path.write_text(READS_CALLS, encoding="utf-8")
    return catalog.load(str(path))


def test_a_rule_reading_calls_keeps_both_values_and_no_more(reads_calls):
    pb = reads_calls.playbook
    tried = channel_choices(pb, reads_of(pb))
    assert {mc for _, mc in tried} == {False, True}
    # email, phone and the recruiter are all direct contact; the portal is not: two kinds
    assert len(tried) == 4 < len(EVERY)


def test_the_proof_is_the_same_as_with_every_preference(reads_calls, monkeypatch):
    """Exact: every figure, and every limit's verdict, as when all ten pairs are tried."""
    options = ProofOptions(sound=False)
    reduced = prove(reads_calls, options, 1)
    monkeypatch.setattr(space_module, "channel_choices", lambda pb, reads: EVERY)
    monkeypatch.setattr(prove_module, "_PROOFS", {})  # not the proof just made, remembered
    full = prove(reads_calls, options, 1)
    assert full.cases == reduced.cases * len(EVERY) // 4
    figures = [
        (
            r.contacts.value,
            r.per_round.value,
            r.per7.value,
            r.per30.value,
            r.gap.value,
            r.open.value,
        )
        for r in (reduced, full)
    ]
    assert figures[0] == figures[1]
    assert [b.limit for b in reduced.breaches] == [b.limit for b in full.breaches]
