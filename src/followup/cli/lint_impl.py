"""``followup lint`` and ``followup prove``: the work behind the two coach commands.

Both print what they find on stdout (lint: one ``file:line:col: CODE message`` per problem;
prove: the worst case and any counterexample) and fail with exit 2 when the playbook is at
fault: lint on an error (or a warning with ``--strict``), prove when a limit is broken.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.errors import (
    EXIT_BAD_INPUT,
    FollowupError,
    InputError,
    Problem,
    UsageError,
    json_visible,
)
from followup.io.yaml_reader import read_yaml_file
from followup.lint import lint_file
from followup.lint import report as proof_report
from followup.lint.codes import severity
from followup.lint.findings import Report
from followup.lint.proof_cache import ProofCache
from followup.lint.prove import prove as run_proof
from followup.lint.space import ProofOptions
from followup.timeline.calendar import CalendarError

if TYPE_CHECKING:
    from followup.cli.prover_options import ProverArgs


class Failed(FollowupError):
    """The playbooks have problems; they are printed already, this only sets the exit code."""

    exit_code = EXIT_BAD_INPUT


def lint(
    files: tuple[str, ...],
    strict: bool,
    prove: bool,
    dirs: tuple[Path, ...],
    options: ProofOptions,
    *,
    as_json: bool = False,
    cache: ProofCache | None = None,
) -> None:
    """Lint each playbook file (and prove it with ``prove``, remembering proofs in ``cache``);
    print every problem (with ``as_json``: one object, each file with its problems and their
    severity, and the counts).

    Raises:
        Failed: an error was found (or a warning, with ``strict``), or a limit is broken.
        UsageError: a playbooks folder is missing.
        EngineError: the engine could not finish a proof.
    """

    found: list[Problem] = []
    proofs: list[str] = []
    checked: list[dict[str, object]] = []
    for name in files:
        path = Path(name)
        problems, cp, doc = lint_file(path, dirs)
        if prove and cp is not None:
            result = _proof(cp, options, cache)
            problems = sorted(set(problems) | set(proof_report.problems(result, doc)))
            proofs.append(_without_problems(proof_report.text(result, str(path), doc)))
        found += problems
        checked.append({"file": name, "problems": [_problem_json(p) for p in problems]})
        if not problems and not as_json:
            click.echo(f"{name}: ok")
    errors = sum(1 for p in found if severity(p.code) == "error")
    warnings = len(found) - errors
    if as_json:
        failed = bool(errors or (strict and warnings))
        answer = {"ok": not failed, "errors": errors, "warnings": warnings, "files": checked}
        click.echo(json_visible(json.dumps(answer, indent=2, ensure_ascii=False)))
        if failed:
            raise Failed(_summary(errors, warnings, strict))
        return
    for p in found:
        click.echo(str(p))
    for block in proofs:
        click.echo(block, nl=False)
    if errors or (strict and warnings):
        raise Failed(_summary(errors, warnings, strict))
    if warnings:
        click.echo(_summary(errors, warnings, strict))


def proof_options(given: ProverArgs) -> ProofOptions:
    """What the command line asks a proof to explore: the sound space, unless ``--quick``
    asks for the few representative days only.

    Raises:
        UsageError: both ``--sound`` and ``--quick``.
    """
    if given.sound and given.quick:
        raise UsageError("--sound and --quick: choose one (--sound is the default)")
    every = given.news_dates == "every"
    return ProofOptions(given.horizon, not given.quick, given.countries, given.news, every)


def proof_cache(given: ProverArgs) -> ProofCache | None:
    """Where proofs are remembered between runs (`followup.lint.proof_cache`), unless
    ``--no-cache``."""
    return None if given.no_cache else ProofCache.default()


def _problem_json(p: Problem) -> dict[str, object]:
    return {
        "file": p.file,
        "line": p.line,
        "col": p.col,
        "code": p.code or None,
        "severity": severity(p.code),
        "message": p.message,
        "expected": p.expected or None,
    }


def _proof(cp: CompiledPlaybook, options: ProofOptions, cache: ProofCache | None) -> Report:
    """Prove ``cp``; an unknown country is the command line's mistake.

    Raises:
        UsageError: a country the holidays library does not know.
        EngineError: the engine could not finish the proof.
    """
    progress = _progress(cp.id) if sys.stderr.isatty() else None
    try:
        return run_proof(cp, options, progress=progress, first_breach=True, cache=cache)
    except CalendarError as err:
        raise UsageError(f"--country: {err.message}; expected {err.expected}") from err
    finally:
        if progress is not None:
            sys.stderr.write("\r\033[K")  # the progress line goes once the proof is done
            sys.stderr.flush()


# A guess of the time left is shown only once the proof has run this long (an early one is wild).
GUESS_AFTER_SECONDS = 2.0


def _progress(name: str, clock: Callable[[], float] = time.monotonic) -> Callable[[int, int], None]:
    """A line on the terminal that counts the cases a proof has searched, and once it has run
    a while, about how long is left at the pace so far (a sound proof of a bundled playbook
    takes minutes, and with every news date far longer: long enough to wonder whether it is
    stuck, or whether to wait).  A proof may search more than one space (the quick one with
    every news date, then the sound one): the pace is taken afresh for each."""
    began = [clock(), 0]  # when the space being searched began, and its number of cases

    def show(done: int, total: int) -> None:
        if total != began[1]:
            began[:] = [clock(), total]
        line = f"\rprove {name}: {done:,} of {total:,} cases searched"
        spent = clock() - began[0]
        if 0 < done < total and spent >= GUESS_AFTER_SECONDS:
            line += f", about {_duration(spent * (total - done) / done)} left"
        sys.stderr.write(line + "\033[K")  # the rest of an older, longer line goes
        sys.stderr.flush()

    return show


def _duration(seconds: float) -> str:
    """A rough length of time: seconds under two minutes, else minutes."""
    if seconds < 120:
        return f"{max(1, round(seconds))} s"
    return f"{round(seconds / 60)} min"


def _without_problems(block: str) -> str:
    """A proof report without its problem lines (lint prints those with the others)."""
    return "".join(line + "\n" for line in block.splitlines() if not _is_problem_line(line))


def _is_problem_line(line: str) -> bool:
    head = line.split(" ", 2)
    return len(head) > 1 and head[0].endswith(":") and head[1][:1] == "L" and head[1][1:].isdigit()


def _summary(errors: int, warnings: int, strict: bool) -> str:
    parts = [f"{errors} error{'s' if errors != 1 else ''}"]
    parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    text = "lint: " + ", ".join(parts)
    if strict and warnings and not errors:
        text += " (--strict: warnings fail)"
    return text


def prove(
    refs: tuple[str, ...],
    as_json: bool,
    dirs: tuple[Path, ...],
    options: ProofOptions,
    cache: ProofCache | None = None,
) -> None:
    """Prove each playbook (an id or a file) and print the worst case it can reach
    (remembering proofs in ``cache``).

    Raises:
        Failed: a playbook breaks one of its limits.
        InputError: a playbook file has problems.
        UsageError: an unknown playbook id, a missing file or folder.
        EngineError: the engine could not finish a proof.
    """

    outputs: list[dict[str, object]] = []
    broken = 0
    for ref in refs:
        cp = catalog.load(ref, dirs)
        try:  # only to point at the limits a path breaks, named as the playbook names its file
            doc = read_yaml_file(catalog.resolve(ref, dirs), display=cp.playbook.file)
        except InputError:
            doc = None
        result = _proof(cp, options, cache)
        broken += len(result.breaches)
        if as_json:
            outputs.append(proof_report.as_json(result, ref, doc))
        else:
            click.echo(proof_report.text(result, ref, doc), nl=False)
    if as_json:
        click.echo(json.dumps({"ok": not broken, "reports": outputs}, indent=2))
    if broken:
        raise Failed(f"prove: {broken} limit{'s' if broken != 1 else ''} broken")
