"""A JSON line's locations: each value and key at its own column, worked out only when asked."""

from __future__ import annotations

from followup.io.json_locations import KeyLocations, LineLocations, line_locations

LINE = (
    '  {"id": "b", "interview": "2026-13-02", '
    '"events": [{"date": "x", "type": "reply"}, {"date": "y"}], "employer": {"decision_by": 1}}'
)


def _at(col: int) -> str:
    return LINE[col - 1 :]


def test_each_value_and_key_is_located_at_its_own_column() -> None:
    values, keys = line_locations(LINE, 7)
    assert values[()] == (7, 3)  # past the leading spaces
    assert _at(values[("interview",)][1]).startswith('"2026-13-02"')
    assert _at(keys[("interview",)][1]).startswith('"interview"')
    assert _at(values[("events", 1, "date")][1]).startswith('"y"')
    assert _at(keys[("employer", "decision_by")][1]).startswith('"decision_by"')
    assert all(line == 7 for line, _ in values.values())


def test_nothing_is_walked_until_asked_and_the_top_level_first() -> None:
    line = LineLocations(LINE, 1)
    assert line.depth == 0  # building the document costs nothing
    assert line.walked(deep=False)[0].get(("events", 0)) is None
    assert ("interview",) in line.walked(deep=False)[0]
    assert ("events", 0, "type") in line.walked(deep=True)[0]


def test_a_line_that_is_not_json_keeps_what_was_found() -> None:
    values, _ = line_locations('{"id": "b", "interview": ', 3)
    assert values[("id",)] == (3, 8)
    assert ("interview",) not in values


def test_the_first_key_is_found_without_a_walk_when_it_is_written_once() -> None:
    """A batch asks where each case's id is: the first key costs no walk of the line."""
    values = LineLocations('{"id": "a", "interview": "2026-03-02"}', 2)
    keys = KeyLocations(values)
    assert values[("id",)] == (2, 8)
    assert keys[("id",)] == (2, 2)
    assert values.depth == 0


def test_a_first_key_written_twice_is_walked_to_the_one_that_counts() -> None:
    """JSON keeps the last of two equal keys, so the quick answer would point at the wrong one."""
    text = '{"id": "a", "interview": "2026-03-02", "id": "b"}'
    values, _ = line_locations(text, 1)
    assert text[values[("id",)][1] - 1 :].startswith('"b"')
