"""Every test and scenario runs away from the developer's own followup folders.

Without this, a real database or folder of coach playbooks on the machine running the tests
could change what they see.  The database and config folder are new for each test; the holiday
cache is shared by the session (it only ever holds public-holiday data).
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_user_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Point the database, caches and config folder at temporary places; no coach folders."""
    mine = Path(tmp_path_factory.mktemp("user"))
    monkeypatch.setenv("FOLLOWUP_DB", str(mine / "followup.db"))
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(mine / "config"))
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path_factory.getbasetemp() / "holiday-cache"))
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
