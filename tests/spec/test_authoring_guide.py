"""docs/authoring.md's worked example runs as written, in order, in an empty folder.

The guide's blocks are read in order: a block whose info string says ``file=PATH`` is written
to PATH, one that says ``append=PATH`` is added to the end of PATH, each ```shell line
``$ followup ...`` is run (``> FILE`` saves what it prints), and a ```text block right after a
```shell block lists lines its last command must print (a line ending in "…" only has to
begin an output line).  The ```console blocks are the repository-root sessions that
tests/docs/test_readme.py runs.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.S | re.M)
# The module each command's work lives in; a command whose module is not there yet can only be
# checked to be registered, with its flags (see PENDING below).
IMPL = {
    "new": "new_impl",
    "lint": "lint_impl",
    "prove": "lint_impl",
    "fmt": "fmt_impl",
    "spec": "spec_impl",
    "validate": "commands",
    "show": "commands",
    "plan": "commands",
}
PENDING = sorted(
    cmd
    for cmd, module in IMPL.items()
    if importlib.util.find_spec(f"followup.cli.{module}") is None
)
ELLIPSIS = "…"


@dataclass(frozen=True)
class Block:
    """One fenced block of the guide."""

    language: str
    info: str
    text: str


def guide_blocks() -> list[Block]:
    """Every fenced block of the guide, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    return [Block(m[1], m[2].strip(), m[3]) for m in FENCE.finditer(text)]


def shell_commands(text: str) -> list[list[str]]:
    """The ``$ followup`` lines of a shell block, split like a shell would."""
    return [shlex.split(line[2:]) for line in text.splitlines() if line.startswith("$ followup ")]


def _target(info: str, key: str) -> str | None:
    match = re.fullmatch(rf"{key}=(\S+)", info)
    return match[1] if match else None


def test_guide_walks_every_step():
    """The worked example goes through new, validate, lint, prove, fmt, and spec in every mode."""
    argvs = [a for b in guide_blocks() if b.language == "shell" for a in shell_commands(b.text)]
    said = [" ".join(a[1:]) for a in argvs]
    for needed in ("new ", "validate ", "lint ", "prove ", "fmt ", "fmt --check"):
        assert any(s.startswith(needed) for s in said), needed
    spec = [s for s in said if s.startswith("spec ")]
    assert any("--generate" in s for s in spec)
    assert any("--coverage" in s and "--fail-under" in s for s in spec)
    files = [b for b in guide_blocks() if _target(b.info, "file")]
    assert {b.language for b in files} == {"yaml", "gherkin"}


def test_worked_example_runs(cli, tmp_path):
    """Every file of the example is written and every command exits 0, in the guide's order."""
    ran: list[str] = []
    last_out = ""
    previous = ""
    for block in guide_blocks():
        file_target = _target(block.info, "file")
        append_target = _target(block.info, "append")
        if file_target:
            path = tmp_path / file_target
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block.text, encoding="utf-8")
        elif append_target:
            path = tmp_path / append_target
            assert path.is_file(), f"{append_target} is appended to before it is written"
            path.write_text(path.read_text(encoding="utf-8") + "\n" + block.text, "utf-8")
        elif block.language == "shell":
            for argv in shell_commands(block.text):
                last_out = _run(cli, argv[1:], tmp_path)
                ran.append(" ".join(argv[1:]))
        elif block.language == "text" and previous == "shell":
            _check_printed(block.text, last_out)
        previous = block.language
    assert len(ran) >= 10
    # What the guide promises at the end: a playbook fully specified by scenarios that pass.
    assert (tmp_path / "features" / "two-tries-moves.feature").read_text().startswith("# Written")


def _run(cli, argv: list[str], folder: Path) -> str:
    """Run one documented command; return what it printed."""
    saved_to = None
    if ">" in argv:
        at = argv.index(">")
        argv, saved_to = argv[:at], argv[at + 1]
    if argv[0] in PENDING:
        # Being written in parallel: it must at least be registered, with the documented flags.
        result = cli(argv[0], "--help")
        assert result.code == 0, result.err
        for flag in (a for a in argv if a.startswith("--")):
            assert flag in result.out, f"followup {argv[0]} has no {flag}"
        return ""
    result = cli(*argv)
    assert result.code == 0, (
        f"followup {' '.join(argv)} exited {result.code}:\n{result.out}{result.err}"
    )
    if saved_to is not None:
        (folder / saved_to).write_text(result.out, encoding="utf-8")
    return result.out


def _check_printed(expected: str, out: str) -> None:
    """Each line of ``expected`` is a line of ``out`` (or begins one, if it ends in "…")."""
    lines = [line.rstrip() for line in out.splitlines()]
    for want in expected.splitlines():
        if want.endswith(ELLIPSIS):
            stem = want[: -len(ELLIPSIS)].rstrip()
            assert any(line.startswith(stem) for line in lines), f"no line begins {stem!r}"
        else:
            assert want.rstrip() in lines, f"{want!r} was not printed:\n{out}"


@pytest.mark.parametrize("command", sorted(IMPL))
def test_documented_flags_exist(cli, command):
    """Every flag the guide shows for a command is one that command takes."""
    documented = {
        flag
        for block in guide_blocks()
        if block.language in ("shell", "console")
        for argv in shell_commands(block.text)
        if argv[1] == command
        for flag in argv
        if flag.startswith("--")
    }
    result = cli(command, "--help")
    assert result.code == 0
    for flag in documented:
        assert flag in result.out, f"followup {command} has no {flag}"
