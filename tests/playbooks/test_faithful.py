"""Each bundled playbook cites its own article and paraphrases it instead of copying it.

The checks read the articles' fingerprint (see ``articles.py``), so they run in any clone; where
the articles themselves are beside the repository, one more test checks the fingerprint is theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.io.yaml_reader import read_yaml_file
from followup.language.playbook_loader import build_playbook

from .articles import ROOT, SOURCES, fingerprint, load, run_hashes

PLAYBOOKS = sorted((ROOT / "playbooks").glob("*.yaml"))
FEATURES = sorted((ROOT / "features").glob("*.feature"))
EXPECTED_IDS = {
    "000": "stalker-free",
    "001": "week-then-on-hold",
    "002": "fine-line",
    "003": "how-many-times",
    "004": "dos-and-donts",
}
PRINT = load()
ARTICLES = {a["file"]: a for a in PRINT["articles"]}
ARTICLE_RUNS = frozenset(h for a in PRINT["articles"] for h in a["runs"])


def citations() -> list[str]:
    """Article titles and section names: quoting these is citing, not copying."""
    names: list[str] = []
    for path in PLAYBOOKS:
        pb = build_playbook(read_yaml_file(path))
        names.append(pb.source.title)
        names += [r.cite.part for r in (*pb.actions, *pb.transitions, *pb.avoid)]
    return sorted({n for n in names if n}, key=len, reverse=True)


def copied_runs(text: str, article_runs: frozenset[str] = ARTICLE_RUNS) -> set[str]:
    """Hashes of the runs of ``text`` that stand in an article, citations aside."""
    for name in citations():
        text = text.replace(name, " | ")
    return run_hashes(text, PRINT["salt"]) & article_runs


@pytest.mark.parametrize("path", PLAYBOOKS + FEATURES, ids=lambda p: p.name)
def test_no_sentence_is_pasted_from_an_article(path: Path) -> None:
    """No run of eight words of any article appears in a playbook or a feature, citations aside."""
    copied = copied_runs(path.read_text(encoding="utf-8"))
    assert not copied, f"{path.name} shares {len(copied)} runs of eight words with an article"


def test_the_check_finds_a_pasted_sentence(tmp_path: Path) -> None:
    """A fingerprint made the same way catches a sentence pasted into a playbook, and only that."""
    article = "Write to them the very next morning, and keep the note short and warm.\n"
    (tmp_path / "999_made_up.txt").write_text("A made-up article\n\n" + article)
    made_up = fingerprint(tmp_path, PRINT["salt"])["articles"][0]["runs"]
    own = (ROOT / "playbooks" / "stalker-free.yaml").read_text(encoding="utf-8")
    assert not copied_runs(own, frozenset(made_up))
    pasted = own + "\n# Keep it: write to them the very next morning, and keep the note short.\n"
    # "write to them ... the note short": twelve words in a row, so five runs of eight.
    assert len(copied_runs(pasted, frozenset(made_up))) == 5


@pytest.mark.parametrize("path", PLAYBOOKS, ids=lambda p: p.name)
def test_playbook_cites_its_article(path: Path) -> None:
    """The article a playbook names is one of the five, by its file and its title."""
    pb = build_playbook(read_yaml_file(path))
    assert pb.source.file in ARTICLES, "a bundled playbook names its article file"
    assert EXPECTED_IDS[pb.source.file[:3]] == pb.id == path.stem
    assert pb.source.title == ARTICLES[pb.source.file]["title"]


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


def test_the_fingerprint_covers_the_five_articles() -> None:
    """One entry per article, each with its title, digest and runs."""
    assert sorted(f[:3] for f in ARTICLES) == sorted(EXPECTED_IDS)
    for article in ARTICLES.values():
        assert article["title"]
        assert len(article["sha256"]) == 64
        assert len(article["runs"]) > 300


def test_the_fingerprint_is_the_articles_own() -> None:
    """Where the articles are beside the clone (as in CI), the shipped fingerprint is theirs.

    A user's clone has no articles to compare with; there the shipped fingerprint is what the
    checks above use, and this test has nothing further to compare.
    """
    if SOURCES.is_dir():
        assert fingerprint(SOURCES, PRINT["salt"]) == PRINT, (
            "the articles changed: run `.venv/bin/python tests/playbooks/articles.py --write`"
        )
    else:
        assert not (ROOT.parent / "shared" / "sources").exists()
