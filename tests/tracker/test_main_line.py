"""The company's main line: given to add and edit, kept as the case's employer.phone, cleared."""

from __future__ import annotations

import json


def test_add_edit_and_clear_the_main_line(cli, tmp_path):
    db = tmp_path / "t.db"
    add = ("add", "--company", "Acme", "--role", "Eng", "--interviewed", "2026-03-02")
    result = cli(*add, "--main-line", "+1 555 0100", "--db", db, "--json")
    assert result.code == 0
    app = json.loads(result.out)["id"]
    assert "employer: {phone: +1 555 0100}" in cli("export", app, "--db", db).out
    assert cli("edit", app, "--main-line", "+1 555 0199", "--db", db).code == 0
    assert "employer: {phone: +1 555 0199}" in cli("export", app, "--db", db).out
    refused = cli("edit", app, "--main-line", "reception", "--db", db)
    assert refused.code == 2
    assert "--main-line: 'reception' is not a phone number" in refused.err
    assert cli("edit", app, "--clear", "main_line", "--db", db).code == 0
    assert "phone" not in cli("export", app, "--db", db).out
