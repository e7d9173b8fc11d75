"""Blank is blank however it is written: only spaces, or only invisible characters (a zero-width
space, a byte-order mark, a control character) show as nothing where the value is listed.  One
definition (`followup.errors.blank`) refuses them in every way text comes in: add's and edit's
flags, log's, archive --reason, an imported case file (located, every file reported, nothing
saved) and the case language itself, so validate agrees.  A NUL character is refused as well."""

from __future__ import annotations

import pytest

from followup.errors import blank

TODAY = ("--today", "2026-03-12")
INVISIBLE = ["\u200b", "\ufeff", "\u200b \u2060", "\x01", " \t\u00ad "]


@pytest.mark.parametrize("text", ["", "   ", "\n\t", *INVISIBLE])
def test_blank_texts(text):
    assert blank(text)


@pytest.mark.parametrize(
    "text", ["A", " a ", "a\u200b", "\u200bAcme", "数据", "\u3000x", "\U0001f600"]
)
def test_texts_that_show_something_are_not_blank(text):
    assert not blank(text)


@pytest.mark.parametrize("text", INVISIBLE)
@pytest.mark.parametrize("flag", ["--company", "--role"])
def test_add_refuses_invisible_text(tracker, db, flag, text):
    given = {"--company": "Acme", "--role": "Engineer", "--interviewed": "2026-03-02"}
    result = tracker("add", *[x for kv in (given | {flag: text}).items() for x in kv])
    assert result.code == 2, result.out
    assert result.err.startswith(f"followup: {flag}: the value is empty")
    assert not db.exists()


def test_the_refusal_shows_what_the_value_holds(tracker):
    result = tracker("add", "--company", "\u200b", "--role", "R", "--interviewed", "2026-03-02")
    assert "\\u200b" in result.err  # written as an escape, so the user sees what was there


def test_an_invisible_interviewer_name_is_refused(tracker, db):
    argv = ["--company", "A", "--role", "R", "--interviewed", "2026-03-02"]
    result = tracker("add", *argv, "--interviewer", "\u200b <dana@acme.example>")
    assert result.code == 2
    assert result.err.startswith("followup: --interviewer: the name is empty")
    assert not db.exists()


def _history(tracker, app):
    return tracker("status", app, *TODAY, "--json").json()["history"]


@pytest.mark.parametrize("text", INVISIBLE[:2])
def test_edit_and_log_refuse_invisible_text(tracker, acme, text):
    for argv in (("edit", acme, "--company", text), ("log", acme, "networked", "--note", text)):
        result = tracker(*argv, *(TODAY if argv[0] == "log" else ()))
        assert result.code == 2, result.out
        assert ": the value is empty" in result.err
    assert _history(tracker, acme) == []


@pytest.mark.parametrize("reason", ["", " ", "\u200b"])
def test_archive_refuses_a_blank_reason(tracker, acme, reason):
    result = tracker("archive", acme, "--reason", reason)
    assert result.code == 2, result.out
    assert result.err.startswith("followup: --reason: the value is empty")
    assert acme in tracker("list", "--json").out  # not archived


def test_archive_still_takes_a_reason_or_none(tracker, acme):
    assert tracker("archive", acme, "--reason", "went with another offer").code == 0
    assert tracker("unarchive", acme).code == 0
    assert tracker("archive", acme).code == 0


# -- import and validate ------------------------------------------------------------------------

CASE = "interview: '2026-03-02'\ninterviewers:\n- name: Dana\n"
FILES = {
    "spaces.yaml": 'company: "   "\nrole: R\n',
    "zero-width.yaml": 'company: "\\u200b"\nrole: R\n',
    "bom-role.yaml": 'company: A\nrole: "\\ufeff"\n',
    "nul.yaml": 'company: "a\\0b"\nrole: R\n',
    "good.yaml": "company: Good\nrole: R\n",
}


@pytest.fixture
def cases(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(f"id: {name.removesuffix('.yaml')}\n{text}{CASE}", "utf-8")
    return folder


def test_import_refuses_each_bad_file_where_it_is_and_saves_nothing(tracker, cases, db):
    """Every bad file is reported at its line (one does not hide another); import is
    all-or-nothing, so the good file is not saved either, and no tracker is created."""
    result = tracker("import", *sorted(cases.iterdir()), *TODAY)
    assert result.code == 2, result.out
    said = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in result.err.splitlines()}
    assert said[f"{cases / 'spaces.yaml'}:2:10"].startswith("the company is empty")
    assert said[f"{cases / 'zero-width.yaml'}:2:10"].startswith("the company is empty")
    assert said[f"{cases / 'bom-role.yaml'}:3:7"].startswith("the role is empty")
    assert "NUL" in said[f"{cases / 'nul.yaml'}:2:10"]
    assert not any("good.yaml" in where for where in said)
    assert not db.exists()


def test_import_takes_the_good_file_alone(tracker, cases):
    assert tracker("import", cases / "good.yaml", *TODAY).code == 0


@pytest.mark.parametrize("name", ["spaces.yaml", "zero-width.yaml", "bom-role.yaml"])
def test_validate_agrees(run, cases, name):
    """The case language refuses a blank company or role, so validate says what import says."""
    result = run("validate", cases / name)
    assert result.code == 2, result.out
    assert " is empty" in result.err


@pytest.mark.parametrize("company", ["", "company: ''\n"], ids=["left out", "empty"])
def test_a_case_without_a_company_is_still_fine(tracker, tmp_path, company):
    """Leaving the key out, or writing it '' (its default: none), is not writing it blank."""
    case = tmp_path / "acme.yaml"
    case.write_text(f"id: acme\n{company}{CASE}", encoding="utf-8")
    assert tracker("import", case, *TODAY).code == 0
