"""Steps about a playbook being written: what followup says of it, where, in its words.

The playbook is given in full under a step (between triple quotes) and read as every command
reads a playbook file: the YAML reader, the language's checks, ``extends`` (a base by id, or a
file next to the feature file) and the message templates.  A scenario then names each problem
by its line, column and the beginning of its message, so the messages a coach reads are
specified in the coach's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from followup import catalog
from followup.authoring.folders import default_dirs
from followup.bdd.world import World, fail, needs
from followup.drafts.templates import check_templates
from followup.errors import InputError, Problem
from followup.io.yaml_reader import read_yaml_text

NOT_CHECKED = "No playbook was checked: add 'When I check the playbook' before this step."


@dataclass
class Checked:
    """The playbook a scenario is writing and what checking it found.

    Attributes:
        draft: Its file name and text, once a step gives them.
        problems: What the last check found, in order (None until a check is made).
        said: The problems a step has already named.
    """

    draft: tuple[str, str] | None = None
    problems: list[Problem] | None = None
    said: set[Problem] = field(default_factory=set)

    def found(self) -> list[Problem]:
        """What the last check found; the scenario fails when no check was made, so a step
        about it never passes over a playbook nobody checked."""
        return needs(self.problems, NOT_CHECKED)


@pytest.fixture
def followup_checked() -> Checked:
    """The scenario's playbook being written, and what followup says of it."""
    return Checked()


@given(parsers.re(r'a playbook "(?P<name>[^"]+)" that reads:'))
def a_playbook_that_reads(followup_checked: Checked, name: str, docstring: str) -> None:
    """A playbook being written, in full between triple quotes under the step."""
    followup_checked.draft = (name, docstring + "\n")


@when("I check the playbook")
def check_the_playbook(followup_world: World, followup_checked: Checked) -> None:
    """Read that playbook as every command does, keeping every problem it has."""
    if followup_checked.draft is None:
        fail('No playbook to check: add a step such as Given a playbook "mine.yaml" that reads:')
    name, text = followup_checked.draft
    folder = followup_world.feature_dir or Path.cwd()
    try:
        doc = read_yaml_text(text, name)
        check_templates(catalog.build_document(doc, folder / name, default_dirs()))
    except InputError as err:
        followup_checked.problems = list(err.problems)
    else:
        followup_checked.problems = []
    followup_checked.said = set()


@then(parsers.re(r"followup says at line (?P<line>\d+), column (?P<col>\d+): (?P<text>.+)"))
def followup_says(followup_checked: Checked, line: str, col: str, text: str) -> None:
    """One problem is at this place and says this (its beginning is enough)."""
    where = (int(line), int(col))
    found = [p for p in followup_checked.found() if (p.line, p.col) == where]
    said = [p for p in found if _told(p).startswith(text)]
    if not said:
        fail(f"Expected at {line}:{col}: {text}\nfollowup says:\n{_all(followup_checked)}")
    followup_checked.said.add(said[0])


@then("followup says nothing else")
def nothing_else(followup_checked: Checked) -> None:
    """Every problem found has been named by the steps above."""
    rest = [p for p in followup_checked.found() if p not in followup_checked.said]
    if rest:
        fail("followup also says:\n" + "\n".join(_placed(p) for p in rest))


@then("followup accepts the playbook")
def accepts(followup_checked: Checked) -> None:
    """The playbook has no problem at all."""
    if followup_checked.found():
        fail("followup says:\n" + _all(followup_checked))


def _told(problem: Problem) -> str:
    """A problem as followup prints it, without the file name and place."""
    return problem.message + (f"; expected {problem.expected}" if problem.expected else "")


def _placed(problem: Problem) -> str:
    return f"{problem.line}:{problem.col}: {_told(problem)}"


def _all(checked: Checked) -> str:
    return "\n".join(_placed(p) for p in checked.found()) or "(nothing)"
