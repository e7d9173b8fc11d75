"""A command that saves and then plans, when the application's playbook is gone: what was
saved is kept, and the error says so (which entry, which application, which tracker) before why
there is no plan, so the job seeker does not record it twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import REPO, TODAY, Cli

GONE = "mine.yaml:1:1: no such file; expected a playbook file (YAML)"


def _tracked(run: Cli, db: Path, tmp_path: Path) -> str:
    """An application following a playbook file of the user's, which is then removed."""
    mine = tmp_path / "mine.yaml"
    text = (REPO / "playbooks" / "week-then-on-hold.yaml").read_text(encoding="utf-8")
    mine.write_text(text.replace("id: week-then-on-hold", "id: mine", 1), encoding="utf-8")
    added = run("add", "--company", "Acme", "--role", "Eng", "--interviewed", "2026-03-02",
                "--playbook", mine, "--db", db)  # fmt: skip
    assert added.code == 0, added.err
    logged = run("log", added.out.strip(), "thank_you_sent", "--date", "2026-03-03",
                 "--today", TODAY, "--db", db)  # fmt: skip
    assert logged.code == 0, logged.err
    mine.unlink()
    return added.out.strip()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("log", "APP", "networked", "--date", "2026-03-10", "--today", TODAY),
         "APP #2 2026-03-10 networked"),
        (("log", "APP", "networked", "--date", "2026-03-10", "--today", TODAY, "--json"),
         "APP #2 2026-03-10 networked"),
        (("edit", "APP", "--role", "Data Engineer"), "APP #2 edited role: Eng -> Data Engineer"),
        (("edit", "APP", "--role", "Data Engineer", "--json"), "APP #2 edited role"),
        (("undo", "APP"), "APP #2 retracts #1"),
        (("close", "APP", "--as", "rejection", "--date", "2026-03-10", "--today", TODAY, "--json"),
         "APP #2 2026-03-10 reply rejection"),
    ],
)  # fmt: skip
def test_the_error_says_what_was_saved(run: Cli, db: Path, tmp_path: Path, argv, said) -> None:
    app = _tracked(run, db, tmp_path)
    result = run(*(a.replace("APP", app) for a in argv), "--db", db)
    assert result.code == 2
    first, why = result.err.splitlines()[-2:]
    assert first.startswith(f"followup: saved: {said.replace('APP', app)}")
    assert f"in the tracker at {db}; it is kept, so do not run the command again" in first
    assert why.endswith(GONE)
    assert "Traceback" not in result.err
    history = run("history", app, "--json", "--db", db).json()
    assert len(history) == 2


def test_reopen_says_what_it_retracted(run: Cli, db: Path, tmp_path: Path) -> None:
    app = _tracked(run, db, tmp_path)
    run("close", app, "--as", "rejection", "--date", "2026-03-10", "--today", TODAY, "--db", db)
    result = run("reopen", app, "--db", db)
    assert result.code == 2
    assert f"followup: saved: {app} #3 retracts #2 in the tracker at {db}" in result.err
    assert result.err.rstrip().endswith(GONE)


def test_add_with_json_says_the_application_is_tracked(run: Cli, db: Path, tmp_path: Path) -> None:
    """A playbook file that is found but does not load: add tracks the application, then says
    so with the playbook's problem."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: [\n", encoding="utf-8")
    result = run("add", "--company", "Acme", "--role", "Eng", "--interviewed", "2026-03-02",
                 "--playbook", broken, "--db", db, "--json")  # fmt: skip
    assert result.code == 2
    listed = run("list", "--all", "--db", db)  # it cannot be planned there either, but is named
    (app,) = [line.split(":")[0] for line in listed.err.splitlines() if line.startswith("acme-")]
    assert f"followup: saved: {app} (new) in the tracker at {db}" in result.err
    assert f"{broken}:" in result.err.splitlines()[-1]
