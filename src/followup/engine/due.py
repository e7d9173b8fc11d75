"""When each step of the current state is due, and by which channel: the engine's rules on dates.

A step's date starts as its rule says (``due``, or the last time plus ``repeat.every``); then the
engine's own rules move it (`followup.semantics.rules`): past the dates the employer gave, the
gap after the last check-in and after any direct contact, the day before a competing offer's
deadline, off weekends and holidays.  A playbook's opt-outs are compiled into its actions.
`Scheduling` reads the facts (`followup.engine.facts`); `followup.engine.run.Run` changes them.
"""

from __future__ import annotations

from datetime import date

from followup.compile.expressions import GuardFn, shift
from followup.compile.machine import CompiledAction
from followup.engine.facts import Facts, Pending
from followup.model.vocabulary import DIRECT_CHANNELS
from followup.semantics.meaning import GIVE_UP_KIND, MIN_CONTACT_GAP, NEWS_KIND
from followup.semantics.rules import KEEP_PROMISES, NEWS_BEFORE_DEADLINE
from followup.timeline.durations import shift_days

# What `Scheduling.resolve` says of an action whose condition does not hold.
CONDITION_FAILS = "its condition does not hold"


class Scheduling(Facts):
    """The dates and channels of a run's steps, read from its facts."""

    __slots__ = ()

    def pending(
        self, among: tuple[CompiledAction, ...] | None = None, *, settled: bool = False
    ) -> list[Pending]:
        """Actions of the current state (or just ``among`` them) that apply, with their dates.

        ``settled``: the run is between changes (the projection, a note or a timer asking,
        never an event being applied), so the answer is remembered until the next change and
        shared with every settled caller at this version (`held_for_day_off` among them);
        ``among`` must then be None or the state's steps to do (``cp.doable``), and the list
        must not be changed.
        """
        if settled:
            if among is None:
                if self.pending_version == self.version:
                    return self.pending_cache
            elif self.doable_version == self.version:
                return self.doable_cache
        result: list[Pending] = []
        resolve = self.resolve
        for ca in self.cp.actions.get(self.state, ()) if among is None else among:
            found = resolve(ca)
            if type(found) is Pending:
                result.append(found)
        if settled:
            if among is None:
                self.pending_cache, self.pending_version = result, self.version
            else:
                self.doable_cache, self.doable_version = result, self.version
        return result

    def resolve(self, ca: CompiledAction) -> Pending | str:
        """The action as a step with its date and channel, or why it does not apply now."""
        if self.awaiting_interview is not None:
            return "the next interview's date is not recorded yet"
        if not ca.guard(self):
            return CONDITION_FAILS
        count = self.done.get(ca.id, 0)
        repeat = ca.repeat
        if repeat is None:
            if count:
                return "already done"
            due = ca.due(self)
        else:
            if repeat.max is not None and count >= repeat.max:
                return f"done {count} times, the most it allows"
            last = self.last_done.get(ca.id) if count else None
            due = ca.due(self) if last is None else shift(self, last, repeat.every)
        if due is None:
            return "its date is not known for this case"
        if ca.unwanted and self.told_no_follow_up:
            return "they asked you not to follow up"
        if ca.nudge:
            if ca.waits_past and self.not_before is not None and due < self.not_before:
                due = self.not_before
            if ca.waits_for_promise and self.committed:
                promised = self.at_committed
                if promised is not None and due < promised:
                    due = promised
            gap = ca.gap
            if gap is not None and self.last_nudge is not None and due < self.last_nudge + gap:
                due = self.last_nudge + gap
        elif ca.kind == GIVE_UP_KIND:
            floor = self.give_up_floor()  # the advice to let go waits as giving up does
            if floor is not None and due < floor:
                due = floor
        channel = ca.fixed_channel
        channel = self.channel_by(ca.channel, ca.calls_ok) if channel is None else channel or None
        expires = self.news_expires(channel) if ca.kind == NEWS_KIND else None
        paced_after: date | None = None
        last = self.last_direct
        if (
            ca.paced
            and last is not None
            and channel in DIRECT_CHANNELS
            and due < last + MIN_CONTACT_GAP
            and expires is None
        ):
            due, paced_after = last + MIN_CONTACT_GAP, last
        if ca.until is not None:
            until = ca.until(self)
            if until is not None and due > until:
                return f"its next date {due} is past its end {until}"
        if expires is not None and due > expires:
            due = expires
        moved_from: date | None = None
        if channel in ca.off_days:
            rolled = self.cal.roll_forward(due)
            if rolled != due and (expires is None or not self.weekend_news(due, expires)):
                due, moved_from = rolled, due
        latest = None if ca.latest is None else self.window_end(ca, due, channel)
        return Pending(ca, due, channel, expires, paced_after, latest, moved_from)

    def give_up_floor(self) -> date | None:
        """The earliest day a playbook may give up on the case (`REOPENABLE`), or None when
        nothing holds giving up back.

        Not while a promise you made is still due (keep-promises), nor before the employer's
        own date has passed and the check-in held for it is due (open-past-their-date): the day
        after the first business day from the day check-ins wait for (``gives_up_after``).
        """
        held = self.gives_up_after
        if not self.committed:
            return held
        promised = self.at_committed
        if promised is None or KEEP_PROMISES in self.cp.opted_out:
            return held
        kept = shift_days(promised, 1)
        return kept if held is None or kept > held else held

    def held_for_day_off(self, when: date) -> date:
        """The day a timer of the current state due ``when`` fires at the earliest: a step of
        the state that fell due on a weekend or holiday on or before ``when``, and moved to a
        business day after it, holds the timer until that day (business-days-only), where a
        step due that day comes first; else ``when`` itself.

        Only a day off can be held (the step moved over a run of days off, so ``when`` is one),
        and only in a state with steps to do by a channel that keeps off days off: the caller
        (`followup.engine.run.Run.next_timer`) asks only then.
        """
        if self.pending_version == self.version:
            steps = self.pending_cache  # the projection has just asked for every step
        else:
            steps = self.pending(self.cp.doable[self.state], settled=True)
        held = when
        for p in steps:
            moved_from = p.moved_from
            if (
                moved_from is not None
                and moved_from <= when < p.due
                and p.due > held
                and p.compiled.completed_by is not None
            ):
                held = p.due
        return held

    def window_end(self, ca: CompiledAction, due: date, channel: str | None) -> date | None:
        """The last day of an action's window: its ``until`` (the business day before, for
        direct contact), or None when its date is not known for this case (no last day, as a
        date rule whose anchor is unknown is skipped).  Never before the day it is due, which
        the engine's own rules may have moved past it, unless the step lapses (``late: skip``):
        then its window has closed before it could be done, and it lapses with it."""
        assert ca.latest is not None
        end = ca.latest(self)
        if end is None:
            return None
        if channel in self.cp.off_days:
            end = self.cal.roll_backward(end)
        return end if end >= due or ca.lapses else due

    def done_on(self, p: Pending, now: date) -> date | None:
        """The day ``p`` would really be done, acting from ``now``: not before now, and (for
        direct contact) never on a weekend or holiday; None once it is too late to be worth
        doing (news after its last day, `news_expires`)."""
        if p.due > now:
            when = p.due  # on a business day if its channel keeps off days off (`resolve`)
        elif p.channel in p.compiled.off_days:
            when = self.cal.roll_forward(now)
            if when != now and p.expires is not None and self.weekend_news(now, p.expires):
                when = now  # news whose last day comes before the next business day
        else:
            when = now
        if p.expires is not None and when > p.expires:
            return None
        if p.compiled.lapses and p.latest is not None and when > p.latest:
            return None  # its window has passed, and the playbook lets it go (late: skip)
        return when

    def news_expires(self, channel: str | None = None) -> date | None:
        """The last day news of a competing offer is worth sending: the day before its deadline
        (or the day you got it, if the deadline is that close); None without such a deadline.

        By a channel that keeps off weekends and holidays it is the last business day on or
        before that day: news sent the next business day would come on the deadline itself.
        Unless no business day comes between the day you got the offer and then (an offer on
        a Saturday to answer by Monday): then it is that day itself, a day off or not, and the
        step stays on its day (`weekend_news`) rather than wait for the deadline.
        """
        deadline = self.at_offer_deadline
        if not self.competing_offer or self.portfolio_update or deadline is None:
            return None
        if NEWS_BEFORE_DEADLINE in self.cp.opted_out:
            return None
        last = shift_days(deadline, -1)
        got = self.at_competing_offer
        if got is not None and last < got:
            last = got
        if channel not in self.cp.off_days:
            return last
        business = self.cal.roll_backward(last)
        return last if got is not None and business < got else business

    def weekend_news(self, due: date, expires: date) -> bool:
        """Whether news due ``due`` that is worth sending until ``expires`` stays on its day
        off: the next business day would be past its last day (`news_expires`)."""
        return self.cal.roll_forward(due) > expires >= due

    def channel_by(
        self, options: tuple[tuple[str, GuardFn], ...], calls_ok: bool = False
    ) -> str | None:
        """The first channel of a rule's choices (`compile_channels`) this case allows (None:
        none; ``calls_ok``: a call needs no invitation): the channel of an action without a
        fixed one (`CompiledAction.fixed_channel`), or of the engine's own way (`OWN_WAY`)."""
        for use, guard in options:
            if not guard(self):
                continue
            if use == "none":
                return None
            if use == "preferred":
                if self.preferred_channel == "none":
                    continue
                use = self.preferred_channel
            elif use == "committed":
                if not self.committed or self.committed_channel is None:
                    continue
                # The channel you promised, even a call: they agreed to it.
                return self.committed_channel
            if use == "phone" and not self.may_call and not calls_ok:
                continue
            return use
        return None
