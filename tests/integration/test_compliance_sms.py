"""Opt-out before any NLU, signed webhooks only, and duplicates ignored."""

from __future__ import annotations

import asyncio
import uuid

from conftest import SIMULATOR_TOKEN, Stack, new_phone, task_body
from twilio.request_validator import RequestValidator

from bot.core.settings import SIMULATOR_ACCOUNT_SID


async def test_a_patient_who_texts_stop_hears_nothing_more(stack: Stack) -> None:
    started = await stack.start_conversation()
    task, phone, provider = {"id": started.task_id}, started.phone, started.provider

    await stack.reply(phone, "STOP")
    await stack.wait_for_event(task["id"], "outreach.patient.opted_out")
    texts = await stack.wait_for_texts(phone, 2)
    assert "unsubscribed" in texts[1]  # Twilio confirms its own keywords; we do not confirm twice
    assert (await stack.task(task["id"]))["state"] == "opted_out"

    await stack.reply(phone, "2")
    await stack.reply(phone, "stop")
    later = await stack.create_task(task_body(phone, provider), expect=201)
    await stack.wait_for_event(later["id"], "outreach.task.completed")
    assert (await stack.task(later["id"]))["state"] == "opted_out"
    await asyncio.sleep(1.5)
    assert len(await stack.texts_to(phone)) == 2  # the opening and one confirmation, nothing after


async def test_a_plain_words_opt_out_is_honoured_and_confirmed_once_by_us(stack: Stack) -> None:
    started = await stack.start_conversation()
    task, phone = {"id": started.task_id}, started.phone

    await stack.reply(phone, "please stop texting me")
    await stack.wait_for_event(task["id"], "outreach.patient.opted_out")
    texts = await stack.wait_for_texts(phone, 2)
    assert "no more texts" in texts[1] and "START" in texts[1]
    await stack.reply(phone, "Alto")
    await stack.reply(phone, "hello?")
    await asyncio.sleep(1.5)
    assert len(await stack.texts_to(phone)) == 2
    await stack.reply(phone, "START")
    texts = await stack.wait_for_texts(phone, 3)
    assert "STOP" in texts[2]


async def test_start_after_stop_takes_up_the_offer_where_it_was(stack: Stack) -> None:
    """A STOP sent by mistake, then START: the offer the patient was answering is theirs again, so "2" books
    it (before, the task had ended and "2" met "nothing open for you")."""
    started = await stack.start_conversation()
    task_id, phone = started.task_id, started.phone
    await stack.reply(phone, "STOP")
    await stack.wait_for_event(task_id, "outreach.patient.opted_out")
    await stack.reply(phone, "START")
    await stack.wait_for_texts(phone, 3)
    for _ in range(100):
        if (await stack.task(task_id))["state"] == "awaiting_reply":
            break
        await asyncio.sleep(0.1)
    resumed = [e for e in await stack.events(task_id) if e["type"] == "outreach.task.awaiting_reply"][-1]
    assert resumed["data"]["from"] == "opted_out" and resumed["data"]["reason"] == "patient_opted_in"
    await stack.reply(phone, "2")
    await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert (await stack.task(task_id))["state"] == "booked"


async def test_a_webhook_with_a_bad_signature_is_refused(stack: Stack) -> None:
    url = f"{stack.base_url}/channels/sms/inbound"
    params = {"MessageSid": "SM" + "1" * 32, "From": new_phone(), "To": "+15005550006", "Body": "2",
              "AccountSid": SIMULATOR_ACCOUNT_SID}
    forged = RequestValidator("some-other-token").compute_signature(url, params)
    async with stack.http.post(url, data=params, headers={"X-Twilio-Signature": forged}) as response:
        assert response.status == 403
    async with stack.http.post(url, data=params) as response:
        assert response.status == 403
    good = RequestValidator(SIMULATOR_TOKEN).compute_signature(url, params)
    async with stack.http.post(url, data={**params, "Body": "3"}, headers={"X-Twilio-Signature": good}) as r:
        assert r.status == 403  # the body changed after signing
    async with stack.http.post(url, data=params, headers={"X-Twilio-Signature": good}) as response:
        assert response.status == 200


async def test_a_repeated_webhook_is_processed_once(stack: Stack) -> None:
    phone = (await stack.start_conversation()).phone
    url = f"{stack.base_url}/channels/sms/inbound"
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": phone, "To": "+15005550006", "Body": "HELP",
              "AccountSid": SIMULATOR_ACCOUNT_SID}
    signature = RequestValidator(SIMULATOR_TOKEN).compute_signature(url, params)
    for _ in range(3):
        async with stack.http.post(url, data=params, headers={"X-Twilio-Signature": signature}) as response:
            assert response.status == 200
    texts = await stack.wait_for_texts(phone, 2)
    await asyncio.sleep(1.0)
    assert len(await stack.texts_to(phone)) == 2 and "STOP" in texts[1]


async def test_a_status_callback_saying_the_number_unsubscribed_stops_all_further_texts(stack: Stack) -> None:
    """Carrier error 21610 in a status callback (the number replied STOP to the carrier): an opt-out, as when a
    send is refused with it; the next task for that number texts nothing."""
    started = await stack.start_conversation()
    opening = (await stack.thread(started.phone))[0]
    url = f"{stack.base_url}/channels/sms/status"
    params = {"MessageSid": opening["sid"], "MessageStatus": "undelivered", "ErrorCode": "21610",
              "AccountSid": SIMULATOR_ACCOUNT_SID, "From": "+15005550006", "To": started.phone}
    signature = RequestValidator(SIMULATOR_TOKEN).compute_signature(url, params)
    async with stack.http.post(url, data=params, headers={"X-Twilio-Signature": signature}) as response:
        assert response.status == 204
    # (the opt-out holds even when the callback crosses the carrier's "delivered": STATUS_RANK keeps the message
    # delivered, the unsubscribed number is honoured all the same)
    await stack.wait_for_event(started.task_id, "outreach.patient.opted_out")
    another_need = task_body(started.phone, started.provider)
    another_need["workflow"] = "care_gap"  # (the same need again would be the open task itself)
    again = await stack.create_task(another_need, expect=201)
    for _ in range(20):
        task = await stack.task(again["id"])
        if task["state"] != "queued":
            break
        await asyncio.sleep(0.3)
    assert task["state"] == "opted_out", task
    assert len(await stack.texts_to(started.phone)) == 1  # the opening only


async def test_a_patient_who_withdraws_consent_in_plain_words_is_opted_out_and_told_once(stack: Stack) -> None:
    started = await stack.start_conversation(language="es")
    await stack.reply(started.phone, "ya no quiero recibir mensajes, gracias")
    await stack.wait_for_event(started.task_id, "outreach.patient.opted_out")
    texts = await stack.wait_for_texts(started.phone, 2)
    await stack.reply(started.phone, "hola?")
    await asyncio.sleep(2)
    assert len(await stack.texts_to(started.phone)) == len(texts) == 2  # one confirmation, then silence
    assert (await stack.task(started.task_id))["state"] == "opted_out"
