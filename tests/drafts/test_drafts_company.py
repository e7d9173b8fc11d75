"""Drafts for a step ``to: company``: to the hiring team, by the company's main line or by mail."""

from __future__ import annotations

from datetime import date

from followup import catalog
from followup.drafts.compose import draft_case
from followup.engine.plan import plan_case
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.model.case import Case, Event, Interviewer
from followup.render.text import plan_text
from followup.timeline.calendar import BusinessCalendar

PLAYBOOK = """\
id: desk
title: Write to the company
source: {title: Notes}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.,
     to: company}
"""
CASE = """\
id: acme
company: Acme Corp
role: Data Engineer
interview: 2026-03-02
interviewers: [Dana Reyes]
"""


def test_a_letter_to_the_company_greets_the_hiring_team(tmp_path):
    path = tmp_path / "desk.yaml"
    path.write_text(PLAYBOOK.replace("email", "mail"), encoding="utf-8")
    case = build_case(read_yaml_text(CASE, "acme.yaml"))
    _, drafts = draft_case(
        catalog.load(str(path)), case, date(2026, 3, 2), BusinessCalendar(None), None
    )
    (draft,) = drafts  # one draft, to the company, not one per interviewer
    assert draft.to == "the hiring team at Acme Corp"
    assert draft.layout == "letter"
    assert "Dear Hiring Team," in draft.body
    assert "Dana" not in draft.body


def test_news_of_a_competing_offer_goes_to_the_interviewer_and_the_recruiter():
    """week-then-on-hold says to tell both the recruiter and the interviewer that time
    matters: with a recruiter recorded, the news is drafted to each, and the plan says so."""
    case = Case(
        "c",
        date(2026, 3, 2),
        company="Initech",
        role="Engineer",
        interviewers=(Interviewer("Bill Lumbergh", email="bill@initech.example"),),
        recruiters=(Interviewer("Rita Moreno", email="rita@initech.example"),),
        events=(
            Event(date(2026, 3, 2), "thank_you_sent", channel="email"),
            Event(date(2026, 3, 10), "competing_offer", deadline=date(2026, 3, 13)),
        ),
    )
    cp = catalog.load("week-then-on-hold")
    cal = BusinessCalendar(None)
    _, drafts = draft_case(cp, case, date(2026, 3, 10), cal, None)
    assert [d.to for d in drafts] == [
        "Bill Lumbergh <bill@initech.example>",
        "Rita Moreno <rita@initech.example>",
    ]
    text = plan_text(plan_case(cp, case, date(2026, 3, 10), cal), case, cp.playbook)
    assert "share your news by email to Bill Lumbergh and Rita Moreno" in text
