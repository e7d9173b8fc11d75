"""A coach's scenarios checked against the step library before they run.

pytest-bdd answers a sentence it does not know with its own ``StepDefinitionNotFoundError`` at
run time, and takes a misspelt keyword (``Gvien``) before a scenario's first step for part of
the scenario's description, so the step silently goes missing.  A value a step cannot take (an
impossible date, an unknown channel, state, reply, outcome or playbook id, a file that is not
there, a cell of its table) fails only when its scenario runs.  All are found here first, each
as one located problem in the coach's words: the nearest sentences of the library for an
unknown step (an outline's at the row of examples that made it), the keyword meant for a
misspelt one, the step's own refusal (with the nearest word) for a value, the table's reader's
for a cell (`followup.spec.table_check`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import pytest
from pytest_bdd.parser import FeatureParser, Step

from followup.bdd.places import FEATURE
from followup.errors import Problem, closest
from followup.spec.outlines import Said, said_as
from followup.spec.stepdoc import StepDef, find_steps, step_definitions, template
from followup.spec.table_check import written_under

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
NEAREST = 3  # sentences suggested for an unknown step


def step_problems(files: Sequence[Path], shown: dict[Path, str]) -> list[Problem]:
    """Every step of ``files`` the library does not know, every value a step refuses (see
    `refused_values`), every table cell or missing table (see `written_under`), and every
    misspelt step keyword.

    Args:
        files: Feature files that parse (see `followup.spec.runner.check_gherkin`).
        shown: How each file is named in messages.
    """
    defs = step_definitions()
    problems: list[Problem] = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        # The steps find the files they name next to this feature, as they will when it runs.
        token = FEATURE.set(path.resolve())
        try:
            problems += _unknown_steps(path, shown[path], lines, defs)
        finally:
            FEATURE.reset(token)
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
    seen: set[Said] = set()
    for scenario in feature.scenarios.values():
        for step in scenario.steps:
            fresh = [s for s in said_as(scenario, step, lines) if s not in seen]
            seen.update(fresh)  # a background's steps come with each scenario
            matched = [(said, find_steps(step.type, said.text, defs)) for said in fresh]
            if len(fresh) > 1 and not any(found for _, found in matched):
                # No row of the examples makes it a sentence of the library: said once.
                matched = [(Said(step.name, fresh[0].line, fresh[0].col, ()), [])]
            for said, found in matched:
                problems += _said_problems(name, step, said, found, defs)
    return problems


def _said_problems(
    name: str, step: Step, said: Said, found: Sequence[StepDef], defs: Sequence[StepDef]
) -> list[Problem]:
    """What is wrong with one sentence a step runs as (``found``: the steps it matches): no
    step of the library is it (said at the row of examples that made it, at its empty cell if
    it has one), or the step refuses values in it or under it (each where it was written)."""
    if not found:
        unknown = f'the step library has no {step.type} step "{said.text}"'
        line, col, empty = said.row_place(step.name)
        if empty:
            unknown += f" (the '{empty}' cell of this row is empty)"
        return [Problem(name, line, col, unknown, _nearest(step.type, said.text, defs))]
    return [
        Problem(name, *said.place(at), refusal)
        for at, refusal in refused_values(found[0], said.text)
    ] + written_under(name, found[0], step, said)


def refused_values(definition: StepDef, text: str) -> list[tuple[int, str]]:
    """Each value in ``text`` the step's own converters refuse (an impossible date, an unknown
    channel, state or playbook id), with where it starts in ``text`` (-1 if unknown).

    The refusal is in the converter's words, which say what was found and what the step takes
    (`followup.bdd.words.refuse`): the same words the run would fail with, but before it.
    """
    args = definition.parser.parse_arguments(text) or {}
    regex = getattr(definition.parser, "regex", None)
    match = regex.fullmatch(text) if isinstance(regex, re.Pattern) else None
    refused: list[tuple[int, str]] = []
    for key, convert in definition.converters.items():
        value = args.get(key)
        if value is None:
            continue
        try:
            convert(value)
        except pytest.fail.Exception as refusal:
            at = match.start(key) if match is not None else -1
            refused.append((at, str(refusal.msg)))
    return refused


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
