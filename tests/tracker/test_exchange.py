"""import and export: case files in and out of the tracker, and a round trip that loses nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import msgspec
import pytest

from followup.io.yaml_reader import read_yaml_text
from followup.services import exchange
from followup.services.cases import read_case
from followup.services.exchange import dump_case
from followup.tracker.store import open_store

TODAY = "2026-03-12"


def _case(db: Path, app_id: str):
    with open_store(db) as store:
        return store.case(app_id)


def _plan(run, db: Path, app_id: str) -> dict:
    result = run("status", app_id, "--today", TODAY, "--json", "--db", db)
    assert result.code == 0, result.err
    return result.json()["plan"]


def test_import_keeps_the_case_and_its_plan(tracker, run, db, example):
    """An imported case file is the same case, with the same plan as 'followup plan' gives."""
    result = tracker("import", example)
    assert result.code == 0, result.err
    assert result.out == f"saved: {example} as acme-data-eng\n"
    original, _ = read_case(str(example))
    stored = _case(db, "acme-data-eng")
    assert stored == msgspec.structs.replace(original, file="acme-data-eng")
    direct = run("plan", example, "--today", TODAY, "--json")
    assert _plan(run, db, "acme-data-eng") == direct.json()


def test_import_id_clash_gets_a_new_id(tracker, db, example):
    """Importing a case whose id is taken stores it under a new id and says so."""
    tracker("import", example)
    result = tracker("import", example, "--allow-duplicate")
    assert result.code == 0, result.err
    assert "(the id 'acme-data-eng' was taken)" in result.out
    new_id = result.out.split(" as ")[1].split()[0]
    assert new_id.startswith("acme-corp-")
    assert _case(db, new_id).events == _case(db, "acme-data-eng").events


def test_import_is_all_or_nothing(tracker, db, example, tmp_path):
    """One bad file: every problem reported, located, exit 2, and nothing saved."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "company: Bad\ninterview: 2026-03-02\nevents:\n  - {date: 2026-03-40, type: thank_you}\n",
        encoding="utf-8",
    )
    result = tracker("import", example, bad)
    assert result.code == 2
    lines = result.err.splitlines()
    assert any(line.startswith(f"{bad}:4:") and "2026-03-40" in line for line in lines)
    assert any(line.startswith(f"{bad}:4:") and "thank_you" in line for line in lines)
    assert "Traceback" not in result.err
    with open_store(db) as store:
        assert store.ids() == []


def test_import_unknown_playbook_is_located(tracker, tmp_path):
    """A case naming an unknown playbook is refused at its playbook line."""
    case = tmp_path / "c.yaml"
    case.write_text("interview: 2026-03-02\nplaybook: fine-lime\n", encoding="utf-8")
    result = tracker("import", case)
    assert result.code == 2
    assert result.err.startswith(f"{case}:2:11: no playbook with id 'fine-lime'")
    assert "did you mean 'fine-line'" in result.err


def test_import_keeps_events_in_file_order(tracker, db, tmp_path):
    """Same-day events keep the order they were written in."""
    case = tmp_path / "same-day.yaml"
    case.write_text(
        "interview: 2026-03-02\nevents:\n"
        "  - {date: 2026-03-05, type: networked, note: first}\n"
        "  - {date: 2026-03-03, type: thank_you_sent}\n"
        "  - {date: 2026-03-05, type: networked, note: second}\n",
        encoding="utf-8",
    )
    assert tracker("import", case).code == 0
    with open_store(db) as store:
        history = store.history("same-day")
    assert [e.data.get("note", e.data["type"]) for e in history] == [
        "first",
        "thank_you_sent",
        "second",
    ]


def _busy_history(tracker, example) -> list[str]:
    """Applications with retractions, a close and a reopen, and every kind of field."""
    tracker("import", example)
    a = "acme-data-eng"
    tracker("log", a, "check_in_sent", "--date", "2026-03-09", "--channel", "email")
    tracker("log", a, "networked", "--date", "2026-03-09", "--note", "1e3: yes, null")
    tracker("undo", a)
    tracker(
        "log", a, "reply", "--date", "2026-03-10", "--outcome", "still_deciding",
        "--decision-by", "2026-03-20", "--note", "Ünïcödé # not a comment",
    )  # fmt: skip
    other = tracker(
        "add", "--company", "true", "--role", "1e3", "--interviewed", "2026-03-03",
        "--decision-in", "2w", "--follow-up", "not_wanted", "--follow-up-after", "3bd",
        "--channel", "recruiter", "--may-call", "--interviewer", "Solo",
        "--interviewer", "Duo <duo@x.example>", "--playbook", "stalker-free",
        "--country", "GB", "--timezone", "Europe/London",
    ).out.strip()  # fmt: skip
    tracker("log", other, "competing_offer", "--date", "2026-03-05", "--deadline", "2026-03-19")
    tracker("log", other, "committed", "--date", "2026-03-06", "--due", "2026-03-13")
    tracker("close", other, "--date", "2026-03-07")
    tracker("reopen", other)
    closed = tracker(
        "add", "--company", "Closed", "--role", "R", "--interviewed", "2026-03-01"
    ).out.strip()
    tracker("close", closed, "--as", "rejection", "--date", "2026-03-04")
    return [a, other, closed]


