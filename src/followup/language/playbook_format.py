"""The playbook language's shape, declared once: its parts, their keys, what each key means.

A playbook is a coach's advice written as rules.  This module says which keys each part takes,
which it needs, and the form of each value; the docs' key tables are generated from it, and
tests hold the loader (`followup.language.playbook_loader`) and the shipped schema to it.

Forms that mean more than their spelling (a date rule such as ``later_of``, a condition, a
template's key) are `Semantic`: only their JSON type is part of the shape, and their meaning
(an anchor that exists, a parameter that is declared, a rule id that is used) is read by the
semantic pass (`followup.language.expression_reader` and the loader).
"""

from followup.language.patterns import DATE, DURATION, date_text, duration_text
from followup.language.spec import (
    Boolean,
    Choice,
    Field,
    Integer,
    ListOf,
    MapOf,
    Mapping,
    OneOf,
    Pattern,
    Semantic,
    Text,
)
from followup.model.vocabulary import (
    CHANNELS,
    CORE_ACTION_KINDS,
    EVENT_TYPES,
    OUTCOMES,
    PLAYBOOK_TRIGGERS,
    STATES,
)

__all__ = [
    "ACTION",
    "AVOID",
    "CHANNEL_OPTION",
    "CHANNEL_WORDS",
    "KIND",
    "LIMITS",
    "NEEDED_UNLESS_EXTENDS",
    "PARTS",
    "PLAYBOOK",
    "REPEAT",
    "SOURCE",
    "TEMPLATE",
    "TRANSITION",
]

CHANNEL_WORDS = (*CHANNELS, "preferred", "committed", "none")
# Keys a playbook needs unless it extends another (it inherits them from its base).
NEEDED_UNLESS_EXTENDS = ("title", "source")

RULE_ID = Pattern(
    "id",
    r"^[a-z0-9][a-z0-9-]*$",
    "{what} {shown} has odd characters",
    "lower-case letters, digits, -",
)
NAME = Pattern("name", r"^[a-z][a-z0-9_]*$", "{what} {shown} has odd characters", "snake_case")

_TEXT = Text(allow_empty=False)
_CITATION = Text(
    "the source part", "The part of the article this rule comes from, such as a heading."
)
_DATE_RULE = Semantic(
    ("string", "object"),
    "the date",
    "When: a date such as 'interview + 1d', or {later_of: [...]} / {earlier_of: [...]} to take"
    " the later or earlier of several dates. Dates whose anchor is not known for a case are"
    " skipped.",
    "'ANCHOR', 'ANCHOR + DURATION' or {later_of: [...]} / {earlier_of: [...]}",
    ("interview + 1d", "last_contact + 1w"),
)
_CONDITION = Semantic(
    ("object",),
    "the condition",
    "A condition on facts about the case, such as {may_call: true} or {check_ins: {lt: 2}}."
    " Several facts in one mapping must all hold; use all, any and not to combine conditions.",
    "a mapping of facts to values",
)
_INTERVAL = Text(
    "the interval",
    "A duration such as 1w, or the name of a duration parameter.",
    examples=("1w", "2w", "wait"),
)


def _states(description: str) -> OneOf:
    """A state, a non-empty list of states, or any (every open state)."""
    return OneOf(
        (Choice(("any", *STATES), "the state"), ListOf(Choice(STATES, "the state"), min_items=1)),
        "the state",
        description,
        "a state, a list of states, or any",
    )


SOURCE = Mapping(
    "source",
    "the source",
    "The article this playbook encodes, so every piece of advice can cite it.",
    (
        Field("title", _TEXT, "The article's title.", required=True),
        Field("publisher", _TEXT, "Who published it (a site, a magazine)."),
        Field("author", _TEXT, "Who wrote it."),
        Field("date", date_text("", "the source date"), "When it was published, YYYY-MM-DD."),
        Field("file", _TEXT, "A local copy of the article, if you keep one."),
        Field("url", _TEXT, "Where to read it online."),
    ),
)

