"""The append-only outbox of workflow events, shaped as CloudEvents 1.0.

Every state change writes its event through ``record_event`` in the caller's session, so the change and
its event commit (or roll back) together.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from bot.core.models import OutreachTask, WorkflowEvent

EVENT_SOURCE = "/outreach-bot"

# The event types the product emits: past-tense facts (DESIGN.md section 7).
EVENT_TYPES = frozenset(
    {
        "outreach.task.created",
        "outreach.task.deferred",
        "outreach.task.contacting",
        "outreach.task.awaiting_reply",
        "outreach.task.completed",
        "outreach.task.failed",
        "outreach.conversation.started",
        "outreach.message.sent",
        "outreach.message.delivered",
        "outreach.message.failed",
        "outreach.patient.replied",
        "outreach.slot.offered",
        "outreach.slot.taken",
        "outreach.slot.passed",
        "outreach.patient.preferred_times",
        "outreach.patient.rejected_times",
        "outreach.appointment.booked",
        "outreach.patient.declined",
        "outreach.patient.opted_out",
        "outreach.patient.opted_in",
        "outreach.handoff.requested",
        "outreach.engine.unavailable",
        "outreach.appointment.confirmed",
        "outreach.appointment.cancelled",
        "outreach.checkin.answered",
        "outreach.callback.requested",
        "outreach.patient.asked_later",
        "outreach.patient.wrong_number",
        "outreach.patient.language_changed",
        "outreach.document.received",
        "outreach.identity.verified",
        "outreach.identity.not_matched",
        "outreach.call.placed",
        "outreach.call.not_answered",
    }
)


def record_event(session: Session, event_type: str, subject: str, data: dict[str, Any]) -> WorkflowEvent:
    """Append one event for ``subject`` (a task id) with the next per-subject sequence number."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    if session.get_bind().dialect.name == "postgresql":  # writers of one task's events take turns
        session.exec(select(OutreachTask.id).where(OutreachTask.id == subject).with_for_update()).first()
    last = session.exec(
        select(func.max(WorkflowEvent.sequence)).where(WorkflowEvent.subject == subject)
    ).one()
    event = WorkflowEvent(type=event_type, subject=subject, sequence=(last or 0) + 1, data=data)
    session.add(event)
    session.flush()
    return event


def as_cloudevent(event: WorkflowEvent) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": event.id,
        "source": EVENT_SOURCE,
        "type": event.type,
        "subject": event.subject,
        "time": event.time.isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json",
        "sequence": event.sequence,
        "position": event.position,
        "data": event.data,
    }


def events_after(session: Session, task_id: str | None, after: int, limit: int) -> list[WorkflowEvent]:
    query = select(WorkflowEvent).where(WorkflowEvent.position > after)  # type: ignore[operator]
    if task_id:
        query = query.where(WorkflowEvent.subject == task_id)
    return list(session.exec(query.order_by(WorkflowEvent.position).limit(limit)))  # type: ignore[arg-type]
