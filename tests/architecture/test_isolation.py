"""Tests never read the developer's own followup folders, not even from a module-wide fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def seen_by_a_module_fixture(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | None]:
    return {
        name: os.environ.get(name)
        for name in ("FOLLOWUP_CONFIG_DIR", "FOLLOWUP_DB", "FOLLOWUP_PLAYBOOKS")
    } | {"base": str(tmp_path_factory.getbasetemp())}


def test_a_module_wide_fixture_sees_temporary_folders_only(
    seen_by_a_module_fixture: dict[str, str | None],
) -> None:
    base = Path(str(seen_by_a_module_fixture["base"]))
    for name in ("FOLLOWUP_CONFIG_DIR", "FOLLOWUP_DB"):
        value = seen_by_a_module_fixture[name]
        assert value is not None
        assert Path(value).is_relative_to(base), name
    assert seen_by_a_module_fixture["FOLLOWUP_PLAYBOOKS"] is None
