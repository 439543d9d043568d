"""Load benchmark: openings per second, replies answered per second (open loop) and the engine's own rate.

Talks only to the public HTTP API, the Twilio simulator and the engine's HTTP API, all on 127.0.0.1. It never
imports the app's database layer: every result is read from what the simulated phones received.

It starts its own stack (SQLite or a fresh PostgreSQL database; app, engine replica(s), workers and the
simulator as child processes on free ports) and stops it at the end, or measures an existing one (--url).

    .venv/bin/python bench/load.py --backend sqlite --tasks 1000 --rates 25,50,100 --seconds 10
    .venv/bin/python bench/load.py --backend postgresql --workers 2 --webs 2 --engines 2 --json out.json
    .venv/bin/python bench/load.py --backend postgresql --profile          # py-spy during the 50/s phase

Phases (every loop bounded in count and time):
1. openings: POST --tasks missed_appointment tasks (each patient its own provider with 3 open slots, a time
   zone where it is daytime now), then wait until every phone holds its opening text. tasks/s = tasks /
   (last opening's simulator timestamp - first POST).
2. replies: for each offered rate R, fresh patients who hold their opening reply "1" on a fixed schedule (R a
   second for --seconds, sent on time whatever the answers do). Answered = "You are booked" on that phone
   within --answer-timeout seconds after the last send; latency = the simulator's timestamp of the
   confirmation - the moment the reply was posted.
3. engine: POST /model/parse with the same text at full concurrency (--parse-clients) for --seconds.
Per phase the CPU time of every process of the stack is sampled from /proc (which part is saturated).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
OUTREACH = ROOT / ".venv" / "bin" / "outreach"
PY_SPY = ROOT / ".venv" / "bin" / "py-spy"
PROFILES = ROOT / "var" / "profiles"
POSTGRES_ADMIN = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
AREA_CODES = ("212", "312", "415", "617", "202", "213", "305", "404", "503", "602", "713", "206")
BOOKED = "You are booked"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def say(text: str) -> None:
    print(text, flush=True)


def daytime_zone() -> str:
    """An Etc/GMT±N zone where it is 10:00-18:00 now (as bot.outreach.policy.fixed_offset_zone)."""
    now = datetime.now(UTC)
    for offset in range(-12, 15):
        name = f"Etc/GMT{'+' if offset <= 0 else '-'}{abs(offset)}"
        if 10 <= now.astimezone(ZoneInfo(name)).hour < 18:
            return name
    raise RuntimeError("no whole-hour zone is in daytime now")


def free_port(pair: bool = False) -> int:
    """A free TCP port on 127.0.0.1 (with ``pair``, the next port is free too: engine replicas)."""
    for _ in range(200):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if not pair or port >= 65535:
            return port
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


def _output(command: list[str]) -> str:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()


def machine_load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# -- processes and their CPU time -----------------------------------------------------------------------------
def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a live process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / CLK_TCK


def _all_processes() -> dict[int, tuple[int, float, str]]:
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        stat = _stat(int(entry))
        if stat is None:
            continue
        try:
            name = Path(f"/proc/{entry}/comm").read_text().strip()
        except OSError:
            name = "?"
        found[int(entry)] = (stat[0], stat[1], name)
    return found


class CpuMeter:
    """CPU seconds used by each named process of the stack and its descendants (engine replicas), plus every
    PostgreSQL process on the machine (``postgres``: shared with anything else using the server)."""

    def __init__(self) -> None:
        self.roots: dict[str, int] = {}

    def snapshot(self) -> dict[str, float]:
        processes = _all_processes()
        children: dict[int, list[int]] = defaultdict(list)
        for pid, (ppid, _, _) in processes.items():
            children[ppid].append(pid)
        usage: dict[str, float] = defaultdict(float)
        for label, root in self.roots.items():
            if root not in processes:
                continue
            usage[label] += processes[root][1]
            stack = list(children[root])
            while stack:  # an engine replica is a child of its app: counted apart
                pid = stack.pop()
                usage[f"{label}/engine" if processes[pid][2].startswith(("rasa", "python")) else label] += \
                    processes[pid][1]
                stack.extend(children[pid])
        usage["postgres"] = sum(cpu for _, cpu, name in processes.values() if name.startswith("postgres"))
        return dict(usage)

    @staticmethod
    def share(before: dict[str, float], after: dict[str, float], seconds: float) -> dict[str, float]:
        """Cores used over ``seconds`` by each part (1.0 = one core busy all the time)."""
        return {k: round((after.get(k, 0.0) - before.get(k, 0.0)) / seconds, 2) for k in after
                if seconds > 0 and after.get(k, 0.0) - before.get(k, 0.0) > 0.005}


@dataclass
class Stack:
    """What the benchmark talks to, and (when it started them) the processes and database to clean up."""

    url: str  # the API (web process A)
    sim_url: str
    api_token: str
    engine_url: str | None
    engine_token: str | None
    description: str
    app_pid: int | None = None  # the process to profile (web A / the one process)
    processes: list[tuple[str, subprocess.Popen[bytes]]] = field(default_factory=list)
    workdir: Path | None = None
    database: str | None = None
    engine_ports: list[int] = field(default_factory=list)


def _psql(statement: str) -> None:
    subprocess.run(["psql", POSTGRES_ADMIN, "-v", "ON_ERROR_STOP=1", "-q", "-c", statement], check=True,
                   capture_output=True)


def _spawn(stack: Stack, label: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    assert stack.workdir is not None
    log = (stack.workdir / f"{label}.log").open("ab")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    stack.processes.append((label, process))
    return process


async def _wait_healthy(stack: Stack, label: str, process: subprocess.Popen[bytes], url: str,
                        limit: float = 240.0) -> None:
    deadline = time.monotonic() + limit
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{label} exited ({process.returncode}); see {stack.workdir}/{label}.log")
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                async with http.get(url, timeout=aiohttp.ClientTimeout(total=3)) as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.5)
    raise RuntimeError(f"{label} not healthy within {limit:.0f} s; see {stack.workdir}/{label}.log")


async def start_stack(args: argparse.Namespace) -> Stack:
    workdir = Path(tempfile.mkdtemp(prefix="outreach-load-"))
    api_token, engine_token, callback_token = (secrets.token_hex(12) for _ in range(3))
    sim_port, web_a, engine_port = free_port(), free_port(), free_port(pair=args.engines > 1)
    if args.backend == "sqlite":
        database_url, database = f"sqlite:///{workdir / 'outreach.db'}", None
    else:
        database = f"outreach_load_{uuid.uuid4().hex[:8]}"
        _psql(f'CREATE DATABASE "{database}"')
        database_url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{database}"
    stack = Stack(url=f"http://127.0.0.1:{web_a}", sim_url=f"http://127.0.0.1:{sim_port}", api_token=api_token,
                  engine_url=f"http://127.0.0.1:{engine_port}", engine_token=engine_token, description="",
                  workdir=workdir, database=database,
                  engine_ports=[engine_port + i for i in range(max(args.engines, 1))])
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OUTREACH_", "TWILIO_"))}
    base.update(OUTREACH_DATABASE_URL=database_url, OUTREACH_API_TOKEN=api_token,
                OUTREACH_ENGINE_TOKEN=engine_token, OUTREACH_ENGINE_CALLBACK_TOKEN=callback_token,
                OUTREACH_SIMULATOR_URL=stack.sim_url, OUTREACH_SIMULATOR_AUTH_TOKEN=uuid.uuid4().hex,
                OUTREACH_JOURNAL_DIR=str(workdir / "journal"))
    try:
        upgrade = await asyncio.to_thread(subprocess.run, [str(OUTREACH), "db", "upgrade"], cwd=ROOT, env=base,
                                          capture_output=True, text=True, check=False)
        if upgrade.returncode != 0:
            raise RuntimeError(f"outreach db upgrade failed:\n{upgrade.stdout}{upgrade.stderr}")
        webs = [web_a]
        split = args.backend == "postgresql" and args.workers > 1
        first_role = "web" if split else "all"
        env_a = base | {"OUTREACH_PORT": str(web_a), "OUTREACH_ENGINE_PORT": str(engine_port)}
        command = [str(OUTREACH), "serve", "--engines", str(args.engines)]
        if args.backend == "postgresql":
            command += ["--role", first_role]
        app = _spawn(stack, "web-a" if split else "app", command, env_a)
        stack.app_pid = app.pid
        await _wait_healthy(stack, "web-a" if split else "app", app, f"{stack.url}/healthz")
        shared = base | {"OUTREACH_ENGINE_URL": stack.engine_url, "OUTREACH_PUBLIC_URL": stack.url}
        followers = []
        if split:
            for n in range(args.workers):
                port = free_port()
                followers.append((f"worker-{n + 1}", port, _spawn(
                    stack, f"worker-{n + 1}", [str(OUTREACH), "serve", "--role", "worker", "--engines", "0"],
                    shared | {"OUTREACH_PORT": str(port)})))
            for n in range(1, args.webs):
                port = free_port()
                webs.append(port)
                followers.append((f"web-{chr(ord('a') + n)}", port, _spawn(
                    stack, f"web-{chr(ord('a') + n)}", [str(OUTREACH), "serve", "--role", "web", "--engines", "0"],
                    base | {"OUTREACH_PORT": str(port), "OUTREACH_ENGINE_URL": stack.engine_url})))
        webhooks = [arg for port in webs for arg in ("--webhook", f"http://127.0.0.1:{port}/channels/sms/inbound")]
        sim = _spawn(stack, "simulator", [str(OUTREACH), "simulator", "--port", str(sim_port), *webhooks], base)
        for label, port, process in followers:
            await _wait_healthy(stack, label, process, f"http://127.0.0.1:{port}/healthz")
        await _wait_healthy(stack, "simulator", sim, f"{stack.sim_url}/sim/phones")
        parts = [f"{args.backend}", f"{args.workers if split else 1} worker(s)",
                 f"{len(webs)} web process(es)" if split else "one process (role all)",
                 f"{args.engines} engine replica(s)", "simulator in its own process"]
        stack.description = ", ".join(parts)
        return stack
    except BaseException:
        stop_stack(stack)
        raise


def stop_stack(stack: Stack) -> None:
    for _, process in reversed(stack.processes):
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for _, process in stack.processes:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    for port in stack.engine_ports:  # replicas die with their app (PDEATHSIG); make sure of it
        pid_file = ROOT / "var" / "run" / f"engine-{port}.pid"
        with contextlib.suppress(OSError, ValueError, ProcessLookupError):
            pid = int(pid_file.read_text())
            if b"rasa" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.killpg(pid, signal.SIGKILL)
    if stack.database:
        for _ in range(5):
            try:
                _psql(f'DROP DATABASE IF EXISTS "{stack.database}" WITH (FORCE)')
                break
            except subprocess.CalledProcessError:
                time.sleep(1)
    if stack.workdir and stack.workdir.exists():
        keep = ROOT / "var" / "load-logs" / stack.workdir.name
        keep.mkdir(parents=True, exist_ok=True)
        for log in stack.workdir.glob("*.log"):
            shutil.copy(log, keep / log.name)
        shutil.rmtree(stack.workdir, ignore_errors=True)
        say(f"logs kept in {keep.relative_to(ROOT)}")


# -- the simulator, read efficiently -----------------------------------------------------------------------------
def _ts(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


async def listing(http: aiohttp.ClientSession, sim_url: str) -> dict[str, dict[str, Any]]:
    """Every phone with its message count, last body and last time: one request however many phones."""
    async with http.get(f"{sim_url}/sim/phones") as response:
        response.raise_for_status()
        return {item["phone"]: item for item in (await response.json())["phones"]}


async def thread(http: aiohttp.ClientSession, sim_url: str, phone: str) -> list[dict[str, Any]]:
    async with http.get(f"{sim_url}/sim/phones/{phone}") as response:
        return (await response.json())["messages"]


class Phones:
    """Fresh, valid, unique phone numbers (none the simulator has seen)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.area = random.randrange(len(AREA_CODES))
        self.n = random.randrange(0, 5000)

    def next(self) -> str:
        while True:
            self.n += 1
            if self.n >= 10000:
                self.n, self.area = 0, (self.area + 1) % len(AREA_CODES)
            phone = f"+1{AREA_CODES[self.area]}555{self.n:04d}"
            if phone not in self.taken:
                self.taken.add(phone)
                return phone


