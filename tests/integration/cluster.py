"""Several `outreach` processes against one database, with the Twilio simulator in a process of its own (so phones
keep their threads while app processes are killed and started again). Tests drive them through the public doors:
the API, the simulator, /healthz; and signals, as an operator (or a crash) would."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from conftest import database_for

from bot.outreach.policy import fixed_offset_zone

ROOT = Path(__file__).resolve().parents[2]
API_TOKEN = "cluster-api-token"
INBOUND = "/channels/sms/inbound"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Process:
    name: str
    port: int
    env: dict[str, str]
    args: list[str]
    log_path: Path
    popen: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None


@dataclass
class Cluster:
    workdir: Path
    database_url: str
    simulator_port: int = field(default_factory=free_port)
    processes: dict[str, Process] = field(default_factory=dict)
    engine_token: str = field(default_factory=lambda: uuid.uuid4().hex)
    callback_token: str = field(default_factory=lambda: uuid.uuid4().hex)
    simulator_token: str = field(default_factory=lambda: uuid.uuid4().hex)

    def base_env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("TWILIO_", "OUTREACH_"))}
        env.update(OUTREACH_DATABASE_URL=self.database_url, OUTREACH_API_TOKEN=API_TOKEN,
                   OUTREACH_ENGINE_TOKEN=self.engine_token, OUTREACH_ENGINE_CALLBACK_TOKEN=self.callback_token,
                   OUTREACH_SIMULATOR_URL=f"http://127.0.0.1:{self.simulator_port}",
                   OUTREACH_SIMULATOR_AUTH_TOKEN=self.simulator_token,
                   OUTREACH_JOURNAL_DIR=str(self.workdir / "journal"), OUTREACH_ENGINE_TIMEOUT_SECONDS="4")
        return env

    @property
    def simulator_url(self) -> str:
        return f"http://127.0.0.1:{self.simulator_port}"

    def upgrade(self) -> None:
        subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], cwd=ROOT, env=self.base_env(),
                       check=True, capture_output=True)

    def add_simulator(self, webhook_ports: list[int]) -> Process:
        args = ["simulator", "--port", str(self.simulator_port)]
        for port in webhook_ports:
            args += ["--webhook", f"http://127.0.0.1:{port}{INBOUND}"]
        return self._add(Process("simulator", self.simulator_port, self.base_env(), args,
                                 self.workdir / "simulator.log"))

    def add_app(self, name: str, role: str, *, engines: int, port: int | None = None,
                engine_port: int | None = None, engine_url: str | None = None,
                public_port: int | None = None) -> Process:
        port = port or free_port()
        env = self.base_env()
        env.update(OUTREACH_PORT=str(port),
                   OUTREACH_PUBLIC_URL=f"http://127.0.0.1:{public_port or port}")
        if engine_port is not None:
            env["OUTREACH_ENGINE_PORT"] = str(engine_port)
        if engine_url is not None:
            env["OUTREACH_ENGINE_URL"] = engine_url
        return self._add(Process(name, port, env, ["serve", "--role", role, "--engines", str(engines)],
                                 self.workdir / f"{name}.log"))

    def _add(self, process: Process) -> Process:
        self.processes[process.name] = process
        return process

    def start(self, process: Process) -> None:
        with process.log_path.open("ab") as log:
            process.popen = subprocess.Popen([sys.executable, "-m", "bot.cli", *process.args], cwd=ROOT,
                                             env=process.env, stdout=log, stderr=subprocess.STDOUT)

    async def wait_ready(self, process: Process, within: float = 180.0, healthy: bool = True) -> None:
        """Until the process answers (the simulator its page, an app /healthz with 200, or with anything when
        not ``healthy``: a web process with no engine is up but not healthy)."""
        path = "/sim/phones" if process.name == "simulator" else "/healthz"
        deadline = time.monotonic() + within
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3)) as http:
            while time.monotonic() < deadline:
                if not process.running:
                    raise AssertionError(f"{process.name} exited:\n{self.log_tail(process)}")
                try:
                    async with http.get(process.url + path) as response:
                        if response.status == 200 or not healthy:
                            return
                except (aiohttp.ClientError, TimeoutError):
                    pass
                await asyncio.sleep(0.3)
        raise AssertionError(f"{process.name} not ready in {within:.0f} s:\n{self.log_tail(process)}")

    def log_tail(self, process: Process, lines: int = 40) -> str:
        try:
            return "\n".join(process.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def kill(self, process: Process, signum: int = signal.SIGKILL) -> None:
        assert process.popen is not None
        process.popen.send_signal(signum)
        process.popen.wait(timeout=30)

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.running and process.popen is not None:
                process.popen.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            if process.popen is not None:
                try:
                    process.popen.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.popen.kill()
                    process.popen.wait(timeout=5)


@contextlib.contextmanager
def cluster_on_a_new_database(tmp_path: Path, purpose: str) -> Iterator[Cluster]:
    """A cluster of processes (none started yet) on a database of its own, stopped at the end."""
    with database_for(tmp_path, purpose) as url:
        running = Cluster(tmp_path, url)
        running.upgrade()
        try:
            yield running
        finally:
            running.stop_all()


def engine_pid(engine_port: int) -> int | None:
    """The pid of the engine listening on ``engine_port``, if one runs."""
    found = subprocess.run(["pgrep", "-f", f"rasa_run.py run .*--port {engine_port}( |$)"], capture_output=True,
                           text=True, check=False)
    pids = [int(p) for p in found.stdout.split()]
    return pids[0] if pids else None


class Outside:
    """What a health system's systems and its patients do: the API and the simulated phones."""

    def __init__(self, http: aiohttp.ClientSession, simulator_url: str) -> None:
        self.http = http
        self.simulator_url = simulator_url
        self.auth = {"Authorization": f"Bearer {API_TOKEN}"}

    async def publish_slots(self, api: str, providers: list[str], per_provider: int) -> None:
        base = datetime.now(UTC).replace(hour=15, minute=0, second=0, microsecond=0) + timedelta(days=2)
        slots = [{"provider_id": provider, "starts_at": (base + timedelta(days=i)).isoformat(),
                  "location": "Test Clinic"} for provider in providers for i in range(per_provider)]
        for start in range(0, len(slots), 900):
            async with self.http.post(f"{api}/api/v1/slots", json={"slots": slots[start:start + 900]},
                                      headers=self.auth) as response:
                assert response.status == 201, await response.text()

    async def create_task(self, api: str, phone: str, provider: str) -> str:
        body = {"workflow": "missed_appointment", "idempotency_key": f"k-{phone}",
                "patient": {"given_name": "Sam", "phone": phone,
                            "timezone": fixed_offset_zone(datetime.now(UTC), (10, 18))},
                "context": {"visit_type": "physical_therapy", "provider_id": provider}}
        async with self.http.post(f"{api}/api/v1/tasks", json=body, headers=self.auth) as response:
            payload = await response.json()
            assert response.status in (200, 201), payload
            return str(payload["id"])

    async def task(self, api: str, task_id: str) -> dict[str, Any]:
        async with self.http.get(f"{api}/api/v1/tasks/{task_id}", headers=self.auth) as response:
            return dict(await response.json())

    async def events(self, api: str, task_id: str) -> list[dict[str, Any]]:
        async with self.http.get(f"{api}/api/v1/events", params={"task_id": task_id},
                                 headers=self.auth) as response:
            return list((await response.json())["events"])

    async def reply(self, phone: str, body: str) -> None:
        async with self.http.post(f"{self.simulator_url}/sim/phones/{phone}/reply", json={"body": body}) as response:
            assert response.status == 201, await response.text()

    async def texts_to(self, phone: str) -> list[str]:
        async with self.http.get(f"{self.simulator_url}/sim/phones/{phone}") as response:
            thread = (await response.json())["messages"]
        return [m["body"] for m in thread if m["direction"].startswith("outbound")]

    async def counts(self) -> dict[str, int]:
        """Messages (both ways) on every phone the simulator knows."""
        async with self.http.get(f"{self.simulator_url}/sim/phones") as response:
            return {p["phone"]: int(p["count"]) for p in (await response.json())["phones"]}



async def wait_until(check: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.5)
    raise AssertionError(f"not within {within:.0f} s: {what}")


def process_gone(pid: int) -> bool:
    """No such process any more (or only its zombie, waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def phones(count: int, area: str) -> list[str]:
    """Distinct fictional numbers (555-01xx lines repeat per exchange; the exchange varies)."""
    return [f"+1{area}{200 + n // 100:03d}01{n % 100:02d}" for n in range(count)]
