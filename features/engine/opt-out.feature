Feature: A playbook opts out of an engine rule only explicitly, with a reason and a citation
  The engine's own rules hold in every playbook (no check-in on or before the date the employer
  gave, a minimum gap between check-ins, promises kept, news before a deadline, no contact on
  weekends or public holidays). A coach whose article says otherwise may opt out of one, by its
  id, with the reason and the part of the article; followup show then says so.

  Scenario: Every playbook waits past the employer's date
    Given the playbook "week-then-on-hold"
    And the interview was on 2026-03-02
    And the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then the next step is a check-in by email on 2026-03-16

  Scenario: A playbook that opted out checks in on the day they named
    Given the playbook "opt-out.yaml"
    And the interview was on 2026-03-02
    And the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then the next step is a check-in by email on 2026-03-13

  Scenario: followup show says which rule the playbook opted out of, why and where
    Given the playbook "opt-out.yaml"
    Then followup show says "Opted out (engine rules this playbook does not follow) - wait-past-their-date: A check-in"
    And followup show says "why: The article says a short check-in on the day they named is expected"
    And followup show says "section 'Wait a week, and then check in'"

  Scenario: An opt-out names a rule that exists
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      opt_out:
        - rule: wait-past-the-date
          reason: The article says so.
          source: Timing
      """
    When I check the playbook
    Then followup says at line 5, column 11: no engine rule 'wait-past-the-date' to opt out of (did you mean 'wait-past-their-date'?)
    And followup says nothing else

  Scenario: An opt-out needs a reason and a citation
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      opt_out:
        - rule: check-in-gap
      """
    When I check the playbook
    Then followup says at line 5, column 5: the opt-out has no 'reason'
    And followup says at line 5, column 5: the opt-out has no 'source'
    And followup says nothing else
