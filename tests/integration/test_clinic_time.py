"""A visit's time is said in the clinic's time zone, named when the patient's clock reads differently."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from conftest import Stack, daytime_zone, future_weekday_times, new_phone, task_body


def _a_zone_other_than(zone: str) -> str:
    """A real clinic zone whose clock differs from ``zone``'s now."""
    now = datetime.now(UTC)
    for candidate in ("America/New_York", "Pacific/Honolulu", "Europe/London"):
        if now.astimezone(ZoneInfo(candidate)).utcoffset() != now.astimezone(ZoneInfo(zone)).utcoffset():
            return candidate
    raise AssertionError("no zone differs")


async def _offer(stack: Stack, patient_zone: str, clinic_zone: str | None) -> tuple[str, str, list[datetime]]:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    starts = future_weekday_times(3)
    body = {"slots": [{"provider_id": provider, "starts_at": s.isoformat(), "location": "Main St Clinic",
                       "visit_type": "physical_therapy", **({"timezone": clinic_zone} if clinic_zone else {})}
                      for s in starts]}
    async with stack.http.post(f"{stack.base_url}/api/v1/slots", json=body, headers=stack.auth) as response:
        assert response.status == 201, await response.text()
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider, timezone=patient_zone), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    return task["id"], phone, starts


async def test_a_patient_far_from_the_clinic_reads_the_clinics_time_with_its_zone_named(stack: Stack) -> None:
    patient_zone = daytime_zone()
    clinic_zone = _a_zone_other_than(patient_zone)
    task_id, phone, starts = await _offer(stack, patient_zone, clinic_zone)
    opening = (await stack.texts_to(phone))[0]
    clinic_clock = starts[0].astimezone(ZoneInfo(clinic_zone)).strftime("%-I:%M %p")
    assert "1) " in opening and clinic_clock in opening, opening
    zone_words = {"America/New_York": "Eastern Time", "Pacific/Honolulu": "Hawaii", "Europe/London": "Greenwich"}
    assert zone_words[clinic_zone] in opening, opening
    await stack.reply(phone, "1")
    await stack.wait_for_event(task_id, "outreach.appointment.booked")
    booked = (await stack.wait_for_texts(phone, 2))[1]
    assert clinic_clock in booked and zone_words[clinic_zone] in booked, booked


async def test_a_patient_in_the_clinics_zone_reads_no_zone_name(stack: Stack) -> None:
    zone = daytime_zone()
    _, phone, starts = await _offer(stack, zone, zone)
    opening = (await stack.texts_to(phone))[0]
    assert starts[0].astimezone(ZoneInfo(zone)).strftime("%-I:%M %p") in opening
    assert "Time" not in opening and "GMT" not in opening, opening


async def test_a_clinic_zone_that_is_not_a_zone_is_refused_by_name(stack: Stack) -> None:
    body = {"slots": [{"provider_id": "prov-zone", "starts_at": future_weekday_times(1)[0].isoformat(),
                       "timezone": "Mars/Olympus_Mons"}]}
    async with stack.http.post(f"{stack.base_url}/api/v1/slots", json=body, headers=stack.auth) as response:
        assert response.status == 422
        assert "timezone" in await response.text()


async def test_a_time_published_again_is_the_same_slot_never_a_second_one(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    start = future_weekday_times(1)[0]
    one = {"provider_id": provider, "starts_at": start.isoformat(), "visit_type": "physical_therapy"}
    the_same_in_another_zone = {**one, "starts_at": start.astimezone(ZoneInfo("Asia/Tokyo")).isoformat()}
    ids = []
    for body in ({"slots": [one, one]}, {"slots": [the_same_in_another_zone]}):
        async with stack.http.post(f"{stack.base_url}/api/v1/slots", json=body, headers=stack.auth) as response:
            assert response.status == 201, await response.text()
            published = (await response.json())["slots"]
            ids += [slot["id"] for slot in published]
            assert [slot["created"] for slot in published] == ([True, False] if len(published) == 2 else [False])
    assert len(set(ids)) == 1, ids
