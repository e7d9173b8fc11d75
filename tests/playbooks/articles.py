"""A fingerprint of the five source articles, so the paraphrase checks run in any clone.

The articles live beside the repository (``../shared/sources``), not in it: a user's clone does
not have them, and no sentence of theirs may be copied into the project.  What the checks need
is shipped instead, in ``articles.fingerprint.json``: each article's file name, title and SHA-256,
and a salted, truncated hash of every run of ``RUN`` consecutive words.  A playbook's runs hashed
with the same salt can be looked up without the text itself being anywhere in the repository.

Regenerate after the articles change (the test suite says when they no longer match)::

    .venv/bin/python tests/playbooks/articles.py --write
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "sources"
FINGERPRINT = Path(__file__).with_name("articles.fingerprint.json")
RUN = 8  # this many words in a row shared with an article counts as pasted
DIGEST_BYTES = 8  # 64-bit hashes: a chance collision among ~10^4 runs is about 10^-11


def words(text: str) -> list[str]:
    """Lower-case words, punctuation and quotes dropped, so re-wrapping does not hide a copy."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'").replace("'", ""))


def run_hashes(text: str, salt: str) -> set[str]:
    """The salted hash of every run of RUN consecutive words of ``text``."""
    w = words(text)
    return {_hash(salt, w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def _hash(salt: str, run: list[str]) -> str:
    digest = hashlib.blake2b(" ".join(run).encode(), key=salt.encode(), digest_size=DIGEST_BYTES)
    return digest.hexdigest()


def title_of(text: str) -> str:
    """The article's title: its first line that is not a date banner, without a site suffix."""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("|"):
            return line.split(" | ")[0].strip()
    return ""


def fingerprint(sources: Path, salt: str) -> dict[str, Any]:
    """What the checks need of every article in ``sources``, and nothing of its text."""
    articles = []
    for path in sorted(sources.glob("*.txt")):
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        articles.append(
            {
                "file": path.name,
                "title": title_of(text),
                "sha256": hashlib.sha256(raw).hexdigest(),
                "runs": sorted(run_hashes(text, salt)),
            }
        )
    return {"run_words": RUN, "salt": salt, "articles": articles}


def load() -> dict[str, Any]:
    """The shipped fingerprint."""
    data: dict[str, Any] = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    return data


def main(argv: list[str]) -> int:
    """``--write``: (re)generate the fingerprint from ../shared/sources, keeping its salt."""
    if argv != ["--write"]:
        print(__doc__)
        return 2
    if not SOURCES.is_dir():
        print(f"no articles at {SOURCES}", file=sys.stderr)
        return 1
    salt = load()["salt"] if FINGERPRINT.exists() else secrets.token_hex(16)
    text = json.dumps(fingerprint(SOURCES, salt), indent=1) + "\n"
    FINGERPRINT.write_text(text, encoding="utf-8")
    print(f"wrote {FINGERPRINT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
