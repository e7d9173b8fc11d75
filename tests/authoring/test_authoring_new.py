"""``followup new``: files that validate and run as written, and the refusals."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from followup import catalog

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
TODAY = "2026-03-12"
# A commented example line: `# key:`, `# - item` or `#   more`; prose starts otherwise.
EXAMPLE_LINE = re.compile(r"^(\s*)# ((?:[a-z_]+:|- |\s).*)$", re.M)


def uncomment(path: Path) -> str:
    """Turn every commented example of a new playbook into YAML, as a coach would."""
    head, rest = path.read_text(encoding="utf-8").split("\n", 1)
    text = head + "\n" + EXAMPLE_LINE.sub(r"\1\2", rest)
    path.write_text(text, encoding="utf-8")
    return text


def test_new_writes_a_playbook_that_validates_and_plans(cli, config_dir):
    """`new mine` creates the user's folder and a file that validate and plan accept."""
    result = cli("new", "mine")
    path = config_dir / "playbooks" / "mine.yaml"
    assert (result.code, result.out, result.err) == (0, f"{path}\n", "")
    checked = cli("validate", path)
    assert (checked.code, checked.out) == (0, f"{path}: ok (playbook)\n"), checked.err
    planned = cli("plan", EXAMPLE, "--playbook", "mine", "--today", TODAY, "--json")
    assert planned.code == 0, planned.err
    data = json.loads(planned.out)
    assert data["playbook"] == "mine"
    assert [s["action"] for s in data["schedule"]] == ["check_in", "move_on"]


def test_the_new_playbook_keeps_its_own_limits_under_the_sound_proof(cli, tmp_path):
    """What `new` writes promises its limits and keeps them in every case the sound proof
    tries.  It did not: its give-up counted from your last message and their decision date
    only, so a "still deciding" reply after a date to check in after left nothing to end the
    case (open 120 days against max_days_open 90)."""
    assert cli("new", "mine", "--dir", tmp_path).code == 0
    proved = cli("prove", tmp_path / "mine.yaml", "--json")
    assert proved.code == 0, proved.out
    (report,) = json.loads(proved.out)["reports"]
    assert report["space"]["sound"] is True
    assert report["worst"]["always_closes"] is True
    assert report["worst"]["max_days_open"] <= report["limits"]["max_days_open"]


def test_the_schema_line_points_at_the_installed_schema(cli, config_dir):
    """The first line names the shipped playbook schema by an absolute path that exists."""
    cli("new", "mine")
    first = (config_dir / "playbooks" / "mine.yaml").read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    schema = Path(first.removeprefix(prefix))
    assert schema.is_absolute()
    assert json.loads(schema.read_text(encoding="utf-8"))["$id"].endswith("/playbook-1.json")


def test_the_new_playbook_has_the_promised_parts(cli, tmp_path):
    """A thank-you, one check-in, moving on, a don't and limits, each section commented."""
    cli("new", "mine", "--dir", tmp_path)
    pb = catalog.model_of(str(tmp_path / "mine.yaml"))
    assert [a.kind for a in pb.actions] == ["thank_you", "check_in", "move_on"]
    assert [a.id for a in pb.avoid] == ["one-check-in-is-enough"]
    assert (pb.limits.max_contacts, pb.limits.max_days_open) == (4, 90)
    text = (tmp_path / "mine.yaml").read_text(encoding="utf-8")
    for section in ("parameters", "transitions", "actions", "avoid", "limits"):
        before = text.split(f"\n{section}:", 1)[0].rstrip().splitlines()[-1]
        assert before.startswith("# "), f"no comment explains '{section}'"


def test_its_commented_examples_work_once_uncommented(cli, tmp_path):
    """Deleting '# ' in front of the examples (kinds, templates, source) keeps it valid."""
    cli("new", "mine", "--dir", tmp_path)
    text = uncomment(tmp_path / "mine.yaml")
    assert "\nkinds:\n" in text
    assert "\ntemplates:\n" in text
    result = cli("validate", tmp_path / "mine.yaml")
    assert result.code == 0, result.err
    pb = catalog.model_of(str(tmp_path / "mine.yaml"))
    assert ([k.name for k in pb.kinds], pb.source.author) == (["connect"], "Your Name")


def test_new_extends_writes_a_child_that_validates_and_plans(cli, tmp_path):
    """A child of week-then-on-hold plans exactly like it until the coach changes something."""
    result = cli("new", "my-week", "--extends", "week-then-on-hold", "--dir", tmp_path)
    path = tmp_path / "my-week.yaml"
    assert (result.code, result.out) == (0, f"{path}\n"), result.err
    assert cli("validate", path).code == 0
    mine = cli("plan", EXAMPLE, "--playbook", path, "--today", TODAY, "--json")
    theirs = cli("plan", EXAMPLE, "--playbook", "week-then-on-hold", "--today", TODAY, "--json")
    assert mine.code == 0, mine.err
    assert json.loads(mine.out)["schedule"] == json.loads(theirs.out)["schedule"]
    assert catalog.model_of(str(path)).title == "A week, then on hold, adapted"


