"""Operations run campaigns from the command line: `outreach campaign import|pause|resume|cancel|show`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

from conftest import ROOT, Stack, daytime_zone, future_weekday_times, new_phone


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
    zone, phones = daytime_zone(), [new_phone(), new_phone(), new_phone()]
    csv_file = tmp_path / "january.csv"
    csv_file.write_text("given_name,phone,timezone,provider_id\n"
                        f"Ana,{phones[0]},{zone},{provider}\n"
                        f"Bo,555-0143,{zone},{provider}\n"
                        f"Cy,{phones[1]},{zone},{provider}\n"
                        f"Di,{phones[2]},{zone},{provider}\n")
    code, out, err = await _outreach(stack, "import", str(csv_file), "--workflow", "missed_appointment",
                                     "--name", f"cli-{uuid.uuid4().hex[:6]}", "--rate", "0.125")
    assert code == 0, err
    assert "100%" in err and "4/4" in err  # the progress bar, on stderr
    assert "line 3, column phone:" in err  # the bad row, by line and why
    assert "3 tasks created" in out and "1 rows with errors" in out
    campaign_id = out.split()[1].rstrip(":")

    async with stack.http.get(f"{stack.base_url}/api/v1/campaigns/{campaign_id}", headers=stack.auth) as response:
        campaign = await response.json()
    assert campaign["tasks_created"] == 3 and campaign["rate"] == 0.125 and campaign["state"] == "running"
    await stack.wait_for_texts(phones[0], 1)  # the running app contacts the first at once

    code, out, err = await _outreach(stack, "pause", campaign_id)
    assert code == 0 and "paused" in out, err
    await asyncio.sleep(6)  # with the command's own time, past the next turn (8 s at 0.125/s): nobody new
    assert [bool(await stack.texts_to(phone)) for phone in phones] == [True, False, False]
    code, out, _ = await _outreach(stack, "show", campaign_id)
    assert code == 0 and "paused" in out and "contacted: 1" in out and "waiting: 2" in out

    code, out, err = await _outreach(stack, "resume", campaign_id)
    assert code == 0 and "running" in out, err
    await stack.wait_for_texts(phones[1], 1)
    code, out, err = await _outreach(stack, "cancel", campaign_id)
    assert code == 0 and "cancelled" in out, err
    await asyncio.sleep(8)
    assert await stack.texts_to(phones[2]) == []  # cancelled before their turn: never contacted
    code, out, _ = await _outreach(stack, "show", campaign_id)
    assert "outcomes: cancelled 1" in out

    code, _, err = await _outreach(stack, "resume", campaign_id)
    assert code == 1 and "cancelled campaign cannot" in err
    code, _, err = await _outreach(stack, "import", str(tmp_path / "missing.csv"), "--workflow", "missed_appointment")
    assert code == 2 and "missing.csv" in err
