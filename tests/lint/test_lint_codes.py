"""Each lint code fires on a playbook wrong in its way, and the bundled playbooks are clean."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from followup.lint import lint_file
from followup.lint.codes import BY_CODE, CODES, severity
from followup.lint.conflicts import forbidden_channels

from .conftest import BAD, BUNDLED, playbook_text

LOADER_CODES = {"L001", "L103", "L105", "L107"}
PROVE_CODES = {"L201", "L202", "L203"}  # found by the prover: see test_prove.py


@cache
def codes_in(path: Path) -> list[str]:
    """The codes lint reports for a file (files here do not change while tests run)."""
    problems, _, _ = lint_file(path)
    return [p.code for p in problems]


def test_every_code_has_a_bad_playbook():
    """The table and the test playbooks cover the same codes (prove codes are tested apart)."""
    assert set(BAD) == set(BY_CODE) - PROVE_CODES


@pytest.mark.parametrize("code", sorted(BAD))
def test_code_fires_on_its_bad_playbook(code, write):
    """The playbook written wrong in one way gets that code."""
    path = write(f"{code}.yaml", playbook_text(code))
    assert code in codes_in(path)


@pytest.mark.parametrize("code", sorted(BAD))
def test_problem_is_located_and_explained(code, write):
    """Every problem names a line and column in the file, what is wrong and what was expected."""
    path = write(f"{code}.yaml", playbook_text(code))
    problems, _, _ = lint_file(path)
    for p in problems:
        assert p.file == str(path)
        assert p.line >= 1
        assert p.col >= 1
        assert p.message
        assert p.expected
        assert str(p).startswith(f"{path}:{p.line}:{p.col}: {p.code} ")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_playbooks_have_no_errors(path):
    """Every bundled playbook loads and has no lint error."""
    problems, cp, _ = lint_file(path)
    assert cp is not None
    assert [str(p) for p in problems if severity(p.code) == "error"] == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
@pytest.mark.parametrize("code", sorted(set(BAD) - {"L110"}))
def test_code_does_not_fire_on_bundled(path, code):
    """No bundled playbook gets any code but the one known warning below."""
    assert code not in codes_in(path)


def test_bundled_playbooks_are_lint_clean():
    """No bundled playbook has a lint error or warning (stalker-free's phone rule is scoped)."""
    for path in BUNDLED:
        problems, _, _ = lint_file(Path(path))
        assert problems == [], path


def test_loader_problems_keep_the_loaders_message(write):
    """A state the loader refuses keeps its 'did you mean' and gets the code, nothing more."""
    problems, cp, _ = lint_file(write("l103.yaml", playbook_text("L103")))
    assert cp is None
    assert [p.code for p in problems] == ["L103"]
    assert "did you mean 'thanked'" in problems[0].message


def test_unknown_fact_points_at_the_key(write):
    """An unknown fact is reported where the key is written."""
    path = write("l107.yaml", playbook_text("L107"))
    problems, _, _ = lint_file(path)
    (p,) = [p for p in problems if p.code == "L107"]
    line = path.read_text().splitlines()[p.line - 1]
    assert line[p.col - 1 :].startswith("check_inz")


def test_missing_file_is_a_load_problem(tmp_path):
    """A file that does not exist is one L001 problem, not a crash."""
    problems, cp, _ = lint_file(tmp_path / "nothing.yaml")
    assert cp is None
    assert [p.code for p in problems] == ["L001"]


def test_unreachable_state_names_the_state(write):
    """L101 says which state no case reaches."""
    problems, _, _ = lint_file(write("l101.yaml", playbook_text("L101")))
    (p,) = [p for p in problems if p.code == "L101"]
    assert "'on-hold'" in p.message
    assert "on-hold-note" in p.message


def test_no_route_to_closed_gives_an_example(write):
    """L102 shows facts of a case that never closes."""
    problems, _, _ = lint_file(write("l102.yaml", playbook_text("L102")))
    found = [p.message for p in problems if p.code == "L102"]
    assert found
    assert all("follow_up is not_wanted" in m or "unspecified" in m for m in found)


def test_no_route_to_closed_is_reported_where_the_cases_stay(write):
    """One L102 at 'waiting', where the open cases end up, naming the states that lead there,
    instead of one per state."""
    problems, _, _ = lint_file(write("l102.yaml", playbook_text("L102")))
    (found,) = [p for p in problems if p.code == "L102"]
    assert "from state 'waiting'" in found.message
    assert "cases in 'interviewed', 'thanked' come to it and stay too" in found.message
    assert found.line == 7


def test_no_route_to_closed_in_a_loop_names_each_state_of_the_loop(write):
    """Cases that go round waiting and on-hold for ever: a timer out of either fixes it, so
    both are reported, and the states leading into the loop are named."""
    text = (
        "id: loop\ntitle: A test playbook\nsource: {title: A test article}\n"
        "transitions:\n"
        "  - {id: waited, from: interviewed, after: interview + 2d, to: waiting, source: s}\n"
        "  - {id: hold, from: waiting, after: interview + 2w, to: on-hold, source: s}\n"
        "  - {id: back, from: on-hold, on: check_in_sent, to: waiting, source: s}\n"
    )
    problems, _, _ = lint_file(write("loop.yaml", text))
    found = [p.message for p in problems if p.code == "L102"]
    assert [m.split("'")[1] for m in found] == ["waiting", "on-hold"]
    assert all("cases in 'interviewed' come to it" in m for m in found)


def test_condition_against_its_state(write):
    """A condition that holds for some case, but never in the rule's state, is L104 too."""
    text = playbook_text("L109").replace("to: thanked}", "to: thanked, source: s}") + (
        "  - {id: after-reply, in: interviewed, kind: check_in, due: interview + 1w,\n"
        "     channel: email, advice: Go., source: s, when: {last_reply: still_deciding}}\n"
    )
    problems, _, _ = lint_file(write("state.yaml", text))
    (p,) = [p for p in problems if p.code == "L104"]
    assert "never applies in interviewed" in p.message
    assert "last_reply is next_round, none" in p.message


def test_transition_always_taken_first(write):
    """Of two transitions on the same event from one state, the second may never fire."""
    text = (
        playbook_text("L109")
        .replace("to: thanked}", "to: thanked, source: s}")
        .replace(
            "  - {id: waited,",
            "  - {id: also-thanked, from: interviewed, on: thank_you_sent, to: waiting,"
            " source: s}\n"
            "  - {id: waited,",
        )
    )
    problems, _, _ = lint_file(write("first.yaml", text))
    (p,) = [p for p in problems if p.code == "L104"]
    assert "also-thanked" in p.message
    assert "always comes first (thanked)" in p.message


def test_check_ins_the_playbook_never_sends(write):
    """Waiting for more check-ins than the playbook recommends is L108."""
    text = (
        playbook_text("L109")
        .replace("to: thanked}", "to: thanked, source: s}")
        .replace(
            "to: closed,\n     source: s}",
            "to: closed,\n     source: s, when: {check_ins: {ge: 2}}}\n"
            "  - {id: safety, from: [interviewed, thanked, waiting], after: interview + 6w,"
            " to: closed, source: s}",
        )
    )
    problems, _, _ = lint_file(write("count.yaml", text))
    assert any(p.code == "L108" and "waits for 2 check-ins" in p.message for p in problems)


@pytest.mark.parametrize(
    ("text", "channels"),
    [
        ("Don't call them; write instead.", ["phone"]),
        ("Don't text or ring the recruiter's mobile.", ["phone", "text"]),
        ("Don't email or phone every day.", []),
        ("After the one extra email or call, don't contact them again.", []),
        ("You aren't linked on LinkedIn, so don't friend them on Facebook.", []),
        ("Never connect on LinkedIn before they answer.", ["linkedin"]),
    ],
)
def test_words_a_dont_forbids(text, channels):
    """The L110 heuristic: channels named in a forbidding clause that is not about frequency."""
    assert sorted(forbidden_channels(text)) == channels


def test_table_severities_are_known():
    """Every code is an error or a warning, and codes are unique."""
    assert len({c.code for c in CODES}) == len(CODES)
    assert {c.severity for c in CODES} <= {"error", "warning"}
    assert severity("L999") == "error"
    assert set(BY_CODE) >= LOADER_CODES
