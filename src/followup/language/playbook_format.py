"""The playbook language's shape, declared once: its parts, their keys, what each key means.

A playbook is a coach's advice written as rules.  This module says which keys each part takes,
which it needs, and the form of each value; the docs' key tables are generated from it, and
tests hold the loader (`followup.language.playbook_loader`) and the shipped schema to it.

Forms that mean more than their spelling (a date rule such as ``later_of``, a condition, a
template's key) are `Semantic`: only their JSON type is part of the shape, and their meaning
(an anchor that exists, a parameter that is declared, a rule id that is used) is read by the
semantic pass (`followup.language.expression_reader` and the loader).
"""

from followup.language.patterns import date_text, duration_text
from followup.language.playbook_rules import (
    ACTION,
    AVOID,
    CHANNEL_OPTION,
    CHANNEL_WORDS,
    INTERVAL,
    NAME,
    REPEAT,
    REPEAT_FOREVER,
    REPEAT_MAX,
    RULE_ID,
    TRANSITION,
)
from followup.language.spec import (
    Choice,
    Field,
    Integer,
    ListOf,
    MapOf,
    Mapping,
    OneOf,
    Semantic,
    Text,
)
from followup.model.vocabulary import CORE_ACTION_KINDS, EVENT_TYPES
from followup.semantics.rules import RULE_IDS
from followup.timeline.durations import MAX_APPROX_DAYS

__all__ = [
    "ACTION",
    "AVOID",
    "CHANNEL_OPTION",
    "CHANNEL_WORDS",
    "CLOSES",
    "COUNT_LIMITS",
    "KIND",
    "LIMITS",
    "NAME",
    "NEEDED_UNLESS_EXTENDS",
    "OPT_OUT",
    "PARTS",
    "PLAYBOOK",
    "REPEAT",
    "REPEAT_FOREVER",
    "REPEAT_MAX",
    "RULE_ID",
    "SOURCE",
    "TEMPLATE",
    "TRANSITION",
]

_TEXT = Text(description="Some text (not empty).", allow_empty=False, name="text")


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
            Choice(
                EVENT_TYPES,
                "the event",
                "A kind of event the job seeker records.",
                name="event_type",
            ),
            "The event that marks this action done (leave out if nothing needs sending).",
            nullable=True,
        ),
        Field("description", Text(), "What this kind of action is, in a sentence.", default=""),
        Field(
            "words",
            Text("the words", allow_empty=False),
            "What the plan calls a step of this kind, as a short instruction ('ask when and how"
            " to follow up'); without it, the kind's name with spaces ('ask about follow up').",
        ),
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
            " case closes, over the whole application (every round together).",
        ),
        Field(
            "max_contacts_per_round",
            _count("max_contacts_per_round"),
            "The most direct contacts in any one interview round: from the interview (or the"
            " reply inviting you to the next round) until the next round begins.",
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
            INTERVAL,
            "The shortest time allowed between two check-ins (check_in, final_check_in), e.g. 3d.",
        ),
        Field(
            "max_days_open",
            # No longer than the longest duration: a case open ten years helps nobody, and the
            # prover follows a path a day past it.
            Integer(1, "max_days_open", maximum=MAX_APPROX_DAYS),
            "The most days a case may stay open without news before the playbook closes it.",
        ),
    ),
)

# The limits that are counts (the rest, min_gap, is a duration), each with its form.
COUNT_LIMITS: dict[str, Integer] = {
    f.name: node for f in LIMITS.fields if isinstance(node := f.node, Integer)
}

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

CLOSES = Mapping(
    "closes",
    "closes",
    "When the playbook itself closes a case. Only one statement so far: never, for a coach whose"
    " advice is to wait for the employer's word however long it takes.",
    (
        Field(
            "never",
            Text("the reason", allow_empty=False),
            "Why this playbook never closes a case on its own (lint then stops asking for a way"
            " to closed; the plan and show say so; prove reports days open as unbounded by"
            " design).",
            required=True,
        ),
        Field(
            "source",
            Text("the source part", allow_empty=False),
            "The part of the article this comes from.",
        ),
    ),
)

OPT_OUT = Mapping(
    "opt_out",
    "the opt-out",
    "An engine rule this playbook does not follow, said explicitly: which, why, and where its"
    " article says so.",
    (
        Field(
            "rule",
            Choice(RULE_IDS, "the engine rule", "An engine rule a playbook may opt out of."),
            "The id of the engine rule (docs/engine-rules.md lists them).",
            required=True,
        ),
        Field(
            "reason",
            Text("the reason", allow_empty=False),
            "Why this playbook does not follow it, in plain words.",
            required=True,
        ),
        Field(
            "source",
            Text("the source part", allow_empty=False),
            "The part of the article that says so, as a rule's source.",
            required=True,
        ),
    ),
)

_PARAMETER = OneOf(
    (duration_text(""), Integer(0)),
    "parameter",
    "A duration such as 1w, or a whole number such as 2.",
    "a duration such as 1w, or a whole number",
    "parameter",
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
            needed_unless="extends",
        ),
        Field(
            "summary",
            Text("the summary"),
            "A sentence or two on what this playbook advises.",
            default="",
        ),
        Field("source", SOURCE, "The article this playbook encodes.", needed_unless="extends"),
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
        Field("closes", CLOSES, CLOSES.description),
        Field(
            "opt_out",
            ListOf(OPT_OUT, "opt_out"),
            "Engine rules this playbook does not follow, each with its reason and citation.",
            default=(),
        ),
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

# Keys a playbook needs unless it extends another (it inherits them from its base).
NEEDED_UNLESS_EXTENDS = tuple(f.name for f in PLAYBOOK.fields if f.needed_unless == "extends")

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
    "closes": CLOSES,
    "opt_out": OPT_OUT,
    "template": TEMPLATE,
    "channel_option": CHANNEL_OPTION,
}
