"""The named text forms both languages share: dates, durations, ids, emails, countries.

Each is one `Pattern` (the regex the shipped schemas use, and the words for a mismatch) and,
where the form means more than its spelling, a parse function that gives the decoded value.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

from followup.language.spec import Pattern, Refusal, Text
from followup.timeline.calendar import REGION_RE
from followup.timeline.durations import (
    FIRST_YEAR,
    LAST_YEAR,
    SPELLING,
    Duration,
    DurationError,
    digits_problem,
    parse_duration,
    supported_years,
)

DATE = Pattern(
    "date", r"^\d{4}-\d{2}-\d{2}$", "{what} {shown} is not a date", "a date written YYYY-MM-DD"
)
# An interview may say when in the day it was: 2026-03-02T14:30, in the case's own timezone.
DATE_TIME = Pattern(
    "date_time",
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$",
    "{what} {shown} is not a date",
    "a date written YYYY-MM-DD, or a date and time YYYY-MM-DDTHH:MM",
)
DURATION = Pattern(
    "duration",
    rf"^\s*{SPELLING}\s*$",
    "{what} {shown} is not a duration",
    "a duration such as 3d, 1.5w, 2mo, 3bd",
)
# Ids name files on export and are typed on the command line: short, and plain ASCII, so no
# control or bidi character can hide in one.  The tracker checks every id it stores by this.
ID_LIMIT = 64
CASE_ID = Pattern(
    "case_id",
    rf"^[A-Za-z0-9][A-Za-z0-9._-]{{0,{ID_LIMIT - 1}}}$",
    "{what} {shown} is not a valid id",
    f"1 to {ID_LIMIT} letters, digits, . _ -, starting with a letter or digit",
)
# A country's spelling is the calendar's (ISO 3166-1, optionally the holidays library's
# subdivision: GB-ENG); the schema and the decoder read it from here.
COUNTRY = Pattern(
    "country",
    REGION_RE.pattern,
    "country {shown} is not a country code",
    "a two-letter ISO code such as US, GB, DE, or one with a subdivision: GB-ENG",
)
EMAIL = Pattern("email", r"@|^$", "{shown} is not an email address", "name@host")
# Written as people write them: digits with spaces, dots, dashes, brackets, a leading +.
PHONE = Pattern(
    "phone",
    r"^$|^\+?[0-9][0-9 ().-]{2,30}[0-9]$",
    "{shown} is not a phone number",
    "digits with spaces, dots, dashes or brackets, such as +1 555 010 0199",
)


def id_problem(text: str, what: str = "the id") -> str | None:
    """What is wrong with ``text`` as an application id, or None for a valid one.

    The one definition of a valid id (`CASE_ID`), for the places that get an id other than from
    a case file's ``id:`` (a file name, a database row).
    """
    if CASE_ID.compiled.search(text):
        return None
    shown = text if len(text) <= 40 else text[:37] + "..."
    return CASE_ID.message.format(what=what, shown=f"'{shown}'")


_ID_JUNK = re.compile(r"[^A-Za-z0-9._-]+")


def suggest_id(text: str) -> str:
    """A valid id close to ``text``: 'my case (final)' -> 'my-case-final'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _ID_JUNK.sub("-", ascii_text).lstrip("._-")[:ID_LIMIT].rstrip("._-")
    return cleaned or "application"


def _ascii_digits(text: str) -> None:
    """Raises Refusal: ``\\d`` let through digits of another script (full-width ones, say)."""
    if (problem := digits_problem(text)) is not None:
        raise Refusal(f"{{what}} {text} {problem[0]}", problem[1])


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date:
    """A calendar date that exists (the pattern has already checked the spelling).

    Raises:
        Refusal: digits other than ASCII 0-9, 2026-02-30 and the like, or a year outside
            FIRST_YEAR..LAST_YEAR.
    """
    _ascii_digits(text)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Refusal(f"{{what}} {text} does not exist", "a real calendar date") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        # 9999-12-30 is a real date, but a plan counts months and business days past it.
        raise Refusal(f"{{what}} {text} is outside the years followup plans in", supported_years())
    return day


@lru_cache(maxsize=256)
def parse_length(text: str) -> Duration:
    """A duration such as ``3d`` or ``1.5w``.

    Raises:
        Refusal: not a duration, with `parse_duration`'s own reason.
    """
    try:
        return parse_duration(text)
    except DurationError as err:
        raise Refusal(err.message, err.expected) from None


def parse_date_time(text: str) -> date | datetime:
    """A date, or a date and a time of day (a naive ``datetime``: the case's own timezone).

    Raises:
        Refusal: a date that does not exist, a time such as 25:00, or a year out of range.
    """
    _ascii_digits(text)
    if "T" not in text:
        return parse_date(text)
    day = parse_date(text[:10])
    try:
        moment = time.fromisoformat(text[11:])
    except ValueError:
        raise Refusal(
            f"{{what}} {text} has no such time of day", "a time HH:MM, 00:00 to 23:59"
        ) from None
    return datetime.combine(day, moment)


def date_time_text(description: str, what: str = "") -> Text:
    """A date-or-date-and-time field's form."""
    return Text(
        what,
        description,
        pattern=DATE_TIME,
        parse=parse_date_time,
        examples=("2026-03-02", "2026-03-02T14:30"),
    )


def date_text(description: str, what: str = "") -> Text:
    """A date field's form."""
    return Text(what, description, pattern=DATE, parse=parse_date, examples=("2026-03-02",))


def duration_text(description: str) -> Text:
    """A duration field's form."""
    return Text(
        "", description, parse=parse_length, schema_pattern=DURATION, examples=("3d", "1.5w")
    )
