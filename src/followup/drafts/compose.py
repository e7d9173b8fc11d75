"""Which steps of a plan get a draft, to whom, and the drafts themselves.

The next step (or the one named by its kind or rule id) is drafted from the playbook's template
for the rule id, else for the kind, else the built-in one, then laid out for its channel
(`followup.drafts.layout`).  Thank-yous get one draft per interviewer; everything else goes to
the first interviewer listed, the main contact.  What is still left for the job seeker to fill
in is listed as the draft's ``blanks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from followup.compile.machine import CompiledPlaybook
from followup.drafts.context import (
    NOBODY,
    THEIR_NAME,
    Sender,
    blank,
    blanks_in,
    context_for,
)
from followup.drafts.layout import Facts, lay_out
from followup.drafts.templates import render, template_for
from followup.engine.plan import plan_case
from followup.engine.result import Plan, Step
from followup.engine.rounds import step_people
from followup.errors import UsageError
from followup.model.case import Case, Interviewer
from followup.model.vocabulary import CLOSED, COMPANY_RECIPIENT
from followup.render.words import action_words
from followup.timeline.calendar import BusinessCalendar

# Kinds that thank each interviewer personally.
RECRUITER = blank("the recruiter's name")
# A step `to: company` goes to the people hiring, through the company's main line.
HIRING_TEAM = "the hiring team"
MAIN_LINE = blank("the company's phone number")


@dataclass(frozen=True, slots=True)
class Draft:
    """One message ready to edit and send."""

    to: str
    subject: str
    body: str
    action: str
    rule_id: str
    due: date
    channel: str | None
    optional: bool = False
    layout: str = "email"
    blanks: tuple[str, ...] = ()
    # The step's window and the day to send it, as the plan shows them (`followup.engine.Step`).
    latest: date | None = None
    send_on: date | None = None
    # The part of the day to do it in, and what the playbook calls its kind, as the plan says.
    at: str | None = None
    words: str = ""

    def as_json(self) -> dict[str, object]:
        """The fields a script reads: to, subject, body, action, due, channel, layout (email,
        letter, call or message) and blanks (what is left to fill in, each ``[[...]]``)."""
        return {
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "action": self.action,
            "due": self.due.isoformat(),
            "channel": self.channel,
            "layout": self.layout,
            "blanks": list(self.blanks),
        }


def has_draft(cp: CompiledPlaybook, step: Step) -> bool:
    """Whether a step has a message to draft (a template of the playbook or a built-in one)."""
    return template_for(cp.playbook, step.rule_id, step.action) is not None


def steps_to_draft(plan: Plan, cp: CompiledPlaybook, action: str | None) -> list[Step]:
    """The steps to draft: those named by ``action`` (its first date), else the next ones.

    Without ``action``: the earliest steps with a message, and any other such step that is
    due by the same day (or overdue), as in the plan's "next".

    Raises:
        UsageError: ``action`` names no step of the plan (the message lists the steps).
    """
    candidates = [s for s in plan.schedule if has_draft(cp, s)]
    if action is not None:
        named = [s for s in plan.schedule if action in (s.rule_id, s.action)]
        if not named:
            listed = ", ".join(dict.fromkeys(f"{s.action} ({s.rule_id})" for s in plan.schedule))
            raise UsageError(
                f"no step '{action}' in the plan of {plan.case_id}; its steps: {listed or 'none'}"
            )
        return [named[0]]
    if not candidates:
        return []
    cutoff = max(candidates[0].due, plan.today)
    return [s for s in candidates if s.due <= cutoff]


def recipients(case: Case, step: Step, today: date) -> list[Interviewer | None]:
    """Who a step's message is for (`step_people`): the hiring team at the company for a step
    `to: company`; the recruiter, by name when recorded, for the recruiter channel; None when
    the case names nobody."""
    if step.to == COMPANY_RECIPIENT:
        return [Interviewer(HIRING_TEAM, greeting="Hiring Team", phone=case.employer.phone)]
    people = step_people(case, step, today)
    if people:
        return list(people)
    if step.channel == "recruiter":
        return [Interviewer(RECRUITER)]
    return [None]


def address(case: Case, who: Interviewer | None, channel: str | None) -> str:
    """The "to" line: ``Name <email>`` by email, the recruiter or the portal by name, the
    person's name otherwise, clear blanks where it is not known; empty with no channel."""
    company = case.company or case.id
    if channel is None:
        return ""
    if channel == "portal":
        return f"the candidate portal of {company}"
    if channel == "recruiter":
        name = who.name if who is not None and who.name and who.name != RECRUITER else RECRUITER
        return f"{name} (the recruiter at {company})"
    if who is not None and who.name == HIRING_TEAM:
        if channel == "phone":
            return f"{company}, main line ({who.phone or MAIN_LINE})"
        return f"{HIRING_TEAM} at {company}"
    name = who.name if who is not None and who.name else THEIR_NAME
    if channel == "email":
        email = who.email if who is not None and who.email else blank("their email")
        return f"{name} <{email}>"
    return name


