"""The tracker's SQLite store: applications and their append-only history, in one local file.

How the file is opened (journal, sync, locking, retries) is `followup.tracker.connection`'s, and
how a change is one transaction `followup.tracker.transactions`'s; this module holds the data:
reading applications and their history, and each kind of write, every one in a single
transaction (`Store.writing`) checked by the schema's triggers.
"""

from __future__ import annotations

import json
import secrets
from datetime import date
from pathlib import Path
from typing import Any, Final

from followup.errors import InputError, UsageError, suggest, visible
from followup.io.yaml_reader import Document
from followup.language.case_loader import build_case
from followup.language.patterns import CASE_ID, id_problem, suggest_id
from followup.model.case import Case
from followup.tracker.connection import StoreError, connect
from followup.tracker.records import (
    LIVE_EDITS,
    SWITCH,
    Entry,
    Stored,
    case_mapping,
    closing,
    dumps,
    one_line,
    slug,
    starts_with,
    utc_now,
)
from followup.tracker.transactions import Transactions

# Case-file keys of an application, in the order a case file writes them.
CASE_FIELDS: Final = ("company", "role", "interview", "country", "timezone", "playbook")
_ID_ATTEMPTS: Final = 64


def open_store(db: Path | None, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the tracker at ``db``, else the default file.

    The caller resolves where the user pointed (the CLI: ``--db``, then ``$FOLLOWUP_DB``), so
    None means the data folder.

    Args:
        db: The database file, or None for the data folder's.
        create: Create the file (and its folders) when there is none.  Without it a missing
            file opens as an empty tracker in memory (``Store.missing``), so a command that
            only reads never leaves a file or a folder behind.

    Raises:
        UsageError: the file is not a followup tracker, or its folder cannot be created.
        StoreError: the database is damaged or stayed busy.
    """
    conn, path, created, missing = connect(db, create)
    return Store(conn, path, created=created, missing=missing)


class Store(Transactions):
    """An open tracker database.  Use as a context manager; see `open_store`."""

    # -- the API other commands read through -----------------------------------------------

    def resolve(self, app: str) -> str:
        """The id of the application ``app`` names: its id, or a prefix of its id or company.

        Matching ignores case; closed applications are included.

        Raises:
            UsageError: no application matches, or several do (each is listed).
        """
        wanted = app.strip().lower()
        rows = self.names()
        if not wanted:
            raise UsageError("APP: empty; expected an application id or company (followup list)")
        for app_id, _, _ in rows:
            if app_id.lower() == wanted:
                return str(app_id)
        found = [
            (i, c, r) for i, c, r in rows if i.lower().startswith(wanted) or starts_with(c, wanted)
        ]
        if len(found) == 1:
            return str(found[0][0])
        if not found:
            hint = suggest(app, [r[0] for r in rows] + [r[1] for r in rows])
            raise UsageError(
                f"APP: no application '{app}'{hint}; see 'followup list --all' for the ids"
            )
        listed = ", ".join(f"{i} ({' - '.join(x for x in (c, r) if x)})" for i, c, r in found)
        raise UsageError(f"APP: '{app}' matches {len(found)} applications: {listed}; give its id")

    def case(self, app_id: str) -> Case:
        """The application as a `Case` (events: the history without retracted entries).

        Raises:
            UsageError: no application has this id.
        """
        with self.reading():
            return self.build(app_id, self.case_data(app_id))

    def cases(self, include_closed: bool = False) -> list[Case]:
        """Every application in the order added; closed ones only with ``include_closed``.

        Closed means ended by a recorded event (withdrew, an offer, a rejection).  Cases the
        playbook itself gave up on (``moved_on``) are open here: a reply would reopen them.
        """
        with self.reading():
            ids = [r[0] for r in self._conn.execute("SELECT id FROM applications ORDER BY rowid")]
            data = [self.case_data(i) for i in ids]
        return [
            self.build(i, d)
            for i, d in zip(ids, data, strict=True)
            if include_closed or not any(closing(e) for e in d["events"])
        ]

    def load(self, include_closed: bool = False, include_archived: bool = False) -> list[Stored]:
        """Every application in the order added, each read on its own: one whose stored data
        no longer passes the case-file rules (a row written before a rule existed, or by hand)
        comes back with its problem instead of stopping the others.  Archived applications
        (set aside by ``followup doctor --repair``) only with ``include_archived``."""
        found: list[Stored] = []
        with self.reading():
            archived = set() if include_archived else self.archived()
            for app_id in self.ids():
                if app_id in archived:
                    continue
                data = self.case_data(app_id)
                closed = any(closing(e) for e in data["events"])
                if closed and not include_closed:
                    continue
                until = self.snoozed_until(app_id)
                try:
                    case = self.build(app_id, data)
                except InputError as err:
                    found.append(Stored(app_id, None, one_line(err), closed, until))
                    continue
                found.append(Stored(app_id, case, "", closed, until))
        return found

    def names(self) -> list[tuple[str, str, str]]:
        """Every application's id, company and role as they are now (edits applied)."""
        current = {
            str(i): [str(c), str(r)]
            for i, c, r in self._conn.execute("SELECT id, company, role FROM applications")
        }
        for app_id, edit in self._conn.execute(LIVE_EDITS):
            changed = json.loads(edit)
            for n, key in enumerate(("company", "role")):
                if key in changed and str(app_id) in current:
                    current[str(app_id)][n] = str(changed[key] or "")
        return [(i, c, r) for i, (c, r) in current.items()]

    def snoozed_until(self, app_id: str) -> date | None:
        """The day the latest snooze of the application ends (it is hidden from 'today' before).

        A snooze whose day cannot be read (a row damaged or written by hand: the table checks
        only its shape) hides nothing; `snooze_problem` says what is wrong with it."""
        raw = self.latest_snooze(app_id)
        return None if raw is None else _day(raw)

    def latest_snooze(self, app_id: str) -> str | None:
        """The stored end of the application's latest snooze, as stored (None: never snoozed)."""
        row = self._conn.execute(
            "SELECT until FROM snoozes WHERE app_id = ? ORDER BY seq DESC LIMIT 1", (app_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def snooze_problem(self, app_id: str) -> str:
        """What is wrong with the application's latest snooze ("" if nothing is)."""
        raw = self.latest_snooze(app_id)
        if raw is None or _day(raw) is not None:
            return ""
        return (
            f"its latest snooze ends on {raw[:40]!r}, which is not a date, so it hides nothing; "
            f"'followup snooze {app_id} --until DATE' or 'followup unsnooze {app_id}' sets it"
        )

    # -- more reading ----------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Every application id, in the order added."""
        return [r[0] for r in self._conn.execute("SELECT id FROM applications ORDER BY rowid")]

    def archived(self) -> dict[str, str]:
        """The applications archived now (their latest row says so) and why each was."""
        found: dict[str, str] = {}
        for app_id, reason, action in self._conn.execute(
            "SELECT app_id, reason, action FROM archived ORDER BY seq"
        ):
            if action == "archive":
                found.setdefault(str(app_id), str(reason))
            else:
                found.pop(str(app_id), None)
        return found

    def taken(self, app_id: str) -> bool:
        """Whether an application already has this id (ignoring case)."""
        row = self._conn.execute(
            "SELECT 1 FROM applications WHERE id = ? COLLATE NOCASE", (app_id,)
        ).fetchone()
        return row is not None

    def history(self, app_id: str) -> list[Entry]:
        """Every row of the application's history, retractions included, in recorded order."""
        rows = self._conn.execute(
            "SELECT e.seq, e.recorded_at, e.data, e.retracts, r.seq FROM events e "
            "LEFT JOIN events r ON r.retracts = e.seq WHERE e.app_id = ? ORDER BY e.seq",
            (app_id,),
        ).fetchall()
        return [Entry(s, at, json.loads(d), rt, by) for s, at, d, rt, by in rows]

    def case_data(self, app_id: str) -> dict[str, Any]:
        """The application as the mapping a case file holds (only the events that count).

        Raises:
            UsageError: no application has this id.
        """
        row = self._conn.execute(
            "SELECT company, role, interview, country, timezone, playbook, interviewers, "
            "employer, notes, recruiters FROM applications WHERE id = ?",
            (app_id,),
        ).fetchone()
        if row is None:
            raise UsageError(f"APP: no application '{app_id}'; see 'followup list --all'")
        facts: dict[str, Any] = dict(zip(CASE_FIELDS, row[:6], strict=True))
        facts |= {
            "interviewers": json.loads(row[6]),
            "recruiters": json.loads(row[9]),
            "employer": json.loads(row[7]),
            "notes": row[8],
        }
        return case_mapping(app_id, facts, self.history(app_id))

    @staticmethod
    def build(app_id: str, data: dict[str, Any]) -> Case:
        """A `Case` from `case_data`'s mapping, checked by the case-file rules.

        Raises:
            InputError: the stored data breaks a case-file rule (only if edited by hand).
        """
        return build_case(Document(app_id, data, {}, {}), app_id)

    # -- writing (call inside `writing`) ----------------------------------------------------

    def new_id(self, company: str) -> str:
        """A fresh short id: the company's slug and 4 hex digits, e.g. ``acme-corp-3f2a``.

        Raises:
            StoreError: no free id was found (only with tens of thousands of one company).
        """
        base = slug(company)
        for _ in range(_ID_ATTEMPTS):
            candidate = f"{base}-{secrets.token_hex(2)}"
            if not self.taken(candidate):
                return candidate
        raise StoreError(f"no free id left for '{base}'")

    def add_application(self, app_id: str, data: dict[str, Any]) -> None:
        """Insert an application from a checked case-file mapping (events are not added here).

        Every way into the tracker (add, import, an id changed because it was taken) comes
        through here, so this is where an id is checked (the database checks it again).

        Raises:
            UsageError: the id is not a valid id (`CASE_ID`).
        """
        if (problem := id_problem(app_id)) is not None:
            raise UsageError(
                f"id: {visible(problem)}; expected {CASE_ID.expected}, e.g. '{suggest_id(app_id)}'"
            )
        self._conn.execute(
            "INSERT INTO applications (id, created_at, company, role, interview, country, "
            "timezone, playbook, employer, interviewers, notes, recruiters) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                app_id,
                utc_now(),
                data.get("company", ""),
                data.get("role", ""),
                data["interview"],
                data.get("country"),
                data.get("timezone"),
                data.get("playbook"),
                dumps(data.get("employer") or {}),
                dumps(data.get("interviewers") or []),
                data.get("notes", ""),
                dumps(data.get("recruiters") or []),
            ),
        )

    def append_event(self, app_id: str, data: dict[str, Any]) -> int:
        """Append a checked event (case-file mapping) to the history; returns its seq."""
        cur = self._conn.execute(
            "INSERT INTO events (app_id, recorded_at, data) VALUES (?, ?, ?)",
            (app_id, utc_now(), dumps(data)),
        )
        return int(cur.lastrowid or 0)

    def switch_playbook(self, app_id: str, data: dict[str, Any]) -> int:
        """Append a change of playbook (`records.SWITCH`) to the history; returns its seq."""
        return self.append_event(app_id, {**data, "type": SWITCH})

    def retract(self, app_id: str, seq: int, reason: str) -> int:
        """Append a retraction of event ``seq``; returns the retraction's own seq."""
        cur = self._conn.execute(
            "INSERT INTO events (app_id, recorded_at, data, retracts) VALUES (?, ?, ?, ?)",
            (app_id, utc_now(), dumps({"reason": reason}), seq),
        )
        return int(cur.lastrowid or 0)

    def snooze(self, app_id: str, until: date) -> None:
        """Record that the application is hidden from 'today' until ``until``."""
        self._conn.execute(
            "INSERT INTO snoozes (app_id, recorded_at, until) VALUES (?, ?, ?)",
            (app_id, utc_now(), until.isoformat()),
        )

    def archive(self, app_id: str, reason: str, action: str = "archive") -> int:
        """Set an application aside (views skip it from now on; its rows stay as they are), or
        with ``action="unarchive"`` bring it back; either is an appended row.  Returns its seq."""
        cur = self._conn.execute(
            "INSERT INTO archived (app_id, recorded_at, reason, action) VALUES (?, ?, ?, ?)",
            (app_id, utc_now(), reason, action),
        )
        return int(cur.lastrowid or 0)

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and fetch its rows (for checks and tests)."""
        return list(self._conn.execute(sql, args).fetchall())


def _day(text: str) -> date | None:
    """A stored YYYY-MM-DD day, or None when it cannot be read (a row damaged by hand)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
