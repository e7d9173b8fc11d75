"""The calendar: parsed back by icalendar, stable UIDs, SEQUENCE up only for what changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from msgspec.structs import replace

from followup.drafts.ical import (
    PRODID,
    Published,
    calendar_bytes,
    read_state,
    reminders_for,
    sequence,
    write_state,
)
from followup.errors import InputError
from followup.model.case import Employer, Event
from followup.timeline.calendar import BusinessCalendar

CAL = BusinessCalendar(None)
STAMP = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
THANKED = Event(date(2026, 3, 2), "thank_you_sent", channel="email")


def _publish(reminders, previous, today):
    """One run: the parsed calendar and the state to keep."""
    current, cancelled, state = sequence(reminders, previous, today)
    return Calendar.from_ical(calendar_bytes(current, cancelled, STAMP)), state


def _events(cal):
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_calendar_parses_back_with_all_day_events_alarms_and_headers(
    write_playbook, compiled, make_case
):
    """Every upcoming step is an all-day event with a 9:00 display alarm and the draft."""
    cp = compiled(write_playbook())
    today = date(2026, 3, 3)
    reminders = reminders_for(cp, make_case(THANKED), today, CAL)
    cal, _ = _publish(reminders, {}, today)
    assert str(cal["prodid"]) == PRODID
    assert str(cal["method"]) == "PUBLISH"
    assert str(cal["x-wr-calname"]) == "Interview follow-ups"
    events = list(cal.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [date(2026, 3, 9), date(2026, 3, 16)]
    for event in events:
        assert str(event["summary"]) == "Check in by email: Acme Corp (Data Engineer)"
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(days=1)
        assert event.decoded("dtstamp") == STAMP
        assert int(event["sequence"]) == 0
        description = str(event["description"])
        assert "Why: nudge: Check in a week on." in description
        assert "Source: " in description
        assert "To: Dana Reyes <dana@acme.example>" in description
        assert "Dear Dana," in description
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == timedelta(hours=9)


def test_overdue_step_is_shown_today_and_says_so(write_playbook, compiled, make_case):
    """A step past its date is placed on today, with how overdue it is."""
    cp = compiled(write_playbook())
    (first, *_) = reminders_for(cp, make_case(THANKED), date(2026, 3, 11), CAL)
    assert first.day == date(2026, 3, 11)
    assert "Due Mon 2026-03-09 (2 days overdue)." in first.description


def test_an_overdue_email_seen_on_a_weekend_says_when_to_send_it(
    write_playbook, compiled, make_case
):
    """The event's words for its day are the plan's: on Saturday, send it Monday."""
    cp = compiled(write_playbook())
    (first, *_) = reminders_for(cp, make_case(THANKED), date(2026, 3, 14), CAL)
    assert "Due Mon 2026-03-09 (5 days overdue; send it Mon 2026-03-16)." in first.description


def test_uids_are_stable_and_sequence_grows_only_for_changed_events(
    write_playbook, compiled, make_case
):
    """Moved dates keep their UIDs and get SEQUENCE+1; unchanged events keep their SEQUENCE."""
    cp = compiled(write_playbook())
    today = date(2026, 3, 3)
    other = replace(make_case(THANKED), id="globex", company="Globex")
    before = reminders_for(cp, make_case(THANKED), today, CAL)
    before += reminders_for(cp, other, today, CAL)
    first, state = _publish(before, {}, today)
    later = make_case(THANKED, employer=Employer(decision_by=date(2026, 3, 11)))
    after = reminders_for(cp, later, today, CAL) + reminders_for(cp, other, today, CAL)
    second, state2 = _publish(after, state, today)
    old, new = _events(first), _events(second)
    assert old.keys() == new.keys()
    assert len(new) == 4
    assert new["acme.r1.nudge.1@followup"].decoded("dtstart") == date(2026, 3, 12)
    assert new["acme.r1.nudge.2@followup"].decoded("dtstart") == date(2026, 3, 19)
    expected = {
        "acme.r1.nudge.1@followup": 1,
        "acme.r1.nudge.2@followup": 1,
        "globex.r1.nudge.1@followup": 0,
        "globex.r1.nudge.2@followup": 0,
    }
    assert {u: int(e["sequence"]) for u, e in new.items()} == expected
    third, _ = _publish(after, state2, today)
    assert {u: int(e["sequence"]) for u, e in _events(third).items()} == expected


def test_a_step_done_leaves_the_feed_and_the_next_keeps_its_uid(
    write_playbook, compiled, make_case
):
    """Occurrences count what was already done, so doing a step does not renumber the rest."""
    cp = compiled(write_playbook())
    before = reminders_for(cp, make_case(THANKED), date(2026, 3, 3), CAL)
    _, state = _publish(before, {}, date(2026, 3, 3))
    done = make_case(THANKED, Event(date(2026, 3, 9), "check_in_sent"))
    after = reminders_for(cp, done, date(2026, 3, 10), CAL)
    cal, _ = _publish(after, state, date(2026, 3, 10))
    events = _events(cal)
    assert list(events) == ["acme.r1.nudge.2@followup"]
    assert int(events["acme.r1.nudge.2@followup"]["sequence"]) == 0


def test_a_future_event_no_longer_planned_is_cancelled_then_forgotten(
    write_playbook, compiled, make_case
):
    """Done early: the planned event is published as CANCELLED (higher SEQUENCE) until its day."""
    cp = compiled(write_playbook())
    before = reminders_for(cp, make_case(THANKED), date(2026, 3, 3), CAL)
    _, state = _publish(before, {}, date(2026, 3, 3))
    early = make_case(THANKED, Event(date(2026, 3, 5), "check_in_sent"))
    after = reminders_for(cp, early, date(2026, 3, 5), CAL)
    cal, state2 = _publish(after, state, date(2026, 3, 5))
    gone = _events(cal)["acme.r1.nudge.1@followup"]
    assert str(gone["status"]) == "CANCELLED"
    assert int(gone["sequence"]) == 1
    again, state3 = _publish(after, state2, date(2026, 3, 6))
    assert int(_events(again)["acme.r1.nudge.1@followup"]["sequence"]) == 1
    past, _ = _publish(after, state3, date(2026, 3, 10))
    assert "acme.r1.nudge.1@followup" not in _events(past)


def test_closed_case_has_no_events(write_playbook, compiled, make_case):
    """An application that ended has nothing left to remind."""
    cp = compiled(write_playbook())
    case = make_case(THANKED, Event(date(2026, 3, 4), "reply", outcome="rejection"))
    assert reminders_for(cp, case, date(2026, 3, 5), CAL) == []


def test_state_round_trips_and_a_foreign_file_is_refused(tmp_path):
    """The sidecar state reads back as written; anything else is a located input error."""
    path = tmp_path / "cal.ics.state.json"
    state = {"u@followup": Published("abc", 3, "2026-03-09", "Check in", cancelled=False)}
    write_state(path, state)
    assert read_state(path) == state
    assert read_state(tmp_path / "missing.json") == {}
    path.write_text('{"events": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not a calendar state file"):
        read_state(path)
