"""The docs' examples are executed, so they cannot drift from the code.

Every fenced ```yaml block must load (and a playbook must run); every ```console block is one
session: its `$ followup ...` lines run in order, from the repository root, against a fresh
database, cache and config folder, and each must exit 0 and print something.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from followup.catalog import build_document
from followup.cli.main import main
from followup.compile import compile_playbook
from followup.engine.plan import plan_case
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
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


def commands(text: str) -> list[list[str]]:
    """The `$ followup` lines of a console block as argv lists (continuations joined)."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [
        shlex.split(line[2:], comments=True)[1:]
        for line in joined.splitlines()
        if line.startswith("$ followup ")
    ]


def whole_document(text: str) -> bool:
    """A playbook or case file, not a fragment showing one section (a list item, a key)."""
    data = read_yaml_text(text, "doc.yaml").data
    return isinstance(data, dict) and ("id" in data or "interview" in data)


YAML_BLOCKS = [b for b in blocks("yaml") if whole_document(b[1])]
SESSIONS = [(name, commands(text)) for name, text in blocks("console") if commands(text)]


def test_the_readme_has_examples() -> None:
    """The docs show at least a case, a playbook and the main commands."""
    kinds = {kind_of(read_yaml_text(text, name)) for name, text in YAML_BLOCKS}
    assert kinds == {"case", "playbook"}
    assert sum(len(argvs) for _, argvs in SESSIONS) >= 12


@pytest.mark.parametrize(("name", "text"), YAML_BLOCKS, ids=[b[0] for b in YAML_BLOCKS])
def test_yaml_examples_load_and_run(name: str, text: str) -> None:
    """Every YAML example in the docs loads, and runs under the engine."""
    doc = read_yaml_text(text, name)
    if kind_of(doc) == "playbook":
        pb = build_document(doc)
        if pb.extends:
            return  # an extending playbook runs through the catalog; its session covers it
        cp = compile_playbook(pb)
        case = build_case(read_yaml_text("interview: 2026-03-02\n", "c.yaml"))
        plan = plan_case(cp, case, case.interview, BusinessCalendar(None))
        assert plan.schedule, "a documented playbook recommends something"
    else:
        case = build_case(doc)
        assert case.events, "the documented case records events"


@pytest.mark.parametrize(("name", "argvs"), SESSIONS, ids=[s[0] for s in SESSIONS])
def test_documented_sessions_succeed(
    name: str,
    argvs: list[list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each documented session runs line by line, every command exiting 0 with output."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "followup.db"))
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    for argv in argvs:
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, f"followup {' '.join(argv)} exited {code}: {err}"
        assert out.strip(), f"followup {' '.join(argv)} printed nothing"
