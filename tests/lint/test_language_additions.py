"""Lint and prove on the newer things a playbook can say: windows and the time between dates."""

from __future__ import annotations

from datetime import date

import pytest

from followup.compile.machine import compile_playbook
from followup.engine.plan import plan_case
from followup.io.yaml_reader import read_yaml_text
from followup.language.playbook_loader import build_playbook
from followup.lint import lint_compiled
from followup.lint.space import ProofOptions, build_space
from followup.model.case import Case, Employer, Event
from followup.model.playbook import Playbook
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.holiday_library import HolidaysLibraryProvider

from .conftest import HEADER, USUAL


def _playbook(body: str, name: str = "mine") -> Playbook:
    return build_playbook(read_yaml_text(HEADER.format(id=name) + USUAL + body, f"{name}.yaml"))


NOTE = """\
  - {id: note, in: waiting, kind: check_in, due: interview + 1w, channel: email, advice: Go.,
     source: s, when: {time_between: {from: interview, to: decision_by, ge: 19d}}}
"""


def test_a_time_between_makes_the_prover_try_decision_dates():
    """The decision date is explored when only a time_between condition reads it."""
    space = build_space(_playbook(NOTE), ProofOptions(120))
    assert {18, 19, 20} <= set(space.decision)  # both sides of the threshold
    assert None in space.decision
    assert build_space(_playbook(""), ProofOptions(120)).decision == (None,)


def test_a_condition_on_the_time_between_can_fire():
    """Lint explores the test both ways: the action is not reported as never firing (L104)."""
    problems = lint_compiled(compile_playbook(_playbook(NOTE)))
    assert [p.code for p in problems] == []
    never = NOTE.replace(
        "ge: 19d}}",
        "ge: 19d}, not: {time_between: {from: interview, to: decision_by, ge: 19d}}}",
    )
    codes = [p.code for p in lint_compiled(compile_playbook(_playbook(never)))]
    assert "L104" in codes


def test_answers_no_dates_give_are_not_explored():
    """At least 3 weeks between two dates but not at least 2 weeks: no case is like that, so
    an action that needs it never fires (L104); at least 2 weeks and not 3 can happen."""
    old = "time_between: {from: interview, to: decision_by, ge: 19d}"

    def needing(at_least: str, not_at_least: str) -> Playbook:
        span = "{time_between: {from: interview, to: decision_by, ge: %s}}"
        both = f"all: [{span % at_least}, {{not: {span % not_at_least}}}]"
        return _playbook(NOTE.replace(old, both))

    assert "L104" in [p.code for p in lint_compiled(compile_playbook(needing("3w", "2w")))]
    assert [p.code for p in lint_compiled(compile_playbook(needing("2w", "3w")))] == []


def test_the_dates_found_give_the_answers_they_stand_for():
    """Every combination of answers some dates give is found, each with such dates, over
    business days too, and from either end."""
    from followup.compile.expressions import compile_guard
    from followup.lint.spans import Dated, span_dates
    from followup.model.playbook import Offset, Span
    from followup.timeline.durations import parse_duration

    def span(start: str, end: str, op: str, text: str) -> Span:
        return Span(start, end, op, Offset(1, parse_duration(text)))

    tests = (
        span("interview", "decision_by", "ge", "2w"),
        span("interview", "decision_by", "lt", "10bd"),
        span("follow_up_after", "decision_by", "le", "1d"),
    )
    found = span_dates(tests)
    assert found.names == tuple(t.name for t in tests)
    for answers, dates in found.witnesses.items():
        case = Dated(found.attrs, dates)
        assert tuple(compile_guard(t)(case) for t in tests) == answers
    # 10 business days are 2 weeks from a weekday and less from a weekend: at least 2w and less
    # than 10bd never both hold; the rest all do (the third test as the decision date allows).
    assert sorted(found.witnesses) == sorted(
        {(a, b, c) for a in (False, True) for b in (False, True) for c in (False, True)}
        - {(True, True, False), (True, True, True)}
    )
    late = span_dates((tests[0], span("interview", "decision_by", "gt", "10bd")))
    assert late.possible((False, True))  # more than 10bd, less than 2w: from a Sunday
    narrowed = span_dates((tests[0], span("interview", "decision_by", "lt", "1w")))
    assert not narrowed.possible((True, True))
    assert len(narrowed.witnesses) == 3


