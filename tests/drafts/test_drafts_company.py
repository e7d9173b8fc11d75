"""Drafts for a step ``to: company``: to the hiring team, by the company's main line or by mail."""

from __future__ import annotations

from datetime import date

from followup import catalog
from followup.drafts.compose import draft_case
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
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
