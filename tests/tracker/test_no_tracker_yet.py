"""A command that can only change an application already tracked, pointed at a tracker file that
does not exist, says there is no tracker there yet and how to start one, and leaves no file or
folder behind; the commands that start a tracker (add, import) still create it."""

from __future__ import annotations

import pytest

TODAY = ("--today", "2026-03-12")
CHANGES = [
    ("log", "acme", "networked", *TODAY),
    ("undo", "acme"),
    ("snooze", "acme", "--until", "2026-03-20", *TODAY),
    ("unsnooze", "acme", *TODAY),
    ("close", "acme", "--as", "accepted", *TODAY),
    ("reopen", "acme"),
    ("edit", "acme", "--role", "Engineer"),
    ("archive", "acme"),
    ("unarchive", "acme"),
    ("switch", "acme", "week-then-on-hold"),
    ("choose", "acme", "--apply", "--employer-said", "unspecified"),
]


def _refused(result, db) -> None:
    assert result.code == 2, result.out
    assert result.out == ""
    assert f"no tracker yet at '{db}' (the file does not exist)" in result.err
    assert "'followup add' or 'followup import' starts one" in result.err
    assert "no application" not in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("argv", CHANGES, ids=[a[0] for a in CHANGES])
def test_a_change_to_a_tracker_that_does_not_exist_creates_nothing(run, tmp_path, argv):
    """--db in a folder that does not exist: refused, and neither is created."""
    db = tmp_path / "nowhere" / "none.db"
    _refused(run(*argv, "--db", db), db)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", CHANGES[:3], ids=[a[0] for a in CHANGES[:3]])
def test_the_same_through_followup_db(run, tmp_path, monkeypatch, argv):
    """$FOLLOWUP_DB is named as where the path came from."""
    db = tmp_path / "none.db"
    monkeypatch.setenv("FOLLOWUP_DB", str(db))
    result = run(*argv)
    _refused(result, db)
    assert result.err.startswith("followup: $FOLLOWUP_DB: ")
    assert list(tmp_path.iterdir()) == []


def test_a_command_that_starts_a_tracker_still_creates_it(tracker, db, tmp_path):
    """add creates the file (and its folder), says so, and then log finds the application."""
    add = ("add", "--company", "Acme", "--role", "Engineer", "--interviewed", "2026-03-02")
    result = tracker(*add)
    assert result.code == 0, result.err
    assert "created a new tracker" in result.err
    assert db.exists()
    assert tracker("log", result.out.strip(), "networked", *TODAY).code == 0


def test_import_still_creates_it(tracker, db, tmp_path):
    """import starts a tracker too."""
    case = tmp_path / "acme.yaml"
    case.write_text("id: acme\ninterview: 2026-03-02\n", encoding="utf-8")
    assert tracker("import", case, *TODAY).code == 0
    assert db.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ("--company", "", "--role", "Engineer"),
        ("--company", "Acme", "--role", "Engineer", "--interviewer", "<dana@acme.example>"),
        ("--company", "Acme", "--role", "Engineer", "--playbook", "no-such-playbook"),
    ],
)
def test_add_refused_for_a_bad_flag_creates_nothing(tracker, db, argv):
    """An add refused for its flags leaves no empty tracker behind either."""
    result = tracker("add", *argv, "--interviewed", "2026-03-02")
    assert result.code == 2
    assert "created a new tracker" not in result.err
    assert not db.parent.exists()
