"""Bundle the playbooks into the wheel with an editor schema line that resolves there.

In the repository a bundled playbook sits in ``playbooks/`` and names its schema as
``../src/followup/schemas/playbook.schema.json``; in the wheel it sits in ``followup/bundled/``,
beside ``followup/schemas/``.  This hook copies each playbook into the wheel with that one line
rewritten for the installed layout, so an editor finds the schema in both places.  Nothing else
in the file changes (a test builds the wheel and checks both layouts).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

REPO_SCHEMA = "$schema=../src/followup/schemas/"
WHEEL_SCHEMA = "$schema=../schemas/"


def installed_text(text: str) -> str:
    """A bundled playbook's text as it is installed: only the schema line differs."""
    first, sep, rest = text.partition("\n")
    return first.replace(REPO_SCHEMA, WHEEL_SCHEMA, 1) + sep + rest


class BundlePlaybooks(BuildHookInterface):  # type: ignore[misc]
    """Adds ``playbooks/*.yaml`` to the wheel as ``followup/bundled/*.yaml``."""

    PLUGIN_NAME = "bundle-playbooks"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the repository's playbooks/ directly
        self._tmp = Path(tempfile.mkdtemp(prefix="followup-bundle-"))
        for path in sorted(Path(self.root, "playbooks").glob("*.yaml")):
            out = self._tmp / path.name
            out.write_text(installed_text(path.read_text(encoding="utf-8")), encoding="utf-8")
            build_data["force_include"][str(out)] = f"followup/bundled/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_tmp", None) is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
