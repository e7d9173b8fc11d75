"""What stays as it is until news comes, so that the prover's key may keep less of it.

After the last piece of news a path may get, only the job seeker's steps and the playbook's timers
change a run: they move a few anchors (the last contact, the day a state was entered, what the
steps date) and a few facts (counts, what steps set).  Every other anchor and fact keeps its value
to the end of the path.  So a date rule's terms over anchors that keep their values can be kept as
one date (the later or earlier of them: exact, since a later-of or an earlier-of can be taken in
parts), and dropped once they can no longer decide the rule.  `followup.lint.specs` puts these
folds in the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from followup.compile.expressions import DateFn, GuardFn, compile_date, compile_guard
from followup.compile.machine import CompiledAction, CompiledPlaybook
from followup.engine.run import Run
from followup.lint.space import Input
from followup.model.playbook import Compare, DateRule, DateTerm, Guard, guard_tests
from followup.semantics.meaning import (
    CONTACT_COUNTS,
    DEADLINE,
    DEFAULT_REPLY,
    DUE_OR_DAY,
    EVENTS,
    ON_THE_DAY,
    REPLIES,
    ROUND_ANCHORS,
    EventMeaning,
)

# Anchors the engine reads itself, not only through a playbook's rules (`followup.engine`): a
# promise's day, a competing offer's and its deadline.  (It also reads the last reply's, which
# the key holds as it is wherever a timer may fire.)
ENGINE_READS = ("committed", "competing_offer", "offer_deadline")


@dataclass(frozen=True, slots=True)
class Fold:
    """A rule's terms over anchors only news can move, as one date, and its other terms."""

    terms: tuple[DateTerm, ...]
    later: bool  # the rule takes the later of its terms (else the earlier)
    others: tuple[DateTerm, ...]
    condition: Guard | None  # one that stays as it is: the same terms under two are two folds
    settled: bool  # no news can come: the other terms' anchors only move later from here
    get: DateFn = field(compare=False)
    moving: tuple[DateFn, ...] = field(compare=False)
    when: GuardFn | None = field(compare=False)
    # For the futures with one kind of news: its terms date the rule at least this many days
    # after today (the news comes today or later), so a fold no later than that cannot decide
    # a later-of (None: no such bound).
    floor: int | None = None

    @staticmethod
    def of(
        rule: DateRule,
        fixed: tuple[DateTerm, ...],
        condition: Guard | None,
        *,
        settled: bool,
        floor: int | None = None,
    ) -> Fold:
        """The fold of ``rule``'s ``fixed`` terms (``condition``: one that stays as it is;
        ``settled``: no news can come any more; ``floor``: see `Fold.floor`)."""
        others = tuple(t for t in rule.terms if t not in fixed)
        return Fold(
            fixed,
            rule.combine == "later",
            others,
            condition,
            settled,
            compile_date(DateRule(fixed, rule.combine)),
            tuple(compile_date(DateRule((t,))) for t in others),
            None if condition is None else compile_guard(condition),
            floor,
        )

    def reader(self) -> DateFn:
        """`value` as a function of a run; without a condition or later terms to pass it, the
        fixed terms' own date function (the prover reads folds millions of times)."""
        if (
            self.when is None
            and self.floor is None
            and not (self.later and self.settled and self.moving)
        ):
            return self.get
        return self.value

    def value(self, run: Run) -> date | None:
        """The fixed terms' date, or None once it can no longer decide the rule.

        Once no news can come (``settled``): a condition over facts only news can change stays
        as it is; and the anchors of the other terms only ever move later and, once known, stay
        known, so once one of them is on or after the fixed date, a later-of never again takes
        the fixed date.  While news may come, a later-of no later than its ``floor`` after
        today is never taken in the futures with the news the fold is for.
        """
        if self.when is not None and not self.when(run):
            return None
        found = self.get(run)
        floor = self.floor
        if (
            found is not None
            and floor is not None
            and found.toordinal() - run.now.toordinal() <= floor
        ):
            return None
        if found is not None and self.later and self.settled:
            for term in self.moving:
                other = term(run)
                if other is not None and other >= found:
                    return None
        return found


