"""add, log, undo, snooze, close, reopen, list and status, end to end on a temporary database."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.tracker.store import open_store

TODAY = "2026-03-12"


def _events(db, app_id: str) -> list[dict]:
    with open_store(db) as store:
        return [e.data for e in store.history(app_id)]


def test_add_prints_a_short_id_and_stores_the_case(tracker, db):
    """add prints company-slug-XXXX and stores every field as a case file would hold it."""
    result = tracker(
        "add",
        "--company",
        "Globex Corporation",
        "--role",
        "Analyst",
        "--interviewed",
        "2026-03-02",
        "--decision-in",
        "2w",
        "--follow-up",
        "invited",
        "--channel",
        "phone",
        "--may-call",
        "--interviewer",
        "Hank Scorpio",
        "--playbook",
        "fine-line",
    )
    assert result.code == 0, result.err
    app_id = result.out.strip()
    assert re.fullmatch(r"globex-corporation-[0-9a-f]{4}", app_id)
    with open_store(db) as store:
        case = store.case(app_id)
    assert (case.company, case.role, case.playbook) == (
        "Globex Corporation",
        "Analyst",
        "fine-line",
    )
    assert case.employer.follow_up == "invited"
    assert case.employer.preferred_channel == "phone"
    assert case.employer.may_call is True
    assert str(case.employer.decision_in) == "2w"
    assert [p.name for p in case.interviewers] == ["Hank Scorpio"]


def test_add_without_playbook_stores_the_default(tracker, db):
    """An application added without --playbook follows week-then-on-hold, recorded explicitly."""
    app_id = tracker("add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02")
    with open_store(db) as store:
        assert store.case(app_id.out.strip()).playbook == "week-then-on-hold"


def test_add_with_a_subdivision_plans_by_its_holidays(tracker, db):
    """--country GB-ENG is stored as written, and England's Easter Monday moves a check-in."""
    result = tracker(
        "add", "--company", "A", "--role", "R", "--interviewed", "2026-03-30", "--country", "GB-ENG"
    )
    assert result.code == 0, result.err
    app_id = result.out.strip()
    with open_store(db) as store:
        assert store.case(app_id).country == "GB-ENG"
    logged = tracker("log", app_id, "thank_you_sent", "--date", "2026-03-30", "--channel", "email")
    assert logged.code == 0, logged.err
    status = tracker("status", app_id, "--today", "2026-03-31")
    assert status.code == 0, status.err
    # A week after Monday 2026-03-30 is Easter Monday, a bank holiday in England.
    assert "2026-04-07" in status.out
    assert "Mon 2026-04-06:" not in status.out  # nothing planned on the bank holiday
    assert "moved from Mon 2026-04-06" in status.out  # and the plan says why


def test_ids_are_unique(tracker):
    """Twenty applications at one company get twenty different ids."""
    ids = {
        tracker(
            "add",
            "--company",
            "Acme",
            "--role",
            "R",
            "--interviewed",
            "2026-03-02",
            "--allow-duplicate",
        ).out
        for _ in range(20)
    }
    assert len(ids) == 20


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--interviewed", "2026-02-30"], "followup: --interviewed: the interview date 2026-02-30"),
        (
            ["--interviewed", "03/02/2026"],
            "followup: --interviewed: the interview date '03/02/2026'",
        ),
        (["--decision-by", "soon"], "followup: --decision-by: decision_by 'soon' is not a date"),
        (["--decision-in", "3q"], "followup: --decision-in: '3q' is not a duration"),
        (["--playbook", "fine-lime"], "did you mean 'fine-line'?"),
        (["--interviewer", "dana@acme.example"], "followup: --interviewer: 'dana@acme.example'"),
        (["--interviewer", "Dana <dana>"], "is not NAME, NAME <EMAIL>"),
        (["--country", "ZZ"], "followup: --country: no public-holiday data for country 'ZZ'"),
        (["--country", "usa"], "followup: --country: country 'usa' is not a country code"),
        (
            ["--country", "GB-EN"],
            "followup: --country: 'GB' has no subdivision 'EN' in the holidays library "
            "(did you mean 'GB-ENG'?); expected GB alone or one of GB-ENG,",
        ),
        (["--timezone", "Mars/Olympus"], "followup: --timezone: timezone 'Mars/Olympus'"),
        (
            ["--decision-by", "2026-03-10", "--decision-in", "1w"],
            "followup: --decision-by/--decision-in: both decision_by and decision_in",
        ),
    ],
)
def test_add_bad_input_names_the_flag(tracker, db, flags, expected):
    """Bad add input exits 2 with a one-line message naming the flag, and saves nothing."""
    base = {"--company": "Acme", "--role": "R", "--interviewed": "2026-03-02"}
    argv = [x for k, v in base.items() if k not in flags for x in (k, v)] + flags
    result = tracker("add", *argv)
    assert result.code == 2
    assert expected in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    with open_store(db) as store:
        assert store.ids() == []


