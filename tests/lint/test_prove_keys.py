"""The prover's key forgets what can no longer change a path's future, and nothing more."""

from __future__ import annotations

from datetime import date, timedelta

from followup import catalog
from followup.engine.run import Run
from followup.lint.folds import settling_facts
from followup.lint.relevance import Relevance
from followup.lint.search import Ctx, Next, Search, record
from followup.lint.space import ProofOptions, build_space
from followup.model.case import Case, Employer, Event, Interviewer
from followup.model.playbook import DateTerm
from followup.timeline.calendar import BusinessCalendar

PLAIN = BusinessCalendar(None)
INTERVIEW = date(2026, 3, 4)  # a Wednesday


def _shared_offer_run(news: str = "competing_offer") -> Run:
    """dos-and-donts, after the thank-you, news (a competing offer), and sharing it."""
    cp = catalog.load("dos-and-donts")
    case = Case(
        "keys",
        INTERVIEW,
        employer=Employer(follow_up="invited"),
        interviewers=(Interviewer("Ana"),),
    )
    run = Run(cp, case, PLAIN)
    offer_day = INTERVIEW + timedelta(days=5)
    for ev in (
        Event(INTERVIEW, "thank_you_sent", channel="email"),
        Event(offer_day, news, deadline=offer_day + timedelta(days=7) if news else None),
        Event(offer_day, "update_sent", channel="email"),
    ):
        record(run, ev)
    return run


def test_sharing_news_settles_the_news_facts():
    """Steps only ever clear the news facts (sharing them does), so once clear they stay so."""
    settling = settling_facts(catalog.load("dos-and-donts"))
    assert settling["competing_offer"] is False
    assert settling["portfolio_update"] is False
    assert "check_ins" not in settling  # a count only grows, it never settles


def test_a_rule_whose_condition_failed_for_good_leaves_the_key():
    """With no news to come, sharing portfolio news can never be due: the key forgets the rule
    and the fact it reads; while news may come it keeps both."""
    run = _shared_offer_run()
    relevance = Relevance(run.cp, news=build_space(run.cp.playbook, ProofOptions(120)).inputs)
    settled = relevance.specs.for_run(run, False, False)
    open_to_news = relevance.specs.for_run(run, True, True)
    assert "share-portfolio-news" not in {aid for aid, _ in settled.done}
    assert "portfolio_update" not in settled.facts
    assert "share-portfolio-news" in {aid for aid, _ in open_to_news.done}
    assert "portfolio_update" in open_to_news.facts


def test_news_shared_is_news_shared_whichever_it_was():
    """Once an offer or a portfolio piece is shared, both share rules are gone (one done, one
    that can no longer apply): the two paths meet in one spec."""
    offer, portfolio = _shared_offer_run(), _shared_offer_run("portfolio_update")
    specs = Relevance(offer.cp, news=build_space(offer.cp.playbook, ProofOptions(120)).inputs).specs
    assert specs.for_run(offer, False, False) is specs.for_run(portfolio, False, False)


def test_without_news_to_come_the_day_news_could_come_is_forgotten():
    """After the last piece of news, a contact no longer marks a day news could come."""
    run = _shared_offer_run()
    cp = run.cp
    search = Search(cp, build_space(cp.playbook, ProofOptions(120)), PLAIN)
    pending = next(p for p in run.pending() if p.compiled.completed_by == "check_in_sent")
    day = max(pending.due, run.now)
    last = Ctx(frozenset(), 0, 1, None, (), INTERVIEW, 0)
    more = last._replace(inputs=1)
    _, after_last = search.do(run, last, pending, day)
    _, after_more = search.do(run, more, pending, day)
    assert after_last.news_day is None
    assert after_more.news_day == day