def test_a_window_measured_from_one_anchor_is_fine():
    """until after due, from the same anchor, even in business days: no L113."""
    body = """\
  - {id: nudge, in: waiting, kind: check_in, due: interview + 5bd, until: interview + 2w,
     channel: email, advice: Go., source: s}
"""
    assert "L113" not in [p.code for p in lint_compiled(compile_playbook(_playbook(body)))]


def test_a_window_that_may_end_first_is_flagged():
    """5 business days can be 7 calendar days: until interview + 6d may come first."""
    body = """\
  - {id: nudge, in: waiting, kind: check_in, due: interview + 5bd, until: interview + 6d,
     channel: email, advice: Go., source: s}
"""
    assert "L113" in [p.code for p in lint_compiled(compile_playbook(_playbook(body)))]


@pytest.mark.parametrize(
    ("due", "until", "flagged"),
    [
        # The later of two starts, each with a later end: the fix L113 itself suggests.
        (
            "{later_of: [decision_by + 5d, interview + 1w]}",
            "{later_of: [decision_by + 7d, interview + 2w]}",
            False,
        ),
        (
            "{later_of: [decision_by + 5d, reply + 1w]}",
            "{later_of: [decision_by + 7d, reply + 1w]}",
            False,
        ),
        # One start has no end from its anchor: the later of the ends may come first.
        (
            "{later_of: [decision_by + 5d, interview + 1w]}",
            "{later_of: [decision_by + 7d, reply + 2w]}",
            True,
        ),
        # The earlier of the ends must be after every start.
        (
            "{later_of: [decision_by + 5d, interview + 1w]}",
            "{earlier_of: [decision_by + 7d, interview + 2w]}",
            True,
        ),
        ("interview + 1w", "{earlier_of: [interview + 2w, interview + 10d]}", False),
        # The later of the ends is after the earlier of the starts when one end is after one start.
        (
            "{earlier_of: [decision_by + 5d, interview + 1w]}",
            "{later_of: [decision_by + 7d, reply + 2w]}",
            False,
        ),
    ],
)
def test_windows_of_several_dates_pair_their_terms(due, until, flagged):
    """later_of/earlier_of on both sides: L113 only where the order is not known."""
    body = f"""\
  - {{id: nudge, in: waiting, kind: check_in, due: {due}, until: {until},
     channel: email, advice: Go., source: s}}
"""
    found = [p.code for p in lint_compiled(compile_playbook(_playbook(body)))]
    assert ("L113" in found) == flagged


def test_more_business_days_from_the_same_date_never_end_first():
    """until decision_by + 3bd never comes before decision_by + 1bd, whatever the calendar:
    more of each unit moves the same date at least as far."""
    body = """\
  - {id: nudge, in: waiting, kind: check_in, due: decision_by + 1bd, until: decision_by + 3bd,
     channel: email, advice: Go., source: s}
"""
    assert "L113" not in [p.code for p in lint_compiled(compile_playbook(_playbook(body)))]


