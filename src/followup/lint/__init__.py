"""Lint a playbook: every problem at once, each ``file:line:col: CODE message``.

Codes, severities and fixes are in one table (`followup.lint.codes`, published as
docs/lint-codes.md).  A file that does not load gets the loader's problems, with codes; one that
loads is explored as a state machine over facts (`followup.lint.reach`) and checked
(`followup.lint.rules`, `followup.lint.dates`, `followup.lint.conflicts`).  ``lint --prove``
and ``followup prove`` add the proof that the playbook keeps its limits (`followup.lint.prove`),
remembered between runs (`followup.lint.proof_cache`).
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.compile.machine import CompiledPlaybook
from followup.drafts.templates import template_problems
from followup.errors import Problem
from followup.io.yaml_reader import Document
from followup.lint.caps import loose_round_cap
from followup.lint.channels import company_channels, no_channel
from followup.lint.codes import severity
from followup.lint.conflicts import contradicting_donts
from followup.lint.dates import late_steps, shadowed_timers, unreachable_caps
from followup.lint.giving_up import gives_up_first
from followup.lint.loading import coded, load
from followup.lint.parts import part_before_interview
from followup.lint.reach import Explorer
from followup.lint.rules import (
    Checks,
    never_fires,
    no_citation,
    no_route_to_closed,
    unreachable_states,
)
from followup.lint.statements import closes_after_all, opt_out_without_effect
from followup.lint.windows import window_ends_early


def lint_compiled(cp: CompiledPlaybook, doc: Document | None = None) -> list[Problem]:
    """Every lint problem of a playbook that loads, sorted by place.

    Args:
        cp: The compiled playbook.
        doc: Its file, to point at the part of a rule that is wrong (else at the rule).
    """

    explorer = Explorer(cp)
    checks = Checks(cp, doc, explorer.explore(), explorer)
    for check in (
        unreachable_states,
        no_route_to_closed,
        never_fires,
        shadowed_timers,
        unreachable_caps,
        no_citation,
        contradicting_donts,
        no_channel,
        late_steps,
        gives_up_first,
        window_ends_early,
        closes_after_all,
        opt_out_without_effect,
        company_channels,
        loose_round_cap,
        part_before_interview,
    ):
        check(checks)
    return sorted(set(checks.problems))


def playbook_checks(cp: CompiledPlaybook, doc: Document | None = None) -> list[Problem]:
    """Every problem of a playbook that loads: the one list of checks lint and validate share.

    Its templates first: ``plan``, ``draft`` and ``spec`` refuse a playbook whose template does
    not render, so a broken one does not load (L001) and nothing else is checked, as for any
    other loading problem.  Then every lint check (`lint_compiled`).

    Args:
        cp: The compiled playbook.
        doc: Its file, to point at the part of a rule that is wrong (else at the rule).
    """
    broken = template_problems(cp.playbook)  # always here, never from the loading cache
    if broken:
        return sorted(coded(tuple(broken)))
    return lint_compiled(cp, doc)


def lint_file(
    path: Path, dirs: tuple[Path, ...] = ()
) -> tuple[list[Problem], CompiledPlaybook | None, Document | None]:
    """Every problem in one playbook file, with the playbook and its document if they load.

    Raises:
        UsageError: one of ``dirs`` is not a folder.
    """

    doc, cp, problems = load(path, dirs)
    if cp is None:
        return sorted(problems), None, doc
    return playbook_checks(cp, doc), cp, doc


def errors_of(problems: list[Problem]) -> list[Problem]:
    """The problems that are errors."""
    return [p for p in problems if severity(p.code) == "error"]


def validate_problems(doc: Document, cp: CompiledPlaybook) -> list[Problem]:
    """What ``followup validate`` reports of lint's checks: warnings printed to stderr, errors
    returned (the same checks as ``followup lint``, see `playbook_checks`)."""

    problems = playbook_checks(cp, doc)
    for p in problems:
        if severity(p.code) != "error":
            click.echo(f"{p} (warning)", err=True)
    return errors_of(problems)
