"""A proof made before by the same followup, of the same playbook with the same options, is
remembered between runs; anything else, or a damaged file, is searched again."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import msgspec
import pytest

from followup import catalog
from followup.compile.machine import CompiledPlaybook
from followup.lint import proof_cache
from followup.lint import prove as prove_module
from followup.lint import report as proof_report
from followup.lint.findings import Report
from followup.lint.proof_cache import ProofCache, code_digest
from followup.lint.prove import prove
from followup.lint.space import ProofOptions

from .conftest import HEADER, USUAL

DATA = Path(__file__).parent / "data"
QUICK = ProofOptions(sound=False)
# A playbook small enough to prove in a tenth of a second, which breaks its one limit.
TINY = (
    HEADER.format(id="tiny")
    + "limits:\n  max_contacts: 1\n"
    + USUAL
    + """\
  - {id: nudge, in: waiting, kind: check_in, due: interview + 1w, channel: email, advice: Go.,
     source: s}
"""
)


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def nothing_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each proof starts with no proof remembered in this process, as a new run does."""
    monkeypatch.setattr(prove_module, "_PROOFS", {})


def _fresh_run(cp: CompiledPlaybook, cache: ProofCache, options: ProofOptions = QUICK) -> Report:
    prove_module._PROOFS.clear()
    return prove(cp, options, 1, cache=cache)


def _comparable(report: Report) -> dict[str, Any]:
    found = proof_report.as_json(report, "x")
    del found["explored"]["seconds"], found["explored"]["remembered"]
    return found


@pytest.mark.parametrize("ref", ["stalker-free", str(DATA / "nagging.yaml")])
def test_a_proof_made_again_is_remembered_and_says_the_same(tmp_path: Path, ref: str) -> None:
    cp = catalog.load(ref)
    cache = ProofCache(tmp_path)
    first = _fresh_run(cp, cache)
    again = _fresh_run(cp, cache)
    assert not first.remembered
    assert again.remembered
    assert again.seconds == pytest.approx(first.seconds)
    assert _comparable(again) == _comparable(first)  # worst values, paths, counterexamples
    assert [b.limit for b in again.breaches] == [b.limit for b in first.breaches]
    assert "remembered from an earlier run" in proof_report.text(again, ref)
    assert "remembered" not in proof_report.text(first, ref)


def test_another_playbook_options_or_code_is_a_new_proof(tmp_path: Path) -> None:
    cp = catalog.load("stalker-free")
    pb = cp.playbook
    cache = ProofCache(tmp_path)
    other_limit = msgspec.structs.replace(
        pb, limits=msgspec.structs.replace(pb.limits, max_contacts=99)
    )
    other_words = msgspec.structs.replace(pb, title=pb.title + "!")
    paths = {
        cache.path(pb, QUICK),
        cache.path(other_limit, QUICK),
        cache.path(other_words, QUICK),
        cache.path(pb, ProofOptions(sound=True)),
        cache.path(pb, ProofOptions(sound=False, horizon=90)),
        cache.path(pb, ProofOptions(sound=False, countries=("US",))),
        ProofCache(tmp_path, code="another followup").path(pb, QUICK),
    }
    assert len(paths) == 7


def test_where_a_playbook_is_written_is_not_part_of_its_proof(tmp_path: Path) -> None:
    cache = ProofCache(tmp_path)
    by_id = catalog.load("stalker-free").playbook
    text = catalog.resolve("stalker-free", ()).read_text(encoding="utf-8")
    moved = tmp_path / "elsewhere" / "mine.yaml"
    moved.parent.mkdir()
    moved.write_text("# my copy, two lines lower\n\n" + text, encoding="utf-8")
    copy = catalog.load(str(moved)).playbook
    assert copy.file != by_id.file
    assert copy.transitions[0].origin.line == by_id.transitions[0].origin.line + 2
    assert cache.path(copy, QUICK) == cache.path(by_id, QUICK)


def test_the_code_digest_changes_with_any_file_of_followup(tmp_path: Path) -> None:
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "run.py").write_text("x = 1\n")
    (tmp_path / "schemas.json").write_text("{}\n")
    before = code_digest.__wrapped__(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "run.cpython-311.pyc").write_bytes(b"compiled")
    assert code_digest.__wrapped__(tmp_path) == before  # compiled files are not the code
    (tmp_path / "engine" / "run.py").write_text("x = 2\n")
    assert code_digest.__wrapped__(tmp_path) != before
    (tmp_path / "engine" / "run.py").write_text("x = 1\n")
    (tmp_path / "schemas.json").rename(tmp_path / "schema.json")
    assert code_digest.__wrapped__(tmp_path) != before


def _good(tmp_path: Path, tiny: Path) -> tuple[CompiledPlaybook, ProofCache, Path, dict[str, Any]]:
    cp = catalog.load(str(tiny))
    cache = ProofCache(tmp_path / "proofs")
    _fresh_run(cp, cache)
    path = cache.path(cp.playbook, QUICK)
    return cp, cache, path, json.loads(path.read_bytes())


def _first_event(data: dict[str, Any]) -> list[Any]:
    event: list[Any] = data["flats"][0][2][0][1][0]
    return event


