"""What each recorded event type and reply outcome does, as plain tuples for the engine.

Read once from `followup.semantics.meaning` (the one definition) into tuples that
`followup.engine.run.Run.apply` unpacks in one step per event, anchors named as their attributes.
"""

from __future__ import annotations

from followup.compile.machine import reply_trigger
from followup.semantics.meaning import EVENTS, REPLIES

# What each event type and reply outcome does, read once from `followup.semantics.meaning` into
# plain tuples that `apply` unpacks in one step per event (anchors named as their attributes).
EFFECTS = {
    e.type: (
        e.does_step,
        e.contact,
        e.sets,
        e.counts,
        e.nudge,
        tuple(("at_" + anchor, source) for anchor, source in e.dates),
        e.remembers_channel,
        e.answers_offer,
    )
    for e in EVENTS.values()
}
REPLY_EFFECTS = {
    r.outcome: (
        reply_trigger(r.outcome),
        r.after_giving_up,
        r.new_round,
        r.remembered,
        r.restarts_nudges,
        r.sets,
    )
    for r in REPLIES.values()
}
