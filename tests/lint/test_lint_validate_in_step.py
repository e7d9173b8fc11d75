"""``lint`` and ``validate`` run one list of checks: neither says "ok" to what the other refuses.

The fixtures are every playbook the validate tests hold (the loader/schema agreement corpus),
lint's one-wrong-thing playbooks, the bundled ones, and the slips this file adds (a template
that does not render, a misspelt key, a bad parameter), so a check added to one command and
not the other fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.lint import errors_of, lint_file
from followup.validate.files import validate_file
from validate.test_schema import AGREEMENT

from .conftest import BAD, BUNDLED, HEADER, USUAL, playbook_text

BROKEN_TEMPLATE = (
    HEADER.format(id="broken-template")
    + USUAL
    + "templates:\n  thank_you: 'Thanks for {{ case.company }, truly.'\n"
)
UNKNOWN_NAME_IN_TEMPLATE = (
    HEADER.format(id="unknown-name")
    + USUAL
    + "templates:\n  thank_you: 'Thanks, {{ recruiter_name }}.'\n"
)
EXTRA = {
    "broken-template": BROKEN_TEMPLATE,
    "unknown-name-in-template": UNKNOWN_NAME_IN_TEMPLATE,
    "misspelt-key": HEADER.format(id="typo")
    + USUAL.replace("from: interviewed", "form: interviewed"),
    "bad-parameter": HEADER.format(id="param")
    + "parameters: {wait: 2 weeks}\n"
    + USUAL.replace("interview + 4w", "interview + wait"),
    "bad-parameter-and-broken-template": HEADER.format(id="both")
    + "parameters: {wait: 2 weeks}\n"
    + USUAL.replace("interview + 4w", "interview + wait")
    + "templates:\n  thank_you: 'Thanks for {{ case.company }, truly.'\n",
}
TEXTS = {
    **{f"agreement-{title}": text for kind, title, text, _ in AGREEMENT if kind == "playbook"},
    **{f"lint-{code}": playbook_text(code) for code in BAD},
    **EXTRA,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_lint_and_validate_refuse_the_same_playbooks(name: str, tmp_path: Path) -> None:
    """A playbook validate refuses has a lint error, and one with a lint error fails validate."""
    path = tmp_path / "playbook.yaml"
    path.write_text(TEXTS[name], encoding="utf-8")
    refused, kind = validate_file(path)
    linted, _, _ = lint_file(path)
    assert bool(refused) == bool(errors_of(linted)), (refused, linted)
    if kind != "playbook":
        return  # no mapping: validate reads it as a case; both refuse it, in their own words
    # the same places: lint's errors are validate's problems, with their codes
    assert {(p.line, p.col, p.message) for p in refused} == {
        (p.line, p.col, p.message) for p in errors_of(linted)
    }


@pytest.mark.parametrize("name", ["broken-template", "unknown-name-in-template"])
def test_a_template_that_does_not_render_is_a_lint_error(name: str, tmp_path: Path) -> None:
    """lint says what validate, plan and spec say of a broken template: it does not load."""
    path = tmp_path / "playbook.yaml"
    path.write_text(EXTRA[name], encoding="utf-8")
    linted, _, _ = lint_file(path)
    assert [p.code for p in linted] == ["L001"]
    assert linted[0].line == HEADER.count("\n") + USUAL.count("\n") + 2
    assert linted[0].message.startswith("template 'thank_you'")


def test_a_playbook_that_does_not_load_has_its_templates_checked_too(tmp_path: Path) -> None:
    """Every problem at once: a bad parameter does not hide a broken template until it is
    fixed, in lint or in validate."""
    path = tmp_path / "playbook.yaml"
    path.write_text(EXTRA["bad-parameter-and-broken-template"], encoding="utf-8")
    refused, _ = validate_file(path)
    linted, _, _ = lint_file(path)
    for found in (refused, linted):
        assert any("'2 weeks'" in p.message for p in found)
        assert any(p.message.startswith("template 'thank_you'") for p in found)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_playbooks_pass_both(path: Path) -> None:
    """The shipped playbooks stay clean under both commands."""
    assert validate_file(path)[0] == []
    assert errors_of(lint_file(path)[0]) == []
