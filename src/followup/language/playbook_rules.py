"""The rules of a playbook, declared: transitions, actions (with repeat and channels), don'ts.

Part of the playbook language's declaration (`followup.language.playbook_format` puts the parts
together); split out for size.  A rule's date, condition and channel options mean more than
their spelling: their meaning is read by `followup.language.expression_reader`.
"""

from followup.language.patterns import DURATION
from followup.language.spec import (
    Boolean,
    Choice,
    Field,
    Integer,
    ListOf,
    Mapping,
    OneOf,
    Pattern,
    Semantic,
    Text,
)
from followup.model.vocabulary import (
    CHANNELS,
    CORE_ACTION_KINDS,
    DEFAULT_RECIPIENT,
    IF_LATE,
    LATE_DO,
    LATE_SKIP,
    OPEN_STATES,
    OUTCOMES,
    PLAYBOOK_TRIGGERS,
    RECIPIENTS,
    STATES,
    STEP_PARTS,
)

CHANNEL_WORDS = (*CHANNELS, "preferred", "committed", "none")
_CHANNEL_WORD = Choice(
    CHANNEL_WORDS,
    "the channel",
    "How to get in touch: a channel, or preferred (the employer's preferred channel), committed"
    " (the channel of the last commitment) or none (nothing to send).",
    name="channel_word",
)

RULE_ID = Pattern(
    "id",
    r"^[a-z0-9][a-z0-9-]*$",
    "{what} {shown} has odd characters",
    "lower-case letters, digits, -",
)
NAME = Pattern("name", r"^[a-z][a-z0-9_]*$", "{what} {shown} has odd characters", "snake_case")

_CITATION = Text(
    "the source part",
    "The part of the article this rule comes from, such as a heading.",
    allow_empty=False,
)
_DATE_RULE = Semantic(
    ("string", "object"),
    "the date",
    "When: a date such as 'interview + 1d', or {later_of: [...]} / {earlier_of: [...]} to take"
    " the later or earlier of several dates. Dates whose anchor is not known for a case are"
    " skipped.",
    "'ANCHOR', 'ANCHOR + DURATION' or {later_of: [...]} / {earlier_of: [...]}",
    ("interview + 1d", "last_contact + 1w"),
    shape="date_rule",
)
_CONDITION = Semantic(
    ("object",),
    "the condition",
    "A condition on facts about the case, such as {may_call: true} or {check_ins: {lt: 2}}."
    " Several facts in one mapping must all hold; use all, any and not to combine conditions.",
    "a mapping of facts to values",
    shape="guard",
)
_BARE = (DURATION.regex.removeprefix(r"^\s*").removesuffix(r"\s*$"), NAME.regex[1:-1])
INTERVAL = Text(
    "the interval",
    "A duration such as 1w, or the name of a duration parameter.",
    examples=("1w", "2w", "wait"),
    # the loader reads it (a duration, or a declared duration parameter); editors check spelling
    schema_pattern=Pattern(
        "interval", rf"^\s*({'|'.join(_BARE)})\s*$", "", "a duration, or a parameter"
    ),
    name="interval",
)
_RULE_ID = Text(
    "rule id", "An id: lower-case letters, digits and dashes.", pattern=RULE_ID, name="id"
)
# Under extends, a rule whose id is close to an inherited one is taken for a misspelling of it
# (a replacement that would silently become an extra rule); `new: true` says it is meant.
_NEW = Field(
    "new",
    Boolean("new"),
    "Only in a playbook that extends another: true adds this rule although its id is close to"
    " an inherited rule's (without it, such an id is taken for a misspelling of that rule's).",
    default=False,
)
_STATE = Choice(STATES, "the state", "A stage of the application.", name="state")
# Whom a step goes to, and whom a don't is about: one word list for both.
_RECIPIENT = Choice(RECIPIENTS, "the recipient", "Whom a step goes to.", name="recipient")
_IF_LATE = Choice(IF_LATE, "what to do late", "What becomes of a late step.", name="if_late")
_STEP_PART = Choice(
    STEP_PARTS, "the part of the day", "When in the day to do a step.", name="step_part"
)
_OPEN_STATE = Choice(
    OPEN_STATES, "the state", "A stage of the application that is still open.", name="open_state"
)


