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
