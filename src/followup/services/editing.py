"""Correcting what the tracker knows about an application: ``followup edit``.

An edit is a row of the application's history (``{"edit": {...}, "was": {...}}``, see
`followup.tracker.schema`), appended like an event: the facts as added stay in their row, the
plan reads them with every edit that counts applied, ``status`` lists the edit with its number,
and ``undo`` retracts it like any event.  The whole case is checked by the case-file rules with
the change applied, inside the write transaction, before anything is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from followup.errors import UsageError, shortened, visible
from followup.model.case import Case
from followup.services.labels import Labels, checked_case, refuse_text
from followup.services.planning import check_country
from followup.tracker.records import FACT_ORDER
from followup.tracker.store import Store

# The facts `edit` may change (the playbook is `switch`'s: it changes what the history means).
EDITABLE: Final = tuple(k for k in (*FACT_ORDER, "notes") if k != "playbook")
PEOPLE: Final = ("interviewers", "recruiters")
# Said about the decision's timing one way or the other: giving one drops the other.
_EITHER: Final = {"decision_by": "decision_in", "decision_in": "decision_by"}


@dataclass(frozen=True, slots=True)
class Change:
    """What to change, as a case file holds it.

    Attributes:
        facts: Top-level keys (``company``, ``interview``, ``interviewers``...) and their new
            value; None removes the key.
        employer: Keys of ``employer`` to set (None removes one); the others stay.
        added: People to add to ``interviewers`` or ``recruiters`` (after any replacement).
    """

    facts: Mapping[str, Any] = field(default_factory=dict)
    employer: Mapping[str, Any] = field(default_factory=dict)
    added: Mapping[str, list[dict[str, str]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Nothing was asked for."""
        return not (self.facts or self.employer or any(self.added.values()))


@dataclass(frozen=True, slots=True)
class Edited:
    """An edit just committed to the history."""

    app_id: str
    seq: int
    edit: dict[str, Any]
    was: dict[str, Any]
    case: Case


def edit(store: Store, app: str, change: Change, labels: Labels) -> Edited:
    """Apply ``change`` to the application's facts and append it to the history.

    Args:
        store: The open tracker.
        app: The application's id or an unambiguous prefix.
        change: What to change.
        labels: What the user calls each value (see `followup.services.labels`); a path inside
            a list (``("interviewers", 0, "email")``) may be labelled too.

    Raises:
        UsageError: unknown or ambiguous application, nothing to change, a text given is too
            long, or the application with the change applied breaks a case-file rule (named by
            its label); nothing is saved then.
    """
    unknown = [k for k in change.facts if k not in EDITABLE]
    if unknown:
        raise UsageError(f"edit: cannot change {', '.join(unknown)}; expected one of {EDITABLE}")
    if change.empty:
        raise UsageError("edit: nothing to change; expected at least one flag (followup edit -h)")
    refuse_text(dict(change.facts), labels)
    refuse_text(dict(change.employer), labels, ("employer",))
    refuse_text(dict(change.added), labels)
    with store.writing():
        app_id = store.resolve(app)
        before = store.case_data(app_id)
        after = _applied(before, change)
        case = checked_case(after, labels, app_id)
        check_country(case, labels.get(("country",), "country"))
        keys = [k for k in EDITABLE if before.get(k) != after.get(k)]
        if not keys:
            raise UsageError(f"{app_id}: nothing changes: every value given is the current one")
        new = {k: after.get(k) for k in keys}
        was = {k: before.get(k) for k in keys}
        seq = store.append_event(app_id, {"edit": new, "was": was})
    return Edited(app_id, seq, new, was, case)


def _applied(data: dict[str, Any], change: Change) -> dict[str, Any]:
    after = dict(data)
    for key, value in change.facts.items():
        if value is None:
            after.pop(key, None)
        else:
            after[key] = value
    if change.employer:
        employer = dict(after.get("employer") or {})
        for key, value in change.employer.items():
            if value is None:
                employer.pop(key, None)
                continue
            employer[key] = value
            if key in _EITHER and _EITHER[key] not in change.employer:
                employer.pop(_EITHER[key], None)
        after["employer"] = employer
    for key in PEOPLE:
        if change.added.get(key):
            after[key] = [*(after.get(key) or []), *change.added[key]]
    # Empty values are left out, as `case_mapping` leaves them out of what it reads back.
    return {k: v for k, v in after.items() if v not in (None, "", [], {}) or k == "events"}


def fact_text(value: Any) -> str:
    """A fact's value in a few words: people by name and email, a mapping as key=value; a long
    one (pages of notes) cut short, with its length."""
    if value is None or value in ("", [], {}):
        return "(none)"
    if isinstance(value, list):
        return shortened(", ".join(person_text(p) for p in value))
    if isinstance(value, dict):
        return shortened(", ".join(f"{k}={v}" for k, v in value.items()))
    return shortened(str(value))


def person_text(p: Any) -> str:
    """``Dana Reyes <dana@acme.example> +1 555 0100`` from a case file's person."""
    if not isinstance(p, dict):
        return str(p)
    text = str(p.get("name", ""))
    if p.get("email"):
        text += f" <{p['email']}>"
    if p.get("phone"):
        text += f" {p['phone']}"
    return text


def describe_edit(data: Mapping[str, Any]) -> str:
    """An edit in one line: 'edited role: Engineer -> Senior Engineer' (each value `fact_text`)."""
    new, was = data.get("edit") or {}, data.get("was") or {}
    parts = [f"{k}: {fact_text(was.get(k))} -> {fact_text(v)}" for k, v in new.items()]
    return visible("edited " + "; ".join(parts))
