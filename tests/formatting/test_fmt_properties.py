"""Properties: any key order formats to one text with the same meaning; any text survives."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from followup.errors import InputError
from followup.io.yaml_reader import read_yaml_file, read_yaml_text

BUNDLED = sorted((Path(__file__).resolve().parents[2] / "playbooks").glob("*.yaml"))
DATA = {path.stem: read_yaml_file(path).data for path in BUNDLED}
RULE_SECTIONS = ("transitions", "actions", "avoid")
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def dump(data: object) -> str:
    """Plain YAML for ``data``, without comments, in the order its mappings have."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


def shuffled(draw: st.DrawFn, mapping: dict[str, object]) -> dict[str, object]:
    """``mapping`` with its keys in an order drawn by hypothesis."""
    return {key: mapping[key] for key in draw(st.permutations(list(mapping)))}


@st.composite
def reordered_playbook(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    """A bundled playbook's data with the playbook's, source's, limits' and rules' keys shuffled."""
    name = draw(st.sampled_from(sorted(DATA)))
    data = DATA[name]
    assert isinstance(data, dict)
    result = shuffled(draw, data)
    for key in ("source", "limits"):
        if isinstance(result.get(key), dict):
            result[key] = shuffled(draw, result[key])
    for section in RULE_SECTIONS:
        rules = result.get(section) or []
        result[section] = [shuffled(draw, rule) for rule in rules]
    return name, result


@SETTINGS
@given(case=reordered_playbook())
def test_any_key_order_formats_to_the_same_text_and_meaning(case, reformat, meaning):
    """Shuffled keys, dumped and formatted, give the text and model of the original."""
    name, data = case
    original = dump(DATA[name])
    out = reformat(dump(data))
    assert out == reformat(original)
    assert meaning(out) == meaning(original)
    assert reformat(out) == out


@SETTINGS
@given(advice=st.text(min_size=1, max_size=300).filter(str.strip))
def test_any_advice_text_survives_exactly(advice, reformat, meaning, canonical):
    """Whatever the advice says (quotes, colons, '#', line breaks, escapes), it reads back."""
    data = read_yaml_text(canonical, "demo.yaml").data
    assert isinstance(data, dict)
    data["transitions"][0]["advice"] = advice
    text = dump(data)
    try:
        assume(read_yaml_text(text, "demo.yaml").data == data)  # PyYAML wrote it as text
    except InputError:
        assume(False)
    out = reformat(text)
    assert read_yaml_text(out, "demo.yaml").data == data
    assert meaning(out) == meaning(text)
    assert reformat(out) == out
