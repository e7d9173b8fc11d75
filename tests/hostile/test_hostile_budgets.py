"""Inputs that are valid but large cost seconds, not minutes: the budgets issue 12 set.

Times are CPU time of this process (``time.process_time``), so a busy machine does not fail
them; the bounds leave a wide margin over what the code needs today (in brackets).
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.hostile.corpus import PLAYBOOKS

from followup.cli.main import main

TODAY = "2026-06-01"
EVENTS = ("thank_you_sent", "check_in_sent", "networked", "note_sent")


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch, tmp_path_factory):
    """No user playbook folders, and the holiday cache in a temporary folder."""
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


def cpu(*argv: object) -> tuple[float, int]:
    """CPU seconds and exit code of one in-process run (its output dropped)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        start = time.process_time()
        code = main([str(a) for a in argv])
        return time.process_time() - start, code


def batch(path: Path, count: int) -> Path:
    """``count`` varied valid cases as JSON Lines, under every bundled playbook."""
    rng = random.Random(12)
    playbooks = sorted(p.stem for p in PLAYBOOKS.glob("*.yaml"))
    lines = []
    for n in range(count):
        interview = date(2026, 1, 5) + timedelta(days=rng.randrange(120))
        events = [
            {"date": str(interview + timedelta(days=d)), "type": rng.choice(EVENTS)}
            for d in sorted(rng.sample(range(0, 20), rng.randrange(4)))
        ]
        case = {
            "id": f"c{n}",
            "interview": str(interview),
            "playbook": rng.choice(playbooks),
            "country": rng.choice(["US", "GB", None]),
            "events": events,
        }
        lines.append(json.dumps({k: v for k, v in case.items() if v is not None}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_validating_a_batch_costs_at_most_twice_planning_it(tmp_path: Path) -> None:
    """validate of a 20,000-line batch: at most about twice agenda's time (now a third)."""
    cases = batch(tmp_path / "cases.jsonl", 20_000)
    cpu("agenda", cases, "--today", TODAY, "--json")  # warm: playbooks compiled, holidays read
    planned, code = cpu("agenda", cases, "--today", TODAY, "--json")
    assert code == 0
    validated, code = cpu("validate", cases)
    assert code == 0
    assert validated <= 2 * planned, (validated, planned)


def test_three_thousand_later_of_actions_validate_in_seconds(tmp_path: Path) -> None:
    """A playbook with 3,000 actions due on a later_of rule: validate and lint stay under
    10 s of CPU (about 1 s now; 11-30 s before lint's L110 shared its cases)."""
    text = (PLAYBOOKS / "week-then-on-hold.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra-{n}\n    in: waiting\n    kind: check_in\n"
        "    due: {later_of: [interview + first_check_in, last_contact + on_hold_every]}\n"
        "    channel: email\n    advice: Check in.\n    source: Wait a week, and then check in\n"
        for n in range(3000)
    )
    path = tmp_path / "week-then-on-hold.yaml"
    path.write_text(text.replace("\nactions:\n", "\nactions:\n" + extra, 1), encoding="utf-8")
    seconds, code = cpu("validate", path)
    assert code == 0
    assert seconds < 10, seconds
    seconds, code = cpu("lint", path)
    assert code in (0, 2)
    assert seconds < 10, seconds
