"""The hostile corpus: every class of input issue 12 lists, generated into a folder at test time.

``build(folder)`` writes the files and returns, by class, the command lines to run on them,
each with what its output must show besides the contract (a regex, e.g. the case id and line
number of a bad batch line, or "is a FIFO").  Nothing here is committed but the recipe: the
big files (a 2 MB line, 4,301-digit numbers) exist only in the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cases" / "acme-data-eng.yaml"
PLAYBOOKS = REPO / "playbooks"
TODAY = "2026-03-12"
BUNDLED = ("dos-and-donts", "fine-line", "how-many-times", "stalker-free", "week-then-on-hold")
GOOD = {"id": "good", "interview": "2026-03-02", "playbook": "week-then-on-hold"}


@dataclass(frozen=True)
class Run:
    """One command line of the corpus and what its output must match (besides the contract)."""

    argv: tuple[str, ...]
    must: str = ""  # a regex searched in stdout + stderr
    planned: tuple[str, ...] = ()  # case ids agenda --json must still print, in this order


def _case(folder: Path, name: str, **fields: str) -> Path:
    """The example case with some top-level fields replaced (or added)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for key, value in fields.items():
        line = f"{key}: {value}"
        text, n = re.subn(rf"^{key}:.*$", line.replace("\\", "\\\\"), text, count=1, flags=re.M)
        if not n:
            text += line + "\n"
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _batch(folder: Path, name: str, *bad: str) -> Path:
    """A JSON Lines batch: a good case, the bad lines (raw text), another good case."""
    lines = [json.dumps(GOOD), *bad, json.dumps({**GOOD, "id": "good2"})]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _playbook(folder: Path, name: str, source: str, old: str, new: str) -> Path:
    """A bundled playbook with one piece of text replaced, in a folder of its own."""
    text = (PLAYBOOKS / f"{source}.yaml").read_text(encoding="utf-8")
    assert old in text, old
    where = folder / name
    where.mkdir()
    path = where / f"{source}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _all(path: Path, *commands: str, must: str = "") -> list[Run]:
    """``path`` given to each command (with --today where it takes one)."""
    dated = {"plan", "explain", "agenda"}
    return [
        Run((c, str(path), *(("--today", TODAY) if c in dated else ())), must) for c in commands
    ]


def calendar_ends(folder: Path) -> list[Run]:
    """Dates at the ends of the calendar, in cases, batches and --today."""
    runs: list[Run] = []
    for interview in ("9999-12-30", "0001-01-01", "9000-12-31", "1900-01-01"):
        for pb in BUNDLED:
            case = _case(folder, f"ends-{interview}-{pb}.yaml", interview=interview, playbook=pb)
            runs += _all(case, "validate", "plan", "explain")
            runs.append(Run(("plan", str(case), "--today", "9000-12-31")))
    for today in ("9999-12-30", "9000-12-31", "1900-01-01", "0001-01-01"):
        runs.append(Run(("plan", str(EXAMPLE), "--today", today)))
        runs.append(Run(("explain", str(EXAMPLE), "--today", today)))
    case = _case(folder, "event-9999.yaml", events="[{date: 9999-12-31, type: thank_you_sent}]")
    runs += _all(case, "validate", "plan")
    case = _case(folder, "decide-9999.yaml", employer="{decision_by: 9999-12-31}")
    runs += _all(case, "validate", "plan")
    for pb in BUNDLED:
        far = {**GOOD, "playbook": pb, "employer": {"decision_by": "9000-12-31"}}
        lines = [
            json.dumps({**far, "id": "far", "interview": "9999-12-30"}),
            json.dumps({**far, "id": "late", "interview": "9000-12-31"}),
            json.dumps({**far, "id": "early", "interview": "1900-01-01"}),
        ]
        batch = _batch(folder, f"ends-{pb}.jsonl", *lines)
        for today in (TODAY, "9000-12-31"):
            argv = ("agenda", str(batch), "--today", today, "--json")
            must = rf"{re.escape(str(batch))}:2:\d+: case 'far'"
            runs.append(Run(argv, must, ("good", "late", "early", "good2")))
    return runs


def timezones(folder: Path) -> list[Run]:
    """Timezones that name a folder, a file, a path out, or are far too long."""
    runs: list[Run] = []
    for n, zone in enumerate(
        (
            "America",
            "A" * 300,
            "../../etc/passwd",
            "zone.tab",
            "America/" + "x" * 300,
            "Etc",
            "/",
            "UTC/",
            "",
        )
    ):
        case = _case(folder, f"tz-{n}.yaml", timezone=json.dumps(zone))
        runs += _all(case, "validate", "plan", "explain", must=r"tz-\d+\.yaml:\d+:\d+: ")
        runs.append(Run(("plan", str(case))))  # today taken from the zone
        batch = _batch(folder, f"tz-{n}.jsonl", json.dumps({**GOOD, "id": "tz", "timezone": zone}))
        must = rf"tz-{n}\.jsonl:2:\d+: case 'tz'"
        runs.append(
            Run(("agenda", str(batch), "--today", TODAY, "--json"), must, ("good", "good2"))
        )
        runs.append(Run(("validate", str(batch)), must))
    return runs


