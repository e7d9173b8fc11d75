"""A Then-step about what a When-step found never passes when that When-step never ran.

"followup accepts the playbook" asserts that a check found no problem; with no check made there
is nothing to find, and the step must say which step is missing rather than pass.  The same for
every Then-step of the library that asserts about a check of a playbook or about a draft.
"""

from __future__ import annotations

import pytest

from followup.spec.step_examples import EXAMPLES
from followup.spec.stepdoc import step_definitions

# The Then-steps that assert about what "When I check the playbook" or "When I draft ..." found,
# and the When-step each names.
NEEDS_A_WHEN = {
    "followup.bdd.check_steps": "When I check the playbook",
    "followup.bdd.draft_steps": "When I draft",
}
THENS = [
    d for d in step_definitions() if d.types == ("then",) and d.func.__module__ in NEEDS_A_WHEN
]
BROKEN_PLAYBOOK = '''\
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      actions:
        - id: check-in
          in: [interviewed]
          kind: check_in
          due: interview + 1w
          at: Morning
          channel: email
          advice: a
      """
'''


def test_the_library_has_such_steps():
    """The steps this file is about are still in the library (else it tests nothing)."""
    assert {d.name for d in THENS} >= {"accepts", "nothing_else", "followup_says", "draft_says"}


def _feature(*lines: str) -> str:
    return "Feature: v\n  Scenario: vacuous\n" + "".join(lines)


def test_accepting_a_playbook_nobody_checked_fails_and_names_the_step(cli, tmp_path, write):
    """The scenario the tester wrote: no check, yet 'accepts' and 'says nothing else'."""
    text = _feature(
        "    Then followup accepts the playbook\n", "    And followup says nothing else\n"
    )
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 1, result.out
    assert "1 failed" in result.out
    assert "When I check the playbook" in result.out
    assert "Traceback" not in result.out + result.err


def test_checking_the_plan_is_not_checking_the_playbook(cli, tmp_path, write):
    """A broken playbook under 'a playbook ... that reads:', then 'When I check the plan': the
    playbook was never checked, so 'accepts' cannot hold."""
    text = _feature(
        BROKEN_PLAYBOOK,
        '    And the playbook "week-then-on-hold"\n',
        "    And an interview on 2026-03-02\n",
        "    When I check the plan on 2026-03-03\n",
        '    Then the state is "interviewed"\n',
        "    And followup accepts the playbook\n",
    )
    result = cli("spec", write(tmp_path / "c.feature", text))
    assert result.code == 1, result.out
    assert "When I check the playbook" in result.out


def test_the_broken_playbook_checked_is_not_accepted(cli, tmp_path, write):
    """With the check made, the same playbook's problems are what the step reports."""
    text = _feature(
        BROKEN_PLAYBOOK,
        "    When I check the playbook\n",
        "    Then followup accepts the playbook\n",
    )
    result = cli("spec", write(tmp_path / "c.feature", text))
    assert result.code == 1, result.out
    assert "When I check the playbook" not in result.out
    assert "followup says:" in result.out


@pytest.mark.parametrize("step", THENS, ids=[d.name for d in THENS])
def test_no_such_then_step_passes_without_its_when(cli, tmp_path, write, step):
    """Each Then-step about a check or a draft, alone after a playbook and an interview, fails
    and names the When-step to add."""
    text = _feature(
        '    Given the playbook "week-then-on-hold"\n',
        "    And an interview on 2026-03-02\n",
        f"    Then {EXAMPLES[step.name].splitlines()[0]}\n",
    )
    result = cli("spec", write(tmp_path / "a.feature", text))
    assert result.code == 1, result.out + result.err
    assert NEEDS_A_WHEN[step.func.__module__] in result.out
