"""``extends``: merge rules, chains, circles, and where merged rules say they came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup import catalog
from followup.errors import InputError
from followup.io.yaml_reader import read_yaml_text
from followup.language.playbook_loader import build_playbook
from followup.timeline.durations import parse_duration

# One rule per line, so a rule's line is its place in this list (line 1 is `id: base`).
BASE = """\
id: base
title: Base
summary: The base playbook.
source: {title: Base notes}
parameters: {wait: 1w, most: 2, again: 1w}
kinds: {ask: {completed_by: null, description: Ask how to follow up.}}
transitions:
  - {id: thanked, from: interviewed, on: thank_you_sent, to: thanked, advice: Thanked.}
  - {id: start-waiting, from: [interviewed, thanked], after: interview + 1d, to: waiting}
  - {id: checked-in, from: [thanked, waiting], on: check_in_sent, to: checked-in}
  - {id: give-up, from: checked-in, after: last_contact + 3w, to: closed}
actions:
  - {id: thank-you, in: interviewed, kind: thank_you, due: interview, channel: email, advice: A}
  - {id: check-in, in: [thanked, waiting], kind: check_in, due: interview + wait, advice: B}
  - {id: nudge, in: checked-in, kind: check_in, due: last_contact + again, advice: C,
     repeat: {every: again, max: most}}
  - {id: ask-first, in: interviewed, kind: ask, due: interview, advice: D}
