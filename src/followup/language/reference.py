"""The docs' key tables, generated from the language declarations between marker comments.

A generated section sits between ``<!-- BEGIN generated: NAME -->`` and
``<!-- END generated: NAME -->``; `refresh` rewrites it, and a test fails when a doc's section
differs from what `section` would write.  ``python -m followup.language.schemas --write``
refreshes the docs with the schemas: the case file's keys (README) and the keys of each part of
a playbook (docs/playbook-language.md), and every key of the commands' JSON output
(docs/json.md, from the output schema's descriptions).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from followup.language.case_format import CASE
from followup.language.output_keys import key_table
from followup.language.playbook_format import NEEDED_UNLESS_EXTENDS, PARTS, PLAYBOOK
from followup.language.playbook_shapes import FACT_TEXT
from followup.language.spec import Choice, Field, ListOf, MapOf, Mapping, OneOf
from followup.model.vocabulary import FACTS

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


def forms(root: Mapping) -> list[Mapping]:
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
        elif isinstance(node, MapOf):
            visit(node.value)

    visit(root)
    return found


def case_keys() -> str:
    """The case file's keys: one table per part of a case."""

    parts = []
    for form in forms(CASE):
        title = "A case file" if form is CASE else f"`{form.name}`"
        parts.append(f"{title}: {form.description}\n\n{table(form)}")
    return "\n\n".join(parts)


def _keys_of(field: Field) -> str:
    """' Keys: `a` (required), `b`.' for a key whose value is a mapping with fixed keys."""
    node = field.node
    if not isinstance(node, Mapping):
        return ""
    keys = [f"`{f.name}`" + (" (required)" if f.required else "") for f in node.fields]
    return " Keys: " + ", ".join(keys) + "."


def playbook_top_keys() -> str:
    """The playbook's top-level keys (title and source are needed unless it extends another)."""
    lines = ["| key | required | what |", "|---|---|---|"]
    for field in PLAYBOOK.fields:
        need = "unless `extends`" if field.name in NEEDED_UNLESS_EXTENDS else _required(field)
        what = field.description + _keys_of(field)
        lines.append(f"| `{field.name}` | {need} | {what.replace('|', '/')} |")
    return "\n".join(lines)


def playbook_facts() -> str:
    """The facts a condition can test: their values and what each means."""
    lines = ["| fact | values | what |", "|---|---|---|"]
    for name, values in FACTS.items():
        if values == "bool":
            shown = "true, false"
        elif values == "int":
            shown = "a count"
        else:
            shown = ", ".join(f"`{v}`" for v in values)
        lines.append(f"| `{name}` | {shown} | {FACT_TEXT[name]} |")
    return "\n".join(lines)


def _playbook_part(name: str) -> Callable[[], str]:
    """The key table of one part of a playbook (a transition, an action...)."""

    def make() -> str:
        form = PARTS[name]
        return f"{form.description}\n\n{table(form)}"

    return make


def json_keys() -> str:
    """docs/json.md's table of every key of every command's JSON output, from the schema."""
    return key_table(json.loads(shipped_path("output").read_text("utf-8")))


_PLAYBOOK_DOC = "docs/playbook-language.md"
SECTIONS: dict[str, tuple[str, Callable[[], str]]] = {
    "case-keys": ("README.md", case_keys),
    "playbook-top-keys": (_PLAYBOOK_DOC, playbook_top_keys),
    "playbook-source-keys": (_PLAYBOOK_DOC, _playbook_part("source")),
    "playbook-kind-keys": (_PLAYBOOK_DOC, _playbook_part("kind")),
    "playbook-limits-keys": (_PLAYBOOK_DOC, _playbook_part("limits")),
    "playbook-facts": (_PLAYBOOK_DOC, playbook_facts),
    "playbook-closes-keys": (_PLAYBOOK_DOC, _playbook_part("closes")),
    "playbook-opt-out-keys": (_PLAYBOOK_DOC, _playbook_part("opt_out")),
    "playbook-transition-keys": (_PLAYBOOK_DOC, _playbook_part("transition")),
    "playbook-action-keys": (_PLAYBOOK_DOC, _playbook_part("action")),
    "playbook-repeat-keys": (_PLAYBOOK_DOC, _playbook_part("repeat")),
    "playbook-channel-option-keys": (_PLAYBOOK_DOC, _playbook_part("channel_option")),
    "playbook-avoid-keys": (_PLAYBOOK_DOC, _playbook_part("avoid")),
    "playbook-template-keys": (_PLAYBOOK_DOC, _playbook_part("template")),
    "json-keys": ("docs/json.md", json_keys),
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
            if path not in changed:  # one doc may hold several sections
                changed.append(path)
    return changed
