"""Small record look-ups the inbound path shares."""

from __future__ import annotations

from sqlmodel import Session, col, select

from bot.core.models import Conversation, Message, utcnow


def open_conversation(session: Session, address: str) -> Conversation | None:
    """The conversation a message from ``address`` belongs to: the most recently active one not closed."""
    return session.exec(
        select(Conversation)
        .where(Conversation.address == address, col(Conversation.state).in_(["bot", "handed_off"]))
        .order_by(col(Conversation.last_activity_at).desc())
    ).first()


def mark_message(session: Session, message_id: str, engine_state: str, only_if: str | None = None) -> None:
    """Set an inbound message's engine state (``only_if`` it is still in that state, when given)."""
    message = session.get(Message, message_id)
    if message is not None and (only_if is None or message.engine_state == only_if):
        message.engine_state = engine_state
        message.updated_at = utcnow()
        session.add(message)
