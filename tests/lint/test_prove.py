"""``followup prove`` and ``lint --prove``: the worst case is found, real, and tight."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case
from followup.lint.bounds import bounds
from followup.lint.findings import Report, Witness, window_of
from followup.lint.gherkin import CASE_FILE, event_fields, scenario
from followup.lint.offsets import EMPLOYER_DATES_MAX
from followup.lint.prove import prove
from followup.lint.report import text as report_text
from followup.lint.search import Search, direct_contact, own_word_ids
from followup.lint.space import ProofOptions, Space, Start, build_space
from followup.model.case import Case, Employer, Event, Interviewer
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import Duration

from .conftest import BUNDLED, HEADER, PESTY, REPO

PLAIN = BusinessCalendar(None)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    """The proof of every bundled playbook (computed once: a few seconds)."""
    return {
        path.stem: prove(catalog.load(str(path)), ProofOptions(sound=False)) for path in BUNDLED
    }


def _case(start: Start, events: list[tuple[int, ...]]) -> Case:
    """A witness path as a case the engine can replay."""
    people = tuple(Interviewer(f"Interviewer {i + 1}") for i in range(start.interviewers))
    built = []
    for i, ev in enumerate(events):
        f = event_fields(start, ev)  # type: ignore[arg-type]
        day = {
            k: date.fromisoformat(v)
            for k, v in f.items()
            if k not in ("type", "channel", "outcome")
        }
        built.append(
            Event(
                day["date"],
                f["type"],
                i,
                f.get("channel"),
                f.get("outcome"),
                day.get("decision_by"),
                day.get("deadline"),
                day.get("due"),
                day.get("interview"),
            )
        )
    return Case(
        "path", start.interview, employer=start.employer, interviewers=people, events=tuple(built)
    )


def _recommended(cp: CompiledPlaybook, witness: Witness) -> list[str]:
    """Steps of a witness the engine did not recommend (empty when every one was)."""
    wrong = []
    for i, ev in enumerate(witness.events):
        if not ev[5]:
            continue  # outside news, not a step
        day = witness.start.interview + timedelta(days=ev[0])
        before = _case(witness.start, list(witness.events[:i]))
        now = plan_case(cp, before, day, PLAIN)
        # The day before's plan counts too: a timer due the same day fires before a plan asked
        # on that day, yet the step recorded that day still goes first (replay's order).
        earlier = plan_case(cp, before, max(day - timedelta(days=1), before.interview), PLAIN)
        if not (
            any(s.rule_id == ev[5] for s in now.next)
            or any(s.rule_id == ev[5] and s.due == day for s in earlier.schedule)
        ):
            wrong.append(f"{ev} on {day}")
    return wrong


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_playbooks_keep_their_limits(reports, path):
    """Every bundled playbook declares limits, and no path breaks them."""
    report = reports[path.stem]
    limits = report.cp.playbook.limits
    assert None not in (
        limits.max_contacts,
        limits.max_contacts_per_7d,
        limits.max_contacts_per_30d,
        limits.min_gap,
        limits.max_days_open,
    )
    assert report.ok, [b.limit for b in report.breaches]
    assert report.closes
    worst = _worst_with_sound_witnesses(report)
    assert worst[0] <= limits.max_contacts
    assert worst[1] <= limits.max_contacts_per_7d
    assert worst[2] <= limits.max_contacts_per_30d
    assert worst[3] is None or worst[3] >= limits.min_gap.days
    assert worst[4] <= limits.max_days_open


# The cases where `prove ID --sound` (minutes per playbook, too slow for the suite) finds each
# bundled playbook's worst values that the quick space misses: (interview, employer).  Exploring
# just these cases, every path of each, with news carrying every date it may (a next round the
# day after their reply), shows the quick space's worst is not the whole truth.
SOUND_WITNESSES: dict[str, list[tuple[str, dict[str, object]]]] = {
    "stalker-free": [
        ("2026-03-02", {"follow_up_after": Duration(days=1)}),  # thank-you, check-in a day on
        ("2026-03-07", {"follow_up_after": Duration(days=1)}),  # the same, from a Saturday
        ("2026-03-06", {"follow_up_after": Duration(days=42)}),  # their timing: six weeks
    ],
    "dos-and-donts": [
        ("2026-03-03", {"follow_up_after": Duration(days=1)}),  # a reach-out a day on, an offer
        ("2026-03-07", {"decision_by": date(2026, 4, 18)}),  # their timetable six weeks on
        ("2026-03-06", {"follow_up_after": Duration(days=42)}),  # a check-in then, or a promise
    ],
    "week-then-on-hold": [
        ("2026-07-06", {"follow_up_after": Duration(days=1)}),  # a check-in a day on, an offer
        ("2026-07-12", {"follow_up_after": Duration(days=26)}),  # from a Sunday, 26 days on
    ],
    "fine-line": [
        ("2026-03-02", {"follow_up_after": Duration(days=1)}),  # email, note, their check-in
        ("2026-03-06", {"follow_up_after": Duration(days=42)}),  # their date six weeks on
    ],
    "how-many-times": [
        ("2026-03-02", {"follow_up_after": Duration(days=1)}),  # a deadline a day on, an offer
        ("2026-03-05", {"follow_up_after": Duration(days=1)}),  # from a Thursday, a next round
        ("2026-03-02", {"decision_by": date(2026, 4, 13)}),  # their deadline six weeks on
    ],
}


def _worst_with_sound_witnesses(report: Report) -> tuple[int, int, int, int | None, int]:
    """The worst over the quick space and every path of the cases in `SOUND_WITNESSES`, each
    with every date news may carry (`--news-dates every`, which tries the fixed ones too)."""
    values = (
        report.contacts.value or 0,
        report.per7.value or 0,
        report.per30.value or 0,
        report.gap.value,
        report.open.value or 0,
    )
    every = build_space(
        report.cp.playbook, ProofOptions(report.space.horizon, sound=False, every_news_date=True)
    )
    search = Search(report.cp, every, PLAIN)
    for day, said in SOUND_WITNESSES.get(report.cp.id, []):
        employer = Employer(follow_up="invited", preferred_channel="email", **said)  # type: ignore[arg-type]
        found = search.explore(Start(date.fromisoformat(day), employer, 1))
        gaps = [g for g in (values[3], found.gap) if g is not None]
        values = (
            max(values[0], found.contacts),
            max(values[1], found.per7),
            max(values[2], found.per30),
            min(gaps) if gaps else None,
            max(values[4], found.open),
        )
    return values


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_limits_are_tight(reports, path):
    """Each declared limit is exactly the worst case found: true, and no looser than needed.

    The quick space alone is not enough: it misses cases the sound one finds (a check-in the
    employer asks for a day after the interview, their timing at the six-week bound), nor do
    the fixed dates news carries (a next round the day after their reply), so the worst is
    taken over it and the cases where `prove --sound --news-dates every` finds its worst.
    """
    report = reports[path.stem]
    limits = report.cp.playbook.limits
    assert limits.min_gap is not None
    assert _worst_with_sound_witnesses(report) == (
        limits.max_contacts,
        limits.max_contacts_per_7d,
        limits.max_contacts_per_30d,
        limits.min_gap.days,
        limits.max_days_open,
    )


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_worst_paths_are_what_the_engine_recommends(reports, path):
    """Replayed through the engine, every step of every worst path was recommended that day."""
    report = reports[path.stem]
    for found in (report.contacts, report.per7, report.per30, report.gap, report.open):
        assert found.witness is not None
        assert _recommended(report.cp, found.witness) == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_worst_values_are_counted_on_their_paths(reports, path):
    """The path shown for a worst value really has that value."""
    report = reports[path.stem]
    contacts = report.contacts.witness
    per7 = report.per7.witness
    assert contacts is not None
    assert per7 is not None
    own = own_word_ids(report.cp)  # a promise kept is the job seeker's word: never counted
    counted = [ev for ev in contacts.events if direct_contact(ev[1], ev[2]) and ev[5] not in own]
    assert len(counted) == report.contacts.value
    assert window_of(per7, 7, own)[1] == report.per7.value


@pytest.mark.parametrize(
    ("ref", "sound", "every"),
    [
        ("stalker-free", False, 29),
        ("dos-and-donts", False, 29),
        # The sound space's employer dates, where the key keeps dates only news can move as
        # one per rule, and forgets those that can no longer decide anything.
        ("dos-and-donts", True, 397),
        ("fine-line", True, 499),
        ("week-then-on-hold", True, 421),
    ],
)
def test_remembering_changes_nothing(ref, sound, every):
    """The memoised search gives the same worst case as one that remembers nothing."""

    class Forgetful(dict[object, object]):
        def get(self, key, default=None):  # type: ignore[override]
            return None

        def __setitem__(self, key, value):
            pass

    cp = catalog.load(ref)
    space = build_space(cp.playbook, ProofOptions(120, sound=sound))
    memo = Search(cp, space, PLAIN)
    plain = Search(cp, space, PLAIN)
    plain.memo = Forgetful()  # type: ignore[assignment]
    for start in space.starts[::every]:
        a, b = memo.explore(start), plain.explore(start)
        assert (a.paths, a.contacts, a.per7, a.per30, a.gap, a.open, a.closes) == (
            b.paths,
            b.contacts,
            b.per7,
            b.per30,
            b.gap,
            b.open,
            b.closes,
        )
        assert a.per_round()[0] == b.per_round()[0]
    assert memo.visits < plain.visits


def test_space_reduces_only_what_no_rule_reads():
    """A playbook that reads nothing about the employer is explored over weekdays alone."""
    from followup.io.yaml_reader import read_yaml_text
    from followup.language.playbook_loader import build_playbook

    text = HEADER.format(id="plain") + textwrap.dedent(
        """\
        actions:
          - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email,
             advice: Go., source: s}
        """
    )
    space = build_space(
        build_playbook(read_yaml_text(text, "plain.yaml")), ProofOptions(120, sound=False)
    )
    assert len(space.starts) == 7
    assert space.follow_ups == ("unspecified",)
    assert [i.name for i in space.inputs] == [
        "still deciding",
        "still deciding with a new date",
        "no follow-up",
        "next round",
        "promise to follow up",  # the engine keeps it (keep-promises), whatever the rules say
    ]


def test_prove_cli_passes_on_bundled(cli):
    """prove --quick exits 0 on a bundled playbook and says no limit breaks on the days it
    tried, without claiming a proof."""
    result = cli("prove", "stalker-free", "--quick")
    assert result.code == 0, result.err
    assert "ok on the days tried" in result.out
    assert "ok: every limit holds" not in result.out
    assert "explored 378 cases" in result.out


def test_prove_json_shape(cli):
    """--json gives the report for scripts, with a path for each worst value."""
    result = cli("prove", "stalker-free", "--quick", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["ok"] is True
    (report,) = data["reports"]
    assert set(report) == {
        "playbook",
        "file",
        "ok",
        "stopped_early",
        "space",
        "explored",
        "worst",
        "limits",
        "problems",
        "counterexamples",
        "witnesses",
    }
    assert set(report["worst"]) == {
        "contacts",
        "contacts_per_round",
        "contacts_per_7d",
        "contacts_per_30d",
        "min_gap_days",
        "max_days_open",
        "always_closes",
        "open_by_design",
        "more_after_horizon",
    }
    assert report["worst"]["more_after_horizon"] is False
    assert set(report["explored"]) == {"cases", "paths", "states", "seconds", "remembered"}
    assert report["explored"]["cases"] == report["space"]["cases"] == 378
    assert report["limits"]["max_contacts"] == report["worst"]["contacts"]
    assert report["counterexamples"] == []
    witness = report["witnesses"]["max_contacts"]
    assert witness["events"][0]["type"] == "thank_you_sent"
    assert witness["gherkin"].lstrip().startswith("Scenario:")


@pytest.fixture
def pesty(write) -> Path:
    """A playbook that nags every three days, with a limit it breaks."""
    return write("pesty.yaml", PESTY)


def test_pesty_breaks_its_limit(cli, pesty):
    """prove finds the breach, says where, prints a counterexample and exits 2."""
    result = cli("prove", pesty)
    assert result.code == 2
    assert f"{pesty}:" in result.out
    assert " L201 " in result.out
    assert "counterexample for max_contacts_per_7d" in result.out
    assert "When I sent a thank-you by email on" in result.out
    assert "1 limit broken" in result.err


def test_a_breach_on_the_representative_dates_stops_the_proof_early(cli, write, pesty):
    """A sound proof whose quick pass already breaks a limit stops there: the breach is a
    real case, the report says it stopped, and a limit those dates keep is "not proved", never
    "ok"; a playbook the quick pass finds no fault with gets the whole sound search."""
    kept = write(
        "kept.yaml",
        PESTY.replace("max_contacts_per_7d: 2", "max_contacts_per_7d: 2\n  max_contacts: 40"),
    )
    result = cli("prove", kept)
    assert result.code == 2
    assert "STOPPED EARLY" in result.out
    assert "not proved" in result.out
    assert "  ok" not in result.out
    assert "counterexample for max_contacts_per_7d" in result.out
    report = json.loads(cli("prove", kept, "--json").out)["reports"][0]
    assert report["stopped_early"] is True
    assert report["space"]["sound"] is False
    assert [c["limit"] for c in report["counterexamples"]] == ["max_contacts_per_7d"]
    whole = prove(catalog.load(str(kept)))  # the library's default searches every day
    assert not whole.stopped
    assert whole.space.sound
    assert [b.limit for b in whole.breaches] == ["max_contacts_per_7d"]
    assert whole.cases > report["explored"]["cases"]
    # two dates 8 days apart, which the representative ones never are: found by the sound search
    sound = json.loads(cli("prove", str(DIAGONAL), "--json").out)["reports"][0]
    assert sound["stopped_early"] is False
    assert sound["space"]["sound"] is True


def test_check_ins_read_the_employer_dates_their_rules_never_name(write):
    """The engine holds check-ins past the employer's date, and the playbook's give-up waits
    for them: a playbook whose rules never name that date still keeps a case open longer the
    later it is.  The sound proof tries every such date and reports the limit broken; without
    the engine's wait (opted out) the date changes nothing and is not tried."""
    late = PESTY.replace("max_contacts_per_7d: 2", "max_days_open: 25")
    cp = catalog.load(str(write("late.yaml", late)))
    employer = Employer(decision_by=date(2026, 4, 13))  # 40 days after the interview
    thanked = Event(date(2026, 3, 4), "thank_you_sent", 0, "email")
    case = Case("late", date(2026, 3, 4), employer=employer, events=(thanked,))
    planned = plan_case(cp, case, date(2026, 3, 5), PLAIN)
    assert planned.closes_on is not None
    assert (planned.closes_on - case.interview).days > 25  # a real case breaks the limit
    space = build_space(cp.playbook, ProofOptions(120))
    assert space.decision == (None, *range(EMPLOYER_DATES_MAX + 1))
    assert space.after == (None,)  # the decision date alone carries the later of the two
    report = prove(cp)
    assert "max_days_open" in {b.limit for b in report.breaches}
    opted = late + "opt_out:\n  - {rule: wait-past-their-date, reason: r, source: s}\n"
    unread = build_space(catalog.load(str(write("opted.yaml", opted))).playbook, ProofOptions(120))
    assert unread.decision == unread.after == (None,)