def big_numbers(folder: Path) -> list[Run]:
    """Integers past Python's int-to-string limit and past C's ssize_t, wherever they fit."""
    runs: list[Run] = []
    for n, token in enumerate(("9" * 4301, str(2**63), "-" + str(2**63 + 1), "1e400")):
        batch = _batch(folder, f"num-{n}.jsonl", '{"id": "big", "n": ' + token + "}")
        must = rf"num-{n}\.jsonl:2:\d+: "
        runs.append(
            Run(("agenda", str(batch), "--today", TODAY, "--json"), must, ("good", "good2"))
        )
        runs.append(Run(("validate", str(batch)), must))
    for n, text in enumerate(("0x" + "f" * 5000, "0o" + "7" * 40, "9" * 4400, "-" + "9" * 4400)):
        case = _case(folder, f"num-{n}.yaml", company=text)
        runs += _all(case, "validate", "plan")
        pb = _playbook(
            folder,
            f"num-param-{n}",
            "how-many-times",
            "parameters:\n",
            f"parameters:\n  huge: {text}\n",
        )
        runs += _all(pb, "validate", "lint", "show")
        pb = _playbook(
            folder,
            f"num-guard-{n}",
            "fine-line",
            "{check_ins: {ge: few_attempts}}",
            "{check_ins: {ge: " + text + "}}",
        )
        runs += _all(pb, "validate", "lint")
        runs.append(Run(("plan", str(EXAMPLE), "--playbook", str(pb), "--today", TODAY)))
    for n, literal in enumerate(
        ("9" * 4400, "0x" + "f" * 4400, "1_" * 4400 + "1", "9" * 4301 + ".5")
    ):
        pb = _playbook(
            folder,
            f"num-template-{n}",
            "how-many-times",
            "Dear {{ interviewer.greeting }},",
            "Dear {{ " + literal + " }},",
        )
        must = r"how-many-times\.yaml:\d+:\d+: .*more than 4,300 digits" if n < 3 else ""
        runs += _all(pb, "validate", "lint", must=must)
        runs.append(Run(("plan", str(EXAMPLE), "--playbook", str(pb), "--today", TODAY)))
    return runs


TAGS = (
    "{% if true %}{% import 'x' as y %}{% endif %}",
    "{% if x %}{% from 'x' import y %}{% else %}{% include 'z' %}{% endif %}",
    "{% for a in [1] %}{% extends 'q' %}{% endfor %}",
    "{% if true %}{% macro m() %}{% endmacro %}{% endif %}",
    "{% set x %}{{ 9**9999999 }}{% endset %}",
    "{{ 'x' * 999999999999 }}",
    "{% for i in range(999999999999) %}{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "{% raw %}{% endraw %}{% if %}",
    "{{ " + "(" * 500 + "1" + ")" * 500 + " }}",
)


def template_tags(folder: Path) -> list[Run]:
    """Refused tags nested where the static checks look, and other sandbox pressure."""
    runs: list[Run] = []
    for n, body in enumerate(TAGS):
        pb = _playbook(
            folder, f"tag-{n}", "how-many-times", "Dear {{ interviewer.greeting }},", body
        )
        runs += _all(pb, "validate", "lint", must=r"how-many-times\.yaml:\d+:\d+: ")
        runs.append(Run(("plan", str(EXAMPLE), "--playbook", str(pb), "--today", TODAY)))
    return runs


