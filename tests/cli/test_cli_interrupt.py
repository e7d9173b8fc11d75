"""Ctrl-C on a long command: one line, exit 130, no traceback, no process left behind.

A terminal sends SIGINT to every process of the command, workers included; the test does the
same to the process group of a real ``followup`` started in a session of its own.  It waits
until the command is busy (its workers are running, or it has spent a while on the CPU) so the
signal lands in the work, not in the interpreter's start-up.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup.lint.proof_cache import FOLDER, FORMAT

REPO = Path(__file__).resolve().parents[2]
BUSY_CPU_SECONDS = 0.5
PATIENCE = 60.0  # seconds to become busy, and then to stop


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in found.read_text().split()] if found.exists() else []


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _interrupted(
    argv: list[str], tmp_path: Path, workers: bool, *, term: bool = False
) -> tuple[int, str, list[int]]:
    """Start ``followup argv``, interrupt its whole process group once it is busy (with
    ``term``, send SIGTERM to the command alone, as ``kill PID`` does); its exit code, its
    stderr, and the processes of the group still alive a moment later."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "FOLLOWUP_CACHE": str(tmp_path / "cache"),
        "FOLLOWUP_CONFIG_DIR": str(tmp_path / "config"),
    }
    with (tmp_path / "out").open("wb") as out, (tmp_path / "err").open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "followup", *argv],
            stdout=out,
            stderr=err,
            env=env,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + PATIENCE
            while not (_children(proc.pid) if workers else None) and (
                _cpu_seconds(proc.pid) < BUSY_CPU_SECONDS
            ):
                assert proc.poll() is None, "the command ended before it could be interrupted"
                assert time.monotonic() < deadline, "the command never got busy"
                time.sleep(0.05)
            time.sleep(0.3)  # the workers are past their own start-up too
            if term:
                os.kill(proc.pid, signal.SIGTERM)
            else:
                os.killpg(proc.pid, signal.SIGINT)
            code = proc.wait(timeout=PATIENCE)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    time.sleep(0.2)
    left = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == proc.pid:
                    left.append(int(entry.name))
            except ProcessLookupError:
                continue
    if left:
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    return code, (tmp_path / "err").read_text(), left


@pytest.fixture
def big_batch(tmp_path: Path) -> Path:
    """200,000 cases: a few seconds of planning, far more than the test waits."""
    case = {
        "id": "c",
        "interview": "2026-03-04",
        "playbook": "week-then-on-hold",
        "employer": {"decision_in": "2w"},
        "events": [{"date": "2026-03-04", "type": "thank_you_sent", "channel": "email"}],
    }
    path = tmp_path / "batch.jsonl"
    with path.open("w") as f:
        for i in range(200_000):
            f.write(json.dumps({**case, "id": f"c{i}"}) + "\n")
    return path


def _check(code: int, err: str, left: list[int]) -> None:
    assert code == 130
    assert err.strip() == "followup: interrupted"
    assert left == [], "processes of the command outlived it"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_batch_with_one_line(tmp_path: Path, big_batch: Path, jobs: str) -> None:
    argv = ["agenda", str(big_batch), "--today", "2026-06-01", "--json", "--jobs", jobs]
    _check(*_interrupted(argv, tmp_path, workers=jobs != "1"))
    # What was planned before the interrupt was written out whole, line by line.
    lines = (tmp_path / "out").read_text().splitlines()
    assert all(json.loads(line)["case"].startswith("c") for line in lines)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_ctrl_c_stops_a_proof_with_one_line_and_leaves_no_half_proof(tmp_path: Path) -> None:
    argv = ["prove", "stalker-free", "--sound"]
    _check(*_interrupted(argv, tmp_path, workers=True))
    # The two quick passes before the sound search may have finished and been remembered; the
    # sound search was not, and nothing half-written is left where a later run would read it.
    proofs = tmp_path / "cache" / FOLDER
    remembered = list(proofs.iterdir()) if proofs.exists() else []
    assert len(remembered) <= 2
    for path in remembered:
        assert path.suffix == ".json"
        assert json.loads(path.read_text())["format"] == FORMAT


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_sigterm_stops_a_proof_and_its_workers_with_one_line(tmp_path: Path) -> None:
    """``kill PID`` on a proof: it printed worker tracebacks (BrokenPipeError) and left its
    workers running on the CPU.  Now one line, exit 143, and no process left."""
    argv = ["prove", "stalker-free", "--sound", "--no-cache"]
    code, err, left = _interrupted(argv, tmp_path, workers=True, term=True)
    assert code == 143
    assert err.strip() == "followup: terminated"
    assert left == [], "processes of the command outlived it"
