"""The prover benchmark runs, reports what each proof explored, and fails only on a broken run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import followup
from followup import catalog
from followup.lint.space import DEFAULT_HORIZON, ProofOptions, build_space

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench" / "prove_bench.py"
NAGGING = REPO / "tests" / "lint" / "data" / "nagging.yaml"


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(followup.__file__).resolve().parents[1]))
    cmd = [sys.executable, str(BENCH), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, timeout=120)


def test_each_proof_is_one_row_with_what_it_explored():
    done = _bench("stalker-free", str(NAGGING), "--mode", "quick", "--json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["playbook"], r["mode"]) for r in rows] == [
        ("stalker-free", "quick"),
        ("nagging", "quick"),
    ]
    space = build_space(
        catalog.load("stalker-free").playbook, ProofOptions(DEFAULT_HORIZON, sound=False)
    )
    assert rows[0]["cases"] == len(space.starts)
    assert rows[0]["ok"] is True
    assert rows[1]["ok"] is False  # the nagging playbook breaks the limits it declares
    for row in rows:
        assert row["states"] > 0
        assert row["paths"] > 0
        assert row["wall"] > 0
        assert row["cpu"] > 0


def test_a_proof_that_cannot_run_fails_the_benchmark():
    done = _bench("no-such-playbook", "--mode", "quick")
    assert done.returncode == 1
    assert "FAILED no-such-playbook" in done.stderr


def test_news_dates_reach_the_proof():
    """`--news-dates every` proves as `prove --news-dates every` does: the next round the day
    after their reply breaks the one-contact-a-week limit the fixed dates keep."""
    soon = str(REPO / "tests" / "lint" / "data" / "next-round-soon.yaml")
    fixed, every = (
        _bench(soon, "--mode", "quick", "--news-dates", dates, "--json")
        for dates in ("fixed", "every")
    )
    assert fixed.returncode == every.returncode == 0, fixed.stderr + every.stderr
    (kept,), (broken,) = (
        [json.loads(line) for line in d.stdout.splitlines()] for d in (fixed, every)
    )
    assert (kept["ok"], broken["ok"]) == (True, False)
    assert broken["states"] > kept["states"]
