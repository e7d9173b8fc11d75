"""``followup draft`` and ``followup calendar`` end to end, on a temporary tracker database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from icalendar import Calendar

from followup import catalog

JSON_KEYS = {"to", "subject", "body", "action", "due", "channel", "layout", "blanks"}


def test_draft_thank_you_prints_one_message_per_interviewer(cli, acme):
    """On the interview day the draft is a thank-you to each interviewer, from the playbook."""
    result = cli("draft", acme, "--today", "2026-03-02")
    assert result.code == 0, result.err
    assert result.out.count("Subject: Thank you for today: Data Engineer") == 2
    assert "To: Dana Reyes <dana@acme.example>" in result.out
    assert "To: Sam Okafor <sam@acme.example>" in result.out
    assert "Dear Dana," in result.out
    assert "Dear Sam," in result.out
    assert "[the topic you discussed]" in result.out
    assert "# send a thank-you by email, due Mon 2026-03-02 (today); rule thank-you-note\n" in (
        result.out
    )


def test_draft_json_has_the_documented_fields(cli, acme):
    """--json prints a list of {to, subject, body, action, due, channel}."""
    result = cli("draft", acme, "check_in", "--today", "2026-03-03", "--json")
    assert result.code == 0, result.err
    (draft,) = result.json()
    assert set(draft) == JSON_KEYS
    assert (draft["action"], draft["due"], draft["channel"]) == ("check_in", "2026-03-09", "email")
    assert draft["to"] == "Dana Reyes <dana@acme.example>"
    assert draft["subject"] == "Checking in: Data Engineer at Acme Corp"
    assert draft["body"].startswith("Dear Dana,")


def test_draft_by_company_prefix_and_rule_id(cli, acme):
    """APP may be a prefix of the company; ACTION a rule id of the playbook."""
    result = cli("draft", "acm", "flag-competing-offer", "--today", "2026-03-03")
    assert result.code == 2
    assert "no step 'flag-competing-offer'" in result.err
    assert "check_in (check-in-after-a-week)" in result.err
    assert "Traceback" not in result.err
    cli("log", acme, "competing_offer", "--date", "2026-03-03", "--deadline", "2026-03-10")
    result = cli("draft", "acm", "flag-competing-offer", "--today", "2026-03-03")
    assert result.code == 0, result.err
    assert "Subject: A time-sensitive update: Data Engineer" in result.out
    # its head gives the step's window as the plan does: the last day news is worth sending
    assert "due between Tue 3 and Mon 9 March (due now)" in result.out


def test_draft_for_a_closed_case_says_there_is_nothing_to_draft(cli, acme):
    """A closed application: a clear message and exit 0 (an empty list with --json).  (An
    offer is the exception: answering it is drafted.)"""
    assert cli("close", acme, "--as", "rejection", "--date", "2026-03-05").code == 0
    result = cli("draft", acme, "--today", "2026-03-06")
    assert (result.code, result.out) == (0, "nothing to draft: the case is closed (rejection)\n")
    assert cli("draft", acme, "--today", "2026-03-06", "--json").json() == []


def test_draft_unknown_application_exits_2(cli, acme):
    """An APP that matches nothing is a usage error, without a traceback."""
    result = cli("draft", "nobody", "--today", "2026-03-02")
    assert result.code == 2
    assert "no application 'nobody'" in result.err


def test_draft_with_a_broken_template_reports_it_located(cli, tmp_path, monkeypatch):
    """A coach's template that goes bad is reported at its file and line, exit 2."""
    folder = tmp_path / "mine"
    folder.mkdir()
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(folder))
    text = catalog.resolve("week-then-on-hold").read_text(encoding="utf-8")
    text = text.replace("id: week-then-on-hold", "id: coach")
    playbook = folder / "coach.yaml"
    playbook.write_text(text, encoding="utf-8")
    added = cli(
        "add",
        "--company",
        "Initech",
        "--role",
        "Analyst",
        "--interviewed",
        "2026-03-02",
        "--playbook",
        "coach",
    )
    assert added.code == 0, added.err
    broken = text.replace("Dear {{ interviewer.greeting }},", "Dear {{ interviewer.greting }},", 1)
    playbook.write_text(broken, encoding="utf-8")
    result = cli("draft", "initech", "--today", "2026-03-02")
    assert result.code == 2
    line = next(i for i, t in enumerate(broken.splitlines(), 1) if "interviewer.greting" in t)
    assert f"coach.yaml:{line}:7: template 'thank_you', body line 1:" in result.err
    assert "'interviewer' has no field 'greting' (did you mean 'greeting'?)" in result.err
    assert "Traceback" not in result.err


