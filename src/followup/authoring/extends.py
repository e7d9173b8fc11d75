"""``extends``: a playbook built on another, merged as plain data before it is checked.

The child's document is laid over its base's (itself merged, if the base extends another):

* ``parameters``, ``kinds``, ``templates`` and ``limits`` merge key by key, the child's winning;
* ``transitions``, ``actions`` and ``avoid`` merge by rule id: a child rule with an inherited id
  takes that rule's place, a new id is added after the inherited rules, and the ids listed in
  ``remove`` are dropped first (with the templates keyed by them);
* ``title``, ``summary``, ``source``, ``closes`` and ``opt_out`` are the child's if given, else
  inherited; ``id`` is always the child's own.

The merged data is then checked by the ordinary loader, so a parameter the child overrides
retunes every inherited rule that uses it.  The loader sees a `MergedDocument`: it answers
``where`` and ``problem`` from the file each part was written in, so every error about an
inherited rule points into the base file and every error about an override into the child.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from msgspec.structs import replace

from followup.errors import InputError, Problem, closest, suggest, type_name
from followup.io.yaml_reader import Document, Path_
from followup.language.playbook_loader import build_playbook
from followup.model.playbook import Action, Avoid, Origin, Playbook, Transition

LIST_SECTIONS = ("transitions", "actions", "avoid")
MAP_SECTIONS = ("parameters", "kinds", "limits", "templates")
INHERITED = ("title", "summary", "source", "closes", "opt_out")
OWN = ("extends", "remove")  # they say how to merge; the loader never sees them
ORDER = ("id", *INHERITED, "parameters", "kinds", *LIST_SECTIONS, "limits", "templates")
NOUNS = {"transitions": "a transition", "actions": "an action", "avoid": "a don't"}

Located = tuple[Document, Path_]


@dataclass(frozen=True, slots=True)
class MergedDocument(Document):
    """A child playbook laid over its base, answering for each part where it was written.

    Attributes:
        sources: For each merged path written by one file, that file's document and the path
            there; a path not listed belongs to its nearest listed ancestor.
        problems: What is wrong with the merge itself (say, ``remove`` naming no inherited rule).
        extends: The child's ``extends`` as written.
    """

    sources: Mapping[Path_, Located] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    extends: str = ""

    def located(self, path: Path_) -> Located:
        """The document ``path`` was written in, and the path there."""
        for end in range(len(path), -1, -1):
            found = self.sources.get(path[:end])
            if found is not None:
                doc, there = found
                return doc, (*there, *path[end:])
        return self, path  # not reached: the root is always listed

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where ``path`` was written, in the file it was written in."""
        doc, there = self.located(path)
        if doc is self:
            return Document.where(self, path, key=key)
        return doc.where(there, key=key)

    def problem(
        self, path: Path_, message: str, expected: str = "", *, key: bool = False, kind: str = ""
    ) -> Problem:
        """A Problem of ``kind`` located in the file ``path`` was written in."""
        doc, there = self.located(path)
        if doc is self:
            return Document.problem(self, path, message, expected, key=key, kind=kind)
        return doc.problem(there, message, expected, key=key, kind=kind)


def located(doc: Document, path: Path_) -> Located:
    """Where ``path`` of a document (merged or not) was written."""
    return doc.located(path) if isinstance(doc, MergedDocument) else (doc, path)


def rule_id(item: object) -> str | None:
    """The id of a rule as written, if it has a usable one."""
    rid = item.get("id") if isinstance(item, dict) else None
    return rid if isinstance(rid, str) and rid else None


