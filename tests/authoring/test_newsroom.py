"""The "journalism careers" coach's playbook (features/authoring/newsroom.yaml), written from the
docs alone with the language's newer words (a time of day, a window, the time between two dates,
a cap per round, a call to the company, never closing, getting in touch without a check-in):
lint finds nothing to say, and the sound proof shows the limit it declares holds, tightly, on a
playbook that never closes."""

from __future__ import annotations

from pathlib import Path

from followup import catalog
from followup.lint import lint_file
from followup.lint.prove import prove

PLAYBOOK = Path(__file__).resolve().parents[2] / "features" / "authoring" / "newsroom.yaml"


def test_it_is_lint_clean():
    problems, cp, _ = lint_file(PLAYBOOK)
    assert cp is not None
    assert [str(p) for p in problems] == []


def test_its_cap_per_round_holds_under_the_sound_proof():
    cp = catalog.load(str(PLAYBOOK))
    report = prove(cp)
    assert report.ok
    assert not report.closes  # it never closes on its own, by design
    assert report.per_round.value == cp.playbook.limits.max_contacts_per_round


def test_the_note_and_the_call_are_no_check_ins_so_nothing_is_opted_out():
    """The note may come before their date, and neither it nor the call is one of the two
    check-ins a round: each is a kind of the playbook's own, done by getting in touch."""
    cp = catalog.load(str(PLAYBOOK))
    assert cp.playbook.opt_outs == ()
    kinds = {a.id: a.kind for a in cp.playbook.actions}
    for rule in ("note-during-a-long-wait", "ring-the-desk"):
        assert cp.completed_by[kinds[rule]] == "contacted"
