"""Benchmark ``followup agenda`` against simpler ways of answering the same question.

Run it as ``.venv/bin/python bench/agenda_bench.py [--cases N] [--seed S] [--quick]``.  It prints
a table of cases/second and microseconds/case for

* the JSON in/out share alone (read and parse the input lines, write the agenda's own answers);
* ``followup agenda --json``, in-process (warm) and as a subprocess (with start-up);
* the same policy written by hand (``by_hand.py``), the speed limit for this playbook;
* the same hand-written policy with its state held by a `transitions` machine (``machines.py``);

all over the same generated JSON Lines file, then cold-start timings and the imports that
dominate ``followup plan``'s start-up.  It is a measurement, but a measurement of different
work means nothing: it exits 1 if the agenda runs fail their checks, if a baseline's numbers
drifted from the playbook's, or if a baseline disagrees with the agenda on any case.  See
``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from by_hand import PLAYBOOK, Replay, holidays_of
from drift import drift
from generate_cases import write_cases
from machines import machine_per_case_replay, shared_machine_replay
from measure import (
    REPO,
    Result,
    agenda_in_process,
    agenda_subprocess,
    agreement,
    baseline,
    child_env,
    followup_command,
    head_lines,
    import_times,
    json_io_only,
    median_ms,
    profile_agenda,
)

EXAMPLE_CASE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
EXAMPLE_TODAY = "2026-03-12"
DEFAULT_CASES = 100_000
QUICK_CASES = 10_000
SLOW_CAP = 20_000
PROFILE_CASES = 20_000
COLD_RUNS = 15
WARM_CASES = 500


@dataclass(frozen=True, slots=True)
class BenchRun:
    """Everything one benchmark run measured and checked."""

    total: int
    results: list[Result]
    answers: list[str]  # followup agenda's output lines, in input order
    agree: dict[str, float]  # baseline name -> share of lines equal to the agenda's
    problems: list[str]  # what went wrong in the followup runs, if anything


def check_agenda(lines: list[str], total: int, code: int, stderr: str, how: str) -> list[str]:
    """What is wrong with an agenda run: line count, case order, exit code, stderr."""
    problems = []
    if code != 0:
        problems.append(f"{how}: exit code {code}")
    if stderr.strip():
        problems.append(f"{how}: stderr: {stderr.strip().splitlines()[0]}")
    if len(lines) != total:
        problems.append(f"{how}: {len(lines):,} output lines for {total:,} cases")
    expected = (f"case-{i:06d}" for i in range(1, total + 1))
    if any(json.loads(line)["case"] != want for line, want in zip(lines, expected, strict=False)):
        problems.append(f"{how}: output lines are not one per case in input order")
    return problems


def run_contenders(src: Path, small: Path, tmp: Path, env: dict[str, str], slow: int) -> BenchRun:
    """Time every contender over ``src``; the slow ones over ``small``, its first ``slow`` lines."""
    total = sum(1 for _ in src.open("rb"))
    warm = tmp / "warm.jsonl"
    head_lines(src, warm, WARM_CASES)
    # Warm up: imports, the compiled playbook, the US holiday calendar and the bytecode cache.
    agenda_in_process(warm, tmp / "warm.out", tmp / "warm.err")
    agenda_subprocess(warm, tmp / "warm.out", env)
    out, err = tmp / "agenda.out", tmp / "agenda.err"
    timing, code = agenda_in_process(src, out, err)
    answers = out.read_text(encoding="utf-8").splitlines()
    sub_out = tmp / "agenda-sub.out"
    sub_timing, sub_code, sub_err = agenda_subprocess(src, sub_out, env)
    results = [
        Result("json in/out only", total, json_io_only(src, answers, tmp / "json.out")),
        Result("followup agenda, in-process (warm)", total, timing),
        Result("followup agenda, subprocess (with start-up)", total, sub_timing),
    ]
    problems = check_agenda(answers, total, code, err.read_text(encoding="utf-8"), "in-process")
    sub_lines = sub_out.read_text(encoding="utf-8").splitlines()
    problems += check_agenda(sub_lines, total, sub_code, sub_err, "subprocess")

    holidays_of("US")  # the baselines' holiday table, built before timing
    baselines = [
        ("hand-written Python", Replay, False),
        ("transitions: one Machine, add_model per case", shared_machine_replay(), False),
        ("transitions: a Machine per case", machine_per_case_replay(), True),
    ]
    agree: dict[str, float] = {}
    for name, make, is_slow in baselines:
        mine = tmp / "mine.out"
        cases = slow if is_slow else total
        timing = baseline(small if is_slow else src, mine, make)
        results.append(Result(name, cases, timing, scaled=cases < total))
        agree[name] = agreement(mine, answers)
    return BenchRun(total, results, answers, agree, problems)


def print_table(results: list[Result], reference: Result, total: int) -> None:
    """The results, one row per contender, relative to the in-process agenda."""
    print(
        f"{'contender':<44} {'cases':>8} {'wall s':>7} {'cases/s':>8} {'us/case':>8} "
        f"{'cpu us':>7} {'vs':>6}"
    )
    for r in results:
        mark = "*" if r.scaled else " "
        ratio = r.cpu_us_per_case / reference.cpu_us_per_case
        print(
            f"{r.name:<44} {r.cases:>7,}{mark} {r.timing.wall:>7.2f} {r.per_second:>8,.0f} "
            f"{r.us_per_case:>8.1f} {r.cpu_us_per_case:>7.1f} {ratio:>5.2f}x"
        )
    scaled = [r for r in results if r.scaled]
    if scaled:
        print(
            f"* measured on the first {scaled[0].cases:,} cases of the same file, not all "
            f"{total:,}; cases/s and us/case hold for any N"
        )
        for r in scaled:
            print(f"  estimated for all {total:,}: {r.name}: {r.us_per_case * total / 1e6:.0f} s")
    print(
        "us/case = wall-clock microseconds per case; cpu us = CPU (user+system) microseconds\n"
        "per case, steadier on a shared machine; vs = cpu us relative to the in-process agenda"
    )


def print_checks(run: BenchRun, drifted: list[str]) -> bool:
    """The correctness check, the states reached and the baselines' agreement; True if all ok."""
    if run.problems:
        print("check: FAILED - " + "; ".join(run.problems))
    else:
        print(
            f"check: ok - in-process and subprocess each wrote {len(run.answers):,} JSON lines "
            f"for {run.total:,} cases, in order, exit 0, nothing on stderr"
        )
    plans = [json.loads(line) for line in run.answers]
    states = Counter(p["state"] for p in plans)
    print("states: " + ", ".join(f"{s} {n:,}" for s, n in states.most_common()))
    actions = Counter((p["next"] or {}).get("action") or "nothing" for p in plans)
    print("next action: " + ", ".join(f"{a} {n:,}" for a, n in actions.most_common()))
    for line in drifted:
        print(f"agreement: FAILED - the baseline's numbers drifted: {line}")
    print("same JSON line as followup agenda for the same case:")
    for name, share in run.agree.items():
        print(f"  {share:7.2%}  {name}")
    disagree = [name for name, share in run.agree.items() if share < 1]
    if disagree:
        print(
            "agreement: FAILED - "
            + ", ".join(disagree)
            + " gave different answers; bench/by_hand.py needs the engine's change before "
            "its timings mean the same work"
        )
    return not (run.problems or drifted or disagree)


