"""Every class of hostile input in issue 12, run in a child process with a time and memory cap.

Each class of the corpus (``tests/hostile/corpus.py``, generated into a temporary folder) is
run by ``tests/hostile/driver.py`` in one child process: killed at its time limit (a hang fails
the test and names the run), with its address space capped (a blow-up is a MemoryError the
driver records, or the child's death).  Every run must keep the contract:

* no exception escapes ``main`` (no traceback), and the exit code is 0 or 2;
* every line on stderr is located: ``file:line:col: ...`` for a file's problem, the flag or
  argument named for a command-line problem (``followup: --today: ...``, click's usage
  error), or one of the summary lines ``agenda`` and ``lint`` end with;
* what the run is about is said (``is a FIFO``, the bad line's number and case id...);
* in a batch, the good cases around a bad one are still planned, in input order.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.hostile.conftest import TRACKER_NOTICE
from tests.hostile.corpus import CLASSES, REPO, Run, build

DRIVER = Path(__file__).with_name("driver.py")
TIME_LIMIT = 120  # seconds for a whole class: a few seconds of work, the rest is margin
MEMORY_LIMIT = 2 << 30  # bytes of address space (the runs had 2 GB)
LOCATED = re.compile(r"^.+?:\d+:\d+: \S")
ARGUMENT = re.compile(r"^followup: (?:--[a-z-]+|[A-Z]+): \S")
SUMMARY = re.compile(
    r"^followup: (?:\d+ case\(s\) had problems and were skipped|lint: \d+ errors?, \d+ warnings?)$"
)
USAGE = re.compile(r"^(?:Usage: followup |Try 'followup |Error: |$)")


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def unlocated(err: str) -> list[str]:
    """The stderr lines that say nothing of where the problem is (the tracker's notice of
    where it is, or that there is none yet, is no problem)."""
    return [
        line
        for line in err.splitlines()
        if not (
            LOCATED.match(line)
            or ARGUMENT.match(line)
            or SUMMARY.match(line)
            or USAGE.match(line)
            or TRACKER_NOTICE.match(line)
        )
    ]


def drive(runs: list[Run], folder: Path) -> list[dict[str, object]]:
    """Every run in one capped child process; fails the test on a hang or the child's death."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)]),
        "FOLLOWUP_DB": str(folder / "tracker.db"),
        "FOLLOWUP_CACHE": str(folder / "cache"),
        "FOLLOWUP_CONFIG_DIR": str(folder / "config"),
        "HOME": str(folder),
    }
    env.pop("FOLLOWUP_PLAYBOOKS", None)
    command = [sys.executable, str(DRIVER)]
    if os.geteuid() == 0:
        # root reads a mode-000 folder anyway: drop the capabilities that let it.
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root, the mode-000 cases need util-linux's setpriv"
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", *command]
    try:
        proc = subprocess.run(
            command,
            input=json.dumps([list(r.argv) for r in runs]),
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            env=env,
            cwd=folder,
            preexec_fn=_cap_memory,
            check=False,
        )
    except subprocess.TimeoutExpired as hung:
        started = re.findall(r"start (\d+)", (hung.stderr or b"").decode("utf-8", "replace"))
        last = runs[int(started[-1])].argv if started else "before the first run"
        pytest.fail(f"hang: killed after {TIME_LIMIT} s in {last}")
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    died = f"the child died ({proc.returncode}) after {len(results)} of {len(runs)} runs"
    assert proc.returncode == 0, f"{died}: {proc.stderr[-2000:]}"
    assert len(results) == len(runs), died
    return results


def failures(run: Run, result: dict[str, object]) -> list[str]:
    """What the run did wrong, in words (empty when it kept the contract)."""
    err, out = str(result["err"]), str(result["out"])
    found = []
    if result["escaped"] or "Traceback" in err:
        found.append(f"traceback: {str(result['escaped'] or err)[-1500:]}")
    if result["code"] not in (0, 2):
        found.append(f"exit code {result['code']}: {err[-500:]}")
    if lines := unlocated(err):
        found.append(f"unlocated: {lines[:3]}")
    if run.must and not re.search(run.must, out + err):
        found.append(f"does not say /{run.must}/: {err[-800:]}")
    if run.planned:
        ids = [json.loads(line)["case"] for line in out.splitlines()]
        if ids != list(run.planned):
            found.append(f"planned {ids}, expected {list(run.planned)}")
    return found


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_hostile_class(tmp_path: Path, name: str, record_property) -> None:
    """Every run of the class keeps the contract; the class's size is recorded."""
    runs = build(name, tmp_path, root=os.geteuid() == 0)
    try:
        results = drive(runs, tmp_path)
    finally:
        locked = tmp_path / "locked"
        if locked.exists():
            locked.chmod(0o700)  # so that pytest can remove the temporary folder
    bad = {
        " ".join(r.argv)[:300]: f
        for r, res in zip(runs, results, strict=True)
        if (f := failures(r, res))
    }
    record_property("runs", len(runs))
    print(f"hostile class {name}: {len(runs)} runs, {len(bad)} broke the contract")
    assert not bad, "\n".join(f"{argv}\n    {problems}" for argv, problems in bad.items())
