"""One bad application never stops the others: every view that walks the tracker shows the good
ones, names each bad one on stderr (``ID: what is wrong``) and exits 1.

The bad rows are the ones a user upgrading could have: written by a followup that did not check
ids yet, or by hand (an event no case file allows).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from tests.old_tracker import old_tracker

from followup.catalog import bundled_dir
from followup.errors import visible

TODAY = "2026-03-12"
GOOD = "good"
HUGE = "N" * 10_000
BAD = {
    "my case (final)": {},
    "x" * 300: {},
    "esc\x1b[2Jx": {},
    "bidi\u202eelif": {},
    "teleport": {"events": [{"date": "2026-03-05", "type": "teleported"}]},
    "../../escape": {},
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An old tracker: one good application, one with a 10,000-character name, and bad rows."""
    path = tmp_path / "old.db"
    old_tracker(path, {GOOD: {}, "huge": {"company": HUGE}, **BAD})
    return path


def _check(result) -> None:
    """Exit 1, each bad application named (escaped) on a line of its own, nothing raw shown."""
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    for raw in ("\x1b", "\u202e"):
        assert raw not in result.err + result.out
    lines = result.err.splitlines()
    for app_id in BAD:
        assert any(line.startswith(visible(app_id)[:40]) for line in lines), (app_id, lines)
    assert lines[-1].startswith("followup: 6 application(s) could not be")


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "--today", TODAY),
        ("list", "--all", "--today", TODAY, "--json"),
        ("today", "--today", TODAY),
        ("today", "--today", TODAY, "--json"),
    ],
)
def test_views_show_the_good_and_name_the_bad(cli, db, argv):
    """list and today: the good applications as always, each bad one on its own stderr line."""
    result = cli(*argv, "--db", db)
    _check(result)
    assert GOOD in result.out
    assert "huge" in result.out


def test_calendar_writes_the_good_and_names_the_bad(cli, db, tmp_path):
    """The .ics holds the good applications' steps; the bad ones are named, exit 1."""
    out = tmp_path / "f.ics"
    result = cli("calendar", "--out", out, "--today", TODAY, "--db", db)
    _check(result)
    text = out.read_text(encoding="utf-8")
    assert f"UID:{GOOD}.r" in text
    assert "UID:huge.r" in text
    assert "teleport" not in text


def test_report_writes_the_page_and_names_the_bad(cli, db, tmp_path):
    """The page lists the bad applications; stderr names them too and the exit is 1, so a
    script that writes the page knows something was left out."""
    out = tmp_path / "page.html"
    result = cli("report", "--out", out, "--today", TODAY, "--db", db)
    _check(result)
    assert out.exists()
    assert GOOD in out.read_text(encoding="utf-8")


def test_export_writes_only_what_imports_again(cli, db, tmp_path):
    """Export: the good ones as files; a bad id never names a file (nor one outside --out)."""
    out = tmp_path / "out"
    result = cli("export", "--out", out, "--db", db)
    _check(result)
    assert sorted(os.listdir(out)) == ["good.yaml", "huge.yaml"]
    assert not (tmp_path / "escape.yaml").exists()
    again = cli("import", out / "good.yaml", out / "huge.yaml", "--db", tmp_path / "new.db")
    assert again.code == 0, again.err


def test_a_bad_application_stays_readable_by_name(cli, db):
    """status on the bad one: a clean error (exit 2), never a traceback."""
    result = cli("status", "teleport", "--today", TODAY, "--db", db)
    assert result.code == 2
    assert "teleported" in result.err
    assert "Traceback" not in result.err


