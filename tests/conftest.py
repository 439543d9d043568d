"""The whole stack, started once per test run: `outreach serve` (app + simulator + workers) and the real Rasa
engine, on free ports, with a fresh SQLite database. Tests drive it through the doors a user uses."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.core.clock import MovableClock, move_clock_file
from bot.core.db import async_url
from bot.outreach.policy import fixed_offset_zone

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
API_TOKEN = "test-api-token"
# the simulator signs webhooks with a secret drawn per start; the tests give it one so they can sign too
SIMULATOR_TOKEN = uuid.uuid4().hex
ENGINE_TOKEN = uuid.uuid4().hex  # what the app shows the engine; a test knocks without it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


VISIT_TYPES = {"missed_appointment": "physical_therapy", "referral": "specialist", "care_gap": "screening"}


@dataclass(frozen=True)
class Started:
    task_id: str
    phone: str
    provider: str
    slot_ids: list[str]


class Stack:
    """A running stack and the calls tests make against it."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession, engine_port: int, database_url: str,
                 clock_file: Path | None = None) -> None:
        self.base_url = base_url
        self.clock_file = clock_file  # only a clock stack's: the tests move its time
        self.database_url = database_url  # only for letting time pass (moving a record's times), never to check
        # outcomes
        self.engine_port = engine_port
        self.http = session
        self.auth = {"Authorization": f"Bearer {API_TOKEN}"}

    async def add_staff(self, username: str, role: str, team: str = "scheduling", locale: str = "en") -> str:
        """A staff account made the way an admin makes one (``outreach users add``); returns its password."""
        password = f"pw-{uuid.uuid4().hex}"
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "users", "add", username, "--role", role, "--team", team,
            "--locale", locale, "--password-stdin", "--replace", cwd=ROOT,
            env={**os.environ, "OUTREACH_DATABASE_URL": self.database_url}, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output, _ = await process.communicate(password.encode() + b"\n")
        assert process.returncode == 0, output.decode()
        return password

    def now(self) -> datetime:
        """The stack's own time (ahead of this machine's once a test moved its clock)."""
        return datetime.now(UTC) + (MovableClock(self.clock_file).offset() if self.clock_file else timedelta())

    async def move_clock(self, by: timedelta) -> None:
        """Let ``by`` pass for the stack (a clock stack only), then give its workers a moment to notice."""
        assert self.clock_file is not None, "only a clock stack's time can be moved"
        move_clock_file(self.clock_file, by)
        await asyncio.sleep(0.2)

    async def let_time_pass(self, sql: str, params: dict[str, Any]) -> None:
        """Move a record's times (the clock cannot be moved), on whichever database the stack runs."""
        engine = create_async_engine(async_url(self.database_url))
        try:
            async with engine.begin() as connection:
                await connection.execute(text(sql), params)
        finally:
            await engine.dispose()

    async def let_a_week_pass_since_contacts(self, task_id: str) -> None:
        """Move the task's patient's proactive contacts eight days back: the frequency cap lets the next one go."""
        gone = (datetime.now(UTC) - timedelta(days=8)).replace(tzinfo=None)
        await self.let_time_pass("UPDATE proactivecontact SET at = :gone WHERE patient_id = "
                                 "(SELECT patient_id FROM outreachtask WHERE id = :task)",
                                 {"gone": gone, "task": task_id})

    async def create_task(self, body: dict[str, Any], expect: int | None = None) -> dict[str, Any]:
        async with self.http.post(f"{self.base_url}/api/v1/tasks", json=body, headers=self.auth) as response:
            payload = await response.json()
            if expect is not None:
                assert response.status == expect, payload
            return payload

    async def task(self, task_id: str) -> dict[str, Any]:
        async with self.http.get(f"{self.base_url}/api/v1/tasks/{task_id}", headers=self.auth) as response:
            assert response.status == 200
            return await response.json()

    async def events(self, task_id: str) -> list[dict[str, Any]]:
        url = f"{self.base_url}/api/v1/events"
        async with self.http.get(url, params={"task_id": task_id}, headers=self.auth) as response:
            assert response.status == 200
            return (await response.json())["events"]

    async def add_slots(self, provider_id: str, starts: list[datetime], visit_type: str = "physical_therapy"
                        ) -> list[str]:
        body = {"slots": [{"provider_id": provider_id, "starts_at": s.isoformat(), "location": "Test Clinic",
                           "visit_type": visit_type} for s in starts]}
        async with self.http.post(f"{self.base_url}/api/v1/slots", json=body, headers=self.auth) as response:
            assert response.status == 201, await response.text()
            return [slot["id"] for slot in (await response.json())["slots"]]

    async def start_conversation(self, workflow: str = "missed_appointment", *, slots: int = 3,
                                 context: dict[str, Any] | None = None, **patient: Any) -> Started:
        """A fresh provider with ``slots`` open times, a fresh patient, and their task waiting for a reply."""
        provider = f"prov-{uuid.uuid4().hex[:8]}"
        visit_type = VISIT_TYPES.get(workflow, "follow_up")
        slot_ids = await self.add_slots(provider, future_weekday_times(slots), visit_type) if slots else []
        phone = new_phone()
        body = task_body(phone, provider, **patient)
        body["workflow"] = workflow
        body["context"] = {"provider_id": provider, "visit_type": visit_type, **(context or {})}
        task = await self.create_task(body, expect=201)
        await self.wait_for_event(task["id"], "outreach.task.awaiting_reply")
        return Started(task["id"], phone, provider, slot_ids)

    async def reply(self, phone: str, body: str) -> dict[str, Any]:
        async with self.http.post(f"{self.base_url}/sim/phones/{phone}/reply", json={"body": body}) as response:
            assert response.status == 201, await response.text()
            return await response.json()

    async def thread(self, phone: str) -> list[dict[str, Any]]:
        async with self.http.get(f"{self.base_url}/sim/phones/{phone}") as response:
            return (await response.json())["messages"]

    async def texts_to(self, phone: str) -> list[str]:
        return [m["body"] for m in await self.thread(phone) if m["direction"].startswith("outbound")]

    async def wait_for_texts(self, phone: str, count: int, within: float = 20.0) -> list[str]:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            texts = await self.texts_to(phone)
            if len(texts) >= count:
                return texts
            await asyncio.sleep(0.2)
        raise AssertionError(f"{phone} got {await self.texts_to(phone)}, expected {count} texts")

    async def wait_for_event(self, task_id: str, event_type: str, within: float = 20.0) -> dict[str, Any]:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            for event in await self.events(task_id):
                if event["type"] == event_type:
                    return event
            await asyncio.sleep(0.2)
        types = [e["type"] for e in await self.events(task_id)]
        raise AssertionError(f"no {event_type} for task {task_id}; saw {types}")


