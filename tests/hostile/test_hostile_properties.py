"""Generated case files and JSON Lines batches full of hostile scalars never break the contract.

Each case is written as one line of JSON text, which is also a YAML flow mapping: the same
example is fed to ``validate`` and ``plan`` as a case file and to ``agenda`` and ``validate``
as a batch line.  Values are either plausible or hostile: numbers past 64 bits or Python's
4,300-digit limit, negative and non-finite floats, control characters and lone surrogates,
dates at the ends of the calendar, deep nesting, long strings, timezones naming folders.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.hostile.conftest import Outcome

from followup.cli.main import main

TODAY = "2026-03-12"

# Explicit and small: the whole suite stays within a few seconds (see the module docstring of
# tests/hostile/conftest.py for the contract itself).
SETTINGS = settings(
    max_examples=150,
    deadline=None,  # a CLI run costs milliseconds, and the first one loads the playbooks
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples every run: a failure here is never a flake
)

# Raw JSON tokens (valid JSON text, and valid YAML in a flow mapping) that are hostile.
HOSTILE_TOKENS = [
    "9" * 4301,  # past Python's int-to-string limit
    "-" + "9" * 40,
    str(2**63),  # past C's ssize_t
    str(2**64 + 1),
    "-1",
    "0",
    "1e400",  # inf once read
    "-1e-400",
    "0.5",
    "1.7976931348623157e308",
    "true",
    "null",
    "[]",
    "{}",
    "[" * 300 + "]" * 300,  # deep nesting
    '{"a":' * 100 + "1" + "}" * 100,
    json.dumps("x" * 20_000),  # a long string
    json.dumps("\u0000\u0007\u001b[31m\u007f\u2028"),  # control characters
    json.dumps("\ud800"),  # a lone surrogate, as JSON writes it
    '"9999-12-31"',
    '"0001-01-01"',
    '"1899-12-31"',
    '"9000-12-31"',
    '"2026-02-30"',
    '"2026-3-2"',
    '"America"',
    '"' + "A" * 300 + '"',
    '"../../etc/passwd"',
    '"1000000bd"',
    '"99999999999999999999d"',
    '"1.5bd"',
]

DATES = st.sampled_from(["2026-03-02", "2026-03-05", "2026-02-27"]) | st.dates().map(str)


def _json(value: object) -> str:
    return json.dumps(value)


def token(good: st.SearchStrategy[object]) -> st.SearchStrategy[str]:
    """A field's JSON text: usually plausible, often hostile."""
    return st.one_of(
        good.map(_json),
        st.sampled_from(HOSTILE_TOKENS),
        st.integers().map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.text(max_size=30).map(_json),
    )