def test_a_lost_playbook_keeps_its_calendar_events(cli, tmp_path, monkeypatch):
    """An application that fails this time is neither cancelled nor changed in the calendar."""
    folder = tmp_path / "mine"
    folder.mkdir()
    bundled = bundled_dir() / "fine-line.yaml"
    (folder / "mine.yaml").write_text(
        bundled.read_text(encoding="utf-8").replace("id: fine-line", "id: mine"), "utf-8"
    )
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(folder))
    db = tmp_path / "t.db"
    assert (
        cli(
            "add",
            "--company",
            "A",
            "--role",
            "R",
            "--interviewed",
            "2026-03-10",
            "--playbook",
            "mine",
            "--db",
            db,
        ).code
        == 0
    )
    out = tmp_path / "f.ics"
    first = cli("calendar", "--out", out, "--today", TODAY, "--db", db)
    assert first.code == 0, first.err
    (folder / "mine.yaml").unlink()
    second = cli("calendar", "--out", out, "--today", TODAY, "--db", db)
    assert second.code == 1
    assert "no playbook with id 'mine'" in second.err
    third_state = (tmp_path / "f.ics.state.json").read_text(encoding="utf-8")
    assert '"cancelled": true' not in third_state
    assert "CANCELLED" not in out.read_text(encoding="utf-8")


def _damaged(cli, tmp_path: Path) -> Path:
    """A tracker with two applications, where rows written by hand damaged the first: its
    latest snooze ends on an impossible day, and two events have dates that are no dates."""
    db = tmp_path / "damaged.db"
    for company in ("Good", "Other"):
        added = cli("add", "--company", company, "--role", "R", "--interviewed", "2026-03-02")
        assert added.code == 0, added.err
    logged = cli("log", "other", "thank_you_sent", "--date", "2026-03-02", "--today", TODAY)
    assert logged.code == 0, logged.err
    conn = sqlite3.connect(db)
    first = conn.execute("SELECT id FROM applications ORDER BY rowid").fetchone()[0]
    conn.execute(
        "INSERT INTO snoozes (app_id, recorded_at, until) VALUES (?, '2026-03-03T00:00:00Z', ?)",
        (first, "2026-99-99"),
    )
    for recorded, day in (("2026-03-04T00:00:00Z", "99999-03-03"), ("garbage", "x")):
        data = json.dumps({"type": "note_sent", "date": day})
        conn.execute(
            "INSERT INTO events (app_id, recorded_at, data) VALUES (?, ?, ?)",
            (first, recorded, data),
        )
    conn.commit()
    conn.close()
    return db


@pytest.fixture
def damaged(cli, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "damaged.db"))
    return _damaged(cli, tmp_path)


def test_history_lists_what_it_can_and_names_unreadable_days(cli, damaged):
    """history on rows whose day cannot be read: every entry still listed (under 'Day
    unreadable'), the application named on stderr with each entry, exit 1, no traceback."""
    result = cli("history")
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    assert "Other - R" in result.out
    assert "Day unreadable" in result.out
    assert "'99999-03-03' is not a date" in result.err
    assert result.err.strip().splitlines()[-1].startswith("followup: 1 application(s)")
    as_json = cli("history", "--json")
    assert as_json.code == 1
    assert None in [row["date"] for row in json.loads(as_json.out)]


@pytest.mark.parametrize(
    "argv", [("today", "--today", TODAY), ("list",), ("calendar", "--today", TODAY)]
)
def test_a_snooze_on_an_impossible_day_hides_nothing_and_stops_nothing(cli, damaged, argv):
    """The snooze table checks only the shape of its day: 2026-99-99 gets in.  The views go on:
    that snooze hides nothing (the application's own bad events are named as ever)."""
    result = cli(*argv)
    assert "Traceback" not in result.err
    assert result.code == 1  # the damaged events, named
    assert "Other" in result.out or argv[0] == "calendar"


def test_doctor_names_the_bad_snooze_and_unsnooze_sets_it_right(cli, damaged):
    before = cli("doctor")
    assert before.code == 1
    assert "its latest snooze ends on '2026-99-99', which is not a date" in before.out
    app = next(line.split(":")[0].strip() for line in before.out.splitlines() if "snooze" in line)
    assert cli("unsnooze", app, "--today", TODAY).code == 0
    after = cli("doctor")
    assert "snooze" not in after.out
