"""``followup spec`` checks the tables under steps, and the files steps name, before running.

A cell of a ``these events:``, ``the schedule is:`` or ``the interviewers are:`` table that its
step cannot take, a column it does not have, a missing table, and a playbook or case file that
is not there are each reported at the cell or value (exit 2, nothing runs), by the reader the
step itself uses when it runs.  What only a run can tell names the feature file and its line.
"""

from __future__ import annotations

import pytest
from tests.spec.conftest import OWN_PLAYBOOK, PASSING

from followup.bdd.places import Cell
from followup.bdd.tables import event_rows, schedule_rows
from followup.bdd.world import SCENARIO_FILE

HEAD = """\
Feature: tables
  Scenario: tables
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
"""
EVENTS = """\
    Given these events:
      | date       | type           | channel | outcome       |
      | 2026-02-30 | thank_you_sent | emial   | -             |
      | 2026-03-11 | replly         | -       | still_decidin |
"""
SCHEDULE = """\
    When I check the plan on 2026-03-03
    Then the schedule is:
      | due        | action   | channel |
      | 2026-13-02 | thank-yu | emal    |
"""


def _at(text: str, line: int, word: str) -> str:
    """``line:col`` of ``word`` on line ``line`` (from 1) of ``text``."""
    return f"{line}:{text.splitlines()[line - 1].index(word) + 1}"


def _said(result) -> dict[str, str]:
    """Each reported problem by its ``line:col``."""
    said = {}
    for line in result.err.splitlines():
        _, line_no, col, message = line.split(":", 3)
        said[f"{line_no}:{col}"] = message.strip()
    return said


@pytest.mark.parametrize(
    ("table", "bad"),
    [
        (EVENTS, [(7, "2026-02-30"), (7, "emial"), (8, "replly"), (8, "still_decidin")]),
        (SCHEDULE, [(8, "2026-13-02"), (8, "thank-yu"), (8, "emal")]),
    ],
    ids=["events", "schedule"],
)
def test_every_bad_cell_is_refused_at_its_cell_before_the_run(cli, tmp_path, write, table, bad):
    """Each cell the step cannot take is one problem at its own line and column, naming the
    value; exit 2 and nothing runs (before, the run failed at no line of the feature)."""
    text = HEAD + table
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 2, result.out + result.err
    assert result.out == ""
    said = _said(result)
    assert list(said) == [_at(text, line, word) for line, word in bad]
    for (_, word), message in zip(bad, said.values(), strict=True):
        assert word in message.split("; expected ")[0]
        assert "; expected " in message
    assert SCENARIO_FILE not in result.err


@pytest.mark.parametrize(
    ("table", "reader"), [(EVENTS, event_rows), (SCHEDULE, schedule_rows)], ids=["e", "s"]
)
def test_the_check_says_what_the_step_says_when_it_runs(cli, tmp_path, write, table, reader):
    """The problems reported before the run are the step's own reader's, in its words."""
    rows = [line.strip()[1:-1].split("|") for line in table.splitlines() if "|" in line]
    _, refused = reader(tuple(tuple(Cell(c.strip()) for c in row) for row in rows))
    result = cli("spec", write(tmp_path / "a.feature", HEAD + table))
    assert sorted(_said(result).values()) == sorted(p.message for p in refused)


def test_a_column_the_table_does_not_have_is_named_at_its_header(cli, tmp_path, write):
    """A misspelt column would be ignored, or refuse every row: it is one problem at the
    header cell, with the column meant."""
    text = HEAD + SCHEDULE.replace("| channel |", "| chanel  |").replace("2026-13-02", "2026-03-02")
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 2
    (problem,) = result.err.splitlines()
    assert problem.startswith(f"a.feature:{_at(text, 7, 'chanel')}: ")
    assert "'channel'" in problem


def test_an_interviewer_cell_is_read_as_a_case_file_reads_it(cli, tmp_path, write):
    """An email that is none is refused at its cell."""
    text = HEAD + (
        "    And the interviewers are:\n"
        "      | name | email |\n"
        "      | Dana | dana  |\n"
        '    Then the state is "interviewed"\n'
    )
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 2
    (problem,) = result.err.splitlines()
    assert problem.startswith(f"a.feature:{_at(text, 7, 'dana')}: ")


