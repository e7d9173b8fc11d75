"""Located YAML (or JSON) data -> a checked `Case`: every problem, with its place.

Events may be written in any order; the case keeps them sorted by date (ties keep file order),
which is the order the engine replays them in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from followup.errors import InputError
from followup.io.checks import Reader
from followup.io.yaml_reader import Document, Path_
from followup.model.case import Case, Employer, Event, Interviewer
from followup.model.vocabulary import (
    CHANNELS,
    EVENT_TYPES,
    FOLLOW_UP_PERMISSIONS,
    PREFERRED_CHANNELS,
    REPLY_OUTCOMES,
)
from followup.timeline.durations import Duration, DurationError, parse_duration

CASE_KEYS = (
    "id",
    "company",
    "role",
    "interview",
    "country",
    "timezone",
    "playbook",
    "interviewers",
    "employer",
    "events",
    "notes",
)
EMPLOYER_KEYS = (
    "decision_by",
    "decision_in",
    "follow_up",
    "follow_up_after",
    "preferred_channel",
    "may_call",
)
INTERVIEWER_KEYS = ("name", "email", "title")
EVENT_KEYS = (
    "date",
    "type",
    "channel",
    "outcome",
    "decision_by",
    "deadline",
    "due",
    "interview",
    "note",
)
# Event fields that only make sense on some event types.
EVENT_FIELD_TYPES: dict[str, tuple[str, ...]] = {
    "outcome": ("reply",),
    "decision_by": ("reply",),
    "deadline": ("competing_offer",),
    "due": ("committed",),
    "interview": ("reply",),
}
# A country (ISO 3166-1 alpha-2), optionally with the holidays library's subdivision: GB-ENG.
COUNTRY_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
COUNTRY_EXPECTED = "a two-letter ISO code such as US, GB, DE, or one with a subdivision: GB-ENG"
CASE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class _CaseReader(Reader):
    def duration(self, path: Path_, value: object, what: str) -> Duration | None:
        if not isinstance(value, str):
            self.fail(path, f"{what} is not a duration", "a duration such as 3w")
            return None
        try:
            return parse_duration(value)
        except DurationError as err:
            self.fail(path, str(err).split(";")[0], err.expected)
            return None

    def employer(self, path: Path_, value: object) -> Employer:
        if value is None:
            return Employer()
        spec = self.mapping(path, value, EMPLOYER_KEYS, what="employer")
        if "decision_by" in spec and "decision_in" in spec:
            self.fail(path, "both decision_by and decision_in are given", "one of them")

        def opt_day(key: str) -> date | None:
            return self.day((*path, key), spec[key], key) if key in spec else None

        def opt_duration(key: str) -> Duration | None:
            return self.duration((*path, key), spec[key], key) if key in spec else None

        channel = spec.get("preferred_channel")
        if channel is not None:
            channel = self.choice(
                (*path, "preferred_channel"), channel, "the channel", PREFERRED_CHANNELS
            )
        follow_up = self.choice(
            (*path, "follow_up"),
            spec.get("follow_up", "unspecified"),
            "follow_up",
            FOLLOW_UP_PERMISSIONS,
        )
        return Employer(
            decision_by=opt_day("decision_by"),
            decision_in=opt_duration("decision_in"),
            follow_up=follow_up,
            follow_up_after=opt_duration("follow_up_after"),
            preferred_channel=channel,
            may_call=self.boolean((*path, "may_call"), spec.get("may_call", False), "may_call"),
        )

    def interviewers(self, path: Path_, value: object) -> tuple[Interviewer, ...]:
        people: list[Interviewer] = []
        for i, raw in enumerate(self.items(path, value, "interviewers")):
            where = (*path, i)
            if isinstance(raw, str):
                people.append(Interviewer(self.text(where, raw, "the interviewer")))
                continue
            spec = self.mapping(where, raw, INTERVIEWER_KEYS, ("name",), "the interviewer")
            name = self.text((*where, "name"), spec.get("name"), "the name") if spec else ""
            if "title" in spec:
                self.text((*where, "title"), spec["title"], "the title", allow_empty=True)
            email = spec.get("email", "")
            email = self.text((*where, "email"), email, "the email", allow_empty=True)
            if email and "@" not in email:
                self.fail((*where, "email"), f"'{email}' is not an email address", "name@host")
            people.append(Interviewer(name, email))
        return tuple(people)

    def event(self, path: Path_, raw: object, index: int, interview: date | None) -> Event | None:
        spec = self.mapping(path, raw, EVENT_KEYS, ("date", "type"), "the event")
        if not spec:
            return None
        day = (
            self.day((*path, "date"), spec.get("date"), "the event date")
            if "date" in spec
            else None
        )
        raw_type = spec.get("type")
        kind = self.choice((*path, "type"), raw_type, "the event type", EVENT_TYPES)
        known_type = raw_type in EVENT_TYPES
        for key, types in EVENT_FIELD_TYPES.items():
            if known_type and key in spec and kind not in types:
                self.fail(
                    (*path, key),
                    f"'{key}' does not go with a {kind} event",
                    "it only on " + ", ".join(types),
                    key=True,
                )
        outcome = None
        if kind == "reply":
            outcome = self.choice(
                (*path, "outcome"), spec.get("outcome"), "the reply outcome", REPLY_OUTCOMES
            )
        channel = spec.get("channel")
        if channel is not None:
            channel = self.choice((*path, "channel"), channel, "the channel", CHANNELS)

        def opt_day(key: str) -> date | None:
            return self.day((*path, key), spec[key], key) if key in spec else None

        note = self.text((*path, "note"), spec.get("note", ""), "the note", allow_empty=True)
        if day is not None and interview is not None and day < interview:
            self.fail(
                (*path, "date"),
                f"the event on {day} is before the interview on {interview}",
                "a date on or after the interview",
            )
        if day is None:
            return None
        return Event(
            day,
            kind,
            index,
            channel,
            outcome,
            opt_day("decision_by"),
            opt_day("deadline"),
            opt_day("due"),
            opt_day("interview"),
            note,
        )

    def read(self, default_id: str) -> Case | None:
        top = self.mapping((), self.doc.data, CASE_KEYS, ("interview",), "the case")
        if not top:
            return None
        case_id = default_id
        if "id" in top:
            case_id = self.text(("id",), top["id"], "the case id")
            if case_id and not CASE_ID_RE.fullmatch(case_id):
                self.fail(
                    ("id",), f"case id '{case_id}' has odd characters", "letters, digits, . _ -"
                )
        interview = (
            self.day(("interview",), top.get("interview"), "the interview date")
            if "interview" in top
            else None
        )
        country = top.get("country")
        if country is not None:
            country = self.text(("country",), country, "the country")
            if country and not COUNTRY_RE.fullmatch(country):
                self.fail(
                    ("country",),
                    f"country '{country}' is not a country code",
                    COUNTRY_EXPECTED,
                )
        timezone = top.get("timezone")
        if timezone is not None:
            timezone = self.timezone(("timezone",), timezone)
        playbook = top.get("playbook")
        if playbook is not None:
            playbook = self.text(("playbook",), playbook, "the playbook")
        events = [
            self.event(("events", i), raw, i, interview)
            for i, raw in enumerate(self.items(("events",), top.get("events"), "events"))
        ]
        kept = sorted((e for e in events if e is not None), key=lambda e: (e.date, e.index))
        company = self.text(("company",), top.get("company", ""), "the company", allow_empty=True)
        role = self.text(("role",), top.get("role", ""), "the role", allow_empty=True)
        self.text(("notes",), top.get("notes", ""), "the notes", allow_empty=True)
        interviewers = self.interviewers(("interviewers",), top.get("interviewers"))
        employer = self.employer(("employer",), top.get("employer"))
        if interview is None:
            return None
        return Case(
            id=case_id,
            interview=interview,
            file=self.file,
            company=company,
            role=role,
            country=country or None,
            timezone=timezone,
            playbook=playbook,
            interviewers=interviewers,
            employer=employer,
            events=tuple(kept),
        )

    def timezone(self, path: Path_, value: object) -> str | None:
        name = self.text(path, value, "the timezone")
        if not name:
            return None
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.fail(
                path, f"timezone '{name}' is not known", "an IANA name such as America/New_York"
            )
            return None
        return name


def build_case(doc: Document, default_id: str = "") -> Case:
    """Check a parsed case file and build its model.

    Args:
        doc: the parsed file.
        default_id: the id to use when the file has none (the file name without extension).

    Raises:
        InputError: with every problem found, each located in the file.
    """
    if not default_id and not (isinstance(doc.data, dict) and "id" in doc.data):
        default_id = Path(doc.file).stem
    from followup.io.case_fast import fast_case  # the common, well-formed case, 10x faster

    case = fast_case(doc.data, doc.file, default_id)
    if case is not None:
        return case
    reader = _CaseReader(doc)
    case = reader.read(default_id)
    if reader.problems or case is None:
        from followup.validate.schema import merge_problems, schema_problems  # slow: on error only

        raise InputError(merge_problems(schema_problems(doc, "case"), reader.problems))
    return case


def keys_accepted() -> Mapping[str, tuple[str, ...]]:
    """The keys each part of a case accepts (kept equal to the schema by a test)."""
    return {
        "case": CASE_KEYS,
        "employer": EMPLOYER_KEYS,
        "interviewer": INTERVIEWER_KEYS,
        "event": EVENT_KEYS,
    }
