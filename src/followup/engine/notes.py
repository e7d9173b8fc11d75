"""What the job seeker should know on a day that is not a step: the plan's notes.

A thank-you whose moment passed unrecorded, news of a competing offer whose last day has gone
(or that the playbook has no step for), an offer whose answer-by date passed, a window that
closed with nothing recorded, a promise not kept on its day.
"""

from __future__ import annotations

from datetime import date

from followup.compile.machine import compile_channels
from followup.engine.facts import lapsed_words
from followup.engine.run import Run
from followup.model.vocabulary import CLOSED, INITIAL_STATE
from followup.semantics.builtin import OWN_WAY
from followup.semantics.meaning import NEWS_KIND, OFFER, THANKS_KINDS
from followup.semantics.rules import KEEP_PROMISES

_OWN_WAY = compile_channels(OWN_WAY)


def offer_unanswered(run: Run) -> bool:
    """Whether the case closed on an offer that you have not yet answered (as recorded)."""
    return run.outcome == OFFER and run.offer_answer is None and run.closed_on is not None


def _thanks_out_of_reach(run: Run, today: date) -> str:
    """A line when a thank-you is still pending but the playbook's time for it ends before
    the next day it may go (an email seen on a weekend): the plan will move on without it."""
    timer = run.next_timer()
    if run.state != INITIAL_STATE or timer is None:
        return ""
    for p in run.pending(settled=True):
        if p.compiled.action.kind not in THANKS_KINDS:
            continue
        when = run.done_on(p, today)
        if when is not None and when > timer[0]:
            return (
                f"No thank-you is recorded, and the time this playbook gives for one ends on "
                f"{timer[0]:%a} {timer[0].isoformat()}, before the next day it may go "
                f"{_by(p.channel)}({when:%a} {when.isoformat()}): the plan moves on without it."
            )
    return ""


def _by(channel: str | None) -> str:
    return f"by {channel} " if channel else ""


def _missed_thanks(run: Run, today: date) -> str:
    """A line when the plan has moved past an interview that nobody was thanked for (or is
    about to, with no day left for the thank-you)."""
    interview = run.at_interview
    if run.state == INITIAL_STATE and interview is not None and interview <= today:
        return _thanks_out_of_reach(run, today)
    if run.state in (INITIAL_STATE, CLOSED) or interview is None or interview > today:
        return ""
    if not any(a.kind in THANKS_KINDS for a in run.cp.playbook.actions):
        return ""  # the playbook gives no time for a thank-you: nothing has passed
    thanks = {run.cp.completed_by.get(kind) for kind in THANKS_KINDS}
    if any(ev.type in thanks and interview <= ev.date <= today for ev in run.case.events):
        return ""
    late = [p for p in run.pending(settled=True) if p.compiled.action.kind in THANKS_KINDS]
    verdict = (
        "this playbook still suggests a late one (see the plan)"
        if late
        else "this playbook does not suggest a late one now; carry on with the plan"
    )
    return (
        f"No thank-you is recorded for the interview on {interview.isoformat()}, and the time "
        f"this playbook gives for one has passed: {verdict}."
    )


def _windows_passed(run: Run, today: date) -> list[str]:
    """A line for each step whose window (due..until) has passed with nothing recorded: it
    still stands (late is better than never for a contact the coach asked for), shown due; or
    it lapsed (``late: skip``), also when the engine's own rules moved it past its window."""
    if run.state == CLOSED:
        return []
    out: list[str] = []
    for p in run.pending(settled=True):
        if p.latest is None or p.expires is not None:
            continue
        rule = p.compiled.action.id
        if p.compiled.lapses and p.latest < p.due:
            out.append(f"{lapsed_words(p, f'The window for {rule}', today)}.")
        elif p.latest < today:
            days = p.due.isoformat() + ("" if p.latest == p.due else f" to {p.latest.isoformat()}")
            window = f"The window for {rule} ({days})"
            out.append(
                f"{window} has passed with nothing recorded, and the playbook lets it go "
                "(late: skip)."
                if p.compiled.lapses
                else f"{window} has passed with nothing recorded: it is still in the plan, so "
                "do it now, late."
            )
    return out


def _way_to_tell(run: Run) -> str | None:
    """How you would tell them news with no step for it: the way the engine's own steps reach
    them (`OWN_WAY`)."""
    return run.channel_by(_OWN_WAY)


def _has_news_step(run: Run) -> bool:
    """Whether the playbook has a step of the kind that tells them about a competing offer."""
    return any(ca.action.kind == NEWS_KIND for group in run.cp.actions.values() for ca in group)


def news_tell_by(run: Run) -> date | None:
    """The last day to tell them about a competing offer the case holds and has not shared,
    by the channel the playbook's step for it goes by, or the one you would use without such a
    step; None without such news."""
    expired = run.news_expires()
    if expired is not None:
        news = [p.expires for p in run.pending(settled=True) if p.compiled.action.kind == NEWS_KIND]
        expired = news[0] if news else run.news_expires(_way_to_tell(run))
    return expired


def notes_now(run: Run, today: date, expired: date | None) -> list[str]:
    """What the job seeker should know that is not a step: a promise whose day has passed
    (``expired``: `news_tell_by` of ``run``)."""
    notes: list[str] = []
    missed = _missed_thanks(run, today)
    if missed:
        notes.append(missed)
    if run.state != CLOSED and expired is not None and not _has_news_step(run):
        # The engine's rule times a playbook's own step; without one, say so rather than nothing.
        if expired >= today:
            notes.append(
                f"You hold a competing offer to answer by {run.at_offer_deadline}. This playbook "
                f"has no step for telling them about it (its article does not cover it): whether "
                f"to tell them, by {expired:%a} {expired.isoformat()} at the latest, is your call."
            )
    elif run.state != CLOSED and expired is not None and expired < today:
        notes.append(
            f"The last day to tell them about your competing offer was {expired} (its deadline "
            f"is {run.at_offer_deadline}), so that step has expired; if you still hold the "
            "offer, a new deadline is new news: record it."
        )
    by = run.offer_answer_by
    if offer_unanswered(run) and by is not None and by < today:
        notes.append(
            f"Their offer asked for your answer by {by}, which has passed with no answer "
            "recorded: if you gave one, record it (accepted or declined); if not, ask them "
            "whether the offer still stands before you answer."
        )
    notes += _windows_passed(run, today)
    promised = run.at_committed
    called_off = run.promise_called_off
    if run.state != CLOSED and called_off is not None and promised is not None:
        what = f" ({run.committed_note})" if run.committed_note else ""
        notes.append(
            f"You had promised to follow up on {promised.isoformat()}{what}; on "
            f"{called_off.isoformat()} they asked you not to follow up, so the plan drops that "
            "promise. Do it only if they ask you for it."
        )
    keeps = KEEP_PROMISES not in run.cp.opted_out
    if (
        run.state != CLOSED
        and keeps
        and run.committed
        and promised is not None
        and promised < today
    ):
        what = f" ({run.committed_note})" if run.committed_note else ""
        notes.append(
            f"You promised to follow up on {promised.isoformat()}{what} and nothing since "
            "says you did: a broken promise. Do it now, and say why it is late."
        )
    return notes
