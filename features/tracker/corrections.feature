Feature: I can correct what I recorded, and nothing is lost
  A tracker I cannot correct is one I stop trusting. I fix a wrong date, set an application
  aside, and take back a correction; every change is kept in the history and can be undone.

  Background:
    Given I track my application at "Acme", interviewed on 2026-03-02
    And today is 2026-03-12

  Scenario: A wrong interview date is corrected, and the correction can be taken back
    When I correct the interview date at "Acme" to 2026-03-04
    Then my application at "Acme" was interviewed on 2026-03-04
    And the history of my application at "Acme" shows "edited interview: 2026-03-02 -> 2026-03-04"
    When I take back the correction at "Acme"
    Then my application at "Acme" was interviewed on 2026-03-02

  Scenario: The same interview added twice is caught
    When I add my application at "Acme", interviewed on 2026-03-02, again
    Then I am told "likely a duplicate of"

  Scenario: An archived application is out of sight, not gone
    When I archive my application at "Acme"
    Then my application at "Acme" is not listed
    When I unarchive my application at "Acme"
    Then my application at "Acme" is open
