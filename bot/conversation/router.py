"""Inbound router: every patient message is stored first, keywords are answered before any NLU, the rest goes
to the engine in arrival order per conversation, and the engine's replies go back out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import socket
import uuid
from collections.abc import Coroutine
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from bot.conversation.engine import EngineError
from bot.conversation.handoffs import hand_off
from bot.conversation.identity import MAX_ATTEMPTS as IDENTITY_ATTEMPTS
from bot.conversation.identity import birth_date_matches
from bot.conversation.journal import InboundJournal
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.safety import Emergency, detect_emergency
from bot.core.context import Outreach
from bot.core.leases import address_is_free, release_address_lease, take_address_lease
from bot.core.models import (
    AuditEntry,
    Conversation,
    Handoff,
    Message,
    OptOut,
    OutreachTask,
    Patient,
    utcnow,
)
from bot.core.phones import to_e164
from bot.events.outbox import record_event
from bot.messages.render import render_standalone, resolve_language
from bot.outreach.addresses import channel_of, task_of
from bot.outreach.dispatcher import opening_entities
from bot.outreach.outbound import send_text
from bot.outreach.policy import is_opted_out, patient_zones, record_opt_out
from bot.outreach.states import ACTIVE_STATES, move_task
from channels.base import DeliveryUpdate, InboundMessage, SendError

log = logging.getLogger(__name__)

# Delivery statuses in the order they can happen; a late callback never moves a message backwards.
STATUS_RANK = {
    "sending": 0, "accepted": 1, "scheduled": 1, "queued": 2, "sent": 3, "delivered": 5, "read": 6,
    "undelivered": 5, "failed": 5, "canceled": 5, "partially_delivered": 4,
}


HOLDING_REPLY_WINDOW_SECONDS = 15 * 60
ADDRESS_LEASE = timedelta(seconds=60)  # renewed before each message; a holder that died lets go after this
STORE_TIMEOUT_SECONDS = 5.0  # a message the database cannot take in this time goes to the journal
VOICE_WAIT_SECONDS = 12.0  # a caller waits at most this long for a turn another process is finishing
PROCESS_ID = f"{socket.gethostname()}:{os.getpid()}"


class InboundRouter:
    def __init__(self, ctx: Outreach) -> None:
        self.ctx = ctx
        self.journal = InboundJournal(ctx.settings.journal_dir)
        self._tasks: set[asyncio.Task[None]] = set()

    # -- entry points given to the channel ------------------------------------------------------------
    async def on_inbound(self, inbound: InboundMessage) -> None:
        """Store the message (dropping a repeated provider id; journaling it when the database cannot take
        it), then process it in the background so the provider's webhook is answered at once."""
        address = await self._store_or_journal(inbound)
        if address is not None:
            self._spawn(self.drain(address))

    async def process_now(self, inbound: InboundMessage) -> None:
        """Store the message and process it before returning (a call waits on the line for the answer)."""
        address = await self._store_or_journal(inbound)
        if address is not None:
            await self.drain(address, wait_seconds=VOICE_WAIT_SECONDS)

    async def _store_or_journal(self, inbound: InboundMessage) -> str | None:
        received_at = utcnow()
        try:
            return await asyncio.wait_for(self._store(inbound, received_at), STORE_TIMEOUT_SECONDS)
        except Exception as error:  # the database is locked, read-only or down: keep the message on disk
            log.warning("inbound.store_failed", extra={"error": error.__class__.__name__})
            self.journal.keep(inbound, received_at)
            return None

    async def _store(self, inbound: InboundMessage, received_at: datetime) -> str | None:
        """The address of the stored message; None when the provider sent it before."""
        address = to_e164(inbound.sender) or inbound.sender

        def store(session: Session) -> None:
            if inbound.provider_sid and session.exec(
                select(Message.id).where(Message.provider_sid == inbound.provider_sid)
            ).first():
                raise _Repeated
            conversation = self._open_conversation(session, address)
            session.add(Message(
                direction="inbound", channel=inbound.channel, address=address, body=inbound.body,
                media_urls=list(inbound.media_urls), provider_sid=inbound.provider_sid,
                delivery_status="received", engine_state="pending", created_at=received_at, updated_at=received_at,
                offered_slot_ids=list(conversation.offered_slot_ids) if conversation else None,
            ))

        try:
            await self.ctx.db.run(store)
        except (_Repeated, IntegrityError):
            log.info("inbound.duplicate", extra={"provider_sid": inbound.provider_sid})
            return None
        return address

    async def replay_journal(self) -> int:
        """Store journaled messages in the order they arrived, then process them. Returns how many."""
        if not self.journal.waiting():
            return 0
        stored = 0
        addresses: list[str] = []
        with self.journal.claimed() as batches:
            for path, entries in batches:
                done = 0
                for inbound, received_at in entries:
                    try:
                        address = await asyncio.wait_for(self._store(inbound, received_at), STORE_TIMEOUT_SECONDS)
                    except Exception as error:
                        log.warning("inbound.journal_replay_waits", extra={"error": error.__class__.__name__})
                        break
                    done += 1
                    if address is not None:
                        stored += 1
                        addresses.append(address)
                self.journal.forget(path, done)
        for address in dict.fromkeys(addresses):
            self._spawn(self.drain(address))
        if stored:
            log.info("inbound.journal_replayed", extra={"count": stored})
        return stored

    async def on_delivery(self, update: DeliveryUpdate) -> None:
        def record(session: Session) -> None:
            message = session.exec(select(Message).where(Message.provider_sid == update.provider_sid)).first()
            if message is None:
                log.info("delivery.unknown_message", extra={"provider_sid": update.provider_sid})
                return
            if STATUS_RANK.get(update.status, 0) < STATUS_RANK.get(message.delivery_status, 0):
                return
            if message.delivery_status == update.status:
                return  # a repeated callback changes nothing
            message.delivery_status = update.status
            message.error_code = update.error_code
            message.updated_at = utcnow()
            if message.task_id and update.status == "delivered":
                record_event(session, "outreach.message.delivered", message.task_id,
                             {"message_id": message.id, "provider_sid": update.provider_sid})
            elif message.task_id and update.status in ("undelivered", "failed"):
                record_event(session, "outreach.message.failed", message.task_id,
                             {"message_id": message.id, "provider_sid": update.provider_sid,
                              "error_code": update.error_code})

        await self.ctx.db.run(record)

    async def drain(self, address: str, wait_seconds: float = 0.0) -> None:
        """Answer the address's pending messages one at a time, oldest first, holding the address's lease so
        that no other process (or coroutine) answers the same patient at the same time. Whoever holds the lease
        answers messages that arrive meanwhile; the last look after letting go closes the gap between them."""
        owner = f"{PROCESS_ID}:{uuid.uuid4().hex[:8]}"
        deadline = asyncio.get_running_loop().time() + wait_seconds
        while True:
            if not await self.ctx.db.run(lambda s: take_address_lease(s, address, owner, ADDRESS_LEASE)):
                if asyncio.get_running_loop().time() >= deadline:
                    return  # the holder answers this message too
                await asyncio.sleep(0.05)
                continue
            try:
                seen: set[str] = set()
                while (message_id := await self.ctx.db.run(lambda s: _next_pending(s, address))) is not None:
                    if message_id in seen:  # a path that left it pending must not hold the patient up forever
                        log.error("inbound.left_pending", extra={"message_id": message_id})
                        await self.ctx.db.run(lambda s, m=message_id: _mark(s, m, "processed"))  # type: ignore[misc]
                        continue
                    seen.add(message_id)
                    await self._process_safely(address, message_id)
                    await self.ctx.db.run(lambda s: take_address_lease(s, address, owner, ADDRESS_LEASE))
            finally:
                await self.ctx.db.run(lambda s: release_address_lease(s, address, owner))
            if await self.ctx.db.run(lambda s: _next_pending(s, address)) is None:
                return
            deadline = asyncio.get_running_loop().time()

    async def drain_all(self) -> None:
        """Wait for in-flight processing (used at shutdown)."""
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def resume_pending(self, older_than_seconds: float = 0.0) -> int:
        """Answer messages stored but never finished (a crash, a restart, a process that died holding the
        address): every address with a pending message whose lease is free. Returns how many addresses."""
        cutoff = utcnow() - timedelta(seconds=older_than_seconds)

        def addresses(session: Session) -> list[str]:
            found = session.exec(
                select(Message.address).where(Message.direction == "inbound", Message.engine_state == "pending",
                                              col(Message.created_at) <= cutoff)
                .group_by(col(Message.address)).order_by(func.min(Message.created_at))
            ).all()
            return [address for address in found if address_is_free(session, address)]

        found = await self.ctx.db.run(addresses)
        for address in found:
            self._spawn(self.drain(address))
        return len(found)

    # -- processing ------------------------------------------------------------------------------------
    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _process_safely(self, address: str, message_id: str) -> None:
        try:
            await self._process(address, message_id)
        except Exception:
            log.exception("inbound.processing_failed", extra={"message_id": message_id})
            with contextlib.suppress(Exception):  # kept, and tried again with the engine's failures
                await self.ctx.db.run(lambda s: _mark(s, message_id, "failed", only_if="pending"))

    async def _process(self, address: str, message_id: str) -> None:
        def triage(session: Session) -> tuple[Keyword | None, Emergency | None, Conversation | None, bool] | None:
            message = session.get(Message, message_id)
            if message is None or message.engine_state != "pending":
                return None
            keyword = classify_keyword(message.body, opted_out=is_opted_out(session, address))
            emergency = detect_emergency(message.body)
            conversation = self._open_conversation(session, address)
            first_time = message.conversation_id is None  # a replay after an outage is not a new reply
            if conversation:
                message.conversation_id = conversation.id
                message.task_id = conversation.task_id
            if emergency is not None:
                message.engine_state = "processed"
            return keyword, emergency, conversation, first_time

        triaged = await self.ctx.db.run(triage)
        if triaged is None:
            return
        keyword, emergency, conversation, first_time = triaged
        if emergency is not None:
            await self._answer_emergency(emergency, address, message_id, conversation)
            if keyword is not Keyword.OPT_OUT:
                return

        def route(session: Session) -> bool:
            message = session.get(Message, message_id)
            assert message is not None
            if keyword is None and is_opted_out(session, address):
                message.engine_state = "processed"  # kept, never answered: they asked us to stop
                return False
            if keyword is None and first_time and conversation and conversation.task_id:
                record_event(session, "outreach.patient.replied", conversation.task_id,
                             {"message_id": message.id, "conversation_id": conversation.id})
            if keyword is not None or conversation is None or conversation.state != "bot":
                message.engine_state = "processed"
            return True

        if not await self.ctx.db.run(route):
            return
        if keyword is not None:
            await self._answer_keyword(keyword, address, message_id)
        elif conversation is None:
            await self._no_conversation(address, message_id)
        elif conversation.state != "bot":
            log.info("inbound.for_person", extra={"conversation_id": conversation.id})
        elif conversation.identity_state == "pending":
            await self._check_identity(conversation, message_id)
        else:
            await self._ask_engine(conversation, message_id)

    async def _answer_emergency(self, emergency: Emergency, address: str, message_id: str,
                                conversation: Conversation | None) -> None:
        """Emergency words, in any state: the instruction at once, and a person, urgently."""
        def hand_to_person(session: Session) -> str:
            patient = _patient_for(session, address, conversation)
            row = session.get(Conversation, conversation.id) if conversation else None
            task = session.get(OutreachTask, row.task_id) if row and row.task_id else None
            if row is not None:
                hand_off(session, row, task, reason=f"emergency_{emergency.value}", priority="urgent")
            else:
                session.add(Handoff(patient_id=patient.id if patient else None,
                                    reason=f"emergency_{emergency.value}", priority="urgent"))
            return patient.language if patient else "en"

        language = await self.ctx.db.run(hand_to_person)
        log.warning("inbound.emergency", extra={"kind": emergency.value, "message_id": message_id})
        text = self._render(f"emergency_{emergency.value}", language, channel_of(address))
        await self._reply(address, text, f"emergency:{message_id}", conversation, even_if_opted_out=True)

    @staticmethod
    def _open_conversation(session: Session, address: str) -> Conversation | None:
        return session.exec(
            select(Conversation)
            .where(Conversation.address == address, col(Conversation.state).in_(["bot", "handed_off"]))
            .order_by(col(Conversation.last_activity_at).desc())
        ).first()

    async def keep_answering(self, stop: asyncio.Event, every_seconds: float = 2.0, journal_only: bool = False
                             ) -> None:
        """The worker's sweep: journaled messages stored; messages kept while the engine was down passed on in
        order once it answers again; messages a dead process left half-done answered. A web process only
        stores its own journal."""
        settle = 0.0  # at start, everything left pending; then only what nobody picked up for a while
        while not stop.is_set():
            try:
                await self.replay_journal()
                if not journal_only:
                    await self.retry_failed()
                    await self.resume_pending(older_than_seconds=settle)
                    settle = ADDRESS_LEASE.total_seconds() / 4
            except Exception:
                log.exception("inbound.sweep_failed")
            try:
                await asyncio.wait_for(stop.wait(), timeout=every_seconds)
            except TimeoutError:
                pass

    async def retry_failed(self) -> None:
        def failed_addresses(session: Session) -> list[str]:
            return list(session.exec(
                select(Message.address).where(Message.direction == "inbound", Message.engine_state == "failed")
                .group_by(col(Message.address)).order_by(func.min(Message.created_at))
            ).all())

        addresses = await self.ctx.db.run(failed_addresses)
        if not addresses or not await self.ctx.engine.is_ready():
            return

        def pending_again(session: Session, address: str) -> None:
            for message in session.exec(select(Message).where(Message.address == address,
                                                              Message.direction == "inbound",
                                                              Message.engine_state == "failed")):
                message.engine_state = "pending"
                session.add(message)

        for address in addresses:
            await self.ctx.db.run(lambda s, address=address: pending_again(s, address))  # type: ignore[misc]
            self._spawn(self.drain(address))

    async def _ask_engine(self, conversation: Conversation, message_id: str) -> None:
        def prepare(session: Session) -> str | None:
            message = session.get(Message, message_id)
            assert message is not None
            earlier_failed = session.exec(
                select(Message).where(Message.conversation_id == conversation.id, Message.engine_state == "failed",
                                      col(Message.created_at) < message.created_at)
            ).first()
            if earlier_failed is not None:  # keep the order: this one waits behind the ones still unanswered
                message.engine_state = "failed"
                return None
            conversation_row = session.get(Conversation, conversation.id)
            assert conversation_row is not None
            conversation_row.last_activity_at = utcnow()
            # a photo (MMS) is a document sent: the engine gets that as an intent, whatever the caption says
            return "/document_received" if message.media_urls else message.body

        body = await self.ctx.db.run(prepare)
        if body is None:
            return
        try:
            replies = await self.ctx.engine.tell(conversation.id, body,
                                                 {"channel": conversation.channel, "message_id": message_id})
        except EngineError as error:
            log.warning("engine.unavailable", extra={"conversation_id": conversation.id, "error": str(error)})
            await self._holding_reply(conversation, message_id, str(error))
            return
        # Only messages from addresses not opted out reach the engine, so this turn's replies all go out, even
        # when the turn itself ends contact (a wrong number is told "we will not text again").
        for index, text in enumerate(replies):
            await self._reply(conversation.address, text, f"reply:{message_id}:{index}", conversation,
                              even_if_opted_out=True)
        await self.ctx.db.run(lambda s: _mark(s, message_id, "processed"))

    async def _check_identity(self, conversation: Conversation, message_id: str) -> None:
        """The reply to "what is your date of birth?": read here and never passed to the engine. A match opens
        the workflow through the engine; three misses hand the conversation to a person."""
        def check(session: Session) -> tuple[bool, str, str, str | None, dict[str, str]]:
            message = session.get(Message, message_id)
            row = session.get(Conversation, conversation.id)
            patient = session.get(Patient, conversation.patient_id)
            task = session.get(OutreachTask, conversation.task_id) if conversation.task_id else None
            assert message is not None and row is not None and patient is not None
            language, today = patient.language, utcnow().astimezone(patient_zones(patient)[0]).date()
            matched = patient.birth_date is not None and birth_date_matches(
                message.body, resolve_language(language), patient.birth_date, today)
            template, entities = "", {}
            if not matched:
                message.engine_state = "processed"
                row.identity_attempts += 1
                if task is not None:
                    record_event(session, "outreach.identity.not_matched", task.id,
                                 {"conversation_id": row.id, "attempt": row.identity_attempts})
                if row.identity_attempts >= IDENTITY_ATTEMPTS:
                    row.identity_state = "failed"
                    hand_off(session, row, task, reason="identity_not_verified", priority="normal")
                template = "identity_failed" if row.identity_state == "failed" else "identity_retry"
            elif task is not None:
                entities = opening_entities(patient, task, row.channel)
                row.identity_state = "verified"  # before the opening: its messages may now carry health details
            else:
                message.engine_state = "processed"
            return matched, language, template, task.workflow if task else None, entities

        matched, language, template, workflow, entities = await self.ctx.db.run(check)
        if not matched:
            await self._reply(conversation.address, self._render(template, language, conversation.channel),
                              f"reply:{message_id}:0", conversation)
            return
        if workflow is None or conversation.task_id is None:
            return
        task_id = conversation.task_id
        try:
            replies = await self.ctx.engine.open_conversation(conversation.id, f"EXTERNAL_{workflow}", entities)
        except EngineError as error:  # the date of birth is checked again when the message is replayed
            def not_yet(session: Session) -> None:
                row = session.get(Conversation, conversation.id)
                assert row is not None
                row.identity_state = "pending"

            await self.ctx.db.run(not_yet)
            await self._holding_reply(conversation, message_id, str(error))
            return

        def verified(session: Session) -> None:
            _mark(session, message_id, "processed")
            record_event(session, "outreach.identity.verified", task_id, {"conversation_id": conversation.id})

        await self.ctx.db.run(verified)
        for index, text in enumerate(replies):
            await self._reply(conversation.address, text, f"reply:{message_id}:{index}", conversation)

    async def _holding_reply(self, conversation: Conversation, message_id: str, reason: str) -> None:
        """The engine could not answer: tell the patient we have their message, and keep it to pass on."""
        def keep(session: Session) -> str:
            patient = session.get(Patient, conversation.patient_id)
            _mark(session, message_id, "failed")
            if conversation.task_id:
                record_event(session, "outreach.engine.unavailable", conversation.task_id,
                             {"message_id": message_id, "reason": reason})
            return patient.language if patient else "en"

        language = await self.ctx.db.run(keep)
        text = self._render("holding_reply", language, conversation.channel)
        window = int(utcnow().timestamp() // HOLDING_REPLY_WINDOW_SECONDS)  # one holding reply per window
        await self._reply(conversation.address, text, f"holding:{conversation.id}:{window}", conversation)

    async def _no_conversation(self, address: str, message_id: str) -> None:
        """A message with no conversation to belong to: a person reads it."""
        def hand_to_person(session: Session) -> str:
            patient = _patient_for(session, address, None)
            session.add(Handoff(patient_id=patient.id if patient else None, reason="message_without_conversation"))
            return patient.language if patient else "en"

        language = await self.ctx.db.run(hand_to_person)
        text = self._render("no_open_conversation", language, channel_of(address))
        await self._reply(address, text, f"reply:{message_id}:0", None)

    async def _answer_keyword(self, keyword: Keyword, address: str, message_id: str) -> None:
        def act(session: Session) -> tuple[str, bool, bool]:
            message = session.get(Message, message_id)
            assert message is not None
            body = message.body
            conversation = self._open_conversation(session, address)
            patient = _patient_for(session, address, conversation)
            patients = [patient] if patient else []
            language = patient.language if patient else "en"
            news = True
            provider_confirms = False
            by_sms = channel_of(address) == "sms"
            # chat and voice addresses name a task; an opt-out there stops contact at the patient's phone
            reach = address if by_sms or patient is None or not patient.phone else patient.phone
            if keyword is Keyword.OPT_OUT:
                if _CANCEL_WORD.search(body.lower()):
                    _ask_staff_about_visits(session, patients, message_id)
                provider_confirms = by_sms and self.ctx.sms.provider_blocks(body)
                news = record_opt_out(session, reach, keyword=message.body.strip()[:40],
                                      channel=channel_of(address))
                self._stop_everything(session, address, patients, message_id)
            elif keyword is Keyword.OPT_IN:
                opt_out = session.get(OptOut, address)
                if opt_out is not None:
                    provider_confirms = by_sms and self.ctx.sms.provider_unblocks(body, opt_out.keyword)
                    session.delete(opt_out)
                session.add(AuditEntry(actor="patient", action="opted_in", subject=address,
                                       detail={"message_id": message_id}))
            return language, news, provider_confirms

        language, news, provider_confirms = await self.ctx.db.run(act)
        template = {Keyword.OPT_OUT: "opt_out_confirmation", Keyword.OPT_IN: "opt_in_confirmation",
                    Keyword.HELP: "help"}[keyword]
        if keyword is Keyword.OPT_OUT and not news:
            return  # confirmed once already; then silence
        if provider_confirms:
            return  # the provider blocks or unblocks the number and confirms it itself
        text = self._render(template, language, channel_of(address))
        await self._reply(address, text, f"keyword:{message_id}", None, even_if_opted_out=True)

    @staticmethod
    def _stop_everything(session: Session, address: str, patients: list[Patient], message_id: str) -> None:
        session.add(AuditEntry(actor="patient", action="opted_out", subject=address,
                               detail={"message_id": message_id, "channels": ["sms", "voice"]}))
        patient_ids = [p.id for p in patients]
        if not patient_ids:
            return
        tasks = session.exec(
            select(OutreachTask).where(col(OutreachTask.patient_id).in_(patient_ids),
                                       col(OutreachTask.state).in_(ACTIVE_STATES))
        ).all()
        for task in tasks:
            record_event(session, "outreach.patient.opted_out", task.id,
                         {"message_id": message_id, "channels": ["sms", "voice"]})
            move_task(session, task, "opted_out", {"reason": "patient_opted_out"})
        for conversation in session.exec(
            select(Conversation).where(Conversation.address == address, Conversation.state != "closed")
        ):
            conversation.state = "closed"
            session.add(conversation)

    def _render(self, message: str, language: str, channel: str) -> str:
        return render_standalone(self.ctx.settings, message, channel, language)

    async def _reply(self, address: str, text: str, key: str, conversation: Conversation | None,
                     even_if_opted_out: bool = False) -> None:
        try:
            await send_text(
                self.ctx, address=address, body=text, idempotency_key=key,
                conversation_id=conversation.id if conversation else None,
                task_id=conversation.task_id if conversation else None, even_if_opted_out=even_if_opted_out,
                channel=channel_of(address),
            )
        except SendError:
            pass  # recorded by send_text


_CANCEL_WORD = re.compile(r"\b(cancel|cancelar|cancela|canceled|cancelled)\b")


def _ask_staff_about_visits(session: Session, patients: list[Patient], message_id: str) -> None:
    """CANCEL is an opt-out word, and it is honoured as one; but a patient with a visit coming up may have
    meant the visit. A person is asked to check, so the clinic does not wait for someone who will not come."""
    patient_ids = [p.id for p in patients]
    if not patient_ids:
        return
    tasks = session.exec(
        select(OutreachTask).where(col(OutreachTask.patient_id).in_(patient_ids),
                                   col(OutreachTask.state).in_([*ACTIVE_STATES, "booked"]))
    ).all()
    for task in tasks:
        if task.state != "booked" and task.workflow != "appointment_reminder":
            continue
        handoff = Handoff(task_id=task.id, patient_id=task.patient_id, reason="cancel_word_check_visit")
        session.add(handoff)
        session.flush()
        record_event(session, "outreach.handoff.requested", task.id,
                     {"handoff_id": handoff.id, "reason": "cancel_word_check_visit", "priority": "normal",
                      "message_id": message_id})


def _patient_for(session: Session, address: str, conversation: Conversation | None) -> Patient | None:
    if conversation is not None:
        return session.get(Patient, conversation.patient_id)
    task_id = task_of(address)
    if task_id is not None:
        task = session.get(OutreachTask, task_id)
        return session.get(Patient, task.patient_id) if task else None
    return session.exec(select(Patient).where(Patient.phone == address)).first()


class _Repeated(Exception):
    """The provider sent this message before."""


def _next_pending(session: Session, address: str) -> str | None:
    """The oldest inbound message from ``address`` still to be answered."""
    return session.exec(
        select(Message.id).where(Message.address == address, Message.direction == "inbound",
                                 Message.engine_state == "pending")
        .order_by(col(Message.created_at), col(Message.id)).limit(1)
    ).first()


def _mark(session: Session, message_id: str, engine_state: str, only_if: str | None = None) -> None:
    message = session.get(Message, message_id)
    if message is not None and (only_if is None or message.engine_state == only_if):
        message.engine_state = engine_state
        message.updated_at = utcnow()
        session.add(message)
