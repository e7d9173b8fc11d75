"""The step reference (``docs/steps.md``), generated from the step definitions themselves.

Each step's sentence is rendered from the pattern pytest-bdd matches it with, its description is
the step function's docstring, and the word lists are the step library's own tables, so the
reference cannot drift from what the steps accept.  The examples are written here, and a test
checks that each one is matched by its step and by no other.

Regenerate with ``followup spec --steps > docs/steps.md`` (a test compares the two).
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pytest_bdd import parsers
from pytest_bdd import steps as bdd_steps
from pytest_bdd.parsers import StepParser

from followup.bdd import words as library
from followup.bdd.plugin import LIBRARY
from followup.errors import EngineError
from followup.spec.step_examples import EXAMPLES

# Importing the library's modules registers their steps with pytest-bdd.
for _module in LIBRARY:
    importlib.import_module(_module)

TYPES = ("given", "when", "then")
# The modules of the step library, in the order the reference lists them.
MODULES = LIBRARY
REGENERATE = "followup spec --steps > docs/steps.md"
DATE_PLACEHOLDER = "YYYY-MM-DD"


@dataclass(frozen=True, slots=True)
class StepDef:
    """One step of the library: the keywords it answers to, its parser and its function."""

    types: tuple[str, ...]
    parser: StepParser
    func: Callable[..., object]
    converters: dict[str, Callable[[str], object]]

    @property
    def name(self) -> str:
        """The step function's name."""
        return self.func.__name__

    @property
    def pattern(self) -> str:
        """The sentence or regular expression pytest-bdd matches the step with."""
        return str(self.parser.name)

    @property
    def doc(self) -> str:
        """The first line of the step function's docstring."""
        return (inspect.getdoc(self.func) or "").split("\n", 1)[0].strip()

    @property
    def takes_table(self) -> bool:
        """Whether the step reads the table written under it."""
        return "datatable" in inspect.signature(self.func).parameters

    @property
    def takes_docstring(self) -> bool:
        """Whether the step reads the text written under it between triple quotes."""
        return "docstring" in inspect.signature(self.func).parameters

    @property
    def keyword(self) -> str:
        """How the reference heads the step: Given, When, Then or Given/When."""
        return "/".join(t.capitalize() for t in self.types)

    def matches(self, text: str) -> bool:
        """Whether a step line (without its keyword) is this step."""
        return bool(self.parser.is_matching(text))


def step_definitions() -> list[StepDef]:
    """Every step of the library's modules (`followup.bdd.plugin.LIBRARY`), in the order the
    modules are listed there and the steps are defined in each.

    pytest-bdd records each registered step in ``step_function_context_registry`` (keyed by the
    fixture it adds to the defining module); a step registered for Given and When is one entry
    here with both types.

    Raises:
        EngineError: the installed pytest-bdd does not keep that registry (older than 8).
    """

    registry = getattr(bdd_steps, "step_function_context_registry", None)
    if registry is None:
        raise EngineError("the step reference needs pytest-bdd 8 or newer")
    merged: dict[Callable[..., object], StepDef] = {}
    for context in list(registry.values()):
        func = context.step_func
        if getattr(func, "__module__", None) not in MODULES or context.type is None:
            continue
        known = merged.get(func)
        types = (context.type,) if known is None else (*known.types, context.type)
        ordered = tuple(t for t in TYPES if t in types)
        merged[func] = StepDef(ordered, context.parser, func, dict(context.converters))
    return sorted(
        merged.values(),
        key=lambda s: (MODULES.index(s.func.__module__), inspect.getsourcelines(s.func)[1]),
    )


def find_steps(kind: str, text: str, defs: Sequence[StepDef] | None = None) -> list[StepDef]:
    """The steps of type ``kind`` ('given', 'when', 'then') that match a step line."""
    return [s for s in defs or step_definitions() if kind in s.types and s.matches(text)]


# -- rendering a step's regular expression as a sentence template --------------------------------


class _Unreadable(Exception):
    """The pattern uses regular-expression syntax the template renderer does not handle."""


@dataclass
class _Node:
    """A piece of a parsed pattern: literal text, a choice, an optional part or a placeholder."""

    kind: str  # "text", "seq", "alt", "opt", "slot"
    text: str = ""
    items: tuple[_Node, ...] = ()


