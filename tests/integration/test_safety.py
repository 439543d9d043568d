"""Emergencies and opt-outs work from any dialogue state, in English and Spanish; an engine outage loses
nothing and leaves no patient in silence."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from cluster import engine_pid
from conftest import Stack


@pytest.mark.parametrize(
    ("language", "workflow", "words", "expected"),
    [
        ("en", "missed_appointment", "I have chest pain right now", "911"),
        ("en", "post_discharge", "cant breathe well since this morning", "911"),
        ("es", "missed_appointment", "me duele mucho el pecho", "911"),
        ("es", "post_discharge", "ya no quiero vivir", "988"),
        ("en", "abnormal_result", "honestly I want to kill myself", "988"),
    ],
)
async def test_emergency_words_get_the_instruction_and_an_urgent_person_at_once(
    stack: Stack, language: str, workflow: str, words: str, expected: str
) -> None:
    started = await stack.start_conversation(workflow, slots=9, language=language)
    task_id, phone = started.task_id, started.phone
    await stack.reply(phone, words)
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "urgent"
    reply = (await stack.wait_for_texts(phone, 2))[1]
    assert expected in reply
    if language == "es":
        assert "llame" in reply.lower()  # in the patient's language
    assert (await stack.task(task_id))["state"] == "handed_off"


async def test_an_emergency_mid_booking_stops_the_bot_from_booking(stack: Stack) -> None:
    started = await stack.start_conversation(slots=9)
    task_id, phone = started.task_id, started.phone
    await stack.reply(phone, "none of those work")
    await stack.wait_for_texts(phone, 2)
    await stack.reply(phone, "wait my dad is having a stroke")
    await stack.wait_for_event(task_id, "outreach.handoff.requested")
    await stack.reply(phone, "2")
    await asyncio.sleep(1.5)
    types = [e["type"] for e in await stack.events(task_id)]
    assert "outreach.appointment.booked" not in types


@pytest.mark.parametrize(("language", "words"), [("es", "ALTO"), ("es", "ya no me manden mensajes"),
                                                 ("en", "STOP")])
async def test_opt_out_works_mid_conversation_in_both_languages(stack: Stack, language: str, words: str) -> None:
    started = await stack.start_conversation("post_discharge", slots=9, language=language)
    task_id, phone = started.task_id, started.phone
    await stack.reply(phone, "1")
    await stack.wait_for_texts(phone, 2)  # now in the middle of choosing a follow-up time
    await stack.reply(phone, words)
    await stack.wait_for_event(task_id, "outreach.patient.opted_out")
    assert (await stack.task(task_id))["state"] == "opted_out"
    count = len(await stack.wait_for_texts(phone, 3))
    await stack.reply(phone, "2")
    await asyncio.sleep(1.5)
    assert len(await stack.texts_to(phone)) == count


def _engine_pid(stack: Stack) -> int:
    pid = engine_pid(stack.engine_port)
    assert pid is not None, "engine process not found"
    return pid


async def test_while_the_engine_is_down_messages_are_kept_answered_and_replayed_in_order(stack: Stack) -> None:
    started = await stack.start_conversation(slots=9)
    task_id, phone = started.task_id, started.phone
    pid = _engine_pid(stack)
    os.kill(pid, signal.SIGSTOP)  # the engine hangs: no answer at all
    try:
        await stack.reply(phone, "none of those work")
        holding = (await stack.wait_for_texts(phone, 2, within=30))[1]
        assert "we got your message" in holding
        await stack.reply(phone, "2")
        await asyncio.sleep(1.0)
        assert len(await stack.texts_to(phone)) == 2  # one holding reply, not one per message
    finally:
        os.kill(pid, signal.SIGCONT)
    await stack.wait_for_event(task_id, "outreach.appointment.booked", within=60)
    texts = await stack.wait_for_texts(phone, 4)
    assert "other times" in texts[2] and "You are booked" in texts[3]  # in the order they were sent
    # "2" was written while the patient still had the first list: it means the second time of that list, not of
    # a list made while the kept messages were replayed
    offers = [e for e in await stack.events(task_id) if e["type"] == "outreach.slot.offered"]
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == offers[0]["data"]["slots"][1]["slot_id"]
