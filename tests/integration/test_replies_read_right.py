"""Replies that are easy to get wrong: a turned-down time is never booked, "mañana" is tomorrow, a number inside
a sentence is not a menu choice, CANCEL with a visit coming up reaches a person, red flags go first."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import Stack, daytime_zone, new_phone, task_body


async def _offer(stack: Stack, starts: list[datetime], language: str = "en") -> tuple[str, str, list[str]]:
    zone = daytime_zone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    slot_ids = await stack.add_slots(provider, starts)
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, timezone=zone, language=language), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    return task["id"], phone, slot_ids


def _local_days(zone: str, hours: list[tuple[int, int]]) -> list[datetime]:
    """(days from today, local hour) → UTC start times."""
    today = datetime.now(ZoneInfo(zone)).date()
    return [datetime.combine(today + timedelta(days=d), time(h), ZoneInfo(zone)).astimezone(UTC) for d, h in hours]


async def _types(stack: Stack, task_id: str) -> list[str]:
    return [e["type"] for e in await stack.events(task_id)]


async def _second_of_three_booked(stack: Stack, reply: str, language: str) -> str:
    """Three times offered, ``reply`` sent: the second one is booked. The task's id, for what else to check."""
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 5)]
    task_id, phone, slot_ids = await _offer(stack, starts, language)
    await stack.reply(phone, reply)
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]
    return task_id


async def test_a_time_the_patient_turns_down_is_never_booked(stack: Stack) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 8)]
    task_id, phone, _ = await _offer(stack, starts)
    await stack.reply(phone, "2 doesnt work for me")
    texts = await stack.wait_for_texts(phone, 2)
    assert "1)" in texts[1]
    assert "outreach.appointment.booked" not in await _types(stack, task_id)


