"""Where a coach's own playbooks live when no ``--playbooks`` flag says otherwise.

In order: ``--playbooks DIR`` flags, else ``$FOLLOWUP_PLAYBOOKS`` (folders separated by
``os.pathsep``), else the ``playbooks`` folder in followup's per-user config folder
(``$FOLLOWUP_CONFIG_DIR``, else ``platformdirs.user_config_dir("followup")``).

Every command asks for these folders, ``followup plan`` included, and importing ``platformdirs``
takes some 6-10 ms of the plan's start-up.  On Linux its answer comes from two environment
variables, so that case is worked out here (a test keeps it equal to ``platformdirs``); anywhere
else ``platformdirs`` is imported, and only when neither a flag nor ``$FOLLOWUP_PLAYBOOKS`` gave
the folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "followup"
PLAYBOOKS_ENV = "FOLLOWUP_PLAYBOOKS"
CONFIG_ENV = "FOLLOWUP_CONFIG_DIR"


def user_config_dir() -> Path:
    """followup's per-user config folder (it may not exist)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    fast = _linux_config_dir()
    if fast is not None:
        return fast
    import platformdirs  # lazy: ~20 ms to import; Linux finds the folder without it

    return Path(platformdirs.user_config_dir(APP))


def _linux_config_dir() -> Path | None:
    """What ``platformdirs`` answers on plain Linux, or None where its answer takes more."""
    android = os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT")
    if sys.platform != "linux" or android:
        return None
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / APP
    home = os.environ.get("HOME")
    if home is not None and not os.path.isabs(home):
        return None  # platformdirs asks the password database then
    return Path(os.path.expanduser("~/.config")) / APP


def user_playbooks_dir() -> Path:
    """The folder ``followup new`` writes to by default (it may not exist yet)."""
    return user_config_dir() / "playbooks"


def default_dirs() -> tuple[Path, ...]:
    """The coach's folders when no ``--playbooks`` flag is given.

    ``$FOLLOWUP_PLAYBOOKS`` if set (each folder must exist), else the user's playbooks folder if
    there is one (a missing one is simply not there yet).
    """
    env = os.environ.get(PLAYBOOKS_ENV, "")
    if env:
        return tuple(Path(p) for p in env.split(os.pathsep) if p)
    folder = user_playbooks_dir()
    return (folder,) if folder.is_dir() else ()
