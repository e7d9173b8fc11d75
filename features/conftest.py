"""Steps for the job seeker's tracker scenarios (features/tracker/), in their own words.

The shared step library (`followup.bdd.plugin.LIBRARY`) describes one case for a playbook; these
steps drive the ``followup`` commands on a tracker of the scenario's own, the way the job seeker
does.
"Today" is the library's (``Given today is ...``), passed to every command as ``--today``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when
from tests.old_tracker import old_tracker

from followup.bdd.world import World

DATE = r"\d{4}-\d{2}-\d{2}"
COMPANY = r'"(?P<company>[^"]+)"'


@dataclass
class Seeker:
    """The scenario's tracker, the ids of its applications and the last command's answer."""

    db: Path
    ids: dict[str, str] = field(default_factory=dict)
    code: int = 0
    out: str = ""
    err: str = ""
    last_seq: int = 0  # the history number of the last correction made
    playbook_file: Path | None = None  # a playbook of the job seeker's own, as a file

    def json(self) -> Any:
        """The last answer's stdout as JSON."""
        return json.loads(self.out)


@pytest.fixture
def seeker(tmp_path: Path) -> Seeker:
    """A tracker of the scenario's own."""
    return Seeker(tmp_path / "tracker.db")


def _run(seeker: Seeker, cli: Any, *argv: str | Path) -> Seeker:
    result = cli(*argv, "--db", seeker.db)
    seeker.code, seeker.out, seeker.err = result.code, result.out, result.err
    return seeker


def _today(world: World) -> str:
    return world.today.isoformat()


@given(parsers.re(rf"I track my application at {COMPANY}, interviewed on (?P<day>{DATE})"))
def i_track(seeker: Seeker, cli: Any, company: str, day: str) -> None:
    """``followup add`` (the role does not matter to these scenarios)."""
    _run(seeker, cli, "add", "--company", company, "--role", "Engineer", "--interviewed", day)
    assert seeker.code == 0, seeker.err
    seeker.ids[company] = seeker.out.strip()


@given(parsers.re(r'my tracker holds an application an older followup saved as "(?P<app>[^"]+)"'))
def an_old_application(seeker: Seeker, app: str) -> None:
    """A row from before ids were checked (its id is no id), at a company of its own (the same
    company, role and interview as another would make it a likely duplicate of it)."""
    old_tracker(seeker.db, {app: {"company": "Initech"}})


@given("someone removed the safeguards of my tracker's history")
def safeguards_removed(seeker: Seeker) -> None:
    """Triggers dropped with another tool, as if to rewrite an event."""
    conn = sqlite3.connect(seeker.db)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_replace")
    conn.commit()
    conn.close()


@when(parsers.re(rf"I record networking at {COMPANY} dated (?P<day>{DATE})"))
def i_log(seeker: Seeker, cli: Any, followup_world: World, company: str, day: str) -> None:
    """``followup log APP networked --date D``."""
    app = seeker.ids[company]
    _run(seeker, cli, "log", app, "networked", "--date", day, "--today", _today(followup_world))


HOW = r"(?P<how>an offer|a rejection|withdrawn)"


@when(parsers.re(rf"I close my application at {COMPANY} as {HOW} dated (?P<day>{DATE})"))
def i_close(
    seeker: Seeker, cli: Any, followup_world: World, company: str, how: str, day: str
) -> None:
    """``followup close APP --as ... --date D``."""
    outcome = {"an offer": "offer", "a rejection": "rejection", "withdrawn": "withdrew"}[how]
    app = seeker.ids[company]
    today = _today(followup_world)
    _run(seeker, cli, "close", app, "--as", outcome, "--date", day, "--today", today)


@when(parsers.re(r'I import the case file "(?P<name>[^"]+)" holding:'))
def i_import(
    seeker: Seeker, cli: Any, followup_world: World, tmp_path: Path, name: str, docstring: str
) -> None:
    """``followup import FILE`` with the scenario's text as the file."""
    path = tmp_path / name
    path.write_text(docstring + "\n", encoding="utf-8")
    _run(seeker, cli, "import", path, "--today", _today(followup_world))


@when("I ask the doctor about my tracker")
def i_ask_the_doctor(seeker: Seeker, cli: Any, followup_world: World) -> None:
    """``followup doctor --json``."""
    _run(seeker, cli, "doctor", "--json", "--today", _today(followup_world))


