"""The "journalism careers" coach's playbook (features/authoring/newsroom.yaml), written from the
docs alone with the language's newer words (a time of day, a window, the time between two dates,
a cap per round, a call to the company, never closing, an opt-out): lint finds nothing to say,
and the sound proof shows the limit it declares holds, tightly, on a playbook that never closes."""

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


def test_the_note_before_their_date_is_an_explicit_opt_out():
    cp = catalog.load(str(PLAYBOOK))
    assert [o.rule for o in cp.playbook.opt_outs] == ["wait-past-their-date"]
    assert all(o.reason for o in cp.playbook.opt_outs)
