"""The engine's fixed meaning, written once: what each recorded event and each reply does.

A playbook decides what to recommend and when to move on; what the job seeker's own records and
the employer's replies *do* is fixed here, the same in every playbook.  Everything that needs
that meaning reads it from this module instead of restating it: the compiler builds the
built-in moves from `REPLIES` and the closing events, the engine applies `EVENTS`' effects and
the constants, lint explores the same effects over facts, and ``followup show`` and
docs/engine-rules.md print the sentences made from them (`rule_sentences`).

To add an event type or a reply outcome: add its word to `followup.model.vocabulary`, then its
meaning here; tests fail until both agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from followup.model.vocabulary import (
    ANCHORS,
    CLOSED,
    COMPLETED_BY,
    DIRECT_CHANNELS,
    EVENT_TYPES,
    FACTS,
    NUDGE_KINDS,
    OPEN_STATES,
    PLAYBOOK_TRIGGERS,
    REPLY_OUTCOMES,
)

# Two nudges about the decision are never recommended closer together than this.
MIN_NUDGE_GAP_DAYS: Final = 3
MIN_NUDGE_GAP: Final = timedelta(days=MIN_NUDGE_GAP_DAYS)
# A reply recorded without an outcome.
DEFAULT_REPLY: Final = "still_deciding"
# The one ending that news can undo: the playbook giving up, not the employer or you deciding.
REOPENABLE: Final = "moved_on"

# Where a date an event carries comes from (`EventMeaning.dates`).
ON_THE_DAY: Final = "day"  # the day it is recorded on
FIRST_DAY: Final = "first day"  # the first such day of the round; later ones leave it
DUE_OR_DAY: Final = "due"  # the date it names (`due`), else the day
DEADLINE: Final = "deadline"  # the deadline it names, if any


@dataclass(frozen=True, slots=True)
class EventMeaning:
    """What recording one event type does, apart from the playbook's own moves on it.

    Attributes:
        type: the event type, as case files spell it.
        words: what it is, for people ("you sent a check-in").
        contact: a follow-up you sent: it resets ``last_contact``, and counts in ``contacts``
            when sent by a direct channel (or none named).
        does_step: recording it counts as doing a recommended step it completes.
        sets: facts it sets, with their new values (in order).
        counts: count facts it adds one to.
        dates: anchors it dates, each with where the date comes from.
        nudge: a nudge about the decision; the minimum gap between nudges counts from it.
        remembers_channel: the channel it names is kept (the ``committed`` channel option).
        closes_as: the outcome it closes the case with, from any state (None: it does not).
    """

    type: str
    words: str
    contact: bool = False
    does_step: bool = False
    sets: tuple[tuple[str, object], ...] = ()
    counts: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    nudge: bool = False
    remembers_channel: bool = False
    closes_as: str | None = None

    @property
    def fixed(self) -> bool:
        """Whether the engine alone decides where it moves the case (no playbook may)."""
        return self.closes_as is not None or self.type == "reply"

    @property
    def completes(self) -> tuple[str, ...]:
        """The built-in step kinds it completes."""
        return tuple(kind for kind, event in COMPLETED_BY.items() if event == self.type)


@dataclass(frozen=True, slots=True)
class ReplyMeaning:
    """What a reply from the employer with one outcome does, in every playbook.

    Attributes:
        outcome: the reply's outcome, as case files spell it.
        words: the reply in people's words ("saying they are still deciding").
        dest: the state it moves the case to.
        closes_as: the outcome it closes the case with (None: the case stays open).
        restarts_nudges: the employer spoke: check-ins count from zero again, check-ins and
            reminders may be done again, and a decision date it gives becomes the new one,
            with no nudge before it.
        new_round: it starts a new interview round: the playbook starts over from the
            interview it names (`ROUND_START` facts).
        sets: other facts it sets.
        after_giving_up: it also applies to a case the playbook closed as `REOPENABLE`
            (reopening it, or giving it its real ending); any other closed case ignores it.
    """

    outcome: str
    words: str
    dest: str
    closes_as: str | None = None
    restarts_nudges: bool = False
    new_round: bool = False
    sets: tuple[tuple[str, object], ...] = ()
    after_giving_up: bool = True

    @property
    def remembered(self) -> bool:
        """Whether the case remembers it as ``last_reply`` (every reply that leaves it open)."""
        return self.closes_as is None


_CONTACT_EVENTS = (
    EventMeaning(
        "thank_you_sent", "you sent a thank-you", True, True, dates=(("thank_you_sent", FIRST_DAY),)
    ),
    EventMeaning("note_sent", "you sent a handwritten note", True, True),
    EventMeaning(
        "check_in_sent",
        "you sent a check-in",
        True,
        True,
        sets=(("committed", False),),
        counts=("check_ins",),
        nudge=True,
    ),
    EventMeaning(
        "update_sent",
        "you shared an update",
        True,
        True,
        sets=(("committed", False), ("competing_offer", False), ("portfolio_update", False)),
    ),
)
EVENTS: Final[dict[str, EventMeaning]] = {
    e.type: e
    for e in (
        *_CONTACT_EVENTS,
        EventMeaning("networked", "you networked", does_step=True, sets=(("networked", True),)),
        EventMeaning("reply", "the employer replied"),
        EventMeaning(
            "competing_offer",
            "you got a competing offer",
            sets=(("competing_offer", True),),
            dates=(("competing_offer", ON_THE_DAY), ("offer_deadline", DEADLINE)),
        ),
        EventMeaning(
            "portfolio_update",
            "you have news to share",
            sets=(("portfolio_update", True),),
            dates=(("portfolio_update", ON_THE_DAY),),
        ),
        EventMeaning(
            "committed",
            "you promised to follow up",
            sets=(("committed", True),),
            dates=(("committed", DUE_OR_DAY),),
            remembers_channel=True,
        ),
        EventMeaning("withdrew", "you withdrew", closes_as="withdrew"),
    )
}

REPLIES: Final[dict[str, ReplyMeaning]] = {
    r.outcome: r
    for r in (
        ReplyMeaning(
            "still_deciding", "saying they are still deciding", "waiting", restarts_nudges=True
        ),
        ReplyMeaning("next_round", "inviting you to another round", "interviewed", new_round=True),
        ReplyMeaning("offer", "with an offer", CLOSED, closes_as="offer"),
        ReplyMeaning("rejection", "with a rejection", CLOSED, closes_as="rejection"),
        ReplyMeaning(
            "no_follow_up",
            "asking you not to follow up",
            "waiting",
            restarts_nudges=True,
            sets=(("told_no_follow_up", True), ("follow_up", "not_wanted")),
        ),
    )
}

# Facts a new interview round starts over with.
ROUND_START: Final[dict[str, object]] = {
    "last_reply": "none",
    "check_ins": 0,
    "contacts": 0,
    "has_decision_date": False,
    "has_follow_up_after": False,
}
# Facts the case file gives at the start (what the employer said, who interviewed).
FROM_CASE: Final = (
    "follow_up",
    "preferred_channel",
    "may_call",
    "has_decision_date",
    "has_follow_up_after",
    "interviewers",
)
# Every other fact, at rest until something happens.
AT_REST: Final[dict[str, object]] = {
    "competing_offer": False,
    "portfolio_update": False,
    "committed": False,
    "told_no_follow_up": False,
    "networked": False,
    "round": 1,
    **{k: v for k, v in ROUND_START.items() if k not in FROM_CASE},
}
# Anchors whose date is known exactly when a fact has one of these values.
ANCHOR_KNOWN_WHEN: Final[dict[str, tuple[str, tuple[object, ...]]]] = {
    "decision_by": ("has_decision_date", (True,)),
    "follow_up_after": ("has_follow_up_after", (True,)),
    # A new round forgets the reply that started it; a closing reply closes the case.
    "reply": ("last_reply", tuple(r.outcome for r in REPLIES.values() if r.restarts_nudges)),
}

_MEANINGS: tuple[EventMeaning | ReplyMeaning, ...] = (*EVENTS.values(), *REPLIES.values())
# Facts from the case file that nothing recorded changes.
UNCHANGING: Final = tuple(
    fact
    for fact in FROM_CASE
    if fact not in ROUND_START and all(fact not in dict(m.sets) for m in _MEANINGS)
)

CONTACT_EVENTS: Final = frozenset(e.type for e in EVENTS.values() if e.contact)
STEP_EVENTS: Final = frozenset(e.type for e in EVENTS.values() if e.does_step)
NUDGE_EVENTS: Final = frozenset(e.type for e in EVENTS.values() if e.nudge)
# Events the job seeker records whose moves each playbook decides.
FREE_EVENTS: Final = tuple(e.type for e in EVENTS.values() if not e.fixed)
CLOSING_REPLIES: Final = tuple(r.outcome for r in REPLIES.values() if r.closes_as)
CLOSING_EVENTS: Final = tuple(e.type for e in EVENTS.values() if e.closes_as)


def _reply_sentence(r: ReplyMeaning) -> str:
    text = f"A reply {r.words} "
    if r.closes_as is not None:
        return text + f"closes the case as {r.closes_as}; nothing more is sent."
    text += f"puts the case in {r.dest}"
    if r.new_round:
        return text + " and starts the playbook over from the new interview."
    clauses: list[str] = []
    if r.restarts_nudges:
        clauses.append("check-ins count from zero again, none before a new decision date it gives")
    if ("told_no_follow_up", True) in r.sets:
        clauses.append("no check-in is ever recommended again")
    return text + "".join("; " + c for c in clauses) + "."


def rule_sentences() -> tuple[str, ...]:
    """The engine's own rules in plain words, one sentence each, made from the data above."""
    lines = [_reply_sentence(r) for r in REPLIES.values()]
    lines.append(f"A reply recorded without an outcome counts as {DEFAULT_REPLY}.")
    for e in EVENTS.values():
        if e.closes_as is not None:
            lines.append(
                f"Recording that {e.words} closes the case as {e.closes_as}; nothing more is sent."
            )
    news = [r.outcome for r in REPLIES.values() if r.after_giving_up and not r.closes_as]
    endings = [r.closes_as for r in REPLIES.values() if r.after_giving_up and r.closes_as]
    endings += [e.closes_as for e in EVENTS.values() if e.closes_as]
    lines.append(
        f"After the playbook gave up ({REOPENABLE}), a reply {_or(news)} reopens the case, and "
        f"{_or([str(x) for x in endings])} becomes its real ending; any other closed case "
        "stays as it ended."
    )
    lines.append(
        f"Contact by {_or(sorted(DIRECT_CHANNELS))} never falls on a weekend or a public holiday "
        "of the case's country: it moves to the next business day."
    )
    nudges = ", ".join(sorted(NUDGE_KINDS))
    lines.append(
        f"Two check-ins ({nudges}) are never recommended less than {MIN_NUDGE_GAP_DAYS} days apart."
    )
    return tuple(lines)


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def consistency_problems() -> list[str]:
    """Where the vocabulary and the meanings above disagree (empty when they agree)."""
    problems = [f"event type {t} has no meaning" for t in EVENT_TYPES if t not in EVENTS]
    problems += [f"meaning for unknown event {t}" for t in EVENTS if t not in EVENT_TYPES]
    problems += [f"reply outcome {o} has no meaning" for o in REPLY_OUTCOMES if o not in REPLIES]
    problems += [f"meaning for unknown outcome {o}" for o in REPLIES if o not in REPLY_OUTCOMES]
    for m in _MEANINGS:
        problems += [f"{m} sets unknown fact {name}" for name, _ in m.sets if name not in FACTS]
    for e in EVENTS.values():
        problems += [f"{e.type} counts {c}, not a count" for c in e.counts if FACTS.get(c) != "int"]
        problems += [f"{e.type} dates unknown anchor {a}" for a, _ in e.dates if a not in ANCHORS]
    if PLAYBOOK_TRIGGERS != FREE_EVENTS:
        problems.append(f"playbook triggers should be {FREE_EVENTS}")
    for r in REPLIES.values():
        if r.dest not in (*OPEN_STATES, CLOSED) or (r.dest == CLOSED) != bool(r.closes_as):
            problems.append(f"reply {r.outcome} moves to {r.dest}")
    remembered = ("none", *(r.outcome for r in REPLIES.values() if r.remembered))
    if FACTS["last_reply"] != remembered:
        problems.append(f"fact last_reply should take {remembered}")
    missing = set(FACTS) - set(FROM_CASE) - set(AT_REST)
    problems += [f"fact {name} has no starting value" for name in sorted(missing)]
    return problems


