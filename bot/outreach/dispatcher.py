"""The dispatcher: lease due tasks, apply the contact policy, open the conversation through the engine, and
send its opening messages; for a task whose patient stays silent, take its ladder's next rung (ladder.py)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, and_, col, or_, select

from bot.conversation.engine import EngineError
from bot.conversation.identity import needs_identity
from bot.core.context import Outreach
from bot.core.leases import lease_owner
from bot.core.models import Campaign, Conversation, Message, OutreachTask, Patient, utcnow
from bot.events.outbox import record_event
from bot.messages.render import render_standalone
from bot.outreach.addresses import address_for
from bot.outreach.ladder import (
    CHANNEL_FAILURES,
    LADDER_CONTACTS,
    Reminder,
    channel_in_use,
    defer,
    expires_at,
    reminder_sent,
    schedule_next_rung,
    skip_to_next_channel,
    take_rung,
)
from bot.outreach.outbound import confirm_or_resend, send_text
from bot.outreach.policy import ContactLimits, QuietHours, check_contact
from bot.outreach.states import move_task
from channels.base import SendError

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
ENGINE_RETRY = timedelta(minutes=1)
SEND_RETRY = timedelta(minutes=10)
MAX_ATTEMPTS = 3
WORKER_ID = lease_owner("dispatcher")


def lease_due_tasks(session: Session, worker_id: str, limit: int = 10) -> list[str]:
    """Take up to ``limit`` tasks whose time has come: queued ones, ones awaiting a reply whose ladder is due a
    look, and ones left ``contacting`` by a worker whose lease ran out (it died mid-attempt); not those of a
    campaign that is not running. PostgreSQL: rows other workers hold are skipped."""
    now = utcnow()
    lease_free = or_(col(OutreachTask.lease_expires_at).is_(None), col(OutreachTask.lease_expires_at) < now)
    due = or_(
        and_(col(OutreachTask.state).in_(("queued", "awaiting_reply")), col(OutreachTask.next_attempt_at) <= now),
        and_(OutreachTask.state == "contacting", col(OutreachTask.lease_expires_at) < now),
    )
    # a campaign's tasks wait while it is a draft, paused or cancelled
    running = or_(col(OutreachTask.campaign_id).is_(None), col(OutreachTask.campaign_id).in_(
        select(Campaign.id).where(Campaign.state == "running")))
    tasks = session.exec(
        select(OutreachTask)
        .where(due, lease_free, running)
        .order_by(col(OutreachTask.priority), col(OutreachTask.next_attempt_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    for task in tasks:
        task.lease_owner = worker_id
        task.lease_expires_at = now + LEASE
        session.add(task)
    return [task.id for task in tasks]


@dataclass(frozen=True)
class Attempt:
    """One attempt at one task, as the dispatcher set it up in the database."""

    task_id: str
    conversation_id: str
    address: str
    channel: str
    workflow: str
    attempt: int
    language: str
    phone: str
    asks_identity: bool
    entities: dict[str, str]
    resumed: bool = False  # a worker died during this attempt: finish it without sending anything twice


def begin_attempt(session: Session, task_id: str, worker_id: str, quiet_hours: QuietHours,
                  limits: ContactLimits | None = None) -> Attempt | None:
    """Apply the contact policy; if contact may start, move the task to contacting and open its conversation.
    A task found ``contacting`` (its worker died) resumes the same attempt and conversation."""
    now = utcnow()
    task = session.get(OutreachTask, task_id)
    if task is None or task.lease_owner != worker_id or task.state not in ("queued", "contacting"):
        return None
    patient = session.get(Patient, task.patient_id)
    assert patient is not None
    channel = channel_in_use(task, patient)
    if task.state == "queued" and now >= expires_at(task):
        move_task(session, task, "expired", {"reason": "due_by_passed" if task.due_by and now >= task.due_by
                                             else "time_limit"})
        return None
    if task.state == "contacting":
        conversation = session.exec(
            select(Conversation).where(Conversation.task_id == task.id).order_by(col(Conversation.created_at).desc())
        ).first()
        if conversation is not None:
            return _attempt(task, patient, conversation, resumed=True)
        # it died before its conversation existed: start the attempt afresh
        move_task(session, task, "queued", {"reason": "worker_lost"})
    # the ladder's own contacts (a call after texts, a call again) count against the frequency cap like an
    # opening; a contact on the next channel because the last one could not reach the patient does not
    by_ladder = task.waiting_reason in LADDER_CONTACTS
    decision = check_contact(session, patient, channel, now, quiet_hours, task=task, limits=limits,
                             new_contact=True if by_ladder else None,
                             kind=task.waiting_reason or "opening" if by_ladder else "opening")
    if not decision.allowed:
        if decision.final:
            if decision.reason == "no_consent" and skip_to_next_channel(session, task, patient, "no_consent"):
                return None
            outcome = decision.outcome or "unreachable"
            move_task(session, task, outcome, {"reason": decision.reason})
            return None
        defer(session, task, decision, now + SEND_RETRY)
        return None
    task.attempt_count += 1
    task.waiting_reason = None
    move_task(session, task, "contacting", {"attempt": task.attempt_count})
    address = address_for(channel, task.id, patient.phone)
    for earlier in session.exec(select(Conversation).where(Conversation.task_id == task.id,
                                                           Conversation.address == address,
                                                           Conversation.state == "bot")):
        earlier.state = "closed"  # one left open for a promised paper: the new attempt asks again in its own
        session.add(earlier)
    conversation = Conversation(
        patient_id=patient.id, task_id=task.id, channel=channel,
        address=address,
        identity_state="pending" if needs_identity(channel) else "not_needed",
    )
    session.add(conversation)
    session.flush()
    record_event(session, "outreach.conversation.started",
                 task.id, {"conversation_id": conversation.id, "channel": channel})
    return _attempt(task, patient, conversation)


def _attempt(task: OutreachTask, patient: Patient, conversation: Conversation, resumed: bool = False) -> Attempt:
    return Attempt(
        task_id=task.id, conversation_id=conversation.id, address=conversation.address,
        channel=conversation.channel, workflow=task.workflow, attempt=task.attempt_count,
        language=patient.language, phone=patient.phone or "",
        asks_identity=conversation.identity_state == "pending",
        entities=opening_entities(patient, task, conversation.channel), resumed=resumed,
    )


def _opening_so_far(session: Session, attempt: Attempt) -> list[Message]:
    """What this attempt stored of its opening before its worker died."""
    prefix = f"{attempt.task_id}:{attempt.attempt}:"
    return list(session.exec(select(Message).where(col(Message.idempotency_key).startswith(prefix))
                             .order_by(col(Message.idempotency_key))))


def begin(session: Session, task_id: str, worker_id: str, quiet_hours: QuietHours,
          limits: ContactLimits | None = None) -> Attempt | Reminder | None:
    """What to do for a leased task: an attempt at contact, a reminder to send, or nothing (done here)."""
    task = session.get(OutreachTask, task_id)
    if task is not None and task.state == "awaiting_reply" and task.lease_owner == worker_id:
        return take_rung(session, task, quiet_hours, limits)
    return begin_attempt(session, task_id, worker_id, quiet_hours, limits)


async def contact_patient(ctx: Outreach, task_id: str, worker_id: str = WORKER_ID) -> None:
    """One attempt at one task, or one rung of its ladder."""
    attempt = await ctx.db.run(lambda session: begin(session, task_id, worker_id, ctx.quiet_hours,
                                                     ctx.contact_limits))
    if isinstance(attempt, Reminder):
        await _send_reminder(ctx, attempt)
        return
    if attempt is None:
        return
    opened = await ctx.db.run(lambda session: _opening_so_far(session, attempt)) if attempt.resumed else []
    if opened:  # the opening was handed over before the worker died: make sure it went, once
        log.info("dispatch.resumed_after_worker_lost", extra={"task_id": task_id})
        try:
            for message in opened:
                if message.channel == "sms" and message.provider_sid is None and message.delivery_status == "sending":
                    await confirm_or_resend(ctx, message)
        except SendError as error:
            await _after_send_failure(ctx, task_id, attempt.conversation_id, error, attempt.attempt)
            return
        await ctx.db.run(lambda session: _awaiting_reply(session, task_id, attempt.conversation_id))
        return
    if attempt.channel == "voice":  # what is said is decided when the call is answered, by a person or a machine
        await _place_call(ctx, attempt)
        return
    if attempt.asks_identity:  # nothing about the patient's care until they have said who they are
        texts = [render_standalone(ctx.settings, "identity_check", attempt.channel, attempt.language)]
    else:
        try:
            texts = await ctx.engine.open_conversation(attempt.conversation_id, f"EXTERNAL_{attempt.workflow}",
                                                       attempt.entities)
        except EngineError as error:
            log.warning("dispatch.engine_unavailable", extra={"task_id": task_id, "error": str(error)})
            await _end_attempt(ctx, task_id, attempt.conversation_id, outcome=None, retry_in=ENGINE_RETRY,
                               data={"reason": "engine_unavailable", "detail": str(error)})
            return
    def awaiting_reply(session: Session) -> None:
        _awaiting_reply(session, task_id, attempt.conversation_id)

    try:
        for index, text in enumerate(texts):
            last = index == len(texts) - 1
            sent = await send_text(ctx, address=attempt.address, body=text,
                                   idempotency_key=f"{task_id}:{attempt.attempt}:{index}",
                                   conversation_id=attempt.conversation_id, task_id=task_id,
                                   channel=attempt.channel, then=awaiting_reply if last else None)
    except SendError as error:
        await _after_send_failure(ctx, task_id, attempt.conversation_id, error, attempt.attempt)
        return
    if sent is None:  # the last text was not sent (opted out meanwhile, or already sent): still, we wait
        await ctx.db.run(awaiting_reply)


def _awaiting_reply(session: Session, task_id: str, conversation_id: str) -> None:
    task = session.get(OutreachTask, task_id)
    if task is not None and task.state == "contacting":  # an action may already have finished it
        move_task(session, task, "awaiting_reply", {"conversation_id": conversation_id})
        task.waiting_reason = None
        task.lease_owner = task.lease_expires_at = None  # the attempt is over: the ladder's rungs lease it anew
        schedule_next_rung(task, utcnow())
        session.add(task)


async def _send_reminder(ctx: Outreach, reminder: Reminder) -> None:
    body = render_standalone(ctx.settings, reminder.template, reminder.channel, reminder.language,
                             {"first_name": reminder.first_name})
    try:
        sent = await send_text(ctx, address=reminder.address, body=body, idempotency_key=reminder.idempotency_key,
                               conversation_id=reminder.conversation_id, task_id=reminder.task_id,
                               channel=reminder.channel, then=lambda session: reminder_sent(session, reminder))
    except SendError as send_error:
        error = send_error
        log.warning("ladder.reminder_failed", extra={"task_id": reminder.task_id, "error_code": error.code})

        def after_failure(session: Session) -> None:
            task = session.get(OutreachTask, reminder.task_id)
            patient = session.get(Patient, task.patient_id) if task is not None else None
            if task is None or patient is None or task.state != "awaiting_reply":
                return
            if error.retryable or not skip_to_next_channel(session, task, patient, "send_failed",
                                                           {"error_code": error.code}):
                task.next_attempt_at = utcnow() + SEND_RETRY
                session.add(task)

        await ctx.db.run(after_failure)
        return
    if sent is None:  # sent before (a crash between sending and recording), or opted out meanwhile
        await ctx.db.run(lambda session: reminder_sent(session, reminder))


async def _place_call(ctx: Outreach, attempt: Attempt) -> None:
    task_id, conversation_id = attempt.task_id, attempt.conversation_id
    if ctx.voice is None:
        await _end_attempt(ctx, task_id, conversation_id, outcome="unreachable",
                           data={"reason": "no_voice_channel"})
        return
    try:
        placed = await ctx.voice.call(attempt.phone, conversation_id)
    except SendError as error:
        await _after_send_failure(ctx, task_id, conversation_id, error, attempt.attempt)
        return

    def record_call(session: Session) -> None:
        session.add(Message(conversation_id=conversation_id, task_id=task_id, direction="outbound",
                            channel="voice", address=attempt.phone, body="", provider_sid=placed.provider_sid,
                            idempotency_key=f"{task_id}:{attempt.attempt}:call", delivery_status=placed.status))
        record_event(session, "outreach.call.placed", task_id,
                     {"conversation_id": conversation_id, "call_sid": placed.provider_sid})
        _awaiting_reply(session, task_id, conversation_id)

    await ctx.db.run(record_call)


def opening_entities(patient: Patient, task: OutreachTask, channel: str) -> dict[str, str]:
    """What the engine is told when it opens a conversation (slots that do not steer the dialogue)."""
    return {
        "language": patient.language, "channel": channel, "task_id": task.id,
        "literacy": "simpler" if patient.needs_simpler_text else "standard",
    }


async def _end_attempt(ctx: Outreach, task_id: str, conversation_id: str, *, outcome: str | None,
                       data: dict[str, object], retry_in: timedelta | None = None) -> None:
    """Close this attempt's conversation; then queue the task again (``retry_in``) or end it (``outcome``)."""
    await ctx.db.run(lambda session: end_attempt(session, task_id, conversation_id, outcome=outcome, data=data,
                                                 retry_in=retry_in))


