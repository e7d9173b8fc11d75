"""People's names as a message greets them: "Dear Dr. Marsh," or "Dear Alice,".

A name may start with a title (Dr, Prof, Mr, Ms, Mrs, Mx and a few more, with or without a
dot) and end with a suffix after a comma ("Alice Marsh, PhD").  With a title, a message greets
the person by title and surname, the title spelt as written ("Dr Marsh" stays without a dot,
as British usage writes it); without one, by first name.  The playbook's template says "Dear"
or "Hi"; this module only says the name.  A ``greeting:`` in the case file wins over all this:
it is how the job seeker was told to address them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Titles written before a name, by their lower-case spelling without a dot.
TITLES = frozenset(
    {"dr", "prof", "professor", "mr", "ms", "mrs", "miss", "mx", "sir", "dame", "rev", "fr"}
)
# Suffixes written after a surname without a comma ("Alice Marsh Jr.").
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name in its parts; ``title`` is as written ("Dr.", "Prof"), or empty."""

    full: str
    title: str
    first: str
    last: str

    @property
    def greeting(self) -> str:
        """What follows "Dear": title and surname if there is a title, else the first name."""
        if self.title and self.last:
            return f"{self.title} {self.last}"
        return self.first or self.full


def is_title(word: str) -> bool:
    """Whether a word is a title such as Dr, Dr. or Prof."""
    return word.rstrip(".").lower() in TITLES


def parse_name(full: str) -> Name:
    """Split a name into title, first name and surname.

    "Dr. Alice Marsh" is (Dr., Alice, Marsh); "Ms Lee" is (Ms, '', Lee); "Alice Marsh, PhD" is
    ('', Alice, Marsh); a single word is both the first name and the surname.
    """
    text = " ".join(full.split())
    words = text.split(",", 1)[0].split()
    title = words.pop(0) if len(words) > 1 and is_title(words[0]) else ""
    while len(words) > 1 and words[-1].rstrip(".").lower() in SUFFIXES:
        words.pop()
    if not words:
        return Name(text, title, "", "")
    if title and len(words) == 1:
        return Name(text, title, "", words[0])
    return Name(text, title, words[0], words[-1])
