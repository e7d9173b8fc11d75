Feature: When an application is over, my plan says how it ended
  Once an application has ended there is nothing left to send, but I still look back at it. The
  plan says what happened, in the words of what I recorded: an offer I accepted reads as an offer
  I accepted, not as one still waiting for my answer.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02

  Scenario Outline: Each way an application ends reads as what happened
    When <what happened> on 2026-03-16
    Then the plan reads "Closed on Mon 2026-03-16: <it ended>."

    Examples:
      | what happened          | it ended                 |
      | I withdrew             | you withdrew             |
      | they rejected me       | they said no             |
      | they made an offer     | you got an offer         |
      | I accepted their offer | you accepted their offer |
      | I declined their offer | you declined their offer |

  Scenario: An offer reads as one until I answer it
    Given they made an offer on 2026-03-16 to answer by 2026-03-20
    When I check the plan on 2026-03-17
    Then the plan reads "Closed on Mon 2026-03-16: you got an offer."
    When I accepted their offer on 2026-03-18
    And I check the plan on 2026-03-18
    Then the plan reads "Closed on Mon 2026-03-16: you accepted their offer."
