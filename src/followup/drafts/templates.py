"""Message templates: choosing one, checking it and rendering it.

A template is Jinja2 text run in `followup.drafts.sandbox`, over the plain data that
`followup.drafts.context` builds (``case``, ``interviewer``, ``step``, ``sender``,
``playbook``); the built-in ones are in `followup.drafts.defaults`.  Besides the few filters
of the sandbox, ``long_date`` writes a date as in a letter.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError

from followup.drafts.context import CONTEXT_NAMES, YOUR_NAME, sample_context
from followup.drafts.defaults import BUILT_IN, DEFAULTS, default_template
from followup.drafts.sandbox import MAX_SOURCE, DraftEnvironment, refused_tag, render_bounded
from followup.errors import InputError, Problem, suggest
from followup.io.yaml_reader import Document
from followup.model.playbook import Origin, Playbook, Source, Template

__all__ = [
    "DEFAULTS",
    "SYNTAX_EXPECTED",
    "YOUR_NAME",
    "Message",
    "check_templates",
    "default_template",
    "render",
    "sample_context",
    "template_for",
    "template_problems",
    "unloaded_template_problems",
]

MAX_NUMBER_DIGITS = 4300  # Python's default int-to-string limit, which Jinja2's lexer meets
EXPECTED = (
    "a template that reads only case, interviewer, step, sender and playbook, within the sandbox"
)
# What a template whose syntax Jinja cannot read should look like instead.
SYNTAX_EXPECTED = (
    "template syntax: a value written {{ case.role }}, filters the drafts know, and each "
    "{% if %} or {% for %} closed by its {% endif %} or {% endfor %}"
)


@dataclass(frozen=True, slots=True)
class Message:
    """A rendered draft: a one-line subject (may be empty) and a body."""

    subject: str
    body: str


class _Failure(Exception):
    """A template could not be compiled or rendered; ``line`` is 1-based within the template."""

    def __init__(self, line: int, message: str, expected: str = EXPECTED) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.expected = expected


def template_for(playbook: Playbook, rule_id: str, kind: str) -> Template | None:
    """The playbook's template for the rule id, else for the kind, else the built-in one."""
    by_key = {t.key: t for t in playbook.templates}
    return by_key.get(rule_id) or by_key.get(kind) or default_template(kind)


# -- compiling, checking, rendering -------------------------------------------------------------


@functools.cache
def _environment() -> DraftEnvironment:
    return DraftEnvironment()


@functools.lru_cache(maxsize=256)
def _compile(source: str) -> jinja2.Template:
    """Parse, refuse what the sandbox forbids, and compile (cached by source text).

    Raises:
        _Failure: a syntax error or a refused tag, with its line in the template.
    """
    if len(source) > MAX_SOURCE:
        raise _Failure(1, f"the template is longer than {MAX_SOURCE} characters")
    env = _environment()
    try:
        tree = env.parse(source)
        refused = refused_tag(tree)
        if refused is not None:
            name, line = refused
            raise _Failure(line, f"'{{% {name} %}}' is not allowed in a message template")
        return env.from_string(env.bound(tree))
    except TemplateSyntaxError as err:  # an unknown filter is only found when compiling
        raise _Failure(err.lineno, err.message or "syntax error", SYNTAX_EXPECTED) from None
    except (RecursionError, MemoryError, SyntaxError):
        # Jinja2 and Python parse and compile recursively: absurd nesting ends here, located
        # at the start of the template since neither says where.
        raise _Failure(1, "the template nests brackets, tags or loops too deeply") from None
    except ValueError:
        # Jinja2's lexer converts number literals with int(), which refuses more than
        # sys.get_int_max_str_digits() digits (a denial-of-service guard in Python itself).
        raise _Failure(*_long_number(source)) from None


_LONG_NUMBER = re.compile(rf"[0-9_]{{{MAX_NUMBER_DIGITS + 1},}}")