def end_attempt(session: Session, task_id: str, conversation_id: str, *, outcome: str | None,
                data: dict[str, object], retry_in: timedelta | None = None) -> None:
    """Close this attempt's conversation; then queue the task again (``retry_in``) or end it (``outcome``)."""
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


async def call_not_answered(ctx: Outreach, task_id: str, conversation_id: str, reason: str,
                            final: bool = False) -> None:
    """Voicemail, no answer, busy or silence: the call is over; the task waits for the patient (a voicemail
    asks them to call back), and its ladder's next rung comes after that rung's silence. ``final``: this number
    cannot take a call (a fax machine answered): the ladder's next channel now, else a person."""
    def record(session: Session) -> None:
        task = session.get(OutreachTask, task_id)
        conversation = session.get(Conversation, conversation_id)
        if conversation is not None:
            conversation.state = "closed"
            session.add(conversation)
        if task is None:
            return
        record_event(session, "outreach.call.not_answered", task_id,
                     {"conversation_id": conversation_id, "reason": reason, "attempt": task.attempt_count})
        if task.state == "contacting":
            move_task(session, task, "awaiting_reply", {"conversation_id": conversation_id})
        if task.state != "awaiting_reply":
            return
        task.lease_owner = task.lease_expires_at = None
        patient = session.get(Patient, task.patient_id)
        if final:
            if patient is None or not skip_to_next_channel(session, task, patient, f"call_{reason}"):
                move_task(session, task, "unreachable", {"reason": f"call_{reason}"})
            return
        task.waiting_reason = f"call_{reason}"
        schedule_next_rung(task, utcnow())
        session.add(task)

    await ctx.db.run(record)