def _states(word: Choice) -> OneOf:
    """A state, a non-empty list of states, or any (every open state)."""
    return OneOf(
        (Choice(("any", *word.words), "the state"), ListOf(word, min_items=1)),
        "the state",
        f"A {word.name.replace('_', ' ')}, a list of them, or any (every open state).",
        "a state, a list of states, or any",
        f"{word.name}_list",
    )


TRANSITION = Mapping(
    "transition",
    "the transition",
    "A move from one stage to another, either when the job seeker records an event (on) or"
    " when a date passes (after).",
    (
        Field(
            "id",
            _RULE_ID,
            "A short unique name for this rule, such as give-up.",
            required=True,
        ),
        _NEW,
        Field(
            "from",
            _states(_OPEN_STATE),
            "The stage(s) this move starts from, or any. Nothing moves out of closed this way.",
            required=True,
        ),
        Field(
            "on",
            Choice(
                PLAYBOOK_TRIGGERS,
                "the event",
                "Something the job seeker records that a playbook can react to.",
                name="trigger",
            ),
            "The event that makes this move (use on or after).",
        ),
        Field("after", _DATE_RULE, "The date after which this move happens (use on or after)."),
        Field("to", _STATE, "The stage this move goes to.", required=True),
        Field(
            "outcome",
            Choice(OUTCOMES, "the outcome", "How an application ended.", name="outcome"),
            "Only for a move to closed: how it ended (moved_on if left out).",
            nullable=True,
        ),
        Field("when", _CONDITION, "Only make this move when this condition holds."),
        Field(
            "advice",
            Text("the advice"),
            "What to tell the job seeker when this move happens.",
            default="",
        ),
        Field("source", _CITATION, "The part of the article this rule comes from.", nullable=True),
    ),
    exclusive=(("on", "after"),),
    one_of=(("on", "after"),),
    only_if=(("outcome", "to", "closed"),),
)

REPEAT_MAX = Integer(1, "max")  # a repeat's max, when it is a number
REPEAT_FOREVER = "never"  # a repeat's until, for one with no last time
REPEAT = Mapping(
    "repeat",
    "repeat",
    "Repeat the action while it stays due, until max times or a date.",
    (
        Field(
            "every",
            INTERVAL,
            "How long to wait between repeats, e.g. 1w or a duration parameter.",
            required=True,
        ),
        Field(
            "max",
            OneOf((REPEAT_MAX, Text("max", pattern=NAME, name="name")), "max"),
            "The most times to do it in all: a number, or a count parameter.",
        ),
        Field(
            "until",
            OneOf(
                (
                    _DATE_RULE,
                    Choice(
                        (REPEAT_FOREVER,),
                        "never",
                        "No last time: repeat as long as the case stays open.",
                        name="never",
                    ),
                ),
                "until",
            ),
            f"Stop repeating after this date; {REPEAT_FOREVER} to repeat as long as the case"
            " stays open (until their word, or a timer closes it).",
        ),
    ),
    any_of=(("max", "until"),),
)

CHANNEL_OPTION = Mapping(
    "channel_option",
    "the channel option",
    "A channel to use only when a condition holds.",
    (
        Field("use", _CHANNEL_WORD, "The channel to use.", required=True),
        Field("when", _CONDITION, "Use this channel only when this condition holds."),
    ),
)

_CHANNEL_ITEM = OneOf((_CHANNEL_WORD, CHANNEL_OPTION), "the channel")
_CHANNEL_RULE = OneOf(
    (
        _CHANNEL_WORD,
        CHANNEL_OPTION,
        ListOf(_CHANNEL_ITEM, "the channel list", min_items=1),
    ),
    "the channel",
    "How to send it: a channel, a conditional option {use: phone, when: {...}}, or a non-empty"
    " list of these tried in order (the first that applies wins). Leave empty, or write none,"
    " for nothing to send.",
    "a channel, or none",
)

