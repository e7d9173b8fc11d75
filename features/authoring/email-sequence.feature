Feature: The "email sequence" coach's playbook, written from the docs alone
  The coach's advice: thank them the same day; check in by email 5 to 7 days later, at most
  twice in a round and four times over the whole application; if two weeks pass with no word
  after that, call the company's main line once, even if the interviewer did not invite calls;
  then stop.

  Background:
    Given the playbook "email-sequence.yaml"
    And an interview on 2026-03-05
    And the interview was at "Acme Corp" for "Data Engineer"
    And the employer does not allow calls

  Scenario: The thank-you goes the same day
    When I check the plan on 2026-03-05
    Then the next step is a thank-you by email on 2026-03-05

  Scenario: The first check-in comes 5 to 7 days later
    Given I sent a thank-you by email on 2026-03-05
    When I check the plan on 2026-03-06
    Then the next step is a check-in by email between 2026-03-10 and 2026-03-12

  Scenario: Two check-ins, then one call to the main line after two weeks of silence
    Given I sent a thank-you by email on 2026-03-05
    And I sent a check-in by email on 2026-03-10
    And I sent a check-in by email on 2026-03-16
    When I check the plan on 2026-03-17
    Then the next step is call_the_company by phone on 2026-03-30
    And the next step goes to the company
    And the schedule has no check-in
    And I am told to avoid "Don't phone the interviewer"

  Scenario: After the call, the sequence stops
    Given I sent a thank-you by email on 2026-03-05
    And I sent a check-in by email on 2026-03-10
    And I sent a check-in by email on 2026-03-16
    When I got in touch by phone on 2026-03-30
    And I check the plan on 2026-03-31
    Then the case is closed as "moved on"
    And nothing more is due

  Scenario: "Still deciding" does not buy a third email in the round
    Given I sent a thank-you by email on 2026-03-05
    And I sent a check-in by email on 2026-03-10
    And I sent a check-in by email on 2026-03-16
    When they replied "still deciding" on 2026-03-18
    And I check the plan on 2026-03-19
    Then the schedule has no check-in
    And the case closes on 2026-04-08

  Scenario: Their reply after a decision date still lets the sequence end, with no check-in sent
    Given the employer will decide by 2026-03-26
    And I sent a thank-you by email on 2026-03-05
    When they replied "still deciding" on 2026-03-30
    And I check the plan on 2026-06-01
    Then the case is closed as "moved on"

  Scenario: Four email check-ins at most over the whole application; the call is not one
    Given I sent a thank-you by email on 2026-03-05
    And I sent a check-in by email on 2026-03-10
    And I sent a check-in by email on 2026-03-16
    And I got in touch by phone on 2026-03-30
    When they replied "next round" on 2026-04-02 with an interview on 2026-04-09
    And I sent a thank-you by email on 2026-04-09
    And I check the plan on 2026-04-10
    Then the next step is a check-in by email on 2026-04-14
    When I sent a check-in by email on 2026-04-14
    And I check the plan on 2026-04-15
    Then the next step is a check-in by email between 2026-04-20 and 2026-04-21
    When I sent a check-in by email on 2026-04-20
    And I check the plan on 2026-04-21
    Then the schedule has no check-in
    And the next step is call_the_company by phone on 2026-05-04
    And the next step goes to the company

  Scenario: A third round gets no email check-in after four in all, only the call
    Given I sent a thank-you by email on 2026-03-05
    And I sent a check-in by email on 2026-03-10
    And I sent a check-in by email on 2026-03-16
    And they replied "next round" on 2026-03-20 with an interview on 2026-03-24
    And I sent a thank-you by email on 2026-03-24
    And I sent a check-in by email on 2026-03-30
    And I sent a check-in by email on 2026-04-06
    And they replied "next round" on 2026-04-08 with an interview on 2026-04-14
    And I sent a thank-you by email on 2026-04-14
    When I check the plan on 2026-04-15
    Then the schedule has no check-in

  Scenario: Once they ask you not to follow up, there is no call either
    Given I sent a thank-you by email on 2026-03-05
    And I sent a check-in by email on 2026-03-10
    And I sent a check-in by email on 2026-03-16
    When they asked me not to follow up on 2026-03-18
    And I check the plan on 2026-03-19
    Then nothing more is due

  Scenario: They say they will decide in four weeks: the sequence waits for their date
    The coach's "three weeks of silence, then stop" would end the sequence before the
    employer's own date, and before the check-in that waits for it. No playbook gives up on a
    case before the date the employer gave has passed and the check-in after it is due.
    Given I sent a thank-you by email on 2026-03-05
    And they replied "still deciding" on 2026-03-09 with a new decision date of 2026-04-03
    When I check the plan on 2026-03-10
    Then the next step is a check-in by email on 2026-04-06
    And the case closes on 2026-04-27
