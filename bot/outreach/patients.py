"""Changing a patient (``PATCH /api/v1/patients/{id}``): phone, language, channel, time zone and the health
system's flags, taking effect on the next contact; a patient marked deceased or do-not-contact is contacted no
more."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, field_validator, model_validator
from sqlmodel import Session, col, select

from bot.core.limits import MAX_PHONE, Zone, as_text, birth_date_in_the_past
from bot.core.models import Conversation, Handoff, OutreachTask, Patient, utcnow
from bot.core.phones import PhoneError, parse_phone
from bot.events.outbox import record_event
from bot.messages.literacy import LANGUAGES
from bot.outreach.states import ACTIVE_STATES, move_task

log = logging.getLogger(__name__)

# the ways a patient's channel and flags may be set (the API's schema reads them from here)
CHANNELS = ("sms", "chat", "voice")
OPEN_STATES = frozenset({*ACTIVE_STATES, "handed_off"})


class PatientChange(BaseModel):
    """What an integrator may change; a field left out stays as it is, and none may be null."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    phone: str | None = Field(default=None, max_length=MAX_PHONE)
    language: Literal[LANGUAGES] | None = None  # type: ignore[valid-type]
    preferred_channel: Literal["sms", "chat", "voice"] | None = None
    timezone: Zone | None = None
    birth_date: Annotated[date, BeforeValidator(as_text)] | None = None
    do_not_contact: StrictBool | None = None
    deceased: StrictBool | None = None

    @field_validator("phone")
    @classmethod
    def _e164(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse_phone(value)
        except PhoneError as problem:
            raise ValueError(str(problem)) from None

    @field_validator("birth_date")
    @classmethod
    def _past(cls, value: date | None) -> date | None:
        return birth_date_in_the_past(value)

    @model_validator(mode="after")
    def _something_and_no_nulls(self) -> PatientChange:
        if not self.model_fields_set:
            raise ValueError("name at least one field to change: " + ", ".join(PatientChange.model_fields))
        nulls = sorted(name for name in self.model_fields_set if getattr(self, name) is None)
        if nulls:
            raise ValueError(f"{', '.join(nulls)} cannot be null: leave a field out to keep it")
        return self


class ChangeRefused(ValueError):
    """The change does not fit the patient as they are (e.g. chat without a date of birth)."""


def change_patient(session: Session, patient_id: str, change: PatientChange) -> Patient | None:
    """Apply ``change`` (None: no such patient). It takes effect on the next contact: a new phone is where the
    next message goes, and the patient's open conversations at the old number move to the new one (their
    reminders and replies go there, never to the old number). Marking the patient deceased cancels their open
    tasks at once; do-not-contact ends them as opted_out. Every open task records what changed (field names only)."""
    patient = session.exec(select(Patient).where(Patient.id == patient_id).with_for_update()).first()
    if patient is None:
        return None
    given = {name: getattr(change, name) for name in change.model_fields_set}
    channel = given.get("preferred_channel", patient.preferred_channel)
    if channel in ("chat", "voice") and given.get("birth_date", patient.birth_date) is None:
        raise ChangeRefused(f"{channel} asks for the date of birth before any health detail: give birth_date too")
    old_phone = patient.phone
    changed = sorted(name for name, value in given.items() if getattr(patient, name) != value)
    for name, value in given.items():
        setattr(patient, name, value)
    session.add(patient)
    if "phone" in changed and old_phone:
        for conversation in session.exec(select(Conversation).where(
                Conversation.patient_id == patient.id, Conversation.address == old_phone,
                Conversation.state != "closed", col(Conversation.channel).in_(["sms", "voice"]))):
            conversation.address = str(patient.phone)
            session.add(conversation)
    if changed:
        for task in open_tasks(session, patient.id):
            record_event(session, "outreach.patient.updated", task.id, {"patient_id": patient.id, "fields": changed})
        log.info("patient.updated", extra={"patient_id": patient.id, "fields": changed})
    if patient.deceased:
        stop_all_contact(session, patient, "deceased")
    elif patient.do_not_contact:
        stop_all_contact(session, patient, "do_not_contact")
    session.flush()
    return patient


def open_tasks(session: Session, patient_id: str) -> list[OutreachTask]:
    return list(session.exec(select(OutreachTask).where(OutreachTask.patient_id == patient_id,
                                                        col(OutreachTask.state).in_(OPEN_STATES))
                             .order_by(col(OutreachTask.created_at))))


def stop_all_contact(session: Session, patient: Patient, reason: str) -> int:
    """End every open task of the patient at once, without contact: ``deceased`` → cancelled (the need is
    gone), ``do_not_contact`` → opted_out (what a scheduler reads as "we may not reach out"; no handoff is made,
    unlike unreachable, which asks a person to try another way). Their conversations close and a handoff still
    waiting for a person is resolved. Returns how many tasks ended."""
    outcome = "cancelled" if reason == "deceased" else "opted_out"
    tasks = open_tasks(session, patient.id)
    for task in tasks:
        move_task(session, task, outcome, {"reason": reason})
        task.lease_owner = task.lease_expires_at = None
        session.add(task)
        for conversation in session.exec(select(Conversation).where(Conversation.task_id == task.id,
                                                                    Conversation.state != "closed")):
            conversation.state = "closed"
            session.add(conversation)
        for handoff in session.exec(select(Handoff).where(Handoff.task_id == task.id, Handoff.state != "resolved")):
            handoff.state, handoff.resolution, handoff.resolved_at = "resolved", reason, utcnow()
            session.add(handoff)
            record_event(session, "outreach.handoff.resolved", task.id,
                         {"handoff_id": handoff.id, "outcome": reason, "resolved_by": "system"})
    if tasks:
        log.info("patient.contact_stopped", extra={"patient_id": patient.id, "reason": reason, "tasks": len(tasks)})
    return len(tasks)


def patient_view(patient: Patient) -> dict[str, Any]:
    """The patient as the API shows it to the integrator who manages them."""
    return {
        "id": patient.id, "mrn": patient.mrn, "phone": patient.phone, "language": patient.language,
        "preferred_channel": patient.preferred_channel, "timezone": patient.timezone,
        "do_not_contact": patient.do_not_contact, "deceased": patient.deceased,
        "has_birth_date": patient.birth_date is not None,
    }
