"""Starting to track an application: ``followup add``, and the duplicate check import shares.

What is added is checked whole, by the same case-file rules as a case file (`checked_case`, the
loader `import` and `validate` use), by `check_new`, which needs no tracker: the CLI runs it
before the database file is opened, so a refused ``add`` leaves no file behind.  `add` runs it
too (it holds nothing the tracker's history could change), then, in one write transaction,
looks for a duplicate, chooses the id and saves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from followup.errors import UsageError, blank, visible
from followup.model.case import Case
from followup.services.labels import Labels, checked_case, refuse_text
from followup.services.planning import check_country
from followup.tracker.records import slug
from followup.tracker.store import Store


class LikelyDuplicate(UsageError):
    """The application looks like one already tracked (same company, role and interview date).

    The caller names its way of adding it anyway (the CLI: a flag) in the message it shows.
    """

    def __init__(self, app_id: str, title: str, interview: str) -> None:
        self.app_id, self.title, self.interview = app_id, title, interview
        self.file = ""  # the case file it came from, when imported
        self.earlier = ""  # the file of the same import it repeats, if it is not tracked yet
        super().__init__(
            f"likely a duplicate of {app_id} ({visible(title)}, interviewed {interview})"
        )


def find_duplicate(store: Store, company: str, role: str, interview: str) -> str | None:
    """The tracked application (not archived) with the same company, role and interview date,
    compared without regard to case or surrounding spaces, if any.  Without a company there is
    nothing to tell two applications apart by, so none is taken for the other."""

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    if blank(company):
        return None
    archived = store.archived()
    for app_id, c, r in store.names():
        if app_id in archived or (norm(c), norm(r)) != (norm(company), norm(role)):
            continue
        if str(store.case_data(app_id).get("interview")) == interview:
            return app_id
    return None


def refuse_duplicate(store: Store, data: Mapping[str, Any]) -> None:
    """Raise `LikelyDuplicate` when ``data`` (a case file's mapping) looks already tracked.

    Raises:
        LikelyDuplicate: naming the application it looks like.
    """
    company, role = str(data.get("company", "")), str(data.get("role", ""))
    interview = str(data.get("interview", ""))
    found = find_duplicate(store, company, role, interview)
    if found is not None:
        names = {i: (c, r) for i, c, r in store.names()}
        title = " - ".join(x for x in names.get(found, (company, role)) if x) or found
        raise LikelyDuplicate(found, title, interview)


def check_new(data: Mapping[str, Any], labels: Labels) -> Case:
    """The application ``data`` describes, checked whole before anything is opened or saved.

    Args:
        data: The application as a case file would hold it, without ``id`` and ``events``.
        labels: What the user calls each value they gave (see `followup.services.labels`).

    Raises:
        UsageError: any value breaks a case-file rule, names a country without holiday data,
            or is longer than the tracker takes (each named by its label).
    """
    refuse_text(data, labels)
    app_id = slug(str(data.get("company", "")))  # of the form `add` gives: a valid id
    case = checked_case({"id": app_id, **data, "events": []}, labels, app_id)
    check_country(case, labels.get(("country",), "country"))
    return case


def add(store: Store, data: dict[str, Any], labels: Labels, allow_duplicate: bool = False) -> str:
    """Start tracking an application; returns its new id once committed.

    Args:
        store: The open tracker.
        data: The application as a case file would hold it, without ``id`` and ``events``.
        labels: What the user calls each value they gave (see `followup.services.labels`).
        allow_duplicate: Add it even if it looks like one already tracked.

    Raises:
        UsageError: as `check_new` (nothing is saved then).
        LikelyDuplicate: the same company, role and interview date are tracked already.
    """
    check_new(data, labels)
    with store.writing():
        if not allow_duplicate:
            refuse_duplicate(store, data)
        app_id = store.new_id(str(data.get("company", "")))
        store.add_application(app_id, {"id": app_id, **data, "events": []})
    return app_id
