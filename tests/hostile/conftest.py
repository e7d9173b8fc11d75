"""The hostile-input contract, shared by the property tests and the corpus.

Whatever a user's file or batch holds, a run of ``validate``, ``plan`` or ``agenda`` must:
end without an exception escaping ``main``; exit 0 or 2 (1 is a runtime failure, which no input
may cause); and put nothing on stderr that is not located ``file:line:col: ...``, except the
one summary line ``agenda`` ends a batch with ("followup: N case(s) had problems ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

TODAY = "2026-03-12"
LOCATED = re.compile(r"^.+?:\d+:\d+: \S")
# agenda's last line after reporting each bad case (located) above it.
BATCH_SUMMARY = re.compile(r"^followup: \d+ case\(s\) had problems and were skipped$")


@dataclass(frozen=True)
class Outcome:
    """One in-process run: the command line, exit code and what it printed."""

    argv: tuple[str, ...]
    code: int
    out: str
    err: str

    def unlocated(self) -> list[str]:
        """Every stderr line that is neither located nor agenda's summary."""
        return [
            line
            for line in self.err.splitlines()
            if not LOCATED.match(line) and not BATCH_SUMMARY.match(line)
        ]


Run = Callable[..., Outcome]  # run(*argv): the outcome, once its contract has been checked


def check_contract(result: Outcome) -> None:
    """Fail unless the run kept the hostile-input contract."""
    assert result.code in (0, 2), (result.argv, result.code, result.err[:2000])
    assert "Traceback" not in result.err, result.err[:2000]
    assert result.unlocated() == [], (result.argv, result.unlocated()[:5])


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the CLI in-process and check the contract (an escaping exception fails by itself)."""

    def go(*argv: str | Path) -> Outcome:
        capsys.readouterr()
        args = tuple(str(a) for a in argv)
        code = main(list(args))
        out, err = capsys.readouterr()
        result = Outcome(args, code, out, err)
        check_contract(result)
        return result

    return go


def old_tracker(db: Path, apps: dict[str, dict[str, object]]) -> None:
    """A tracker written by followup before ids were checked (schema 1), holding ``apps``.

    Each value is a mapping of application columns (company, role, interview...) and, under
    ``events``, the event mappings to record.  Opening it with today's followup migrates it,
    and the rows stay as they were: what a user upgrading would have.
    """
    import json  # a helper of a few tests: keeps the contract module's imports short
    import sqlite3

    from followup.tracker import schema

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
