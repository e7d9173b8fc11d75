Feature: The doctor tells me whether my tracker is sound, and repairs it without losing anything
  followup doctor checks the file, its safeguards and each of my applications. When it repairs,
  it only adds: nothing I recorded is ever deleted or rewritten.

  Background:
    Given today is 2026-03-12

  Scenario: A healthy tracker
    Given I track my application at "Acme", interviewed on 2026-03-02
    When I ask the doctor about my tracker
    Then the doctor says my tracker is healthy

  Scenario: When the safeguards are gone, followup stops writing until they are back
    Given I track my application at "Acme", interviewed on 2026-03-02
    And someone removed the safeguards of my tracker's history
    When I record networking at "Acme" dated 2026-03-05
    Then followup refuses to write and tells me to run "followup doctor"
    When I ask the doctor about my tracker
    Then the doctor finds a problem with the safeguards
    When I ask the doctor to repair my tracker
    Then the doctor says my tracker is healthy
    When I record networking at "Acme" dated 2026-03-05
    Then my application at "Acme" is open

  Scenario: One damaged application does not hide the others, and can be set aside
    Given my tracker holds an application an older followup saved as "my case (final)"
    And I track my application at "Acme", interviewed on 2026-03-02
    When I list my applications
    Then I see "Acme" and "my case (final)" is named as a problem
    When I ask the doctor about my tracker
    Then the doctor finds a problem with "my case (final)"
    When I ask the doctor to repair my tracker
    Then the doctor says my tracker is healthy
    And the doctor archived "my case (final)" and deleted nothing
