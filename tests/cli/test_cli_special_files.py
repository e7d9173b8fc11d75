"""Special files given as paths: refused by type, located, exit 2, never a hang or traceback.

Anything involving a FIFO runs in a subprocess with a timeout: should the refusal regress, the
test fails instead of hanging the suite on an open() that waits for a writer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TODAY = "2026-03-10"
REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
COMMANDS = {
    "validate": ["validate"],
    "lint": ["lint"],
    "plan": ["plan", "--today", TODAY],
    "explain": ["explain", "--today", TODAY],
    "agenda": ["agenda", "--today", TODAY],
    "import": ["import"],
}


def run_all(argvs: dict[str, list[str]], timeout: float = 30) -> dict[str, tuple[int, str, str]]:
    """Run one ``python -m followup`` per argv at once: exit code, stdout, stderr of each.

    Every process is killed at the timeout, and the test fails naming the one that hung.
    """
    started = {
        key: subprocess.Popen(
            [sys.executable, "-m", "followup", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        )
        for key, argv in argvs.items()
    }
    done: dict[str, tuple[int, str, str]] = {}
    hung = []
    for key, proc in started.items():
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            hung.append(" ".join(argvs[key]))
            continue
        done[key] = (proc.returncode, out, err)
    if hung:
        pytest.fail(f"hung on a FIFO: {hung}")
    return done


def test_fifo_is_refused_by_every_command(tmp_path: Path) -> None:
    """validate, lint, plan, explain, agenda and import each refuse a FIFO at once."""
    fifo = tmp_path / "case.yaml"
    os.mkfifo(fifo)
    done = run_all({name: [*argv, str(fifo)] for name, argv in COMMANDS.items()})
    for name, (code, out, err) in done.items():
        err = out + err  # lint reports its problems (with their L-codes) on stdout
        assert code == 2, (name, err)
        assert f"{fifo}:1:1: " in err, name
        assert "is a FIFO" in err, name
        assert "Traceback" not in err, name


def test_agenda_folder_with_a_fifo_and_a_loop_plans_the_rest(tmp_path: Path) -> None:
    """In a folder batch a FIFO or a loop named *.yaml is one located bad case; others run."""
    (tmp_path / "good.yaml").write_text(EXAMPLE.read_text())
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    argv = ["agenda", str(tmp_path), "--today", TODAY, "--json"]
    ((code, out, err),) = run_all({"agenda": argv}).values()
    assert code == 2
    assert '"case": "acme-data-eng"' in out
    assert f"{tmp_path / 'pipe.yaml'}:1:1: is a FIFO" in err
    assert f"{tmp_path / 'loop.yaml'}:1:1: too many levels of symbolic links" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_endless_devices_are_refused_unread(cli, command: str, device: str) -> None:
    """A device as the case file or batch is refused by type: no 1.8 GB read, no MemoryError."""
    result = cli(*COMMANDS[command], device)
    assert result.code == 2
    assert (result.out + result.err).startswith(f"{device}:1:1: ")  # lint: on stdout
    assert "is a device" in result.out + result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", list(COMMANDS))
def test_loops_and_folders_are_named_for_what_they_are(cli, tmp_path: Path, command: str) -> None:
    """A symlink loop is not "does not exist"; a folder (where a file is wanted) says so."""
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    result = cli(*COMMANDS[command], loop)
    assert result.code == 2
    assert (result.out + result.err).startswith(f"{loop}:1:1: ")  # lint: on stdout
    assert "too many levels of symbolic links" in result.out + result.err
    if command in ("validate", "lint"):  # a folder is the YAML files in it: the loop here
        folder = cli(*COMMANDS[command], tmp_path / "")
        assert folder.code == 2
        assert "too many levels of symbolic links" in folder.out + folder.err
    elif command != "agenda":  # for agenda a folder is a batch of case files
        folder = cli(*COMMANDS[command], tmp_path / "")
        assert folder.code == 2
        assert "is a directory" in folder.out + folder.err


def test_agenda_jsonl_with_a_huge_line_reports_it_and_plans_the_rest(cli, tmp_path: Path) -> None:
    """A 5 MB line is one located problem; the cases around it are planned."""
    good = '{"id": "c%d", "interview": "2026-03-02", "playbook": "week-then-on-hold"}\n'
    batch = tmp_path / "b.jsonl"
    batch.write_text(good % 1 + '{"notes": "' + "x" * (5 << 20) + '"}\n' + good % 3)
    result = cli("agenda", batch, "--today", TODAY, "--json")
    assert result.code == 2
    assert result.out.count('"case"') == 2
    assert result.err.splitlines()[0] == (
        f"{batch}:2:1: the line is longer than 1 MB; expected one case per line"
    )


def test_playbook_flag_naming_a_loop_says_so(cli, tmp_path: Path) -> None:
    """--playbook naming a symlink loop is refused for what it is, not as a traceback."""
    loop = tmp_path / "pb.yaml"
    loop.symlink_to(loop)
    result = cli("plan", EXAMPLE, "--playbook", loop, "--today", TODAY)
    assert result.code == 2
    assert "too many levels of symbolic links" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("kind", ["fifo", "device", "loop"])
@pytest.mark.parametrize("command", [("list",), ("calendar",), ("draft", "x")])
def test_tracker_db_that_is_not_a_file(cli, tmp_path: Path, kind: str, command) -> None:
    """--db naming a FIFO, a device or a loop is a usage error (2), not a "disk I/O error" (1)."""
    db = {"fifo": tmp_path / "t.db", "device": Path("/dev/zero"), "loop": tmp_path / "l.db"}[kind]
    if kind == "fifo":
        os.mkfifo(db)  # sqlite answers a FIFO with an I/O error at once: safe in-process
    elif kind == "loop":
        db.symlink_to(db)
    result = cli(*command, "--db", db)
    assert result.code == 2, result.err
    assert f"--db: '{db}': " in result.err
    assert "expected a tracker database file" in result.err


@pytest.mark.parametrize("command", [("list",), ("draft", "x"), ("log", "x", "note_sent")])
@pytest.mark.parametrize("where", ["after", "before"])
def test_tracker_db_that_is_a_folder(cli, tmp_path: Path, command, where: str) -> None:
    """--db naming a folder (after the command or before it) is refused like every other --db
    that is not a file: located, what was expected, exit 2; not click's usage text."""
    argv = [*command, "--db", tmp_path] if where == "after" else ["--db", tmp_path, *command]
    result = cli(*argv)
    assert result.code == 2, result.err
    assert result.err.startswith(f"followup: --db: '{tmp_path}': ")
    assert "expected a tracker database file" in result.err
    assert "Usage:" not in result.err
    assert list(tmp_path.iterdir()) == []  # nothing created in it


