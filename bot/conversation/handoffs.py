"""Giving a conversation to a person: the one place a handoff is made."""

from __future__ import annotations

from sqlmodel import Session

from bot.core.models import Conversation, Handoff, OutreachTask
from bot.events.outbox import record_event
from bot.outreach.states import ACTIVE_STATES, move_task


def hand_off(session: Session, conversation: Conversation, task: OutreachTask | None, reason: str,
             priority: str = "normal") -> Handoff:
    """Give the conversation to a person: a handoff record, the task handed off, the bot silent after."""
    handoff = Handoff(conversation_id=conversation.id, task_id=task.id if task else None,
                      patient_id=conversation.patient_id, reason=reason, priority=priority)
    session.add(handoff)
    session.flush()
    conversation.state = "handed_off"
    session.add(conversation)
    if task is not None:
        record_event(session, "outreach.handoff.requested", task.id,
                     {"handoff_id": handoff.id, "reason": reason, "priority": priority,
                      "conversation_id": conversation.id})
        if task.state in ACTIVE_STATES:
            move_task(session, task, "handed_off", {"reason": reason})
    return handoff
