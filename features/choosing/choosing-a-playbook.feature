Feature: I choose a playbook that fits what the employer told me, and can change my mind
  After an interview I don't want to read five articles to know how to follow up. I answer a
  few questions (what they said, whether calls are fine, how persistent I want to be), followup
  ranks the playbooks for my application with the reasons, and I put my application on the one
  I pick. If I change my mind I switch, and I can take the switch back.

  Background:
    Given today is 2026-03-12
    And I track my application at "Acme", interviewed on 2026-03-02

  Scenario: I want to be persistent
    When I choose a playbook for "Acme", wanting to be persistent
    Then the playbook recommended to me checks in at least 3 times if they stay silent
    And every reason I am given names the rule and the article section behind it

  Scenario: They asked me not to follow up
    When I choose a playbook for "Acme", saying they asked me not to follow up
    Then no playbook that checks in anyway is recommended to me

  Scenario: I hold a competing offer that I must answer soon
    Given I recorded a competing offer at "Acme" on 2026-03-12, to answer by 2026-03-20
    When I choose a playbook for "Acme", wanting to be steady
    Then the playbook recommended to me tells them about my offer before I must answer it
    And every playbook with no step for telling them is marked down for it

  Scenario: I apply the recommendation to my application
    When I choose a playbook for "Acme", wanting to be gentle, and apply it
    Then my application at "Acme" follows the playbook recommended to me
    And its history shows that I switched playbook

  Scenario: I switch, change my mind, and take it back
    When I switch my application at "Acme" to "fine-line"
    Then my application at "Acme" follows "fine-line"
    And its plan is what "fine-line" plans for it
    When I undo the last thing I recorded on "Acme"
    Then my application at "Acme" follows "week-then-on-hold"

  Scenario: A playbook name I mistyped changes nothing
    When I switch my application at "Acme" to "fine-lines"
    Then I am told "no playbook with id 'fine-lines' (did you mean 'fine-line'?)"
    And my application at "Acme" follows "week-then-on-hold"
