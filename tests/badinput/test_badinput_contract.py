"""The bad-input contract: exit 2, located ``file:line:col: message; expected ...`` lines, fast.

Every bad file is fed to both ``followup validate`` and ``followup plan``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

COMMANDS = ("validate", "plan")

# Lines 1-3 of every bad case file; the mistake comes after.
CASE = "id: bad\ninterview: 2026-03-02\nplaybook: week-then-on-hold\n"
# Lines 1-4 of every bad playbook; the mistake comes after.
PLAYBOOK = "id: bad-pb\ntitle: Bad\nsource: {title: S}\nparameters: {n: 2, wait: 1w}\n"
ACTION = "{id: a, in: waiting, kind: check_in, due: interview + 1w, channel: email, advice: A."


def billion_laughs() -> str:
    """The classic alias bomb, 10**9 strings once expanded, after the case header."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return CASE + "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Bad:
    """A broken file, where its problem must be reported, and words the report must contain."""

    name: str
    text: str | bytes
    lines: tuple[int, ...]
    words: tuple[str, ...]
    playbook: bool = False


BAD_CASES = [
    Bad("unknown-key", CASE + "compnay: Acme\n", (4,), ("'compnay'", "did you mean 'company'?")),
    Bad(
        "unknown-event-key",
        CASE + "events:\n  - {date: 2026-03-03, type: thank_you_sent, chanel: email}\n",
        (5,),
        ("'chanel'", "did you mean 'channel'?"),
    ),
    Bad(
        "unknown-employer-key",
        CASE + "employer:\n  decison_by: 2026-03-20\n",
        (5,),
        ("'decison_by'", "did you mean 'decision_by'?"),
    ),
    Bad("wrong-type-text", CASE + "role: 7\n", (4,), ("role", "text")),
    Bad("wrong-type-list", CASE + "events: {date: 2026-03-03}\n", (4,), ("events", "list")),
    Bad(
        "impossible-event-date",
        CASE + "events:\n  - {date: 2026-02-30, type: thank_you_sent}\n",
        (5,),
        ("2026-02-30", "does not exist", "real calendar date"),
    ),
    Bad(
        "impossible-interview-date",
        "id: bad\ninterview: 2026-02-30\nplaybook: week-then-on-hold\n",
        (2,),
        ("2026-02-30", "real calendar date"),
    ),
    Bad(
        "unknown-event-type",
        CASE + "events:\n  - {date: 2026-03-03, type: thank_you}\n",
        (5,),
        ("'thank_you'", "did you mean 'thank_you_sent'?", "check_in_sent"),
    ),
    Bad(
        "unknown-reply-outcome",
        CASE + "events:\n  - {date: 2026-03-03, type: reply, outcome: maybe}\n",
        (5,),
        ("'maybe'", "still_deciding", "no_follow_up"),
    ),
    Bad(
        "unknown-playbook-id",
        "id: bad\ninterview: 2026-03-02\nplaybook: week-then-on-holt\n",
        (3,),
        ("'week-then-on-holt'", "did you mean 'week-then-on-hold'?"),
    ),
    Bad(
        "duplicate-key",
        CASE + "company: A\ncompany: B\n",
        (5,),
        ("duplicate key 'company'", "first at line 4"),
    ),
    Bad(
        "duplicate-key-in-event",
        CASE + "events:\n  - date: 2026-03-03\n    type: thank_you_sent\n    date: 2026-03-04\n",
        (7,),
        ("duplicate key 'date'",),
    ),
    Bad("alias-bomb", billion_laughs(), tuple(range(5, 13)), ("alias",)),
    Bad(
        "deep-nesting",
        CASE + "notes: " + "[" * 10_000 + "]" * 10_000 + "\n",
        (4,),
        ("nesting is deeper than",),
    ),
    Bad("not-utf8", CASE.encode() + b"company: Caf\xe9 \xff\n", (4,), ("0xE9", "UTF-8")),
    Bad("empty-file", "", (1,), ("nothing", "a mapping")),
    Bad("only-a-comment", "# nothing here\n", (1,), ("nothing", "a mapping")),
    Bad("list-not-mapping", "- id: bad\n- interview: 2026-03-02\n", (1,), ("a list", "a mapping")),
    Bad(
        "yes-is-not-true",
        CASE + "employer:\n  may_call: yes\n",
        (5,),
        ("may_call", "'yes'", "true or false"),
    ),
    Bad(
        "on-is-not-true",
        CASE + "employer:\n  may_call: on\n",
        (5,),
        ("may_call", "'on'", "true or false"),
    ),
    Bad(
        "event-before-interview",
        CASE + "events:\n  - {date: 2026-03-01, type: thank_you_sent}\n",
        (5,),
        ("2026-03-01", "before the interview", "on or after the interview"),
    ),
    Bad(
        "promise-due-before-it-was-made",
        CASE + "events:\n  - {date: 2026-03-09, type: committed, due: 2026-03-05}\n",
        (5,),
        ("2026-03-05", "before the event itself", "on or after 2026-03-09"),
    ),
    Bad(
        "deadline-before-the-offer",
        CASE + "events:\n  - {date: 2026-03-09, type: competing_offer, deadline: 2026-03-01}\n",
        (5,),
        ("the deadline is 2026-03-01", "on or after 2026-03-09"),
    ),
    Bad(
        "decision-date-before-the-interview",
        CASE + "employer:\n  decision_by: 2026-02-20\n",
        (5,),
        ("the decision date is 2026-02-20", "before the interview", "on or after 2026-03-02"),
    ),
    Bad(
        "new-decision-date-before-the-reply",
        CASE
        + "events:\n  - {date: 2026-03-09, type: reply, outcome: still_deciding, "
        + "decision_by: 2026-03-06}\n",
        (5,),
        ("the decision date is 2026-03-06", "on or after 2026-03-09"),
    ),
    Bad(
        "next-interview-before-the-reply",
        CASE
        + "events:\n  - {date: 2026-03-09, type: reply, outcome: next_round, "
        + "interview: 2026-03-06}\n",
        (5,),
        ("the next interview is 2026-03-06", "on or after 2026-03-09"),
    ),
    Bad("unknown-country", CASE + "country: XX\n", (4,), ("'XX'", "US")),
    Bad("malformed-country", CASE + "country: usa\n", (4,), ("'usa'", "two-letter")),
    Bad(
        "unknown-subdivision",
        CASE + "country: GB-EN\n",
        (4,),
        ("'EN'", "did you mean 'GB-ENG'?", "GB-SCT"),
    ),
    Bad(
        "bad-duration",
        CASE + "employer:\n  decision_in: soon\n",
        (5,),
        ("'soon'", "duration"),
    ),
    Bad("invalid-yaml", CASE + "company: [unclosed\n", (4, 5), ("valid YAML",)),
    Bad("missing-interview", "id: bad\nplaybook: week-then-on-hold\n", (1,), ("'interview'",)),
]

