"""``followup spec`` checks the values written in steps before anything runs.

A playbook id, a state, a channel, a reply, an outcome, an action or a duration a step cannot
take is reported as ``file:line:col`` at the value (an outline's at its cell in the examples),
with the nearest known word and what the step takes; exit 2, nothing runs, and every problem
of every file is said at once.
"""

from __future__ import annotations

import re

import pytest
from tests.spec.conftest import OWN_PLAYBOOK, PASSING

from followup import catalog
from followup.model.vocabulary import PREFERRED_CHANNELS, STATES
from followup.spec.step_examples import EXAMPLES
from followup.spec.stepdoc import step_definitions
from followup.spec.steps_check import refused_values

DEFS = step_definitions()


def _at(text: str, line: int, word: str) -> str:
    """``line:col`` of ``word`` on line ``line`` (from 1) of ``text``."""
    return f"{line}:{text.splitlines()[line - 1].index(word) + 1}"


def test_an_unknown_playbook_id_is_located_with_the_nearest_id(cli, tmp_path, write):
    """A misspelt playbook id is refused at its line and column before the run, with the id
    meant and every id the catalog knows; no traceback, nothing runs."""
    text = PASSING.replace('"week-then-on-hold"', '"stalker-fre"')
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2
    assert result.out == ""
    assert "Traceback" not in result.err
    (line,) = result.err.splitlines()
    where = _at(text, 3, "stalker-fre")
    assert line.startswith(
        f"x.feature:{where}: the playbook 'stalker-fre' is not known"
        " (did you mean 'stalker-free'?); expected "
    )
    expected = line.split("; expected ", 1)[1]
    assert all(pid in expected for pid in catalog.discover())


def test_an_unknown_state_is_located_with_the_nearest_state(cli, tmp_path, write):
    """A misspelt state is refused at its line and column, with the state meant and the
    states of the playbook language."""
    text = PASSING.replace('"thanked"', '"wating"')
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2
    assert result.out == ""
    (line,) = result.err.splitlines()
    assert line.startswith(
        f"x.feature:{_at(text, 6, 'wating')}: the state 'wating' is not known"
        " (did you mean 'waiting'?); expected "
    )
    assert line.split("; expected ", 1)[1] == "one of " + ", ".join(STATES)


def test_a_state_is_read_as_any_word_is(cli, tmp_path, write):
    """A state written in another case is that state (words are matched without regard to
    case): the scenario runs and holds."""
    text = PASSING.replace('"thanked"', '"Thanked"')
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 0, result.out + result.err


def test_the_ids_of_the_coach_folders_are_known(cli, tmp_path, write, monkeypatch):
    """The ids checked against are those the run will find: the bundled ones and the coach's
    folders (--playbooks, else $FOLLOWUP_PLAYBOOKS), whose ids are suggested too."""
    write(tmp_path / "coach" / "two-nudges.yaml", OWN_PLAYBOOK)
    good = PASSING.replace('"week-then-on-hold"', '"two-nudges"').replace('"thanked"', '"waiting"')
    feature = write(tmp_path / "own.feature", good)
    assert cli("spec", "--playbooks", tmp_path / "coach", feature).code == 0
    typo = write(tmp_path / "typo.feature", good.replace('"two-nudges"', '"two-nudge"'))
    result = cli("spec", "--playbooks", tmp_path / "coach", typo)
    assert result.code == 2
    assert "'two-nudge' is not known (did you mean 'two-nudges'?)" in result.err
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(tmp_path / "coach"))
    assert cli("spec", feature).code == 0


def test_a_playbook_folder_that_is_not_one_is_said_once(cli, tmp_path, write):
    """--playbooks naming no folder is one usage error, not one per step that names an id."""
    two = PASSING + PASSING.split("\n", 1)[1].replace("same day", "again")
    result = cli("spec", "--playbooks", tmp_path / "nope", write(tmp_path / "x.feature", two))
    assert result.code == 2
    assert len(result.err.splitlines()) == 1
    assert "nope" in result.err


@pytest.mark.parametrize(
    ("step", "word", "meant"),
    [
        ("When I sent a thank-yuo by email on 2026-03-02", "thank-yuo", "thank-you"),
        ("When I sent a thank-you by emial on 2026-03-02", "emial", "email"),
        ('When they replied "stil deciding" on 2026-03-02', "stil deciding", "still deciding"),
        ('Then the case is closed as "offr"', "offr", "offer"),
        ("Then the next step is a chek-in by email on 2026-03-09", "chek-in", "check-in"),
        ("Given the employer prefers emial", "emial", "email"),
    ],
)
def test_an_unknown_word_is_located_with_the_nearest_word(cli, tmp_path, write, step, word, meant):
    """Every step value from a closed list (what I sent, a channel, a reply, an outcome, an
    action) is refused at the value, with the word meant."""
    text = PASSING.replace("When I sent a thank-you by email on 2026-03-02", step)
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2
    (line,) = result.err.splitlines()
    assert line.startswith(f"x.feature:{_at(text, 5, word)}: ")
    assert f"'{word}' is not known (did you mean '{meant}'?); expected one of " in line


