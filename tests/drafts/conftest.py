"""Playbooks with templates written to a temporary folder, cases built in code, and the CLI."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from followup.cli.main import main
from followup.compile.machine import CompiledPlaybook, compile_playbook
from followup.io.yaml_reader import read_yaml_file, read_yaml_text
from followup.language.playbook_loader import build_playbook
from followup.model.case import Case, Event, Interviewer
from followup.model.playbook import Playbook

# A small playbook: thank each interviewer, check in twice a week apart, then let go.
TINY = """\
id: tiny
title: Tiny
source: {title: Test notes}
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}
  - {id: nudged, from: waiting, on: check_in_sent, to: checked-in}
  - id: let-go
    from: [waiting, checked-in]
    after: last_contact + 1w
    when: {check_ins: {ge: 2}}
    to: closed
    advice: Two nudges are enough.
actions:
  - id: thank
    in: interviewed
    kind: thank_you
    due: interview
    channel: email
    advice: Thank each interviewer.
  - id: nudge
    in: [waiting, checked-in]
    kind: check_in
    due: {later_of: [interview + 1w, decision_by]}
    repeat: {every: 1w, max: 2}
    channel: email
    advice: Check in a week on.
"""
TINY_LINES = TINY.count("\n")  # the templates section starts on the line after these


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch, tmp_path_factory):
    """No user playbooks or database from the outside; caches in a folder of this test run."""
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path_factory.mktemp("cache")))


WritePlaybook = Callable[..., Path]


@pytest.fixture
def write_playbook(tmp_path) -> WritePlaybook:
    """Write the tiny playbook plus a ``templates:`` section (YAML text) to a file."""

    def write(templates: str = "", name: str = "tiny.yaml") -> Path:
        path = tmp_path / "playbooks" / name
        path.parent.mkdir(exist_ok=True)
        section = "templates:\n" + textwrap.indent(textwrap.dedent(templates), "  ")
        path.write_text(TINY + (section if templates else ""), encoding="utf-8")
        return path

    return write


@pytest.fixture
def first_template_line() -> int:
    """The file line of the first entry under ``templates:`` in a `write_playbook` file."""
    return TINY_LINES + 2


@pytest.fixture
def load() -> Callable[[Path], Playbook]:
    """Read a playbook file into its checked model (templates not yet checked)."""

    def read(path: Path) -> Playbook:
        return build_playbook(read_yaml_file(path))

    return read


@pytest.fixture
def compiled(load) -> Callable[[Path], CompiledPlaybook]:
    """Read and compile a playbook file."""

    def build(path: Path) -> CompiledPlaybook:
        return compile_playbook(load(path))

    return build


@pytest.fixture
def tiny_model() -> Playbook:
    """The tiny playbook without templates."""
    return build_playbook(read_yaml_text(TINY, "tiny.yaml"))


@pytest.fixture
def make_case() -> Callable[..., Case]:
    """Build an application at Acme Corp, interviewed Mon 2026-03-02, two interviewers."""
    return _make_case


def _make_case(*events: Event, interviewers: int = 2, **fields: Any) -> Case:
    people = (
        Interviewer("Dana Reyes", "dana@acme.example"),
        Interviewer("Sam Okafor", "sam@acme.example"),
    )[:interviewers]
    values: dict[str, Any] = {
        "company": "Acme Corp",
        "role": "Data Engineer",
        "interviewers": people,
        "events": tuple(events),
    }
    values.update(fields)
    return Case("acme", date(2026, 3, 2), **values)


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


@pytest.fixture
def cli(capsysbinary, tmp_path) -> Cli:
    """Run ``followup`` in-process against a database in this test's folder."""
    db = tmp_path / "data" / "tracker.db"

    def run(*argv: str | Path) -> Result:
        capsysbinary.readouterr()
        code = main([*(str(a) for a in argv), "--db", str(db)])
        out, err = capsysbinary.readouterr()
        return Result(code, out.decode("utf-8"), err.decode("utf-8"))

    return run


@pytest.fixture
def acme(cli) -> str:
    """An application at Acme Corp (two interviewers, interviewed Mon 2026-03-02)."""
    result = cli(
        "add",
        "--company",
        "Acme Corp",
        "--role",
        "Data Engineer",
        "--interviewed",
        "2026-03-02",
        "--playbook",
        "week-then-on-hold",
        "--interviewer",
        "Dana Reyes <dana@acme.example>",
        "--interviewer",
        "Sam Okafor <sam@acme.example>",
        "--json",
    )
    assert result.code == 0, result.err
    return str(result.json()["id"])
