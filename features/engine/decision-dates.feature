Feature: A check-in waits until the date they gave has passed
  When the employer says "we'll decide by Friday" or "check in after the 12th", checking in on that
  very day reads as not having listened. In every playbook the first check-in comes the next
  business day after the date they gave at the earliest; a playbook may wait longer.

  Scenario Outline: Told they decide by Friday the 13th, no playbook checks in that Friday
    Given the playbook "<playbook>"
    And an interview on 2026-03-02
    And the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then no check-in is due on or before 2026-03-13
    And no step falls on a weekend or public holiday

    Examples:
      | playbook          |
      | week-then-on-hold |
      | dos-and-donts     |
      | fine-line         |
      | how-many-times    |
      | stalker-free      |

  Scenario Outline: Told to check in after ten days, no playbook checks in on the tenth day
    Given the playbook "<playbook>"
    And an interview on 2026-03-02
    And the employer invited a follow-up after 10 days
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then no check-in is due on or before 2026-03-12

    Examples:
      | playbook          |
      | week-then-on-hold |
      | dos-and-donts     |
      | fine-line         |
      | how-many-times    |
      | stalker-free      |

  Scenario: The date they gave is a Friday: the check-in goes on Monday
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then the next step is a check-in by email on 2026-03-16

  Scenario: A new date in a "still deciding" reply moves the wait with it
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they replied "still deciding" on 2026-03-11 with a new decision date of 2026-03-20
    Then no check-in is due on or before 2026-03-20
    And the next step is a check-in by email on 2026-03-23
