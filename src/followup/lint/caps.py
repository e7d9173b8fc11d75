"""L117: a per-round limit on contacts that the limit on the whole application already beats.

``max_contacts`` counts direct contacts over every round together and ``max_contacts_per_round``
those of one interview round, so a per-round limit above the total can never be the one that
binds: the coach most likely swapped the two numbers.
"""

from __future__ import annotations

from followup.lint.rules import Checks


def loose_round_cap(c: Checks) -> None:
    """``max_contacts_per_round`` above ``max_contacts``: it promises nothing."""
    limits = c.cp.playbook.limits
    per_round, total = limits.max_contacts_per_round, limits.max_contacts
    if per_round is None or total is None or per_round <= total:
        return
    c.report(
        "L117",
        None,
        "limits",
        f"max_contacts_per_round ({per_round}) is more than max_contacts ({total}): one round "
        "never makes more contacts than the whole application, so it promises nothing",
        f"max_contacts_per_round at most {total}, or the two numbers the other way round",
    )
