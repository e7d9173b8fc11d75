"""The week-then-on-hold policy as data: its numbers, its one table of moves, its actions' words.

The hand-written replay (``by_hand.py``) and the `transitions` machines (``machines.py``) are
both built from this table.  It is deliberately independent of followup (nothing here or in
``by_hand.py`` imports it), so that the baselines' 100% agreement with ``followup agenda`` is
evidence rather than a tautology; ``drift.py`` compares the restated numbers with the playbook
file and the engine before every run.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml
from generate_cases import PLAYBOOK

from followup.semantics.builtin import (
    ANSWER_OFFER_ADVICE,
    ANSWER_OFFER_ID,
    ANSWER_OFFER_KIND,
    ENGINE_RULE,
    KEEP_PROMISE,
    RECORD_ROUND_ADVICE,
    RECORD_ROUND_ID,
    RECORD_ROUND_KIND,
)

PROMISE_ID = KEEP_PROMISE.id  # the engine's own step: a promise you made
PLAYBOOK_FILE = Path(__file__).resolve().parent.parent / "playbooks" / f"{PLAYBOOK}.yaml"

# -- the policy's numbers: they mirror playbooks/week-then-on-hold.yaml (`parameters:` and the
# waiting-game transition) and semantics/meaning.py's MIN_NUDGE_GAP and MIN_CONTACT_GAP.
# Restated on purpose.
THANK_YOU_WINDOW_BUSINESS_DAYS = 2  # thank_you_window: 2bd
WAITING_GAME_DAYS = 1  # waiting-game: after state_entered + 1d
FIRST_CHECK_IN_DAYS = 7  # first_check_in: 1w
ON_HOLD_EVERY_DAYS = 11  # on_hold_every: 1.5w, rounded half up to whole days as the engine does
MAX_CHECK_INS = 3  # max_check_ins: 3
GIVE_UP_MONTHS = 2  # give_up_after: 2mo
MIN_NUDGE_GAP_DAYS = 3  # the engine's MIN_NUDGE_GAP between two check-ins
MIN_CONTACT_GAP_DAYS = 3  # the engine's MIN_CONTACT_GAP between any two direct contacts

ONE_DAY = timedelta(days=1)
FIRST_CHECK_IN = timedelta(days=FIRST_CHECK_IN_DAYS)
ON_HOLD_EVERY = timedelta(days=ON_HOLD_EVERY_DAYS)
MIN_NUDGE_GAP = timedelta(days=MIN_NUDGE_GAP_DAYS)
MIN_CONTACT_GAP = timedelta(days=MIN_CONTACT_GAP_DAYS)

# -- the one table of moves: the plain replay below and the `transitions` machines are built
# from it.  (trigger, source states, destination); timers are triggers too.
STATES = ("interviewed", "thanked", "waiting", "checked-in", "on-hold", "closed")
CLOSED = "closed"
TRANSITIONS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("thank_you_sent", ("interviewed",), "thanked"),
    ("thank_you_window_passed", ("interviewed",), "waiting"),
    ("waiting_game", ("thanked",), "waiting"),
    ("check_in_sent", ("interviewed", "thanked", "waiting"), "checked-in"),
    ("no_answer", ("checked-in",), "on-hold"),
    ("check_in_sent", ("checked-in",), "on-hold"),
    ("back_off", ("on-hold",), CLOSED),
    ("give_up", ("waiting", "checked-in", "on-hold"), CLOSED),
    ("reply_still_deciding", STATES, "waiting"),
    ("reply_no_follow_up", STATES, "waiting"),
    ("reply_next_round", STATES, "interviewed"),
    ("reply_offer", STATES, CLOSED),
    ("reply_rejection", STATES, CLOSED),
    ("withdrew", STATES, CLOSED),
)
NO_MOVE_EVENTS = ("competing_offer", "portfolio_update", "committed")  # recorded, no move
MOVES = {(source, trigger): dest for trigger, sources, dest in TRANSITIONS for source in sources}
# Giving up closes a case this way: a late reply reopens it, and a promise not yet kept holds it
# off until the day after the promised one (the engine's keep-promises rule).
REOPENABLE = "moved_on"
CLOSING_OUTCOME = {
    "back_off": "moved_on",
    "give_up": "moved_on",
    "reply_offer": "offer",
    "reply_rejection": "rejection",
    "withdrew": "withdrew",
}
# What recorded event completes each action; None is advice that the day passing completes.
COMPLETED_BY: dict[str, str | None] = {
    "ask-how-to-follow-up": None,
    "thank-you-note": "thank_you_sent",
    "flag-competing-offer": "update_sent",
    "check-in-when-they-said": "check_in_sent",
    "check-in-after-a-week": "check_in_sent",
    "on-hold-check-in": "check_in_sent",
    "move-on-after-two-months": None,
    "move-on": None,
    # The engine's own step in every playbook: a promise, kept by the follow-up it promised.
    PROMISE_ID: "check_in_sent",
}
RESTARTABLE = [
    a for a in COMPLETED_BY if a not in ("thank-you-note", "flag-competing-offer", PROMISE_ID)
]
# On the same day the engine takes your promise first and check-ins last, each group by due date.
NUDGES = ("check-in-when-they-said", "check-in-after-a-week", "on-hold-check-in")
DIRECT_CHANNELS = frozenset({"email", "phone", "mail", "text", "recruiter"})

Pending = tuple[date, str, str | None]  # (due, action id, channel)


def _action_texts() -> dict[str, tuple[str, str, str]]:
    """Action id -> (kind, why, source), read from the playbook so the answers match in size."""
    data = yaml.safe_load(PLAYBOOK_FILE.read_text(encoding="utf-8"))
    src = data["source"]
    cite = f"\"{src['title']}\" ({src['date']}), section '{{}}'"
    return {
        a["id"]: (
            a["kind"],
            f"{a['id']}: {' '.join(a['advice'].split())}",
            cite.format(a["source"]),
        )
        for a in data["actions"]
    } | {
        # Only the words of the engine's built-in step are read from followup, for equal answers.
        KEEP_PROMISE.id: (
            KEEP_PROMISE.kind,
            f"{KEEP_PROMISE.id}: {KEEP_PROMISE.advice}",
            ENGINE_RULE,
        ),
        ANSWER_OFFER_ID: (
            ANSWER_OFFER_KIND,
            f"{ANSWER_OFFER_ID}: {' '.join(ANSWER_OFFER_ADVICE.split())}",
            ENGINE_RULE,
        ),
        RECORD_ROUND_ID: (
            RECORD_ROUND_KIND,
            f"{RECORD_ROUND_ID}: {' '.join(RECORD_ROUND_ADVICE.split())}",
            ENGINE_RULE,
        ),
    }


ACTION_TEXTS = _action_texts()
