"""followup today: what is due across applications, in date order, to whom, and why."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from followup.catalog import bundled_dir

TODAY = "2026-03-12"
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "src/followup/schemas/output.schema.json").read_text()
)


def _add(tracker, company: str, interviewed: str, *people: str, playbook: str = "") -> str:
    argv = ["add", "--company", company, "--role", "Engineer", "--interviewed", interviewed]
    for person in people:
        argv += ["--interviewer", person]
    if playbook:
        argv += ["--playbook", playbook]
    result = tracker(*argv, "--country", "US")
    assert result.code == 0, result.err
    return result.out.strip()


@pytest.fixture
def three(tracker) -> tuple[str, str, str]:
    """Three applications at different stages on 2026-03-12, and one closed."""
    acme = _add(tracker, "Acme", "2026-03-02", "Dana Reyes <dana@acme.example>", "Sam Okafor")
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    beta = _add(tracker, "Beta", "2026-03-11", "Ann Lee <ann@beta.example>", "Bo Li <bo@b.example>")
    gamma = _add(tracker, "Gamma", "2026-03-12")
    done = _add(tracker, "Delta", "2026-03-10", "Dee <dee@delta.example>")
    tracker("close", done, "--as", "rejection", "--date", "2026-03-11")
    return acme, beta, gamma


def test_due_items_are_sorted_by_date_with_recipients(tracker, three):
    """Overdue first, oldest first; thank-yous go to every interviewer, check-ins to the first."""
    acme, beta, gamma = three
    result = tracker("today", "--today", TODAY, "--json")
    assert result.code == 0, result.err
    due = result.json()["due"]
    thanks_and_checks = [d for d in due if d["action"] in ("thank_you", "check_in")]
    assert [(d["id"], d["action"], d["due"]) for d in thanks_and_checks] == [
        (acme, "check_in", "2026-03-09"),
        (beta, "thank_you", "2026-03-11"),
        (gamma, "thank_you", "2026-03-12"),
    ]
    assert [d["due"] for d in due] == sorted(d["due"] for d in due)
    by_id = {(d["id"], d["action"]): d for d in thanks_and_checks}
    assert by_id[acme, "check_in"]["recipients"] == [
        {"name": "Dana Reyes", "email": "dana@acme.example", "phone": None}
    ]
    assert by_id[acme, "check_in"]["days_overdue"] == 3
    assert by_id[beta, "thank_you"]["recipients"] == [
        {"name": "Ann Lee", "email": "ann@beta.example", "phone": None},
        {"name": "Bo Li", "email": "bo@b.example", "phone": None},
    ]
    assert by_id[gamma, "thank_you"]["recipients"] == [
        {"name": "Gamma", "email": None, "phone": None}
    ]
    assert by_id[gamma, "thank_you"]["days_overdue"] == 0
    assert all(d["why"] and d["source"] and "channel" in d for d in due)


def test_closed_applications_are_left_out(tracker, three):
    """An application closed by a recorded rejection has nothing due."""
    data = tracker("today", "--today", TODAY, "--json").json()
    companies = {d["company"] for d in data["due"] + data["upcoming"]}
    assert companies == {"Acme", "Beta", "Gamma"}


def test_upcoming_covers_the_next_seven_days(tracker, three):
    """Upcoming steps fall after today and at most 7 days ahead, in date order."""
    upcoming = tracker("today", "--today", TODAY, "--json").json()["upcoming"]
    days = [date.fromisoformat(u["due"]) for u in upcoming]
    assert days, "a week after two interviews something is due"
    assert days == sorted(days)
    start = date.fromisoformat(TODAY)
    assert all(start < d <= start + timedelta(days=7) for d in days)


def test_today_text(tracker, three):
    """The text lists due steps with date, id, what to send to whom, and why."""
    acme, _, _ = three
    result = tracker("today", "--today", TODAY)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Due today or overdue (Thu 2026-03-12)"
    first = lines.index(f"  Mon 2026-03-09 (3 days overdue)  {acme}  Acme - Engineer")
    assert lines[first + 1] == "      check in by email to Dana Reyes <dana@acme.example>"
    assert lines[first + 2].startswith("      why: check-in-after-a-week:")
    assert "Coming up in the next 7 days" in lines


def test_nothing_due(tracker):
    """An empty tracker has nothing due and says so."""
    result = tracker("today", "--today", TODAY)
    assert result.code == 0
    assert "  Nothing due." in result.out


def test_an_application_with_a_lost_playbook_is_reported_and_the_rest_answered(
    tracker, tmp_path, monkeypatch
):
    """A playbook that disappeared: that application is named on stderr, exit 1, others shown.

    Exit 1 (was 2): the command line was fine; one stored application could not be planned,
    a failure of the data, reported beside the others (as list, calendar and export do).
    """
    folder = tmp_path / "mine"
    folder.mkdir()
    bundled = bundled_dir() / "fine-line.yaml"
    (folder / "mine.yaml").write_text(
        bundled.read_text(encoding="utf-8").replace("id: fine-line", "id: mine"),
        encoding="utf-8",
    )
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(folder))
    lost = tracker(
        "add", "--company", "Lost", "--role", "R", "--interviewed", TODAY, "--playbook", "mine"
    )
    assert lost.code == 0, lost.err
    kept = _add(tracker, "Kept", TODAY)
    (folder / "mine.yaml").unlink()
    result = tracker("today", "--today", TODAY, "--json")
    assert result.code == 1
    assert f"{lost.out.strip()}: no playbook with id 'mine'" in result.err
    assert {d["id"] for d in result.json()["due"]} == {kept}


def test_today_names_the_command_that_records_each_step(tracker):
    """Each step says how it is recorded: a log command, an edit of what they said, or
    nothing; upcoming steps carry days_overdue null, not 0."""
    app = _add(tracker, "Acme", "2026-03-02", "Dana Reyes <dana@acme.example>")
    queue = tracker("today", "--today", "2026-03-02", "--json").json()
    by_action = {d["action"]: d for d in queue["due"] + queue["upcoming"]}
    assert by_action["thank_you"]["record_command"] == (
        f"followup log {app} thank_you_sent --channel email"
    )
    asking = by_action["ask_about_follow_up"]
    assert asking["record_event"] is None
    assert asking["record_command"] == f"followup edit {app}"
    assert "--channel email|phone|portal|recruiter" in asking["record_flags"]
    assert by_action["check_in"]["days_overdue"] is None
    assert by_action["thank_you"]["days_overdue"] == 0
    text = tracker("today", "--today", "2026-03-02").out
    assert f"record it: followup log {app} thank_you_sent --channel email" in text
    # Recording what they said is what makes the asking step go away.
    assert tracker("edit", app, "--channel", "email").code == 0
    again = tracker("today", "--today", "2026-03-02", "--json").json()
    assert "ask_about_follow_up" not in {d["action"] for d in again["due"]}
    # Running the named command records the step: it leaves the list.
    command = by_action["thank_you"]["record_command"].split()[1:]
    assert tracker(*command, "--today", "2026-03-02").code == 0
    done = tracker("today", "--today", "2026-03-02", "--json").json()
    assert "thank_you" not in {d["action"] for d in done["due"]}


def test_every_core_step_kind_has_a_recording_event_or_is_advice():
    """Every step kind the plan can show is recorded by an event, or is move_on (advice)."""
    from followup.model.vocabulary import COMPLETED_BY, CORE_ACTION_KINDS, EVENT_TYPES

    for kind in CORE_ACTION_KINDS:
        event = COMPLETED_BY[kind]
        assert event in EVENT_TYPES or kind == "move_on", kind


def test_an_automatic_close_is_shown_the_day_it_happens(tracker):
    """The playbook giving up is listed in today and list on that day, not just gone."""
    app = _add(tracker, "Acme", "2026-03-02")
    status = tracker("status", app, "--today", "2026-06-01", "--json").json()["plan"]
    closes_on = date.fromisoformat(status["closes_on"])
    day = (closes_on + timedelta(days=1)).isoformat()
    queue = tracker("today", "--today", day, "--json").json()
    assert [c["id"] for c in queue["closed_today"]] == [app]
    assert queue["closed_today"][0]["outcome"] == "moved_on"
    assert "Closed today by the playbook" in tracker("today", "--today", day).out
    assert "closed today by the playbook" in tracker("list", "--today", day).out
    later = (closes_on + timedelta(days=3)).isoformat()
    assert tracker("today", "--today", later, "--json").json()["closed_today"] == []


def test_the_engines_own_steps_name_the_command_that_records_them(tracker):
    """A new round without its date and an offer to answer each name their command; running
    it makes the step go away."""
    globex = _add(tracker, "Globex", "2026-03-02")
    initech = _add(tracker, "Initech", "2026-03-02")
    assert (
        tracker("log", globex, "reply", "--outcome", "next_round", "--date", "2026-03-09").code == 0
    )
    offer = ("log", initech, "reply", "--outcome", "offer", "--deadline", "2026-03-20")
    assert tracker(*offer, "--date", "2026-03-10").code == 0
    text = tracker("today", "--today", TODAY).out
    assert f"record it: followup log {globex} reply --outcome next_round --interview" in text
    assert f"record it: followup log {initech} accepted (or declined)" in text
    steps = {d["id"]: d for d in tracker("today", "--today", TODAY, "--json").json()["due"]}
    assert steps[globex]["action"] == "record_interview"
    dated = ("--outcome", "next_round", "--interview", "2026-03-16", "--date", TODAY)
    assert tracker("log", globex, "reply", *dated).code == 0
    assert tracker("log", initech, "declined", "--date", TODAY).code == 0
    left = tracker("today", "--today", TODAY, "--json").json()
    actions = {(d["id"], d["action"]) for d in left["due"] + left["upcoming"]}
    assert (globex, "record_interview") not in actions
    assert not any(i == initech for i, _ in actions)


def test_a_promise_says_it_is_the_check_in_too(tracker):
    """A check-in due before a promise waits for it; today's list says the promise counts as
    that check-in, in text and JSON, so the job seeker sends one message, not two."""
    app = _add(tracker, "Acme", "2026-03-02", "Dana Reyes <dana@acme.example>")
    tracker("log", app, "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    logged = tracker("log", app, "committed", "--date", "2026-03-04", "--due", "2026-03-12")
    assert logged.code == 0, logged.err
    queue = tracker("today", "--today", "2026-03-10", "--json").json()
    jsonschema.validate(
        queue, {**SCHEMA, "$ref": "#/$defs/output_today"}, cls=jsonschema.Draft202012Validator
    )
    steps = queue["due"] + queue["upcoming"]
    assert [(d["action"], d["due"], d.get("covers")) for d in steps if d["id"] == app][:1] == [
        ("keep_promise", "2026-03-12", ["check-in-after-a-week"])
    ]
    assert "check_in" not in [d["action"] for d in steps if d["id"] == app]
    text = tracker("today", "--today", "2026-03-10").out
    assert "also counts as: your check-in" in text


def test_a_paced_step_in_today_keeps_to_the_documented_schema(tracker):
    """A step the minimum gap moved carries paced_after in today's JSON too, and the schema
    today is documented by accepts it (it once refused every key a step may add)."""
    app = _add(tracker, "Late", "2026-03-02", playbook="week-then-on-hold")
    tracker("log", app, "thank_you_sent", "--date", "2026-03-08", "--channel", "email")
    queue = tracker("today", "--today", "2026-03-09", "--json").json()
    jsonschema.validate(
        queue, {**SCHEMA, "$ref": "#/$defs/output_today"}, cls=jsonschema.Draft202012Validator
    )
    paced = [d for d in queue["due"] + queue["upcoming"] if "paced_after" in d]
    assert [(d["action"], d["paced_after"]) for d in paced] == [("check_in", "2026-03-08")]


def test_an_overdue_email_seen_on_a_weekend_says_the_day_to_send_it(tracker):
    """Seen on a Saturday, an overdue check-in goes out on Monday: today's list and list's
    next step name that day as status and plan do, not a bare 'overdue' that reads as now."""
    app = _add(tracker, "Acme", "2026-03-02", playbook="week-then-on-hold")
    tracker("log", app, "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    queue = tracker("today", "--today", "2026-03-21", "--json").json()
    assert [(d["due"], d["send_on"]) for d in queue["due"]] == [("2026-03-09", "2026-03-23")]
    status = tracker("status", app, "--today", "2026-03-21").out
    assert "(12 days overdue; send it Mon 2026-03-23)" in status
    text = tracker("today", "--today", "2026-03-21").out.splitlines()
    assert (
        f"  Mon 2026-03-09 (12 days overdue; send it Mon 2026-03-23)  {app}  Acme - Engineer"
        in text
    )
    listed = tracker("list", "--today", "2026-03-21").out
    assert "next: Mon 2026-03-09 (12 days overdue; send it Mon 2026-03-23)" in listed


def test_a_competing_offer_the_playbook_has_no_step_for_shows_on_a_day_with_nothing_due(
    tracker,
):
    """The daily view is where a job seeker looks: a deadline they must weigh themselves is
    shown there, not only in `status`, even when no step is due; a snoozed one stays hidden."""
    app = _add(
        tracker, "Hooli", "2026-03-09", "Ann Lee <ann@hooli.example>", playbook="stalker-free"
    )
    tracker("log", app, "thank_you_sent", "--date", "2026-03-09", "--channel", "email")
    tracker("log", app, "competing_offer", "--date", "2026-03-11", "--deadline", "2026-03-17")
    result = tracker("today", "--today", TODAY, "--json")
    assert result.code == 0, result.err
    out = result.json()
    jsonschema.validate(out, {**SCHEMA, "$ref": "#/$defs/output_today"})
    assert not [d for d in out["due"] if d["id"] == app], out["due"]
    (known,) = out["worth_knowing"]
    assert known["id"] == app
    assert any("competing offer to answer by 2026-03-17" in n for n in known["notes"])
    text = tracker("today", "--today", TODAY).out
    assert "Worth knowing" in text
    assert app in text.split("Worth knowing")[1]
    tracker("snooze", app, "--until", "2026-03-20", "--today", TODAY)
    assert tracker("today", "--today", TODAY, "--json").json()["worth_knowing"] == []


def test_accepting_a_job_elsewhere_ends_a_snooze_so_the_withdrawal_shows(tracker):
    """A snoozed application must not hide the polite withdrawal for days: once you accept a
    job elsewhere it shows in today again from that day, with the withdrawal due."""
    acme = _add(tracker, "Acme", "2026-03-02")
    hooli = _add(tracker, "Hooli", "2026-03-04")
    assert tracker("snooze", acme, "--until", "2026-03-31", "--today", "2026-03-18").code == 0
    offer = ("reply", "--outcome", "offer", "--deadline", "2026-03-27", "--date", "2026-03-20")
    assert tracker("log", hooli, *offer, "--today", "2026-03-20").code == 0
    assert (
        tracker("log", hooli, "accepted", "--date", "2026-03-23", "--today", "2026-03-23").code == 0
    )
    queue = tracker("today", "--today", "2026-03-23", "--json").json()
    assert [item["id"] for item in queue["due"]] == [acme]
    assert queue["due"][0]["action"] == "withdraw"
    assert queue["snoozed"] == []


def test_each_step_names_the_address_its_channel_uses(tracker):
    """A handwritten note by mail is addressed by name, not to an email address; an email
    names the address."""
    _add(tracker, "Acme", "2026-03-02", "Dana Reyes <dana@acme.example>", playbook="fine-line")
    text = tracker("today", "--today", "2026-03-02").out
    assert "by mail to Dana Reyes\n" in text or "by mail to Dana Reyes " in text
    assert "by mail to Dana Reyes <" not in text
    assert "by email to Dana Reyes <dana@acme.example>" in text


def test_advice_with_nothing_to_send_goes_to_nobody(tracker):
    """how-many-times' reminder to keep your options open is addressed to no one."""
    _add(
        tracker, "Hooli", "2026-03-02", "Bill Smith <bill@hooli.example>", playbook="how-many-times"
    )
    queue = tracker("today", "--today", "2026-03-20", "--json").json()
    advice = [i for i in queue["due"] + queue["upcoming"] if i["channel"] is None]
    assert advice
    assert all(i["recipients"] == [] for i in advice)
