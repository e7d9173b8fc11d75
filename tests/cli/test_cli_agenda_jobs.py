"""``agenda --jobs N``: the same answers, in the same order, from N worker processes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from followup.cli import agenda_jobs

TODAY = "2026-03-12"
REPO = Path(__file__).resolve().parents[2]
GOOD = {"interview": "2026-03-02", "playbook": "week-then-on-hold"}


def mixed_batch(path: Path, count: int) -> Path:
    """``count`` lines, every seventh one bad in a different way, the others good."""
    bad = [
        "not json",
        '{"id": "x", "playbook": "no-such"}',
        '{"interview": "2026-03-02"}',
        json.dumps({**GOOD, "id": "far", "interview": "9999-12-30"}),
    ]
    lines = []
    for n in range(count):
        if n % 7 == 3:
            lines.append(bad[n % len(bad)])
        else:
            day = f"2026-0{1 + n % 3}-{10 + n % 18:02d}"
            lines.append(json.dumps({**GOOD, "id": f"c{n}", "interview": day}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("as_json", [True, False])
def test_jobs_give_the_same_output_in_input_order(cli, tmp_path, as_json):
    """Two processes, several chunks each: stdout, stderr and the exit code are unchanged."""
    batch = mixed_batch(tmp_path / "cases.jsonl", 2 * agenda_jobs.CHUNK + 345)
    flags = ["--json"] if as_json else []
    one = cli("agenda", batch, "--today", TODAY, *flags)
    two = cli("agenda", batch, "--today", TODAY, *flags, "--jobs", "2")
    assert one.code == two.code == 2
    assert two.out == one.out
    assert two.err == one.err
    # n=3 on line 4, located at its interview's value (the 15th character of the line)
    assert f"{batch}:4:15: case 'far', interview: " in two.err
    assert f"{batch}:18:1: case 'x': " in two.err  # n=17: an unknown playbook
    assert f"{batch}:25:1: not valid JSON" in two.err  # n=24
    if as_json:
        ids = [json.loads(line)["case"] for line in two.out.splitlines()]
        assert ids == sorted(ids, key=lambda i: int(i[1:]))  # input order, c0 c1 c2 ...


def test_jobs_report_an_id_used_again_in_a_later_chunk(cli, tmp_path):
    """Workers plan their chunks apart; the same id in two chunks is still caught, once."""
    batch = mixed_batch(tmp_path / "cases.jsonl", agenda_jobs.CHUNK + 10)
    with batch.open("a", encoding="utf-8") as out:
        out.write(json.dumps({**GOOD, "id": "c0"}) + "\n")
    two = cli("agenda", batch, "--today", TODAY, "--json", "--jobs", "2")
    assert two.code == 2
    last = agenda_jobs.CHUNK + 11
    col = batch.read_text("utf-8").splitlines()[last - 1].index('"c0"') + 1  # at the id itself
    assert f"{batch}:{last}:{col}: case 'c0': the id is already used by the case on line 1" in (
        two.err
    )
    ids = [json.loads(line)["case"] for line in two.out.splitlines()]
    assert ids.count("c0") == 1


def test_jobs_on_a_folder_of_case_files(cli, tmp_path):
    """A folder batch is handed out by file: each file is read by the worker that plans it."""
    for case in (REPO / "examples" / "cases").glob("*.yaml"):
        shutil.copy(case, tmp_path / case.name)
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    one = cli("agenda", tmp_path, "--today", TODAY, "--json")
    two = cli("agenda", tmp_path, "--today", TODAY, "--json", "--jobs", "3")
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert f"{tmp_path / 'broken.yaml'}:" in two.err


@pytest.mark.parametrize("jobs", ["0", "-1", "257", "many"])
def test_jobs_out_of_range_is_a_usage_error(cli, tmp_path, jobs):
    batch = mixed_batch(tmp_path / "cases.jsonl", 3)
    result = cli("agenda", batch, "--today", TODAY, "--jobs", jobs)
    assert result.code == 2
    assert "--jobs" in result.err


def _die(name: str, chunk: object) -> None:
    os._exit(9)  # as a worker killed by the system would


def test_a_worker_that_dies_is_a_runtime_failure_not_a_traceback(cli, tmp_path, monkeypatch):
    """A worker killed mid-batch (here: it exits at once) ends the run with exit 1 and says so."""
    monkeypatch.setattr(agenda_jobs, "_plan_chunk", _die)  # inherited by the forked workers
    batch = mixed_batch(tmp_path / "cases.jsonl", 50)
    result = cli("agenda", batch, "--today", TODAY, "--json", "--jobs", "2")
    assert result.code == 1
    assert "worker process died" in result.err
    assert "Traceback" not in result.err
