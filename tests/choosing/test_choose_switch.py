"""`followup choose` ranks the playbooks with traced reasons; `switch` changes a tracked
application's playbook through its append-only history; `report` writes a page that is whole,
self-contained and escaped."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from followup import catalog
from followup.engine.plan import plan_case
from followup.model.vocabulary import NUDGE_KINDS
from followup.timeline.calendar import BusinessCalendar
from followup.tracker.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CASE = str(ROOT / "examples" / "cases" / "acme-data-eng.yaml")
TODAY = "2026-03-12"
Cli = Callable[..., Any]


def _choose(cli: Cli, *argv: str) -> dict[str, Any]:
    result = cli("choose", *argv, "--today", TODAY, "--json")
    assert result.code == 0, result.err
    return dict(json.loads(result.out))


def _add(cli: Cli, db: Path, company: str = "Acme", *more: str) -> str:
    argv = ("add", "--company", company, "--role", "Engineer", "--interviewed", "2026-03-02")
    result = cli(*argv, *more, "--db", db)
    assert result.code == 0, result.err
    return str(result.out.strip())


def test_every_reason_is_traced_to_a_rule_of_that_playbook_and_its_article(cli: Cli) -> None:
    """A reason about a step names the rule that planned it and the article section it cites."""
    answer = _choose(cli, CASE, "--persistence", "steady")
    assert answer["ranking"][0]["id"] == answer["recommended"]
    for row in answer["ranking"]:
        playbook = catalog.load(row["id"]).playbook
        rules = {a.id for a in playbook.actions}
        for reason in row["reasons"]:
            if reason["rule"]:
                assert reason["rule"] in rules, (row["id"], reason)
                assert "section" in reason["source"]
            assert reason["source"].startswith('"')


def test_asked_not_to_follow_up_every_playbook_that_checks_in_loses(cli: Cli) -> None:
    """'They asked me not to follow up': no ranked playbook plans a check-in, or it is marked."""
    answer = _choose(cli, CASE, "--employer-said", "not_wanted")
    assert answer["answers"]["employer_said"] == "not_wanted"
    for row in answer["ranking"]:
        nudges = [s for s in row["plan"]["schedule"] if s["action"] in NUDGE_KINDS]
        against = [r for r in row["reasons"] if r["weight"] < 0]
        assert bool(nudges) == bool(against), row["id"]


@pytest.mark.parametrize(("persistence", "check_ins"), [("gentle", 1), ("persistent", 3)])
def test_how_persistent_you_want_to_be_decides(cli: Cli, persistence: str, check_ins: int) -> None:
    """The recommended playbook's check-ins (if they stay silent) are the closest to the wish."""
    answer = _choose(cli, CASE, "--persistence", persistence)

    def count(row: dict[str, Any]) -> int:
        return sum(1 for s in row["plan"]["schedule"] if s["action"] in NUDGE_KINDS)

    best = count(answer["ranking"][0])
    assert abs(best - check_ins) == min(abs(count(r) - check_ins) for r in answer["ranking"])


def test_a_stated_decision_date_is_waited_for(cli: Cli) -> None:
    """With a decision date, a playbook checking in before it is ranked below those that wait."""
    answer = _choose(cli, CASE, "--decision-by", "2026-03-27")
    assert answer["answers"]["decision_by"] == "2026-03-27"
    for row in answer["ranking"]:
        first = next(
            (s["due"] for s in row["plan"]["schedule"] if s["action"] in NUDGE_KINDS), None
        )
        assert first is None or first >= "2026-03-27", row["id"]


