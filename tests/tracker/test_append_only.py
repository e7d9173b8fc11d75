"""History stays append-only against SQL that inserts rather than updates or deletes.

``INSERT OR REPLACE`` deletes the row whose key it takes without firing a delete trigger, and
an explicit seq below the latest would put a new event in the history's past: both are refused
by the database itself.  Measured behaviour, not wording: each statement fails and every row is
as it was.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from followup.tracker.store import open_store


@pytest.fixture
def conn(db):
    """A tracker with one application, two events (the second a retraction), a snooze, an
    archive row, opened with plain sqlite3 as another tool would."""
    with open_store(db) as store, store.writing():
        store.add_application("acme", {"interview": "2026-03-02"})
        first = store.append_event("acme", {"date": "2026-03-02", "type": "thank_you_sent"})
        store.append_event("acme", {"date": "2026-03-05", "type": "note_sent"})
        store.retract("acme", first, "undo")
        store.snooze("acme", date(2026, 4, 1))
        store.archive("acme", "test")
    connection = sqlite3.connect(db, isolation_level=None)
    yield connection
    connection.close()


def _rows(conn) -> list[object]:
    return [
        conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
        for t in ("applications", "events", "snoozes", "archived")
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT OR REPLACE INTO events (seq, app_id, recorded_at, data) "
        'VALUES (1, \'acme\', \'x\', \'{"date":"2026-03-03","type":"withdrew"}\')',
        "REPLACE INTO events (seq, app_id, recorded_at, data) "
        'VALUES (2, \'acme\', \'x\', \'{"date":"2026-03-03","type":"withdrew"}\')',
        # the same retraction again: REPLACE would delete the first one
        "INSERT OR REPLACE INTO events (app_id, recorded_at, data, retracts) "
        "VALUES ('acme', 'x', '{\"reason\":\"again\"}', 1)",
        "INSERT OR IGNORE INTO events (seq, app_id, recorded_at, data) "
        "VALUES (1, 'acme', 'x', '{\"type\": \"networked\"}')",
        "INSERT OR REPLACE INTO snoozes (seq, app_id, recorded_at, until) "
        "VALUES (1, 'acme', 'x', '2030-01-01')",
        "INSERT OR REPLACE INTO archived (seq, app_id, recorded_at, reason) "
        "VALUES (1, 'acme', 'x', 'other')",
        "INSERT OR REPLACE INTO applications (id, created_at, company, role, interview, "
        "employer, interviewers) VALUES ('acme', 'x', 'Evil', '', '2026-03-02', '{}', '[]')",
        "INSERT OR REPLACE INTO applications (id, created_at, company, role, interview, "
        "employer, interviewers) VALUES ('ACME', 'x', 'Evil', '', '2026-03-02', '{}', '[]')",
        "UPDATE OR REPLACE events SET seq = 1 WHERE seq = 2",
    ],
)
def test_a_replace_never_rewrites_a_row(conn, sql):
    """Each way of replacing by inserting fails, and every table is exactly as it was."""
    before = _rows(conn)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(sql)
    assert _rows(conn) == before


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        (
            "events",
            "(seq, app_id, recorded_at, data) VALUES "
            "({seq}, 'acme', 'x', '{{\"type\": \"networked\"}}')",
        ),
        ("snoozes", "(seq, app_id, recorded_at, until) VALUES ({seq}, 'acme', 'x', '2030-01-01')"),
        ("archived", "(seq, app_id, recorded_at, reason) VALUES ({seq}, 'acme', 'x', 'r')"),
    ],
)
@pytest.mark.parametrize("seq", [0, -7])
def test_an_explicit_seq_cannot_go_before_the_history(conn, table, columns, seq):
    """A new row with a seq below the latest (or none at all) would rewrite the past: refused."""
    before = _rows(conn)
    with pytest.raises(sqlite3.IntegrityError, match="goes after every other"):
        conn.execute(f"INSERT INTO {table} " + columns.format(seq=seq))
    assert _rows(conn) == before


def test_a_gap_in_the_history_cannot_be_filled_later(db):
    """A seq freed by a rolled-back insert is below the latest: filling it is refused."""
    with open_store(db) as store, store.writing():
        store.add_application("acme", {"interview": "2026-03-02"})
        for day in ("2026-03-02", "2026-03-03", "2026-03-04"):
            store.append_event("acme", {"date": day, "type": "note_sent"})
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        # seq 2 exists; make a hole by inserting far ahead, then try to fill below it.
        conn.execute(
            "INSERT INTO events (seq, app_id, recorded_at, data) "
            "VALUES (10, 'acme', 'x', '{\"type\": \"networked\"}')"
        )
        with pytest.raises(sqlite3.IntegrityError, match="goes after every other"):
            conn.execute(
                "INSERT INTO events (seq, app_id, recorded_at, data) "
                "VALUES (5, 'acme', 'x', '{\"type\": \"networked\"}')"
            )
    finally:
        conn.close()


def test_ordinary_appends_still_work(db):
    """The guards cost nothing to followup's own writes: ids and seqs come in order."""
    with open_store(db) as store, store.writing():
        store.add_application("acme", {"interview": "2026-03-02"})
        seqs = [
            store.append_event("acme", {"date": "2026-03-02", "type": "note_sent"})
            for _ in range(5)
        ]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 5


def test_a_dropped_guard_stops_every_write_of_the_tool(run, db, example):
    """Someone dropped the new guard to replace an event: the tool refuses to write."""
    added = run("add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02", "--db", db)
    assert added.code == 0, added.err
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER events_no_replace")
    conn.commit()
    conn.close()
    for argv in (
        ("add", "--company", "B", "--role", "R", "--interviewed", "2026-03-02"),
        ("import", example),
    ):
        result = run(*argv, "--db", db)
        assert result.code == 2, result.err
        assert "trigger events_no_replace is missing" in result.err
        assert "followup doctor" in result.err