def special_files(folder: Path, *, root: bool) -> list[Run]:
    """FIFOs, endless devices, folders, loops, unreadable and missing files, as every path."""
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    loop = folder / "loop.yaml"
    loop.symlink_to(loop)
    with_fifo = folder / "with-fifo"
    with_fifo.mkdir()
    os.mkfifo(with_fifo / "pipe.yaml")
    (with_fifo / "good.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    words = {
        fifo: "FIFO",
        loop: "symbolic links",
        folder: "directory",
        folder / "missing.yaml": "no such file",
    }
    if root:  # a device node of our own: the tests never write near the real /dev
        device = folder / "device"
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        words[device] = "device"
    commands = ("validate", "lint", "plan", "explain", "agenda", "import", "show")
    runs: list[Run] = []
    for path, word in words.items():
        # agenda takes a folder as a batch of case files, and validate and lint as the YAML
        # files in it (each named for what it is, below): it is no problem there.
        takes_folders = ("agenda", "validate", "lint")
        named = [c for c in commands if not (path == folder and c in takes_folders)]
        runs += _all(path, *named, must=f"{re.escape(str(path))}:1:1: .*{word}")
        runs.append(
            Run(
                ("plan", str(EXAMPLE), "--playbook", str(path), "--today", TODAY),
                f"{re.escape(str(path))}:1:1: .*{word}",
            )
        )
        if word != "no such file":
            out = ("calendar", "--out", str(path), "--today", TODAY)
            runs.append(Run(out))  # refused by type: nothing written over it
    for dev in ("/dev/zero", "/dev/urandom"):  # read-only commands only
        runs += _all(
            Path(dev), "validate", "lint", "plan", "agenda", "import", must=f"{dev}:1:1: .*device"
        )
    runs.append(
        Run(("agenda", str(with_fifo), "--today", TODAY, "--json"), "FIFO", ("acme-data-eng",))
    )
    runs.append(Run(("plan", str(EXAMPLE), "--playbooks", str(with_fifo), "--today", TODAY)))
    locked = folder / "locked"
    locked.mkdir()
    (locked / "case.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (locked / "cases.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    locked.chmod(0)
    for name in ("case.yaml", "cases.jsonl"):
        runs += _all(locked / name, *commands, must="permission denied")
    runs += _all(locked, "agenda", must="permission denied")
    # validate and lint take a folder as its YAML files: one they cannot list is named so.
    runs += _all(locked, "validate", "lint", must="permission denied")
    runs += _all(folder, "validate", "lint", must=f"{re.escape(str(fifo))}:1:1: .*FIFO")
    return runs


def batch_errors(folder: Path) -> list[Run]:
    """Bad lines among good ones: each named by line and case, the rest planned."""
    lines = {
        "unknown-playbook": json.dumps({**GOOD, "id": "nope", "playbook": "no-such-playbook"}),
        "bad-date": json.dumps({**GOOD, "id": "baddate", "interview": "2026-13-01"}),
        "bad-country": json.dumps({**GOOD, "id": "badland", "country": "ZZ"}),
        "bad-event": json.dumps({**GOOD, "id": "badevent", "events": [{"date": "x"}]}),
        "future-event": json.dumps(
            {**GOOD, "id": "future", "events": [{"date": "2027-01-01", "type": "reply"}]}
        ),
        "no-id": json.dumps({k: v for k, v in GOOD.items() if k != "id"}),
        "not-json": "{not json",
        "not-object": "[1, 2]",
        "long-line": json.dumps({**GOOD, "id": "long", "notes": "x" * (2 << 20)}),
        "deep": "[" * 100_000 + "]" * 100_000,
        "surrogate": '{"id": "s", "company": "\\ud800"}',
        "control-id": '{"id": "\\u001b[2J"}',
        "nul": '{"id": "n\\u0000"}',
    }
    runs: list[Run] = []
    for name, line in lines.items():
        batch = _batch(folder, f"batch-{name}.jsonl", line)
        # An over-long line is never parsed: its number is all that can be known of it.
        case_id = re.match(r'\{"id": "([a-z]+)"', line) if name != "long-line" else None
        must = rf"{re.escape(str(batch))}:2:\d+: " + (f"case '{case_id[1]}'" if case_id else "")
        for jobs in ("1", "2"):
            argv = ("agenda", str(batch), "--today", TODAY, "--json", "--jobs", jobs)
            runs.append(Run(argv, must, ("good", "good2")))
        runs.append(Run(("validate", str(batch)), must))
    not_utf8 = folder / "batch-not-utf8.jsonl"
    not_utf8.write_bytes(
        json.dumps(GOOD).encode()
        + b'\n{"id": "\xff"}\n'
        + json.dumps({**GOOD, "id": "good2"}).encode()
        + b"\n"
    )
    runs.append(
        Run(("agenda", str(not_utf8), "--today", TODAY, "--json"), r":2:\d+: ", ("good", "good2"))
    )
    return runs


CLASSES = {
    "calendar-ends": calendar_ends,
    "timezones": timezones,
    "big-numbers": big_numbers,
    "template-tags": template_tags,
    "special-files": special_files,
    "batch-errors": batch_errors,
}


def build(name: str, folder: Path, *, root: bool) -> list[Run]:
    """One class's files under ``folder`` and the runs over them."""
    if name == "special-files":
        return special_files(folder, root=root)
    return CLASSES[name](folder)  # type: ignore[call-arg]


if __name__ == "__main__":  # the corpus's size by class, for a report
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        total = 0
        for cls in CLASSES:
            (Path(tmp) / cls).mkdir()
            n = len(build(cls, Path(tmp) / cls, root=os.geteuid() == 0))
            total += n
            print(f"{cls:15} {n:4} runs")
            if cls == "special-files":
                (Path(tmp) / cls / "locked").chmod(0o700)
        print(f"{'total':15} {total:4} runs")
