"""``followup validate`` and ``followup playbooks``, plus ``python -m followup``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLAYBOOK_FILES = sorted((REPO / "playbooks").glob("*.yaml"))
WEEK = REPO / "playbooks" / "week-then-on-hold.yaml"
SOURCE = '"Tips for following up appropriately after an interview" (2012-09-28)'

OWN_PLAYBOOK = """\
id: my-own
title: My own way
source: {title: My notes}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.}
"""


def blocks(text: str) -> dict[str, list[str]]:
    """The titles under the table, per playbook: id (before the colon) -> its lines.

    (The listing was one paragraph per playbook; it is now a table, then each playbook's title
    and source, which is what these tests read.)
    """
    found: dict[str, list[str]] = {}
    current: list[str] = []
    titles = text.split("\n\n")[1]
    for line in titles.splitlines():
        if line and not line[0].isspace():
            current = [line]
            found[line.split()[0].rstrip(":")] = current
        elif line:
            current.append(line)
    return found


def test_validate_ok(cli, example):
    """A good playbook and a good case each get an 'ok' line and exit 0."""
    result = cli("validate", WEEK, example)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [f"{WEEK}: ok (playbook)", f"{example}: ok (case)"]
    assert result.err == ""


@pytest.mark.parametrize("path", PLAYBOOK_FILES, ids=lambda p: p.stem)
def test_every_bundled_playbook_validates(cli, path):
    """Each playbook shipped in playbooks/ passes validate."""
    result = cli("validate", path)
    assert result.code == 0, result.err
    assert result.out.strip() == f"{path}: ok (playbook)"


def test_validate_failing_reports_located_problems(cli, tmp_path, example):
    """A bad file is reported as file:line:col lines and exit 2; good files still say ok."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ninterview: 2026-03-02\nrole: 7\n", encoding="utf-8")
    result = cli("validate", example, bad)
    assert result.code == 2
    assert f"{example}: ok (case)" in result.out
    assert "bad.yaml: ok" not in result.out
    lines = result.err.splitlines()
    assert lines
    assert all(line.startswith(f"{bad}:3:7: ") for line in lines)
    assert "expected text" in lines[0]


@pytest.mark.parametrize("text", ["id: started\n", "{}\n"])
def test_a_file_just_begun_is_not_guessed_to_be_a_case(cli, tmp_path, text):
    """A file with nothing but an id says it could be either, instead of asking for an
    interview date the coach never meant to give."""
    begun = tmp_path / "begun.yaml"
    begun.write_text(text, encoding="utf-8")
    result = cli("validate", begun)
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{begun}:1:1: nothing says whether this is a playbook or a case")
    assert "interview" in lines[0]
    assert "transitions" in lines[0]


def test_validate_needs_a_file(cli):
    """validate without a file is a usage error."""
    result = cli("validate")
    assert result.code == 2
    assert "Traceback" not in result.err


def test_playbooks_lists_the_bundled_playbook_with_its_source(cli):
    """The text list names week-then-on-hold, its title and its source."""
    result = cli("playbooks")
    assert result.code == 0, result.err
    listed = blocks(result.out)
    assert set(listed) == {p.stem for p in PLAYBOOK_FILES}
    week = " ".join(line.strip() for line in listed["week-then-on-hold"])  # wrapped to the width
    assert "A week, then on hold" in week
    assert f"source: {SOURCE}" in week
    assert "(yours)" not in week


def test_playbooks_json(cli):
    """--json lists every bundled playbook with id, title, source and where it comes from."""
    result = cli("playbooks", "--json")
    assert result.code == 0, result.err
    rows = {row["id"]: row for row in json.loads(result.out)}
    assert set(rows) == {p.stem for p in PLAYBOOK_FILES}
    week = rows["week-then-on-hold"]
    assert week["title"] == "A week, then on hold"
    assert week["source"] == SOURCE
    assert week["bundled"] is True
    assert Path(week["file"]).name == "week-then-on-hold.yaml"


def test_playbooks_includes_your_own_folder(cli, tmp_path):
    """--playbooks DIR adds your playbooks, marked as yours, and plan can use them."""
    (tmp_path / "my-own.yaml").write_text(OWN_PLAYBOOK, encoding="utf-8")
    result = cli("playbooks", "--playbooks", tmp_path)
    assert result.code == 0, result.err
    listed = blocks(result.out)
    assert "(yours)" in listed["my-own"][0]
    assert 'source: "My notes"' in " ".join(line.strip() for line in listed["my-own"])
    assert "week-then-on-hold" in listed
    case = tmp_path / "case.yml"
    case.write_text("id: mine\ninterview: 2026-03-02\nplaybook: my-own\n", encoding="utf-8")
    planned = cli("plan", case, "--playbooks", tmp_path, "--today", "2026-03-02", "--json")
    assert planned.code == 0, planned.err
    assert json.loads(planned.out)["playbook"] == "my-own"


def test_playbooks_folder_that_does_not_exist(cli, tmp_path):
    """--playbooks naming a missing folder exits 2."""
    result = cli("playbooks", "--playbooks", tmp_path / "missing")
    assert result.code == 2
    assert "missing" in result.err
    assert "Traceback" not in result.err


def test_python_dash_m_version():
    """``python -m followup --version`` prints the version and exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", "followup", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "followup, version 0.1.0"
