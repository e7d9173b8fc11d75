"""``followup config``: the job seeker's settings file, read located and written atomically."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from followup.settings import read_settings, settings_path, write_settings


def test_set_get_list_and_unset(cli):
    """Each key round-trips through the file; an unset key is listed as such."""
    assert cli("config", "set", "name", "Alex Doe").code == 0
    assert cli("config", "set", "signature", "Alex Doe\n+1 555 0100").code == 0
    assert cli("config", "set", "country", "GB-ENG").code == 0
    assert cli("config", "set", "timezone", "Europe/London").code == 0
    assert cli("config", "set", "playbook", "fine-line").code == 0
    got = cli("config", "get", "signature")
    assert (got.code, got.out) == (0, "Alex Doe\n+1 555 0100\n")
    listed = cli("config")
    assert listed.code == 0
    assert "name: Alex Doe\n" in listed.out
    assert "signature: Alex Doe\n           +1 555 0100\n" in listed.out
    assert "playbook: fine-line\n" in listed.out
    assert cli("config", "unset", "country").code == 0
    shown = json.loads(cli("config", "--json").out)
    assert shown == {
        "name": "Alex Doe",
        "signature": "Alex Doe\n+1 555 0100",
        "country": None,
        "timezone": "Europe/London",
        "playbook": "fine-line",
    }


def test_get_of_a_setting_not_set_exits_1(cli):
    result = cli("config", "get", "name")
    assert (result.code, result.out) == (1, "")
    assert "name is not set" in result.err


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("country", "XX1", "config set country: country 'XX1' is not a country code; expected"),
        ("country", "XX", "config set country: no public-holiday data for country 'XX'"),
        ("timezone", "Mars/Base", "config set timezone: timezone 'Mars/Base' is not known"),
        ("playbook", "week-then-onhold", "(did you mean 'week-then-on-hold'?); expected one of"),
        ("nmae", "Alex", "no setting 'nmae' (did you mean 'name'?); expected one of name,"),
        ("name", "", "expected some text"),
        ("name", "Alex\x1b[31m", "control character"),
    ],
)
def test_a_bad_value_or_key_is_refused_and_nothing_is_written(cli, key, value, said):
    result = cli("config", "set", key, value)
    assert result.code == 2
    assert said in result.err
    assert "Traceback" not in result.err
    assert not settings_path().exists()


def test_a_broken_settings_file_is_located_exit_2(cli):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("name: Alex\nsignatur: x\ncountry: 12\n", encoding="utf-8")
    result = cli("config")
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].startswith(f"{path}:2:1: unknown key 'signatur' (did you mean 'signature'?)")
    assert lines[1].startswith(f"{path}:3:10: ")
    assert "; expected " in lines[1]
    path.write_text('name: "Alex\n', encoding="utf-8")
    result = cli("config", "get", "name")
    assert result.code == 2
    assert result.err.startswith(f"{path}:")
    assert "Traceback" not in result.err


def test_a_stale_playbook_id_in_the_file_is_located(cli):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("playbook: gone\n", encoding="utf-8")
    result = cli("config")
    assert result.code == 2
    assert result.err.startswith(f"{path}:1:11: no playbook 'gone'")


def test_writes_replace_the_file_whole_and_leave_no_temporary_file(tmp_path):
    path = tmp_path / "cfg" / "settings.yaml"
    awkward = 'Zoë \u2028 "quoted" \\ back: #not a comment'
    write_settings({"signature": awkward, "name": "Ada"}, path)
    assert read_settings(path) == {"name": "Ada", "signature": awkward}
    assert os.listdir(path.parent) == ["settings.yaml"]
    text = path.read_text(encoding="utf-8")
    assert text.index("name:") < text.index("signature:")  # always in the documented order


def test_the_config_folder_follows_the_environment(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert cli("config", "set", "name", "Alex").code == 0
    assert (tmp_path / "elsewhere" / "settings.yaml").is_file()


ADD = ("add", "--company", "Acme", "--role", "Engineer", "--interviewed", "2026-12-21", "--json")


def test_add_takes_what_the_flags_leave_out_from_the_settings(cli):
    """Your country, time zone and playbook are the defaults for a new application."""
    for key, value in (("country", "GB"), ("timezone", "Europe/London"), ("playbook", "fine-line")):
        assert cli("config", "set", key, value).code == 0
    added = cli(*ADD)
    assert added.code == 0, added.err
    app = json.loads(added.out)
    assert app["playbook"] == "fine-line"
    exported = yaml.safe_load(cli("export", app["id"]).out)
    assert (exported["country"], exported["timezone"]) == ("GB", "Europe/London")


def test_flags_win_over_the_settings(cli):
    assert cli("config", "set", "playbook", "fine-line").code == 0
    assert cli("config", "set", "country", "GB").code == 0
    added = cli(*ADD, "--playbook", "stalker-free", "--country", "DE")
    app = json.loads(added.out)
    assert app["playbook"] == "stalker-free"
    assert yaml.safe_load(cli("export", app["id"]).out)["country"] == "DE"


def test_a_settings_playbook_that_is_gone_is_named_as_from_the_settings(cli):
    """A playbook id in the settings that no longer resolves: add says where it came from."""
    write_settings({"playbook": "retired-playbook"})
    added = cli(*ADD)
    assert added.code == 2
    assert "the playbook in your settings" in added.err
    assert "no playbook with id 'retired-playbook'" in added.err


def test_the_calendar_signs_its_drafts_with_the_name_set(cli, tmp_path):
    """calendar's drafts are signed as draft signs them: with the name in the settings."""
    db = tmp_path / "t.db"
    assert cli("config", "set", "name", "Jordan Lee").code == 0
    added = cli(
        "add", "--company", "Acme", "--role", "R", "--interviewed", "2026-03-02", "--db", db
    )
    assert added.code == 0, added.err
    out = tmp_path / "f.ics"
    made = cli("calendar", "--out", out, "--today", "2026-03-03", "--db", db)
    assert made.code == 0, made.err
    text = out.read_text(encoding="utf-8").replace("\r\n ", "")  # unfold the lines
    assert "Jordan Lee" in text
    assert "[[your name]]" not in text
