"""A corpus over every class of hostile input, each fed to validate, plan and agenda.

Special files (devices, folders, loops, missing), dates at the ends of the calendar, timezones
naming folders, numbers past Python's and C's limits, long lines.  FIFOs are left to
tests/cli/test_cli_special_files.py, which runs them in a subprocess with a timeout: here, in
process, a regression would hang the suite instead of failing it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

TODAY = "2026-03-12"
GOOD = {"id": "good", "interview": "2026-03-02", "playbook": "week-then-on-hold"}
YAML_CASE = "id: c\ninterview: 2026-03-02\nplaybook: week-then-on-hold\n"


def _case(extra: str, interview: str = "2026-03-02") -> Callable[[Path], Path]:
    """A case file: the usual three lines (with this interview) and ``extra``."""

    def make(folder: Path) -> Path:
        path = folder / "case.yaml"
        path.write_text(YAML_CASE.replace("2026-03-02", interview) + extra, encoding="utf-8")
        return path

    return make


def _batch(*bad: str) -> Callable[[Path], Path]:
    """A batch: one good line, the bad lines (raw JSON text), another good line."""

    def make(folder: Path) -> Path:
        path = folder / "cases.jsonl"
        lines = [json.dumps(GOOD), *bad, json.dumps({**GOOD, "id": "good2"})]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return make


def _loop(folder: Path) -> Path:
    path = folder / "loop.yaml"
    path.symlink_to(path)
    return path


CORPUS: dict[str, Callable[[Path], Path]] = {
    "dev-zero": lambda _: Path("/dev/zero"),
    "dev-urandom": lambda _: Path("/dev/urandom"),
    "dev-null": lambda _: Path("/dev/null"),
    "folder": lambda folder: folder,
    "symlink-loop": _loop,
    "missing": lambda folder: folder / "missing.yaml",
    "nul-in-name": lambda folder: Path(str(folder / "a") + "\0b"),
    "name-too-long": lambda folder: folder / ("n" * 300 + ".yaml"),
    "year-9999": _case("", interview="9999-12-30"),
    "year-0001": _case("", interview="0001-01-01"),
    "event-9999": _case("events:\n  - {date: 9999-12-31, type: thank_you_sent}\n"),
    "decision-by-9999": _case("employer: {decision_by: 9999-12-31}\n"),
    "timezone-folder": _case("timezone: America\n"),
    "timezone-300": _case("timezone: " + "A" * 300 + "\n"),
    "timezone-file": _case("timezone: zone.tab\n"),
    "hex-past-64-bits": _case("notes: 0x" + "f" * 5000 + "\n"),
    "octal-past-64-bits": _case("company: 0o" + "7" * 30 + "\n"),
    "decimal-4301-digits": _case("company: " + "9" * 4301 + "\n"),
    "float-overflow": _case("company: 1e400\n"),
    "control-characters": _case('company: "\\e[31m\\0\\u2028"\n'),
    "batch-4301-digits": _batch('{"id": "big", "n": ' + "9" * 4301 + "}"),
    "batch-64-bits": _batch('{"id": "big", "interview": ' + str(2**63) + "}"),
    "batch-year-9999": _batch(json.dumps({**GOOD, "id": "far", "interview": "9999-12-30"})),
    "batch-timezone-folder": _batch(json.dumps({**GOOD, "id": "tz", "timezone": "America"})),
    "batch-surrogate": _batch('{"id": "s", "company": "\\ud800"}'),
    "batch-control-id": _batch('{"id": "\\u001b[2J\\u2028x"}'),
    "batch-long-line": _batch('{"id": "long", "notes": "' + "x" * (2 << 20) + '"}'),
    "batch-deep": _batch("[" * 100_000 + "]" * 100_000),
    "batch-not-utf8": _batch('{"id": "\xff"}'),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus(run, tmp_path: Path, name: str) -> None:
    """validate, plan and agenda keep the contract on each entry (`run` checks it)."""
    path = CORPUS[name](tmp_path)
    validated = run("validate", path)
    planned = run("plan", path, "--today", TODAY)
    batch = run("agenda", path, "--today", TODAY, "--json")
    if name.startswith("batch-"):
        # The good lines around the bad one are still planned; the bad one is reported.
        assert [json.loads(line)["case"] for line in batch.out.splitlines()] == ["good", "good2"]
        assert batch.code == 2
        assert f"{path}:2:" in batch.err
        assert validated.code == 2
    elif name == "control-characters":  # odd but valid text: accepted, the contract kept
        assert (validated.code, planned.code) == (0, 0)
    else:
        assert validated.code == 2
        assert planned.code == 2
