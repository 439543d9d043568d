"""Small record look-ups the inbound path shares."""

from __future__ import annotations

from sqlmodel import Session, col, select

from bot.core.models import Conversation, Message, Patient, utcnow


def open_conversation(session: Session, address: str) -> Conversation | None:
    """The conversation a message from ``address`` belongs to: the most recently active one not closed."""
    return session.exec(
        select(Conversation)
        .where(Conversation.address == address, col(Conversation.state).in_(["bot", "handed_off"]))
        .order_by(col(Conversation.last_activity_at).desc())
    ).first()


def latest_conversation(session: Session, address: str) -> Conversation | None:
    """The newest conversation at ``address``, closed or not (a chat link's page shows its last state)."""
    return session.exec(select(Conversation).where(Conversation.address == address)
                        .order_by(col(Conversation.created_at).desc())).first()


def language_of(session: Session, conversation: Conversation | None) -> str:
    """The language to speak in ``conversation``: its patient's, else English."""
    patient = session.get(Patient, conversation.patient_id) if conversation and conversation.patient_id else None
    return patient.language if patient else "en"


def mark_message(session: Session, message_id: str, engine_state: str, only_if: str | None = None) -> None:
    """Set an inbound message's engine state (``only_if`` it is still in that state, when given)."""
    message = session.get(Message, message_id)
    if message is not None and (only_if is None or message.engine_state == only_if):
        message.engine_state = engine_state
        message.updated_at = utcnow()
        session.add(message)
