"""Sending a text to a patient: stored first, sent once, recorded as an event."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlmodel import Session, col, select

from bot.core.context import Outreach
from bot.core.models import Message, utcnow
from bot.events.outbox import record_event
from bot.outreach.policy import is_opted_out, record_opt_out
from channels.base import SendError, SendResult

log = logging.getLogger(__name__)

OPT_OUT_ERROR = 21610  # the provider says the recipient opted out


async def send_text(
    ctx: Outreach,
    *,
    address: str,
    body: str,
    idempotency_key: str,
    conversation_id: str | None = None,
    task_id: str | None = None,
    even_if_opted_out: bool = False,
    channel: str = "sms",
    then: Callable[[Session], None] | None = None,
    sent_by: str | None = None,
) -> Message | None:
    """Send ``body`` to ``address`` on ``channel`` (SMS unless told) at most once per ``idempotency_key``.

    Returns the stored message, or None when nothing was sent (already sent under this key, or the address
    opted out; only the opt-out confirmation itself passes ``even_if_opted_out``). ``then`` runs in the
    transaction that records the provider's answer (what follows a sent text, committed with it); ``sent_by``
    names the staff member who wrote it."""
    def store(session: Session) -> tuple[Message | None, bool]:
        """The message to send, and whether it was stored before (by a process that died before the provider
        answered); None when there is nothing to send."""
        earlier = session.exec(select(Message).where(Message.idempotency_key == idempotency_key)).first()
        if earlier is not None:
            unconfirmed = earlier.delivery_status == "sending" and earlier.provider_sid is None
            return (earlier if unconfirmed else None), True
        if not even_if_opted_out and is_opted_out(session, address):
            log.info("outbound.suppressed", extra={"reason": "opted_out", "task_id": task_id})
            return None, False
        message = Message(
            conversation_id=conversation_id, task_id=task_id, direction="outbound", channel=channel,
            address=address, body=body, idempotency_key=idempotency_key, delivery_status="sending",
            sent_by=sent_by,
        )
        session.add(message)
        return message, False

    message, stored_before = await ctx.db.run(store)
    if message is None:
        return None
    if stored_before:  # its sender died between storing it and hearing back: nothing lost, nothing twice
        await confirm_or_resend(ctx, message, then)
        return message
    try:
        result = await ctx.channel(channel).send(address, body)
    except SendError as send_error:
        error = send_error

        def record_failure(session: Session) -> None:
            stored = session.get(Message, message.id)
            assert stored is not None
            stored.delivery_status = "failed"
            stored.error_code = str(error.code) if error.code else "send_error"
            stored.updated_at = utcnow()
            if error.code == OPT_OUT_ERROR:
                provider_says_unsubscribed(session, address)
            if task_id:
                record_event(session, "outreach.message.failed", task_id,
                             {"message_id": message.id, "error_code": error.code, "retryable": error.retryable})

        await ctx.db.run(record_failure)
        log.warning("outbound.failed", extra={"task_id": task_id, "error_code": error.code})
        raise

    def record_answer(session: Session) -> Message:
        stored = record_provider_answer(session, message.id, result)
        if then is not None:
            then(session)
        return stored

    stored = await ctx.db.run(record_answer)
    log.info("outbound.sent", extra={"task_id": task_id, "provider_sid": result.provider_sid})
    return stored


def provider_says_unsubscribed(session: Session, address: str) -> None:
    """The provider refused a text because the number unsubscribed (21610), on sending or in a status callback:
    nothing more goes to it until the patient texts START."""
    if record_opt_out(session, address, keyword=f"provider:{OPT_OUT_ERROR}", channel="sms"):
        log.info("outbound.provider_unsubscribed")


def record_provider_answer(session: Session, message_id: str, result: SendResult) -> Message:
    """The provider took the message: its id and status, and the ``outreach.message.sent`` event."""
    stored = session.get(Message, message_id)
    assert stored is not None
    stored.provider_sid = result.provider_sid
    if stored.delivery_status == "sending":  # a status callback may already have moved it on
        stored.delivery_status = result.status
    stored.updated_at = utcnow()
    if stored.task_id:
        data = {"message_id": stored.id, "provider_sid": result.provider_sid, "channel": stored.channel,
                "conversation_id": stored.conversation_id}
        if stored.sent_by:
            data["sent_by"] = stored.sent_by
        record_event(session, "outreach.message.sent", stored.task_id, data)
    return stored


async def confirm_or_resend(ctx: Outreach, message: Message, then: Callable[[Session], None] | None = None
                            ) -> None:
    """A text stored as being sent whose provider answer was never heard (the process died in between): ask
    the provider whether it took it, and adopt its record; only if it did not, send it now. Nothing twice,
    nothing lost. (Web chat keeps no record to ask: its message is sent again.)"""
    result = None
    if message.channel == "sms":
        candidates = await ctx.sms.find_sent(message.address, message.body)

        def not_ours_yet(session: Session) -> list[str]:
            known = set(session.exec(select(Message.provider_sid).where(
                col(Message.provider_sid).in_([c.provider_sid for c in candidates]))).all())
            return [c.provider_sid for c in candidates if c.provider_sid not in known]

        unclaimed = await ctx.db.run(not_ours_yet) if candidates else []
        result = next((c for c in candidates if c.provider_sid in unclaimed), None)
    if result is None:
        result = await ctx.channel(message.channel).send(message.address, message.body)
        log.warning("outbound.resent_after_crash", extra={"task_id": message.task_id})
    else:
        log.info("outbound.confirmed_after_crash", extra={"task_id": message.task_id})
    found = result

    def record(session: Session) -> None:
        record_provider_answer(session, message.id, found)
        if then is not None:
            then(session)

    await ctx.db.run(record)
