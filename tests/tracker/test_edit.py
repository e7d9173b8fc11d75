"""followup edit, recruiters and phones, undo of a chosen entry, archive, duplicates, unsnooze,
history: every correction is an appended row, shown by status and undoable."""

from __future__ import annotations

import sqlite3

from followup.tracker import schema


def _status(tracker, app):
    return tracker("status", app, "--today", "2026-03-12", "--json").json()


def test_edit_changes_a_fact_keeps_it_in_history_and_undo_takes_it_back(tracker, acme):
    """A corrected interview date moves the plan; status lists the edit; undo restores it."""
    before = _status(tracker, acme)
    edited = tracker("edit", acme, "--interviewed", "2026-03-04", "--role", "Senior DE", "--json")
    assert edited.code == 0, edited.err
    answer = edited.json()
    assert answer["edit"] == {"role": "Senior DE", "interview": "2026-03-04"}
    assert answer["was"] == {"role": "Data Engineer", "interview": "2026-03-02"}
    after = _status(tracker, acme)
    assert after["interview"] == "2026-03-04"
    assert after["role"] == "Senior DE"
    assert after["plan"] != before["plan"]
    [entry] = after["history"]
    assert entry["kind"] == "edit"
    assert entry["seq"] == answer["seq"]
    text = tracker("status", acme, "--today", "2026-03-12").out
    assert f"#{answer['seq']}" in text
    assert "edited role: Data Engineer -> Senior DE" in text
    undone = tracker("undo", acme, f"#{answer['seq']}", "--json")
    assert undone.code == 0, undone.err
    assert undone.json()["retracts"] == answer["seq"]
    restored = _status(tracker, acme)
    assert restored["interview"] == "2026-03-02"
    assert restored["plan"] == before["plan"]


def test_edit_records_recruiters_with_phones_and_what_the_employer_said(tracker, acme, tmp_path):
    """Recruiters and phones are case-file keys: exported and imported back unchanged."""
    result = tracker(
        "edit",
        acme,
        "--add-recruiter",
        "Rita Moreno <rita@acme.example> +1 555 010 0199",
        "--add-interviewer",
        "Lee Chan +1 555 010 0100",
        "--decision-by",
        "2026-03-20",
        "--may-call",
        "--notes",
        "second round likely",
    )
    assert result.code == 0, result.err
    exported = tracker("export", acme).out
    assert "phone: +1 555 010 0199" in exported
    assert "recruiters:" in exported
    assert "decision_by: '2026-03-20'" in exported
    path = tmp_path / "again.yaml"
    path.write_text(exported.replace(f"id: {acme}", "id: again"), encoding="utf-8")
    imported = tracker("import", path, "--allow-duplicate")
    assert imported.code == 0, imported.err
    assert tracker("export", "again").out.split("\n", 2)[2] == exported.split("\n", 2)[2].replace(
        f"id: {acme}", "id: again"
    )


def test_edit_refuses_a_bad_value_by_its_flag_and_saves_nothing(tracker, acme):
    """A bad date or phone is named by its flag, exit 2, nothing appended."""
    for argv, flag in (
        (["--interviewed", "2026-02-30"], "--interviewed"),
        (["--add-recruiter", "Rita <rita>"], "--add-recruiter"),
        (["--timezone", "Mars/Base"], "--timezone"),
        (["--decision-by", "2026-02-20"], "--decision-by"),  # before the interview (03-02)
    ):
        result = tracker("edit", acme, *argv)
        assert result.code == 2, argv
        assert result.err.startswith(f"followup: {flag}: "), result.err
    assert tracker("edit", acme).code == 2  # nothing asked
    assert tracker("edit", acme, "--role", "Data Engineer").code == 2  # nothing changes
    assert _status(tracker, acme)["history"] == []


def test_log_refuses_a_new_decision_date_before_the_reply_that_gave_it(tracker, acme):
    """A reply on 03-09 cannot move their decision to 03-06: named by its flag, nothing saved."""
    result = tracker(
        "log", acme, "reply", "--outcome", "still_deciding", "--decision-by", "2026-03-06",
        "--date", "2026-03-09", "--today", "2026-03-10",
    )  # fmt: skip
    assert result.code == 2
    assert result.err.startswith("followup: --decision-by: "), result.err
    assert "on or after 2026-03-09" in result.err
    assert _status(tracker, acme)["history"] == []


