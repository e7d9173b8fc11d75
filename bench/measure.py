"""Timing the contenders: a stopwatch for wall and CPU time, and one runner per kind of contender.

Every runner reads the same JSON Lines file and writes one JSON line per case, end to end.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from by_hand import MakeReplay, plan_by_hand

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 6, 1)


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall-clock seconds (``time.perf_counter``) and CPU seconds (user + system) of one run."""

    wall: float
    cpu: float


class Stopwatch:
    """Times a block in wall and CPU time; ``children=True`` counts finished subprocesses' CPU."""

    def __init__(self, *, children: bool = False) -> None:
        self.children = children
        self.timing = Timing(0.0, 0.0)

    def _cpu(self) -> float:
        if self.children:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime
        return time.process_time()

    def __enter__(self) -> Stopwatch:
        self._start = (time.perf_counter(), self._cpu())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, cpu = self._start
        self.timing = Timing(time.perf_counter() - wall, self._cpu() - cpu)


@dataclass(frozen=True, slots=True)
class Result:
    """One contender's run: how many cases it planned, in how much wall and CPU time."""

    name: str
    cases: int
    timing: Timing
    scaled: bool = False  # ran on the first --slow-cap cases only

    @property
    def us_per_case(self) -> float:
        return self.timing.wall / self.cases * 1e6

    @property
    def cpu_us_per_case(self) -> float:
        return self.timing.cpu / self.cases * 1e6

    @property
    def per_second(self) -> float:
        return self.cases / self.timing.wall


def agenda_args(path: Path) -> list[str]:
    """The ``followup agenda`` arguments every run uses."""
    return ["agenda", str(path), "--today", TODAY.isoformat(), "--json"]


@contextlib.contextmanager
def captured(out: Path, err: Path) -> Iterator[Any]:
    """Point ``sys.stdout`` and ``sys.stderr`` at files while the engine runs."""
    with (
        out.open("w", encoding="utf-8") as fo,
        err.open("w", encoding="utf-8") as fe,
        contextlib.redirect_stdout(fo),
        contextlib.redirect_stderr(fe),
    ):
        yield fo


def agenda_in_process(src: Path, out: Path, err: Path) -> tuple[Timing, int]:
    """Run ``followup agenda`` through its ``main``; return (timing, exit code)."""
    from followup.cli.main import main

    with captured(out, err) as fo, Stopwatch() as watch:
        code = main(agenda_args(src))
        fo.flush()
    return watch.timing, code


def followup_command() -> list[str]:
    """The installed ``followup`` script next to this Python, else ``python -m followup``."""
    script = Path(sys.executable).parent / "followup"
    return [str(script)] if script.exists() else [sys.executable, "-m", "followup"]


def agenda_subprocess(src: Path, out: Path, env: dict[str, str]) -> tuple[Timing, int, str]:
    """Run ``followup agenda ... --json > out``; return (timing, exit code, stderr)."""
    with out.open("wb") as fo, Stopwatch(children=True) as watch:
        proc = subprocess.run(
            [*followup_command(), *agenda_args(src)],
            stdout=fo,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    return watch.timing, proc.returncode, proc.stderr.decode("utf-8", "replace")


def json_io_only(src: Path, answers: list[str], out: Path) -> Timing:
    """Read and parse every input line and write the agenda's own answers: the I/O floor."""
    replies = [json.loads(a) for a in answers]
    with Stopwatch() as watch:
        lines = src.read_bytes().splitlines()
        with out.open("w", encoding="utf-8") as fo:
            write = fo.write
            for raw, reply in zip(lines, replies, strict=True):
                json.loads(raw.decode("utf-8"))
                write(json.dumps(reply, ensure_ascii=False) + "\n")
    return watch.timing


def baseline(src: Path, out: Path, make: MakeReplay) -> Timing:
    """JSON in -> dict -> ``plan_by_hand`` (state held by ``make``'s replay) -> JSON out."""
    with Stopwatch() as watch:
        lines = src.read_bytes().splitlines()
        with out.open("w", encoding="utf-8") as fo:
            write = fo.write
            for raw in lines:
                if raw.strip():
                    answer = plan_by_hand(json.loads(raw), TODAY, make)
                    write(json.dumps(answer, ensure_ascii=False) + "\n")
    return watch.timing


def agreement(mine: Path, engine: list[str]) -> float:
    """Share of lines equal to the engine's answer for the same case."""
    lines = mine.read_text(encoding="utf-8").splitlines()
    same = sum(a == b for a, b in zip(lines, engine, strict=False))
    return same / len(lines) if lines else 0.0


def head_lines(src: Path, dest: Path, count: int) -> None:
    """Copy the first ``count`` lines of ``src`` to ``dest``."""
    with src.open("rb") as fi, dest.open("wb") as fo:
        for _, line in zip(range(count), fi, strict=False):
            fo.write(line)


def child_env(tmp: Path) -> dict[str, str]:
    """The environment of the ``followup`` subprocesses: a bytecode cache they may write.

    ``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI) would make every start-up compile
    followup from source; an installed package has its ``.pyc`` files, so the children write
    theirs under ``tmp`` (``PYTHONPYCACHEPREFIX``), leaving the source tree untouched.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def median_ms(cmd: list[str], env: dict[str, str], runs: int) -> Timing:
    """Median wall and CPU time of ``runs`` runs of ``cmd``, in milliseconds."""
    walls, cpus = [], []
    for _ in range(runs):
        with Stopwatch(children=True) as watch:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(watch.timing.wall * 1000)
        cpus.append(watch.timing.cpu * 1000)
    return Timing(statistics.median(walls), statistics.median(cpus))


def import_times(cmd: list[str], env: dict[str, str], top: int = 8, runs: int = 3) -> list[Any]:
    """``python -X importtime`` of ``cmd``: the ``top`` (module, cumulative ms, self ms).

    Each module's best of ``runs`` runs; a module listed twice (a package imported on the way to
    one of its submodules) keeps its larger figures.
    """
    best: dict[str, tuple[float, float]] = {}
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", *cmd],
            capture_output=True,
            env=env,
            check=False,
            text=True,
        )
        seen: dict[str, tuple[float, float]] = {}
        for line in proc.stderr.splitlines():
            parts = line.removeprefix("import time:").split("|")
            if len(parts) == 3 and parts[0].strip().isdigit():
                name, figures = parts[2].strip(), (int(parts[1]) / 1000, int(parts[0]) / 1000)
                before = seen.get(name, figures)
                seen[name] = (max(before[0], figures[0]), max(before[1], figures[1]))
        for name, figures in seen.items():
            best[name] = min(best.get(name, figures), figures)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[:top]
    return [(name, cumulative, own) for name, (cumulative, own) in ranked]


def profile_agenda(src: Path, tmp: Path, top: int = 15) -> str:
    """cProfile of the in-process agenda over ``src``: the ``top`` functions by own time."""
    from followup.cli.main import main

    profiler = cProfile.Profile()
    with captured(tmp / "profile.out", tmp / "profile.err"):
        profiler.enable()
        main(agenda_args(src))
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(top)
    report = text.getvalue()
    site, stdlib = Path(yaml.__file__).parent.parent, Path(json.__file__).parent.parent
    for prefix in (REPO / "src", site, stdlib):  # shorter file names
        report = report.replace(f"{prefix}{os.sep}", "")
    return report
