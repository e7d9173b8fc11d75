"""The document as the formatter sees it: values, where each entry was written, its comments.

Built by `followup.formatting.source` from a file that already loaded, reordered and written out
by `followup.formatting.layout`.  Values come from the safe reader, so they mean exactly what the
loader saw; positions and comments come from the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ScalarValue = str | int | float | bool | None


@dataclass(slots=True, eq=False)
class Scalar:
    """A leaf value, as the safe reader resolved it (YAML 1.2 core schema)."""

    value: ScalarValue


@dataclass(slots=True, eq=False)
class Collection:
    """A mapping (entries have keys) or a list.

    Attributes:
        mapping: True for a mapping.
        slots: The entries or items, in the order they will be written.
        parent: The slot holding this collection; None for the document itself.
        child_col: 0-based column where the children started in the source (-1: unknown).
        trailer: Full-line comments written after the last child, at the children's indentation.
    """

    mapping: bool
    parent: Slot | None = None
    slots: list[Slot] = field(default_factory=list)
    child_col: int = -1
    trailer: list[str] = field(default_factory=list)


Node = Scalar | Collection


@dataclass(slots=True, eq=False)
class Slot:
    """One mapping entry or list item, with the comments that belong to it.

    Attributes:
        key: The entry's key; None for a list item.
        value: What the entry or item holds.
        parent: The collection the slot is in.
        line: 0-based line where the slot starts in the source (its key, or its ``-``); -1 for
            slots copied from an alias, which have no place of their own.
        col: 0-based column of that start.
        end_line: Last line of a one-line value (a scalar or a flow collection); -1 when the
            value is a block collection or a block scalar.
        before: Full-line comments written just above the slot.
        eol: The comment at the end of the slot's line, then any comment lines continuing it.
    """

    key: str | None
    value: Node
    parent: Collection
    line: int = -1
    col: int = -1
    end_line: int = -1
    before: list[str] = field(default_factory=list)
    eol: list[str] = field(default_factory=list)


def has_comments(node: Node) -> bool:
    """Whether any comment belongs to something inside ``node`` (not to ``node`` itself)."""
    if isinstance(node, Scalar):
        return False
    if node.trailer:
        return True
    return any(slot.before or slot.eol or has_comments(slot.value) for slot in node.slots)
