"""How an application ended reads as what happened: an offer you accepted or declined says so
(the answer's own words in `semantics.meaning.EVENTS`), not just "you got an offer"; every
view (close, status, list, log) says it the same way."""

from __future__ import annotations

import pytest

from followup.semantics.meaning import EVENTS

TODAY = ("--today", "2026-03-12")
# `close --as` -> how every view says it ended.
ENDINGS = {
    "withdrew": "you withdrew",
    "accepted": EVENTS["accepted"].words,
    "declined": EVENTS["declined"].words,
    "offer": "you got an offer",
    "rejection": "they said no",
}


@pytest.mark.parametrize("how", list(ENDINGS))
def test_each_way_to_close_reads_as_what_happened(tracker, acme, how):
    """close, status and list all say it, and only it; no traceback."""
    closed = tracker("close", acme, "--as", how, *TODAY)
    assert closed.code == 0, closed.err
    assert closed.out.splitlines()[-1] == f"{acme} is closed: {ENDINGS[how]}"
    status = tracker("status", acme, *TODAY).out
    assert f"Closed on Thu 2026-03-12: {ENDINGS[how]}." in status
    listed = tracker("list", "--all", *TODAY).out
    assert f"closed: {ENDINGS[how]}\n" in listed
    others = set(ENDINGS.values()) - {ENDINGS[how]}
    assert not any(f": {words}" in status + listed for words in others)


def test_an_offer_reads_as_answered_once_the_answer_is_recorded(tracker, acme):
    """Offer first, then the answer: the answer is what the plan says; undo it and the offer
    waits for an answer again."""
    tracker("close", acme, "--as", "offer", "--date", "2026-03-10", *TODAY)
    logged = tracker("log", acme, "accepted", "--date", "2026-03-11", *TODAY)
    assert logged.code == 0, logged.err
    assert logged.out.splitlines()[-1] == f"{acme} is closed; closed: you accepted their offer"
    assert "Closed on Tue 2026-03-10: you accepted their offer." in (
        tracker("status", acme, *TODAY).out
    )
    # The day before the answer, the plan still waits for it.
    assert "Closed on Tue 2026-03-10: you got an offer." in (
        tracker("status", acme, "--today", "2026-03-10").out
    )
    undone = tracker("undo", acme, *TODAY)
    assert undone.out.splitlines()[-1].endswith("closed: you got an offer")


def test_json_keeps_the_outcome_the_engine_gives(tracker, acme):
    """Scripts still read the outcome's own value: an accepted offer closes as ``offer``."""
    answer = tracker("close", acme, "--as", "accepted", "--json", *TODAY).json()
    assert answer["outcome"] == "offer"