async def publish_slots(http: aiohttp.ClientSession, stack: Stack, providers: list[str]) -> None:
    start = datetime.now(UTC).replace(hour=15, minute=0, second=0, microsecond=0) + timedelta(days=2)
    slots = [{"provider_id": p, "starts_at": (start + timedelta(days=i)).isoformat(),
              "visit_type": "physical_therapy"} for p in providers for i in range(3)]
    auth = {"Authorization": f"Bearer {stack.api_token}"}
    for i in range(0, len(slots), 900):
        async with http.post(f"{stack.url}/api/v1/slots", json={"slots": slots[i:i + 900]}, headers=auth) as r:
            if r.status != 201:
                raise RuntimeError(f"POST /api/v1/slots: {r.status} {await r.text()}")


async def open_patients(http: aiohttp.ClientSession, stack: Stack, phones: Phones, count: int, run: str,
                        limit: float) -> dict[str, Any]:
    """Create ``count`` tasks (after publishing their slots) and wait for every opening text."""
    zone = daytime_zone()
    patients = [(phones.next(), f"load-{run}-{uuid.uuid4().hex[:10]}") for _ in range(count)]
    await publish_slots(http, stack, [provider for _, provider in patients])
    auth = {"Authorization": f"Bearer {stack.api_token}"}
    gate = asyncio.Semaphore(16)
    errors: Counter[str] = Counter()

    async def post(phone: str, provider: str) -> None:
        body = {"workflow": "missed_appointment", "idempotency_key": f"{provider}-task",
                "patient": {"given_name": "Bench", "family_name": "Load", "phone": phone, "timezone": zone,
                            "mrn": f"MRN-{provider}"},
                "context": {"provider_id": provider, "visit_type": "physical_therapy"}}
        async with gate:
            try:
                async with http.post(f"{stack.url}/api/v1/tasks", json=body, headers=auth) as response:
                    if response.status != 201:
                        errors[f"HTTP {response.status}: {(await response.text())[:120]}"] += 1
            except (aiohttp.ClientError, TimeoutError) as error:
                errors[error.__class__.__name__] += 1

    first_post = time.time()
    await asyncio.gather(*(post(phone, provider) for phone, provider in patients))
    posted = time.time()
    wanted = {phone for phone, _ in patients}
    opened: dict[str, float] = {}
    counts: dict[str, int] = {}
    deadline = time.monotonic() + limit
    while len(opened) < len(wanted) and time.monotonic() < deadline:
        for phone, item in (await listing(http, stack.sim_url)).items():
            if phone in wanted and phone not in opened and item["count"] >= 1:
                opened[phone] = _ts(item["last_at"])
        await asyncio.sleep(0.25)
    await asyncio.sleep(0.3)  # an opening of several texts: let the rest arrive before counting
    for phone, item in (await listing(http, stack.sim_url)).items():
        if phone in wanted:
            counts[phone] = item["count"]
    last = max(opened.values(), default=posted)
    return {"tasks": count, "opened": len(opened), "post_errors": dict(errors),
            "post_seconds": round(posted - first_post, 2), "posted_per_second": round(count / (posted - first_post), 1),
            "seconds": round(last - first_post, 2),
            "openings_per_second": round(len(opened) / (last - first_post), 1) if opened else 0.0,
            "phones": sorted(opened), "counts": counts}


