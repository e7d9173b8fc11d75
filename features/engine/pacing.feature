Feature: Check-ins are never bunched together
  Two check-ins are never planned less than three days apart, whatever the dates work out to, and
  every follow-up, whatever its channel, restarts the wait before the next one.

  Scenario: After a check-in on the portal, the next one waits the full week and a half
    # The portal check-in is not a direct contact (it is not counted as one), but it is a
    # follow-up: the week and a half before the next check-in is counted from it, not from the
    # thank-you. March 12 plus a week and a half is Monday March 23.
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in on the portal on 2026-03-12
    When I check the plan on 2026-03-13
    Then the state is "checked-in"
    And no check-in is due before 2026-03-23
    And the next step is a check-in by email on 2026-03-23
    And the next step comes from rule "on-hold-check-in"

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
