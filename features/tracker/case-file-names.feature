Feature: A case file's name that cannot be an id is refused, with one that can
  A case file without an id takes its name from the file. A name with spaces or brackets would
  break my other commands later, so followup says so now and suggests an id I can paste.

  Scenario: A file called "my case (final).yaml"
    Given today is 2026-03-12
    When I import the case file "my case (final).yaml" holding:
      """
      interview: 2026-03-02
      company: Acme
      """
    Then I am told "no 'id:' and the file name 'my case (final)' is not a valid id"
    And I am told "expected an id line such as 'id: my-case-final'"
    And nothing is imported
