"""Has the playbook or the engine moved away from the numbers the hand-written baseline restates?

``policy.py`` keeps the policy's numbers as plain constants so that it stays independent of the
engine.  This check, reported with the agreement step, reads the same numbers from the playbook the
engine loads and from the engine itself, and names every one that differs: a baseline that
silently does different work would make the timings meaningless.
"""

from __future__ import annotations

from datetime import timedelta

import policy
import yaml


def drift() -> list[str]:
    """One line per restated number that no longer matches the playbook or the engine."""
    from followup.catalog import resolve
    from followup.semantics.meaning import MIN_CONTACT_GAP, MIN_NUDGE_GAP
    from followup.timeline.durations import Duration, parse_duration

    path = resolve(policy.PLAYBOOK)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    params = data["parameters"]
    waiting = next(t for t in data["transitions"] if t["id"] == "waiting-game")
    restated = {
        "thank_you_window": Duration(business_days=policy.THANK_YOU_WINDOW_BUSINESS_DAYS),
        "first_check_in": Duration(days=policy.FIRST_CHECK_IN_DAYS),
        "on_hold_every": Duration(days=policy.ON_HOLD_EVERY_DAYS),
        "give_up_after": Duration(months=policy.GIVE_UP_MONTHS),
    }
    problems = []
    for name, want in restated.items():
        try:
            same = parse_duration(str(params.get(name))) == want
        except ValueError:  # DurationError: missing or no longer a duration
            same = False
        if not same:
            problems.append(
                f"{path}: parameters.{name} is {params.get(name)!r}; "
                f"bench/policy.py restates it as {want.canonical}"
            )
    if params.get("max_check_ins") != policy.MAX_CHECK_INS:
        problems.append(
            f"{path}: parameters.max_check_ins is {params.get('max_check_ins')!r}; "
            f"bench/policy.py restates it as {policy.MAX_CHECK_INS}"
        )
    if waiting.get("after") != f"state_entered + {policy.WAITING_GAME_DAYS}d":
        problems.append(
            f"{path}: transition waiting-game fires after {waiting.get('after')!r}; "
            f"bench/policy.py restates it as state_entered + {policy.WAITING_GAME_DAYS}d"
        )
    if timedelta(days=policy.MIN_NUDGE_GAP_DAYS) != MIN_NUDGE_GAP:
        problems.append(
            f"followup.semantics.meaning.MIN_NUDGE_GAP is {MIN_NUDGE_GAP.days} days; "
            f"bench/policy.py restates it as {policy.MIN_NUDGE_GAP_DAYS}"
        )
    if timedelta(days=policy.MIN_CONTACT_GAP_DAYS) != MIN_CONTACT_GAP:
        problems.append(
            f"followup.semantics.meaning.MIN_CONTACT_GAP is {MIN_CONTACT_GAP.days} days; "
            f"bench/policy.py restates it as {policy.MIN_CONTACT_GAP_DAYS}"
        )
    return problems
