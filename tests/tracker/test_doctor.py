"""``followup doctor``: checks the file, the schema, the safeguards and every application; repairs
only by adding (safeguards created again, unreplayable applications archived)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
from tests.old_tracker import old_tracker

from followup.tracker import schema
from followup.tracker.store import open_store

TODAY = "2026-03-12"
OUTPUT = Path(__file__).resolve().parents[2] / "src" / "followup" / "schemas" / "output.schema.json"


def _counts(db) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("applications", "events", "archived")
        )
    finally:
        conn.close()


def test_a_healthy_tracker(tracker, acme):
    """Every check ok, exit 0; the JSON names each check."""
    assert tracker("log", acme, "thank_you_sent", "--date", "2026-03-02").code == 0
    result = tracker("doctor", "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == "healthy"
    data = tracker("doctor", "--today", TODAY, "--json").json()
    assert data["healthy"] is True
    assert set(data["checks"]) == {"integrity", "schema", "safeguards", "applications"}
    assert all(c["ok"] for c in data["checks"].values())
    assert data["applications"] == 1


def test_an_empty_tracker_is_healthy(tracker, db):
    """Nothing stored yet is nothing wrong."""
    open_store(db).close()  # a tracker file with no application in it
    assert tracker("doctor").code == 0


def test_a_missing_tracker_is_refused_and_not_created(run, tmp_path):
    """No file at --db: exit 2 naming the file and saying it does not exist (never "healthy"),
    in text and with --json; the file is not created."""
    db = tmp_path / "missing.db"
    for argv in (("doctor",), ("doctor", "--json"), ("doctor", "--repair")):
        result = run(*argv, "--db", db)
        assert result.code == 2, result.out
        assert result.out == ""
        assert str(db) in result.err
        assert "does not exist" in result.err
        assert "Traceback" not in result.err
    assert not list(tmp_path.iterdir())


def test_a_damaged_index_is_reported_not_raised(tracker, acme, db):
    """The page of the applications' id index overwritten: the integrity check names it and
    the applications check says they cannot be read, exit 1 (not an error about an APP)."""
    tracker("add", "--company", "Globex", "--role", "R", "--interviewed", "2026-03-02")
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [(root,)] = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_applications_1'"
    )
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size + 8)  # past the page's header: its cell pointers
        f.write(b"\xff" * 64)
    result = tracker("doctor", "--today", TODAY, "--json")
    assert result.code == 1, result.err
    checks = result.json()["checks"]
    assert checks["integrity"]["ok"] is False
    assert checks["applications"]["ok"] is False


def _damage(db) -> None:
    """Cut the file short, as a disk or a copy that stopped half way would."""
    with open(db, "r+b") as f:
        f.truncate(20_000)


def test_a_damaged_file_fails_the_integrity_check(tracker, acme, db):
    """A truncated file: doctor reports the integrity check failed, in text and in --json
    (the usual shape; the checks it could not run are not ok either), exit 1."""
    for company in ("Globex", "Initech"):
        tracker("add", "--company", company, "--role", "R", "--interviewed", "2026-03-02")
    _damage(db)
    text = tracker("doctor", "--today", TODAY)
    assert text.code == 1, text.err
    assert "integrity" in text.out
    assert text.out.splitlines()[-1] == "problems found"
    assert "Traceback" not in text.err
    data = tracker("doctor", "--today", TODAY, "--json").json()
    assert data["healthy"] is False
    assert data["db"] == str(db)
    assert set(data["checks"]) == {"integrity", "schema", "safeguards", "applications"}
    assert not any(check["ok"] for check in data["checks"].values())
    schema = {**json.loads(OUTPUT.read_text(encoding="utf-8")), "$ref": "#/$defs/output_doctor"}
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    [problem] = data["checks"]["integrity"]["problems"]
    assert problem["id"] is None
    assert problem["repairable"] is False
    repaired = tracker("doctor", "--repair", "--today", TODAY)
    assert repaired.code == 1, repaired.err


def test_old_rows_are_found_and_archived_by_appending(run, tmp_path):
    """Rows from before the id check: named, exit 1; --repair archives them, deleting nothing."""
    db = tmp_path / "old.db"
    old_tracker(
        db,
        {
            "good": {},
            "my case": {},
            "teleport": {"events": [{"date": "2026-03-05", "type": "teleported"}]},
        },
    )
    found = run("doctor", "--today", TODAY, "--db", db, "--json")
    assert found.code == 1
    problems = found.json()["checks"]["applications"]["problems"]
    assert {p["id"] for p in problems} == {"my case", "teleport"}
    assert all(p["repairable"] for p in problems)
    assert "followup doctor --repair" in found.err
    before = _counts(db)
    fixed = run("doctor", "--repair", "--today", TODAY, "--db", db)
    assert fixed.code == 0, fixed.err
    assert "archived teleport (its rows are kept)" in fixed.out
    after = _counts(db)
    assert after[:2] == before[:2]  # nothing deleted
    assert after[2] == before[2] + 2  # two rows added
    listed = run("list", "--all", "--today", TODAY, "--db", db)
    assert listed.code == 0, listed.err
    assert "good" in listed.out
    assert run("doctor", "--today", TODAY, "--db", db).code == 0


def test_dropped_safeguards_are_found_and_writing_is_refused(tracker, acme, db):
    """A trigger dropped by hand: every write refused (pointing at doctor); --repair restores."""
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("DROP TRIGGER events_no_update")
    conn.commit()
    conn.close()
    refused = tracker("log", acme, "note_sent", "--date", "2026-03-05")
    assert refused.code == 2
    assert "refusing to write" in refused.err
    assert "trigger events_no_update is missing" in refused.err
    assert "followup doctor" in refused.err
    assert "Traceback" not in refused.err
    assert tracker("list", "--today", TODAY).code == 0  # reading still works
    found = tracker("doctor", "--json")
    assert found.code == 1
    assert found.json()["checks"]["safeguards"]["ok"] is False
    fixed = tracker("doctor", "--repair")
    assert fixed.code == 0, fixed.err
    assert "trigger events_no_delete created again" in fixed.out
    assert tracker("log", acme, "note_sent", "--date", "2026-03-05").code == 0


def test_a_changed_safeguard_is_found(tracker, acme, db):
    """Dropped and created again doing nothing: as bad as missing."""
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    result = tracker("doctor")
    assert result.code == 1
    assert "trigger events_no_delete was changed" in result.out
    assert tracker("doctor", "--repair").code == 0
    with open_store(db) as store:
        assert schema.damaged_guards(store.conn) == []


def test_a_lost_playbook_is_reported_not_archived(tracker, tmp_path, monkeypatch):
    """It comes back with its file: doctor names it (exit 1) and --repair leaves it alone."""
    from followup.catalog import bundled_dir

    folder = tmp_path / "mine"
    folder.mkdir()
    text = (bundled_dir() / "fine-line.yaml").read_text(encoding="utf-8")
    (folder / "mine.yaml").write_text(text.replace("id: fine-line", "id: mine"), "utf-8")
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(folder))
    added = tracker(
        "add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02", "--playbook", "mine"
    )
    assert added.code == 0, added.err
    (folder / "mine.yaml").unlink()
    result = tracker("doctor", "--repair", "--json")
    assert result.code == 1
    assert result.json()["archived"] == {}
    assert "no playbook with id 'mine'" in result.out


def test_not_a_tracker(run, tmp_path):
    """Another program's database: exit 2, a clean message."""
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    result = run("doctor", "--db", other)
    assert result.code == 2
    assert "not a followup tracker" in result.err


