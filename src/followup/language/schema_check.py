"""The JSON Schema view of a playbook or case file, as located, plain-language problems.

The loaders are the real gate and are fast; they ask for this view only once they have found
something wrong (importing `jsonschema` costs about 100 ms), and ``followup validate`` shows it
too.  jsonschema's own messages quote Python values and schema internals, so every error is
rewritten here as one `Problem` that says, in the words a coach uses, what is wrong, where, and
what was expected.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, Final, Literal

from followup.errors import Problem, suggest, type_name
from followup.io.yaml_reader import Document, Path_
from followup.model.vocabulary import ANCHORS

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

__all__ = ["PATTERN_HELP", "SchemaName", "load_schema", "merge_problems", "schema_problems"]

SchemaName = Literal["playbook", "case"]

# The patterns the shipped schemas use (a test checks that every one of them is listed here).
_TEXT: Final = r"\S"
_DATE: Final = r"^\d{4}-\d{2}-\d{2}$"
_DURATION: Final = r"^\s*\d+(\.\d+)?(d|bd|w|mo)\s*$"
_TOKEN: Final = r"(\d+(\.\d+)?(d|bd|w|mo)|[a-z][a-z0-9_]*)"
_TERM: Final = r"^\s*(" + "|".join(ANCHORS) + r")\s*([+-]\s*" + _TOKEN + r")?\s*$"
_INTERVAL: Final = r"^\s*" + _TOKEN + r"\s*$"
_RULE_ID: Final = r"^[a-z0-9][a-z0-9-]*$"
_NAME: Final = r"^[a-z][a-z0-9_]*$"
_CASE_ID: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_COUNTRY: Final = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
_EMAIL: Final = r"@|^(?![\s\S])"

# pattern -> (message, expected); the message may use {name} (what the value is) and {shown}.
PATTERN_HELP: Final[Mapping[str, tuple[str, str]]] = {
    _TEXT: ("{name} is empty", "some text"),
    _DATE: ("{shown} is not a date", "a date written YYYY-MM-DD"),
    _DURATION: ("{shown} is not a duration", "a duration such as 3d, 1.5w, 2mo, 3bd"),
    _TERM: (
        "{shown} is not a date rule",
        "'ANCHOR' or 'ANCHOR + DURATION', such as 'interview + 1w' or 'last_contact + wait'",
    ),
    _INTERVAL: ("{shown} is not a duration", "a duration such as 1w, or a duration parameter"),
    _RULE_ID: ("{shown} has odd characters", "lower-case letters, digits and -, e.g. check-in"),
    _NAME: ("{shown} has odd characters", "snake_case: lower-case letters, digits and _"),
    _CASE_ID: ("{shown} has odd characters", "letters, digits, . _ -"),
    _COUNTRY: (
        "{shown} is not a country code",
        "a two-letter ISO code such as US, GB, DE, or one with a subdivision: GB-ENG",
    ),
    _EMAIL: ("{shown} is not an email address", "name@host"),
}

_WEAK: Final = frozenset({"anyOf", "oneOf"})
_TYPE_WORDS: Final = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}
_ITEM_NOUNS: Final = {
    "transitions": "the transition",
    "actions": "the action",
    "avoid": "the don't",
    "events": "the event",
    "interviewers": "the interviewer",
}
_ROOT_NOUNS: Final = {"playbook": "the playbook", "case": "the case"}
_ANCHOR_WORD: Final = re.compile(r"^\s*([A-Za-z_]+)")


def load_schema(name: SchemaName) -> dict[str, Any]:
    """The shipped JSON Schema for a playbook or a case file (parsed once; do not modify it).

    Raises:
        ValueError: If ``name`` is neither "playbook" nor "case".
    """
    if name not in _ROOT_NOUNS:
        raise ValueError(f"no schema named {name!r}")
    return _read_schema(name)


@functools.cache
def _read_schema(name: str) -> dict[str, Any]:
    text = (resources.files("followup") / "schemas" / f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator(name: SchemaName) -> Validator:
    from jsonschema import Draft202012Validator  # lazy: ~100 ms; only when something is wrong

    return Draft202012Validator(load_schema(name), format_checker=None)


def schema_problems(doc: Document, name: SchemaName) -> list[Problem]:
    """Everything the JSON Schema finds wrong with ``doc``, one located problem per issue.

    Args:
        doc: The parsed file.
        name: Which schema to check it against.

    Returns:
        The problems, sorted by place; empty if the schema accepts the file.
    """
    explainer = _Explainer(doc, load_schema(name), _ROOT_NOUNS[name])
    found: set[Problem] = set()
    data: Any = doc.data
    for error in _validator(name).iter_errors(data):
        found.update(explainer.explain(error))
    return sorted(found)


def merge_problems(schema: Iterable[Problem], semantic: Iterable[Problem]) -> list[Problem]:
    """The loader's problems, plus the schema's problems at places the loader said nothing about.

    Two reports of one mistake (one from each stage) would only be noise, so a schema problem is
    kept only if no loader problem sits at the same file, line and column.

    Returns:
        The problems, sorted by place, without duplicates.
    """
    semantic = list(semantic)
    taken = {(p.file, p.line, p.col) for p in semantic}
    extra = [p for p in schema if (p.file, p.line, p.col) not in taken]
    return sorted({*semantic, *extra})


# -- turning one jsonschema error into problems -----------------------------------------------


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _shown(value: object) -> str:
    """A value as the user wrote it, briefly: never a Python repr of a container."""
    if isinstance(value, str):
        return f"'{_short(value)}'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _short(str(value), 20)
    return type_name(value)


def _kind(value: object) -> str:
    """The JSON kind of a value, treating true/false apart from numbers."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _quoted(keys: Iterable[object]) -> list[str]:
    return [f"'{k}'" for k in keys]