def test_add_reports_every_bad_flag_at_once(tracker):
    """Two bad values: both reported, one line each."""
    result = tracker(
        "add", "--company", "A", "--role", "R", "--interviewed", "2026-13-01", "--decision-by", "x"
    )
    assert result.code == 2
    lines = result.err.splitlines()
    assert any(line.startswith("followup: --interviewed:") for line in lines)
    assert any(line.startswith("followup: --decision-by:") for line in lines)


def test_log_records_and_prints_the_next_step(tracker, acme, db):
    """log saves the event, says so, and gives the state and next step."""
    result = tracker("log", "acme", "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert re.fullmatch(rf"saved: {acme} #\d+ 2026-03-02 thank_you_sent by email", lines[0])
    assert lines[1].startswith(f"{acme} is ")
    assert _events(db, acme) == [
        {"date": "2026-03-02", "type": "thank_you_sent", "channel": "email"}
    ]


def test_log_json(tracker, acme):
    """log --json gives the event, the state and the next steps."""
    result = tracker(
        "log",
        acme,
        "reply",
        "--outcome",
        "still_deciding",
        "--decision-by",
        "2026-03-20",
        "--date",
        "2026-03-05",
        "--note",
        "said next week",
        "--json",
    )
    assert result.code == 0, result.err
    data = result.json()
    assert data["id"] == acme
    assert data["event"] == {
        "date": "2026-03-05",
        "type": "reply",
        "outcome": "still_deciding",
        "decision_by": "2026-03-20",
        "note": "said next week",
    }
    assert {"seq", "state", "outcome", "next"} <= data.keys()


def test_log_date_defaults_to_today_where_the_application_is(tracker, acme, db):
    """Without --date the event is dated today in the application's time zone."""
    before = datetime.now(ZoneInfo("America/New_York")).date().isoformat()
    assert tracker("log", acme, "networked").code == 0
    after = datetime.now(ZoneInfo("America/New_York")).date().isoformat()
    assert _events(db, acme)[0]["date"] in (before, after)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["thank_you_sent", "--date", "2026-02-30"], "--date: the event date 2026-02-30 does not"),
        (["thank_you_sent", "--date", "2026-03-01"], "--date: the event on 2026-03-01 is before"),
        (["reply"], "--outcome: a reply needs an outcome"),
        (["networked", "--outcome", "offer"], "--outcome: 'outcome' does not go with a networked"),
        (["check_in_sent", "--deadline", "2026-04-01"], "--deadline: 'deadline'"),
        (["competing_offer", "--deadline", "soon"], "--deadline: deadline 'soon' is not a date"),
        (["reply", "--outcome", "maybe"], "Invalid value for '--outcome'"),
        (["thank_you_snet"], "Invalid value for 'EVENT'"),
    ],
)
def test_log_refuses_bad_events_and_saves_nothing(tracker, acme, db, argv, expected):
    """An event that breaks a case-file rule exits 2, names the flag and is not saved."""
    result = tracker("log", acme, *argv)
    assert result.code == 2
    assert expected in result.err
    assert "Traceback" not in result.err
    assert _events(db, acme) == []


