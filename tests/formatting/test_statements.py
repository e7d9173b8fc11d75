"""fmt lays out what a playbook says about itself (closes, opt_out) and keeps its meaning."""

from __future__ import annotations

TEXT = """\
id: demo
title: Demo
source: {title: Notes}
opt_out:
  - {source: Timing, reason: It says so., rule: check-in-gap}
closes: {source: Patience, never: We wait for their word.}
transitions:
  - {id: waiting, from: interviewed, after: interview + 2d, to: waiting, source: s}
"""


def test_statements_are_laid_out_and_mean_the_same(reformat, meaning):
    """Each statement's keys in the declared order, the playbook unchanged, and stable."""
    out = reformat(TEXT)
    assert "closes:\n  never: We wait for their word.\n  source: Patience\n" in out
    assert "opt_out:\n  - {rule: check-in-gap, reason: It says so., source: Timing}\n" in out
    assert meaning(out) == meaning(TEXT)
    assert reformat(out) == out
