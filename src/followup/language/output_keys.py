"""The keys of every command's JSON output and what each means, read from the output schema.

``src/followup/schemas/output.schema.json`` describes each command's ``--json`` output
(``#/$defs/output_COMMAND``), and each key's meaning is written there once: in the key's own
``description``, or in the shared term it refers to (``$ref``), such as ``state`` or ``seq``.
docs/json.md's key table is generated from it (`key_table`), so a key is described in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

OUTPUT_PREFIX = "output_"
Schema = dict[str, Any]


def resolve(schema: Schema, pointer: str) -> Schema:
    """The part of ``schema`` a local ``$ref`` (``#/$defs/...``) points to.

    Raises:
        KeyError: the pointer names nothing in the schema.
    """
    node: Any = schema
    for part in pointer.removeprefix("#/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    assert isinstance(node, dict)
    return node


def meaning(schema: Schema, node: Schema) -> str | None:
    """What a key means: its own description, else that of the term it refers to."""
    seen: set[str] = set()
    while "description" not in node and "$ref" in node and node["$ref"] not in seen:
        seen.add(node["$ref"])
        node = resolve(schema, node["$ref"])
    description = node.get("description")
    return description if isinstance(description, str) else None


def keys(
    schema: Schema, node: Any, seen: frozenset[str] = frozenset()
) -> Iterator[tuple[str, Schema]]:
    """Every key an output of shape ``node`` may hold, at any depth, with its own schema."""
    if isinstance(node, list):
        for item in node:
            yield from keys(schema, item, seen)
        return
    if not isinstance(node, dict):
        return
    for name, sub in node.get("properties", {}).items():
        yield name, sub
    for word, sub in node.items():
        if word == "$ref":
            if sub not in seen:
                yield from keys(schema, resolve(schema, sub), seen | {sub})
        elif word == "properties":
            for prop in sub.values():
                yield from keys(schema, prop, seen)
        elif word not in ("description", "enum", "const", "required", "type", "pattern"):
            yield from keys(schema, sub, seen)


def commands_by_key(schema: Schema) -> dict[tuple[str, str | None], list[str]]:
    """Each key and meaning, with the commands whose output holds it (in the schema's order)."""
    found: dict[tuple[str, str | None], list[str]] = {}
    for name, node in schema["$defs"].items():
        if not name.startswith(OUTPUT_PREFIX):
            continue
        command = name.removeprefix(OUTPUT_PREFIX)
        for key, sub in keys(schema, node):
            where = found.setdefault((key, meaning(schema, sub)), [])
            if command not in where:
                where.append(command)
    return found


def key_table(schema: Schema) -> str:
    """docs/json.md's table: every key of every output, what it means, and which commands."""
    lines = ["| key | means | in |", "|---|---|---|"]
    for (key, means), commands in sorted(commands_by_key(schema).items(), key=_row_order):
        where = ", ".join(f"`{c}`" for c in commands)
        text = (means or "").replace("|", "\\|")
        lines.append(f"| `{key}` | {text} | {where} |")
    return "\n".join(lines)


def _row_order(row: tuple[tuple[str, str | None], list[str]]) -> tuple[str, str]:
    (key, _), commands = row
    return key, commands[0]
