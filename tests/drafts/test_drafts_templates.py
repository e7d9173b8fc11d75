"""Templates: what they see, the drafts they make, and located errors when they are wrong."""

from __future__ import annotations

from datetime import date

import pytest

from followup import catalog
from followup.compile.machine import compile_playbook
from followup.drafts.compose import draft_case, drafts_for, nothing_to_draft
from followup.drafts.templates import (
    DEFAULTS,
    SYNTAX_EXPECTED,
    YOUR_NAME,
    check_templates,
    default_template,
    render,
    sample_context,
    template_problems,
)
from followup.engine.plan import plan_case
from followup.errors import InputError, UsageError
from followup.model.case import Employer, Event
from followup.model.playbook import Origin, Template
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import parse_duration

CAL = BusinessCalendar(None)
INTERVIEW_DAY = date(2026, 3, 2)


def test_thank_you_is_one_draft_per_interviewer_naming_role_and_company(
    write_playbook, compiled, make_case, acme
):
    """Each interviewer gets their own thank-you, addressed to them, naming role and company."""
    cp = compiled(write_playbook())
    _, drafts = draft_case(cp, make_case(), INTERVIEW_DAY, CAL, None)
    assert [d.to for d in drafts] == [
        "Dana Reyes <dana@acme.example>",
        "Sam Okafor <sam@acme.example>",
    ]
    assert drafts[0].body.startswith("Dear Dana,")
    assert drafts[1].body.startswith("Dear Sam,")
    for d in drafts:
        assert "Data Engineer" in d.body
        assert "Acme Corp" in d.body
        assert (d.action, d.rule_id, d.due, d.channel) == (
            "thank_you",
            "thank",
            INTERVIEW_DAY,
            "email",
        )


def test_drafts_leave_clear_blanks_for_what_only_you_know(write_playbook, compiled, make_case):
    """The topic you discussed and your name are bracketed blanks, never invented."""
    cp = compiled(write_playbook())
    _, drafts = draft_case(cp, make_case(), INTERVIEW_DAY, CAL, None)
    assert "[the topic you discussed]" in drafts[0].body
    assert drafts[0].body.rstrip().endswith(YOUR_NAME)


def test_check_in_goes_to_the_main_contact_only(write_playbook, compiled, make_case, acme):
    """A check-in is one message, to the first interviewer listed."""
    cp = compiled(write_playbook())
    case = make_case(Event(INTERVIEW_DAY, "thank_you_sent", channel="email"))
    _, drafts = draft_case(cp, case, date(2026, 3, 9), CAL, None)
    assert [(d.action, d.to) for d in drafts] == [("check_in", "Dana Reyes <dana@acme.example>")]
    assert drafts[0].subject == "Following up: Data Engineer role"


def test_unknown_interviewer_and_missing_fields_are_blanks(write_playbook, compiled, make_case):
    """With no interviewer, role or company on file, the draft says so in [[blanks]]."""
    cp = compiled(write_playbook())
    case = make_case(interviewers=0, company="", role="")
    _, drafts = draft_case(cp, case, INTERVIEW_DAY, CAL, None)
    assert len(drafts) == 1
    assert drafts[0].to == "[[their name]] <[[their email]]>"
    assert "[[the role]]" in drafts[0].body
    assert "[[the company]]" in drafts[0].body
    assert drafts[0].body.startswith("Dear [[their name]],")
    assert {"[[their name]]", "[[their email]]", "[[the role]]"} <= set(drafts[0].blanks)


def test_playbook_template_for_a_rule_id_wins_over_the_kind(write_playbook, compiled, make_case):
    """A template keyed by rule id is used before one keyed by kind, then the built-in one."""
    path = write_playbook(
        """\
        check_in: "KIND {{ step.rule }}"
        nudge: {subject: "RULE {{ case.company }}", body: "RULE body {{ step.due }}"}
        thank_you: "Thanks {{ interviewer.first_name }} from {{ playbook.id }}"
        """
    )
    cp = compiled(path)
    case = make_case(Event(INTERVIEW_DAY, "thank_you_sent"))
    _, drafts = draft_case(cp, case, date(2026, 3, 9), CAL, None)
    assert [(d.subject, d.body) for d in drafts] == [("RULE Acme Corp", "RULE body 2026-03-09")]
    _, thanks = draft_case(cp, make_case(), INTERVIEW_DAY, CAL, None)
    assert [d.body for d in thanks] == ["Thanks Dana from tiny", "Thanks Sam from tiny"]
    assert thanks[0].subject == ""