@when("I ask the doctor to repair my tracker")
def i_ask_for_repair(seeker: Seeker, cli: Any, followup_world: World) -> None:
    """``followup doctor --repair --json``."""
    _run(seeker, cli, "doctor", "--repair", "--json", "--today", _today(followup_world))


@when("I list my applications")
def i_list(seeker: Seeker, cli: Any, followup_world: World) -> None:
    """``followup list``."""
    _run(seeker, cli, "list", "--today", _today(followup_world))


@then(parsers.re(r'I am told "(?P<text>[^"]+)"'))
def i_am_told(seeker: Seeker, text: str) -> None:
    """The message (on stderr), and the exit code of a refusal."""
    assert seeker.code == 2, (seeker.code, seeker.err)
    assert text in seeker.err, seeker.err
    assert "Traceback" not in seeker.err


@then(parsers.re(rf"nothing is recorded on my application at {COMPANY}"))
def nothing_recorded(seeker: Seeker, cli: Any, company: str) -> None:
    """Its history is empty."""
    result = cli("status", seeker.ids[company], "--json", "--db", seeker.db)
    assert json.loads(result.out)["history"] == []


@then("nothing is imported")
def nothing_imported(seeker: Seeker, cli: Any) -> None:
    """The tracker holds no application."""
    result = cli("list", "--all", "--json", "--db", seeker.db)
    assert json.loads(result.out) == []


@then(parsers.re(rf"my application at {COMPANY} is (?P<state>open|closed)"))
def it_is(seeker: Seeker, cli: Any, followup_world: World, company: str, state: str) -> None:
    """Open or closed, as ``followup list --all`` gives its state (an offer still to answer is
    closed but stays in ``followup list``)."""
    today = _today(followup_world)
    result = cli("list", "--all", "--json", "--today", today, "--db", seeker.db)
    states = {row["id"]: row["state"] for row in json.loads(result.out)}
    assert (states[seeker.ids[company]] == "closed") == (state == "closed")


@then("the doctor says my tracker is healthy")
def healthy(seeker: Seeker) -> None:
    """Exit 0 and every check ok."""
    assert seeker.code == 0, seeker.err
    assert seeker.json()["healthy"] is True


@then(parsers.re(r"the doctor finds a problem with (?P<what>the safeguards|\"[^\"]+\")"))
def a_problem(seeker: Seeker, what: str) -> None:
    """Exit 1, the finding under its check."""
    assert seeker.code == 1, seeker.err
    checks = seeker.json()["checks"]
    if what == "the safeguards":
        assert checks["safeguards"]["ok"] is False
    else:
        assert [p["id"] for p in checks["applications"]["problems"]] == [what.strip('"')]


@then(parsers.re(r'the doctor archived "(?P<app>[^"]+)" and deleted nothing'))
def archived(seeker: Seeker, app: str) -> None:
    """The application is archived; it is still in the database, as are its rows."""
    assert app in seeker.json()["archived"]
    conn = sqlite3.connect(seeker.db)
    try:
        assert conn.execute("SELECT count(*) FROM applications WHERE id = ?", (app,)).fetchone()
    finally:
        conn.close()


@then(parsers.re(r'followup refuses to write and tells me to run "(?P<command>[^"]+)"'))
def refuses_to_write(seeker: Seeker, command: str) -> None:
    """Exit 2, the reason, and the command to run."""
    assert seeker.code == 2, seeker.err
    assert "refusing to write" in seeker.err
    assert command in seeker.err


@then(parsers.re(rf'I see {COMPANY} and "(?P<app>[^"]+)" is named as a problem'))
def shown_and_named(seeker: Seeker, company: str, app: str) -> None:
    """The good application listed; the bad one on a stderr line of its own; exit 1."""
    assert seeker.code == 1, seeker.err
    assert company in seeker.out
    assert any(line.startswith(f"{app}: ") for line in seeker.err.splitlines()), seeker.err


@when(parsers.re(rf"I correct the interview date at {COMPANY} to (?P<day>{DATE})"))
def i_correct_the_date(seeker: Seeker, cli: Any, company: str, day: str) -> None:
    """``followup edit APP --interviewed D --json``."""
    _run(seeker, cli, "edit", seeker.ids[company], "--interviewed", day, "--json")
    assert seeker.code == 0, seeker.err
    seeker.last_seq = int(seeker.json()["seq"])


@when(parsers.re(rf"I take back the correction at {COMPANY}"))
def i_take_it_back(seeker: Seeker, cli: Any, company: str) -> None:
    """``followup undo APP N`` with the number the correction was given."""
    _run(seeker, cli, "undo", seeker.ids[company], str(seeker.last_seq))
    assert seeker.code == 0, seeker.err


