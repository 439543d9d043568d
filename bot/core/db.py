"""The database: one async engine per process, units of work, and the URL rules.

SQLite (aiosqlite, WAL) is the embedded default; PostgreSQL (asyncpg) is the backend for several processes.
Nothing outside ``bot.core`` builds engines or sessions: stages hand a plain function of a ``Session`` to
``Database.run``, which runs it as one transaction on the event loop (SQLAlchemy's asyncio extension runs the
function's queries through the async driver, so no database call ever blocks the loop).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlmodel import Session

from bot.core.settings import PROJECT_ROOT

log = logging.getLogger(__name__)

T = TypeVar("T")

# A unit of work that lost a race it cannot see (PostgreSQL deadlock or serialisation failure, two writers
# numbering the same task's events) is run again from the start, this many times in all.
ATTEMPTS = 4
_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
_RETRYABLE_CONSTRAINTS = ("uq_event_subject_sequence",)


# A request waits this long for a connection; past it, it is told the database is busy (503), not left hanging.
POOL_WAIT_SECONDS = 10


class DatabaseUrlError(ValueError):
    """OUTREACH_DATABASE_URL names a database this service cannot use."""


def async_url(database_url: str) -> str:
    """The SQLAlchemy URL with the async driver: ``postgresql://…`` → asyncpg, ``sqlite:///…`` → aiosqlite."""
    try:
        url = make_url(database_url)
    except Exception:
        raise DatabaseUrlError(f"OUTREACH_DATABASE_URL is not a database URL: {database_url!r}") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    if backend == "sqlite":
        return url.set(drivername="sqlite+aiosqlite").render_as_string(hide_password=False)
    raise DatabaseUrlError(f"OUTREACH_DATABASE_URL must be sqlite:///path or postgresql://…, not {backend}://")


def is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


def sqlite_path(database_url: str) -> Path | None:
    database = make_url(database_url).database
    return Path(database) if database and database != ":memory:" else None


def make_engine(database_url: str) -> AsyncEngine:
    """The process's engine. ``hide_parameters``: an error's text (and so a logged traceback) never carries a
    statement's values (phones, names, message texts)."""
    url = async_url(database_url)
    if is_sqlite(database_url):
        path = sqlite_path(database_url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # One connection: SQLite takes one writer at a time anyway, and a queue for the connection is fairer
        # (and never "database is locked") than writers polling for the file lock.
        engine = create_async_engine(url, pool_size=1, max_overflow=0, pool_timeout=POOL_WAIT_SECONDS,
                                     connect_args={"timeout": 30}, hide_parameters=True)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    # a few connections a process (PostgreSQL serves ~100 in all, shared by every process and the engines)
    # A fixed number of connections (ones opened past the pool's size are closed again when returned, and a new
    # one costs far more than waiting for a free one), and no ping before each use (a round trip a transaction):
    # a connection the server dropped fails its unit of work, which is run again on a fresh one.
    return create_async_engine(url, pool_size=8, max_overflow=0, pool_timeout=POOL_WAIT_SECONDS,
                               pool_recycle=1800, hide_parameters=True)


_NETWORK_ERRNOS = frozenset({errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EHOSTUNREACH,
                             errno.ENETUNREACH, errno.ETIMEDOUT, errno.EPIPE, errno.ENOTCONN})


def is_unavailable(error: BaseException) -> bool:
    """The database could not be reached, was locked too long, or refused writes: try again later."""
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    network = isinstance(error, ConnectionError | TimeoutError | socket.gaierror) or (
        isinstance(error, OSError) and error.errno in _NETWORK_ERRNOS)  # not any OSError: a bad file name is no outage
    return network or isinstance(error, PoolTimeout | OperationalError) or (
        isinstance(error, DBAPIError) and "read-only" in str(error))


def _retryable(error: Exception) -> bool:
    if "too many clients" in str(error) or "the database system is starting up" in str(error):
        return True  # the server is full or restarting for a moment
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True  # the server dropped the connection (restart, idle timeout): a fresh one is used
    if isinstance(error, IntegrityError):
        return any(name in str(error.orig) for name in _RETRYABLE_CONSTRAINTS)
    if isinstance(error, DBAPIError):
        code = getattr(error.orig, "sqlstate", None) or getattr(getattr(error.orig, "__cause__", None),
                                                                 "sqlstate", None)
        return code in _RETRYABLE_SQLSTATES
    return False


class Database:
    """The process's database: units of work, a health probe, and its lifetime."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.engine = make_engine(database_url)
        self.backend = "sqlite" if is_sqlite(database_url) else "postgresql"
        self._probe: asyncio.Task[None] | None = None

    async def run(self, work: Callable[[Session], T]) -> T:
        """Run ``work(session)`` as one transaction: committed when it returns, rolled back if it raises.
        A unit of work that lost a race with another process is run again (it must read what it changes)."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with AsyncSession(self.engine, expire_on_commit=False, sync_session_class=Session) as session:
                    async with session.begin():
                        return await session.run_sync(work)
            except (IntegrityError, OperationalError, DBAPIError) as error:
                if attempt == ATTEMPTS or not _retryable(error):
                    raise
                log.info("db.retry", extra={"attempt": attempt, "error": error.__class__.__name__})
                await asyncio.sleep(0.05 * 2 ** attempt)
        raise AssertionError("unreachable")

    async def problem(self, within_seconds: float = 2.0) -> str | None:
        """None when the database takes a write within ``within_seconds``; else why not. A check still waiting
        on a lock is left to finish on its own (cancelling it would wait for the lock as well)."""
        if self._probe is None or self._probe.done():
            self._probe = asyncio.get_running_loop().create_task(self._write_check())
        done, _ = await asyncio.wait({self._probe}, timeout=within_seconds)
        if not done:
            return f"database did not take a write within {within_seconds:.0f} s (locked or unreachable)"
        error = self._probe.exception()
        if error is not None:
            detail = str(getattr(error, "orig", None) or error).splitlines()[0][:120]
            return f"database unavailable: {detail}"
        return None

    async def _write_check(self) -> None:
        """A write that changes nothing: blocked by another writer's lock, refused by a read-only database."""
        async with self.engine.begin() as connection:
            await connection.execute(text("UPDATE addresslease SET owner = owner WHERE 1 = 0"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def upgrade_database(database_url: str) -> None:
    """Bring the schema to the newest Alembic revision (called before the event loop starts)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "bot" / "core" / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    path = sqlite_path(database_url) if is_sqlite(database_url) else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(config, "head")
