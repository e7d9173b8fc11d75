"""A rendered message laid out for its channel: an email, a letter, a call script or a message.

* **email** (email, the recruiter, the portal): the subject and the body as written;
* **letter** (mail): no subject; your name and address, the date it goes out, their name and
  company, then the body;
* **call** (phone): no subject; a script: who to call, an opening line (who you are and when
  you met), the points to make (the body's paragraphs, without its greeting and sign-off) and
  a close;
* **message** (text, LinkedIn, in person, none): the body, without a subject.

Every layout writes each paragraph on one line (mail programs wrap lines themselves, and a
line broken in the middle of a sentence pastes badly).  Templates are written wrapped in YAML,
so a line break inside a paragraph is taken as a soft wrap and joined with a space when the
line before it is long (`SOFT_WRAP` characters or more) or ends a sentence, and does not end
with a colon, and the next line is not a list item.  Other short lines keep their break:
"Best regards,", a name, the lines of an address or a signature, list items.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from followup.drafts.context import blank

SOFT_WRAP = 50
SUBJECT_CHANNELS = frozenset({"email", "recruiter", "portal"})
_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022]|\d+[.)])\s")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d)]*$")
# Stands for a multi-line block (a signature) while paragraphs are joined: it is kept as it is.
_KEPT = "\ue000{}\ue001"


@dataclass(frozen=True, slots=True)
class Facts:
    """What a layout says around the message: who it is to and from, and when."""

    to_name: str
    greeting: str
    company: str
    role: str
    sender_name: str
    interview_when: str
    send_on: date
    # The company's main line (a number, or a blank) when the step goes to the company.
    main_line: str = ""


@dataclass(frozen=True, slots=True)
class Laid:
    """A message laid out for its channel; ``layout`` is email, letter, call or message."""

    subject: str
    body: str
    layout: str


def layout_for(channel: str | None) -> str:
    """The layout a channel's messages get."""
    if channel in SUBJECT_CHANNELS:
        return "email"
    return {"mail": "letter", "phone": "call"}.get(channel or "", "message")


def unwrap(text: str, keep: Sequence[str] = ()) -> str:
    """One line per paragraph: soft-wrapped lines joined, deliberate breaks kept.

    Args:
        text: the rendered body.
        keep: multi-line blocks (a signature) whose line breaks are always kept.
    """
    kept = [k for k in keep if "\n" in k]
    for i, block in enumerate(kept):
        text = text.replace(block, _KEPT.format(i))
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(text.strip("\n")):
        lines = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for before, line in itertools.pairwise(lines):
            ends = len(before) >= SOFT_WRAP or _SENTENCE_END.search(before) is not None
            soft = ends and not before.endswith(":")
            joined += " " + line.lstrip() if soft and not _LIST_ITEM.match(line) else "\n" + line
        paragraphs.append(joined)
    text = "\n\n".join(paragraphs)
    for i, block in enumerate(kept):
        text = text.replace(_KEPT.format(i), block)
    return text


def lay_out(
    subject: str, body: str, channel: str | None, facts: Facts, keep: Sequence[str] = ()
) -> Laid:
    """The message as its channel wants it (see the module docstring)."""
    layout = layout_for(channel)
    text = unwrap(body, keep)
    if layout == "email":
        return Laid(subject, text, layout)
    if layout == "letter":
        return Laid("", _letter(text, facts), layout)
    if layout == "call":
        return Laid("", _call_script(text, facts), layout)
    return Laid("", text, layout)


def _letter(text: str, facts: Facts) -> str:
    sent = f"{facts.send_on:%A}, {facts.send_on.day} {facts.send_on:%B %Y}"
    head = [facts.sender_name, blank("your postal address"), "", sent, "", facts.to_name]
    if facts.company:
        head.append(facts.company)
    return "\n".join([*head, "", text])


def _call_script(text: str, facts: Facts) -> str:
    paragraphs = text.split("\n\n")
    if paragraphs and _is_greeting(paragraphs[0]):
        paragraphs = paragraphs[1:]
    if paragraphs and _is_sign_off(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    who = facts.to_name + (f" at {facts.company}" if facts.company else "")
    opening = (
        f"Hello {facts.greeting}, this is {facts.sender_name}. I interviewed for the "
        f"{facts.role} role {facts.interview_when}. Is this a good moment for a quick word?"
    )
    if facts.main_line:
        # Reception first: say who you are and ask for the people hiring for the role.
        who = f"the main line of {facts.company or 'the company'} ({facts.main_line})"
        opening = (
            f"Hello, this is {facts.sender_name}. I interviewed for the {facts.role} role "
            f"{facts.interview_when}. Could you put me through to the hiring team for that "
            "role, or pass on a message?"
        )
    points = [f"- {' '.join(p.split())}" for p in paragraphs] or [f"- {blank('why you call')}"]
    return "\n".join(
        [
            f"Call {who}.",
            "",
            f"Opening: {opening}",
            "",
            "Points:",
            *points,
            "",
            "Close: Thank you for your time. I look forward to hearing from you.",
            "",
            "No answer? Leave your name, your number and one sentence on why you called.",
        ]
    )


def _is_greeting(paragraph: str) -> bool:
    """A first paragraph that is only "Dear ...," or "Hello ...,"."""
    return "\n" not in paragraph and len(paragraph) <= 60 and paragraph.endswith(",")


def _is_sign_off(paragraph: str) -> bool:
    """A last paragraph that starts with "Best regards," or similar (a name may follow)."""
    first = paragraph.split("\n", 1)[0]
    return len(first) <= 40 and first.endswith(",")
