"""Where and how ``followup spec`` says a value is wrong: an outline's row, a date's digits, a
word meant.

An outline's row that makes a step no sentence of the library is reported at that row (at its
empty cell), not at the template step every row shares; a date in other digits than ASCII 0-9
is refused for its digits by the project's one check of them; and the word suggested for a
misspelt one is always among the words the refusal lists.
"""

from __future__ import annotations

import re

import pytest
from tests.spec.conftest import PASSING

from followup.timeline.durations import digits_problem

OUTLINE = """\
Feature: rows
  Scenario Outline: rows
    Given the playbook "<pb>"
    And an interview on 2026-03-02
    When I sent a thank-you by email on 2026-03-02
    Then the state is "<state>"

    Examples:
      | pb                | state   |
      | week-then-on-hold | thanked |
      |                   | thanked |
"""


def test_an_empty_cell_is_reported_at_its_row_not_at_the_step(cli, tmp_path, write):
    """The row with the empty cell is named (its line and the cell's column), and the column
    that is empty; the template step's line is not where the mistake is."""
    result = cli("spec", write(tmp_path / "o.feature", OUTLINE))
    assert result.code == 2
    (problem,) = result.err.splitlines()
    row = OUTLINE.splitlines()[10]
    empty_cell_end = row.index("|", row.index("|") + 1) + 1  # Gherkin's column of an empty cell
    assert problem.startswith(f"o.feature:11:{empty_cell_end}: ")
    assert "'pb'" in problem


def test_a_row_no_sentence_is_said_once_per_row(cli, tmp_path, write):
    """Two rows with empty cells are two problems, one at each row."""
    text = OUTLINE + "      |                   | thanked |\n"
    result = cli("spec", write(tmp_path / "o.feature", text))
    assert result.code == 2
    assert [line.split(":")[1] for line in result.err.splitlines()] == ["11", "12"]


# Full-width digits (an East Asian keyboard's) and Arabic-Indic digits, for 2026-03-02.
@pytest.mark.parametrize(
    "day", ["\uff12\uff10\uff12\uff16-03-02", "\u0662\u0660\u0662\u0666-03-02"]
)
def test_a_date_in_other_digits_is_refused_for_its_digits(cli, tmp_path, write, day):
    """Full-width or Arabic-Indic digits are said to be the problem (as everywhere in
    followup), not taken for a day that does not exist."""
    text = PASSING.replace("an interview on 2026-03-02", f"an interview on {day}")
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2
    (problem,) = result.err.splitlines()
    said, expected = problem.split("; expected ", 1)
    digits = digits_problem(day)
    assert digits is not None
    assert said.endswith(f"{day} {digits[0]}")
    assert expected == digits[1]


@pytest.mark.parametrize(
    ("step", "typo"),
    [
        ('Then the case is closed as "moved-on"', "moved-on"),
        ('Then the case is closed as "moved_of"', "moved_of"),
        ('When they replied "still-deciding" on 2026-03-11', "still-deciding"),
        ('When they replied "next_rond" on 2026-03-11', "next_rond"),
        ("When I sent a thank-you by in-person on 2026-03-02", "in-person"),
        ("Then the next step is a check-in by e-mial on 2026-03-09", "e-mial"),
        ('Then the state is "on hold"', "on hold"),
    ],
)
def test_the_word_suggested_is_one_the_refusal_lists(cli, tmp_path, write, step, typo):
    """'moved-on' is told a word it can see in the list that follows ('moved on'), never a
    word that list leaves out ('moved_on')."""
    keyword = step.split(maxsplit=1)[0]
    (replaced,) = [line for line in PASSING.splitlines() if line.strip().startswith(keyword)]
    text = PASSING.replace(replaced, f"    {step}")
    result = cli("spec", write(tmp_path / "x.feature", text))
    assert result.code == 2, result.out + result.err
    (problem,) = [line for line in result.err.splitlines() if f"'{typo}'" in line]
    meant = re.search(r"\(did you mean '([^']+)'\?\)", problem)
    assert meant is not None, problem
    listed = problem.split("; expected one of ", 1)[1].split(" (", 1)[0].split(", ")
    assert meant[1] in listed
