"""The inbound journal: a patient's message that cannot be stored in the database (locked, read-only, down) is
written here, flushed to disk, and stored later in arrival order. Nothing a patient sends is lost.

One append-only JSON-lines file per process under ``var/journal/``. A process replays its own file, and the files
of processes that died (a file lock keeps two survivors from replaying the same one; the provider's message id
drops a repeat).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from channels.base import InboundMessage

log = logging.getLogger(__name__)


def _running(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class InboundJournal:
    def __init__(self, folder: Path, database_url: str) -> None:
        # one folder per database: stacks from one checkout on different databases never replay each other's
        self.folder = folder / hashlib.sha256(database_url.encode()).hexdigest()[:12]
        self.path = self.folder / f"inbound-{os.getpid()}.jsonl"

    def keep(self, inbound: InboundMessage, received_at: datetime) -> None:
        """Append one message and flush it to disk before the provider is told we have it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"received_at": received_at.isoformat(), "message": asdict(inbound)}) + "\n"
        with self.path.open("a", encoding="utf-8") as journal:
            journal.write(line)
            journal.flush()
            os.fsync(journal.fileno())
        log.warning("inbound.journaled", extra={"provider_sid": inbound.provider_sid})

    def waiting(self) -> bool:
        return any(path.stat().st_size for path in self._files())

    def _files(self) -> list[Path]:
        """This process's file and those of processes no longer running."""
        if not self.folder.exists():
            return []
        return sorted(path for path in self.folder.glob("inbound-*.jsonl")
                      if path == self.path or not _running(path.stem.removeprefix("inbound-")))

    @contextlib.contextmanager
    def claimed(self) -> Iterator[list[tuple[Path, list[tuple[InboundMessage, datetime]]]]]:
        """Every journal file this process can lock now, with its messages; a file is emptied only by
        ``forget`` after its messages were stored."""
        handles: list[Any] = []
        batches: list[tuple[Path, list[tuple[InboundMessage, datetime]]]] = []
        try:
            for path in self._files():
                handle = path.open("r+", encoding="utf-8")
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    handle.close()
                    continue
                handles.append(handle)
                entries = []
                for line in handle.read().splitlines():
                    if not line.strip():
                        continue
                    try:
                        raw = json.loads(line)
                        entries.append((InboundMessage(**raw["message"]),
                                        datetime.fromisoformat(raw["received_at"])))
                    except (ValueError, KeyError, TypeError):
                        log.error("inbound.journal_line_unreadable", extra={"file": path.name})
                if entries:
                    batches.append((path, entries))
            yield batches
        finally:
            for handle in handles:
                handle.close()

    @staticmethod
    def forget(path: Path, count: int) -> None:
        """Drop the first ``count`` messages of ``path`` (stored now); keep any written since."""
        with path.open("r+", encoding="utf-8") as handle:
            lines = [line for line in handle.read().splitlines() if line.strip()]
            handle.seek(0)
            handle.truncate()
            handle.write("".join(line + "\n" for line in lines[count:]))
            handle.flush()
            os.fsync(handle.fileno())
        if path.stat().st_size == 0 and path.name != f"inbound-{os.getpid()}.jsonl":
            with contextlib.suppress(OSError):
                path.unlink()
