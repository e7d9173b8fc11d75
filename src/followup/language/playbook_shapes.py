"""The spelling of a playbook's date rules and conditions, for the shipped schema only.

The declaration (`followup.language.playbook_rules`) gives a date rule and a condition only
their JSON type: their meaning (an anchor that exists, a declared parameter) is read by
`followup.language.expression_reader`.  Editors still want to check their spelling as an author
types, so each such `Semantic` form names its shape here (``Semantic.shape``), and the schema
generator puts that shape under ``$defs``.  Only the generator imports this module, so
`followup plan` never builds these forms.
"""

from followup.language.expression_reader import SPAN_KEY, SPAN_TESTS
from followup.language.patterns import DURATION
from followup.language.playbook_rules import INTERVAL, NAME
from followup.language.spec import (
    Boolean,
    Choice,
    Field,
    Integer,
    ListOf,
    Mapping,
    Node,
    OneOf,
    Pattern,
    Semantic,
    Text,
)
from followup.model.vocabulary import ANCHORS, FACTS, GUARD_OPERATORS


def _body(pattern: Pattern) -> str:
    """A whole-text pattern's middle, to build a bigger pattern from."""
    return (
        pattern.regex.removeprefix("^").removeprefix(r"\s*").removesuffix("$").removesuffix(r"\s*")
    )


_OFFSET = rf"({_body(DURATION)}|{_body(NAME)})"
DATE_TERM = Pattern(
    "date_term",
    rf"^\s*({'|'.join(ANCHORS)})\s*([+-]\s*{_OFFSET})?\s*$",
    "{what} {shown} is not a date",
    "'ANCHOR' or 'ANCHOR + DURATION'",
)

_TERM = Text(
    "the date",
    "A date: an anchor, optionally moved by a duration or a duration parameter, such as"
    " 'interview', 'last_contact + 1w' or 'decision_by + wait'. Anchors: "
    + "; ".join(f"{anchor}: {meaning}" for anchor, meaning in ANCHORS.items())
    + ".",
    pattern=DATE_TERM,
    examples=("interview", "interview + 1d", "last_contact + 1w", "decision_by + 3bd"),
    name="date_term",
)


def _terms(description: str) -> ListOf:
    return ListOf(_TERM, description=description, min_items=1)


_DATE_CHOICE = Mapping(
    "date_choice",
    "the date rule",
    "The later or the earlier of several dates.",
    (
        Field("later_of", _terms(""), "Take the latest of these dates."),
        Field("earlier_of", _terms(""), "Take the earliest of these dates."),
    ),
    one_of=(("later_of", "earlier_of"),),
)

_CONDITION = Semantic(("object",), "the condition", shape="guard")
_COUNT = OneOf(
    (Integer(0), Text("count", pattern=NAME)),
    "count",
    "A whole number, or the name of a count parameter of this playbook.",
    name="count_value",
)

# What each fact a condition can test means (a test holds these keys to `FACTS`).
FACT_TEXT = {
    "follow_up": "What the employer said about following up: invited, not_wanted or unspecified"
    " (a no_follow_up reply makes it not_wanted).",
    "preferred_channel": "How the employer asked to be contacted (none if they did not say).",
    "may_call": "Whether the employer said phone calls are welcome.",
    "has_decision_date": "Whether the employer gave a date or time frame for their decision.",
    "has_follow_up_after": "Whether the employer said when you may check in.",
    "competing_offer": "Whether the job seeker holds a competing offer not yet shared (an"
    " update_sent shares it).",
    "portfolio_update": "Whether the job seeker has news to share (new work, an award) not yet"
    " shared (an update_sent shares it).",
    "committed": "Whether a promise the job seeker recorded (a committed event) is not yet kept:"
    " a check-in or update on or after its day keeps it.",
    "told_no_follow_up": "Whether the employer has asked not to be followed up with.",
    "networked": "Whether the job seeker has reached out to a contact at the company.",
    "accepted_elsewhere": "Whether the job seeker has accepted a job at another company.",
    "interview_part": "When in the day the interview was (morning before noon, afternoon before"
    " 18:00, evening), if the case gives its time; unknown otherwise.",
    "last_reply": "What the employer's last reply said (none if they have not replied; "
    "next_round all through the round that reply started, until they reply again).",
    "check_ins": "How many check-ins (every check_in_sent recorded, whatever the channel:"
    " check_in and final_check_in steps, and steps of a kind of your own completed by"
    " check_in_sent) the job seeker has sent since the employer last replied"
    " (a reply that restarts nudging or invites to a new round starts it over). Getting in"
    " touch another way (contacted: a quiet note, a call to the main line) is not counted.",
    "contacts": "How many direct contacts (emails, calls, letters, texts) the job seeker has"
    " made in this interview round.",
    "check_ins_this_round": "How many check-ins the job seeker has sent in this interview round"
    " (only a new round starts it over).",
    "check_ins_all_rounds": "How many check-ins the job seeker has sent over the whole"
    " application, every round.",
    "contacts_all_rounds": "How many direct contacts the job seeker has made over the whole"
    " application, every round.",
    "round": "Which interview round this is (1 for the first).",
    "interviewers": "How many interviewers the job seeker met.",
}

