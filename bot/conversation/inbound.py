"""Inbound messages, stored and answered in order: every patient message is stored first (or journaled when the
database cannot take it), then answered one at a time per address, oldest first, by whichever process holds the
address's lease in the database. The sweeps store journaled messages, pass on messages kept while the engine was
down once it answers again, and finish what a process that died left half-done."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import Counter
from collections.abc import Coroutine
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update as sql_update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, or_, select

from bot.conversation.journal import InboundJournal
from bot.conversation.records import open_conversation
from bot.conversation.router import InboundRouter
from bot.core.context import Outreach
from bot.core.leases import (
    address_is_free,
    expire_leases_of_dead_processes,
    lease_owner,
    release_address_lease,
    take_address_lease,
)
from bot.core.models import Message, Patient, utcnow
from bot.core.phones import to_e164
from bot.events.outbox import record_event
from bot.outreach.ladder import channel_failed_later
from bot.outreach.outbound import OPT_OUT_ERROR, provider_says_unsubscribed
from bot.outreach.policy import is_opted_out
from channels.base import DeliveryUpdate, InboundMessage
from channels.sms import RETRYABLE_CODES

log = logging.getLogger(__name__)

# Delivery statuses in the order they can happen; a late callback never moves a message backwards. Delivered
# outranks a failure: a carrier's late "undelivered" after its "delivered" (callbacks cross) changes nothing,
# so it never moves the patient to a call after the text reached them.
STATUS_RANK = {
    "sending": 0, "accepted": 1, "scheduled": 1, "queued": 2, "sent": 3, "partially_delivered": 4,
    "undelivered": 5, "failed": 5, "canceled": 5, "delivered": 6, "read": 7,
}
ADDRESS_LEASE = timedelta(seconds=60)  # renewed before each message; a holder that died lets go after this
DELIVERY_RETRY_SECONDS = (0.5, 2.0, 10.0)  # a status callback that came before we knew the message's id
STORE_TIMEOUT_SECONDS = 5.0  # a message the database cannot take in this time goes to the journal
VOICE_WAIT_SECONDS = 12.0  # a caller waits at most this long for a turn another process is finishing


class InboundQueue:
    def __init__(self, ctx: Outreach, router: InboundRouter) -> None:
        self.ctx = ctx
        self.router = router
        self.journal = InboundJournal(ctx.settings.journal_dir, ctx.settings.database_url)
        self._tasks: set[asyncio.Task[None]] = set()

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
        """Store within STORE_TIMEOUT_SECONDS, or journal it. A store still waiting on a locked database is left
        to finish on its own (cancelling it would wait for the lock too); if it does, its message is answered,
        and the journal's copy is dropped as a repeat."""
        received_at = utcnow()
        storing = asyncio.get_running_loop().create_task(self._store(inbound, received_at))
        done, _ = await asyncio.wait({storing}, timeout=STORE_TIMEOUT_SECONDS)
        if done and storing.exception() is None:
            return storing.result()
        error = storing.exception() if done else TimeoutError()
        log.warning("inbound.store_failed", extra={"error": error.__class__.__name__})
        self.journal.keep(inbound, received_at)
        if not done:
            storing.add_done_callback(self._late_store)
        return None

    def _late_store(self, storing: asyncio.Task[str | None]) -> None:
        if not storing.cancelled() and storing.exception() is None and (address := storing.result()):
            self._spawn(self.drain(address))

    async def _store(self, inbound: InboundMessage, received_at: datetime) -> str | None:
        """The address of the stored message; None when the provider sent it before."""
        address = to_e164(inbound.sender) or inbound.sender

        def store(session: Session) -> None:
            if inbound.provider_sid and session.exec(
                select(Message.id).where(Message.provider_sid == inbound.provider_sid)
            ).first():
                raise _Repeated
            conversation = open_conversation(session, address)
            session.add(Message(
                direction="inbound", channel=inbound.channel, address=address, body=inbound.body,
                media_urls=list(inbound.media_urls), provider_sid=inbound.provider_sid,
                provider_keyword=inbound.provider_keyword,
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
                        address = await self._store(inbound, received_at)
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
        """A provider's word on a message we sent. It may come before the send's own answer told us the
        provider's id for it (Twilio does that too): then it is applied a little later, in the background."""
        if not await self._record_delivery(update):
            self._spawn(self._record_delivery_later(update))

    async def _record_delivery_later(self, update: DeliveryUpdate) -> None:
        for wait in DELIVERY_RETRY_SECONDS:
            await asyncio.sleep(wait)
            if await self._record_delivery(update):
                return
        log.info("delivery.unknown_message", extra={"provider_sid": update.provider_sid})

    async def _record_delivery(self, update: DeliveryUpdate) -> bool:
        """Apply the update; False when no message of ours has that provider id (yet)."""
        rank = STATUS_RANK.get(update.status, 0)
        # a late callback never moves a message backwards, and a repeated one changes nothing
        movable = or_(col(Message.delivery_status).not_in(list(STATUS_RANK)), col(Message.delivery_status).in_(
            [status for status, earlier in STATUS_RANK.items() if earlier <= rank and status != update.status]))

        code = int(update.error_code) if update.error_code and update.error_code.isdigit() else None

        def record(session: Session) -> bool:
            # one statement in the usual case: move the message on, unless it is already there or further
            moved = session.execute(
                sql_update(Message)
                .where(col(Message.provider_sid) == update.provider_sid, movable)
                .values(delivery_status=update.status, error_code=update.error_code, updated_at=utcnow())
                .returning(col(Message.id), col(Message.task_id), col(Message.address))
                .execution_options(synchronize_session=False)
            ).first()
            if moved is None:  # unknown (yet), or nothing to change
                known = session.exec(select(Message.id, Message.address)
                                     .where(Message.provider_sid == update.provider_sid)).first()
                # the number unsubscribed: honoured even when the callback crossed a "delivered" (once)
                if known is not None and code == OPT_OUT_ERROR and not is_opted_out(session, known[1]):
                    self._unsubscribed(session, known[1], known[0])
                return known is not None
            message_id, task_id, address = moved
            if task_id and update.status == "delivered":
                record_event(session, "outreach.message.delivered", task_id,
                             {"message_id": message_id, "provider_sid": update.provider_sid})
            elif task_id and update.status in ("undelivered", "failed"):
                # the same fields as a send the provider refused at once (``send_text``)
                record_event(session, "outreach.message.failed", task_id,
                             {"message_id": message_id, "provider_sid": update.provider_sid,
                              "error_code": code if code is not None else update.error_code,
                              "retryable": code in RETRYABLE_CODES})
                channel_failed_later(session, task_id, update.error_code)
            if code == OPT_OUT_ERROR:  # the carrier says the patient unsubscribed: as if they texted us STOP
                self._unsubscribed(session, address, message_id)
            return True

        return await self.ctx.db.run(record)

    @staticmethod
    def _unsubscribed(session: Session, address: str, message_id: str) -> None:
        provider_says_unsubscribed(session, address)
        patients = list(session.exec(select(Patient).where(Patient.phone == address)).all())
        InboundRouter.stop_everything(session, address, patients, message_id)

    async def drain(self, address: str, wait_seconds: float = 0.0) -> None:
        """Answer the address's pending messages one at a time, oldest first, holding the address's lease so
        that no other process (or coroutine) answers the same patient at the same time. Whoever holds the lease
        answers messages that arrive meanwhile; the last look after letting go closes the gap between them.
        A message whose processing failed stays pending for the sweep; nothing behind it overtakes it."""
        try:
            await self._drain(address, wait_seconds)
        except Exception:
            log.exception("inbound.drain_failed")  # what is pending stays so: the sweep answers it later

    async def _drain(self, address: str, wait_seconds: float) -> None:
        owner = lease_owner("inbound", uuid.uuid4().hex[:8])
        deadline = asyncio.get_running_loop().time() + wait_seconds
        while True:
            held, message_id = await self.ctx.db.run(lambda s: _hold_and_next(s, address, owner))
            if not held:
                if asyncio.get_running_loop().time() >= deadline:
                    return  # the holder answers this message too
                await asyncio.sleep(0.05)
                continue
            try:
                # A message may come round again: one kept while the engine was away is made pending again by
                # the sweep, maybe while this loop still runs. It is answered again, never dropped; only one
                # that stays pending after two tries here is left to the sweep, so the loop cannot spin.
                tries: Counter[str] = Counter()
                while message_id is not None:
                    tries[message_id] += 1
                    if tries[message_id] > 2:
                        log.error("inbound.still_pending", extra={"message_id": message_id})
                        return
                    if not await self._process_safely(address, message_id):
                        return  # kept pending, and the lease let go: the sweep tries again in order
                    held, message_id = await self.ctx.db.run(lambda s: _hold_and_next(s, address, owner))
            finally:
                still_pending: str | None = "unknown"
                with contextlib.suppress(Exception):  # else the lease lapses at its expiry
                    still_pending = await self.ctx.db.run(lambda s: _let_go_and_next(s, address, owner))
            if still_pending is None:
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

    async def _process_safely(self, address: str, message_id: str) -> bool:
        """Process one message; False when that failed (it stays pending, to be tried again)."""
        try:
            await self.router.process(address, message_id)
        except Exception:
            log.exception("inbound.processing_failed", extra={"message_id": message_id})
            return False
        return True

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
                    await self.ctx.db.run(expire_leases_of_dead_processes)
                if not journal_only and await self.ctx.engine.is_ready():  # not while it starts or restarts
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

        def pending_again(session: Session, address: str) -> None:
            for message in session.exec(select(Message).where(Message.address == address,
                                                              Message.direction == "inbound",
                                                              Message.engine_state == "failed")):
                message.engine_state = "pending"
                session.add(message)

        for address in addresses:
            await self.ctx.db.run(lambda s, address=address: pending_again(s, address))  # type: ignore[misc]
            self._spawn(self.drain(address))


class _Repeated(Exception):
    """The provider sent this message before."""

def _hold_and_next(session: Session, address: str, owner: str) -> tuple[bool, str | None]:
    """Take (or keep) the address's lease and, if held, find its oldest pending message."""
    if not take_address_lease(session, address, owner, ADDRESS_LEASE):
        return False, None
    return True, _next_pending(session, address)


def _let_go_and_next(session: Session, address: str, owner: str) -> str | None:
    """Let go of the lease; then the oldest pending message that arrived meanwhile, if any."""
    release_address_lease(session, address, owner)
    return _next_pending(session, address)


def _next_pending(session: Session, address: str) -> str | None:
    """The oldest inbound message from ``address`` still to be answered."""
    return session.exec(
        select(Message.id).where(Message.address == address, Message.direction == "inbound",
                                 Message.engine_state == "pending")
        .order_by(col(Message.created_at), col(Message.id)).limit(1)
    ).first()
