"""Compile a language declaration into a located decoder: plain data in, a model or problems out.

Each node becomes one closure, once (`compile_node`), so decoding a well-formed file costs a
few type checks per value: the same decoder serves a single file and a batch of 100,000 cases.
A decoder never stops at the first problem: it files an `Issue` (path, words, kind) and goes on
with the siblings, so a user sees every problem in one run.  A value with a problem decodes to
`BAD`, and nothing built from it is checked again, so one mistake gives one problem.
"""

from collections.abc import Callable
from typing import Any, Final, NamedTuple

from followup.errors import Problem, type_name, unknown_word
from followup.io.yaml_reader import Document, Path_
from followup.language.spec import (
    Boolean,
    Choice,
    Integer,
    ListOf,
    MapOf,
    Mapping,
    Node,
    OneOf,
    Refusal,
    Semantic,
    Text,
)

BAD: Final = object()  # the decoded value of anything with a problem


class Issue(NamedTuple):
    """One problem found while decoding, not yet located in a file."""

    path: Path_
    message: str
    expected: str
    kind: str
    key: bool = False


Sink = list[Issue]
# Where a value sits, built for free as decoding descends: () for the root, else the pair
# (where its parent sits, its key).  Only a problem turns it into a flat path (`at`).
Where = tuple[Any, ...]
# decoder(value, where its parent sits, its key, sink); a root value has the key None.
Decoder = Callable[[object, Where, "str | int | None", Sink], Any]


def at(where: Where, key: str | int | None = None) -> Path_:
    """The flat path of the value under ``key`` of the value ``where`` points to."""
    parts: list[str | int] = [] if key is None else [key]
    while where:
        where, part = where
        parts.append(part)
    return tuple(reversed(parts))


def below(where: Where, key: str | int | None) -> Where:
    """Where the value under ``key`` of the value at ``where`` sits."""
    return where if key is None else (where, key)


def located(doc: Document, issues: list[Issue]) -> list[Problem]:
    """The issues as problems located in ``doc``."""
    return [doc.problem(i.path, i.message, i.expected, key=i.key, kind=i.kind) for i in issues]


def shown(value: object) -> str:
    """A value as the user wrote it, briefly: text quoted, anything else named."""
    if isinstance(value, str):
        return f"'{value if len(value) <= 40 else value[:37] + '...'}'"
    return type_name(value)


def expected_of(node: Node) -> str:
    """What a value of this form looks like, in words."""
    if isinstance(node, Text):
        return (
            node.pattern.expected if node.pattern else ("text" if node.allow_empty else "some text")
        )
    if isinstance(node, Choice):
        return "one of " + ", ".join(node.words)
    if isinstance(node, Boolean):
        return "true or false"
    if isinstance(node, Integer):
        return node.expected
    if isinstance(node, ListOf):
        return "a list"
    if isinstance(node, OneOf):
        return node.expected or " or ".join(_short_expected(o) for o in node.options)
    if isinstance(node, Semantic):
        return node.expected
    return "a mapping"


def _short_expected(node: Node) -> str:
    return "text" if isinstance(node, Text) else expected_of(node)


def compile_node(node: Node, what: str) -> Decoder:
    """The decoder of ``node``; ``what`` names its value in messages unless the node does."""
    what = node.what or what
    if isinstance(node, Text):
        return _text(node, what)
    if isinstance(node, Choice):
        return _choice(node, what)
    if isinstance(node, Boolean):
        return _boolean(what)
    if isinstance(node, Integer):
        return _integer(node, what)
    if isinstance(node, ListOf):
        return _list(node, what)
    if isinstance(node, OneOf):
        return _one_of(node, what)
    if isinstance(node, MapOf):
        return _map_of(node, what)
    if isinstance(node, Semantic):
        return _semantic(node, what)
    return compile_mapping(node, what)


def _wrong_type(path: Path_, value: object, what: str, expected: str, out: Sink) -> object:
    out.append(Issue(path, f"{what} is {type_name(value)}", expected, "wrong-type"))
    return BAD


def _text(node: Text, what: str) -> Decoder:
    allow_empty, parse, kind = node.allow_empty, node.parse, node.kind
    pattern = node.pattern
    match = pattern.compiled.search if pattern else None
    expected = expected_of(node)

    memo: dict[str, object] = {}  # text -> decoded value, for the values a batch repeats

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) is not str:
            return _wrong_type(at(path, key), value, what, expected, out)
        found = memo.get(value, memo)
        if found is not memo:
            return found
        if match is not None and not match(value):
            assert pattern is not None
            message = pattern.message.replace("{what}", what).replace("{shown}", shown(value))
            out.append(Issue(at(path, key), message, pattern.expected, kind))
            return BAD
        if not allow_empty and not value.strip():
            out.append(Issue(at(path, key), f"{what} is empty", "some text", "empty-text"))
            return BAD
        try:
            decoded = value if parse is None else parse(value)
        except Refusal as refusal:
            message = refusal.message.replace("{what}", what).replace("{shown}", shown(value))
            out.append(Issue(at(path, key), message, refusal.expected, kind))
            return BAD
        if len(memo) < 4096:
            memo[value] = decoded
        return decoded

    if parse is not None:
        _MEMOS[decode] = memo  # other text is checked in place (see `MappingDecoder.compiled`)
    return decode


