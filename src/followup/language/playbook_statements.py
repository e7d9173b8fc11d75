"""Reading what a playbook says about itself rather than about a case: ``closes``, and the
engine rules it opts out of (``opt_out``).

A mixin of the playbook loader (`followup.language.playbook_loader`), split out for size; the
keys come from the declaration (`followup.language.playbook_format`).
"""

from __future__ import annotations

from followup.errors import suggest
from followup.io.yaml_reader import Path_
from followup.language.expression_reader import ExpressionReader
from followup.language.playbook_format import CLOSES, OPT_OUT
from followup.model.playbook import Citation, NeverCloses, OptOut, Origin
from followup.semantics.rules import RULE_IDS

CLOSES_KEYS = CLOSES.keys()
OPT_OUT_KEYS = OPT_OUT.keys()


class StatementReader(ExpressionReader):
    """Reads a playbook's statements about itself."""

    def _origin(self, path: Path_) -> Origin:
        line, col = self.doc.where(path)
        return Origin(self.file, line, col)

    def read_closes(self, path: Path_, value: object) -> NeverCloses | None:
        """``closes: {never: REASON, source: PART}``: the playbook never closes on its own."""
        spec = self.mapping(path, value, CLOSES_KEYS, CLOSES.needs(), "closes")
        if "never" not in spec:
            return None
        reason = self.text((*path, "never"), spec["never"], "the reason it never closes")
        part = ""
        if "source" in spec:
            part = self.text((*path, "source"), spec["source"], "the source part")
        return NeverCloses(reason, Citation(part), self._origin(path))

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
                found[rule] = OptOut(rule, reason, Citation(part), self._origin(where))
        return tuple(found.values())
