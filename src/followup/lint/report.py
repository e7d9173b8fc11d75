"""What `prove` found, as located problems, as text for a coach, and as JSON for scripts."""

from __future__ import annotations

from typing import Any

import yaml

from followup.errors import Problem
from followup.io.yaml_reader import Document
from followup.lint.bounds import NOT_SOUND, STOPPED, bounds, news_dates
from followup.lint.findings import (
    Breach,
    Found,
    Report,
    Witness,
    day_of,
    gap_days,
    window_of,
)
from followup.lint.gherkin import CASE_FILE, case_file, event_fields, last_day, scenario
from followup.lint.picks import expressible
from followup.lint.search import own_word_ids
from followup.lint.space import (
    CALENDAR,
    HOLIDAYS,
    HORIZON_FROM,
    JOB_SEEKER,
    NEWS_DAYS,
    WEEKDAYS,
)

# A proof an earlier run of the same followup made of the same playbook (`proof_cache`).
REMEMBERED = ", remembered from an earlier run (--no-cache searches again)"
WHAT = {
    "max_contacts": "direct contacts before closing",
    "max_contacts_per_round": "direct contacts in one interview round",
    "max_contacts_per_7d": "direct contacts in any 7 days",
    "max_contacts_per_30d": "direct contacts in any 30 days",
    "min_gap": "shortest gap between two check-ins (days)",
    "max_days_open": "longest open without word from the employer (days)",
}


def _limits(report: Report) -> dict[str, int | None]:

    limits = report.cp.playbook.limits
    return {
        "max_contacts": limits.max_contacts,
        "max_contacts_per_round": limits.max_contacts_per_round,
        "max_contacts_per_7d": limits.max_contacts_per_7d,
        "max_contacts_per_30d": limits.max_contacts_per_30d,
        "min_gap": gap_days(limits.min_gap) if limits.min_gap else None,
        "max_days_open": limits.max_days_open,
    }


def _found(report: Report) -> dict[str, Found]:
    return {
        "max_contacts": report.contacts,
        "max_contacts_per_round": report.per_round,
        "max_contacts_per_7d": report.per7,
        "max_contacts_per_30d": report.per30,
        "min_gap": report.gap,
        "max_days_open": report.open,
    }


def _where(doc: Document | None, file: str, key: str | None) -> tuple[str, int, int]:
    """Where a finding about the limits points.

    At the limit itself, else at ``limits``, else at ``extends`` (the base declared them), else
    at the playbook's ``id``.
    """
    if doc is None or not isinstance(doc.data, dict):
        return file, 1, 1
    if "limits" not in doc.data:
        for fallback in ("extends", "id"):
            if fallback in doc.data:
                return (doc.file, *doc.where((fallback,), key=True))
        return doc.file, 1, 1
    limits = doc.data["limits"]
    if key and isinstance(limits, dict) and key in limits:
        return (doc.file, *doc.where(("limits", key), key=True))
    return (doc.file, *doc.where(("limits",), key=True))


def breach_text(breach: Breach, uncounted: frozenset[str] = frozenset()) -> str:
    """What a breach is, in words, with the dates that show it (``uncounted``: the rules whose
    steps no limit counts, `followup.lint.search.own_word_ids`)."""
    w = breach.witness
    if breach.unbounded:
        return (
            f"a path is still open where the search stops (its horizon), with more steps to "
            f"come, so a case left open longer makes more direct contacts than {breach.limit} "
            f"allows ({breach.allowed}); the most by then was {breach.found}"
        )
    if breach.limit in ("max_contacts_per_7d", "max_contacts_per_30d"):
        size = 7 if breach.limit.endswith("7d") else 30
        first, count = window_of(w, size, uncounted)
        return (
            f"a path makes {count} direct contacts in the {size} days from {day_of(w, first)}, "
            f"more than {breach.limit} allows ({breach.allowed})"
        )
    if breach.limit == "max_contacts_per_round":
        return (
            f"a path makes {breach.found} direct contacts in one interview round, more than "
            f"max_contacts_per_round allows ({breach.allowed})"
        )
    if breach.limit == "max_contacts":
        return (
            f"a path makes {breach.found} direct contacts, more than max_contacts allows "
            f"({breach.allowed})"
        )
    if breach.limit == "min_gap":
        return (
            f"a path sends two check-ins {breach.found} days apart, closer than min_gap allows "
            f"({breach.allowed} days)"
        )
    return (
        f"a path stays open {breach.found} days without word from the employer, longer than "
        f"max_days_open allows ({breach.allowed})"
    )