def test_named_action_by_kind_or_rule_id(write_playbook, compiled, make_case):
    """ACTION picks the first step of that kind or rule id, even when it is not the next one."""
    cp = compiled(write_playbook())
    case = make_case(Event(INTERVIEW_DAY, "thank_you_sent"))
    _, by_kind = draft_case(cp, case, date(2026, 3, 3), CAL, "check_in")
    _, by_rule = draft_case(cp, case, date(2026, 3, 3), CAL, "nudge")
    assert [d.due for d in by_kind] == [d.due for d in by_rule] == [date(2026, 3, 9)]


def test_named_action_not_in_the_plan_is_a_usage_error_listing_the_steps(
    write_playbook, compiled, make_case
):
    """Naming a step the plan does not have says which steps it has."""
    cp = compiled(write_playbook())
    case = make_case(Event(INTERVIEW_DAY, "thank_you_sent"))
    with pytest.raises(UsageError, match=r"no step 'thank_you'.*check_in \(nudge\)"):
        draft_case(cp, case, date(2026, 3, 3), CAL, "thank_you")


def test_closed_case_has_nothing_to_draft(write_playbook, compiled, make_case):
    """A closed case drafts nothing and says why; an offer drafts the answer to it."""
    cp = compiled(write_playbook())
    case = make_case(Event(date(2026, 3, 5), "reply", outcome="rejection"))
    plan, drafts = draft_case(cp, case, date(2026, 3, 6), CAL, None)
    assert drafts == []
    assert nothing_to_draft(plan, cp) == "nothing to draft: the case is closed (rejection)"
    offered = make_case(Event(date(2026, 3, 5), "reply", outcome="offer"))
    _, drafts = draft_case(cp, offered, date(2026, 3, 6), CAL, None)
    assert [d.action for d in drafts] == ["answer_offer"]
    assert "the offer" in drafts[0].body


def test_round_interview_date_is_the_latest_round(write_playbook, compiled, make_case):
    """After a next_round reply, templates see the new round's interview date."""
    path = write_playbook('thank_you: "{{ case.interview }}"\n')
    cp = compiled(path)
    case = make_case(
        Event(INTERVIEW_DAY, "thank_you_sent"),
        Event(date(2026, 3, 5), "reply", outcome="next_round", interview=date(2026, 3, 10)),
    )
    _, drafts = draft_case(cp, case, date(2026, 3, 10), CAL, "thank_you")
    assert drafts[0].body == "2026-03-10"


def test_decision_date_is_visible_to_templates(write_playbook, compiled, make_case):
    """``case.decision_by`` is the employer's date, or none (so ``{% if %}`` can test it)."""
    path = write_playbook(
        'check_in: "{% if case.decision_by %}by {{ case.decision_by|long_date }}'
        '{% else %}no date{% endif %}"\n'
    )
    cp = compiled(path)
    dated = make_case(
        Event(INTERVIEW_DAY, "thank_you_sent"), employer=Employer(decision_by=date(2026, 3, 13))
    )
    plain = make_case(Event(INTERVIEW_DAY, "thank_you_sent"))
    _, with_date = draft_case(cp, dated, date(2026, 3, 13), CAL, "check_in")
    _, without = draft_case(cp, plain, date(2026, 3, 9), CAL, "check_in")
    assert with_date[0].body == "by Friday, 13 March 2026"
    assert without[0].body == "no date"


def test_every_built_in_default_renders_with_blanks(write_playbook, load):
    """Each built-in draft renders against the sample case and signs off with a blank name."""
    pb = load(write_playbook())
    for kind in DEFAULTS:
        template = default_template(kind)
        assert template is not None
        message = render(template, sample_context(pb, kind))
        assert "Data Analyst" in message.body, kind
        assert YOUR_NAME in message.body, kind
        assert "{{" not in message.body + message.subject, kind
    assert default_template("move_on") is None


def test_move_on_without_a_template_has_nothing_to_draft(write_playbook, compiled, make_case):
    """Advice with nothing to send (move_on) gets no built-in draft."""
    cp = compiled(write_playbook())
    case = make_case(
        Event(INTERVIEW_DAY, "thank_you_sent"),
        Event(date(2026, 3, 9), "check_in_sent"),
        Event(date(2026, 3, 16), "check_in_sent"),
    )
    plan = plan_case(cp, case, date(2026, 3, 17), CAL)
    assert drafts_for(plan, cp, case, CAL, None) == []


@pytest.mark.parametrize("playbook_id", sorted(catalog.discover()))
def test_bundled_playbooks_carry_valid_thank_you_and_check_in_templates(playbook_id, load):
    """Every bundled playbook has templates for thank-yous and check-ins, and all validate."""
    cp = catalog.load(playbook_id)
    pb = cp.playbook
    kinds = {a.kind for a in pb.actions for t in pb.templates if t.key in (a.id, a.kind)}
    assert {"thank_you", "check_in"} <= kinds
    assert template_problems(pb) == []


# -- located errors ---------------------------------------------------------------------------