_MEMOS: dict[Decoder, dict[str, object]] = {}


def memo_of(decoder: Decoder) -> dict[str, object] | None:
    """The table of texts a text decoder has already accepted, with their decoded values."""
    return _MEMOS.get(decoder)


def _choice(node: Choice, what: str) -> Decoder:
    words, allowed, kind = node.words, frozenset(node.words), node.kind
    expected = expected_of(node)

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) is str and value in allowed:
            return value
        message = unknown_word(what, value, words, shown(value))
        out.append(Issue(at(path, key), message, expected, kind))
        return BAD

    return decode


def _boolean(what: str) -> Decoder:
    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) is bool:
            return value
        out.append(Issue(at(path, key), f"{what} is {shown(value)}", "true or false", "wrong-type"))
        return BAD

    return decode


def _integer(node: Integer, what: str) -> Decoder:
    minimum, maximum, expected = node.minimum, node.maximum, expected_of(node)

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) is not int:
            return _wrong_type(at(path, key), value, what, expected, out)
        if value < minimum:
            out.append(Issue(at(path, key), f"{what} is {value}", expected, "too-small"))
            return BAD
        if maximum is not None and value > maximum:
            out.append(Issue(at(path, key), f"{what} is {value}", expected, "too-large"))
            return BAD
        return value

    return decode


def _list(node: ListOf, what: str) -> Decoder:
    item = compile_node(node.item, node.item.what or f"item of {what}")
    min_items = node.min_items

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) is not list:
            return _wrong_type(at(path, key), value, what, "a list", out)
        if len(value) < min_items:
            out.append(
                Issue(at(path, key), f"{what} is an empty list", "at least one item", "empty-list")
            )
            return BAD
        here = below(path, key)
        filed = len(out)  # a refused item always files an issue
        result = [item(x, here, i, out) for i, x in enumerate(value)]
        return BAD if len(out) != filed else result

    return decode


def _map_of(node: MapOf, what: str) -> Decoder:
    name = compile_node(node.key, f"a name in {what}")
    item = compile_node(node.value, node.value.what or f"a value in {what}")
    forbidden, refused = frozenset(node.forbidden_keys), node.forbidden_message

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) is not dict:
            return _wrong_type(at(path, key), value, what, "a mapping", out)
        here = below(path, key)
        filed = len(out)
        result = {}
        for k, v in value.items():
            start = len(out)
            name(k, here, k, out)
            if k in forbidden:
                out.append(Issue(at(here, k), refused.format(k), "a new name", "bad-value"))
            out[start:] = [i._replace(key=True) for i in out[start:]]  # the name is the key
            result[k] = item(v, here, k, out)
        return BAD if len(out) != filed else result

    return decode


_SEMANTIC_TYPES: Final = {
    "string": (str,),
    "object": (dict,),
    "array": (list,),
    "integer": (int,),
    "null": (type(None),),
}


def _semantic(node: Semantic, what: str) -> Decoder:
    accepted = tuple(t for name in node.types for t in _SEMANTIC_TYPES[name])
    expected = node.expected

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        if type(value) in accepted:
            return value  # its meaning is read by the semantic pass
        return _wrong_type(at(path, key), value, what, expected, out)

    return decode


_JSON_TYPES: Final[dict[type, tuple[type, ...]]] = {
    Text: (str,),
    Choice: (str,),
    Boolean: (bool,),
    Integer: (int,),
    ListOf: (list,),
    Mapping: (dict,),
    MapOf: (dict,),
}


def _one_of(node: OneOf, what: str) -> Decoder:
    by_type: dict[type, Decoder] = {}
    for option in node.options:
        assert not isinstance(option, OneOf), "a OneOf of OneOfs: flatten it"
        types = (
            tuple(t for n in option.types for t in _SEMANTIC_TYPES[n])
            if isinstance(option, Semantic)
            else _JSON_TYPES[type(option)]
        )
        for kind in types:
            by_type.setdefault(kind, compile_node(option, what))
    expected = expected_of(node)

    def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
        chosen = by_type.get(type(value))
        if chosen is None:
            return _wrong_type(at(path, key), value, what, expected, out)
        return chosen(value, path, key, out)

    return decode


def compile_mapping(node: Mapping, what: str = "") -> Decoder:
    """The decoder of a mapping form (see `compile_node`)."""
    # lazy: mappings.py builds on this module; the two are one recursive decoder, split for size
    from followup.language.mappings import MappingDecoder

    return MappingDecoder(node, node.what or what).compiled()
