"""``followup spec``: features run by pytest-bdd with the shipped steps, pytest's exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.spec.conftest import OWN_PLAYBOOK, PASSING

from followup.errors import InputError, UsageError
from followup.spec.runner import feature_files, module_name, write_modules

FAILING = PASSING.replace('the state is "thanked"', 'the state is "closed"')
OWN_FEATURE = """\
Feature: A playbook from the coach's folder
  Scenario: Found by id
    Given the playbook "two-nudges"
    And an interview on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-02
"""


def test_passing_feature_exits_0(cli, tmp_path, write):
    """A feature whose scenarios hold exits 0 and prints pytest's summary."""
    feature = write(tmp_path / "ok.feature", PASSING)
    result = cli("spec", feature)
    assert result.code == 0, result.out + result.err
    assert "1 passed" in result.out


def test_failing_feature_exits_1_with_the_plan(cli, tmp_path, write):
    """A Then that does not hold fails the run (1) and says what the plan is instead."""
    feature = write(tmp_path / "bad.feature", FAILING)
    result = cli("spec", feature)
    assert result.code == 1
    assert "1 failed" in result.out
    assert 'Expected the state "closed", but it is "thanked"' in result.out


def test_default_is_the_features_folder_with_subfolders(cli, tmp_path, write):
    """With no argument the ./features folder runs, sub-folders included."""
    write(tmp_path / "features" / "a.feature", PASSING)
    write(tmp_path / "features" / "deeper" / "b.feature", PASSING.replace("same day", "again"))
    result = cli("spec")
    assert result.code == 0, result.out + result.err
    assert "2 passed" in result.out


def test_a_second_run_sees_the_edited_feature(cli, tmp_path, write):
    """Running again in the same process reads the feature afresh (as an editor would)."""
    feature = write(tmp_path / "features" / "story.feature", PASSING)
    assert cli("spec", feature).code == 0
    write(feature, FAILING)
    assert cli("spec", feature).code == 1
    write(feature, PASSING + PASSING.split("\n", 1)[1].replace("same day", "once more"))
    result = cli("spec", feature)
    assert result.code == 0
    assert "2 passed" in result.out


def test_no_features_folder_is_a_usage_error(cli):
    """Without arguments and without ./features the command says what it needs (exit 2)."""
    result = cli("spec")
    assert result.code == 2
    assert "no features to run" in result.err


def test_missing_feature_is_a_usage_error(cli):
    """A feature path that does not exist is exit 2, without a traceback."""
    result = cli("spec", "nowhere.feature")
    assert result.code == 2
    assert "'nowhere.feature' does not exist" in result.err
    assert "Traceback" not in result.err


def test_feature_without_scenarios_exits_5(cli, tmp_path, write):
    """A feature with no scenario is pytest's 'no tests collected' (5)."""
    feature = write(tmp_path / "empty.feature", "Feature: Nothing yet\n")
    result = cli("spec", feature)
    assert result.code == 5


def test_gherkin_mistake_is_located(cli, tmp_path, write):
    """A feature that is not valid Gherkin is reported as file:line, exit 2, no traceback."""
    feature = write(
        tmp_path / "broken.feature",
        "Feature: Broken\n  Scenario: One\n    Given an interview on 2026-03-02\n  Oops\n",
    )
    result = cli("spec", feature)
    assert result.code == 2
    assert "broken.feature:4:1:" in result.err
    assert "Traceback" not in result.err


def test_unknown_step_is_refused_before_running(cli, tmp_path, write):
    """A sentence the step library does not know is a located input error (exit 2), naming
    the sentence; nothing runs.  (It used to fail its scenario with pytest-bdd's own error.)"""
    feature = write(
        tmp_path / "odd.feature",
        'Feature: Odd\n  Scenario: One\n    Given the playbook "fine-line"\n'
        "    When I bake a cake\n",
    )
    result = cli("spec", feature)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(
        'odd.feature:4:5: the step library has no when step "I bake a cake"; expected a when'
        " sentence of the library, such as "
    )
    assert result.err.endswith("(all: followup spec --steps)\n")


def test_unknown_step_is_answered_with_the_nearest_sentences(cli, tmp_path, write):
    """A near miss of a library sentence is told the sentences it is closest to, first."""
    feature = write(
        tmp_path / "near.feature",
        'Feature: Near\n  Scenario: One\n    Given the playbook "fine-line"\n'
        "    And I was interviewd on 2026-03-02\n"
        "    Then the next step is a thank-you\n",
    )
    result = cli("spec", feature)
    assert result.code == 2
    first, second = result.err.splitlines()
    assert first.startswith("near.feature:4:5: the step library has no given step")
    assert 'such as "(an interview | the interview was) on YYYY-MM-DD";' in first
    assert second.startswith('near.feature:5:5: the step library has no then step "the next')
    assert 'such as "the next step is [(a | an | to) ]<action>' in second
    assert "StepDefinitionNotFoundError" not in result.err


