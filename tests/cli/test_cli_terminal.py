"""A terminal that fits: width and colour from the terminal, help on every flag, "did you
mean", shell completion, grouped help, and `followup` alone."""

from __future__ import annotations

import re
import sys

import click
import pytest

from followup.cli.group import SECTIONS, cli
from followup.cli.main import main

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _all_commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(cli)
    found: list[tuple[str, click.Command]] = [("followup", cli)]
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {n}", c) for n, c in command.commands.items()]
    return found


def test_every_flag_has_help_text() -> None:
    """Every option of every command says what it does in --help."""
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in _all_commands()
        for param in command.params
        if isinstance(param, click.Option) and not param.help
    ]
    assert missing == []


def test_followup_alone_prints_the_grouped_help_and_exits_0(capsys) -> None:
    """No command: the commands by who uses them, exit 0."""
    code, out, _ = _run(capsys)
    assert code == 0
    titles = [title for title, _ in SECTIONS]
    positions = [out.index(f"{title}:") for title in titles]
    assert positions == sorted(positions)
    jobs = out[out.index("For job seekers:") : out.index("For coaches:")]
    assert "  edit " in jobs
    assert "  lint " not in jobs
    assert "  lint " in out[out.index("For coaches:") :]
    assert _run(capsys, "--help")[1] == out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lst"], "did you mean 'list'?"),
        (["log", "acme", "update_snt"], "did you mean 'update_sent'?"),
        (["list", "--al"], "--all"),
        (["close", "acme", "--as", "widthdrew"], "did you mean 'withdrew'?"),
    ],
)
def test_did_you_mean_for_commands_events_and_flags(capsys, argv, expected) -> None:
    """A typo is refused with exit 2 and the nearest name."""
    code, _, err = _run(capsys, *argv)
    assert code == 2
    assert expected in err


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(capsys, shell) -> None:
    """`followup completion SHELL` prints the completion script, naming followup's variable."""
    code, out, _ = _run(capsys, "completion", shell)
    assert code == 0
    assert "_FOLLOWUP_COMPLETE" in out
    assert _run(capsys, "completion", "tcsh")[0] == 2


@pytest.fixture
def tracked(tmp_path, monkeypatch, capsys):
    """One application in a tracker of the test's own."""
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "t.db"))
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    argv = ("add", "--company", "Acme Corporation International", "--role", "Principal Engineer")
    assert _run(capsys, *argv, "--interviewed", "2026-03-02")[0] == 0


def _today(capsys, monkeypatch, tty: bool, **env: str) -> str:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code, out, err = _run(capsys, "today", "--today", "2026-03-02")
    assert code == 0, err
    return out


def test_today_wraps_to_the_terminal_and_colours_only_a_terminal(tracked, capsys, monkeypatch):
    """On a 50-column terminal every line fits; colour on a TTY, none with NO_COLOR or a pipe."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    narrow = _today(capsys, monkeypatch, True, COLUMNS="50")
    assert ANSI.search(narrow)
    plain = ANSI.sub("", narrow)
    assert max(len(line) for line in plain.splitlines()) <= 50
    wide = ANSI.sub("", _today(capsys, monkeypatch, True, COLUMNS="140"))
    assert len(wide.splitlines()) < len(plain.splitlines())
    assert not ANSI.search(_today(capsys, monkeypatch, True, COLUMNS="50", NO_COLOR="1"))
    monkeypatch.delenv("NO_COLOR")
    piped = _today(capsys, monkeypatch, False)
    assert not ANSI.search(piped)
    assert "Due today or overdue (Mon 2026-03-02)" in piped


def test_completion_completes_commands_and_events(capsys, monkeypatch) -> None:
    """What the printed script asks followup for: the commands and event names that fit."""
    monkeypatch.setenv("_FOLLOWUP_COMPLETE", "bash_complete")
    for words, cword, expected in (
        ("followup un", "1", {"undo", "unarchive", "unsnooze"}),
        ("followup log acme upd", "3", {"update_sent"}),
    ):
        monkeypatch.setenv("COMP_WORDS", words)
        monkeypatch.setenv("COMP_CWORD", cword)
        capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main([])
        assert done.value.code == 0
        offered = {line.split(",", 1)[1] for line in capsys.readouterr().out.splitlines()}
        assert offered == expected
