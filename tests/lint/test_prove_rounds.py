"""``prove`` measures direct contacts per interview round beside the whole application's."""

from __future__ import annotations

from followup import catalog
from followup.lint.prove import prove
from followup.lint.space import ProofOptions, build_space

from .conftest import HEADER

# A thank-you and one check-in per round; `{nudge}` says which count caps the check-in.
ROUNDS = (
    HEADER.format(id="rounds")
    + """\
limits:
  max_contacts_per_round: 2
  max_contacts: 3
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: give-up, from: [interviewed, thanked, waiting], after: interview + 3w, to: closed,
     source: s}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.,
     source: s}
  - id: nudge
    in: [thanked, waiting]
    kind: check_in
    due: last_contact + 1w
    repeat: {every: 1w, max: 3}
    when: {NUDGE: {lt: 1}}
    channel: email
    advice: Check in once.
    source: s
opt_out:
  - {rule: keep-promises, reason: a promise would be one more contact in its round, source: s}
"""
)


def _report(write, fact: str):
    path = write(f"rounds-{fact}.yaml", ROUNDS.replace("NUDGE", fact))
    return prove(catalog.load(str(path)), ProofOptions(sound=False))


def test_a_cap_per_round_holds_while_the_whole_application_makes_more(write):
    """One check-in a round: two contacts in any round, four over two rounds."""
    report = _report(write, "check_ins_this_round")
    assert report.per_round.value == 2
    assert report.contacts.value == 4
    assert {b.limit for b in report.breaches} == {"max_contacts"}
    witness = report.contacts.witness
    assert witness is not None
    assert any(ev[3] == "next_round" for ev in witness.events)


def test_a_reply_restarts_check_ins_but_not_the_round(write):
    """Capped by `check_ins` (since their last reply), a 'still deciding' reply allows a second
    check-in in the same round: three contacts in one round break the per-round limit."""
    report = _report(write, "check_ins")
    assert report.per_round.value == 3
    (breach,) = [b for b in report.breaches if b.limit == "max_contacts_per_round"]
    assert (breach.allowed, breach.found) == (2, 3)
    outcomes = [ev[3] for ev in breach.witness.events if ev[1] == "reply"]
    assert outcomes == ["still_deciding"]


def test_prove_names_the_per_round_limit(cli, write):
    """The coach reads the per-round worst case and the broken limit in words."""
    path = write("rounds.yaml", ROUNDS.replace("NUDGE", "check_ins"))
    result = cli("prove", path)
    assert result.code == 2
    assert "direct contacts in one interview round" in result.out
    assert "3 direct contacts in one interview round, more than max_contacts_per_round" in (
        result.out
    )


def test_a_promise_kept_is_no_contact_a_limit_counts(write):
    """A promise the job seeker makes and keeps is their own word, which the employer agreed to:
    the per-round cap counts the playbook's steps only, though the engine counts the promise as a
    contact (and the check-ins after it wait for it)."""
    keeping = ROUNDS.replace("NUDGE", "check_ins_this_round").replace(
        "opt_out:\n  - {rule: keep-promises, reason: a promise would be one more contact in its "
        "round, source: s}\n",
        "",
    )
    cp = catalog.load(str(write("keeping.yaml", keeping)))
    assert "promise to follow up" in [
        n.name for n in build_space(cp.playbook, ProofOptions(120, sound=False)).inputs
    ]
    report = prove(cp, ProofOptions(sound=False))
    assert report.per_round.value == 2  # 3 if the promise kept after the check-in counted
