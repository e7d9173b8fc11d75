"""The lazy command table and the modules that register commands stay in step."""

from __future__ import annotations

import importlib
import subprocess
import sys

from followup.cli.group import AREAS, cli


def test_every_area_registers_exactly_its_commands() -> None:
    """Importing an area module adds exactly the commands the lazy table says it owns."""
    for module, names in AREAS.items():
        before = set(cli.commands)
        importlib.import_module(module)
        added = set(cli.commands) - before
        assert set(names) <= set(cli.commands)
        assert added <= set(names), f"{module} registers commands the table does not list"
    assert set(cli.commands) == {name for names in AREAS.values() for name in names}


def test_plan_does_not_import_other_areas() -> None:
    """Running `plan --help` loads the engine's commands only."""
    code = (
        "import sys; from followup.cli.main import main; main(['plan', '--help']); "
        "print(sorted(m for m in sys.modules if m.endswith('_commands')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "['followup.cli.engine_commands']"
