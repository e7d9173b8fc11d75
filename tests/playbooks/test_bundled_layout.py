"""The bundled playbooks are kept in the canonical layout that `followup fmt` writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.cli.main import main

PLAYBOOKS = sorted((Path(__file__).resolve().parents[2] / "playbooks").glob("*.yaml"))


def test_bundled_playbooks_are_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    """`followup fmt --check` on every bundled playbook finds nothing to change."""
    assert len(PLAYBOOKS) == 5
    code = main(["fmt", "--check", *map(str, PLAYBOOKS)])
    assert code == 0, capsys.readouterr()
