"""The canonical layout: key order, block or flow style, indentation, blank lines, comments.

See `followup.formatting` for the rules in words.  Only the order of keys whose order means
nothing is changed: parameters, kinds, templates, guards and every list keep the author's order
(the model keeps them in that order).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Final

from followup.formatting.scalars import LINE_WIDTH, block_scalar, inline
from followup.formatting.source import Parsed
from followup.formatting.tree import Collection, Slot, has_comments
from followup.io.yaml_reader import Path_
from followup.language.playbook_loader import (
    ACTION_KEYS,
    AVOID_KEYS,
    REPEAT_KEYS,
    SOURCE_KEYS,
    TOP_KEYS,
    TRANSITION_KEYS,
)
from followup.language.playbook_parts import (
    CLOSES_KEYS,
    KIND_KEYS,
    LIMIT_KEYS,
    OPT_OUT_KEYS,
    TEMPLATE_KEYS,
)

INDENT: Final = 2
HEADER_KEYS: Final = ("id", "title", "summary", "source")  # no blank lines between these
RULE_KEYS: Final = {"transitions": TRANSITION_KEYS, "actions": ACTION_KEYS, "avoid": AVOID_KEYS}
CHANNEL_OPTION_KEYS: Final = ("use", "when")  # the loader's keys of one channel option


def render(parsed: Parsed) -> str:
    """The canonical text of a parsed playbook (LF line ends, one final newline).

    ``parsed`` is reordered in place on the way.
    """
    reorder(parsed.root, ())
    writer = _Writer()
    writer.lines.extend(_Line(text) for text in parsed.header)
    writer.block(parsed.root, (), 0)
    return "\n".join(line.text(writer.columns) for line in writer.lines) + "\n"


def key_order(path: Path_) -> tuple[str, ...] | None:
    """The order of the keys of the mapping at ``path``; None to keep the author's."""
    match path:
        case ():
            return TOP_KEYS
        case ("source",):
            return SOURCE_KEYS
        case ("limits",):
            return LIMIT_KEYS
        case ("closes",):
            return CLOSES_KEYS
        case ("opt_out", int()):
            return OPT_OUT_KEYS
        case ("kinds", str()):
            return KIND_KEYS
        case ("templates", str()):
            return TEMPLATE_KEYS
        case (str() as section, int()) if section in RULE_KEYS:
            return RULE_KEYS[section]
        case ("actions", int(), "repeat"):
            return REPEAT_KEYS
        case ("actions", int(), "channel") | ("actions", int(), "channel", int()):
            return CHANNEL_OPTION_KEYS
    return None


def always_block(path: Path_) -> bool:
    """The playbook, its sections, each rule, kind and template: never flow style."""
    if len(path) <= 1:
        return True
    return len(path) == 2 and path[0] in ("kinds", "templates", *RULE_KEYS)


def reorder(collection: Collection, path: Path_) -> None:
    """Put every mapping whose key order is fixed into that order (stable for other keys)."""
    order = key_order(path) if collection.mapping else None
    if order is not None:
        rank = {key: index for index, key in enumerate(order)}
        collection.slots.sort(key=lambda slot: rank.get(slot.key or "", len(order)))
    for index, slot in enumerate(collection.slots):
        if isinstance(slot.value, Collection):
            reorder(slot.value, (*path, _step(slot, index)))


def flow_text(collection: Collection) -> str:
    """``collection`` in flow style on one line: ``{a: 1, b: [x, y]}``."""
    parts: list[str] = []
    for slot in collection.slots:
        value = slot.value
        text = flow_text(value) if isinstance(value, Collection) else inline(value.value, flow=True)
        if collection.mapping:
            text = f"{inline(slot.key, flow=True, key=True)}: {text}"
        parts.append(text)
    inner = ", ".join(parts)
    return "{" + inner + "}" if collection.mapping else "[" + inner + "]"


def _step(slot: Slot, index: int) -> str | int:
    return slot.key if slot.key is not None else index


@dataclass(slots=True)
class _Line:
    """One output line: code and maybe a comment, or a whole-line comment (``full``)."""

    code: str
    comment: str | None = None
    run: int = -1  # end-of-line comments of one run share a column
    continuation: bool = False  # a comment line continuing the end-of-line comment above
    full: bool = False  # the whole line is a comment, kept in ``code``

    def text(self, columns: dict[int, int]) -> str:
        if self.comment is None:
            return self.code
        column = columns[self.run]
        if self.continuation:
            return " " * column + self.comment
        return self.code.ljust(column) + self.comment


