"""The docs' key tables, generated from the language declarations between marker comments.

A generated section sits between ``<!-- BEGIN generated: NAME -->`` and
``<!-- END generated: NAME -->``; `refresh` rewrites it, and a test fails when a doc's section
differs from what `section` would write.  ``python -m followup.language.schemas --write``
refreshes the docs with the schemas: the case file's keys (README) and the playbook's top-level
keys (docs/playbook-language.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from followup.language.case_format import CASE
from followup.language.spec import Choice, Field, ListOf, Mapping, OneOf

ROOT = Path(__file__).resolve().parents[3]


def shipped_path(name: str) -> Path:
    """Where the schema of ``name`` ships inside the package."""
    return Path(str(resources.files("followup") / "schemas" / f"{name}.schema.json"))


def _values(field: Field) -> str:
    node = field.node
    if isinstance(node, Choice):
        return " One of " + ", ".join(f"`{w}`" for w in node.words) + "."
    return ""


def _required(field: Field) -> str:
    if not field.required:
        return "no"
    if field.only is not None:
        return f"with {field.only.sibling}: " + " or ".join(field.only.values)
    return "yes"


def table(form: Mapping) -> str:
    """The markdown table of one mapping form's keys, in documented order."""
    lines = ["| key | required | what |", "|---|---|---|"]
    for field in form.fields:
        what = field.description + _values(field)
        lines.append(f"| `{field.name}` | {_required(field)} | {what.replace('|', '/')} |")
    return "\n".join(lines)


def _forms(root: Mapping) -> list[Mapping]:
    """The root form and every named mapping form inside it, in the order first met."""
    found: list[Mapping] = []

    def visit(node: object) -> None:
        if isinstance(node, Mapping):
            if any(node is seen for seen in found):
                return
            found.append(node)
            for f in node.fields:
                visit(f.node)
        elif isinstance(node, ListOf):
            visit(node.item)
        elif isinstance(node, OneOf):
            for option in node.options:
                visit(option)

    visit(root)
    return found


def case_keys() -> str:
    """The case file's keys: one table per part of a case."""

    parts = []
    for form in _forms(CASE):
        title = "A case file" if form is CASE else f"`{form.name}`"
        parts.append(f"{title}: {form.description}\n\n{table(form)}")
    return "\n\n".join(parts)


def _object_keys(schema: dict[str, Any], node: dict[str, Any]) -> str:
    """' Keys: `a` (required), `b`.' for a property that is a mapping with fixed keys."""
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        node = schema["$defs"][ref.removeprefix("#/$defs/")]
    types = node.get("type")
    if not isinstance(node.get("properties"), dict) or "object" not in (types or ()):
        return ""
    needed = node.get("required", [])
    keys = [f"`{k}`" + (" (required)" if k in needed else "") for k in node["properties"]]
    return " Keys: " + ", ".join(keys) + "."


def playbook_top_keys() -> str:
    """The playbook's top-level keys, read from the shipped playbook schema.

    The playbook language is not declared in `followup.language` yet; until it is, its schema
    (held to the loader's keys by tests/validate) is the source of this table.
    """

    schema: dict[str, Any] = json.loads(shipped_path("playbook").read_text("utf-8"))
    always = schema.get("required", [])
    unless_extends = schema.get("then", {}).get("required", [])
    lines = ["| key | required | what |", "|---|---|---|"]
    for key, node in schema["properties"].items():
        need = "yes" if key in always else "unless `extends`" if key in unless_extends else "no"
        what = node["description"] + _object_keys(schema, node)
        lines.append(f"| `{key}` | {need} | {what.replace('|', '/')} |")
    return "\n".join(lines)


SECTIONS: dict[str, tuple[str, Callable[[], str]]] = {
    "case-keys": ("README.md", case_keys),
    "playbook-top-keys": ("docs/playbook-language.md", playbook_top_keys),
}


def _marked(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- BEGIN generated: {name} [^\n]*-->\n)(.*?)(<!-- END generated: {name} -->)", re.S
    )


def section(doc_text: str, name: str) -> str | None:
    """The current text of section ``name`` in a doc, or None if the doc has no such markers."""
    match = _marked(name).search(doc_text)
    return match.group(2) if match else None


def expected(name: str) -> str:
    """What section ``name`` should hold."""
    return SECTIONS[name][1]() + "\n"


def _filler(body: str) -> Callable[[re.Match[str]], str]:
    """A replacement that keeps a section's markers and puts ``body`` between them."""
    return lambda m: m.group(1) + body + "\n" + m.group(3)


def refresh(root: Path = ROOT) -> list[Path]:
    """Rewrite every stale generated section; return the docs changed."""
    changed = []
    for name, (doc, make) in SECTIONS.items():
        path = root / doc
        text = path.read_text("utf-8")
        new = _marked(name).sub(_filler(make()), text)
        if new != text:
            path.write_text(new, "utf-8")
            changed.append(path)
    return changed
