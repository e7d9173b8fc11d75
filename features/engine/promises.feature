Feature: A promise I made is in my plan on its day
  When I told them "I'll send you my work samples on Thursday", that is a promise: every playbook
  puts it in my plan on that day, by the way I promised, with what I said I would do. Recording
  the follow-up keeps it; if the day passes with nothing recorded, the plan says so plainly.
  They expect to hear from me that day, so the playbook does not check in before it: a check-in
  due earlier waits for the day I promised, and the one message I send then counts as both.

  Scenario Outline: A promise to email on the 12th is due on the 12th in every playbook
    Given the playbook "<playbook>"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12 to "send work samples"
    When I check the plan on 2026-03-12
    Then the next steps include a promised follow-up by email on 2026-03-12
    And the next step says "send work samples"
    And the plan has no notes

    Examples:
      | playbook          |
      | week-then-on-hold |
      | dos-and-donts     |
      | fine-line         |
      | how-many-times    |
      | stalker-free      |

  Scenario: A promise to call is a call, even when they never said calls were welcome
    Given the playbook "fine-line"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to call them on 2026-03-12
    When I check the plan on 2026-03-12
    Then the next steps include a promised follow-up by phone on 2026-03-12

  Scenario: Recording the follow-up keeps the promise
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12
    When I sent a check-in by email on 2026-03-12
    And I check the plan on 2026-03-13
    Then the plan has no notes
    And the schedule has no promised follow-up

  Scenario: A promise whose day passed is still there, flagged as broken
    Given the playbook "stalker-free"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12 to "send work samples"
    When I check the plan on 2026-03-16
    Then the next steps include a promised follow-up by email on 2026-03-12
    And the plan notes "a broken promise"
    And the plan notes "send work samples"

  Scenario: A second promise is due again after the first was kept
    Given the playbook "how-many-times"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-09
    And I sent a check-in by email on 2026-03-09
    When I committed on 2026-03-10 to email them on 2026-03-20
    And I check the plan on 2026-03-11
    Then the schedule includes a promised follow-up by email on 2026-03-20

  Scenario: While a call I promised is due, the don't about phoning names it as its one exception
    # They agreed to the call: the plan must not tell me both to make it and not to phone.
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to call them on 2026-03-12
    When I check the plan on 2026-03-05
    Then the schedule includes a promised follow-up by phone on 2026-03-12
    And I am told to avoid "the one exception: the follow-up you promised by phone for 2026-03-12"

  Scenario: Once the promised call is made, the don't about phoning is plain again
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to call them on 2026-03-12
    When I sent a check-in by phone on 2026-03-12
    And I check the plan on 2026-03-13
    Then I am told to avoid "Don't phone to check in"
    And I am not told to avoid "exception"

  Scenario: A promise to email leaves the don't about phoning as it is
    Given the playbook "how-many-times"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12
    When I check the plan on 2026-03-05
    Then I am told to avoid "Don't phone unless the hiring manager said calling is fine"
    And I am not told to avoid "exception"

  Scenario: A check-in due before the day I promised waits for it
    # They expect my email on the 16th: a portal check-in on the 15th would only nag.
    Given the playbook "stalker-free"
    And an interview on 2026-03-07
    And the employer invited a follow-up after 7 days
    And the employer prefers the portal
    And I sent a thank-you by email on 2026-03-09
    And I committed on 2026-03-09 to email them on 2026-03-16
    When I check the plan on 2026-03-10
    Then no check-in is due before 2026-03-16
    And the next step is a promised follow-up by email on 2026-03-16
    And keeping my promise also counts as the check-in "follow-up-when-they-said"

  Scenario: Keeping the promise counts as the check-in that waited for it
    Given the playbook "stalker-free"
    And an interview on 2026-03-07
    And the employer invited a follow-up after 7 days
    And the employer prefers the portal
    And I sent a thank-you by email on 2026-03-09
    And I committed on 2026-03-09 to email them on 2026-03-16
    When I sent a check-in by email on 2026-03-16
    And I check the plan on 2026-03-17
    Then the plan has no notes
    And the next step is a final check-in through the portal on 2026-03-23

  Scenario: A playbook that opts out of keeping promises checks in when its rule says
    Given the playbook "no-promises.yaml"
    And an interview on 2026-03-07
    And the employer invited a follow-up after 7 days
    And the employer prefers the portal
    And I sent a thank-you by email on 2026-03-09
    And I committed on 2026-03-09 to email them on 2026-03-16
    When I check the plan on 2026-03-10
    Then the next step is a check-in through the portal on 2026-03-15
