Feature: One call to the company's main line
  A coach says "if a check-in gets no answer for two weeks, call the company's main line once".
  The interviewer's wish about calls is about calls to them: the company's main line may be
  called even when the interviewer did not invite calls. The call is still a direct contact.

  Background:
    Given the playbook "company-line.yaml"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer is "Dana Reyes"
    And the employer does not allow calls
    And I sent a thank-you by email on 2026-03-02

  Scenario: The check-in goes to the interviewer by email
    When I check the plan on 2026-03-03
    Then the next step is a check-in by email on 2026-03-09
    And the next step goes to my contact

  Scenario: Two weeks of silence: a call to the main line, though calls to the interviewer were not invited
    Given I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the next step is a final check-in by phone on 2026-03-23
    And the next step goes to the company

  Scenario: The call script asks reception for the hiring team, with the number from the case
    Given the company's main line is "+1 555 0100"
    And I sent a check-in by email on 2026-03-09
    When I draft the next step on 2026-03-23
    Then the draft is a call script
    And the draft begins with "Call the main line of Acme Corp (+1 555 0100)"
    And the draft says "put me through to the hiring team"

  Scenario: Without the number, the call script leaves it to fill in
    Given I sent a check-in by email on 2026-03-09
    When I draft the next step on 2026-03-23
    Then the draft begins with "Call the main line of Acme Corp ([[the company's phone number]])"

  Scenario: The call counts as a contact, and then the playbook lets go
    Given I sent a check-in by email on 2026-03-09
    When I sent a final check-in by phone on 2026-03-23
    And I check the plan on 2026-03-24
    Then nothing more is due
    And the case closes on 2026-03-30
