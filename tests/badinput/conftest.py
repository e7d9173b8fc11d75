"""Run the CLI in-process on hostile or broken files and take apart what it reports."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
TODAY = "2026-03-12"
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


@dataclass(frozen=True)
class Report:
    """One CLI run on a bad file: exit code, output, and how long it took."""

    code: int
    out: str
    err: str
    seconds: float

    def problems(self) -> list[re.Match[str]]:
        """Every stderr line, each parsed as file:line:col: message (None if it is not)."""
        return [LOCATED.match(line) for line in self.err.splitlines()]


Check = Callable[[str, Path], Report]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch, tmp_path_factory):
    """No user playbook folders, and the holiday cache in a temporary folder."""
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def check(capsys) -> Check:
    """Run ``validate FILE`` or ``plan`` on a bad case or playbook file.

    ``plan`` plans the file when it is a case, or plans the example case with ``--playbook
    FILE`` when it is a playbook.
    """

    def run(command: str, path: Path, *, playbook: bool = False) -> Report:
        if command == "validate":
            argv = ["validate", str(path)]
        elif playbook:
            argv = ["plan", str(EXAMPLE), "--playbook", str(path), "--today", TODAY]
        else:
            argv = ["plan", str(path), "--today", TODAY]
        capsys.readouterr()
        # CPU time of this process: the work done, whatever else the machine is running.
        start = time.process_time()
        code = main(argv)
        seconds = time.process_time() - start
        out, err = capsys.readouterr()
        return Report(code, out, err, seconds)

    return run
