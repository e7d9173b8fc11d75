"""Steps for choosing and switching playbooks (features/choosing/), in the job seeker's words.

They drive ``followup choose``, ``switch``, ``status`` and ``undo`` on the scenario's own tracker
(the ``seeker`` fixture and "I track my application at ..." of features/conftest.py).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pytest_bdd import given, parsers, then, when

from followup import catalog
from followup.bdd.world import World
from followup.engine.plan import plan_case
from followup.model.vocabulary import NUDGE_KINDS
from followup.semantics.meaning import NEWS_KIND
from followup.timeline.calendar import BusinessCalendar
from followup.tracker.store import open_store

COMPANY = r'"(?P<company>[^"]+)"'
DATE = r"\d{4}-\d{2}-\d{2}"


def _run(seeker: Any, cli: Any, *argv: Any) -> Any:
    result = cli(*argv, "--db", seeker.db)
    seeker.code, seeker.out, seeker.err = result.code, result.out, result.err
    return seeker


def _choose(seeker: Any, cli: Any, world: World, company: str, *flags: str) -> None:
    today = world.today.isoformat()
    _run(seeker, cli, "choose", seeker.ids[company], *flags, "--today", today, "--json")
    assert seeker.code == 0, seeker.err
    seeker.choice = json.loads(seeker.out.split("\nsaved:")[0])


@given(
    parsers.re(
        rf"I recorded a competing offer at {COMPANY} on (?P<day>{DATE}), "
        rf"to answer by (?P<deadline>{DATE})"
    )
)
def i_recorded_an_offer(
    seeker: Any, cli: Any, followup_world: World, company: str, day: str, deadline: str
) -> None:
    """``followup log APP competing_offer --date D --deadline D``."""
    today = followup_world.today.isoformat()
    app = seeker.ids[company]
    argv = ("log", app, "competing_offer", "--date", day, "--deadline", deadline)
    _run(seeker, cli, *argv, "--today", today)
    assert seeker.code == 0, seeker.err
    seeker.deadline = date.fromisoformat(deadline)


@when(
    parsers.re(
        rf"I choose a playbook for {COMPANY}, wanting to be (?P<how>gentle|steady|persistent)$"
    )
)
def i_choose(seeker: Any, cli: Any, followup_world: World, company: str, how: str) -> None:
    """``followup choose APP --persistence HOW`` (not on a terminal: no questions)."""
    _choose(seeker, cli, followup_world, company, "--persistence", how)


@when(parsers.re(rf"I choose a playbook for {COMPANY}, saying they asked me not to follow up"))
def i_choose_not_wanted(seeker: Any, cli: Any, followup_world: World, company: str) -> None:
    """``followup choose APP --employer-said not_wanted``."""
    _choose(seeker, cli, followup_world, company, "--employer-said", "not_wanted")


@when(
    parsers.re(
        rf"I choose a playbook for {COMPANY}, wanting to be (?P<how>gentle|steady|persistent), "
        "and apply it"
    )
)
def i_choose_and_apply(
    seeker: Any, cli: Any, followup_world: World, company: str, how: str
) -> None:
    """``followup choose APP --persistence HOW --apply``."""
    _choose(seeker, cli, followup_world, company, "--persistence", how, "--apply")


@when(parsers.re(rf'I switch my application at {COMPANY} to "(?P<playbook>[^"]+)"'))
def i_switch(seeker: Any, cli: Any, followup_world: World, company: str, playbook: str) -> None:
    """``followup switch APP ID``."""
    today = followup_world.today.isoformat()
    _run(seeker, cli, "switch", seeker.ids[company], playbook, "--today", today)


@when(parsers.re(rf"I undo the last thing I recorded on {COMPANY}"))
def i_undo(seeker: Any, cli: Any, company: str) -> None:
    """``followup undo APP``."""
    _run(seeker, cli, "undo", seeker.ids[company])
    assert seeker.code == 0, seeker.err


def _status(seeker: Any, cli: Any, world: World, company: str) -> dict[str, Any]:
    today = world.today.isoformat()
    result = cli("status", seeker.ids[company], "--today", today, "--json", "--db", seeker.db)
    assert result.code == 0, result.err
    return dict(json.loads(result.out))


@then(
    parsers.re(
        r"the playbook recommended to me checks in at least (?P<n>\d+) times if they stay silent"
    )
)
def recommended_checks_in(seeker: Any, n: str) -> None:
    best = seeker.choice["ranking"][0]
    assert best["id"] == seeker.choice["recommended"]
    nudges = [s for s in best["plan"]["schedule"] if s["action"] in NUDGE_KINDS]
    assert len(nudges) >= int(n), best["id"]


@then("every reason I am given names the rule and the article section behind it")
def reasons_traced(seeker: Any) -> None:
    for row in seeker.choice["ranking"]:
        actions = {a.id for a in catalog.load(row["id"]).playbook.actions}
        for reason in row["reasons"]:
            assert reason["source"], reason
            if reason["rule"]:
                assert reason["rule"] in actions, reason
                assert "section" in reason["source"], reason


@then("the playbook recommended to me tells them about my offer before I must answer it")
def recommended_tells(seeker: Any) -> None:
    best = seeker.choice["ranking"][0]
    told = [s for s in best["plan"]["schedule"] if s["action"] == NEWS_KIND]
    assert told, best["id"]
    assert date.fromisoformat(told[0].get("send_on") or told[0]["due"]) < seeker.deadline


@then("every playbook with no step for telling them is marked down for it")
def untold_marked_down(seeker: Any) -> None:
    ranking = seeker.choice["ranking"]
    silent = [
        r for r in ranking if not any(s["action"] == NEWS_KIND for s in r["plan"]["schedule"])
    ]
    assert silent, "every bundled playbook tells them: nothing to mark down"
    for row in silent:
        against = [r for r in row["reasons"] if r["weight"] < 0 and "competing offer" in r["text"]]
        assert against, row["id"]


@then("no playbook that checks in anyway is recommended to me")
def none_checks_in(seeker: Any) -> None:
    best = seeker.choice["ranking"][0]
    assert not [s for s in best["plan"]["schedule"] if s["action"] in NUDGE_KINDS]


@then(parsers.re(rf"my application at {COMPANY} follows the playbook recommended to me"))
def follows_recommended(seeker: Any, cli: Any, followup_world: World, company: str) -> None:
    status = _status(seeker, cli, followup_world, company)
    assert status["playbook"] == seeker.choice["recommended"]


@then(parsers.re(rf'my application at {COMPANY} follows "(?P<playbook>[^"]+)"'))
def follows(seeker: Any, cli: Any, followup_world: World, company: str, playbook: str) -> None:
    assert _status(seeker, cli, followup_world, company)["playbook"] == playbook


@then("its history shows that I switched playbook")
def history_shows_switch(seeker: Any, cli: Any, followup_world: World) -> None:
    (company,) = seeker.ids
    text = cli(
        "status",
        seeker.ids[company],
        "--today",
        followup_world.today.isoformat(),
        "--db",
        seeker.db,
    ).out
    assert "switched playbook from week-then-on-hold to " + seeker.choice["recommended"] in text


@then(parsers.re(r'its plan is what "(?P<playbook>[^"]+)" plans for it'))
def plan_is(seeker: Any, cli: Any, followup_world: World, playbook: str) -> None:
    (company,) = seeker.ids
    status = _status(seeker, cli, followup_world, company)
    with open_store(seeker.db) as store:
        case = store.case(seeker.ids[company])
    today = date.fromisoformat(followup_world.today.isoformat())
    plan = plan_case(catalog.load(playbook), case, today, BusinessCalendar(None))
    assert [(s["action"], s["due"]) for s in status["plan"]["schedule"]] == [
        (s.action, s.due.isoformat()) for s in plan.schedule
    ]
