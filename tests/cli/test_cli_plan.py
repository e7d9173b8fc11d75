"""``followup plan`` and ``followup explain`` on the example case, and their usage errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLAN_KEYS = {
    "case",
    "playbook",
    "today",
    "state",
    "next",
    "schedule",
    "closes_on",
    "outcome",
    "avoid",
    "notes",
    "state_since",
}
NEXT_KEYS = {"action", "due", "channel", "why", "source"}
SCHEDULE_KEYS = {"action", "due", "channel"}
TODAY = "2026-03-12"
BUNDLED_FILE = Path(__file__).resolve().parents[2] / "playbooks" / "week-then-on-hold.yaml"


def test_plan_text(cli, example):
    """The text plan says where the case is, what is next and why, what follows, what to avoid."""
    result = cli("plan", example, "--today", TODAY)
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == "Acme Corp - Data Engineer (acme-data-eng)"
    assert lines[1] == "Playbook: A week, then on hold (week-then-on-hold)"
    assert lines[2] == "As of Thu 2026-03-12: waiting"
    assert "  Mon 2026-03-09 (3 days overdue): check in by email" in lines
    assert any(line.strip().startswith("why: check-in-after-a-week:") for line in lines)
    assert any("Tips for following up appropriately" in line for line in lines)
    assert "Then, if they stay silent" in lines
    assert "  Mon 2026-03-23: check in by email  [on-hold-check-in]" in lines
    assert "  Tue 2026-04-14: move on  [move-on]" in lines
    assert "  Tue 2026-04-14: the playbook closes the case if nothing changes" in lines
    assert "Avoid" in lines
    assert any(line.startswith("  - Don't phone to check in") for line in lines)


def test_plan_json_keys_and_values(cli, example):
    """plan --json has exactly the documented keys, with the example's values."""
    result = cli("plan", example, "--today", TODAY, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert set(data) == PLAN_KEYS | {"state_why"}
    assert data["state_since"] == "2026-03-03"
    assert data["state_why"].startswith("waiting-game: After thanking them, be patient")
    assert data["case"] == "acme-data-eng"
    assert data["playbook"] == "week-then-on-hold"
    assert data["today"] == TODAY
    assert data["state"] == "waiting"
    assert data["closes_on"] == "2026-04-14"
    assert data["outcome"] is None
    assert len(data["next"]) == 1
    step = data["next"][0]
    assert set(step) == NEXT_KEYS
    assert (step["action"], step["due"], step["channel"]) == ("check_in", "2026-03-09", "email")
    assert step["why"].startswith("check-in-after-a-week: Give it a week")
    assert step["source"] == (
        '"Tips for following up appropriately after an interview" (2012-09-28), '
        "section 'Wait a week, and then check in'"
    )
    assert all(set(s) == SCHEDULE_KEYS for s in data["schedule"])
    assert data["schedule"] == [
        {"action": "check_in", "due": "2026-03-09", "channel": "email"},
        {"action": "check_in", "due": "2026-03-23", "channel": "email"},
        {"action": "check_in", "due": "2026-04-03", "channel": "email"},
        {"action": "move_on", "due": "2026-04-14", "channel": None},
    ]
    assert data["avoid"] == [
        "Don't phone to check in; a call can put them on the spot before they have news. "
        "Email instead.",
        "Don't read a few quiet days as a rejection; they are probably still interviewing.",
    ]


def test_plan_json_for_a_closed_case(cli, tmp_path):
    """A closed case has outcome and closes_on set; a rejection leaves nothing to do, an offer
    one step: answering it."""
    for outcome, left in (("rejection", []), ("offer", ["answer_offer"])):
        case = tmp_path / f"{outcome}.yaml"
        case.write_text(
            f"id: {outcome}\ninterview: 2026-03-02\nplaybook: week-then-on-hold\n"
            f"events:\n  - {{date: 2026-03-05, type: reply, outcome: {outcome}}}\n",
            encoding="utf-8",
        )
        result = cli("plan", case, "--today", TODAY, "--json")
        assert result.code == 0, result.err
        data = json.loads(result.out)
        assert set(data) == PLAN_KEYS
        assert (data["state"], data["outcome"], data["closes_on"]) == (
            "closed",
            outcome,
            "2026-03-05",
        )
        assert [s["action"] for s in data["next"]] == left
        assert [s["action"] for s in data["schedule"]] == left


def test_plan_with_playbook_given_as_a_path(cli, example):
    """--playbook accepts a playbook file as well as an id, with the same answer."""
    by_path = cli("plan", example, "--playbook", BUNDLED_FILE, "--today", TODAY, "--json")
    by_id = cli("plan", example, "--playbook", "week-then-on-hold", "--today", TODAY, "--json")
    assert by_path.code == by_id.code == 0
    assert json.loads(by_path.out) == json.loads(by_id.out)


def test_missing_playbook_file_is_a_usage_error(cli, example, tmp_path):
    """--playbook naming a file that does not exist exits 2."""
    result = cli("plan", example, "--playbook", tmp_path / "gone.yaml", "--today", TODAY)
    assert result.code == 2
    assert "gone.yaml" in result.err
    assert "Traceback" not in result.err


def test_plan_case_without_a_playbook_is_a_usage_error(cli, tmp_path):
    """No --playbook and no 'playbook:' in the case: exit 2 with a hint."""
    case = tmp_path / "nopb.yaml"
    case.write_text("id: nopb\ninterview: 2026-03-02\n", encoding="utf-8")
    result = cli("plan", case, "--today", TODAY)
    assert result.code == 2
    assert "--playbook" in result.err
    assert "Traceback" not in result.err


def test_unknown_playbook_id_suggests_the_closest(cli, example):
    """An unknown --playbook id exits 2 and suggests the id that was probably meant."""
    result = cli("plan", example, "--playbook", "week-then-onhold", "--today", TODAY)
    assert result.code == 2
    assert result.out == ""
    assert "week-then-onhold" in result.err
    assert "did you mean 'week-then-on-hold'?" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", ["plan", "explain"])
@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "12/03/2026", "tomorrow"])
def test_impossible_today_is_a_usage_error(cli, example, command, bad):
    """--today must be a real YYYY-MM-DD date: anything else exits 2 naming the value."""
    result = cli(command, example, "--today", bad)
    assert result.code == 2
    assert result.out == ""
    assert bad in result.err
    assert "YYYY-MM-DD" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", ["plan", "explain"])
