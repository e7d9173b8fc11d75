"""L118: a timer that gives up on the case before a check-in dated from the employer's date.

The engine holds a give-up back past the employer's own date only until the check-in it held for
that date is due: the day after the first business day after it (open-past-their-date, in
`followup.semantics.rules`).  A check-in dated further from their date (``decision_by + 1w``)
is not held for.  If a timer in the same state closes the case on a date the employer's dates
cannot move (``interview + 3w``), then whenever their date is late enough the timer comes first
and the check-in never does.  The remedy is to measure the timer from their date too, as the
later of the two.
"""

from __future__ import annotations

from followup.lint.rules import Checks, satisfiable
from followup.model.playbook import Action, AllOf, DateRule, DateTerm, Transition
from followup.model.vocabulary import CLOSED, NUDGE_KINDS
from followup.semantics.meaning import WAIT_PAST
from followup.timeline.durations import Duration

# Anchors dated at or right after the interview, whatever the employer said: a date measured
# only from them stays where it is however late the employer's date.  (Others, such as the day a
# state was entered or the last contact, can follow their date: they are left out, so the check
# never warns where it cannot be sure.)
EARLY_ANCHORS = ("interview", "thank_you_sent")


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


def _fixed(rule: DateRule) -> bool:
    """Whether ``rule`` stays where it is however late the employer's dates are."""
    early = [t.anchor in EARLY_ANCHORS for t in rule.terms]
    return any(early) if rule.combine == "earlier" else all(early)


def _together(c: Checks, action: Action, timer: Transition) -> bool:
    """Whether the action's and the timer's conditions can hold at once."""
    guards = [g for g in (action.when, timer.when) if g is not None]
    return len(guards) < 2 or satisfiable(c, AllOf(tuple(guards)))


def gives_up_first(c: Checks) -> None:
    """A check-in dated past the employer's date that a fixed-date give-up can beat."""
    pb = c.cp.playbook
    closing = [t for t in pb.transitions if t.after is not None and t.dest == CLOSED]
    for action in pb.actions:
        if action.kind not in NUDGE_KINDS:
            continue
        term = _late_term(action.due)
        if term is None:
            continue
        for timer in closing:
            assert timer.after is not None
            shared = [s for s in action.states if s in timer.sources]
            if not shared or not _fixed(timer.after) or not _together(c, action, timer):
                continue
            c.report(
                "L118",
                timer,
                "after",
                f"timer '{timer.id}' closes the case on {_shown(timer.after)} in '{shared[0]}', "
                f"but check-in '{action.id}' waits for {term}: when the employer's "
                f"{term.anchor} is late enough, the case closes first and the check-in never "
                "comes",
                f"the timer measured from {term.anchor} too, later than the check-in: "
                f"after: {{later_of: [{_list(timer.after)}, {term.anchor} + ...]}}",
            )
            break


def _list(rule: DateRule) -> str:
    return ", ".join(str(t) for t in rule.terms)


def _shown(rule: DateRule) -> str:
    if len(rule.terms) == 1:
        return str(rule.terms[0])
    return f"the {rule.combine} of " + ", ".join(str(t) for t in rule.terms)
