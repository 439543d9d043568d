"""The engine takes patient messages only from the app: with the engine token, each message once."""

from __future__ import annotations

from pathlib import Path

from cluster import engine_pid
from conftest import API_TOKEN, ENGINE_TOKEN, Stack


async def _conversation_id(stack: Stack, task_id: str) -> str:
    started = await stack.wait_for_event(task_id, "outreach.conversation.started")
    return str(started["data"]["conversation_id"])


async def test_a_message_without_the_engine_token_books_nothing(stack: Stack) -> None:
    started = await stack.start_conversation()
    conversation_id = await _conversation_id(stack, started.task_id)
    engine = f"http://127.0.0.1:{stack.engine_port}"
    choose = {"sender": conversation_id, "message": "1", "metadata": {"message_id": "knock-1"}}
    for headers, params in (({}, {}), ({"Authorization": "Bearer wrong"}, {}), ({}, {"token": "wrong"}),
                            ({"Authorization": f"Bearer {API_TOKEN}"}, {})):
        async with stack.http.post(f"{engine}/webhooks/outreach/webhook", json=choose, headers=headers,
                                   params=params) as response:
            assert response.status == 401, await response.text()
    async with stack.http.post(f"{engine}/webhooks/rest/webhook", json=choose) as response:
        assert response.status == 404  # Rasa's open REST channel is not there at all
    async with stack.http.post(f"{engine}/conversations/{conversation_id}/trigger_intent",
                               json={"name": "EXTERNAL_missed_appointment"}) as response:
        assert response.status == 401
    events = [e["type"] for e in await stack.events(started.task_id)]
    assert "outreach.appointment.booked" not in events
    task = await stack.task(started.task_id)
    assert task["state"] == "awaiting_reply"
    assert len(await stack.texts_to(started.phone)) == 1  # only the opening


async def test_the_engine_takes_each_message_once_even_when_asked_twice(stack: Stack) -> None:
    """The app asks again about a message when its first request timed out: the engine answers what it said
    then, and does not take the message a second time."""
    started = await stack.start_conversation(slots=9)
    conversation_id = await _conversation_id(stack, started.task_id)
    url = f"http://127.0.0.1:{stack.engine_port}/webhooks/outreach/webhook"
    other_times = {"sender": conversation_id, "message": "0",
                   "metadata": {"message_id": "asked-twice-1", "channel": "sms"}}
    answers = []
    for _ in range(2):
        async with stack.http.post(url, json=other_times, headers={"Authorization": f"Bearer {ENGINE_TOKEN}"}
                                   ) as response:
            assert response.status == 200
            answers.append(await response.json())
    assert answers[0] and answers[0] == answers[1]
    offers = [e for e in await stack.events(started.task_id) if e["type"] == "outreach.slot.offered"]
    assert len(offers) == 2, offers  # the opening's offer, and one more: not two


def test_the_engine_token_is_on_no_command_line_and_the_api_token_not_in_its_environment(
        stack_process: tuple[str, int, str]) -> None:
    _, engine_port, _ = stack_process
    pid = engine_pid(engine_port)
    assert pid is not None, "no engine process found"
    command_line = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    assert ENGINE_TOKEN not in command_line
    environment = Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace").split("\0")
    names = {entry.split("=", 1)[0] for entry in environment if entry}
    assert "OUTREACH_API_TOKEN" not in names and "OUTREACH_DATABASE_URL" not in names
    assert API_TOKEN not in "\0".join(environment)
