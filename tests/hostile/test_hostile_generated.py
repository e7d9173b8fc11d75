"""Generated playbooks, templates and command lines never break the hostile-input contract.

Case files and batches are generated in ``test_hostile_properties.py``; here:

* playbooks: a bundled playbook with one of its values (a parameter, a duration, a count, a
  date rule, an id) replaced by a hostile token;
* templates: text built from Jinja2's own pieces (tags allowed and refused, nested blocks,
  huge numbers, attribute chains, unbalanced delimiters) as a playbook's message template;
* command lines: a command with any mix of its flags, each given a plausible or hostile value.

Each runs in-process (no FIFO or device is generated: those are the corpus's, run in a child
process with a time limit) and must end with exit 0 or 2, no exception, and every stderr line
located (see ``tests/hostile/test_hostile_classes.py`` for what counts as located).
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.hostile.corpus import EXAMPLE, PLAYBOOKS, TODAY
from tests.hostile.test_hostile_classes import unlocated

from followup.cli.main import main

SETTINGS = settings(
    max_examples=40,
    deadline=None,  # a command costs milliseconds; the first one loads every playbook
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE_VALUES = [
    "9" * 4301,
    "0x" + "f" * 5000,
    str(2**63),
    "-" + str(2**64),
    "1e400",
    ".nan",
    "-1",
    "0",
    "99999999999999999999d",
    "1000000bd",
    "0.0000001w",
    "3652d",
    "121mo",
    "{later_of: []}",
    "{later_of: [" + ", ".join(["interview + 1d"] * 3000) + "]}",
    "{earlier_of: [interview, {later_of: [interview]}]}",
    "interview + interview",
    "9999-12-31",
    "0001-01-01",
    '"\\e]0;title\\a\\u202e\\u2028"',
    "&anchor x",
    "*nowhere",
    "!!python/object:os.system x",
    "[" * 60 + "]" * 60,
    "{{ 1 }}",
    "null",
    "~",
    "''",
    "America",
    "A" * 300,
]
_VALUE_LINE = re.compile(r"^(\s*(?:- )?[a-z_]+: )(\S.*)$")


def _value_lines(text: str) -> dict[int, str]:
    """Each line that holds a value, by number: its text up to the value."""
    found = {}
    for i, line in enumerate(text.splitlines()):
        if match := _VALUE_LINE.match(line):
            found[i] = match.group(1)
    return found


BUNDLED = {p.stem: p.read_text(encoding="utf-8") for p in sorted(PLAYBOOKS.glob("*.yaml"))}


@st.composite
def hostile_playbooks(draw: st.DrawFn) -> str:
    """A bundled playbook with one to three values replaced by hostile ones."""
    text = BUNDLED[draw(st.sampled_from(sorted(BUNDLED)))]
    lines = text.splitlines()
    where = _value_lines(text)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.sampled_from(sorted(where)))
        value = draw(st.sampled_from(HOSTILE_VALUES) | st.text(max_size=20))
        lines[i] = where[i] + value
    return "\n".join(lines) + "\n"


TEMPLATE_PIECES = [
    "{{ case.role }}",
    "{{ interviewer.greeting }}",
    "{{ step.due }}",
    "{{ x }}",
    "{{ case.nope.deeper }}",
    "{{ 9" + "9" * 4400 + " }}",
    "{{ 0x" + "f" * 4400 + " }}",
    "{{ 2 ** 99999 }}",
    "{{ 'a' * 999999999 }}",
    "{{ range(99999999999) | list }}",
    "{{ ''.__class__ }}",
    "{{ case|attr('__dict__') }}",
    "{{ lipsum() }}",
    "{% if true %}",
    "{% if x %}",
    "{% else %}",
    "{% endif %}",
    "{% for i in range(3) %}",
    "{% for i in case %}",
    "{% endfor %}",
    "{% import 'x' as y %}",
    "{% from 'x' import y %}",
    "{% include 'z' %}",
    "{% extends 'q' %}",
    "{% macro m() %}",
    "{% endmacro %}",
    "{% set a = 1 %}",
    "{% set b %}",
    "{% endset %}",
    "{% raw %}",
    "{% endraw %}",
    "{% filter upper %}",
    "{% endfilter %}",
    "{% call m() %}",
    "{% endcall %}",
    "{% with a = 1 %}",
    "{% endwith %}",
    "{#",
    "#}",
    "{{",
    "}}",
    "{%",
    "%}",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "text ",
    "\u202e",
    "\x1b[2J",
]


@st.composite
def hostile_templates(draw: st.DrawFn) -> str:
    """A message template of Jinja2 pieces, good and bad, in any order (as YAML text)."""
    pieces = draw(st.lists(st.sampled_from(TEMPLATE_PIECES), min_size=1, max_size=12))
    body = "".join(pieces)
    escaped = body.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    escaped = escaped.replace("\x1b", "\\e").replace("\u202e", "\\u202e")
    text = BUNDLED["how-many-times"]
    old = "    body: |\n      Dear {{ interviewer.greeting }},"
    assert old in text
    return text.replace(old, f'    body: "{escaped}"\n    old_body: |\n      Dear', 1)


def run_cli(*argv: object, arguments: bool = False) -> tuple[int, str, str]:
    """One in-process run; fails on an escaped exception, another exit code, or an unlocated
    line on stderr (with ``arguments``, a ``followup: ...`` line about a value on the command
    line, such as an unknown playbook id, counts as located: it quotes what was given)."""
    args = [str(a) for a in argv]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    text = err.getvalue()
    assert code in (0, 2), (args[:6], code, text[-1500:])
    assert "Traceback" not in text, text[-1500:]
    lines = [line for line in unlocated(text) if not (arguments and line.startswith("followup: "))]
    assert lines == [], (args[:6], lines[:3])
    return code, out.getvalue(), text


@pytest.fixture(autouse=True)
def private_user_files(monkeypatch, tmp_path_factory) -> None:
    """No user playbooks, and a tracker, settings and cache of the test's own."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)
    monkeypatch.setenv("FOLLOWUP_DB", str(base / "tracker.db"))
    monkeypatch.setenv("FOLLOWUP_CACHE", str(base / "cache"))
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(base / "config"))