def obj(fields: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[str]:
    """A JSON object text with some of ``fields`` (each a strategy of JSON value text)."""
    names = sorted(fields)
    return st.lists(st.sampled_from(names), unique=True).flatmap(
        lambda chosen: st.tuples(*(fields[n] for n in chosen)).map(
            lambda values: (
                "{"
                + ", ".join(f"{_json(n)}: {v}" for n, v in zip(chosen, values, strict=True))
                + "}"
            )
        )
    )


EVENT = obj(
    {
        "date": token(DATES),
        "type": token(st.sampled_from(["thank_you_sent", "check_in_sent", "reply", "rejection"])),
        "channel": token(st.sampled_from(["email", "phone"])),
        "outcome": token(st.sampled_from(["still_deciding", "offer"])),
        "decision_by": token(DATES),
    }
)
EMPLOYER = obj(
    {
        "decision_by": token(DATES),
        "decision_in": token(st.sampled_from(["3d", "2w", "1mo", "10bd"])),
        "follow_up": token(st.sampled_from(["unspecified", "invited", "discouraged"])),
        "may_call": token(st.booleans()),
        "follow_up_after": token(st.sampled_from(["1w", "3bd"])),
    }
)


def _events(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def case_text(case_id: str) -> st.SearchStrategy[str]:
    """One case as one line of JSON text, with an id (as batches require) and hostile fields."""
    return st.tuples(
        obj(
            {
                "interview": token(DATES),
                "playbook": token(st.sampled_from(["week-then-on-hold", "nope"])),
                "country": token(st.sampled_from(["US", "GB-ENG", "IL", "XX"])),
                "timezone": token(st.sampled_from(["Europe/Berlin", "UTC"])),
                "company": token(st.text(max_size=20)),
                "events": st.lists(EVENT, max_size=4).map(_events) | token(st.just([])),
                "employer": EMPLOYER | token(st.just({})),
                "notes": token(st.text(max_size=20)),
                "zzz_unknown": token(st.just(1)),
            }
        ),
        token(st.just(case_id)),
    ).map(lambda pair: '{"id": ' + pair[1] + (", " + pair[0][1:] if pair[0] != "{}" else "}"))


@SETTINGS
@given(text=case_text("c1"))
def test_a_hostile_case_file(run, text: str) -> None:
    """validate and plan a generated case file: exit 0 or 2, located, no exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.yaml"
        path.write_text(text + "\n", encoding="utf-8")
        run("validate", path)  # `run` checks the contract itself
        run("plan", path, "--today", TODAY)


@SETTINGS
@given(lines=st.lists(case_text("c"), min_size=1, max_size=4))
def test_a_hostile_batch(run, lines: list[str]) -> None:
    """agenda and validate a generated JSON Lines batch: one bad line never stops the others."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        agenda = run("agenda", path, "--today", TODAY, "--json")  # the contract is checked
        planned = len(agenda.out.splitlines())
        reported = sum(1 for line in agenda.err.splitlines() if line.startswith(f"{path}:"))
        assert planned + reported >= len(lines)  # every line planned or reported (or both)
        run("validate", path)


# A case that passes the case-file rules but for what its free text holds (anything at all:
# controls, bidi, separators, very long), its id (mostly valid, else any text) and its events'
# dates (some after TODAY, which import refuses).  Lone surrogates are the YAML reader's to
# refuse, tested above.
# (Characters of the Basic Multilingual Plane: JSON writes the others as surrogate pairs,
# which YAML does not read.)
_ANY_TEXT = (
    st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=30)
    | st.just("\u202e\x1b[2J\u2028\x85\x9b")
    | st.just("N" * 10_000)
)
_EVENT_DAYS = st.sampled_from(["2026-03-02", "2026-03-09", "2026-03-12", "2026-03-13"])
PLAUSIBLE_CASE = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["c1", "acme-2026", "A" * 64]) | st.just("c2") | st.text(max_size=80),
        "interview": st.just("2026-03-02"),
        "company": _ANY_TEXT,
        "role": _ANY_TEXT,
        "notes": _ANY_TEXT,
        "interviewers": st.lists(st.fixed_dictionaries({"name": _ANY_TEXT}), max_size=2),
        "events": st.lists(
            st.fixed_dictionaries(
                {
                    "date": _EVENT_DAYS,
                    "type": st.sampled_from(["thank_you_sent", "networked", "withdrew"]),
                    "note": _ANY_TEXT,
                }
            ),
            max_size=2,
        ),
    }
).map(json.dumps)  # ASCII JSON: every character written as an escape, read back as itself


@settings(SETTINGS, max_examples=40)  # seven commands per example: fewer examples, same breadth
@given(text=PLAUSIBLE_CASE)
def test_a_hostile_case_file_never_poisons_the_tracker(run, text: str) -> None:
    """import a case file whose text is anything (accepted or refused, located) beside a good
    one: every view still shows the good one; the other is at worst named on stderr (exit 1:
    a 10,000-character name cannot be drafted), never a crash, a usage error or a hang."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.yaml"
        path.write_text(text + "\n", encoding="utf-8")
        good = Path(folder) / "good.yaml"
        good.write_text("id: zz-good\ninterview: 2026-03-02\n", encoding="utf-8")
        db = Path(folder) / "tracker.db"
        assert run("import", good, "--today", TODAY, "--db", db).code == 0
        imported = run("import", path, "--today", TODAY, "--db", db)  # the contract is checked
        other = imported.out.split(" as ")[-1].split()[0] if imported.code == 0 else None
        for argv in (
            ("list", "--all", "--today", TODAY, "--json"),
            ("today", "--today", TODAY, "--json"),
            ("calendar", "--today", TODAY, "--out", Path(folder) / "f.ics"),
            ("export", "--out", Path(folder) / "out"),
            ("doctor", "--today", TODAY),
        ):
            result = main_outcome(argv, db)
            assert result.code in (0, 1), (argv, result.err[:500])
            named = [line for line in result.err.splitlines() if not line.startswith("followup:")]
            assert all(other and line.startswith(other) for line in named), (argv, named[:3])
            assert "zz-good" not in result.err
        listed = {
            row["id"]
            for row in json.loads(
                main_outcome(("list", "--all", "--today", TODAY, "--json"), db).out
            )
        }
        assert "zz-good" in listed


def main_outcome(argv: tuple[object, ...], db: Path) -> Outcome:
    """One in-process run whose exit may be 1 (a stored application named as failing)."""
    from contextlib import redirect_stderr, redirect_stdout
    from io import StringIO

    out, err = StringIO(), StringIO()
    args = [str(a) for a in (*argv, "--db", db)]
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    assert "Traceback" not in err.getvalue()
    return Outcome(tuple(args), code, out.getvalue(), err.getvalue())