def test_a_window_two_public_holidays_can_close_is_flagged():
    """One business day after a Thursday can be five calendar days later (Christmas and Boxing
    Day on Friday and Monday, in England in 2026), after until interview + 4d: L113 says so,
    and the engine then keeps the window to its first day."""
    body = """\
  - {id: nudge, in: [thanked, waiting], kind: check_in, due: interview + 1bd, until: interview + 4d,
     channel: email, advice: Go., source: s}
"""
    cp = compile_playbook(_playbook(body))
    assert "L113" in [p.code for p in lint_compiled(cp)]
    thanked = Event(date(2026, 12, 24), "thank_you_sent", 0, "email")
    case = Case(
        "xmas", date(2026, 12, 24), employer=Employer(follow_up="invited"), events=(thanked,)
    )
    planned = plan_case(
        cp, case, date(2026, 12, 24), BusinessCalendar("GB-ENG", HolidaysLibraryProvider())
    )
    nudge = next(s for s in (*planned.next, *planned.schedule) if s.rule_id == "nudge")
    assert nudge.due == date(2026, 12, 29)
    assert nudge.latest in (None, nudge.due)


def test_the_later_of_several_ends_is_enough():
    """until: later_of [decision_by, interview + 9d] never comes before interview + 1w."""
    body = """\
  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w,
     until: {later_of: [decision_by, interview + 9d]}, channel: email, advice: Go., source: s}
"""
    assert "L113" not in [p.code for p in lint_compiled(compile_playbook(_playbook(body)))]


def _lint_text(text: str, name: str = "mine.yaml") -> list[str]:
    """Lint problems as ``line:col: CODE message; expected ...`` (without the file name)."""
    from followup.lint import playbook_checks

    doc = read_yaml_text(text, name)
    problems = playbook_checks(compile_playbook(build_playbook(doc)), doc)
    return [str(p).removeprefix(f"{name}:") for p in problems]


def _lint_codes(text: str) -> list[str]:
    """The codes of `_lint_text`'s problems, in order."""
    return [p.split(" ", 2)[1] for p in _lint_text(text)]


MINE = "id: mine\ntitle: Mine\nsource: {title: My notes}\n"


def test_lint_places_a_window_that_ends_first_at_its_until():
    """L113 points at the until and says what the engine does then."""
    text = MINE + (
        "transitions:\n"
        "  - {id: done, from: any, after: interview + 4w, to: closed, source: Notes}\n"
        "actions:\n"
        "  - id: nudge\n"
        "    in: interviewed\n"
        "    kind: check_in\n"
        "    due: interview + 7d\n"
        "    until: interview + 5d\n"
        "    channel: email\n"
        "    advice: Check in.\n"
        "    source: Notes\n"
    )
    assert _lint_text(text) == [
        "11:5: L113 the window of action 'nudge' can end (interview + 5d) before it starts "
        "(interview + 7d); the step is then due on its first day only; expected an until that "
        "is never earlier than due, such as the same anchor with a longer offset"
    ]


WAITS = (
    "transitions:\n"
    "  - {id: waiting, from: interviewed, after: interview + 2d, to: waiting, source: Patience}\n"
    "actions:\n"
    "  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w, channel: email,\n"
    "     advice: Check in., source: Patience}\n"
)


def test_closes_never_takes_the_place_of_a_way_to_closed():
    """Without closes: never, L102 (whose fix names closes: never), once, at 'waiting', where
    the cases stay; with it, nothing."""
    without = _lint_text(MINE + WAITS)
    assert [p.split(" ", 2)[1] for p in without] == ["L102"]
    assert "from state 'waiting'" in without[0]
    assert "cases in 'interviewed' come to it and stay too" in without[0]
    assert "'closes: {never: REASON}'" in without[0]
    never = "closes: {never: We wait for their word., source: Patience}\n"
    assert _lint_text(MINE + never + WAITS) == []


def test_closes_never_with_a_timer_to_closed_is_an_error():
    """L114 at the timer's 'to', and at max_days_open."""
    text = (
        MINE
        + "closes: {never: We wait for their word., source: Patience}\n"
        + "transitions:\n"
        + "  - {id: give-up, from: any, after: interview + 8w, to: closed, source: Patience}\n"
        + "limits: {max_days_open: 60}\n"
    )
    found = _lint_text(text)
    assert found == [
        "6:53: L114 timer 'give-up' closes the case, but the playbook says it never closes on "
        "its own (closes: never); expected no timer to closed, or no closes: never",
        "7:1: L114 max_days_open promises the case closes within a number of days, but the "
        "playbook says it never closes on its own (closes: never); expected no max_days_open, "
        "or no closes: never",
    ]