def test_missing_case_file(cli, tmp_path, command):
    """A case file that does not exist exits 2 with a located 'no such file'."""
    missing = tmp_path / "nope.yaml"
    result = cli(command, missing, "--today", TODAY)
    assert result.code == 2
    assert result.err.startswith(f"{missing}:1:1: no such file; expected")
    assert "Traceback" not in result.err


def test_explain_mentions_events_rules_and_projection(cli, example):
    """explain replays the case: the event, the rules that moved it, and what is projected."""
    result = cli("explain", example, "--today", TODAY)
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("Acme Corp - Data Engineer (acme-data-eng)\n")
    assert "thank_you_sent by email" in out
    assert "counts as thank-you-note" in out
    assert "interviewed -> thanked" in out
    assert "rule thank-you-sent" in out
    assert "waiting-game fired" in out
    assert "action check-in-after-a-week: due 2026-03-09 by email" in out
    assert "timer back-off-after-two-months: fires 2026-05-02" in out
    assert "2026-04-03  projected  check_in by email [on-hold-check-in]" in out
    assert "2026-04-14  projected  the playbook closes the case" in out


def test_explain_notes_events_after_today(cli, tmp_path):
    """Events dated after --today are reported as not counted."""
    case = tmp_path / "later.yaml"
    case.write_text(
        "id: later\ninterview: 2026-03-02\nplaybook: week-then-on-hold\n"
        "events:\n  - {date: 2026-03-20, type: check_in_sent}\n",
        encoding="utf-8",
    )
    explained = cli("explain", case, "--today", TODAY)
    assert explained.code == 0
    assert "1 event(s) dated after 2026-03-12 not counted" in explained.out
    planned = cli("plan", case, "--today", TODAY)
    assert "Note: 1 recorded event dated after today not counted." in planned.out


