"""``prove`` tries the interview at each part of the day where a rule reads ``interview_part``.

The engine knows a time of day only as its part (morning, afternoon, evening, or unknown), so a
playbook that acts on it behaves differently for a morning interview; a proof that only tried
interviews with no time would report its limits kept when a morning interview breaks them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from followup import catalog
from followup.lint.gherkin import scenario
from followup.lint.prove import prove
from followup.lint.space import PART_TIMES, ProofOptions, build_space

DATA = Path(__file__).parent / "data"


def _report(name: str):
    return prove(catalog.load(str(DATA / name)), ProofOptions(sound=False))


def test_a_limit_only_a_morning_interview_breaks_is_found():
    report = _report("morning-only.yaml")
    assert {b.limit for b in report.breaches} == {"max_contacts_per_round"}
    witness = report.per_round.witness
    assert witness is not None
    assert witness.start.interview_time is not None
    assert witness.start.interview_time.hour < 12  # a morning
    # The counterexample says when the interview was, in the step library's words.
    text = scenario("morning-only.yaml", witness, "morning")
    assert f"the interview was on {witness.start.interview.isoformat()} at 09:00" in text


def test_a_next_round_in_the_evening_is_tried_too():
    """The check-ins come only in a next round whose interview is in the evening."""
    report = _report("evening-next-round.yaml")
    assert {b.limit for b in report.breaches} == {"max_contacts_per_round"}
    witness = report.per_round.witness
    assert witness is not None
    rounds = [ev for ev in witness.events if ev[3] == "next_round"]
    evening = PART_TIMES["evening"]
    assert evening is not None
    assert rounds
    assert rounds[0][5] == f"{evening:%H:%M}"
    text = scenario("evening-next-round.yaml", witness, "evening")
    assert "with an interview on " in text
    assert f"at {evening:%H:%M}" in text


def test_a_playbook_that_reads_no_time_is_explored_without_one():
    """No rule reads the part of the day: one part (unknown), so the space does not grow."""
    space = build_space(catalog.load("stalker-free").playbook, ProofOptions(sound=False))
    assert space.parts == ("unknown",)
    assert {s.interview_time for s in space.starts} == {None}
    reading = build_space(
        catalog.load(str(DATA / "morning-only.yaml")).playbook, ProofOptions(sound=False)
    )
    assert reading.parts == ("morning", "afternoon", "evening", "unknown")
    untimed = {replace(s, interview_time=None) for s in reading.starts}
    assert len(reading.starts) == 4 * len(untimed)