def test_promises_are_explored_wherever_the_engine_keeps_them(write):
    """The engine keeps a promise in every playbook (keep-promises), even where no rule names
    one: the promise is a step on its day, and a check-in due before it waits for it.  So the
    space explores promises in every playbook that keeps them, and states no bound about them;
    one that opts out of keep-promises has nothing to explore."""
    cp = catalog.load(str(write("plain.yaml", PESTY)))
    promised = Event(date(2026, 3, 10), "committed", 1, "email", due=date(2026, 3, 17))
    thanked = Event(date(2026, 3, 4), "thank_you_sent", 0, "email")
    case = Case("promise", date(2026, 3, 4), events=(thanked, promised))
    planned = plan_case(cp, case, date(2026, 3, 11), PLAIN)
    steps = {(s.rule_id, s.due) for s in (*planned.next, *planned.schedule)}
    assert ("keep-your-promise", date(2026, 3, 17)) in steps
    space = build_space(cp.playbook, ProofOptions(120, sound=False))
    assert "promise to follow up" in [n.name for n in space.inputs]
    # (The dates news carries include a promise's; the horizon counts from the day one falls
    # due, which is what the employer's last word is, not a bound on promises.)
    stated = [b for b in bounds(space) if not b.startswith(("news carries", "the horizon"))]
    assert not any("promise" in b for b in stated)
    opted = PESTY + "opt_out:\n  - {rule: keep-promises, reason: r, source: s}\n"
    unkept = build_space(
        catalog.load(str(write("opted.yaml", opted))).playbook, ProofOptions(120, sound=False)
    )
    assert "promise to follow up" not in [n.name for n in unkept.inputs]