@pytest.mark.parametrize(
    ("line", "where", "word", "meant"),
    [
        # before a scenario's first step Gherkin takes the line for a description
        (
            '    Gvien the playbook "fine-line"\n    And an interview on 2026-03-02\n',
            3,
            "Gvien",
            "Given",
        ),
        # after a step it is a parse error
        (
            '    Given the playbook "fine-line"\n    Adn an interview on 2026-03-02\n',
            4,
            "Adn",
            "And",
        ),
    ],
)
def test_a_misspelt_keyword_is_named(cli, tmp_path, write, line, where, word, meant):
    """A step keyword typo is reported as one, at its line, with the keyword meant."""
    feature = write(tmp_path / "typo.feature", f"Feature: Typo\n  Scenario: One\n{line}")
    result = cli("spec", feature)
    assert result.code == 2
    assert result.err.splitlines()[0].startswith(
        f"typo.feature:{where}:5: '{word}' is not a Gherkin keyword (did you mean '{meant}'?)"
    )


@pytest.mark.parametrize(
    ("text", "where", "word", "meant"),
    [
        # the scenario becomes the feature's description: nothing would run
        (
            'Feature: Typo\n  Scenaro: One\n    Given the playbook "fine-line"\n',
            2,
            "Scenaro:",
            "Scenario:",
        ),
        (
            "Feature: Typo\n  Scenario Outlin: One\n    Given an interview on <day>\n"
            "    Examples:\n      | day |\n      | 2026-03-02 |\n",
            2,
            "Scenario Outlin:",
            "Scenario Outline:",
        ),
        # the background's steps become description: the scenarios would run without them
        (
            'Feature: Typo\n  Backgound:\n    Given the playbook "fine-line"\n'
            "  Scenario: One\n    Given an interview on 2026-03-02\n",
            2,
            "Backgound:",
            "Background:",
        ),
    ],
)
def test_a_misspelt_header_is_named(cli, tmp_path, write, text, where, word, meant):
    """A header typo hides what follows in a description: it is an error, with the header."""
    result = cli("spec", write(tmp_path / "typo.feature", text))
    assert result.code == 2
    assert result.err.splitlines()[0].startswith(
        f"typo.feature:{where}:3: '{word}' is not a Gherkin keyword (did you mean '{meant}'?)"
    )


def test_a_feature_without_scenarios_is_said_and_the_others_run(cli, tmp_path, write):
    """A feature with only a description is named on stderr; its "Rules:", with no steps
    after it, is no misspelt "Rule:"."""
    empty = write(
        tmp_path / "empty.feature",
        "Feature: Later\n  Note: scenarios to come.\n  Rules: at most two check-ins.\n",
    )
    result = cli("spec", empty, write(tmp_path / "ok.feature", PASSING))
    assert result.code == 0, result.out + result.err
    assert "empty.feature has no scenario; nothing in it runs" in result.err
    assert "1 passed" in result.out


def test_a_description_that_starts_like_a_keyword_is_left_alone(cli, tmp_path, write):
    """Free text under a scenario is only taken for a step when the rest is a library sentence."""
    feature = write(
        tmp_path / "told.feature",
        PASSING.replace(
            "  Scenario: Thanked the same day\n", "  Scenario: Thanked\n    The day of it.\n"
        ),
    )
    result = cli("spec", feature)
    assert result.code == 0, result.err


def test_coach_folder_reaches_the_steps(cli, tmp_path, write):
    """--playbooks DIR lets scenarios name a coach's playbook by id."""
    write(tmp_path / "coach" / "two-nudges.yaml", OWN_PLAYBOOK)
    feature = write(tmp_path / "own.feature", OWN_FEATURE)
    without = cli("spec", feature)
    assert without.code == 2, "without the folder, the id is unknown before anything runs"
    assert without.err.startswith("own.feature:3:25: the playbook 'two-nudges' is not known")
    assert without.out == ""
    result = cli("spec", "--playbooks", tmp_path / "coach", feature)
    assert result.code == 0, result.out + result.err
    assert "FOLLOWUP_PLAYBOOKS" not in os.environ, "the run leaves the environment as it was"


def test_the_coach_folder_settings_do_not_leak_in(cli, tmp_path, write):
    """A pytest config and conftest beside the features change nothing about the run."""
    write(tmp_path / "pytest.ini", "[pytest]\naddopts = --no-such-option\n")
    write(tmp_path / "conftest.py", "raise RuntimeError('not ours')\n")
    feature = write(tmp_path / "features" / "ok.feature", PASSING)
    result = cli("spec", feature)
    assert result.code == 0, result.out + result.err


def test_feature_files_order_and_dedupe(tmp_path, write):
    """Folders are searched recursively in name order, and a file named twice runs once."""
    a = write(tmp_path / "f" / "b.feature", PASSING)
    b = write(tmp_path / "f" / "a" / "z.feature", PASSING)
    write(tmp_path / "f" / "notes.txt", "not a feature")
    assert feature_files([tmp_path / "f", a]) == [b.resolve(), a.resolve()]