_TEST_TEXT = {
    "is": "is exactly this",
    "is_not": "is anything but this",
    "in": "is one of these",
    "not_in": "is none of these",
    "lt": "is less than this",
    "le": "is at most this",
    "gt": "is more than this",
    "ge": "is at least this",
}


def _fact_test(name: str, value: Node, ops: tuple[str, ...], description: str) -> OneOf:
    """A fact's value written alone, or a mapping of tests such as {is_not: x}."""
    subject = "The count" if name == "count" else "The fact"
    fields = tuple(
        Field(op, ListOf(value), f"{subject} {_TEST_TEXT[op]}.", nullable=True)
        if op in ("in", "not_in")
        else Field(op, value, f"{subject} {_TEST_TEXT[op]}.")
        for op in ops
    )
    tests = Mapping(f"{name}_tests", "the tests", "Tests of a fact.", fields)
    return OneOf((value, tests), description=description, name=f"{name}_test")


_NOT_COUNT = tuple(op for op in GUARD_OPERATORS if op not in ("lt", "le", "gt", "ge"))
_BOOL = _fact_test(
    "bool", Boolean(), _NOT_COUNT, "true or false, or a mapping of tests such as {is_not: true}."
)
_COUNT_TEST = _fact_test(
    "count",
    _COUNT,
    GUARD_OPERATORS,
    "A number (the count must equal it), or a mapping of tests such as {lt: 2} or {ge: most},"
    " where a test may name a count parameter.",
)


def _test_of(fact: str) -> OneOf:
    kind = FACTS[fact]
    if kind == "bool":
        return _BOOL
    if kind == "int":
        return _COUNT_TEST
    assert isinstance(kind, tuple)
    return _fact_test(
        fact,
        Choice(kind, name=f"{fact}_value"),
        _NOT_COUNT,
        "One of the allowed values, or a mapping of tests such as {is_not: x}.",
    )


_ANCHOR = Choice(tuple(ANCHORS), "the anchor", "A date of the case.", name="anchor")
_SPAN = Mapping(
    SPAN_KEY,
    "the time between two dates",
    "The time from one date of the case to another, compared with durations: {from: interview,"
    " to: decision_by, ge: 2w} holds when the decision date is at least two weeks after the"
    " interview. It does not hold while either date is not known for the case.",
    (
        Field("from", _ANCHOR, "The first date.", required=True),
        Field("to", _ANCHOR, "The second date.", required=True),
        *(
            Field(op, INTERVAL, f"The time between them {_TEST_TEXT[op]} (a duration).")
            for op in SPAN_TESTS
        ),
    ),
    min_keys=3,
)

_GUARD = Mapping(
    "guard",
    "the condition",
    "A condition on facts about the case, such as {may_call: true} or {check_ins: {lt: 2}}."
    " Several facts in one mapping must all hold; use all, any and not to combine conditions.",
    (
        Field("all", ListOf(_CONDITION, min_items=1), "Every one of these conditions holds."),
        Field("any", ListOf(_CONDITION, min_items=1), "At least one of these conditions holds."),
        Field("not", _CONDITION, "This condition does not hold."),
        *(Field(fact, _test_of(fact), FACT_TEXT[fact]) for fact in FACTS),
        Field(SPAN_KEY, _SPAN, _SPAN.description),
    ),
    min_keys=1,
)

# Each shape by the name a `Semantic` form gives it.
SHAPES: dict[str, Node] = {
    "date_rule": OneOf((_TERM, _DATE_CHOICE), name="date_rule"),
    "guard": _GUARD,
}