@pytest.mark.parametrize("command", ["log", "undo", "status", "reopen", "export"])
def test_unknown_application_exits_2(tracker, acme, command):
    """Every command naming an application refuses an unknown one."""
    argv = [command, "nobody"] + (["networked"] if command == "log" else [])
    result = tracker(*argv)
    assert result.code == 2
    assert "no application 'nobody'" in result.err
    assert "Traceback" not in result.err


def test_ambiguous_prefix_exits_2(tracker, acme):
    """A prefix matching two applications is refused, listing both."""
    other = tracker(
        "add", "--company", "Acme Corp", "--role", "Analyst", "--interviewed", "2026-03-03"
    ).out.strip()
    result = tracker("log", "acme", "networked")
    assert result.code == 2
    assert acme in result.err
    assert other in result.err
    assert "matches 2 applications" in result.err


def test_undo_retracts_the_latest_event_and_keeps_it_in_history(tracker, acme, db):
    """undo appends a retraction; status marks the retracted entry and the plan forgets it."""
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    tracker("log", acme, "check_in_sent", "--date", "2026-03-09", "--channel", "email")
    result = tracker("undo", acme)
    assert result.code == 0, result.err
    assert "retracts #2 (2026-03-09 check_in_sent by email)" in result.out
    status = tracker("status", acme, "--today", TODAY, "--json").json()
    assert [h.get("retracted_by") for h in status["history"]] == [None, 3, None]
    assert status["history"][2]["retracts"] == 2
    assert status["plan"]["next"][0]["action"] == "check_in"  # the check-in is due again
    text = tracker("status", acme, "--today", TODAY).out
    assert "#2  2026-03-09 check_in_sent by email  [retracted by #3]" in text
    assert "#3  retracts #2 (undo)" in text


def test_undo_walks_back_and_stops_when_nothing_is_left(tracker, acme):
    """Each undo takes back one more event; with none left it exits 2."""
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02")
    assert tracker("undo", acme).code == 0
    result = tracker("undo", acme)
    assert result.code == 2
    assert "nothing to undo" in result.err


def test_snooze_hides_from_today_until_the_date(tracker, acme):
    """A snoozed application is left out of today before its date and back on it."""
    result = tracker("snooze", acme, "--until", "2026-03-14", "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.startswith("saved:")
    hidden = tracker("today", "--today", TODAY, "--json").json()
    assert hidden["due"] == []
    assert hidden["snoozed"] == [{"id": acme, "until": "2026-03-14"}]
    back = tracker("today", "--today", "2026-03-14", "--json").json()
    assert [d["id"] for d in back["due"]] == [acme]
    assert back["snoozed"] == []


def test_snooze_bad_date_exits_2(tracker, acme):
    """A bad --until names the flag."""
    result = tracker("snooze", acme, "--until", "next week")
    assert result.code == 2
    assert "--until: 'next week' is not a date" in result.err


def test_snooze_until_a_past_day_is_refused(tracker, acme):
    """A snooze that ended before today hides nothing and would end the one in force: refused,
    naming --until and what it expects, and nothing is saved; today itself is accepted."""
    assert tracker("snooze", acme, "--until", "2026-03-20", "--today", TODAY).code == 0
    result = tracker("snooze", acme, "--until", "2026-03-11", "--today", TODAY)
    assert result.code == 2
    assert result.err.startswith("followup: --until: 2026-03-11 is before today (2026-03-12); ")
    assert "expected today or a later date" in result.err
    assert "Traceback" not in result.err
    listed = tracker("list", "--today", TODAY, "--json").json()
    assert [a["snoozed_until"] for a in listed] == ["2026-03-20"]
    assert tracker("snooze", acme, "--until", TODAY, "--today", TODAY).code == 0


def test_snooze_without_today_still_works_on_broken_stored_data(tracker, acme, db):
    """Without --today, snooze reads today where the application is; stored data broken by
    hand (doctor's job to report) does not stop a snooze: this machine's today stands in."""
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO events (app_id, recorded_at, data) VALUES (?, 'x', ?)",
        (acme, '{"date": "2026-03-03", "type": "no_such_event"}'),
    )
    conn.commit()
    conn.close()
    assert tracker("list", "--today", TODAY).code == 1  # the data is broken indeed
    result = tracker("snooze", acme, "--until", "8999-12-31")
    assert result.code == 0, result.err