@SETTINGS
@given(text=hostile_playbooks())
def test_a_hostile_playbook(text: str) -> None:
    """validate, lint and plan with a damaged playbook: refused or accepted, never a crash."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "playbook.yaml"
        path.write_text(text, encoding="utf-8")
        code, _, _ = run_cli("validate", path)
        run_cli("lint", path)
        planned, _, err = run_cli("plan", EXAMPLE, "--playbook", path, "--today", TODAY)
        if code == 2:  # what validate refuses, plan refuses too, and says where
            assert planned == 2
            assert f"{path}:" in err


@SETTINGS
@given(text=hostile_templates())
def test_a_hostile_template(text: str) -> None:
    """validate and plan with a template of any pieces: refused located, or rendered."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "how-many-times.yaml"
        path.write_text(text, encoding="utf-8")
        code, _, err = run_cli("validate", path)
        if code == 2:
            assert re.search(rf"{re.escape(str(path))}:\d+:\d+: ", err)
        run_cli("plan", EXAMPLE, "--playbook", path, "--today", TODAY)


DATES = [
    "2026-03-12",
    "9999-12-30",
    "0001-01-01",
    "9000-12-31",
    "2026-02-30",
    "",
    "x" * 300,
    "-1",
    "2026-03-12T00:00",
    "\uff12\uff10\uff12\uff16-\uff10\uff13-\uff11\uff12",
]
REFS = ["week-then-on-hold", "nope", "../playbooks", "", "A" * 300, "\x1b[2J", "a\u202eb"]


@st.composite
def command_lines(draw: st.DrawFn, folder: Path) -> list[str]:
    """A command and some of its flags, each with a plausible or hostile value."""
    paths = [
        str(EXAMPLE),
        str(folder),
        str(folder / "missing.yaml"),
        str(folder / "cases.jsonl"),
        "",
        "-",
        "A" * 5000,
        str(PLAYBOOKS / "fine-line.yaml"),
    ]
    command = draw(
        st.sampled_from(
            ["validate", "lint", "show", "plan", "explain", "agenda", "compare", "playbooks"]
        )
    )
    argv = [command]
    if command != "playbooks":
        argv.append(draw(st.sampled_from(paths + REFS)))
    flags = {
        "--today": st.sampled_from(DATES),
        "--playbook": st.sampled_from(REFS + paths),
        "--playbooks": st.sampled_from(paths),
        "--json": st.none(),
        "--jobs": st.sampled_from(["1", "2", "0", "-1", "257", "9" * 4400, "x"]),
        "--format": st.sampled_from(["text", "mermaid", "dot", "table", "svg", ""]),
        "--strict": st.none(),
        "--horizon": st.sampled_from(["1", "0", "100000", "9" * 30]),
    }
    for flag in draw(st.lists(st.sampled_from(sorted(flags)), unique=True, max_size=4)):
        value = draw(flags[flag])
        argv += [flag] if value is None else [flag, value]
    return argv


@settings(SETTINGS, max_examples=60)
@given(data=st.data())
def test_a_hostile_command_line(tmp_path_factory, data: st.DataObject) -> None:
    """Any command with any flags: a usage error names the flag, a file problem is located."""
    folder = tmp_path_factory.mktemp("argv")
    (folder / "cases.jsonl").write_text(
        '{"id": "c", "interview": "2026-03-02", "playbook": "week-then-on-hold"}\n', "utf-8"
    )
    run_cli(*data.draw(command_lines(folder)), arguments=True)
