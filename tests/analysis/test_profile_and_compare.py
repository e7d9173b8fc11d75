"""Playbook profiles, comparisons and the `show` views, through the CLI and the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup import catalog
from followup.analysis.profile import profile
from followup.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
CASE = str(ROOT / "examples" / "cases" / "acme-data-eng.yaml")
BUNDLED = ("dos-and-donts", "fine-line", "how-many-times", "stalker-free", "week-then-on-hold")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process and return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_five_article_playbooks_are_bundled() -> None:
    """Exactly the five fixed ids ship with followup."""
    assert tuple(sorted(catalog.discover())) == BUNDLED


def test_profiles_are_derived_and_differ() -> None:
    """Profiles come from projection, and the articles' disagreements show in them."""
    profiles = {cp.id: profile(cp) for cp in catalog.load_all()}
    week = profiles["week-then-on-hold"]
    assert week.first_check_in_after_days == 7
    assert week.check_ins == 3
    assert week.thank_you_after_days == 0
    assert all(p.gives_up_after_days is not None for p in profiles.values())
    assert all(
        p.gives_up_after_days is not None and p.gives_up_after_days <= 90 for p in profiles.values()
    )
    assert len({p.first_check_in_after_days for p in profiles.values()}) > 1
    assert len({p.direct_contacts for p in profiles.values()}) > 1
    assert profiles["fine-line"].networks
    assert not week.networks


