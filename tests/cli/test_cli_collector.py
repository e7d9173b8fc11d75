"""A command's process runs without the cyclic collector, except the commands that run long."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from followup.cli.main import main, run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def collector_restored():
    """Whatever a test does to the collector, the next test finds it on."""
    yield
    gc.enable()


def test_run_turns_the_collector_off(monkeypatch, capsys, collector_restored):
    """`followup plan` (through the console-script entry point) runs with the collector off."""
    case = ROOT / "examples" / "cases" / "acme-data-eng.yaml"
    monkeypatch.setattr(sys, "argv", ["followup", "plan", str(case), "--today", "2026-03-12"])
    with pytest.raises(SystemExit) as done:
        run()
    assert done.value.code == 0
    assert "check in" in capsys.readouterr().out
    assert not gc.isenabled()


@pytest.mark.parametrize("command", [["lint"], ["prove", "--quick"]])
def test_long_commands_turn_it_back_on(command, capsys, collector_restored):
    """lint and prove may run for long: they collect garbage as usual."""
    gc.disable()
    code = main([*command, str(ROOT / "playbooks" / "stalker-free.yaml")])
    capsys.readouterr()
    assert code == 0
    assert gc.isenabled()
