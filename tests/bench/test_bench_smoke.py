"""The agenda benchmark still runs, and its baselines still give the engine's answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import followup

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
ROWS = (
    "json in/out only",
    "followup agenda, in-process (warm)",
    "followup agenda, subprocess (with start-up)",
    "hand-written Python",
    "transitions: one Machine, add_model per case",
    "transitions: a Machine per case",
)
BASELINES = ROWS[3:]


@pytest.fixture(scope="module")
def bench_output() -> subprocess.CompletedProcess[str]:
    """One small run of the benchmark (200 cases, one cold-start run) on this checkout's code."""
    env = dict(os.environ, PYTHONPATH=str(Path(followup.__file__).resolve().parents[1]))
    cmd = [sys.executable, str(BENCH / "agenda_bench.py"), "--cases", "200", "--cold-runs", "1"]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, timeout=120)


def table_rows(stdout: str) -> list[str]:
    """The contender names of the results table, in printed order."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("contender"))
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip() or line.startswith(("*", " ", "us/case")):
            break
        rows.append(line[:44].rstrip())
    return rows


def test_bench_exits_zero_with_nothing_on_stderr(bench_output):
    """A correct engine and faithful baselines give exit code 0 and no warnings."""
    assert bench_output.returncode == 0, bench_output.stdout + bench_output.stderr
    assert bench_output.stderr == ""


def test_bench_table_has_one_row_per_contender(bench_output):
    """The table lists every contender once, in the documented order."""
    assert table_rows(bench_output.stdout) == list(ROWS)


def test_bench_baselines_agree_with_the_agenda_on_every_case(bench_output):
    """Every baseline gives the agenda's JSON line for 100% of the cases."""
    for name in BASELINES:
        assert f"100.00%  {name}" in bench_output.stdout
    assert "FAILED" not in bench_output.stdout
    assert "check: ok - in-process and subprocess each wrote 200 JSON lines" in bench_output.stdout


def test_bench_measures_the_cold_start_of_plan(bench_output):
    """The start-up section times python -c pass and followup plan."""
    assert "  python -c pass" in bench_output.stdout
    assert "  followup plan acme-data-eng.yaml" in bench_output.stdout


def test_drift_check_is_quiet_when_the_numbers_match(monkeypatch):
    """The restated numbers match the shipped playbook and the engine."""
    monkeypatch.syspath_prepend(str(BENCH))
    from drift import drift

    assert drift() == []


def test_drift_check_names_a_changed_playbook_parameter(monkeypatch):
    """A baseline number that no longer matches the playbook is named with both values."""
    monkeypatch.syspath_prepend(str(BENCH))
    import policy
    from drift import drift

    monkeypatch.setattr(policy, "ON_HOLD_EVERY_DAYS", 10)
    monkeypatch.setattr(policy, "MIN_NUDGE_GAP_DAYS", 4)
    problems = drift()
    assert len(problems) == 2
    assert "parameters.on_hold_every is '1.5w'; bench/policy.py restates it as 10d" in problems[0]
    assert "MIN_NUDGE_GAP is 3 days; bench/policy.py restates it as 4" in problems[1]
