"""Replay a case under a compiled playbook, then project what comes next."""

from followup.engine.plan import plan_case, situation_at
from followup.engine.result import Plan, Step, TraceEntry

__all__ = ["Plan", "Step", "TraceEntry", "plan_case", "situation_at"]
