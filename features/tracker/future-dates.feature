Feature: I record what has happened, not what I expect to happen
  My tracker is what has happened. If I type a date in the future by mistake, followup tells me
  which date it read and what today is, and keeps nothing, so my plan never changes by itself
  on a later day.

  Background:
    Given I track my application at "Acme", interviewed on 2026-03-02
    And today is 2026-03-12

  Scenario: Closing an application on a day that has not come yet is refused
    When I close my application at "Acme" as an offer dated 2026-03-20
    Then I am told "--date: 2026-03-20 is after today (2026-03-12)"
    And nothing is recorded on my application at "Acme"
    And my application at "Acme" is open

  Scenario: Closing it today is fine
    When I close my application at "Acme" as an offer dated 2026-03-12
    Then my application at "Acme" is closed

  Scenario: Logging something tomorrow is refused
    When I record networking at "Acme" dated 2026-03-13
    Then I am told "2026-03-13 is after today (2026-03-12); expected a date on or before today"
    And nothing is recorded on my application at "Acme"

  Scenario: A case file with a future event is not imported
    When I import the case file "beta.yaml" holding:
      """
      id: beta
      interview: 2026-03-02
      events:
        - {date: 2026-03-30, type: withdrew}
      """
    Then I am told "2026-03-30 is after today (2026-03-12)"
