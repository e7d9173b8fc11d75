"""The dates news carries: a few fixed ones by default, every day up to the bound when asked.

A next interview, a new decision date, an offer's deadline and a promise each carry a date.
`prove --news-dates every` tries each of them on every day from the next one up to
`NEWS_DATES_MAX`, so that no such date breaks a limit the report calls kept; by default a
proof tries one date per kind and its bounds say so, and why.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from followup import catalog
from followup.lint.bounds import EVERY_DATE_QUICK, bounds
from followup.lint.prove import prove
from followup.lint.space import (
    FIXED_NEWS_DATES,
    NEAREST_DAY,
    NEWS,
    NEWS_DATES_MAX,
    NEXT_INTERVIEW_DAYS,
    REPLIES,
    ProofOptions,
    build_space,
)

from .conftest import REPO

SOON = REPO / "tests" / "lint" / "data" / "next-round-soon.yaml"
DOS = REPO / "playbooks" / "dos-and-donts.yaml"


def test_every_date_news_carries_is_tried_up_to_the_bound():
    """Each kind of news that carries a date is tried with each day from 1 to the bound; news
    without a date once; the kinds the report lists are the same either way."""
    pb = catalog.load(str(DOS)).playbook
    fixed = build_space(pb, ProofOptions(120))
    every = build_space(pb, ProofOptions(120, every_news_date=True))
    dated = {n.name for n in REPLIES + NEWS if n.ahead}
    assert dated == {
        "still deciding with a new date",
        "next round",
        "competing offer",
        "promise to follow up",
    }
    for news in fixed.inputs:
        tried = [n.ahead for n in every.inputs if n.name == news.name]
        assert tried == (list(range(1, NEWS_DATES_MAX + 1)) if news.ahead else [0])
    assert every.described()["news"] == fixed.described()["news"]
    assert fixed.described()["news_dates"] == FIXED_NEWS_DATES
    assert every.described()["news_dates"].startswith(f"every day from 1 to {NEWS_DATES_MAX}")


def test_a_next_round_the_next_day_breaks_a_limit_the_fixed_dates_keep():
    """Thanks after each interview, at most one contact a week: a next interview a week on
    keeps it, one the day after their reply does not, and only every date finds that."""
    cp = catalog.load(str(SOON))
    fixed = prove(cp)
    assert fixed.ok
    assert fixed.per7.value == 1
    every = prove(cp, ProofOptions(every_news_date=True))
    (breach,) = every.breaches
    assert (breach.limit, breach.allowed, breach.found) == ("max_contacts_per_7d", 1, 2)
    replies = [ev for ev in breach.witness.events if ev[1] == "reply"]
    assert [(ev[3], ev[4]) for ev in replies] == [("next_round", 1)]
    assert NEXT_INTERVIEW_DAYS > 1  # the fixed date could not have found it


def test_each_way_says_what_it_leaves_out_and_why():
    """The bounds name the fixed dates and the cost of the rest, or the bound on every date."""
    pb = catalog.load(str(SOON)).playbook
    fixed = bounds(build_space(pb, ProofOptions(120)))
    assert any(FIXED_NEWS_DATES in b and "--news-dates every" in b for b in fixed)
    every = bounds(build_space(pb, ProofOptions(120, every_news_date=True)))
    assert any(f"at most {NEWS_DATES_MAX} days on" in b for b in every)
    assert not any(FIXED_NEWS_DATES in b for b in every)


def test_a_proof_with_the_fixed_dates_first_tries_every_date_on_the_quick_space(cli, tmp_path):
    """From the command line, a sound proof with the fixed dates news carries first searches
    the quick space with every date too (a tenth of the time): the next-day round that breaks
    one contact a week is found there, and the proof stops at it.  A playbook that keeps its
    limits there gets the sound search, whose bounds say the every-date pass kept them."""
    result = cli("prove", str(SOON), "--json")
    assert result.code == 2
    (report,) = json.loads(result.out)["reports"]
    assert report["stopped_early"] is True
    assert report["space"]["news_dates"].startswith("every day")
    assert [c["limit"] for c in report["counterexamples"]] == ["max_contacts_per_7d"]
    assert cli("lint", str(SOON), "--prove").code == 2
    two = SOON.read_text(encoding="utf-8").replace(
        "max_contacts_per_7d: 1", "max_contacts_per_7d: 2"
    )
    kept = tmp_path / "two-a-week.yaml"
    kept.write_text(two, encoding="utf-8")
    proved = cli("prove", str(kept), "--json")
    assert proved.code == 0, proved.out
    (report,) = json.loads(proved.out)["reports"]
    assert report["space"]["sound"] is True
    assert report["space"]["news_dates"] == FIXED_NEWS_DATES
    assert any(b.endswith(EVERY_DATE_QUICK) for b in report["space"]["bounds"])
    assert "keep every limit" in cli("prove", str(kept)).out
    # Its worst values are the worse of both searches': the next-day round's two thank-yous.
    assert report["worst"]["contacts_per_7d"] == 2
    replies = [e for e in report["witnesses"]["max_contacts_per_7d"]["events"] if "interview" in e]
    assert [
        date.fromisoformat(e["interview"]) - date.fromisoformat(e["date"]) for e in replies
    ] == [timedelta(days=1)]
    library = prove(catalog.load(str(kept)))  # asked for one proof, the library runs one
    assert not library.every_date_quick
    assert library.per7.value == 1
    assert not any(b.endswith(EVERY_DATE_QUICK) for b in bounds(library.space))


def test_prove_and_lint_take_news_dates(cli):
    """`--news-dates every` on prove and on lint --prove finds the breach and says how it
    chose the dates; `fixed` is the default; another word is a usage error."""
    every = cli("prove", str(SOON), "--news-dates", "every", "--json")
    assert every.code == 2
    (report,) = json.loads(every.out)["reports"]
    assert report["space"]["news_dates"].startswith("every day")
    (found,) = report["counterexamples"]
    assert found["limit"] == "max_contacts_per_7d"
    reply = next(ev for ev in found["events"] if ev["type"] == "reply")
    next_day = date.fromisoformat(reply["date"]) + timedelta(days=1)
    assert date.fromisoformat(reply["interview"]) == next_day
    linted = cli("lint", str(SOON), "--prove", "--news-dates", "every")
    assert linted.code == 2
    assert " L201 " in linted.out
    wrong = cli("prove", str(SOON), "--news-dates", "sometimes")
    assert wrong.code == 2
    assert "--news-dates" in wrong.err
    assert not wrong.out


def test_lint_says_when_the_provers_options_change_nothing(cli):
    """Without --prove, lint checks the playbook and says on stderr that the prover's options
    it was given were not used; the exit code is lint's own."""
    result = cli("lint", str(SOON), "--news-dates", "every", "--country", "US")
    assert result.code == 0
    assert "ok" in result.out
    assert "--country, --news-dates only matter with --prove" in result.err
    one = cli("lint", str(SOON), "--horizon", "90")
    assert "--horizon only matters with --prove" in one.err
    quiet = cli("lint", str(SOON))
    assert quiet.code == 0
    assert quiet.err == ""
    cased = cli("prove", str(SOON), "--news-dates", "Every", "--json")
    assert json.loads(cased.out)["reports"][0]["space"]["news_dates"].startswith("every day")
    near = cli("prove", str(SOON), "--news-dates", "evry")
    assert near.code == 2
    assert "did you mean 'every'" in near.err


def test_the_every_date_pass_also_tries_the_employers_nearest_dates():
    """With every date news carries, the representative employer dates gain a day on: a
    check-in a day after the interview, then a next round the day after it, is how-many-times'
    five contacts in a week, which the fixed representative dates never reach."""
    pb = catalog.load("how-many-times").playbook
    fixed = build_space(pb, ProofOptions(sound=False))
    every = build_space(pb, ProofOptions(sound=False, every_news_date=True))
    assert NEAREST_DAY not in fixed.after
    assert every.after == (None, NEAREST_DAY, *fixed.after[1:])
    assert len(every.starts) > len(fixed.starts)
