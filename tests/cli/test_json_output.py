"""Every command a script might call has --json, and its output matches the documented schema
(src/followup/schemas/output.schema.json, `#/$defs/output_<command>`)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import jsonschema
import pytest

from followup.cli.group import cli
from followup.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "src" / "followup" / "schemas" / "output.schema.json").read_text())
EXAMPLE = ROOT / "examples" / "cases" / "acme-data-eng.yaml"
TODAY = "2026-03-12"


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(cli)
    found = {}
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None
        found[name] = command
    return found


def _validate(command: str, value: object) -> None:
    schema = {**SCHEMA, "$ref": f"#/$defs/output_{command}"}
    jsonschema.validate(value, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_is_a_valid_schema() -> None:
    """The documented schema is itself valid JSON Schema (2020-12)."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_command_with_json_has_a_documented_schema() -> None:
    """No command prints JSON without a schema for it, and the tracker's all have --json."""
    with_json = {
        name
        for name, command in _commands().items()
        if any("--json" in p.opts for p in command.params)
    }
    assert {n for n in with_json if f"output_{n}" not in SCHEMA["$defs"]} == set()
    tracker = {"add", "log", "undo", "today", "list", "status", "snooze", "close", "reopen"}
    tracker |= {"import", "edit", "archive", "unarchive", "unsnooze", "history", "draft"}
    assert tracker <= with_json


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A tracker, config folder and cache of the test's own."""
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "t.db"))
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    return tmp_path


def _json(capsys, *argv: str | Path) -> object:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, f"{argv}: {err}"
    if argv[0] == "agenda":
        return [json.loads(line) for line in out.splitlines()]
    return json.loads(out)


def test_every_command_prints_json_matching_its_schema(env, capsys) -> None:
    """Each command run with --json, in the order a job seeker would; each answer validated."""
    t = ("--today", TODAY)
    runs: list[tuple[str, tuple[str | Path, ...]]] = [
        (
            "add",
            (
                "--company",
                "Beta",
                "--role",
                "R",
                "--interviewed",
                "2026-03-02",
                "--interviewer",
                "Ann <ann@beta.example> +1 555 010 0100",
            ),
        ),
        ("import", (EXAMPLE, *t)),
        ("log", ("beta", "thank_you_sent", "--date", "2026-03-02", *t)),
        ("edit", ("beta", "--add-recruiter", "Rita +44 20 7946 0000")),
        ("undo", ("beta",)),
        ("snooze", ("beta", "--until", "2026-03-20", *t)),
        ("unsnooze", ("beta", *t)),
        ("today", t),
        ("list", t),
        ("status", ("beta", *t)),
        ("history", ("--since", "2026-03-01")),
        ("draft", ("acme", *t)),
        ("switch", ("beta", "fine-line", *t)),
        ("choose", ("beta", *t)),
        ("close", ("beta", "--as", "withdrew", *t)),
        ("reopen", ("beta",)),
        ("archive", ("beta",)),
        ("unarchive", ("beta",)),
        ("doctor", t),
        ("config", ()),
        ("plan", (EXAMPLE, *t)),
        ("explain", (EXAMPLE, *t)),
        ("validate", (EXAMPLE, ROOT / "playbooks" / "fine-line.yaml")),
        ("lint", (ROOT / "playbooks" / "fine-line.yaml",)),
        ("agenda", (EXAMPLE.parent, *t)),
        ("compare", (EXAMPLE, *t)),
        ("playbooks", ()),
        ("prove", ("week-then-on-hold", "--quick", "--horizon", "7")),
    ]
    covered = set()
    for command, argv in runs:
        value = _json(capsys, command, *argv, "--json")
        if command == "agenda":
            for line in value:  # type: ignore[attr-defined]
                _validate(command, line)
        else:
            _validate(command, value)
        covered.add(command)
    documented = {k.removeprefix("output_") for k in SCHEMA["$defs"] if k.startswith("output_")}
    assert documented == covered


def test_the_schema_refuses_a_misleading_value() -> None:
    """The schema is strict where it matters: an upcoming step is not '0 days overdue'."""
    item = {
        "id": "a",
        "company": "A",
        "role": "R",
        "action": "check_in",
        "due": "2026-03-20",
        "channel": "email",
        "why": "w",
        "source": "s",
        "days_overdue": -8,
        "recipients": [],
        "record_event": "check_in_sent",
        "record_command": "followup log a check_in_sent",
        "record_flags": [],
    }
    answer = {
        "today": None,
        "due": [],
        "upcoming": [item],
        "snoozed": [],
        "closed_today": [],
        "worth_knowing": [],
    }
    with pytest.raises(jsonschema.ValidationError):
        _validate("today", answer)
    _validate("today", answer | {"upcoming": [item | {"days_overdue": None}]})


def test_validate_json_names_each_problem_and_exits_2(tmp_path, capsys) -> None:
    """A bad file: its problems in the JSON (and located on stderr), exit 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("interview: 2026-02-30\n", encoding="utf-8")
    capsys.readouterr()
    code = main(["validate", str(bad), str(EXAMPLE), "--json"])
    out, err = capsys.readouterr()
    assert code == 2
    answer = json.loads(out)
    _validate("validate", answer)
    assert answer["ok"] is False
    [problem] = answer["files"][0]["problems"]
    assert (problem["file"], problem["line"]) == (str(bad), 1)
    assert answer["files"][1]["problems"] == []
    assert err.startswith(f"{bad}:1:")


def test_lint_json_counts_errors_and_exits_2(tmp_path, capsys) -> None:
    """A playbook with errors: each with its code and severity in the JSON, exit 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: broken\ntitle: x\n", encoding="utf-8")
    capsys.readouterr()
    code = main(["lint", str(bad), "--json"])
    out, _ = capsys.readouterr()
    assert code == 2
    answer = json.loads(out)
    _validate("lint", answer)
    assert answer["ok"] is False
    assert answer["errors"] == len(answer["files"][0]["problems"]) > 0
    assert {p["severity"] for p in answer["files"][0]["problems"]} == {"error"}
