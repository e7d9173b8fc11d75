"""``followup config``: show and change your own settings (`followup.services.settings`).

``followup config`` lists them, ``config get KEY`` prints one, ``config set KEY VALUE`` and
``config unset KEY`` change the file.
"""

from __future__ import annotations

import json

import click

from followup import settings
from followup.cli.group import (
    SuggestingChoice,
    cli,
    json_option,
    playbook_dirs,
    playbooks_option,
)
from followup.errors import FollowupError


class NotSet(FollowupError):
    """``config get`` of a setting that is not set (exit 1, as ``git config`` does)."""


@cli.group("config", invoke_without_command=True)
@json_option
@playbooks_option
@click.pass_context
def config_cmd(ctx: click.Context, as_json: bool, playbooks_dir: tuple[str, ...]) -> None:
    """Your settings: name and signature for drafts, country, timezone, playbook."""
    if ctx.invoked_subcommand is not None:
        return
    values = settings.read_settings(check_playbook=True, dirs=playbook_dirs(playbooks_dir))
    if as_json:
        click.echo(json.dumps({k: values.get(k) for k in settings.KEYS}, indent=2))
        return
    click.echo(f"# {settings.settings_path()}")
    for key in settings.KEYS:
        value = values.get(key)
        shown = "(not set)" if value is None else value.replace("\n", "\n" + " " * (len(key) + 2))
        click.echo(f"{key}: {shown}")


@config_cmd.command("get")
@click.argument("key")
@playbooks_option
def get_cmd(key: str, playbooks_dir: tuple[str, ...]) -> None:
    """Print one setting (exit 1 if it is not set)."""
    settings.check_key(key)
    dirs = playbook_dirs(playbooks_dir)
    value = settings.read_settings(check_playbook=True, dirs=dirs).get(key)
    if value is None:
        raise NotSet(f"{key} is not set")
    click.echo(value)


@config_cmd.command("set")
@click.argument("key")
@click.argument("value")
@playbooks_option
def set_cmd(key: str, value: str, playbooks_dir: tuple[str, ...]) -> None:
    """Set one setting (checked first: a country code, a time zone, a playbook id...)."""
    values = settings.read_settings()
    values[key] = settings.check_value(key, value, playbook_dirs(playbooks_dir))
    if key == "country":
        # lazy: checking a country loads the holidays library (~100 ms), only worth it here
        from followup.services.planning import check_country_code

        # `add` plans new applications with it: a code with no holiday data would fail there.
        check_country_code(value, "config set country")
    path = settings.write_settings(values)
    click.echo(f"{path}: {key} set")


@config_cmd.command("unset")
@click.argument("key")
def unset_cmd(key: str) -> None:
    """Remove one setting."""
    settings.check_key(key)
    values = settings.read_settings()
    if values.pop(key, None) is None:
        click.echo(f"{key} was not set")
        return
    path = settings.write_settings(values)
    click.echo(f"{path}: {key} unset")


SHELLS = ("bash", "zsh", "fish")


@cli.command("completion")
@click.argument("shell", type=SuggestingChoice(SHELLS), metavar="bash|zsh|fish")
def completion_cmd(shell: str) -> None:
    """Print the script that completes followup's commands, flags and choices in SHELL.

    \b
    bash:  followup completion bash > ~/.local/share/bash-completion/completions/followup
    zsh:   followup completion zsh > "${fpath[1]}/_followup"
    fish:  followup completion fish > ~/.config/fish/completions/followup.fish
    """
    # lazy: only this command needs click's completion machinery
    from click.shell_completion import get_completion_class

    ctx = click.get_current_context()
    completer = get_completion_class(shell)
    assert completer is not None  # one of click's own shells: SHELLS
    click.echo(completer(ctx.find_root().command, {}, "followup", "_FOLLOWUP_COMPLETE").source())
