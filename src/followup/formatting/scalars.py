"""How one value is written: plain, quoted, folded (``>-``) or literal (``|``).

Plain whenever the safe reader reads the plain text back as the same string and no YAML 1.1
reader (PyYAML, many editors and CI tools) would read it as something else: ``on``, ``yes``,
``no``, ``~``, ``0755``, ``1:30`` and date-like text such as ``2026-03-02`` are always quoted.
Quotes are double, or single when the text holds a ``"`` (and no ``'``) and needs no escape.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Final

from followup.errors import InputError
from followup.formatting.tree import ScalarValue
from followup.io.yaml_reader import read_yaml_text
from followup.language.playbook_loader import keys_accepted

LINE_WIDTH: Final = 100  # one-line forms must fit in this many columns
FOLD_WIDTH: Final = 96  # folded text is wrapped to this many columns

# YAML 1.1's implicit types (the spec's regular expressions): text matching one is quoted.
_YAML11_SPECIAL: Final = re.compile(
    r"""
      y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
    | ~|null|Null|NULL|<<|=
    | [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
    | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
    | [-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?
    | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt\ \t].*)?
    """,
    re.VERBOSE,
)

_LANGUAGE_KEYS: Final = frozenset(key for keys in keys_accepted().values() for key in keys)


def inline(value: ScalarValue, *, flow: bool, key: bool = False) -> str:
    """``value`` on one line, as a plain or quoted scalar fit for its context.

    The language's own keys are exempt from the YAML 1.1 rule: ``on:`` (a transition's event)
    stays plain, as everywhere in the docs; the files are YAML 1.2, as the schema line tells
    editors.
    """
    if value is None:
        return "null"  # as the docs write it (completed_by: null), never an empty value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if _plain_ok(value, flow, key, yaml11=not (key and value in _LANGUAGE_KEYS)):
        return value
    return quoted(value)


def quoted(text: str) -> str:
    """``text`` in double quotes, or in single quotes when it holds ``"`` and needs no escape."""
    if '"' in text and "'" not in text and all(_raw_safe(ch) for ch in text):
        return f"'{text}'"
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def block_scalar(text: str, head: str, indent: int) -> list[str] | None:
    """``text`` as a block scalar after ``head`` (``key:`` or ``-``), or None to stay inline.

    Text with line breaks is written literal (``|``/``|-``) when it can be exactly; text whose
    one-line form would pass LINE_WIDTH is folded (``>-``) at single spaces, to FOLD_WIDTH.
    Content is indented to ``indent``.
    """
    pad = " " * indent
    if "\n" in text:
        body = _literal_body(text)
        if body is None:
            return None
        header = head + (" |" if text.endswith("\n") else " |-")
        return [header, *(pad + line if line else "" for line in body)]
    if len(head) + 1 + len(inline(text, flow=False)) <= LINE_WIDTH or not _foldable(text):
        return None
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and indent + len(current) + 1 + len(word) > FOLD_WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [head + " >-", *(pad + line for line in lines)]


def _float(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


@functools.lru_cache(maxsize=8192)
def _plain_ok(text: str, flow: bool, key: bool, *, yaml11: bool) -> bool:
    """Whether ``text`` can be written plain here and reads back as itself (also in 1.1)."""
    if not text or (yaml11 and _YAML11_SPECIAL.fullmatch(text)):
        return False
    if not all(_raw_safe(ch) for ch in text):
        return False  # tabs and control characters are shown as escapes, in double quotes
    samples: tuple[str, ...]
    if key:
        samples = (f"{{{text}: x}}" if flow else f"{text}: x",)
        expected: tuple[object, ...] = ({text: "x"},)
    elif flow:
        samples = (f"[{text}, {text}]", f"{{k: {text}}}")
        expected = ([text, text], {"k": text})
    else:
        samples = (f"k: {text}", f"- {text}")
        expected = ({"k": text}, [text])
    # The safe reader itself is the judge, so "plain" can never mean something else to it.
    for sample, wanted in zip(samples, expected, strict=True):
        try:
            if read_yaml_text(sample + "\n", "<fmt>").data != wanted:
                return False
        except InputError:
            return False
    return True


def _raw_safe(ch: str) -> bool:
    """Printable in YAML and not a line break: may appear inside quotes as it is."""
    code = ord(ch)
    if 0x20 <= code <= 0x7E:
        return True
    if code < 0xA0 or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF):
        return False
    return not 0xD800 <= code <= 0xDFFF


def _escape(ch: str) -> str:
    if ch in '"\\':
        return "\\" + ch
    if _raw_safe(ch):
        return ch
    return json.dumps(ch)[1:-1] if ord(ch) < 0x10000 else f"\\U{ord(ch):08X}"


def _foldable(text: str) -> bool:
    """Folding at single spaces gives back exactly ``text``."""
    return (
        text == text.strip(" ")
        and "  " not in text
        and " " in text
        and all(_raw_safe(ch) for ch in text)
    )


def _literal_body(text: str) -> list[str] | None:
    """The lines of a literal block for ``text``, or None if a literal cannot keep it exactly."""
    body = text.removesuffix("\n")
    if body.endswith("\n") or not body.strip():
        return None  # more trailing line breaks would need |+, which swallows the blank lines
    lines = body.split("\n")
    first = next(line for line in lines if line)
    if first.startswith(" "):
        return None  # would need an indentation indicator
    for line in lines:
        if line != line.rstrip(" ") or not all(_raw_safe(ch) for ch in line):
            return None
    return lines