def test_close_records_an_event_and_reopen_retracts_it(tracker, acme, db):
    """close saves a withdrew event; reopen retracts it and the application is open again."""
    result = tracker("close", acme, "--date", "2026-03-10")
    assert result.code == 0, result.err
    assert f"{acme} is closed: you withdrew" in result.out
    assert tracker("list", "--json", "--today", TODAY).json() == []
    listed = tracker("list", "--all", "--json", "--today", TODAY).json()
    assert [(r["id"], r["state"], r["outcome"]) for r in listed] == [(acme, "closed", "withdrew")]
    again = tracker("close", acme, "--as", "offer")
    assert again.code == 2
    assert "already closed" in again.err
    reopened = tracker("reopen", acme)
    assert reopened.code == 0, reopened.err
    assert "retracts #1 (2026-03-10 withdrew)" in reopened.out
    assert [r["id"] for r in tracker("list", "--json", "--today", TODAY).json()] == [acme]
    assert [e.get("type", "retraction") for e in _events(db, acme)] == ["withdrew", "retraction"]


def test_close_as_offer_is_a_reply(tracker, acme, db):
    """close --as offer records the employer's reply with that outcome."""
    assert tracker("close", acme, "--as", "offer", "--date", "2026-03-10").code == 0
    assert _events(db, acme) == [{"date": "2026-03-10", "type": "reply", "outcome": "offer"}]


def test_close_bad_date_names_the_flag(tracker, acme, db):
    """close --date before the interview is refused at --date."""
    result = tracker("close", acme, "--date", "2026-02-01")
    assert result.code == 2
    assert "--date: the event on 2026-02-01 is before the interview" in result.err
    assert _events(db, acme) == []


def test_reopen_after_the_playbook_moved_on_explains(tracker):
    """Nothing recorded closed it: reopen says to log a reply instead, exit 2."""
    long_ago = (date.today() - timedelta(days=200)).isoformat()
    app_id = tracker("add", "--company", "A", "--role", "R", "--interviewed", long_ago).out.strip()
    tracker("log", app_id, "thank_you_sent", "--date", long_ago)
    result = tracker("reopen", app_id)
    assert result.code == 2
    assert "the playbook moved on" in result.err
    assert f"followup log {app_id} reply --outcome still_deciding" in result.err


def test_reopen_an_open_application_exits_2(tracker):
    """An application that is still open has nothing to reopen."""
    today = date.today().isoformat()
    app_id = tracker("add", "--company", "A", "--role", "R", "--interviewed", today).out.strip()
    result = tracker("reopen", app_id)
    assert result.code == 2
    assert "not closed" in result.err


def test_list_text_and_json(tracker, acme):
    """list shows each open application with its state and next step."""
    result = tracker("list", "--today", "2026-03-03")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith(f"{acme}  interviewed")
    assert "Acme Corp - Data Engineer" in result.out
    assert "next: Mon 2026-03-02 (1 day overdue): send a thank-you by email" in result.out
    row = tracker("list", "--today", "2026-03-03", "--json").json()[0]
    assert row["next"]["action"] == "thank_you"
    assert row["playbook"] == "week-then-on-hold"


def test_list_empty_database(tracker):
    """An empty tracker says how to start."""
    result = tracker("list")
    assert result.code == 0
    assert "followup add" in result.out


