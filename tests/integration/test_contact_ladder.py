"""The task lifecycle, with the stack's clock moved: a patient who never answers gets the workflow's declared
reminder, then a call, then reaches a person; a channel that cannot reach the patient gives way to the next at
once; a cancelled task is never contacted again; a campaign sent in the evening texts nobody after 21:00 local
and reaches them at 8:00 in their own zone."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from conftest import Stack, new_phone, task_body

from bot.outreach.policy import fixed_offset_zone
from bot.outreach.workflows import WORKFLOWS


def _zone_in_daytime(stack: Stack) -> str:
    """A zone where it is mid-day for the stack now (its clock may be days ahead of this machine's)."""
    return fixed_offset_zone(stack.now(), (10, 12))


async def _task_for(stack: Stack, workflow: str = "missed_appointment", **patient: Any) -> tuple[str, str]:
    phone = new_phone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    starts = [stack.now() + timedelta(days=9 + day, hours=2) for day in range(3)]
    await stack.add_slots(provider, starts)
    body = task_body(phone, provider, timezone=_zone_in_daytime(stack), **{"birth_date": "1958-03-14", **patient})
    body["workflow"] = workflow
    task = await stack.create_task(body, expect=201)
    return task["id"], phone


async def _types(stack: Stack, task_id: str) -> list[str]:
    return [event["type"] for event in await stack.events(task_id)]


async def _answers(stack: Stack, phone: str, answer: str) -> None:
    async with stack.http.post(f"{stack.base_url}/sim/phones/{phone}/answers", json={"answer": answer}) as response:
        assert response.status == 200, await response.text()


async def _texts_fate(stack: Stack, phone: str, fate: str) -> None:
    async with stack.http.post(f"{stack.base_url}/sim/phones/{phone}/texts", json={"fate": fate}) as response:
        assert response.status == 200, await response.text()


async def _stays(stack: Stack, task_id: str, event_type: str, seconds: float = 2.5) -> None:
    """Nothing of ``event_type`` happens to the task for a few seconds of real time."""
    await asyncio.sleep(seconds)
    assert event_type not in await _types(stack, task_id)


async def test_a_patient_who_never_answers_gets_the_declared_reminder_then_a_call_then_a_person(
        clock_stack: Stack) -> None:
    stack = clock_stack
    ladder = WORKFLOWS["missed_appointment"].lifecycle.ladder
    assert [rung.action for rung in ladder] == ["remind", "next_channel", "person"]
    task_id, phone = await _task_for(stack)
    await _answers(stack, phone, "no_answer")
    await stack.wait_for_event(task_id, "outreach.task.awaiting_reply")
    assert len(await stack.texts_to(phone)) == 1

    await stack.move_clock(ladder[0].after - timedelta(hours=1))  # not yet
    await _stays(stack, task_id, "outreach.task.reminded")
    await stack.move_clock(timedelta(hours=1, minutes=1))
    reminded = await stack.wait_for_event(task_id, "outreach.task.reminded")
    assert reminded["data"]["channel"] == "sms" and reminded["data"]["rung"] == 0
    texts = await stack.wait_for_texts(phone, 2)
    assert "not heard back" in texts[1] and "STOP" in texts[1]
    assert (await stack.task(task_id))["ladder_step"] == 1

    await stack.move_clock(ladder[1].after - timedelta(hours=1))
    await _stays(stack, task_id, "outreach.call.placed")
    await stack.move_clock(timedelta(hours=1, minutes=1))
    moved = await stack.wait_for_event(task_id, "outreach.task.next_channel")
    assert moved["data"]["channel"] == "voice"
    await stack.wait_for_event(task_id, "outreach.call.placed")
    await stack.wait_for_event(task_id, "outreach.call.not_answered")
    assert (await stack.task(task_id))["state"] == "awaiting_reply"

    await stack.move_clock(ladder[2].after + timedelta(minutes=1))
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "unreachable" and handoff["data"]["detail"] == "no_reply"
    task = await stack.task(task_id)
    assert task["state"] == "unreachable" and task["ladder_step"] == 3
    assert len(await stack.texts_to(phone)) == 2  # the opening and one reminder: nothing more


async def test_a_reply_restarts_the_silence_before_a_reminder(clock_stack: Stack) -> None:
    stack = clock_stack
    task_id, phone = await _task_for(stack)
    await stack.wait_for_event(task_id, "outreach.task.awaiting_reply")
    await stack.move_clock(timedelta(hours=2))
    await stack.reply(phone, "who is this?")
    await stack.wait_for_texts(phone, 2)
    await stack.move_clock(timedelta(hours=22, minutes=1))  # a day after the opening, 22 h after the reply
    await _stays(stack, task_id, "outreach.task.reminded")
    await stack.move_clock(timedelta(hours=2))
    reminded = await stack.wait_for_event(task_id, "outreach.task.reminded")
    assert reminded["data"]["rung"] == 0


async def test_a_reminder_due_at_night_waits_for_the_morning_and_says_so(clock_stack: Stack) -> None:
    """A reminder that comes due in the patient's quiet hours is deferred to 8:00 their time, with the event
    that says why (before, it was silently tried again every few minutes all night)."""
    stack = clock_stack
    task_id, phone = await _task_for(stack)  # opened between 10:00 and 12:00 in the patient's zone
    await stack.wait_for_event(task_id, "outreach.task.awaiting_reply")
    await stack.move_clock(timedelta(days=1, hours=11))  # the reminder is due; it is 21:00-23:00 there
    deferred = await stack.wait_for_event(task_id, "outreach.task.deferred")
    assert deferred["data"]["reason"] == "quiet_hours" and deferred["data"]["rung"] == 0
    assert datetime.fromisoformat(deferred["data"]["retry_at"]) > stack.now()
    await _stays(stack, task_id, "outreach.task.reminded")
    assert len(await stack.texts_to(phone)) == 1
    await stack.move_clock(timedelta(hours=11))
    await stack.wait_for_event(task_id, "outreach.task.reminded")
    assert len(await stack.wait_for_texts(phone, 2)) == 2


async def test_a_task_cancelled_mid_ladder_is_never_contacted_again(clock_stack: Stack) -> None:
    stack = clock_stack
    task_id, phone = await _task_for(stack)
    await stack.wait_for_event(task_id, "outreach.task.awaiting_reply")
    await stack.move_clock(timedelta(days=1, minutes=1))
    await stack.wait_for_event(task_id, "outreach.task.reminded")
    url = f"{stack.base_url}/api/v1/tasks/{task_id}/cancel"
    async with stack.http.post(url, json={"reason": "booked by phone"}, headers=stack.auth) as response:
        assert response.status == 200
    await stack.move_clock(timedelta(days=3))
    await _stays(stack, task_id, "outreach.call.placed")
    assert "outreach.task.next_channel" not in await _types(stack, task_id)
    assert (await stack.task(task_id))["state"] == "cancelled"
    assert len(await stack.texts_to(phone)) == 2


async def test_an_unfinished_task_expires_at_its_due_by_with_the_reason(clock_stack: Stack) -> None:
    stack = clock_stack
    phone = new_phone()
    body = task_body(phone, "prov-none", timezone=_zone_in_daytime(stack))
    body["workflow"] = "appointment_reminder"
    starts = stack.now() + timedelta(days=5)
    body["context"] = {"appointment": {"starts_at": starts.isoformat(), "location": "Main Clinic"}}
    body["due_by"] = (stack.now() + timedelta(days=2)).isoformat()
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.move_clock(timedelta(days=2, minutes=1))
    completed = await stack.wait_for_event(task["id"], "outreach.task.completed")
    assert completed["data"]["outcome"] == "expired" and completed["data"]["reason"] == "due_by_passed"


def _checkin(phone: str, **patient: Any) -> dict[str, Any]:
    """A check-in after discharge: a question that needs no open times (a call asks for the date of birth)."""
    body = task_body(phone, "prov-none", **{"birth_date": "1958-03-14", **patient})
    body["workflow"] = "post_discharge"
    return body


async def test_a_landline_goes_straight_to_a_call(stack: Stack) -> None:
    phone = new_phone()
    await _texts_fate(stack, phone, "landline")
    await _answers(stack, phone, "no_answer")
    task = await stack.create_task(_checkin(phone), expect=201)
    failed = await stack.wait_for_event(task["id"], "outreach.task.channel_failed")
    assert failed["data"]["channel"] == "sms" and failed["data"]["next_channel"] == "voice"
    assert failed["data"]["error_code"] == 21614
    await stack.wait_for_event(task["id"], "outreach.call.placed", within=10)
    assert (await stack.task(task["id"]))["channel"] == "voice"


async def test_a_landline_with_no_date_of_birth_on_file_goes_to_a_person_not_a_call(stack: Stack) -> None:
    """A call would ask for a date of birth that can never match: a person reaches the patient instead."""
    phone = new_phone()
    await _texts_fate(stack, phone, "landline")
    body = _checkin(phone)
    del body["patient"]["birth_date"]
    task = await stack.create_task(body, expect=201)
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "unreachable"
    assert (await stack.task(task["id"]))["state"] == "unreachable"
    assert "outreach.call.placed" not in await _types(stack, task["id"])


async def test_a_text_the_carrier_could_not_deliver_moves_to_a_call_at_once(stack: Stack) -> None:
    phone = new_phone()
    await _texts_fate(stack, phone, "unreachable")
    await _answers(stack, phone, "no_answer")
    task = await stack.create_task(_checkin(phone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.message.failed")
    moved = await stack.wait_for_event(task["id"], "outreach.task.channel_failed")
    assert moved["data"]["next_channel"] == "voice"
    await stack.wait_for_event(task["id"], "outreach.call.placed", within=10)


async def test_no_consent_to_texts_calls_instead(stack: Stack) -> None:
    phone = new_phone()
    await _answers(stack, phone, "no_answer")
    task = await stack.create_task(_checkin(phone, consent_sms=False), expect=201)
    failed = await stack.wait_for_event(task["id"], "outreach.task.channel_failed")
    assert failed["data"]["reason"] == "no_consent"
    await stack.wait_for_event(task["id"], "outreach.call.placed", within=10)
    assert await stack.texts_to(phone) == []


async def _campaign(stack: Stack, rows: list[tuple[str, str]]) -> str:
    lines = ["mrn,given_name,phone,timezone,workflow"]
    lines += [f"MRN-{uuid.uuid4().hex[:8]},Pat,{phone},{zone},care_gap" for phone, zone in rows]
    csv_text = "\n".join(lines) + "\n"
    url = f"{stack.base_url}/api/v1/campaigns"
    headers = {**stack.auth, "Content-Type": "text/csv"}
    async with stack.http.post(url, data=csv_text.encode(), headers=headers,
                               params={"name": f"evening-{uuid.uuid4().hex[:6]}"}) as response:
        payload = await response.json()
        assert response.status in (200, 201), payload
        return str(payload["id"])


async def test_an_evening_campaign_texts_nobody_after_nine_and_resumes_at_eight_in_each_zone(
        clock_stack: Stack) -> None:
    stack = clock_stack
    new_york = ZoneInfo("America/New_York")
    local = stack.now().astimezone(new_york)
    evening = datetime.combine(local.date() + timedelta(days=1), time(20, 30), new_york)
    await stack.move_clock(evening.astimezone(UTC) - stack.now())
    early = [(new_phone(), "America/New_York"), (new_phone(), "Pacific/Honolulu")]
    await _campaign(stack, early)
    for phone, _ in early:  # 20:30 in New York, 14:30 in Honolulu: both inside the window
        await stack.wait_for_texts(phone, 1)

    await stack.move_clock(timedelta(minutes=35))  # 21:05 in New York
    late_ny, late_hnl = new_phone(), new_phone()
    await _campaign(stack, [(late_ny, "America/New_York"), (late_hnl, "Pacific/Honolulu")])
    await stack.wait_for_texts(late_hnl, 1)
    await asyncio.sleep(2)
    assert await stack.texts_to(late_ny) == []

    morning = datetime.combine(evening.date() + timedelta(days=1), time(8, 1), new_york)
    await stack.move_clock(morning.astimezone(UTC) - stack.now())
    texts = await stack.wait_for_texts(late_ny, 1)
    assert len(texts) == 1
    assert len(await stack.texts_to(late_hnl)) == 1  # nobody twice
    for phone, _ in early:
        assert len(await stack.texts_to(phone)) == 1


async def test_the_cap_across_workflows_holds_the_second_opening_until_a_day_has_passed(clock_stack: Stack) -> None:
    stack = clock_stack
    phone, mrn, zone = new_phone(), f"MRN-CAP-{uuid.uuid4().hex[:8]}", _zone_in_daytime(stack)
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, [stack.now() + timedelta(days=9 + day, hours=2) for day in range(3)], "screening")
    first = task_body(phone, provider, timezone=zone, mrn=mrn)
    first["workflow"] = "care_gap"  # its first reminder is days away: only the two openings compete
    first["context"] = {"provider_id": provider, "visit_type": "screening"}
    created = await stack.create_task(first, expect=201)
    await stack.wait_for_event(created["id"], "outreach.task.awaiting_reply")
    second = task_body(phone, "prov-none", timezone=zone, mrn=mrn)
    second["workflow"] = "abnormal_result"
    held = await stack.create_task(second, expect=201)
    deferred = await stack.wait_for_event(held["id"], "outreach.task.deferred")
    assert deferred["data"]["reason"] == "frequency_cap"
    await stack.move_clock(timedelta(hours=23))
    await _stays(stack, held["id"], "outreach.conversation.started")
    assert len(await stack.texts_to(phone)) == 1
    await stack.move_clock(timedelta(hours=1, minutes=2))
    await stack.wait_for_event(held["id"], "outreach.conversation.started")
    assert len(await stack.wait_for_texts(phone, 2)) == 2
