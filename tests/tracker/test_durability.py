"""Real processes: two writers at once lose nothing; kill -9 loses nothing reported as saved."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from followup.cli.main import main
from followup.tracker import connection as connection_module
from followup.tracker.store import open_store

# A writer: `followup log` COUNT times in one process (through the CLI's own entry point), each
# with a unique note.  Once imported it says so (GO.TAG), then waits for GO to exist, so that
# several writers start together even when importing is slow on a busy machine.
WRITER = """
import os, sys, time
from followup.cli.main import main
db, app, tag, count, go = sys.argv[1:6]
open(go + "." + tag, "w").close()
while not os.path.exists(go):
    time.sleep(0.005)
failed = 0
for i in range(int(count)):
    argv = ["log", app, "networked", "--date", "2026-03-05", "--note", f"{tag}-{i}", "--db", db]
    failed += main(argv) != 0
sys.exit(1 if failed else 0)
"""


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """The environment for child processes: no outside tracker or playbooks, a temp cache."""
    values = {k: v for k, v in os.environ.items() if k not in ("FOLLOWUP_DB", "FOLLOWUP_PLAYBOOKS")}
    values["FOLLOWUP_CACHE"] = str(tmp_path / "cache")
    return values


@pytest.fixture
def app(db, capsys) -> str:
    """One application in the test's database."""
    argv = ["add", "--company", "Acme", "--role", "R", "--interviewed", "2026-03-02"]
    code = main([*argv, "--db", str(db)])
    assert code == 0
    return capsys.readouterr().out.strip()


def _writer(db: Path, app: str, tag: str, count: int, go: Path, env: dict[str, str]):
    return subprocess.Popen(
        [sys.executable, "-u", "-c", WRITER, str(db), app, tag, str(count), str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )


def _all_ready(go: Path, tags: list[str], seconds: float = 60) -> None:
    """Wait until every writer has imported and is waiting for ``go``."""
    deadline = time.monotonic() + seconds
    while not all(Path(f"{go}.{tag}").exists() for tag in tags):
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)


def _saved_notes(out: str) -> list[str]:
    """Notes of the 'saved:' lines a writer printed in full (a killed one may stop mid-line)."""
    complete = out.split("\n")[:-1]
    return [line.rsplit(": ", 1)[1] for line in complete if line.startswith("saved: ")]


def _notes(db: Path, app: str) -> list[str]:
    with open_store(db) as store:
        return [e.data["note"] for e in store.history(app)]


def _check_consistent(db: Path) -> None:
    with open_store(db) as store:
        assert store.execute("PRAGMA integrity_check") == [("ok",)]
        assert store.execute("PRAGMA foreign_key_check") == []