def test_list_when_every_application_is_closed_says_so(tracker, acme):
    """Every application closed: list says none is open, how many are closed and how to see
    them, never that there are none yet; --json stays the list of open ones (none)."""
    assert tracker("close", acme, "--date", "2026-03-10").code == 0
    result = tracker("list", "--today", TODAY)
    assert result.code == 0, result.err
    assert "No applications yet" not in result.out
    assert "No open applications" in result.out
    assert "1 closed" in result.out
    assert "followup list --all" in result.out
    assert tracker("list", "--json", "--today", TODAY).json() == []


def test_status_shows_the_plan_and_history(tracker, acme, run):
    """status prints the same plan as 'followup plan' would, then the history."""
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    result = tracker("status", "ACME", "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Acme Corp - Data Engineer ({acme})\n")
    assert "As of Thu 2026-03-12: waiting" in result.out
    assert "History\n  interviewed 2026-03-02\n" in result.out
    assert re.search(r"#1  2026-03-02 thank_you_sent by email\n", result.out)


def test_a_playbook_given_by_path_is_stored_absolute(tracker, db, monkeypatch, tmp_path):
    """--playbook FILE works from any folder later: the tracker stores the absolute path."""
    repo = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(repo)
    added = tracker(
        "add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02",
        "--playbook", "playbooks/fine-line.yaml",
    )  # fmt: skip
    assert added.code == 0, added.err
    monkeypatch.chdir(tmp_path)
    with open_store(db) as store:
        assert store.case(added.out.strip()).playbook == str(repo / "playbooks" / "fine-line.yaml")
    listed = tracker("list", "--today", TODAY, "--json")
    assert listed.code == 0, listed.err
    assert listed.json()[0]["playbook"] == "fine-line"


