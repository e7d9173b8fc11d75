"""``python -m followup``."""

from followup.cli.main import run

run()
