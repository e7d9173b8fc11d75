"""What the prover's key holds for a running case: per state and news budget, which dates,
facts, counts and per-rule progress the rules still reachable can read.

The rules of the states still reachable (through the playbook's own moves, and through replies
while the news budget lasts) name the anchors, facts, channels and progress they look at.  Once
no news can come, rules done as often as they may be, or whose condition has settled false, are
gone for good and read nothing.  `followup.lint.relevance` builds the key from a `Spec`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from followup.compile.expressions import GuardFn
from followup.compile.machine import CompiledAction, CompiledPlaybook, Move
from followup.engine.run import Run
from followup.lint.folds import (
    Fold,
    Replaced,
    before_news,
    fold_of,
    moving_anchors,
    moving_facts,
    replaced_by,
    settled_at,
    settling_facts,
    waits_past_gap,
)
from followup.lint.graphs import reached
from followup.lint.reads import count_cap, guard_facts, reads_of
from followup.lint.space import Input
from followup.model.playbook import Compare, DateRule, DateTerm, Guard, Span, guard_tests
from followup.model.vocabulary import CLOSED, FACTS
from followup.semantics.meaning import (
    CONTACT_EVENTS,
    NEWS_KIND,
    NUDGE_EVENTS,
    REOPENABLE,
)
from followup.semantics.rules import OPEN_PAST_THEIR_DATE

COUNT_FACTS = tuple(f for f, kind in FACTS.items() if kind == "int")


@dataclass(frozen=True, slots=True, eq=False)
class Spec:
    """What the key holds for one (state, replies possible, next round possible)."""

    state: str
    dates: tuple[str, ...]
    facts: tuple[str, ...]
    counts: tuple[tuple[int, int], ...]  # (index among the facts, cap) of each count
    done: tuple[tuple[str, int], ...]
    last_done: tuple[str, ...]
    credits: tuple[str, ...]
    quiet_actions: frozenset[str]  # reachable before any news: where skipped steps can recur
    repeats: frozenset[str]
    contacts: bool
    get_dates: Callable[[Run], tuple[date | None, ...]]
    get_facts: Callable[[Run], tuple[object, ...]]
    channel_at: int  # where the channel class goes among the facts (-1: not needed)
    folds: tuple[Fold, ...] = ()  # per rule, the later or earlier of its fixed terms
    read_folds: tuple[Callable[[Run], date | None], ...] = ()  # their values (`Fold.reader`)
    # Where the key holds ``not_before`` and ``last_nudge``, and the shortest gap after a
    # check-in of the actions that wait past the employer's dates (None: not both held, or an
    # action that waits past them without a gap).
    waits_past: tuple[int, int, int] | None = None


class Settled(NamedTuple):
    """A rule whose condition, once no news can come and ``needs`` holds, stays as it is."""

    rule: str  # its id
    holds: GuardFn
    needs: tuple[tuple[str, object], ...]  # (fact, value) each fact must have first


@dataclass(frozen=True, slots=True)
class SettledRules:
    """The rules reachable from one state whose condition can settle, and which have failed for
    good, worked out once per value of the facts they read."""

    rules: tuple[Settled, ...]
    read: Callable[[Run], tuple[Any, ...]]
    failed: dict[tuple[Any, ...], tuple[str, ...]]

    def gone(self, run: Run) -> tuple[str, ...]:
        """The ids of the rules whose condition has failed for good (no news to come)."""
        values = self.read(run)
        found = self.failed.get(values)
        if found is None:
            found = self.failed[values] = tuple(
                s.rule
                for s in self.rules
                if not s.holds(run) and all(getattr(run, f) == v for f, v in s.needs)
            )
        return found


class Specs:
    """What the prover's key holds, per state and news budget, for one compiled playbook."""

    def __init__(self, cp: CompiledPlaybook, news: tuple[Input, ...] = ()) -> None:
        self.cp = cp
        pb = cp.playbook
        reads = reads_of(pb)
        self.reads = reads
        self.caps = {fact: count_cap(pb, fact) for fact in COUNT_FACTS}
        # Unless a condition reads them, the employer's channel preference and permission to
        # call only matter through the kind of channel each action ends up with.
        self.raw_channel = bool({"preferred_channel", "may_call"} & reads.facts)
        # The playbook's own moves between states, and the states each rule is in, by id (an
        # action's and a transition's, if they share one).
        self.edges: dict[str, set[str]] = {}
        states_of: dict[str, set[str]] = {}
        for state, group in cp.actions.items():
            for ca in group:
                states_of.setdefault(ca.id, set()).add(state)
        own = [(s, m) for (s, _), moves in cp.on_event.items() for m in moves if m.rule is not None]
        own += [(s, m) for s, moves in cp.timers.items() for m in moves]
        for state, move in own:
            self.edges.setdefault(state, set()).add(move.dest)
            states_of.setdefault(move.rule_id, set()).add(state)
        self.rule_states = {k: frozenset(v) for k, v in states_of.items()}
        self._specs: dict[tuple[str, bool, bool, bool, tuple[str, ...]], Spec] = {}
        # Actions that may be done only so often (once, or up to a repeat's ``max``).
        capped: dict[str, int] = {}
        for group in cp.actions.values():
            for ca in group:
                repeat = ca.action.repeat
                if ca.completed_by is None:
                    continue
                if repeat is None:
                    capped[ca.id] = 1
                elif repeat.max is not None:
                    capped[ca.id] = repeat.max
        self.caps_of = capped
        self.moving = moving_anchors(cp)
        self.replaced = replaced_by(news)
        self.moving_facts = moving_facts(cp)
        self.settling = settling_facts(cp)
        # Per state, the capped actions of it and of the states reachable from it, and the
        # rules reachable without news whose condition holds or fails for good once no news
        # can come (`settled_at`): while it fails, the rule is as good as gone.
        self._quiet: dict[str, tuple[tuple[tuple[str, int], ...], SettledRules]] = {}
        # `for_run`'s answers without news to come, by state, capped actions done as often
        # as they may be, and rules whose settled condition fails.
        self._quiet_specs: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Spec] = {}
        # Its answers while news may come, by state and news budget.
        self._news_specs: dict[tuple[str, bool, bool], Spec] = {}

    def reachable(self, state: str, replies: bool, rounds: bool) -> frozenset[str]:
        """States reachable from ``state``: playbook moves, plus replies while news may come."""
        seen = {state}
        if replies:
            seen.add("waiting")
            if rounds:
                seen.add("interviewed")
        return frozenset(reached(self.edges, seen))

    def spec(
        self,
        state: str,
        replies: bool,
        rounds: bool,
        spent: tuple[str, ...] = (),
        more: bool = False,
    ) -> Spec:
        """The key's contents for this state, news budget and rules gone for good (``spent``,
        only without news to come, which can make them due again: actions done as often as
        they may be, and the rules whose settled condition fails, by id)."""
        found = self._specs.get((state, replies, rounds, more, spent))
        if found is None:
            found = self._build(state, replies, rounds, frozenset(spent), more)
            self._specs[(state, replies, rounds, more, spent)] = found
        return found

    def _reach_after(self, state: str, news: Replaced, rounds: bool, more: bool) -> frozenset[str]:
        """The states the futures with ``news`` can reach from ``state``: where the news
        leaves the case (a reply's destination, else where it is), then the playbook's own
        moves, and more news while the budget lasts (``more``)."""
        if not news.by_news:
            return self.reachable(state, False, False)
        found: set[str] = set()
        for start in {state, *news.moves_to}:
            found |= self.reachable(start, more, rounds)
        return frozenset(found)

    def _settled_rules(self, state: str) -> SettledRules:
        """The rules reachable from ``state`` without news whose condition can settle
        (`settled_at`) and tests facts only."""
        reach = self.reachable(state, False, False)
        rules: list[tuple[str, Guard | None, GuardFn]] = [
            (aid, ca.action.when, ca.guard) for aid, ca in self._actions(reach).items()
        ]
        timers, moves = self._moves(reach, frozenset())
        rules += [(m.rule_id, m.rule.when if m.rule else None, m.guard) for m in (*timers, *moves)]
        found: dict[str, Settled] = {}
        facts: set[str] = set()
        for rule_id, when, holds in rules:
            tests = list(guard_tests(when))
            if any(isinstance(t, Span) for t in tests):
                continue  # its answer depends on dates: not one per value of facts
            needs = settled_at(when, self.moving, self.moving_facts, self.settling)
            if needs is not None:
                found[rule_id] = Settled(rule_id, holds, needs)
                facts |= {t.fact for t in tests if isinstance(t, Compare)}
        chosen = tuple(found[k] for k in sorted(found))
        return SettledRules(chosen, _getter(tuple(sorted(facts))), {})

    def _moves(self, states: frozenset[str], gone: frozenset[str]) -> tuple[list[Move], list[Move]]:
        """The playbook's own timers, and moves on events, out of ``states`` (but ``gone``)."""
        cp = self.cp
        timers = [m for s in sorted(states) for m in cp.timers.get(s, ()) if m.rule_id not in gone]
        moves = [
            m
            for (s, _), group in cp.on_event.items()
            if s in states
            for m in group
            if m.rule is not None and m.rule_id not in gone
        ]
        return timers, moves

    def _actions(self, states: frozenset[str]) -> dict[str, CompiledAction]:
        """The actions (not reminders: those change nothing) of ``states``, by id."""
        found: dict[str, CompiledAction] = {}
        for s in sorted(states):
            for ca in self.cp.actions.get(s, ()):
                if ca.completed_by is not None:
                    found.setdefault(ca.id, ca)
        return found

    def _build(
        self, state: str, replies: bool, rounds: bool, spent: frozenset[str], more: bool
    ) -> Spec:
        cp = self.cp
        reach = self.reachable(state, replies, rounds)
        actions = {k: ca for k, ca in self._actions(reach).items() if k not in spent}
        timers, moves = self._moves(reach, spent)
        anchors: set[str] = set()
        facts: set[str] = set()
        dates: set[str] = set()
        rules: list[tuple[DateRule, Guard | None, str]] = []  # with the id of its rule
        for ca in actions.values():
            a = ca.action
            until = a.repeat.until if a.repeat is not None else None
            rules += [(r, a.when, a.id) for r in (a.due, a.until, until) if r is not None]
            if a.kind == NEWS_KIND:  # the engine ends it the day before the offer's deadline
                rules.append((DateRule((DateTerm("offer_deadline"),)), a.when, a.id))
            facts |= guard_facts(a.when)
            for option in a.channel:
                facts |= guard_facts(option.when)
                if option.use in ("preferred", "phone"):
                    facts |= (
                        {"preferred_channel", "may_call"} if self.raw_channel else {"channel_class"}
                    )
                elif option.use == "committed":
                    facts |= {"committed", "committed_channel"}
        for move in (*timers, *moves):
            assert move.rule is not None
            facts |= guard_facts(move.rule.when)
            if move.rule.after is not None:
                rules.append((move.rule.after, move.rule.when, move.rule_id))
        # Without news to come, the anchors only steps and timers can move are all a rule
        # needs as they are; the rest never change, so each rule's terms over them are kept as
        # one date (exact: a later-of or earlier-of can be taken in parts).
        folds: list[Fold | None] = []
        if not replies:
            folds = [fold_of(rule, when, self.moving, self.moving_facts) for rule, when, _ in rules]
            for (rule, _, _), fold in zip(rules, folds, strict=True):
                anchors |= {t.anchor for t in (fold.others if fold else rule.terms)}
        else:
            # While news may come, a rule's anchors that news can replace are needed only for
            # the futures without that news: one fold per set of anchors a piece of news
            # replaces (a new round replaces them all, so needs none).  The futures without
            # any news only reach the states the playbook's own moves lead to.
            after = [self._reach_after(state, news, rounds, more) for news in self.replaced]
            for rule, _, rule_id in rules:
                anchors |= {t.anchor for t in rule.terms if t.anchor in self.moving}
                where = self.rule_states[rule_id]
                folds += [
                    before_news(rule, self.moving, news)
                    for news, reach_news in zip(self.replaced, after, strict=True)
                    if where & reach_news
                ]
        if timers:
            dates.add("at_reply")  # a timer dated before their last reply does not fire
        # Giving up waits past the employer's date (the day after the check-in held for it).
        holds = OPEN_PAST_THEIR_DATE not in cp.opted_out and any(
            m.outcome == REOPENABLE for m in timers
        )
        if holds:
            dates.add("not_before")
        if any(ca.nudge for ca in actions.values()):
            dates |= {"not_before", "last_nudge"}
        if any(ca.unwanted for ca in actions.values()):
            facts.add("told_no_follow_up")
        if any(ca.waits_for_promise for ca in actions.values()):
            dates.add("at_committed")  # a check-in waits for the day of a promise still to come
            facts.add("committed")
        if any(ca.completed_by in NUDGE_EVENTS for ca in actions.values()):
            dates.add("last_nudge")  # the gap between check-ins is measured from it
        if CLOSED in reach:
            dates.add("closed_on")
            facts.add("outcome")
        # A test of the time between two dates is no attribute of a run: its answer follows from
        # those two dates, which the key holds instead (relative to now, like every date).
        guards = [ca.action.when for ca in actions.values()]
        guards += [o.when for ca in actions.values() for o in ca.action.channel]
        guards += [m.rule.when for m in (*timers, *moves) if m.rule is not None]
        for span in (s for g in guards for s in guard_tests(g) if isinstance(s, Span)):
            facts.discard(span.name)
            anchors |= {span.start, span.end}
        dates |= {"at_" + anchor for anchor in anchors}
        date_names = tuple(sorted(dates))
        fact_names = tuple(sorted(facts))
        # The class is worked out from two attributes; the getter reads a stand-in for it.
        channel_at = fact_names.index("channel_class") if "channel_class" in fact_names else -1
        getter_names = tuple("state" if f == "channel_class" else f for f in fact_names)
        quiet = self._actions(self.reachable(state, False, False))
        unique_folds = tuple(dict.fromkeys(f for f in folds if f is not None))
        return Spec(
            state,
            date_names,
            fact_names,
            tuple((i, self.caps[f]) for i, f in enumerate(fact_names) if f in self.caps),
            tuple(
                (aid, ca.action.repeat.max if ca.action.repeat and ca.action.repeat.max else 1)
                for aid, ca in sorted(actions.items())
            ),
            tuple(aid for aid, ca in sorted(actions.items()) if ca.action.repeat is not None),
            tuple(sorted({ca.completed_by for ca in actions.values() if ca.completed_by})),
            frozenset(quiet) - spent,
            frozenset(aid for aid, ca in quiet.items() if ca.action.repeat is not None),
            any(ca.completed_by in CONTACT_EVENTS for ca in actions.values()),
            _getter(date_names),
            _getter(getter_names),
            channel_at,
            unique_folds,
            tuple(f.reader() for f in unique_folds),
            None if holds else waits_past_gap(actions.values(), date_names),
        )

    def for_run(self, run: Run, replies: bool, rounds: bool, more: bool = False) -> Spec:
        """The spec for where ``run`` is: its state and the news budget (``replies``: news
        may still come; ``rounds``: a new round too), and, without news to come, the rules
        gone for good."""
        state = run.state
        if replies:
            # One look-up per state and budget (a key is made per point on a path).
            news = self._news_specs.get((state, rounds, more))
            if news is None:
                news = self._news_specs[(state, rounds, more)] = self.spec(
                    state, True, rounds, (), more
                )
            return news
        quiet = self._quiet.get(state)
        if quiet is None:
            reach = self._actions(self.reachable(state, False, False))
            capped = tuple((aid, cap) for aid, cap in self.caps_of.items() if aid in reach)
            quiet = self._quiet[state] = (capped, self._settled_rules(state))
        capped, settled = quiet
        done = run.done
        spent = tuple([a for a, cap in capped if done.get(a, 0) >= cap])
        gone = settled.gone(run)
        # The spec read fresh, once per state and rules gone for good (a key is made per
        # point on a path: millions in a sound proof).
        found = self._quiet_specs.get((state, spent, gone))
        if found is None:
            found = self.spec(state, False, False, tuple(sorted({*spent, *gone})))
            self._quiet_specs[(state, spent, gone)] = found
        return found


def _getter(names: tuple[str, ...]) -> Callable[[Run], tuple[Any, ...]]:
    """A function returning these attributes of a run, always as a tuple."""
    if not names:
        return lambda run: ()
    if len(names) == 1:
        get_one = attrgetter(names[0])
        return lambda run: (get_one(run),)
    return attrgetter(*names)
