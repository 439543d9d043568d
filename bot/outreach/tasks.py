"""Creating outreach tasks: validated input, the patient found or added, idempotent by key."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from sqlmodel import Session, select

from bot.core.limits import (
    MAX_CONTEXT_BYTES,
    MAX_EMAIL,
    MAX_ID,
    MAX_KEY,
    MAX_LABEL,
    MAX_NAME,
    MAX_PHONE,
    MAX_TIMEZONE,
    Moment,
    as_text,
)
from bot.core.models import OutreachTask, Patient
from bot.core.phones import PhoneError, parse_phone
from bot.events.outbox import record_event
from bot.outreach.workflows import WORKFLOWS


class PatientIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    mrn: str | None = Field(default=None, max_length=MAX_ID)
    given_name: str = Field(min_length=1, max_length=MAX_NAME)
    family_name: str = Field(default="", max_length=MAX_NAME)
    phone: str = Field(max_length=MAX_PHONE)
    email: str | None = Field(default=None, max_length=MAX_EMAIL, pattern=r"^[^@\s]+@[^@\s]+$")
    language: str = Field(default="en", max_length=35, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
    timezone: str | None = Field(default=None, max_length=MAX_TIMEZONE)
    needs_simpler_text: bool = False
    consent_sms: bool = True
    consent_voice: bool = True
    preferred_channel: Literal["sms", "chat", "voice"] = "sms"
    # needed for chat and voice: checked before anything that could reveal PHI
    birth_date: Annotated[date, BeforeValidator(as_text)] | None = None

    @field_validator("birth_date")
    @classmethod
    def _past(cls, value: date | None) -> date | None:
        if value is not None and not date(1900, 1, 1) <= value <= date.today():
            raise ValueError("a date of birth between 1900-01-01 and today, as YYYY-MM-DD")
        return value

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

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError("not an IANA time zone such as America/Chicago") from None
        return value


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
    priority: int = Field(default=5, ge=1, le=9)
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
    canonical = json.dumps(payload.model_dump(mode="json", exclude={"idempotency_key"}), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def upsert_patient(session: Session, data: PatientIn) -> Patient:
    patient = None
    if data.mrn:
        patient = session.exec(select(Patient).where(Patient.mrn == data.mrn)).first()
    if patient is None:
        patient = Patient(mrn=data.mrn, given_name=data.given_name, phone=data.phone)
    for field_name, value in data.model_dump().items():
        setattr(patient, field_name, value)
    session.add(patient)
    session.flush()
    return patient


def create_task(session: Session, payload: TaskIn) -> tuple[OutreachTask, bool]:
    """The task for this request, and whether it was created now (False: the idempotency key matched)."""
    digest = fingerprint(payload)
    if payload.idempotency_key:
        existing = session.exec(
            select(OutreachTask).where(OutreachTask.idempotency_key == payload.idempotency_key)
        ).first()
        if existing is not None:
            if existing.request_fingerprint != digest:
                raise IdempotencyConflict(payload.idempotency_key)
            return existing, False
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
    return task, True


def task_view(task: OutreachTask) -> dict[str, Any]:
    return {
        "id": task.id, "workflow": task.workflow, "patient_id": task.patient_id, "state": task.state,
        "priority": task.priority, "due_by": task.due_by.isoformat() if task.due_by else None,
        "idempotency_key": task.idempotency_key, "attempt_count": task.attempt_count,
        "next_attempt_at": task.next_attempt_at.isoformat(), "waiting_reason": task.waiting_reason,
        "context": task.context, "campaign_id": task.campaign_id, "created_at": task.created_at.isoformat(),
        "updated_at": task.updated_at.isoformat(),
    }
