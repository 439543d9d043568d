"""Creating outreach tasks: validated input, the patient found or added, idempotent by key."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from sqlalchemy import text
from sqlmodel import Session, col, select

from bot.core.limits import (
    MAX_CONTEXT_BYTES,
    MAX_EMAIL,
    MAX_ID,
    MAX_KEY,
    MAX_LABEL,
    MAX_NAME,
    MAX_PHONE,
    Moment,
    Zone,
    as_text,
    birth_date_in_the_past,
)
from bot.core.models import Conversation, Handoff, OutreachTask, Patient, utcnow
from bot.core.phones import PhoneError, parse_phone
from bot.events.outbox import record_event
from bot.outreach.ladder import expires_at
from bot.outreach.patients import stop_all_contact
from bot.outreach.states import ACTIVE_STATES, move_task
from bot.outreach.workflows import WORKFLOWS


class PatientIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    mrn: str | None = Field(default=None, max_length=MAX_ID)
    given_name: str = Field(min_length=1, max_length=MAX_NAME)
    family_name: str = Field(default="", max_length=MAX_NAME)
    phone: str = Field(max_length=MAX_PHONE)
    email: str | None = Field(default=None, max_length=MAX_EMAIL, pattern=r"^[^@\s]+@[^@\s]+$")
    language: str = Field(default="en", max_length=35, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
    timezone: Zone | None = None
    needs_simpler_text: bool = False
    consent_sms: bool = True
    consent_voice: bool = True
    preferred_channel: Literal["sms", "chat", "voice"] = "sms"
    # the health system's flags (omitted: the patient's stay as they are): nobody is contacted
    do_not_contact: bool | None = None
    deceased: bool | None = None
    # needed for chat and voice: checked before anything that could reveal PHI
    birth_date: Annotated[date, BeforeValidator(as_text)] | None = None

    @field_validator("birth_date")
    @classmethod
    def _past(cls, value: date | None) -> date | None:
        return birth_date_in_the_past(value)

    @model_validator(mode="after")
    def _chat_and_voice_need_birth_date(self) -> PatientIn:
        if self.preferred_channel in ("chat", "voice") and self.birth_date is None:
            raise ValueError(f"{self.preferred_channel} asks for the date of birth before any health detail: "
                             "give birth_date")
        return self

    @field_validator("phone")
    @classmethod
    def _e164(cls, value: str) -> str:
        try:
            return parse_phone(value)
        except PhoneError as problem:
            raise ValueError(str(problem)) from None


class AppointmentIn(BaseModel):
    """The visit an appointment reminder is about (it lives in the EHR)."""

    model_config = ConfigDict(extra="allow")

    starts_at: Moment
    location: str = Field(default="", max_length=MAX_LABEL)


class ContextIn(BaseModel):
    """What the workflow needs to know; other keys are kept as given (for the integrator's own use)."""

    model_config = ConfigDict(extra="allow")

    provider_id: str | None = Field(default=None, min_length=1, max_length=MAX_ID)
    visit_type: str | None = Field(default=None, min_length=1, max_length=MAX_ID)
    appointment: AppointmentIn | None = None

    @model_validator(mode="after")
    def _small(self) -> ContextIn:
        if len(json.dumps(self.model_dump(mode="json"), default=str)) > MAX_CONTEXT_BYTES:
            raise ValueError(f"the context is larger than {MAX_CONTEXT_BYTES} bytes as JSON")
        return self


class TaskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patient: PatientIn
    workflow: str = Field(max_length=MAX_ID)
    priority: int = Field(default=5, ge=1, le=9, strict=True)  # a number: "1" or true is a mistake, not 1
    due_by: Moment | None = None
    idempotency_key: str | None = Field(default=None, min_length=1, max_length=MAX_KEY)
    context: ContextIn = Field(default_factory=ContextIn, validate_default=True)

    @field_validator("context")
    @classmethod
    def _reminder_needs_its_visit(cls, value: ContextIn, info: ValidationInfo) -> ContextIn:
        if info.data.get("workflow") == "appointment_reminder" and value.appointment is None:
            raise ValueError("an appointment_reminder needs context.appointment with starts_at (and location)")
        return value

    @field_validator("workflow")
    @classmethod
    def _known_workflow(cls, value: str) -> str:
        if value not in WORKFLOWS:
            raise ValueError(f"unknown workflow; use one of: {', '.join(sorted(WORKFLOWS))}")
        return value


class IdempotencyConflict(Exception):
    """The key was used before for a different request."""


def fingerprint(payload: TaskIn) -> str:
    data = payload.model_dump(mode="json", exclude={"idempotency_key"})
    for flag in ("do_not_contact", "deceased"):  # not given: the body reads as it did before these flags existed
        if data["patient"].get(flag) is None:
            data["patient"].pop(flag, None)
    canonical = json.dumps(data, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def upsert_patient(session: Session, data: PatientIn) -> Patient:
    patient = None
    if data.mrn:
        patient = session.exec(select(Patient).where(Patient.mrn == data.mrn)).first()
    if patient is None:
        patient = Patient(mrn=data.mrn, given_name=data.given_name, phone=data.phone)
    for field_name, value in data.model_dump().items():
        if value is None and field_name in ("do_not_contact", "deceased"):
            continue  # not said: a flag set earlier (by PATCH) stays
        setattr(patient, field_name, value)
    session.add(patient)
    session.flush()
    return patient


# context keys that name one need: two tasks with different values are two needs, even in one workflow
NEED_KEYS = ("referral_id", "order_id")


def open_task_for_the_same_need(session: Session, payload: TaskIn) -> OutreachTask | None:
    """The patient's task still open for the same workflow (and, where given, the same referral or order), if
    any: the patient is the same by medical record number, or by phone when no number is given."""
    if session.get_bind().dialect.name == "postgresql":  # two requests for one patient at once: one at a time
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:who))"),
                        {"who": payload.patient.mrn or payload.patient.phone})
    same_patient = Patient.mrn == payload.patient.mrn if payload.patient.mrn else Patient.phone == payload.patient.phone
    candidates = session.exec(
        select(OutreachTask).join(Patient, col(Patient.id) == OutreachTask.patient_id)
        .where(same_patient, OutreachTask.workflow == payload.workflow,
               col(OutreachTask.state).in_([*ACTIVE_STATES, "handed_off"]))
        .order_by(col(OutreachTask.created_at))
    ).all()
    wanted = payload.context.model_dump(mode="json")
    for task in candidates:
        if all(not wanted.get(key) or str(task.context.get(key) or "") in ("", str(wanted[key]))
               for key in NEED_KEYS):
            return task
    return None


