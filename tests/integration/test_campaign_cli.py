"""Operations run campaigns from the command line: `outreach campaign import|pause|resume|cancel|show`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

from conftest import ROOT, Stack, daytime_zone, future_weekday_times, new_phone

RATE = 0.2  # patients contacted per second: a turn every 5 s


async def _outreach(stack: Stack, *args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "campaign", *args, cwd=ROOT,
        env={**os.environ, "OUTREACH_DATABASE_URL": stack.database_url},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_a_csv_imported_from_the_command_line_shows_progress_creates_tasks_and_can_be_paused(
        stack: Stack, tmp_path: Path) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(4))
    zone, phones = daytime_zone(), [new_phone() for _ in range(5)]
    csv_file = tmp_path / "january.csv"
    rows = [f"P{i},{phone},{zone},{provider}\n" for i, phone in enumerate(phones)]
    rows.insert(1, f"Bo,555-0143,{zone},{provider}\n")
    csv_file.write_text("given_name,phone,timezone,provider_id\n" + "".join(rows))
    code, out, err = await _outreach(stack, "import", str(csv_file), "--workflow", "missed_appointment",
                                     "--name", f"cli-{uuid.uuid4().hex[:6]}", "--rate", str(RATE))
    assert code == 0, err
    assert "100%" in err and "6/6" in err  # the progress bar, on stderr
    assert "line 3, column phone:" in err  # the bad row, by line and why
    assert "5 tasks created" in out and "1 rows with errors" in out
    campaign_id = out.split()[1].rstrip(":")

    async with stack.http.get(f"{stack.base_url}/api/v1/campaigns/{campaign_id}", headers=stack.auth) as response:
        campaign = await response.json()
    assert campaign["tasks_created"] == 5 and campaign["rate"] == RATE and campaign["state"] == "running"
    await stack.wait_for_texts(phones[0], 1)  # the running app contacts the first at once

    code, out, err = await _outreach(stack, "pause", campaign_id)
    assert code == 0 and "paused" in out, err
    paused_at = await _texted(stack, phones)
    assert paused_at < 5
    await asyncio.sleep(1.5 / RATE)  # past the next turn: nobody new while paused
    assert await _texted(stack, phones) == paused_at
    code, out, err = await _outreach(stack, "show", campaign_id)
    assert code == 0, err
    assert "paused" in out and f"contacted: {paused_at}" in out and f"waiting: {5 - paused_at}" in out

    code, out, err = await _outreach(stack, "resume", campaign_id)
    assert code == 0 and "running" in out, err
    await _wait_until(stack, phones, paused_at + 1)  # the next one at once, the others at the rate
    code, out, err = await _outreach(stack, "cancel", campaign_id)
    assert code == 0 and "cancelled" in out, err
    cancelled_at = await _texted(stack, phones)
    await asyncio.sleep(2 / RATE)  # two turns: nobody new once cancelled
    assert await _texted(stack, phones) == cancelled_at < 5
    code, out, _ = await _outreach(stack, "show", campaign_id)
    assert f"outcomes: cancelled {5 - cancelled_at}" in out

    code, _, err = await _outreach(stack, "resume", campaign_id)
    assert code == 1 and "cancelled campaign cannot" in err
    code, _, err = await _outreach(stack, "import", str(tmp_path / "missing.csv"), "--workflow", "missed_appointment")
    assert code == 2 and "missing.csv" in err


async def _texted(stack: Stack, phones: list[str]) -> int:
    return sum([1 for phone in phones if await stack.texts_to(phone)])


async def _wait_until(stack: Stack, phones: list[str], count: int, within: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while await _texted(stack, phones) < count:
        assert asyncio.get_running_loop().time() < deadline, f"fewer than {count} patients contacted"
        await asyncio.sleep(0.2)