class _PatternReader:
    """A reader for the small part of regular-expression syntax the step patterns use."""

    def __init__(self, pattern: str) -> None:
        self.src = pattern
        self.pos = 0

    def read(self) -> _Node:
        node = self._alternation()
        if self.pos != len(self.src):
            raise _Unreadable(self.src)
        return node

    def _peek(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def _alternation(self) -> _Node:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else _Node("alt", items=tuple(branches))

    def _sequence(self) -> _Node:
        items: list[_Node] = []
        while self._peek() not in ("", "|", ")"):
            atom = self._atom()
            items.append(self._quantified(atom))
        return _Node("seq", items=tuple(items))

    def _quantified(self, atom: _Node) -> _Node:
        char = self._peek()
        if char == "?":
            self.pos += 1
            return _Node("opt", items=(atom,))
        if char in ("*", "+", "{"):
            raise _Unreadable(self.src)
        return atom

    def _atom(self) -> _Node:
        char = self._peek()
        if char == "(":
            return self._group()
        if char == "\\":
            escaped = self.src[self.pos + 1 : self.pos + 2]
            self.pos += 2
            if escaped.isalnum():
                raise _Unreadable(self.src)  # \d, \w and friends only appear inside placeholders
            return _Node("text", escaped)
        if char in "[.^$":
            raise _Unreadable(self.src)
        self.pos += 1
        return _Node("text", char)

    def _group(self) -> _Node:
        start = self.pos
        named = re.compile(r"\(\?P<(\w+)>").match(self.src, self.pos)
        if named:
            self.pos = named.end()
            inner_start = self.pos
            depth = 1
            while depth:
                char = self._peek()
                if not char:
                    raise _Unreadable(self.src)
                if char == "\\":
                    self.pos += 1
                elif char == "(":
                    depth += 1
                elif char == ")":
                    depth -= 1
                self.pos += 1
            return _slot(named[1], self.src[inner_start : self.pos - 1])
        opener = re.compile(r"\((?:\?:|\?i:)?").match(self.src, start)
        assert opener is not None  # _atom only calls this at a "("
        self.pos = opener.end()
        inner = self._alternation()
        if self._peek() != ")":
            raise _Unreadable(self.src)
        self.pos += 1
        return inner


def _slot(name: str, inner: str) -> _Node:
    """A named group: a date, a choice of fixed words, or a value to fill in."""
    if inner == library.DATE:
        return _Node("text", DATE_PLACEHOLDER)
    words = inner.split("|")
    if all(re.fullmatch(r"[A-Za-z][A-Za-z ]*", w) for w in words) and len(words) > 1:
        return _Node("alt", items=tuple(_Node("text", w) for w in words))
    return _Node("slot", name)


def _render(node: _Node) -> str:
    if node.kind == "text":
        return node.text
    if node.kind == "slot":
        return f"<{node.text}>"
    if node.kind == "seq":
        return "".join(_render(n) for n in node.items)
    if node.kind == "alt":
        return "(" + " | ".join(_render(n) for n in node.items) + ")"
    inner = node.items[0]
    # An optional choice reads better without its own parentheses: [a | an | to].
    if inner.kind == "alt":
        return "[" + " | ".join(_render(n) for n in inner.items) + "]"
    return "[" + _render(inner) + "]"


def template(step: StepDef) -> str:
    """The step's sentence with ``<value>`` to fill in, ``[optional]`` and ``(one | other)``."""
    pattern = step.pattern
    if not _is_regex(step):
        return pattern
    try:
        return _render(_PatternReader(pattern).read())
    except _Unreadable:
        return f"(pattern) {pattern}"


def _is_regex(step: StepDef) -> bool:

    return isinstance(step.parser, parsers.re)


# -- the reference -------------------------------------------------------------------------------

SECTIONS = (
    (("given",), "Given: the playbook and what the employer said"),
    (("given", "when"), "Given/When: what happened"),
    (("when",), "When: time passes and I act"),
    (("then",), "Then: what the plan says"),
)


def _words(table: dict[str, str]) -> str:
    """The words of a step table, grouped by what they mean."""
    by_meaning: dict[str, list[str]] = {}
    for words, meaning in table.items():
        by_meaning.setdefault(meaning, []).append(words)
    return "; ".join(
        f"{meaning}: " + ", ".join(f"`{w}`" for w in sorted(words))
        for meaning, words in sorted(by_meaning.items())
    )


def _word_lists() -> Iterator[str]:
    yield "## Words the steps understand"
    yield ""
    yield "Words are matched without regard to case or extra spaces."
    yield ""
    tables = (
        ("Channels (after by, through, via, on or in)", library.CHANNEL_NAMES),
        ("What the plan recommends", library.ACTION_NAMES),
        ("What I sent", library.SENT_EVENTS),
        ("What they replied", library.REPLY_NAMES),
        ("How a case ends", library.OUTCOME_NAMES),
        ("Units of time (or written as in a case file: 3d, 2w, 1mo, 3bd)", library.DURATION_UNITS),
    )
    for title, table in tables:
        yield f"- **{title}** — {_words(table)}."
    yield "- **States** — " + ", ".join(f"`{state}`" for state in library.STATE_NAMES) + "."
    yield (
        "- **Actions of a playbook's own** — written as their kind, such as "
        "`apply_elsewhere on 2026-03-04`."
    )
    yield (
        "- **Event table columns** (`these events:`) — "
        + ", ".join(f"`{c}`" for c in library.EVENT_COLUMNS)
        + "; an empty cell or `-` leaves that key out."
    )


def _step_lines(step: StepDef) -> Iterator[str]:
    keyword = step.types[0].capitalize()
    head = f"- `{step.keyword} {template(step)}`"
    if step.takes_table:
        head += " followed by a table"
    yield head
    yield f"  — {step.doc}" if step.doc else "  — (no description)"
    example = EXAMPLES.get(step.name)
    if example is not None:
        first, *rows = example.split("\n")
        yield ""
        yield "  ```gherkin"
        yield f"  {keyword} {first}"
        yield from (f"  {row}" for row in rows)
        yield "  ```"


# What `followup spec` checks before running, and what only a run can tell (the docs say this).
PRE_RUN_CHECKS = (
    "Before any scenario runs, `followup spec` checks every step of every file and reports",
    "each problem at once as `file:line:col` (exit 2): a sentence the library does not know,",
    "with its nearest sentences; a misspelt keyword (`Givn`); a value a step cannot take: a",
    "date that does not exist, is not written in ASCII digits or is outside the years",
    "followup plans in, a time of day or a duration that is none, a playbook id that is",
    "neither bundled nor in your `--playbooks` folders, a playbook file",
    "or case file that is not next to the feature file (a playbook file may also be in a",
    "`--playbooks` folder), or a state, channel, thing sent, reply, outcome or action that is",
    "not one of the words below, with the nearest one; a step that takes a table or a text",
    "and has none; and every cell of a table the step cannot take, each at its cell: a",
    "`these events:` row is read as a case file's event is, a `the interviewers are:` row as",
    "a case file's interviewer, a `the schedule is:` cell as the sentences read it, and a",
    "column the table does not have is named with the nearest one. A scenario outline's steps",
    "are checked row by row of its examples: a value at its cell, a sentence a row makes",
    "unknown at that row.",
    "",
    "What only a run can tell fails the scenario when it runs, and names the feature file",
    "and the line of the step (or the cell) that said it: a case that does not hold together",
    "(an event dated before the interview, a date an event gives before the event itself), a",
    "problem inside a case file a step names, whether the plan says what the scenario",
    "expects, and a step about a check or a draft with no `When I check the playbook` or",
    "`When I draft ...` before it. A problem inside a playbook file is reported in that file.",
)


def step_reference(defs: Sequence[StepDef] | None = None) -> str:
    """The whole step reference, as Markdown."""
    defs = list(defs) if defs is not None else step_definitions()
    lines = [
        "# Step reference",
        "",
        f"<!-- Generated from the step library (src/followup/bdd/) by `{REGENERATE}`; "
        "do not edit. -->",
        "",
        "Every sentence a scenario can use, for `followup spec` and for pytest-bdd in any project",
        "where followup is installed. In a sentence, `<value>` is something you fill in (in",
        'quotes when the sentence shows quotes), `[...]` may be left out, `(a | b)` means "a or',
        f'b", and `{DATE_PLACEHOLDER}` is a date. "And" and "But" continue the step before.',
        "A step listed as Given/When reads well with either keyword.",
        "",
        *PRE_RUN_CHECKS,
        "",
    ]
    for types, title in SECTIONS:
        lines += [f"## {title}", ""]
        for step in defs:
            if step.types == types:
                lines += [*_step_lines(step), ""]
    lines += [*_word_lists(), ""]
    return "\n".join(lines)
