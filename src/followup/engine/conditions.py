"""Why a rule's condition does not hold for a case, test by test, for ``followup explain``.

A coach whose rule is "not due (its condition does not hold)" needs to know which of its tests
failed, and on what value: "last_reply is next_round, where the rule wants: last_reply is
none".  Only the trace asks, so this costs nothing in a plan or a batch.
"""

from __future__ import annotations

from typing import Any

from followup.compile.expressions import compile_guard
from followup.model.playbook import AllOf, AnyOf, Compare, Guard, Not, Span
from followup.model.vocabulary import OPERATOR_WORDS

__all__ = ["unmet"]


def unmet(guard: Guard | None, run: Any) -> list[str]:
    """The tests of ``guard`` that fail for ``run``, each in words (none when it holds)."""
    if guard is None or compile_guard(guard)(run):
        return []
    if isinstance(guard, AllOf):
        return [text for g in guard.items for text in unmet(g, run)]
    if isinstance(guard, Compare):
        actual = _shown(getattr(run, guard.fact))
        wanted = f"{guard.fact} {OPERATOR_WORDS[guard.op]} {_shown(guard.value)}"
        return [f"{guard.fact} is {actual}, where the rule wants: {wanted}"]
    if isinstance(guard, AnyOf):
        return ["none of: " + " / ".join("; ".join(unmet(g, run)) for g in guard.items)]
    if isinstance(guard, Not):
        return ["what it must not be holds"]
    assert isinstance(guard, Span)
    return [
        f"the time from {guard.start} to {guard.end} is not "
        f"{OPERATOR_WORDS[guard.op].removeprefix('is ')} {guard.offset.duration}"
        " (or one of the dates is not known)"
    ]


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
