"""Turn a checked playbook into a machine that runs many cases fast."""

from followup.compile.machine import CompiledPlaybook, compile_playbook

__all__ = ["CompiledPlaybook", "compile_playbook"]
