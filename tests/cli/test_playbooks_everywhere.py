"""Every command that finds a playbook by id takes ``--playbooks DIR``, and uses that folder."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from followup.cli.group import AREAS, cli
from followup.cli.main import main

# Commands that never read a playbook: they only record, hide or print what was recorded.
NEVER_READ_A_PLAYBOOK = {
    "history",
    "snooze",
    "unsnooze",
    "archive",
    "unarchive",
    "export",
    "completion",
    "config unset",
}

MINE = """\
id: mine
extends: week-then-on-hold
title: Mine, from my own folder
"""


def _commands() -> Iterator[tuple[str, click.Command]]:
    for module in AREAS:
        importlib.import_module(module)
    for name, command in sorted(cli.commands.items()):
        yield name, command
        if isinstance(command, click.Group):
            for sub, inner in sorted(command.commands.items()):
                yield f"{name} {sub}", inner


def test_every_command_that_reads_a_playbook_takes_playbooks():
    """A command either takes --playbooks or is known never to read a playbook."""
    missing = [
        name
        for name, command in _commands()
        if name not in NEVER_READ_A_PLAYBOOK
        and not any("--playbooks" in p.opts for p in command.params)
    ]
    assert missing == []
    assert {name for name, _ in _commands()} >= NEVER_READ_A_PLAYBOOK


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A coach's folder, not on $FOLLOWUP_PLAYBOOKS, holding the playbook 'mine'."""
    coach = tmp_path / "coach"
    coach.mkdir()
    (coach / "mine.yaml").write_text(MINE, encoding="utf-8")
    return coach


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_tracker_finds_a_playbook_in_the_folder_given(folder, tmp_path, capsys):
    """add, log, edit, undo, close and reopen plan with a playbook only --playbooks knows
    (without it, add refuses the id before saving anything)."""
    db = tmp_path / "t.db"
    add = ("add", "--company", "Acme", "--role", "Engineer", "--interviewed", "2026-03-02")
    code, out = _run(capsys, *add, "--playbook", "mine", "--db", db)
    assert code == 2
    assert "no playbook with id 'mine'" in out
    assert not db.exists()  # refused before the tracker is created
    code, out = _run(
        capsys, *add, "--playbook", "mine", "--db", db, "--playbooks", folder, "--json"
    )
    assert code == 0, out
    app = json.JSONDecoder().raw_decode(out)[0]["id"]  # then stderr: the tracker was created
    for argv in (
        ("log", app, "thank_you_sent", "--date", "2026-03-02", "--today", "2026-03-02"),
        ("edit", app, "--role", "Data Engineer"),
        ("undo", app),
        ("close", app, "--date", "2026-03-03", "--today", "2026-03-03"),
        ("reopen", app),
    ):
        code, out = _run(capsys, *argv, "--db", db, "--playbooks", folder)
        assert code == 0, (argv, out)


def test_import_config_and_fmt_find_it_too(folder, tmp_path, capsys):
    case = tmp_path / "acme.yaml"
    case.write_text("id: acme\ninterview: 2026-03-02\nplaybook: mine\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert _run(capsys, "import", case, "--db", db)[0] == 2
    assert _run(capsys, "import", case, "--db", db, "--playbooks", folder)[0] == 0
    assert _run(capsys, "config", "set", "playbook", "mine")[0] == 2
    assert _run(capsys, "config", "set", "playbook", "mine", "--playbooks", folder)[0] == 0
    assert _run(capsys, "config", "get", "playbook", "--playbooks", folder) == (0, "mine\n")
    child = tmp_path / "child.yaml"
    child.write_text("id: child\nextends: mine\n", encoding="utf-8")
    assert _run(capsys, "fmt", child)[0] == 2
    code, out = _run(capsys, "fmt", child, "--playbooks", folder)
    assert code == 0, out
    assert _run(capsys, "fmt", "--check", child, "--playbooks", folder)[0] == 0


def test_the_authoring_guide_names_the_commands_that_never_read_a_playbook():
    """docs/authoring.md names the top-level commands without --playbooks, as the table has
    them (tests/docs/test_authoring_flags.py checks those that take it)."""
    text = " ".join(
        (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text().split()
    )
    start = text.index("in the commands that do not take it, which never read a playbook (")
    listed = text[start : text.index(")", start)]
    top_level = {name for name in NEVER_READ_A_PLAYBOOK if " " not in name}
    assert set(re.findall(r"`([a-z]+)`", listed)) == top_level