def test_an_edit_row_cannot_be_rewritten_and_is_checked_by_the_database(tracker, acme, db):
    """Edits live in the append-only history; a row both event and edit is refused."""
    tracker("edit", acme, "--role", "Lead")
    conn = sqlite3.connect(db)
    try:
        for sql in (
            "UPDATE events SET data = '{}'",
            "DELETE FROM events",
            f"INSERT INTO events (app_id, recorded_at, data) VALUES ('{acme}', 'x', "
            """'{"type": "networked", "edit": {}}')""",
            f"INSERT INTO events (app_id, recorded_at, data) VALUES ('{acme}', 'x', "
            """'{"edit": "role"}')""",
        ):
            try:
                conn.execute(sql)
            except sqlite3.IntegrityError:
                continue
            raise AssertionError(f"allowed: {sql}")
    finally:
        conn.close()
    assert "events_edit_shape" in schema.expected_triggers()


def test_undo_a_chosen_entry_and_refusals(tracker, acme):
    """undo APP N retracts entry N; a wrong number says which ones count."""
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--today", "2026-03-12")
    tracker("log", acme, "networked", "--date", "2026-03-05", "--today", "2026-03-12")
    first = _status(tracker, acme)["history"][0]["seq"]
    assert tracker("undo", acme, str(first)).code == 0
    history = _status(tracker, acme)["history"]
    assert history[0]["retracted_by"] is not None
    assert history[1]["retracted_by"] is None
    again = tracker("undo", acme, str(first))
    assert again.code == 2
    assert "already retracted" in again.err
    assert "no entry #99" in tracker("undo", acme, "99").err
    assert tracker("undo", acme, "x2").code == 2


def test_archive_hides_everywhere_and_unarchive_appends(tracker, acme, db):
    """Archived: out of list, today, export; unarchive brings it back; two rows, none deleted."""
    assert tracker("archive", acme, "--json").json() == {
        "id": acme,
        "archived": True,
        "reason": "archived by you",
    }
    assert tracker("list", "--all", "--json").json() == []
    [shown] = tracker("list", "--archived", "--json").json()
    assert shown["id"] == acme
    assert shown["archived"] is True
    assert "1 archived" in tracker("list").out
    assert tracker("today", "--today", "2026-03-12", "--json").json()["due"] == []
    assert tracker("export").out == ""
    assert tracker("archive", acme).code == 2
    assert tracker("status", acme, "--today", "2026-03-12").code == 0  # named, it still shows
    assert tracker("unarchive", acme).code == 0
    assert [r["id"] for r in tracker("list", "--json").json()] == [acme]
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT action FROM archived ORDER BY seq").fetchall()
    conn.close()
    assert rows == [("archive",), ("unarchive",)]


def test_add_and_import_refuse_a_likely_duplicate_unless_allowed(tracker, acme, example):
    """Same company, role and interview date: refused (exit 2) naming the one tracked."""
    again = ["--company", " acme corp", "--role", "data engineer", "--interviewed", "2026-03-02"]
    refused = tracker("add", *again)
    assert refused.code == 2
    assert f"likely a duplicate of {acme}" in refused.err
    assert "--allow-duplicate" in refused.err
    assert tracker("add", *again, "--allow-duplicate").code == 0
    assert tracker("add", *again[:-1], "2026-03-03").code == 0  # another round: not the same
    imported = tracker("import", example)  # the same interview at Acme, as a case file
    assert imported.code == 2
    assert f"{example}: likely a duplicate of {acme}" in imported.err
    assert tracker("import", example, "--allow-duplicate").code == 0
    assert len(tracker("list", "--json").json()) == 4


def test_one_application_twice_in_one_import_is_named_as_such(tracker, example):
    """The same file given twice: nothing is tracked yet, so the refusal names the earlier
    file of this import (not an application to edit), and nothing is saved."""
    imported = tracker("import", example, example)
    assert imported.code == 2
    assert f"the same application as {example}, earlier in this import" in imported.err
    assert "followup edit" not in imported.err
    assert tracker("list", "--json").json() == []


def test_unsnooze_shows_it_again(tracker, acme):
    """unsnooze ends a snooze from today; today lists its steps again."""
    tracker("snooze", acme, "--until", "2026-03-30", "--today", "2026-03-12")
    assert tracker("today", "--today", "2026-03-12", "--json").json()["snoozed"]
    result = tracker("unsnooze", acme, "--today", "2026-03-12", "--json")
    assert result.json() == {"id": acme, "snoozed_until": None, "was_snoozed_until": "2026-03-30"}
    queue = tracker("today", "--today", "2026-03-12", "--json").json()
    assert queue["snoozed"] == []
    assert queue["due"]