_AREA_CODES = ("212", "312", "415", "617", "713", "305", "206", "404", "503", "602")
_phones = itertools.count()


def new_phone() -> str:
    """A fresh fictional US number, unique within the run (555-01xx numbers are valid and never assigned)."""
    n = next(_phones)
    return f"+1{_AREA_CODES[n // 100 % len(_AREA_CODES)]}55501{n % 100:02d}"


def daytime_zone() -> str:
    """A zone where it is mid-day now, so the contact window is open whenever the tests run."""
    return fixed_offset_zone(datetime.now(UTC), (10, 18))


def night_zone() -> str:
    return fixed_offset_zone(datetime.now(UTC), (1, 6))


def future_weekday_times(count: int, start_days: int = 2) -> list[datetime]:
    """Slot start times on distinct days, each at 15:00 UTC, well after the earliest-notice window."""
    base = datetime.now(UTC).replace(hour=15, minute=0, second=0, microsecond=0) + timedelta(days=start_days)
    return [base + timedelta(days=i) for i in range(count)]


def task_body(phone: str, provider_id: str, **patient: Any) -> dict[str, Any]:
    return {
        "workflow": "missed_appointment",
        "idempotency_key": str(uuid.uuid4()),
        "patient": {"given_name": "Sam", "family_name": "Test", "phone": phone, "timezone": daytime_zone(),
                    **patient},
        "context": {"visit_type": "physical_therapy", "provider_id": provider_id},
    }