def _long_number(source: str) -> tuple[int, str]:
    """The line and the problem for a number literal too long to read (line 1 if none is seen)."""
    found = _LONG_NUMBER.search(source)
    line = source.count("\n", 0, found.start()) + 1 if found else 1
    return line, f"a number in the template has more than {MAX_NUMBER_DIGITS:,} digits"


def _render(source: str, context: dict[str, object]) -> str:
    """Render one template text.

    Raises:
        _Failure: with the template line that failed.
    """
    template = _compile(source)
    try:
        return render_bounded(template, context)
    except SecurityError as err:
        raise _Failure(_line_of(err), f"refused by the sandbox: {err}") from None
    except jinja2.UndefinedError as err:
        raise _Failure(_line_of(err), f"{err}") from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as err:
        raise _Failure(_line_of(err), f"{type(err).__name__}: {err}") from None
    except RecursionError:
        raise _Failure(1, "the template nests too deeply") from None


def _line_of(err: BaseException) -> int:
    """The template line an error was raised on (Jinja rewrites tracebacks to show it)."""
    line = 1
    tb = err.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _static_problems(source: str, sample: Mapping[str, object]) -> list[tuple[int, str]]:
    """Names and fields a template uses that the data does not have, even in branches not taken."""
    try:
        return _static_checks(source, sample)
    except (TemplateSyntaxError, RecursionError, MemoryError, SyntaxError, ValueError):
        return []  # reported by _compile, which says what it is


def _static_checks(source: str, sample: Mapping[str, object]) -> list[tuple[int, str]]:
    tree = _environment().parse(source)
    if refused_tag(tree) is not None:
        return []  # the refused tag is the problem (_compile reports it), not the names it binds
    undeclared = meta.find_undeclared_variables(tree)
    found: list[tuple[int, str]] = []
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for name in sorted(undeclared - set(CONTEXT_NAMES)):
        # A name bound by a tag rather than read (no Name node) has no line of its own.
        line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), 1)
        found.append((line, f"unknown name '{name}'{suggest(name, CONTEXT_NAMES)}"))
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        path = _path(node)
        if not path or path[0] not in sample or path[0] in stored:
            continue
        value: object = sample[path[0]]
        for i, key in enumerate(path[1:], start=1):
            if not isinstance(value, dict):
                break
            if key not in value:
                where = ".".join(path[:i])
                found.append((node.lineno, f"'{where}' has no field '{key}'{suggest(key, value)}"))
                break
            value = value[key]
    return sorted(set(found))


def _path(node: nodes.Node) -> list[str] | None:
    """``case.interviewers`` or ``case['role']`` as ['case', 'role']; None for anything else."""
    if isinstance(node, nodes.Name):
        return [node.name]
    if isinstance(node, nodes.Getattr):
        head = _path(node.node)
        return [*head, node.attr] if head else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        head = _path(node.node)
        key = node.arg.value
        return [*head, key] if head and isinstance(key, str) else None
    return None


def _parts(template: Template) -> list[tuple[str, str]]:
    parts = [("body", template.body)]
    if template.subject:
        parts.insert(0, ("subject", template.subject))
    return parts


def template_problems(playbook: Playbook) -> list[Problem]:
    """Every problem in a playbook's templates: syntax, refused tags, unknown names, and a
    failure rendering each once against a sample case."""
    problems: list[Problem] = []
    for template in playbook.templates:
        sample = sample_context(playbook, template.key)
        for part, source in _parts(template):
            failures = [_Failure(line, msg) for line, msg in _static_problems(source, sample)]
            if not failures:
                try:
                    _render(source, sample)
                except _Failure as err:
                    failures.append(err)
            problems += [locate(template, part, f) for f in failures]
    return problems