async def _after_send_failure(ctx: Outreach, task_id: str, conversation_id: str, error: SendError,
                              attempt: int) -> None:
    data: dict[str, object] = {"reason": "send_failed", "error_code": error.code}
    if error.retryable and attempt < MAX_ATTEMPTS and error.code not in CHANNEL_FAILURES:
        await _end_attempt(ctx, task_id, conversation_id, outcome=None, data=data, retry_in=SEND_RETRY)
        return
    if error.code == 21610:
        await _end_attempt(ctx, task_id, conversation_id, outcome="opted_out", data=data)
        return

    def next_channel_or_unreachable(session: Session) -> None:
        """This channel cannot reach the patient: the ladder's next channel now, else a person."""
        task = session.get(OutreachTask, task_id)
        patient = session.get(Patient, task.patient_id) if task is not None else None
        if task is not None and patient is not None and task.state == "contacting":
            conversation = session.get(Conversation, conversation_id)
            if conversation is not None:
                conversation.state = "closed"
                session.add(conversation)
            if skip_to_next_channel(session, task, patient, "send_failed", {"error_code": error.code}):
                return
        end_attempt(session, task_id, conversation_id, outcome="unreachable", data=data)

    await ctx.db.run(next_channel_or_unreachable)


async def run_dispatcher(ctx: Outreach, stop: asyncio.Event) -> None:
    """Lease and contact due tasks until ``stop`` is set, keeping up to ``dispatch_concurrency`` patients being
    contacted at once: as each attempt ends, more due tasks are leased (no batch waits for its slowest member)."""
    capacity = ctx.settings.dispatch_concurrency
    in_flight: set[asyncio.Task[None]] = set()
    while not stop.is_set():
        free = capacity - len(in_flight)
        leased: list[str] = []
        try:
            if free > 0 and await ctx.engine.ready_lately():  # starting or restarting: lease nothing meanwhile
                leased = await ctx.db.run(lambda session, room=free: lease_due_tasks(session, WORKER_ID, limit=room))
        except Exception:
            log.exception("dispatch.loop_error")
        for task_id in leased:
            attempt = asyncio.create_task(_contact_logged(ctx, task_id))
            in_flight.add(attempt)
            attempt.add_done_callback(in_flight.discard)
        if leased and len(leased) == free:
            await asyncio.wait(in_flight, timeout=ctx.settings.dispatch_interval_seconds,
                               return_when=asyncio.FIRST_COMPLETED)
            await asyncio.sleep(0.005)  # let a few more finish, so leases are not taken one by one
            continue
        if leased:
            continue  # fewer due than room: look again at once, then rest
        await _pause(stop, ctx.settings.dispatch_interval_seconds)
    if in_flight:
        await asyncio.wait(in_flight, timeout=5)


async def _contact_logged(ctx: Outreach, task_id: str) -> None:
    try:
        await contact_patient(ctx, task_id)
    except Exception as error:
        log.error("dispatch.contact_failed", extra={"task_id": task_id, "error": repr(error)})


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
