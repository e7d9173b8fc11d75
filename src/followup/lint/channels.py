"""L111: a direct-contact step that some case leaves with no channel at all; L116: a step to the
company by a channel that only reaches a person or a system.

The engine picks an action's channel from its options in order, skipping ``phone`` when calls
are not allowed (unless the action goes ``to: company``, whose main line needs no invitation),
``preferred`` when the employer named none, ``committed`` when nothing was promised, and any
option whose condition does not hold.  When every option is skipped the step
is still recommended, with no channel: the job seeker is told to make contact without being
told how, and the counts treat it as direct contact.  An explicit ``none`` is a choice, not this.
"""

from __future__ import annotations

from followup.lint.reads import completed_by
from followup.lint.rules import Checks
from followup.model.playbook import Action
from followup.model.vocabulary import COMPANY_RECIPIENT, PREFERRED_CHANNELS
from followup.semantics.meaning import CALLS_WITHOUT_INVITATION, CONTACT_EVENTS

_NOT_NAMED = "none"  # the preferred_channel fact when the employer named no channel


def _channel(c: Checks, a: Action, vals: tuple[object, ...], preferred: str, may_call: bool) -> str:
    """The channel the engine gives ``a`` for these facts: a channel, "none", or "" (nothing)."""
    explorer = c.explorer
    for option in a.channel:
        if option.when is not None and not explorer.holds(option.when, vals):
            continue
        use = option.use
        if use == "none":
            return "none"
        if use == "committed":
            continue  # only when something was promised; a case may have promised nothing
        if use == "preferred":
            if preferred == _NOT_NAMED:
                continue
            use = preferred
        if use == "phone" and not may_call and a.to not in CALLS_WITHOUT_INVITATION:
            continue
        return use
    return ""


def no_channel(c: Checks) -> None:
    """A direct-contact action whose options all fall away for some case that reaches it."""
    pb = c.cp.playbook
    # Actions alike in where they apply, when, how and to whom have the same answer.
    answers: dict[tuple[object, ...], tuple[str, bool] | None] = {}
    for a in pb.actions:
        if completed_by(pb, a.kind) not in CONTACT_EVENTS:
            continue
        alike = (a.states, a.when, a.channel, a.to)
        if alike not in answers:
            answers[alike] = _case_without_channel(c, a)
        found = answers[alike]
        if found is None:
            continue
        preferred, may_call = found
        said = "named no channel" if preferred == _NOT_NAMED else f"prefers {preferred}"
        c.report(
            "L111",
            a,
            "channel",
            f"action '{a.id}' can be recommended with no channel: when the employer {said} and "
            f"{'allows' if may_call else 'does not allow'} calls, none of its channel options "
            "applies, so the step says to make contact without saying how",
            "a last channel option every case allows, such as email "
            f"(channel: [{', '.join(o.use for o in a.channel)}, email])",
        )


# Channels that reach a person or a system, never the company's main line or its reception.
NOT_TO_COMPANY = ("recruiter", "portal", "linkedin")


def company_channels(c: Checks) -> None:
    """An action ``to: company`` with a channel option that cannot reach the company itself."""
    for a in c.cp.playbook.actions:
        if a.to != COMPANY_RECIPIENT:
            continue
        wrong = [o.use for o in a.channel if o.use in NOT_TO_COMPANY]
        if wrong:
            c.report(
                "L116",
                a,
                "channel",
                f"action '{a.id}' goes to the company, but its channel {wrong[0]} reaches "
                "a person or a system, not the company's main line",
                "phone or mail for the company (or drop `to: company` to write to your contact)",
            )


def _case_without_channel(c: Checks, a: Action) -> tuple[str, bool] | None:
    explorer = c.explorer
    at = explorer.at
    for state in a.states:
        for vals in c.reach.states.get(state, ()):
            if not explorer.holds(a.when, vals):
                continue
            prefs = (
                [str(vals[at["preferred_channel"]])]
                if "preferred_channel" in at
                else [*PREFERRED_CHANNELS, _NOT_NAMED]
            )
            calls = [bool(vals[at["may_call"]])] if "may_call" in at else [False, True]
            for preferred in prefs:
                for may_call in calls:
                    if _channel(c, a, vals, preferred, may_call) == "":
                        return preferred, may_call
    return None
