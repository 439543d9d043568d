"""The one clock the app reads. In production it is the system's clock. A test or demo stack run against the
simulator may be given a clock file (``OUTREACH_CLOCK_FILE``): it holds how far ahead of the system clock the
app lives, in seconds, and every process of that stack reads it, so a test can move days ahead in a moment and
watch reminders, channel changes, caps and expiry happen."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

_RECHECK_SECONDS = 0.05  # how stale a moved clock may be seen by a process


class MovableClock:
    """System time plus the offset written in ``path`` (missing or empty file: no offset)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = timedelta()
        self._checked_at = -math.inf
        self._seen: tuple[int, int] | None = None

    def offset(self) -> timedelta:
        moment = time.monotonic()
        if moment - self._checked_at >= _RECHECK_SECONDS:
            self._checked_at = moment
            self._offset = self._read()
        return self._offset

    def _read(self) -> timedelta:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._seen = None
            return timedelta()
        seen = (stat.st_mtime_ns, stat.st_size)
        if seen == self._seen:
            return self._offset
        self._seen = seen
        text = self.path.read_text(encoding="ascii").strip()
        return timedelta(seconds=float(text)) if text else timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset()


_clock: MovableClock | None = None


def use_clock_file(path: Path | None) -> None:
    """From now on this process reads time through ``path`` (None: the system clock). Called once at start."""
    global _clock
    _clock = MovableClock(path) if path is not None else None


def now() -> datetime:
    """The current moment, aware UTC."""
    return _clock.now() if _clock is not None else datetime.now(UTC)


def move_clock_file(path: Path, by: timedelta) -> timedelta:
    """Move the clock behind ``path`` ahead by ``by`` (what a test does); returns the new offset. The file is
    replaced whole, so a reader never sees half a number."""
    current = MovableClock(path)._read()
    offset = current + by
    partial = path.with_suffix(".partial")
    partial.write_text(f"{offset.total_seconds():.3f}\n", encoding="ascii")
    partial.replace(path)
    return offset
