Feature: An offer waits for my answer
  An offer ends the follow-up, but not my part: the plan reminds me to answer it, before the date
  they asked for, and once I record my answer there is nothing left to do.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02

  Scenario: An offer with an answer-by date: answer any day from now until that date
    When they made an offer on 2026-03-16 to answer by 2026-03-20
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-16
    And the plan reads "between Mon 16 and Fri 20 March (due now): answer their offer"

  Scenario: On their answer-by date itself the answer is still due, its window's last day
    Given they made an offer on 2026-03-16 to answer by 2026-03-20
    When I check the plan on 2026-03-20
    Then the plan reads "between Mon 16 and Fri 20 March (due now): answer their offer"

  Scenario: Once their answer-by date has passed unanswered, the plan says so rather than counting days
    Given they made an offer on 2026-03-16 to answer by 2026-03-20
    When I check the plan on 2026-06-30
    Then nothing more is due
    And the plan notes "asked for your answer by 2026-03-20, which has passed"

  Scenario: An offer without a date: answer it now
    When they made an offer on 2026-03-16
    Then the only step left is to answer their offer on 2026-03-16

  Scenario Outline: Once I have answered, nothing is left
    Given they made an offer on 2026-03-16 to answer by 2026-03-20
    When I <answer> their offer on 2026-03-18
    Then the case is closed as "offer"
    And nothing more is due

    Examples:
      | answer   |
      | accepted |
      | declined |

  Scenario: Accepting an offer I never recorded closes the application as an offer
    When I accepted their offer on 2026-03-18
    Then the case is closed as "offer"
    And nothing more is due

  Scenario: After I accept a job elsewhere, each other application asks for a polite withdrawal
    Given I accepted a job elsewhere on 2026-03-18
    Then the next step is to withdraw politely by email on 2026-03-18
    When I withdrew on 2026-03-18
    Then the case is closed as "withdrew"
    And nothing more is due

  Scenario: A promise made here is off once I accept a job elsewhere: I withdraw instead
    Given I committed on 2026-03-04 to email them on 2026-03-12 to "send my portfolio"
    And I accepted a job elsewhere on 2026-03-18
    Then the next step is to withdraw politely by email on 2026-03-18
    And the schedule has no promised follow-up
    And the plan has no notes

  Scenario: Accepted elsewhere on a Saturday: the withdrawal goes out on Monday
    Given I accepted a job elsewhere on 2026-03-21
    Then the next step is to withdraw politely by email on 2026-03-23
