"""Small playbooks for the lint and prove tests, each wrong in one way, and a CLI runner."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "playbooks").glob("*.yaml"))

HEADER = "id: {id}\ntitle: A test playbook\nsource: {{title: A test article}}\n"
# Rules most test playbooks share: thank, then wait, and let go after four weeks.
USUAL = """\
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: waited, from: thanked, after: state_entered + 1d, to: waiting, source: s}
  - {id: give-up, from: [interviewed, thanked, waiting], after: interview + 4w, to: closed,
     source: s}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.,
     source: s}
"""

# One small playbook per lint code, each wrong in exactly that way.
BAD: dict[str, str] = {
    "L001": "id: broken\ntitle: [\n",
    "L101": USUAL
    + """\
  - {id: on-hold-note, in: on-hold, kind: check_in, due: last_contact + 1w, channel: email,
     advice: Go., source: s}
""",
    "L102": """\
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: waited, from: [interviewed, thanked], after: interview + 2d, to: waiting, source: s}
  - {id: give-up, from: waiting, after: interview + 4w, when: {follow_up: invited}, to: closed,
     source: s}
""",
    "L103": """\
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thankd, source: s}
""",
    "L104": USUAL
    + """\
  - {id: odd, in: waiting, kind: check_in, due: interview + 1w, channel: email, advice: Go.,
     source: s, when: {check_ins: {lt: 1, gt: 2}}}
""",
    "L105": """\
transitions:
  - {id: back, from: closed, after: interview + 1w, to: waiting, source: s}
""",
    "L106": """\
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: soon, from: thanked, after: state_entered + 1w, to: closed, source: s}
  - {id: late, from: thanked, after: state_entered + 2w, to: checked-in, source: s}
  - {id: give-up, from: [interviewed, waiting, checked-in], after: interview + 4w, to: closed,
     source: s}
""",
    "L107": """\
transitions:
  - {id: give-up, from: interviewed, after: interview + 1w, when: {check_inz: {ge: 1}},
     to: closed, source: s}
""",
    "L108": USUAL
    + """\
  - id: nudge
    in: waiting
    kind: check_in
    due: interview + 1w
    repeat: {every: 1w, max: 4, until: interview + 2w}
    channel: email
    advice: Go.
    source: s
""",
    "L109": USUAL.replace("to: thanked, source: s}", "to: thanked}"),
    "L110": USUAL
    + """\
  - {id: ring, in: waiting, kind: check_in, due: interview + 1w, channel: [phone, email],
     advice: Ring them., source: s}
avoid:
  - {id: no-calls, in: [waiting], advice: "Don't call them; write instead.", source: s}
""",
    "L111": USUAL
    + """\
  - {id: ring, in: waiting, kind: check_in, due: interview + 1w, channel: phone,
     advice: Ring them., source: s}
""",
    "L112": USUAL
    + """\
  - {id: late-note, in: interviewed, kind: thank_you_note, due: interview + 5w, channel: mail,
     advice: Too late., source: s}
""",
    "L113": USUAL
    + """  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w, until: decision_by,
     channel: email, advice: Check in within the week before their date., source: s}
""",
    "L114": USUAL + "closes: {never: We wait for their word., source: s}\n",
    "L115": USUAL + "opt_out:\n  - {rule: check-in-gap, reason: It says so., source: s}\n",
    "L116": USUAL
    + """\
  - {id: ring-the-desk, in: waiting, kind: check_in, due: interview + 2w, to: company,
     channel: [recruiter, phone], advice: Ring the main line., source: s}
""",
    "L117": USUAL
    + """\
limits: {max_contacts: 2, max_contacts_per_round: 3}
""",
    "L118": USUAL
    + """\
  - {id: after-their-date, in: waiting, kind: check_in, due: decision_by + 1w, channel: email,
     advice: Ask where things stand., source: s}
""",
    "L119": """transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: give-up, from: [interviewed, thanked], after: interview + 4w, to: closed, source: s}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, at: morning, channel: email,
     advice: Thank them in the morning., source: s}
""",
}

# A playbook that nags: a check-in every three days after the thank-you.
PESTY = (
    HEADER.format(id="pesty")
    + """\
limits:
  max_contacts_per_7d: 2
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, source: s}
  - {id: nagged, from: thanked, on: check_in_sent, to: checked-in, source: s}
  - {id: give-up, from: [interviewed, thanked, waiting, checked-in], after: interview + 3w,
     to: closed, source: s}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.,
     source: s}
  - id: nag
    in: [thanked, checked-in]
    kind: check_in
    due: thank_you_sent + 3d
    repeat: {every: 3d, max: 4}
    channel: email
    advice: Keep at it.
    source: s
"""
)


def playbook_text(code: str) -> str:
    """The whole text of the test playbook for ``code``."""
    body = BAD[code]
    if code == "L001":
        return body
    return HEADER.format(id=code.lower()) + body


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a playbook file into a temporary folder; return its path."""

    def put(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return put
