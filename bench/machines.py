"""The hand-written replay with its state held by a `transitions` machine instead of a dict.

Both variants are built from ``policy.TRANSITIONS``, the one table of the policy's moves, and
override only ``Replay.step`` (and ``release``).  Everything else is the same code, so the
difference in the table is the cost of the state-machine library alone.
"""

from __future__ import annotations

from typing import Any

from by_hand import MakeReplay, Replay
from policy import NO_MOVE_EVENTS, STATES, TRANSITIONS


class _Model:
    """A bare object for `transitions` to attach its trigger methods and state to."""

    state: str


def machine_kwargs() -> dict[str, Any]:
    """How every `transitions` machine here is configured: the table, plus no-move events."""
    moves: list[dict[str, Any]] = [
        {"trigger": t, "source": list(sources), "dest": dest} for t, sources, dest in TRANSITIONS
    ]
    moves += [{"trigger": t, "source": "*", "dest": None} for t in NO_MOVE_EVENTS]
    return {
        "states": list(STATES),
        "transitions": moves,
        "initial": "interviewed",
        "auto_transitions": False,
        "ignore_invalid_triggers": True,
        "send_event": False,
    }


class _ModelReplay(Replay):
    """A replay whose state moves through a `transitions` model."""

    __slots__ = ("model",)

    def step(self, trigger: str) -> str:
        self.model.trigger(trigger)
        return self.model.state


def shared_machine_replay() -> MakeReplay:
    """One `transitions` Machine for all cases; each case is added as a model and removed."""
    from transitions import Machine

    machine = Machine(model=None, **machine_kwargs())

    class SharedMachineReplay(_ModelReplay):
        __slots__ = ()

        def __init__(self, case: dict[str, Any]) -> None:
            self.model = _Model()
            machine.add_model(self.model)
            super().__init__(case)

        def release(self) -> None:
            machine.remove_model(self.model)

    return SharedMachineReplay


def machine_per_case_replay() -> MakeReplay:
    """A new `transitions` Machine built for every case (the naive way)."""
    from transitions import Machine

    kwargs = machine_kwargs()

    class MachinePerCaseReplay(_ModelReplay):
        __slots__ = ()

        def __init__(self, case: dict[str, Any]) -> None:
            self.model = _Model()
            Machine(model=self.model, **kwargs)
            super().__init__(case)

    return MachinePerCaseReplay
