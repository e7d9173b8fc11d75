"""followup: a declarative policy engine for what to do after a job interview, and when."""

__version__ = "0.1.0"