BAD_PLAYBOOKS = [
    Bad(
        "unknown-key",
        PLAYBOOK + "sumary: Short.\n",
        (5,),
        ("'sumary'", "did you mean 'summary'?"),
        True,
    ),
    Bad(
        "unknown-transition-key",
        PLAYBOOK
        + "transitions:\n  - {id: t, from: interviewed, on: thank_you_sent, too: thanked}\n",
        (6,),
        ("'too'", "did you mean 'to'?"),
        True,
    ),
    Bad(
        "wrong-type",
        PLAYBOOK
        + "actions:\n  - {id: a, in: waiting, kind: check_in, due: interview, advice: 5}\n",
        (6,),
        ("advice", "text"),
        True,
    ),
    Bad(
        "unknown-guard-fact",
        PLAYBOOK + "actions:\n  - " + ACTION + ", when: {chek_ins: {lt: n}}}\n",
        (6,),
        ("'chek_ins'", "did you mean 'check_ins'?"),
        True,
    ),
    Bad(
        "unknown-parameter",
        PLAYBOOK
        + "transitions:\n  - {id: t, from: thanked, after: state_entered + wiat, to: waiting}\n",
        (6,),
        ("'wiat'", "did you mean 'wait'?"),
        True,
    ),
    Bad(
        "unknown-count-parameter",
        PLAYBOOK + "actions:\n  - " + ACTION + ", when: {check_ins: {lt: most}}}\n",
        (6,),
        ("'most'", "count"),
        True,
    ),
    Bad(
        "duplicate-rule-id",
        PLAYBOOK
        + "transitions:\n"
        + "  - {id: same, from: interviewed, on: thank_you_sent, to: thanked}\n"
        + "  - {id: same, from: thanked, after: state_entered + 1d, to: waiting}\n",
        (7,),
        ("'same'", "used twice", "first at line 6"),
        True,
    ),
    Bad(
        "on-is-not-true",
        PLAYBOOK + "actions:\n  - " + ACTION + ", optional: on}\n",
        (6,),
        ("optional", "'on'", "true or false"),
        True,
    ),
    Bad(
        "yes-is-not-true-in-a-guard",
        PLAYBOOK + "actions:\n  - " + ACTION + ", when: {may_call: yes}}\n",
        (6,),
        ("'yes'", "true or false"),
        True,
    ),
    Bad(
        "unknown-event-type",
        PLAYBOOK + "transitions:\n  - {id: t, from: interviewed, on: thank_you, to: thanked}\n",
        (6,),
        ("'thank_you'", "did you mean 'thank_you_sent'?"),
        True,
    ),
    Bad(
        "duplicate-key",
        PLAYBOOK + "title: Again\n",
        (5,),
        ("duplicate key 'title'", "first at line 2"),
        True,
    ),
    Bad("list-not-mapping", "- id: x\n- title: y\n", (1,), ("a list", "a mapping"), True),
]


def write(tmp_path, bad: Bad):
    """Write the bad file (text as UTF-8, bytes as they are)."""
    path = tmp_path / f"{bad.name}.yaml"
    data = bad.text if isinstance(bad.text, bytes) else bad.text.encode("utf-8")
    path.write_bytes(data)
    return path


