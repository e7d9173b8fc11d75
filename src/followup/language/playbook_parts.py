"""Reading the parts of a playbook that are not its rules: its parameters, its own action kinds,
its limits, its message templates, and what it says about itself (``closes``, and the engine
rules it opts out of, ``opt_out``).

The base of the playbook loader's reader (`followup.language.playbook_loader`, which reads the
rules: transitions, actions, don'ts); the keys come from the declaration
(`followup.language.playbook_format`).
"""

from __future__ import annotations

from followup.errors import suggest, type_name
from followup.io.yaml_reader import Document, Path_
from followup.language.expression_reader import NAME_RE, ExpressionReader
from followup.language.playbook_format import (
    CLOSES,
    COUNT_LIMITS,
    KIND,
    LIMITS,
    OPT_OUT,
    TEMPLATE,
)
from followup.model.playbook import (
    Action,
    ActionKind,
    Citation,
    Limits,
    NeverCloses,
    OptOut,
    Origin,
    Template,
)
from followup.model.vocabulary import CORE_ACTION_KINDS, EVENT_TYPES
from followup.semantics.rules import RULE_IDS
from followup.timeline.durations import DurationError, parse_duration

CLOSES_KEYS = CLOSES.keys()
OPT_OUT_KEYS = OPT_OUT.keys()
KIND_KEYS = KIND.keys()
LIMIT_KEYS = LIMITS.keys()
TEMPLATE_KEYS = TEMPLATE.keys()


