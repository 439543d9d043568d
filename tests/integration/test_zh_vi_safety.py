"""Chinese and Vietnamese patients: emergencies and opt-out words are honoured before any NLU."""

from __future__ import annotations

from conftest import Stack


async def test_a_chinese_patient_with_chest_pain_is_told_to_call_911_and_goes_to_a_person_at_once(stack: Stack
                                                                                                  ) -> None:
    started = await stack.start_conversation(language="zh")
    await stack.reply(started.phone, "我胸口很痛，喘不过气")
    handoff = await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "urgent"
    texts = await stack.wait_for_texts(started.phone, 2)
    assert "911" in texts[1]


async def test_a_vietnamese_patient_who_wants_to_die_is_given_988_and_a_person(stack: Stack) -> None:
    started = await stack.start_conversation(language="vi")
    await stack.reply(started.phone, "tôi không muốn sống nữa")
    handoff = await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "urgent"
    texts = await stack.wait_for_texts(started.phone, 2)
    assert "988" in texts[1]


async def test_tuiding_opts_a_chinese_patient_out(stack: Stack) -> None:
    started = await stack.start_conversation(language="zh")
    await stack.reply(started.phone, "退订")
    await stack.wait_for_event(started.task_id, "outreach.patient.opted_out")
    task = await stack.task(started.task_id)
    assert task["state"] == "opted_out"


async def test_a_vietnamese_patient_typing_raw_telex_is_read_as_vietnamese(stack: Stack) -> None:
    """No Vietnamese keyboard: "bố tôi đau ngực, khó thở" arrives as Telex keys; it is still an emergency, and
    "xin đừng nhắn tin nữa" typed the same way still opts out."""
    started = await stack.start_conversation(language="vi")
    await stack.reply(started.phone, "boos tooi ddau nguwcj, khos thowr")
    handoff = await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "urgent"
    assert "911" in (await stack.wait_for_texts(started.phone, 2))[1]
    other = await stack.start_conversation(language="vi")
    await stack.reply(other.phone, "xin ddwngf nhawns tin nuwax")
    await stack.wait_for_event(other.task_id, "outreach.patient.opted_out")
    assert (await stack.task(other.task_id))["state"] == "opted_out"
