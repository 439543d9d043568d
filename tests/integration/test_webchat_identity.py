"""Web chat: the patient proves who they are (date of birth) before anything that could reveal health details."""

from __future__ import annotations

import json
import time
import uuid
from datetime import date, timedelta
from typing import Any

import aiohttp
import pytest
from conftest import Stack, new_phone, task_body

PHI_WORDS = ("result", "abnormal", "test", "diagnos", "cancer", "lab")
BIRTH_DATE = "1962-03-14"


class ChatPage:
    """What the patient's chat page does: open the link's websocket, read, type."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.bot_said: list[str] = []

    async def type(self, text: str) -> None:
        await self.socket.send_json({"id": uuid.uuid4().hex, "text": text})

    async def answer_each(self, *replies: str) -> list[str]:
        """Type each reply in turn, waiting for the bot's answer to it."""
        for reply in replies:
            await self.type(reply)
            await self.wait_for_bot(len(self.bot_said) + 1)
        return self.bot_said

    async def wait_for_bot(self, count: int, within: float = 20.0) -> list[str]:
        deadline = time.monotonic() + within
        while len(self.bot_said) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the bot said {self.bot_said}, expected {count} messages")
            try:
                frame = await self.socket.receive(timeout=remaining)
            except TimeoutError:
                continue
            if frame.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"chat closed: {frame}")
            data = json.loads(frame.data)
            if data.get("type") == "message" and data["direction"] == "outbound":
                self.bot_said.append(data["text"])
        return self.bot_said


async def chat_task(stack: Stack, workflow: str = "abnormal_result", phone: str | None = None, **patient: Any
                    ) -> dict[str, Any]:
    body = task_body(phone or new_phone(), "prov-chat", preferred_channel="chat", birth_date=BIRTH_DATE, **patient)
    body["workflow"] = workflow
    body["context"] = {"visit_type": "follow_up"}
    task = await stack.create_task(body, expect=201)
    assert task["channel"] == "chat" and task["chat_url"].startswith(stack.base_url + "/chat/")
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    return task


async def open_chat(stack: Stack, task: dict[str, Any], device: str | None = None) -> ChatPage:
    """The chat page as one browser opens it (its device key: the same browser's, unless another is named)."""
    socket = await stack.http.ws_connect(task["chat_url"] + "/ws", params={"device": device or f"browser-{task['id']}"})
    return ChatPage(socket)


def has_phi(text: str) -> bool:
    return any(word in text.lower() for word in PHI_WORDS)


async def test_a_chat_patient_gives_their_date_of_birth_before_hearing_about_a_result(stack: Stack) -> None:
    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    first = (await chat.wait_for_bot(1))[0]
    assert "date of birth" in first and not has_phi(first)

    await chat.type("01/02/1980")
    retry = (await chat.wait_for_bot(2))[1]
    assert "does not match" in retry and not has_phi(retry)

    await chat.type("its march 14th 1962")
    opening = (await chat.wait_for_bot(3))[2]
    assert "test results" in opening  # only now, to the verified patient
    await stack.wait_for_event(task["id"], "outreach.identity.verified")

    await chat.type("tomorrow after 5pm")
    await chat.wait_for_bot(4)
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "clinician_callback"
    await chat.socket.close()


async def test_three_wrong_dates_of_birth_hand_the_chat_to_a_person_and_reveal_nothing(stack: Stack) -> None:
    task = await chat_task(stack, language="es")
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.answer_each("1/1/1990", "no sé", "5 de mayo de 1970")
    said = chat.bot_said
    assert "fecha de nacimiento" in said[0]
    assert "No pudimos confirmar" in said[3]
    assert not any(has_phi(text) or "resultado" in text.lower() for text in said)
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "identity_not_verified"
    await chat.type("14/03/1962")  # too late: a person has the conversation now, and the date is not checked
    said = await chat.wait_for_bot(5)
    assert said[4].startswith("Gracias, recibimos su mensaje")  # told once that a person has their message
    await chat.type("hola?")
    with pytest.raises(AssertionError, match="expected 6 messages"):  # and nothing more from the bot
        await chat.wait_for_bot(6, within=2.0)
    await chat.socket.close()


