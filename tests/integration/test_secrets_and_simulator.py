"""No secret printed, no file open to other accounts, no SQL values in errors, and the simulator only on request."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import API_TOKEN, BACKEND, ENGINE_TOKEN, ROOT, Stack, free_port
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bot.core.db import make_engine
from bot.core.settings import Settings


def _plain_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OUTREACH_", "TWILIO_"))}
    return {**env, **extra}


def test_serve_without_twilio_settings_or_the_simulator_flag_refuses_to_start(tmp_path: Path) -> None:
    env = _plain_env(OUTREACH_DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", OUTREACH_PORT=str(free_port()))
    result = subprocess.run([sys.executable, "-m", "bot.cli", "serve"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "no Twilio settings" in result.stderr and "OUTREACH_SIMULATOR=on" in result.stderr
    assert not (tmp_path / "x.db").exists()  # refused before touching anything


def test_the_simulator_signs_with_a_secret_drawn_at_each_start() -> None:
    first, second = (Settings.from_env(_plain_env(OUTREACH_SIMULATOR="on")) for _ in range(2))
    assert first.use_simulator and first.twilio_auth_token != second.twilio_auth_token
    assert len(first.twilio_auth_token) >= 32
    real = Settings.from_env(_plain_env(OUTREACH_SIMULATOR="on", TWILIO_ACCOUNT_SID="AC" + "1" * 32,
                                        TWILIO_AUTH_TOKEN="t" * 32, TWILIO_FROM_NUMBER="+12125550100"))
    assert not real.use_simulator and real.twilio_auth_token == "t" * 32  # real settings win: no simulator


async def test_health_says_when_the_simulator_runs(stack: Stack) -> None:
    async with stack.http.get(f"{stack.base_url}/healthz") as response:
        assert (await response.json())["simulator"] == "on"


def test_the_start_prints_no_token_whole(stack_process: tuple[str, int, str], tmp_path_factory: pytest.TempPathFactory
                                         ) -> None:
    logs = list(tmp_path_factory.getbasetemp().glob("stack*/serve.log"))
    assert logs
    printed = "\n".join(log.read_text(errors="replace") for log in logs)
    assert "Outreach bot is running" in printed
    assert API_TOKEN not in printed and ENGINE_TOKEN not in printed
    assert API_TOKEN[:4] + "…" in printed


@pytest.mark.skipif(BACKEND != "sqlite", reason="the database file exists on the SQLite pass")
def test_files_the_app_makes_are_closed_to_other_accounts(stack_process: tuple[str, int, str]) -> None:
    _, engine_port, database_url = stack_process
    database = Path(database_url.removeprefix("sqlite:///"))
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE((ROOT / "var").stat().st_mode) == 0o700
    engine_log = ROOT / "var" / "logs" / f"engine-{engine_port}.log"  # made by this run's app
    assert stat.S_IMODE(engine_log.stat().st_mode) == 0o600


def test_a_database_error_carries_no_values(tmp_path: Path) -> None:
    import asyncio

    async def clash() -> str:
        engine = make_engine(f"sqlite:///{tmp_path / 'e.db'}")
        try:
            async with engine.begin() as connection:
                await connection.execute(text("CREATE TABLE patient (phone TEXT PRIMARY KEY)"))
                await connection.execute(text("INSERT INTO patient VALUES (:phone)"), {"phone": "+12125550199"})
                try:
                    await connection.execute(text("INSERT INTO patient VALUES (:phone)"), {"phone": "+12125550199"})
                except IntegrityError as error:
                    return str(error)
            return ""
        finally:
            await engine.dispose()

    message = asyncio.run(clash())
    assert "UNIQUE" in message and "+12125550199" not in message


async def test_a_header_too_long_to_read_is_a_json_400_and_its_bytes_reach_no_log(
        stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> None:
    secret = "probe-secret-" + "q" * 20
    headers = {"Authorization": f"Bearer {secret} " + "x" * 9000}
    async with stack.http.get(f"{stack.base_url}/api/v1/events", headers=headers) as response:
        assert response.status == 400
        body = await response.text()
    assert secret not in body and response.headers["Content-Type"].startswith("application/json")
    long_path = f"/chat/{secret}{'y' * 9000}"
    async with stack.http.get(f"{stack.base_url}{long_path}") as response:
        assert response.status in (400, 414) and secret not in await response.text()
    await asyncio.sleep(0.5)
    logs = "\n".join(log.read_text(errors="replace")
                     for log in tmp_path_factory.getbasetemp().glob("stack*/serve.log"))
    assert secret not in logs and "http.unreadable_request" in logs


def test_the_demo_banner_never_prints_your_own_api_token() -> None:
    from bot.cli import _demo_banner

    own = Settings.from_env(_plain_env(OUTREACH_SIMULATOR="on", OUTREACH_API_TOKEN="my-own-secret-token-1234"))
    banner = _demo_banner(own)
    assert "my-own-secret-token-1234" not in banner and "$OUTREACH_API_TOKEN" in banner
    assert "demo-api-token" in _demo_banner(Settings.from_env(_plain_env(OUTREACH_SIMULATOR="on")))