def test_agenda_folder_that_cannot_be_listed(cli, tmp_path: Path, monkeypatch) -> None:
    """A folder batch we may not list is one located problem, not a PermissionError."""

    def deny(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    # Patched rather than chmod-ed: the tests may run as root, who may list any folder.
    monkeypatch.setattr(Path, "iterdir", deny)
    result = cli("agenda", tmp_path, "--today", TODAY)
    assert result.code == 2
    assert result.err == f"{tmp_path}:1:1: permission denied; expected a readable folder\n"


@pytest.mark.parametrize(("command", "kind"), [("report", ".html"), ("calendar", ".ics")])
def test_out_that_is_a_folder(cli, tmp_path: Path, command: str, kind: str) -> None:
    """--out naming a folder is refused in followup's own form, saying what file it expected,
    exit 2; not click's usage text, and nothing is written into the folder."""
    folder = tmp_path / "out"
    folder.mkdir()
    result = cli(command, "--out", folder, "--db", tmp_path / "t.db", "--today", TODAY)
    assert result.code == 2, result.err
    assert result.err.startswith(f"followup: --out: '{folder}' is a folder; ")
    assert f"expected an {kind} file" in result.err
    assert "Usage:" not in result.err
    assert list(folder.iterdir()) == []


def test_a_fifo_in_followup_s_own_cache_folder_is_never_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO where a holiday file, a checked-templates marker or a remembered proof goes
    counts as a miss: the command runs as without it, and a file takes its place."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("FOLLOWUP_CACHE", str(cache))
    runs = {
        "plan": ["plan", str(EXAMPLE), "--today", TODAY],
        "prove": ["prove", "stalker-free", "--quick"],
    }
    first = run_all(runs, timeout=120)
    cached = sorted(p for p in cache.rglob("*") if p.is_file())
    kinds = {p.parent.name for p in cached}
    assert kinds == {"cache", "templates-checked", "proofs"}, cached
    for path in cached:
        path.unlink()
        os.mkfifo(path)
    again = run_all(runs, timeout=120)

    def answer(out: str) -> list[str]:  # without how long the search took
        return [line for line in out.splitlines() if "abstract states in" not in line]

    for name, (code, out, _err) in again.items():
        assert code == 0, name
        assert answer(out) == answer(first[name][1]), name  # the same answer, found again
    assert all(path.is_file() for path in cached)


def test_spec_refuses_a_fifo_feature_at_once(tmp_path: Path) -> None:
    """A FIFO named *.feature is refused by type, named as one, and never opened blocking."""
    fifo = tmp_path / "pipe.feature"
    os.mkfifo(fifo)
    ((code, out, err),) = run_all({"spec": ["spec", str(fifo)]}).values()
    assert code == 2, out + err
    assert f"{fifo}:1:1: is a FIFO" in err
    assert "Traceback" not in err


def test_spec_on_a_folder_with_a_fifo_names_it_and_stops_before_running(tmp_path: Path) -> None:
    """A FIFO among feature files is one located problem (the run stops before any scenario,
    as for any unreadable feature), not a hang."""
    os.mkfifo(tmp_path / "pipe.feature")
    (tmp_path / "ok.feature").write_text("Feature: ok\n", encoding="utf-8")
    ((code, out, err),) = run_all({"spec": ["spec", str(tmp_path)]}).values()
    assert code == 2, out + err
    assert "pipe.feature:1:1: is a FIFO" in err


@pytest.mark.parametrize("command", [["lint"], ["validate"], ["fmt", "--check"]])
def test_a_folder_is_its_yaml_files_and_one_bad_one_stops_none(cli, tmp_path, command):
    """lint, validate and fmt take a folder for the YAML files in it: each good file is
    checked, the bad one named at its line, exit 2."""
    bundled = REPO / "playbooks" / "week-then-on-hold.yaml"
    (tmp_path / "good.yaml").write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: [\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not yaml", encoding="utf-8")
    result = cli(*command, tmp_path)
    said = result.out + result.err
    assert result.code == 2, said
    assert f"{tmp_path / 'bad.yaml'}:" in said
    assert "notes.txt" not in said
    if command[0] != "fmt":
        assert f"{tmp_path / 'good.yaml'}: ok" in said


def test_a_folder_without_yaml_files_is_a_usage_error(cli, tmp_path):
    result = cli("lint", tmp_path)
    assert result.code == 2
    assert "is a folder with no .yaml file" in result.err
