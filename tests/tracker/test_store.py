"""The SQLite store: migrations, pragmas, append-only history enforced by the database, lookup."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from followup.errors import UsageError
from followup.tracker import schema
from followup.tracker.connection import default_db_path
from followup.tracker.store import open_store, slug


def _app(store, app_id: str, company: str, role: str = "Engineer") -> None:
    with store.writing():
        store.add_application(app_id, {"company": company, "role": role, "interview": "2026-03-02"})


def test_new_file_is_migrated_to_the_latest_schema(db):
    """Opening a path that does not exist creates its folder and the whole schema."""
    with open_store(db) as store:
        tables = {r[0] for r in store.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
        assert store.execute("PRAGMA user_version") == [(schema.LATEST,)]
        assert store.execute("PRAGMA application_id") == [(schema.APPLICATION_ID,)]
    assert {"applications", "events", "snoozes"} <= tables
    assert db.is_file()


def test_empty_file_is_migrated(tmp_path):
    """A zero-byte file (a fresh SQLite database) is migrated like a missing one."""
    path = tmp_path / "empty.db"
    path.touch()
    with open_store(path) as store:
        assert store.execute("PRAGMA user_version") == [(schema.LATEST,)]


def test_reopening_is_idempotent(db):
    """A second open applies no migration and keeps what was stored."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme")
    conn = sqlite3.connect(db)
    try:
        assert schema.migrate(conn, str(db)) == 0
    finally:
        conn.close()
    with open_store(db) as store:
        assert store.ids() == ["acme-0001"]
        assert store.execute("PRAGMA user_version") == [(schema.LATEST,)]


def test_migrations_apply_in_one_transaction(db, monkeypatch):
    """A migration that fails half-way leaves the file without any of it (version 0)."""
    broken = (*schema.MIGRATIONS[0][:2], "CREATE TABLE broken (")
    monkeypatch.setattr(schema, "MIGRATIONS", (broken,))
    db.parent.mkdir()
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError):
            schema.migrate(conn, str(db))
        assert conn.execute("PRAGMA user_version").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM sqlite_schema").fetchone() == (0,)
    finally:
        conn.close()


def test_connection_settings(db):
    """WAL journal, foreign keys on, synchronous FULL, and a busy timeout."""
    with open_store(db) as store:
        assert store.execute("PRAGMA journal_mode") == [("wal",)]
        assert store.execute("PRAGMA foreign_keys") == [(1,)]
        assert store.execute("PRAGMA synchronous") == [(2,)]
        assert store.execute("PRAGMA busy_timeout")[0][0] >= 1000


def test_events_cannot_be_updated_or_deleted(db):
    """The database itself refuses to rewrite history, whatever the code asks."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme")
        with store.writing():
            seq = store.append_event("acme-0001", {"date": "2026-03-02", "type": "networked"})
        for sql in (
            "UPDATE events SET data = '{}' WHERE seq = ?",
            "DELETE FROM events WHERE seq = ?",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                store.execute(sql, (seq,))
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.execute("DELETE FROM applications")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.execute("UPDATE applications SET id = 'other'")
        assert [e.data["type"] for e in store.history("acme-0001")] == ["networked"]


def test_retraction_rules_are_enforced_by_the_database(db):
    """A retraction must name a live event of the same application, and only once."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme")
        _app(store, "beta-0002", "Beta")
        with store.writing():
            seq = store.append_event("acme-0001", {"date": "2026-03-02", "type": "networked"})
        with pytest.raises(sqlite3.IntegrityError, match="same application"):
            store.retract("beta-0002", seq, "undo")
        undo = store.retract("acme-0001", seq, "undo")
        # Refused by the no-replace trigger before SQLite's UNIQUE check is reached (which an
        # INSERT OR REPLACE would have turned into deleting the first retraction).
        with pytest.raises(sqlite3.IntegrityError, match="never replaced"):
            store.retract("acme-0001", seq, "undo")
        with pytest.raises(sqlite3.IntegrityError, match="same application"):
            store.retract("acme-0001", undo, "undo")
        assert store.case("acme-0001").events == ()


def test_foreign_keys_refuse_events_of_unknown_applications(db):
    """An event for an application that does not exist is refused."""
    with open_store(db) as store, pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.append_event("nobody", {"date": "2026-03-02", "type": "networked"})


def test_failed_write_rolls_back_everything(db):
    """An error inside a write transaction saves none of its changes."""

    def add_then_fail(store) -> None:
        with store.writing():
            store.add_application("acme-0001", {"company": "Acme", "interview": "2026-03-02"})
            raise RuntimeError("stop")

    with open_store(db) as store:
        with pytest.raises(RuntimeError):
            add_then_fail(store)
        assert store.ids() == []