def test_playbooks_json_has_a_profile_for_each(capsys: pytest.CaptureFixture[str]) -> None:
    """`followup playbooks --json` lists every bundled playbook with source and profile."""
    code, out, _ = run(capsys, "playbooks", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == list(BUNDLED)
    for row in rows:
        assert row["bundled"] is True
        assert row["source"].startswith('"')
        assert set(row["profile"]) >= {"first_check_in_after_days", "direct_contacts"}


def test_playbooks_text_shows_profiles(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text listing is a table: one row per playbook with its derived figures in words.

    (It was a paragraph of prose per playbook; issue "Choosing a playbook" asked for a table.)
    """
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "playbooks")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line[:1].isalpha()}
    for cp in catalog.load_all():
        found = profile(cp)
        words = ["yes" if v else "no" for v in (found.waits_for_stated_date, found.networks)]
        row = rows[cp.id]
        assert row[1] == found.style
        assert row[2:5] == [
            str(found.first_check_in_after_days),
            str(found.direct_contacts),
            str(found.gives_up_after_days),
        ]
        assert row[5] == words[0]
        assert row[-1] == words[1]
    assert "True" not in out
    assert "False" not in out


def test_playbooks_on_a_narrow_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Too narrow for the table: one block per playbook, every figure named in words."""
    monkeypatch.setenv("COLUMNS", "50")
    code, out, _ = run(capsys, "playbooks")
    assert code == 0
    assert out.count("first check-in after (days): ") == len(BUNDLED)
    assert out.count('respects "don\'t follow up": yes') == len(BUNDLED)
    assert "fine-line (persistent)" in out


def test_style_is_derived_from_the_figures() -> None:
    """The style word follows the profile's figures, not anything written in a playbook."""
    from dataclasses import replace

    from followup.analysis.profile import style_of

    week = profile(catalog.load("week-then-on-hold"))
    assert style_of(week) == week.style == "persistent"
    assert style_of(replace(week, check_ins=1, first_check_in_after_days=14)) == "patient"
    assert style_of(replace(week, check_ins=1, gives_up_after_days=20)) == "brief"
    assert style_of(replace(week, check_ins=2, gives_up_after_days=30)) == "steady"
    assert all(profile(cp).keeps_promises for cp in catalog.load_all())


def test_compare_puts_every_playbook_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare` shows one column per playbook and where they disagree."""
    code, out, _ = run(capsys, "compare", CASE, "--today", "2026-03-03")
    assert code == 0
    header = out.splitlines()[2]
    for pid in BUNDLED:
        assert pid in header
    assert "Where they disagree" in out
    assert "direct contacts" in out


def test_compare_json_chosen_playbooks(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare --playbooks a,b --json` plans the case under just those, with totals."""
    code, out, _ = run(
        capsys,
        "compare",
        CASE,
        "--playbooks",
        "fine-line,week-then-on-hold",
        "--today",
        "2026-03-03",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert [p["playbook"] for p in data["playbooks"]] == ["fine-line", "week-then-on-hold"]
    for column in data["playbooks"]:
        assert column["direct_contacts"] == sum(
            1 for s in column["schedule"] if s["channel"] in {"email", "phone", "mail", "text"}
        )
    assert data["disagreements"]


def test_compare_unknown_playbook_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt id in --playbooks exits 2 with a suggestion."""
    code, _, err = run(capsys, "compare", CASE, "--playbooks", "fine-lines")
    assert code == 2
    assert "did you mean 'fine-line'" in err


@pytest.mark.parametrize("pid", BUNDLED)
def test_show_explains_each_playbook(capsys: pytest.CaptureFixture[str], pid: str) -> None:
    """`show` prints the settings, each stage's steps with sources, the don'ts and engine rules."""
    code, out, _ = run(capsys, "show", pid)
    assert code == 0
    assert out.startswith(f"{pid}: ")
    assert "Step by step" in out
    assert "Don't" in out
    assert "source:" in out
    assert "Always (the engine's own rules" in out


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_show_draws_the_machine(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """The diagrams have every state, timers with their dates, guards and caps on edges."""
    code, out, _ = run(capsys, "show", "week-then-on-hold", "--format", fmt)
    assert code == 0
    assert ("stateDiagram-v2" in out) if fmt == "mermaid" else out.startswith('digraph "')
    assert "after last_contact + on_hold_every (1.5w)" in out
    assert "check ins is at least 3" in out
    assert "max 3" in out
    for state in ("interviewed", "thanked", "waiting", "on", "closed"):
        assert state in out


def test_compare_says_yes_and_no_not_python_s_true_and_false(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A yes/no difference between playbooks is written yes/no in the coach's words."""
    code, out, _ = run(capsys, "compare", CASE, "--today", "2026-03-10")
    assert code == 0
    assert "True" not in out
    assert "False" not in out
    line = " ".join(out.split("networks on LinkedIn:")[1].split("\n  -")[0].split())
    assert "fine-line yes" in line
    assert "week-then-on-hold no" in line


def test_compare_says_which_playbooks_tell_them_about_a_competing_offer_in_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With an offer elsewhere to answer by a date, the disagreement that matters most is
    named: which playbooks tell them about it, on which day, and which never do."""
    case = tmp_path / "offer.yaml"
    case.write_text(
        Path(CASE).read_text(encoding="utf-8")
        + "  - {date: 2026-03-10, type: competing_offer, deadline: 2026-03-18}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "compare", str(case), "--today", "2026-03-10")
    assert code == 0, err
    line = " ".join(
        out.split("tells them about your competing offer:")[1].split("\n  -")[0].split()
    )
    assert "stalker-free never" in line
    assert "week-then-on-hold 2026-03-1" in line
    # Without the offer the line is not there: nothing to tell.
    code, out, _ = run(capsys, "compare", CASE, "--today", "2026-03-10")
    assert "competing offer" not in out


def test_show_gives_an_actions_window(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An action's until is part of what it says: show names the window's last day too."""
    path = tmp_path / "window.yaml"
    path.write_text(
        "id: window\ntitle: W\nsource: {title: S}\n"
        "transitions:\n  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}\n"
        "actions:\n"
        "  - {id: nudge, in: waiting, kind: check_in, due: decision_by + 5d,"
        " until: decision_by + 7d, channel: email, advice: Go.}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "and until 7 days after their decision date at the latest" in " ".join(out.split())


def test_a_call_to_the_main_line_is_no_call_made_because_invited() -> None:
    """ "Calls when invited" is about calling the interviewer: the email sequence's one call
    goes to the company's main line, invited or not, so it does not count; the newsroom's
    does not either, while a playbook that phones the interviewer when invited does."""
    authoring = ROOT / "features" / "authoring"
    for name in ("email-sequence", "newsroom"):
        assert not profile(catalog.load(str(authoring / f"{name}.yaml"))).uses_phone_when_allowed
    callers = [cp.id for cp in catalog.load_all() if profile(cp).uses_phone_when_allowed]
    assert callers  # some bundled playbook calls when calls are welcome


def test_a_quiet_note_they_did_not_want_is_not_heeding_them(tmp_path: Path) -> None:
    """ "Heeds don't" looks at every step a request not to follow up rules out: a playbook's
    own note done by getting in touch, sent although they said no follow-up, does not heed."""
    path = tmp_path / "note.yaml"
    path.write_text(
        "id: note\ntitle: Note\nsource: {title: A test article}\n"
        "kinds:\n  quiet_note: {completed_by: contacted, words: send a short note}\n"
        "transitions:\n"
        "  - {id: thanked, from: interviewed, on: thank_you_sent, to: waiting}\n"
        "  - {id: done, from: [waiting], after: interview + 6w, to: closed}\n"
        "actions:\n"
        "  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email,\n"
        "     advice: Thank them.}\n"
        "  - {id: note, in: waiting, kind: quiet_note, due: interview + 1w, channel: email,\n"
        "     advice: A note.WHEN}\n",
        encoding="utf-8",
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("WHEN", ""), encoding="utf-8")
    assert not profile(catalog.load(str(path))).honours_not_wanted
    path.write_text(
        text.replace("WHEN", ", when: {follow_up: {is_not: not_wanted}}"), encoding="utf-8"
    )
    assert profile(catalog.load(str(path))).honours_not_wanted