class PartsReader(ExpressionReader):
    """Reads the parts of a playbook other than its rules."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.kind_names: set[str] = set(CORE_ACTION_KINDS)

    def origin(self, path: Path_) -> Origin:
        """Where the value at ``path`` was written."""
        line, col = self.doc.where(path)
        return Origin(self.file, line, col)

    def read_parameters(self, path: Path_, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self.fail(path, f"parameters is {type_name(value)}", "a mapping of names to values")
            return
        for name, raw in value.items():
            where = (*path, name)
            if not NAME_RE.fullmatch(name):
                self.fail(
                    where, f"parameter name '{name}' has odd characters", "snake_case", key=True
                )
            self.refused.add(name)  # until its value is read
            if isinstance(raw, bool) or not isinstance(raw, int | str):
                self.fail(
                    where,
                    f"parameter '{name}' is {type_name(raw)}",
                    "a duration such as 1w, or a whole number",
                )
            elif isinstance(raw, int):
                before = len(self.problems)
                self.parameters[name] = self.integer(where, raw, f"parameter '{name}'")
                if len(self.problems) == before:
                    self.refused.discard(name)
            else:
                try:
                    self.parameters[name] = parse_duration(raw)
                    self.refused.discard(name)
                except DurationError as err:
                    self.fail(where, err.message, err.expected)

    def read_kinds(self, path: Path_, value: object) -> list[ActionKind]:
        if value is None:
            return []
        if not isinstance(value, dict):
            self.fail(path, f"kinds is {type_name(value)}", "a mapping of kind names to settings")
            return []
        kinds: list[ActionKind] = []
        for name, raw in value.items():
            where = (*path, name)
            if not NAME_RE.fullmatch(name):
                self.fail(where, f"kind name '{name}' has odd characters", "snake_case", key=True)
            if name in CORE_ACTION_KINDS:
                self.fail(where, f"'{name}' is a core kind already", "a new name", key=True)
            spec = self.mapping(
                where, raw if raw is not None else {}, KIND_KEYS, what=f"kind '{name}'"
            )
            done = spec.get("completed_by")
            if done is not None:
                done = self.choice((*where, "completed_by"), done, "the event", EVENT_TYPES)
            desc = spec.get("description", "")
            desc = self.text((*where, "description"), desc, "the description", allow_empty=True)
            words = (
                self.text((*where, "words"), spec["words"], "the words") if "words" in spec else ""
            )
            self.kind_names.add(name)
            kinds.append(ActionKind(name, done, desc, words))
        return kinds

    def read_limits(self, path: Path_, value: object) -> Limits:
        if value is None:
            return Limits()
        spec = self.mapping(path, value, LIMIT_KEYS, what="limits")
        counts: dict[str, int | None] = {}
        for key, form in COUNT_LIMITS.items():
            counts[key] = self.integer((*path, key), spec[key], key, form) if key in spec else None
        gap = None
        if "min_gap" in spec:
            found = self.offset((*path, "min_gap"), spec["min_gap"])
            gap = found.duration if found else None
            if gap is not None and not gap.approx_days:
                # Any two check-ins are at least no days apart: the limit would promise nothing.
                self.fail((*path, "min_gap"), f"min_gap {gap} promises nothing", "at least 1d")
                gap = None
        return Limits(
            counts["max_contacts"],
            counts["max_contacts_per_7d"],
            counts["max_contacts_per_30d"],
            gap,
            counts["max_days_open"],
            counts["max_contacts_per_round"],
        )

    def read_templates(
        self, path: Path_, value: object, actions: tuple[Action, ...]
    ) -> tuple[Template, ...]:
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.fail(
                path,
                f"templates is {type_name(value)}",
                "a mapping of action kinds or rule ids to templates",
            )
            return ()
        known = sorted({*self.kind_names, *(a.id for a in actions)})
        found: list[Template] = []
        for key, raw in value.items():
            where = (*path, key)
            if key not in known:
                hint = suggest(key, known)
                self.fail(
                    where,
                    f"no action kind or rule id '{key}'{hint}",
                    "an action kind or rule id of this playbook",
                    key=True,
                )
            if isinstance(raw, str):
                body, subject = self.text(where, raw, "the template"), ""
            else:
                spec = self.mapping(where, raw, TEMPLATE_KEYS, TEMPLATE.needs(), "the template")
                body = self.text((*where, "body"), spec.get("body"), "the template body")
                subject = self.text(
                    (*where, "subject"), spec.get("subject", ""), "the subject", allow_empty=True
                )
            found.append(Template(key, body, self.origin(where), subject))
        return tuple(found)

    def read_closes(self, path: Path_, value: object) -> NeverCloses | None:
        """``closes: {never: REASON, source: PART}``: the playbook never closes on its own."""
        spec = self.mapping(path, value, CLOSES_KEYS, CLOSES.needs(), "closes")
        if "never" not in spec:
            return None
        reason = self.text((*path, "never"), spec["never"], "the reason it never closes")
        part = ""
        if "source" in spec:
            part = self.text((*path, "source"), spec["source"], "the source part")
        return NeverCloses(reason, Citation(part), self.origin(path))

    def read_opt_outs(self, path: Path_, value: object) -> tuple[OptOut, ...]:
        """``opt_out: [{rule: ID, reason: WHY, source: PART}]``: engine rules not followed."""
        found: dict[str, OptOut] = {}
        for i, raw in enumerate(self.items(path, value, "opt_out")):
            where = (*path, i)
            spec = self.mapping(where, raw, OPT_OUT_KEYS, OPT_OUT.needs(), "the opt-out")
            rule = spec.get("rule")
            if "rule" in spec and (not isinstance(rule, str) or rule not in RULE_IDS):
                shown = f"'{rule}'" if isinstance(rule, str) else str(rule)
                hint = suggest(rule, RULE_IDS) if isinstance(rule, str) else ""
                self.fail(
                    (*where, "rule"),
                    f"no engine rule {shown} to opt out of{hint}",
                    "one of " + ", ".join(RULE_IDS),
                )
                rule = None
            elif isinstance(rule, str) and rule in found:
                self.fail((*where, "rule"), f"'{rule}' is opted out of twice", "each rule once")
            # A missing reason or source is one problem (the mapping's), not two.
            reason = part = ""
            if "reason" in spec:
                reason = self.text((*where, "reason"), spec["reason"], "the reason")
            if "source" in spec:
                part = self.text((*where, "source"), spec["source"], "the source part")
            if isinstance(rule, str) and reason and part:
                found[rule] = OptOut(rule, reason, Citation(part), self.origin(where))
        return tuple(found.values())
