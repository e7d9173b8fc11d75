"""Deterministic synthetic cases for the agenda benchmark, written as JSON Lines.

Every case uses the ``week-then-on-hold`` playbook and only values the case loader accepts, so a
correct engine plans all of them without a single problem.  The same ``seed`` always gives the
same bytes, which is what lets every contender in ``agenda_bench.py`` read the same input.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLAYBOOK = "week-then-on-hold"
FIRST_INTERVIEW = date(2026, 1, 2)
LAST_INTERVIEW = date(2026, 5, 29)

COMPANIES = (
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Hooli",
    "Stark Industries",
    "Wayne Logistics",
    "Tyrell Systems",
    "Soylent Foods",
    "Cyberdyne Robotics",
)
ROLES = (
    "Data Engineer",
    "Backend Developer",
    "Product Manager",
    "UX Researcher",
    "Site Reliability Engineer",
    "Analyst",
    "Account Executive",
)
FOLLOW_UP = ("invited", "not_wanted", "unspecified")
PREFERRED_CHANNELS = ("email", "phone", "portal", "recruiter")
CHANNELS = ("email", "phone", "mail", "text", "recruiter", "portal", "linkedin", "in_person")
DECISION_IN = ("1w", "10d", "2w", "5bd", "3w")
FOLLOW_UP_AFTER = ("1w", "10d", "2w", "5bd")
# Event types and how often each is drawn, relative to one another.
EVENT_WEIGHTS = {
    "thank_you_sent": 26,
    "check_in_sent": 30,
    "reply": 16,
    "competing_offer": 5,
    "portfolio_update": 6,
    "withdrew": 2,
    "committed": 5,
}
REPLY_WEIGHTS = {
    "still_deciding": 50,
    "next_round": 12,
    "rejection": 16,
    "offer": 8,
    "no_follow_up": 14,
}


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


def _employer(rng: random.Random, interview: date) -> dict[str, Any]:
    employer: dict[str, Any] = {}
    if rng.random() < 0.8:
        employer["follow_up"] = rng.choices(FOLLOW_UP, weights=(3, 1, 4))[0]
    if rng.random() < 0.35:
        employer["preferred_channel"] = rng.choice(PREFERRED_CHANNELS)
    if rng.random() < 0.5:
        employer["may_call"] = rng.random() < 0.4
    roll = rng.random()
    if roll < 0.25:
        employer["decision_by"] = (interview + timedelta(days=rng.randint(3, 30))).isoformat()
    elif roll < 0.45:
        employer["decision_in"] = rng.choice(DECISION_IN)
    if rng.random() < 0.2:
        employer["follow_up_after"] = rng.choice(FOLLOW_UP_AFTER)
    return employer


def _event(rng: random.Random, day: date) -> dict[str, Any]:
    kind = _pick(rng, EVENT_WEIGHTS)
    event: dict[str, Any] = {"date": day.isoformat(), "type": kind}
    if rng.random() < 0.5:  # about half the events say how they happened
        event["channel"] = rng.choice(CHANNELS)
    if kind == "reply":
        outcome = _pick(rng, REPLY_WEIGHTS)
        event["outcome"] = outcome
        if outcome == "still_deciding" and rng.random() < 0.6:
            event["decision_by"] = (day + timedelta(days=rng.randint(2, 21))).isoformat()
        elif outcome == "next_round" and rng.random() < 0.7:
            event["interview"] = (day + timedelta(days=rng.randint(1, 14))).isoformat()
    elif kind == "competing_offer" and rng.random() < 0.7:
        event["deadline"] = (day + timedelta(days=rng.randint(3, 14))).isoformat()
    elif kind == "committed" and rng.random() < 0.7:
        event["due"] = (day + timedelta(days=rng.randint(1, 10))).isoformat()
    return event


def make_case(rng: random.Random, number: int) -> dict[str, Any]:
    """One random but valid case; events are dated on or after the interview, in date order."""
    span = (LAST_INTERVIEW - FIRST_INTERVIEW).days
    # Skewed towards recent interviews, as in an agency's live book of business.
    interview = FIRST_INTERVIEW + timedelta(days=round(rng.triangular(0, span, span)))
    case: dict[str, Any] = {
        "id": f"case-{number:06d}",
        "company": rng.choice(COMPANIES),
        "role": rng.choice(ROLES),
        "interview": interview.isoformat(),
    }
    if rng.random() < 0.1:
        case["country"] = "US"
    case["playbook"] = PLAYBOOK
    case["employer"] = _employer(rng, interview)
    events: list[dict[str, Any]] = []
    day = interview
    for _ in range(rng.randint(0, 6)):
        day += timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 8, 10, 12, 14)))
        events.append(_event(rng, day))
    if events:
        case["events"] = events
    return case


def write_cases(path: Path, count: int, seed: int) -> int:
    """Write ``count`` cases to ``path`` as JSON Lines; return the number of bytes written."""
    rng = random.Random(seed)
    lines = [json.dumps(make_case(rng, i), separators=(",", ":")) for i in range(1, count + 1)]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


if __name__ == "__main__":  # pragma: no cover - a convenience for looking at the data
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026)
    for i in range(1, n + 1):
        print(json.dumps(make_case(rng, i)))
