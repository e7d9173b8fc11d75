"""``followup spec``: run a coach's scenarios, measure them, generate them, list the steps."""

from __future__ import annotations

from pathlib import Path

import click

from followup.errors import EXIT_FAILURE, EXIT_OK, UsageError
from followup.spec import require_pytest_bdd


def spec(
    features: tuple[str, ...],
    dirs: tuple[Path, ...],
    coverage: bool,
    fail_under: float | None,
    generate: str | None,
    list_steps: bool,
) -> int:
    """Run features (default ``./features``) and return pytest's exit code.

    With ``generate``, print a feature that takes every transition and timer of that playbook;
    with ``list_steps``, print the step reference.  ``fail_under`` implies ``coverage``: the
    run fails (exit 1) when the scenarios pass but exercise less than that share of the rules.

    Raises:
        UsageError: options that do not go together, a missing feature path, an unknown
            playbook, or pytest-bdd not installed.
        InputError: a feature file that is not valid Gherkin, a step the library does not
            know, or a playbook with problems.
    """
    require_pytest_bdd()
    printing = generate is not None or list_steps
    running = bool(features) or coverage or fail_under is not None
    if printing and (running or (generate is not None and list_steps)):
        raise UsageError("--generate and --steps print something and run nothing: use one alone")
    if list_steps:
        # lazy: pytest loads only for the commands that run scenarios
        from followup.spec.stepdoc import step_reference

        click.echo(step_reference(), nl=False)
        return EXIT_OK
    if generate is not None:
        # lazy: pytest loads only for the commands that run scenarios
        from followup.spec.generate import generate_feature

        click.echo(generate_feature(generate, dirs), nl=False)
        return EXIT_OK
    return _run(features, dirs, coverage or fail_under is not None, fail_under)


def _run(
    features: tuple[str, ...], dirs: tuple[Path, ...], coverage: bool, fail_under: float | None
) -> int:
    # lazy: pytest loads only for the commands that run scenarios
    from followup.bdd.places import shown_path
    from followup.spec.runner import (
        check_gherkin,
        check_steps,
        feature_files,
        run_features,
    )

    given = feature_files([Path(f) for f in features])
    files = check_gherkin(given, dirs)
    for path in given:
        if path not in files:
            click.echo(
                f"followup: spec: {shown_path(path)} has no scenario; nothing in it runs", err=True
            )
    check_steps(files, dirs)
    if not coverage:
        return run_features(files, dirs)
    # lazy: pytest loads only for the commands that run scenarios
    from followup.spec.coverage import CoverageRecorder, coverage_text, total_percent

    recorder = CoverageRecorder()
    code = run_features(files, dirs, plugins=[recorder])
    report = recorder.tally.report()
    click.echo("\n" + coverage_text(report), nl=False)
    total = total_percent(report)
    if code == EXIT_OK and fail_under is not None and total < fail_under:
        click.echo(
            f"followup: coverage {total:.1f}% is under --fail-under {fail_under:g}", err=True
        )
        return EXIT_FAILURE
    return code