async def test_manana_is_tomorrow_when_it_names_the_day(stack: Stack) -> None:
    zone = daytime_zone()
    starts = _local_days(zone, [(1, 15), (2, 10), (3, 14)])
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    slot_ids = await stack.add_slots(provider, starts)
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, timezone=zone, language="es"), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "el de mañana porfa")
    booked = await stack.wait_for_event(task["id"], "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[0]


async def test_yes_to_the_one_time_offered_books_it(stack: Stack) -> None:
    task_id, phone, slot_ids = await _offer(stack, [datetime.now(UTC) + timedelta(days=2, hours=3)])
    await stack.reply(phone, "yes")
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[0]


async def _waiting(stack: Stack, workflow: str, **patient: Any) -> tuple[dict[str, Any], str]:
    """A fresh patient's ``workflow`` task, its first message sent and a reply awaited."""
    phone = new_phone()
    body = task_body(phone, "prov-none", **patient)
    body["workflow"] = workflow
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    return task, phone


def _reminder(phone: str) -> dict[str, Any]:
    body = task_body(phone, "prov-none")
    starts = (datetime.now(UTC) + timedelta(days=3)).replace(hour=15, minute=30, second=0, microsecond=0)
    body["workflow"] = "appointment_reminder"
    body["context"] = {"appointment": {"starts_at": starts.isoformat(), "location": "Main Clinic"}}
    return body


async def test_a_number_inside_a_sentence_does_not_cancel_a_visit(stack: Stack) -> None:
    phone = new_phone()
    task = await stack.create_task(_reminder(phone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "i work til 3 that day")
    await stack.wait_for_texts(phone, 2)
    assert "outreach.appointment.cancelled" not in await _types(stack, task["id"])


async def test_cancel_to_a_reminder_opts_out_and_asks_a_person_to_check_the_visit(stack: Stack) -> None:
    phone = new_phone()
    task = await stack.create_task(_reminder(phone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "cancel")
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "cancel_word_check_visit"
    await stack.wait_for_event(task["id"], "outreach.patient.opted_out")


async def test_feeling_worse_after_discharge_is_a_high_priority_handoff(stack: Stack) -> None:
    task, phone = await _waiting(stack, "post_discharge")
    await stack.reply(phone, "i feel worse, fever again")
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "high"


async def test_a_patient_who_declines_the_result_callback_still_reaches_a_clinician(stack: Stack) -> None:
    task, phone = await _waiting(stack, "abnormal_result")
    await stack.reply(phone, "no thanks")
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "callback_declined"


async def test_text_me_after_5_comes_back_at_5_in_the_patients_zone(stack: Stack) -> None:
    zone = daytime_zone()
    phone = new_phone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, [datetime.now(UTC) + timedelta(days=2, hours=3)])
    task = await stack.create_task(task_body(phone, provider, timezone=zone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "busy at work rn, can u text me after 5?")
    event = await stack.wait_for_event(task["id"], "outreach.patient.asked_later")
    retry = datetime.fromisoformat(event["data"]["retry_at"]).astimezone(ZoneInfo(zone))
    assert retry.hour == 17 and retry > datetime.now(ZoneInfo(zone))


async def test_a_caregiver_who_says_the_patient_is_back_in_hospital_reaches_a_nurse(stack: Stack) -> None:
    task, phone = await _waiting(stack, "post_discharge", language="es")
    await stack.reply(phone, "soy su hija, mi mamá está otra vez en el hospital")
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "high" and handoff["data"]["reason"] == "back_in_hospital"


@pytest.mark.parametrize(("reply", "language"), [("soy la hija de don Pedro, sí va a ir el martes, yo lo llevo", "es"),
                                                 ("This is his wife, we'll be there", "en")])
async def test_a_relative_who_confirms_the_reminded_visit_confirms_it(stack: Stack, reply: str, language: str) -> None:
    phone = new_phone()
    body = _reminder(phone)
    body["patient"]["language"] = language
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, reply)
    await stack.wait_for_event(task["id"], "outreach.appointment.confirmed")
    assert "outreach.handoff.requested" not in await _types(stack, task["id"])


async def test_a_relative_who_asks_the_nurse_after_discharge_reaches_the_nurse(stack: Stack) -> None:
    task, phone = await _waiting(stack, "post_discharge", language="vi")
    await stack.reply(phone, "con là cháu nội, ông con về nhà ăn ít lắm, con muốn hỏi y tá coi có sao không")
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["priority"] == "high" and handoff["data"]["reason"] == "feeling_worse_after_discharge"


async def test_a_patient_who_cancels_the_visit_they_booked_ends_the_task_cancelled(stack: Stack) -> None:
    task_id, phone, _ = await _offer(stack, [datetime.now(UTC) + timedelta(days=d, hours=3) for d in (2, 3)])
    await stack.reply(phone, "1")
    await stack.wait_for_event(task_id, "outreach.appointment.booked")
    await stack.reply(phone, "i need to cancel my appointment")
    await stack.wait_for_event(task_id, "outreach.appointment.cancelled")
    assert (await stack.task(task_id))["state"] == "cancelled"


async def test_cant_do_the_9am_turns_that_time_down(stack: Stack) -> None:
    zone = daytime_zone()
    starts = _local_days(zone, [(2, 9), (3, 14), (4, 16), (5, 11), (6, 15)])
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    slot_ids = await stack.add_slots(provider, starts)
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, timezone=zone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "cant do the 9am")
    await stack.wait_for_texts(phone, 2)
    offers = [e for e in await stack.events(task["id"]) if e["type"] == "outreach.slot.offered"]
    assert len(offers) == 2 and slot_ids[0] not in [s["slot_id"] for s in offers[-1]["data"]["slots"]]
    assert "outreach.appointment.booked" not in await _types(stack, task["id"])


async def test_a_reminded_patient_who_names_another_hour_is_offered_times_to_move_to(stack: Stack) -> None:
    phone = new_phone()
    task = await stack.create_task(_reminder(phone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await stack.reply(phone, "3pm works better for me")
    await stack.wait_for_event(task["id"], "outreach.patient.preferred_times")
    assert "outreach.appointment.cancelled" not in await _types(stack, task["id"])


@pytest.mark.parametrize(("reply", "language"), [
    ("number two", "en"), ("the second one please", "en"), ("la segunda", "es"), ("numero dos", "es"),
    ("第二个", "zh"),
])
async def test_a_spelled_out_choice_books_that_time_and_is_never_a_wrong_number(stack: Stack, reply: str,
                                                                                 language: str) -> None:
    task_id = await _second_of_three_booked(stack, reply, language)
    assert "outreach.patient.wrong_number" not in await _types(stack, task_id)


@pytest.mark.parametrize(("reply", "language"), [("can my daughter call you instead", "en"), ("soy su hijo", "es")])
async def test_a_relative_or_caregiver_writing_goes_to_a_person(stack: Stack, reply: str, language: str) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 5)]
    task_id, phone, _ = await _offer(stack, starts, language)
    await stack.reply(phone, reply)
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "caregiver_writing"
    texts = await stack.wait_for_texts(phone, 2)
    assert "1)" not in texts[1]  # a person answers; no menu
    assert "outreach.appointment.booked" not in await _types(stack, task_id)


@pytest.mark.parametrize(("reply", "language"), [("I'm her son, she can do the second one, I'll drive her", "en"),
                                                 ("soy su hija, mi mamá puede la segunda", "es")])
async def test_a_relative_who_chooses_a_time_for_the_patient_books_it(stack: Stack, reply: str, language: str) -> None:
    task_id = await _second_of_three_booked(stack, reply, language)
    assert "outreach.handoff.requested" not in await _types(stack, task_id)


@pytest.mark.parametrize(("reply", "language"), [("no", "en"), ("nope", "en"), ("no, ninguno", "es")])
async def test_a_bare_no_to_an_offer_gets_other_times(stack: Stack, reply: str, language: str) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 9)]
    task_id, phone, slot_ids = await _offer(stack, starts, language)
    await stack.reply(phone, reply)
    texts = await stack.wait_for_texts(phone, 2)
    offers = [e for e in await stack.events(task_id) if e["type"] == "outreach.slot.offered"]
    assert len(offers) == 2, texts[1]
    assert not {s["slot_id"] for s in offers[1]["data"]["slots"]} & set(slot_ids[:3])  # other times indeed


