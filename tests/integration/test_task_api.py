"""The task API: idempotency, authentication and clear errors for bad input."""

from __future__ import annotations

import uuid

from conftest import Stack, new_phone, task_body


async def test_the_same_idempotency_key_twice_makes_one_task(stack: Stack) -> None:
    body = task_body(new_phone(), "prov-none")
    first = await stack.create_task(body, expect=201)
    second = await stack.create_task(body, expect=200)
    assert first["id"] == second["id"]
    changed = {**body, "priority": 1}
    conflict = await stack.create_task(changed, expect=409)
    assert "idempotency_key" in conflict["error"]["message"]


async def test_requests_without_the_token_are_refused(stack: Stack) -> None:
    async with stack.http.post(f"{stack.base_url}/api/v1/tasks", json={}) as response:
        assert response.status == 401
        assert "token" in (await response.json())["error"]["message"]
    bad = {"Authorization": "Bearer wrong"}
    async with stack.http.get(f"{stack.base_url}/api/v1/events", headers=bad) as response:
        assert response.status == 401


async def test_bad_input_gets_a_clear_error(stack: Stack) -> None:
    url = f"{stack.base_url}/api/v1/tasks"
    async with stack.http.post(url, data=b"{not json", headers=stack.auth) as response:
        assert response.status == 400
        assert "JSON" in (await response.json())["error"]["message"]
    body = task_body("555-0143", "prov-none")
    error = await stack.create_task(body, expect=422)
    assert any(d["field"] == "patient.phone" for d in error["error"]["details"])
    body = task_body(new_phone(), "prov-none")
    body["workflow"] = "teleportation"
    error = await stack.create_task(body, expect=422)
    assert any(d["field"] == "workflow" for d in error["error"]["details"])
    body = task_body(new_phone(), "prov-none", timezone="Mars/Olympus")
    error = await stack.create_task(body, expect=422)
    assert any(d["field"] == "patient.timezone" for d in error["error"]["details"])
    body = task_body(new_phone(), "prov-none")
    body["workflow"] = "appointment_reminder"
    error = await stack.create_task(body, expect=422)
    assert any(d["field"] == "context" and "appointment" in d["problem"] for d in error["error"]["details"])
    body["context"] = {"appointment": {"starts_at": "next tuesday"}}
    error = await stack.create_task(body, expect=422)
    assert any(d["field"] == "context.appointment.starts_at" for d in error["error"]["details"])
    body = task_body(new_phone(), "prov-none")
    body["context"] = {"provider_id": 7}
    error = await stack.create_task(body, expect=422)
    assert any(d["field"] == "context.provider_id" for d in error["error"]["details"])
    async with stack.http.get(f"{stack.base_url}/api/v1/tasks/{uuid.uuid4()}", headers=stack.auth) as response:
        assert response.status == 404
    async with stack.http.get(f"{stack.base_url}/api/v1/events?after=abc", headers=stack.auth) as response:
        assert response.status == 400