def test_an_unopenable_db_path_exits_2(run, tmp_path):
    """A --db that cannot be created or opened is refused with exit 2 and no traceback.

    The first write is what creates a tracker (a read only says there is none yet), so the
    paths are tried with ``add``."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    dangling = tmp_path / "dangling.db"
    dangling.symlink_to(tmp_path / "missing" / "t.db")
    for path in (blocker / "sub" / "t.db", dangling, tmp_path):
        result = run(
            "add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02", "--db", path
        )
        assert result.code == 2, path
        assert "--db" in result.err
        assert "Traceback" not in result.err


def test_reads_never_create_a_tracker_and_the_first_write_says_where(run, tmp_path):
    """list/today/status on a missing --db create nothing and say where they looked; the first
    write creates it and says so; --db works before the command too."""
    db = tmp_path / "not" / "yet" / "t.db"
    for argv in (("list",), ("today", "--json"), ("export",), ("calendar",)):
        result = run(*argv, "--db", db)
        assert result.code == 0, (argv, result.err)
        assert f"no tracker yet at {db}" in result.err
    assert not (tmp_path / "not").exists()
    assert run("status", "acme", "--db", db).code == 2
    assert not (tmp_path / "not").exists()
    added = run("--db", db, "add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02")
    assert added.code == 0, added.err
    assert f"created a new tracker at {db}" in added.err
    assert db.is_file()
    again = run("--db", db, "list", "--json")
    assert [row["company"] for row in again.json()] == ["A"]
    assert "created" not in again.err
    assert "no tracker" not in again.err


def test_an_empty_followup_db_is_an_error(run, monkeypatch, tmp_path):
    """FOLLOWUP_DB= (set, empty) does not fall back to the data folder silently."""
    monkeypatch.setenv("FOLLOWUP_DB", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = run("list")
    assert result.code == 2
    assert "FOLLOWUP_DB" in result.err
    assert "empty" in result.err
    assert not any(tmp_path.iterdir())


def test_accepting_an_offer_asks_every_other_open_application_to_withdraw(tracker):
    """log APP accepted records 'accepted a job elsewhere' on each other open application (not
    on a closed one), and their plans then ask for a polite withdrawal."""
    ids = []
    for company in ("Acme", "Globex", "Initech"):
        added = tracker(
            "add", "--company", company, "--role", "Analyst", "--interviewed", "2026-03-02"
        )
        assert added.code == 0, added.err
        ids.append(added.out.split()[-1])
    acme, globex, initech = ids
    assert tracker("close", initech, "--as", "rejection", "--date", "2026-03-10").code == 0
    assert tracker("log", acme, "reply", "--outcome", "offer", "--date", "2026-03-12").code == 0
    accepted = tracker("log", acme, "accepted", "--date", "2026-03-13", "--json")
    assert accepted.code == 0, accepted.err
    assert json.loads(accepted.out)["withdraw_from"] == [globex]
    status = tracker("status", globex, "--json", "--today", "2026-03-13")
    assert status.code == 0, status.err
    assert [s["action"] for s in json.loads(status.out)["plan"]["next"]] == ["withdraw"]


def test_a_promise_logged_without_a_day_says_which_day_it_is_for(tracker, acme):
    """Without --due a promise is for the day it was made; the log says so, and how to change
    it, so a forgotten flag is not found out the next day as "a broken promise"."""
    logged = tracker("log", acme, "committed", "--date", "2026-03-04", "--today", "2026-03-04")
    assert logged.code == 0, logged.err
    assert "no --due" in logged.err
    assert "2026-03-04" in logged.err
    dated = tracker(
        "log", acme, "committed", "--date", "2026-03-05", "--due", "2026-03-09",
        "--today", "2026-03-05",
    )  # fmt: skip
    assert dated.code == 0, dated.err
    assert "no --due" not in dated.err


def test_status_of_a_record_that_cannot_be_planned_still_shows_its_history(tracker, acme, db):
    """A value recorded before followup refused it (a decision date before the interview)
    stays in the tracker: status shows the history, the problem, and how to set it right."""
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO events (app_id, recorded_at, data) VALUES (?, 'x', ?)",
        (acme, '{"date": "2026-03-03", "type": "reply", "outcome": "still_deciding", '
         '"decision_by": "2026-03-01"}'),
    )  # fmt: skip
    conn.commit()
    conn.close()
    result = tracker("status", acme, "--today", TODAY)
    assert result.code == 2
    assert "History" in result.out
    assert "reply" in result.out  # the entry to take back is listed with its number
    assert f"followup undo {acme} N" in result.err
    assert "decision_by" in result.err


def test_add_handed_a_case_file_names_the_command_that_tracks_one(tracker, db, tmp_path):
    """A case file given to add (which takes options) is answered with 'followup import',
    not click's "missing option"; nothing is stored, and a value of an option is never taken
    for such a file."""
    case_file = tmp_path / "acme.yaml"
    case_file.write_text("id: acme\n", encoding="utf-8")
    result = tracker("add", str(case_file))
    assert result.code == 2
    assert "followup import FILE" in result.err
    assert str(case_file) in result.err
    assert "Traceback" not in result.err
    assert not db.exists()
    result = tracker("add", "--company", str(case_file), "--role", "Analyst")
    assert result.code == 2
    assert "followup import" not in result.err
    assert "--interviewed" in result.err


def test_undo_and_reopen_answer_for_the_day_asked(tracker, acme):
    """undo and reopen take --today as every other tracker command does: the state they print
    is the one on that day, and undo --json shows the entry retracted by the one it saved."""
    closed = tracker("close", acme, "--as", "withdrew", "--today", "2026-03-24")
    assert closed.code == 0, closed.err
    reopened = tracker("reopen", acme, "--today", "2026-03-24")
    assert reopened.code == 0, reopened.err
    assert f"{acme} is waiting" in reopened.out
    logged = tracker("log", acme, "note_sent", "--date", "2026-03-25", "--today", "2026-03-25")
    assert logged.code == 0, logged.err
    undone = tracker("undo", acme, "--today", "2026-03-25", "--json").json()
    assert undone["state"] == "waiting"
    assert undone["retracted"]["retracted_by"] == undone["seq"]
    status = tracker("status", acme, "--today", "2026-03-25", "--json").json()
    again = next(e for e in status["history"] if e["seq"] == undone["retracts"])
    assert again["retracted_by"] == undone["seq"]
