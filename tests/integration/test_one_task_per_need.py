"""One open task per patient and need: a second request for the same need contacts nobody twice."""

from __future__ import annotations

import asyncio

from conftest import Stack, new_phone, task_body


async def test_four_requests_for_one_phone_and_need_send_one_opening(stack: Stack) -> None:
    phone = new_phone()
    started = await stack.start_conversation()  # a provider with open times, for the requests below
    bodies = [task_body(phone, started.provider) for _ in range(4)]
    first = await stack.create_task(bodies[0], expect=201)
    others = [await stack.create_task(body, expect=200) for body in bodies[1:]]
    assert {t["id"] for t in others} == {first["id"]} and all(t["merged"] for t in others)
    await stack.wait_for_event(first["id"], "outreach.task.awaiting_reply")
    await asyncio.sleep(2)
    assert len(await stack.texts_to(phone)) == 1
    merged = [e for e in await stack.events(first["id"]) if e["type"] == "outreach.task.merged"]
    assert len(merged) == 3


async def test_another_need_of_the_same_patient_is_its_own_task(stack: Stack) -> None:
    phone = new_phone()
    first = await stack.create_task(task_body(phone, "prov-none", mrn="MRN-NEED-1"), expect=201)
    other_workflow = task_body(phone, "prov-none", mrn="MRN-NEED-1")
    other_workflow["workflow"] = "care_gap"
    assert (await stack.create_task(other_workflow, expect=201))["id"] != first["id"]
    other_referral = task_body(phone, "prov-none", mrn="MRN-NEED-1")
    other_referral["workflow"], other_referral["context"]["referral_id"] = "referral", "R-1"
    second_referral = task_body(phone, "prov-none", mrn="MRN-NEED-1")
    second_referral["workflow"], second_referral["context"]["referral_id"] = "referral", "R-2"
    one = await stack.create_task(other_referral, expect=201)
    two = await stack.create_task(second_referral, expect=201)
    assert one["id"] != two["id"]
