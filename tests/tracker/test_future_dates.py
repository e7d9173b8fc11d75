"""Events are what has happened: one dated after today is refused by log, close and import, and
every view counts the same events (those up to the day asked about), so they agree on state."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

TODAY = "2026-03-12"
LATER = "2026-03-13"


def _events(tracker, app_id: str) -> list[dict[str, object]]:
    return list(tracker("status", app_id, "--json").json()["history"])


@pytest.mark.parametrize(
    "argv",
    [
        ("log", "{app}", "networked", "--date", LATER, "--today", TODAY),
        ("log", "{app}", "reply", "--outcome", "offer", "--date", LATER, "--today", TODAY),
        ("close", "{app}", "--as", "offer", "--date", LATER, "--today", TODAY),
        ("close", "{app}", "--date", "2026-12-31", "--today", TODAY),
    ],
)
def test_log_and_close_refuse_a_date_after_today(tracker, acme, argv):
    """The message names the flag, the date and today; exit 2; nothing saved."""
    result = tracker(*(a.format(app=acme) for a in argv))
    assert result.code == 2
    day = argv[argv.index("--date") + 1]
    assert result.err.strip() == (
        f"followup: --date: {day} is after today ({TODAY}); expected a date on or before today:"
        " record an event once it has happened"
    )
    assert _events(tracker, acme) == []


def test_today_itself_is_fine(tracker, acme):
    """An event dated today (the default) is recorded."""
    assert tracker("log", acme, "networked", "--date", TODAY, "--today", TODAY).code == 0
    assert tracker("close", acme, "--as", "offer", "--today", TODAY).code == 0
    assert [h["event"]["date"] for h in _events(tracker, acme)] == [TODAY, TODAY]


def test_without_today_the_clock_decides(tracker):
    """No --today: today where the application is (no timezone: this machine's)."""
    added = tracker("add", "--company", "Z", "--role", "R", "--interviewed", "2026-03-02")
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    result = tracker("log", added.out.strip(), "networked", "--date", tomorrow)
    assert result.code == 2
    assert f"{tomorrow} is after today" in result.err


def test_import_refuses_a_future_event_located(tracker, tmp_path):
    """import: the event's date line is named; no file of the batch is saved."""
    good = tmp_path / "good.yaml"
    good.write_text("id: good\ninterview: 2026-03-02\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: bad\ninterview: 2026-03-02\nevents:\n"
        "  - {date: 2026-03-05, type: networked}\n"
        f"  - date: {LATER}\n    type: withdrew\n",
        encoding="utf-8",
    )
    result = tracker("import", good, bad, "--today", TODAY)
    assert result.code == 2
    assert result.err.strip() == (
        f"{bad}:5:11: {LATER} is after today ({TODAY}); expected a date on or before today:"
        " record an event once it has happened"
    )
    assert tracker("list", "--all", "--json").json() == []
    assert tracker("import", good, bad, "--today", LATER).code == 0


# -- every view agrees ---------------------------------------------------------------------


@pytest.fixture
def many(tracker) -> dict[str, str]:
    """Applications in different states; one closed on a day after the one the views are asked
    about (recorded then, with --today), which no view may count yet."""
    ids = {}
    for name in ("quiet", "thanked", "offered", "closed-later", "rejected-then-reopened"):
        added = tracker("add", "--company", name, "--role", "R", "--interviewed", "2026-03-02")
        assert added.code == 0, added.err
        ids[name] = added.out.strip()
    steps = [
        ("log", ids["thanked"], "thank_you_sent", "--date", "2026-03-02"),
        ("close", ids["offered"], "--as", "offer", "--date", "2026-03-10"),
        ("close", ids["closed-later"], "--as", "withdrew", "--date", "2026-03-20"),
        ("close", ids["rejected-then-reopened"], "--as", "rejection", "--date", "2026-03-09"),
        ("reopen", ids["rejected-then-reopened"]),
    ]
    for argv in steps:
        result = tracker(*argv, "--today", "2026-03-20") if argv[0] != "reopen" else tracker(*argv)
        assert result.code == 0, result.err
    return ids


def test_every_view_counts_the_same_events(run, tracker, many, tmp_path):
    """plan (of the exported file), status, list, list --all, today and calendar agree."""
    states = {}
    for name, app_id in many.items():
        status = tracker("status", app_id, "--today", TODAY, "--json").json()
        exported = tmp_path / f"{app_id}.yaml"
        exported.write_text(tracker("export", app_id).out, encoding="utf-8")
        planned = run("plan", exported, "--today", TODAY, "--json")
        assert planned.code == 0, planned.err
        plan = planned.json()
        assert plan["state"] == status["plan"]["state"], name
        assert plan["schedule"] == status["plan"]["schedule"], name
        states[app_id] = (status["plan"]["state"], status["plan"]["outcome"], plan["schedule"])
    listed_all = {
        r["id"]: r["state"] for r in tracker("list", "--all", "--today", TODAY, "--json").json()
    }
    assert listed_all == {i: s for i, (s, _, _) in states.items()}
    listed = {r["id"] for r in tracker("list", "--today", TODAY, "--json").json()}
    ended = {i for i, (_, outcome, sched) in states.items() if outcome not in (None, "moved_on")}
    # Over for you too: ended with nothing left to do (an offer waits for your answer).
    done = {i for i in ended if not states[i][2]}
    assert listed == set(states) - done
    assert many["closed-later"] in listed  # closed on the 20th: open on the 12th, everywhere
    assert many["offered"] in listed  # closed with an offer, still to be answered
    queue = tracker("today", "--today", TODAY, "--json").json()
    in_today = {i["id"] for i in queue["due"] + queue["upcoming"]}
    assert in_today <= listed
    assert many["closed-later"] in in_today
    out = tmp_path / "f.ics"
    assert tracker("calendar", "--out", out, "--today", TODAY).code == 0
    ics = out.read_text(encoding="utf-8")
    in_calendar = {i for i in states if f"UID:{i}.r" in ics}
    assert in_calendar == {i for i, (_, _, sched) in states.items() if sched}
    assert json.dumps(sorted(in_calendar)) == json.dumps(sorted(listed))


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (("log", "{app}", "note_sent", "--date", ""), "--date"),
        (("log", "{app}", "reply", "--outcome", "offer", "--deadline", " "), "--deadline"),
        (
            ("log", "{app}", "reply", "--outcome", "still_deciding", "--decision-by", ""),
            "--decision-by",
        ),
        (("log", "{app}", "committed", "--due", ""), "--due"),
        (("log", "{app}", "reply", "--outcome", "next_round", "--interview", ""), "--interview"),
        (("close", "{app}", "--date", ""), "--date"),
    ],
)
def test_an_empty_value_is_refused_not_taken_as_not_given(tracker, acme, argv, flag):
    """An unset shell variable (--date "$D") must not save a date nobody gave: exit 2, the
    flag named with what it takes, and nothing saved."""
    result = tracker(*(a.format(app=acme) for a in argv), "--today", TODAY)
    assert result.code == 2
    assert f"{flag}: the value is empty; expected" in result.err
    assert _events(tracker, acme) == []


@pytest.mark.parametrize("flag", ["--company", "--role"])
def test_add_refuses_a_blank_company_or_role(tracker, flag):
    """An application nobody can name is refused, not tracked as 'app-7faa'."""
    argv = {"--company": "Acme", "--role": "Engineer"} | {flag: "  "}
    result = tracker("add", *[x for kv in argv.items() for x in kv], "--interviewed", "2026-03-02")
    assert result.code == 2
    assert f"{flag}: the value is empty" in result.err
    assert tracker("list", "--json").json() == []
