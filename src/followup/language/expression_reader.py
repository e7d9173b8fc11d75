"""Reading the small languages inside a playbook: date rules, offsets and conditions.

A date rule is ``ANCHOR``, ``ANCHOR + OFFSET`` (an offset is a duration or the name of a
duration parameter) or ``{later_of: [...]}`` / ``{earlier_of: [...]}``; a condition is a mapping
of facts to values or tests, combined with ``all``, ``any`` and ``not``.  Both are data: they are
checked against the fixed vocabulary here and never evaluated as code.
"""

from __future__ import annotations

import re

from followup.errors import suggest, type_name
from followup.io.yaml_reader import Document, Path_
from followup.language.readers import Reader
from followup.model.playbook import (
    AllOf,
    AnyOf,
    Compare,
    DateRule,
    DateTerm,
    Guard,
    Not,
    Offset,
    Span,
)
from followup.model.vocabulary import ANCHORS, FACTS, GUARD_OPERATORS
from followup.timeline.durations import Duration, DurationError, parse_duration

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
TERM_RE = re.compile(r"^\s*([a-z_]+)\s*(?:([+-])\s*(\S.*?))?\s*$")
UNKNOWN_FACT = "unknown-fact"  # a problem kind lint gives a code of its own
DATE_RULE_HELP = "'ANCHOR', 'ANCHOR + DURATION' or {later_of: [...]} / {earlier_of: [...]}"
# A condition on the time between two dates: {time_between: {from: A, to: B, ge: 2w}}.
SPAN_KEY = "time_between"
SPAN_TESTS = ("lt", "le", "gt", "ge")
SPAN_HELP = "{from: ANCHOR, to: ANCHOR} with tests such as ge: 2w"