def test_a_kept_promise_is_the_job_seekers_word_not_the_playbooks_check_in():
    """how-many-times checks in at least ten days apart.  A promise made on the day of a
    check-in, for a week later, is kept a week after it: that gap is the job seeker's word, not
    the playbook's, so min_gap does not measure it (the check-ins the playbook recommends are
    measured from the promise kept, as from any check-in)."""
    cp = catalog.load("how-many-times")
    space = build_space(cp.playbook, ProofOptions(120, sound=False))
    employer = Employer(follow_up="invited", preferred_channel="email")
    found = Search(cp, space, PLAIN).explore(Start(date(2026, 3, 2), employer, 1))
    # The kept promise, 7 days after a check-in, is not counted (it was, before: 7).
    assert found.gap is not None
    assert found.gap >= 10
    thanked = Event(date(2026, 3, 2), "thank_you_sent", 0, "email")
    checked = Event(date(2026, 3, 12), "check_in_sent", 1, "email")
    promised = Event(date(2026, 3, 12), "committed", 2, "email", due=date(2026, 3, 19))
    case = Case("kept", date(2026, 3, 2), employer=employer, events=(thanked, checked, promised))
    planned = plan_case(cp, case, date(2026, 3, 13), PLAIN)
    assert ("keep_promise", date(2026, 3, 19)) in [(s.action, s.due) for s in planned.schedule]


