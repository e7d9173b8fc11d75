"""The ``followup`` command line: flags in ``main``, work in one module per command group."""
