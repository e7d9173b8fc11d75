"""The rows of the tracker as the rest of the package reads them, and the small helpers that
write and describe them (`followup.tracker.store` reads and writes the database itself)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final

from followup.errors import InputError, visible
from followup.io.yaml_reader import Path_
from followup.model.case import Case
from followup.semantics.meaning import CLOSING_REPLIES, EVENTS

# The longest text the tracker takes in one value: a company, a role, a name, an email, a note,
# your notes.  One limit for all, since one rule is easy to remember and every such value is
# typed by a person: 10,000 characters is four pages of notes, far more than any name needs,
# and it keeps a pasted file or a runaway script (a 50 MB argument) out of every later view.
MAX_TEXT: Final = 10_000
_AT_MOST: Final = f"at most {MAX_TEXT:,} characters"


def text_problems(value: object, at: Path_ = ()) -> list[tuple[Path_, str, str]]:
    """Each text in ``value`` (a case file's mapping, a list, a string) the tracker does not
    take: where it is (below ``at``), what is wrong with it and what was expected.

    A text is refused when it is longer than `MAX_TEXT`, or holds a NUL character: no one types
    one (a command line cannot even pass it), and C programs (SQLite's own shell, most tools
    that read the database) take it for the end of the text, so a name would show cut short.
    """
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return [(at, f"the text is {len(value):,} characters long", _AT_MOST)]
        if "\x00" in value:
            return [(at, "the text holds a NUL character (\\x00)", "text without NUL characters")]
        return []
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in text_problems(v, (*at, str(k)))]
    if isinstance(value, list | tuple):
        return [x for i, v in enumerate(value) for x in text_problems(v, (*at, i))]
    return []


# What ends an application for good (a reply after the playbook's own moved_on does not).
CLOSING_OUTCOMES: Final = CLOSING_REPLIES
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def slug(company: str) -> str:
    """'Acmé Corp, Inc.' -> 'acme-corp-inc' (at most 20 characters; 'app' if nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", company).encode("ascii", "ignore").decode()
    text = _SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")
    return text[:20].rstrip("-") or "app"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of an application's history.

    Attributes:
        seq: Its place in the whole tracker's history (increasing).
        recorded_at: When it was saved (UTC, ISO 8601).
        data: The event as a case file writes it; for a retraction, ``{"reason": ...}``.
        retracts: For a retraction, the seq of the event it takes back.
        retracted_by: For an event, the seq of the retraction that took it back, if any.
    """

    seq: int
    recorded_at: str
    data: dict[str, Any]
    retracts: int | None = None
    retracted_by: int | None = None

    @property
    def live(self) -> bool:
        """An event that counts: recorded and not retracted."""
        return self.retracts is None and self.retracted_by is None


# A change of playbook (`followup switch`) is a row of the history like any event, so it is
# append-only, shown by `status` and taken back by `undo`; it is not an event of the case: the
# case reads it as its ``playbook`` instead.
SWITCH: Final = "playbook_switch"


def is_switch(data: dict[str, Any]) -> bool:
    """Whether a history row records a change of playbook rather than an event of the case."""
    return data.get("type") == SWITCH


# The edits that count (not retracted), oldest first: (app_id, the edit's JSON object).
LIVE_EDITS: Final = (
    "SELECT e.app_id, json_extract(e.data, '$.edit') FROM events e "
    "WHERE e.retracts IS NULL AND json_type(e.data, '$.edit') = 'object' "
    "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.retracts = e.seq) ORDER BY e.seq"
)
# The application's facts in the order a case file writes them (events go before the notes).
FACT_ORDER: Final = (
    "company",
    "role",
    "interview",
    "country",
    "timezone",
    "playbook",
    "interviewers",
    "recruiters",
    "employer",
)


def is_edit(data: dict[str, Any]) -> bool:
    """Whether a history row is an edit of the application's facts (``followup edit``)."""
    return isinstance(data.get("edit"), dict)


def case_mapping(app_id: str, facts: dict[str, Any], history: list[Entry]) -> dict[str, Any]:
    """The mapping a case file holds: the facts as added, each live edit and change of playbook
    applied in order, and the live events.  An edit's None removes the key; empty values are
    left out."""
    facts = dict(facts)
    events = []
    for entry in history:
        if not entry.live:
            continue
        if is_edit(entry.data):
            facts |= entry.data["edit"]
        elif is_switch(entry.data):
            facts["playbook"] = entry.data["playbook"]  # the latest change that counts
        else:
            events.append(entry.data)
    data: dict[str, Any] = {"id": app_id}
    for key in FACT_ORDER:
        value = facts.get(key)
        if value not in (None, "", [], {}):
            data[key] = value
    data["events"] = events
    if facts.get("notes"):
        data["notes"] = facts["notes"]
    return data


def closing(data: dict[str, Any]) -> bool:
    """Whether a recorded event ends the application (withdrew, an offer, a rejection)."""
    kind = data.get("type")
    if kind == "reply":
        return data.get("outcome") in CLOSING_OUTCOMES
    meaning = EVENTS.get(str(kind))
    return meaning is not None and meaning.closes_as is not None


@dataclass(frozen=True, slots=True)
class Stored:
    """One application as a view reads it: its case, or what is wrong with its row.

    Attributes:
        app_id: Its id as stored (shown escaped: an old row may hold any text).
        case: The case, or None when the stored data breaks a case-file rule.
        problem: What is wrong when ``case`` is None, in one line.
        closed: Ended by a recorded event.
        snoozed_until: The day its latest snooze ends, if any.
    """

    app_id: str
    case: Case | None
    problem: str = ""
    closed: bool = False
    snoozed_until: date | None = None


def one_line(err: InputError) -> str:
    """The problems of a stored application, without the made-up location of its row."""
    parts = [p.message + (f"; expected {p.expected}" if p.expected else "") for p in err.problems]
    # The case is built from a one-line document, so each message names the case first.
    return visible(" / ".join(re.sub(r"^case '.*?', ", "", p, flags=re.S) for p in parts))


def starts_with(text: str, prefix: str) -> bool:
    return bool(text) and text.lower().startswith(prefix)


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