def create_task(session: Session, payload: TaskIn) -> tuple[OutreachTask, bool]:
    """The task for this request, and whether it was created now (False: the idempotency key matched, or the
    patient already has an open task for the same need, which is returned instead)."""
    digest = fingerprint(payload)
    if payload.idempotency_key:
        existing = session.exec(
            select(OutreachTask).where(OutreachTask.idempotency_key == payload.idempotency_key)
        ).first()
        if existing is not None:
            if existing.request_fingerprint != digest:
                raise IdempotencyConflict(payload.idempotency_key)
            return existing, False
    same_need = open_task_for_the_same_need(session, payload)
    if same_need is not None:  # a second request for one need: one patient, one conversation, no second text
        record_event(session, "outreach.task.merged", same_need.id,
                     {"idempotency_key": payload.idempotency_key, "workflow": payload.workflow})
        patient = session.get(Patient, same_need.patient_id)
        assert patient is not None
        for flag in ("do_not_contact", "deceased"):  # the health system's flags are never dropped by a merge
            if (value := getattr(payload.patient, flag)) is not None:
                setattr(patient, flag, value)
        _stop_if_flagged(session, patient)
        return same_need, False
    patient = upsert_patient(session, payload.patient)
    task = OutreachTask(
        idempotency_key=payload.idempotency_key, request_fingerprint=digest, workflow=payload.workflow,
        patient_id=patient.id, priority=payload.priority, due_by=payload.due_by,
        context=payload.context.model_dump(mode="json", exclude_none=True),
    )
    session.add(task)
    session.flush()
    record_event(session, "outreach.task.created", task.id,
                 {"workflow": task.workflow, "patient_id": patient.id, "priority": task.priority})
    _stop_if_flagged(session, patient)
    return task, True


def _stop_if_flagged(session: Session, patient: Patient) -> None:
    """A patient marked deceased or do-not-contact: their open tasks (a new one too) end at once, unsent."""
    if patient.deceased:
        stop_all_contact(session, patient, "deceased")
    elif patient.do_not_contact:
        stop_all_contact(session, patient, "do_not_contact")


def task_view(task: OutreachTask) -> dict[str, Any]:
    return {
        "id": task.id, "workflow": task.workflow, "patient_id": task.patient_id, "state": task.state,
        "priority": task.priority, "due_by": task.due_by.isoformat() if task.due_by else None,
        "idempotency_key": task.idempotency_key, "attempt_count": task.attempt_count,
        "next_attempt_at": task.next_attempt_at.isoformat(), "waiting_reason": task.waiting_reason,
        "context": task.context, "campaign_id": task.campaign_id, "created_at": task.created_at.isoformat(),
        "updated_at": task.updated_at.isoformat(), "ladder_step": task.ladder_step,
        "expires_at": expires_at(task).isoformat(),
    }


class CannotCancel(ValueError):
    """The task has already ended in another outcome; the message says which."""


MAX_CANCEL_REASON = 200


def cancel_task(session: Session, task_id: str, reason: str) -> OutreachTask | None:
    """Stop all further contact for a task at once (the patient booked elsewhere, the order was withdrawn): the
    task is cancelled with ``reason``, its conversation closed (a later reply is no answer to this task), and a
    handoff still waiting for a person is closed too. Cancelling a cancelled task changes nothing. None when there
    is no such task; CannotCancel when it already ended otherwise."""
    task = session.get(OutreachTask, task_id)
    if task is None:
        return None
    if task.state == "cancelled":
        return task
    if task.state not in ACTIVE_STATES and task.state != "handed_off":
        raise CannotCancel(f"the task already ended as {task.state!r}; nothing is left to cancel")
    move_task(session, task, "cancelled", {"reason": reason or "cancelled_by_integrator", "by": "api"})
    task.lease_owner = task.lease_expires_at = None
    for conversation in session.exec(select(Conversation).where(Conversation.task_id == task.id,
                                                                Conversation.state != "closed")):
        conversation.state = "closed"
        session.add(conversation)
    for handoff in session.exec(select(Handoff).where(Handoff.task_id == task.id, Handoff.state != "resolved")):
        handoff.state, handoff.resolution, handoff.resolved_at = "resolved", "task_cancelled", utcnow()
        session.add(handoff)
        record_event(session, "outreach.handoff.resolved", task.id,
                     {"handoff_id": handoff.id, "outcome": "task_cancelled", "resolved_by": "api"})
    session.add(task)
    return task