class _Writer:
    """Writes slots as lines; each method appends to ``lines``."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self.columns: dict[int, int] = {}  # run -> column of its end-of-line comments
        self._runs = itertools.count()

    def block(self, collection: Collection, path: Path_, indent: int) -> None:
        """A block mapping or list: each slot at ``indent``, then the trailing comments.

        The end-of-line comments of consecutive one-line slots are aligned, two spaces after
        the longest line among them that has a comment.
        """
        run: int | None = None
        for index, slot in enumerate(collection.slots):
            step = _step(slot, index)
            if not path and slot.key not in HEADER_KEYS and self.lines:
                self.lines.append(_Line(""))
                run = None
            if slot.before:
                self.comments(slot.before, indent)
                run = None
            start = len(self.lines)
            if collection.mapping:
                one_line = self.entry(slot, (*path, step), indent)
            else:
                one_line = self.item(slot, (*path, step), indent)
            if not one_line:
                run = None
                continue
            own = self.lines[start].run
            if run is None:
                run = own
            elif own in self.columns:
                self.columns[run] = max(self.columns.get(run, 0), self.columns.pop(own))
            for line in self.lines[start:]:
                line.run = run
        self.comments(collection.trailer, indent)

    def comments(self, texts: list[str], indent: int) -> None:
        self.lines.extend(_Line(" " * indent + text, full=True) for text in texts)

    def entry(self, slot: Slot, path: Path_, indent: int) -> bool:
        """A mapping entry; True when it took one line (its comment may align with others)."""
        head = " " * indent + inline(slot.key, flow=False, key=True) + ":"
        return self.value(slot, path, head, indent + INDENT, indent)

    def item(self, slot: Slot, path: Path_, indent: int) -> bool:
        """A list item; True when it took one line."""
        head = " " * indent + "-"
        value = slot.value
        if isinstance(value, Collection) and self.flow(value, path, len(head)) is None:
            # Compact form: the first entry shares the dash's line, so the item's own comment
            # and any comment lines before that first entry go above the dash.
            self.comments(slot.eol, indent)
            start = len(self.lines)
            self.block(value, path, indent + INDENT)
            first = start
            while self.lines[first].full:
                self.lines[first].code = " " * indent + self.lines[first].code.lstrip(" ")
                first += 1
            line = self.lines[first]
            line.code = head + " " + line.code[indent + INDENT :]
            return False
        return self.value(slot, path, head, indent + INDENT, indent)

    def value(self, slot: Slot, path: Path_, head: str, inner: int, indent: int) -> bool:
        """What follows ``head`` (``key:`` or ``-``): inline, block scalar or block collection."""
        value = slot.value
        if isinstance(value, Collection):
            text = self.flow(value, path, len(head))
            if text is not None:
                self.one_line(f"{head} {text}", slot.eol)
                return True
            self.one_line(head, slot.eol)
            self.block(value, path, inner)
            return False
        scalar = value.value
        lines = block_scalar(scalar, head, inner) if isinstance(scalar, str) else None
        if lines is None:
            self.one_line(f"{head} {inline(scalar, flow=False)}", slot.eol)
            return True
        # Lines below a block scalar's header are its content, so continuation comments go above.
        self.comments(slot.eol[1:], indent)
        self.one_line(lines[0], slot.eol[:1])
        self.lines.extend(_Line(line) for line in lines[1:])
        return False

    def one_line(self, code: str, eol: list[str]) -> None:
        """A line of code with its end-of-line comment and the comment lines continuing it."""
        run = next(self._runs)
        if eol:
            self.columns[run] = len(code) + 2
        self.lines.append(_Line(code, eol[0] if eol else None, run))
        self.lines.extend(_Line("", text, run, continuation=True) for text in eol[1:])

    def flow(self, collection: Collection, path: Path_, head_width: int) -> str | None:
        """The flow form of ``collection`` after a head this wide, or None for block style."""
        if not collection.slots:
            return "{}" if collection.mapping else "[]"
        if always_block(path) or has_comments(collection):
            return None
        text = flow_text(collection)
        return text if head_width + 1 + len(text) <= LINE_WIDTH else None