def _calendar(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_calendar_updates_instead_of_duplicating(cli, acme, tmp_path):
    """Re-exporting after a change keeps UIDs; only changed events get a higher SEQUENCE."""
    other = cli(
        "add",
        "--company",
        "Globex",
        "--role",
        "ML Engineer",
        "--interviewed",
        "2026-03-02",
        "--playbook",
        "week-then-on-hold",
        "--json",
    ).json()["id"]
    out = tmp_path / "followup.ics"
    first = cli("calendar", "--out", out, "--today", "2026-03-03")
    assert first.code == 0, first.err
    assert first.out.startswith(f"{out}: ")
    before = _calendar(out)
    assert (tmp_path / "followup.ics.state.json").is_file()
    assert {int(e["sequence"]) for e in before.values()} == {0}
    logged = cli(
        "log",
        acme,
        "reply",
        "--date",
        "2026-03-03",
        "--outcome",
        "still_deciding",
        "--decision-by",
        "2026-03-20",
    )
    assert logged.code == 0, logged.err
    assert cli("calendar", "--out", out, "--today", "2026-03-03").code == 0
    after = _calendar(out)
    assert set(after) == set(before)
    changed = {u for u in after if u.startswith(f"{acme}.")}
    assert changed
    for uid, event in after.items():
        expected = 1 if uid in changed else 0
        assert int(event["sequence"]) == expected, uid
        assert uid.startswith((f"{acme}.", f"{other}."))
    moved = after[f"{acme}.r1.check-in-after-a-week.1@followup"]
    # The first business day after their new decision date (Friday the 20th).
    assert moved.decoded("dtstart") == date(2026, 3, 23)


def test_calendar_to_stdout_skips_snoozed_applications(cli, acme):
    """Without --out the calendar is printed; a snoozed application has no events."""
    cli(
        "add",
        "--company",
        "Globex",
        "--role",
        "ML Engineer",
        "--interviewed",
        "2026-03-02",
        "--playbook",
        "week-then-on-hold",
    )
    assert cli("snooze", acme, "--until", "2026-04-01", "--today", "2026-03-03").code == 0
    result = cli("calendar", "--today", "2026-03-03")
    assert result.code == 0, result.err
    cal = Calendar.from_ical(result.out.encode("utf-8"))
    summaries = {str(e["summary"]) for e in cal.walk("VEVENT")}
    assert summaries
    assert all("Globex (ML Engineer)" in s for s in summaries)
    assert any(s.startswith("Check in by email: ") for s in summaries)


def test_calendar_bad_out_folder_exits_2(cli, acme, tmp_path):
    """An --out in a folder that does not exist is a usage error."""
    result = cli("calendar", "--out", tmp_path / "no" / "such" / "cal.ics", "--today", "2026-03-03")
    assert result.code == 2
    assert "--out: cannot write" in result.err


def test_optional_steps_say_so(cli):
    """An optional step (fine-line's handwritten note) is marked optional in its header."""
    cli(
        "add",
        "--company",
        "Initech",
        "--role",
        "Analyst",
        "--interviewed",
        "2026-03-02",
        "--playbook",
        "fine-line",
        "--interviewer",
        "Bill Lum <bill@initech.example>",
    )
    result = cli("draft", "initech", "thank_you_note", "--today", "2026-03-02")
    assert result.code == 0, result.err
    assert "; rule handwritten-note; optional\nTo: Bill Lum\n" in result.out


def test_draft_is_signed_from_settings_and_flags_win(cli, acme, monkeypatch, tmp_path):
    """The settings file signs the draft; --name and --signature override it."""
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.yaml").write_text(
        'name: Alex Doe\nsignature: "Alex Doe\\n+1 555 0100"\n', encoding="utf-8"
    )
    signed = cli("draft", acme, "check_in", "--today", "2026-03-09", "--json").json()[0]
    assert signed["body"].endswith("Best regards,\nAlex Doe\n+1 555 0100")
    assert "[[your name]]" not in signed["blanks"]
    flagged = cli(
        "draft", acme, "check_in", "--today", "2026-03-09", "--name", "A. D.", "--signature", "AD"
    ).out
    assert flagged.endswith("Best regards,\nAD\n")


