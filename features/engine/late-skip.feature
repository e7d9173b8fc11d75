Feature: A step the coach would rather skip than send late
  By default a contact whose window has passed stays in the plan, due now: late is better than
  never. A coach may say otherwise for one step ('late: skip'): "check in five to seven days
  after the interview; once that week has gone by, don't". The step then lapses at the end of
  its window, and the plan says why it is gone.

  Background:
    Given the playbook "late-skip.yaml"
    And the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04

  Scenario: Inside its window the step is due as usual
    When I check the plan on 2026-03-10
    Then the next step is a check-in by email between 2026-03-09 and 2026-03-11
    And the plan has no notes

  Scenario: Once its window has passed, it lapses and the plan says so
    When I check the plan on 2026-03-13
    Then the plan notes "the playbook lets it go (late: skip)"
    And no check-in is due before 2026-05-01
    And the next step is a move on on 2026-05-04

  Scenario: Done inside its window, it counts as usual
    When I sent a check-in by email on 2026-03-11
    And I check the plan on 2026-03-13
    Then the state is "checked-in"
    And the plan has no notes
