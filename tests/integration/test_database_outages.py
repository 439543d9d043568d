"""When the database cannot take writes (locked by someone else, read-only, gone), the server keeps answering: it
says so on /healthz, and a patient's text is kept (journaled) and answered once the database is back. A large
campaign import never holds other requests up."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
from cluster import API_TOKEN, Cluster
from conftest import BACKEND, POSTGRES_SERVER, Stack, database_for
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.core.db import async_url

LOCKED_SECONDS = 9.0  # longer than the 5 s the app gives the database to store an inbound text


@contextlib.asynccontextmanager
async def database_refusing_writes(database_url: str) -> AsyncIterator[None]:
    """SQLite: another process holds the write lock. PostgreSQL: the database is switched to read-only."""
    if BACKEND == "sqlite":
        path = make_url(database_url).database
        assert path
        released = threading.Event()
        locked = threading.Event()

        def hold_lock() -> None:
            connection = sqlite3.connect(path, timeout=30, isolation_level=None)
            connection.execute("BEGIN EXCLUSIVE")
            locked.set()
            released.wait(60)
            connection.execute("ROLLBACK")
            connection.close()

        holder = threading.Thread(target=hold_lock)
        holder.start()
        locked.wait(30)
        try:
            yield
        finally:
            released.set()
            holder.join()
        return
    name = make_url(database_url).database
    admin = create_async_engine(async_url(POSTGRES_SERVER), isolation_level="AUTOCOMMIT")

    async def read_only(on: bool) -> None:
        async with admin.connect() as connection:
            await connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = '
                                          f"{'on' if on else 'off'}"))
            await connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                          "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})

    await read_only(True)
    try:
        yield
    finally:
        await read_only(False)
        await admin.dispose()


async def _health(stack: Stack) -> tuple[int, dict, float]:  # type: ignore[type-arg]
    started = time.monotonic()
    async with stack.http.get(f"{stack.base_url}/healthz") as response:
        return response.status, await response.json(), time.monotonic() - started


async def test_a_text_that_arrives_while_the_database_refuses_writes_is_kept_and_answered_afterwards(
        stack: Stack) -> None:
    started = await stack.start_conversation(slots=3)
    async with database_refusing_writes(stack.database_url):
        status, body, took = await _health(stack)
        assert status == 503 and body["problems"], body
        assert took < 5, f"/healthz took {took:.1f} s"
        sent_at = time.monotonic()
        answer = await stack.reply(started.phone, "2")  # the simulator reports what our webhook answered
        assert answer["webhook_status"] == 200
        assert time.monotonic() - sent_at < 10
        if BACKEND == "sqlite":
            await asyncio.sleep(max(0.0, LOCKED_SECONDS - (time.monotonic() - sent_at)))
    booked = await stack.wait_for_event(started.task_id, "outreach.appointment.booked", within=40)
    assert booked["data"]["slot_id"] == started.slot_ids[1]
    texts = await stack.wait_for_texts(started.phone, 2)
    assert "You are booked" in texts[1] and len(texts) == 2
    for _ in range(20):
        status, body, _ = await _health(stack)
        if status == 200 and not body["journal_waiting"]:
            break
        await asyncio.sleep(0.5)
    assert status == 200 and not body["journal_waiting"], body


async def test_a_ten_thousand_row_campaign_never_holds_other_requests_up(tmp_path: Path) -> None:
    with database_for(tmp_path, "campaign") as url:  # a web process of its own: nobody contacts these patients
        cluster = Cluster(tmp_path, url)
        cluster.upgrade()
        app = cluster.add_app("web", "web", engines=0, engine_url="http://127.0.0.1:9")
        cluster.start(app)
        try:
            await cluster.wait_ready(app, within=60, healthy=False)
            await _import_while_watching(app.url)
        finally:
            cluster.stop_all()


async def _import_while_watching(base_url: str) -> None:
    rows = ["mrn,given_name,phone,timezone"] + [
        f"BULK-{n},Pat,+1617{300 + n // 100:03d}01{n % 100:02d},America/New_York" for n in range(10_000)]
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    slowest = 0.0
    done = asyncio.Event()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as http:
        async def watch() -> None:
            nonlocal slowest
            while not done.is_set():
                started = time.monotonic()
                async with http.get(f"{base_url}/api/v1/events", params={"limit": "1"}, headers=auth) as response:
                    assert response.status == 200
                slowest = max(slowest, time.monotonic() - started)
                await asyncio.sleep(0.1)

        watcher = asyncio.create_task(watch())
        started = time.monotonic()
        async with http.post(f"{base_url}/api/v1/campaigns", params={"name": "bulk", "workflow": "care_gap"},
                             data="\n".join(rows).encode(), headers={**auth, "Content-Type": "text/csv"}) as response:
            report = await response.json()
            assert response.status == 201, report
        took = time.monotonic() - started
        done.set()
        await watcher
    assert report["tasks_created"] == 10_000, report["errors"][:3]
    assert slowest < 3.0, f"a request waited {slowest:.1f} s while the import ran ({took:.1f} s)"
