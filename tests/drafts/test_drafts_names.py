"""Names as a message greets them: title and surname, else the first name."""

from __future__ import annotations

import pytest

from followup.drafts.context import person
from followup.drafts.names import parse_name
from followup.model.case import Interviewer


@pytest.mark.parametrize(
    ("full", "greeting", "first", "last"),
    [
        ("Dr. Alice Marsh", "Dr. Marsh", "Alice", "Marsh"),
        ("Dr Alice Marsh", "Dr Marsh", "Alice", "Marsh"),
        ("prof. Ada Byron King", "prof. King", "Ada", "King"),
        ("Ms Lee", "Ms Lee", "", "Lee"),
        ("Mx. Sam Rivera", "Mx. Rivera", "Sam", "Rivera"),
        ("Mrs. Jo Ann Smith", "Mrs. Smith", "Jo", "Smith"),
        ("Alice Marsh", "Alice", "Alice", "Marsh"),
        ("Alice Marsh, PhD", "Alice", "Alice", "Marsh"),
        ("Dr. Alice Marsh Jr.", "Dr. Marsh", "Alice", "Marsh"),
        ("Cher", "Cher", "Cher", "Cher"),
        ("Dr.", "Dr.", "Dr.", "Dr."),
        ("  Dana   Reyes ", "Dana", "Dana", "Reyes"),
        # Lower-case particles belong to the surname that follows them.
        ("Ms. Ana de la Cruz", "Ms. de la Cruz", "Ana", "de la Cruz"),
        ("Dr. Jan van der Berg", "Dr. van der Berg", "Jan", "van der Berg"),
        ("Dr. van Dijk", "Dr. van Dijk", "", "van Dijk"),
        ("Ludwig van Beethoven", "Ludwig", "Ludwig", "van Beethoven"),
        ("Ms. Ana De La Cruz", "Ms. Cruz", "Ana", "Cruz"),  # capitalised: no guessing
    ],
)
def test_parse_name(full, greeting, first, last):
    """A leading title (with or without a dot, any case) is kept as written for the greeting."""
    name = parse_name(full)
    assert (name.greeting, name.first, name.last) == (greeting, first, last)


def test_the_template_sees_the_parts_and_the_case_files_greeting_wins():
    marsh = person(Interviewer("Dr. Alice Marsh", "alice@acme.example"))
    assert marsh["greeting"] == "Dr. Marsh"
    assert (marsh["first_name"], marsh["last_name"], marsh["title"]) == ("Alice", "Marsh", "Dr.")
    told = person(Interviewer("Dr. Alice Marsh", greeting="Alice"))
    assert told["greeting"] == "Alice"
    assert person(None)["greeting"] == "[[their name]]"
    assert person(Interviewer("Ms Lee"))["first_name"] == "Ms Lee"
