"""Steps every playbook recommends, whatever its coach wrote: the engine's own actions.

A promise you made to the employer ("I'll call you on Thursday with the references") is in every
plan on its date, by the channel you promised, until you record the follow-up that keeps it.
Coaches disagree about much, but not about keeping your word; so this is not a playbook's rule.
"""

from __future__ import annotations

from typing import Final

from followup.model.playbook import (
    Action,
    ChannelOption,
    Citation,
    Compare,
    DateRule,
    DateTerm,
    Origin,
)
from followup.model.vocabulary import ENGINE_ONLY_KINDS, OPEN_STATES

# Where explanations say a built-in step comes from.
ENGINE_RULE: Final = "followup's own rule, the same in every playbook"
ENGINE_ORIGIN: Final = Origin("<followup engine>", 0, 0)
# How the engine's own steps reach the employer where you promised no way of your own: their
# preferred channel, else email.  A note about news with no step for it says the same way.
OWN_WAY: Final = (ChannelOption("preferred"), ChannelOption("email"))

KEEP_PROMISE: Final = Action(
    id="keep-your-promise",
    states=OPEN_STATES,
    kind="keep_promise",
    due=DateRule((DateTerm("committed"),)),
    # The channel you promised, even a call: they agreed to it.  Else the engine's own way.
    channel=(ChannelOption("committed"), *OWN_WAY),
    advice=(
        "You promised to follow up on this day: do what you said, the way you said; "
        "a promise kept is worth more than any check-in."
    ),
    cite=Citation(""),
    origin=ENGINE_ORIGIN,
    when=Compare("committed", "is", True),
)

WITHDRAW: Final = Action(
    id="withdraw-politely",
    states=OPEN_STATES,
    kind="withdraw",
    due=DateRule((DateTerm("accepted_elsewhere"),)),
    channel=OWN_WAY,
    advice=(
        "You accepted a job elsewhere: tell them now, thank them for their time, and withdraw "
        "politely; a short, warm note keeps the door open for later."
    ),
    cite=Citation(""),
    origin=ENGINE_ORIGIN,
    when=Compare("accepted_elsewhere", "is", True),
)

BUILT_IN_ACTIONS: Final = (KEEP_PROMISE, WITHDRAW)
# Steps that stay on their day when it is a weekend or public holiday, where other messages to
# people move to the next business day: you promised that day and they agreed to it (as to the
# channel), and the next business day would break the promise.
ON_ITS_DAY_KINDS: Final = frozenset({KEEP_PROMISE.kind})

# A new round whose interview date is not recorded: the plan guesses nothing and asks for it.
RECORD_ROUND_KIND: Final = ENGINE_ONLY_KINDS[0]
RECORD_ROUND_ID: Final = "record-next-interview"
RECORD_ROUND_ADVICE: Final = (
    "They invited you to another round: record the date of that interview as soon as you know "
    "it. Until then nothing is planned for this round, because every step counts from that day."
)
BUILT_IN_IDS: Final = frozenset(a.id for a in BUILT_IN_ACTIONS)

# An offer waits for your answer: the plan reminds you from the day it came until the date they
# gave for your answer.
ANSWER_OFFER_KIND: Final = ENGINE_ONLY_KINDS[1]
ANSWER_OFFER_ID: Final = "answer-the-offer"
ANSWER_OFFER_ADVICE: Final = (
    "They made you an offer: answer it, yes or no, before the date they asked for, and say "
    "thank you either way. Record your answer (accepted or declined) when you have given it."
)
