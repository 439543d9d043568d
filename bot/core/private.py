"""Secrets and patient data stay with the account that runs the app: files it makes are readable by that account
only, and tokens are never printed or logged whole."""

from __future__ import annotations

import os

from bot.core.settings import PROJECT_ROOT

PRIVATE_UMASK = 0o077  # files 0600, folders 0700
SHOWN_CHARS = 4


def keep_files_private() -> None:
    """From now on this process (and what it starts: the engine) makes files 0600 and folders 0700; the
    project's ``var/`` folder (database, logs, journal, keys, models) is closed to other accounts."""
    os.umask(PRIVATE_UMASK)
    var = PROJECT_ROOT / "var"
    var.mkdir(exist_ok=True)
    os.chmod(var, 0o700)


def token_hint(token: str) -> str:
    """Enough of a token to tell which one is set, never enough to use it."""
    return f"{token[:SHOWN_CHARS]}…" if len(token) > 2 * SHOWN_CHARS else "…"
