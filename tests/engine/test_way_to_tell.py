"""News with no step for it goes the way the engine's own steps go: one definition (`OWN_WAY`)."""

from __future__ import annotations

from datetime import date

import pytest

from followup import catalog
from followup.engine import notes
from followup.engine.run import Run
from followup.model.case import Case, Employer, Event
from followup.model.vocabulary import PREFERRED_CHANNELS
from followup.semantics.builtin import WITHDRAW

from .conftest import PLAIN

DAY = date(2026, 3, 4)


@pytest.mark.parametrize("may_call", [False, True])
@pytest.mark.parametrize("preferred", [None, *PREFERRED_CHANNELS])
def test_the_way_to_tell_them_is_the_withdraw_steps_channel(
    preferred: str | None, may_call: bool
) -> None:
    employer = Employer(preferred_channel=preferred, may_call=may_call)
    run = Run(catalog.load("fine-line"), Case("c", DAY, employer=employer), PLAIN)
    run.apply(Event(DAY, "accepted_elsewhere"))
    [withdraw] = [p for p in run.pending(settled=True) if p.compiled.id == WITHDRAW.id]
    assert notes._way_to_tell(run) == withdraw.channel
    assert withdraw.channel is not None


def test_a_phone_preference_without_an_invitation_to_call_is_told_by_email() -> None:
    employer = Employer(preferred_channel="phone", may_call=False)
    run = Run(catalog.load("fine-line"), Case("c", DAY, employer=employer), PLAIN)
    assert notes._way_to_tell(run) == "email"
