"""A playbook's profile, derived by projecting standard cases (never written by hand).

The standard case is a Monday interview with no news from the employer, where the job seeker does
every step on its due date.  Variants of it probe one behaviour each: a stated decision date, a
request not to follow up, permission to call, a promise to follow up on a given day.

The one-word style is derived from those figures too (`style_of`), never typed into a playbook.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.model.case import Case, Employer, Event
from followup.model.vocabulary import COMPANY_RECIPIENT, DIRECT_CHANNELS, NUDGE_KINDS
from followup.timeline.calendar import BusinessCalendar

STANDARD_INTERVIEW = date(2026, 3, 2)  # a Monday with no public holiday near it
STATED_DECISION = timedelta(days=21)
PROMISED_DAY = STANDARD_INTERVIEW + timedelta(days=3)  # a Thursday, before any check-in is due
# The style words, from the most to the least contact (the thresholds are in `style_of`).
STYLES: tuple[str, ...] = ("persistent", "steady", "patient", "brief")


@dataclass(frozen=True, slots=True)
class Profile:
    """How a playbook behaves on the standard cases."""

    playbook_id: str
    thank_you_after_days: int | None
    first_check_in_after_days: int | None
    direct_contacts: int
    check_ins: int
    gives_up_after_days: int | None
    waits_for_stated_date: bool
    honours_not_wanted: bool
    uses_phone_when_allowed: bool
    networks: bool
    handwritten_note: bool
    keeps_promises: bool = False
    style: str = "steady"


def standard_case(employer: Employer | None = None) -> Case:
    """The silent standard case (optionally with what the employer said)."""
    return Case(id="standard", interview=STANDARD_INTERVIEW, employer=employer or Employer())


def _project(cp: CompiledPlaybook, case: Case) -> Plan:
    return plan_case(cp, case, case.interview, BusinessCalendar(None))


def _days_to_first(plan: Plan, kinds: frozenset[str]) -> int | None:
    for step in plan.schedule:
        if step.action in kinds:
            return (step.due - STANDARD_INTERVIEW).days
    return None


def profile(cp: CompiledPlaybook) -> Profile:
    """Project the standard cases under ``cp`` and summarise."""
    silent = _project(cp, standard_case())
    stated = _project(cp, standard_case(Employer(decision_by=STANDARD_INTERVIEW + STATED_DECISION)))
    not_wanted = _project(cp, standard_case(Employer(follow_up="not_wanted")))
    phone = _project(cp, standard_case(Employer(preferred_channel="phone", may_call=True)))
    promised = _project(cp, _promise_case())
    first_stated = _days_to_first(stated, NUDGE_KINDS)
    # the steps a request not to follow up rules out: check-ins, and the playbook's own kinds
    # done by getting in touch without one
    unwanted = {ca.id for group in cp.actions.values() for ca in group if ca.unwanted}
    found = Profile(
        playbook_id=cp.id,
        thank_you_after_days=_days_to_first(silent, frozenset({"thank_you"})),
        first_check_in_after_days=_days_to_first(silent, NUDGE_KINDS),
        direct_contacts=sum(1 for s in silent.schedule if s.channel in DIRECT_CHANNELS),
        check_ins=sum(1 for s in silent.schedule if s.action in NUDGE_KINDS),
        gives_up_after_days=(silent.closes_on - STANDARD_INTERVIEW).days
        if silent.closes_on
        else None,
        waits_for_stated_date=first_stated is None or first_stated >= STATED_DECISION.days,
        honours_not_wanted=not any(s.rule_id in unwanted for s in not_wanted.schedule),
        # a call to the company's main line needs no invitation, so it tells nothing here
        uses_phone_when_allowed=any(
            s.channel == "phone" and s.to != COMPANY_RECIPIENT for s in phone.schedule
        ),
        networks=any(s.action == "network" or s.channel == "linkedin" for s in silent.schedule),
        handwritten_note=any(
            s.action == "thank_you_note" or s.channel == "mail" for s in silent.schedule
        ),
        keeps_promises=any(
            s.action == "keep_promise" and s.due == PROMISED_DAY for s in promised.schedule
        ),
    )
    return replace(found, style=style_of(found))


def _promise_case() -> Case:
    """The silent case where, at the interview, the job seeker promised to write on a day."""
    promise = Event(date=STANDARD_INTERVIEW, type="committed", due=PROMISED_DAY, channel="email")
    return Case(id="standard", interview=STANDARD_INTERVIEW, employer=Employer(), events=(promise,))


def style_of(p: Profile) -> str:
    """One word for how much contact a playbook makes when the employer stays silent.

    persistent: three check-ins or more; patient: a first check-in two weeks on or later;
    brief: it lets go within three weeks; steady: anything between.
    """
    if p.check_ins >= 3:
        return "persistent"
    if p.first_check_in_after_days is not None and p.first_check_in_after_days >= 14:
        return "patient"
    if p.gives_up_after_days is not None and p.gives_up_after_days <= 21:
        return "brief"
    return "steady"


PROFILE_LABELS: tuple[tuple[str, str], ...] = (
    ("thank_you_after_days", "thank-you after (days)"),
    ("first_check_in_after_days", "first check-in after (days)"),
    ("check_ins", "check-ins if they stay silent"),
    ("direct_contacts", "direct contacts in total"),
    ("gives_up_after_days", "gives up after (days)"),
    ("waits_for_stated_date", "waits for their stated date"),
    ("honours_not_wanted", 'honours "don\'t follow up"'),
    ("uses_phone_when_allowed", "phones when calls are welcome"),
    ("networks", "networks (LinkedIn) as well"),
    ("handwritten_note", "handwritten note"),
    ("keeps_promises", "keeps your promises"),
    ("style", "style"),
)
