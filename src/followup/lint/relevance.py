"""Which parts of a running case can still matter, and the search's key built from them.

The prover remembers the worst future of each abstract state.  Two points of two paths may share
that future when everything the engine will still read is the same, written relative to the
current day.  What it will read is known from the playbook: the rules of the states still
reachable (through the playbook's own moves, and through replies while the news budget lasts)
name the anchors, facts, channels and per-rule progress they look at.  Counts only matter up to
one more than the largest number a condition compares them with.

Dates are kept relative to the current day together with its weekday (business days and
weekends are all that a weekends-only calendar knows), unless the playbook counts calendar
months, whose lengths depend on the date itself: then the current day itself is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from followup.compile.machine import CompiledAction, CompiledPlaybook, Move
from followup.engine.facts import Pending
from followup.engine.run import Run
from followup.lint.folds import (
    Fold,
    before_news,
    fold_of,
    moving_anchors,
    moving_facts,
    replaced_by,
    waits_past_gap,
)
from followup.lint.space import (
    Input,
    channel_signature,
    count_cap,
    guard_facts,
    reads_of,
    uses_months,
)
from followup.model.playbook import DateRule, DateTerm, Guard, Span, guard_tests
from followup.model.vocabulary import CLOSED, FACTS, PREFERRED_CHANNELS
from followup.semantics.meaning import (
    CONTACT_EVENTS,
    EVENTS,
    NEWS_KIND,
    NUDGE_EVENTS,
    REOPENABLE,
    EventMeaning,
)
from followup.semantics.rules import OPEN_PAST_THEIR_DATE

if TYPE_CHECKING:
    from followup.lint.search import Ctx

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


class Relevance:
    """Reachability and keys for one compiled playbook."""

    def __init__(
        self, cp: CompiledPlaybook, *, absolute: bool = False, news: tuple[Input, ...] = ()
    ) -> None:
        self.cp = cp
        pb = cp.playbook
        reads = reads_of(pb)
        # Keep the day itself (not only its weekday) when months or public holidays make the
        # calendar differ from one week to the next.
        self.months = uses_months(pb) or absolute
        self.triggers = frozenset(reads.triggers)
        self.reads = reads
        self.caps = {fact: count_cap(pb, fact) for fact in COUNT_FACTS}
        # Unless a condition reads them, the employer's channel preference and permission to
        # call only matter through the kind of channel each action ends up with.
        self.raw_channel = bool({"preferred_channel", "may_call"} & reads.facts)
        self.channel_class: dict[tuple[str, bool], int] = {}
        classes: dict[tuple[object, ...], int] = {}
        for pc in (*PREFERRED_CHANNELS, "none"):
            for mc in (False, True):
                sig = channel_signature(pb, None if pc == "none" else pc, mc)
                self.channel_class[(pc, mc)] = classes.setdefault(sig, len(classes))
        self.edges: dict[str, set[str]] = {}
        for (state, _), moves in cp.on_event.items():
            for move in moves:
                if move.rule is not None:
                    self.edges.setdefault(state, set()).add(move.dest)
        for state, moves in cp.timers.items():
            for move in moves:
                self.edges.setdefault(state, set()).add(move.dest)
        self._specs: dict[tuple[str, bool, bool, tuple[str, ...]], Spec] = {}
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
        # Per state, those of its actions and of the actions of states reachable from it.
        self.capped: dict[str, tuple[tuple[str, int], ...]] = {}
        self.moving = moving_anchors(cp)
        self.replaced = replaced_by(news)
        self.moving_facts = moving_facts(cp)

    def branches(self, p: Pending) -> bool:
        """Whether doing ``p`` or not can make a difference anyone can see."""
        event = p.compiled.completed_by
        meaning = EVENTS.get(event) if event is not None else None
        if meaning is not None and _only_sets_facts(meaning):
            # Its only trace is the facts it sets: it matters if a rule reads one or moves on it.
            facts = {name for name, _ in meaning.sets}
            return bool(facts & self.reads.facts) or event in self.triggers
        return True

    def reachable(self, state: str, replies: bool, rounds: bool) -> frozenset[str]:
        """States reachable from ``state``: playbook moves, plus replies while news may come."""
        seen = {state}
        if replies:
            seen.add("waiting")
            if rounds:
                seen.add("interviewed")
        todo = list(seen)
        while todo:
            for dest in self.edges.get(todo.pop(), ()):
                if dest not in seen:
                    seen.add(dest)
                    todo.append(dest)
        return frozenset(seen)

    def spec(self, state: str, replies: bool, rounds: bool, spent: tuple[str, ...] = ()) -> Spec:
        """The key's contents for this state, news budget and actions done as often as they
        may be (``spent``, only without news to come: news can make them due again)."""
        found = self._specs.get((state, replies, rounds, spent))
        if found is None:
            found = self._build(state, replies, rounds, frozenset(spent))
            self._specs[(state, replies, rounds, spent)] = found
        return found

    def _actions(self, states: frozenset[str]) -> dict[str, CompiledAction]:
        """The actions (not reminders: those change nothing) of ``states``, by id."""
        found: dict[str, CompiledAction] = {}
        for s in sorted(states):
            for ca in self.cp.actions.get(s, ()):
                if ca.completed_by is not None:
                    found.setdefault(ca.id, ca)
        return found

    def _build(self, state: str, replies: bool, rounds: bool, spent: frozenset[str]) -> Spec:
        cp = self.cp
        reach = self.reachable(state, replies, rounds)
        actions = {k: ca for k, ca in self._actions(reach).items() if k not in spent}
        timers: list[Move] = [m for s in sorted(reach) for m in cp.timers.get(s, ())]
        moves: list[Move] = [
            m
            for (s, _), group in cp.on_event.items()
            if s in reach
            for m in group
            if m.rule is not None
        ]
        anchors: set[str] = set()
        facts: set[str] = set()
        dates: set[str] = set()
        rules: list[tuple[DateRule, Guard | None]] = []
        for ca in actions.values():
            a = ca.action
            until = a.repeat.until if a.repeat is not None else None
            rules += [(r, a.when) for r in (a.due, a.until, until) if r is not None]
            if a.kind == NEWS_KIND:  # the engine ends it the day before the offer's deadline
                rules.append((DateRule((DateTerm("offer_deadline"),)), a.when))
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
                rules.append((move.rule.after, move.rule.when))
        # Without news to come, the anchors only steps and timers can move are all a rule
        # needs as they are; the rest never change, so each rule's terms over them are kept as
        # one date (exact: a later-of or earlier-of can be taken in parts).
        folds: list[Fold | None] = []
        if not replies:
            folds = [fold_of(*r, self.moving, self.moving_facts) for r in rules]
            for (rule, _), fold in zip(rules, folds, strict=True):
                anchors |= {t.anchor for t in (fold.others if fold else rule.terms)}
        else:
            # While news may come, a rule's anchors that news can replace are needed only for
            # the futures without that news: one fold per set of anchors a piece of news
            # replaces (a new round replaces them all, so needs none).
            for rule, _ in rules:
                anchors |= {t.anchor for t in rule.terms if t.anchor in self.moving}
                folds += [before_news(rule, self.moving | gone) for gone in self.replaced]
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
            facts.add("told_no_follow_up")
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
            frozenset(quiet),
            frozenset(aid for aid, ca in quiet.items() if ca.action.repeat is not None),
            any(ca.completed_by in CONTACT_EVENTS for ca in actions.values()),
            _getter(date_names),
            _getter(getter_names),
            channel_at,
            unique_folds,
            tuple(f.reader() for f in unique_folds),
            None if holds else waits_past_gap(actions.values(), date_names),
        )

    def key(self, run: Run, ctx: Ctx) -> tuple[object, ...]:
        """The abstract state: everything the future of this point depends on, and no more."""
        replies = ctx.inputs > 0
        done = run.done
        if replies:
            spec = self.spec(run.state, True, ctx.rounds > 0)
        else:
            capped = self.capped.get(run.state)
            if capped is None:
                reach = self._actions(self.reachable(run.state, False, False))
                capped = self.capped[run.state] = tuple(
                    (aid, cap) for aid, cap in self.caps_of.items() if aid in reach
                )
            spent = tuple([a for a, cap in capped if done.get(a, 0) >= cap])
            spec = self.spec(run.state, False, False, spent)
        now = run.now.toordinal()
        facts: list[Any] = list(spec.get_facts(run))
        if spec.channel_at >= 0:
            facts[spec.channel_at] = self.channel_class[(run.preferred_channel, run.may_call)]
        for i, cap in spec.counts:
            facts[i] = min(facts[i], cap)
        last_done = run.last_done
        credits = run.credits
        dates = spec.get_dates(run)
        if spec.read_folds:
            dates = dates + tuple([read(run) for read in spec.read_folds])
        return (
            spec,
            now if self.months else now % 7,
            self._dates(spec, dates, now),
            tuple(facts),
            tuple([min(done.get(aid, 0), cap) for aid, cap in spec.done]),
            tuple(
                [
                    last_done[aid].toordinal() - now if done.get(aid) else None
                    for aid in spec.last_done
                ]
            ),
            tuple([credits.get(event, 0) for event in spec.credits]) if credits else (),
            self.live_handled(run, ctx, spec, now) if ctx.handled else (),
            tuple([d.toordinal() - now for d in ctx.recent if now - d.toordinal() < 30])
            if spec.contacts
            else (),
            ctx.inputs,
            ctx.rounds,
            None if ctx.news_day is None else ctx.news_day.toordinal() - now,
            ctx.start.toordinal() - now,
        )

    @staticmethod
    def _dates(spec: Spec, dates: tuple[date | None, ...], now: int) -> tuple[int | None, ...]:
        """The dates relative to ``now``; a wait past the employer's dates that the gap after
        the last check-in already covers is left out.

        The engine moves a check-in due before ``not_before`` to it, and then one due before
        the last check-in plus the gap to that: while ``not_before`` is on or before that day,
        the second move decides alone.  The last check-in only moves later.
        """
        rel = [None if d is None else d.toordinal() - now for d in dates]
        if spec.waits_past is not None:
            at, last_at, gap = spec.waits_past
            wait, last = rel[at], rel[last_at]
            if wait is not None and last is not None and wait <= last + gap:
                rel[at] = None
        return tuple(rel)

    @staticmethod
    def live_handled(run: Run, ctx: Ctx, spec: Spec, now: int) -> tuple[tuple[str, int], ...]:
        """The skipped steps that could still come up again before any news.

        A step the job seeker passed over stays passed over while it is pending with the same
        due date.  It cannot come up again if its rule is done and does not repeat, if a repeat
        has been done since (the next one is a new step), or if no state that has its rule can
        be reached without news (news clears these decisions: see `followup.lint.search`).
        """
        done = run.done
        last_done = run.last_done
        live: list[tuple[str, int]] = []
        for aid, due in ctx.handled:
            if aid not in spec.quiet_actions:
                continue
            if aid in spec.repeats:
                last = last_done.get(aid) if done.get(aid) else None
                if last is not None and due <= last:
                    continue
            elif done.get(aid):
                continue
            live.append((aid, due.toordinal() - now))
        return tuple(sorted(live))


def _only_sets_facts(meaning: EventMeaning) -> bool:
    """Whether recording the event changes nothing but facts (no contact, count or date)."""
    return not (
        meaning.contact
        or meaning.counts
        or meaning.dates
        or meaning.nudge
        or meaning.remembers_channel
        or meaning.closes_as
        or meaning.type == "reply"
    )


def _getter(names: tuple[str, ...]) -> Callable[[Run], tuple[Any, ...]]:
    """A function returning these attributes of a run, always as a tuple."""
    if not names:
        return lambda run: ()
    if len(names) == 1:
        get_one = attrgetter(names[0])
        return lambda run: (get_one(run),)
    return attrgetter(*names)
