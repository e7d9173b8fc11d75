"""L118: a timer that gives up on the case before a check-in dated from the employer's date.

The engine holds a give-up back past the employer's own date only until the check-in it held for
that date is due: the day after the first business day after it (open-past-their-date, in
`followup.semantics.rules`).  A check-in dated further from their date (``decision_by + 1w``)
is not held for.  Take the quiet case: the thank-you sent, then nothing from anyone (no reply,
no news, no other contact).  If a timer in the same state then closes the case on a date their
date moves less than the check-in's (``interview + 3w``, or ``decision_by + 1w`` against a
check-in at ``decision_by + 2w``), then whenever their date is late enough the timer comes
first and the check-in never does.  The remedy is to measure the timer from their date with a
longer offset, as the later of the two.
"""

from __future__ import annotations

from followup.lint.graphs import moves_of, reached
from followup.lint.reads import guard_facts
from followup.lint.rules import Checks, satisfiable
from followup.model.playbook import Action, AllOf, DateRule, DateTerm, Transition
from followup.model.vocabulary import CLOSED, NUDGE_KINDS
from followup.semantics.meaning import CONTACT_COUNTS, EVENTS, WAIT_PAST
from followup.timeline.durations import Duration

# In the quiet case these anchors are dated at or right after the interview (the last contact
# only where the state can be reached without another contact; see `_quiet_states`).
EARLY_ANCHORS = ("interview", "thank_you_sent")
# Facts that count contacts: a condition on them can rule the quiet case out.
COUNTED = frozenset({*CONTACT_COUNTS, "check_ins", "check_ins_this_round"})
# In the quiet case these have no date, so a date rule skips terms on them: what news dates
# (a reply, a competing offer, a promise...), and the employer's other date when they gave one.
NEWS_ANCHORS = frozenset(
    anchor for e in EVENTS.values() if not e.contact for anchor, _ in e.dates
) | {"reply"}


def _past_the_hold(offset: Duration) -> bool:
    """Whether a date this far after the employer's can come after the give-up hold, the day
    after the first business day after their date (two days, or four over a weekend)."""
    return (
        bool(offset.months) or offset.business_days >= 2 or offset.days + offset.business_days >= 3
    )


def _late_term(rule: DateRule) -> DateTerm | None:
    """A term on an employer's date that makes ``rule`` as late as that date, past the hold
    (None: no such term, or an earlier-of that another date caps)."""
    terms = rule.terms
    if rule.combine == "earlier" and any(t.anchor not in WAIT_PAST for t in terms):
        return None
    for term in terms:
        offset = term.offset
        if (
            term.anchor in WAIT_PAST
            and offset is not None
            and offset.sign > 0
            and _past_the_hold(offset.duration)
        ):
            return term
    return None


def _quiet_bound(rule: DateRule, anchor: str, last_contact_early: bool) -> int | None:
    """How many days after the employer's ``anchor``, at most, ``rule`` falls in the quiet case
    once that date is late enough (0 if it stays where it is however late it is), or None if
    that cannot be told (a term on an anchor that may follow their date)."""

    def early(term: DateTerm) -> bool:
        a = term.anchor
        return a in EARLY_ANCHORS or (a == "last_contact" and last_contact_early)

    def absent(term: DateTerm) -> bool:
        return term.anchor in NEWS_ANCHORS or (term.anchor in WAIT_PAST and term.anchor != anchor)

    on_it = [t for t in rule.terms if t.anchor == anchor]
    rest = [t for t in rule.terms if t.anchor != anchor and not absent(t)]
    if rule.combine == "earlier" and any(early(t) for t in rest):
        return 0
    if not all(early(t) for t in rest):
        return None
    if not on_it:
        return 0 if rest else None
    spans = [_days(t) for t in on_it]
    return max(spans) if rule.combine != "earlier" else min(spans)


def _days(term: DateTerm) -> int:
    """The most calendar days ``term`` can be after its anchor (a business day may span a
    weekend: 7 for 5)."""
    offset = term.offset
    if offset is None:
        return 0
    return offset.sign * offset.duration.most_days()


def _quiet_states(transitions: tuple[Transition, ...]) -> set[str]:
    """The states a case reaches with no contact after the thank-you: by timers, and the
    thank-you itself, from the interview."""
    quiet = (t for t in transitions if t.after is not None or t.on == "thank_you_sent")
    return reached(moves_of(quiet), ["interviewed"])


def _together(c: Checks, action: Action, timer: Transition) -> bool:
    """Whether the action's and the timer's conditions can hold at once."""
    guards = [g for g in (action.when, timer.when) if g is not None]
    return len(guards) < 2 or satisfiable(c, AllOf(tuple(guards)))


def gives_up_first(c: Checks) -> None:
    """A check-in dated past the employer's date that a give-up can beat in the quiet case."""
    pb = c.cp.playbook
    closing = [t for t in pb.transitions if t.after is not None and t.dest == CLOSED]
    quiet = _quiet_states(pb.transitions)
    for action in pb.actions:
        if action.kind not in NUDGE_KINDS:
            continue
        term = _late_term(action.due)
        if term is None or term.offset is None:
            continue
        needs = term.offset.duration.fewest_days
        for timer in closing:
            assert timer.after is not None
            # A condition on the contacts made so far may rule the quiet case out.
            counted = (guard_facts(action.when) | guard_facts(timer.when)) & COUNTED
            shared = [s for s in action.states if s in timer.sources]
            beaten = [
                s
                for s in shared
                if (bound := _quiet_bound(timer.after, term.anchor, s in quiet and not counted))
                is not None
                and bound < needs
            ]
            if not beaten or not _together(c, action, timer):
                continue
            c.report(
                "L118",
                action,
                "due",
                f"check-in '{action.id}' waits for {term}, but timer '{timer.id}' closes the "
                f"case in '{beaten[0]}' on {timer.after}: when the employer's "
                f"{term.anchor} is late enough and nothing else happens, the case closes first "
                "and the check-in never comes",
                _remedy(timer, term.anchor, needs),
            )
            break


def _remedy(timer: Transition, anchor: str, needs: int) -> str:
    """What to change: the timer's offset on ``anchor``, or a term on it."""
    assert timer.after is not None
    if any(t.anchor == anchor for t in timer.after.terms):
        return (
            f"timer '{timer.id}' at least {needs} days after {anchor} (a longer offset on its "
            f"{anchor} term), or the check-in earlier"
        )
    return (
        f"the timer measured from {anchor} too, later than the check-in: after: "
        f"{{later_of: [{_list(timer.after)}, {anchor} + ...]}}"
    )


def _list(rule: DateRule) -> str:
    return ", ".join(str(t) for t in rule.terms)
