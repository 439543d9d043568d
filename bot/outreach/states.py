"""The task state machine: one table of allowed transitions that every state change goes through."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from bot.core.models import Conversation, Handoff, OutreachTask, utcnow
from bot.events.outbox import record_event

TERMINAL_STATES = frozenset(
    {"booked", "declined", "completed", "opted_out", "unreachable", "handed_off", "expired", "cancelled"}
)

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    # (a patient whose conversation is still open may answer before the task's next attempt: "I'll send the paper
    # tonight" queues a reminder, and the photo sent that night completes the task)
    "queued": frozenset({"contacting", "opted_out", "expired", "cancelled", "unreachable", "completed", "handed_off"}),
    "contacting": frozenset({"awaiting_reply", "queued", "opted_out", "unreachable", "handed_off", "cancelled"}),
    "awaiting_reply": frozenset(
        {"queued", "booked", "declined", "completed", "opted_out", "unreachable", "handed_off", "expired", "cancelled"}
    ),
    **{state: frozenset() for state in TERMINAL_STATES},
    # the ways out of an outcome: a patient who booked through us and then cancels that visit; a handoff that a
    # person resolves with an outcome, or hands back to the bot (the task awaits the patient's reply again)
    "booked": frozenset({"cancelled"}),
    "handed_off": frozenset({"awaiting_reply", "booked", "declined", "completed", "unreachable", "cancelled",
                             "opted_out"}),
    # a patient we could not reach goes to a person's queue; what they reach by other means is the outcome
    "unreachable": frozenset({"booked", "declined", "completed"}),
    # a patient who texts START after their own STOP picks up where they were (bot/outreach/opt_in.py)
    "opted_out": frozenset({"queued", "awaiting_reply"}),
}

_EVENT_FOR_STATE = {
    "queued": "outreach.task.deferred",
    "contacting": "outreach.task.contacting",
    "awaiting_reply": "outreach.task.awaiting_reply",
}

ACTIVE_STATES = frozenset({"queued", "contacting", "awaiting_reply"})


class IllegalTransition(RuntimeError):
    pass


def move_task(
    session: Session,
    task: OutreachTask,
    new_state: str,
    data: dict[str, Any] | None = None,
) -> None:
    """Change a task's state and record the event in the same transaction."""
    if new_state not in ALLOWED_TRANSITIONS.get(task.state, frozenset()):
        raise IllegalTransition(f"task {task.id}: {task.state} -> {new_state} is not allowed")
    previous = task.state
    task.state = new_state
    task.updated_at = utcnow()
    if new_state in TERMINAL_STATES:
        task.lease_owner = None
        task.lease_expires_at = None
    session.add(task)
    payload = {"from": previous, "to": new_state, **(data or {})}
    if new_state in TERMINAL_STATES:
        payload["outcome"] = new_state
    record_event(session, _EVENT_FOR_STATE.get(new_state, "outreach.task.completed"), task.id, payload)
    if new_state == "unreachable":
        _ask_a_person(session, task, str((data or {}).get("reason", "")))


def _ask_a_person(session: Session, task: OutreachTask, why: str) -> None:
    """Nobody could be reached by text or call: a person tries another way (the handoff inbox's "unreachable")."""
    conversation = session.exec(select(Conversation).where(Conversation.task_id == task.id)
                                .order_by(col(Conversation.created_at).desc())).first()
    handoff = Handoff(task_id=task.id, patient_id=task.patient_id, reason="unreachable",
                      conversation_id=conversation.id if conversation else None)
    session.add(handoff)
    session.flush()
    record_event(session, "outreach.handoff.requested", task.id,
                 {"handoff_id": handoff.id, "reason": "unreachable", "priority": "normal", "detail": why})