async def settle(http: aiohttp.ClientSession, sim_url: str, quiet: float = 12.0, limit: float = 90.0) -> float:
    """Wait until no phone gets a new text for ``quiet`` seconds (what an earlier phase left queued or is
    retrying finishes first), at most ``limit`` seconds. Returns the seconds waited."""
    started = last_change = time.monotonic()
    seen = -1
    while time.monotonic() - started < limit:
        total = sum(item["count"] for item in (await listing(http, sim_url)).values())
        if total != seen:
            seen, last_change = total, time.monotonic()
        elif time.monotonic() - last_change >= quiet:
            break
        await asyncio.sleep(0.5)
    return round(time.monotonic() - started, 1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


def ms(seconds: float) -> int | None:
    return None if seconds != seconds else round(seconds * 1000)  # NaN (nothing measured): None


async def reply_phase(stack: Stack, phones: list[str], counts: dict[str, int], rate: float, seconds: float,
                      answer_timeout: float) -> dict[str, Any]:
    """Open loop: reply "1" from phone i at t0 + i/rate, whatever the answers do; then collect the answers."""
    total = len(phones)
    sent_at: dict[str, float] = {}
    webhook: Counter[str] = Counter()
    lateness: list[float] = []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as send_http, \
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as poll_http:

        async def send(phone: str) -> None:
            sent_at[phone] = time.time()
            try:
                async with send_http.post(f"{stack.sim_url}/sim/phones/{phone}/reply", json={"body": "1"}) as r:
                    status = (await r.json()).get("webhook_status") if r.status == 201 else f"sim {r.status}"
                    webhook[str(status)] += 1
            except (aiohttp.ClientError, TimeoutError) as error:
                webhook[error.__class__.__name__] += 1

        answered: dict[str, float] = {}
        others: dict[str, str] = {}
        done = asyncio.Event()

        async def collect() -> None:
            while not done.is_set() or len(answered) < len(sent_at):
                try:
                    items = await listing(poll_http, stack.sim_url)
                except (aiohttp.ClientError, TimeoutError):
                    items = {}
                for phone in list(sent_at):
                    item = items.get(phone)
                    if item is None or phone in answered:
                        continue
                    if item["last_body"].startswith(BOOKED):
                        answered[phone] = _ts(item["last_at"])
                        others.pop(phone, None)
                    elif item["count"] >= counts.get(phone, 1) + 2:
                        others[phone] = item["last_body"]
                if done.is_set() and (time.monotonic() > collect_deadline or len(answered) == len(sent_at)):
                    return
                await asyncio.sleep(0.5)

        collect_deadline = float("inf")
        collector = asyncio.create_task(collect())
        senders = []
        t0 = time.monotonic() + 0.2
        for i, phone in enumerate(phones):
            due = t0 + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            lateness.append(max(0.0, time.monotonic() - due))
            senders.append(asyncio.create_task(send(phone)))
        first_send = min(sent_at.values())
        last_send = max(sent_at.values())
        collect_deadline = time.monotonic() + answer_timeout
        done.set()
        await asyncio.gather(*senders)
        await collector
        # a confirmation followed by another text hides from the listing: read those threads
        for phone in list(others):
            if any(m["body"].startswith(BOOKED) for m in await thread(poll_http, stack.sim_url, phone)):
                booked = next(m for m in await thread(poll_http, stack.sim_url, phone) if m["body"].startswith(BOOKED))
                answered[phone] = _ts(booked["created_at"])
                others.pop(phone)
    latencies = [answered[p] - sent_at[p] for p in answered]
    span = (max(answered.values()) - first_send) if answered else float("nan")
    return {
        "offered_per_second": rate, "seconds": seconds, "sent": total,
        "send_span_seconds": round(last_send - first_send, 2),
        "sender_late_p95_ms": round(percentile(lateness, 0.95) * 1000, 1),
        "answered": len(answered), "answered_per_second": round(len(answered) / span, 1) if answered else 0.0,
        "p50_ms": ms(percentile(latencies, 0.5)), "p95_ms": ms(percentile(latencies, 0.95)),
        "max_ms": ms(max(latencies)) if latencies else None,
        "webhook_status": dict(webhook), "other_last_texts": dict(Counter(b[:60] for b in others.values())),
        "unanswered": total - len(answered), "unanswered_phones": sorted(set(sent_at) - set(answered)),
    }


async def engine_rate(stack: Stack, seconds: float, clients: int, text: str = "1") -> dict[str, Any]:
    if not stack.engine_url or not stack.engine_token:
        return {"skipped": "no engine URL/token (pass --engine-url and --engine-token with --url)"}
    urls = [f"http://127.0.0.1:{port}" for port in stack.engine_ports] or [stack.engine_url]
    done = 0
    errors: Counter[str] = Counter()
    latencies: list[float] = []
    end = time.monotonic() + seconds
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        async def client(n: int) -> None:
            nonlocal done
            base = urls[n % len(urls)]
            while time.monotonic() < end:
                started = time.monotonic()
                try:
                    async with http.post(f"{base}/model/parse", params={"token": stack.engine_token},
                                         json={"text": text}) as response:
                        await response.read()
                        if response.status == 200:
                            done += 1
                            latencies.append(time.monotonic() - started)
                        else:
                            errors[f"HTTP {response.status}"] += 1
                except (aiohttp.ClientError, TimeoutError) as error:
                    errors[error.__class__.__name__] += 1
        started = time.monotonic()
        await asyncio.gather(*(client(n) for n in range(clients)))
        elapsed = time.monotonic() - started
    return {"clients": clients, "replicas": len(urls), "seconds": round(elapsed, 2), "parses": done,
            "parses_per_second": round(done / elapsed, 1), "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
            "errors": dict(errors)}


# -- profiling --------------------------------------------------------------------------------------------------
def start_profiles(stack: Stack, label: str, seconds: float) -> list[tuple[str, subprocess.Popen[bytes], Path]]:
    PROFILES.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    targets = [("app", stack.app_pid)]
    for port in stack.engine_ports[:1]:
        with contextlib.suppress(OSError, ValueError):
            targets.append(("engine", int((ROOT / "var" / "run" / f"engine-{port}.pid").read_text())))
    running = []
    for name, pid in targets:
        if pid is None:
            continue
        out = PROFILES / f"{stamp}-{label}-{name}.raw.txt"
        process = subprocess.Popen([str(PY_SPY), "record", "--pid", str(pid), "--format", "raw", "--function",
                                    "--full-filenames", "--idle", "--rate", "100", "--duration",
                                    str(int(seconds)), "--nonblocking", "--output", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        running.append((name, process, out))
    return running


AREAS = (  # where a frame's file lives -> what part of the work it is
    ("/bot/", "app code (bot/)"), ("/channels/", "channels (twilio client wrapper)"),
    ("sqlalchemy", "SQLAlchemy ORM/core"), ("sqlmodel", "SQLAlchemy ORM/core"), ("asyncpg", "asyncpg driver"),
    ("aiosqlite", "aiosqlite driver"), ("sqlite3", "aiosqlite driver"), ("twilio", "twilio client"),
    ("aiohttp", "aiohttp (HTTP server/client)"), ("yarl", "aiohttp (HTTP server/client)"),
    ("multidict", "aiohttp (HTTP server/client)"), ("jinja2", "jinja2 templates"), ("babel", "babel (dates)"),
    ("requests", "requests/urllib3"), ("urllib3", "requests/urllib3"), ("json", "json"),
    ("logging", "logging"), ("pythonjsonlogger", "logging"), ("asyncio", "asyncio loop"),
    ("concurrent", "threads"), ("threading", "threads"), ("pydantic", "pydantic"),
    ("rasa", "rasa"), ("sanic", "sanic (engine HTTP)"), ("sklearn", "scikit-learn"), ("numpy", "numpy"),
    ("scipy", "scipy"), ("tensorflow", "tensorflow"), ("sklearn_crfsuite", "crfsuite"), ("pycrfsuite", "crfsuite"),
    ("/engine/", "engine components (engine/)"), ("spacy", "spacy"), ("psycopg", "psycopg"),
)


def _area(frame: str) -> str:
    path = frame[frame.rfind("(") + 1:]
    for needle, area in AREAS:
        if needle in path:
            return area
    return "other (stdlib/site)"


# Leaves that are the event loop waiting for I/O (py-spy cannot see that a C event loop sleeps): not CPU work.
IDLE_LEAVES = ("EpollSelector.select (", "serve (", "select (", "poll (")


def summarise_profile(path: Path, own: tuple[str, ...], top: int = 15) -> dict[str, Any]:
    """Self and total share per function and self share per area, from py-spy's collapsed stacks (wall clock:
    recorded with --idle, so a blocking call shows where the thread waits). Shares are of the samples when the
    event loop was not waiting for work (its waits are counted apart, as idle)."""
    self_time: Counter[str] = Counter()
    total_time: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    samples = idle = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [f for f in stack.split(";") if not f.startswith(("process ", "thread "))]
        if not frames or frames[0].startswith("_bootstrap ("):  # only the main thread (the event loop)
            continue
        if frames[-1].startswith(IDLE_LEAVES) and ("selectors.py" in frames[-1] or "sanic" in frames[-1]):
            idle += count
            continue
        samples += count
        self_time[frames[-1]] += count
        areas[_area(frames[-1])] += count
        for frame in set(frames):
            total_time[frame] += count

    def short(frame: str) -> str:
        name, _, where = frame.partition(" (")
        where = where.rstrip(")")
        for marker in ("site-packages/", "/lib/python3", str(ROOT) + "/"):
            if marker in where:
                where = where.split(marker, 1)[1]
        return f"{name} ({where})"

    def pct(n: int) -> float:
        return round(100 * n / samples, 1) if samples else 0.0

    return {"samples": samples, "idle_samples": idle, "file": str(path.relative_to(ROOT)),
            "self_by_area": [(a, pct(n)) for a, n in areas.most_common(12)],
            "top_self": [(short(f), pct(n)) for f, n in self_time.most_common(top)],
            "top_total": [(short(f), pct(n)) for f, n in total_time.most_common(top * 3)
                          if any(marker in f for marker in own)][:top]}


def finish_profiles(running: list[tuple[str, subprocess.Popen[bytes], Path]]) -> dict[str, Any]:
    summaries = {}
    for name, process, out in running:
        try:
            _, err = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGINT)
            _, err = process.communicate(timeout=30)
        if not out.exists():
            summaries[name] = {"error": err.decode(errors="replace")[-500:]}
            continue
        summary = summarise_profile(out, ("/bot/", "/channels/") if name == "app" else ("/rasa/", "/engine/"))
        text = out.with_suffix("").with_suffix(".summary.txt")
        lines = [f"{name}: {summary['samples']} samples at 100/s of the main thread not waiting for work, "
                 f"{summary['idle_samples']} more with the event loop idle, from {summary['file']}", "",
                 "self time by area:"] + [f"  {p:5.1f}%  {a}" for a, p in summary["self_by_area"]] + \
                ["", "top functions, self time:"] + [f"  {p:5.1f}%  {f}" for f, p in summary["top_self"]] + \
                ["", "own functions, total time (inclusive):"] + [f"  {p:5.1f}%  {f}" for f, p in summary["top_total"]]
        text.write_text("\n".join(lines) + "\n")
        summary["summary_file"] = str(text.relative_to(ROOT))
        summaries[name] = summary
    return summaries


# -- the run ----------------------------------------------------------------------------------------------------
async def measure(args: argparse.Namespace, stack: Stack, meter: CpuMeter, result: dict[str, Any]) -> None:
    """Fills ``result`` as it goes (a run that fails half-way still reports what it measured)."""
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    needed = [max(1, round(r * args.seconds)) for r in rates]
    result.update({"configuration": stack.description, "started": datetime.now(UTC).isoformat(),
                              "commit": _output(["git", "rev-parse", "--short", "HEAD"]), "uptime": _output(["uptime"]),
                              "load_before": machine_load(), "tasks": args.tasks, "rates": rates,
                              "seconds": args.seconds, "cpu_cores_used": {}, "replies": []})
    run = uuid.uuid4().hex[:6]
    # the engine alone first, on the idle stack (after the reply phases it would share the machine with the
    # retries of whatever those left unanswered)
    say(f"[{time.strftime('%H:%M:%S')}] engine alone: /model/parse, {args.parse_clients} clients, "
        f"{args.seconds:g} s (load {machine_load()})")
    before, t = meter.snapshot(), time.monotonic()
    result["engine"] = await engine_rate(stack, args.seconds, args.parse_clients)
    result["cpu_cores_used"]["engine parse"] = meter.share(before, meter.snapshot(), time.monotonic() - t)
    say(f"  {json.dumps(result['engine'])}")
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        phones = Phones(set(await listing(http, stack.sim_url)))
        say(f"[{time.strftime('%H:%M:%S')}] phase 1: {args.tasks} openings (load {machine_load()})")
        before, t = meter.snapshot(), time.monotonic()
        opening = await open_patients(http, stack, phones, args.tasks, run, args.open_timeout)
        result["cpu_cores_used"]["openings"] = meter.share(before, meter.snapshot(), time.monotonic() - t)
        pool, counts = list(opening.pop("phones")), opening.pop("counts")
        result["openings"] = opening
        say(f"  {json.dumps(opening)}")
        extra = sum(needed) - len(pool)
        if extra > 0:
            say(f"  opening {extra} more patients for the reply phases (not timed)")
            more = await open_patients(http, stack, phones, extra, run + "x", args.open_timeout)
            pool += more["phones"]
            counts |= more["counts"]
            result["openings_extra"] = {k: v for k, v in more.items() if k not in ("phones", "counts")}
    random.shuffle(pool)
    poll = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))

    async def settle_after(previous: dict[str, Any] | None) -> None:
        waited = await settle(poll, stack.sim_url)
        if previous is not None:  # replies past the timeout (retried after a holding reply) still booked?
            late = previous.pop("unanswered_phones")
            items = await listing(poll, stack.sim_url)
            previous["booked_after_timeout"] = sum(1 for p in late if items[p]["last_body"].startswith(BOOKED))
            previous["late_last_texts"] = dict(Counter(items[p]["last_body"][:60] for p in late).most_common(6))
            # what a patient whose reply timed out finally read: every text after their "1"
            sample = late[:40]
            threads = [await thread(poll, stack.sim_url, p) for p in sample]
            previous["late_threads_sample"] = dict(Counter(
                " | ".join(m["body"][:40] for m in t[counts.get(p, 1):]) for p, t in zip(sample, threads, strict=True)
            ).most_common(5))
            previous["settled_after_seconds"] = waited
        say(f"  settled in {waited} s")

    for rate, count in zip(rates, needed, strict=True):
        batch, pool = pool[:count], pool[count:]
        if len(batch) < count:
            say(f"  only {len(batch)} opened patients left for {rate}/s")
        await settle_after(result["replies"][-1] if result["replies"] else None)
        say(f"[{time.strftime('%H:%M:%S')}] phase 2: {rate:g} replies/s for {args.seconds:g} s "
            f"({len(batch)} patients, load {machine_load()})")
        profiling = start_profiles(stack, f"replies{rate:g}", args.seconds + 6) \
            if args.profile and rate == args.profile_rate else []
        before, t = meter.snapshot(), time.monotonic()
        phase = await reply_phase(stack, batch, counts, rate, args.seconds, args.answer_timeout)
        # CPU over the sending window plus whatever it took to answer (bounded by the timeout)
        result["cpu_cores_used"][f"replies {rate:g}/s"] = meter.share(before, meter.snapshot(), time.monotonic() - t)
        if profiling:
            result["profile"] = finish_profiles(profiling)
        result["replies"].append(phase)
        say(f"  {json.dumps({k: v for k, v in phase.items() if k != 'unanswered_phones'})}")
    await settle_after(result["replies"][-1] if result["replies"] else None)
    await poll.close()
    top = max(result["replies"], key=lambda r: r["offered_per_second"], default=None)
    if top and result["engine"].get("parses_per_second"):
        result["ratio_replies_to_parses"] = round(top["answered_per_second"] / result["engine"]["parses_per_second"],
                                                  3)
    result["load_after"] = machine_load()


