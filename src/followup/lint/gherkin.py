"""A path found by the prover, written as a Gherkin scenario in the step library's own words.

The sentences are the ones the step library (`followup.bdd`) understands, so a coach can paste
the scenario into a feature file, add the ``Then`` they care about, and run it with
``followup spec``.  When the step library has no sentence for how the case started (a date to
check in without an invitation to, say), the scenario starts from a case file instead, given
alongside.
"""

from __future__ import annotations

from datetime import date, timedelta

from followup.bdd.phrases import CHANNEL_SAID, GOT_IN_TOUCH, SENT_SAID
from followup.language.case_loader import EVENT_KEYS
from followup.lint.findings import Witness
from followup.lint.picks import expressible
from followup.lint.space import Start
from followup.lint.worst import Ev

CASE_FILE = "counterexample-case.yaml"

VIA = {channel: f" {words}" for channel, words in CHANNEL_SAID.items()}
SENT = SENT_SAID
PREFERS = {"email": "email", "phone": "phone", "portal": "the portal", "recruiter": "the recruiter"}
TABLE_COLUMNS = tuple(key for key in EVENT_KEYS if key != "note")


def _interview(start: Start) -> str:
    """The day of the interview, and its time of day if the case has one (HH:MM)."""
    day = start.interview.isoformat()
    at = start.interview_time
    return day if at is None else f"{day}T{at:%H:%M}"


def _on(start: Start, offset: int) -> str:
    return (start.interview + timedelta(days=offset)).isoformat()


def event_fields(start: Start, ev: Ev) -> dict[str, str]:
    """A path event as a case file's event mapping."""
    day, kind, channel, outcome, carried, detail = ev
    fields = {"date": _on(start, day), "type": kind}
    if channel:
        fields["channel"] = channel
    if outcome:
        fields["outcome"] = outcome
    if carried is not None:
        later = _on(start, day + carried)
        key = {"reply": "interview" if outcome == "next_round" else "decision_by"}.get(kind)
        key = key or {"competing_offer": "deadline", "committed": "due"}.get(kind, "")
        if key:
            fields[key] = later
        if key == "interview" and detail:
            fields[key] = f"{later}T{detail}"  # the next interview's time of day
    return fields


def sentence(start: Start, ev: Ev) -> str | None:
    """The step that records ``ev``, or None if the step library has no sentence for it."""
    f = event_fields(start, ev)
    on, kind, channel = f["date"], f["type"], f.get("channel")
    if kind in SENT and (channel is None or channel in VIA):
        return f"I sent {SENT[kind]}{VIA.get(channel or '', '')} on {on}"
    if kind == "contacted" and (channel is None or channel in VIA):
        return f"{GOT_IN_TOUCH}{VIA.get(channel or '', '')} on {on}"
    if kind == "networked" and channel == "linkedin":
        return f"I connected on LinkedIn on {on}"
    if kind == "reply":
        outcome = f.get("outcome")
        if outcome == "still_deciding":
            new = f" with a new decision date of {f['decision_by']}" if "decision_by" in f else ""
            return f'they replied "still deciding" on {on}{new}'
        if outcome == "no_follow_up":
            return f"they asked me not to follow up on {on}"
        if outcome == "next_round" and "interview" in f:
            when = f["interview"].replace("T", " at ")
            return f'they replied "next round" on {on} with an interview on {when}'
        return None
    if kind == "competing_offer" and "deadline" in f:
        return f"I got a competing offer on {on} with a deadline of {f['deadline']}"
    if kind == "portfolio_update":
        return f"I added something to my portfolio on {on}"
    if kind == "committed" and channel == "email" and "due" in f:
        return f"I committed on {on} to email them on {f['due']}"
    if kind == "accepted_elsewhere":
        return f"I accepted a job elsewhere on {on}"
    return None


def case_file(start: Start, people: bool) -> dict[str, object]:
    """How the case started, as a case file (no events)."""
    employer = start.employer
    facts: dict[str, object] = {"follow_up": employer.follow_up, "may_call": employer.may_call}
    if employer.decision_by is not None:
        facts["decision_by"] = employer.decision_by.isoformat()
    if employer.follow_up_after is not None:
        facts["follow_up_after"] = f"{employer.follow_up_after.days}d"
    if employer.preferred_channel is not None:
        facts["preferred_channel"] = employer.preferred_channel
    case: dict[str, object] = {"id": "counterexample", "interview": _interview(start)}
    if people:
        case["interviewers"] = [f"Interviewer {i + 1}" for i in range(start.interviewers)]
    case["employer"] = facts
    return case


def _givens(start: Start, people: bool) -> list[str]:
    employer = start.employer
    lines = [f"an interview on {start.interview.isoformat()}"]
    if start.interview_time is not None:
        lines = [f"the interview was on {_interview(start).replace('T', ' at ')}"]
    if people and start.interviewers:
        names = " ".join(f'"Interviewer {i + 1}"' for i in range(start.interviewers))
        verb = "are" if start.interviewers > 1 else "is"
        lines.append(f"the interviewer{'s' if start.interviewers > 1 else ''} {verb} {names}")
    if employer.decision_by is not None:
        lines.append(f"the employer will decide by {employer.decision_by.isoformat()}")
    if employer.follow_up == "invited":
        after = employer.follow_up_after
        lines.append(
            "the employer invited a follow-up" + (f" after {after.days} days" if after else "")
        )
    elif employer.follow_up == "not_wanted":
        lines.append("the employer asked me not to follow up")
    if employer.preferred_channel is not None:
        lines.append(f"the employer prefers {PREFERS[employer.preferred_channel]}")
    if employer.may_call:
        lines.append("the employer allows calls")
    return lines


def scenario(ref: str, witness: Witness, title: str, *, people: bool = False) -> str:
    """The path as a scenario (without a ``Then``: the coach adds what they want checked)."""
    start = witness.start
    lines = [f"  Scenario: {title}", f'    Given the playbook "{ref}"']
    if expressible(start):
        lines += [f"    And {g}" for g in _givens(start, people)]
    else:
        lines.append(f'    And the case file "{CASE_FILE}"')
    said = [sentence(start, ev) for ev in witness.events]
    if all(s is not None for s in said):
        for i, s in enumerate(said):
            lines.append(f"    {'When' if i == 0 else 'And'} {s}")
    elif witness.events:
        lines.append("    When these events:")
        rows = [event_fields(start, ev) for ev in witness.events]
        lines.append(_row(list(TABLE_COLUMNS)))
        lines += [_row([r.get(c, "-") for c in TABLE_COLUMNS]) for r in rows]
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "      | " + " | ".join(cells) + " |"


def last_day(witness: Witness) -> date:
    """The day of the path's last event (the interview if it has none)."""
    if not witness.events:
        return witness.start.interview
    return witness.start.interview + timedelta(days=max(ev[0] for ev in witness.events))