def _dates_tried(space: Space) -> set[tuple[int | None, int | None]]:
    """The employer's two dates each case of ``space`` starts with, as days after its interview."""
    return {
        (
            None if s.employer.decision_by is None else (s.employer.decision_by - s.interview).days,
            None if s.employer.follow_up_after is None else s.employer.follow_up_after.days,
        )
        for s in space.starts
    }


def test_a_date_no_rule_names_is_tried_only_as_the_later_one():
    """With the decision date read by rules and the date to check in after only waited past,
    a pair where the second is not later is the case without it, and is not tried again."""
    cp = catalog.load(str(ISSUE_EXAMPLE))
    space = build_space(cp.playbook, ProofOptions(120))
    pairs = _dates_tried(space)
    assert {(10, None), (10, 11), (None, 5)} <= pairs
    assert not any(d is not None and f is not None and f <= d for d, f in pairs)


def test_lint_prove_reports_the_breach(cli, pesty):
    """lint --prove adds the breach to lint's problems and fails."""
    result = cli("lint", "--prove", pesty)
    assert result.code == 2
    assert sum(1 for line in result.out.splitlines() if " L201 " in line) == 1
    assert "Scenario: pesty breaks max_contacts_per_7d" in result.out


def test_lint_prove_passes_on_bundled(cli):
    """lint --prove on a bundled playbook keeps exit 0."""
    result = cli("lint", "--prove", "--quick", REPO / "playbooks" / "stalker-free.yaml")
    assert result.code == 0, result.out + result.err
    assert "ok on the days tried" in result.out


