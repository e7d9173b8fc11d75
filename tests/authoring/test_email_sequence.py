"""The "email sequence" coach's playbook (features/authoring/), written from the docs alone:
lint finds nothing to say, and the prover shows every limit it declares holds, tightly."""

from __future__ import annotations

from pathlib import Path

from followup import catalog
from followup.lint import lint_file
from followup.lint.prove import prove
from followup.lint.space import ProofOptions

PLAYBOOK = Path(__file__).resolve().parents[2] / "features" / "authoring" / "email-sequence.yaml"


def test_it_is_lint_clean():
    problems, cp, _ = lint_file(PLAYBOOK)
    assert cp is not None
    assert [str(p) for p in problems] == []


def test_it_keeps_its_caps_per_round_and_in_all():
    report = prove(catalog.load(str(PLAYBOOK)), ProofOptions(sound=False))
    limits = report.cp.playbook.limits
    assert report.ok
    assert report.closes
    assert (report.per_round.value, report.contacts.value) == (
        limits.max_contacts_per_round,
        limits.max_contacts,
    )