def test_round_trip_loses_nothing(tracker, run, db, tmp_path, example):
    """import(export(x)) into a fresh tracker: the same case models and identical plans."""
    ids = _busy_history(tracker, example)
    out = tmp_path / "exported"
    result = tracker("export", "--out", out)
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.yaml" for i in ids)
    fresh = tmp_path / "fresh.db"
    again = run("import", *sorted(out.iterdir()), "--db", fresh)
    assert again.code == 0, again.err
    assert "was taken" not in again.out
    for app_id in ids:
        assert _case(fresh, app_id) == _case(db, app_id)
        assert _plan(run, fresh, app_id) == _plan(run, db, app_id)
    # The fresh tracker's export is the same text: nothing drifts on a second trip.
    second = run("export", *ids, "--db", fresh).out
    first = tracker("export", *ids).out
    strip = [line for line in first.splitlines() if "retracted" not in line]
    assert second.splitlines() == strip


def test_export_leaves_out_retracted_events_and_says_so(tracker, example):
    """Retracted entries are not in the case file; a comment counts them."""
    tracker("import", example)
    tracker("log", "acme", "networked", "--date", "2026-03-04", "--note", "oops")
    tracker("undo", "acme")
    text = tracker("export", "acme").out
    assert "# 1 retracted entry left out; 'followup status acme-data-eng' lists them." in text
    assert "oops" not in text
    assert read_yaml_text(text, "x").data["events"] == [
        {"date": "2026-03-02", "type": "thank_you_sent", "channel": "email"}
    ]


def test_export_to_stdout_separates_documents(tracker, example):
    """Several applications on stdout are separate YAML documents."""
    tracker("import", example)
    tracker("add", "--company", "Beta", "--role", "R", "--interviewed", "2026-03-02")
    parts = tracker("export").out.split("---\n")
    assert len(parts) == 2
    assert [read_yaml_text(p, "x").data["company"] for p in parts] == ["Acme Corp", "Beta"]


@pytest.mark.parametrize(
    "value", ["1e3", "yes", "null", "~", "true", "0x1F", ".inf", "2026-03-02", "a: b", "#x", ""]
)
def test_dump_case_reads_back_exactly(value):
    """Strings YAML 1.1 and 1.2 read differently still come back as the same strings."""
    data = {"id": "x", "company": value, "interview": "2026-03-02", "events": []}
    assert read_yaml_text(dump_case(data), "x").data == data


def test_dump_case_falls_back_to_quoting_every_string(monkeypatch):
    """Should the readable dump ever misread a value, every string is quoted instead."""
    monkeypatch.setattr(exchange, "_NOT_TEXT", re.compile(r"(?!)"))  # quote nothing specially
    data = {"id": "x", "company": "1e3", "interview": "2026-03-02", "events": []}
    text = dump_case(data)
    assert 'company: "1e3"' not in text
    assert '"company": "1e3"' in text
    assert read_yaml_text(text, "x").data == data


def test_export_unknown_out_folder_is_refused(tracker, example, tmp_path):
    """An --out that cannot be created exits 2 naming it."""
    tracker("import", example)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = tracker("export", "--out", blocker / "sub")
    assert result.code == 2
    assert "--out: cannot write" in result.err


def test_export_json_free_of_internal_keys(tracker, db, example):
    """An exported case has only case-file keys (validated by the case schema on import)."""
    tracker("import", example)
    data = read_yaml_text(tracker("export", "acme").out, "x").data
    assert list(data) == [
        "id",
        "company",
        "role",
        "interview",
        "country",
        "timezone",
        "playbook",
        "interviewers",
        "employer",
        "events",
    ]
    assert json.dumps(data)  # plain data, nothing YAML-specific
