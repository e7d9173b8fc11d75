"""The Jinja2 sandbox that coaches' message templates run in.

A playbook is someone else's file, so a template must be able to read the draft's plain data and
do nothing else: no reaching Python internals, no files, no unbounded work.  Layers, each
closing a hole the one before leaves open:

* `ImmutableSandboxedEnvironment`: no ``_`` attributes, no methods that mutate; plus our own
  allow-list (a few text and date methods, the loop variable), so everything else is refused;
* no loader, and the tags that need one or can recurse (``import``, ``include``, ``extends``,
  ``macro``, ``call``, ``block``, recursive loops) and the ones that buffer unbounded text
  (``{% set %}...{% endset %}``, ``{% filter %}``) are refused when the template is parsed;
* the globals are just a bounded ``range``; the filters an allow-list of bounded ones;
* every operator that can grow a value (``+ * ** %``, and ``~`` which is rewritten into a
  checked call) is checked before it runs, text and lists are capped at `MAX_TEXT` items, numbers
  at `MAX_INT_BITS`; ``%``-formatting and ``str.format`` are refused (they pad without limit);
* loops draw from one budget of `MAX_ITERATIONS` per rendering, and the output is streamed and
  stopped past `MAX_OUTPUT` characters; a one-second deadline is a last safety net.

Everything refused raises `jinja2.exceptions.SecurityError` before the work is done.

``Any`` in this module's signatures is confined to the Jinja2 boundary: the values a template
computes are whatever its expressions make, and the overridden hooks keep Jinja2's signatures.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from datetime import date
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import (
    do_capitalize,
    do_default,
    do_first,
    do_last,
    do_list,
    do_lower,
    do_map,
    do_reverse,
    do_title,
    do_trim,
    do_upper,
    do_wordcount,
)
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_SOURCE = 10_000  # characters in one template
MAX_TEXT = 20_000  # characters in a text, items in a list, built while rendering
MAX_OUTPUT = 20_000  # characters one rendering may print
MAX_RANGE = 1_000  # items in one range()
MAX_ITERATIONS = 10_000  # loop turns in one rendering, all loops together
MAX_INT_BITS = 256  # numbers stay small: 10**10**10 is refused, not computed
DEADLINE_SECONDS = 1.0

# Tags a message has no use for and that would open a way out or an unbounded amount of work.
FORBIDDEN_TAGS: dict[type[nodes.Node], str] = {
    nodes.Extends: "extends",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from ... import",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.Block: "block",
    nodes.AssignBlock: "set ... endset",
    nodes.FilterBlock: "filter",
}
# The only attributes a template may read, by type: none of them mutates or grows a value much.
TEXT_METHODS = frozenset(
    [
        "upper",
        "lower",
        "title",
        "capitalize",
        "strip",
        "lstrip",
        "rstrip",
        "startswith",
        "endswith",
        "split",
    ]
)
DATE_ATTRIBUTES = frozenset(
    ["year", "month", "day", "isoformat", "weekday", "isoweekday", "strftime"]
)
LOOP_ATTRIBUTES = frozenset(
    [
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
        "cycle",
        "changed",
    ]
)


class _Budget:
    """What one rendering may still spend."""

    __slots__ = ("deadline", "iterations")

    def __init__(self) -> None:
        self.iterations = MAX_ITERATIONS
        self.deadline = time.monotonic() + DEADLINE_SECONDS

    def spend(self) -> None:
        self.iterations -= 1
        if self.iterations < 0:
            raise SecurityError(f"the template loops more than {MAX_ITERATIONS} times in all")
        if time.monotonic() > self.deadline:
            raise SecurityError(f"the template took more than {DEADLINE_SECONDS:g} s to render")


_budget: ContextVar[_Budget | None] = ContextVar("followup_template_budget", default=None)


def _current_budget() -> _Budget:
    budget = _budget.get()
    if budget is None:  # a loop is only ever run by `render_bounded`, which sets one
        raise SecurityError("a template may only be rendered through render_bounded")
    return budget


def _weight(value: object) -> int:
    """Characters and items in a value, nested ones included (counting stops past `MAX_TEXT`).

    A list literal can hold the same long text many times at no cost; printing or joining it is
    what costs, so sizes are checked by weight, not by length.
    """
    total = 0
    todo: list[object] = [value]
    while todo and total <= MAX_TEXT:
        item = todo.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, list | tuple | dict):
            total += len(item)
            if total <= MAX_TEXT:  # never walk a container already known to be too big
                todo.extend(item.items() if isinstance(item, dict) else item)
        else:
            total += 1
    return total


def _check_size(value: object, what: str) -> None:
    if _weight(value) > MAX_TEXT:
        raise SecurityError(f"{what} would be longer than {MAX_TEXT} characters or items")


def _check_int(value: object) -> None:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise SecurityError(f"a number in the template would have more than {MAX_INT_BITS} bits")


def bounded_range(*args: int) -> range:
    """``range`` for templates: at most `MAX_RANGE` numbers.

    Raises:
        SecurityError: the range is longer.
    """
    span = range(*args)
    try:
        n = len(span)
    except OverflowError:  # longer than the machine can count
        n = MAX_RANGE + 1
    if n > MAX_RANGE:
        raise SecurityError(f"range() of more than {MAX_RANGE} numbers is not allowed")
    return span


def _join(value: Iterable[object], d: str = "", attribute: str | int | None = None) -> str:
    """``join`` that refuses to build a text longer than `MAX_TEXT` (the separator repeats)."""
    if attribute is None:
        items = [str(x) for x in value]
    else:
        items = [str(_item(x, attribute)) for x in value]
    total = sum(len(x) for x in items) + len(str(d)) * max(len(items) - 1, 0)
    if total > MAX_TEXT:
        raise SecurityError(f"join would build more than {MAX_TEXT} characters")
    return str(d).join(items)


def _item(value: object, key: str | int) -> object:
    if isinstance(value, dict):
        return value.get(key, "")
    if isinstance(value, list | tuple) and isinstance(key, int):
        return value[key]
    raise SecurityError("join(attribute=...) only reads keys of plain data")


def long_date(value: date) -> str:
    """'Monday, 2 March 2026': a date as people write it in a letter."""
    if not isinstance(value, date):
        raise SecurityError("long_date needs a date")
    return f"{value:%A}, {value.day} {value:%B %Y}"


def _guarded(f: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose inputs and result are checked for size (filters bypass `call`)."""

    @functools.wraps(f)  # keeps ``jinja_pass_arg``, so Jinja still passes the context
    def run(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            _check_size(value, "a filter's input")
        result = f(*args, **kwargs)
        _check_size(result, "a filter's result")
        return result

    return run


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` is checked before it is turned into text."""
    _check_size(value, "a printed value")
    return value


FILTERS: dict[str, Callable[..., Any]] = {
    "capitalize": do_capitalize,
    "default": do_default,
    "d": do_default,
    "first": do_first,
    "join": _join,
    "last": do_last,
    "length": len,
    "count": len,
    "list": do_list,
    "long_date": long_date,
    "lower": do_lower,
    "map": do_map,
    "reverse": do_reverse,
    "title": do_title,
    "trim": do_trim,
    "upper": do_upper,
    "wordcount": do_wordcount,
}


class _Bound(NodeTransformer):
    """Route every loop's items and every ``~`` through the environment's checked helpers."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("bounded_iter"), [node.iter], [], None, None
        ).set_lineno(node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        call = nodes.Call(nodes.EnvironmentAttribute("bounded_concat"), node.nodes, [], None, None)
        return call.set_lineno(node.lineno)


def refused_tag(tree: nodes.Template) -> tuple[str, int] | None:
    """The first tag a template may not use, with its line (None if there is none)."""
    for node in tree.find_all(nodes.Stmt):
        name = FORBIDDEN_TAGS.get(type(node))
        if name is not None:
            return name, node.lineno
        if isinstance(node, nodes.For) and node.recursive:
            return "recursive for", node.lineno
    return None


class DraftEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox: see the module docstring for what it allows and why."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self) -> None:
        super().__init__(
            autoescape=False,  # plain-text messages, not HTML
            undefined=StrictUndefined,  # a misspelt name is an error, not a silent blank
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            finalize=_finalize,
        )
        self.filters = {name: _guarded(f) for name, f in FILTERS.items()}
        self.globals = {"range": bounded_range}

    def bound(self, tree: nodes.Template) -> nodes.Template:
        """The parsed template with its loops and ``~`` routed through the checked helpers."""
        result = _Bound().visit(tree)
        assert isinstance(result, nodes.Template)
        return result

    # -- what a template may touch -------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Only a few text and date methods and the loop variable: nothing else is reachable."""
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, str):
            return attr in TEXT_METHODS
        if isinstance(obj, date):
            return attr in DATE_ATTRIBUTES
        if isinstance(obj, LoopContext):
            return attr in LOOP_ATTRIBUTES
        return False

    def wrap_str_format(self, value: Any) -> None:
        """``'...'.format`` pads without limit: never hand it out (is_safe_attribute refuses)."""
        return None

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from the template; its result is checked for size."""
        for value in (*args, *kwargs.values()):
            _check_size(value, "an argument")
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(result, "a value")
        _check_int(result)
        return result

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``+ * ** % //`` with the size of the result checked before it is computed."""
        if operator == "%" and isinstance(left, str):
            raise SecurityError("'%' formatting is not allowed in a template; write {{ value }}")
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "+":
            if _weight(left) + _weight(right) > MAX_TEXT:
                raise SecurityError(f"'+' would build more than {MAX_TEXT} characters or items")
        elif operator == "**":
            _check_power(left, right)
        result = super().call_binop(context, operator, left, right)
        _check_int(result)
        return result

    # -- the helpers `bound` routes loops and ``~`` through --------------------------------------

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a loop, each one charged to the rendering's budget."""
        budget = _current_budget()
        for item in iterable:
            budget.spend()
            yield item

    def bounded_concat(self, *parts: Any) -> str:
        """``a ~ b``, refusing to build a text longer than `MAX_TEXT`."""
        if sum(_weight(p) for p in parts) > MAX_TEXT:
            raise SecurityError(f"'~' would build more than {MAX_TEXT} characters")
        return "".join(str(p) for p in parts)


def _check_repeat(left: Any, right: Any) -> None:
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(n, int):
            if _weight(seq) * max(n, 0) > MAX_TEXT:
                raise SecurityError(f"'*' would build more than {MAX_TEXT} characters or items")
            return
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and left.bit_length() + right.bit_length() > MAX_INT_BITS
    ):
        raise SecurityError(f"'*' would make a number of more than {MAX_INT_BITS} bits")


def _check_power(left: Any, right: Any) -> None:
    if not (isinstance(left, int | float) and isinstance(right, int | float)):
        return
    if abs(right) > MAX_INT_BITS or (
        isinstance(left, int) and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS
    ):
        raise SecurityError(f"'**' would make a number of more than {MAX_INT_BITS} bits")


def render_bounded(template: Any, context: dict[str, object]) -> str:
    """Render with a fresh loop budget, streaming, and stop past `MAX_OUTPUT` characters.

    Raises:
        SecurityError: the template tried something the sandbox refuses.
        jinja2.exceptions.TemplateError: any other failure (an undefined name, a type error).
    """
    token = _budget.set(_Budget())
    try:
        parts: list[str] = []
        total = 0
        for chunk in template.generate(context):
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise SecurityError(f"the message would be longer than {MAX_OUTPUT} characters")
            parts.append(chunk)
        return "".join(parts)
    finally:
        _budget.reset(token)