def fold_of(
    rule: DateRule, when: Guard | None, moving: frozenset[str], moving_facts: frozenset[str]
) -> Fold | None:
    """``rule``'s terms over anchors only news can move, kept as one date (None: none).

    ``when`` is the condition of the rule's action or move; ``moving`` and ``moving_facts``
    are the playbook's `moving_anchors` and `moving_facts`.
    """
    fixed = _fixed_terms(rule, moving)
    if not fixed:
        return None
    # A condition over facts only news can change holds or fails for good: while it
    # fails, the rule's dates cannot matter.
    still = settled_at(when, moving, moving_facts, {}) == ()
    return Fold.of(rule, fixed, when if still else None, settled=True)


def before_news(rule: DateRule, moving: frozenset[str], news: Replaced) -> Fold | None:
    """While news may come: ``rule``'s terms over anchors neither steps (``moving``) nor one
    kind of ``news`` move, as one date, for the futures with that news; None if it has none.

    No condition is read: news can clear what steps only move later (a new round clears the
    thank-you's date) and change facts.  But the news dates some of the rule's other terms
    afresh, no earlier than it comes: a later-of whose fold is not later than those cannot be
    decided by it (`Fold.floor`).
    """
    fixed = _fixed_terms(rule, moving | news.anchors)
    if not fixed:
        return None
    floor: int | None = None
    if rule.combine == "later":
        ahead = dict(news.ahead)
        bounds = [
            ahead[t.anchor] + least
            for t in rule.terms
            if t.anchor in ahead and (least := _least_days(t)) is not None
        ]
        floor = max(bounds, default=None)
    return Fold.of(rule, fixed, None, settled=False, floor=floor)


def _least_days(term: DateTerm) -> int | None:
    """The fewest calendar days ``term`` can be after its anchor (None: it may be before)."""
    if term.offset is None:
        return 0
    if term.offset.sign < 0:
        return None
    return term.offset.duration.fewest_days


def _fixed_terms(rule: DateRule, moving: frozenset[str]) -> tuple[DateTerm, ...]:
    """``rule``'s terms over anchors not in ``moving``."""
    return tuple(t for t in rule.terms if t.anchor not in moving)


@dataclass(frozen=True, slots=True)
class Replaced:
    """The anchors one kind of news dates afresh, and for some of them the fewest days after
    the news they are dated (a reply's own day: 0; a new decision date: 14)."""

    anchors: frozenset[str]
    ahead: tuple[tuple[str, int], ...] = ()
    by_news: bool = True  # some news dates these (else: the futures without any news)
    moves_to: frozenset[str] = frozenset()  # where replies among that news take the case


def replaced_by(news: Iterable[Input]) -> tuple[Replaced, ...]:
    """What each kind of ``news`` dates afresh; no news (nothing) first.  Kinds that date the
    same anchors share one, with the fewest days ahead of them all.

    A reply dates the reply, and with a new decision date that too; a new round dates all of
    `ROUND_ANCHORS` afresh; other news dates what its event dates (`EVENTS`).
    """
    found: dict[frozenset[str], dict[str, int] | None] = {frozenset(): {}}
    moves: dict[frozenset[str], set[str]] = {}
    quiet = True  # no kind of news dates nothing
    for n in news:
        ahead: dict[str, int] = {}
        dests: set[str] = set()
        if n.type == "reply":
            meaning = REPLIES[n.outcome or DEFAULT_REPLY]
            ahead["reply"] = 0
            if n.ahead and meaning.restarts_nudges:
                ahead["decision_by"] = n.ahead
            dated = set(ahead)
            dests.add(meaning.dest)
            if meaning.new_round:
                dated, ahead = set(ROUND_ANCHORS), {}
        else:
            dated = {anchor for anchor, _ in EVENTS[n.type].dates}
            for anchor, source in EVENTS[n.type].dates:
                if source == ON_THE_DAY:
                    ahead[anchor] = 0
                elif source in (DUE_OR_DAY, DEADLINE):
                    ahead[anchor] = n.ahead  # the date the news carries (`Input.event`)
        key = frozenset(dated)
        quiet = quiet and bool(key)
        moves.setdefault(key, set()).update(dests)
        if key in found:
            known = found[key] or {}
            ahead = {a: min(d, known[a]) for a, d in ahead.items() if a in known}
        found[key] = ahead
    return tuple(
        Replaced(
            k,
            tuple(sorted((v or {}).items())),
            bool(k) or not quiet,
            frozenset(moves.get(k, ())),
        )
        for k, v in found.items()
    )


