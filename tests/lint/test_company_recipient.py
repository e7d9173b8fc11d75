"""An action ``to: company``: loaded with "did you mean", planned with a call the interviewer did
not invite, understood by lint's channel checks, counted by the prover, shown in JSON."""

from __future__ import annotations

import json

from followup import catalog
from followup.lint import lint_file
from followup.lint.prove import prove
from followup.lint.space import ProofOptions

from .conftest import HEADER, USUAL

CALL = (
    HEADER.format(id="desk")
    + USUAL
    + """\
  - {id: ring-the-desk, in: waiting, kind: final_check_in, due: interview + 2w, TO
     channel: phone, advice: Ring the main line., source: s}
limits: {max_contacts: 2}
"""
)
CASE = """\
id: acme
company: Acme Corp
interview: 2026-03-02
employer: {may_call: false, phone: "+1 555 0100"}
events:
  - {date: 2026-03-02, type: thank_you_sent, channel: email}
"""


def test_a_misspelt_recipient_is_refused_with_a_suggestion(write):
    path = write("desk.yaml", CALL.replace("TO", "to: compnay,"))
    problems, cp, _ = lint_file(path)
    assert cp is None
    (p,) = problems
    assert p.message == "the recipient 'compnay' is not known (did you mean 'company'?)"
    assert p.expected == "one of contact, company"
    line = path.read_text().splitlines()[p.line - 1]
    assert line[p.col - 1 :].startswith("compnay")


def test_a_call_to_the_company_needs_no_invitation(write):
    """L111 fires on a phone-only step to the interviewer, not on one to the company."""
    to_contact, _, _ = lint_file(write("contact.yaml", CALL.replace("TO", "")))
    to_company, _, _ = lint_file(write("company.yaml", CALL.replace("TO", "to: company,")))
    assert "L111" in [p.code for p in to_contact]
    assert [p.code for p in to_company] == []


def test_the_plan_calls_the_main_line_and_says_so(write, cli, tmp_path):
    playbook = write("desk.yaml", CALL.replace("TO", "to: company,"))
    case = tmp_path / "acme.yaml"
    case.write_text(CASE, encoding="utf-8")
    args = ("plan", case, "--playbook", playbook, "--today", "2026-03-10")
    result = cli(*args, "--json")
    assert result.code == 0
    (step,) = json.loads(result.out)["next"]
    assert (step["action"], step["due"], step["channel"]) == (
        "final_check_in",
        "2026-03-16",
        "phone",
    )
    assert step["to"] == "company"
    text = cli(*args).out
    assert "by phone to the company's main line" in text


def test_the_prover_counts_the_call_as_a_direct_contact(write):
    """The call is a direct contact: a thank-you and the call make two in a round, a reply
    saying they are still deciding allows the call again (three), and two rounds make four."""
    report = prove(
        catalog.load(str(write("d.yaml", CALL.replace("TO", "to: company,")))),
        ProofOptions(sound=False),
    )
    assert (report.per_round.value, report.contacts.value) == (3, 4)
    (breach,) = report.breaches
    assert breach.limit == "max_contacts"
    calls = [ev[2] for ev in breach.witness.events if ev[5] == "ring-the-desk"]
    assert calls
    assert set(calls) == {"phone"}


def test_a_dont_about_the_interviewer_does_not_forbid_calling_the_company(write):
    """L110 reads a don't about a person as about that person, not the company's main line."""
    company = CALL.replace("TO", "to: company,")
    about = "avoid:\n  - {id: no-calls, in: [waiting], advice: WORDS, source: s}\n"

    def codes(name: str, words: str) -> list[str]:
        problems, _, _ = lint_file(write(name, company + about.replace("WORDS", words)))
        return [p.code for p in problems]

    assert codes("a.yaml", "Don't call the interviewer.") == []
    assert codes("b.yaml", "Don't call the company.") == ["L110"]
    assert codes("c.yaml", "Don't call anyone there.") == ["L110"]


def test_a_dont_may_say_whom_it_is_about(write):
    """Words cannot know every title: "the editor" is a person, which a don't says with `to`.
    L110 then compares it only with the actions that go to them."""
    about = (
        "avoid:\n  - {id: no-calls, in: [waiting], advice: Don't phone the editor., TO source: s}\n"
    )

    def codes(name: str, step_to: str, dont_to: str) -> list[str]:
        text = CALL.replace("TO", step_to) + about.replace("TO", dont_to)
        problems, _, _ = lint_file(write(name, text))
        return [p.code for p in problems]

    assert codes("a.yaml", "to: company,", "") == ["L110"]  # read from the words: anyone
    assert codes("b.yaml", "to: company,", "to: contact,") == []
    assert codes("c.yaml", "to: company,", "to: company,") == ["L110"]
    assert "L110" not in codes("d.yaml", "", "to: company,")  # (L111: a call nobody invited)
    assert "L110" in codes("e.yaml", "", "to: contact,")


def test_whom_a_dont_is_about_is_a_recipient(write):
    """A misspelt `to` on a don't is refused, located, with the word meant."""
    about = "avoid:\n  - {id: no-calls, advice: Don't phone the editor., to: contcat, source: s}\n"
    path = write("bad.yaml", CALL.replace("TO", "") + about)
    problems, cp, _ = lint_file(path)
    assert cp is None
    (p,) = problems
    assert p.message == "the recipient 'contcat' is not known (did you mean 'contact'?)"
    line = path.read_text().splitlines()[p.line - 1]
    assert line[p.col - 1 :].startswith("contcat")
