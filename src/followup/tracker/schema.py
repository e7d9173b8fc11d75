"""The tracker's SQL schema as an ordered list of migrations, and the code that applies them.

``PRAGMA user_version`` holds how many migrations a database has had.  Opening a database
applies the missing ones, all in one transaction, so a crash mid-way leaves the old version
intact and two processes opening a new file at once migrate it exactly once.  A migration is
never edited once released: a change to the schema is a new entry at the end of the list.

The history is append-only and the database itself enforces it: triggers abort any UPDATE or
DELETE of an event (or of an application or a snooze), so no code path, present or future, can
rewrite what the user recorded.  A mistake is corrected by a later row that retracts it.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import Final

from followup.errors import UsageError
from followup.language.patterns import CASE_ID, ID_LIMIT

# "FolU": marks a SQLite file as a followup tracker, so another program's database is refused.
APPLICATION_ID: Final = 0x466F6C55

_APPEND_ONLY = "the tracker history is append-only: record a retraction instead"

_V1: Final = (
    """
    CREATE TABLE applications (
        id TEXT PRIMARY KEY NOT NULL,
        created_at TEXT NOT NULL,
        company TEXT NOT NULL,
        role TEXT NOT NULL,
        interview TEXT NOT NULL,
        country TEXT,
        timezone TEXT,
        playbook TEXT,
        employer TEXT NOT NULL
            CHECK (json_valid(employer) AND json_type(employer) = 'object'),
        interviewers TEXT NOT NULL
            CHECK (json_valid(interviewers) AND json_type(interviewers) = 'array'),
        notes TEXT NOT NULL DEFAULT ''
    ) STRICT
    """,
    # Ids are matched without regard to case on the command line, so they must be unique so too.
    "CREATE UNIQUE INDEX applications_id_nocase ON applications (id COLLATE NOCASE)",
    """
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        app_id TEXT NOT NULL REFERENCES applications (id),
        recorded_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
        retracts INTEGER UNIQUE REFERENCES events (seq)
    ) STRICT
    """,
    "CREATE INDEX events_by_app ON events (app_id, seq)",
    """
    CREATE TABLE snoozes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        app_id TEXT NOT NULL REFERENCES applications (id),
        recorded_at TEXT NOT NULL,
        until TEXT NOT NULL
            CHECK (until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
    ) STRICT
    """,
    "CREATE INDEX snoozes_by_app ON snoozes (app_id, seq)",
    *(
        f"""
        CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table}
        BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END
        """
        for table in ("events", "snoozes", "applications")
        for verb in ("update", "delete")
        if (table, verb) != ("applications", "update")
    ),
    # An application's facts (its notes, a corrected role) may be edited one day; its id never,
    # since every event points at it.
    f"""
    CREATE TRIGGER applications_no_new_id BEFORE UPDATE OF id ON applications
    BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END
    """,
    """
    CREATE TRIGGER events_retraction_rules BEFORE INSERT ON events
    WHEN NEW.retracts IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a retraction must name a recorded event of the same application')
        WHERE NOT EXISTS (
            SELECT 1 FROM events
            WHERE seq = NEW.retracts AND app_id = NEW.app_id AND retracts IS NULL
        );
    END
    """,
)

# Version 2:
# * ids valid by construction (the one definition, `CASE_ID`, spelled as a GLOB), checked by the
#   database itself, so a row written by any code path has an id every command can use;
# * ``archived``: applications set aside by ``followup doctor --repair`` (one that can no longer
#   be replayed), recorded by appending a row, like everything else;
# * no rewrite by inserting: ``INSERT OR REPLACE`` (and ``REPLACE INTO``) replaces a row whose key
#   exists by deleting it *without* firing the delete triggers, so a row whose key is taken is
#   refused before it is inserted; and a row given an explicit seq below the latest one would
#   slip into the past of the history, so a new row must come after every other.
# A retraction is unique per event too: REPLACE would delete the earlier retraction.
_SAME_RETRACTION: Final = {
    "events": " OR EXISTS (SELECT 1 FROM events WHERE retracts = NEW.retracts)",
    "snoozes": "",
    "archived": "",
}
_V2: Final = (
    f"""
    CREATE TRIGGER applications_valid_id BEFORE INSERT ON applications
    WHEN NEW.id NOT GLOB '[A-Za-z0-9]*' OR NEW.id GLOB '*[^-A-Za-z0-9._]*'
        OR length(NEW.id) > {ID_LIMIT}
    BEGIN SELECT RAISE(ABORT, 'application id: {CASE_ID.expected}'); END
    """,
    """
    CREATE TABLE archived (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        app_id TEXT NOT NULL REFERENCES applications (id),
        recorded_at TEXT NOT NULL,
        reason TEXT NOT NULL
    ) STRICT
    """,
    *(
        f"""
        CREATE TRIGGER archived_no_{verb} BEFORE {verb.upper()} ON archived
        BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END
        """
        for verb in ("update", "delete")
    ),
    *(
        statement
        for table in ("events", "snoozes", "archived")
        for statement in (
            f"""
            CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
            WHEN EXISTS (SELECT 1 FROM {table} WHERE seq = NEW.seq){_SAME_RETRACTION[table]}
            BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY} (a recorded row is never replaced)'); END
            """,
            # AFTER: only then is an automatic seq known (BEFORE sees it as -1).
            f"""
            CREATE TRIGGER {table}_in_order AFTER INSERT ON {table}
            WHEN NEW.seq < 1 OR EXISTS (SELECT 1 FROM {table} WHERE seq > NEW.seq)
            BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY} (a new row goes after every other)'); END
            """,
        )
    ),
    f"""
    CREATE TRIGGER applications_no_replace BEFORE INSERT ON applications
    WHEN EXISTS (SELECT 1 FROM applications WHERE id = NEW.id COLLATE NOCASE)
    BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY} (an application id is never reused)'); END
    """,
)

# Version 3: a change of playbook (`followup switch`) is a row of ``events`` (append-only and
# retractable like any other, see `records.SWITCH`); the database refuses one that names no
# playbook, so every view can read the row it finds.
_V3: Final = (
    """
    CREATE TRIGGER events_switch_shape BEFORE INSERT ON events
    WHEN NEW.retracts IS NULL AND json_extract(NEW.data, '$.type') = 'playbook_switch'
        AND (json_type(NEW.data, '$.playbook') IS NOT 'text'
             OR length(json_extract(NEW.data, '$.playbook')) NOT BETWEEN 1 AND 4096
             OR json_type(NEW.data, '$.date') IS NOT 'text')
    BEGIN SELECT RAISE(ABORT, 'a change of playbook must name the playbook and its date'); END
    """,
)

# Version 4:
# * ``recruiters``: the people you deal with besides the interviewers (case-file key
#   ``recruiters``), kept like ``interviewers``;
# * an edit of an application's facts (``followup edit``) is a row of the history like an event:
#   ``{"edit": {key: new value}, "was": {key: old value}}``, so it is append-only, numbered with
#   the events, shown by ``status`` and undone by a retraction like any of them.  A row is either
#   an event (it has a ``type``) or an edit, never both: an older followup would replay an edit
#   row as an event, which is why this is a new schema version (it refuses a newer one);
# * ``archived.action``: ``followup unarchive`` is an appended row too; an application is
#   archived while its latest row says ``archive``.
_V4: Final = (
    """
    ALTER TABLE applications ADD COLUMN recruiters TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(recruiters) AND json_type(recruiters) = 'array')
    """,
    """
    ALTER TABLE archived ADD COLUMN action TEXT NOT NULL DEFAULT 'archive'
        CHECK (action IN ('archive', 'unarchive'))
    """,
    """
    CREATE TRIGGER events_edit_shape BEFORE INSERT ON events
    WHEN NEW.retracts IS NULL AND (
        (json_type(NEW.data, '$.edit') IS NULL) = (json_type(NEW.data, '$.type') IS NULL)
        OR coalesce(json_type(NEW.data, '$.edit'), 'object') != 'object'
    )
    BEGIN
        SELECT RAISE(ABORT, 'a history row is an event (with a type) or an edit (an object)');
    END
    """,
)

# MIGRATIONS[n] takes a database from user_version n to n + 1.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_V1, _V2, _V3, _V4)
LATEST: Final = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, name: str) -> int:
    """Bring the database up to the latest schema, in one write transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``); the caller retries on a
    busy database.

    Returns:
        How many migrations were applied (0 when the database was already current).

    Raises:
        UsageError: the file is another program's database, or a newer followup wrote it.
        sqlite3.OperationalError: the database stayed locked (the caller retries).
    """
    if _version(conn) == LATEST and _app_id(conn) == APPLICATION_ID:
        return 0  # the usual case: no write lock taken just to open the tracker
    conn.execute("BEGIN IMMEDIATE")
    try:
        applied = _migrate_locked(conn, name)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return applied


def _migrate_locked(conn: sqlite3.Connection, name: str) -> int:
    version, app_id = _version(conn), _app_id(conn)
    if app_id not in (0, APPLICATION_ID):
        raise UsageError(f"{name}: not a followup tracker (another program's database)")
    if version > LATEST:
        raise UsageError(
            f"{name}: written by a newer followup (schema {version}, this one knows "
            f"{LATEST}); upgrade followup"
        )
    if version == 0 and app_id == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if tables:
            raise UsageError(f"{name}: not a followup tracker (it already has other tables)")
    for step in MIGRATIONS[version:]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST}")
    return LATEST - version


def _normal(sql: str) -> str:
    return " ".join(sql.split())


@cache  # read on every write transaction; the migrations never change in a process
def expected_triggers() -> dict[str, str]:
    """Every trigger the migrations create: its name and its SQL (whitespace normalised)."""
    found = {}
    for step in MIGRATIONS:
        for statement in step:
            words = statement.split()
            if words[:2] == ["CREATE", "TRIGGER"]:
                found[words[2]] = _normal(statement)
    return found


def damaged_guards(conn: sqlite3.Connection) -> list[str]:
    """The safeguards that are not as the migrations made them, one sentence each.

    A trigger missing (dropped), changed (dropped and created again with another body) or one
    followup never creates: any of them means the history may no longer be append-only.
    """
    expected = expected_triggers()
    present = {
        str(name): _normal(str(sql))
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_schema WHERE type='trigger'")
    }
    problems = [f"trigger {n} is missing" for n in expected if n not in present]
    problems += [
        f"trigger {n} was changed" for n in expected if n in present and present[n] != expected[n]
    ]
    problems += [f"trigger {n} is not one followup creates" for n in present if n not in expected]
    return problems


def restore_guards(conn: sqlite3.Connection) -> list[str]:
    """Create every missing trigger again, and replace a changed one by its own definition.

    Only the safeguards are touched (they refuse future rewrites); no row is changed.  A trigger
    followup never creates is left for the user to judge.  Call inside a write transaction.

    Returns:
        The names of the triggers created again.
    """
    present = {
        str(name): _normal(str(sql))
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_schema WHERE type='trigger'")
    }
    restored = []
    for name, sql in expected_triggers().items():
        if present.get(name) == sql:
            continue
        if name in present:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(sql)
        restored.append(name)
    return restored


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _app_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])
