"""An integrator cancels a task (the patient booked elsewhere): all further contact stops at once."""

from __future__ import annotations

import asyncio
from typing import Any

from conftest import Stack, new_phone, night_zone, task_body


async def _cancel(stack: Stack, task_id: str, body: Any = None, expect: int = 200) -> dict[str, Any]:
    async with stack.http.post(f"{stack.base_url}/api/v1/tasks/{task_id}/cancel", json=body,
                               headers=stack.auth) as response:
        assert response.status == expect, await response.text()
        return await response.json()


async def test_a_cancelled_task_books_nothing_and_texts_nothing_more(stack: Stack) -> None:
    started = await stack.start_conversation(slots=3)
    view = await _cancel(stack, started.task_id, {"reason": "booked by phone with the front desk"})
    assert view["state"] == "cancelled"
    events = await stack.events(started.task_id)
    ended = [e for e in events if e["data"].get("outcome") == "cancelled"]
    assert ended and ended[-1]["data"]["reason"] == "booked by phone with the front desk"

    await stack.reply(started.phone, "2")  # the patient answers the old offer
    await asyncio.sleep(3)
    types = [e["type"] for e in await stack.events(started.task_id)]
    assert "outreach.appointment.booked" not in types
    assert (await stack.task(started.task_id))["state"] == "cancelled"
    assert await _cancel(stack, started.task_id) == await stack.task(started.task_id)  # again: nothing changes


async def test_a_task_waiting_for_the_morning_is_never_sent_once_cancelled(stack: Stack) -> None:
    phone = new_phone()
    task = await stack.create_task(task_body(phone, "prov-cancel", timezone=night_zone()), expect=201)
    await _cancel(stack, task["id"])
    await asyncio.sleep(2.5)  # more than one dispatcher round
    assert await stack.texts_to(phone) == []
    assert (await stack.task(task["id"]))["state"] == "cancelled"


async def test_cancel_answers_clearly_for_unknown_ended_and_bad_requests(stack: Stack) -> None:
    await _cancel(stack, "no-such-task", expect=404)
    started = await stack.start_conversation(slots=2)
    await stack.reply(started.phone, "1")
    await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    problem = await _cancel(stack, started.task_id, expect=409)
    assert "booked" in problem["error"]["message"]
    other = await stack.start_conversation(slots=1)
    bad = await _cancel(stack, other.task_id, {"reason": "x" * 500}, expect=422)
    assert "reason" in str(bad)
    await _cancel(stack, other.task_id, ["not", "an", "object"], expect=422)
    async with stack.http.post(f"{stack.base_url}/api/v1/tasks/{other.task_id}/cancel") as response:
        assert response.status == 401  # the API token is needed
    assert (await stack.task(other.task_id))["state"] == "awaiting_reply"
