"""Sending a text to a patient: stored first, sent once, recorded as an event."""

from __future__ import annotations

import logging

from sqlmodel import Session, select

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

    stored = await ctx.db.run(lambda session: record_provider_answer(session, message.id, result))
    log.info("outbound.sent", extra={"task_id": task_id, "provider_sid": result.provider_sid})
    return stored


def record_provider_answer(session: Session, message_id: str, result: SendResult) -> Message:
    """The provider took the message: its id and status, and the ``outreach.message.sent`` event."""
    stored = session.get(Message, message_id)
    assert stored is not None
    stored.provider_sid = result.provider_sid
    if stored.delivery_status == "sending":  # a status callback may already have moved it on
        stored.delivery_status = result.status
    stored.updated_at = utcnow()
    if stored.task_id:
        record_event(session, "outreach.message.sent", stored.task_id,
                     {"message_id": stored.id, "provider_sid": result.provider_sid, "channel": stored.channel,
                      "conversation_id": stored.conversation_id})
    return stored


async def confirm_or_resend(ctx: Outreach, message: Message) -> None:
    """A text stored as being sent whose provider answer was never heard (the process died in between): ask
    the provider whether it took it, and adopt its record; only if it did not, send it now. Nothing twice,
    nothing lost."""
    result = await ctx.sms.find_sent(message.address, message.body)
    if result is None:
        result = await ctx.sms.send(message.address, message.body)
        log.warning("outbound.resent_after_crash", extra={"task_id": message.task_id})
    else:
        log.info("outbound.confirmed_after_crash", extra={"task_id": message.task_id})
    await ctx.db.run(lambda session: record_provider_answer(session, message.id, result))