BACKEND = os.environ.get("OUTREACH_TEST_BACKEND", "sqlite")
POSTGRES_SERVER = os.environ.get("OUTREACH_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextlib.contextmanager
def postgres_database(purpose: str) -> Iterator[str]:
    """A fresh PostgreSQL database for this run, dropped afterwards; its plain URL."""
    name = f"outreach_{purpose}_{uuid.uuid4().hex[:8]}"

    async def admin(statement: str) -> None:
        engine = create_async_engine(async_url(POSTGRES_SERVER), isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(statement))
        finally:
            await engine.dispose()

    def run(statement: str) -> None:  # in a thread of its own: callers may be inside a running event loop
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, admin(statement)).result()

    try:
        run(f'CREATE DATABASE "{name}"')
    except Exception as error:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_SERVER} ({error.__class__.__name__}: {error}); "
                    "start it, or set OUTREACH_TEST_POSTGRES", pytrace=False)
    try:
        yield POSTGRES_SERVER.rsplit("/", 1)[0] + f"/{name}"
    finally:
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def database_for(workdir: Path, purpose: str = "stack") -> Iterator[str]:
    """The database the stack runs on: a SQLite file, or a PostgreSQL database (OUTREACH_TEST_BACKEND)."""
    if BACKEND == "postgresql":
        with postgres_database(purpose) as url:
            yield url
    else:
        yield f"sqlite:///{workdir / 'outreach.db'}"


@pytest.fixture(scope="session")
def stack_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with database_for(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def stack_process(tmp_path_factory: pytest.TempPathFactory, stack_database: str) -> Iterator[tuple[str, int, str]]:
    with running_stack(tmp_path_factory.mktemp("stack"), stack_database) as started:
        yield started


@contextlib.contextmanager
def running_stack(workdir: Path, database_url: str, **extra_env: str) -> Iterator[tuple[str, int, str]]:
    """`outreach serve` (app, simulator, workers, the real engine) on free ports, until the block ends."""
    port, engine_port = free_port(), free_port()
    stack_database = database_url
    env = {
        **os.environ,
        "OUTREACH_PORT": str(port),
        "OUTREACH_ENGINE_PORT": str(engine_port),
        "OUTREACH_DATABASE_URL": stack_database,
        "OUTREACH_JOURNAL_DIR": str(workdir / "journal"),
        "OUTREACH_API_TOKEN": API_TOKEN,
        "OUTREACH_ENGINE_TIMEOUT_SECONDS": "4",
        "OUTREACH_SIMULATOR": "on",
        "OUTREACH_ENGINE_TOKEN": ENGINE_TOKEN,
        "OUTREACH_SIMULATOR_AUTH_TOKEN": SIMULATOR_TOKEN,
        **extra_env,
    }
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"):
        env.pop(name, None)
    log_path = workdir / "serve.log"
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"outreach serve exited:\n{log_path.read_text()[-4000:]}")
            if "Outreach bot is running" in log_path.read_text(errors="replace"):
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"stack did not start in time:\n{log_path.read_text()[-4000:]}")
        yield base_url, engine_port, stack_database
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def clock_stack_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, str, Path]]:
    """A stack of its own whose clock the tests move (days pass in a moment); its own database too, so that the
    other tests' times never jump."""
    workdir = tmp_path_factory.mktemp("clock-stack")
    clock_file = workdir / "clock"
    with database_for(workdir, "clock") as url, \
            running_stack(workdir, url, OUTREACH_CLOCK_FILE=str(clock_file)) as (base_url, engine_port, db_url):
        yield base_url, engine_port, db_url, clock_file


@pytest.fixture
async def clock_stack(clock_stack_process: tuple[str, int, str, Path]) -> AsyncIterator[Stack]:
    base_url, engine_port, database_url, clock_file = clock_stack_process
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        yield Stack(base_url, session, engine_port, database_url, clock_file)


@pytest.fixture
async def stack(stack_process: tuple[str, int, str]) -> AsyncIterator[Stack]:
    base_url, engine_port, database_url = stack_process
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        yield Stack(base_url, session, engine_port, database_url)


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    if not HAVE_CHROMIUM:
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it when run as root)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


@pytest.fixture
async def page(browser: Any) -> AsyncIterator[Any]:
    # axe-core is injected as a script; the staff pages' Content-Security-Policy would (rightly) refuse it
    context = await browser.new_context(bypass_csp=True)
    yield await context.new_page()
    await context.close()