def test_version_in_process(cli):
    """--version prints the version and exits 0."""
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == "followup, version 0.1.0"


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["plan"], ["plan", "x.yaml", "--bogus"], ["agenda", "x"]],
)
def test_command_line_mistakes_exit_2(cli, argv):
    """An unknown command, a missing argument or an unknown option exit 2 without a traceback."""
    result = cli(*argv)
    assert result.code == 2
    assert result.err.strip()
    assert "Traceback" not in result.err


SUBDIVISION_CASE = """\
id: london
company: Acme
interview: 2026-03-30
playbook: week-then-on-hold
country: {country}
events:
  - {{date: 2026-03-30, type: thank_you_sent, channel: email}}
"""


def test_plan_in_a_subdivision_skips_its_holidays(cli, tmp_path):
    """GB-ENG: the check-in a week after 2026-03-30 moves past England's Easter Monday."""
    case = tmp_path / "london.yaml"
    dues = {}
    for country in ("GB", "GB-ENG"):
        case.write_text(SUBDIVISION_CASE.format(country=country), encoding="utf-8")
        result = cli("plan", case, "--today", "2026-03-31", "--json")
        assert result.code == 0, result.err
        dues[country] = json.loads(result.out)["next"][0]["due"]
    assert dues == {"GB": "2026-04-06", "GB-ENG": "2026-04-07"}


@pytest.mark.parametrize("command", ["plan", "validate"])
def test_unknown_subdivision_is_located_with_suggestions(cli, tmp_path, command):
    """An unknown subdivision exits 2 at the country's line and column, naming the choices."""
    case = tmp_path / "london.yaml"
    case.write_text(SUBDIVISION_CASE.format(country="GB-EN"), encoding="utf-8")
    args = [command, case] + (["--today", "2026-03-31"] if command == "plan" else [])
    result = cli(*args)
    assert result.code == 2
    assert f"{case}:5:10: 'GB' has no subdivision 'EN'" in result.err
    assert "(did you mean 'GB-ENG'?); expected GB alone or one of GB-ENG, GB-NIR" in result.err
    assert "Traceback" not in result.err


def test_plan_without_a_country_does_not_import_holidays(tmp_path):
    """The holidays package (~100 ms to import) stays off the plan path without a country."""
    case = tmp_path / "plain.yaml"
    case.write_text(
        SUBDIVISION_CASE.format(country="-").replace("country: -\n", ""), encoding="utf-8"
    )
    code = (
        "import sys; from followup.cli.main import main\n"
        f"try: main(['plan', {str(case)!r}, '--today', '2026-03-31'])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'holidays'"
        " or m == 'followup.timeline.holiday_library'))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert "check in by email" in out
    assert out.strip().splitlines()[-1] == "[]"


def test_a_case_without_a_country_says_public_holidays_are_work_days(cli, tmp_path):
    """Christmas Day is a work day for a case that names no country: the plan says so."""
    case = tmp_path / "xmas.yaml"
    case.write_text(
        "id: xmas\nplaybook: stalker-free\ninterview: 2026-12-16\n"
        "employer: {decision_by: 2026-12-24}\n",
        encoding="utf-8",
    )
    plain = cli("plan", case, "--today", "2026-12-17")
    assert plain.code == 0, plain.err
    assert plain.out.splitlines()[3].startswith("Days off: weekends only.")
    assert "public holidays count as work days" in " ".join(plain.out.split())
    case.write_text(case.read_text(encoding="utf-8") + "country: US\n", encoding="utf-8")
    with_country = cli("plan", case, "--today", "2026-12-17")
    assert "public holidays" not in with_country.out