def print_start_up(env: dict[str, str], runs: int) -> None:
    """Cold-start medians and the imports that dominate ``followup plan``."""
    example = ["plan", str(EXAMPLE_CASE), "--today", EXAMPLE_TODAY]
    plan = [*followup_command(), *example]
    subprocess.run(plan, stdout=subprocess.DEVNULL, env=env, check=True)  # warm the caches
    cold = {
        "python -c pass": median_ms([sys.executable, "-c", "pass"], env, runs),
        "followup --version": median_ms([*followup_command(), "--version"], env, runs),
        "followup plan acme-data-eng.yaml": median_ms(plan, env, runs),
    }
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        name = "followup plan, PYTHONDONTWRITEBYTECODE as set here (no .pyc for followup)"
        cold[name] = median_ms(plan, dict(os.environ), runs)
    print(
        f"cold start, median of {runs} runs, warm holiday and bytecode caches (wall ms / cpu ms):"
    )
    for name, ms in cold.items():
        print(f"  {ms.wall:7.0f} / {ms.cpu:5.0f}  {name}")
    best_of = min(3, runs)
    print(f"followup plan, python -X importtime (best of {best_of}), top 8 by cumulative ms:")
    for name, cumulative, own in import_times(["-m", "followup", *example], env, runs=best_of):
        print(f"  {cumulative:7.1f} / {own:5.1f}  {name}")


def machine_line() -> str:
    """Python version, CPUs and current load, so readers can compare runs."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"machine: Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.system()} {platform.machine()}, {cpus} CPU(s) "
        f"(os.cpu_count()={os.cpu_count()}), load average {os.getloadavg()[0]:.2f}"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; see bench/README.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="how many cases")
    parser.add_argument("--seed", type=int, default=2026, help="random seed for the cases")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_CASES:,} cases")
    parser.add_argument(
        "--slow-cap", type=int, default=SLOW_CAP, help="cases for the slow baselines"
    )
    parser.add_argument("--profile", action="store_true", help="also cProfile the agenda")
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=COLD_RUNS,
        help=f"runs per cold-start median (default {COLD_RUNS}; 0 skips start-up timing)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Generate the cases, run every contender over them, print the results; 1 if wrong."""
    args = parse_args(argv)
    total = QUICK_CASES if args.quick else args.cases
    slow = min(total, args.slow_cap)
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["FOLLOWUP_CACHE"] = str(tmp / "cache")  # an isolated holiday cache
        print(machine_line())
        src, small = tmp / "cases.jsonl", tmp / "slow.jsonl"
        size = write_cases(src, total, args.seed)
        head_lines(src, small, slow)
        print(f"input: {total:,} cases of {PLAYBOOK}, seed {args.seed}, {size / 1e6:.1f} MB")

        env = child_env(tmp)
        run = run_contenders(src, small, tmp, env, slow)
        print()
        print_table(run.results, run.results[1], total)
        io_share = run.results[0].timing.cpu / run.results[1].timing.cpu
        print(f"json in/out alone is {io_share:.0%} of the in-process agenda's CPU time")
        print()
        ok = print_checks(run, drift())
        if args.cold_runs > 0:
            print()
            print_start_up(env, args.cold_runs)
        if args.profile:
            profiled = min(total, PROFILE_CASES)
            part = tmp / "profile.jsonl"
            head_lines(src, part, profiled)
            print()
            print(f"cProfile, in-process agenda over {profiled:,} cases, top 15 by tottime:")
            print(profile_agenda(part, tmp).strip("\n"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
