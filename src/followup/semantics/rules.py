"""The engine's own rules in words, and the checks that the meanings and the vocabulary agree.

`rule_sentences` makes one sentence per built-in rule from `followup.semantics.meaning` (no
number or name typed in twice); ``followup show`` prints them and `doc_text` writes them, with
tables of every reply and event, as docs/engine-rules.md.
"""

from __future__ import annotations

from typing import Final

from followup.model.vocabulary import (
    ANCHORS,
    CLOSED,
    DIRECT_CHANNELS,
    EVENT_TYPES,
    FACTS,
    NUDGE_KINDS,
    OPEN_STATES,
    PLAYBOOK_TRIGGERS,
    REPLY_OUTCOMES,
)
from followup.semantics.meaning import (
    AT_REST,
    CONTACT_COUNTS,
    DEFAULT_REPLY,
    EVENTS,
    FREE_EVENTS,
    FROM_CASE,
    GIVE_UP_KIND,
    MEANINGS,
    MIN_CONTACT_GAP_DAYS,
    MIN_NUDGE_GAP_DAYS,
    NEWS_KIND,
    REOPENABLE,
    REPLIES,
    ROUND_START,
    UNPACED_KINDS,
    WAIT_PAST,
    EventMeaning,
    ReplyMeaning,
)


def _reply_sentence(r: ReplyMeaning) -> str:
    text = f"A reply {r.words} "
    if r.closes_as is not None:
        return text + f"closes the case as {r.closes_as}; nothing more is sent."
    text += f"puts the case in {r.dest}"
    if r.new_round:
        return text + (
            " and starts the playbook over from the new interview; without its date, it plans "
            "nothing but recording that date, and the next such reply with a date gives the "
            "same round its date."
        )
    clauses: list[str] = []
    if r.restarts_nudges:
        clauses.append(
            "check-ins count from zero again (`check_ins`; the round's and the application's"
            " counts go on), none before a new decision date it gives"
        )
    if ("told_no_follow_up", True) in r.sets:
        clauses.append("no check-in is ever recommended again")
    if ("committed", False) in r.sets:
        clauses.append(
            "a promise you made before it is off (the plan drops it and says so), since they no "
            "longer want to hear from you"
        )
    return text + "".join("; " + c for c in clauses) + "."


def rule_sentences() -> tuple[str, ...]:
    """The engine's own rules in plain words, one sentence each, made from the meanings."""
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
    endings = list(dict.fromkeys(endings))  # accepted and declined both end as an offer
    lines.append(
        f"After the playbook gave up ({REOPENABLE}), a reply {_or(news)} reopens the case, and "
        f"{_or([str(x) for x in endings])} becomes its real ending; any other closed case "
        "stays as it ended."
    )
    lines.append(
        "While a promise you made by one channel is due, a playbook's don't about that channel "
        "(its avoid rule's channel) names the promise as its one exception: they agreed to it."
    )
    lines.append(
        "When several steps fall on the same day, a promise (or a withdrawal) comes first and "
        "check-ins come last; otherwise the step due earliest comes first, so an overdue step is "
        "never shown behind one that only just came due."
    )
    lines += optional_rules().values()
    return tuple(lines)


# The engine's rules a playbook may opt out of (`opt_out:`, with a reason and a citation), each
# by a stable id: playbooks name them, so an id, once published, keeps its meaning.
BUSINESS_DAYS_ONLY: Final = "business-days-only"
CHECK_IN_GAP: Final = "check-in-gap"
CONTACT_GAP: Final = "contact-gap"
WAIT_PAST_THEIR_DATE: Final = "wait-past-their-date"
KEEP_PROMISES: Final = "keep-promises"
OPEN_PAST_THEIR_DATE: Final = "open-past-their-date"
NEWS_BEFORE_DEADLINE: Final = "news-before-deadline"
RULE_IDS: Final = (
    BUSINESS_DAYS_ONLY,
    CHECK_IN_GAP,
    CONTACT_GAP,
    WAIT_PAST_THEIR_DATE,
    KEEP_PROMISES,
    NEWS_BEFORE_DEADLINE,
    OPEN_PAST_THEIR_DATE,
)


