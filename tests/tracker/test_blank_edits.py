"""``followup edit`` refuses a blank text flag the way ``add`` does: an unset shell variable
(``--company "$C"``) must not blank a value, and nothing is saved."""

from __future__ import annotations

import pytest

# Every text flag of `edit`; those --clear can remove say so in the refusal.
CLEARED_BY = {"--notes": "notes", "--country": "country", "--main-line": "main_line"}
TEXT_FLAGS = [
    "--company",
    "--role",
    "--interviewed",
    "--country",
    "--timezone",
    "--notes",
    "--decision-by",
    "--decision-in",
    "--follow-up-after",
    "--main-line",
]


def _facts(tracker, app):
    answer = tracker("status", app, "--today", "2026-03-12", "--json").json()
    return {k: v for k, v in answer.items() if k != "plan"}


@pytest.mark.parametrize("flag", TEXT_FLAGS)
@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_value_is_refused_and_nothing_changes(tracker, acme, flag, blank):
    """Exit 2, the flag named with what it expects, and the application as it was (no edit in
    its history)."""
    tracker("edit", acme, "--notes", "first round went well", "--main-line", "+1 555 010 0100")
    before = _facts(tracker, acme)
    result = tracker("edit", acme, flag, blank)
    assert result.code == 2, result.out
    assert f"followup: {flag}: the value is empty; expected " in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    assert _facts(tracker, acme) == before
    if flag in CLEARED_BY:
        assert f"'--clear {CLEARED_BY[flag]}' to remove it" in result.err


def test_a_blank_value_refuses_the_whole_edit(tracker, acme):
    """A blank flag next to a good one: neither is saved."""
    before = _facts(tracker, acme)
    result = tracker("edit", acme, "--role", "Senior DE", "--company", "")
    assert result.code == 2
    assert "--company: the value is empty" in result.err
    assert _facts(tracker, acme) == before


@pytest.mark.parametrize("command", ["add", "edit"])
def test_add_and_edit_refuse_a_blank_company_in_the_same_words(tracker, acme, command):
    """One check for both commands: the same message, the same exit code."""
    argv = ["--company", " ", "--role", "Engineer"]
    if command == "add":
        argv += ["--interviewed", "2026-03-02"]
    result = tracker(command, *([acme] if command == "edit" else []), *argv)
    assert result.code == 2
    assert "followup: --company: the value is empty; expected the company you interviewed with" in (
        result.err
    )


def test_a_blank_main_line_is_refused_by_add_too(tracker):
    """add used to save an empty phone number for ``--main-line ""``."""
    add = ("add", "--company", "Acme", "--role", "Engineer", "--interviewed", "2026-03-02")
    result = tracker(*add, "--main-line", "")
    assert result.code == 2
    assert "--main-line: the value is empty" in result.err
    assert tracker("list", "--all", "--json").json() == []


def test_clear_still_removes_a_value(tracker, acme):
    """What a blank value may have meant is still there, as its own flag."""
    assert tracker("edit", acme, "--notes", "call Dana").code == 0
    result = tracker("edit", acme, "--clear", "notes", "--json")
    assert result.code == 0, result.err
    assert result.json()["edit"] == {"notes": None}