def test_choose_asks_on_a_terminal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal each question not given as a flag is asked, and the answers are used."""
    from followup.cli import choose_impl

    monkeypatch.setattr(choose_impl, "_interactive", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("not_wanted\n2026-03-30\nn\ngentle\n"))
    result = cli("choose", CASE, "--today", TODAY)
    assert result.code == 0, result.err
    assert "What did the employer say about following up?" in result.out
    assert "How persistent do you want to be" in result.out
    assert "asked you not to follow up; decision by 2026-03-30" in result.out
    assert "you want to be gentle" in result.out
    assert re.search(r"^Recommended: \S+", result.out, re.M)


def test_choose_refuses_a_bad_date_and_apply_without_an_application(cli: Cli) -> None:
    """Usage errors exit 2 with a message naming the flag."""
    bad = cli("choose", CASE, "--decision-by", "2026-02-30")
    assert bad.code == 2
    assert "--decision-by" in bad.err
    no_app = cli("choose", CASE, "--apply")
    assert no_app.code == 2
    assert "--apply" in no_app.err


def test_switch_is_recorded_shown_replayed_and_undone(cli: Cli, tmp_path: Path) -> None:
    """The whole life of a switch, read through the commands a job seeker uses."""
    db = tmp_path / "t.db"
    app = _add(cli, db)
    moved = cli("switch", app, "fine-line", "--today", "2026-03-05", "--db", db, "--json")
    assert moved.code == 0, moved.err
    body = json.loads(moved.out)
    assert (body["from"], body["playbook"]) == ("week-then-on-hold", "fine-line")
    status = json.loads(cli("status", app, "--today", "2026-03-05", "--db", db, "--json").out)
    assert status["playbook"] == "fine-line"
    assert status["history"][-1]["event"]["type"] == "playbook_switch"
    with open_store(db) as store:
        case = store.case(app)
    expected = plan_case(catalog.load("fine-line"), case, date(2026, 3, 5), BusinessCalendar(None))
    assert [s["due"] for s in status["plan"]["schedule"]] == [
        s.due.isoformat() for s in expected.schedule
    ]
    text = cli("status", app, "--today", "2026-03-05", "--db", db).out
    assert "switched playbook from week-then-on-hold to fine-line" in text
    undone = cli("undo", app, "--db", db)
    assert undone.code == 0, undone.err
    assert "switched playbook" in undone.out
    after = json.loads(cli("status", app, "--db", db, "--json").out)
    assert after["playbook"] == "week-then-on-hold"
    assert after["history"][-1]["retracts"] == body["seq"]


def test_switch_refuses_an_unknown_or_the_same_playbook_and_records_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    """Nothing is written when the switch cannot be made."""
    db = tmp_path / "t.db"
    app = _add(cli, db)
    unknown = cli("switch", app, "fine-lines", "--db", db)
    assert unknown.code == 2
    assert "fine-line" in unknown.err  # did you mean
    same = cli("switch", app, "week-then-on-hold", "--db", db)
    assert same.code == 2
    assert "already follows week-then-on-hold" in same.err
    with open_store(db) as store:
        assert store.history(app) == []


def test_choose_apply_moves_the_application_to_the_first_of_the_ranking(
    cli: Cli, tmp_path: Path
) -> None:
    """--apply switches the tracked application through the same history row as `switch`."""
    db = tmp_path / "t.db"
    app = _add(cli, db)
    result = cli("choose", app, "--persistence", "gentle", "--today", TODAY, "--db", db, "--apply")
    assert result.code == 0, result.err
    best = re.search(r"^Recommended: (\S+)", result.out, re.M)
    assert best is not None
    status = json.loads(cli("status", app, "--today", TODAY, "--db", db, "--json").out)
    assert status["playbook"] == best.group(1)
    exported = cli("export", app, "--db", db)
    assert f"playbook: {best.group(1)}" in exported.out
    again = cli("choose", app, "--persistence", "gentle", "--today", TODAY, "--db", db, "--apply")
    assert again.code == 0, again.err
    assert f"{app} already follows {best.group(1)}" in again.out
    page = tmp_path / "app.html"
    assert cli("report", app, "--out", page, "--today", TODAY, "--db", db).code == 0
    assert f"now following {best.group(1)}" in page.read_text(encoding="utf-8")
    with open_store(db) as store:
        assert len(store.history(app)) == 1  # applied once, not twice


def test_the_database_refuses_a_switch_that_names_no_playbook(cli: Cli, tmp_path: Path) -> None:
    """Written by another tool, a switch row without a playbook is refused by the trigger;
    dropping that trigger is a damaged safeguard the doctor finds and restores."""
    db = tmp_path / "t.db"
    app = _add(cli, db)
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="must name the playbook"):
        conn.execute(
            "INSERT INTO events (app_id, recorded_at, data) VALUES (?, 'now', ?)",
            (app, '{"type":"playbook_switch","date":"2026-03-05"}'),
        )
    conn.execute("DROP TRIGGER events_switch_shape")
    conn.commit()
    conn.close()
    doctor = cli("doctor", "--db", db)
    assert doctor.code == 1
    assert "events_switch_shape is missing" in doctor.out + doctor.err
    assert cli("doctor", "--repair", "--db", db).code == 0


def test_report_is_one_self_contained_escaped_page(cli: Cli, tmp_path: Path) -> None:
    """No script, no stylesheet or image from elsewhere, and what users wrote stays text."""
    db = tmp_path / "t.db"
    _add(cli, db, "<script>alert(1)</script> & Co")
    page = tmp_path / "r.html"
    result = cli("report", "--out", page, "--today", TODAY, "--db", db)
    assert result.code == 0, result.err
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert "url(" not in html
    assert "@media print" in html
    assert "prefers-color-scheme: dark" in html
    case_page = tmp_path / "case.html"
    assert cli("report", CASE, "--out", case_page, "--today", TODAY).code == 0
    text = case_page.read_text(encoding="utf-8")
    assert text.count('class="lane-row"') == 2 * len(catalog.discover())  # wide and narrow
    assert "<desc" in text
    assert "Recommended:" in text


def test_report_refuses_a_missing_folder(cli: Cli, tmp_path: Path) -> None:
    """--out in a folder that does not exist: exit 2, no traceback."""
    result = cli("report", CASE, "--out", tmp_path / "nope" / "r.html")
    assert result.code == 2
    assert "--out" in result.err
    assert "Traceback" not in result.err
