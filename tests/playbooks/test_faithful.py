"""Each bundled playbook cites its own article and paraphrases it instead of copying it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from followup.io.playbook_loader import build_playbook
from followup.io.yaml_reader import read_yaml_file

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "sources"
PLAYBOOKS = sorted((ROOT / "playbooks").glob("*.yaml"))
FEATURES = sorted((ROOT / "features").glob("*.feature"))
RUN = 8  # this many words in a row shared with an article counts as pasted
EXPECTED_IDS = {
    "000": "stalker-free",
    "001": "week-then-on-hold",
    "002": "fine-line",
    "003": "how-many-times",
    "004": "dos-and-donts",
}


def words(text: str) -> list[str]:
    """Lower-case words, punctuation and quotes dropped, so re-wrapping does not hide a copy."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'").replace("'", ""))


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive words."""
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def article_runs() -> set[tuple[str, ...]]:
    """Runs of every article together (a playbook may not paste from any of them)."""
    found: set[tuple[str, ...]] = set()
    for path in SOURCES.glob("*.txt"):
        found |= runs(path.read_text(encoding="utf-8"))
    return found


def citations() -> list[str]:
    """Article titles and section names: quoting these is citing, not copying."""
    names: list[str] = []
    for path in PLAYBOOKS:
        pb = build_playbook(read_yaml_file(path))
        names.append(pb.source.title)
        names += [r.cite.part for r in (*pb.actions, *pb.transitions, *pb.avoid)]
    return sorted({n for n in names if n}, key=len, reverse=True)


@pytest.mark.parametrize("path", PLAYBOOKS + FEATURES, ids=lambda p: p.name)
def test_no_sentence_is_pasted_from_an_article(path: Path) -> None:
    """No run of eight words of any article appears in a playbook or a feature, citations aside."""
    text = path.read_text(encoding="utf-8")
    for name in citations():
        text = text.replace(name, " | ")
    copied = runs(text) & article_runs()
    assert not copied, f"{path.name} copies: {[' '.join(r) for r in sorted(copied)][:3]}"


@pytest.mark.parametrize("path", PLAYBOOKS, ids=lambda p: p.name)
def test_playbook_cites_an_article_that_exists(path: Path) -> None:
    """The source file named by a playbook is one of the articles, and the id is the fixed one."""
    pb = build_playbook(read_yaml_file(path))
    assert pb.source.file, "a bundled playbook names its article file"
    assert (SOURCES / pb.source.file).is_file()
    assert EXPECTED_IDS[pb.source.file[:3]] == pb.id == path.stem


@pytest.mark.parametrize("path", PLAYBOOKS, ids=lambda p: p.name)
def test_every_rule_cites_a_part_of_its_article(path: Path) -> None:
    """Every action, transition and don't of a bundled playbook says which part it encodes."""
    pb = build_playbook(read_yaml_file(path))
    rules = [*pb.actions, *pb.transitions, *pb.avoid]
    uncited = [r.id for r in rules if not r.cite.part]
    assert not uncited
    unexplained = [a.id for a in pb.actions if not a.advice.strip()]
    unexplained += [a.id for a in pb.avoid if not a.text.strip()]
    assert not unexplained


def test_the_articles_are_beside_the_repository() -> None:
    """The five source articles are where the checks above read them (shared/sources)."""
    assert sorted(p.name[:3] for p in SOURCES.glob("*.txt")) == sorted(EXPECTED_IDS)
