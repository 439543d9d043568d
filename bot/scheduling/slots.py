"""Slot search and atomic booking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import true, update
from sqlmodel import Session, col, select

from bot.core.limits import MAX_ID, MAX_LABEL, Moment
from bot.core.models import Appointment, Slot


class SlotIn(BaseModel):
    """An open time as a scheduling system publishes it."""

    model_config = ConfigDict(extra="forbid")

    provider_id: str = Field(min_length=1, max_length=MAX_ID)
    provider_name: str | None = Field(default=None, max_length=MAX_LABEL)
    visit_type: str = Field(default="physical_therapy", min_length=1, max_length=MAX_ID)
    starts_at: Moment
    duration_minutes: int = Field(default=45, ge=5, le=480)
    location: str = Field(default="", max_length=MAX_LABEL)


class SlotsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slots: list[SlotIn] = Field(min_length=1, max_length=1000)


def find_open_slots(
    session: Session,
    *,
    visit_type: str,
    provider_id: str | None,
    after: datetime,
    limit: int = 3,
    exclude_ids: frozenset[str] = frozenset(),
    accept: Callable[[Slot], bool] | None = None,
) -> list[Slot]:
    """The earliest open slots of a visit type (and provider, when given), skipping ones already offered and,
    given ``accept``, ones the patient's preference rules out. One slot per day first, so the patient gets a
    real choice of days; then the next earliest."""
    query = select(Slot).where(Slot.status == "open", Slot.visit_type == visit_type, col(Slot.starts_at) > after)
    if provider_id:
        query = query.where(Slot.provider_id == provider_id)
    if exclude_ids:
        query = query.where(col(Slot.id).not_in(exclude_ids))
    candidates = list(session.exec(query.order_by(col(Slot.starts_at)).limit(limit * (200 if accept else 12))))
    if accept is not None:
        candidates = [slot for slot in candidates if accept(slot)]
    chosen: list[Slot] = []
    days: set[object] = set()
    for slot in candidates:
        if len(chosen) < limit and slot.starts_at.date() not in days:
            chosen.append(slot)
            days.add(slot.starts_at.date())
    for slot in candidates:
        if len(chosen) < limit and slot not in chosen:
            chosen.append(slot)
    return sorted(chosen, key=lambda slot: slot.starts_at)


def book_slot(session: Session, *, slot_id: str, patient_id: str, task_id: str | None,
              not_before: datetime | None = None) -> Appointment | None:
    """Book ``slot_id`` if it is still open (and starts no earlier than ``not_before``: a patient who answers
    days later must not book a time that has gone). The conditional update makes two patients racing for the
    same slot end with exactly one booking; the loser gets None. Runs inside the caller's transaction."""
    still_ahead = col(Slot.starts_at) >= not_before if not_before is not None else true()
    result = session.execute(
        update(Slot).where(col(Slot.id) == slot_id, col(Slot.status) == "open", still_ahead).values(status="booked")
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    appointment = Appointment(slot_id=slot_id, patient_id=patient_id, task_id=task_id)
    session.add(appointment)
    session.flush()
    return appointment


def release_appointment(session: Session, appointment: Appointment) -> None:
    """Cancel a booking of ours and open its slot again, so the next patient can have it."""
    if appointment.status == "cancelled":
        return
    freed = appointment.slot_id
    appointment.status, appointment.cancelled_slot_id, appointment.slot_id = "cancelled", freed, None
    session.add(appointment)
    session.flush()
    slot = session.get(Slot, freed) if freed else None
    if slot is not None:
        slot.status = "open"
        session.add(slot)