def test_the_extending_examples_override_replace_add_and_remove(cli, tmp_path):
    """Uncommented, the examples change a setting, replace, add and remove a rule."""
    cli("new", "my-week", "--extends", "week-then-on-hold", "--dir", tmp_path)
    text = uncomment(tmp_path / "my-week.yaml")
    assert "\nparameters:\n  thank_you_window: 2bd" in text
    assert cli("validate", tmp_path / "my-week.yaml").code == 0
    pb = catalog.model_of(str(tmp_path / "my-week.yaml"))
    bundled = catalog.model_of("week-then-on-hold")
    removed = re.search(r"^remove: \[(.+)\]$", text, re.M)
    assert removed is not None
    assert removed.group(1) in {a.id for a in bundled.avoid} - {a.id for a in pb.avoid}
    assert pb.avoid[-1].id == "my-week-no-surprise-visits"
    replaced = next(a for a in pb.actions if a.origin.file.endswith("my-week.yaml"))
    assert replaced.id in {a.id for a in bundled.actions}
    assert [a.id for a in pb.actions] == [a.id for a in bundled.actions]


def test_new_extends_a_file_by_its_path_from_the_new_folder(cli, tmp_path, monkeypatch):
    """Given a file, the child's extends is that file seen from the child's folder."""
    base = tmp_path / "bases" / "base.yaml"
    base.parent.mkdir()
    base.write_text(
        (REPO / "playbooks" / "stalker-free.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = cli("new", "kid", "--extends", "bases/base.yaml", "--dir", "mine")
    assert result.code == 0, result.err
    written = (tmp_path / "mine" / "kid.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(written)["extends"] == "../bases/base.yaml"
    monkeypatch.chdir(tmp_path / "bases")
    assert cli("validate", tmp_path / "mine" / "kid.yaml").code == 0


@pytest.mark.parametrize(
    "extends", [None, *sorted(p.stem for p in (REPO / "playbooks").glob("*.yaml"))]
)
def test_what_new_writes_is_already_formatted(cli, tmp_path, extends):
    """A coach with `fmt --check` in CI passes on the untouched starter: `new` writes its file
    in fmt's canonical form (comments included), and it validates."""
    argv = ("--extends", extends) if extends else ()
    assert cli("new", "mine", *argv, "--dir", tmp_path).code == 0
    path = tmp_path / "mine.yaml"
    checked = cli("fmt", "--check", path)
    assert checked.code == 0, checked.out + checked.err
    assert cli("validate", path).code == 0
    assert "# yaml-language-server: $schema=" in path.read_text(encoding="utf-8")


def test_new_refuses_to_overwrite(cli, tmp_path):
    """An existing ID.yaml (or ID.yml) is left alone: exit 2 and a clear message."""
    (tmp_path / "mine.yml").write_text("keep me\n", encoding="utf-8")
    result = cli("new", "mine", "--dir", tmp_path)
    assert result.code == 2
    assert result.err == (
        f"followup: {tmp_path / 'mine.yml'} already exists; choose another id or --dir,"
        " or move that file\n"
    )
    assert (tmp_path / "mine.yml").read_text(encoding="utf-8") == "keep me\n"
    assert not (tmp_path / "mine.yaml").exists()


@pytest.mark.parametrize("bad", ["My-Plan", "-lead", "snake_case", "two words", "a/b", ""])
def test_new_refuses_a_bad_id(cli, tmp_path, bad):
    """Ids are lower-case letters, digits and -: anything else is exit 2, nothing written."""
    result = cli("new", "--dir", tmp_path, "--", bad)
    assert result.code == 2
    assert result.err.startswith(f"followup: '{bad}' cannot be a playbook id; expected")
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_an_unknown_base(cli, tmp_path):
    """--extends must name a known playbook (with a suggestion); nothing is written."""
    result = cli("new", "mine", "--extends", "week-then-on-holt", "--dir", tmp_path)
    assert result.code == 2
    assert "no playbook with id 'week-then-on-holt' (did you mean 'week-then-on-hold'?)" in (
        result.err
    )
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_a_broken_base(cli, tmp_path):
    """A base with problems is reported (located) rather than built on."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: B\n", encoding="utf-8")
    result = cli("new", "mine", "--extends", broken, "--dir", tmp_path / "out")
    assert result.code == 2
    assert result.err.startswith(f"{broken}:1:1: the playbook has no 'source'")
    assert not (tmp_path / "out").exists()


def test_new_writes_to_the_first_coach_folder(cli, tmp_path, monkeypatch):
    """With $FOLLOWUP_PLAYBOOKS set, the new file goes to its first folder."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    monkeypatch.setenv("FOLLOWUP_PLAYBOOKS", f"{first}{os.pathsep}{second}")
    assert cli("new", "mine").out == f"{first / 'mine.yaml'}\n"


def test_a_new_playbook_with_a_bundled_id_says_it_stands_in(cli, config_dir):
    """Shadowing a bundled id is allowed, said on stderr, and extending it by id works."""
    result = cli("new", "week-then-on-hold", "--extends", "week-then-on-hold")
    assert result.code == 0, result.err
    assert result.err.startswith("note: a bundled playbook is called 'week-then-on-hold' too")
    planned = cli("plan", EXAMPLE, "--today", TODAY, "--json")
    assert planned.code == 0, planned.err
    shown = cli("show", "week-then-on-hold")
    assert shown.out.startswith("week-then-on-hold: A week, then on hold, adapted\n")
    origins = shown.out.split("Where each rule is written", 1)[1].splitlines()[1:]
    files = {Path(line.split()[1].rsplit(":", 2)[0]).resolve() for line in origins}
    assert files == {(catalog.bundled_dir() / "week-then-on-hold.yaml").resolve()}
