"""The editor schema line of every bundled playbook resolves where the playbook really is."""

from __future__ import annotations

import json
import posixpath
import zipfile
from pathlib import Path

import pytest
from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOKS = sorted((ROOT / "playbooks").glob("*.yaml"))
PREFIX = "# yaml-language-server: $schema="


def schema_ref(text: str) -> str:
    """The relative schema path a playbook's first line names."""
    first = text.splitlines()[0]
    assert first.startswith(PREFIX)
    return first.removeprefix(PREFIX)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel `pip install` would install, built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    (artifact,) = WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    return zipfile.ZipFile(artifact)


@pytest.mark.parametrize("path", PLAYBOOKS, ids=lambda p: p.name)
def test_schema_line_resolves_in_the_repository(path: Path) -> None:
    """From playbooks/, the line names the playbook schema of the source tree."""
    schema = (path.parent / schema_ref(path.read_text(encoding="utf-8"))).resolve()
    assert json.loads(schema.read_text(encoding="utf-8"))["$id"].endswith("/playbook-1.json")


def test_schema_line_resolves_in_the_installed_package(wheel: zipfile.ZipFile) -> None:
    """In the wheel, each bundled playbook's line names the shipped schema beside it."""
    bundled = sorted(n for n in wheel.namelist() if n.startswith("followup/bundled/"))
    assert [posixpath.basename(n) for n in bundled] == [p.name for p in PLAYBOOKS]
    for name, path in zip(bundled, PLAYBOOKS, strict=True):
        text = wheel.read(name).decode("utf-8")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), schema_ref(text)))
        schema = json.loads(wheel.read(target))
        assert schema["$id"].endswith("/playbook-1.json"), name
        # Only the schema line differs from the repository's copy.
        repo = path.read_text(encoding="utf-8")
        assert text.splitlines()[1:] == repo.splitlines()[1:]
