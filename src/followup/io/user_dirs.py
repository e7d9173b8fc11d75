"""Per-user folders for followup's caches (the holiday cache, checked templates, calendar state).

``platformdirs`` costs ~20 ms to import, a seventh of the start-up budget of ``followup plan``,
so the one folder the plan path needs (the holiday cache) follows the same conventions here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "followup"


def user_cache_dir() -> Path:
    """Where followup keeps caches: ``$FOLLOWUP_CACHE``, else the platform's user cache folder."""
    env = os.environ.get("FOLLOWUP_CACHE")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP
