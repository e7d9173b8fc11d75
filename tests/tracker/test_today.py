"""followup today: what is due across applications, in date order, to whom, and why."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from followup.catalog import bundled_dir

TODAY = "2026-03-12"


def _add(tracker, company: str, interviewed: str, *people: str) -> str:
    argv = ["add", "--company", company, "--role", "Engineer", "--interviewed", interviewed]
    for person in people:
        argv += ["--interviewer", person]
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
        {"name": "Dana Reyes", "email": "dana@acme.example"}
    ]
    assert by_id[acme, "check_in"]["days_overdue"] == 3
    assert by_id[beta, "thank_you"]["recipients"] == [
        {"name": "Ann Lee", "email": "ann@beta.example"},
        {"name": "Bo Li", "email": "bo@b.example"},
    ]
    assert by_id[gamma, "thank_you"]["recipients"] == [{"name": "Gamma", "email": None}]
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
