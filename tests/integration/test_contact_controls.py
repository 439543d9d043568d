"""Contact controls: do-not-contact and deceased patients hear nothing more, a patient is not contacted more than
the cap allows across workflows, a changed phone gets the next message, and campaigns keep to their rate."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from conftest import Stack, daytime_zone, future_weekday_times, new_phone, night_zone, task_body


async def _patch(stack: Stack, patient_id: str, body: Any) -> tuple[int, dict[str, Any]]:
    async with stack.http.patch(f"{stack.base_url}/api/v1/patients/{patient_id}", json=body,
                                headers=stack.auth) as response:
        return response.status, await response.json()


async def _due_now(stack: Stack, task_id: str) -> None:
    """Time passes until the task's next attempt (the clock cannot be moved, the task's time can)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    await stack.let_time_pass("UPDATE outreachtask SET next_attempt_at = :now WHERE id = :task",
                              {"now": now, "task": task_id})


async def test_two_workflows_for_one_patient_on_one_day_send_one_opening_and_defer_the_other(stack: Stack) -> None:
    mrn = f"MRN-CAP-{uuid.uuid4().hex[:8]}"
    started = await stack.start_conversation(mrn=mrn)
    phone, first = started.phone, await stack.task(started.task_id)
    other = task_body(phone, started.provider, mrn=mrn)
    other["workflow"] = "care_gap"
    second = await stack.create_task(other, expect=201)
    assert second["patient_id"] == first["patient_id"]

    deferred = await stack.wait_for_event(second["id"], "outreach.task.deferred")
    assert deferred["data"]["reason"] == "frequency_cap"
    retry_at = datetime.fromisoformat(deferred["data"]["retry_at"])
    assert timedelta(hours=23) < retry_at - datetime.now(UTC) <= timedelta(hours=24)  # a day after the opening
    waiting = await stack.task(second["id"])
    assert waiting["state"] == "queued" and waiting["waiting_reason"] == "frequency_cap"
    await asyncio.sleep(1.5)
    assert len(await stack.texts_to(phone)) == 1  # one opening today

    await stack.let_a_week_pass_since_contacts(first["id"])  # the cap frees up: the other opening goes
    await _due_now(stack, second["id"])
    await stack.wait_for_event(second["id"], "outreach.conversation.started")
    assert len(await stack.wait_for_texts(phone, 2)) >= 2


async def test_a_patient_marked_deceased_has_every_open_task_cancelled_at_once_and_hears_nothing_more(
        stack: Stack) -> None:
    mrn = f"MRN-DEC-{uuid.uuid4().hex[:8]}"
    started = await stack.start_conversation(mrn=mrn)
    other = task_body(started.phone, started.provider, mrn=mrn)
    other["workflow"] = "care_gap"
    waiting = await stack.create_task(other, expect=201)  # held by the frequency cap
    await stack.wait_for_event(waiting["id"], "outreach.task.deferred")
    patient_id = waiting["patient_id"]

    status, patient = await _patch(stack, patient_id, {"deceased": True})
    assert status == 200 and patient["deceased"] is True and patient["id"] == patient_id
    for task_id in (started.task_id, waiting["id"]):
        task = await stack.task(task_id)
        assert task["state"] == "cancelled"
        ended = [e for e in await stack.events(task_id) if e["type"] == "outreach.task.completed"]
        assert ended[-1]["data"]["reason"] == "deceased" and ended[-1]["data"]["outcome"] == "cancelled"

    later = task_body(started.phone, started.provider, mrn=mrn)  # a new request for them changes nothing
    later["workflow"] = "referral"
    assert (await stack.create_task(later, expect=201))["state"] == "cancelled"
    await asyncio.sleep(1.5)
    assert len(await stack.texts_to(started.phone)) == 1  # the opening, and nothing after


async def test_do_not_contact_stops_all_outreach_and_open_tasks_end_as_opted_out(stack: Stack) -> None:
    phone = new_phone()
    flagged = await stack.create_task(task_body(phone, "prov-none", do_not_contact=True), expect=201)
    assert flagged["state"] == "opted_out"
    ended = [e for e in await stack.events(flagged["id"]) if e["type"] == "outreach.task.completed"]
    assert ended[-1]["data"]["reason"] == "do_not_contact"

    night_phone = new_phone()
    queued = await stack.create_task(task_body(night_phone, "prov-none", timezone=night_zone()), expect=201)
    await stack.wait_for_event(queued["id"], "outreach.task.deferred")  # quiet hours: not yet contacted
    status, patient = await _patch(stack, queued["patient_id"], {"do_not_contact": True})
    assert status == 200 and patient["do_not_contact"] is True
    assert (await stack.task(queued["id"]))["state"] == "opted_out"
    await _due_now(stack, queued["id"])
    await asyncio.sleep(1.5)
    assert await stack.texts_to(phone) == [] and await stack.texts_to(night_phone) == []


