"""The README's examples are executed, so the docs cannot drift from the code."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from followup.cli.main import main
from followup.compile import compile_playbook
from followup.engine.plan import plan_case
from followup.io.case_loader import build_case
from followup.io.playbook_loader import build_playbook
from followup.io.yaml_reader import read_yaml_text
from followup.timeline.calendar import BusinessCalendar
from followup.validate.files import kind_of

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def blocks(language: str) -> list[tuple[str, str]]:
    """(doc name + index, text) of every fenced block in that language."""
    found = []
    for doc in DOCS:
        for i, match in enumerate(FENCE.finditer(doc.read_text(encoding="utf-8"))):
            if match.group(1) == language:
                found.append((f"{doc.name}#{i}", match.group(2)))
    return found


YAML_BLOCKS = [b for b in blocks("yaml") if not b[1].lstrip().startswith("- ")]
COMMANDS = [
    (name, line[2:])
    for name, text in blocks("console")
    for line in text.splitlines()
    if line.startswith("$ followup ")
]


def test_the_readme_has_examples() -> None:
    """The README shows at least a case, a playbook and the main commands."""
    kinds = {kind_of(read_yaml_text(text, name)) for name, text in YAML_BLOCKS}
    assert kinds == {"case", "playbook"}
    assert len(COMMANDS) >= 6


@pytest.mark.parametrize(("name", "text"), YAML_BLOCKS, ids=[b[0] for b in YAML_BLOCKS])
def test_yaml_examples_load_and_run(name: str, text: str) -> None:
    """Every YAML example in the docs loads, and runs under the engine."""
    doc = read_yaml_text(text, name)
    if kind_of(doc) == "playbook":
        cp = compile_playbook(build_playbook(doc))
        case = build_case(read_yaml_text("interview: 2026-03-02\n", "c.yaml"))
        plan = plan_case(cp, case, case.interview, BusinessCalendar(None))
        assert plan.schedule, "a documented playbook recommends something"
    else:
        case = build_case(doc)
        assert case.events, "the documented case records events"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[c[1] for c in COMMANDS])
def test_documented_commands_succeed(
    name: str, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every `$ followup ...` line in the docs exits 0 from the repository root."""
    monkeypatch.chdir(ROOT)
    argv = shlex.split(command)[1:]
    assert main(argv) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip()
