"""The dispatcher: lease due tasks, apply the contact policy, open the conversation through the engine, and
send its opening messages."""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import timedelta

from sqlmodel import col, or_, select

from bot.conversation.engine import EngineError
from bot.conversation.identity import needs_identity
from bot.core.context import Outreach
from bot.core.db import session_scope
from bot.core.models import Conversation, Message, OutreachTask, Patient, utcnow
from bot.events.outbox import record_event
from bot.messages.render import render_standalone
from bot.outreach.addresses import address_for
from bot.outreach.outbound import send_text
from bot.outreach.policy import check_contact
from bot.outreach.states import move_task
from channels.base import SendError

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
ENGINE_RETRY = timedelta(minutes=1)
SEND_RETRY = timedelta(minutes=10)
CALL_RETRY = timedelta(hours=3)  # a call nobody took is tried again later the same day (quiet hours permitting)
MAX_ATTEMPTS = 3
WORKER_ID = f"{socket.gethostname()}:{id(object())}"


def lease_due_tasks(ctx: Outreach, limit: int = 10) -> list[str]:
    """Take up to ``limit`` queued tasks whose time has come (PostgreSQL: rows other workers hold are
    skipped; SQLite runs one worker)."""
    now = utcnow()
    with session_scope(ctx.db) as session:
        tasks = session.exec(
            select(OutreachTask)
            .where(
                OutreachTask.state == "queued",
                col(OutreachTask.next_attempt_at) <= now,
                or_(col(OutreachTask.lease_expires_at).is_(None), col(OutreachTask.lease_expires_at) < now),
            )
            .order_by(col(OutreachTask.priority), col(OutreachTask.next_attempt_at))
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        for task in tasks:
            task.lease_owner = WORKER_ID
            task.lease_expires_at = now + LEASE
            session.add(task)
        return [task.id for task in tasks]


async def contact_patient(ctx: Outreach, task_id: str) -> None:
    """One attempt at one task."""
    now = utcnow()
    with session_scope(ctx.db) as session:
        task = session.get(OutreachTask, task_id)
        if task is None or task.state != "queued":
            return
        patient = session.get(Patient, task.patient_id)
        assert patient is not None
        channel = patient.preferred_channel
        decision = check_contact(session, patient, channel, now, ctx.quiet_hours)
        if not decision.allowed:
            if decision.final:
                outcome = "opted_out" if decision.reason == "opted_out" else "unreachable"
                move_task(session, task, outcome, {"reason": decision.reason})
                return
            task.lease_owner = task.lease_expires_at = None
            if task.waiting_reason != decision.reason or task.next_attempt_at != decision.retry_at:
                record_event(session, "outreach.task.deferred", task.id, {
                    "reason": decision.reason,
                    "retry_at": decision.retry_at.isoformat() if decision.retry_at else None,
                })
            task.waiting_reason = decision.reason
            task.next_attempt_at = decision.retry_at or now + SEND_RETRY
            session.add(task)
            return
        task.attempt_count += 1
        task.waiting_reason = None
        attempt = task.attempt_count
        move_task(session, task, "contacting", {"attempt": attempt})
        conversation = Conversation(
            patient_id=patient.id, task_id=task.id, channel=channel,
            address=address_for(channel, task.id, patient.phone),
            identity_state="pending" if needs_identity(channel) else "not_needed",
        )
        session.add(conversation)
        session.flush()
        record_event(session, "outreach.conversation.started",
                     task.id, {"conversation_id": conversation.id, "channel": channel})
        entities = opening_entities(patient, task, channel)
        workflow, address, conversation_id = task.workflow, conversation.address, conversation.id
        asks_identity = conversation.identity_state == "pending"
        language, phone = patient.language, patient.phone or ""
    if channel == "voice":  # what is said is decided when the call is answered, by a person or a machine
        await _place_call(ctx, task_id, conversation_id, attempt, phone)
        return
    if asks_identity:  # nothing about the patient's care until they have said who they are
        texts = [render_standalone(ctx.settings, "identity_check", channel, language)]
    else:
        try:
            texts = await ctx.engine.open_conversation(conversation_id, f"EXTERNAL_{workflow}", entities)
        except EngineError as error:
            log.warning("dispatch.engine_unavailable", extra={"task_id": task_id, "error": str(error)})
            _end_attempt(ctx, task_id, conversation_id, outcome=None, retry_in=ENGINE_RETRY,
                         data={"reason": "engine_unavailable", "detail": str(error)})
            return
    try:
        for index, text in enumerate(texts):
            await send_text(ctx, address=address, body=text, idempotency_key=f"{task_id}:{attempt}:{index}",
                            conversation_id=conversation_id, task_id=task_id, channel=channel)
    except SendError as error:
        _after_send_failure(ctx, task_id, conversation_id, error, attempt)
        return
    with session_scope(ctx.db) as session:
        task = session.get(OutreachTask, task_id)
        if task is not None and task.state == "contacting":  # an action may already have finished it
            move_task(session, task, "awaiting_reply", {"conversation_id": conversation_id})


async def _place_call(ctx: Outreach, task_id: str, conversation_id: str, attempt: int, phone: str) -> None:
    if ctx.voice is None:
        _end_attempt(ctx, task_id, conversation_id, outcome="unreachable", data={"reason": "no_voice_channel"})
        return
    try:
        placed = await ctx.voice.call(phone, conversation_id)
    except SendError as error:
        _after_send_failure(ctx, task_id, conversation_id, error, attempt)
        return
    with session_scope(ctx.db) as session:
        session.add(Message(conversation_id=conversation_id, task_id=task_id, direction="outbound", channel="voice",
                            address=phone, body="", provider_sid=placed.provider_sid,
                            idempotency_key=f"{task_id}:{attempt}:call", delivery_status=placed.status))
        record_event(session, "outreach.call.placed", task_id,
                     {"conversation_id": conversation_id, "call_sid": placed.provider_sid})
        task = session.get(OutreachTask, task_id)
        if task is not None and task.state == "contacting":
            move_task(session, task, "awaiting_reply", {"conversation_id": conversation_id})


def opening_entities(patient: Patient, task: OutreachTask, channel: str) -> dict[str, str]:
    """What the engine is told when it opens a conversation (slots that do not steer the dialogue)."""
    return {
        "language": patient.language, "channel": channel, "task_id": task.id,
        "literacy": "simpler" if patient.needs_simpler_text else "standard",
    }


def _end_attempt(ctx: Outreach, task_id: str, conversation_id: str, *, outcome: str | None,
                 data: dict[str, object], retry_in: timedelta | None = None) -> None:
    """Close this attempt's conversation; then queue the task again (``retry_in``) or end it (``outcome``)."""
    with session_scope(ctx.db) as session:
        task = session.get(OutreachTask, task_id)
        conversation = session.get(Conversation, conversation_id)
        if conversation is not None:
            conversation.state = "closed"
            session.add(conversation)
        if task is None or task.state not in ("contacting", "awaiting_reply"):
            return
        if data.get("reason") == "engine_unavailable":
            record_event(session, "outreach.engine.unavailable", task_id, {"detail": data.get("detail")})
        if outcome is not None:
            move_task(session, task, outcome, data)
            return
        move_task(session, task, "queued", data)
        task.waiting_reason = str(data["reason"])
        task.next_attempt_at = utcnow() + (retry_in or SEND_RETRY)
        task.lease_owner = task.lease_expires_at = None
        session.add(task)


def call_not_answered(ctx: Outreach, task_id: str, conversation_id: str, reason: str) -> None:
    """Voicemail, no answer, busy or silence: call again later, until the last attempt; then unreachable."""
    with session_scope(ctx.db) as session:
        task = session.get(OutreachTask, task_id)
        attempts = task.attempt_count if task else MAX_ATTEMPTS
        if task is not None:
            record_event(session, "outreach.call.not_answered", task_id,
                         {"conversation_id": conversation_id, "reason": reason, "attempt": attempts})
    if attempts < MAX_ATTEMPTS:
        _end_attempt(ctx, task_id, conversation_id, outcome=None, data={"reason": f"call_{reason}"},
                     retry_in=CALL_RETRY)
    else:
        _end_attempt(ctx, task_id, conversation_id, outcome="unreachable", data={"reason": f"call_{reason}"})


def _after_send_failure(ctx: Outreach, task_id: str, conversation_id: str, error: SendError, attempt: int) -> None:
    data: dict[str, object] = {"reason": "send_failed", "error_code": error.code}
    if error.retryable and attempt < MAX_ATTEMPTS:
        _end_attempt(ctx, task_id, conversation_id, outcome=None, data=data, retry_in=SEND_RETRY)
    else:
        outcome = "opted_out" if error.code == 21610 else "unreachable"
        _end_attempt(ctx, task_id, conversation_id, outcome=outcome, data=data)


async def run_dispatcher(ctx: Outreach, stop: asyncio.Event, batch: int = 20) -> None:
    """Lease and contact due tasks until ``stop`` is set: a batch at a time, its patients contacted
    concurrently; a full batch means more are due, so the next is leased at once."""
    while not stop.is_set():
        leased: list[str] = []
        try:
            leased = lease_due_tasks(ctx, limit=batch)
            results = await asyncio.gather(*(contact_patient(ctx, task_id) for task_id in leased),
                                           return_exceptions=True)
            for task_id, result in zip(leased, results, strict=True):
                if isinstance(result, Exception):
                    log.error("dispatch.contact_failed", extra={"task_id": task_id, "error": repr(result)})
        except Exception:
            log.exception("dispatch.loop_error")
        if len(leased) == batch:
            continue
        try:
            await asyncio.wait_for(stop.wait(), timeout=ctx.settings.dispatch_interval_seconds)
        except TimeoutError:
            pass
