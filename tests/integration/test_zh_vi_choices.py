"""Chinese and Vietnamese patients pick an offered time in their own words, through the whole stack: the weekday
and hour they name is booked, and a Vietnamese "thứ" is never read as the English "Thursday"."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conftest import Stack, daytime_zone, new_phone, task_body

ZH_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
VI_WEEKDAYS = ("thu 2", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat")  # typed without diacritics


async def _offer_local(stack: Stack, language: str, hours: list[tuple[int, int]]) -> tuple[str, str, list[str],
                                                                                           list[datetime]]:
    """Offer times (days from today, local hour) in a fresh patient's zone; the task, phone, slot ids, local starts."""
    zone = daytime_zone()
    today = datetime.now(ZoneInfo(zone)).date()
    local = [datetime.combine(today + timedelta(days=d), time(h), ZoneInfo(zone)) for d, h in hours]
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    slot_ids = await stack.add_slots(provider, [start.astimezone(UTC) for start in local])
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, timezone=zone, language=language), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    return task["id"], phone, slot_ids, local


async def test_a_chinese_patient_books_by_weekday_and_afternoon_hour(stack: Stack) -> None:
    task_id, phone, slot_ids, local = await _offer_local(stack, "zh", [(2, 10), (3, 14), (4, 16)])
    await stack.reply(phone, f"{ZH_WEEKDAYS[local[1].weekday()]}下午两点可以")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]


async def test_a_vietnamese_patient_books_by_weekday_without_diacritics(stack: Stack) -> None:
    task_id, phone, slot_ids, local = await _offer_local(stack, "vi", [(2, 10), (3, 14), (4, 16)])
    await stack.reply(phone, f"14h {VI_WEEKDAYS[local[1].weekday()]} nhe")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]


async def test_cai_thu_hai_books_the_second_time_not_a_thursday(stack: Stack) -> None:
    today = datetime.now(ZoneInfo(daytime_zone())).date()
    days = [d for d in range(2, 10) if (today + timedelta(days=d)).weekday() != 0][:3]  # no Monday ("thứ hai")
    task_id, phone, slot_ids, _ = await _offer_local(stack, "vi", [(d, 11) for d in days])
    await stack.reply(phone, "cái thứ hai")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]


async def test_a_chinese_none_of_them_gets_other_times(stack: Stack) -> None:
    task_id, phone, slot_ids, _ = await _offer_local(stack, "zh", [(d, 11) for d in range(2, 9)])
    await stack.reply(phone, "都不行")
    await stack.wait_for_texts(phone, 2)
    offers = [e for e in await stack.events(task_id) if e["type"] == "outreach.slot.offered"]
    assert len(offers) == 2
    assert not {s["slot_id"] for s in offers[1]["data"]["slots"]} & set(slot_ids[:3])