async def test_an_emergency_in_chat_is_answered_before_identity(stack: Stack) -> None:
    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.type("i have crushing chest pain")
    answer = (await chat.wait_for_bot(2))[1]
    assert "911" in answer
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "urgent"
    await chat.socket.close()


async def test_reopening_the_chat_link_shows_the_conversation_so_far(stack: Stack) -> None:
    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.type("3/14/62")
    await chat.wait_for_bot(2)
    await chat.socket.close()
    again = await open_chat(stack, task)
    said = await again.wait_for_bot(2)
    assert "date of birth" in said[0] and "test results" in said[1]
    await again.socket.close()


async def test_reopening_the_link_never_shows_the_dates_of_birth_typed(stack: Stack) -> None:
    """A chat link forwarded or opened on a shared computer replays the conversation, but not the answers given to
    "what is your date of birth?" (wrong or right); what the patient wrote after being verified is shown."""
    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.answer_each("01/02/1980", "3/14/62", "tomorrow after 5pm")
    await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    await chat.socket.close()

    socket = (await open_chat(stack, task)).socket
    typed, said = [], 0
    while said < 4:
        data = json.loads((await socket.receive(timeout=10)).data)
        if data.get("type") == "message":
            if data["direction"] == "inbound":
                typed.append(data["text"])
            else:
                said += 1
    assert typed == ["••••", "••••", "tomorrow after 5pm"]
    await socket.close()


async def test_a_chat_task_needs_a_date_of_birth_and_a_forged_link_opens_nothing(stack: Stack) -> None:
    body = task_body(new_phone(), "prov-chat", preferred_channel="chat")
    refused = await stack.create_task(body, expect=422)
    assert "birth_date" in json.dumps(refused)
    body = task_body(new_phone(), "prov-chat", preferred_channel="fax")
    assert "preferred_channel" in json.dumps(await stack.create_task(body, expect=422))

    task = await chat_task(stack)
    forged = task["chat_url"][:-4] + "0000"
    async with stack.http.get(forged) as response:
        assert response.status == 404
    async with stack.http.get(task["chat_url"]) as response:
        assert response.status == 200 and "Chat with your care team" in await response.text()


async def test_a_spanish_chat_patient_who_says_alto_before_identity_is_opted_out(stack: Stack) -> None:
    task = await chat_task(stack, language="es")
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.type("ALTO")
    said = await chat.wait_for_bot(2)
    assert "fecha de nacimiento" not in said[1]
    await stack.wait_for_event(task["id"], "outreach.patient.opted_out")
    assert (await stack.task(task["id"]))["state"] == "opted_out"
    await chat.socket.close()


