"""The decoder of one mapping form: its keys, the keys it needs, and keys that go together.

The common case (only known keys, every needed key, nothing that clashes) is found with a few
set operations; only a mapping with something wrong takes the slow walk that explains it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from followup.errors import meant_key, type_name
from followup.io.yaml_reader import Path_
from followup.language.decode import BAD, Decoder, Issue, Sink, Where, at, compile_node, memo_of
from followup.language.spec import Choice, Mapping, Text

_MISS: Any = object()


def _any(text: str) -> bool:
    return True


_ANY: Callable[[str], object] = _any


def _plain_test(node: object) -> Callable[[str], object] | None:
    """For text kept as written: the test it must pass (`_ANY` for none); else None."""
    if not isinstance(node, Text) or node.parse is not None:
        return None
    if node.pattern is None:
        return _ANY if node.allow_empty else str.strip  # blank text strips to ""
    return node.pattern.compiled.search if node.allow_empty else None


class MappingDecoder:
    """Decodes one mapping form; built once per form by `compile_mapping`."""

    def __init__(self, node: Mapping, what: str) -> None:
        self.node = node
        self.what = what
        fields = node.fields
        self.order = node.keys()
        self.allowed = frozenset(self.order)
        self.decoders: dict[str, Decoder] = {f.name: compile_node(f.node, f.name) for f in fields}
        self.defaults: dict[str, Any] = {f.name: f.default for f in fields}
        self.required = frozenset(f.name for f in fields if f.required and f.only is None)
        self.nullable = frozenset(f.name for f in fields if f.nullable)
        self.exclusive = node.exclusive
        self.build = node.build
        # Keys that only go with some values of one sibling key (the event's ``type``):
        # for each value, the keys allowed and the keys needed, so one subset test checks both.
        siblings = {f.only.sibling for f in fields if f.only}
        assert len(siblings) <= 1, "keys may depend on one sibling key only"
        self.sibling = siblings.pop() if siblings else ""
        self.allowed_when: dict[str, frozenset[str]] = {}
        self.required_when: dict[str, frozenset[str]] = {}
        if self.sibling:
            words = next(f.node for f in fields if f.name == self.sibling)
            assert isinstance(words, Choice), "the sibling key must be a choice"
            for word in words.words:
                self.allowed_when[word] = frozenset(
                    f.name for f in fields if f.only is None or word in f.only.values
                )
                self.required_when[word] = self.required | frozenset(
                    f.name for f in fields if f.required and f.only and word in f.only.values
                )

    def compiled(self) -> Decoder:
        """The decode function, with everything it reads bound to locals (it runs per value).

        The decoded fields are a list in declared order (list slots cost less than dict keys
        on a path that runs a million times a batch); ``build`` gets that list.
        """
        what, explain, build, fields = self.what, self.explain, self.build, self.node.fields
        allowed_keys, required, exclusive = self.allowed, self.required, self.exclusive
        sibling, allowed_when, required_when = self.sibling, self.allowed_when, self.required_when
        nullable, construct, index_at = self.nullable, self.node.construct, self.node.index_at
        defaults = [f.default for f in fields]
        slot = {f.name: i for i, f in enumerate(fields)}
        decoders = {name: (slot[name], decoder) for name, decoder in self.decoders.items()}
        bad, miss = BAD, _MISS
        # text -> decoded value, per key: a choice's words, and the memo of a parsed text
        known: dict[str, tuple[int, dict[str, object]]] = {
            f.name: (slot[f.name], {w: w for w in f.node.words})
            for f in fields
            if isinstance(f.node, Choice)
        }
        for f in fields:
            memo = memo_of(self.decoders[f.name])
            if memo is not None:
                known[f.name] = (slot[f.name], memo)
        # keys whose text is taken as it is, after at most one C-level test
        plain = {f.name: (slot[f.name], test) for f in fields if (test := _plain_test(f.node))}

        def decode(value: object, path: Where, key: str | int | None, out: Sink) -> Any:
            here = path if key is None else (path, key)  # see `Where`
            if type(value) is not dict:
                out.append(
                    Issue(at(here), f"{what} is {type_name(value)}", "a mapping", "wrong-type")
                )
                return bad
            # Every decoder that refuses a value files an issue, so "nothing was filed" is
            # "nothing was refused": one length test at the end instead of one per value.
            filed = len(out)
            keys = value.keys()
            # The sibling's tables hold the plain ones: one pair of subset tests either way.
            word = value.get(sibling) if sibling else None
            allowed = allowed_when.get(word) if type(word) is str else None
            if allowed is not None:
                ok = keys <= allowed and required_when[word] <= keys  # type: ignore[index]
            else:
                ok = keys <= allowed_keys and required <= keys
            if exclusive:
                for first, second in exclusive:
                    if first in value and second in value:
                        ok = False
            if not ok:
                explain(value, at(here), out)
            result = defaults.copy()
            for name, item in value.items():
                if type(item) is str:  # words, plain text, dates seen before: no call
                    entry = known.get(name)
                    if entry is not None:
                        found = entry[1].get(item, miss)
                        if found is not miss:
                            result[entry[0]] = found
                            continue
                    else:
                        taken = plain.get(name)
                        if taken is not None and (taken[1] is _ANY or taken[1](item)):
                            result[taken[0]] = item
                            continue
                step = decoders.get(name)
                if step is not None and (item is not None or name not in nullable):
                    result[step[0]] = step[1](item, here, name, out)
            if len(out) != filed:
                return bad
            if construct is not None:
                if index_at is not None:
                    result.insert(index_at, key)
                return construct(*result)
            return build(result, at(here)) if build else result

        return decode

    def explain(self, value: dict[str, Any], path: Path_, out: Sink) -> None:
        """File a problem for each unknown, missing, misplaced or clashing key."""
        meant: set[str] = set()
        for key in value:
            if key in self.allowed:
                continue
            close = meant_key(key, self.order)
            hint = f" (did you mean '{close}'?)" if close else ""
            if close:
                meant.add(close)
            out.append(
                Issue(
                    (*path, key),
                    f"unknown key '{key}'{hint}",
                    "one of " + ", ".join(self.order),
                    "unknown-key",
                    key=True,
                )
            )
        needed = set(self.required)
        word = value.get(self.sibling) if self.sibling else None
        noun = self.what.removeprefix("the ")
        if type(word) is str and word in self.allowed_when:
            needed |= self.required_when[word]
            for key in value:
                if key in self.allowed and key not in self.allowed_when[word]:
                    field = next(f for f in self.node.fields if f.name == key)
                    assert field.only is not None
                    out.append(
                        Issue(
                            (*path, key),
                            f"'{key}' does not go with a {word} {noun}",
                            "it only on " + ", ".join(field.only.values),
                            "key-not-here",
                            key=True,
                        )
                    )
        # A typo'd key already says which key was meant: "has no 'title'" would say it twice.
        for key in self.order:
            if key in needed and key not in value and key not in meant:
                out.append(
                    Issue(path, f"{self.what} has no '{key}'", f"the key '{key}'", "missing-key")
                )
        for first, second in self.exclusive:
            if first in value and second in value:
                out.append(
                    Issue(
                        path,
                        f"both {first} and {second} are given",
                        "only one of them",
                        "both-keys",
                    )
                )