def moving_anchors(cp: CompiledPlaybook) -> frozenset[str]:
    """The anchors that can move without news: by a step the job seeker does, or a timer.

    News (a reply, an offer, a promise, a new round) moves others, and the engine reads some
    of them directly besides the rules (`ENGINE_READS`): those are counted as moving too, so
    they stay in the key as they are.
    """
    moving = {"state_entered", "last_contact", *ENGINE_READS}
    for meaning in _steps(cp):
        moving |= {anchor for anchor, _ in meaning.dates}
    return frozenset(moving)


def moving_facts(cp: CompiledPlaybook) -> frozenset[str]:
    """The facts that can change without news: those a step the job seeker does sets or counts."""
    moving = set(CONTACT_COUNTS)
    for meaning in _steps(cp):
        moving |= {name for name, _ in meaning.sets} | set(meaning.counts)
    return frozenset(moving)


def settling_facts(cp: CompiledPlaybook) -> dict[str, object]:
    """The moving facts steps only ever set to one value (sharing your news clears it), with
    that value: once a fact has it, it keeps it until news comes."""
    values: dict[str, set[object]] = {}
    counted = set(CONTACT_COUNTS)
    for meaning in _steps(cp):
        for name, value in meaning.sets:
            values.setdefault(name, set()).add(value)
        counted |= set(meaning.counts)
    return {
        name: next(iter(found))
        for name, found in values.items()
        if len(found) == 1 and name not in counted
    }


def settled_at(
    when: Guard | None,
    moving: frozenset[str],
    moving_facts: frozenset[str],
    settling: dict[str, object],
) -> tuple[tuple[str, object], ...] | None:
    """When the condition ``when`` holds or fails for good once no news can come: once each
    fact returned has its value (none: from the start); None if never (it tests a count, a
    fact steps set either way, or a date they move)."""
    if when is None:
        return None
    needs: dict[str, object] = {}
    for t in guard_tests(when):
        if not isinstance(t, Compare):
            if {t.start, t.end} & moving:
                return None
        elif t.fact in settling:
            needs[t.fact] = settling[t.fact]
        elif t.fact in moving_facts:
            return None
    return tuple(sorted(needs.items()))


def _steps(cp: CompiledPlaybook) -> Iterator[EventMeaning]:
    """What recording each step of ``cp`` the job seeker can do means (reminders have none)."""
    for group in cp.actions.values():
        for ca in group:
            meaning = EVENTS.get(ca.completed_by) if ca.completed_by is not None else None
            if meaning is not None:
                yield meaning


def waits_past_gap(
    actions: Iterable[CompiledAction], names: tuple[str, ...]
) -> tuple[int, int, int] | None:
    """Where ``names`` has ``not_before`` and ``last_nudge``, and the shortest gap after a
    check-in of the ``actions`` that wait past the employer's dates (None: not both named, or
    one waits past them without a gap): `followup.lint.specs.Spec.waits_past`."""
    gaps = [ca.gap for ca in actions if ca.nudge and ca.waits_past]
    if not gaps or None in gaps or "not_before" not in names or "last_nudge" not in names:
        return None
    shortest = min(g.days for g in gaps if g is not None)
    return names.index("not_before"), names.index("last_nudge"), shortest
