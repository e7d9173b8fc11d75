"""The bundled playbooks' drafts never tell an employer something the case says did not happen.

A job seeker sends these messages under their own name.  "As we agreed" to a hiring manager
who agreed to nothing reads as a slip at best; so where the case holds no agreement to follow
up (the employer left it open and named no date for it), no draft along the job seeker's path
may claim one.  Where the case does hold one, the draft may say so, and for the playbooks whose
check-ins say it, does: the phrases looked for are the ones the templates use.
"""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.drafts.compose import Draft, draft_case
from followup.engine.plan import plan_case
from followup.model.case import Case, Employer, Event, Interviewer
from followup.semantics.meaning import CONTACT_EVENTS
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import parse_duration

CAL = BusinessCalendar(None)
INTERVIEW = date(2026, 3, 4)  # a Wednesday
CLAIMS = ("agreed", "as we discussed", "timing we discussed", "you suggested", "as you asked")
BUNDLED = sorted(catalog.discover())
NOTHING_AGREED = {
    "no date at all": Employer(),
    "a decision date": Employer(decision_in=parse_duration("2w")),
}
STEPS = 8  # more than any bundled playbook recommends on a silent path


def _completed_by(cp: CompiledPlaybook, rule_id: str) -> str | None:
    return next(
        ca.completed_by for group in cp.actions.values() for ca in group if ca.id == rule_id
    )


def _silent_path_drafts(cp: CompiledPlaybook, employer: Employer) -> list[Draft]:
    """Every draft of the messages a job seeker sends on their due dates while the employer
    stays silent (thank-you, check-ins, last note); other steps are left undone."""
    case = Case(
        "c",
        INTERVIEW,
        company="Acme",
        role="Analyst",
        employer=employer,
        interviewers=(Interviewer("Ann Lee", email="ann@acme.example"),),
    )
    drafts: list[Draft] = []
    for _ in range(STEPS):
        plan = plan_case(cp, case, case.events[-1].date if case.events else INTERVIEW, CAL)
        contacts = [
            s
            for s in (*plan.next, *plan.schedule)
            if _completed_by(cp, s.rule_id) in CONTACT_EVENTS
        ]
        if not contacts:
            break
        step = contacts[0]
        _, made = draft_case(cp, case, step.due, CAL, step.rule_id)
        drafts += made
        event = Event(step.due, _completed_by(cp, step.rule_id) or "", channel=step.channel)
        case = msgspec.structs.replace(case, events=(*case.events, event))
    return drafts


@pytest.mark.parametrize("playbook", BUNDLED)
@pytest.mark.parametrize("employer", NOTHING_AGREED, ids=list(NOTHING_AGREED))
def test_no_draft_claims_an_agreement_the_case_does_not_hold(playbook: str, employer: str) -> None:
    cp = catalog.load(playbook)
    drafts = _silent_path_drafts(cp, NOTHING_AGREED[employer])
    assert any(d.action in ("check_in", "final_check_in") for d in drafts), "no check-in drafted"
    for d in drafts:
        said = d.body.lower()
        assert not [c for c in CLAIMS if c in said], f"{d.rule_id}: {d.body}"


@pytest.mark.parametrize("playbook", ["stalker-free", "fine-line", "dos-and-donts"])
def test_a_check_in_they_agreed_to_may_say_so(playbook: str) -> None:
    """The control: with a date to check in after, the same templates do say it."""
    cp = catalog.load(playbook)
    drafts = _silent_path_drafts(cp, Employer(follow_up_after=parse_duration("1w")))
    check_ins = [d.body.lower() for d in drafts if d.action == "check_in"]
    assert check_ins
    assert any(c in body for body in check_ins for c in CLAIMS)


@pytest.mark.parametrize("pid", BUNDLED)
def test_a_promise_draft_says_what_was_promised(pid: str) -> None:
    """Keeping a promise to send references, every playbook's draft names the references (as
    a blank to fill in), rather than a note that says nothing of them."""
    cp = catalog.load(pid)
    case = Case(
        "c",
        INTERVIEW,
        company="Acme",
        role="Analyst",
        interviewers=(Interviewer("Ann Lee", email="ann@acme.example"),),
        events=(
            Event(INTERVIEW, "thank_you_sent", channel="email"),
            Event(
                INTERVIEW,
                "committed",
                channel="email",
                due=date(2026, 3, 6),
                note="send two references",
            ),
        ),
    )
    _, drafts = draft_case(cp, case, date(2026, 3, 6), CAL, "keep_promise")
    bodies = [d.body for d in drafts if "references" in d.body]
    assert bodies, [d.body for d in drafts]
    assert all("[[what you promised: send two references]]" in " ".join(b.split()) for b in bodies)
