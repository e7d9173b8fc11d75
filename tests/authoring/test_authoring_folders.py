"""Coaches' playbook folders: flags, $FOLLOWUP_PLAYBOOKS, the config folder, and shadowing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from followup.authoring import folders

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
TODAY = "2026-03-12"
THEIRS = """\
id: theirs
title: Their own way
source: {title: Their notes}
actions:
  - {id: thanks, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Go.}
"""


def put(folder: Path, name: str = "theirs") -> Path:
    """A small valid playbook with id ``name`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(THEIRS.replace("id: theirs", f"id: {name}"), encoding="utf-8")
    return path


def listed(cli, *flags: str) -> dict[str, str]:
    """`followup playbooks`: the first line of each playbook, by id."""
    result = cli("playbooks", *flags)
    assert result.code == 0, result.err
    return {
        line.split(":")[0].split()[0]: line
        for line in result.out.splitlines()
        if line and not line[0].isspace()
    }


def test_the_config_folder_is_searched(cli, config_dir):
    """Playbooks in <config>/playbooks show up in playbooks, plan and compare, marked yours."""
    put(config_dir / "playbooks")
    assert listed(cli)["theirs"] == "theirs  (yours): Their own way"
    planned = cli("plan", EXAMPLE, "--playbook", "theirs", "--today", TODAY, "--json")
    assert planned.code == 0, planned.err
    assert json.loads(planned.out)["playbook"] == "theirs"
    compared = cli("compare", EXAMPLE, "--today", TODAY, "--json")
    assert compared.code == 0, compared.err
    assert "theirs" in compared.out


def test_the_environment_variable_lists_folders(cli, tmp_path, monkeypatch):
    """$FOLLOWUP_PLAYBOOKS takes folders separated by os.pathsep, instead of the config one."""
    put(tmp_path / "a", "first")
    put(tmp_path / "b", "second")
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    found = listed(cli)
    assert {"first", "second"} <= set(found)
    shown = cli("show", "second")
    assert shown.code == 0, shown.err


def test_a_flag_wins_over_the_environment_and_the_config_folder(
    cli, tmp_path, config_dir, monkeypatch
):
    """--playbooks DIR replaces both other sources."""
    put(config_dir / "playbooks", "from-config")
    put(tmp_path / "env", "from-env")
    put(tmp_path / "flag", "from-flag")
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(tmp_path / "env"))
    found = listed(cli, "--playbooks", str(tmp_path / "flag"))
    assert "from-flag" in found
    assert not {"from-env", "from-config"} & set(found)
    assert "from-env" in listed(cli)


def test_a_coach_playbook_with_a_bundled_id_is_used_instead(cli, config_dir):
    """Same id as a bundled playbook: it shadows it everywhere, and playbooks says so."""
    mine = put(config_dir / "playbooks", "stalker-free")
    assert listed(cli)["stalker-free"] == (
        "stalker-free  (yours, used instead of the bundled playbook of that id): Their own way"
    )
    rows = {r["id"]: r for r in json.loads(cli("playbooks", "--json").out)}
    assert (rows["stalker-free"]["bundled"], rows["stalker-free"]["file"]) == (False, str(mine))
    assert rows["stalker-free"]["shadows"].endswith("stalker-free.yaml")
    assert rows["week-then-on-hold"]["shadows"] is None
    planned = cli("plan", EXAMPLE, "--playbook", "stalker-free", "--today", TODAY, "--json")
    assert json.loads(planned.out)["schedule"] == []  # theirs only thanks, on the interview day


def test_no_config_folder_means_only_the_bundled_playbooks(config_dir):
    """A config folder that does not exist yet adds nothing (and is not an error)."""
    assert not config_dir.exists()
    assert folders.default_dirs() == ()
    assert folders.user_playbooks_dir() == config_dir / "playbooks"


def test_a_missing_folder_in_the_variable_is_an_error(cli, tmp_path, monkeypatch):
    """A folder named on purpose must exist: exit 2."""
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", str(tmp_path / "nowhere"))
    result = cli("playbooks")
    assert result.code == 2
    assert "is not a folder" in result.err


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_CONFIG_HOME": "/somewhere/config"},
        {"XDG_CONFIG_HOME": "relative/config"},
        {"XDG_CONFIG_HOME": ""},
        {"HOME": "/home/coach"},
    ],
)
def test_the_config_folder_is_the_one_platformdirs_names(monkeypatch, env):
    """Without $FOLLOWUP_CONFIG_DIR, the folder is platformdirs' user config folder."""
    monkeypatch.delenv("FOLLOWUP_CONFIG_DIR")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert folders.user_config_dir() == Path(platformdirs.user_config_dir("followup"))


def test_plan_with_a_bundled_id_does_not_import_platformdirs(tmp_path):
    """Where the config folder is cheap to work out (Linux), plan never imports platformdirs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    env["FOLLOWUP_CACHE"] = str(tmp_path / "cache")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    code = (
        "import sys; from followup.cli.main import main; "
        f"main(['plan', {str(EXAMPLE)!r}, '--today', '{TODAY}']); "
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    cheap = sys.platform == "linux"
    assert out.strip().splitlines()[-1] == str(not cheap)


def test_one_broken_playbook_does_not_hide_the_others(cli, tmp_path):
    """playbooks and compare list every playbook that loads, name the broken one, exit 2."""
    folder = tmp_path / "mine"
    put(folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    shown = cli("playbooks", "--playbooks", folder)
    assert shown.code == 2
    assert "theirs  (yours): Their own way" in shown.out
    assert "week-then-on-hold" in shown.out
    assert f"{folder / 'broken.yaml'}:3:1:" in shown.err
    as_json = cli("playbooks", "--playbooks", folder, "--json")
    assert as_json.code == 2
    assert "theirs" in {row["id"] for row in json.loads(as_json.out)}
    compared = cli("compare", EXAMPLE, "--playbooks", folder, "--today", TODAY, "--json")
    assert compared.code == 2
    assert "theirs" in {p["playbook"] for p in json.loads(compared.out)["playbooks"]}
    assert f"{folder / 'broken.yaml'}:3:1:" in compared.err


def test_choose_ranks_the_playbooks_that_load_and_names_the_broken_one(cli, tmp_path):
    """choose, like playbooks and compare, does not let one broken file hide the ranking."""
    folder = tmp_path / "mine"
    put(folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    chosen = cli(
        "choose", EXAMPLE, "--playbooks", folder, "--today", TODAY, "--persistence", "steady"
    )
    assert chosen.code == 2
    assert "Recommended:" in chosen.out
    assert f"{folder / 'broken.yaml'}:3:1:" in chosen.err


def test_two_files_with_one_id_are_named_and_the_one_named_after_it_is_used(cli, tmp_path):
    """A copy of a playbook under another file name, its id unchanged: listed once (the file
    named after the id), and the copy is named as left out."""
    folder = tmp_path / "mine"
    put(folder)
    original = next(folder.glob("*.yaml"))
    (folder / "copy.yaml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    shown = cli("playbooks", "--playbooks", folder, "--json")
    assert shown.code == 2
    ids = [row["id"] for row in json.loads(shown.out)]
    assert ids.count(original.stem) == 1
    assert f"{folder / 'copy.yaml'}:1:1: playbook id '{original.stem}' is also the id of" in (
        shown.err
    )


def test_a_file_not_named_after_its_id_is_named_and_the_id_points_to_it(cli, tmp_path):
    """A playbook is found by its file's name: one saved as other.yaml with its id unchanged
    was listed by its id, and then '--playbook ID' said no playbook has that id.  The listing
    names the mismatch at the file, and the lookup by id says which file says it."""
    folder = tmp_path / "mine"
    put(folder)
    original = next(folder.glob("*.yaml"))
    renamed = original.rename(folder / "other.yaml")
    shown = cli("playbooks", "--playbooks", folder)
    assert shown.code == 2
    assert f"{renamed}:1:1: this playbook says 'id: {original.stem}'" in shown.err
    looked = cli("show", original.stem, "--playbooks", folder)
    assert looked.code == 2
    assert f"{renamed} says 'id: {original.stem}'" in looked.err
    assert "rename it to" in looked.err
    assert cli("show", "other", "--playbooks", folder).code == 0


def test_validate_finds_ids_in_the_coach_s_folders(cli, tmp_path):
    """A case naming a coach's playbook, and a playbook extending one by id, validate with it."""
    folder = tmp_path / "mine"
    folder.mkdir()
    week = (REPO / "playbooks" / "week-then-on-hold.yaml").read_text(encoding="utf-8")
    (folder / "theirs.yaml").write_text(
        week.replace("id: week-then-on-hold", "id: theirs"), encoding="utf-8"
    )
    case = tmp_path / "case.yaml"
    case.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            "playbook: week-then-on-hold", "playbook: theirs"
        ),
        encoding="utf-8",
    )
    child = tmp_path / "child.yaml"
    child.write_text("id: child\nextends: theirs\n", encoding="utf-8")
    without = cli("validate", case, child)
    assert without.code == 2
    assert "no playbook with id 'theirs'" in without.err
    found = cli("validate", "--playbooks", folder, case, child)
    assert found.code == 0, found.err
    assert found.out.splitlines() == [f"{case}: ok (case)", f"{child}: ok (playbook)"]
    missing = cli("validate", "--playbooks", tmp_path / "nowhere", case)
    assert missing.code == 2
    assert "is not a folder" in missing.err
