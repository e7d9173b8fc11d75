"""One limit on the length of any text the tracker takes (`MAX_TEXT`): a text over it is refused
wherever it comes in (a flag of add, edit, log, archive; a value in an imported file), naming
where it was, the limit and its length; nothing is saved; a text of exactly the limit is kept."""

from __future__ import annotations

import time

import pytest

from followup.tracker.records import MAX_TEXT

TOO_LONG = "x" * (MAX_TEXT + 1)


def _refused(result, where: str, length: int = MAX_TEXT + 1) -> None:
    assert result.code == 2, result.out
    assert f"{where}: the text is {length:,} characters long" in result.err, result.err
    assert f"expected at most {MAX_TEXT:,} characters" in result.err
    assert "Traceback" not in result.err
    assert len(result.err) < 1000  # the text itself is not echoed back


def _history(tracker, app):
    return tracker("status", app, "--today", "2026-03-12", "--json").json()["history"]


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--company", TOO_LONG),
        ("--role", TOO_LONG),
        ("--main-line", TOO_LONG),
        ("--interviewer", TOO_LONG),
        ("--recruiter", f"Rita <{TOO_LONG}@acme.example>"),
    ],
)
def test_add_refuses_a_text_too_long(tracker, flag, value):
    """Nothing is tracked; the flag is named."""
    given = {"--company": "Acme", "--role": "Engineer", "--interviewed": "2026-03-02"}
    given[flag] = value
    _refused(tracker("add", *[x for kv in given.items() for x in kv]), flag, len(value))
    assert tracker("list", "--all", "--json").json() == []


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--notes", TOO_LONG),
        ("--company", TOO_LONG),
        ("--add-recruiter", TOO_LONG),
        ("--interviewer", f"{TOO_LONG} <dana@acme.example>"),
    ],
)
def test_edit_refuses_a_text_too_long(tracker, acme, flag, value):
    """The application stays as it was: no edit in its history."""
    _refused(tracker("edit", acme, flag, value), flag, len(value))
    assert _history(tracker, acme) == []


def test_log_refuses_a_note_too_long(tracker, acme):
    """The event is not recorded."""
    result = tracker("log", acme, "networked", "--note", TOO_LONG, "--today", "2026-03-12")
    _refused(result, "--note")
    assert _history(tracker, acme) == []


def test_archive_refuses_a_reason_too_long(tracker, acme):
    """The application is not archived."""
    _refused(tracker("archive", acme, "--reason", TOO_LONG), "--reason")
    assert acme in {row["id"] for row in tracker("list", "--all", "--json").json()}


def test_a_text_of_exactly_the_limit_is_kept_whole(tracker, acme):
    """The limit is generous, and a note at it is stored as typed, not cut."""
    notes = "n" * MAX_TEXT
    assert tracker("edit", acme, "--notes", notes).code == 0
    assert f"notes: {notes}\n" in tracker("export", acme).out


def test_a_50_mb_argument_is_refused_at_once(tracker, acme):
    """What a runaway script could pass: refused without being read through the rules."""
    huge = "x" * (50 * 1024 * 1024)
    started = time.monotonic()
    result = tracker("edit", acme, "--notes", huge)
    assert time.monotonic() - started < 10
    _refused(result, "--notes", len(huge))
    assert _history(tracker, acme) == []


def test_import_refuses_each_file_with_a_text_too_long_where_it_is(tracker, tmp_path):
    """Each too-long text is a located problem of its own file; the other files are still read
    (their problems reported too), and, as for any problem, nothing is imported."""
    note = tmp_path / "note.yaml"
    note.write_text(
        "id: note\ninterview: 2026-03-02\nevents:\n"
        f"  - date: 2026-03-03\n    type: networked\n    note: {TOO_LONG}\n",
        encoding="utf-8",
    )
    notes = tmp_path / "notes.yaml"
    notes.write_text(f"id: notes\ninterview: 2026-03-02\nnotes: {TOO_LONG}\n", encoding="utf-8")
    typo = tmp_path / "typo.yaml"
    typo.write_text("id: typo\ninterview: 2026-02-30\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("id: good\ninterview: 2026-03-02\n", encoding="utf-8")
    result = tracker("import", note, notes, typo, good, "--today", "2026-03-12")
    assert result.code == 2
    lines = result.err.splitlines()
    assert f"{note}:6:11: the text is {MAX_TEXT + 1:,} characters long; expected at most" in (
        "\n".join(lines)
    )
    assert any(line.startswith(f"{notes}:3:8: the text is ") for line in lines), result.err
    assert any(line.startswith(f"{typo}:2:") for line in lines), result.err
    assert len(result.err) < 2000
    assert tracker("list", "--all", "--json").json() == []
    # Fixed, they import.
    note.write_text("id: note\ninterview: 2026-03-02\n", encoding="utf-8")
    notes.write_text(
        f"id: notes\ninterview: 2026-03-02\nnotes: {'n' * MAX_TEXT}\n", encoding="utf-8"
    )
    assert tracker("import", note, notes, good, "--today", "2026-03-12").code == 0
    assert len(tracker("list", "--all", "--json").json()) == 3
