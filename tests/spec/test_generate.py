"""``followup spec --generate ID``: scenarios for every transition and timer, passing as printed."""

from __future__ import annotations

import re
from functools import cache

import pytest

from followup.spec.generate import generate_feature
from followup.spec.search import MAX_MOVES

BUNDLED_IDS = ("dos-and-donts", "fine-line", "how-many-times", "stalker-free", "week-then-on-hold")
# The README's example, with a timer that needs two check-ins first (a guard on a count).
TWO_NUDGES = """\
id: two-nudges
title: Two polite nudges
source: {title: Our coaching notes, author: A. Coach}
parameters:
  wait: 1w
  most: 2
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}
  - {id: nudged, from: waiting, on: check_in_sent, to: checked-in}
  - id: let-go
    from: [waiting, checked-in]
    after: last_contact + wait
    when: {check_ins: {ge: most}}
    to: closed
    outcome: moved_on
    advice: Two unanswered nudges are enough.
actions:
  - id: thank
    in: interviewed
    kind: thank_you
    due: interview
    channel: email
    advice: Thank each interviewer the same day.
  - id: nudge
    in: [waiting, checked-in]
    kind: check_in
    due: {later_of: [interview + wait, decision_by]}
    repeat: {every: wait, max: most}
    channel: [preferred, email]
    when: {follow_up: {is_not: not_wanted}}
    advice: Check in a week after the interview, or once their date has passed.
"""


@cache
def _generated(playbook_id: str) -> str:
    """The generated feature of a bundled playbook (generated once per test run)."""
    return generate_feature(playbook_id)


def _counts(report: str, heading: str) -> list[tuple[int, int]]:
    return [
        (int(m[1]), int(m[2]))
        for m in re.finditer(rf"^  {heading}\s+(\d+) of (\d+)$", report, re.M)
    ]


@pytest.mark.parametrize("playbook_id", BUNDLED_IDS)
def test_generated_feature_passes_and_takes_every_move(cli, tmp_path, playbook_id):
    """For each bundled playbook the generated feature passes and takes every rule that moves."""
    text = _generated(playbook_id)
    feature = tmp_path / f"{playbook_id}.feature"
    feature.write_text(text, encoding="utf-8")
    result = cli("spec", "--coverage", feature)
    assert result.code == 0, result.out + result.err
    scenarios = text.count("\n  Scenario: ")
    assert f"{scenarios} passed" in result.out
    for heading in ("transitions", "timers"):
        [(done, every)] = _counts(result.out, heading)
        assert done == every > 0


def test_cli_prints_the_generated_feature(cli):
    """`followup spec --generate ID` prints the feature and exits 0."""
    result = cli("spec", "--generate", "stalker-free")
    assert result.code == 0, result.err
    assert result.out == _generated("stalker-free")


def test_generated_feature_is_concrete():
    """Scenarios are named after the move they take, with dates and what the engine answers."""
    text = _generated("week-then-on-hold")
    assert text.startswith("# Written by `followup spec --generate week-then-on-hold`")
    assert "Feature: Every move of the playbook week-then-on-hold\n" in text
    assert '    Given the playbook "week-then-on-hold"\n' in text
    assert "  Scenario: still-on-hold: checked-in to on-hold\n" in text
    assert "    When I sent a check-in by email on 2026-03-02\n" in text
    assert '    Then the state is "on-hold"\n' in text
    assert '    And the case is closed as "moved on"\n' in text
    assert re.search(r"And the next step is a check-in by email on \d{4}-\d{2}-\d{2}\n", text)
    assert re.search(r"And the case closes on \d{4}-\d{2}-\d{2}\n", text)
    # Each scenario is as short as the search found: never more moves than it looks at.
    for scenario in text.split("\n  Scenario: ")[1:]:
        assert scenario.count("Then the state is") <= MAX_MOVES


def test_moves_no_story_reaches_are_listed():
    """A move the search cannot make is listed in a comment rather than left out silently."""
    text = _generated("week-then-on-hold")
    tail = text[text.index("# Not reached") :]
    assert "#   back-off-after-two-months: checked-in to closed" in tail
    assert "Scenario" not in tail


def test_generation_is_deterministic():
    """The same playbook always gives the same feature."""
    assert generate_feature("stalker-free") == _generated("stalker-free")


def test_coach_playbook_with_a_counting_guard(cli, tmp_path, write):
    """A timer that needs two check-ins first gets a scenario that sends them, and passes."""
    coach = tmp_path / "coach"
    write(coach / "two-nudges.yaml", TWO_NUDGES)
    generated = cli("spec", "--playbooks", coach, "--generate", "two-nudges")
    assert generated.code == 0, generated.err
    assert "Not reached" not in generated.out
    let_go = generated.out.split("  Scenario: let-go: checked-in to closed\n")[1]
    let_go = let_go.split("\n  Scenario:")[0]
    assert let_go.count("I sent a check-in") >= 2
    feature = write(tmp_path / "features" / "two-nudges.feature", generated.out)
    result = cli("spec", "--playbooks", coach, "--coverage", feature)
    assert result.code == 0, result.out + result.err
    [(done, every)] = _counts(result.out, "timers")
    assert done == every == 1


def test_generate_by_path(cli, tmp_path, write):
    """A playbook file can be named instead of an id; the feature names it the same way."""
    path = write(tmp_path / "two-nudges.yaml", TWO_NUDGES)
    generated = cli("spec", "--generate", "two-nudges.yaml")
    assert generated.code == 0, generated.err
    assert '    Given the playbook "two-nudges.yaml"\n' in generated.out
    feature = write(tmp_path / "moves.feature", generated.out)
    assert path.is_file()
    assert cli("spec", feature).code == 0


def test_unknown_playbook_is_a_usage_error(cli):
    """--generate with an unknown id says which ids exist (exit 2)."""
    result = cli("spec", "--generate", "week-then-on-hld")
    assert result.code == 2
    assert "no playbook with id 'week-then-on-hld'" in result.err
    assert "week-then-on-hold" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ("--generate", "fine-line", "some.feature"),
        ("--generate", "fine-line", "--coverage"),
        ("--steps", "--generate", "fine-line"),
        ("--steps", "--fail-under", "10"),
    ],
)
def test_printing_options_stand_alone(cli, argv):
    """--generate and --steps print and run nothing, so they refuse to be combined (exit 2)."""
    result = cli("spec", *argv)
    assert result.code == 2
    assert "use one alone" in result.err