async def test_a_changed_phone_gets_the_next_message_and_the_conversation_follows_it(stack: Stack) -> None:
    old, new = new_phone(), new_phone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(3))
    task = await stack.create_task(task_body(old, provider, timezone=night_zone()), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.deferred")
    status, patient = await _patch(stack, task["patient_id"], {"phone": new, "timezone": daytime_zone(),
                                                               "language": "es"})
    assert status == 200 and patient["phone"] == new and patient["language"] == "es"
    updated = await stack.wait_for_event(task["id"], "outreach.patient.updated")
    assert updated["data"]["fields"] == ["language", "phone", "timezone"]  # which fields, never their values
    await _due_now(stack, task["id"])
    texts = await stack.wait_for_texts(new, 1)
    assert texts[0].startswith("Hola")  # the new language too
    assert await stack.texts_to(old) == []

    # a conversation under way moves to the new number: its next messages go there, and its answers come from there
    started = await stack.start_conversation()
    moved = new_phone()
    status, _ = await _patch(stack, (await stack.task(started.task_id))["patient_id"], {"phone": moved})
    assert status == 200
    await stack.reply(moved, "1")
    await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    assert len(await stack.wait_for_texts(moved, 1)) >= 1
    assert len(await stack.texts_to(started.phone)) == 1  # only the opening, before the change


async def test_a_patient_change_is_checked_like_the_rest_of_the_api(stack: Stack) -> None:
    task = await stack.create_task(task_body(new_phone(), "prov-none", timezone=night_zone()), expect=201)
    patient_id = task["patient_id"]
    for body, field in (({"phone": "555-0143"}, "phone"), ({"language": "fr"}, "language"),
                        ({"preferred_channel": "fax"}, "preferred_channel"), ({"deceased": "yes"}, "deceased"),
                        ({"nickname": "Sam"}, "nickname"), ({"phone": None}, ""), ({}, ""),
                        ({"preferred_channel": "chat"}, "preferred_channel")):
        status, answer = await _patch(stack, patient_id, body)
        assert status == 422, (body, answer)
        assert any(field in detail["field"] for detail in answer["error"]["details"]), (body, answer)
    status, answer = await _patch(stack, "no-such-patient", {"language": "es"})
    assert status == 404
    status, answer = await _patch(stack, patient_id, {"preferred_channel": "chat", "birth_date": "1980-02-03"})
    assert status == 200 and answer["preferred_channel"] == "chat" and answer["has_birth_date"] is True
    async with stack.http.patch(f"{stack.base_url}/api/v1/patients/{patient_id}", data=b"[1]",
                                headers=stack.auth) as response:
        assert response.status == 400


def _campaign_csv(phones: list[str], provider: str) -> str:
    zone = daytime_zone()
    return "given_name,phone,timezone,provider_id\n" + "".join(
        f"P{i},{phone},{zone},{provider}\n" for i, phone in enumerate(phones))


async def _upload(stack: Stack, csv_text: str, **params: str) -> tuple[int, dict[str, Any]]:
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns", params=params, data=csv_text.encode(),
                               headers={**stack.auth, "Content-Type": "text/csv"}) as response:
        return response.status, await response.json()


async def _first_text_at(stack: Stack, phone: str) -> datetime:
    thread = await stack.thread(phone)
    return min(datetime.fromisoformat(m["created_at"]) for m in thread if m["direction"].startswith("outbound"))


async def test_a_campaign_at_its_rate_opens_n_patients_no_faster_than_n_minus_one_over_r(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(3))
    phones = [new_phone() for _ in range(3)]
    asked_at = datetime.now(UTC)
    status, campaign = await _upload(stack, _campaign_csv(phones, provider), name=f"rate-{uuid.uuid4().hex[:6]}",
                                     workflow="missed_appointment", rate="0.5")
    assert status == 201 and campaign["rate"] == 0.5
    for phone in phones:
        await stack.wait_for_texts(phone, 1, within=30)
    times = sorted([await _first_text_at(stack, phone) for phone in phones])
    assert (times[-1] - asked_at).total_seconds() >= (3 - 1) / 0.5, times  # opening all three took (N-1)/r
    assert (times[-1] - times[0]).total_seconds() >= (3 - 1) / 0.5 - 1, times  # spread out, not at the end

    status, bad = await _upload(stack, _campaign_csv([new_phone()], provider), name="bad-rate", rate="0",
                                workflow="missed_appointment")
    assert status == 422 and bad["error"]["details"][0]["field"] == "rate"


async def _act(stack: Stack, campaign_id: str, action: str) -> tuple[int, dict[str, Any]]:
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns/{campaign_id}/{action}",
                               headers=stack.auth) as response:
        return response.status, await response.json()


async def _texted(stack: Stack, phones: list[str]) -> int:
    return sum([1 for phone in phones if await stack.texts_to(phone)])


async def _wait_until_texted(stack: Stack, phones: list[str], count: int, within: float = 20.0) -> int:
    deadline = asyncio.get_running_loop().time() + within
    texted = await _texted(stack, phones)
    while texted < count and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.2)
        texted = await _texted(stack, phones)
    return texted


async def test_a_paused_campaign_contacts_nobody_new_until_resumed_and_a_cancelled_one_stops(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(3))
    phones = [new_phone() for _ in range(3)]
    status, campaign = await _upload(stack, _campaign_csv(phones, provider), name=f"pause-{uuid.uuid4().hex[:6]}",
                                     workflow="missed_appointment", rate="0.33")
    assert status == 201
    assert await _wait_until_texted(stack, phones, 1) == 1
    status, paused = await _act(stack, campaign["id"], "pause")
    assert status == 200 and paused["state"] == "paused"
    assert (await _act(stack, campaign["id"], "pause"))[0] == 409
    await asyncio.sleep(7)  # two more turns at 0.33/s: nobody new while paused
    assert await _texted(stack, phones) == 1

    status, resumed = await _act(stack, campaign["id"], "resume")
    assert status == 200 and resumed["state"] == "running"
    assert await _wait_until_texted(stack, phones, 2) == 2
    status, cancelled = await _act(stack, campaign["id"], "cancel")
    assert status == 200 and cancelled["state"] == "cancelled"
    assert cancelled["tasks_by_state"].get("cancelled") == 1
    await asyncio.sleep(4)
    assert await _texted(stack, phones) == 2
    assert (await _act(stack, "no-such-campaign", "resume"))[0] == 404
