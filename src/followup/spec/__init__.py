"""``followup spec``: a coach's Gherkin scenarios, run, measured and generated.

- :mod:`followup.spec.runner` runs .feature files through pytest-bdd with the shipped steps;
- :mod:`followup.spec.coverage` records which rules, transitions, timers and don'ts they exercised;
- :mod:`followup.spec.generate` writes scenarios that take every transition and fire every timer;
- :mod:`followup.spec.stepdoc` documents the step library from the step definitions themselves.

Everything here needs pytest and pytest-bdd, which a plain install of followup does not; this
package's own import stays light so the command can say so instead of failing on an import.
"""

from __future__ import annotations

import importlib.util

from followup.errors import UsageError

NEEDS_PYTEST_BDD = "followup spec needs pytest and pytest-bdd: pip install 'followup[test]'"


def require_pytest_bdd() -> None:
    """Fail early, with the fix, when pytest-bdd is not installed.

    Raises:
        UsageError: pytest or pytest-bdd cannot be imported.
    """
    if importlib.util.find_spec("pytest") is None or importlib.util.find_spec("pytest_bdd") is None:
        raise UsageError(NEEDS_PYTEST_BDD)
