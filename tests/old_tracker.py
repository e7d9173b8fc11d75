"""A tracker as an older followup wrote it, for the tests and scenarios of upgrading users."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from followup.tracker import schema


def old_tracker(db: Path, apps: dict[str, dict[str, object]]) -> None:
    """A tracker written by followup before ids were checked (schema 1), holding ``apps``.

    Each value is a mapping of application columns (company, role, interview...) and, under
    ``events``, the event mappings to record.  Opening it with today's followup migrates it,
    and the rows stay as they were: what a user upgrading would have.
    """
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for statement in schema.MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 1")
        for app_id, row in apps.items():
            conn.execute(
                "INSERT INTO applications (id, created_at, company, role, interview, playbook,"
                " employer, interviewers)"
                " VALUES (?, '2026-03-02T00:00:00Z', ?, ?, ?, ?, '{}', '[]')",
                (
                    app_id,
                    row.get("company", "Acme"),
                    row.get("role", "Engineer"),
                    row.get("interview", "2026-03-02"),
                    row.get("playbook", "week-then-on-hold"),
                ),
            )
            for event in row.get("events", ()):  # type: ignore[attr-defined]
                conn.execute(
                    "INSERT INTO events (app_id, recorded_at, data) VALUES (?, 'x', ?)",
                    (app_id, json.dumps(event)),
                )
    finally:
        conn.close()
