"""A patient who cancelled a physical-therapy visit is texted open times and books one, end to end:
API → dispatcher → Rasa engine → NLG templates → official twilio client → simulator → signed webhook → engine
→ custom action → booking → confirmation text, with every step a workflow event."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import astuple
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conftest import Stack, daytime_zone, future_weekday_times, new_phone, night_zone, task_body


async def test_a_patient_who_replies_2_is_booked_into_the_second_time(stack: Stack) -> None:
    task_id, phone, _, slot_ids = astuple(await stack.start_conversation())
    opening = (await stack.texts_to(phone))[0]
    assert "physical therapy" in opening and "STOP" in opening and "1)" in opening and "3)" in opening

    await stack.reply(phone, "2")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]
    texts = await stack.wait_for_texts(phone, 2)
    assert "You are booked" in texts[1]
    assert (await stack.task(task_id))["state"] == "booked"

    types = [e["type"] for e in await stack.events(task_id)]
    for expected in ("outreach.task.created", "outreach.slot.offered", "outreach.message.sent",
                     "outreach.patient.replied", "outreach.appointment.booked", "outreach.task.completed"):
        assert expected in types
    events = await stack.events(task_id)
    assert [e["sequence"] for e in events] == list(range(1, len(events) + 1))
    assert all(e["specversion"] == "1.0" and e["subject"] == task_id for e in events)


async def test_a_patient_who_names_the_day_in_words_is_booked_on_that_day(stack: Stack) -> None:
    task_id, phone, _, slot_ids = astuple(await stack.start_conversation())
    opening = (await stack.texts_to(phone))[0]
    third_line = next(line for line in opening.splitlines() if line.startswith("3)"))
    weekday = third_line.split(")")[1].split(",")[0].strip()  # e.g. "Thu"
    full_day = {"Mon": "monday", "Tue": "tuesday", "Wed": "wednesday", "Thu": "thursday", "Fri": "friday",
                "Sat": "saturday", "Sun": "sunday"}[weekday]

    await stack.reply(phone, f"the {full_day} one")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[2]


async def test_a_patient_for_whom_none_work_is_offered_other_times(stack: Stack) -> None:
    task_id, phone, _, _ = astuple(await stack.start_conversation(slots=6))
    await stack.reply(phone, "none of those work")
    texts = await stack.wait_for_texts(phone, 2)
    assert "other times" in texts[1]
    offers = [e for e in await stack.events(task_id) if e["type"] == "outreach.slot.offered"]
    assert len(offers) == 2
    first = {s["slot_id"] for s in offers[0]["data"]["slots"]}
    second = {s["slot_id"] for s in offers[1]["data"]["slots"]}
    assert first.isdisjoint(second)
    assert (await stack.task(task_id))["state"] == "awaiting_reply"


async def test_a_patient_who_asks_for_a_person_is_handed_to_a_scheduler(stack: Stack) -> None:
    task_id, phone, _, _ = astuple(await stack.start_conversation())
    await stack.reply(phone, "can I talk to someone")
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "patient_asked_for_person"
    texts = await stack.wait_for_texts(phone, 2)
    assert "person" in texts[1]
    assert (await stack.task(task_id))["state"] == "handed_off"


async def test_two_patients_choosing_the_same_last_slot_get_one_booking_and_new_times(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    [last_slot] = await stack.add_slots(provider, future_weekday_times(1))
    phones = [new_phone(), new_phone()]
    tasks = [await stack.create_task(task_body(phone, provider), expect=201) for phone in phones]
    for task in tasks:
        await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.add_slots(provider, future_weekday_times(3, start_days=5))  # times that open up meanwhile

    await asyncio.gather(*(stack.reply(phone, "1") for phone in phones))
    outcomes = []
    for task in tasks:
        for _ in range(100):
            types = [e["type"] for e in await stack.events(task["id"])]
            if "outreach.appointment.booked" in types or "outreach.slot.taken" in types:
                break
            await asyncio.sleep(0.2)
        outcomes.append(types)
    booked = [t for t in outcomes if "outreach.appointment.booked" in t]
    taken = [t for t in outcomes if "outreach.slot.taken" in t]
    assert len(booked) == 1 and len(taken) == 1
    winner = tasks[outcomes.index(booked[0])]
    loser_index = outcomes.index(taken[0])
    booking = await stack.wait_for_event(winner["id"], "outreach.appointment.booked")
    assert booking["data"]["slot_id"] == last_slot
    loser_texts = await stack.wait_for_texts(phones[loser_index], 2)
    assert "took that time" in loser_texts[1] and "1)" in loser_texts[1]
    offers = [e for e in await stack.events(tasks[loser_index]["id"]) if e["type"] == "outreach.slot.offered"]
    assert last_slot not in {s["slot_id"] for s in offers[-1]["data"]["slots"]}


async def test_outreach_waits_for_the_patients_daytime(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(3))
    phone = new_phone()
    body = task_body(phone, provider)
    body["patient"]["timezone"] = night_zone()
    task = await stack.create_task(body, expect=201)
    deferred = await stack.wait_for_event(task["id"], "outreach.task.deferred")
    assert deferred["data"]["reason"] == "quiet_hours"
    current = await stack.task(task["id"])
    assert current["state"] == "queued" and current["waiting_reason"] == "quiet_hours"
    assert await stack.texts_to(phone) == []


async def test_a_patient_who_changes_their_mind_after_booking_is_moved_and_the_old_time_freed(stack: Stack) -> None:
    task_id, phone, _, slot_ids = astuple(await stack.start_conversation())
    await stack.reply(phone, "1")
    await stack.wait_for_event(task_id, "outreach.appointment.booked")
    await stack.wait_for_texts(phone, 2)
    await stack.reply(phone, "actually can I do the 3rd one instead")
    cancelled = await stack.wait_for_event(task_id, "outreach.appointment.cancelled")
    assert cancelled["data"]["reason"] == "patient_changed_mind"
    booked = [e for e in await stack.events(task_id) if e["type"] == "outreach.appointment.booked"]
    assert [e["data"]["slot_id"] for e in booked] == [slot_ids[0], slot_ids[2]]
    texts = await stack.wait_for_texts(phone, 3)
    assert "You are booked" in texts[2] and "You are booked" in texts[1]
    # the patient is told the first time is given up (before, only the new time was said)
    first_time = texts[1].split("You are booked for ", 1)[1].split(".", 1)[0]  # "Tue, Dec 8 at 9:00 AM"
    assert f"Your time on {first_time} is cancelled." in texts[2]
    assert "is cancelled" not in texts[1]
    # the first time is open again: another patient is offered it
    other_phone = new_phone()
    other = await stack.create_task(task_body(other_phone, _provider_of(booked)), expect=201)
    offer = await stack.wait_for_event(other["id"], "outreach.slot.offered")
    assert slot_ids[0] in {s["slot_id"] for s in offer["data"]["slots"]}


def _provider_of(events: list[dict]) -> str:  # type: ignore[type-arg]
    return str(events[0]["data"]["provider_id"])


async def test_a_patient_who_answers_after_the_offered_times_have_passed_is_offered_new_ones(stack: Stack) -> None:
    task_id, phone, _, slot_ids = astuple(await stack.start_conversation(slots=6))
    offered = slot_ids[:3]
    # days pass: the three offered times are now behind us (the clock cannot be moved, the slots can)
    gone = (datetime.now(UTC) - timedelta(days=1)).replace(tzinfo=None)
    await stack.let_time_pass("UPDATE slot SET starts_at = :gone WHERE id IN (:a, :b, :c)",
                              {"gone": gone, "a": offered[0], "b": offered[1], "c": offered[2]})
    await stack.reply(phone, "2")
    texts = await stack.wait_for_texts(phone, 2)
    assert "that time has passed" in texts[1] and "1)" in texts[1]
    await stack.wait_for_event(task_id, "outreach.slot.passed")
    assert not any(e["type"] == "outreach.appointment.booked" for e in await stack.events(task_id))

    await stack.reply(phone, "1")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[3]  # the first of the new times, not a past one


def _local(zone: str, days_ahead: int, weekday: int, hour: int) -> datetime:
    """The first ``weekday`` at least ``days_ahead`` days from now, at ``hour`` in ``zone``, in UTC."""
    local_now = datetime.now(ZoneInfo(zone))
    day = local_now.date() + timedelta(days=days_ahead)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    return datetime.combine(day, time(hour), ZoneInfo(zone)).astimezone(UTC)


async def test_a_patient_who_asks_for_thursday_mornings_is_offered_thursday_mornings(stack: Stack) -> None:
    zone = daytime_zone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    afternoons = [_local(zone, 2 + i, (datetime.now(ZoneInfo(zone)) + timedelta(days=2 + i)).weekday(), 15)
                  for i in range(5)]
    thursday_mornings = [_local(zone, 6, 3, 9), _local(zone, 13, 3, 10)]  # after the first offer's days
    await stack.add_slots(provider, afternoons)
    wanted = await stack.add_slots(provider, thursday_mornings)
    phone = new_phone()
    task = await stack.create_task({**task_body(phone, provider, timezone=zone)}, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")

    await stack.reply(phone, "cant do tues, anything thurs am?")
    texts = await stack.wait_for_texts(phone, 2)
    offers = [e for e in await stack.events(task["id"]) if e["type"] == "outreach.slot.offered"]
    assert [slot["slot_id"] for slot in offers[-1]["data"]["slots"]] == wanted, texts[1]
    await stack.reply(phone, "the first one")
    booked = await stack.wait_for_event(task["id"], "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == wanted[0]


async def test_a_spanish_patient_who_asks_for_a_day_with_no_times_hears_so_and_gets_the_nearest(stack: Stack) -> None:
    zone = daytime_zone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    weekdays = [_local(zone, 2, day, 15) for day in (0, 1, 2, 3, 4)]  # Monday to Friday afternoons, no weekend
    await stack.add_slots(provider, weekdays)
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, timezone=zone, language="es"), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "ninguna me sirve, tienen algo el sabado?")
    texts = await stack.wait_for_texts(phone, 2)
    assert "No tenemos horas así" in texts[1] and "1)" in texts[1]
    await stack.wait_for_event(task["id"], "outreach.patient.preferred_times")


async def test_every_text_sent_is_recorded_delivered_even_when_the_carrier_says_so_before_the_send_returns(
        stack: Stack) -> None:
    started = await stack.start_conversation(slots=3)
    await stack.reply(started.phone, "1")
    await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    for _ in range(40):
        events = await stack.events(started.task_id)
        sent = {e["data"]["provider_sid"] for e in events if e["type"] == "outreach.message.sent"}
        delivered = {e["data"]["provider_sid"] for e in events if e["type"] == "outreach.message.delivered"}
        if sent and sent == delivered:
            break
        await asyncio.sleep(0.25)
    assert sent == delivered and len(sent) == 2


async def test_times_open_at_several_clinics_at_once_are_offered_once_each(stack: Stack) -> None:
    """Three clinics free at the same hour would read "1) Tue, 9:00 AM / 2) Tue, 9:00 AM / 3) …": each time is
    offered once, and the list still holds three different times."""
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    first = future_weekday_times(1)[0]
    second, third = first + timedelta(hours=1), first + timedelta(hours=2)  # all on one day
    await stack.add_slots(provider, [first, first, first, second, second, third])
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    opening = (await stack.texts_to(phone))[0]
    options = [line.split(")", 1)[1].strip() for line in opening.splitlines() if line[:1].isdigit() and ")" in line]
    assert len(options) == 3 and len(set(options)) == 3, opening


async def test_a_missed_visit_of_another_kind_is_not_called_physical_therapy_nor_named_by_text(stack: Stack
                                                                                               ) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(3), visit_type="oncology_follow_up")
    phone = new_phone()
    body = task_body(phone, provider)
    body["context"] = {"provider_id": provider, "visit_type": "oncology_follow_up"}
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    opening = (await stack.texts_to(phone))[0]
    assert "physical therapy" not in opening and "oncology" not in opening.lower()
    assert "We did not see you at your last visit." in opening and "1)" in opening
