"""Small record look-ups the inbound path shares."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, col, select

from bot.core.models import Conversation, Message, Patient, WorkflowEvent, utcnow
from bot.core.southern import as_standard
from bot.core.telex import from_telex


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


def as_read(body: str, language: str) -> str:
    """A patient's message as the reading rules and the engine take it: a Vietnamese patient's words typed in raw
    Telex ("xin huyr lichj heejn") turned into the Vietnamese meant (bot/core/telex.py), and southern "hổng",
    "dìa" read as "không", "về" (bot/core/southern.py); else as written."""
    return as_standard(from_telex(body) or body) if language == "vi" else body


def mark_message(session: Session, message_id: str, engine_state: str, only_if: str | None = None) -> None:
    """Set an inbound message's engine state (``only_if`` it is still in that state, when given)."""
    message = session.get(Message, message_id)
    if message is not None and (only_if is None or message.engine_state == only_if):
        message.engine_state = engine_state
        message.updated_at = utcnow()
        session.add(message)


HIDDEN_ANSWER = "••••"  # what a chat page shows, on opening, in place of an answer to "what is your date of birth?"


def identity_answers(session: Session, messages: list[Message]) -> set[str]:
    """The ids of the replies among ``messages`` that were typed before the patient's identity was verified in
    their conversation: answers to "what is your date of birth?" (right or wrong). A chat page opened again shows
    them hidden, so a forwarded or shared link never shows a date of birth."""
    asked = {conversation.id: conversation for conversation in session.exec(
        select(Conversation).where(col(Conversation.id).in_({m.conversation_id for m in messages if m.conversation_id}))
    ).all() if conversation.identity_state != "not_needed"}
    if not asked:
        return set()
    verified_at: dict[str, datetime] = {}
    for event in session.exec(select(WorkflowEvent).where(
            WorkflowEvent.type == "outreach.identity.verified",
            col(WorkflowEvent.subject).in_({c.task_id for c in asked.values() if c.task_id}))).all():
        conversation_id = str(event.data.get("conversation_id"))
        verified_at[conversation_id] = min(event.time, verified_at.get(conversation_id, event.time))
    never = datetime.max.replace(tzinfo=UTC)  # not verified (yet): every reply so far was an answer to the check
    return {message.id for message in messages
            if message.direction == "inbound" and message.conversation_id in asked
            and message.created_at <= verified_at.get(message.conversation_id, never)}