@when(parsers.re(rf"I add my application at {COMPANY}, interviewed on (?P<day>{DATE}), again"))
def i_add_again(seeker: Seeker, cli: Any, company: str, day: str) -> None:
    """``followup add`` with the same company, role and date."""
    _run(seeker, cli, "add", "--company", company, "--role", "Engineer", "--interviewed", day)


@when(parsers.re(rf"I (?P<verb>archive|unarchive) my application at {COMPANY}"))
def i_archive(seeker: Seeker, cli: Any, verb: str, company: str) -> None:
    """``followup archive APP`` / ``followup unarchive APP``."""
    _run(seeker, cli, verb, seeker.ids[company])
    assert seeker.code == 0, seeker.err


@then(parsers.re(rf"my application at {COMPANY} was interviewed on (?P<day>{DATE})"))
def interviewed_on(seeker: Seeker, cli: Any, followup_world: World, company: str, day: str) -> None:
    """``followup status APP --json`` says so."""
    result = cli("status", seeker.ids[company], "--json", "--db", seeker.db)
    assert json.loads(result.out)["interview"] == day


@then(parsers.re(rf'the history of my application at {COMPANY} shows "(?P<text>[^"]+)"'))
def history_shows(seeker: Seeker, cli: Any, followup_world: World, company: str, text: str) -> None:
    """``followup status APP`` lists it."""
    today = _today(followup_world)
    result = cli("status", seeker.ids[company], "--today", today, "--db", seeker.db)
    assert text in result.out, result.out


@then(parsers.re(rf"my application at {COMPANY} is not listed"))
def not_listed(seeker: Seeker, cli: Any, company: str) -> None:
    """Not even ``followup list --all`` shows it."""
    result = cli("list", "--all", "--json", "--db", seeker.db)
    assert seeker.ids[company] not in {row["id"] for row in json.loads(result.out)}


@given(parsers.re(rf"my application at {COMPANY} follows a playbook file of my own"))
def my_own_playbook(seeker: Seeker, cli: Any, tmp_path: Path, company: str) -> None:
    """``followup switch APP FILE`` to a copy of week-then-on-hold with an id of its own."""
    bundled = Path(__file__).resolve().parents[1] / "playbooks" / "week-then-on-hold.yaml"
    text = bundled.read_text(encoding="utf-8").replace("id: week-then-on-hold", "id: mine", 1)
    seeker.playbook_file = tmp_path / "mine.yaml"
    seeker.playbook_file.write_text(text, encoding="utf-8")
    _run(seeker, cli, "switch", seeker.ids[company], seeker.playbook_file)
    assert seeker.code == 0, seeker.err


@when("my playbook file is deleted")
def playbook_deleted(seeker: Seeker) -> None:
    """The file the application follows is gone."""
    assert seeker.playbook_file is not None
    seeker.playbook_file.unlink()


@then(
    parsers.re(
        rf"I am told my (?P<what>networking|undo) at {COMPANY} was saved, "
        r'and then "(?P<text>[^"]+)"'
    )
)
def saved_then_told(seeker: Seeker, what: str, company: str, text: str) -> None:
    """Exit 2; stderr says first what was saved, to which application, in which tracker, and
    that it is kept; then why there is no plan."""
    assert seeker.code == 2, seeker.err
    app = seeker.ids[company]
    saved, why = seeker.err.splitlines()[-2:]
    assert saved.startswith(f"followup: saved: {app} #"), seeker.err
    assert ("networked" if what == "networking" else "retracts") in saved, seeker.err
    assert f"in the tracker at {seeker.db}; it is kept" in saved, seeker.err
    assert text in why, seeker.err


@when(parsers.re(rf"I undo the last entry at {COMPANY}"))
def i_undo(seeker: Seeker, cli: Any, company: str) -> None:
    """``followup undo APP``."""
    _run(seeker, cli, "undo", seeker.ids[company])


@then(parsers.re(rf"the history of my application at {COMPANY} keeps (?P<count>\d+) entries"))
def history_keeps(seeker: Seeker, cli: Any, company: str, count: str) -> None:
    """``followup history APP --json`` (which needs no playbook) lists that many."""
    result = cli("history", seeker.ids[company], "--json", "--db", seeker.db)
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == int(count)


# The steps about choosing and switching playbooks (features/choosing/) are kept in their own
# module; importing them here is what makes pytest-bdd see them for every feature file.
from features.choosing.steps import *  # noqa: E402, F403
