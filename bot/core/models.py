"""The records of DESIGN.md section 4 (the ones the outreach path uses so far)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, TypeDecorator, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.core import clock


def utcnow() -> datetime:
    """Now, from the app's one clock (bot/core/clock.py)."""
    return clock.now()


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, always hands back an aware UTC datetime (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)



class Patient(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    mrn: str | None = Field(default=None, unique=True, index=True)
    given_name: str
    family_name: str = ""
    phone: str | None = Field(default=None, index=True)  # E.164 only
    email: str | None = None
    language: str = "en"
    preferred_channel: str = "sms"
    timezone: str | None = None  # IANA zone; None: derived from the phone number
    needs_simpler_text: bool = False
    birth_date: date | None = None  # what chat and voice ask for before anything that could reveal PHI
    consent_sms: bool = True
    consent_voice: bool = True
    # set by the health system (task API, PATCH): nobody is contacted; a deceased patient's open tasks end at once
    do_not_contact: bool = False
    deceased: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class OptOut(SQLModel, table=True):
    """An address (E.164 phone) that asked us to stop. Applies across SMS and voice."""

    address: str = Field(primary_key=True)
    keyword: str
    channel: str
    opted_out_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Provider(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    location: str = ""
    phone: str = ""
    timezone: str | None = None  # the clinic's IANA zone: its visits' times are said in it


class Slot(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", index=True)
    visit_type: str = Field(index=True)
    starts_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    duration_minutes: int = 45
    location: str = ""
    status: str = Field(default="open", index=True)  # open | booked | blocked
    timezone: str | None = None  # the clinic's zone (else the provider's; else the patient's is all we know)


class Appointment(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    # one live booking per slot, enforced by the database; a cancelled appointment lets go of its slot
    slot_id: str | None = Field(default=None, foreign_key="slot.id", unique=True)
    cancelled_slot_id: str | None = None
    status: str = "booked"  # booked | confirmed | cancelled
    patient_id: str = Field(foreign_key="patient.id", index=True)
    task_id: str | None = Field(default=None, foreign_key="outreachtask.id")
    booked_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    source: str = "bot"


class Campaign(SQLModel, table=True):
    """A batch of tasks created from one upload (CSV) by operations staff."""

    id: str = Field(default_factory=new_id, primary_key=True)
    name: str
    workflow: str | None = None  # the default for rows that name none
    rows_total: int = 0
    tasks_created: int = 0
    tasks_existing: int = 0  # rows whose idempotency key matched a task already there
    errors: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # draft (uploaded in the console, not started) | running | paused | cancelled; only a running campaign's
    # tasks are contacted (an upload through the API starts at once)
    state: str = Field(default="running", index=True)
    created_by: str | None = None
    rate: float | None = None  # at most this many patients contacted per second (None: only the global limit)
    # the campaign's send budget: its next contact may start from this moment (shared by every worker process)
    next_send_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class OutreachTask(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    idempotency_key: str | None = Field(default=None, unique=True)
    request_fingerprint: str = ""
    workflow: str = Field(index=True)
    patient_id: str = Field(foreign_key="patient.id", index=True)
    priority: int = 5
    due_by: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    state: str = Field(default="queued", index=True)
    attempt_count: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False,
                                                                               index=True))
    waiting_reason: str | None = None
    # the contact ladder (bot/outreach/workflows.py): rungs taken so far, and the channel in use (None: the
    # patient's preferred channel). While awaiting a reply, next_attempt_at is when the next rung is looked at.
    ladder_step: int = 0
    channel: str | None = None
    lease_owner: str | None = None
    lease_expires_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    campaign_id: str | None = Field(default=None, foreign_key="campaign.id", index=True)
    event_sequence: int = 0  # the sequence number of the task's last workflow event (the next one counts on)
    context: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Conversation(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)  # the engine's sender id: opaque, never a phone
    patient_id: str = Field(foreign_key="patient.id", index=True)
    task_id: str | None = Field(default=None, foreign_key="outreachtask.id", index=True)
    channel: str = "sms"
    address: str = Field(index=True)
    state: str = Field(default="bot", index=True)  # bot | handed_off | closed
    offered_slot_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # what the bot last asked, so a bare "1" is read against the right question:
    # slot_choice | reminder_choice | checkin | callback_time | document | none
    awaiting: str = "none"
    # chat and voice verify the patient's date of birth before anything that could reveal PHI:
    # not_needed (SMS) | pending | verified | failed
    identity_state: str = "not_needed"
    identity_attempts: int = 0
    # digests of the chat pages' device keys that may read this conversation (bot/conversation/chat_access.py)
    chat_devices: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]"))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    last_activity_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Message(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    conversation_id: str | None = Field(default=None, foreign_key="conversation.id", index=True)
    task_id: str | None = Field(default=None, index=True)
    direction: str  # inbound | outbound
    channel: str = "sms"
    address: str = Field(index=True)  # the patient's side
    body: str
    media_urls: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    provider_sid: str | None = Field(default=None, unique=True)
    idempotency_key: str | None = Field(default=None, unique=True)
    delivery_status: str = "received"
    error_code: str | None = None
    engine_state: str = Field(default="none", index=True)  # inbound only: none | pending | processed | failed
    # inbound only: the times on offer in the conversation when the patient wrote, so a "2" answered late (a
    # replay after an outage, a message queued behind another) means the time the patient saw as 2
    offered_slot_ids: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    provider_keyword: str | None = None  # inbound SMS: STOP | START | HELP when the provider answered it
    sent_by: str | None = None  # outbound only: the staff member who wrote it (None: the bot)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class AddressLease(SQLModel, table=True):
    """Who is processing an address's inbound messages now. One holder at a time across every process keeps a
    patient's messages answered one by one, in the order they arrived; a holder that died lets go at expiry."""

    address: str = Field(primary_key=True)
    owner: str
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class Handoff(SQLModel, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    conversation_id: str | None = Field(default=None, foreign_key="conversation.id", index=True)
    task_id: str | None = Field(default=None, index=True)
    patient_id: str | None = Field(default=None, index=True)
    # where the message came from when there is no conversation (an unknown sender): a person can see and answer it
    address: str | None = Field(default=None, index=True)
    reason: str
    priority: str = "normal"  # normal | urgent
    state: str = Field(default="open", index=True)  # open | claimed | resolved
    claimed_by: str | None = None
    claimed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    resolution: str | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    acknowledged: bool = False  # the patient was told once that a person will answer their new message
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class WorkflowEvent(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("subject", "sequence", name="uq_event_subject_sequence"),)

    position: int | None = Field(default=None, primary_key=True)  # global order, for ?after=
    id: str = Field(default_factory=new_id, unique=True)
    type: str = Field(index=True)
    subject: str = Field(index=True)  # the task id
    sequence: int  # per subject, from 1
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    time: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    delivered: bool = False


class AuditEntry(SQLModel, table=True):
    """Who did what (append-only: the database refuses to change or delete a row)."""

    id: int | None = Field(default=None, primary_key=True)
    actor: str  # "patient", "system", or "staff:<username>"
    action: str
    subject: str = Field(index=True)  # what it was done to: an address, a handoff, a conversation, a user
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class StaffUser(SQLModel, table=True):
    """A person who signs in to the consoles: a scheduler, an operations user or an admin."""

    username: str = Field(primary_key=True)
    display_name: str = ""
    password_hash: str
    role: str  # scheduler | operations | admin
    team: str = "scheduling"  # the handoff queue they see first
    locale: str = "en"  # the consoles' language for them (en | es)
    failed_sign_ins: int = 0
    locked_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    # sessions signed in before this moment are refused (signing out, or a new password, ends them all)
    sessions_valid_after: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class ProactiveContact(SQLModel, table=True):
    """A contact the patient did not start (a task's opening, a reminder): what the frequency cap counts."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: str = Field(foreign_key="patient.id", index=True)
    task_id: str | None = Field(default=None, index=True)
    kind: str = "opening"  # opening | reminder
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False, index=True))


class SendBudget(SQLModel, table=True):
    """A send-rate budget shared by every worker process (``global``): the next contact may start from
    ``next_send_at``."""

    name: str = Field(primary_key=True)
    next_send_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
