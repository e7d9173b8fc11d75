"""The search's key: the abstract state of a point on a path, everything its future depends on.

The prover remembers the worst future of each abstract state.  Two points of two paths may share
that future when everything the engine will still read is the same, written relative to the
current day.  What it will read comes from the playbook (`followup.lint.specs`); counts only
matter up to one more than the largest number a condition compares them with.

Dates are kept relative to the current day together with its weekday (business days and
weekends are all that a weekends-only calendar knows), unless the playbook counts calendar
months, whose lengths depend on the date itself: then the current day itself is kept.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from followup.compile.machine import CompiledPlaybook
from followup.engine.facts import Pending
from followup.engine.run import Run
from followup.lint.reads import channel_signature, uses_months
from followup.lint.space import Input
from followup.lint.specs import Spec, Specs
from followup.model.vocabulary import PREFERRED_CHANNELS
from followup.semantics.meaning import EVENTS, EventMeaning

if TYPE_CHECKING:
    from followup.lint.search import Ctx

Key = tuple[object, ...]  # an abstract state: see `Relevance.key`
CHOICES = 2  # how many parts of a key come from the path's choices (`Relevance._choices`)


class Relevance:
    """The search's key for one compiled playbook (what it holds: `followup.lint.specs`)."""

    def __init__(
        self, cp: CompiledPlaybook, *, absolute: bool = False, news: tuple[Input, ...] = ()
    ) -> None:
        self.cp = cp
        pb = cp.playbook
        self.specs = Specs(cp, news)
        reads = self.specs.reads
        # Keep the day itself (not only its weekday) when months or public holidays make the
        # calendar differ from one week to the next.
        self.months = uses_months(pb) or absolute
        self.triggers = frozenset(reads.triggers)
        self.reads = reads
        self.channel_class: dict[tuple[str, bool], int] = {}
        classes: dict[tuple[object, ...], int] = {}
        for pc in (*PREFERRED_CHANNELS, "none"):
            for mc in (False, True):
                sig = channel_signature(pb, None if pc == "none" else pc, mc)
                self.channel_class[(pc, mc)] = classes.setdefault(sig, len(classes))
        # What `key` works out once: the progress parts of a key before anything is done, by
        # spec.
        self._undone_parts: dict[Spec, tuple[tuple[object, ...], tuple[object, ...]]] = {}

    def branches(self, p: Pending) -> bool:
        """Whether doing ``p`` or not can make a difference anyone can see."""
        event = p.compiled.completed_by
        meaning = EVENTS.get(event) if event is not None else None
        if meaning is not None and _only_sets_facts(meaning):
            # Its only trace is the facts it sets: it matters if a rule reads one or moves on it.
            facts = {name for name, _ in meaning.sets}
            return bool(facts & self.reads.facts) or event in self.triggers
        return True

    def key(self, run: Run, ctx: Ctx) -> Key:
        """The abstract state: everything the future of this point depends on, and no more."""
        inputs = ctx.inputs
        spec = self.specs.for_run(run, inputs > 0, ctx.rounds > 0, inputs > 1)
        done = run.done
        now = run.now.toordinal()
        facts = spec.get_facts(run)
        if spec.channel_at >= 0 or spec.counts:
            changed: list[Any] = list(facts)
            if spec.channel_at >= 0:
                changed[spec.channel_at] = self.channel_class[(run.preferred_channel, run.may_call)]
            for i, cap in spec.counts:
                if changed[i] > cap:
                    changed[i] = cap
            facts = tuple(changed)
        dates = spec.get_dates(run)
        if spec.read_folds:
            dates = dates + tuple([read(run) for read in spec.read_folds])
        if done:
            last_done = run.last_done
            progress: tuple[object, ...] = tuple(
                [min(done.get(aid, 0), cap) for aid, cap in spec.done]
            )
            lasts: tuple[object, ...] = tuple(
                [
                    last_done[aid].toordinal() - now if done.get(aid) else None
                    for aid in spec.last_done
                ]
            )
        else:  # nothing done yet (a round just begun): the same, without a look-up per rule
            progress, lasts = self._undone(spec)
        credits = run.credits
        recent = ctx.recent
        return (
            spec,
            now if self.months else now % 7,
            self._dates(spec, dates, now),
            facts,
            progress,
            lasts,
            tuple([credits.get(event, 0) for event in spec.credits]) if credits else (),
            tuple([d.toordinal() - now for d in recent if now - d.toordinal() < 30])
            if recent and spec.contacts
            else (),
            inputs,
            ctx.rounds,
            ctx.start.toordinal() - now,
            self.live_handled(run, ctx, spec, now) if ctx.handled else (),
            None if ctx.news_day is None else ctx.news_day.toordinal() - now,
        )

    def _undone(self, spec: Spec) -> tuple[tuple[object, ...], tuple[object, ...]]:
        """The per-rule progress parts of a key for a run that has done nothing yet."""
        found = self._undone_parts.get(spec)
        if found is None:
            found = self._undone_parts[spec] = (
                tuple([min(0, cap) for _, cap in spec.done]),
                (None,) * len(spec.last_done),
            )
        return found

    def rekeyed(self, key: Key, run: Run, ctx: Ctx) -> Key:
        """The key of ``run`` with ``ctx``, from ``key``, its key with a context that differs
        only in the steps passed over and the day news may come (a skipped step, or no news
        on a news day): all but those, the last two parts, is kept."""
        spec = key[0]
        assert isinstance(spec, Spec)
        return (*key[:-CHOICES], *self._choices(run, ctx, spec, run.now.toordinal()))

    def _choices(self, run: Run, ctx: Ctx, spec: Spec, now: int) -> tuple[object, ...]:
        """The last `CHOICES` parts of a key: the steps passed over that can come up again,
        and the day news may still come."""
        return (
            self.live_handled(run, ctx, spec, now) if ctx.handled else (),
            None if ctx.news_day is None else ctx.news_day.toordinal() - now,
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
