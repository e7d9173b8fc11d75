"""Shared helpers for the formatter's tests: format text, load its meaning, run the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main
from followup.formatting import format_text
from followup.formatting.verify import without_origins
from followup.io.yaml_reader import read_yaml_text
from followup.language.playbook_loader import build_playbook
from followup.model.playbook import Playbook

NAME = "demo.yaml"

# A small playbook that loads, in canonical layout, used as a base by many tests.
CANONICAL = """\
# yaml-language-server: $schema=../src/followup/schemas/playbook.schema.json
id: demo
title: Demo playbook
source:
  title: An article

transitions:
  - id: thanked
    from: interviewed
    on: thank_you_sent
    to: thanked
    advice: Wait now.

actions:
  - id: thank
    in: interviewed
    kind: thank_you
    due: interview
    channel: email
    advice: Say thank you.
"""


@pytest.fixture
def canonical() -> str:
    """A small playbook that loads, already in the canonical layout."""
    return CANONICAL


@dataclass(frozen=True)
class Result:
    """One CLI run: exit code and captured output."""

    code: int
    out: str
    err: str


@pytest.fixture
def reformat() -> Callable[[str], str]:
    """Format playbook text as ``demo.yaml``."""
    return lambda text: format_text(text, NAME)


@pytest.fixture
def meaning() -> Callable[[str], Playbook]:
    """The playbook a text loads to, without the places its rules were written at."""
    return lambda text: without_origins(build_playbook(read_yaml_text(text, NAME)))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``followup`` in-process; return its exit code, stdout and stderr."""

    def run(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
