"""What one scenario has said so far, and the plan that follows from it.

A scenario describes a case the way a case file would: the steps fill in a case-file dict and a
list of event dicts, and the case is built by the real loader (`build_case`), so scenarios also
exercise what a user's file goes through.  The plan is computed on demand and cached until a
step changes the case, the playbook or the day.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import pytest

from followup import catalog
from followup.authoring.folders import default_dirs
from followup.bdd.places import StepPlace
from followup.engine.explain import explain_case
from followup.engine.plan import plan_case
from followup.errors import FollowupError, InputError
from followup.io.yaml_reader import Document, Path_
from followup.language.case_loader import build_case
from followup.render.text import plan_text, trace_text
from followup.timeline.calendar import BusinessCalendar, CalendarError
from followup.timeline.holiday_library import HolidaysLibraryProvider

if TYPE_CHECKING:
    from followup.compile.machine import CompiledPlaybook
    from followup.engine.result import Plan
    from followup.model.case import Case

T = TypeVar("T")

# The id a scenario's case gets unless a case file names one.
DEFAULT_CASE_ID = "scenario"
# The name problems in a scenario's case are reported under when no feature file is running
# (a scenario the generator tells); a running feature names its own file and lines instead.
SCENARIO_FILE = "scenario.yaml"

# One calendar per country for the whole test run: loading a country's holidays is the slow part.
_calendars: dict[str | None, BusinessCalendar] = {}


def fail(message: str) -> NoReturn:
    """Stop the scenario with ``message`` and no Python traceback (coaches read this).

    Raised ``from None`` so a failure reported while handling an engine error does not drag
    the engine's exception chain into what the coach reads.
    """
    raise pytest.fail.Exception(message, pytrace=False) from None


def needs(result: T | None, missing: str) -> T:
    """What a When-step found, for a Then-step that asserts about it.

    ``None`` means the When-step never ran: the scenario fails with ``missing``, which says
    which step to add, so a Then-step cannot pass for having found nothing to look at (a check
    that was never made has no problems, a draft never made says nothing wrong).
    """
    if result is None:
        fail(missing)
    return result


def calendar_of(country: str | None) -> BusinessCalendar:
    """The business calendar of ``country`` (Saturday and Sunday off when None), one per place."""
    cal = _calendars.get(country)
    if cal is None:
        if country is None:
            cal = BusinessCalendar(None)
        else:
            cal = BusinessCalendar(country, HolidaysLibraryProvider())
        _calendars[country] = cal
    return cal


@dataclass
class World:
    """The scenario's playbook, case and day, with the plan computed from them.

    Attributes:
        feature_dir: The folder of the running feature file, for relative paths.
        feature: The running feature file as messages name it ('' when none is running).
        here: Where the step running now was written (set by the plugin before each step).
        places: Where the step that said each part of the case was written, by its path in
            the case file the steps describe, so a problem the case loader finds names the
            feature's line (a table's cell) rather than a file nobody wrote.
        playbook_ref: The playbook id or resolved path named by a step, if any.
        case: The case-file mapping built so far (without its events).
        events: The case-file event mappings recorded so far, in the order written.
        source: The name problems in the case are reported under when no feature file is
            running (see `_document`): the generator's scenarios, or a case file's name.
        observers: Called with the world and each plan it computes (``followup spec
            --coverage`` records what the scenario exercised this way).
    """

    feature_dir: Path | None = None
    feature: str = ""
    here: StepPlace | None = None
    places: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    playbook_ref: str | None = None
    case: dict[str, object] = field(default_factory=lambda: {"id": DEFAULT_CASE_ID})
    events: list[dict[str, object]] = field(default_factory=list)
    source: str = SCENARIO_FILE
    observers: list[Callable[[World, Plan], None]] = field(default_factory=list)
    _today: date | None = None
    _built: Case | None = None
    _plan: Plan | None = None

    # -- describing the case -------------------------------------------------------------------

    def changed(self) -> None:
        """Forget the built case and the plan: a step changed what they depend on."""
        self._built = None
        self._plan = None

    def _said_here(self, path: Path_, at: tuple[int, int] | None = None) -> None:
        """Remember that the running step (at ``at`` of it, if given) said the part at ``path``."""
        if at is None and self.here is not None:
            at = (self.here.line, self.here.col)
        if at is not None:
            self.places[path] = at

    def set_case(self, key: str, value: object) -> None:
        """Set one top-level key of the case file (``None`` removes it)."""
        if value is None:
            self.case.pop(key, None)
        else:
            self.case[key] = value
            self._said_here((key,))
        self.changed()

    def set_employer(self, **values: object) -> None:
        """Set keys of the case file's ``employer`` mapping (``None`` removes a key)."""
        current = self.case.get("employer")
        employer: dict[str, object] = dict(current) if isinstance(current, dict) else {}
        for key, value in values.items():
            if value is None:
                employer.pop(key, None)
            else:
                employer[key] = value
                self._said_here(("employer", key))
        self.case["employer"] = employer
        self._said_here(("employer",))
        self.changed()

    def add_event(self, day: date, kind: str, **fields: object) -> None:
        """Record one event as a case file would list it; ``None`` fields are left out.

        An event moves a day already reached forward to its date, never back: in a story,
        something happening on a later day means that day has come.  Events recorded before
        any day is set stay visible because the default day is the latest recorded one.
        """
        event: dict[str, object] = {"date": day.isoformat(), "type": kind}
        for key, value in fields.items():
            if value is not None:
                event[key] = value.isoformat() if isinstance(value, date) else value
        self.add_raw_event(event)
        if self._today is not None and day > self._today:
            self._today = day

    def add_raw_event(
        self, event: dict[str, object], cells: Mapping[str, tuple[int, int]] | None = None
    ) -> None:
        """Record one event mapping exactly as given (checked later by the case loader);
        ``cells``: where each of its values was written, when a table gave them."""
        index = len(self.events)
        self.events.append(event)
        self._said_here(("events", index))
        for key in event:
            self._said_here(("events", index, key), (cells or {}).get(key))
        self.changed()

    def load_case(self, data: dict[str, object], source: str) -> None:
        """Replace the case with the contents of a case file."""
        data = copy.deepcopy(data)
        raw_events = data.pop("events", None)
        self.case = data
        self.events = []
        self.places = {}
        for key in data:
            self._said_here((key,))
        if isinstance(raw_events, list):
            for raw in raw_events:
                if not isinstance(raw, dict):
                    fail(f"{source}: every event must be a mapping, not {raw!r}")
                self.add_raw_event(raw)
        elif raw_events is not None:
            fail(f"{source}: 'events' must be a list")
        self.source = source
        self.changed()

    # -- the day -------------------------------------------------------------------------------

    @property
    def today(self) -> date:
        """The day the plan is asked for: the day last set, else the latest date recorded."""
        if self._today is not None:
            return self._today
        days = [self.interview()]
        for event in self.events:
            raw = event.get("date")
            if isinstance(raw, str):
                try:
                    days.append(date.fromisoformat(raw))
                except ValueError:
                    continue  # the loader reports it, located, when the case is built
        return max(days)

    @today.setter
    def today(self, day: date) -> None:
        self._today = day
        self._plan = None

    def interview(self) -> date:
        """The interview date the scenario gave."""
        raw = self.case.get("interview")
        if raw is None:
            fail("No interview yet: start the scenario with 'Given an interview on YYYY-MM-DD'.")
        try:
            return date.fromisoformat(str(raw)[:10])  # a time of day may follow the date
        except ValueError:
            fail(f"The interview date {raw!r} is not a date written YYYY-MM-DD.")

    # -- what the engine makes of it -----------------------------------------------------------

    def playbook(self) -> CompiledPlaybook:
        """The compiled playbook the scenario named (or the one its case file names)."""

        ref = self.playbook_ref or self.case.get("playbook")
        if not isinstance(ref, str) or not ref:
            fail('No playbook chosen: add a step such as Given the playbook "week-then-on-hold".')
        try:
            # The coach's folders as the command line finds them (`followup spec --playbooks`
            # passes its folders through $FOLLOWUP_PLAYBOOKS).
            return catalog.load(ref, default_dirs())
        except FollowupError as err:
            fail(f"The playbook {ref!r} cannot be used:\n{err}")

    def built_case(self) -> Case:
        """The case as the loader builds it from what the scenario said."""
        if self._built is None:
            self.interview()  # a clear message first, rather than the loader's generic one
            data: dict[str, object] = {**self.case, "events": list(self.events)}
            doc = self._document(data)
            try:
                self._built = build_case(doc, DEFAULT_CASE_ID)
            except InputError as err:
                fail("The case the scenario describes has problems:\n" + str(err))
        return self._built

    def _document(self, data: dict[str, object]) -> Document:
        """The case as a document of the running feature, each part placed at the step that
        said it (what no step placed, at the step running now); without a running feature,
        a document named after the case's source, placed nowhere."""
        if not self.feature or self.here is None:
            return Document(self.source, data, {(): (1, 1)}, {})
        return Document(
            self.feature, data, {(): (self.here.line, self.here.col), **self.places}, {}
        )

    def where(self, line: int, col: int) -> str:
        """``file:line:col: `` for a place in the running feature ('' when not known)."""
        return f"{self.feature}:{line}:{col}: " if self.feature and line else ""

    def calendar(self) -> BusinessCalendar:
        """The business calendar of the case's country."""
        case = self.built_case()
        cal = calendar_of(case.country)
        try:
            cal.holidays_in(case.interview.year)
        except CalendarError as err:
            fail(f"The company's country cannot be used: {err}")
        return cal

    def plan(self) -> Plan:
        """The plan as of :attr:`today` (cached until something changes)."""
        if self._plan is None:
            self._plan = plan_case(self.playbook(), self.built_case(), self.today, self.calendar())
            for observe in self.observers:
                observe(self, self._plan)
        return self._plan

    def plan_text(self) -> str:
        """The plan as ``followup plan`` prints it, for failure messages."""

        case = self.built_case()
        return plan_text(self.plan(), case, self.playbook().playbook)

    def explanation(self) -> str:
        """The trace ``followup explain`` prints, as of :attr:`today`."""

        cp = self.playbook()
        case = self.built_case()
        entries = explain_case(cp, case, self.today, self.calendar())
        return trace_text(entries, case, cp.playbook)

    def check(self, ok: bool, message: str) -> None:
        """Fail with ``message`` followed by the whole plan, unless ``ok``."""
        if not ok:
            fail(f"{message}\n\nThe plan as of {self.today}:\n{self.plan_text()}")