def test_two_writers_at_once_lose_nothing(db, app, env, tmp_path):
    """2 processes x 100 `log` calls on one database: 200 events, none refused as locked."""
    go = tmp_path / "go"
    writers = [_writer(db, app, f"w{n}", 100, go, env) for n in range(2)]
    _all_ready(go, [f"w{n}" for n in range(2)])
    go.touch()
    results = [w.communicate(timeout=60) for w in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
        assert "busy" not in err
        assert len(_saved_notes(out)) == 100
    notes = _notes(db, app)
    assert sorted(notes) == sorted(f"w{n}-{i}" for n in range(2) for i in range(100))
    # They really ran at the same time: the history interleaves the two writers.
    switches = sum(1 for a, b in itertools.pairwise(notes) if a[:2] != b[:2])
    assert switches >= 2
    _check_consistent(db)


# Seeded, so a failure can be replayed exactly: FOLLOWUP_TEST_SEED=N reruns one sequence of kills.
KILL_SEED = int(os.environ.get("FOLLOWUP_TEST_SEED", "20261206"))


def _wait_for_saves(writer: subprocess.Popen[str], count: int, seconds: float) -> list[str]:
    """Read the writer's lines until it has reported ``count`` saves (or ``seconds`` pass)."""
    assert writer.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while len(_saved_notes("".join(lines) + "\n")) < count and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        lines.append(line)
    return lines


def test_kill_9_loses_nothing_reported_as_saved(db, app, env, tmp_path):
    """A writer killed at seeded moments: all it reported saved is there, the file is sound.

    Each kill waits for a seeded number of reported saves, then a seeded fraction of a
    millisecond or so, so kills land at every point of a write; waiting on the writer's own
    output rather than on the clock keeps the test the same on a busy machine.
    """
    rng = random.Random(KILL_SEED)
    go = tmp_path / "go"
    go.touch()
    reported: list[str] = []
    rounds = 6
    for n in range(rounds):
        writer = _writer(db, app, f"k{n}", 10_000, go, env)
        early = _wait_for_saves(writer, rng.randint(1, 40), seconds=60)
        time.sleep(rng.uniform(0, 0.003))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL, f"seed {KILL_SEED}: the writer ended first"
        reported += _saved_notes("".join(early) + out)
    _check_consistent(db)
    stored = _notes(db, app)
    assert set(reported) <= set(stored), f"seed {KILL_SEED}: reported as saved but lost"
    assert len(stored) == len(set(stored)), f"seed {KILL_SEED}: an event was stored twice"
    # At most one commit per killed process can have landed without being reported.
    assert len(stored) - len(reported) <= rounds, f"seed {KILL_SEED}"
    assert len(reported) >= rounds, f"seed {KILL_SEED}: the writers barely wrote"
    # And the tracker goes on working.
    assert main(["log", app, "networked", "--note", "after", "--db", str(db)]) == 0
    assert _notes(db, app)[-1] == "after"


def test_the_installed_command_uses_followup_db(db, env):
    """`python -m followup` reads FOLLOWUP_DB, and prints errors without a traceback."""
    env = env | {"FOLLOWUP_DB": str(db)}

    def followup(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "followup", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    added = followup("add", "--company", "Acme", "--role", "R", "--interviewed", "2026-03-02")
    assert added.returncode == 0, added.stderr
    app = added.stdout.strip()
    logged = followup("log", app, "thank_you_sent", "--date", "2026-03-02")
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith(f"saved: {app} #1 2026-03-02 thank_you_sent")
    bad = followup("log", app, "thank_you_sent", "--date", "2026-02-31")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert _notes_or_types(db, app) == ["thank_you_sent"]


def _notes_or_types(db: Path, app: str) -> list[str]:
    with open_store(db) as store:
        return [e.data["type"] for e in store.history(app)]


def _hold_write_lock(db: Path, seconds: float) -> threading.Thread:
    """Another connection takes the write lock now and keeps it for ``seconds``."""
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")

    def release() -> None:
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    holder = threading.Thread(target=release)
    holder.start()
    return holder


def test_a_writer_held_too_long_fails_cleanly(db, app, capsys, monkeypatch):
    """Busy past every retry: exit 1, 'nothing was saved', and indeed nothing is."""
    monkeypatch.setattr(connection_module, "BUSY_SECONDS", 0.05)
    holder = _hold_write_lock(db, 0.8)
    try:
        code = main(["log", app, "networked", "--date", "2026-03-05", "--db", str(db)])
        err = capsys.readouterr().err
    finally:
        holder.join()
    assert code == 1
    assert "stayed busy" in err
    assert "nothing was saved" in err
    assert _notes_or_types(db, app) == []


def test_a_short_wait_is_absorbed(db, app, capsys, monkeypatch):
    """A lock released within the retries: the write goes through."""
    monkeypatch.setattr(connection_module, "BUSY_SECONDS", 0.05)
    holder = _hold_write_lock(db, 0.12)
    try:
        code = main(["log", app, "networked", "--date", "2026-03-05", "--db", str(db)])
    finally:
        holder.join()
    assert code == 0, capsys.readouterr().err
    assert _notes_or_types(db, app) == ["networked"]
