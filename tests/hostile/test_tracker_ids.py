"""Ids are valid by construction: every way into the tracker checks them by the one definition.

Before, a case file without ``id:`` was stored under its file name unchecked, and then ``list``,
``today`` and ``calendar`` failed for every application; a 300-character id could not be
exported.  Now such an id is refused, located, with a valid one suggested.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from followup.errors import UsageError, visible
from followup.language.patterns import ID_LIMIT, id_problem, suggest_id
from followup.tracker.store import open_store

TODAY = "2026-03-12"
CASE = "interview: 2026-03-02\ncompany: Acme\n"


def _file(folder: Path, name: str, text: str = CASE) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("stem", "suggested"),
    [
        ("my case (final)", "my-case-final"),
        ("été 2026", "ete-2026"),
        ("-draft", "draft"),
        ("a\u202eb", "ab"),
    ],
)
def test_an_invalid_file_name_is_refused_with_a_valid_id_suggested(cli, tmp_path, stem, suggested):
    """No ``id:`` and a file name that is no id: a located error naming an id that would do."""
    path = _file(tmp_path, f"{stem}.yaml")
    result = cli("import", path)
    assert result.code == 2
    assert result.err.startswith(f"{visible(str(path))}:1:1: no 'id:' and the file name")
    assert f"expected an id line such as 'id: {suggested}'" in result.err
    assert "Traceback" not in result.err
    assert cli("list", "--all", "--json").out.strip() == "[]"  # nothing was saved


def test_after_a_refused_import_every_view_still_works(cli, tmp_path):
    """The bug this fixes: an import that succeeded, then list, today and calendar all exit 2."""
    cli("import", _file(tmp_path, "my case (final).yaml"))
    good = cli("import", _file(tmp_path, "good.yaml"))
    assert good.code == 0, good.err
    for argv in (("list",), ("today",), ("calendar",), ("export",)):
        result = cli(*argv, "--today", TODAY) if argv[0] != "export" else cli(*argv)
        assert result.code == 0, (argv, result.err)


@pytest.mark.parametrize(
    "bad",
    ["x" * (ID_LIMIT + 1), "x" * 300, "ab\n", "a b", "-x", "a/b", "a\x1b[31m", "a\u2066b", ""],
)
def test_an_id_in_the_file_is_checked_by_the_same_rule(cli, tmp_path, bad):
    """``id:`` itself: too long, a trailing newline, a space, a control or bidi character."""
    text = f'id: "{bad.encode("unicode_escape").decode()}"\n' + CASE
    result = cli("import", _file(tmp_path, "case.yaml", text))
    assert result.code == 2
    assert result.err.startswith(f"{tmp_path / 'case.yaml'}:1:")
    assert "\x1b" not in result.err
    assert "\u2066" not in result.err


def test_the_longest_id_is_accepted_and_exported(cli, tmp_path):
    """64 characters: stored, and its export names a file the system can write."""
    longest = "a" * ID_LIMIT
    assert cli("import", _file(tmp_path, "c.yaml", f"id: {longest}\n" + CASE)).code == 0
    result = cli("export", "--out", tmp_path / "out")
    assert result.code == 0, result.err
    assert (tmp_path / "out" / f"{longest}.yaml").is_file()


def test_the_store_refuses_an_invalid_id_from_any_caller(tmp_path):
    """Whatever code calls the store (add, import, a rename), the id is checked there."""
    with open_store(tmp_path / "t.db") as store, pytest.raises(UsageError) as err, store.writing():
        store.add_application("my case", {"interview": "2026-03-02"})
    assert str(err.value).startswith("id: the id 'my case' is not a valid id; expected")
    assert "e.g. 'my-case'" in str(err.value)


@pytest.mark.parametrize("bad", ["my case", "x" * (ID_LIMIT + 1), "-x", "a\nb", "é"])
def test_the_database_refuses_an_invalid_id_written_by_hand(tmp_path, bad):
    """The same rule as a trigger: SQL written outside followup cannot store such an id."""
    db = tmp_path / "t.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="application id"):
            conn.execute(
                "INSERT INTO applications (id, created_at, company, role, interview, employer,"
                " interviewers) VALUES (?, 'now', '', '', '2026-03-02', '{}', '[]')",
                (bad,),
            )
    finally:
        conn.close()


def test_a_taken_id_is_renamed_to_a_valid_one(cli, tmp_path):
    """An import whose id is taken gets a new id, valid like every other."""
    cli("import", _file(tmp_path, "a.yaml", "id: acme\n" + CASE))
    again = cli("import", _file(tmp_path, "b.yaml", "id: ACME\n" + CASE), "--allow-duplicate")
    assert again.code == 0, again.err
    new_id = again.out.split(" as ")[1].split()[0]
    assert id_problem(new_id) is None
    assert new_id != "ACME"


@pytest.mark.parametrize("text", ["my case (final)", "\x00\x1b\u202e", "x" * 500, "..", "é" * 80])
def test_a_suggested_id_is_always_valid(text):
    """Whatever the file was called, the id suggested in the message is one the tracker takes."""
    assert id_problem(suggest_id(text)) is None


def test_name_too_long_for_the_system_is_not_the_problem(tmp_path):
    """A 64-character id plus '.yaml' fits every file system's name limit."""
    assert ID_LIMIT + len(".yaml") < os.pathconf(tmp_path, "PC_NAME_MAX")


def test_an_overlong_playbooks_folder_is_a_usage_error(cli):
    """--playbooks with a name the system cannot look up: refused by name, exit 2, no traceback."""
    case = Path(__file__).resolve().parents[2] / "examples" / "cases" / "acme-data-eng.yaml"
    result = cli("validate", str(case), "--playbooks", "A" * 5000, "--json")
    assert result.code == 2
    assert result.err.startswith("followup: --playbooks: ")