class ExpressionReader(Reader):
    """Reads date rules and conditions, resolving parameter names against ``parameters``."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.parameters: dict[str, Duration | int] = {}
        # Parameters refused where they are defined: that one problem is enough, so their uses
        # are read as unknown without a problem of their own each.
        self.refused: set[str] = set()

    def duration_or_parameter(self, path: Path_, token: str) -> tuple[Duration, str] | None:
        if NAME_RE.fullmatch(token) and not token[0].isdigit():
            value = self.parameters.get(token)
            if isinstance(value, Duration):
                return value, token
            if value is None and token in self.refused:
                return None
            if value is None:
                hint = suggest(token, self.parameters)
                self.fail(path, f"no parameter named '{token}'{hint}", "a duration or a parameter")
            else:
                self.fail(path, f"parameter '{token}' is a count, not a duration", "a duration")
            return None
        try:
            return parse_duration(token), ""
        except DurationError as err:
            self.fail(path, err.message, err.expected)
            return None

    def offset(self, path: Path_, value: object) -> Offset | None:
        if not isinstance(value, str):
            self.fail(path, f"the interval is {type_name(value)}", "a duration such as 1w")
            return None
        found = self.duration_or_parameter(path, value.strip())
        return Offset(1, found[0], found[1]) if found else None

    def term(self, path: Path_, value: object) -> DateTerm | None:
        if not isinstance(value, str):
            self.fail(path, f"the date is {type_name(value)}", DATE_RULE_HELP)
            return None
        match = TERM_RE.fullmatch(value)
        if not match:
            self.fail(path, f"'{value}' is not a date rule", DATE_RULE_HELP)
            return None
        anchor, sign, token = match.groups()
        if anchor not in ANCHORS:
            hint = suggest(anchor, ANCHORS)
            self.fail(path, f"unknown anchor '{anchor}'{hint}", "one of " + ", ".join(ANCHORS))
            return None
        if token is None:
            return DateTerm(anchor)
        found = self.duration_or_parameter(path, token)
        if found is None:
            return None
        return DateTerm(anchor, Offset(1 if sign == "+" else -1, found[0], found[1]))

    def date_rule(self, path: Path_, value: object) -> DateRule | None:
        if isinstance(value, dict):
            spec = self.mapping(path, value, ("later_of", "earlier_of"), what="the date rule")
            rules = [self._combined((*path, key), key, raw) for key, raw in spec.items()]
            if len(spec) != 1:
                self.fail(
                    path, "the date rule needs exactly one of later_of, earlier_of", DATE_RULE_HELP
                )
                return None
            return rules[0]
        term = self.term(path, value)
        return DateRule((term,)) if term else None

    def _combined(self, path: Path_, key: str, raw: object) -> DateRule | None:
        items = self.items(path, raw, key)
        if not items:
            self.fail(path, f"{key} lists no dates", "at least one date term")
        terms = [self.term((*path, i), v) for i, v in enumerate(items)]
        if any(t is None for t in terms) or not terms:
            return None
        kept = tuple(t for t in terms if t is not None)
        return DateRule(kept, "later") if key == "later_of" else DateRule(kept, "earlier")

    # -- guards ---------------------------------------------------------------------------------

    def guard(self, path: Path_, value: object) -> Guard | None:
        if not isinstance(value, dict) or not value:
            self.fail(path, f"the condition is {type_name(value)}", "a mapping of facts to values")
            return None
        parts: list[Guard] = []
        for key, item in value.items():
            where = (*path, key)
            if key in ("all", "any"):
                subs = [
                    self.guard((*where, i), g) for i, g in enumerate(self.items(where, item, key))
                ]
                if not subs:
                    self.fail(where, f"'{key}' lists no conditions", "a list of conditions")
                clean = tuple(g for g in subs if g is not None)
                parts.append(AllOf(clean) if key == "all" else AnyOf(clean))
            elif key == "not":
                inner = self.guard(where, item)
                if inner is not None:
                    parts.append(Not(inner))
            elif key in FACTS:
                parts.extend(self.fact_tests(where, key, item))
            elif key == SPAN_KEY:
                parts.extend(self.span_tests(where, item))
            else:
                hint = suggest(key, (*FACTS, "all", "any", "not", SPAN_KEY))
                self.fail(
                    where,
                    f"unknown fact '{key}'{hint}",
                    "a fact: " + ", ".join(FACTS) + f"; or {SPAN_KEY}, all, any, not",
                    key=True,
                    kind=UNKNOWN_FACT,
                )
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def span_tests(self, path: Path_, value: object) -> list[Guard]:
        """``{from: interview, to: decision_by, ge: 2w}``: the time from one date to another,
        compared with durations (one test each)."""
        spec = self.mapping(path, value, ("from", "to", *SPAN_TESTS), ("from", "to"), SPAN_KEY)
        ends: list[str] = []
        for key in ("from", "to"):
            if key not in spec:
                continue
            anchor = spec[key]
            if not isinstance(anchor, str) or anchor not in ANCHORS:
                shown = f"'{anchor}'" if isinstance(anchor, str) else type_name(anchor)
                hint = suggest(anchor, ANCHORS) if isinstance(anchor, str) else ""
                self.fail(
                    (*path, key), f"unknown anchor {shown}{hint}", "one of " + ", ".join(ANCHORS)
                )
            else:
                ends.append(anchor)
        if len(ends) == 2 and ends[0] == ends[1]:
            self.fail((*path, "to"), f"from and to are both {ends[0]}", "two different dates")
            ends.clear()
        tests = [op for op in SPAN_TESTS if op in spec]
        if isinstance(value, dict) and not tests:
            self.fail(path, f"{SPAN_KEY} compares with no duration", SPAN_HELP)
        found: list[Guard] = []
        for op in tests:
            offset = self.offset((*path, op), spec[op])
            if offset is not None and len(ends) == 2:
                found.append(Span(ends[0], ends[1], op, offset))
        return found

    def fact_tests(self, path: Path_, fact: str, value: object) -> list[Guard]:
        if not isinstance(value, dict):
            return [Compare(fact, "is", self.fact_value(path, fact, value))]
        if not value:
            self.fail(path, f"the test of '{fact}' is empty", "a value, or tests such as {lt: 3}")
        tests: list[Guard] = []
        for op, operand in value.items():
            where = (*path, op)
            if op not in GUARD_OPERATORS:
                hint = suggest(op, GUARD_OPERATORS)
                self.fail(
                    where,
                    f"unknown test '{op}'{hint}",
                    "one of " + ", ".join(GUARD_OPERATORS),
                    key=True,
                )
                continue
            kind = FACTS[fact]
            if op in ("lt", "le", "gt", "ge") and kind != "int":
                self.fail(
                    where,
                    f"'{fact}' is not a count, so '{op}' does not apply",
                    "is, is_not, in, not_in",
                )
                continue
            if op in ("in", "not_in"):
                items = self.items(where, operand, f"the values for '{op}'")
                vals = tuple(
                    str(self.fact_value((*where, i), fact, v)) for i, v in enumerate(items)
                )
                tests.append(Compare(fact, op, vals))
            else:
                tests.append(Compare(fact, op, self.fact_value(where, fact, operand)))
        return tests

    def fact_value(self, path: Path_, fact: str, value: object) -> bool | int | str:
        kind = FACTS[fact]
        if kind == "bool":
            return self.boolean(path, value, f"the value for '{fact}'")
        if kind == "int":
            if isinstance(value, str) and value in self.parameters:
                param = self.parameters[value]
                if isinstance(param, int):
                    return param
                self.fail(path, f"parameter '{value}' is a duration, not a count", "a count")
                return 0
            if isinstance(value, str) and value in self.refused:
                return 0
            if isinstance(value, str):
                hint = suggest(value, self.parameters)
                self.fail(
                    path,
                    f"no count parameter named '{value}'{hint}",
                    "a whole number or a count parameter",
                )
                return 0
            return self.integer(path, value, f"the value for '{fact}'")
        assert isinstance(kind, tuple)
        return self.choice(path, value, f"the value for '{fact}'", kind)