def table(result: dict[str, Any]) -> str:
    if "openings" not in result:
        return json.dumps(result, indent=2)
    o = result["openings"]
    lines = [f"configuration: {result['configuration']} (commit {result['commit']}, {result['started'][:19]}Z)",
             f"load (1/5/15 min) before: {result['load_before']}; after: {result.get('load_after')}",
             f"openings: {o['opened']}/{o['tasks']} in {o['seconds']} s = {o['openings_per_second']}/s "
             f"(POSTs took {o['post_seconds']} s, {o['posted_per_second']}/s; errors {o['post_errors'] or 'none'})",
             *([f"RUN FAILED: {result['error']}"] if "error" in result else []),
             "", "| offered/s | sent | answered | answered/s | p50 ms | p95 ms | max ms | not answered "
             "(booked later) |", "|---|---|---|---|---|---|---|---|"]
    for r in result["replies"]:
        lines.append(f"| {r['offered_per_second']:g} | {r['sent']} | {r['answered']} | {r['answered_per_second']} | "
                     f"{r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['unanswered']} "
                     f"({r.get('booked_after_timeout', '-')}) |")
    e = result.get("engine", {})
    lines.append("")
    lines.append(f"engine alone: {e.get('parses_per_second', '-')} parses/s ({e.get('clients')} clients over "
                 f"{e.get('replicas')} replica(s), "
                 f"p50 {e.get('p50_ms')} ms)" if "parses_per_second" in e else f"engine alone: {e}")
    if "ratio_replies_to_parses" in result:
        lines.append(f"ratio answered/s at the highest rate to engine parses/s: {result['ratio_replies_to_parses']}")
    lines.append("")
    lines.append("CPU cores used per phase (1.0 = one core busy):")
    for phase, usage in result["cpu_cores_used"].items():
        lines.append(f"  {phase}: " + ", ".join(f"{k} {v}" for k, v in sorted(usage.items())))
    for r in result["replies"]:
        if r["other_last_texts"] or set(r["webhook_status"]) - {"200"}:
            lines.append(f"  {r['offered_per_second']:g}/s: webhook statuses {r['webhook_status']}; "
                         f"other last texts {r['other_last_texts']}")
    for name, summary in result.get("profile", {}).items():
        lines.append(f"\nprofile {name}: {summary.get('summary_file', summary)}")
        for area, share in summary.get("self_by_area", [])[:8]:
            lines.append(f"  {share:5.1f}%  {area}")
    return "\n".join(lines)