def test_news_that_dates_a_later_of_afresh_makes_an_earlier_fold_irrelevant():
    """fine-line's two-week check-in is the later of interview + 2w, their date and the last
    reply + 2w: for the futures with a reply (which comes today or later), the first two matter
    only while they are more than 14 days ahead."""
    from followup.lint.folds import before_news, replaced_by
    from followup.lint.space import REPLIES as REPLY_NEWS

    cp = catalog.load("fine-line")
    rule = next(a.due for a in cp.playbook.actions if a.id == "check-in-after-two-weeks")
    reply = next(r for r in replaced_by(REPLY_NEWS[:1]) if r.anchors == {"reply"})
    fold = before_news(rule, frozenset({"state_entered", "last_contact"}), reply)
    assert fold is not None
    assert fold.floor == 14
    case = Case("f", INTERVIEW, employer=Employer(decision_by=INTERVIEW + timedelta(days=20)))
    run = Run(cp, case, PLAIN)
    assert fold.value(run) == INTERVIEW + timedelta(days=20)  # 20 days ahead: it may decide
    run.now = INTERVIEW + timedelta(days=6)
    assert fold.value(run) is None  # 14 days ahead: a reply's own two weeks come no sooner


def test_a_fold_is_kept_only_for_futures_that_reach_its_rule():
    """From checked-in, neither a promise nor a reply leads back to the interview's thank-you:
    its date is no part of the key there (it is in interviewed)."""
    cp = catalog.load("fine-line")
    specs = Relevance(cp, news=build_space(cp.playbook, ProofOptions(120)).inputs).specs
    thanks = (DateTerm("interview"),)  # thank-each-interviewer is due on the interview's day

    def fold_terms(state: str) -> set[tuple[DateTerm, ...]]:
        return {f.terms for f in specs.spec(state, True, False).folds}

    assert thanks in fold_terms("interviewed")
    assert thanks not in fold_terms("checked-in")


def test_a_key_worked_out_from_another_is_the_key_itself():
    """The search derives the key of a skipped step's branch and of a news day without news
    from the key it has; each is exactly the key worked out afresh."""
    checked = 0

    class Checking(Search):
        def solve(self, run, ctx, key=None, hint=None):  # type: ignore[no-untyped-def]
            nonlocal checked
            if key is not None:
                assert key == self.relevance.key(run, ctx)
                checked += 1
            return super().solve(run, ctx, key, hint)

    _explore_some(Checking, ("dos-and-donts", "fine-line"), every=500)
    assert checked > 1000


def test_a_peek_that_goes_on_from_where_a_step_was_passed_over_is_a_peek_from_the_start() -> None:
    """The search saves time by going on from the run a peek had moved on (`Next.sim`) when
    the step it found is passed over, and by reusing a peek for the branch where no news
    comes: each answer must be the one a peek from the run itself gives."""
    resumed = 0

    class Checking(Search):
        def peek(self, run, ctx, sim=None):  # type: ignore[no-untyped-def]
            nonlocal resumed
            found = super().peek(run, ctx, sim)
            if sim is not None:
                assert _answer(found) == _answer(super().peek(run, ctx))
                resumed += 1
            return found

        def solve(self, run, ctx, key=None, hint=None):  # type: ignore[no-untyped-def]
            if isinstance(hint, Next):
                assert _answer(hint) == _answer(Search.peek(self, run, ctx))
            return super().solve(run, ctx, key, hint)

    _explore_some(Checking, ("dos-and-donts", "how-many-times"), every=700)
    assert resumed > 1000


def _answer(nxt: Next) -> tuple[object, ...]:
    """What a peek answers, without the run it moved on (`Next.sim`)."""
    return (nxt.kind, nxt.day, nxt.pending, nxt.reopenable)


def _explore_some(search: type[Search], refs: tuple[str, ...], every: int) -> None:
    """Search every ``every``-th case of the sound space of each playbook in ``refs``."""
    for ref in refs:
        cp = catalog.load(ref)
        space = build_space(cp.playbook, ProofOptions(120))
        checking = search(cp, space, PLAIN)
        for start in space.starts[::every]:
            checking.explore(start)
