"""docs/authoring.md names exactly the commands that take ``--playbooks``."""

from __future__ import annotations

import re
from pathlib import Path

import click

from followup.cli.group import MODULE_OF, cli
from followup.language.playbook_loader import ACTION_KEYS, AVOID_KEYS, TOP_KEYS, TRANSITION_KEYS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def _taking_the_flag() -> set[str]:
    assert isinstance(cli, click.Group)
    with click.Context(cli) as ctx:
        commands = {name: cli.get_command(ctx, name) for name in MODULE_OF}
    return {
        name
        for name, command in commands.items()
        if command is not None
        and any("--playbooks" in getattr(p, "opts", ()) for p in command.params)
    }


def _named_in_the_guide() -> tuple[set[str], set[str]]:
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    start = text.index("These commands take `--playbooks DIR`")
    paragraph = text[start : text.index("Without the flag", start)]
    without = text[text.index("in the commands that do not take it", start) :]
    without = without[: without.index(")")]
    named = set(re.findall(r"`([a-z]+)[` ]", paragraph)) - {"extends"}
    return named, set(re.findall(r"`([a-z]+)`", without))


def test_the_guide_names_every_command_that_takes_playbooks() -> None:
    """Every command with the flag is named, and none that lacks it."""
    named, without = _named_in_the_guide()
    assert named == _taking_the_flag()
    assert not without & _taking_the_flag()
    assert without <= set(MODULE_OF)


def test_the_key_order_fmt_writes_is_the_one_documented():
    """authoring.md's key orders are the loader's own (which fmt writes), key for key."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text("utf-8")
    bullet = " ".join(text.split("- **Key order.**", 1)[1].split("\n- ", 1)[0].split())
    said = {
        name: tuple(k.strip() for k in keys.split(","))
        for name, keys in re.findall(r"(Playbook|Transition|Action|Don't): `([^`]+)`", bullet)
    }
    assert said == {
        "Playbook": TOP_KEYS,
        "Transition": TRANSITION_KEYS,
        "Action": ACTION_KEYS,
        "Don't": AVOID_KEYS,
    }