def test_no_limits_and_no_closing_are_warnings(cli, write):
    """A playbook without limits (L202) that never closes (L203) only warns."""
    path = write(
        "open.yaml",
        HEADER.format(id="open")
        + textwrap.dedent(
            """\
            transitions:
              - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
            actions:
              - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email,
                 advice: Go., source: s}
            """
        ),
    )
    result = cli("lint", "--prove", path)
    assert " L202 " in result.out
    assert " L203 " in result.out
    assert "every path reaches closed within the horizon" in result.out
    assert cli("lint", "--prove", "--strict", path).code == 2


def _feature(pesty: Path, report: Report) -> str:
    """The counterexample as printed, with a check that the engine asked for its last contact."""
    (breach,) = report.breaches
    witness = breach.witness
    text = scenario(pesty.name, witness, "the counterexample is real")
    first, _ = window_of(witness, 7)
    contacts = [
        ev for ev in witness.events if direct_contact(ev[1], ev[2]) and first <= ev[0] < first + 7
    ]
    day = (witness.start.interview + timedelta(days=contacts[-1][0])).isoformat()
    last = f"I sent a check-in by email on {day}"
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(last))
    keyword = lines[at].split()[0]
    checks = [
        f"    {keyword} I check the plan on {day}",
        f"    Then the next step is a check-in by email on {day}",
        f"    When {last}",
    ]
    body = [*lines[:at], *checks, *lines[at + 1 :], "    Then the case is open"]
    return "Feature: A pesty playbook\n\n" + "\n".join(body) + "\n"


