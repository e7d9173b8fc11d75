"""A coach's scenarios checked against the step library before they run.

pytest-bdd answers a sentence it does not know with its own ``StepDefinitionNotFoundError`` at
run time, and takes a misspelt keyword (``Gvien``) before a scenario's first step for part of
the scenario's description, so the step silently goes missing.  Both are found here first, each
as one located problem in the coach's words: the nearest sentences of the library for an
unknown step, the keyword meant for a misspelt one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import pytest
from pytest_bdd.parser import FeatureParser

from followup.errors import Problem, closest
from followup.spec.stepdoc import StepDef, find_steps, step_definitions, template

STEP_KEYWORDS: Final = ("Given", "When", "Then", "And", "But")
# Lines that open a part of a feature whose first lines may be free text (its description).
_HEADERS: Final = re.compile(
    r"\s*(Feature|Rule|Background|Scenario|Scenario Outline|Scenario Template|Example):"
)
# The headers a misspelling of which turns a part of a feature into description text.
HEADER_KEYWORDS: Final = (
    "Feature:",
    "Rule:",
    "Background:",
    "Scenario:",
    "Scenario Outline:",
    "Examples:",
)
HEADER_LIKENESS: Final = 0.8  # how alike a line's first word must be to a header to be its typo
_PLACEHOLDER: Final = re.compile(r"<[^<>]+>")
NEAREST = 3  # sentences suggested for an unknown step


def step_problems(files: Sequence[Path], shown: dict[Path, str]) -> list[Problem]:
    """Every step of ``files`` the library does not know, and every misspelt step keyword.

    Args:
        files: Feature files that parse (see `followup.spec.runner.check_gherkin`).
        shown: How each file is named in messages.
    """
    defs = step_definitions()
    problems: list[Problem] = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        problems += _unknown_steps(path, shown[path], lines, defs)
        problems += misspelt_keywords(shown[path], lines, defs)
    return sorted(set(problems))


def keyword_typo(line: str) -> str:
    """' (did you mean 'Given'?)' when a line starts with a near miss of a Gherkin keyword."""
    words = line.split()
    first = words[0] if words else ""
    if not first or first in STEP_KEYWORDS or not first[:1].isupper():
        return ""
    near = closest(first, (*STEP_KEYWORDS, *HEADER_KEYWORDS))
    return _not_a_keyword(first, near) if near else ""


def _not_a_keyword(said: str, meant: str) -> str:
    return f"'{said}' is not a Gherkin keyword (did you mean '{meant}'?)"


def _unknown_steps(
    path: Path, name: str, lines: list[str], defs: Sequence[StepDef]
) -> list[Problem]:
    feature = FeatureParser(str(path.parent), path.name).parse()
    problems: list[Problem] = []
    seen: set[int] = set()
    for scenario in feature.scenarios.values():
        for step in scenario.steps:
            if step.line_number in seen or _PLACEHOLDER.search(step.name):
                continue  # a background's steps come with each scenario; outlines are filled in
            seen.add(step.line_number)
            source = lines[step.line_number - 1] if step.line_number <= len(lines) else ""
            col = len(source) - len(source.lstrip()) + 1
            found = find_steps(step.type, step.name, defs)
            if found:
                refused = _refused_value(found[0], step.name)
                if refused:
                    problems.append(
                        Problem(name, step.line_number, col, refused, "a value the step takes")
                    )
                continue
            problems.append(
                Problem(
                    name,
                    step.line_number,
                    col,
                    f'the step library has no {step.type} step "{step.name}"',
                    _nearest(step.type, step.name, defs),
                )
            )
    return problems


def _refused_value(definition: StepDef, text: str) -> str:
    """What the step's own converters say of a value in ``text`` they refuse (an impossible
    date, an unknown channel), else ''.  The same words the run would fail with, but before it,
    at the step's line."""
    args = definition.parser.parse_arguments(text) or {}
    for key, convert in definition.converters.items():
        value = args.get(key)
        if value is None:
            continue
        try:
            convert(value)
        except pytest.fail.Exception as refusal:
            return str(refusal.msg).rstrip(".")
    return ""


def _nearest(kind: str, text: str, defs: Sequence[StepDef]) -> str:
    """The library's sentences closest to ``text``, as an ``expected``."""
    sentences = {template(d): d for d in defs if kind in d.types}
    ranked = sorted(sentences, key=lambda s: -_likeness(text, s))
    shown = "; ".join(f'"{s}"' for s in ranked[:NEAREST])
    return f"a {kind} sentence of the library, such as {shown} (all: followup spec --steps)"


def _likeness(text: str, sentence: str) -> float:
    """How close a step is to a sentence: its words found there (misspelt or not), then the
    words they start with alike."""
    said, known = _words(text), _words(sentence)
    if not said:
        return 0.0
    found = sum(
        max((difflib.SequenceMatcher(None, w, k).ratio() for k in known), default=0.0) >= 0.8
        for w in said
    )
    shared = 0
    for a, b in zip(text.casefold().split(), sentence.casefold().split(), strict=False):
        if a != b:
            break
        shared += 1
    return found / len(said) + shared / 4


def _words(text: str) -> list[str]:
    """The words of a step worth comparing: three letters or more, no dates or numbers."""
    return list(re.findall(r"[a-z][a-z'-]{2,}", text.casefold()))


def misspelt_keywords(
    name: str, lines: list[str], defs: Sequence[StepDef] | None = None
) -> list[Problem]:
    """Lines before a part's first step that are a step with a misspelt keyword, or a
    misspelt header (``Scenaro:``), which makes the part that follows description text.

    Such a line is free text to Gherkin, so a step is reported only when the rest of it is a
    sentence of the library (a description that merely starts with "The" is left alone), and a
    header only when its words up to the colon are nearly one (`HEADER_LIKENESS`) and steps or
    a table follow it (a description may say "Rules: ...").
    """
    defs = step_definitions() if defs is None else defs
    problems: list[Problem] = []
    describing = False
    for number, line in enumerate(lines, start=1):
        words = line.split(maxsplit=1)
        if _HEADERS.match(line):
            describing = True
        elif words and words[0] in STEP_KEYWORDS:
            describing = False
        elif describing and (message := _misspelt_header(line)) and _steps_follow(lines, number):
            col = len(line) - len(line.lstrip()) + 1
            problems.append(Problem(name, number, col, message, ", ".join(HEADER_KEYWORDS)))
        elif (
            describing
            and len(words) == 2
            and (message := keyword_typo(line))
            and any(d.matches(words[1]) for d in defs)
        ):
            col = len(line) - len(line.lstrip()) + 1
            problems.append(Problem(name, number, col, message, "Given, When, Then, And or But"))
    return problems


def _misspelt_header(line: str) -> str:
    """The message for a line that starts with a near miss of a header ("Scenaro:",
    "Scenario Outlin:": its words up to the first colon, at most two, nearly one of
    `HEADER_KEYWORDS`), else ''."""
    head, colon, _ = line.strip().partition(":")
    said = head + colon
    if not colon or len(head.split()) > 2 or said in HEADER_KEYWORDS:
        return ""
    meant = closest(said, HEADER_KEYWORDS, HEADER_LIKENESS)
    return _not_a_keyword(said, meant) if meant else ""


def _steps_follow(lines: list[str], number: int) -> bool:
    """Whether the first line after line ``number`` (counted from 1) that says anything is a
    step or a table row, as after a header."""
    for line in lines[number:]:
        text = line.strip()
        if text and not text.startswith("#"):
            return text.split(maxsplit=1)[0] in STEP_KEYWORDS or text.startswith("|")
    return False
