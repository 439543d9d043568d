"""Voice: the patient on the line proves who they are before anything about their care; a machine hears
nothing about it; emergencies come first. Driven through the simulator's calls, as a caller would."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from conftest import Stack, future_weekday_times, new_phone, task_body

PHI_WORDS = ("result", "abnormal", "test", "diagnos", "cancer", "lab")
BIRTH_DATE = "1962-03-14"


async def place_voice_task(stack: Stack, answers: str = "human", **patient: Any) -> tuple[dict[str, Any], str]:
    phone = new_phone()
    if answers != "human":
        async with stack.http.post(f"{stack.base_url}/sim/phones/{phone}/answers", json={"answer": answers}) as r:
            assert r.status == 200
    body = task_body(phone, "prov-voice", preferred_channel="voice", birth_date=BIRTH_DATE, **patient)
    body["workflow"] = "abnormal_result"
    body["context"] = {"visit_type": "follow_up"}
    task = await stack.create_task(body, expect=201)
    assert task["channel"] == "voice"
    return task, phone


async def the_call(stack: Stack, phone: str, within: float = 20.0) -> dict[str, Any]:
    """The latest call to ``phone`` once it is listening for an answer or over."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        calls = (await (await stack.http.get(f"{stack.base_url}/sim/phones/{phone}")).json())["calls"]
        if calls and (calls[-1]["listening"] or calls[-1]["status"] not in ("queued", "in-progress")):
            return calls[-1]
        await asyncio.sleep(0.2)
    raise AssertionError(f"no call to {phone} answered in time")


async def say(stack: Stack, call: dict[str, Any], **answer: str) -> dict[str, Any]:
    async with stack.http.post(f"{stack.base_url}/sim/calls/{call['sid']}/say", json=answer) as response:
        assert response.status == 200, await response.text()
        return await response.json()


def bot_lines(call: dict[str, Any]) -> list[str]:
    return [line["text"] for line in call["transcript"] if line["speaker"] == "bot"]


async def test_a_caller_gives_their_date_of_birth_before_hearing_why_the_care_team_calls(stack: Stack) -> None:
    task, phone = await place_voice_task(stack)
    call = await the_call(stack, phone)
    assert call["listening"] and "say your date of birth" in bot_lines(call)[0]
    assert not any(word in " ".join(bot_lines(call)).lower() for word in PHI_WORDS)

    call = await say(stack, call, speech="January 2nd, 1980.")
    assert "does not match" in bot_lines(call)[-1] and call["listening"]
    call = await say(stack, call, speech="March 14th, 1962.")
    assert "When is a good time to call you?" in " ".join(bot_lines(call))
    await stack.wait_for_event(task["id"], "outreach.identity.verified")

    call = await say(stack, call, speech="Tomorrow after 5 pm.")
    assert "will call you then" in " ".join(bot_lines(call))
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "clinician_callback"
    assert not call["listening"] and call["status"] == "completed"


async def test_a_date_of_birth_keyed_in_on_the_phone_is_accepted_in_spanish(stack: Stack) -> None:
    task, phone = await place_voice_task(stack, language="es")
    call = await the_call(stack, phone)
    assert "fecha de nacimiento" in bot_lines(call)[0] and call["language"] == "es-US"
    call = await say(stack, call, digits="03141962")
    await stack.wait_for_event(task["id"], "outreach.identity.verified")
    assert call["listening"]


async def test_an_answering_machine_hears_who_called_and_nothing_about_the_patients_care(stack: Stack) -> None:
    task, phone = await place_voice_task(stack, answers="machine")
    call = await the_call(stack, phone)
    message = " ".join(bot_lines(call))
    assert "Riverside Health" in message and "call us back" in message
    assert "birth" not in message and not any(word in message.lower() for word in PHI_WORDS)
    event = await stack.wait_for_event(task["id"], "outreach.call.not_answered")
    assert event["data"]["reason"] == "voicemail"
    assert (await stack.task(task["id"]))["waiting_reason"] == "call_voicemail"


async def test_an_emergency_said_on_the_call_gets_911_before_identity(stack: Stack) -> None:
    task, phone = await place_voice_task(stack)
    call = await the_call(stack, phone)
    call = await say(stack, call, speech="I have chest pain and can't breathe")
    assert "911" in " ".join(bot_lines(call))
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "urgent"


async def test_a_call_nobody_answers_waits_for_the_ladders_next_rung(stack: Stack) -> None:
    task, _ = await place_voice_task(stack, answers="no_answer")
    event = await stack.wait_for_event(task["id"], "outreach.call.not_answered")
    assert event["data"]["reason"] == "no_answer"
    after = await stack.task(task["id"])
    assert after["state"] == "awaiting_reply" and after["waiting_reason"] == "call_no_answer"
    waited = datetime.fromisoformat(after["next_attempt_at"]) - datetime.fromisoformat(event["time"])
    assert timedelta(hours=23) < waited <= timedelta(hours=24, minutes=1)  # the workflow's first rung: a day


async def test_a_caller_who_asks_for_spanish_hears_spanish_from_then_on(stack: Stack) -> None:
    task, phone = await place_voice_task(stack)
    call = await the_call(stack, phone)
    call = await say(stack, call, speech="3/14/1962")
    await stack.wait_for_event(task["id"], "outreach.identity.verified")
    call = await say(stack, call, speech="en español por favor")
    assert call["language"] == "es-US" and call["listening"]


@pytest.mark.parametrize(("spoken", "language"), [("march fourteenth nineteen sixty two", "en"),
                                                  ("catorce de marzo de mil novecientos sesenta y dos", "es")])
async def test_a_date_of_birth_said_in_words_is_understood(stack: Stack, spoken: str, language: str) -> None:
    task, phone = await place_voice_task(stack, language=language)
    call = await the_call(stack, phone)
    call = await say(stack, call, speech=spoken)
    await stack.wait_for_event(task["id"], "outreach.identity.verified")


async def test_a_visit_booked_on_a_call_ends_the_call_and_is_confirmed_by_text(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    slot_ids = await stack.add_slots(provider, future_weekday_times(3))
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, preferred_channel="voice", birth_date=BIRTH_DATE),
                                   expect=201)
    call = await the_call(stack, phone)
    call = await say(stack, call, speech="March 14th, 1962.")
    offer = bot_lines(call)[-1]
    assert "press 2" in offer and "press 3" not in offer and "press 0" in offer  # at most three choices aloud
    call = await say(stack, call, digits="2")
    booked = await stack.wait_for_event(task["id"], "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]
    assert not call["listening"] and call["status"] == "completed"  # said goodbye and hung up
    texts = await stack.wait_for_texts(phone, 1)
    assert "You are booked" in texts[-1]  # something to keep: day, time and place by text


async def test_a_voice_booking_is_not_texted_without_consent_to_texts(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(2))
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, preferred_channel="voice", birth_date=BIRTH_DATE,
                                             consent_sms=False), expect=201)
    call = await the_call(stack, phone)
    call = await say(stack, call, speech="March 14th, 1962.")
    call = await say(stack, call, digits="1")
    await stack.wait_for_event(task["id"], "outreach.appointment.booked")
    await asyncio.sleep(1.5)
    assert await stack.texts_to(phone) == []
