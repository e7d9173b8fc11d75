"""One canonical layout for playbooks, keeping every comment (``followup fmt``).

Only a file that loads is formatted: the safe reader and the playbook loader run first, and a
file with problems is reported and left alone.  The result is then proven to read back to the
same data, the same playbook (apart from the line and column each rule was written at) and the
same comments before it may be written; formatting twice changes nothing more.

The canonical layout:

* Keys in a fixed order: the playbook's ``id, extends, remove, title, summary, source,
  parameters, kinds, transitions, actions, avoid, limits, templates``; a transition's ``id, from,
  on, after, to, outcome, when, advice, source``; an action's ``id, in, kind, due, channel,
  repeat, optional, when, advice, source``; a don't's ``id, in, when, advice, source``; and
  likewise ``source``, ``limits``, ``repeat``, a kind, a template and a channel option.  The
  author's order is kept for parameters, kinds, templates, guards and every list.
* Two spaces of indentation; list items indented under their key (``  - id: ...``).
* The playbook, its sections, each rule, kind and template are block style.  Anything inside a
  rule (``from`` lists, guards, date rules, ``repeat``, channels) is written in flow style,
  ``{a: 1, b: [x, y]}``, when that fits on its line within 100 columns and no comment is inside
  it; otherwise block style, the same rule applying to its parts.  Empty ones are ``{}``/``[]``.
* A blank line before each section after the header keys (``id, title, summary, source``), and
  nowhere else; the leading comment block (such as the ``# yaml-language-server`` line) stays
  at the top, directly above ``id``.
* Text is plain unless YAML needs quotes.  Text that a YAML 1.1 tool would read as something
  else (``on``, ``yes``, ``no``, ``~``, numbers such as ``0755`` or ``1:30``, dates such as
  ``2026-03-02``) is always quoted; the language's own keys (a transition's ``on:``) are not.
  Quotes are double (with escapes for tabs and control characters), or single when the text
  holds ``"`` but no ``'`` and needs no escape.  Nothing is written ``null``.
* Text too long for its line (past 100 columns) is folded (``>-``) at single spaces, wrapped
  at 96 columns; text with line breaks is literal (``|`` or ``|-``).
* Comments stay with what they were written next to: a comment line above an entry moves with
  it, an end-of-line comment stays on its entry's line (those of consecutive one-line entries
  aligned two spaces after the longest such line), and a comment line closing a block (such as
  a commented-out key at the end of a rule) stays at the end of that block.
* Line ends are LF (CRLF input becomes LF), UTF-8 without byte-order mark, one final newline.
  Aliases are written out in full; ``---`` and ``%YAML`` lines are dropped.
"""

from __future__ import annotations

from pathlib import Path

from followup.catalog import build_document
from followup.formatting.layout import render
from followup.formatting.source import parse
from followup.formatting.verify import check_same
from followup.io.yaml_reader import read_yaml_text

__all__ = ["format_text"]


def format_text(text: str, file: str, dirs: tuple[Path, ...] | None = None) -> str:
    """The canonical form of the playbook ``text`` (``file`` names it in messages; a base it
    extends by id is looked for in ``dirs``, by default the user's folders).

    Raises:
        InputError: the text is not a playbook that loads (every problem, located).
        EngineError: the formatter could not keep the meaning or a comment (a bug).
    """
    text = text.removeprefix("\ufeff")
    doc = read_yaml_text(text, file)
    playbook = build_document(doc, dirs=dirs)
    formatted = render(parse(text, doc))
    check_same(text, doc, playbook, formatted, dirs)
    return formatted
