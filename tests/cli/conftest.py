"""Run the CLI in-process and capture what it prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"


@dataclass(frozen=True)
class Result:
    """One CLI run: exit code and captured output."""

    code: int
    out: str
    err: str


Cli = Callable[..., Result]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch, tmp_path_factory):
    """No user playbook folders, and the holiday cache in a temporary folder."""
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def cli(capsys) -> Cli:
    """Call ``followup.cli.main.main`` with arguments; return code, stdout and stderr."""

    def run(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def example() -> Path:
    """The example case file shipped with the repository."""
    return EXAMPLE