def test_resolve_by_id_prefix_or_company(db):
    """An id, or a case-insensitive prefix of the id or the company, names one application."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme Corp")
        _app(store, "globex-0002", "Globex")
        _app(store, "initech-0003", "Initech")
        assert store.resolve("acme-0001") == "acme-0001"
        assert store.resolve("ACME") == "acme-0001"
        assert store.resolve("glob") == "globex-0002"
        assert store.resolve("Initech") == "initech-0003"


def test_resolve_ambiguous_lists_every_candidate(db):
    """A prefix shared by two applications is refused, naming both."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme", "Data Engineer")
        _app(store, "acme-0002", "Acme", "Analyst")
        with pytest.raises(UsageError) as err:
            store.resolve("acme")
    assert "acme-0001 (Acme - Data Engineer)" in str(err.value)
    assert "acme-0002 (Acme - Analyst)" in str(err.value)


def test_resolve_unknown_suggests(db):
    """An unknown name is refused with the closest id."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme")
        with pytest.raises(UsageError, match="did you mean 'acme-0001'"):
            store.resolve("acne-0001")


def test_cases_hide_recorded_closes_but_keep_the_rest(db):
    """cases() leaves out applications closed by a recorded event unless asked."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme")
        _app(store, "beta-0002", "Beta")
        with store.writing():
            store.append_event(
                "beta-0002", {"date": "2026-03-05", "type": "reply", "outcome": "rejection"}
            )
        assert [c.id for c in store.cases()] == ["acme-0001"]
        assert [c.id for c in store.cases(include_closed=True)] == ["acme-0001", "beta-0002"]
        assert store.case("beta-0002").events[0].outcome == "rejection"


def test_snoozed_until_is_the_latest_snooze(db):
    """The latest snooze wins; none recorded is None."""
    with open_store(db) as store:
        _app(store, "acme-0001", "Acme")
        assert store.snoozed_until("acme-0001") is None
        with store.writing():
            store.snooze("acme-0001", date(2026, 3, 20))
            store.snooze("acme-0001", date(2026, 3, 14))
        assert store.snoozed_until("acme-0001") == date(2026, 3, 14)


def test_slug_is_a_valid_case_id():
    """Company names become short ascii slugs."""
    assert slug("Acmé Corp, Inc.") == "acme-corp-inc"
    assert slug("株式会社") == "app"
    assert len(slug("A very long company name that goes on")) <= 20


def test_default_path_is_in_the_user_data_folder(monkeypatch, tmp_path):
    """Without --db the tracker lives in platformdirs' data folder, as followup.db."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    path = default_db_path()
    assert path.name == "followup.db"
    assert Path(tmp_path) in path.parents


def test_another_programs_database_is_refused(tmp_path, tracker, run):
    """A SQLite file with other tables is not taken over: exit 2, nothing changed."""
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE stuff (x)")
    conn.commit()
    conn.close()
    result = run("list", "--db", other)
    assert result.code == 2
    assert "not a followup tracker" in result.err
    assert "Traceback" not in result.err


def test_a_newer_schema_is_refused(db, run):
    """A database written by a newer followup is not downgraded."""
    with open_store(db):
        pass
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.commit()
    conn.close()
    result = run("list", "--db", db)
    assert result.code == 2
    assert "newer followup" in result.err


def test_a_file_that_is_not_sqlite_is_refused(tmp_path, run):
    """Random bytes are refused with exit 2 and no traceback."""
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    result = run("list", "--db", junk)
    assert result.code == 2
    assert "not a followup tracker" in result.err
    assert "Traceback" not in result.err


def test_a_file_that_is_not_sqlite_is_named_once_by_where_it_came_from(tmp_path, run, monkeypatch):
    """The refusal names its source once: ``--db: 'FILE' ...``, or ``$FOLLOWUP_DB: 'FILE' ...``
    when the variable named it (not ``--db: --db:``, nor --db for a flag not given)."""
    junk = tmp_path / "junk.db"
    junk.write_text("hello\n")
    result = run("list", "--db", junk)
    assert result.code == 2
    assert result.err.startswith(f"followup: --db: '{junk}' is not a followup tracker")
    assert result.err.count("--db") == 1
    monkeypatch.setenv("FOLLOWUP_DB", str(junk))
    result = run("list")
    assert result.code == 2
    assert result.err.startswith(f"followup: $FOLLOWUP_DB: '{junk}' is not a followup tracker")
    assert "--db" not in result.err