def test_history_across_applications_since_a_day(tracker, acme):
    """history lists every application's entries by date; --since leaves out older ones."""
    other = tracker(
        "add", "--company", "Beta", "--role", "R", "--interviewed", "2026-03-03"
    ).out.strip()
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--today", "2026-03-12")
    tracker("log", other, "thank_you_sent", "--date", "2026-03-04", "--today", "2026-03-12")
    tracker("log", acme, "networked", "--date", "2026-03-10", "--today", "2026-03-12")
    rows = tracker("history", "--json").json()
    assert [(r["id"], r["date"]) for r in rows] == [
        (acme, "2026-03-02"),
        (other, "2026-03-04"),
        (acme, "2026-03-10"),
    ]
    recent = tracker("history", "--since", "2026-03-04", "--json").json()
    assert [r["event"]["type"] for r in recent] == ["thank_you_sent", "networked"]
    text = tracker("history", "--since", "2026-03-04").out
    assert "Beta" in text
    assert "2026-03-02" not in text


def test_history_heads_each_application_once_a_day(tracker, acme):
    """Several entries on one day sit under one heading of their application (even when
    another application's entry was recorded between them); --json keeps a row per entry, in
    the order recorded."""
    other = tracker(
        "add", "--company", "Beta", "--role", "R", "--interviewed", "2026-03-03"
    ).out.strip()
    today = ("--today", "2026-03-12")
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-04", *today)
    tracker("log", other, "thank_you_sent", "--date", "2026-03-04", *today)
    tracker("log", acme, "note_sent", "--date", "2026-03-04", *today)
    tracker("log", acme, "networked", "--date", "2026-03-04", *today)
    tracker("log", acme, "check_in_sent", "--date", "2026-03-10", *today)
    lines = tracker("history", "--since", "2026-03-04").out.splitlines()
    headings = [line.split()[0] for line in lines if line.startswith("  ") and line[2] != " "]
    assert headings == [acme, other, acme]  # the 4th, then the 10th
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {acme}"))
    under = [line.split()[-1] for line in lines[start + 1 : start + 4]]
    assert under == ["thank_you_sent", "note_sent", "networked"]
    rows = tracker("history", "--since", "2026-03-04", "--json").json()
    assert [(r["id"], r["event"]["type"]) for r in rows] == [
        (acme, "thank_you_sent"),
        (other, "thank_you_sent"),
        (acme, "note_sent"),
        (acme, "networked"),
        (acme, "check_in_sent"),
    ]


def test_list_shows_the_interview_and_the_last_contact(tracker, acme):
    """list: when the interview was and when you were last in touch (null before any)."""
    [row] = tracker("list", "--today", "2026-03-12", "--json").json()
    assert (row["interview"], row["last_contact"]) == ("2026-03-02", None)
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--today", "2026-03-12")
    tracker("log", acme, "check_in_sent", "--date", "2026-03-10", "--today", "2026-03-12")
    tracker("log", acme, "portfolio_update", "--date", "2026-03-11", "--today", "2026-03-12")
    # A job accepted elsewhere is news of your own, not contact with this employer.
    tracker("log", acme, "accepted_elsewhere", "--date", "2026-03-12", "--today", "2026-03-12")
    [row] = tracker("list", "--today", "2026-03-12", "--json").json()
    assert row["last_contact"] == "2026-03-10"
    text = tracker("list", "--today", "2026-03-12").out
    assert "interviewed 2026-03-02; last contact 2026-03-10" in text


def test_a_recorded_recruiter_is_who_a_step_by_the_recruiter_goes_to(tracker, acme):
    """They asked to go through the recruiter: today names the recruiter, email and phone."""
    edited = tracker(
        "edit",
        acme,
        "--channel",
        "recruiter",
        "--add-recruiter",
        "Rita <rita@acme.example> +1 555 0199",
    )
    assert edited.code == 0, edited.err
    queue = tracker("today", "--today", "2026-03-12", "--json").json()
    by_recruiter = [d for d in queue["due"] + queue["upcoming"] if d["channel"] == "recruiter"]
    assert by_recruiter
    assert by_recruiter[0]["recipients"] == [
        {"name": "Rita", "email": "rita@acme.example", "phone": "+1 555 0199"}
    ]
