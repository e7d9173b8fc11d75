"""``followup agenda``: the next step of every case in a folder or a JSON Lines file."""

from __future__ import annotations

import json
import shutil

import pytest

TODAY = "2026-03-12"
AGENDA_KEYS = {"case", "playbook", "state", "outcome", "next"}
NEXT_KEYS = {"action", "due", "channel", "why", "source"}


def case_line(case_id: str, events: list[dict[str, str]]) -> str:
    """One JSON Lines case on the bundled playbook, interviewed Monday 2026-03-02."""
    data = {
        "id": case_id,
        "interview": "2026-03-02",
        "playbook": "week-then-on-hold",
        "events": events,
    }
    return json.dumps(data)


THANKED = case_line("thanked", [{"date": "2026-03-02", "type": "thank_you_sent"}])
OFFER = case_line("offered", [{"date": "2026-03-05", "type": "reply", "outcome": "offer"}])
BAD_TYPE = case_line("typo", [{"date": "2026-03-02", "type": "thanks"}])


def json_lines(text: str) -> list[dict]:
    """Parse one JSON object per output line."""
    return [json.loads(line) for line in text.splitlines()]


def test_agenda_json_from_a_folder(cli, example, tmp_path):
    """One JSON line per case file in the folder, in file-name order."""
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(example, folder / "acme-data-eng.yaml")
    (folder / "zz-offer.yaml").write_text(
        "id: zz-offer\ninterview: 2026-03-02\nplaybook: week-then-on-hold\n"
        "events:\n  - {date: 2026-03-05, type: reply, outcome: offer}\n",
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("not a case", encoding="utf-8")
    result = cli("agenda", folder, "--today", TODAY, "--json")
    assert result.code == 0, result.err
    rows = json_lines(result.out)
    assert [r["case"] for r in rows] == ["acme-data-eng", "zz-offer"]
    assert all(set(r) == AGENDA_KEYS for r in rows)
    first = rows[0]
    assert (first["playbook"], first["state"]) == ("week-then-on-hold", "waiting")
    assert set(first["next"]) == NEXT_KEYS
    assert (first["next"]["action"], first["next"]["due"], first["next"]["channel"]) == (
        "check_in",
        "2026-03-09",
        "email",
    )
    assert first["next"]["why"].startswith("check-in-after-a-week:")
    # Closed with an offer, the one step left is to answer it.
    assert {k: rows[1][k] for k in ("case", "playbook", "state")} == {
        "case": "zz-offer",
        "playbook": "week-then-on-hold",
        "state": "closed",
    }
    assert (rows[1]["next"]["action"], rows[1]["next"]["due"]) == ("answer_offer", "2026-03-05")


def test_agenda_json_from_the_examples_folder(cli, example):
    """The shipped examples folder plans cleanly, the Acme case among them."""
    result = cli("agenda", example.parent, "--today", TODAY, "--json")
    assert result.code == 0, result.err
    rows = {r["case"]: r for r in json_lines(result.out)}
    assert rows["acme-data-eng"]["next"]["due"] == "2026-03-09"


def test_agenda_json_from_a_jsonl_file(cli, tmp_path):
    """One output line per input line, blank lines skipped."""
    batch = tmp_path / "cases.jsonl"
    batch.write_text(f"{THANKED}\n\n{OFFER}\n", encoding="utf-8")
    result = cli("agenda", batch, "--today", TODAY, "--json")
    assert result.code == 0, result.err
    rows = json_lines(result.out)
    assert [(r["case"], r["state"]) for r in rows] == [
        ("thanked", "waiting"),
        ("offered", "closed"),
    ]
    assert rows[0]["next"]["due"] == "2026-03-09"
    assert rows[1]["next"]["action"] == "answer_offer"


def test_a_byte_order_mark_before_the_first_line_is_not_a_bad_case(cli, tmp_path):
    """An editor's BOM (and CRLF line ends) must not cost the first case."""
    batch = tmp_path / "cases.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + f"{THANKED}\r\n{OFFER}\r\n".encode())
    result = cli("agenda", batch, "--today", TODAY, "--json")
    assert result.code == 0, result.err
    assert [r["case"] for r in json_lines(result.out)] == ["thanked", "offered"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_case_file_is_a_batch_of_one(cli, example, jobs):
    """A YAML case file is planned as one case, not read as 17 bad JSON lines."""
    result = cli("agenda", example, "--today", TODAY, "--json", "--jobs", jobs)
    assert result.code == 0, result.err
    assert [r["case"] for r in json_lines(result.out)] == ["acme-data-eng"]


def test_agenda_continues_past_bad_lines_and_exits_2(cli, tmp_path):
    """Bad lines are reported, located, on stderr; the good ones are still planned."""
    batch = tmp_path / "cases.jsonl"
    batch.write_text(f"{THANKED}\n{BAD_TYPE}\nnot json\n{OFFER}\n", encoding="utf-8")
    result = cli("agenda", batch, "--today", TODAY, "--json")
    assert result.code == 2
    assert [r["case"] for r in json_lines(result.out)] == ["thanked", "offered"]
    assert f"{batch}:2:" in result.err
    assert "thank_you_sent" in result.err  # the did-you-mean for 'thanks'
    assert f"{batch}:3:1: not valid JSON" in result.err
    assert "2 case(s) had problems" in result.err
    assert "Traceback" not in result.err


def test_agenda_reports_a_second_case_with_the_same_id(cli, tmp_path):
    """Two lines with one id would give two answers for one case: the later line is a located
    problem naming the case and the earlier line, and every other case is still planned."""
    batch = tmp_path / "cases.jsonl"
    again = case_line("thanked", [])
    batch.write_text(f"{THANKED}\n{OFFER}\n{again}\n{BAD_TYPE}\n", encoding="utf-8")
    result = cli("agenda", batch, "--today", TODAY, "--json")
    assert result.code == 2
    rows = json_lines(result.out)
    assert [(r["case"], r["next"]["due"]) for r in rows] == [
        ("thanked", "2026-03-09"),
        ("offered", "2026-03-05"),
    ]
    assert f"{batch}:3:" in result.err
    assert "case 'thanked': the id is already used by the case on line 1" in result.err
    assert f"{batch}:4:" in result.err  # the line after it is still read and checked
    assert "2 case(s) had problems" in result.err
    table = cli("agenda", batch, "--today", TODAY)
    assert table.code == 2
    assert table.err == result.err
    assert [line.split()[3] for line in table.out.splitlines()[2:4]] == ["offered", "thanked"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_id_taken_by_a_refused_case_is_still_taken(cli, tmp_path, jobs):
    """A case refused for its own mistake still holds its id: a later case with that id is
    reported too (as validate reports it), so fixing the first never brings a new error."""
    batch = tmp_path / "cases.jsonl"
    batch.write_text(f"{BAD_TYPE}\n{case_line('typo', [])}\n{OFFER}\n", encoding="utf-8")
    result = cli("agenda", batch, "--today", TODAY, "--json", "--jobs", jobs)
    assert result.code == 2
    assert [r["case"] for r in json_lines(result.out)] == ["offered"]
    assert "case 'typo': the id is already used by the case on line 1" in result.err
    checked = cli("validate", batch)
    assert "case 'typo': the id is already used by the case on line 1" in checked.err


def test_agenda_reports_two_case_files_with_the_same_id(cli, tmp_path):
    """In a folder, the later file with an id already seen is reported, naming the first."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_text(
            "id: same\ninterview: 2026-03-02\nplaybook: week-then-on-hold\n", encoding="utf-8"
        )
    result = cli("agenda", folder, "--today", TODAY, "--json")
    assert result.code == 2
    assert [r["case"] for r in json_lines(result.out)] == ["same"]
    first, second = folder / "a.yaml", folder / "b.yaml"
    assert f"{second}:1:5: case 'same': the id is already used by the case in {first}" in (
        result.err
    )


def test_agenda_case_without_id_in_a_batch(cli, tmp_path):
    """Every case in a JSON Lines batch needs an id."""
    batch = tmp_path / "cases.jsonl"
    no_id = json.dumps({"interview": "2026-03-02", "playbook": "week-then-on-hold"})
    batch.write_text(f"{no_id}\n{THANKED}\n", encoding="utf-8")
    result = cli("agenda", batch, "--today", TODAY, "--json")
    assert result.code == 2
    assert f"{batch}:1:1: the case has no 'id'" in result.err
    assert [r["case"] for r in json_lines(result.out)] == ["thanked"]


def test_agenda_text_table(cli, tmp_path):
    """The text agenda lists due cases first (overdue marked '!'), then the rest."""
    batch = tmp_path / "cases.jsonl"
    rejected = case_line(
        "rejected", [{"date": "2026-03-05", "type": "reply", "outcome": "rejection"}]
    )
    batch.write_text(f"{OFFER}\n{THANKED}\n{rejected}\n", encoding="utf-8")
    result = cli("agenda", batch, "--today", TODAY)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Agenda for Thu 2026-03-12: 2 case(s) with a next step"
    assert lines[2].startswith("! Thu 2026-03-05  offered")
    assert "answer their offer  [closed]" in lines[2]
    assert lines[3].startswith("! Mon 2026-03-09  thanked")
    assert "check in by email  [waiting]" in lines[3]
    assert "Nothing to do" in lines
    assert lines[-1].split() == ["rejected", "closed:", "rejection"]


def test_agenda_json_says_how_a_closed_case_ended(cli, tmp_path):
    """Each JSON line carries the plan's outcome, as the text's 'closed: ...' does: null while
    the case is open, how it ended once closed (the playbook giving up included)."""
    batch = tmp_path / "cases.jsonl"
    rejected = case_line(
        "rejected", [{"date": "2026-03-05", "type": "reply", "outcome": "rejection"}]
    )
    batch.write_text(f"{THANKED}\n{OFFER}\n{rejected}\n", encoding="utf-8")
    rows = json_lines(cli("agenda", batch, "--today", TODAY, "--json").out)
    assert [(r["case"], r["outcome"]) for r in rows] == [
        ("thanked", None),
        ("offered", "offer"),
        ("rejected", "rejection"),
    ]
    later = cli("agenda", batch, "--today", "2026-06-01", "--json")
    assert later.code == 0, later.err
    gave_up = json_lines(later.out)[0]
    assert (gave_up["case"], gave_up["state"], gave_up["outcome"]) == (
        "thanked",
        "closed",
        "moved_on",
    )
    text = cli("agenda", batch, "--today", "2026-06-01").out.splitlines()
    assert ["thanked", "closed:", "moved_on"] in [line.split() for line in text]


def test_agenda_with_a_fixed_playbook(cli, tmp_path):
    """--playbook applies to every case, even those naming none."""
    batch = tmp_path / "cases.jsonl"
    batch.write_text(json.dumps({"id": "plain", "interview": "2026-03-02"}) + "\n", "utf-8")
    without = cli("agenda", batch, "--today", TODAY, "--json")
    assert without.code == 2
    assert "names no playbook" in without.err
    fixed = cli("agenda", batch, "--today", TODAY, "--json", "--playbook", "week-then-on-hold")
    assert fixed.code == 0, fixed.err
    assert json_lines(fixed.out)[0]["playbook"] == "week-then-on-hold"


def test_agenda_missing_path_and_bad_today(cli, tmp_path):
    """A batch that does not exist, or an impossible --today, exits 2."""
    missing = cli("agenda", tmp_path / "none.jsonl", "--today", TODAY)
    assert missing.code == 2
    assert "none.jsonl" in missing.err
    bad_day = cli("agenda", tmp_path, "--today", "2026-02-30")
    assert bad_day.code == 2
    assert "2026-02-30" in bad_day.err
    assert "Traceback" not in missing.err + bad_day.err


def test_agenda_batch_with_subdivisions_and_other_weekends(cli, tmp_path):
    """One batch mixes no country, IL, GB-ENG and an unknown subdivision: the bad line is
    located, the others are planned by their own weekends and holidays."""
    lines = [
        ("plain", "2026-03-06", None),
        ("telaviv", "2026-03-06", "IL"),
        ("london", "2026-03-30", "GB-ENG"),
        ("nowhere", "2026-03-30", "GB-XX"),
    ]
    batch = tmp_path / "cases.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for case_id, day, country in lines:
            case = {"id": case_id, "interview": day, "playbook": "week-then-on-hold"}
            case["events"] = [{"date": day, "type": "thank_you_sent", "channel": "email"}]
            if country:
                case["country"] = country
            out.write(json.dumps(case) + "\n")
    result = cli("agenda", batch, "--today", "2026-03-31", "--json")
    assert result.code == 2
    dues = {row["case"]: row["next"]["due"] for row in json_lines(result.out)}
    # A week after a Friday is a Friday: a working day by default, the weekend in Israel,
    # where Sunday is the next working day.  A week after 2026-03-30 is England's Easter Monday.
    assert dues == {"plain": "2026-03-13", "telaviv": "2026-03-15", "london": "2026-04-07"}
    assert f"{batch}:4:" in result.err
    assert "'GB' has no subdivision 'XX'" in result.err
    assert "Traceback" not in result.err


def test_agenda_text_shows_a_window_as_the_plan_does():
    """A step with a window reads as `followup plan` says it, and the columns still line up."""
    from datetime import date

    from followup.engine.result import Step
    from followup.render.agenda_text import Row, agenda_table
    from followup.render.words import step_day

    def step(due: date, latest: date | None) -> Step:
        return Step("check_in", due, "email", "r", "Go.", "s", latest=latest)

    window = step(date(2026, 3, 9), date(2026, 3, 11))
    rows = [
        Row("wide", "waiting", None, window),
        Row("one", "thanked", None, step(date(2026, 3, 10), None)),
    ]
    lines = agenda_table(rows, date(2026, 3, 5)).splitlines()
    assert step_day(window.due, window.latest) == "between Mon 9 and Wed 11 March"
    assert lines[2] == "  between Mon 9 and Wed 11 March  wide  check in by email  [waiting]"
    assert lines[3] == "  Tue 2026-03-10                  one   check in by email  [thanked]"
