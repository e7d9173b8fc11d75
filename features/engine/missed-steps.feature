Feature: A step I missed is named, not silently dropped
  If the time for a thank-you passes with nothing recorded, the plan tells me, and tells me whether
  this playbook still wants a late one. If I look at an overdue email on a Saturday, the plan
  tells me the day to send it, because nothing goes to an inbox on a weekend.

  Scenario Outline: Two days after the interview with no thank-you recorded, the plan says so
    Given the playbook "<playbook>"
    And an interview on 2026-03-02
    When I check the plan on 2026-03-09
    Then the state is "waiting"
    And the plan notes "No thank-you is recorded for the interview on 2026-03-02"
    And the plan notes "does not suggest a late one"

    Examples:
      | playbook          |
      | week-then-on-hold |
      | stalker-free      |

  Scenario: A thank-you recorded in time leaves nothing to say
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-03
    When I check the plan on 2026-03-09
    Then the plan has no notes

  Scenario: An overdue check-in seen on a Saturday goes out on Monday
    Given the playbook "stalker-free"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-14
    Then the next step is a check-in by email on 2026-03-09
    And the plan says to send the next step on 2026-03-16