def test_prove_reports_days_open_as_unbounded_by_design():
    """A playbook that never closes on its own: no L203, and the report says why."""
    from followup.lint import report
    from followup.lint.prove import prove

    text = (
        MINE
        + "closes: {never: We wait for their word., source: Patience}\n"
        + WAITS
        + "limits: {max_contacts: 9}\n"
    )
    cp = compile_playbook(build_playbook(read_yaml_text(text, "mine.yaml")))
    found = prove(cp, ProofOptions(sound=False), workers=1)
    assert not found.closes
    assert [p.code for p in report.problems(found, None)] == []
    shown = report.text(found, "mine.yaml")
    assert "never closes a case on its own, by design" in shown
    assert report.as_json(found, "mine.yaml")["worst"]["open_by_design"] is True


def test_an_opt_out_that_holds_a_step_back_is_no_warning():
    """L115 only for an opt-out that changes nothing: each rule applies to some step here."""
    from followup.semantics.rules import RULE_IDS

    steps = (
        "  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w, channel: email,\n"
        "     advice: Go., source: s}\n"
        "  - {id: news, in: waiting, kind: share_update, due: competing_offer, channel: email,\n"
        "     when: {competing_offer: true}, advice: Go., source: s}\n"
    )
    for rule in RULE_IDS:
        text = steps + f"opt_out:\n  - {{rule: {rule}, reason: It says so., source: s}}\n"
        codes = [p.code for p in lint_compiled(compile_playbook(_playbook(text)))]
        assert "L115" not in codes, rule
    lone = "opt_out:\n  - {rule: news-before-deadline, reason: It says so., source: s}\n"
    assert "L115" in [p.code for p in lint_compiled(compile_playbook(_playbook(lone)))]


def test_a_dont_and_an_action_on_either_side_of_a_threshold_agree():
    """L110 asks the dates too: no calls for a long timetable, a call for a short one."""
    span = "{time_between: {from: interview, to: decision_by, ge: 3w}}"
    body = f"""\
  - {{id: ring, in: waiting, kind: check_in, due: interview + 1w, channel: [phone, email],
     when: {{has_decision_date: true, not: {span}}}, advice: Ring them., source: s}}
avoid:
  - {{id: no-calls, in: [waiting], advice: "Don't call them.", when: WHEN, source: s}}
"""
    apart = lint_compiled(compile_playbook(_playbook(body.replace("WHEN", span))))
    assert [p.code for p in apart] == []
    short = span.replace("ge: 3w", "ge: 1w")
    both = lint_compiled(compile_playbook(_playbook(body.replace("WHEN", short))))
    assert [p.code for p in both] == ["L110"]


NEVER = "closes: {never: We wait for their word., source: Patience}\n"
ENDLESS = (
    "transitions:\n"
    "  - {id: waiting, from: interviewed, after: interview + 2d, to: waiting, source: Patience}\n"
    "actions:\n"
    "  - {id: note, in: waiting, kind: check_in, due: interview + 1w, channel: email,\n"
    "     repeat: REPEAT, advice: A short note now and then., source: Patience}\n"
)


def test_a_repeat_with_no_last_time_is_said_so():
    """A repeat with neither max nor until is refused, with 'until: never' named as the way to
    say it has no last time; with that, it loads, lints clean under closes: never, and repeats
    as long as the case stays open."""
    from followup.errors import InputError

    with pytest.raises(InputError) as refused:
        build_playbook(read_yaml_text(MINE + ENDLESS.replace("REPEAT", "{every: 4w}"), "m.yaml"))
    assert "never stops" in str(refused.value)
    assert "until: never" in str(refused.value)
    text = MINE + NEVER + ENDLESS.replace("REPEAT", "{every: 4w, until: never}")
    pb = build_playbook(read_yaml_text(text, "mine.yaml"))
    [note] = [a for a in pb.actions if a.id == "note"]
    assert note.repeat is not None
    assert (note.repeat.max, note.repeat.until) == (None, None)
    assert _lint_text(text) == []


