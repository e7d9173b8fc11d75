"""Source text + the safe reader's Document -> a tree of slots, each with its own comments.

Values are taken from the Document (YAML 1.2 core, exactly what the loader saw); only positions
come from PyYAML's composed nodes and tokens.  PyYAML types ``Node.value`` as ``Any`` (a list of
nodes, of node pairs, or a string, depending on the node class); this module is the only place
that reads it, right after an ``isinstance`` check on the node, so the rest of the formatter is
fully typed.

Which slot a comment belongs to:

* a comment at the end of a line belongs to the outermost entry that starts and ends on that
  line (``when: {a: 1}  # x`` -> ``when``), else to the innermost one starting on it
  (``- id: a  # x`` -> ``id``; ``when:  # x`` -> ``when``); a full-line comment directly below
  it, with its ``#`` in the same column, continues it;
* a full-line comment belongs to the next entry, unless it is indented deeper than that entry:
  then it closes the innermost block above it indented no deeper than the comment (a
  commented-out key at the end of a rule stays at the end of that rule);
* comments before the first key are the file's header and stay at the top.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import yaml

from followup.errors import EngineError
from followup.formatting.comments import LOADER, Comment, find_comments, scan
from followup.formatting.tree import Collection, Node, Scalar, ScalarValue, Slot
from followup.io.yaml_reader import Document


@dataclass(slots=True)
class Parsed:
    """A document ready for layout: its tree and its header comment lines ('' = blank line)."""

    root: Collection
    header: list[str] = field(default_factory=list)


def parse(text: str, doc: Document) -> Parsed:
    """Build the slot tree of ``text`` (already read into ``doc``) and attach every comment.

    Raises:
        EngineError: the text and the Document disagree (a bug: both read the same text).
    """
    tokens = scan(text)
    composed = yaml.compose(text, Loader=LOADER)
    dashes = sorted(
        (t.start_mark.line, t.start_mark.column)
        for t in tokens
        if isinstance(t, yaml.BlockEntryToken)
    )
    builder = _Builder(dashes, doc.file)
    root = builder.node(composed, doc.data, None)
    if not isinstance(root, Collection):
        raise EngineError(f"fmt: {doc.file}: the document is not a mapping")
    parsed = Parsed(root)
    _attach(find_comments(text, tokens), builder.slots, parsed)
    return parsed


class _Builder:
    def __init__(self, dashes: list[tuple[int, int]], file: str) -> None:
        self.dashes = dashes
        self.file = file
        self.slots: list[Slot] = []  # every positioned slot, in document order
        self.seen: set[int] = set()

    def node(self, composed: yaml.Node | None, data: object, parent: Slot | None) -> Node:
        if composed is None or id(composed) in self.seen:
            # An alias: the anchored node already has the comments; the copy has no place.
            return from_data(data, parent)
        self.seen.add(id(composed))
        if isinstance(composed, yaml.MappingNode) and isinstance(data, dict):
            pairs: list[tuple[yaml.Node, yaml.Node]] = composed.value
            mapping = Collection(True, parent)
            self._check(len(pairs) == len(data))
            for (key_node, value_node), (key, value) in zip(pairs, data.items(), strict=True):
                start = key_node.start_mark
                self._add(mapping, key, value, value_node, (start.line, start.column))
            return mapping
        if isinstance(composed, yaml.SequenceNode) and isinstance(data, list):
            items: list[yaml.Node] = composed.value
            sequence = Collection(False, parent)
            self._check(len(items) == len(data))
            for item_node, value in zip(items, data, strict=True):
                start = (item_node.start_mark.line, item_node.start_mark.column)
                if not composed.flow_style:
                    # A block item starts at its dash: the last one before the item's value.
                    start = self.dashes[bisect.bisect_right(self.dashes, start) - 1]
                self._add(sequence, None, value, item_node, start)
            return sequence
        self._check(isinstance(composed, yaml.ScalarNode) and not isinstance(data, dict | list))
        return Scalar(_scalar(data))

    def _add(
        self,
        parent: Collection,
        key: str | None,
        value: object,
        composed: yaml.Node,
        start: tuple[int, int],
    ) -> None:
        slot = Slot(key, Scalar(None), parent, start[0], start[1], _end_line(composed))
        if not parent.slots:
            parent.child_col = start[1]
        parent.slots.append(slot)
        self.slots.append(slot)
        slot.value = self.node(composed, value, slot)

    def _check(self, agrees: bool) -> None:
        if not agrees:
            raise EngineError(f"fmt: {self.file}: the YAML parsers disagree about this file")


def from_data(data: object, parent: Slot | None) -> Node:
    """A tree without positions or comments, for a value copied from an alias."""
    if isinstance(data, dict):
        mapping = Collection(True, parent)
        for key, value in data.items():
            slot = Slot(str(key), Scalar(None), mapping)
            slot.value = from_data(value, slot)
            mapping.slots.append(slot)
        return mapping
    if isinstance(data, list):
        sequence = Collection(False, parent)
        for value in data:
            slot = Slot(None, Scalar(None), sequence)
            slot.value = from_data(value, slot)
            sequence.slots.append(slot)
        return sequence
    return Scalar(_scalar(data))


def _scalar(data: object) -> ScalarValue:
    if data is None or isinstance(data, str | int | float | bool):
        return data
    raise EngineError(f"fmt: unexpected value of type {type(data).__name__}")


def _end_line(composed: yaml.Node) -> int:
    """Last line of a one-line-able value; -1 for block collections and block scalars."""
    if isinstance(composed, yaml.ScalarNode):
        return -1 if composed.style in ("|", ">") else composed.end_mark.line
    if isinstance(composed, yaml.CollectionNode) and composed.flow_style:
        return int(composed.end_mark.line)
    return -1


def _attach(comments: list[Comment], slots: list[Slot], parsed: Parsed) -> None:
    """Give every comment to the slot (or block, or header) it belongs to."""
    starts = [(slot.line, slot.col) for slot in slots]
    on_line: dict[int, list[Slot]] = {}
    for slot in slots:
        on_line.setdefault(slot.line, []).append(slot)
    eol_at: dict[int, tuple[Slot, int]] = {}  # line -> (slot, column) of an end-of-line comment
    for comment in comments:
        after = bisect.bisect_left(starts, (comment.line + 1, -1))  # first slot below the line
        if comment.own_line:
            above = eol_at.get(comment.line - 1)
            if above is not None and above[1] == comment.col:
                above[0].eol.append(comment.text)
                eol_at[comment.line] = above
            elif not slots or (after == 0):
                _header(parsed, comment)
            else:
                _own_line(comment, slots[after - 1], slots[after] if after < len(slots) else None)
            continue
        here = on_line.get(comment.line, [])
        ending = [slot for slot in here if slot.end_line == comment.line]
        if ending:
            owner = ending[0]
        elif here:
            owner = here[-1]
        elif after > 0:
            owner = slots[after - 1]
        else:
            _header(parsed, comment)
            continue
        owner.eol.append(comment.text)
        eol_at[comment.line] = (owner, comment.col)


def _header(parsed: Parsed, comment: Comment) -> None:
    if comment.blank_before and parsed.header:
        parsed.header.append("")
    parsed.header.append(comment.text)


def _own_line(comment: Comment, previous: Slot, following: Slot | None) -> None:
    if following is not None and comment.col <= following.col:
        following.before.append(comment.text)
        return
    block = previous.parent
    while block.child_col > comment.col and block.parent is not None:
        block = block.parent.parent
    if following is not None and _inside(following, block):
        following.before.append(comment.text)
    else:
        block.trailer.append(comment.text)


def _inside(slot: Slot, block: Collection) -> bool:
    collection: Collection | None = slot.parent
    while collection is not None:
        if collection is block:
            return True
        collection = collection.parent.parent if collection.parent is not None else None
    return False
