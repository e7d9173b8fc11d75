"""The playbook loader answers a coach's common slips with one located problem each."""

from __future__ import annotations

import pytest

from followup.errors import InputError, Problem
from followup.io.yaml_reader import read_yaml_text
from followup.language.case_loader import build_case
from followup.language.playbook_loader import build_playbook

HEAD = "id: tiny\ntitle: Tiny\nsource: {title: Some article}\n"
RULE = (
    "transitions:\n"
    "  - id: sent\n"
    "    {from_key}: interviewed\n"
    "    on: thank_you_sent\n"
    "    to: thanked\n"
)


def problems(text: str) -> list[Problem]:
    with pytest.raises(InputError) as info:
        build_playbook(read_yaml_text(text, "p.yaml"))
    return list(info.value.problems)


def test_a_misspelt_key_is_one_problem_with_a_suggestion() -> None:
    """'form' for 'from' is the typo alone: no missing 'from', no empty list of states."""
    found = problems(HEAD + RULE.format(from_key="form"))
    assert [(p.line, p.col) for p in found] == [(6, 5)]
    assert found[0].message == "unknown key 'form' (did you mean 'from'?)"


def test_a_misspelt_key_s_value_is_still_checked() -> None:
    """The typo's value is read as the suggested key's, so a wrong state there is found too."""
    text = HEAD + RULE.format(from_key="form").replace("form: interviewed", "form: intervewed")
    found = [(p.line, p.col, p.message) for p in problems(text)]
    assert found == [
        (6, 5, "unknown key 'form' (did you mean 'from'?)"),
        # at the value written under the typo, though it is read as 'from'
        (6, 11, "the state 'intervewed' is not known (did you mean 'interviewed'?)"),
    ]


def test_a_misspelt_key_next_to_the_right_one_is_not_read_twice() -> None:
    """With both 'from' and 'form' written, the typo is only unknown."""
    text = HEAD + RULE.format(from_key="from").replace("    on:", "    form: waiting\n    on:")
    found = problems(text)
    assert [p.message for p in found] == ["unknown key 'form' (did you mean 'from'?)"]


def test_a_misspelt_optional_key_is_one_problem_and_its_value_is_not_guessed_at() -> None:
    """A list written under 'states' is not then read as 'templates' (the closest key, which
    is optional and wants a mapping): the unknown key is the one problem."""
    found = problems(HEAD + "states: [interviewed, thanked]\n" + RULE.format(from_key="from"))
    assert [(p.line, p.col, p.message) for p in found] == [
        (4, 1, "unknown key 'states' (did you mean 'templates'?)")
    ]


USES = (
    "actions:\n"
    "  - {id: a, in: any, kind: check_in, due: interview + wait, advice: Go.}\n"
    "  - {id: b, in: any, kind: check_in, due: last_contact + wait, advice: Go.}\n"
)


def test_a_bad_parameter_is_reported_where_it_is_defined_only() -> None:
    """Its uses are not each reported as 'no parameter named ...'."""
    found = problems(HEAD + "parameters: {wait: 2 weeks}\n" + USES)
    assert [(p.line, p.col, p.message) for p in found] == [
        (4, 20, "'2 weeks' is not a duration (did you mean '2w'?)")
    ]


def test_a_bad_count_parameter_is_reported_once() -> None:
    """A negative count, used in a condition and as a repeat's max, is one problem."""
    text = (
        HEAD
        + "parameters: {most: -1}\n"
        + "actions:\n"
        + "  - id: a\n    in: any\n    kind: check_in\n    due: interview + 1w\n"
        + "    advice: Go.\n    when: {check_ins: {lt: most}}\n"
        + "    repeat: {every: 1w, max: most}\n"
    )
    found = problems(text)
    assert [p.message for p in found] == ["parameter 'most' is -1"]


def test_an_over_long_duration_states_the_maximum() -> None:
    """100000w says it is longer than ten years and what the longest is in each unit."""
    found = problems(HEAD + "parameters: {wait: 100000w}\n")
    assert [(p.message, p.expected) for p in found] == [
        (
            "'100000w' is not a duration (longer than 10 years)",
            "at most 10 years: 3653d, 521w or 120mo",
        )
    ]