def test_prove_does_not_keep_a_total_cap_that_an_endless_repeat_breaks():
    """Within the horizon a repeat every four weeks stays under max_contacts 20, but the
    path still has notes to come: the cap is broken, and the witness is that path.  The same
    repeat with a last time keeps the cap, and nothing is left to come."""
    from followup.lint.prove import prove

    limits = "limits: {max_contacts: 20}\n"
    endless = MINE + NEVER + ENDLESS.replace("REPEAT", "{every: 4w, until: never}") + limits
    cp = compile_playbook(build_playbook(read_yaml_text(endless, "mine.yaml")))
    found = prove(cp, ProofOptions(sound=False), workers=1)
    assert found.contacts.value is not None
    assert found.contacts.value <= 20
    assert found.more.value == 1
    [breach] = found.breaches
    assert (breach.limit, breach.unbounded) == ("max_contacts", True)
    assert len(breach.witness.events) >= 4  # the notes made before the horizon
    capped = endless.replace("{every: 4w, until: never}", "{every: 4w, max: 3}")
    cp = compile_playbook(build_playbook(read_yaml_text(capped, "mine.yaml")))
    found = prove(cp, ProofOptions(sound=False), workers=1)
    assert found.more.value is None
    assert found.breaches == ()


LATE = (
    "transitions:\n"
    "  - {id: waiting, from: interviewed, after: interview + 2d, to: waiting, source: s}\n"
    "  - {id: done, from: any, after: interview + 6w, to: closed, source: s}\n"
    "actions:\n"
    "  - {id: note, in: waiting, kind: check_in, due: interview + 5d, WINDOW channel: email,\n"
    "     advice: Check in., source: s}\n"
)


def test_late_skip_needs_a_window_and_a_known_word():
    """'late' without 'until' is refused at 'late'; a misspelt word gets the nearest one."""
    from followup.errors import InputError

    for window, said in (
        ("late: skip,", "has no window"),
        ("until: interview + 7d, late: skipp,", "did you mean 'skip'"),
    ):
        with pytest.raises(InputError) as refused:
            build_playbook(read_yaml_text(MINE + LATE.replace("WINDOW", window), "m.yaml"))
        assert said in str(refused.value)
        assert "m.yaml:8:" in str(refused.value)  # the action's line


def test_a_step_that_lapses_is_never_recommended_late():
    """With late: skip the check-in is in the plan inside its window and gone after it;
    without, it stays, due now."""

    def plan_on(window: str, today: date) -> list[str]:
        pb = build_playbook(read_yaml_text(MINE + LATE.replace("WINDOW", window), "m.yaml"))
        case = Case("c", date(2026, 3, 4), employer=Employer())
        cal = BusinessCalendar(None, HolidaysLibraryProvider())
        return [s.rule_id for s in plan_case(compile_playbook(pb), case, today, cal).next]

    skip = "until: interview + 7d, late: skip,"
    assert plan_on(skip, date(2026, 3, 10)) == ["note"]
    assert plan_on(skip, date(2026, 3, 12)) == []
    assert plan_on("until: interview + 7d,", date(2026, 3, 12)) == ["note"]


@pytest.mark.parametrize("written", ["NEVER", "nevr", "Never"])
def test_a_misspelt_never_is_one_problem_with_the_word_meant(written: str):
    """A repeat's until 'NEVER' was two problems: 'no until' (it has one) and an unknown
    anchor; it is one, naming never."""
    from followup.errors import InputError

    text = MINE + NEVER + ENDLESS.replace("REPEAT", f"{{every: 4w, until: {written}}}")
    with pytest.raises(InputError) as refused:
        build_playbook(read_yaml_text(text, "m.yaml"))
    problems = str(refused.value).splitlines()
    assert len(problems) == 1
    assert "did you mean 'never'" in problems[0]


