"""Chinese and Vietnamese replies read right through the whole stack: the engine's intent, then the app's logic."""

from __future__ import annotations

import pytest
from conftest import Stack


async def _types(stack: Stack, task_id: str) -> list[str]:
    return [e["type"] for e in await stack.events(task_id)]


@pytest.mark.parametrize(("reply", "language"), [("我要第二个时间", "zh"), ("tôi chọn số hai nhé", "vi")])
async def test_the_second_time_chosen_in_words_is_booked(stack: Stack, reply: str, language: str) -> None:
    started = await stack.start_conversation(language=language)
    await stack.reply(started.phone, reply)
    booked = await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == started.slot_ids[1]


@pytest.mark.parametrize(("reply", "language"), [
    ("这几个时间我都不方便，还有别的吗", "zh"), ("mấy giờ đó tôi bận hết, có giờ khác không", "vi"),
])
async def test_asking_for_other_times_gets_a_new_offer(stack: Stack, reply: str, language: str) -> None:
    started = await stack.start_conversation(language=language, slots=7)
    await stack.reply(started.phone, reply)
    await stack.wait_for_texts(started.phone, 2)
    offers = [e for e in await stack.events(started.task_id) if e["type"] == "outreach.slot.offered"]
    assert len(offers) == 2
    assert "outreach.appointment.booked" not in await _types(stack, started.task_id)


@pytest.mark.parametrize(("reply", "language"), [
    ("不用了，我不想预约", "zh"), ("thôi, tôi không muốn đặt lịch đâu", "vi"),
])
async def test_declining_ends_the_task_declined(stack: Stack, reply: str, language: str) -> None:
    started = await stack.start_conversation(language=language)
    await stack.reply(started.phone, reply)
    await stack.wait_for_event(started.task_id, "outreach.patient.declined")
    assert (await stack.task(started.task_id))["state"] == "declined"


@pytest.mark.parametrize(("reply", "language"), [
    ("我想跟真人说话", "zh"), ("cho tôi nói chuyện với nhân viên", "vi"),
])
async def test_asking_for_a_person_hands_off(stack: Stack, reply: str, language: str) -> None:
    started = await stack.start_conversation(language=language)
    await stack.reply(started.phone, reply)
    await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    assert "outreach.appointment.booked" not in await _types(stack, started.task_id)


@pytest.mark.parametrize(("reply", "language"), [
    ("你们发错人了，我不认识这个人", "zh"), ("nhầm số rồi, tôi không biết người này", "vi"),
])
async def test_a_wrong_number_in_clear_words_is_a_wrong_number(stack: Stack, reply: str, language: str) -> None:
    started = await stack.start_conversation(language=language)
    await stack.reply(started.phone, reply)
    await stack.wait_for_event(started.task_id, "outreach.patient.wrong_number")
    assert (await stack.task(started.task_id))["state"] == "unreachable"


@pytest.mark.parametrize(("reply", "language"), [
    ("我在上班，晚点再联系", "zh"), ("đang bận, lát nữa nhắn lại nhé", "vi"),
])
async def test_later_defers(stack: Stack, reply: str, language: str) -> None:
    started = await stack.start_conversation(language=language)
    await stack.reply(started.phone, reply)
    await stack.wait_for_event(started.task_id, "outreach.patient.asked_later")
    assert "outreach.appointment.booked" not in await _types(stack, started.task_id)
