"""Sending a text to a patient: stored first, sent once, recorded as an event."""

from __future__ import annotations

import logging

from sqlmodel import Session, select

from bot.core.context import Outreach
from bot.core.models import Message, utcnow
from bot.events.outbox import record_event
from bot.outreach.policy import is_opted_out, record_opt_out
from channels.base import SendError

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
) -> Message | None:
    """Send ``body`` to ``address`` on ``channel`` (SMS unless told) at most once per ``idempotency_key``.

    Returns the stored message, or None when nothing was sent (already sent under this key, or the address
    opted out; only the opt-out confirmation itself passes ``even_if_opted_out``)."""
    def store(session: Session) -> Message | None:
        if session.exec(select(Message).where(Message.idempotency_key == idempotency_key)).first():
            return None
        if not even_if_opted_out and is_opted_out(session, address):
            log.info("outbound.suppressed", extra={"reason": "opted_out", "task_id": task_id})
            return None
        message = Message(
            conversation_id=conversation_id, task_id=task_id, direction="outbound", channel=channel,
            address=address, body=body, idempotency_key=idempotency_key, delivery_status="sending",
        )
        session.add(message)
        return message

    message = await ctx.db.run(store)
    if message is None:
        return None
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
                record_opt_out(session, address, keyword="provider:21610", channel="sms")
            if task_id:
                record_event(session, "outreach.message.failed", task_id,
                             {"message_id": message.id, "error_code": error.code, "retryable": error.retryable})

        await ctx.db.run(record_failure)
        log.warning("outbound.failed", extra={"task_id": task_id, "error_code": error.code})
        raise

    def record_sent(session: Session) -> Message:
        stored = session.get(Message, message.id)
        assert stored is not None
        stored.provider_sid = result.provider_sid
        if stored.delivery_status == "sending":  # a status callback may already have moved it on
            stored.delivery_status = result.status
        stored.updated_at = utcnow()
        if task_id:
            record_event(session, "outreach.message.sent", task_id,
                         {"message_id": message.id, "provider_sid": result.provider_sid, "channel": channel,
                          "conversation_id": conversation_id})
        return stored

    stored = await ctx.db.run(record_sent)
    log.info("outbound.sent", extra={"task_id": task_id, "provider_sid": result.provider_sid})
    return stored