def assert_contract(report, path, bad: Bad) -> None:
    """Exit 2, no traceback, fast, every stderr line located, the right line and words."""
    assert report.code == 2, report.out + report.err
    assert "Traceback" not in report.err
    assert report.seconds < 1.0
    problems = report.problems()
    assert problems, "nothing reported"
    unlocated = [line for line, m in zip(report.err.splitlines(), problems, strict=True) if not m]
    assert not unlocated, f"lines without file:line:col: {unlocated}"
    assert all(m["file"].endswith(path.name) for m in problems)
    hits = [m for m in problems if int(m["line"]) in bad.lines]
    assert hits, f"nothing reported at line {bad.lines}: {report.err}"
    assert all("; expected " in m["message"] for m in hits), report.err
    said = " ".join(m["message"] for m in hits)
    for word in bad.words:
        assert word in said, f"{word!r} not in {said!r}"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", BAD_CASES, ids=lambda b: b.name)
def test_bad_case_file(check, tmp_path, command, bad):
    """A broken case file is refused with a located, plain-language report."""
    path = write(tmp_path, bad)
    assert_contract(check(command, path), path, bad)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", BAD_PLAYBOOKS, ids=lambda b: b.name)
def test_bad_playbook_file(check, tmp_path, command, bad):
    """A broken playbook is refused with a located, plain-language report."""
    path = write(tmp_path, bad)
    assert_contract(check(command, path, playbook=True), path, bad)


@pytest.mark.parametrize("command", COMMANDS)
def test_fifty_megabyte_file_is_refused_before_reading(check, tmp_path, command):
    """A 50 MB case file is refused at 1:1 by its size, quickly."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(CASE.encode() + b"notes: |\n")
        handle.truncate(50 * 1024 * 1024)
    report = check(command, path)
    bad = Bad("huge", "", (1,), ("50", "MB", "at most"))
    assert_contract(report, path, bad)
    assert report.problems()[0]["col"] == "1"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("where", "template"),
    [
        ("case-value", CASE + "notes: !!python/object/apply:os.system [{cmd}]\n"),
        ("case-mapping", CASE + "employer: !!python/object/apply:os.system {{args: [{cmd}]}}\n"),
        ("case-new", CASE + "notes: !!python/object/new:os.system [{cmd}]\n"),
        (
            "playbook",
            "id: x\ntitle: !!python/object/apply:os.system [{cmd}]\nsource: {{title: S}}\n",
        ),
    ],
)
def test_python_tags_are_refused_and_never_run(check, tmp_path, command, where, template):
    """YAML python tags are refused where they are written, and the command does not run."""
    marker = tmp_path / "PWNED"
    path = tmp_path / f"{where}.yaml"
    path.write_text(template.format(cmd=f'"touch {marker}"'), encoding="utf-8")
    playbook = where == "playbook"
    report = check(command, path, playbook=playbook)
    line = 2 if playbook else 4
    bad = Bad(where, "", (line,), ("!!python/object", "not allowed"))
    assert_contract(report, path, bad)
    assert not marker.exists()


def test_every_problem_in_a_case_is_reported_at_once(check, tmp_path):
    """Three distinct mistakes in a case file give exactly three located lines."""
    path = tmp_path / "three.yaml"
    path.write_text(
        CASE
        + "compnay: Acme\n"  # line 4: unknown key
        + "employer:\n"
        + "  may_call: yes\n"  # line 6: not true/false
        + "events:\n"
        + "  - {date: 2026-02-30, type: thank_you_sent}\n",  # line 8: impossible date
        encoding="utf-8",
    )
    for command in COMMANDS:
        report = check(command, path)
        assert report.code == 2
        problems = report.problems()
        assert all(problems), report.err
        assert [int(m["line"]) for m in problems] == [4, 6, 8], report.err


def test_every_problem_in_a_playbook_is_reported_at_once(check, tmp_path):
    """Three distinct mistakes in a playbook give exactly three located lines."""
    path = tmp_path / "three-pb.yaml"
    path.write_text(
        PLAYBOOK
        + "transitions:\n"
        + "  - {id: t, from: interviewed, on: thank_you_sent, to: thanked,\n"
        + "     when: {chek_ins: {ge: n}}}\n"  # line 7: unknown fact
        + "  - {id: u, from: thanked, after: state_entered + wiat, to: waiting}\n"  # line 8
        + "actions:\n"
        + "  - "
        + ACTION
        + ", optional: on}\n",  # line 10: on is not true/false
        encoding="utf-8",
    )
    for command in COMMANDS:
        report = check(command, path, playbook=True)
        assert report.code == 2
        problems = report.problems()
        assert all(problems), report.err
        assert [int(m["line"]) for m in problems] == [7, 8, 10], report.err


def test_problems_in_several_files_are_all_reported(check, tmp_path, capsys):
    """validate with two bad files reports both, each under its own name."""
    from followup.cli.main import main

    first = tmp_path / "one.yaml"
    first.write_text(CASE + "compnay: A\n", encoding="utf-8")
    second = tmp_path / "two.yaml"
    second.write_text(CASE + "role: 7\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(first), str(second)]) == 2
    err = capsys.readouterr().err
    assert f"{first}:4:" in err
    assert f"{second}:4:" in err
