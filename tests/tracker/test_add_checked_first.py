"""``followup add`` checks all it is given (the whole application, by the same case-file rules as
import and validate) before the tracker file is created or opened: a refused add leaves no file,
no folder, and says nothing about creating a tracker."""

from __future__ import annotations

import pytest

GOOD = {"--company": "Acme", "--role": "Engineer", "--interviewed": "2026-03-02"}
BAD = [
    ("--interviewed", "\uff12\uff10\uff12\uff16-03-02"),  # full-width digits
    ("--interviewed", "2026-02-30"),
    ("--interviewed", "xx"),
    ("--country", "XX"),
    ("--timezone", "Mars/Base"),
    ("--decision-in", "5x"),
    ("--decision-by", "2026-13-01"),
    ("--follow-up-after", "soon"),
    ("--main-line", "call me"),
]


@pytest.mark.parametrize(("flag", "value"), BAD, ids=[f"{f} {v}" for f, v in BAD])
def test_a_refused_add_creates_no_tracker(run, tmp_path, flag, value):
    """Exit 2, the flag named; the database and its folder are not created."""
    db = tmp_path / "data" / "t.db"
    given = GOOD | {flag: value}
    result = run("add", *[x for kv in given.items() for x in kv], "--db", db)
    assert result.code == 2, result.out
    assert f"followup: {flag}: " in result.err
    assert "created a new tracker" not in result.err
    assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_the_same_through_followup_db(run, tmp_path, monkeypatch):
    """$FOLLOWUP_DB naming a file in a folder that exists: still no file."""
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "t.db"))
    given = GOOD | {"--interviewed": "2026-02-30"}
    result = run("add", *[x for kv in given.items() for x in kv])
    assert result.code == 2
    assert list(tmp_path.iterdir()) == []


def test_a_refused_add_leaves_a_tracker_as_it_was(tracker, db, acme):
    """With a tracker there, a refused add changes nothing in it either."""
    before = db.read_bytes()
    given = GOOD | {"--country": "XX"}
    assert tracker("add", *[x for kv in given.items() for x in kv]).code == 2
    assert db.read_bytes() == before


def test_a_good_add_still_creates_it(run, tmp_path):
    db = tmp_path / "data" / "t.db"
    result = run("add", *[x for kv in GOOD.items() for x in kv], "--db", db)
    assert result.code == 0, result.err
    assert "created a new tracker" in result.err
    assert db.exists()