def _join(words: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c' (with a comma before 'or' if a word has an 'or' of its own)."""
    if len(words) <= 1:
        return "".join(words)
    glue = ", or " if any(" or " in w for w in words) else " or "
    return ", ".join(words[:-1]) + glue + words[-1]


def _rule(error: ValidationError) -> Any:
    """The value of the schema keyword that failed (``validator_value``), typed loosely."""
    value: Any = error.validator_value
    return value


def _allowed(error: ValidationError) -> list[object]:
    """The values an enum or const error would have accepted."""
    value = _rule(error)
    return list(value) if error.validator == "enum" else [value]


def _a_key(key: str) -> str:
    return f"{'an' if key[:1] in 'aeiou' else 'a'} '{key}' key"


def _branches(error: ValidationError) -> list[list[ValidationError]]:
    """The errors of each failed branch of an anyOf/oneOf, in schema order."""
    groups: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        index = sub.relative_schema_path[0]
        groups.setdefault(index if isinstance(index, int) else -1, []).append(sub)
    return [groups[k] for k in sorted(groups)]


def _misses_type(error: ValidationError) -> bool:
    """True if the error says the value is the wrong kind of thing altogether for its branch."""
    if error.relative_path:
        return False
    if error.validator == "type":
        return True
    if error.validator in ("enum", "const"):
        allowed = _allowed(error)
        return all(_kind(a) != _kind(error.instance) for a in allowed)
    if error.validator in _WEAK and error.context:
        return all(any(_misses_type(e) for e in b) for b in _branches(error))
    return False


def _wanted_types(error: ValidationError) -> list[str]:
    """What a branch that missed the value's type would have accepted, in words."""
    if error.validator == "type":
        value = _rule(error)
        return [_TYPE_WORDS[t] for t in ([value] if isinstance(value, str) else value)]
    if error.validator in ("enum", "const"):
        allowed = _allowed(error)
        return ["text" if isinstance(a, str) else _shown(a) for a in allowed]
    words: list[str] = []
    for branch in _branches(error):
        for e in branch:
            if _misses_type(e):
                words += _wanted_types(e)
    return words


def _rank(error: ValidationError) -> tuple[int, bool, list[str], list[str]]:
    """Sort key: the deepest error first, anyOf/oneOf last, then by place for determinism."""
    return (
        -len(error.relative_path),
        error.validator in _WEAK,
        [str(p) for p in error.relative_path],
        [str(p) for p in error.relative_schema_path],
    )


class _Explainer:
    """Rewrites jsonschema errors about one document as that document's problems."""

    def __init__(self, doc: Document, schema: Mapping[str, Any], root: str) -> None:
        self.doc = doc
        self.schema = schema
        self.root = root

    # -- naming things ---------------------------------------------------------------------

    def name(self, path: Path_) -> str:
        """What the value at ``path`` is, for a message: 'the action', "'title'", ..."""
        if not path:
            return self.root
        last = path[-1]
        parent = path[-2] if len(path) > 1 else None
        if isinstance(last, int):
            if isinstance(parent, str) and parent in _ITEM_NOUNS and len(path) == 2:
                return _ITEM_NOUNS[parent]
            return f"item {last + 1} of '{parent}'" if isinstance(parent, str) else "the item"
        if parent == "kinds" and len(path) == 2:
            return f"kind '{last}'"
        if parent == "parameters" and len(path) == 2:
            return f"parameter '{last}'"
        return f"'{last}'"

    def problem(
        self, path: Path_, message: str, expected: str = "", *, key: bool = False
    ) -> Problem:
        return self.doc.problem(path, message, expected, key=key)

    # -- dispatch --------------------------------------------------------------------------

    def explain(self, error: ValidationError) -> Iterator[Problem]:
        path: Path_ = tuple(error.absolute_path)
        if "propertyNames" in error.absolute_schema_path:
            yield self.key_name(path, error)
        elif error.validator == "not" and _rule(error) == {}:  # a key never allowed
            yield self.forbidden(path, error, key=True)
        elif error.validator in _WEAK:
            yield from self.union(path, error)
        elif error.validator == "type" and _rule(error) in ("null", ["null"]):
            yield self.forbidden(path, error, key=False)
        else:
            yield from self.simple(path, error)

    def simple(self, path: Path_, error: ValidationError) -> Iterator[Problem]:
        validator, value, instance = error.validator, _rule(error), error.instance
        name = self.name(path)
        if validator == "additionalProperties" and isinstance(instance, dict):
            allowed = (
                list(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
            )
            for extra in instance:
                if extra not in allowed:
                    yield self.problem(
                        (*path, extra),
                        f"unknown key '{_short(str(extra))}'{suggest(str(extra), allowed)}",
                        "one of " + ", ".join(allowed) if allowed else "no other keys",
                        key=True,
                    )
        elif validator == "required" and isinstance(instance, dict):
            for missing in value:
                if missing not in instance:
                    yield self.problem(path, f"{name} has no '{missing}'", _a_key(missing))
        elif validator == "type":
            pattern = error.schema.get("pattern", "") if isinstance(error.schema, dict) else ""
            if pattern in PATTERN_HELP and pattern != _TEXT:  # say what the text should look like
                expected = PATTERN_HELP[str(pattern)][1]
                yield self.problem(path, f"{name} is {type_name(instance)}", expected)
            else:
                yield self.wrong_type(path, instance, value if isinstance(value, list) else [value])
        elif validator in ("enum", "const"):
            yield self.not_one_of(path, instance, value if validator == "enum" else [value])
        elif validator == "pattern":
            yield self.pattern(path, instance, value, name)
        elif validator == "minItems":
            yield self.problem(path, f"{name} is an empty list", "at least one item")
        elif validator == "minProperties":
            yield self.problem(path, f"{name} is empty", "at least one key")
        elif validator == "minimum":
            whole = isinstance(error.schema, dict) and error.schema.get("type") == "integer"
            number = "a whole number" if whole else "a number"
            yield self.problem(path, f"{name} is {_shown(instance)}", f"{number} >= {value}")
        elif validator == "not" and isinstance(value, dict) and "required" in value:
            keys = list(value["required"])
            schema_path = list(error.absolute_schema_path)
            if "dependentSchemas" in schema_path:  # {a: {not: {required: [b]}}}: not both
                keys.insert(0, schema_path[schema_path.index("dependentSchemas") + 1])
            both = " and ".join(_quoted(keys))
            yield self.problem(path, f"{name} has both {both}", "only one of them")
        else:
            yield self.problem(path, f"{name} is not valid here", _short(error.message, 60))

    # -- the kinds of problem ----------------------------------------------------------------

    def wrong_type(self, path: Path_, instance: object, wanted: Iterable[str]) -> Problem:
        words = list(dict.fromkeys(_TYPE_WORDS.get(w, w) for w in wanted))
        if len(words) > 1:
            words = [w for w in words if w != "nothing"]
        return self.problem(path, f"{self.name(path)} is {type_name(instance)}", _join(words))

    def not_one_of(self, path: Path_, instance: object, allowed: Sequence[object]) -> Problem:
        choices = [a if isinstance(a, str) else _shown(a) for a in allowed]
        hint = suggest(instance, choices) if isinstance(instance, str) else ""
        return self.problem(
            path,
            f"{_shown(instance)} is not one of the choices for {self.name(path)}{hint}",
            "one of " + ", ".join(choices),
        )

    def pattern(
        self, path: Path_, instance: object, pattern: str, name: str, *, key: bool = False
    ) -> Problem:
        shown = _shown(instance)
        if pattern == _TERM and isinstance(instance, str):
            word = _ANCHOR_WORD.match(instance)
            if word and word.group(1) not in ANCHORS:
                anchor = word.group(1)
                return self.problem(
                    path,
                    f"unknown anchor '{_short(anchor)}'{suggest(anchor, ANCHORS)}",
                    "one of " + ", ".join(ANCHORS),
                    key=key,
                )
        message, expected = PATTERN_HELP.get(
            pattern, ("{shown} is not written the right way", "text in the documented form")
        )
        return self.problem(path, message.format(name=name, shown=shown), expected, key=key)

    def key_name(self, path: Path_, error: ValidationError) -> Problem:
        """A problem with a key itself (a parameter or kind name), located at that key."""
        key = str(error.instance)
        where = (*path, key)
        if error.validator == "pattern":
            return self.pattern(where, key, _rule(error), f"'{_short(key)}'", key=True)
        if error.validator == "not":
            return self.problem(where, f"'{_short(key)}' is taken already", "a new name", key=True)
        return self.problem(where, f"'{_short(key)}' is not a usable name", "snake_case", key=True)

    def union(self, path: Path_, error: ValidationError) -> Iterator[Problem]:
        """anyOf/oneOf: explain the branch the value was evidently meant for."""
        name = self.name(path)
        value = _rule(error)
        if all(isinstance(b, dict) and list(b) == ["required"] for b in value):
            # "one of these keys": only meaningful for a mapping; a wrong type is told apart.
            if not isinstance(error.instance, dict):
                return
            keys = [k for b in value for k in b["required"]]
            present = [k for k in keys if k in error.instance]
            if len(present) > 1:
                both = " and ".join(_quoted(present))
                yield self.problem(path, f"{name} has both {both}", "only one of them")
            else:
                exclusive = error.validator == "oneOf" or (
                    isinstance(error.schema, dict) and "dependentSchemas" in error.schema
                )
                how = "exactly" if exclusive else "at least"
                yield self.problem(
                    path,
                    f"{name} has no {_join(_quoted(keys))}",
                    f"{how} one of " + ", ".join(_quoted(keys)),
                )
            return
        branches = _branches(error)
        if not branches:  # oneOf matched more than one branch; the schemas avoid this
            yield self.problem(path, f"{name} fits more than one form", "exactly one form")
            return
        fitting = [b for b in branches if not any(_misses_type(e) for e in b)]
        if not fitting:
            wanted = [w for b in branches for e in b if _misses_type(e) for w in _wanted_types(e)]
            yield self.wrong_type(path, error.instance, wanted)
        elif len(fitting) == 1:
            for sub in fitting[0]:
                yield from self.explain(sub)
        elif all(
            len(b) == 1 and b[0].validator in ("enum", "const") and not b[0].relative_path
            for b in fitting
        ):
            allowed = [a for b in fitting for a in _allowed(b[0])]
            yield self.not_one_of(path, error.instance, allowed)
        else:
            yield from self.explain(min((e for b in fitting for e in b), key=_rank))

    def forbidden(self, path: Path_, error: ValidationError, *, key: bool) -> Problem:
        """A key that only goes with some value of a sibling key (if/then/else in the schema)."""
        field = str(path[-1]) if path else ""
        condition = self.condition(error.absolute_schema_path)
        parent = self.value_at(path[:-1])
        if condition is None or not isinstance(parent, dict):
            return self.problem(path, f"'{_short(field)}' is not allowed here", "", key=key)
        other, allowed = condition
        actual = parent.get(other)
        shown = _short(actual) if isinstance(actual, str) else _shown(actual)
        return self.problem(
            path,
            f"'{field}' does not go with '{other}: {shown}'",
            f"'{field}' only with {other}: " + " or ".join(str(a) for a in allowed),
            key=key,
        )

    # -- looking things up -----------------------------------------------------------------

    def value_at(self, path: Path_) -> object:
        node: object = self.doc.data
        for part in path:
            if isinstance(node, dict) and isinstance(part, str):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return None
        return node

    def resolve(self, ref: str) -> object:
        node: object = self.schema
        for part in ref.removeprefix("#/").split("/"):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def condition(self, schema_path: Iterable[object]) -> tuple[str, list[object]] | None:
        """For a path through then/else: the sibling key and values the 'if' tests for."""
        node: object = self.schema
        found: tuple[str, list[object]] | None = None
        for part in schema_path:
            while isinstance(node, dict) and part not in node and "$ref" in node:
                node = self.resolve(node["$ref"])
            if part in ("then", "else") and isinstance(node, dict) and "if" in node:
                found = None
                tests = node["if"].get("properties", {}) if isinstance(node["if"], dict) else {}
                for other, test in tests.items():
                    if isinstance(test, dict) and ("const" in test or "enum" in test):
                        found = (other, [test["const"]] if "const" in test else test["enum"])
                        break
            if isinstance(node, dict) and isinstance(part, str):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return found
        return found
