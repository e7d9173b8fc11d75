"""Located YAML data -> a checked `Playbook`: every shape and meaning problem, with its place.

The rules (transitions, actions, don'ts) are read by `followup.language.rule_reader`, the other
parts by `followup.language.playbook_parts`; this module reads the whole and builds the model.

It checks shape and meaning in one pass and reports every problem itself: it refuses all that
the shipped JSON Schema refuses (the schema is generated from the same declaration, for
editors), so no schema stage runs here and jsonschema is never imported to load a playbook.
Tests hold the two together both ways.
"""

from __future__ import annotations

from collections.abc import Mapping

from followup.errors import InputError
from followup.io.yaml_reader import Document
from followup.language.playbook_format import NEEDED_UNLESS_EXTENDS, PLAYBOOK, SOURCE
from followup.language.playbook_parts import (
    CLOSES_KEYS,
    KIND_KEYS,
    LIMIT_KEYS,
    OPT_OUT_KEYS,
    TEMPLATE_KEYS,
)
from followup.language.rule_reader import (
    ACTION_KEYS,
    AVOID_KEYS,
    CLOSED_RULE,
    ID_RE,
    REPEAT_KEYS,
    TRANSITION_KEYS,
    UNKNOWN_STATE,
    RuleReader,
)
from followup.model.playbook import Playbook, Source

# The keys the playbook and its source take come from the declaration of the language, as
# each rule's do (`followup.language.rule_reader`).
TOP_KEYS = PLAYBOOK.keys()
SOURCE_KEYS = SOURCE.keys()
# The plain loader reads playbooks that extend none, so title and source are needed too.
TOP_NEEDS = (*PLAYBOOK.needs(), *NEEDED_UNLESS_EXTENDS)
# Names other modules read from here since before the rules had a module of their own.
__all__ = [
    "ACTION_KEYS",
    "AVOID_KEYS",
    "CLOSED_RULE",
    "ID_RE",
    "REPEAT_KEYS",
    "SOURCE_KEYS",
    "TOP_KEYS",
    "TRANSITION_KEYS",
    "UNKNOWN_STATE",
    "build_playbook",
    "keys_accepted",
]


class _PlaybookReader(RuleReader):
    """Reads a whole playbook: its id, title and source, then each part and rule."""

    def read(self) -> Playbook | None:
        top = self.mapping((), self.doc.data, TOP_KEYS, TOP_NEEDS, "the playbook")
        if not top:
            return None
        pid = self.text(("id",), top.get("id"), "the playbook id")
        if pid and not ID_RE.fullmatch(pid):
            self.fail(
                ("id",), f"playbook id '{pid}' has odd characters", "lower-case letters, digits, -"
            )
        title = self.text(("title",), top.get("title"), "the title")
        summary = self.text(("summary",), top.get("summary", ""), "the summary", allow_empty=True)
        src = self.mapping(
            ("source",), top.get("source"), SOURCE_KEYS, SOURCE.needs(), "the source"
        )
        fields = {
            k: self.text(("source", k), src[k], f"source {k}") for k in SOURCE_KEYS if k in src
        }
        if fields.get("date"):
            self.day(("source", "date"), fields["date"], "the source date")
        source = Source(**fields) if "title" in fields else Source(title)
        self.read_parameters(("parameters",), top.get("parameters"))
        kinds = self.read_kinds(("kinds",), top.get("kinds"))
        closes = self.read_closes(("closes",), top["closes"]) if "closes" in top else None
        transitions = [
            self.read_transition(("transitions", i), t)
            for i, t in enumerate(
                self.items(("transitions",), top.get("transitions"), "transitions")
            )
        ]
        actions = [
            self.read_action(("actions", i), a)
            for i, a in enumerate(self.items(("actions",), top.get("actions"), "actions"))
        ]
        avoid = [
            self.read_avoid(("avoid", i), a)
            for i, a in enumerate(self.items(("avoid",), top.get("avoid"), "avoid"))
        ]
        kept_actions = tuple(a for a in actions if a is not None)
        templates = self.read_templates(("templates",), top.get("templates"), kept_actions)
        extends = top.get("extends")
        if extends is not None:
            extends = self.text(("extends",), extends, "extends")
        if "remove" in top and not extends:
            self.fail(
                ("remove",), "'remove' only means something with 'extends'", "an 'extends' key"
            )
        return Playbook(
            pid,
            title,
            summary,
            source,
            self.file,
            tuple(self.parameters.items()),
            tuple(kinds),
            tuple(t for t in transitions if t is not None),
            kept_actions,
            tuple(a for a in avoid if a is not None),
            self.read_limits(("limits",), top.get("limits")),
            templates,
            extends or None,
            closes,
            self.read_opt_outs(("opt_out",), top.get("opt_out")),
        )


def build_playbook(doc: Document) -> Playbook:
    """Check a parsed playbook that extends no other, and build its model.

    A playbook with ``extends`` must be laid over its bases first, which needs the catalog of
    playbooks: `followup.catalog.build_document` builds either kind.

    Raises:
        InputError: with every problem found, each located in the file; or the playbook
            extends another (it was handed to the wrong builder).
    """
    if isinstance(doc.data, dict) and "extends" in doc.data:
        raise InputError(
            [
                doc.problem(
                    ("extends",),
                    "this playbook extends another, so it is built together with its base",
                    "followup.catalog.build_document to be used for it",
                )
            ]
        )
    reader = _PlaybookReader(doc)
    playbook = reader.read()
    if reader.problems or playbook is None:
        raise InputError(sorted(set(reader.problems)))
    return playbook


def keys_accepted() -> Mapping[str, tuple[str, ...]]:
    """The keys each part of a playbook accepts (the declaration's, as the schema's are)."""
    return {
        "playbook": TOP_KEYS,
        "source": SOURCE_KEYS,
        "transition": TRANSITION_KEYS,
        "action": ACTION_KEYS,
        "avoid": AVOID_KEYS,
        "repeat": REPEAT_KEYS,
        "kind": KIND_KEYS,
        "limits": LIMIT_KEYS,
        "template": TEMPLATE_KEYS,
        "closes": CLOSES_KEYS,
        "opt_out": OPT_OUT_KEYS,
    }