DAMAGE = {
    "not JSON": lambda path, data: path.write_bytes(b"\x00\xff not json"),
    "another format": lambda path, data: path.write_text(json.dumps({**data, "format": 0})),
    "a case outside the space": lambda path, data: path.write_text(
        json.dumps({**data, "flats": [[10**6, *data["flats"][0][1:]]]})
    ),
    "an unknown event": lambda path, data: (
        _first_event(data).__setitem__(1, "serenade"),
        path.write_text(json.dumps(data)),
    ),
    "an unknown rule": lambda path, data: (
        _first_event(data).__setitem__(5, "no-such-rule"),
        path.write_text(json.dumps(data)),
    ),
    "an event that is a list": lambda path, data: (
        _first_event(data).__setitem__(1, ["thank_you_sent"]),
        path.write_text(json.dumps(data)),
    ),
    "a count that is text": lambda path, data: path.write_text(json.dumps({**data, "paths": "7"})),
    "deeply nested": lambda path, data: path.write_text("[" * 100_000 + "]" * 100_000),
    "too large": lambda path, data: os.truncate(path, proof_cache.MAX_BYTES + 1),
    "a folder": lambda path, data: (path.unlink(), path.mkdir()),
    "a FIFO": lambda path, data: (path.unlink(), os.mkfifo(path)),
    "a link to a FIFO": lambda path, data: (
        path.unlink(),
        os.mkfifo(path.with_name("pipe")),
        path.symlink_to(path.with_name("pipe")),
    ),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_proof_is_searched_again(tmp_path: Path, tiny: Path, damage: str) -> None:
    cp, cache, path, data = _good(tmp_path, tiny)
    DAMAGE[damage](path, data)
    assert cache.recall(cp, QUICK, prove_module.build_space(cp.playbook, QUICK)) is None
    again = _fresh_run(cp, cache)  # no error, no hang: searched again
    assert not again.remembered
    assert [b.limit for b in again.breaches] == ["max_contacts"]
    # what stands in the file's place is replaced by the proof, but for a folder, left as it is
    assert _fresh_run(cp, cache).remembered is (damage != "a folder")
    assert path.is_dir() is (damage == "a folder")


def test_the_least_recently_used_proofs_go_past_the_limit(
    tmp_path: Path, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(proof_cache, "KEEP", 2)
    cp = catalog.load(str(tiny))
    cache = ProofCache(tmp_path / "proofs")
    horizons = (60, 70, 80)
    for age, horizon in enumerate(horizons):
        _fresh_run(cp, cache, ProofOptions(sound=False, horizon=horizon))
        path = cache.path(cp.playbook, ProofOptions(sound=False, horizon=horizon))
        os.utime(path, ns=(age * 10**9, age * 10**9))  # each older than the next
    kept = sorted(p.name for p in (tmp_path / "proofs").iterdir())
    expected = sorted(
        cache.path(cp.playbook, ProofOptions(sound=False, horizon=h)).name for h in horizons[1:]
    )
    assert kept == expected


def test_a_folder_that_cannot_be_written_only_means_nothing_is_remembered(
    tmp_path: Path, tiny: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way\n")
    cp = catalog.load(str(tiny))
    cache = ProofCache(blocker / "proofs")
    assert not _fresh_run(cp, cache).remembered
    assert not _fresh_run(cp, cache).remembered


def test_prove_says_when_it_remembers_and_no_cache_searches_again(
    cli: Any, tmp_path: Path, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / proof_cache.FOLDER

    def run(*args: str) -> Any:
        prove_module._PROOFS.clear()  # as a new run starts
        return cli("prove", str(tiny), "--quick", *args)

    assert "remembered" not in run("--no-cache").out
    assert not folder.exists()  # --no-cache neither reads nor writes
    assert "remembered" not in run().out
    assert len(list(folder.iterdir())) == 1
    second = run()
    assert second.code == 2  # its limit is broken, remembered or not
    assert "counterexample for max_contacts" in second.out
    assert "remembered from an earlier run (--no-cache searches again)" in second.out
    assert json.loads(run("--json").out)["reports"][0]["explored"]["remembered"] is True
    assert "remembered" not in run("--no-cache").out
    prove_module._PROOFS.clear()
    lint = cli("lint", "--prove", "--quick", str(tiny))
    assert "remembered from an earlier run" in lint.out


def test_without_followup_s_own_files_nothing_is_remembered(
    cli: Any, tmp_path: Path, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(root: Path = proof_cache.PACKAGE) -> str:
        raise PermissionError(13, "Permission denied", str(root / "engine" / "run.py"))

    monkeypatch.setattr(proof_cache, "code_digest", unreadable)
    monkeypatch.setenv("FOLLOWUP_CACHE", str(tmp_path / "cache"))
    assert ProofCache.default() is None
    result = cli("prove", str(tiny), "--quick")
    assert result.code == 2  # proved all the same: its limit is broken
    assert "counterexample for max_contacts" in result.out
    assert not (tmp_path / "cache" / proof_cache.FOLDER).exists()


def test_another_install_of_the_holidays_library_is_a_new_proof_with_countries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pb = catalog.load("stalker-free").playbook
    cache = ProofCache(tmp_path)
    us = ProofOptions(sound=False, countries=("US",))
    before = (cache.path(pb, us), cache.path(pb, QUICK))
    monkeypatch.setattr(proof_cache, "library_version_key", lambda: "another install")
    assert cache.path(pb, us) != before[0]
    assert cache.path(pb, QUICK) == before[1]  # weekends only: no holiday data read