class _Merger:
    """Lays one child document over its (checked) base."""

    def __init__(self, child: Document, base: Document) -> None:
        assert isinstance(child.data, dict)
        assert isinstance(base.data, dict)
        self.child, self.base = child, base
        self.mine: dict[str, object] = child.data
        self.theirs: dict[str, object] = base.data
        self.name = str(self.theirs.get("id") or base.file)
        self.data: dict[str, object] = {}
        self.sources: dict[Path_, Located] = {(): (child, ())}
        self.problems: list[Problem] = []
        self.inherited = {  # rule id -> (section, where it was written)
            rid: (section, located(base, (section, i)))
            for section in LIST_SECTIONS
            for i, item in enumerate(self._items(self.theirs, section))
            if (rid := rule_id(item))
        }
        self.removed = self._removed()
        self.child_ids = {
            rid
            for section in LIST_SECTIONS
            for item in self._items(self.mine, section)
            if (rid := rule_id(item))
        }

    @staticmethod
    def _items(data: Mapping[str, object], section: str) -> list[object]:
        value = data.get(section)
        return value if isinstance(value, list) else []

    def fail(self, path: Path_, message: str, expected: str, *, key: bool = False) -> None:
        self.problems.append(self.child.problem(path, message, expected, key=key))

    def _removed(self) -> set[str]:
        raw = self.mine.get("remove")
        if raw is None:
            return set()
        if not isinstance(raw, list):
            self.fail(("remove",), f"remove is {type_name(raw)}", "a list of inherited rule ids")
            return set()
        found: set[str] = set()
        for i, rid in enumerate(raw):
            if not isinstance(rid, str):
                self.fail(("remove", i), f"remove lists {type_name(rid)}", "a rule id")
            elif rid not in self.inherited:
                hint = suggest(rid, self.inherited)
                self.fail(
                    ("remove", i),
                    f"'{rid}' is not a rule of {self.name}{hint}",
                    f"the id of a transition, action or don't of {self.name}",
                )
            else:
                found.add(rid)
        return found

    def merge(self) -> MergedDocument:
        for key in ORDER:
            if key in MAP_SECTIONS:
                self.mapping_section(key)
            elif key in LIST_SECTIONS:
                self.list_section(key)
            elif key in self.mine:
                self.take_mine(key)
            elif key in INHERITED and key in self.theirs:
                self.data[key] = self.theirs[key]
                self.sources[(key,)] = located(self.base, (key,))
        for key in self.mine:
            if key not in ORDER and key not in OWN:
                self.take_mine(key)  # unknown keys: the loader reports them in the child
        extends = self.mine.get("extends")
        return MergedDocument(
            self.child.file,
            self.data,
            {},
            {},
            self.sources,
            tuple(self.problems),
            extends if isinstance(extends, str) else "",
        )

    def take_mine(self, key: str) -> None:
        self.data[key] = self.mine[key]
        self.sources[(key,)] = (self.child, (key,))

    def mapping_section(self, key: str) -> None:
        mine, theirs = self.mine.get(key), self.theirs.get(key)
        if mine is not None and not isinstance(mine, dict):
            self.take_mine(key)  # not a mapping: the loader says so, in the child
            return
        if key not in self.mine and key not in self.theirs:
            return
        merged: dict[str, object] = {}
        if isinstance(theirs, dict):
            for name, value in theirs.items():
                if key == "templates" and name in self.removed and name not in self.child_ids:
                    continue  # the template of a rule that is gone would name nothing
                merged[name] = value
                self.sources[(key, name)] = located(self.base, (key, name))
        for name, value in (mine or {}).items():
            if key == "parameters" and not self.same_kind(name, value, theirs):
                continue  # kept as inherited, so its rules are not all reported as well
            merged[name] = value
            self.sources[(key, name)] = (self.child, (key, name))
        self.data[key] = merged
        self.sources[(key,)] = (
            (self.child, (key,)) if key in self.mine else located(self.base, (key,))
        )

    def same_kind(self, name: str, value: object, theirs: object) -> bool:
        """Whether an override is a duration for a duration, a count for a count."""
        if not isinstance(theirs, dict) or name not in theirs:
            return True
        was = theirs[name]
        if isinstance(value, bool) or not isinstance(value, int | str):
            return True  # the loader explains what a parameter may be
        if isinstance(was, int) and isinstance(value, str):
            self.fail(
                ("parameters", name),
                f"parameter '{name}' is a count in {self.name}, and its rules use it as one",
                "a whole number",
            )
            return False
        if isinstance(was, str) and isinstance(value, int):
            self.fail(
                ("parameters", name),
                f"parameter '{name}' is a duration in {self.name}, and its rules use it as one",
                "a duration such as 1w",
            )
            return False
        return True

    def section_of(self, rid: str) -> str:
        return self.inherited[rid][0]

    def check_new(self, key: str, i: int, item: object, rid: str | None, replaced: bool) -> None:
        """A rule added under an id close to an inherited one is taken for a misspelling.

        Without this, ``give-upp`` meant to replace ``give-up`` would quietly be one more rule
        beside it; a rule meant as an addition says so with ``new: true``.
        """
        if rid is None or replaced or rid in self.inherited:
            return
        if isinstance(item, dict) and item.get("new") is True:
            return
        near = closest(rid, [r for r in self.inherited if r not in self.removed])
        if near:
            self.fail(
                (key, i, "id"),
                f"'{rid}' is not a rule of {self.name} (did you mean '{near}'?)",
                f"the id of the rule it replaces, or 'new: true' to add it beside '{near}'",
            )

    def list_section(self, key: str) -> None:
        mine = self.mine.get(key)
        if mine is not None and not isinstance(mine, list):
            self.take_mine(key)
            return
        if key not in self.mine and key not in self.theirs:
            return
        rules: list[tuple[object, Located]] = [
            (item, located(self.base, (key, i)))
            for i, item in enumerate(self._items(self.theirs, key))
            if rule_id(item) not in self.removed
        ]
        position = {rule_id(item): n for n, (item, _) in enumerate(rules)}
        replaced: set[str] = set()
        for i, item in enumerate(mine or []):
            rid = rule_id(item)
            here: Located = (self.child, (key, i))
            if rid is not None and rid in position and rid not in replaced:
                if isinstance(item, dict) and item.get("new") is True:
                    self.fail(
                        (key, i, "new"),
                        f"'{rid}' replaces the rule of {self.name} with that id, so it is not new",
                        "no 'new', or a new id",
                    )
                rules[position[rid]] = (item, here)
                replaced.add(rid)
            elif rid in self.inherited and rid not in self.removed and self.section_of(rid) != key:
                section, (doc, path) = self.inherited[rid]
                line, col = doc.where(path)
                self.fail(
                    (key, i, "id"),
                    f"'{rid}' is the id of {NOUNS[section]} of {self.name}"
                    f" ({doc.file}:{line}:{col})",
                    f"a new id, or the replacement under '{section}'",
                )
            else:
                self.check_new(key, i, item, rid, replaced=rid in replaced)
                rules.append((item, here))
        self.data[key] = [item for item, _ in rules]
        for n, (_, where) in enumerate(rules):
            self.sources[(key, n)] = where
        self.sources[(key,)] = (
            (self.child, (key,)) if key in self.mine else located(self.base, (key,))
        )