def draft_step(
    cp: CompiledPlaybook,
    case: Case,
    step: Step,
    today: date,
    cal: BusinessCalendar,
    sender: Sender = NOBODY,
) -> list[Draft]:
    """The drafts for one step (empty if it has nothing to send and no template).

    Raises:
        InputError: the template failed on this case.
    """
    template = template_for(cp.playbook, step.rule_id, step.action)
    if template is None:
        return []
    drafts = []
    for who in recipients(case, step, today):
        context = context_for(case, step, cp.playbook, who, today, cal, sender)
        message = render(template, context)
        to = address(case, who, step.channel)
        laid = lay_out(
            message.subject, message.body, step.channel, _facts(context), (sender.signature,)
        )
        drafts.append(
            Draft(
                to,
                laid.subject,
                laid.body,
                step.action,
                step.rule_id,
                step.due,
                step.channel,
                step.optional,
                laid.layout,
                tuple(blanks_in(to, laid.subject, laid.body)),
                step.latest,
                step.send_on,
                step.at,
                step.words,
            )
        )
    return drafts


def _facts(context: dict[str, object]) -> Facts:
    """What a layout needs, read from the data the template saw."""
    # context_for builds these dicts; their types are fixed there.
    case = cast("dict[str, str]", context["case"])
    who = cast("dict[str, str]", context["interviewer"])
    step = cast("dict[str, date]", context["step"])
    sender = cast("dict[str, str]", context["sender"])
    company = case["company"]
    to_company = cast("dict[str, str]", context["step"])["to"] == COMPANY_RECIPIENT
    return Facts(
        who["name"],
        who["greeting"],
        "" if company.startswith("[[") else company,
        case["role"],
        sender["name"],
        case["interview_when"],
        step["send_on"],
        (who["phone"] or MAIN_LINE) if to_company else "",
    )


def drafts_for(
    plan: Plan,
    cp: CompiledPlaybook,
    case: Case,
    cal: BusinessCalendar,
    action: str | None,
    sender: Sender = NOBODY,
) -> list[Draft]:
    """The drafts for a plan's next steps, or for the named one.

    Raises:
        UsageError: ``action`` names no step of the plan, or a step with nothing to draft.
        InputError: a template failed on this case.
    """
    drafts: list[Draft] = []
    for step in steps_to_draft(plan, cp, action):
        made = draft_step(cp, case, step, plan.today, cal, sender)
        if not made and action is not None:
            raise UsageError(
                f"'{action}' ({step.action}) has nothing to send and the playbook "
                f"{cp.id} has no template for it"
            )
        drafts += made
    return drafts


def nothing_to_draft(plan: Plan, cp: CompiledPlaybook) -> str:
    """Why there is no draft: the case is closed, or no step left has a message (naming the
    next step, which a template would give one)."""
    if plan.state == CLOSED:
        return f"nothing to draft: the case is closed ({plan.outcome or 'closed'})"
    silent = passed_over(plan, cp, None)
    if silent:
        return "nothing to draft: " + no_message(silent[0])
    return "nothing to draft: no step left in the plan has a message to send"


def passed_over(plan: Plan, cp: CompiledPlaybook, until: date | None) -> list[Step]:
    """The steps with something to send or say (a channel) but no message to draft, due by
    ``until`` (the day of the first draft; None: every one): ``draft`` passes over them."""
    return [
        s
        for s in plan.schedule
        if s.channel is not None and (until is None or s.due <= until) and not has_draft(cp, s)
    ]


def no_message(step: Step) -> str:
    """Why ``step`` has no draft, and how the playbook can give it one."""
    what = action_words(step.action, step.channel, step.words)
    return (
        f"the step '{what}' due {step.due.isoformat()} ({step.rule_id}) has no message: a "
        f"template under 'templates:' keyed by '{step.action}' or '{step.rule_id}' gives it one"
    )


def draft_case(
    cp: CompiledPlaybook,
    case: Case,
    today: date,
    cal: BusinessCalendar,
    action: str | None,
    sender: Sender = NOBODY,
) -> tuple[Plan, list[Draft]]:
    """Plan ``case`` on ``today`` and draft its next (or named) step.

    Raises:
        UsageError: ``action`` names no step of the plan, or a step with nothing to draft.
        InputError: a template failed on this case.
    """
    plan = plan_case(cp, case, today, cal)
    return plan, drafts_for(plan, cp, case, cal, action, sender)
