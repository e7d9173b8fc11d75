"""The plain words people read for action kinds, channels, states and dates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from followup.semantics.meaning import EVENTS, OFFER

if TYPE_CHECKING:
    from followup.model.case import Case

ACTION_WORDS = {
    "thank_you": "send a thank-you",
    "thank_you_note": "send a handwritten thank-you note",
    "check_in": "check in",
    "final_check_in": "send one final check-in",
    "share_update": "share your news",
    "network": "network",
    "move_on": "move on",
    "keep_promise": "keep your promise: follow up",
    "record_interview": "record the date of your next interview",
    "answer_offer": "answer their offer",
    "withdraw": "withdraw politely",
}
CHANNEL_WORDS = {
    "email": "by email",
    "phone": "by phone",
    "mail": "by mail",
    "text": "by text message",
    "recruiter": "through the recruiter",
    "portal": "on their candidate portal",
    "linkedin": "on LinkedIn",
    "in_person": "in person",
}
OUTCOME_WORDS = {
    "offer": "you got an offer",
    "rejection": "they said no",
    "withdrew": "you withdrew",
    "moved_on": "you moved on",
}


def ending_words(outcome: str | None, case: Case, today: date = date.max) -> str:
    """How the application ended, in words: its outcome's (`OUTCOME_WORDS`), except for an offer
    you have answered: your latest answer recorded by ``today``, in that event's own words
    ("you accepted their offer"), as the engine takes the latest answer."""
    if outcome == OFFER:
        answers = [
            e.type
            for e in case.events
            if e.date <= today and e.type in EVENTS and EVENTS[e.type].answers_offer
        ]
        if answers:
            return EVENTS[answers[-1]].words
    return OUTCOME_WORDS.get(str(outcome), str(outcome))


def action_words(kind: str, channel: str | None, words: str = "") -> str:
    """'check in by email'; a playbook's own kind in its ``words``, if it gives them."""
    text = words or ACTION_WORDS.get(kind, kind.replace("_", " "))
    if channel:
        text += " " + CHANNEL_WORDS.get(channel, f"by {channel}")
    return text


def day(d: date) -> str:
    """'Mon 2026-03-09'."""
    return f"{d:%a} {d.isoformat()}"


def window(first: date, last: date) -> str:
    """'between Mon 9 and Wed 11 March': a step's window, as few words as the dates allow."""
    end = f"{last:%a} {last.day} {last:%B}"
    if first.year != last.year:
        return f"between {first:%a} {first.day} {first:%B %Y} and {end} {last.year}"
    start = f"{first:%a} {first.day}" + ("" if first.month == last.month else f" {first:%B}")
    return f"between {start} and {end}"


def relative(d: date, today: date) -> str:
    """'today', 'in 3 days', '2 days overdue'."""
    delta = (d - today).days
    if delta == 0:
        return "today"
    if delta > 0:
        return "tomorrow" if delta == 1 else f"in {delta} days"
    return "1 day overdue" if delta == -1 else f"{-delta} days overdue"


def step_day(due: date, latest: date | None, at: str | None = None) -> str:
    """A step's day, or its window when the playbook gives one (``latest`` its last day), and
    the part of the day to do it in when the playbook says one (``at``: `STEP_PARTS`)."""
    when = day(due) if latest is None or latest <= due else window(due, latest)
    return when if at is None else f"{when}, in the {at}"


def send_on_words(send_on: date | None) -> str:
    """'; send it Mon 2026-03-23': the day to do an overdue step when that is not today (an
    email seen on a day off goes on the next business day), written after how late it is;
    empty when there is no such day.  Every view of a step says it in these words."""
    return f"; send it {day(send_on)}" if send_on else ""


def step_relative(due: date, latest: date | None, today: date) -> str:
    """How far off a step is; inside its window it is due now, and late only after it."""
    if latest is None or latest <= due or today < due:
        return relative(due, today)
    return "due now" if today <= latest else relative(latest, today)
