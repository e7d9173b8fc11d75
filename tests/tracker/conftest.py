"""Run the tracker commands in-process on a temporary database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from followup.cli.main import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
TODAY = "2026-03-12"


@dataclass(frozen=True)
class Result:
    """One CLI run: exit code and captured output."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """Stdout parsed as JSON."""
        return json.loads(self.out)


Cli = Callable[..., Result]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch, tmp_path_factory):
    """No user playbooks, no FOLLOWUP_DB from the outside, holidays cached in a temp folder."""
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def db(tmp_path) -> Path:
    """A database path that does not exist yet (in a folder that does not either)."""
    return tmp_path / "data" / "tracker.db"


@pytest.fixture
def run(capsys) -> Cli:
    """Call ``followup.cli.main.main`` with arguments; return code, stdout and stderr."""

    def call(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return call


@pytest.fixture
def tracker(run, db) -> Cli:
    """Run a tracker command against the test's database (``--db`` appended)."""

    def call(*argv: str | Path) -> Result:
        return run(*argv, "--db", db)

    return call


@pytest.fixture
def acme(tracker) -> str:
    """An application at Acme Corp with two interviewers, interviewed Mon 2026-03-02."""
    result = tracker(
        "add",
        "--company",
        "Acme Corp",
        "--role",
        "Data Engineer",
        "--interviewed",
        "2026-03-02",
        "--country",
        "US",
        "--timezone",
        "America/New_York",
        "--interviewer",
        "Dana Reyes <dana@acme.example>",
        "--interviewer",
        "Sam Okafor <sam@acme.example>",
        "--json",
    )
    assert result.code == 0, result.err
    return str(result.json()["id"])


@pytest.fixture
def example() -> Path:
    """The example case file shipped with the repository."""
    return EXAMPLE
