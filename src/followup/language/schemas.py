"""The shipped JSON Schemas, generated from the language declarations (never edited by hand).

Editors and other tools read ``src/followup/schemas/*.schema.json``; a test fails when
regenerating would change them.  Regenerate with::

    python -m followup.language.schemas --write
"""

from __future__ import annotations

import json
import sys
from typing import Any

from followup.language import reference
from followup.language.case_format import CASE
from followup.language.playbook_format import PLAYBOOK
from followup.language.playbook_shapes import SHAPES
from followup.language.reference import shipped_path
from followup.language.spec import (
    Boolean,
    Choice,
    Field,
    Integer,
    ListOf,
    MapOf,
    Mapping,
    Node,
    OneOf,
    Semantic,
    Text,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NOT_EMPTY = r"\S"


def _languages() -> dict[str, tuple[str, str, Mapping]]:
    """Each generated schema: its file stem -> ($id, title, root form)."""

    return {
        "case": ("https://followup.dev/schemas/case-1.json", "Follow-up case file", CASE),
        "playbook": (
            "https://followup.dev/schemas/playbook-1.json",
            "Follow-up playbook",
            PLAYBOOK,
        ),
    }


class _Generator:
    """Walks one declaration; named forms go to ``$defs`` once and are referenced.

    Mapping forms are always named; a text, choice or one-of form is when several keys share
    it (``name``); a `Semantic` form's spelling is the shape it names (`playbook_shapes`).
    """

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.named: dict[str, Node] = {}  # each $defs name -> the form it was made from

    def node(self, node: Node, description: str = "") -> dict[str, Any]:
        if isinstance(node, Semantic) and node.shape:
            return self.ref(node.shape, SHAPES[node.shape], description, node.description)
        if isinstance(node, Text | Choice | OneOf) and node.name:
            return self.ref(node.name, node, description, "")
        if isinstance(node, Mapping):
            return self.ref(node.name, node, description or node.description, "")
        return self.inline(node, description)

    def ref(self, name: str, node: Node, description: str, fallback: str) -> dict[str, Any]:
        """A reference to ``$defs/name``, defined from ``node`` the first time."""
        # one name, one form: a second, different form of the same name would be lost
        assert self.named.setdefault(name, node) == node, f"two forms named {name}"
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a form may contain itself
            body = self.mapping(node) if isinstance(node, Mapping) else self.inline(node)
            if fallback and "description" not in body:
                body = {"description": fallback, **body}
            self.defs[name] = body
        out: dict[str, Any] = {}
        if description:
            out["description"] = description
        out["$ref"] = f"#/$defs/{name}"
        return out

    def inline(self, node: Node, description: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {}
        if description or node.description:
            out["description"] = description or node.description
        if isinstance(node, Text):
            out["type"] = "string"
            pattern = node.pattern or node.schema_pattern
            if pattern is not None:
                out["pattern"] = pattern.regex
            elif not node.allow_empty:
                out["pattern"] = _NOT_EMPTY
            if node.examples:
                out["examples"] = list(node.examples)
        elif isinstance(node, Choice):
            out["enum"] = list(node.words)
        elif isinstance(node, Boolean):
            out["type"] = "boolean"
        elif isinstance(node, Integer):
            out |= {"type": "integer", "minimum": node.minimum}
            if node.maximum is not None:
                out["maximum"] = node.maximum
        elif isinstance(node, ListOf):
            out |= {"type": "array", "items": self.node(node.item)}
            if node.min_items:
                out["minItems"] = node.min_items
        elif isinstance(node, OneOf):
            out["anyOf"] = [self.node(option) for option in node.options]
        elif isinstance(node, MapOf):
            names = self.node(node.key)
            names.pop("description", None)
            if node.forbidden_keys:
                names["not"] = {"enum": list(node.forbidden_keys)}
            out |= {
                "type": "object",
                "propertyNames": names,
                "additionalProperties": self.node(node.value),
            }
        elif isinstance(node, Semantic):
            out["type"] = node.types[0] if len(node.types) == 1 else list(node.types)
            if node.examples:
                out["examples"] = list(node.examples)
        else:
            out |= self.mapping(node)
        return out

    def field(self, field: Field) -> dict[str, Any]:
        inner = self.node(field.node)
        inner.pop("description", None)
        if field.nullable:
            inner = {"anyOf": [inner, {"type": "null"}]}
        return {"description": field.description, **inner}

    def mapping(self, node: Mapping) -> dict[str, Any]:
        out: dict[str, Any] = {
            "title": node.name.replace("_", " ").capitalize(),
            "description": node.description,
            "type": "object",
        }
        required = [f.name for f in node.fields if f.required and f.only is None]
        if required:
            out["required"] = required
        if node.min_keys:
            out["minProperties"] = node.min_keys
        out["additionalProperties"] = False
        out["properties"] = {f.name: self.field(f) for f in node.fields}
        rules = self.only_rules(node) + _key_rules(node)
        if rules:
            out["allOf"] = rules
        if node.exclusive:
            out["dependentSchemas"] = {
                first: {"not": {"required": [second]}} for first, second in node.exclusive
            }
        if node.requires:
            out["dependentRequired"] = {key: [other] for key, other in node.requires}
        return out

    @staticmethod
    def only_rules(node: Mapping) -> list[dict[str, Any]]:
        """Keys that only go with some values of a sibling: one if/then/else per value set."""
        groups: dict[tuple[str, tuple[str, ...]], list[Field]] = {}
        for f in node.fields:
            if f.only is not None:
                groups.setdefault((f.only.sibling, f.only.values), []).append(f)
        rules = []
        for (sibling, values), fields in groups.items():
            test = {"const": values[0]} if len(values) == 1 else {"enum": list(values)}
            rule: dict[str, Any] = {"if": {"required": [sibling], "properties": {sibling: test}}}
            needed = [f.name for f in fields if f.required]
            if needed:
                rule["then"] = {"required": needed}
            rule["else"] = {"properties": {f.name: {"not": {}} for f in fields}}
            rules.append(rule)
        return rules


def _key_rules(node: Mapping) -> list[dict[str, Any]]:
    """Rules between keys: needed unless another is given, exactly or at least one of some."""
    rules: list[dict[str, Any]] = []
    unless: dict[str, list[str]] = {}
    for f in node.fields:
        if f.needed_unless:
            unless.setdefault(f.needed_unless, []).append(f.name)
    for other, needed in unless.items():
        rules.append({"if": {"not": {"required": [other]}}, "then": {"required": needed}})
    for keys in node.one_of:
        rules.append({"oneOf": [{"required": [key]} for key in keys]})
    for keys in node.any_of:
        rules.append({"anyOf": [{"required": [key]} for key in keys]})
    for key, sibling, word in node.only_if:
        rules.append(
            {
                "if": {"required": [sibling], "properties": {sibling: {"const": word}}},
                "else": {"properties": {key: {"type": "null"}}},
            }
        )
    return rules


def generate(name: str) -> dict[str, Any]:
    """The JSON Schema of one language ("case" or "playbook").

    Raises:
        KeyError: no language of that name.
    """
    schema_id, title, root = _languages()[name]
    gen = _Generator()
    body = gen.mapping(root)
    del body["title"]
    out: dict[str, Any] = {"$schema": DRAFT, "$id": schema_id, "title": title, **body}
    if gen.defs:
        out["$defs"] = gen.defs
    return out


def render(name: str) -> str:
    """The schema file's text: stable key order, two-space indent, a final newline."""
    return json.dumps(generate(name), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """``--write`` regenerates the schemas and the docs' key tables; else exit 1 if one is stale."""

    stale = [n for n in _languages() if shipped_path(n).read_text("utf-8") != render(n)]
    if "--write" in argv:
        for name in stale:
            shipped_path(name).write_text(render(name), "utf-8")
            print(f"wrote {shipped_path(name)}")
        for doc in reference.refresh():
            print(f"wrote {doc}")
        return 0
    for name in stale:
        print(f"{shipped_path(name)} is stale: run python -m followup.language.schemas --write")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