def test_a_step_without_its_table_is_refused_at_the_step(cli, tmp_path, write):
    """A table step with nothing under it is refused before the run, not a pytest error."""
    text = HEAD + '    And these events:\n    Then the state is "interviewed"\n'
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 2
    (problem,) = result.err.splitlines()
    assert problem.startswith("a.feature:5:5: ")


def test_a_cell_filled_from_examples_is_placed_at_the_examples_cell(cli, tmp_path, write):
    """A table cell that is a placeholder is refused, per row, where the row's value is."""
    text = (
        "Feature: o\n"
        "  Scenario Outline: o\n"
        '    Given the playbook "week-then-on-hold"\n'
        "    And an interview on 2026-03-02\n"
        "    And these events:\n"
        "      | date  | type           |\n"
        "      | <day> | thank_you_sent |\n"
        '    Then the state is "thanked"\n'
        "\n"
        "    Examples:\n"
        "      | day        |\n"
        "      | 2026-03-02 |\n"
        "      | 2026-02-30 |\n"
    )
    result = cli("spec", write(tmp_path / "o.feature", text))
    assert result.code == 2
    assert list(_said(result)) == [_at(text, 13, "2026-02-30")]


@pytest.mark.parametrize(
    ("step", "value"),
    [
        ('Given the playbook "nothere.yaml"', "nothere.yaml"),
        ('Given the case file "nothere.yaml"', "nothere.yaml"),
    ],
)
def test_a_file_that_is_not_there_is_refused_at_its_name(cli, tmp_path, write, step, value):
    """A playbook or case file a step names must be next to the feature: refused at the name,
    exit 2, before anything runs (before, the scenario failed when it ran)."""
    text = PASSING.replace('Given the playbook "week-then-on-hold"', step)
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 2, result.out + result.err
    assert result.out == ""
    (problem,) = result.err.splitlines()
    assert problem.startswith(f"a.feature:{_at(text, 3, value)}: ")
    assert value in problem


def test_a_playbook_file_is_found_next_to_the_feature_or_in_the_playbook_folders(
    cli, tmp_path, write
):
    """The file next to the feature runs; so does one in a --playbooks folder; each check
    finds what the run will use."""
    good = PASSING.replace('"week-then-on-hold"', '"two-nudges.yaml"').replace(
        '"thanked"', '"waiting"'
    )
    near = write(tmp_path / "near" / "a.feature", good)
    write(tmp_path / "near" / "two-nudges.yaml", OWN_PLAYBOOK)
    assert cli("spec", near).code == 0
    far = write(tmp_path / "far" / "a.feature", good)
    write(tmp_path / "coach" / "two-nudges.yaml", OWN_PLAYBOOK)
    assert cli("spec", far).code == 2
    result = cli("spec", "--playbooks", tmp_path / "coach", far)
    assert result.code == 0, result.out + result.err


def test_what_only_the_run_can_tell_names_the_feature_line(cli, tmp_path, write):
    """An event before the interview (two steps together) fails when the scenario runs, at the
    table cell that gave the date: the feature file and line, not a file nobody wrote."""
    text = HEAD + (
        "    Given these events:\n"
        "      | date       | type           |\n"
        "      | 2026-02-20 | thank_you_sent |\n"
        '    Then the state is "thanked"\n'
    )
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 1, result.out + result.err
    assert f"a.feature:{_at(text, 7, '2026-02-20')}: " in result.out
    assert SCENARIO_FILE not in result.out


def test_an_event_step_is_named_by_its_line_when_the_run_refuses_it(cli, tmp_path, write):
    """An event said in a sentence is placed at that step's line."""
    text = (
        HEAD
        + "    And I sent a thank-you by email on 2026-02-01\n"
        + ('    Then the state is "thanked"\n')
    )
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 1
    assert "a.feature:5:5: " in result.out
    assert SCENARIO_FILE not in result.out
