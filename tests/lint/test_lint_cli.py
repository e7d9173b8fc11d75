"""``followup lint`` and ``validate`` on playbooks: output, exit codes, and the codes' doc."""

from __future__ import annotations

import re

import pytest

from followup.lint.codes import CODES, doc_text
from followup.semantics.rules import doc_text as engine_rules

from .conftest import BUNDLED, REPO, playbook_text

WARNING_ONLY = "L109"  # a missing citation is a warning
ERROR = "L104"


def test_doc_table_is_generated_from_the_codes():
    """docs/lint-codes.md is exactly what the code table generates."""
    regenerate = (
        "regenerate: python -c 'from followup.lint.codes import doc_text; "
        'print(doc_text(), end="")\' > docs/lint-codes.md'
    )
    assert (REPO / "docs" / "lint-codes.md").read_text(encoding="utf-8") == doc_text(), regenerate


def test_generated_docs_fill_every_placeholder():
    """The generated docs name numbers, never the code that holds them ({space.MAX_INPUTS})."""
    for text in (doc_text(), engine_rules()):
        assert re.findall(r"\{[a-z_.A-Z]+\}", text) == []


def test_doc_lists_every_code_once():
    """Each code has one row in the doc, with its severity."""
    text = doc_text()
    for c in CODES:
        assert len(re.findall(rf"^\| {c.code} \| {c.name} \| {c.severity} \|", text, re.M)) == 1


def test_clean_playbooks_exit_0(cli):
    """Bundled playbooks are clean: exit 0 and 'ok' for each, even with --strict."""
    for strict in ((), ("--strict",)):
        result = cli("lint", *strict, *BUNDLED)
        assert result.code == 0, result.err
        for path in BUNDLED:
            assert f"{path}: ok" in result.out


def test_errors_exit_2_with_every_problem(cli, write):
    """Errors in two files are all reported, one line each, and the exit code is 2."""
    first = write("first.yaml", playbook_text(ERROR))
    second = write("second.yaml", playbook_text("L106"))
    result = cli("lint", first, second)
    assert result.code == 2
    lines = result.out.splitlines()
    assert any(line.startswith(f"{first}:") and f" {ERROR} " in line for line in lines)
    assert any(line.startswith(f"{second}:") and " L106 " in line for line in lines)
    assert "lint: 2 errors" in result.err


def test_warnings_exit_0_unless_strict(cli, write):
    """A warning alone passes, and fails with --strict."""
    path = write("warn.yaml", playbook_text(WARNING_ONLY))
    relaxed = cli("lint", path)
    strict = cli("lint", "--strict", path)
    assert relaxed.code == 0
    assert f" {WARNING_ONLY} " in relaxed.out
    assert strict.code == 2
    assert "--strict" in strict.err


def test_unreadable_file_is_a_problem_not_a_crash(cli, write):
    """Bad YAML is one located L001 line and exit 2, never a traceback."""
    path = write("bad.yaml", playbook_text("L001"))
    result = cli("lint", path)
    assert result.code == 2
    assert re.search(rf"^{re.escape(str(path))}:\d+:\d+: L001 ", result.out, re.M)
    assert "Traceback" not in result.err


def test_validate_runs_lint_errors_fail(cli, write):
    """validate reports lint errors like any other problem, with exit 2."""
    path = write("never.yaml", playbook_text(ERROR))
    result = cli("validate", path)
    assert result.code == 2
    assert f" {ERROR} " in result.err


def test_validate_prints_lint_warnings_and_passes(cli, write):
    """validate prints a lint warning on stderr but still says ok and exits 0."""
    path = write("warn.yaml", playbook_text(WARNING_ONLY))
    result = cli("validate", path)
    assert result.code == 0
    assert result.out.strip() == f"{path}: ok (playbook)"
    assert f" {WARNING_ONLY} " in result.err
    assert "(warning)" in result.err


@pytest.mark.parametrize("code", ["L103", "L105", "L107"])
def test_loader_codes_through_the_cli(cli, write, code):
    """Problems the loader finds come out of lint with their code."""
    result = cli("lint", write(f"{code}.yaml", playbook_text(code)))
    assert result.code == 2
    assert f" {code} " in result.out