ACTION = Mapping(
    "action",
    "the action",
    "Something to recommend: what to do, when, how, and why.",
    (
        Field(
            "id",
            _RULE_ID,
            "A short unique name for this rule, such as thank-you.",
            required=True,
        ),
        _NEW,
        Field(
            "in",
            _states(_OPEN_STATE),
            "The stage(s) in which this action is due, or any (every open stage).",
            required=True,
        ),
        Field(
            "kind",
            Text("the action kind", pattern=NAME, examples=CORE_ACTION_KINDS),
            "What sort of action this is: one of the core kinds or a kind declared under kinds.",
            required=True,
        ),
        Field("due", _DATE_RULE, "When it is due, such as 'interview + 1d'.", required=True),
        Field(
            "until",
            _DATE_RULE,
            "The latest date to do it, making due..until a window ('5 to 7 days after the"
            " interview': due: interview + 5d, until: interview + 7d). Not with repeat.",
        ),
        Field(
            "at",
            _STEP_PART,
            "The part of the day to do it in, for advice such as 'call the next morning' or"
            " 'send it the same afternoon': the plan says it beside the day.",
        ),
        Field(
            "late",
            _IF_LATE,
            f"What becomes of it once its window (until) has passed with nothing recorded:"
            f" {LATE_DO} (the default: it stays in the plan, due now, to be done late) or"
            f" {LATE_SKIP} (it lapses, for advice such as 'a thank-you more than two days late is"
            " better not sent'). Only with until.",
            default=LATE_DO,
        ),
        Field("channel", _CHANNEL_RULE, "How to send it.", nullable=True),
        Field(
            "to",
            _RECIPIENT,
            "Whom it goes to: contact (the interviewers, or the recruiter by the recruiter"
            " channel) or company (the company's main line or reception, which may be called"
            " even when the interviewer did not invite calls).",
            default=DEFAULT_RECIPIENT,
        ),
        Field("repeat", REPEAT, "Repeat the action while it stays unanswered."),
        Field(
            "optional",
            Boolean("optional"),
            "true if this is a nice-to-have rather than a must.",
            default=False,
        ),
        Field("when", _CONDITION, "Only recommend this when this condition holds."),
        Field(
            "advice",
            Text("the advice", allow_empty=False),
            "What to tell the job seeker, in plain words.",
            required=True,
        ),
        Field("source", _CITATION, "The part of the article this rule comes from.", nullable=True),
    ),
    requires=(("late", "until"),),
)

AVOID = Mapping(
    "avoid",
    "the don't",
    "Something the job seeker should not do, shown as a warning.",
    (
        Field(
            "id",
            _RULE_ID,
            "A short unique name for this rule, such as no-texting.",
            required=True,
        ),
        _NEW,
        Field(
            "in",
            _states(_STATE),
            "The stage(s) in which to show this warning, or any; every stage if left out.",
        ),
        Field("when", _CONDITION, "Only show this warning when this condition holds."),
        Field(
            "advice",
            Text("the advice", allow_empty=False),
            "What not to do, and why.",
            required=True,
        ),
        Field("source", _CITATION, "The part of the article this rule comes from.", nullable=True),
        Field(
            "channel",
            Choice(CHANNELS, "the channel", name="avoided_channel"),
            "The channel this warning is about (such as phone). While a follow-up you promised by"
            " this channel is due, the warning names that promise as its one exception: they"
            " agreed to it.",
        ),
        Field(
            "to",
            _RECIPIENT,
            "Whom the warning is about: contact (the people you deal with: the interviewers,"
            " the recruiter) or company (its main line or reception). Lint compares it only with"
            " actions that go to them; if left out, lint reads it from the advice's words.",
        ),
        Field(
            "at",
            _STEP_PART,
            "The part of the day the warning is about ('don't ring the desk in the afternoon')."
            " Lint then does not hold it against a step the playbook says to do at another part"
            " (at: morning).",
        ),
    ),
)
