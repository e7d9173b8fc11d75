"""Where the tracker file is said to be: every way that path can fail to be a tracker is one
located message (the flag or variable, the path, what is wrong), exit 2, no traceback; and a
file that is there but empty is reported, never made a tracker by a command that only reads it
or changes one already tracked.  Only add and import start a tracker in it."""

from __future__ import annotations

import errno
import os

import pytest

from followup.errors import shortened

TODAY = ("--today", "2026-03-12")
ADD = ("add", "--company", "Acme", "--role", "Engineer", "--interviewed", "2026-03-02")
# Commands that only read the tracker, and commands that change an application in it.
READERS = [
    ("list",),
    ("today", *TODAY),
    ("history",),
    ("status", "acme"),
    ("export",),
    ("doctor",),
    ("calendar", *TODAY),
    ("report", "--out", "{tmp}/report.html"),
    ("draft", "acme"),
]
CHANGERS = [
    ("log", "acme", "networked", *TODAY),
    ("edit", "acme", "--role", "Engineer"),
    ("archive", "acme"),
    ("undo", "acme"),
]


def _refused(result, source: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert result.err.startswith(f"followup: {source}: "), result.err
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1  # one line


# -- a path that cannot be looked up ------------------------------------------------------------


@pytest.mark.parametrize("argv", [*READERS[:3], *CHANGERS[:1], ADD], ids=lambda a: a[0])
def test_a_file_name_too_long_is_named_not_a_traceback(run, tmp_path, argv):
    """A name longer than the system allows: the flag, the path cut short, why."""
    db = tmp_path / ("a" * 300 + ".db")
    result = run(*argv, "--db", db)
    _refused(result, "--db")
    assert f"'{shortened(str(db), 100)}': the file name is too long" in result.err
    assert len(result.err) < 300  # the 300 letters are not all echoed back
    assert list(tmp_path.iterdir()) == []


def test_the_same_from_followup_db(run, tmp_path, monkeypatch):
    """$FOLLOWUP_DB is named as where the path came from."""
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / ("b" * 300)))
    _refused(run("today", *TODAY), "$FOLLOWUP_DB")


def test_any_error_looking_the_path_up_is_named(run, tmp_path, monkeypatch):
    """Whatever the system answers when the path is looked up (here an I/O error), the answer
    is a located refusal, not a traceback."""
    db = tmp_path / "t.db"
    real_stat = os.stat

    def failing(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(db):
            raise OSError(errno.EIO, "Input/output error", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", failing)
    for argv in (("list",), ADD):
        result = run(*argv, "--db", db)
        _refused(result, "--db")
        assert f"'{db}': " in result.err
        assert "expected a tracker database file" in result.err


@pytest.mark.parametrize("argv", [("list",), ADD, CHANGERS[0]], ids=lambda a: a[0])
def test_a_file_where_a_folder_should_be_is_named(run, tmp_path, argv):
    """--db afile/x.db where afile is a file: says afile is a file, not a folder."""
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    result = run(*argv, "--db", afile / "deeper" / "x.db")
    _refused(result, "--db")
    assert f"'{afile}' is a file, not a folder" in result.err
    assert "File exists" not in result.err
    assert afile.read_text(encoding="utf-8") == "not a folder"


# -- an empty --db -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "  "])
@pytest.mark.parametrize("where", ["after", "before"])
def test_an_empty_db_flag_is_said_to_be_empty(run, tmp_path, monkeypatch, value, where):
    """Not "'.': is a directory": the value is empty, as an empty $FOLLOWUP_DB is."""
    monkeypatch.chdir(tmp_path)
    argv = ["list", "--db", value] if where == "after" else ["--db", value, "list"]
    result = run(*argv)
    _refused(result, "--db")
    assert "the value is empty" in result.err
    assert "directory" not in result.err
    assert list(tmp_path.iterdir()) == []


# -- an empty file ------------------------------------------------------------------------------


@pytest.fixture
def empty(tmp_path):
    """A file that is there but holds nothing (a tracker truncated, a mistaken path), alone in
    its folder."""
    path = tmp_path / "data" / "e1"
    path.parent.mkdir()
    path.write_bytes(b"")
    return path


def _untouched(empty) -> None:
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in empty.parent.iterdir()) == [empty.name]  # no -wal, no -shm


@pytest.mark.parametrize("argv", READERS + CHANGERS, ids=lambda a: " ".join(a[:2]))
def test_an_empty_file_is_reported_and_left_as_it_is(run, empty, tmp_path, argv):
    """Read or changed, an empty file is no tracker: said so (exit 2), and not written to."""
    result = run(*[a.format(tmp=tmp_path) for a in argv], "--db", empty)
    _refused(result, "--db")
    assert f"'{empty}' is empty" in result.err
    assert "not a followup tracker" in result.err
    assert "No applications" not in result.out
    _untouched(empty)


def test_doctor_does_not_call_an_empty_file_healthy(run, empty):
    """doctor checks the file: an empty one is not a healthy tracker."""
    result = run("doctor", "--db", empty, "--json")
    assert result.code == 2
    assert "healthy" not in result.out
    _untouched(empty)


def test_add_starts_a_tracker_in_an_empty_file(run, empty):
    """The commands that start a tracker may make one of an empty file, and say so."""
    result = run(*ADD, "--db", empty)
    assert result.code == 0, result.err
    assert "created a new tracker" in result.err
    assert empty.stat().st_size > 0
    assert run("list", "--db", empty, "--json").code == 0


def test_import_starts_a_tracker_in_an_empty_file(run, empty, tmp_path):
    case = tmp_path / "acme.yaml"
    case.write_text("id: acme\ninterview: 2026-03-02\n", encoding="utf-8")
    result = run("import", case, *TODAY, "--db", empty)
    assert result.code == 0, result.err
    assert run("status", "acme", "--db", empty, *TODAY).code == 0


def test_a_refused_add_leaves_an_empty_file_empty(run, empty):
    """Its input is checked before the file is touched."""
    result = run(*ADD[:-1], "2026-02-30", "--db", empty)
    assert result.code == 2
    _untouched(empty)