@pytest.mark.parametrize(
    ("step", "word", "expected"),
    [
        ("Given the employer prefers mail", "mail", ", ".join(PREFERRED_CHANNELS)),
        ("Given the employer will decide within 3 weaks", "3 weaks", "a number followed by d"),
    ],
)
def test_a_value_the_step_cannot_take_says_what_it_takes(
    cli, tmp_path, write, step, word, expected
):
    """A channel no employer prefers, or a duration that is none, is located with what the
    step takes."""
    text = PASSING.replace("When I sent a thank-you by email on 2026-03-02", step)
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2
    (line,) = result.err.splitlines()
    assert line.startswith(f"x.feature:{_at(text, 5, word)}: ")
    assert expected in line.split("; expected ", 1)[1]


def test_every_problem_of_every_file_is_said(cli, tmp_path, write):
    """One bad value hides nothing: each scenario's and each file's problems are all said,
    a Gherkin error in one file included, and nothing runs."""
    text = PASSING.replace('"week-then-on-hold"', '"stalker-fre"') + PASSING.split("\n", 1)[
        1
    ].replace("same day", "again").replace('"thanked"', '"wating"')
    ids_and_states = write(tmp_path / "a.feature", text)
    dates = write(
        tmp_path / "b.feature",
        PASSING.replace("on 2026-03-02\n    When", "on 2026-13-02\n    When"),
    )
    broken = write(tmp_path / "c.feature", PASSING.replace("    And an", "    Adn an"))
    result = cli("spec", ids_and_states, dates, broken)
    assert result.code == 2
    assert result.out == ""
    said = result.err.splitlines()
    assert [line.split(": ", 1)[0] for line in said] == [
        f"a.feature:{_at(text, 3, 'stalker-fre')}",
        f"a.feature:{_at(text, 11, 'wating')}",
        "b.feature:4:25",
        "c.feature:4:5",
    ]


OUTLINE = """\
Feature: Thanked, by any channel
  Scenario Outline: Thanked the same day
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    When I sent a thank-you <how> on <day>
    Then the state is "<state>"

    Examples:
      | how      | day        | state   |
      # the second row is wrong twice
      | by email | 2026-03-02 | thanked |
      | by email | 2026-02-30 | wating  |
"""


def test_a_value_of_an_outline_is_located_at_its_cell(cli, tmp_path, write):
    """A value an outline's step takes from its examples is refused at that row's cell; the
    good row says nothing."""
    result = cli("spec", write(tmp_path / "o.feature", OUTLINE))
    assert result.code == 2
    day, state = result.err.splitlines()
    assert day.startswith(f"o.feature:{_at(OUTLINE, 12, '2026-02-30')}: ")
    assert "2026-02-30" in day.split("; expected ")[0]
    assert state.startswith(f"o.feature:{_at(OUTLINE, 12, 'wating')}: the state 'wating' is not")
    assert "(did you mean 'waiting'?)" in state


def test_a_good_outline_runs(cli, tmp_path, write):
    """Rows that are right are no problem: each runs."""
    text = OUTLINE.replace("2026-02-30 | wating ", "2026-03-02 | thanked")
    result = cli("spec", write(tmp_path / "o.feature", text))
    assert result.code == 0, result.out + result.err
    assert "2 passed" in result.out


def test_an_unknown_outline_sentence_is_said_once(cli, tmp_path, write):
    """An outline's step that no row makes a library sentence is one problem, at the step,
    with the nearest sentences."""
    text = OUTLINE.replace('the state is "<state>"', 'the stat is "<state>"')
    result = cli("spec", write(tmp_path / "o.feature", text))
    assert result.code == 2
    unknown = [line for line in result.err.splitlines() if "has no then step" in line]
    assert len(unknown) == 1
    assert unknown[0].startswith('o.feature:6:5: the step library has no then step "the stat is')
    assert 'such as "the state is "<state>""' in unknown[0]


def test_a_misspelt_keyword_and_an_unknown_sentence_are_named_together(cli, tmp_path, write):
    """'Givn' is named with the keyword meant, and an unknown sentence with the library's
    nearest, in one report."""
    text = (
        PASSING.replace('    Given the playbook "week-then-on-hold"\n    And', "    Given")
        .replace(
            "  Scenario: Thanked the same day\n",
            '  Scenario: Thanked the same day\n    Givn the playbook "week-then-on-hold"\n',
        )
        .replace('Then the state is "thanked"', 'Then the stat is "thanked"')
    )
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2
    typo, unknown = result.err.splitlines()
    assert typo.startswith("x.feature:3:5: 'Givn' is not a Gherkin keyword (did you mean 'Given'?)")
    assert unknown.startswith('x.feature:6:5: the step library has no then step "the stat is')
    assert 'such as "the state is "<state>""' in unknown


@pytest.mark.parametrize("step", DEFS, ids=[d.name for d in DEFS])
def test_a_converter_refuses_in_its_own_words(step, tmp_path):
    """Every converter of the library takes its step's documented example (a file it names
    being there), and refuses any other value it cannot read as a located problem can say it
    (what it found, then what it expected), never with a Python error that would be a
    traceback."""
    first_line = EXAMPLES[step.name].split("\n", 1)[0]
    for named in re.findall(r'"([^"/]+\.yaml)"', first_line):
        (tmp_path / named).write_text("", encoding="utf-8")
    assert refused_values(step, first_line) == []
    refusals: list[str] = []
    for convert in step.converters.values():
        for value in ("2026-02-30", "9999-99-99", "zzz", "", " ", "<thing>", "thank-yo", "by"):
            try:
                convert(value)
            except pytest.fail.Exception as refusal:
                refusals.append(str(refusal.msg))
    assert all("; expected " in said for said in refusals)
