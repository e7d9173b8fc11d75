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
# Words that belong to the surname after them when written in lower case ("Ana de la Cruz",
# "Ludwig van Beethoven"): the greeting is "Ms. de la Cruz", not "Ms. Cruz".  (A name-parsing
# library such as nameparser knows more; this is all a greeting needs, without a dependency.)
PARTICLES = frozenset(
    {
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "ten",
        "ter",
        "van",
        "von",
        "y",
        "bin",
        "ibn",
        "al",
        "el",
    }
)


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
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1  # lower-case particles before the last word are part of the surname
    if title and start == 1 and words[0] in PARTICLES:
        # "Dr. van Dijk": no first name, a surname with its particle
        return Name(text, title, "", " ".join(words))
    return Name(text, title, words[0], " ".join(words[start:]))
