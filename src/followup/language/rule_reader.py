"""A playbook's rules, read from located YAML: transitions, actions and don'ts.

`followup.language.playbook_loader` reads the whole playbook with this reader; the parts that
are not rules (parameters, kinds, limits, templates, ``closes``, ``opt_out``) are
`followup.language.playbook_parts`'s, conditions and dates
`followup.language.expression_reader`'s.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from followup.errors import suggest
from followup.io.yaml_reader import Document, Path_
from followup.language.playbook_format import (
    ACTION,
    AVOID,
    CHANNEL_OPTION,
    CHANNEL_WORDS,
    REPEAT,
    REPEAT_FOREVER,
    REPEAT_MAX,
    RULE_ID,
    TRANSITION,
)
from followup.language.playbook_parts import PartsReader
from followup.model.playbook import (
    Action,
    Avoid,
    ChannelOption,
    Citation,
    Repeat,
    Transition,
)
from followup.model.vocabulary import (
    CHANNELS,
    CLOSED,
    DEFAULT_RECIPIENT,
    IF_LATE,
    LATE_DO,
    OPEN_STATES,
    OUTCOMES,
    PLAYBOOK_TRIGGERS,
    RECIPIENTS,
    STATES,
    STEP_PARTS,
)

# The keys each rule takes come from the declaration of the language (one place for the
# loader, the docs' tables and the tests that hold the shipped schema to it).
TRANSITION_KEYS = TRANSITION.keys()
ACTION_KEYS = ACTION.keys()
AVOID_KEYS = AVOID.keys()
REPEAT_KEYS = REPEAT.keys()
CHANNEL_OPTION_KEYS = CHANNEL_OPTION.keys()
TRANSITION_NEEDS = TRANSITION.needs()
ACTION_NEEDS = ACTION.needs()
AVOID_NEEDS = AVOID.needs()

ID_RE = re.compile(RULE_ID.regex)
# Problem kinds lint gives codes of their own (`followup.lint.loading`).
UNKNOWN_STATE = "unknown-state"
CLOSED_RULE = "closed-rule"


class RuleReader(PartsReader):
    """Reads a playbook's rules: transitions, actions (with their channels and repeats) and
    don'ts, each with its id (unique in the playbook), its states and its source part."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.rule_ids: dict[str, Path_] = {}

    # -- identifiers and references ----------------------------------------------------------

    def rule_id(self, rule: Path_, spec: Mapping[str, object]) -> str:
        if "new" in spec:  # what it means is the merge's (`followup.authoring.extends`)
            self.boolean((*rule, "new"), spec["new"], "new")
        path = (*rule, "id")
        rid = self.text(path, spec.get("id"), "the rule id")
        if rid and not ID_RE.fullmatch(rid):
            self.fail(path, f"rule id '{rid}' has odd characters", "lower-case letters, digits, -")
        if rid in self.rule_ids:
            line, _ = self.doc.where(self.rule_ids[rid])
            self.fail(path, f"rule id '{rid}' is used twice (first at line {line})", "unique ids")
        elif rid:
            self.rule_ids[rid] = path
        return rid

    def states(
        self, path: Path_, value: object, what: str, *, any_ok: bool = False
    ) -> tuple[str, ...]:
        if any_ok and value == "any":
            return OPEN_STATES
        values = value if isinstance(value, list) else [value]
        result: list[str] = []
        for i, v in enumerate(values):
            where = (*path, i) if isinstance(value, list) else path
            result.append(self.choice(where, v, what, STATES, UNKNOWN_STATE))
        if not result or value is None:
            self.fail(path, f"{what} lists no state", "a state, a list of states, or any")
        return tuple(result)

    # -- the rules --------------------------------------------------------------------------------

    def cite(self, path: Path_, value: object) -> Citation:
        if value is None:
            return Citation("")
        return Citation(self.text(path, value, "the source part"))

    def read_transition(self, path: Path_, raw: object) -> Transition | None:
        spec = self.mapping(path, raw, TRANSITION_KEYS, TRANSITION_NEEDS, "the transition")
        if not spec:
            return None
        rid = self.rule_id(path, spec)
        sources = self.states((*path, "from"), spec.get("from"), "the state", any_ok=True)
        dest = self.choice((*path, "to"), spec.get("to"), "the state", STATES, UNKNOWN_STATE)
        on = spec.get("on")
        after = None
        if ("on" in spec) == ("after" in spec):
            self.fail(
                path,
                "a transition needs exactly one of 'on' (an event) or 'after' (a date)",
                "on or after",
            )
        if "on" in spec:
            on = self.choice((*path, "on"), on, "the event", PLAYBOOK_TRIGGERS)
        if "after" in spec:
            after = self.date_rule((*path, "after"), spec.get("after"))
        outcome = spec.get("outcome")
        if outcome is not None:
            outcome = self.choice((*path, "outcome"), outcome, "the outcome", OUTCOMES)
            if dest != CLOSED:
                self.fail(
                    (*path, "outcome"), "only a move to 'closed' has an outcome", "no outcome"
                )
        elif dest == CLOSED:
            outcome = "moved_on"
        if CLOSED in sources and "from" in spec and spec.get("from") != "any":
            self.fail(
                (*path, "from"),
                "nothing moves out of 'closed' but the engine's own rules",
                "an open state",
                kind=CLOSED_RULE,
            )
        when = self.guard((*path, "when"), spec["when"]) if "when" in spec else None
        advice = self.text(
            (*path, "advice"), spec.get("advice", ""), "the advice", allow_empty=True
        )
        return Transition(
            rid,
            sources,
            dest,
            advice,
            self.cite((*path, "source"), spec.get("source")),
            self.origin(path),
            on if isinstance(on, str) else None,
            after,
            when,
            outcome,
        )

    def channel(self, path: Path_, value: object) -> tuple[ChannelOption, ...]:
        if value is None:
            return (ChannelOption("none"),)
        values = value if isinstance(value, list) else [value]
        if not values:
            self.fail(path, "the channel list is empty", "a channel, or none")
        options: list[ChannelOption] = []
        for i, item in enumerate(values):
            where = (*path, i) if isinstance(value, list) else path
            if isinstance(item, dict):
                spec = self.mapping(
                    where, item, CHANNEL_OPTION_KEYS, CHANNEL_OPTION.needs(), "the channel option"
                )
                use = self.choice((*where, "use"), spec.get("use"), "the channel", CHANNEL_WORDS)
                when = self.guard((*where, "when"), spec["when"]) if "when" in spec else None
                options.append(ChannelOption(use, when))
            else:
                options.append(
                    ChannelOption(self.choice(where, item, "the channel", CHANNEL_WORDS))
                )
        return tuple(options)

    def read_repeat(self, path: Path_, raw: object) -> Repeat | None:
        spec = self.mapping(path, raw, REPEAT_KEYS, REPEAT.needs(), "repeat")
        if not spec:
            return None
        every = self.offset((*path, "every"), spec.get("every"))
        if every is not None and not every.duration.approx_days:
            # A repeat that waits no time at all would be due again the moment it is done.
            self.fail(
                (*path, "every"), f"every {every.duration} waits no time", "at least 1d or 1bd"
            )
            every = None
        cap = None
        if "max" in spec:
            raw_max = spec["max"]
            named = self.parameters.get(raw_max) if isinstance(raw_max, str) else None
            if isinstance(raw_max, str) and raw_max in self.refused:  # a list is no name
                cap = 1  # its definition is the one problem
            elif isinstance(named, int):
                # Its value is checked here, where a repeat reads it, against a repeat's range.
                cap = self.integer((*path, "max"), named, f"parameter '{raw_max}'", REPEAT_MAX)
            else:
                cap = self.integer((*path, "max"), raw_max, "max", REPEAT_MAX)
        raw_until = spec.get("until")
        endless = raw_until == REPEAT_FOREVER  # said so: as long as the case stays open
        until = None
        if raw_until is not None and not endless and not self._near_forever(path, raw_until):
            until = self.date_rule((*path, "until"), raw_until)
        if cap is None and "until" not in spec:
            self.fail(
                path,
                "a repeat without 'max' or 'until' never stops",
                f"max, until, or both (until: {REPEAT_FOREVER} for a repeat that goes on as "
                "long as the case stays open)",
            )
        return Repeat(every, cap, until) if every else None

    def _near_forever(self, path: Path_, raw: object) -> bool:
        """Whether ``raw``, a repeat's until, is a misspelling of `REPEAT_FOREVER` (then said
        here, as that: 'NEVER', 'nevr'), rather than a date rule to read."""
        if not isinstance(raw, str) or any(c in raw for c in "+-"):
            return False
        hint = suggest(raw.strip().lower(), (REPEAT_FOREVER,))
        if raw.strip().lower() == REPEAT_FOREVER or hint:
            self.fail(
                (*path, "until"),
                f"until '{raw}' is not a date rule{hint or f' (did you mean {REPEAT_FOREVER!r}?)'}",
                f"a date rule, or {REPEAT_FOREVER} (in lower case) for a repeat with no last time",
            )
            return True
        return False

    def read_action(self, path: Path_, raw: object) -> Action | None:
        spec = self.mapping(path, raw, ACTION_KEYS, ACTION_NEEDS, "the action")
        if not spec:
            return None
        rid = self.rule_id(path, spec)
        states = self.states((*path, "in"), spec.get("in"), "the state", any_ok=True)
        if CLOSED in states:
            self.fail(
                (*path, "in"),
                "nothing is due once an application is closed",
                "open states",
                kind=CLOSED_RULE,
            )
        kind = self.choice(
            (*path, "kind"), spec.get("kind"), "the action kind", sorted(self.kind_names)
        )
        due = self.date_rule((*path, "due"), spec.get("due"))
        if spec.get("until") == REPEAT_FOREVER:
            self.fail(
                (*path, "until"),
                f"until: {REPEAT_FOREVER} says a repeat has no last time; a step's window needs "
                "a last day",
                f"a date rule here, or repeat: {{every: ..., until: {REPEAT_FOREVER}}}",
            )
            until = None
        else:
            until = self.date_rule((*path, "until"), spec["until"]) if "until" in spec else None
        if until is not None and "repeat" in spec:
            self.fail(
                (*path, "until"),
                "a window (until) and repeat do not go together: each repeat is due once",
                "until for one step, or repeat with its own until to stop repeating",
            )
        channel = self.channel((*path, "channel"), spec.get("channel"))
        repeat = self.read_repeat((*path, "repeat"), spec["repeat"]) if "repeat" in spec else None
        optional = self.boolean((*path, "optional"), spec.get("optional", False), "optional")
        when = self.guard((*path, "when"), spec["when"]) if "when" in spec else None
        # A missing advice is reported once, as a missing key; its value is read when given.
        advice = (
            self.text((*path, "advice"), spec["advice"], "the advice") if "advice" in spec else ""
        )
        cite = self.cite((*path, "source"), spec.get("source"))
        to = DEFAULT_RECIPIENT
        if "to" in spec:
            to = self.choice((*path, "to"), spec["to"], "the recipient", RECIPIENTS)
        at = None
        if "at" in spec:
            at = self.choice((*path, "at"), spec["at"], "the part of the day", STEP_PARTS)
        late = LATE_DO
        if "late" in spec:
            late = self.choice((*path, "late"), spec["late"], "what to do late", IF_LATE)
            if "until" not in spec:  # ACTION.requires, as the schema says it
                self.fail(
                    (*path, "late"),
                    "'late' says what becomes of a step once its window has passed, and this "
                    "one has no window",
                    "until: the last day to do it",
                )
        if due is None:
            return None
        return Action(
            rid,
            states,
            kind,
            due,
            channel,
            advice,
            cite,
            self.origin(path),
            repeat,
            optional,
            when,
            until,
            to,
            at,
            late,
        )

    def read_avoid(self, path: Path_, raw: object) -> Avoid | None:
        spec = self.mapping(path, raw, AVOID_KEYS, AVOID_NEEDS, "the don't")
        if not spec:
            return None
        rid = self.rule_id(path, spec)
        states = (
            self.states((*path, "in"), spec["in"], "the state", any_ok=True) if "in" in spec else ()
        )
        when = self.guard((*path, "when"), spec["when"]) if "when" in spec else None
        # A missing advice is reported once, as a missing key; its value is read when given.
        advice = (
            self.text((*path, "advice"), spec["advice"], "the advice") if "advice" in spec else ""
        )
        # Given, even as null, each must be one of its words (as the declaration says).
        channel = (
            self.choice((*path, "channel"), spec["channel"], "the channel", CHANNELS)
            if "channel" in spec
            else None
        )
        about = (
            self.choice((*path, "to"), spec["to"], "the recipient", RECIPIENTS)
            if "to" in spec
            else None
        )
        at = (
            self.choice((*path, "at"), spec["at"], "the part of the day", STEP_PARTS)
            if "at" in spec
            else None
        )
        return Avoid(
            rid,
            advice,
            self.cite((*path, "source"), spec.get("source")),
            self.origin(path),
            states,
            when,
            channel,
            about,
            at,
        )
