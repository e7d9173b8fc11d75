Feature: What I record is kept, and I am told so, even when my playbook cannot be read
  I record an event, and then followup plans the application. If the playbook it follows is
  gone (a file of my own I deleted or moved) or does not load, there is no plan, but what I
  recorded is saved: followup says so first, naming the application and the tracker, so I do
  not enter it a second time, and then says what is wrong with the playbook.

  Background:
    Given I track my application at "Acme", interviewed on 2026-03-02
    And my application at "Acme" follows a playbook file of my own
    And today is 2026-03-12

  Scenario: Logging an event when my playbook file is gone
    When my playbook file is deleted
    And I record networking at "Acme" dated 2026-03-10
    Then I am told my networking at "Acme" was saved, and then "mine.yaml:1:1: no such file"
    And the history of my application at "Acme" keeps 2 entries

  Scenario: Taking an entry back when my playbook file is gone
    When I record networking at "Acme" dated 2026-03-10
    And my playbook file is deleted
    And I undo the last entry at "Acme"
    Then I am told my undo at "Acme" was saved, and then "mine.yaml:1:1: no such file"
    And the history of my application at "Acme" keeps 3 entries
