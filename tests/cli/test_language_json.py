"""The keys the newer playbook statements add to ``plan --json`` (a window's ``latest``, a
playbook's ``never_closes``) are in the documented schema, and only there when they say
something."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "src" / "followup" / "schemas" / "output.schema.json").read_text())
FEATURES = ROOT / "features" / "engine"
CASE = """\
id: acme
company: Acme
interview: 2026-03-04
events:
  - {date: 2026-03-04, type: thank_you_sent, channel: email}
"""


def _plan(
    cli, tmp_path: Path, playbook: str | Path, case_text: str = CASE, today: str = "2026-03-05"
) -> dict[str, object]:
    """``plan --json`` of a case under a playbook (a file in features/engine, or a bundled id),
    checked against the documented schema."""
    case = tmp_path / "case.yaml"
    case.write_text(case_text, encoding="utf-8")
    ref = FEATURES / playbook if str(playbook).endswith(".yaml") else playbook
    result = cli("plan", case, "--playbook", ref, "--today", today, "--json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    jsonschema.validate(
        out, {**SCHEMA, "$ref": "#/$defs/output_plan"}, cls=jsonschema.Draft202012Validator
    )
    return out


def test_a_window_gives_its_last_day(cli, tmp_path):
    """due is the window's first day, latest its last, in next and in the schedule."""
    out = _plan(cli, tmp_path, "windows.yaml")
    first = out["next"][0]
    assert (first["due"], first["latest"]) == ("2026-03-09", "2026-03-11")
    assert out["schedule"][0]["latest"] == "2026-03-11"
    assert "latest" not in out["schedule"][1]
    assert "never_closes" not in out


def test_a_step_the_gap_moved_says_after_which_contact(cli, tmp_path):
    """paced_after names the contact a next step waits after, and is absent otherwise."""
    late = (
        "id: late\ncompany: Acme\ninterview: 2026-03-02\nevents:\n"
        "  - {date: 2026-03-08, type: thank_you_sent, channel: email}\n"
    )
    first = _plan(cli, tmp_path, "week-then-on-hold", late, "2026-03-09")["next"][0]
    assert (first["action"], first["due"], first["paced_after"]) == (
        "check_in",
        "2026-03-11",
        "2026-03-08",
    )
    assert "paced_after" not in _plan(cli, tmp_path, "windows.yaml")["next"][0]


def test_a_playbook_that_never_closes_says_why(cli, tmp_path):
    """never_closes carries the coach's reason; closes_on stays null."""
    out = _plan(cli, tmp_path, "never-closes.yaml")
    assert out["closes_on"] is None
    assert str(out["never_closes"]).startswith("The coach's advice is to keep a quiet line open")


def test_today_counts_a_window_step_late_only_after_its_last_day():
    """In `today`, a step is due now on any day of its window, and late after its last."""
    from datetime import date

    from followup.cli.tracker_view import item_json, item_lines
    from followup.engine.result import Step
    from followup.model.case import Case
    from followup.services.today import Item

    case = Case(id="acme", interview=date(2026, 3, 4), company="Acme")
    step = Step("check_in", date(2026, 3, 9), "email", "r", "Go.", "s", latest=date(2026, 3, 11))

    def seen(day: int) -> tuple[object, str]:
        item = Item(case, step, date(2026, 3, day), ())
        return item_json(item)["days_overdue"], item_lines(item)[0][1]

    assert seen(8) == (None, "soon")
    assert seen(10) == (0, "due")
    assert seen(11) == (0, "due")
    assert seen(13) == (2, "overdue")


def test_a_promise_says_which_check_in_it_counts_as(cli, tmp_path):
    """covers names the check-in that waited for the promise's day, in the schema; a step that
    covers nothing has no such key."""
    promised = (
        "id: promise\ncompany: Acme\ninterview: 2026-03-02\nevents:\n"
        "  - {date: 2026-03-02, type: thank_you_sent, channel: email}\n"
        "  - {date: 2026-03-04, type: committed, channel: email, due: 2026-03-12}\n"
    )
    first = _plan(cli, tmp_path, "week-then-on-hold", promised)["next"][0]
    assert (first["action"], first["due"], first["covers"]) == (
        "keep_promise",
        "2026-03-12",
        ["check-in-after-a-week"],
    )
    assert "covers" not in _plan(cli, tmp_path, "windows.yaml")["next"][0]
