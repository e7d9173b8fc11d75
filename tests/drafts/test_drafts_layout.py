"""Drafts laid out for their channel, one line per paragraph."""

from __future__ import annotations

from datetime import date

import pytest

from followup.drafts.layout import Facts, lay_out, layout_for, unwrap

FACTS = Facts(
    "Dr. Alice Marsh",
    "Dr. Marsh",
    "Acme Corp",
    "Data Engineer",
    "Alex Doe",
    "on Friday",
    date(2026, 3, 9),
)
WRAPPED = (
    "Dear Dr. Marsh,\n\n"
    "Thank you for meeting with me on Friday about the Data Engineer role at Acme Corp. I left\n"
    "our conversation genuinely excited.\n\n"
    "Could you tell me where things stand on your side?\n\n"
    "Best regards,\n"
    "Alex Doe"
)


def test_soft_wraps_are_joined_and_deliberate_breaks_kept():
    text = unwrap(WRAPPED)
    assert "Acme Corp. I left our conversation genuinely excited." in text
    assert text.endswith("\n\nBest regards,\nAlex Doe")
    assert text.startswith("Dear Dr. Marsh,\n\nThank you")


def test_a_short_line_that_ends_a_sentence_is_joined_to_the_next():
    text = unwrap("I have an offer and need to answer by Friday, 13 March.\nAcme is my choice.")
    assert text == "I have an offer and need to answer by Friday, 13 March. Acme is my choice."


def test_lists_colons_and_blank_runs():
    text = unwrap(
        "Ask:\n- Thank them for their time today, all of them, each by name please.\n"
        "- Ask about next steps.\n\n\n\nThen wait."
    )
    assert text == (
        "Ask:\n- Thank them for their time today, all of them, each by name please.\n"
        "- Ask about next steps.\n\nThen wait."
    )


def test_a_signature_keeps_its_lines_however_long():
    signature = "Alex Doe, Senior Data Engineer at Somewhere Else Entirely\n+1 555 0100"
    text = unwrap(f"Thanks again.\n\nBest regards,\n{signature}", keep=[signature])
    assert text.endswith(f"Best regards,\n{signature}")


@pytest.mark.parametrize(
    ("channel", "layout"),
    [
        ("email", "email"),
        ("recruiter", "email"),
        ("portal", "email"),
        ("mail", "letter"),
        ("phone", "call"),
        ("linkedin", "message"),
        ("text", "message"),
        (None, "message"),
    ],
)
def test_layout_for_each_channel(channel, layout):
    assert layout_for(channel) == layout


def test_email_keeps_its_subject():
    laid = lay_out("Thank you", WRAPPED, "email", FACTS)
    assert (laid.subject, laid.layout) == ("Thank you", "email")


def test_a_letter_has_addresses_and_the_date_and_no_subject():
    laid = lay_out("Thank you", WRAPPED, "mail", FACTS)
    assert laid.subject == ""
    head = laid.body.split("\n\nDear Dr. Marsh,", 1)[0]
    assert head == (
        "Alex Doe\n[[your postal address]]\n\nMonday, 9 March 2026\n\nDr. Alice Marsh\nAcme Corp"
    )


def test_a_call_script_has_an_opening_the_points_and_a_close():
    laid = lay_out("Checking in", WRAPPED, "phone", FACTS)
    assert (laid.subject, laid.layout) == ("", "call")
    lines = laid.body.split("\n")
    assert lines[0] == "Call Dr. Alice Marsh at Acme Corp."
    assert lines[2].startswith("Opening: Hello Dr. Marsh, this is Alex Doe. I interviewed for")
    assert "Data Engineer role on Friday." in lines[2]
    points = [line for line in lines if line.startswith("- ")]
    assert points == [
        "- Thank you for meeting with me on Friday about the Data Engineer role at Acme Corp. "
        "I left our conversation genuinely excited.",
        "- Could you tell me where things stand on your side?",
    ]
    assert "Dear" not in laid.body
    assert "Best regards" not in laid.body
    assert any(line.startswith("Close: ") for line in lines)