def problems(report: Report, doc: Document | None) -> list[Problem]:
    """The proof's findings as lint problems: broken limits, and warnings."""
    file = report.cp.playbook.file
    out: list[Problem] = []
    uncounted = own_word_ids(report.cp)
    for b in report.breaches:
        f, line, col = _where(doc, file, b.limit)
        text = breach_text(b, uncounted)
        out.append(Problem(f, line, col, text, f"{b.limit} to hold on every path", "L201"))
    limits = _limits(report)
    if all(v is None for v in limits.values()):
        f, line, col = _where(doc, file, None)
        out.append(
            Problem(
                f,
                line,
                col,
                "the playbook declares no limits, so the proof has nothing to check",
                "limits: such as max_contacts, max_contacts_per_7d, min_gap, max_days_open",
                "L202",
            )
        )
    by_design = report.cp.playbook.never_closes is not None
    if not report.closes and limits["max_days_open"] is None and not by_design:
        f, line, col = _where(doc, file, None)
        out.append(
            Problem(
                f,
                line,
                col,
                f"some path is still open {report.space.horizon} days after the employer's last "
                "word, and no max_days_open catches it",
                "a timer that closes the case, or max_days_open",
                "L203",
            )
        )
    return out


def _days(values: tuple[int | None, ...]) -> str:
    """The employer's dates tried, as offsets; a run of every day is one range."""
    days = [v for v in values if v is not None]
    shown = ["none"] if None in values else []
    if len(days) > 3 and days == list(range(days[0], days[-1] + 1)):
        return ", ".join([*shown, f"every day from +{days[0]} to +{days[-1]} days"])
    return ", ".join([*shown, *(f"+{v} days" for v in days)])


def _space_lines(report: Report) -> list[str]:
    sp = report.space
    weeks = ", ".join(w.isoformat() for w in sp.weeks)
    channels = ", ".join(f"{pc or 'none'}{' (calls ok)' if mc else ''}" for pc, mc in sp.channels)
    return [
        f"interview on each weekday ({', '.join(WEEKDAYS)}; the week of {weeks})",
        *(
            [f"at each part of the day (a rule reads it): {', '.join(sp.parts)}"]
            if len(sp.parts) > 1
            else []
        ),
        f"follow-up wanted: {', '.join(sp.follow_ups)}",
        f"preferred channel: {channels}",
        f"decision date: {_days(sp.decision)}; check in after: {_days(sp.after)}",
        f"the employer's dates: {sp.described()['employer_dates']}",
        f"interviewers: {', '.join(str(n) for n in sp.interviewers)}",
        f"news: {', '.join(sp.news_kinds)}",
        f"at most {sp.max_inputs} piece of news per path, on {NEWS_DAYS}; "
        f"at most {sp.max_rounds} extra round",
        f"the job seeker {JOB_SEEKER}; calendar: {CALENDAR}",
        *([f"public holidays of {', '.join(sp.countries)}: {HOLIDAYS}"] if sp.countries else []),
        f"horizon: {sp.horizon} days after {HORIZON_FROM}",
        news_dates(sp, report.every_date_quick),
        *_caveat(report),
    ]


def _caveat(report: Report) -> list[str]:
    """What the report cannot claim, in capitals: nothing for a sound proof."""
    if report.stopped:
        return [STOPPED.replace("stopped early", "STOPPED EARLY", 1)]
    return [] if report.space.sound else [NOT_SOUND.replace("not sound", "NOT SOUND", 1)]


