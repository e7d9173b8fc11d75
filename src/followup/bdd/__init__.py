"""Plain-language pytest-bdd steps for writing follow-up scenarios without any Python.

Installing followup registers the pytest plugin :mod:`followup.bdd.plugin`, so any project with
pytest-bdd can use the step library (the modules in `followup.bdd.plugin.LIBRARY`) in its
``.feature`` files.  A test module needs only one line besides its import::

    from pytest_bdd import scenarios

    scenarios("my-playbook.feature")

:mod:`followup.bdd.world` holds what one scenario has said so far (the playbook, the case it
describes, the day it has reached) and computes the plan the ``Then`` steps check.
"""