@pytest.mark.parametrize(("reply", "language", "category"), [
    ("I feel better now, thanks", "en", "feels_better"), ("I switched clinics", "en", "care_elsewhere"),
    ("ya me atendieron en otro lado", "es", "care_elsewhere"),
])
async def test_a_reason_to_decline_ends_the_task_declined_with_its_category(stack: Stack, reply: str, language: str,
                                                                           category: str) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 5)]
    task_id, phone, _ = await _offer(stack, starts, language)
    await stack.reply(phone, reply)
    declined = await stack.wait_for_event(task_id, "outreach.patient.declined")
    assert declined["data"]["category"] == category
    assert (await stack.task(task_id))["state"] == "declined"


async def test_no_hablo_ingles_switches_to_spanish_in_the_very_next_message(stack: Stack) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 5)]
    task_id, phone, _ = await _offer(stack, starts, "en")
    await stack.reply(phone, "no hablo inglés")
    changed = await stack.wait_for_event(task_id, "outreach.patient.language_changed")
    assert changed["data"]["language"] == "es"
    texts = await stack.wait_for_texts(phone, 2)
    assert "Responda" in texts[1] or "horario" in texts[1], texts[1]


@pytest.mark.parametrize(("reply", "language"), [("do you take my insurance?", "en"),
                                                 ("is there a doctor closer to me?", "en"),
                                                 ("¿aceptan mi seguro?", "es")])
async def test_a_question_the_bot_cannot_answer_goes_to_a_person_not_a_nurse(stack: Stack, reply: str,
                                                                           language: str) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 5)]
    task_id, phone, _ = await _offer(stack, starts, language)
    await stack.reply(phone, reply)
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "question_for_person"
    assert "nurse" not in (await stack.wait_for_texts(phone, 2))[1].lower()