KIND = Mapping(
    "kind",
    "kind",
    "A kind of action of this playbook's own.",
    (
        Field(
            "completed_by",
            Choice(EVENT_TYPES, "the event"),
            "The event that marks this action done (leave out if nothing needs sending).",
            nullable=True,
        ),
        Field("description", Text(), "What this kind of action is, in a sentence.", default=""),
    ),
)

TRANSITION = Mapping(
    "transition",
    "the transition",
    "A move from one stage to another, either when the job seeker records an event (on) or"
    " when a date passes (after).",
    (
        Field(
            "id",
            Text("rule id", pattern=RULE_ID),
            "A short unique name for this rule, such as give-up.",
            required=True,
        ),
        Field(
            "from",
            _states("The stage(s) this move starts from, or any."),
            "The stage(s) this move starts from, or any. Nothing moves out of closed this way.",
            required=True,
        ),
        Field(
            "on",
            Choice(PLAYBOOK_TRIGGERS, "the event"),
            "The event that makes this move (use on or after).",
        ),
        Field("after", _DATE_RULE, "The date after which this move happens (use on or after)."),
        Field("to", Choice(STATES, "the state"), "The stage this move goes to.", required=True),
        Field(
            "outcome",
            Choice(OUTCOMES, "the outcome"),
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
)

REPEAT = Mapping(
    "repeat",
    "repeat",
    "Repeat the action while it stays due, until max times or a date.",
    (
        Field(
            "every",
            _INTERVAL,
            "How long to wait between repeats, e.g. 1w or a duration parameter.",
            required=True,
        ),
        Field(
            "max",
            OneOf((Integer(1, "max"), Text("max", pattern=NAME)), "max"),
            "The most times to do it in all: a number, or a count parameter.",
        ),
        Field("until", _DATE_RULE, "Stop repeating after this date."),
    ),
)

CHANNEL_OPTION = Mapping(
    "channel_option",
    "the channel option",
    "A channel to use only when a condition holds.",
    (
        Field("use", Choice(CHANNEL_WORDS, "the channel"), "The channel to use.", required=True),
        Field("when", _CONDITION, "Use this channel only when this condition holds."),
    ),
)

_CHANNEL_ITEM = OneOf((Choice(CHANNEL_WORDS, "the channel"), CHANNEL_OPTION), "the channel")
_CHANNEL_RULE = OneOf(
    (
        Choice(CHANNEL_WORDS, "the channel"),
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
            Text("rule id", pattern=RULE_ID),
            "A short unique name for this rule, such as thank-you.",
            required=True,
        ),
        Field(
            "in",
            _states("The stage(s) in which this action is due, or any."),
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
        Field("channel", _CHANNEL_RULE, "How to send it.", nullable=True),
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
)

AVOID = Mapping(
    "avoid",
    "the don't",
    "Something the job seeker should not do, shown as a warning.",
    (
        Field(
            "id",
            Text("rule id", pattern=RULE_ID),
            "A short unique name for this rule, such as no-texting.",
            required=True,
        ),
        Field(
            "in",
            _states("The stage(s) in which to show this warning, or any."),
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
    ),
)


def _count(key: str) -> Integer:
    return Integer(1, key)


LIMITS = Mapping(
    "limits",
    "limits",
    "What this playbook promises never to do to a client (checked by 'followup lint --prove')."
    " Each limit is optional.",
    (
        Field(
            "max_contacts",
            _count("max_contacts"),
            "The most direct contacts (emails, calls, letters, texts) on any path before the"
            " case closes.",
        ),
        Field(
            "max_contacts_per_7d",
            _count("max_contacts_per_7d"),
            "The most direct contacts in any 7 days.",
        ),
        Field(
            "max_contacts_per_30d",
            _count("max_contacts_per_30d"),
            "The most direct contacts in any 30 days.",
        ),
        Field(
            "min_gap",
            _INTERVAL,
            "The shortest time allowed between two follow-ups, e.g. 3d.",
        ),
        Field(
            "max_days_open",
            _count("max_days_open"),
            "The most days a case may stay open without news before the playbook closes it.",
        ),
    ),
)

TEMPLATE = Mapping(
    "template",
    "the template",
    "A message draft with a subject line.",
    (
        Field("subject", Text("the subject"), "The subject line (for email).", default=""),
        Field(
            "body",
            Text("the template body", allow_empty=False),
            "The body of the message.",
            required=True,
        ),
    ),
)

_PARAMETER = OneOf(
    (duration_text(""), Integer(0)),
    "parameter",
    "A duration such as 1w, or a whole number such as 2.",
    "a duration such as 1w, or a whole number",
)

PLAYBOOK = Mapping(
    "playbook",
    "the playbook",
    "A coach's advice for what to do after a job interview, written as rules: moves between"
    " stages (transitions), things to do (actions) and things not to do (avoid). Every rule can"
    " cite the article it comes from.",
    (
        Field(
            "id",
            Text("playbook id", pattern=RULE_ID),
            "The playbook's id, used to pick it: lower-case letters, digits, -.",
            required=True,
        ),
        Field(
            "extends",
            Text("extends", allow_empty=False),
            "The id or file of a playbook this one builds on: its parameters, rules and don'ts"
            " are inherited and may be replaced by id.",
        ),
        Field(
            "remove",
            ListOf(Text("rule id", pattern=RULE_ID), "remove"),
            "Ids of inherited rules and don'ts to drop (only with extends).",
            default=(),
        ),
        Field(
            "title",
            Text("the title", allow_empty=False),
            "The playbook's name, as shown to job seekers.",
        ),
        Field(
            "summary",
            Text("the summary"),
            "A sentence or two on what this playbook advises.",
            default="",
        ),
        Field("source", SOURCE, "The article this playbook encodes."),
        Field(
            "parameters",
            MapOf(Text("parameter name", pattern=NAME), _PARAMETER, "parameters"),
            "Named values the rules can use, such as wait: 1w or most: 2. A duration parameter"
            " can be used in dates ('last_contact + wait'); a count parameter in conditions and"
            " repeat max.",
            nullable=True,
        ),
        Field(
            "kinds",
            MapOf(
                Text("kind name", pattern=NAME),
                OneOf((KIND, Semantic(("null",))), "kind"),
                "kinds",
                forbidden_keys=CORE_ACTION_KINDS,
                forbidden_message="'{}' is a core kind already",
            ),
            "Extra kinds of action this playbook uses, besides the core ones ("
            + ", ".join(CORE_ACTION_KINDS)
            + ").",
            nullable=True,
        ),
        Field(
            "transitions",
            ListOf(TRANSITION, "transitions"),
            "Moves between stages of the application.",
            default=(),
            nullable=True,
        ),
        Field(
            "actions",
            ListOf(ACTION, "actions"),
            "Things to recommend doing.",
            default=(),
            nullable=True,
        ),
        Field(
            "avoid",
            ListOf(AVOID, "avoid"),
            "Things to warn against.",
            default=(),
            nullable=True,
        ),
        Field("limits", LIMITS, LIMITS.description, nullable=True),
        Field(
            "templates",
            MapOf(
                Text("the template key"),
                OneOf(
                    (Text("the template", "The body of the message.", allow_empty=False), TEMPLATE),
                    "the template",
                ),
                "templates",
            ),
            "Message drafts, keyed by an action kind (thank_you, check_in, ...) or a rule id."
            " Jinja2 text rendered in a sandbox with the case (company, role, interviewer, ...).",
            nullable=True,
        ),
    ),
)

# Each part of a playbook by the name the loader's `keys_accepted` gives it.
PARTS: dict[str, Mapping] = {
    "playbook": PLAYBOOK,
    "source": SOURCE,
    "transition": TRANSITION,
    "action": ACTION,
    "avoid": AVOID,
    "repeat": REPEAT,
    "kind": KIND,
    "limits": LIMITS,
    "template": TEMPLATE,
    "channel_option": CHANNEL_OPTION,
}

# The shared text forms this language uses, for the tests that hold them to the loader.
SHARED_PATTERNS = (DATE, DURATION, RULE_ID, NAME)
