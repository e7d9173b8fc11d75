"""Commands for coaches who write playbooks: new, lint, prove, fmt, spec.

Thin click wrappers; each imports its work from ``followup.cli.<area>_impl`` when it runs.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.cli.group import (
    cli,
    json_option,
    keep_collecting,
    playbook_dirs,
    playbooks_option,
    yaml_files,
)
from followup.cli.prover_options import ProverArgs, prover_options, unused_prover_options


@cli.command("new")
@click.argument("playbook_id", metavar="ID")
@click.option("--extends", "base", metavar="BASE", help="Build on this playbook (id or file).")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write ID.yaml (default: your playbooks folder).",
)
@playbooks_option
def new_cmd(
    playbook_id: str, base: str | None, directory: Path | None, playbooks_dir: tuple[str, ...]
) -> None:
    """Write a new, commented playbook that validates and runs as it is."""
    from followup.cli import new_impl  # lazy: a command loads its implementation only when it runs

    new_impl.new_playbook(playbook_id, base, directory, playbook_dirs(playbooks_dir))


@cli.command("lint")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 2).")
@click.option("--prove", is_flag=True, help="Also prove the playbook's limits (see 'prove').")
@prover_options("Days to explore when proving.")
@playbooks_option
@json_option
def lint_cmd(
    files: tuple[str, ...],
    strict: bool,
    prove: bool,
    prover: ProverArgs,
    playbooks_dir: tuple[str, ...],
    as_json: bool,
) -> None:
    """Check playbooks for mistakes: every problem as file:line:col: CODE message."""
    keep_collecting()
    if not prove:
        unused_prover_options(click.get_current_context())
    # lazy: a command loads its implementation only when it runs
    from followup.cli import lint_impl

    options = lint_impl.proof_options(prover)
    dirs = playbook_dirs(playbooks_dir)
    cache = lint_impl.proof_cache(prover) if prove else None  # it hashes followup's files
    files = yaml_files(files)
    lint_impl.lint(files, strict, prove, dirs, options, as_json=as_json, cache=cache)


@cli.command("prove")
@click.argument("refs", nargs=-1, required=True, metavar="ID|FILE...")
@prover_options("Days to explore.")
@json_option
@playbooks_option
def prove_cmd(
    refs: tuple[str, ...], prover: ProverArgs, as_json: bool, playbooks_dir: tuple[str, ...]
) -> None:
    """Search every case within the bounds it prints and report the worst a playbook can do."""
    keep_collecting()
    # lazy: a command loads its implementation only when it runs
    from followup.cli import lint_impl

    options = lint_impl.proof_options(prover)
    dirs = playbook_dirs(playbooks_dir)
    lint_impl.prove(refs, as_json, dirs, options, lint_impl.proof_cache(prover))


@cli.command("fmt")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file would change.")
@playbooks_option
def fmt_cmd(files: tuple[str, ...], check: bool, playbooks_dir: tuple[str, ...]) -> None:
    """Lay playbooks out one canonical way, keeping comments."""
    from followup.cli import fmt_impl  # lazy: a command loads its implementation only when it runs

    fmt_impl.fmt(yaml_files(files), check, playbook_dirs(playbooks_dir))


@cli.command("spec")
@click.argument("features", nargs=-1, metavar="[FEATURES...]")
@click.option("--coverage", is_flag=True, help="Report which rules the scenarios exercised.")
@click.option(
    "--fail-under", type=click.FloatRange(0, 100), help="Coverage (%) below which to fail."
)
@click.option("--generate", "generate", metavar="ID", help="Print a scenario skeleton for ID.")
@click.option("--steps", "list_steps", is_flag=True, help="List every step of the step library.")
@playbooks_option
@click.pass_context
def spec_cmd(
    ctx: click.Context,
    features: tuple[str, ...],
    coverage: bool,
    fail_under: float | None,
    generate: str | None,
    list_steps: bool,
    playbooks_dir: tuple[str, ...],
) -> None:
    """Run Gherkin features against playbooks (pytest's exit codes); no Python needed."""
    keep_collecting()
    # lazy: a command loads its implementation only when it runs
    from followup.cli import spec_impl

    code = spec_impl.spec(
        features, playbook_dirs(playbooks_dir), coverage, fail_under, generate, list_steps
    )
    ctx.exit(code)