def test_counterexample_runs_as_a_scenario(pesty, tmp_path):
    """The printed counterexample, with a Then added, passes under pytest-bdd and the steps."""
    report = prove(catalog.load(str(pesty)), ProofOptions(sound=False), workers=1)
    feature = tmp_path / "pesty.feature"
    feature.write_text(_feature(pesty, report), encoding="utf-8")
    (tmp_path / "test_pesty.py").write_text(
        'from pytest_bdd import scenarios\n\nscenarios("pesty.feature")\n', encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_pesty.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout


def test_counterexample_that_the_steps_cannot_start_uses_a_case_file():
    """A check-in date without an invitation has no step sentence: the case file is named."""
    start = Start(
        date(2026, 3, 2),
        Employer(follow_up="unspecified", follow_up_after=Duration(days=7)),
        1,
    )
    text = scenario("x", Witness(start, ((0, "thank_you_sent", "email", None, None, "t"),)), "s")
    assert f'And the case file "{CASE_FILE}"' in text
    assert "When I sent a thank-you by email on 2026-03-02" in text


def test_a_playbook_that_extends_keeps_its_base_limits(cli, write):
    """A nudge added on top of a bundled playbook breaks the limits it inherits; lint says so."""
    child = write(
        "child.yaml",
        HEADER.format(id="child")
        + textwrap.dedent(
            """\
            extends: week-then-on-hold
            actions:
              - {id: extra-nudge, in: waiting, kind: check_in, due: interview + 3d,
                 channel: email, advice: Go., source: s}
            """
        ),
    )
    result = cli("lint", "--prove", "--quick", child)
    assert result.code == 2
    broken = [line for line in result.out.splitlines() if " L201 " in line]
    assert broken
    assert all(line.startswith(f"{child}:4:1: ") for line in broken)  # at its extends


def test_a_proof_is_reused_only_for_the_same_playbook_and_horizon(pesty):
    """Proving an equal playbook again returns the same findings without searching again."""
    first = prove(catalog.load(str(pesty)), ProofOptions(sound=False))
    again = prove(catalog.load(str(pesty)), ProofOptions(sound=False))
    assert again.seconds == first.seconds  # the same proof, not a second search
    assert (again.contacts, again.gap, again.closes) == (first.contacts, first.gap, first.closes)
    assert prove(catalog.load(str(pesty)), ProofOptions(60, sound=False)).seconds != first.seconds


TWO_DATES = REPO / "tests" / "lint" / "data" / "two-dates.yaml"


def test_sound_dates_find_a_gap_the_quick_dates_miss():
    """Check-ins 10 days after the interview and 10 days after their date: a decision date a
    few days after the interview puts them 3 days apart; only the sound space tries it."""
    cp = catalog.load(str(TWO_DATES))
    quick = prove(cp, ProofOptions(sound=False))
    sound = prove(cp)
    assert quick.ok
    assert [b.limit for b in sound.breaches] == ["min_gap"]
    breach = sound.breaches[0]
    assert breach.found == 3
    employer = breach.witness.start.employer
    assert employer.decision_by is not None
    assert (employer.decision_by - breach.witness.start.interview).days < 7
    assert _recommended(cp, breach.witness) == []


DIAGONAL = REPO / "tests" / "lint" / "data" / "two-dates-diagonal.yaml"


def test_the_two_employer_dates_are_tried_together_where_their_gap_matters():
    """Check-ins 10 days after a decision date of three weeks or more and 2 days after the date
    to check in after land on one day when the second date is 8 days after the first (20 and
    28 days on, say), and there a reply brings four contacts in a week.  Neither date alone
    decides that, only the gap between them: trying the days where each date's offsets meet
    others' (and each with each) said the limit held."""
    cp = catalog.load(str(DIAGONAL))
    report = prove(cp)
    [breach] = report.breaches
    assert (breach.limit, breach.found) == ("max_contacts_per_7d", 4)
    employer = breach.witness.start.employer
    assert employer.decision_by is not None
    assert employer.follow_up_after is not None
    interview = breach.witness.start.interview
    gap = interview + timedelta(days=employer.follow_up_after.days) - employer.decision_by
    assert gap.days == 8
    assert _recommended(cp, breach.witness) == []
    shown = report_text(report, str(DIAGONAL))
    assert f"explored {report.cases:,} cases" in shown
    assert (
        "decision date: none, every day from +0 to +42 days; "
        "check in after: none, every day from +1 to +42 days"
    ) in shown


def test_sound_dates_are_every_day_up_to_the_bound_each_with_each():
    """The sound space tries every day up to the bound for each of the employer's dates, and
    every pair of them: no list of meeting days, which a date measured from a step misses."""

    cp = catalog.load(str(DIAGONAL))
    space = build_space(cp.playbook, ProofOptions(120))
    assert space.decision == (None, *range(0, EMPLOYER_DATES_MAX + 1))
    assert space.after == (None, *range(1, EMPLOYER_DATES_MAX + 1))
    tried = _dates_tried(space)
    assert tried == {(d, a) for d in space.decision for a in space.after}
    quick = build_space(cp.playbook, ProofOptions(120, sound=False))
    assert len(quick.decision) == len(quick.after) == 3


def test_prove_is_sound_unless_asked_to_be_quick(cli):
    """`prove` tries every day by default (as `--sound` says explicitly) and reports the
    breach; `--quick` tries a few days, misses it, and says how it chose the dates; asking for
    both is a usage error.  (The breach needs the two dates 8 days apart: neither the
    representative dates nor the every-date pass, which adds a day on, has such a pair.)"""
    quick = cli("prove", str(DIAGONAL), "--quick", "--json")
    assert quick.code == 0
    assert json.loads(quick.out)["reports"][0]["space"]["employer_dates"].startswith("a few")
    for flags in ([], ["--sound"]):
        sound = cli("prove", str(DIAGONAL), *flags, "--json")
        assert sound.code == 2
        found = json.loads(sound.out)["reports"][0]
        assert found["space"]["employer_dates"].startswith("every day")
        assert [c["limit"] for c in found["counterexamples"]] == ["max_contacts_per_7d"]
    both = cli("prove", str(DIAGONAL), "--sound", "--quick")
    assert both.code == 2
    assert "--quick" in both.err
    assert not both.out


def test_a_nagging_playbook_is_refuted():
    """Daily check-ins, up to a hundred: every contact limit it declares is refuted (how fast:
    `make bench-prove`)."""
    report = prove(catalog.load(str(REPO / "tests" / "lint" / "data" / "nagging.yaml")))
    assert {b.limit for b in report.breaches} == {"max_contacts", "max_contacts_per_7d", "min_gap"}
    assert report.contacts.value is not None
    assert report.contacts.value > 3


def test_public_holidays_find_a_gap_weekends_alone_miss():
    """New Year's Day moves the first check-in to Monday 4 January, four days before the next."""
    cp = catalog.load(str(TWO_DATES))
    assert prove(cp, ProofOptions(sound=False)).ok
    report = prove(cp, ProofOptions(sound=False, countries=("US",)))
    assert [b.limit for b in report.breaches] == ["min_gap"]
    witness = report.breaches[0].witness
    assert witness.start.country == "US"
    assert report.breaches[0].found < 7
    assert report.space.countries == ("US",)


def test_prove_country_flag(cli):
    """`--country` is repeatable, reported in the space, and an unknown one is a usage error."""
    result = cli("prove", "stalker-free", "--quick", "--country", "us", "--json")
    data = json.loads(result.out)
    assert data["reports"][0]["space"]["countries"] == ["US"]
    assert data["reports"][0]["space"]["holiday_interviews"].startswith("for each country")
    bad = cli("prove", "stalker-free", "--quick", "--country", "XX")
    assert bad.code == 2
    assert "--country" in bad.err
    assert "XX" in bad.err


def test_lint_prove_takes_quick_and_country(cli):
    """`lint --prove` proves soundly by default too, and passes `--quick` and `--country` on
    to the proof."""
    assert cli("lint", "--prove", "--quick", str(TWO_DATES)).code == 0
    for flags in ([], ["--sound"], ["--quick", "--country", "US"]):
        result = cli("lint", "--prove", *flags, str(TWO_DATES))
        assert result.code == 2
        assert "L201" in result.out
        assert "min_gap" in result.out


def test_more_news_means_more_contacts(cli):
    """`--news 2`: a second reply restarts the check-ins once more, and the report says so."""
    one = json.loads(cli("prove", str(TWO_DATES), "--quick", "--json").out)["reports"][0]
    two = cli("prove", str(TWO_DATES), "--quick", "--news", "2", "--json")
    two = json.loads(two.out)["reports"][0]
    assert one["space"]["max_news_per_path"] == 1
    assert two["space"]["max_news_per_path"] == 2
    assert two["space"]["max_extra_rounds"] == 2
    assert two["worst"]["contacts"] > one["worst"]["contacts"]
    assert cli("prove", str(TWO_DATES), "--news", "9").code == 2


ISSUE_EXAMPLE = REPO / "tests" / "lint" / "data" / "issue-example.yaml"


def test_sound_prove_catches_the_issue_example():
    """Issue 11's example: a week after a Wednesday 4 March 2026 interview, then the day after a
    decision date of the 15th.  The engine plans both check-ins for that very case closer than
    the 7-day minimum gap the playbook declares; the sound proof reports the limit broken, at
    least as badly, and its witness is a path the engine recommends."""
    cp = catalog.load(str(ISSUE_EXAMPLE))
    employer = Employer(follow_up="invited", decision_by=date(2026, 3, 15))
    start = Start(date(2026, 3, 4), employer, 1)
    thanked = Event(date(2026, 3, 4), "thank_you_sent", 0, "email")
    case = Case("issue", start.interview, employer=employer, events=(thanked,))
    first = plan_case(cp, case, date(2026, 3, 5), PLAIN).next[0]
    checked = Event(first.due, "check_in_sent", 1, "email")
    case = Case("issue", start.interview, employer=employer, events=(thanked, checked))
    second = plan_case(cp, case, first.due + timedelta(days=1), PLAIN).next[0]
    gap = (second.due - first.due).days
    assert gap < 7  # the case breaks the declared limit
    report = prove(cp)
    breach = {b.limit: b for b in report.breaches}["min_gap"]
    assert breach.found <= gap
    assert _recommended(cp, breach.witness) == []


def test_a_proof_says_whether_it_is_sound_and_what_it_bounds(cli):
    """The quick space says it is not sound; the sound one (the default) states its bounds, the
    employer's dates first, and neither claims more."""
    quick = cli("prove", str(TWO_DATES), "--quick", "--json")
    space = json.loads(quick.out)["reports"][0]["space"]
    assert space["sound"] is False
    assert space["bounds"][0].startswith("not sound")
    assert "NOT SOUND" in cli("prove", str(TWO_DATES), "--quick").out
    sound = cli("prove", str(DIAGONAL), "--json")
    space = json.loads(sound.out)["reports"][0]["space"]
    assert space["sound"] is True
    assert not any(b.startswith("not sound") for b in space["bounds"])
    assert "42 days" in space["bounds"][0]
    assert any("public holidays: none" in b for b in space["bounds"])
    assert "NOT SOUND" not in cli("prove", str(DIAGONAL)).out


def test_a_proof_tells_how_many_cases_are_searched_as_it_goes(pesty):
    """The progress a terminal shows: counts that only grow and end at every case."""
    cp = catalog.load(str(pesty))
    seen: list[tuple[int, int]] = []
    report = prove(
        cp,
        ProofOptions(60, sound=False),
        workers=1,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen, "no progress was told"
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (report.cases, report.cases)
    again: list[tuple[int, int]] = []
    prove(
        cp,
        ProofOptions(60, sound=False),
        workers=1,
        progress=lambda done, total: again.append((done, total)),
    )
    assert again == [(report.cases, report.cases)]  # a proof made before is done at once


def test_the_terminal_line_counts_the_cases(capsys):
    """The line counts the cases; once the proof has run a while it guesses the time left at
    the pace so far, and each line clears what a longer one before it left."""
    from followup.cli.lint_impl import _progress

    now = [100.0]
    show = _progress("pesty", clock=lambda: now[0])
    show(1200, 15960)
    assert capsys.readouterr().err == "\rprove pesty: 1,200 of 15,960 cases searched\033[K"
    now[0] = 130.0  # 30 s for 3,990 cases: 90 s for the 11,970 left
    show(3990, 15960)
    assert capsys.readouterr().err.endswith("3,990 of 15,960 cases searched, about 90 s left\033[K")
    now[0] = 160.0  # 60 s for 4,000: 179 s for the rest
    show(4000, 15960)
    assert "about 3 min left" in capsys.readouterr().err
    show(15960, 15960)
    assert "left" not in capsys.readouterr().err
    show(100, 79464)  # the next space: its pace is its own
    now[0] = 170.0  # 10 s since it began, 1,100 cases: 712 s for the rest
    show(1100, 79464)
    assert capsys.readouterr().err.endswith(
        "1,100 of 79,464 cases searched, about 12 min left\033[K"
    )


def test_a_job_accepted_elsewhere_is_explored_where_a_rule_reads_it(write):
    """A job accepted elsewhere ends the case only once the job seeker withdraws (a step they may
    pass over), so where a rule reads it, the prover explores it: here a farewell email after
    the thank-you is a second direct contact, which only that news brings."""
    farewell = HEADER.format(id="farewell") + textwrap.dedent(
        """\
        limits:
          max_contacts_per_round: 1
        transitions:
          - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
          - {id: give-up, from: [interviewed, thanked], after: interview + 3w, to: closed,
             source: s}
        actions:
          - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email,
             advice: Go., source: s}
          - {id: farewell, in: thanked, kind: share_update, when: {accepted_elsewhere: true},
             due: accepted_elsewhere, channel: email, advice: Say goodbye., source: s}
        opt_out:
          - {rule: keep-promises, reason: a promise would be a second contact too, source: s}
        """
    )
    cp = catalog.load(str(write("farewell.yaml", farewell)))
    assert "accepted a job elsewhere" in [
        n.name for n in build_space(cp.playbook, ProofOptions(120, sound=False)).inputs
    ]
    report = prove(cp, ProofOptions(sound=False))
    breach = {b.limit: b for b in report.breaches}["max_contacts_per_round"]
    assert breach.found == 2
    assert breach.witness is not None
    assert "I accepted a job elsewhere on" in scenario("farewell", breach.witness, "too many")
    plain = build_space(
        catalog.load(str(write("plain.yaml", PESTY))).playbook, ProofOptions(120, sound=False)
    )
    assert "accepted a job elsewhere" not in [n.name for n in plain.inputs]
