"""The node types a file language is declared with: one declaration, read three ways.

`followup.language.decode` compiles a declaration into a located decoder (every problem at
once, each with its place), `followup.language.schemas` turns it into the shipped JSON Schema,
and `followup.language.reference` into the key tables of the docs.  A language is a tree of
these frozen values; nothing here runs user input.

The nodes are NamedTuples, not dataclasses: they are built when `followup plan` starts, and a
frozen dataclass costs about 0.4 ms to create (it compiles its methods), a NamedTuple 0.1 ms.
For the same reason annotations are evaluated (no ``from __future__ import annotations``): a
NamedTuple compiles each annotation given as a string.
"""

import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeAlias

from followup.io.yaml_reader import Path_

# Nodes compare by identity and are never printed for a user: no generated __eq__ or __repr__
# (each generated method is compiled when the module loads, on `followup plan`'s cold start).


class Refusal(Exception):
    """A value has the right type but is not acceptable; raised by a scalar's ``parse``.

    Args:
        message: what is wrong, in the user's words.
        expected: what would have been accepted.
    """

    def __init__(self, message: str, expected: str) -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected


class Pattern(NamedTuple):
    """A named regular expression text must match, with what to say when it does not.

    ``message`` may use ``{what}`` (the value's name) and ``{shown}`` (the value, quoted).
    """

    name: str
    regex: str
    message: str
    expected: str

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled regex (compiled on first use: the schema-only ones never are)."""
        # A schema's ``$`` is the end of the text; Python's also matches before a final newline,
        # which would let "abc\n" through as an id: \Z is the schema's meaning in Python.
        regex = self.regex[:-1] + r"\Z" if self.regex.endswith("$") else self.regex
        return re.compile(regex)  # re keeps its own cache of compiled patterns


class Text(NamedTuple):
    """A string, optionally matching a pattern, optionally parsed into another value.

    Attributes:
        what: the value's name in a message ("the event date").
        description: for the schema and the docs.
        allow_empty: whether blank text is acceptable.
        pattern: a pattern the text must match (checked before ``parse``).
        parse: turns the text into the decoded value, or raises `Refusal`.
        kind: the problem kind when the pattern or parse refuses the value.
        examples: shown in the schema.
        schema_pattern: for the schema only, when ``parse`` is the real (finer) check.
        name: a ``$defs`` name in the schema, for a form several keys share.
    """

    what: str = ""
    description: str = ""
    allow_empty: bool = True
    pattern: Pattern | None = None
    parse: Callable[[str], object] | None = None
    kind: str = "bad-value"
    examples: tuple[str, ...] = ()
    schema_pattern: Pattern | None = None
    name: str = ""


class Choice(NamedTuple):
    """One word of a fixed vocabulary (imported from `followup.model.vocabulary`).

    ``name``, if given, is its ``$defs`` name in the schema.
    """

    words: tuple[str, ...]
    what: str = ""
    description: str = ""
    kind: str = "unknown-word"
    name: str = ""


class Boolean(NamedTuple):
    """Exactly true or false (``yes`` and ``on`` are text)."""

    what: str = ""
    description: str = ""


class Integer(NamedTuple):
    """A whole number no smaller than ``minimum`` (and no larger than ``maximum``, if given)."""

    minimum: int = 0
    what: str = ""
    description: str = ""
    maximum: int | None = None

    @property
    def expected(self) -> str:
        """What a value must be, in words."""
        if self.maximum is not None:
            return f"a whole number from {self.minimum} to {self.maximum}"
        return f"a whole number >= {self.minimum}"


class ListOf(NamedTuple):
    """A list of items of one form; ``None`` counts as an empty list when ``nullable``."""

    item: "Node"
    what: str = ""
    description: str = ""
    min_items: int = 0


class OneOf(NamedTuple):
    """One of several forms, told apart by the kind of value (text, mapping, list...).

    ``name``, if given, is its ``$defs`` name in the schema.
    """

    options: "tuple[Node, ...]"
    what: str = ""
    description: str = ""
    expected: str = ""
    name: str = ""


class MapOf(NamedTuple):
    """A mapping of names the author chooses (``parameters``, ``kinds``) to values of one form."""

    key: Text
    value: "Node"
    what: str = ""
    description: str = ""
    forbidden_keys: tuple[str, ...] = ()
    forbidden_message: str = ""


class Semantic(NamedTuple):
    """A form read by its own reader after decoding (a date rule, a condition, a channel list).

    The decoder checks only its JSON type and hands the value on as written; its meaning (an
    anchor that exists, a parameter that is declared) is checked by the semantic pass.

    Attributes:
        types: the JSON types it may be ("string", "object", "array", "integer", "null").
        what: its name in a message.
        description: for the schema and the docs.
        expected: what it looks like, in words.
        examples: shown in the schema.
        shape: the ``$defs`` name of its spelling in the schema, declared apart from the
            language (`followup.language.playbook_shapes`: only the schema generator reads it,
            so `followup plan` never builds it); "" for its JSON type alone.
    """

    types: tuple[str, ...]
    what: str = ""
    description: str = ""
    expected: str = ""
    examples: tuple[str, ...] = ()
    shape: str = ""


class Only(NamedTuple):
    """A key that only goes with some values of a sibling key (``outcome`` only on a reply)."""

    sibling: str
    values: tuple[str, ...]


class Field(NamedTuple):
    """One key of a mapping.

    Attributes:
        name: the key.
        node: the form of its value.
        description: for the schema and the docs.
        required: the key must be there (when ``only`` is set: whenever ``only`` holds).
        default: the decoded value when the key is absent (or null, if ``nullable``).
        nullable: ``key:`` with nothing after it means the same as leaving the key out.
        only: the key only goes with some values of a sibling key.
        needed_unless: the key is needed unless this other key is given (a playbook's title,
            unless it extends another); checked by the schema and the loader.
    """

    name: str
    node: "Node"
    description: str
    required: bool = False
    default: Any = None
    nullable: bool = False
    only: Only | None = None
    needed_unless: str = ""


# (the decoded fields in declared order, the mapping's path) -> the decoded value
Build: TypeAlias = Callable[[list[Any], Path_], object]


class Mapping(NamedTuple):
    """A mapping with a fixed set of keys.

    Attributes:
        name: the name of the form (a ``$defs`` entry in the schema, a heading in the docs).
        what: its name in a message ("the event").
        description: for the schema and the docs.
        fields: the keys, in their documented order.
        exclusive: pairs of keys that may not both be given.
        build: makes the decoded value from the decoded fields (a list in declared order) and
            the mapping's path; without one the decoded value is that list.
        construct: instead of ``build``, a class called with the decoded fields as positional
            arguments, in declared order (no wrapper frame on the batch path).
        index_at: with ``construct``, the mapping's place in its list is passed as this
            positional argument (an event's ``index``).
        one_of: groups of keys of which exactly one must be given (``on`` or ``after``).
        any_of: groups of keys of which at least one must be given (``max`` or ``until``).
        only_if: (key, sibling, word): the key, unless null, only when the sibling is that
            word (``outcome`` only with ``to: closed``); unlike `Only`, it never makes a key
            needed.
        min_keys: the fewest keys it may have (a condition names at least one fact).
        requires: (key, other): the key only together with the other (``late`` with ``until``).

    The last five are checked by the schema and by the loader's semantic pass, not by the
    declared decoder.
    """

    name: str
    what: str
    description: str
    fields: tuple[Field, ...]
    exclusive: tuple[tuple[str, str], ...] = ()
    build: Build | None = None
    construct: Callable[..., object] | None = None
    index_at: int | None = None
    one_of: tuple[tuple[str, ...], ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()
    only_if: tuple[tuple[str, str, str], ...] = ()
    min_keys: int = 0
    requires: tuple[tuple[str, str], ...] = ()

    def keys(self) -> tuple[str, ...]:
        """The keys, in documented order."""
        return tuple(f.name for f in self.fields)

    def needs(self) -> tuple[str, ...]:
        """The keys it always needs, in documented order."""
        return tuple(f.name for f in self.fields if f.required and f.only is None)


Node: TypeAlias = Text | Choice | Boolean | Integer | ListOf | OneOf | Mapping | MapOf | Semantic
