"""The horizon: how far a proof follows a path, and never short of the limit it checks.

A path still open when the search stops has been open as long as the horizon, and no longer
is known.  Were the horizon shorter than ``max_days_open``, such a path would seem to keep the
limit however long it really stays open, so the search goes on at least a day past the limit.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from followup import catalog
from followup.lint.prove import prove
from followup.lint.space import DEFAULT_HORIZON, ProofOptions, build_space, search_horizon

from .conftest import REPO

PLAYBOOK = {
    "id": "patient",
    "title": "Thank them, then wait a long time",
    "source": {"title": "A test article"},
    "limits": {"max_days_open": 150},
    "transitions": [
        {"id": "thanked", "from": "interviewed", "on": "thank_you_sent", "to": "thanked",
         "source": "s"},
        {"id": "give-up", "from": ["interviewed", "thanked", "waiting"],
         "after": "interview + 200d", "to": "closed", "source": "s"},
    ],
    "actions": [
        {"id": "thanks", "in": "interviewed", "kind": "thank_you", "due": "interview",
         "channel": "email", "advice": "Go.", "source": "s"},
    ],
}  # fmt: skip


def _write(folder: Path, give_up_days: int, limit: int | None) -> Path:
    doc = json.loads(json.dumps(PLAYBOOK))
    doc["transitions"][1]["after"] = f"interview + {give_up_days}d"
    if limit is None:
        del doc["limits"]
    else:
        doc["limits"]["max_days_open"] = limit
    path = folder / "patient.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def test_a_case_open_past_a_limit_longer_than_the_horizon_breaks_it(tmp_path):
    """Giving up after 200 days breaks a 150-day limit, though the horizon asked for is 120:
    the path is followed to day 151, where it is still open."""
    report = prove(
        catalog.load(str(_write(tmp_path, 200, 150))), ProofOptions(DEFAULT_HORIZON, sound=False)
    )
    assert report.space.horizon == 151
    assert [b.limit for b in report.breaches] == ["max_days_open"]
    assert report.open.value == 151
    assert not report.closes


def test_a_case_that_closes_before_such_a_limit_keeps_it(tmp_path):
    """Giving up after 140 days keeps the 150-day limit: every path is seen to close."""
    report = prove(
        catalog.load(str(_write(tmp_path, 140, 150))), ProofOptions(DEFAULT_HORIZON, sound=False)
    )
    assert report.ok
    assert report.closes
    assert 140 <= report.open.value <= 150


def test_the_horizon_asked_for_stands_when_it_is_longer_or_there_is_no_limit(tmp_path):
    """A horizon past the limit, or with no limit to see past, is the one asked for."""
    with_limit = catalog.load(str(_write(tmp_path, 200, 150))).playbook
    assert search_horizon(with_limit, 300) == 300
    assert build_space(with_limit, ProofOptions(90, sound=False)).horizon == 151
    without = catalog.load(str(_write(tmp_path, 200, None))).playbook
    assert search_horizon(without, 90) == 90


def test_the_report_prints_the_horizon_searched(cli, tmp_path):
    """The bounds a report prints give the horizon the search used, and the JSON has it; the
    default horizon is the prover's own."""
    path = _write(tmp_path, 200, 150)
    result = cli("prove", str(path), "--quick", "--horizon", "30", "--json")
    assert result.code == 2, result.err
    report = json.loads(result.out)["reports"][0]
    assert report["space"]["horizon_days"] == 151
    assert report["worst"]["max_days_open"] == 151
    assert "horizon: 151 days after" in cli("prove", str(path), "--quick").out
    short = _write(tmp_path, 20, None)
    default = json.loads(cli("prove", str(short), "--quick", "--json").out)["reports"][0]
    assert default["space"]["horizon_days"] == DEFAULT_HORIZON


def test_a_limit_longer_than_ten_years_is_refused_where_it_is_written(cli, tmp_path):
    """A max_days_open past the longest duration the language has (ten years) is refused with
    its place and the range, by the loader and the schema alike, before any search would
    follow a path that far (dates past the calendar's end)."""
    path = _write(tmp_path, 200, 3654)
    for command in (("validate",), ("prove", "--quick"), ("lint", "--prove")):
        result = cli(*command, str(path))
        assert result.code == 2, result
        assert "Traceback" not in result.err
        text = result.out + result.err
        assert f"{path}:" in text
        assert "max_days_open is 3654" in text
        assert "from 1 to 3653" in text
    schema = json.loads((REPO / "src/followup/schemas/playbook.schema.json").read_text())
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid(doc)
    doc["limits"]["max_days_open"] = 3653
    assert validator.is_valid(doc)
    assert (
        prove(
            catalog.load(str(_write(tmp_path, 200, 3653))), ProofOptions(sound=False)
        ).space.horizon
        == 3654
    )