def unloaded_template_problems(doc: Document) -> list[Problem]:
    """The problems of the templates written in a playbook file that does not load, so a
    coach sees them with the file's other problems rather than after fixing those.

    Each template is checked as `template_problems` checks it, against a sample case; without
    the playbook's rules a template is taken to be for a step of its own key's kind.  A
    template whose shape is wrong is left to the loader, which reports it.
    """
    data = doc.data
    raw = data.get("templates") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        return []
    found: list[Template] = []
    for key, value in raw.items():
        spec = value if isinstance(value, dict) else {"body": value}
        body, subject = spec.get("body"), spec.get("subject", "")
        if isinstance(key, str) and isinstance(body, str) and isinstance(subject, str):
            line, col = doc.where(("templates", key))
            found.append(Template(key, body, Origin(doc.file, line, col), subject))
    ident = data.get("id") if isinstance(data, dict) else None
    title = data.get("title") if isinstance(data, dict) else None
    stand_in = Playbook(
        ident if isinstance(ident, str) else "playbook",
        title if isinstance(title, str) else "",
        "",
        Source(""),
        doc.file,
        (),
        (),
        (),
        (),
        (),
        templates=tuple(found),
    )
    return template_problems(stand_in)


def check_templates(playbook: Playbook) -> None:
    """Check every template of a playbook.

    Raises:
        InputError: every problem, located in the playbook file.
    """
    problems = template_problems(playbook)
    if problems:
        raise InputError(problems)


def render(template: Template, context: dict[str, object]) -> Message:
    """Render a template's subject and body for one draft.

    Raises:
        InputError: the template failed on this case (located in the playbook file).
    """
    texts: dict[str, str] = {"subject": ""}
    for part, source in _parts(template):
        try:
            texts[part] = _render(source, context)
        except _Failure as err:
            raise InputError([locate(template, part, err)]) from None
    subject = " ".join(texts["subject"].split())
    body = "\n".join(line.rstrip() for line in texts["body"].strip("\n").splitlines())
    return Message(subject, body)


# -- where a failure is, in the playbook file ---------------------------------------------------


def locate(template: Template, part: str, failure: _Failure) -> Problem:
    """A problem at the file line of the failing template line when it can be worked out (a
    ``|`` block or a one-line text), else at the template's place, naming the template line."""
    origin = template.origin
    lines = (template.body if part == "body" else template.subject).splitlines() or [""]
    index = min(max(failure.line, 1), len(lines)) - 1
    excerpt = lines[index].strip()
    message = f"template '{template.key}', {part} line {failure.line}: "
    message += failure.message.rstrip(".")
    if excerpt:
        message += f" (in `{_short(excerpt)}`)"
    line, col = _file_place(template, part, failure.line) or (origin.line, origin.col)
    return Problem(origin.file, line, col, message, failure.expected)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _file_place(template: Template, part: str, line: int) -> tuple[int, int] | None:
    if template.origin.file == BUILT_IN:
        return None
    # lazy: the error path only
    from followup.io.user_files import HAND_WRITTEN_LIMIT, read_user_text  # the error path only
    from followup.io.yaml_reader import read_yaml_file  # the error path only

    try:
        doc = read_yaml_file(Path(template.origin.file))
        name = template.origin.file
        raw = read_user_text(name, name, "playbook file", HAND_WRITTEN_LIMIT).splitlines()
    except InputError:
        return None
    spec = _data_at(doc.data, ("templates", template.key))
    path: tuple[str, ...] = ("templates", template.key)
    if isinstance(spec, dict):
        path = (*path, part)
    v_line, v_col = doc.where(path)
    if v_line > len(raw):
        return None
    start = raw[v_line - 1][v_col - 1 :]
    if start.startswith("|"):
        target = v_line + line  # a literal block keeps every line, blank ones included
        if target > len(raw):
            return None
        text = raw[target - 1]
        return target, len(text) - len(text.lstrip()) + 1
    if line == 1 and start[:1] not in (">", ""):
        return v_line, v_col
    return None


def _data_at(data: object, path: tuple[str, ...]) -> object:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