def merge(child: Document, base: Document) -> MergedDocument:
    """Lay ``child`` (a mapping with ``extends``) over its checked ``base``."""
    return _Merger(child, base).merge()


def build(view: MergedDocument) -> Playbook:
    """Check a merged playbook and build its model, each rule keeping the file it came from.

    Raises:
        InputError: every problem of the merge and of the merged playbook, each located in the
            file where the part at fault was written.
    """
    try:
        playbook = build_playbook(view)
    except InputError as err:
        raise InputError([*view.problems, *err.problems]) from None
    if view.problems:
        raise InputError(view.problems)
    return _relocated(playbook, view)


def _relocated(pb: Playbook, view: MergedDocument) -> Playbook:
    """The loader dates every origin in the child's file; put inherited ones back in theirs."""
    assert isinstance(view.data, dict)
    paths: dict[str, Path_] = {}
    for section in LIST_SECTIONS:
        items = view.data.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if rid := rule_id(item):
                paths[rid] = (section, i)

    def fix(origin: Origin, path: Path_) -> Origin:
        doc, _ = view.located(path)
        return origin if doc.file == origin.file else replace(origin, file=doc.file)

    return replace(
        pb,
        transitions=tuple(
            replace(t, origin=fix(t.origin, paths.get(t.id, ()))) for t in pb.transitions
        ),
        actions=tuple(replace(a, origin=fix(a.origin, paths.get(a.id, ()))) for a in pb.actions),
        avoid=tuple(replace(a, origin=fix(a.origin, paths.get(a.id, ()))) for a in pb.avoid),
        templates=tuple(
            replace(t, origin=fix(t.origin, ("templates", t.key))) for t in pb.templates
        ),
        extends=view.extends or None,
    )


def origin_lines(pb: Playbook) -> list[str]:
    """Where each rule of a playbook built on another was written (for show and explain)."""
    rules: list[Transition | Action | Avoid] = [*pb.transitions, *pb.actions, *pb.avoid]
    if not rules:
        return []
    width = max(len(r.id) for r in rules)
    lines = ["", f"Where each rule is written ({pb.id} extends {pb.extends})"]
    lines += [f"  {r.id:<{width}}  {r.origin}" for r in rules]
    return lines