def test_a_file_that_is_not_a_feature_is_refused(tmp_path, write):
    """Naming a file that is not a .feature is a usage error."""
    other = write(tmp_path / "case.yaml", "interview: 2026-03-02\n")
    with pytest.raises(UsageError, match=r"not a \.feature file"):
        feature_files([other])


def test_module_names_are_unique_and_importable():
    """Two features with the same name get different test modules, each a Python name."""
    taken: set[str] = set()
    first = module_name(Path("x/week then-on hold.feature"), taken)
    second = module_name(Path("y/week then-on hold.feature"), taken)
    assert first == "test_week_then_on_hold"
    assert second == "test_week_then_on_hold_2"
    assert first.isidentifier()
    assert second.isidentifier()


def test_written_module_names_the_feature_as_a_string(tmp_path, write):
    """The generated test module only passes the feature's path to scenarios(), as a literal."""
    feature = write(tmp_path / "quote's.feature", PASSING)
    out = tmp_path / "out"
    out.mkdir()
    write_modules([feature], out)
    module = (out / "test_quote_s.py").read_text(encoding="utf-8")
    assert f"scenarios({str(feature)!r})" in module
    assert (out / "pytest.ini").read_text(encoding="utf-8") == "[pytest]\n"


def test_check_gherkin_reports_every_broken_file(tmp_path, write):
    """Every feature that does not parse is reported at once."""
    one = write(tmp_path / "one.feature", "Scenario: no feature line\n")
    two = write(
        tmp_path / "two.feature",
        "Feature: X\n  Scenario: A\n    Given a\n    | a | b |\n    | c |\n",
    )
    from followup.spec.runner import check_gherkin

    with pytest.raises(InputError) as err:
        check_gherkin([one, two])
    found = {(p.file, p.line) for p in err.value.problems}
    assert found == {("one.feature", 1), ("two.feature", 5)}
    assert "inconsistent cell count" in str(err.value)


@pytest.mark.parametrize("text", ["", "\n \n\t\n", "# only a comment\n"])
def test_a_blank_feature_file_is_said_and_the_others_run(cli, tmp_path, write, text):
    """An empty (or comment-only) file has nothing to run; the parser would crash on it, so it
    is said as a file with no scenario and the good file beside it still runs."""
    write(tmp_path / "features" / "blank.feature", text)
    write(tmp_path / "features" / "good.feature", PASSING)
    result = cli("spec", tmp_path / "features")
    assert result.code == 0, result.out + result.err
    assert "blank.feature has no scenario" in result.err
    assert "1 passed" in result.out
    assert "Traceback" not in result.err


def test_an_oversized_feature_file_is_refused_before_parsing(cli, tmp_path):
    """A feature of one huge line is refused by its size at once, not parsed for minutes."""
    path = tmp_path / "big.feature"
    path.write_bytes(
        b'Feature: x\n  Scenario: y\n    Given the playbook "' + b"a" * 3_000_000 + b'"\n'
    )
    result = cli("spec", path)
    assert result.code == 2
    assert "big.feature:1:1:" in result.err
    assert "expected at most 2 MB" in result.err
    assert len(result.err) < 1000


def test_a_feature_with_a_byte_order_mark_is_named_as_such(cli, tmp_path, write):
    path = tmp_path / "bom.feature"
    path.write_bytes(b"\xef\xbb\xbf" + PASSING.encode())
    result = cli("spec", path)
    assert result.code == 2
    assert "bom.feature:1:1: starts with a byte order mark" in result.err


def test_a_symlink_loop_is_named_not_called_missing(cli, tmp_path):
    loop = tmp_path / "loop.feature"
    loop.symlink_to(loop)
    result = cli("spec", loop)
    assert result.code == 2
    assert "too many levels of symbolic links" in result.err
    assert "does not exist" not in result.err


def test_a_folder_without_features_is_a_usage_error(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("spec", tmp_path / "empty")
    assert result.code == 2
    assert "no .feature files in" in result.err


def test_a_symlink_loop_in_a_folder_is_named_too(cli, tmp_path, write):
    folder = tmp_path / "features"
    write(folder / "good.feature", PASSING)
    (folder / "loop.feature").symlink_to(folder / "loop.feature")
    result = cli("spec", folder)
    assert result.code == 2
    assert "loop.feature:1:1: too many levels of symbolic links" in result.err
    assert "Traceback" not in result.err


def test_a_value_a_step_refuses_is_located_before_the_run(cli, tmp_path, write):
    """An impossible date or an unknown channel is the step's own refusal, at the value's line
    and column, exit 2, before any scenario runs (not a failure of the run with no line); one
    refused value does not hide the other in the same step."""
    bad = PASSING.replace("on 2026-03-02\n    Then", "on 2026-02-30\n    Then").replace(
        "by email", "by pigeon"
    )
    feature = write(tmp_path / "bad.feature", bad)
    result = cli("spec", feature)
    assert result.code == 2
    channel, day = result.err.splitlines()
    assert channel.startswith("bad.feature:5:32: the channel 'pigeon' is not known")
    assert day.startswith("bad.feature:5:42: ")
    assert "2026-02-30" in day.split("; expected ")[0]
    assert "passed" not in result.out