def test_draft_with_a_broken_settings_file_is_located(cli, acme, monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "config"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.yaml").write_text("name: [\n", encoding="utf-8")
    result = cli("draft", acme, "--today", "2026-03-02")
    assert result.code == 2
    assert result.err.startswith(str(tmp_path / "config" / "settings.yaml") + ":")
    both = cli("draft", acme, "--today", "2026-03-02", "--name", "A", "--signature", "A")
    assert both.code == 0, both.err  # flags for both: the file is not needed


def test_draft_json_lists_what_is_left_to_fill_in(cli, acme):
    (draft, _) = cli("draft", acme, "thank_you", "--today", "2026-03-02", "--json").json()
    assert draft["layout"] == "email"
    assert draft["blanks"] == [
        "[[the topic you discussed]]",
        "[[something you would bring to the team]]",
        "[[your name]]",
    ]
    assert all(b in draft["body"] for b in draft["blanks"])


def test_draft_paragraphs_are_one_line_each(cli, acme):
    body = cli("draft", acme, "thank_you", "--today", "2026-03-02", "--json").json()[0]["body"]
    paragraphs = body.split("\n\n")
    assert paragraphs[0] == "Dear Dana,"
    assert all("\n" not in p for p in paragraphs[1:-1])
    assert paragraphs[-1] == "All the best,\n[[your name]]"


def test_a_greeting_in_the_case_file_is_used(cli, tmp_path):
    case = tmp_path / "marsh.yaml"
    case.write_text(
        "id: marsh\ncompany: Initech\nrole: Analyst\ninterview: 2026-03-06\n"
        "interviewers:\n  - {name: Dr. Alice Marsh, email: am@initech.example}\n"
        "  - {name: Prof. Bo Chen, greeting: Bo}\n",
        encoding="utf-8",
    )
    assert cli("import", case).code == 0
    drafts = cli("draft", "marsh", "thank_you", "--today", "2026-03-09", "--json").json()
    assert [d["body"].split("\n")[0] for d in drafts] == ["Dear Dr. Marsh,", "Dear Bo,"]
    assert "Thank you for meeting with me on Friday" in drafts[0]["body"]
    assert drafts[0]["subject"] == "Thank you: Analyst"


def test_a_phone_check_in_is_a_call_script(cli):
    added = cli(
        "add",
        "--company",
        "Acme Corp",
        "--role",
        "Analyst",
        "--interviewed",
        "2026-03-02",
        "--playbook",
        "how-many-times",
        "--channel",
        "phone",
        "--may-call",
        "--interviewer",
        "Ms. Dana Reyes <dana@acme.example>",
        "--json",
    )
    app = added.json()["id"]
    cli("log", app, "thank_you_sent", "--date", "2026-03-02", "--channel", "email")
    cli("log", app, "note_sent", "--date", "2026-03-03", "--channel", "mail")
    result = cli("draft", app, "check_in", "--today", "2026-03-12")
    assert result.code == 0, result.err
    assert "Subject:" not in result.out
    assert "To:" not in result.out
    assert "Call Ms. Dana Reyes at Acme Corp.\n\nOpening: Hello Ms. Reyes, this is" in result.out


def test_draft_a_case_file_without_a_tracker(cli, tmp_path):
    """A job seeker who keeps case files gets the same draft as from the tracker, and no
    tracker is made for it; a case file that is not there is a located error."""
    case = tmp_path / "acme.yaml"
    case.write_text(
        "id: acme\ncompany: Acme Corp\nrole: Data Engineer\ninterview: 2026-03-02\n"
        "playbook: week-then-on-hold\n"
        "interviewers: [{name: Dana Reyes, email: dana@acme.example}]\n"
        "events: [{date: 2026-03-02, type: thank_you_sent, channel: email}]\n",
        encoding="utf-8",
    )
    result = cli("draft", case, "--today", "2026-03-09")
    assert result.code == 0, result.err
    assert "To: Dana Reyes <dana@acme.example>" in result.out
    assert "Subject: Checking in: Data Engineer at Acme Corp" in result.out
    assert not (tmp_path / "data" / "tracker.db").exists()
    missing = cli("draft", tmp_path / "gone.yaml")
    assert missing.code == 2
    assert missing.err.startswith(f"{tmp_path / 'gone.yaml'}:1:1: no such file")


def test_a_draft_says_the_part_of_the_day_as_the_plan_does(cli, tmp_path):
    """A thank-you 'at: afternoon' after a morning interview: the draft's heading says when in
    the day, as the plan does (it said only the day)."""
    case = tmp_path / "planet.yaml"
    features = Path(__file__).resolve().parents[2] / "features"
    case.write_text(
        "id: planet\ncompany: Daily Planet\ninterview: 2026-03-02T10:00\n"
        f"playbook: {features / 'engine' / 'time-of-day.yaml'}\n",
        encoding="utf-8",
    )
    result = cli("draft", case, "--today", "2026-03-02")
    assert result.code == 0, result.err
    head = "# send a thank-you by email, due Mon 2026-03-02, in the afternoon (today)"
    assert head in result.out


AUTHORING = Path(__file__).resolve().parents[2] / "features" / "authoring"


def test_a_step_with_no_message_is_named_not_passed_over_in_silence(cli, tmp_path):
    """The newsroom's quiet note (a kind of its own, with no template) is due today: the draft
    is the next check-in's, and a note on stderr names the note and how to give it a message.
    With nothing at all to draft, the answer names the step that has no message."""
    folder = tmp_path / "pb"
    folder.mkdir()
    for name in ("newsroom.yaml", "email-sequence.yaml"):
        (folder / name).write_text((AUTHORING / name).read_text(encoding="utf-8"), "utf-8")
    case = tmp_path / "ledger.yaml"
    case.write_text(
        "id: ledger\ninterview: 2026-03-03T10:00\nplaybook: newsroom\n"
        "company: The Daily Ledger\nrole: Data Reporter\n"
        "employer: {decision_by: 2026-03-20}\n"
        "events:\n  - {date: 2026-03-03, type: thank_you_sent, channel: email}\n",
        "utf-8",
    )
    result = cli("draft", case, "--playbooks", folder, "--today", "2026-03-10")
    assert result.code == 0, result.err
    assert "rule check-in-after-their-date" in result.out
    assert (
        "followup: note: the step 'send a short note by email' due 2026-03-10 "
        "(note-during-a-long-wait) has no message: a template under 'templates:' keyed by "
        "'short_note' or 'note-during-a-long-wait' gives it one\n"
    ) in result.err
    called = tmp_path / "acme.yaml"
    called.write_text(
        "id: acme\ninterview: 2026-03-05\nplaybook: email-sequence\n"
        "employer: {may_call: false}\nevents:\n"
        "  - {date: 2026-03-05, type: thank_you_sent}\n"
        "  - {date: 2026-03-10, type: check_in_sent}\n"
        "  - {date: 2026-03-16, type: check_in_sent}\n",
        "utf-8",
    )
    result = cli("draft", called, "--playbooks", folder, "--today", "2026-03-30")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(
        "nothing to draft: the step 'make your one call by phone' due 2026-03-30"
    )
