"""Fixtures for the coach's authoring tools: an isolated config folder and an in-process CLI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from followup import catalog
from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.timeline.calendar import BusinessCalendar

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
WEEK = REPO / "playbooks" / "week-then-on-hold.yaml"


@pytest.fixture(autouse=True)
def config_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """followup's config folder in a temporary place; no coach folders from the environment."""
    folder = tmp_path / "config"
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(folder))
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path / "cache"))
    return folder


Planner = Callable[..., Plan]


@pytest.fixture
def plan_for() -> Planner:
    """The plan of a case (an interview on Monday 2026-03-02, plus any text) under a playbook."""

    def plan(playbook: Path | str, case_text: str = "", today: str = "2026-03-02") -> Plan:
        case = build_case(read_yaml_text("interview: 2026-03-02\n" + case_text, "case.yaml"))
        compiled = catalog.load(str(playbook))
        return plan_case(compiled, case, date.fromisoformat(today), BusinessCalendar(None))

    return plan


def dues(plan: Plan) -> list[tuple[str, str]]:
    """The projected schedule as (rule id, due date) pairs."""
    return [(step.rule_id, step.due.isoformat()) for step in plan.schedule]


@pytest.fixture
def schedule(plan_for: Planner) -> Callable[..., list[tuple[str, str]]]:
    """The projected schedule of the default case under a playbook, as (rule id, due) pairs."""

    def run(playbook: Path | str, case_text: str = "") -> list[tuple[str, str]]:
        return dues(plan_for(playbook, case_text))

    return run