async def amain(args: argparse.Namespace) -> dict[str, Any]:
    meter = CpuMeter()
    if args.url:
        stack = Stack(url=args.url.rstrip("/"), sim_url=(args.sim_url or args.url).rstrip("/"),
                      api_token=args.token, engine_url=args.engine_url, engine_token=args.engine_token,
                      description=f"existing stack at {args.url}", app_pid=args.app_pid)
        if args.app_pid:
            meter.roots["app"] = args.app_pid
    else:
        say(f"starting a {args.backend} stack (load {machine_load()})…")
        stack = await start_stack(args)
        for label, process in stack.processes:
            meter.roots[label] = process.pid
        say(f"stack up: {stack.description}; API {stack.url}, simulator {stack.sim_url}, engine {stack.engine_url}")
    result: dict[str, Any] = {}
    try:
        await measure(args, stack, meter, result)
    except Exception as error:  # report what was measured before it
        result["error"] = f"{error.__class__.__name__}: {error}"
        say(f"run failed: {result['error']}")
    finally:
        if not args.url:
            stop_stack(stack)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workers", type=int, default=1, help="PostgreSQL: worker processes (2+: web/worker split)")
    parser.add_argument("--webs", type=int, default=1, help="PostgreSQL with 2+ workers: web processes (1 or 2)")
    parser.add_argument("--engines", type=int, default=1, help="engine replicas run by web process A")
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--rates", default="25,50,100", help="offered replies per second, comma-separated")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each reply phase and the parse phase")
    parser.add_argument("--answer-timeout", type=float, default=30.0,
                        help="after the last reply of a phase, wait this long for confirmations")
    parser.add_argument("--open-timeout", type=float, default=300.0, help="wait this long for the openings")
    parser.add_argument("--parse-clients", type=int, default=8)
    parser.add_argument("--url", help="use this running stack's API instead of starting one")
    parser.add_argument("--sim-url", help="with --url: the simulator (default: the --url app's /sim)")
    parser.add_argument("--token", default="demo-api-token", help="with --url: the API token")
    parser.add_argument("--engine-url", help="with --url: the engine (for the parse phase)")
    parser.add_argument("--engine-token", help="with --url: the engine's token")
    parser.add_argument("--app-pid", type=int, help="with --url: the app's pid (CPU accounting, --profile)")
    parser.add_argument("--profile", action="store_true",
                        help="py-spy the app (and engine) during the reply phase at --profile-rate")
    parser.add_argument("--profile-rate", type=float, default=50.0)
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args()
    if not 1 <= args.tasks <= 5000:
        parser.error("--tasks must be between 1 and 5000")
    if not 0 < args.seconds <= 60:
        parser.error("--seconds must be between 0 and 60")
    if any(not 0 < float(r) <= 500 for r in args.rates.split(",")):
        parser.error("each rate must be between 0 and 500 a second")
    if not 1 <= args.engines <= 4 or not 1 <= args.workers <= 4 or not 1 <= args.webs <= 2:
        parser.error("--engines 1..4, --workers 1..4, --webs 1..2")
    if args.backend == "sqlite" and (args.workers > 1 or args.webs > 1):
        parser.error("SQLite runs one process: --workers 1 --webs 1")
    if args.profile and args.profile_rate not in [float(r) for r in args.rates.split(",")]:
        parser.error("--profile-rate must be one of --rates")
    result = asyncio.run(amain(args))
    say("\n" + table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
        say(f"\nwritten to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
