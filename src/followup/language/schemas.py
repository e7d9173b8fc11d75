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

    return {"case": ("https://followup.dev/schemas/case-1.json", "Follow-up case file", CASE)}


class _Generator:
    """Walks one declaration; named mapping forms go to ``$defs`` once and are referenced."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def node(self, node: Node, description: str = "") -> dict[str, Any]:
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
            if node.name not in self.defs:
                self.defs[node.name] = {}  # reserved first: a form may contain itself
                self.defs[node.name] = self.mapping(node)
            out["$ref"] = f"#/$defs/{node.name}"
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
        out["additionalProperties"] = False
        out["properties"] = {f.name: self.field(f) for f in node.fields}
        rules = self.only_rules(node)
        if rules:
            out["allOf"] = rules
        if node.exclusive:
            out["dependentSchemas"] = {
                first: {"not": {"required": [second]}} for first, second in node.exclusive
            }
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