def test_never_is_no_last_day_for_a_window():
    from followup.errors import InputError

    text = MINE + LATE.replace("WINDOW", "until: never,")
    with pytest.raises(InputError) as refused:
        build_playbook(read_yaml_text(text, "m.yaml"))
    assert "a step's window needs a last day" in str(refused.value)


def test_a_dont_about_one_part_of_the_day_spares_a_step_at_another():
    """'Don't ring the desk in the afternoon' against a call to the desk in the morning: L110
    only without the parts of the day (it cannot tell them apart in the words)."""
    body = (
        "transitions:\n"
        "  - {id: waiting, from: interviewed, after: interview + 2d, to: waiting, source: s}\n"
        "  - {id: done, from: any, after: interview + 6w, to: closed, source: s}\n"
        "actions:\n"
        "  - {id: ring, in: waiting, kind: check_in, due: interview + 1w, AT channel: phone,\n"
        "     to: company, advice: Ring the desk., source: s}\n"
        "avoid:\n"
        "  - {id: not-afternoons, in: [waiting], to: company, DONT source: s,\n"
        '     advice: "Don\'t ring the desk in the afternoon."}\n'
    )
    assert _lint_codes(MINE + body.replace("AT", "at: morning,").replace("DONT", "")) == ["L110"]
    text = MINE + body.replace("AT", "at: morning,").replace("DONT", "at: afternoon,")
    assert _lint_text(text) == []
    same = MINE + body.replace("AT", "at: afternoon,").replace("DONT", "at: afternoon,")
    assert _lint_codes(same) == ["L110"]


# A note due a week after the interview, in waiting, until UNTIL, when WHEN holds.
NOTE_WINDOW = (
    "transitions:\n"
    "  - {id: waiting, from: interviewed, after: interview + 2d, to: waiting, source: s}\n"
    "  - {id: done, from: any, after: interview + 8w, to: closed, source: s}\n"
    "actions:\n"
    "  - {id: note, in: waiting, kind: check_in, due: interview + 1w,\n"
    "     until: UNTIL, channel: email, advice: A note., source: s WHEN}\n"
)


def test_a_window_between_two_anchors_kept_apart_by_its_condition_is_no_l113():
    """A note due a week after the interview until the day before their date, only when they
    gave two weeks or more: the end cannot come first.  Without the condition it can (L113)."""
    note = MINE + NOTE_WINDOW.replace("UNTIL", "decision_by - 1d")
    span = ", when: {time_between: {from: interview, to: decision_by, ge: 2w}}"
    assert _lint_text(note.replace(" WHEN", span)) == []
    short = span.replace("ge: 2w", "ge: 1w")
    assert _lint_codes(note.replace(" WHEN", short)) == ["L113"]
    assert _lint_codes(note.replace(" WHEN", "")) == ["L113"]


def test_each_way_an_any_condition_holds_is_read_for_l113():
    """'When they gave two weeks or more, by either of their dates': a note until the later of
    the day before each date.  Either way the condition holds, one end comes after the start,
    so no L113; when one way leaves both ends free, L113."""
    until = "{later_of: [decision_by - 1d, follow_up_after - 1d]}"
    note = MINE + NOTE_WINDOW.replace("UNTIL", until).replace(" WHEN", ", when: {any: [WAYS]}")
    ways = (
        "{time_between: {from: interview, to: decision_by, ge: 2w}}, "
        "{time_between: {from: interview, to: follow_up_after, ge: 2w}}"
    )
    assert _lint_text(note.replace("WAYS", ways)) == []
    loose = ways.replace("to: follow_up_after, ge: 2w", "to: follow_up_after, lt: 2w")
    assert _lint_codes(note.replace("WAYS", loose)) == ["L113"]