avoid:
  - {id: no-calls, advice: Don't call.}
  - {id: no-stalking, in: checked-in, advice: Don't stalk.}
limits: {max_contacts: 5, min_gap: 3d}
templates: {check-in: Hello again., nudge: {subject: News?, body: Any news?}}
"""
CHECK_IN_LINE = 14  # where BASE writes the rule 'check-in'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The base playbook, written in a temporary folder."""
    return write(tmp_path, "base.yaml", BASE)


def child(folder: Path, body: str, name: str = "child.yaml") -> Path:
    """A playbook extending base.yaml in ``folder``; ``body`` follows id and extends."""
    return write(folder, name, f"id: child\nextends: base.yaml\n{body}")


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        catalog.load(str(path))
    return [str(p) for p in caught.value.problems]


def test_the_base_alone_plans_a_check_in_a_week_after(base, schedule):
    """The reference point: the base checks in a week after the interview."""
    assert ("check-in", "2026-03-09") in schedule(base)


def test_overriding_a_parameter_retunes_the_inherited_rule(base, tmp_path, schedule):
    """A child that only changes `wait` moves the inherited check-in, which stays the base's."""
    path = child(tmp_path, "parameters: {wait: 2w}\n")
    assert ("check-in", "2026-03-16") in schedule(path)
    pb = catalog.model_of(str(path))
    check_in = next(a for a in pb.actions if a.id == "check-in")
    assert (Path(check_in.origin.file).name, check_in.origin.line) == ("base.yaml", CHECK_IN_LINE)
    assert dict(pb.parameters) == {
        **dict(catalog.model_of(str(base)).parameters),
        "wait": parse_duration("2w"),
    }
    assert pb.extends == "base.yaml"


def test_overriding_a_count_retunes_a_repeat_cap(base, tmp_path, schedule):
    """`most: 1` caps the inherited repeating nudge at one, where the base allows two."""
    base_nudges = [d for rid, d in schedule(base) if rid == "nudge"]
    child_nudges = [
        d for rid, d in schedule(child(tmp_path, "parameters: {most: 1}\n")) if rid == "nudge"
    ]
    assert (len(base_nudges), len(child_nudges)) == (2, 1)


def test_title_summary_source_limits_and_kinds_are_inherited(base, tmp_path):
    """What the child does not say, it inherits; limits merge key by key."""
    pb = catalog.model_of(str(child(tmp_path, "limits: {min_gap: 5d}\n")))
    parent = catalog.model_of(str(base))
    assert (pb.id, pb.title, pb.summary, pb.source) == (
        "child",
        "Base",
        "The base playbook.",
        parent.source,
    )
    assert (pb.limits.max_contacts, pb.limits.min_gap) == (5, parse_duration("5d"))
    assert [k.name for k in pb.kinds] == ["ask"]


def test_the_childs_own_title_and_source_win(base, tmp_path):
    """A child's title, summary and source replace the inherited ones."""
    path = child(tmp_path, "title: Mine\nsummary: My way.\nsource: {title: My notes}\n")
    pb = catalog.model_of(str(path))
    assert (pb.title, pb.summary, pb.source.title) == ("Mine", "My way.", "My notes")


def test_a_rule_with_an_inherited_id_replaces_it_in_place(base, tmp_path, schedule):
    """The replacement takes the old rule's position and points at the child's file."""
    path = child(
        tmp_path,
        "actions:\n"
        "  - {id: check-in, in: [thanked, waiting], kind: check_in, due: interview + 3d,"
        " advice: Sooner.}\n",
    )
    pb = catalog.model_of(str(path))
    assert [a.id for a in pb.actions] == [a.id for a in catalog.model_of(str(base)).actions]
    check_in = pb.actions[1]
    assert (check_in.advice, Path(check_in.origin.file).name, check_in.origin.line) == (
        "Sooner.",
        "child.yaml",
        4,
    )
    assert Path(pb.actions[0].origin.file).name == "base.yaml"
    assert ("check-in", "2026-03-05") in schedule(path)


def test_remove_drops_rules_and_their_templates(base, tmp_path):
    """Removed ids are gone from every section, and so are the templates keyed by them."""
    pb = catalog.model_of(str(child(tmp_path, "remove: [no-calls, nudge, give-up]\n")))
    assert [t.id for t in pb.transitions] == ["thanked", "start-waiting", "checked-in"]
    assert [a.id for a in pb.actions] == ["thank-you", "check-in", "ask-first"]
    assert [a.id for a in pb.avoid] == ["no-stalking"]
    assert [t.key for t in pb.templates] == ["check-in"]


def test_a_new_id_is_added_after_the_inherited_rules(base, tmp_path):
    """New rules come last in their section, with the child's file as their origin."""
    path = child(
        tmp_path,
        "avoid:\n  - {id: no-visits, advice: Don't visit.}\ntemplates: {thank-you: Thank you!}\n",
    )
    pb = catalog.model_of(str(path))
    assert [a.id for a in pb.avoid] == ["no-calls", "no-stalking", "no-visits"]
    assert Path(pb.avoid[-1].origin.file).name == "child.yaml"
    assert {t.key: Path(t.origin.file).name for t in pb.templates} == {
        "check-in": "base.yaml",
        "nudge": "base.yaml",
        "thank-you": "child.yaml",
    }


def test_remove_then_redefine_moves_a_rule_to_the_end(base, tmp_path):
    """An id both removed and written again is the child's rule, after the inherited ones."""
    path = child(tmp_path, "remove: [no-calls]\navoid:\n  - {id: no-calls, advice: Email.}\n")
    pb = catalog.model_of(str(path))
    assert [(a.id, a.text) for a in pb.avoid] == [
        ("no-stalking", "Don't stalk."),
        ("no-calls", "Email."),
    ]


def test_an_unknown_id_in_remove_is_located_with_a_suggestion(base, tmp_path):
    """`remove` naming no inherited rule is an error at that item, with did-you-mean."""
    found = problems(child(tmp_path, "remove: [no-call]\n"))
    assert found == [
        f"{tmp_path / 'child.yaml'}:3:10: 'no-call' is not a rule of base (did you mean"
        " 'no-calls'?); expected the id of a transition, action or don't of base"
    ]


def test_a_child_with_mistakes_gets_every_one_located_in_its_file(base, tmp_path):
    """Merge problems and the child's own rule problems come together, all in the child."""
    found = problems(
        child(
            tmp_path,
            "remove: 5\n"
            "parameters: {wait: 3}\n"
            "actions:\n  - {id: extra, in: waitin, kind: check_in, due: interview}\n",
        )
    )
    assert all(p.startswith(f"{tmp_path / 'child.yaml'}:") for p in found), found
    text = "\n".join(found)
    assert ":3:9: remove is a number" in text
    assert ":4:20: parameter 'wait' is a duration in base" in text
    assert "the action has no 'advice'" in text
    assert "'waitin' is not known (did you mean 'waiting'?)" in text


def test_an_inherited_id_in_another_section_is_refused(base, tmp_path):
    """A transition may not take the id of an inherited don't: say where that one is."""
    found = problems(
        child(
            tmp_path,
            "transitions:\n  - {id: no-calls, from: waiting, on: networked, to: waiting}\n",
        )
    )
    assert found == [
        f"{tmp_path / 'child.yaml'}:4:10: 'no-calls' is the id of a don't of base"
        f" ({tmp_path / 'base.yaml'}:19:5); expected a new id, or the replacement under 'avoid'"
    ]


def test_an_error_an_override_causes_in_an_inherited_rule_points_at_the_base(base, tmp_path):
    """`most: 0` breaks the base's repeat cap: the error is at that rule, in base.yaml."""
    found = problems(child(tmp_path, "parameters: {most: 0}\n"))
    assert found == [
        f"{tmp_path / 'base.yaml'}:16:34: parameter 'most' is 0; expected a whole number >= 1"
    ]


def test_a_broken_base_is_reported_in_its_file_with_a_note_in_the_child(tmp_path):
    """The base's own problems are located in it; the child's extends says why they show."""
    write(tmp_path, "base.yaml", BASE.replace("kind: thank_you", "kind: thank_yu"))
    found = problems(child(tmp_path, ""))
    assert found[0].startswith(f"{tmp_path / 'base.yaml'}:13:44: ")
    assert "'thank_yu' is not known" in found[0]
    assert found[1] == (
        f"{tmp_path / 'child.yaml'}:2:10: the playbook this one extends has problems (listed"
        " at its file); expected a base playbook that passes 'followup validate'"
    )


def test_a_chain_of_three_merges_in_order(base, tmp_path, schedule):
    """grand extends child extends base: the nearest override wins, origins span 3 files."""
    child(
        tmp_path,
        "title: Middle\nparameters: {wait: 2w, most: 1}\n"
        "avoid:\n  - {id: no-visits, advice: Don't visit.}\n",
    )
    grand = write(
        tmp_path,
        "grand.yaml",
        "id: grand\nextends: child.yaml\nparameters: {wait: 3w}\nremove: [no-calls]\n",
    )
    pb = catalog.model_of(str(grand))
    assert (pb.title, dict(pb.parameters)["most"]) == ("Middle", 1)
    assert ("check-in", "2026-03-23") in schedule(grand)
    assert [(a.id, Path(a.origin.file).name) for a in pb.avoid] == [
        ("no-stalking", "base.yaml"),
        ("no-visits", "child.yaml"),
    ]


def test_a_circle_of_extends_names_every_step_with_its_place(tmp_path, cli):
    """a -> b -> c -> a is one error listing each extends with file:line:col; exit 2."""
    write(tmp_path, "a.yaml", "id: a\nextends: b.yaml\n")
    write(tmp_path, "b.yaml", "id: b\ntitle: B\nextends: ./c.yaml\n")
    write(tmp_path, "c.yaml", "# the last\nid: c\nextends: a.yaml\n")
    result = cli("show", tmp_path / "a.yaml")
    assert result.code == 2
    a, b, c = (tmp_path / f"{n}.yaml" for n in "abc")
    assert result.err == (
        f"{a}:2:10: playbooks extend each other in a circle: {a}:2:10 extends 'b.yaml' ->"
        f" {b}:3:10 extends './c.yaml' -> {c}:3:10 extends 'a.yaml' -> back to the first;"
        " expected a chain of extends that ends in a playbook that extends nothing\n"
    )


def test_a_playbook_extending_itself_is_a_circle(tmp_path):
    """The shortest circle: a file whose extends names itself."""
    found = problems(write(tmp_path, "self.yaml", "id: self\nextends: self.yaml\n"))
    assert len(found) == 1
    assert "in a circle" in found[0]


def test_relative_extends_resolve_from_the_childs_folder(base, tmp_path, monkeypatch):
    """`extends: ../base.yaml` means next to the child's folder, wherever followup runs."""
    path = write(tmp_path, "sub/child.yaml", "id: child\nextends: ../base.yaml\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert catalog.model_of(str(path)).title == "Base"


@pytest.mark.parametrize(
    ("extends", "message"),
    [
        ("nobody", "no playbook with id 'nobody'"),
        ("week-then-on-holt", "no playbook with id 'week-then-on-holt' (did you mean"),
        ("missing.yaml", "no playbook file 'missing.yaml'"),
        ("[a, b]", "extends is a list"),
        ("''", "extends is empty"),
    ],
)
def test_an_extends_that_names_nothing_is_located(tmp_path, extends, message):
    """A base that cannot be found is an error at the child's extends value."""
    found = problems(write(tmp_path, "c.yaml", f"id: c\nextends: {extends}\n"))
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'c.yaml'}:2:10: {message}")


def test_a_bundled_id_is_found_through_the_catalog(tmp_path, schedule):
    """`extends: week-then-on-hold` builds on the bundled playbook; its rules point there."""
    path = write(tmp_path, "mine.yaml", "id: mine\nextends: week-then-on-hold\n")
    pb = catalog.model_of(str(path))
    assert Path(pb.actions[0].origin.file).name == "week-then-on-hold.yaml"
    bundled = schedule(catalog.bundled_dir() / "week-then-on-hold.yaml")
    assert schedule(path) == bundled


def test_build_document_follows_extends_too(base, tmp_path):
    """The catalog's builder merges a document that extends another (as validate and fmt do)."""
    text = f"id: doc\nextends: {base}\nparameters: {{wait: 2w}}\n"
    pb = catalog.build_document(read_yaml_text(text, str(tmp_path / "doc.yaml")))
    assert (pb.id, pb.title, dict(pb.parameters)["wait"]) == ("doc", "Base", parse_duration("2w"))


def test_the_plain_loader_refuses_a_playbook_that_extends(base, tmp_path):
    """The language's loader alone cannot see bases: it says so at `extends`, not a wrong model."""
    text = f"id: doc\nextends: {base}\n"
    with pytest.raises(InputError) as caught:
        build_playbook(read_yaml_text(text, str(tmp_path / "doc.yaml")))
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (2, 10)
    assert "built together with its base" in problem.message


def test_a_child_without_an_id_is_told_so(base, tmp_path):
    """The id is never inherited: a child must name itself."""
    found = problems(write(tmp_path, "noid.yaml", "extends: base.yaml\n"))
    assert f"{tmp_path / 'noid.yaml'}:1:1: the playbook has no 'id'; expected the key 'id'" in found
    assert all(p.startswith(f"{tmp_path / 'noid.yaml'}:1:1: ") for p in found)


def test_show_and_explain_name_the_file_of_each_rule(base, tmp_path, cli):
    """Inherited rules point into base.yaml, the child's own into child.yaml."""
    path = child(tmp_path, "avoid:\n  - {id: no-calls, advice: Email only.}\n")
    shown = cli("show", path)
    assert shown.code == 0, shown.err
    assert f"  check-in       {tmp_path / 'base.yaml'}:{CHECK_IN_LINE}:5" in shown.out
    assert f"  no-calls       {tmp_path / 'child.yaml'}:4:5" in shown.out
    case = write(tmp_path, "case.yaml", "interview: 2026-03-02\n")
    explained = cli("explain", case, "--playbook", path, "--today", "2026-03-12")
    assert explained.code == 0, explained.err
    assert "Where each rule is written (child extends base.yaml)" in explained.out
    assert f"  check-in       {tmp_path / 'base.yaml'}:{CHECK_IN_LINE}:5" in explained.out


def test_a_circle_through_ids_in_one_folder_is_a_circle(tmp_path, cli):
    """a extends b and b extends a by id, side by side: a circle, with no --playbooks needed."""
    write(tmp_path, "a.yaml", "id: a\nextends: b\n")
    write(tmp_path, "b.yaml", "id: b\nextends: a\n")
    result = cli("validate", tmp_path / "a.yaml")
    assert result.code == 2
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert result.err == (
        f"{a}:2:10: playbooks extend each other in a circle: {a}:2:10 extends 'b' ->"
        f" {b}:2:10 extends 'a' -> back to the first;"
        " expected a chain of extends that ends in a playbook that extends nothing\n"
    )


def test_a_misspelt_inherited_rule_id_gets_did_you_mean(base, tmp_path):
    """'chek-in' meant to replace 'check-in' is one error at its id, not one more rule."""
    found = problems(
        child(
            tmp_path,
            "actions:\n  - {id: chek-in, in: waiting, kind: check_in, due: interview + 2w,"
            " advice: Later.}\n",
        )
    )
    assert found == [
        f"{tmp_path / 'child.yaml'}:4:10: 'chek-in' is not a rule of base (did you mean"
        " 'check-in'?); expected the id of the rule it replaces, or 'new: true' to add it"
        " beside 'check-in'"
    ]


def test_new_true_adds_a_rule_whose_id_is_close_to_an_inherited_one(base, tmp_path):
    """With `new: true` the close id is meant: a rule of its own, after the inherited ones."""
    path = child(
        tmp_path,
        "actions:\n  - {id: check-in-2, new: true, in: waiting, kind: check_in,"
        " due: interview + 2w, advice: Later.}\n",
    )
    pb = catalog.model_of(str(path))
    assert [a.id for a in pb.actions][-2:] == ["ask-first", "check-in-2"]
    assert "check-in" in [a.id for a in pb.actions]


def test_new_true_on_a_replacement_is_refused(base, tmp_path):
    """`new: true` on an inherited id says the opposite of what the rule does."""
    found = problems(
        child(
            tmp_path,
            "avoid:\n  - {id: no-calls, new: true, advice: Email only.}\n",
        )
    )
    assert len(found) == 1
    assert "'no-calls' replaces the rule of base with that id, so it is not new" in found[0]


def test_new_must_be_true_or_false(base, tmp_path):
    """The marker is a boolean, checked by the loader like any other."""
    found = problems(
        child(tmp_path, "avoid:\n  - {id: no-visits, new: yes, advice: Don't visit.}\n")
    )
    assert found == [f"{tmp_path / 'child.yaml'}:4:26: new is 'yes'; expected true or false"]