def test_unknown_field_is_located_at_its_file_line_with_a_suggestion(
    write_playbook, load, first_template_line
):
    """A misspelt field is an error at the file line of the template line, not a blank."""
    path = write_playbook(
        """\
        check_in: |
          Dear {{ interviewer.first_name }},
          I am writing about {{ case.compnay }}.
        """
    )
    with pytest.raises(InputError) as err:
        check_templates(load(path))
    (problem,) = err.value.problems
    assert (problem.line, problem.col) == (first_template_line + 2, 5)
    assert problem.file == str(path)
    assert "template 'check_in', body line 2" in problem.message
    assert "'case' has no field 'compnay' (did you mean 'company'?)" in problem.message


def test_unknown_name_in_a_branch_not_taken_is_still_found(write_playbook, load):
    """Names are checked statically too, so a typo in an unused branch is caught."""
    path = write_playbook('check_in: "{% if false %}{{ intervewer.name }}{% endif %}ok"\n')
    with pytest.raises(InputError, match=r"unknown name 'intervewer' \(did you mean 'interviewer'"):
        check_templates(load(path))


def test_strict_undefined_at_render_time_is_located(write_playbook, load, first_template_line):
    """A field missing only on a real path (here a list index) fails rendering, located."""
    path = write_playbook(
        """\
        check_in:
          subject: "Hi"
          body: |
            line one
            {{ case.interviewers[5].name }}
        """
    )
    with pytest.raises(InputError) as err:
        check_templates(load(path))
    (problem,) = err.value.problems
    assert (problem.line, problem.col) == (first_template_line + 4, 7)
    assert "body line 2: " in problem.message
    assert "list object has no element 5" in problem.message


def test_syntax_error_is_located_in_a_one_line_subject(write_playbook, load, first_template_line):
    """A syntax error in a quoted one-line subject points at that subject in the file."""
    path = write_playbook(
        """\
        thank_you:
          subject: "Thanks {{ case.role }"
          body: "fine"
        """
    )
    with pytest.raises(InputError) as err:
        check_templates(load(path))
    (problem,) = err.value.problems
    assert (problem.line, problem.col) == (first_template_line + 1, 14)
    assert "template 'thank_you', subject line 1" in problem.message
    assert problem.expected == SYNTAX_EXPECTED  # what to write, not what a sandbox allows


def test_an_unclosed_block_expects_its_closing_tag(write_playbook, load, first_template_line):
    """An {% if %} never closed: the problem says how a block is closed."""
    path = write_playbook('check_in: "Still keen {% if case.company %} on it."\n')
    with pytest.raises(InputError) as err:
        check_templates(load(path))
    (problem,) = err.value.problems
    assert "{% endif %}" in problem.expected


def test_every_problem_is_reported_at_once(write_playbook, load, first_template_line):
    """Problems in several templates are all reported together."""
    path = write_playbook(
        """\
        thank_you: "{{ case.nope }}"
        check_in: "{% for %}"
        """
    )
    with pytest.raises(InputError) as err:
        check_templates(load(path))
    assert [p.line for p in err.value.problems] == [first_template_line, first_template_line + 1]


def test_render_failure_on_a_real_case_is_an_input_error_at_the_template(tiny_model):
    """A template that fails on one case raises a located InputError (exit 2), no traceback."""
    template = Template("check_in", "{{ case.interviewers[0].name }}", Origin("pb.yaml", 7, 3))
    pb = compile_playbook(tiny_model).playbook
    context = sample_context(pb, "check_in")
    context["case"]["interviewers"] = []  # type: ignore[index]
    with pytest.raises(InputError) as err:
        render(template, context)
    (problem,) = err.value.problems
    assert (problem.file, problem.line, problem.col) == ("pb.yaml", 7, 3)
    assert err.value.exit_code == 2


def test_decision_date_follows_decision_in_and_a_still_deciding_reply(
    write_playbook, compiled, make_case
):
    """``case.decision_by`` is the engine's date: from decision_in, then moved by a reply."""
    path = write_playbook('check_in: "{{ case.decision_by }}"\n')
    cp = compiled(path)
    within = Employer(decision_in=parse_duration("10d"))
    case = make_case(Event(INTERVIEW_DAY, "thank_you_sent"), employer=within)
    _, first = draft_case(cp, case, date(2026, 3, 12), CAL, "check_in")
    assert first[0].body == "2026-03-12"
    moved = make_case(
        Event(INTERVIEW_DAY, "thank_you_sent"),
        Event(date(2026, 3, 12), "reply", outcome="still_deciding", decision_by=date(2026, 3, 20)),
        employer=within,
    )
    _, second = draft_case(cp, moved, date(2026, 3, 13), CAL, "check_in")
    assert second[0].body == "2026-03-20"