def optional_rules() -> dict[str, str]:
    """The engine's rules a playbook may opt out of, by id, each in one sentence."""
    nudges = ", ".join(sorted(NUDGE_KINDS))
    return {
        BUSINESS_DAYS_ONLY: f"Contact by {_or(sorted(DIRECT_CHANNELS))} never falls on a weekend "
        "or a public holiday of the case's country: it moves to the next business day, and a "
        "timer that would end its state before that day waits until the day is over. A promise "
        "you recorded is the exception: it stays on the day you gave, even a weekend or a "
        "holiday, since they agreed to that day and the next business day would break it; so "
        "is news of a competing offer whose next business day would be its deadline "
        f"({NEWS_BEFORE_DEADLINE}).",
        CHECK_IN_GAP: f"Two check-ins ({nudges}) are never recommended less than "
        f"{MIN_NUDGE_GAP_DAYS} days apart.",
        CONTACT_GAP: _contact_gap_sentence(),
        WAIT_PAST_THEIR_DATE: f"A check-in ({nudges}) never falls on or before a date the "
        f"employer gave ({_or([ANCHORS[a] for a in WAIT_PAST])}): the earliest is the next day "
        "after it, moved to the next business day by a direct channel.",
        KEEP_PROMISES: "A promise you recorded (committed) is a step in every playbook on its "
        "day, by the channel you promised (even a call), until a check-in or an update keeps it: "
        "one made on or after that day, or the check-in that is the promise itself (one sent "
        "earlier for another step leaves it standing, in the plan as in what you record); a "
        f"check-in ({nudges}) due before that day waits for it, and the follow-up that keeps "
        "the promise counts as that check-in too (you told them when you would be in touch, so "
        "asking sooner would only nag), while one kept with no check-in waiting for it is your "
        "word kept, not one of the playbook's check-ins (it moves nothing, uses none of them up, "
        "and the check-ins due after it stay in the plan); a playbook does not give up "
        f"({REOPENABLE}) on the case, nor advise you to ({GIVE_UP_KIND}), before that day has "
        "passed.",
        OPEN_PAST_THEIR_DATE: f"A playbook does not give up ({REOPENABLE}) on a case, nor advise "
        f"you to ({GIVE_UP_KIND}), before the employer's own date "
        f"({_or([ANCHORS[a] for a in WAIT_PAST])}) has passed: not before the day after the "
        "first business day after it, the day a check-in held back for that date is due, so "
        "that check-in comes first.",
        NEWS_BEFORE_DEADLINE: f"While you hold a competing offer with a deadline, a {NEWS_KIND} "
        "step is due by the day before the deadline at latest (by direct contact, the last "
        "business day before it, unless no business day comes between the day you got the "
        "offer and then: an offer on a Saturday to answer by Monday is told that weekend, not "
        "on the deadline itself), which the plan shows as the last day of its window; once "
        "that day has passed it expires, and the plan says so.",
    }


def _contact_gap_sentence() -> str:
    """The minimum gap between any two direct contacts, with its exceptions."""
    return (
        f"After the thank-you, no two direct contacts (by {_or(sorted(DIRECT_CHANNELS))}), "
        f"recorded or planned, are recommended less than {MIN_CONTACT_GAP_DAYS} days apart: a "
        "step that would land closer waits, and the plan says why. The gap never moves "
        + "; ".join(UNPACED_KINDS.values())
        + f"; nor a {NEWS_KIND} step while the competing offer has a deadline (it must land "
        "before it). These still count as contacts for the steps after them."
    )


def _round_reply() -> str:
    """The reply outcome that starts a new round (`ReplyMeaning.new_round`)."""
    return next(r.outcome for r in REPLIES.values() if r.new_round)


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def consistency_problems() -> list[str]:
    """Where the vocabulary and the meanings disagree (empty when they agree)."""
    problems = [f"event type {t} has no meaning" for t in EVENT_TYPES if t not in EVENTS]
    problems += [f"meaning for unknown event {t}" for t in EVENTS if t not in EVENT_TYPES]
    problems += [f"reply outcome {o} has no meaning" for o in REPLY_OUTCOMES if o not in REPLIES]
    problems += [f"meaning for unknown outcome {o}" for o in REPLIES if o not in REPLY_OUTCOMES]
    for m in MEANINGS:
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
    if e.follows_up:
        also.append(
            "no step it does, but keeping a promise, is recommended once they asked you not to "
            "follow up"
        )
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
        "<!-- Generated from src/followup/semantics/; a test keeps the two equal. -->",
        "",
        "These hold in every playbook. A playbook cannot change them, but it may opt out of a "
        "rule that has an id, only explicitly: under `opt_out:`, with the rule's id, a reason "
        "and the part of its article that says so (docs/playbook-language.md). `followup show "
        "ID` ends with the same sentences and says which rules that playbook opted out of.",
        "",
        *(f"- {s}" for s in rule_sentences() if s not in optional_rules().values()),
        "",
        "Rules a playbook may opt out of, by id:",
        "",
        *(f"- `{rid}`: {s}" for rid, s in optional_rules().items()),
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
        f"A new round starts these facts over: {_pairs(tuple(ROUND_START.items()))}; then "
        f"the reply that started it sets `last_reply` = {_round_reply()} (so a rule can tell a "
        "later round by it), and `interview_part` from the new interview's time, if the reply "
        "gives one.",
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
        f"({', '.join(sorted(DIRECT_CHANNELS))}, or none named) also counts in "
        + " and ".join(f"`{c}`" for c in CONTACT_COUNTS)
        + ". "
        "Events a playbook may move on: " + ", ".join(f"`{t}`" for t in FREE_EVENTS) + ".",
    ]
    return "\n".join(lines) + "\n"
