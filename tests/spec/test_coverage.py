"""``followup spec --coverage``: which rules, transitions, timers and don'ts scenarios exercised."""

from __future__ import annotations

from datetime import date

from tests.spec.conftest import PASSING

from followup import catalog
from followup.engine.plan import plan_case
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.spec.coverage import (
    ACTION,
    AVOID,
    TIMER,
    TRANSITION,
    PlaybookCoverage,
    Tally,
    coverage_text,
    exercised,
    rules_of,
    total_percent,
)
from followup.timeline.calendar import BusinessCalendar

CAL = BusinessCalendar(None)
EVERYTHING = """\
Feature: The whole silent path
  Scenario: Silence until the end
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    When I follow every step
    Then the case is closed as "moved on"
"""


def _case(text: str):
    return build_case(read_yaml_text(text, "case.yaml"))


def test_rules_are_split_by_category():
    """Actions, on-event transitions, timers and don'ts are told apart, each once."""
    pb = catalog.load("week-then-on-hold").playbook
    rules = rules_of(pb)
    by_id = {r.id: r.category for r in rules}
    assert by_id["thank-you-note"] == ACTION
    assert by_id["thank-you-sent"] == TRANSITION
    assert by_id["waiting-game"] == TIMER
    assert by_id["no-stalking"] == AVOID
    assert len(rules) == len(pb.actions) + len(pb.transitions) + len(pb.avoid)
    assert str(rules[0].origin).endswith(f"week-then-on-hold.yaml:{pb.actions[0].origin.line}:5")


def test_a_plan_exercises_what_it_shows():
    """Replayed moves, projected timers, recommended and done actions and shown don'ts count."""
    cp = catalog.load("week-then-on-hold")
    case = _case(
        "interview: 2026-03-02\n"
        "events:\n"
        "  - {date: 2026-03-02, type: thank_you_sent, channel: email}\n"
    )
    today = date(2026, 3, 4)
    plan = plan_case(cp, case, today, CAL)
    found = exercised(cp, case, today, CAL, plan)
    # Replay: the thank-you moved the case on, and a day later the waiting game began.
    assert ("interviewed", "thank-you-sent") in found.moves
    assert ("thanked", "waiting-game") in found.moves
    # Projection from today: silence puts the case on hold after the check-in.
    assert ("checked-in", "no-answer-means-on-hold") in found.moves
    # Done in the replay, then recommended by the plan.
    assert "thank-you-note" in found.actions
    assert "check-in-after-a-week" in found.actions
    assert "silence-is-not-rejection" in found.avoid
    assert "no-stalking" not in found.avoid
    assert "thank-you-window-passed" not in found.rule_ids


def test_engine_moves_are_not_playbook_rules():
    """An offer closes the case by the engine's own rule, which is nobody's transition."""
    cp = catalog.load("week-then-on-hold")
    case = _case(
        "interview: 2026-03-02\nevents:\n  - {date: 2026-03-05, type: reply, outcome: offer}\n"
    )
    today = date(2026, 3, 6)
    found = exercised(cp, case, today, CAL, plan_case(cp, case, today, CAL))
    assert found.moves == {("interviewed", "thank-you-window-passed")}


def test_report_lists_what_was_never_exercised():
    """The report counts per category and lists each missing rule with its file and line."""
    pb = catalog.load("week-then-on-hold").playbook
    tally = Tally()
    cp = catalog.load("week-then-on-hold")
    case = _case("interview: 2026-03-02\n")
    plan = plan_case(cp, case, date(2026, 3, 2), CAL)
    tally.add(pb, exercised(cp, case, date(2026, 3, 2), CAL, plan))
    [cov] = tally.report()
    assert 0 < cov.percent < 100
    text = coverage_text([cov])
    assert f"week-then-on-hold ({pb.file}): {cov.exercised_count} of {len(cov.rules)}" in text
    missing = {r.id for r in cov.missing}
    assert "still-on-hold" in missing
    still = next(r for r in cov.missing if r.id == "still-on-hold")
    assert "transition still-on-hold" in " ".join(text.split())
    assert str(still.origin) in text
    assert text.rstrip().endswith(f"{total_percent([cov]):.1f}%")


def test_total_is_over_every_rule_of_every_playbook():
    """The total weighs playbooks by their number of rules; nothing used is 0%."""
    a = catalog.load("week-then-on-hold").playbook
    b = catalog.load("fine-line").playbook
    ra, rb = rules_of(a), rules_of(b)
    full = PlaybookCoverage(a, ra, frozenset(r.id for r in ra))
    empty = PlaybookCoverage(b, rb, frozenset())
    assert full.percent == 100.0
    assert empty.percent == 0.0
    assert total_percent([full, empty]) == 100.0 * len(ra) / (len(ra) + len(rb))
    assert total_percent([]) == 0.0
    assert "No scenario used a playbook." in coverage_text([])


def test_coverage_after_the_summary(cli, tmp_path, write):
    """--coverage prints pytest's summary, then the playbook's coverage and the total."""
    feature = write(tmp_path / "thanked.feature", PASSING)
    result = cli("spec", "--coverage", feature)
    assert result.code == 0, result.out + result.err
    summary = result.out.index("1 passed")
    report = result.out.index("Playbook coverage")
    assert summary < report
    assert "week-then-on-hold (" in result.out
    assert "never exercised:" in result.out
    assert "timer      back-off-after-two-months" in result.out
    assert "timer      back-off-after-a-few-tries" not in result.out, "projected, so exercised"
    assert "Total: " in result.out


def test_fail_under_fails_a_passing_run(cli, tmp_path, write):
    """Scenarios that pass but exercise too little fail the run with --fail-under (exit 1)."""
    feature = write(tmp_path / "thanked.feature", PASSING)
    result = cli("spec", "--fail-under", "90", feature)
    assert result.code == 1
    assert "Playbook coverage" in result.out, "--fail-under implies --coverage"
    assert "is under --fail-under 90" in result.err


def test_fail_under_met(cli, tmp_path, write):
    """Coverage at or above the bar keeps the run's own exit code."""
    feature = write(tmp_path / "all.feature", EVERYTHING)
    result = cli("spec", "--fail-under", "50", feature)
    assert result.code == 0, result.out + result.err


def test_coverage_keeps_files_next_to_the_feature(cli, tmp_path, write):
    """Recording coverage changes nothing a scenario sees, such as files next to its feature."""
    write(tmp_path / "stories" / "cases" / "acme.yaml", "interview: 2026-03-02\n")
    feature = write(
        tmp_path / "stories" / "case.feature",
        "Feature: A case file\n  Scenario: Read next to the feature\n"
        '    Given the playbook "week-then-on-hold"\n    And the case file "cases/acme.yaml"\n'
        '    Then the state is "interviewed"\n',
    )
    result = cli("spec", "--coverage", feature)
    assert result.code == 0, result.out + result.err
    assert "1 passed" in result.out
    assert "week-then-on-hold (" in result.out


def test_failing_scenarios_keep_pytest_code(cli, tmp_path, write):
    """A failing scenario exits 1 whatever the coverage, and coverage is still reported."""
    feature = write(tmp_path / "bad.feature", PASSING.replace('"thanked"', '"closed"'))
    result = cli("spec", "--coverage", "--fail-under", "0", feature)
    assert result.code == 1
    assert "Playbook coverage" in result.out
