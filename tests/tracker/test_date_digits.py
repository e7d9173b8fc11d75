"""Every tracker date flag refuses a date in full-width digits for its digits, naming the flag
and the date as it must be written; nothing is saved."""

from __future__ import annotations

import pytest

# 2026-03-10 in full-width digits (U+FF10 is the full-width zero).
DAY = "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in "2026-03-10")


@pytest.mark.parametrize(
    "argv",
    [
        ("log", "{app}", "networked", "--date", DAY),
        ("log", "{app}", "committed", "--due", DAY),
        ("log", "{app}", "reply", "--outcome", "still_deciding", "--decision-by", DAY),
        ("close", "{app}", "--date", DAY),
        ("edit", "{app}", "--interviewed", DAY),
        ("snooze", "{app}", "--until", DAY),
        ("status", "{app}", "--today", DAY),
    ],
    ids=lambda argv: " ".join(a for a in argv if a.startswith("-") or a.isalpha()),
)
def test_full_width_digits_are_refused_as_such(tracker, acme, argv):
    flag = argv[-2]
    result = tracker(*(a.format(app=acme) for a in argv))
    assert result.code == 2, result.out
    assert f"followup: {flag}: " in result.err
    assert "is written with digits other than ASCII 0-9" in result.err
    assert "expected a date written YYYY-MM-DD in ASCII digits 0-9, that is 2026-03-10" in (
        result.err
    )
    assert "does not exist" not in result.err
    history = tracker("status", acme, "--today", "2026-03-12", "--json").json()["history"]
    assert history == []