def test_an_application_that_cannot_be_drafted_is_reported(tracker):
    """A 10,000-character name replays but no draft can hold it: doctor says so (exit 1), as
    the calendar does; closing it takes it out of the calendar, and doctor is content."""
    huge = "N" * 10_000
    added = tracker("add", "--company", huge, "--role", huge, "--interviewed", "2026-03-02")
    assert added.code == 0, added.err
    app_id = added.out.strip()
    found = tracker("doctor", "--today", TODAY, "--json")
    assert found.code == 1
    [problem] = found.json()["checks"]["applications"]["problems"]
    assert problem["id"] == app_id
    assert problem["repairable"] is False
    assert f"'followup close {app_id}'" in problem["message"]
    assert tracker("calendar", "--today", TODAY).code == 1  # the same verdict
    assert tracker("close", app_id, "--date", TODAY, "--today", TODAY).code == 0
    assert tracker("doctor", "--today", TODAY).code == 0
    assert tracker("calendar", "--today", TODAY).code == 0


def test_a_row_pointing_nowhere_is_found_and_left_alone(tracker, acme, db):
    """An event written with foreign keys off for an application that does not exist: doctor
    names it under integrity (exit 1); --repair deletes nothing, so it stays reported."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO events (app_id, recorded_at, data) VALUES ('ghost', 'x', '{\"type\":\"x\"}')"
    )
    conn.commit()
    conn.close()
    found = tracker("doctor", "--json")
    assert found.code == 1
    [problem] = found.json()["checks"]["integrity"]["problems"]
    assert problem["message"].startswith("events row ")
    assert "missing applications row" in problem["message"]
    before = _counts(db)
    assert tracker("doctor", "--repair").code == 1
    assert _counts(db) == before
    assert tracker("list", "--today", TODAY).code == 0  # the applications themselves are fine
