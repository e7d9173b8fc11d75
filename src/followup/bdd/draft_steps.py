"""Steps about the messages followup drafts: what the job seeker would paste and send.

The drafts are made as ``followup draft`` makes them, signed from the settings file that the
"my settings say" steps write (in a folder of the scenario's own, never the user's settings).
"The draft" is the first one drafted (thank-yous draft one per interviewer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from followup import settings
from followup.authoring.folders import CONFIG_ENV
from followup.bdd.words import ACTION_NAMES, DATE, day_of
from followup.bdd.world import World, fail, needs
from followup.drafts.compose import Draft, drafts_for
from followup.drafts.context import Sender
from followup.errors import FollowupError

QUOTED_TEXT = r'"(?P<text>[^"]+)"'


@dataclass
class DraftBox:
    """The scenario's settings folder and the drafts of its last "I draft" step (None until
    one runs)."""

    config_dir: Path
    drafts: list[Draft] | None = None


@pytest.fixture
def followup_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DraftBox:
    """The scenario's drafts, with a settings folder of its own."""
    config = tmp_path / "followup-config"
    monkeypatch.setenv(CONFIG_ENV, str(config))
    return DraftBox(config)


NOT_DRAFTED = "No draft yet: add a step such as 'When I draft the next step on 2026-03-09'."


def _first(box: DraftBox) -> Draft:
    """The first draft of the last "I draft" step (which fails when it drafts nothing)."""
    return needs(box.drafts, NOT_DRAFTED)[0]


def _shown(d: Draft) -> str:
    head = f"To: {d.to}\nSubject: {d.subject}\n" if d.subject else f"To: {d.to}\n"
    return f"The draft ({d.layout}):\n{head}\n{d.body}"


# -- Given: the job seeker's settings ------------------------------------------------------------


@given(parsers.re(r'my settings say my (?P<key>name|signature) is "(?P<value>[^"]+)"'))
def my_settings(followup_drafts: DraftBox, key: str, value: str) -> None:
    """Write my name or signature in my settings, as 'followup config set' does."""
    try:
        path = settings.settings_path()
        values = settings.read_settings(path)
        values[key] = settings.check_value(key, value)
        settings.write_settings(values, path)
    except FollowupError as err:
        fail(f"My settings cannot say that:\n{err}")


@given(parsers.re(r'I greet "(?P<name>[^"]+)" as "(?P<greeting>[^"]+)"'))
def i_greet(followup_world: World, name: str, greeting: str) -> None:
    """Say how a drafted message greets this interviewer (their 'greeting' in the case file)."""
    people = followup_world.case.get("interviewers")
    found = False
    updated: list[object] = []
    for person in people if isinstance(people, list) else []:
        entry = {"name": person} if isinstance(person, str) else dict(person)
        if entry.get("name") == name:
            entry["greeting"] = greeting
            found = True
        updated.append(entry)
    if not found:
        fail(f"No interviewer {name!r}: name them first, e.g. Given the interviewer was {name!r}.")
    followup_world.set_case("interviewers", updated)


# -- When: drafting ------------------------------------------------------------------------------


@when(
    parsers.re(
        rf"I draft (?:the next step|the (?P<what>[A-Za-z][A-Za-z _-]*?)) on (?P<day>{DATE})"
    ),
    converters={"day": day_of},
)
def i_draft(followup_world: World, followup_drafts: DraftBox, what: str | None, day: date) -> None:
    """Draft the next step (or the named one: a check-in, an update, a rule id) on this day."""
    action = None if what is None else ACTION_NAMES.get(what.lower(), what)
    followup_world.today = day
    try:
        signed = settings.read_settings()
        sender = Sender(signed.get("name", ""), signed.get("signature", ""))
        cp = followup_world.playbook()
        case = followup_world.built_case()
        plan = followup_world.plan()
        followup_drafts.drafts = drafts_for(
            plan, cp, case, followup_world.calendar(), action, sender
        )
    except FollowupError as err:
        fail(f"Nothing could be drafted:\n{err}\n\nThe plan:\n{followup_world.plan_text()}")
    if not followup_drafts.drafts:
        fail(f"Nothing to draft on {day}.\n\nThe plan:\n{followup_world.plan_text()}")


# -- Then: what the draft says -------------------------------------------------------------------


@then(parsers.re(rf"the draft (?:begins|starts) with {QUOTED_TEXT}"))
def draft_starts(followup_drafts: DraftBox, text: str) -> None:
    """The draft's text (after any subject) starts with these words."""
    d = _first(followup_drafts)
    if not d.body.startswith(text):
        fail(f'Expected the draft to start with "{text}".\n\n{_shown(d)}')


@then(parsers.re(rf"the draft ends with {QUOTED_TEXT}"))
def draft_ends(followup_drafts: DraftBox, text: str) -> None:
    """The draft's text ends with these words (a signature, say)."""
    d = _first(followup_drafts)
    if not d.body.rstrip().endswith(text):
        fail(f'Expected the draft to end with "{text}".\n\n{_shown(d)}')


@then(parsers.re(rf"the draft says {QUOTED_TEXT}"))
def draft_says(followup_drafts: DraftBox, text: str) -> None:
    """The draft (subject or text) contains these words."""
    d = _first(followup_drafts)
    if text not in f"{d.subject}\n{d.body}":
        fail(f'Expected the draft to say "{text}".\n\n{_shown(d)}')


@then(parsers.re(rf"the draft does not say {QUOTED_TEXT}"))
def draft_does_not_say(followup_drafts: DraftBox, text: str) -> None:
    """Neither the draft's subject nor its text contains these words."""
    d = _first(followup_drafts)
    if text in f"{d.subject}\n{d.body}":
        fail(f'Expected the draft not to say "{text}".\n\n{_shown(d)}')


@then(parsers.re(r"the draft is (?:an? )?(?P<layout>email|letter|call script|message)"))
def draft_layout(followup_drafts: DraftBox, layout: str) -> None:
    """The draft is laid out as an email, a letter, a call script or a message."""
    d = _first(followup_drafts)
    want = "call" if layout == "call script" else layout
    if d.layout != want:
        fail(f"Expected the draft to be {layout}, but it is laid out as {d.layout}.\n\n{_shown(d)}")


@then("the draft has no subject")
def draft_has_no_subject(followup_drafts: DraftBox) -> None:
    """The draft has no subject line (a call, a letter)."""
    d = _first(followup_drafts)
    if d.subject:
        fail(f'Expected no subject, but the draft has "{d.subject}".\n\n{_shown(d)}')


@then("every paragraph of the draft is one line")
def one_line_paragraphs(followup_drafts: DraftBox) -> None:
    """No sentence of the draft is broken across lines (it pastes cleanly into mail)."""
    d = _first(followup_drafts)
    for paragraph in d.body.split("\n\n"):
        lines = paragraph.split("\n")
        if any(re.search(r"[a-z,]$", line) and len(line) >= 50 for line in lines[:-1]):
            fail(f"A paragraph of the draft is broken across lines:\n{paragraph}")


@then(parsers.re(rf"the only blanks left are {QUOTED_TEXT}(?P<more>(?:,? (?:and )?\"[^\"]+\")*)"))
def only_blanks(followup_drafts: DraftBox, text: str, more: str) -> None:
    """What is left to fill in, each written [[like this]], is exactly these."""
    d = _first(followup_drafts)
    want = [text, *re.findall(r'"([^"]+)"', more)]
    if sorted(d.blanks) != sorted(want):
        fail(f"Expected the blanks {want}, but the draft leaves {list(d.blanks)}.\n\n{_shown(d)}")
