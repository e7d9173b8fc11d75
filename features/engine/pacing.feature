Feature: Check-ins are never bunched together
  Two check-ins are never planned less than three days apart, whatever the dates work out to.

  Scenario: After a check-in on the portal, the next one waits three days
    # The portal check-in is not a direct contact, so the week and a half on hold is counted
    # from the thank-you and ends the next day; the check-in still waits three days (a Sunday,
    # so it moves to Monday).
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in on the portal on 2026-03-12
    When I check the plan on 2026-03-13
    Then the state is "on-hold"
    And no check-in is due before 2026-03-15
    And the next step is a check-in by email on 2026-03-16

  Scenario: On hold, check-ins come a week and a half apart
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-20
    Then no check-in is due before 2026-03-20
    And the schedule is:
      | due        | action   | channel |
      | 2026-03-20 | check-in | email   |
      | 2026-03-31 | check-in | email   |
      | 2026-04-11 | move on  | -       |
