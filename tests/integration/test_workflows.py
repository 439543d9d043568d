"""Every workflow of DESIGN.md section 6 reaches a recorded outcome through the real engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from conftest import Stack

PHI_WORDS = ("result", "abnormal", "test", "diagnos", "cancer", "cardio", "oncolog", "hiv", "pregnan")


async def start(stack: Stack, workflow: str, context: dict[str, Any] | None = None, slots: int = 3,
                **patient: Any) -> tuple[str, str]:
    started = await stack.start_conversation(workflow, slots=slots, context=context, **patient)
    return started.task_id, started.phone


async def outcome(stack: Stack, task_id: str) -> str:
    event = await stack.wait_for_event(task_id, "outreach.task.completed")
    return str(event["data"]["outcome"])


async def test_a_referral_is_booked(stack: Stack) -> None:
    task_id, phone = await start(stack, "referral")
    opening = (await stack.texts_to(phone))[0]
    assert "doctor asked us" in opening and not any(word in opening.lower() for word in PHI_WORDS)
    await stack.reply(phone, "1 please")
    assert await outcome(stack, task_id) == "booked"


async def test_an_overdue_screening_is_booked_without_naming_the_test(stack: Stack) -> None:
    task_id, phone = await start(stack, "care_gap")
    opening = (await stack.texts_to(phone))[0]
    assert "routine health check" in opening and not any(word in opening.lower() for word in PHI_WORDS)
    await stack.reply(phone, "the second one")
    assert await outcome(stack, task_id) == "booked"


def _reminder_context() -> dict[str, Any]:
    starts = (datetime.now(UTC) + timedelta(days=3)).replace(hour=15, minute=30, second=0, microsecond=0)
    return {"appointment": {"starts_at": starts.isoformat(), "location": "Main Clinic"}}


async def test_an_appointment_reminder_can_be_confirmed(stack: Stack) -> None:
    task_id, phone = await start(stack, "appointment_reminder", _reminder_context(), slots=0)
    opening = (await stack.texts_to(phone))[0]
    assert "Reminder" in opening and "Reply 1 to confirm" in opening
    await stack.reply(phone, "1")
    assert await outcome(stack, task_id) == "completed"
    await stack.wait_for_event(task_id, "outreach.appointment.confirmed")


async def test_an_appointment_reminder_can_be_cancelled(stack: Stack) -> None:
    task_id, phone = await start(stack, "appointment_reminder", _reminder_context(), slots=0)
    await stack.reply(phone, "3")
    assert await outcome(stack, task_id) == "completed"
    await stack.wait_for_event(task_id, "outreach.appointment.cancelled")
    assert "cancelled" in (await stack.wait_for_texts(phone, 2))[1]


async def test_an_appointment_reminder_can_be_moved_to_a_new_time(stack: Stack) -> None:
    task_id, phone = await start(stack, "appointment_reminder", _reminder_context())
    await stack.reply(phone, "2")
    texts = await stack.wait_for_texts(phone, 2)
    assert "new times" in texts[1]
    await stack.reply(phone, "1")
    assert await outcome(stack, task_id) == "booked"
    cancelled = await stack.wait_for_event(task_id, "outreach.appointment.cancelled")
    assert cancelled["data"]["reason"] == "rescheduled"


async def test_after_discharge_a_patient_who_feels_ok_books_a_follow_up(stack: Stack) -> None:
    task_id, phone = await start(stack, "post_discharge")
    assert "How are you feeling" in (await stack.texts_to(phone))[0]
    await stack.reply(phone, "1")
    texts = await stack.wait_for_texts(phone, 2)
    assert "follow-up visit" in texts[1]
    await stack.reply(phone, "2")
    assert await outcome(stack, task_id) == "booked"


async def test_after_discharge_a_patient_who_feels_worse_reaches_a_nurse(stack: Stack) -> None:
    task_id, phone = await start(stack, "post_discharge")
    await stack.reply(phone, "2")
    assert await outcome(stack, task_id) == "handed_off"
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "feeling_worse_after_discharge"
    assert "nurse" in (await stack.wait_for_texts(phone, 2))[1]


async def test_an_abnormal_result_gets_a_clinician_callback_without_the_result_by_text(stack: Stack) -> None:
    task_id, phone = await start(stack, "abnormal_result", slots=0)
    opening = (await stack.texts_to(phone))[0]
    assert "care team" in opening and not any(word in opening.lower() for word in PHI_WORDS)
    await stack.reply(phone, "tomorrow after 5pm is best")
    assert await outcome(stack, task_id) == "handed_off"
    handoff = await stack.wait_for_event(task_id, "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "clinician_callback"


async def test_a_prior_authorization_photo_completes_the_task(stack: Stack) -> None:
    task_id, phone = await start(stack, "prior_authorization", slots=0)
    async with stack.http.post(f"{stack.base_url}/sim/phones/{phone}/reply",
                               json={"body": "", "media_url": "https://example.org/card.jpg"}) as response:
        assert response.status == 201
    assert await outcome(stack, task_id) == "completed"
    await stack.wait_for_event(task_id, "outreach.document.received")


async def test_a_paper_promised_for_tonight_queues_a_reminder_and_the_photo_still_completes_the_task(
        stack: Stack) -> None:
    """"I'll send it tonight": the task waits for the morning after, to ask again; the request stays open, so the
    photo sent that night is taken (and the reminder never goes)."""
    task_id, phone = await start(stack, "prior_authorization", slots=0)
    await stack.reply(phone, "im at work, ill send the picture tonight when i get home")
    later = await stack.wait_for_event(task_id, "outreach.patient.asked_later")
    assert later["data"]["request_open"] is True
    assert "photo" in (await stack.wait_for_texts(phone, 2))[1]
    task = await stack.task(task_id)
    assert task["state"] == "queued" and task["waiting_reason"] == "document_promised"
    assert datetime.fromisoformat(task["next_attempt_at"]) > stack.now() + timedelta(hours=6)
    async with stack.http.post(f"{stack.base_url}/sim/phones/{phone}/reply",
                               json={"body": "here it is", "media_url": "https://example.org/letter.jpg"}) as response:
        assert response.status == 201
    assert await outcome(stack, task_id) == "completed"
    await stack.wait_for_event(task_id, "outreach.document.received")


async def test_a_photo_where_no_document_was_asked_for_is_not_taken_as_one(stack: Stack) -> None:
    """A photo in a missed-visit conversation is not "sent to your insurance": alone it is not understood (a
    person is offered); with words, the words are the reply."""
    started = await stack.start_conversation(slots=3)
    async with stack.http.post(f"{stack.base_url}/sim/phones/{started.phone}/reply",
                               json={"body": "", "media_url": "https://example.org/knee.jpg"}) as response:
        assert response.status == 201
    texts = await stack.wait_for_texts(started.phone, 2)
    assert "did not get that" in texts[1] and "insurance" not in texts[1].lower(), texts[1]
    async with stack.http.post(f"{stack.base_url}/sim/phones/{started.phone}/reply",
                               json={"body": "2", "media_url": "https://example.org/knee.jpg"}) as response:
        assert response.status == 201
    await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    events = [e["type"] for e in await stack.events(started.task_id)]
    assert "outreach.document.received" not in events


async def test_a_patient_without_the_document_is_handed_to_a_person(stack: Stack) -> None:
    task_id, phone = await start(stack, "prior_authorization", slots=0)
    await stack.reply(phone, "i dont have that letter anymore")
    assert await outcome(stack, task_id) == "handed_off"


async def test_a_wrong_number_is_never_texted_again(stack: Stack) -> None:
    task_id, phone = await start(stack, "missed_appointment")
    await stack.reply(phone, "wrong number, there is no Sam here")
    assert await outcome(stack, task_id) == "unreachable"
    texts = await stack.wait_for_texts(phone, 2)
    assert "not text this number again" in texts[1]


async def test_a_patient_who_is_busy_is_texted_again_the_next_day(stack: Stack) -> None:
    task_id, phone = await start(stack, "missed_appointment")
    await stack.reply(phone, "im at work rn, can u text me later")
    asked = await stack.wait_for_event(task_id, "outreach.patient.asked_later")
    task = await stack.task(task_id)
    assert task["state"] == "queued" and task["waiting_reason"] == "patient_asked_later"
    retry_at = datetime.fromisoformat(asked["data"]["retry_at"])
    assert datetime.fromisoformat(task["next_attempt_at"]) == retry_at
    assert retry_at > datetime.now(UTC) + timedelta(hours=6)


async def test_a_spanish_speaking_patient_is_texted_in_spanish_and_can_answer_in_spanish(stack: Stack) -> None:
    task_id, phone = await start(stack, "missed_appointment", language="es")
    opening = (await stack.texts_to(phone))[0]
    assert "Responda" in opening and "Reply" not in opening
    await stack.reply(phone, "la segunda porfa")
    assert await outcome(stack, task_id) == "booked"
    assert "cita" in (await stack.wait_for_texts(phone, 2))[1].lower()


async def test_a_patient_who_needs_simpler_text_gets_the_simpler_message(stack: Stack) -> None:
    _, plain_phone = await start(stack, "missed_appointment")
    _, simple_phone = await start(stack, "missed_appointment", needs_simpler_text=True)
    plain, simple = (await stack.texts_to(plain_phone))[0], (await stack.texts_to(simple_phone))[0]
    assert simple != plain and len(simple) < len(plain) and "STOP" in simple


async def test_a_patient_can_switch_to_spanish_mid_conversation(stack: Stack) -> None:
    task_id, phone = await start(stack, "missed_appointment")
    await stack.reply(phone, "español por favor")
    texts = await stack.wait_for_texts(phone, 2)
    assert "Responda" in texts[1]
    changed = await stack.wait_for_event(task_id, "outreach.patient.language_changed")
    assert changed["data"]["language"] == "es"
