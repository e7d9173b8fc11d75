"""Run ``followup spec`` in-process in a folder of its own, away from the user's playbooks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLED_IDS = (
    "dos-and-donts",
    "fine-line",
    "how-many-times",
    "stalker-free",
    "week-then-on-hold",
)
# A feature that passes, and a coach's playbook (for a `coach` folder), for the tests to vary.
PASSING = """\
Feature: A thank-you moves the case on
  Scenario: Thanked the same day
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    When I sent a thank-you by email on 2026-03-02
    Then the state is "thanked"
"""
OWN_PLAYBOOK = """\
id: two-nudges
title: Two polite nudges
source: {title: Our coaching notes}
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}
actions:
  - {id: thank, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Thanks}
"""


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """Work in an empty folder; no coach folders unless a test names them."""
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def write() -> Callable[[Path, str], Path]:
    """Write text to a file (creating its folder) and return the file's path."""

    def put(path: Path, text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return put