def _many_dates(count: int, first: date, right: date) -> str:
    """What an attacker types: ``count`` dates in a row, the right one somewhere among them."""
    days = [first + timedelta(days=i) for i in range(count)]
    days[count // 2] = right
    return " ".join(f"{d:%m/%d/%Y}" for d in days)


async def test_a_message_listing_many_dates_opens_nothing_and_three_of_them_lock_the_chat(stack: Stack) -> None:
    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    right = date.fromisoformat(BIRTH_DATE)
    for attempt in range(3):
        await chat.type(_many_dates(140, right - timedelta(days=70 + attempt * 140), right))  # a chat message's most
        await chat.wait_for_bot(attempt + 2)
    said = chat.bot_said
    assert "does not match" in said[1] and "does not match" in said[2]
    assert "could not confirm" in said[3].lower() or "No pudimos" in said[3], said[3]
    assert not any(has_phi(text) for text in said)
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "identity_not_verified"
    types = [e["type"] for e in await stack.events(task["id"])]
    assert "outreach.identity.verified" not in types
    await chat.socket.close()


async def test_the_right_date_among_others_is_not_an_answer(stack: Stack) -> None:
    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.type("03/14/1962 or maybe 03/15/1962")
    assert "does not match" in (await chat.wait_for_bot(2))[1]
    await chat.type("03/14/1962")  # one date, the right one
    assert "test results" in (await chat.wait_for_bot(3))[2]
    await chat.socket.close()


async def test_wrong_dates_count_across_a_patients_conversations(stack: Stack) -> None:
    """Three misses in one chat lock it; two more in the same patient's next chat lock that one too (five a
    day across conversations and channels), so starting a new conversation gives no fresh tries."""
    mrn = f"MRN-{uuid.uuid4().hex[:8]}"
    phone = new_phone()
    first = await chat_task(stack, mrn=mrn, phone=phone)
    chat = await open_chat(stack, first)
    await chat.wait_for_bot(1)
    await chat.answer_each("01/01/1970", "02/02/1971", "03/03/1972")
    await stack.wait_for_event(first["id"], "outreach.handoff.requested")
    await chat.socket.close()

    await stack.let_a_week_pass_since_contacts(first["id"])  # else the frequency cap holds the next chat a day
    second = await chat_task(stack, workflow="prior_authorization", mrn=mrn, phone=phone)
    chat = await open_chat(stack, second)
    await chat.wait_for_bot(1)
    await chat.answer_each("04/04/1973", "05/05/1974")
    handoff = await stack.wait_for_event(second["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "identity_not_verified"
    misses = [e for e in await stack.events(second["id"]) if e["type"] == "outreach.identity.not_matched"]
    assert [e["data"]["patient_attempts"] for e in misses] == [4, 5]
    await chat.socket.close()


async def test_the_chat_socket_opens_only_from_its_own_page_and_takes_only_text(stack: Stack) -> None:
    task = await chat_task(stack)
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await stack.http.ws_connect(task["chat_url"] + "/ws", headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    socket = await stack.http.ws_connect(task["chat_url"] + "/ws", headers={"Origin": stack.base_url})
    await socket.send_json({"id": 5, "text": ["a"]})
    for _ in range(10):
        frame = await socket.receive_json(timeout=10)
        if frame.get("type") == "error":
            break
    else:
        raise AssertionError("a list as text was not refused")
    await socket.close()
    types = [e["type"] for e in await stack.events(task["id"])]
    assert "outreach.patient.replied" not in types


async def test_a_forwarded_chat_link_shows_nothing_until_the_date_of_birth_is_typed_there_too(stack: Stack) -> None:
    """A chat link is a bearer link: once the patient is verified on their phone, the same link opened in another
    browser (forwarded, or on a shared computer) shows nothing of the conversation and gets nothing new until the
    date of birth is typed there; a wrong one counts with the conversation's other misses."""
    task = await chat_task(stack)
    phone = await open_chat(stack, task, device="patients-phone")
    await phone.wait_for_bot(1)
    said = await phone.answer_each("3/14/62")
    assert has_phi(said[1])  # verified: the result's details follow

    other = await open_chat(stack, task, device="someone-elses-laptop")
    first = json.loads((await other.socket.receive(timeout=10)).data)
    assert first["type"] == "guard" and "date of birth" in first["text"]
    await phone.answer_each("what does it mean?")  # a new message on the phone is not pushed to the other page
    await other.type("01/01/1970")
    again = json.loads((await other.socket.receive(timeout=10)).data)
    assert again["type"] == "guard" and "does not match" in again["text"]
    await other.type("March 14 1962")
    shown = await other.wait_for_bot(3)
    assert any(has_phi(text) for text in shown)  # the date of birth typed there: the conversation so far
    await other.socket.close()
    await phone.socket.close()
    events = [e for e in await stack.events(task["id"]) if e["type"] == "outreach.identity.not_matched"]
    assert [e["data"].get("another_device") for e in events] == [True]
