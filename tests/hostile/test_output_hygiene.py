"""Whatever a user or coach wrote shows escaped in the terminal and never reaches a .ics raw.

Control characters (C0 but the line breaks and tabs a block is made of, DEL, C1), bidi controls
and the Unicode line and paragraph separators could clear the screen, move the cursor, ring
the bell or show a name reversed; each is written as its escape (``\\x1b``, ``\\u202e``), by the
one function every renderer uses (`followup.errors.visible`).
"""

from __future__ import annotations

import json

import pytest

from followup.errors import visible
from followup.io.yaml_reader import read_yaml_text

TODAY = "2026-03-12"
# Every kind, one of each: C0 (ESC, BEL, CR, BS), DEL, C1 (CSI), bidi, line separators.
HOSTILE = "\x1b[2J\x07\r\x08\x7f\x9b\u202a\u202e\u2066\u2069\u2028\u2029"
UNSEEN = set(HOSTILE) - set("[2J")
COMPANY = f"Acme{HOSTILE}Corp"
NOTE = f"called\nthem{HOSTILE}"


def _raw(text: str) -> set[str]:
    return UNSEEN & set(text)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture
def app(cli, tmp_path) -> str:
    """An application whose company, role, interviewer and a note hold every hostile kind."""
    added = cli(
        "add",
        "--company", COMPANY,
        "--role", f"Engineer{HOSTILE}",
        "--interviewed", "2026-03-02",
        "--interviewer", f"Dana{HOSTILE}Reyes <dana@acme.example>",
        "--json",
    )  # fmt: skip
    assert added.code == 0, added.err
    app_id = json.loads(added.out)["id"]
    logged = cli("log", app_id, "networked", "--date", "2026-03-05", "--note", NOTE)
    assert logged.code == 0, logged.err
    assert not _raw(logged.out)
    assert "\\x1b" in logged.out  # escaped, not dropped: the user sees what is there
    return app_id


@pytest.mark.parametrize(
    "argv",
    [
        ("list",),
        ("list", "--json"),
        ("today",),
        ("today", "--json"),
        ("status", "{app}"),
        ("status", "{app}", "--json"),
        ("draft", "{app}"),
        ("draft", "{app}", "--json"),
        ("draft", "{app}", "thank_you"),
        ("doctor",),
        ("doctor", "--json"),
        ("calendar",),
    ],
)
def test_every_view_escapes_what_was_written(cli, app, argv):
    """Nothing hostile reaches the terminal, in text or in JSON, and JSON still reads back."""
    args = [a.format(app=app) for a in argv]
    result = cli(*args, "--today", TODAY) if args[0] != "doctor" else cli(*args)
    assert result.code in (0, 2), result.err
    out = result.out.replace("\r\n", "\n") if args[0] == "calendar" else result.out  # CRLF
    assert not _raw(out), (args, _raw(out))
    assert not _raw(result.err), (args, _raw(result.err))
    if "--json" in args and args[0] != "doctor":
        # The data is intact, only written safely: a JSON reader gets the very characters.
        assert any(HOSTILE in text for text in _strings(json.loads(result.out)))


def test_a_note_cannot_fake_a_line_of_status(cli, app):
    """The note's newline is shown as \\n inside its own line of the history."""
    result = cli("status", app, "--today", TODAY)
    lines = [line for line in result.out.splitlines() if "networked" in line]
    assert len(lines) == 1
    assert "called\\nthem" in lines[0]


def test_the_calendar_file_holds_no_hostile_character(cli, app, tmp_path):
    """The .ics (summary, description, alarm) holds the escapes, never the characters."""
    out = tmp_path / "f.ics"
    result = cli("calendar", "--out", out, "--today", TODAY)
    assert result.code == 0, result.err
    text = out.read_bytes().decode("utf-8")
    assert not _raw(text.replace("\r\n", "")), _raw(text)
    assert "\\\\x1b" in text or "\\x1b" in text


def test_export_writes_escapes_that_read_back_as_the_same_text(cli, app):
    """Export is data: the YAML quotes and escapes them, and importing gives the same text."""
    result = cli("export", app)
    assert result.code == 0, result.err
    assert not _raw(result.out)
    data = read_yaml_text(result.out.split("\n", 2)[2], "export").data
    assert data["company"] == COMPANY
    assert data["events"][0]["note"] == NOTE


def test_a_plan_from_a_case_file_escapes_it_too(cli, tmp_path):
    """``followup plan`` on a case file whose company and interviewer hold them."""
    case = tmp_path / "c.yaml"
    escaped = HOSTILE.encode("unicode_escape").decode().replace("\\x", "\\u00")
    case.write_text(
        f'id: c\ninterview: 2026-03-02\ncompany: "Acme{escaped}"\n'
        f'interviewers: [{{name: "Dana{escaped}"}}]\n',
        encoding="utf-8",
    )
    for argv in (("plan", case), ("plan", case, "--json"), ("explain", case)):
        result = cli(*argv, "--playbook", "week-then-on-hold", "--today", TODAY)
        assert result.code == 0, result.err
        assert not _raw(result.out), argv


def test_an_error_quoting_a_hostile_value_is_escaped(cli, app):
    """A message that quotes what the user typed: escaped like everything else."""
    result = cli("log", f"nobody{HOSTILE}", "networked")
    assert result.code == 2
    assert not _raw(result.err)
    assert visible(f"nobody{HOSTILE}") in result.err


def test_visible_keeps_only_what_it_is_told():
    """The one function: every kind escaped; a block's newlines and a draft's tabs kept."""
    assert visible(HOSTILE + "\n\t").isascii()
    assert visible("a\nb\tc", keep="\n\t") == "a\nb\tc"
    assert visible("a\nb", keep="\t") == "a\\nb"
