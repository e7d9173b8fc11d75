"""``followup playbooks``: one row per playbook, every figure derived by running the engine.

The table is plain text (no styling library at run time): it is laid out for the terminal's
width, and falls back to one short block per playbook when the table would not fit.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import click

from followup import catalog
from followup.analysis.profile import STANDARD_INTERVIEW, Profile, profile
from followup.compile.machine import CompiledPlaybook
from followup.errors import InputError, visible

# (header line 1, header line 2, how a profile fills the cell)
COLUMNS: Final[tuple[tuple[str, str, str], ...]] = (
    ("", "style", "style"),
    ("first", "check", "first_check_in_after_days"),
    ("direct", "contact", "direct_contacts"),
    ("closes", "after", "gives_up_after_days"),
    ("their", "date", "waits_for_stated_date"),
    ("calls", "if ok", "uses_phone_when_allowed"),
    ("keeps", "word", "keeps_promises"),
    ("heeds", "don't", "honours_not_wanted"),
    ("net-", "works", "networks"),
)
# What each column means, for the narrow view and the legend.
MEANING: Final = {
    "first_check_in_after_days": "first check-in after (days)",
    "direct_contacts": "direct contacts before it lets go",
    "gives_up_after_days": "closes after (days)",
    "waits_for_stated_date": "follows their decision date",
    "uses_phone_when_allowed": "calls when invited",
    "keeps_promises": "keeps your promises",
    "honours_not_wanted": 'respects "don\'t follow up"',
    "networks": "suggests networking",
}
LEGEND: Final = (
    "Every figure comes from running the playbook on standard cases: an interview on "
    f"{STANDARD_INTERVIEW:%A %d %B %Y} and then silence (days count from the interview); the same "
    "case with a decision date three weeks on (their date: the first check-in waits for it), "
    "with calls invited (calls if ok), with a promise to write on a given day (keeps word), and "
    "with a request not to follow up (heeds don't: no check-in then); direct contact counts "
    "emails, calls, letters and texts before it lets go. Style: persistent = three check-ins "
    "or more, patient = first check-in two weeks on or later, brief = lets go within three weeks, "
    "steady = between. * = one of your playbooks. The long form: followup show ID."
)
GAPS: Final = ("  ", " ")  # the roomier spacing when it fits


def cell(value: object) -> str:
    """A figure as the table shows it: yes/no, never, or days."""
    if value is None:
        return "never"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def row_json(cp: CompiledPlaybook, entry: catalog.Entry | None, found: Profile) -> dict[str, Any]:
    """One playbook for scripts (the keys of earlier versions, and the profile's new figures)."""
    facts = dataclasses.asdict(found)
    facts.pop("playbook_id")
    return {
        "id": cp.id,
        "title": cp.playbook.title,
        "summary": cp.playbook.summary,
        "source": cp.playbook.source.cite(),
        "bundled": bool(entry and entry.bundled),
        "shadows": str(entry.shadows.path) if entry and entry.shadows else None,
        "file": str(entry.path) if entry else cp.playbook.file,
        "profile": facts,
    }


def table_lines(rows: Sequence[tuple[str, Profile]], width: int) -> list[str] | None:
    """The table, or None when it is wider than ``width``."""
    heads = [("", "playbook"), *((a, b) for a, b, _ in COLUMNS)]
    cells = [[name, *(cell(getattr(p, key)) for _, _, key in COLUMNS)] for name, p in rows]
    widths = [max(len(h[0]), len(h[1]), *(len(r[i]) for r in cells)) for i, h in enumerate(heads)]
    fits = [g for g in GAPS if sum(widths) + len(g) * (len(widths) - 1) <= width]
    if not fits:
        return None
    gap = fits[0]

    def line(parts: Sequence[str]) -> str:
        first = f"{parts[0]:<{widths[0]}}"
        rest = (f"{p:<{w}}" for p, w in zip(parts[1:], widths[1:], strict=True))
        return gap.join((first, *rest)).rstrip()

    out = [line([h[0] for h in heads]), line([h[1] for h in heads])]
    out.append(line(["-" * w for w in widths]))
    out += [line(r) for r in cells]
    return out


def block_lines(rows: Sequence[tuple[str, Profile]]) -> list[str]:
    """One short block per playbook, for a terminal too narrow for the table."""
    out: list[str] = []
    for name, p in rows:
        out.append(f"{name} ({p.style})")
        out += [f"  {MEANING[key]}: {cell(getattr(p, key))}" for _, _, key in COLUMNS[1:]]
    return out


def list_playbooks(dirs: tuple[Path, ...], as_json: bool) -> None:
    """``followup playbooks``: the table, each playbook's title, and how the figures are made.

    Raises:
        InputError: some playbooks do not load (after listing every one that does).
        UsageError: a playbooks folder is missing.
    """
    compiled, broken = catalog.load_each(dirs)
    entries = catalog.discover(dirs)
    found = [(cp, entries.get(cp.id), profile(cp)) for cp in compiled]
    if as_json:
        click.echo(json.dumps([row_json(cp, e, p) for cp, e, p in found], indent=2))
    else:
        rows = [(visible(cp.id) + ("" if e and e.bundled else "*"), p) for cp, e, p in found]
        width = shutil.get_terminal_size((100, 24)).columns
        lines = table_lines(rows, width) or block_lines(rows)
        import textwrap  # lazy: only the text view wraps

        lines.append("")
        for cp, e, _ in found:
            # One line each, never wrapped: a script may look for "ID: title" or "(yours".
            lines.append(f"{visible(cp.id)}{catalog.mark(e)}: {visible(cp.playbook.title)}")
            cite = f"source: {visible(cp.playbook.source.cite())}"
            lines += textwrap.wrap(
                cite, min(width, 100), initial_indent="    ", subsequent_indent="    "
            )
        lines.append("")
        lines += textwrap.wrap(LEGEND, min(width, 100))
        click.echo("\n".join(lines))
    if broken:  # listed what loads; the broken ones are named on stderr, and the exit is 2
        raise InputError(broken)
