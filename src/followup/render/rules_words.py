"""Playbook rules in plain words: date rules, durations, guards and channel choices."""

from __future__ import annotations

from followup.model.playbook import (
    AllOf,
    AnyOf,
    ChannelOption,
    Compare,
    DateRule,
    DateTerm,
    Guard,
    Not,
    Repeat,
    Span,
)
from followup.model.vocabulary import OPERATOR_WORDS
from followup.timeline.durations import Duration

ANCHOR_WORDS = {
    "interview": "the interview",
    "thank_you_sent": "your thank-you",
    "last_contact": "your last contact",
    "state_entered": "entering this stage",
    "decision_by": "their decision date",
    "follow_up_after": "the date they said you may check in",
    "committed": "the date you committed to",
    "competing_offer": "your competing offer",
    "offer_deadline": "your competing offer's deadline",
    "portfolio_update": "your news",
    "reply": "their last reply",
}
OP_WORDS = OPERATOR_WORDS


def _unit(n: float, word: str) -> str:
    shown = f"{n:g}"
    return f"{shown} {word}" if n == 1 else f"{shown} {word}s"


def duration_words(d: Duration) -> str:
    """'1.5 weeks', '3 business days', '2 months'."""
    text = d.text or ""
    if text.endswith("bd"):
        return _unit(float(text[:-2]), "business day")
    if text.endswith("mo"):
        return _unit(float(text[:-2]), "month")
    if text.endswith("w"):
        return _unit(float(text[:-1]), "week")
    if text.endswith("d"):
        return _unit(float(text[:-1]), "day")
    parts: list[str] = []
    if d.months:
        parts.append(_unit(d.months, "month"))
    if d.days:
        parts.append(_unit(d.days, "day"))
    if d.business_days:
        parts.append(_unit(d.business_days, "business day"))
    return " and ".join(parts) or "0 days"


def term_words(term: DateTerm) -> str:
    """'1 week after the interview'."""
    anchor = ANCHOR_WORDS.get(term.anchor, term.anchor)
    if term.offset is None or not (
        term.offset.duration.days
        or term.offset.duration.months
        or term.offset.duration.business_days
    ):
        return f"on {anchor}" if term.anchor != "state_entered" else "on entering this stage"
    side = "after" if term.offset.sign > 0 else "before"
    return f"{duration_words(term.offset.duration)} {side} {anchor}"


def date_words(rule: DateRule) -> str:
    """A date rule as a phrase."""
    if len(rule.terms) == 1:
        return term_words(rule.terms[0])
    inner = "; ".join(term_words(t) for t in rule.terms)
    return f"the {rule.combine} of ({inner}), whichever are known"


def guard_words(guard: Guard) -> str:
    """A condition as a phrase."""
    if isinstance(guard, Compare):
        value = guard.value
        # A list in brackets, so 'and' after it starts the next test, not another value.
        shown = f"({', '.join(value)})" if isinstance(value, tuple) else str(value).lower()
        return f"{guard.fact.replace('_', ' ')} {OP_WORDS[guard.op]} {shown}"
    if isinstance(guard, AllOf):
        return " and ".join(guard_words(g) for g in guard.items)
    if isinstance(guard, AnyOf):
        return "(" + " or ".join(guard_words(g) for g in guard.items) + ")"
    if isinstance(guard, Not):
        return f"not ({guard_words(guard.item)})"
    if isinstance(guard, Span):
        start = ANCHOR_WORDS.get(guard.start, guard.start)
        end = ANCHOR_WORDS.get(guard.end, guard.end)
        length = duration_words(guard.offset.duration)
        return f"the time from {start} to {end} {OP_WORDS[guard.op]} {length}"
    raise TypeError(guard)  # pragma: no cover


def channel_words(options: tuple[ChannelOption, ...]) -> str:
    """'their preferred channel, else phone (if may call is true), else email'."""
    names = {"preferred": "their preferred channel", "committed": "the way you committed to"}
    parts: list[str] = []
    for opt in options:
        if opt.use == "none":
            return ", else ".join(parts) if parts else "nothing to send"
        text = names.get(opt.use, opt.use)
        if opt.when is not None:
            text += f" (if {guard_words(opt.when)})"
        parts.append(text)
    return ", else ".join(parts)


def repeat_words(repeat: Repeat) -> str:
    """'again every 1.5 weeks, at most 3 times'."""
    text = f"again every {duration_words(repeat.every.duration)}"
    if repeat.max is not None:
        text += f", at most {repeat.max} times"
    if repeat.until is not None:
        text += f", until {date_words(repeat.until)}"
    elif repeat.max is None:
        text += ", with no last time (as long as the case stays open)"
    return text