def _cell(values: object) -> str:
    if isinstance(values, tuple):
        values = ", ".join(_cell(v) for v in values) if values else ""
    elif isinstance(values, bool):
        values = "yes" if values else ""
    text = str(values) if values is not None else ""
    return text.replace("|", "\\|")


def _pairs(pairs: tuple[tuple[str, object], ...]) -> str:
    return ", ".join(f"`{k}` = {str(v).lower() if isinstance(v, bool) else v}" for k, v in pairs)


def _also(e: EventMeaning) -> str:
    also = []
    if e.nudge:
        also.append(f"the next check-in waits at least {MIN_NUDGE_GAP_DAYS} days from it")
    if e.remembers_channel:
        also.append("its channel is the `committed` channel option")
    if e.closes_as is not None:
        also.append(f"closes the case as {e.closes_as}")
    if e.type == "reply":
        also.append("see Replies")
    return "; ".join(also)


def doc_text() -> str:
    """The text of docs/engine-rules.md, generated from the meanings above."""
    lines = [
        "# The engine's own rules",
        "",
        "<!-- Generated from src/followup/model/semantics.py; a test keeps the two equal. -->",
        "",
        "These hold in every playbook: a playbook cannot change them. `followup show ID` ends "
        "with the same sentences.",
        "",
        *(f"- {s}" for s in rule_sentences()),
        "",
        "## Replies",
        "",
        "| outcome | moves the case to | closes it as | restarts check-ins | new round | "
        "also sets | after the playbook gave up |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in REPLIES.values():
        lines.append(
            f"| `{r.outcome}` | {r.dest} | {_cell(r.closes_as)} | {_cell(r.restarts_nudges)} | "
            f"{_cell(r.new_round)} | {_pairs(r.sets)} | {'applies' if r.after_giving_up else ''} |"
        )
    lines += [
        "",
        f"A new round starts these facts over: {_pairs(tuple(ROUND_START.items()))}.",
        "",
        "## Recorded events",
        "",
        "| event | what it is | a contact | completes | sets | counts | dates | also |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e in EVENTS.values():
        completes = ", ".join(f"`{k}`" for k in e.completes) if e.does_step else ""
        dates = ", ".join(f"`{a}` ({source})" for a, source in e.dates)
        lines.append(
            f"| `{e.type}` | {e.words} | {_cell(e.contact)} | {completes} | {_pairs(e.sets)} | "
            f"{_cell(e.counts)} | {dates} | {_also(e)} |"
        )
    lines += [
        "",
        "A contact resets `last_contact`; one by a direct channel "
        f"({', '.join(sorted(DIRECT_CHANNELS))}, or none named) also counts in `contacts`. "
        "Events a playbook may move on: " + ", ".join(f"`{t}`" for t in FREE_EVENTS) + ".",
    ]
    return "\n".join(lines) + "\n"