@pytest.mark.parametrize("every", ["0d", "0bd", "0w", "nothing"])
def test_a_repeat_that_waits_no_time_is_refused(every: str) -> None:
    """every: 0d (written, or through a parameter) would repeat at once; the minimum is named."""
    written = "nothing" if every == "nothing" else every
    text = (
        HEAD
        + "parameters: {nothing: 0d}\n"
        + "actions:\n"
        + "  - id: a\n    in: any\n    kind: check_in\n    due: interview + 1w\n"
        + f"    advice: Go.\n    repeat: {{every: {written}, max: 2}}\n"
    )
    found = problems(text)
    assert len(found) == 1
    assert (found[0].line, found[0].expected) == (11, "at least 1d or 1bd")
    assert found[0].message.endswith("waits no time")


@pytest.mark.parametrize("cap", ["[1]", "{n: 1}"])
def test_a_repeat_max_that_is_not_a_count_is_one_located_problem(cap: str) -> None:
    """A list or mapping as a repeat's max is refused where it is written (it once crashed)."""
    text = (
        HEAD
        + "parameters: {most: -1}\n"
        + "actions:\n"
        + "  - id: a\n    in: any\n    kind: check_in\n    due: interview + 1w\n"
        + f"    advice: Go.\n    repeat: {{every: 1w, max: {cap}}}\n"
    )
    found = problems(text)
    assert [p.line for p in found if "max" in p.message or "count" in p.expected] == [11]


def test_a_missing_advice_is_one_problem() -> None:
    """An action or a don't without advice is reported as the missing key alone, not also as
    advice that is "nothing"."""
    text = HEAD + (
        "actions:\n"
        "  - {id: a, in: any, kind: check_in, due: interview + 1w, channel: email}\n"
        "avoid:\n"
        "  - {id: d, in: any}\n"
    )
    found = [(p.line, p.message) for p in problems(text)]
    assert found == [
        (5, "the action has no 'advice'"),
        (7, "the don't has no 'advice'"),
    ]


def test_a_duration_written_out_in_a_date_rule_gets_the_same_suggestion() -> None:
    """'interview + 2 weeks' is read as an anchor and a duration, so the duration's own
    "did you mean '2w'" answers it, as it does for a parameter."""
    text = HEAD + (
        "actions:\n"
        "  - {id: a, in: waiting, kind: check_in, due: interview + 2 weeks, advice: Go.}\n"
    )
    found = problems(text)
    assert len(found) == 1
    assert found[0].message == "'2 weeks' is not a duration (did you mean '2w'?)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The playbook's own title and source: each missing once, nothing about their values.
        (
            "id: tiny\n" + RULE.format(from_key="from"),
            [
                (1, 1, "the playbook has no 'source'"),
                (1, 1, "the playbook has no 'title'"),
            ],
        ),
        # A rule's key: missing, not also "the states are nothing".
        (HEAD + RULE.format(from_key="from").replace("    to: thanked\n", ""), None),
        (HEAD + RULE.format(from_key="from").replace("    from: interviewed\n", ""), None),
    ],
)
def test_a_missing_key_is_one_problem(
    text: str, expected: list[tuple[int, int, str]] | None
) -> None:
    """A required key left out is reported once, where it belongs, and what its absent value
    would then fail is not reported again."""
    found = [(p.line, p.col, p.message) for p in problems(text)]
    if expected is None:
        assert len(found) == 1
        assert "has no '" in found[0][2]
    else:
        assert found == expected


def test_on_for_an_events_date_is_one_problem_that_says_date() -> None:
    """'on:' is no typo of 'date', but it is what people write (README warns of it): one
    problem, naming 'date', and no second one about the missing date."""
    text = "id: x\ninterview: 2026-03-02\nevents:\n  - {on: 2026-03-02, type: thank_you_sent}\n"
    with pytest.raises(InputError) as caught:
        build_case(read_yaml_text(text, "case.yaml"))
    messages = [p.message for p in caught.value.problems]
    assert messages == ["unknown key 'on' (did you mean 'date'?)"]
