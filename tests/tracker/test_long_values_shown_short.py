"""A long value (pages of --notes) is echoed cut short, with its length, wherever an edit is
described in one line (edit, status, history, undo); it is stored whole, and JSON gives it whole."""

from __future__ import annotations

from followup.errors import shortened

TODAY = ("--today", "2026-03-12")
OLD, NEW = "y" * 10_000, "z" * 10_000


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def test_shortened_keeps_the_start_and_says_how_long():
    assert shortened("short") == "short"
    assert shortened("x" * 80) == "x" * 80  # cutting would save next to nothing
    assert shortened(NEW) == "z" * 60 + "... (10,000 characters)"


def test_every_echo_of_a_long_edit_is_short(tracker, acme):
    tracker("edit", acme, "--notes", OLD)
    edited = tracker("edit", acme, "--notes", NEW)
    assert edited.code == 0, edited.err
    views = {
        "edit": edited.out,
        "status": tracker("status", acme, *TODAY).out,
        "history": tracker("history").out,
        "undo": tracker("undo", acme).out,
    }
    for name, out in views.items():
        assert _longest_line(out) < 300, name
        assert "... (10,000 characters)" in out, name
    assert "y" * 60 + "... (10,000 characters) -> " + "z" * 60 in views["edit"]


def test_the_value_itself_is_kept_whole(tracker, acme):
    tracker("edit", acme, "--notes", NEW)
    assert tracker("status", acme, *TODAY, "--json").json()["history"][-1]["edit"]["notes"] == NEW
    assert f"notes: {NEW}" in tracker("export", acme).out
