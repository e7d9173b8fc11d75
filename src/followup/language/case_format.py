"""The case file format, declared once: the decoder, the schema and the docs all read this.

A case is one application: the interview, what the employer said, and what has happened since.
Events may be written in any order; the case keeps them sorted by date (ties keep file order),
which is the order the engine replays them in.
"""

from __future__ import annotations

from functools import lru_cache

from followup.errors import blank, blank_words
from followup.language.patterns import (
    CASE_ID,
    COUNTRY,
    EMAIL,
    PHONE,
    date_text,
    date_time_text,
    duration_text,
)
from followup.language.spec import (
    Boolean,
    Choice,
    Field,
    ListOf,
    Mapping,
    OneOf,
    Only,
    Refusal,
    Text,
)
from followup.model.case import Employer, Event, Interviewer
from followup.model.vocabulary import (
    CHANNELS,
    EVENT_TYPES,
    FOLLOW_UP_PERMISSIONS,
    PREFERRED_CHANNELS,
    REPLY_OUTCOMES,
)

__all__ = ["CASE", "EMPLOYER", "EVENT", "INTERVIEWER", "RECRUITER", "check_timezone"]


@lru_cache(maxsize=64)
def check_timezone(name: str) -> str:
    """The name of a known IANA time zone, as given.

    Raises:
        Refusal: no such time zone.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # lazy: only cases with a timezone

    try:
        ZoneInfo(name)
    # "America" is a folder of zones (IsADirectoryError), 300 letters are ENAMETOOLONG, "../x"
    # a ValueError: each is just an unknown timezone.  The name is clipped in the message.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        shown = name if len(name) <= 60 else name[:57] + "..."
        raise Refusal(
            f"timezone '{shown}' is not known", "an IANA name such as America/New_York"
        ) from None
    return name


def check_shown(text: str) -> str:
    """Text that shows something, as given; '' is the default (none), but spaces or invisible
    characters alone (`followup.errors.blank`) pretend to be a name and show as nothing.

    Raises:
        Refusal: the text is blank but not empty.
    """
    if text and blank(text):
        raise Refusal(f"{{what}} {blank_words(text)}", "some text, or leave the key out")
    return text


def _only(*types: str) -> Only:
    return Only("type", types)


_PHONE = Field(
    "phone",
    Text("the phone", pattern=PHONE),
    "Their phone number, for calls the playbook suggests.",
    default="",
)

INTERVIEWER = OneOf(
    (
        Text("the interviewer", allow_empty=False, parse=Interviewer),
        Mapping(
            "interviewer",
            "the interviewer",
            "Someone who interviewed you, with details (or just their name, as text).",
            (
                Field("name", Text("the name", allow_empty=False), "Their name.", required=True),
                Field(
                    "email",
                    Text("the email", pattern=EMAIL),
                    "Their email address, for thank-you notes.",
                    default="",
                ),
                _PHONE,
                Field("title", Text("the title"), "Their job title.", default=""),
                Field(
                    "greeting",
                    Text("the greeting", allow_empty=False),
                    "How drafts greet them, after Dear or Hi (such as Alice, or Prof. Marsh);"
                    " by default the title and surname when the name starts with one (Dr., Ms),"
                    " else the first name.",
                    default="",
                ),
            ),
            build=lambda f, _: Interviewer(f[0], f[1], f[4], f[2]),
        ),
    ),
    "the interviewer",
    "Someone who interviewed you: a name, or a mapping with details.",
    "text or a mapping",
)

EVENT = Mapping(
    "event",
    "the event",
    "Something that happened: a note you sent, a reply you got, an offer.",
    (
        Field(
            "date",
            date_text("", "the event date"),
            "When it happened (YYYY-MM-DD), on or after the interview.",
            required=True,
        ),
        Field("type", Choice(EVENT_TYPES, "the event type"), "What happened.", required=True),
        Field(
            "channel",
            Choice(CHANNELS, "the channel"),
            "How it was sent or received.",
            nullable=True,
        ),
        Field(
            "outcome",
            Choice(REPLY_OUTCOMES, "the reply outcome"),
            "Only on a reply, and needed there: what they said.",
            required=True,
            only=_only("reply"),
        ),
        Field(
            "decision_by",
            date_text(""),
            "Only on a reply: a new date they said they would decide by.",
            only=_only("reply"),
        ),
        Field(
            "deadline",
            date_text(""),
            "Only on a competing_offer, or a reply with an offer: the date you must answer that "
            "offer by.",
            only=_only("competing_offer", "reply"),
        ),
        Field(
            "due",
            date_text(""),
            "Only on committed: the date you committed to.",
            only=_only("committed"),
        ),
        Field(
            "interview",
            date_time_text(""),
            "Only on a reply inviting you to a next round: that interview's date (and time, "
            "YYYY-MM-DDTHH:MM, if you know it).",
            only=_only("reply"),
        ),
        Field("note", Text("the note"), "Anything you want to remember about it.", default=""),
        Field(
            "interviewers",
            ListOf(INTERVIEWER, "the round's interviewers"),
            "Only on a reply inviting you to a next round: who will interview you in that round"
            " (as the case's interviewers); drafts for that round address them.",
            default=(),
            only=_only("reply"),
        ),
    ),
    construct=Event,
    index_at=2,  # Event(date, type, index, channel, ...): its place in the list of events
)

RECRUITER = OneOf(
    (
        Text("the recruiter", allow_empty=False, parse=Interviewer),
        Mapping(
            "recruiter",
            "the recruiter",
            "A recruiter or anyone else you deal with about the job, with details (or just"
            " their name, as text).",
            (
                Field("name", Text("the name", allow_empty=False), "Their name.", required=True),
                Field(
                    "email",
                    Text("the email", pattern=EMAIL),
                    "Their email address.",
                    default="",
                ),
                _PHONE,
            ),
            build=lambda f, _: Interviewer(f[0], f[1], "", f[2]),
        ),
    ),
    "the recruiter",
    "A recruiter you deal with: a name, or a mapping with details.",
    "text or a mapping",
)

EMPLOYER = Mapping(
    "employer",
    "employer",
    "What the employer told you at the end of the interview.",
    (
        Field(
            "decision_by",
            date_text(""),
            "The date they said they would decide by (YYYY-MM-DD).",
        ),
        Field(
            "decision_in",
            duration_text(""),
            "How long they said the decision would take, such as 2w (instead of decision_by).",
        ),
        Field(
            "follow_up",
            Choice(FOLLOW_UP_PERMISSIONS, "follow_up"),
            "invited if they asked you to follow up, not_wanted if they asked you not to,"
            " unspecified if they did not say (the default).",
            default="unspecified",
        ),
        Field(
            "follow_up_after",
            duration_text(""),
            "How long they said to wait before checking in, such as 1w.",
        ),
        Field(
            "preferred_channel",
            Choice(PREFERRED_CHANNELS, "the channel"),
            "How they asked you to get in touch, if they said.",
            nullable=True,
        ),
        Field(
            "may_call", Boolean("may_call"), "true if they said you may phone them.", default=False
        ),
        Field(
            "phone",
            Text("the phone", pattern=PHONE),
            "The company's main phone line (reception, the switchboard), for a step the playbook"
            " addresses to the company rather than to the interviewer.",
            default="",
        ),
    ),
    exclusive=(("decision_by", "decision_in"),),
    construct=Employer,
)

CASE = Mapping(
    "case",
    "the case",
    "One job application after an interview: when the interview was, what the employer said,"
    " and what has happened since. followup reads it to say what to do next.",
    (
        Field(
            "id",
            Text("the case id", pattern=CASE_ID),
            "A name for this application (up to 64 letters, digits, . _ -); the file name if left"
            " out.",
        ),
        Field(
            "company",
            Text("the company", parse=check_shown),
            "The company you interviewed with.",
            default="",
        ),
        Field(
            "role", Text("the role", parse=check_shown), "The job you interviewed for.", default=""
        ),
        Field(
            "interview",
            date_time_text("", "the interview date"),
            "The day of the interview (YYYY-MM-DD), or the day and time (YYYY-MM-DDTHH:MM, in "
            "the case's timezone) for playbooks that care whether it was morning or afternoon.",
            required=True,
        ),
        Field(
            "country",
            Text("the country", pattern=COUNTRY),
            "Country (US, DE) or country and subdivision (GB-ENG) whose public holidays to skip.",
            nullable=True,
        ),
        Field(
            "timezone",
            Text("the timezone", allow_empty=False, parse=check_timezone),
            "Your time zone, such as America/New_York.",
            nullable=True,
        ),
        Field(
            "playbook",
            Text("the playbook", allow_empty=False),
            "The id of the playbook to follow, if not the default.",
            nullable=True,
        ),
        Field(
            "interviewers",
            ListOf(INTERVIEWER, "interviewers"),
            "Who interviewed you.",
            default=(),
            nullable=True,
        ),
        Field(
            "recruiters",
            ListOf(RECRUITER, "recruiters"),
            "Recruiters and anyone else you deal with about the job (not the interviewers).",
            default=(),
            nullable=True,
        ),
        Field(
            "employer",
            EMPLOYER,
            "What the employer told you about next steps.",
            default=Employer(),
            nullable=True,
        ),
        Field(
            "events",
            ListOf(EVENT, "events"),
            "What has happened since the interview, in any order.",
            default=(),
            nullable=True,
        ),
        Field("notes", Text(), "Anything else you want to remember.", default=""),
    ),
)