@pytest.mark.parametrize(("reply", "language"), [("a little sore but ok", "en"), ("un poco adolorido", "es")])
async def test_ordinary_recovery_after_discharge_does_not_page_a_nurse(stack: Stack, reply: str, language: str
                                                                     ) -> None:
    task, phone = await _waiting(stack, "post_discharge", language=language)
    await stack.reply(phone, reply)
    answered = await stack.wait_for_event(task["id"], "outreach.checkin.answered")
    assert answered["data"]["answer"] == "feeling_ok"
    await stack.wait_for_texts(phone, 2)
    handoffs = [e for e in await stack.events(task["id"]) if e["type"] == "outreach.handoff.requested"]
    assert all(h["data"]["reason"] != "feeling_worse_after_discharge" for h in handoffs)


async def _mornings(stack: Stack, language: str = "en") -> tuple[str, str, str]:
    """A patient offered 8:00 times; the clinic also has 9:00 ones, and nothing in the afternoon."""
    zone = daytime_zone()
    starts = _local_days(zone, [(d, h) for d in (2, 3, 4, 5, 6) for h in (8, 9)])
    task_id, phone, _ = await _offer(stack, starts, language)
    return task_id, phone, zone


@pytest.mark.parametrize(("reply", "language"), [("do you have anything in the afternoon?", "en"),
                                                 ("¿algo en la tarde?", "es")])
async def test_a_part_of_the_day_with_no_times_is_said_plainly_with_the_nearest_not_the_same_list(
        stack: Stack, reply: str, language: str) -> None:
    task_id, phone, _ = await _mornings(stack, language)
    await stack.reply(phone, reply)
    texts = await stack.wait_for_texts(phone, 2)
    offers = [e for e in await stack.events(task_id) if e["type"] == "outreach.slot.offered"]
    first, second = ({s["slot_id"] for s in o["data"]["slots"]} for o in offers[:2])
    assert not first & second, texts[1]  # never the same list again
    assert "9:00" in texts[1] and "8:00" not in texts[1], texts[1]  # the nearest towards the afternoon


async def test_later_in_the_morning_offers_later_mornings(stack: Stack) -> None:
    _, phone, _ = await _mornings(stack)
    await stack.reply(phone, "anything later in the morning?")
    texts = await stack.wait_for_texts(phone, 2)
    assert "9:00 AM" in texts[1] and "8:00" not in texts[1], texts[1]


@pytest.mark.parametrize(("reply", "language", "option"), [
    ("the second one. is there parking at that office?", "en", 1),
    ("me quedo con la primera, ¿dónde queda la clínica?", "es", 0),
])
async def test_a_time_chosen_beside_a_question_is_booked_and_the_question_goes_to_a_person(
        stack: Stack, reply: str, language: str, option: int) -> None:
    starts = [datetime.now(UTC) + timedelta(days=d, hours=3) for d in range(2, 8)]
    task_id, phone, slot_ids = await _offer(stack, starts, language)
    await stack.reply(phone, reply)
    booked = await stack.wait_for_event(task_id, "outreach.appointment.booked")
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert booked["data"]["slot_id"] == slot_ids[option]
    assert handoff["data"]["reason"] == "question_for_person"
    assert (await stack.task(task_id))["state"] == "booked"


async def test_zero_again_and_again_moves_on_through_the_calendar_and_never_repeats_a_list(stack: Stack) -> None:
    """An outside tester sent "0" fourteen times and saw the same two lists in turn."""
    started = await stack.start_conversation(slots=9)
    for texts in (2, 3):
        await stack.reply(started.phone, "0")
        await stack.wait_for_texts(started.phone, texts)
    offers = [{slot["slot_id"] for slot in event["data"]["slots"]} for event in await stack.events(started.task_id)
              if event["type"] == "outreach.slot.offered"]
    assert len(offers) == 3 and set().union(*offers) == set(started.slot_ids), offers  # three lists, none repeated
    await stack.reply(started.phone, "0")  # nothing left that was not offered: a person finds a time
    handoff = await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "no_open_slots"