def text(report: Report, ref: str, doc: Document | None = None) -> str:
    """The report for a coach."""
    pb = report.cp.playbook
    lines = [
        f"prove {pb.id} ({pb.file})",
        f"  explored {report.cases:,} cases: {report.paths:,} paths through {report.states:,} "
        f"abstract states in {report.seconds:.1f} s{REMEMBERED if report.remembered else ''}",
    ]
    lines += [f"    {line}" for line in _space_lines(report)]
    lines.append(f"  {'worst case':<55}{'found':>6}{'limit':>7}")
    limits = _limits(report)
    broken = {b.limit for b in report.breaches}
    for key, found in _found(report).items():
        shown = "-" if found.value is None else str(found.value)
        if key == "max_days_open" and pb.never_closes is not None:
            shown = "n/a"
        limit = limits[key]
        verdict = "" if limit is None else ("  BROKEN" if key in broken else _kept(report))
        lines.append(f"    {WHAT[key]:<53}{shown:>6}{'-' if limit is None else limit:>7}{verdict}")
    lines.append(
        f"    {'every path reaches closed within the horizon':<53}"
        f"{'yes' if report.closes else 'no':>6}"
    )
    if pb.never_closes is not None:
        lines.append(
            "    the playbook never closes a case on its own, by design (closes: never): "
            "days open are unbounded, and that is no finding"
        )
    if report.more.value:
        lines.append(
            "    some path is still open at the horizon with more steps to come: counts of "
            "contacts are those of the days searched"
        )
    for p in problems(report, doc):
        lines.append(str(p))
    for b in report.breaches:
        lines.append(f"  counterexample for {b.limit} (paste into a .feature file, add a Then):")
        lines.append(_indent(scenario(ref, b.witness, f"{pb.id} breaks {b.limit}"), "  "))
        if not expressible(b.witness.start):
            lines.append(f"  with {CASE_FILE} next to the feature file:")
            lines.append(
                _indent(yaml.safe_dump(case_file(b.witness.start, True), sort_keys=False), "    ")
            )
    if not report.breaches:
        if not any(v is not None for v in limits.values()):
            lines.append("  (no limits declared)")
        elif report.space.sound:
            lines.append("  ok: every limit holds")
        else:
            lines.append("  ok on the days tried: no limit broken there (--quick: not a proof)")
    return "\n".join(lines) + "\n"


def _kept(report: Report) -> str:
    """The verdict on a limit no path broke: a stopped search did not look for one."""
    return "  not proved" if report.stopped else "  ok"


def _indent(block: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in block.rstrip("\n").split("\n"))


def _witness(ref: str, w: Witness | None, title: str) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "case": case_file(w.start, True),
        "events": [event_fields(w.start, ev) for ev in w.events],
        "last_event": last_day(w).isoformat(),
        "gherkin": scenario(ref, w, title),
        "needs_case_file": not expressible(w.start),
    }


def as_json(report: Report, ref: str, doc: Document | None = None) -> dict[str, Any]:
    """The report for scripts."""
    pb = report.cp.playbook
    found = _found(report)
    return {
        "playbook": pb.id,
        "file": pb.file,
        "ok": report.ok,
        "stopped_early": report.stopped,
        "space": {
            "sound": report.space.sound,
            "bounds": bounds(report.space, report.every_date_quick),
            **report.space.described(),
            "cases": report.cases,
        },
        "explored": {
            "cases": report.cases,
            "paths": report.paths,
            "states": report.states,
            "seconds": round(report.seconds, 3),
            "remembered": report.remembered,
        },
        "worst": {
            "contacts": report.contacts.value,
            "contacts_per_round": report.per_round.value,
            "contacts_per_7d": report.per7.value,
            "contacts_per_30d": report.per30.value,
            "min_gap_days": report.gap.value,
            "max_days_open": report.open.value,
            "always_closes": report.closes,
            "open_by_design": pb.never_closes is not None,
            "more_after_horizon": bool(report.more.value),
        },
        "limits": {
            "max_contacts": _limits(report)["max_contacts"],
            "max_contacts_per_round": _limits(report)["max_contacts_per_round"],
            "max_contacts_per_7d": _limits(report)["max_contacts_per_7d"],
            "max_contacts_per_30d": _limits(report)["max_contacts_per_30d"],
            "min_gap_days": _limits(report)["min_gap"],
            "max_days_open": _limits(report)["max_days_open"],
        },
        "problems": [str(p) for p in problems(report, doc)],
        "counterexamples": [
            {
                "limit": b.limit,
                "allowed": b.allowed,
                "found": b.found,
                **(_witness(ref, b.witness, f"{pb.id} breaks {b.limit}") or {}),
            }
            for b in report.breaches
        ],
        "witnesses": {
            key: _witness(ref, f.witness, f"{pb.id}: worst {key}") for key, f in found.items()
        },
    }
