"""The append-only outbox of workflow events, shaped as CloudEvents 1.0.

Every state change writes its event through ``record_event`` in the caller's session, so the change and
its event commit (or roll back) together.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

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
        "outreach.handoff.resolved",
        "outreach.task.merged",
        "outreach.patient.updated",
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
        "outreach.task.reminded",
        "outreach.task.next_channel",
        "outreach.task.channel_failed",
    }
)


def record_event(session: Session, event_type: str, subject: str, data: dict[str, Any]) -> WorkflowEvent:
    """Append one event for ``subject`` (a task id) with the task's next sequence number. Counting on the task's
    row also makes writers of one task's events take turns (the row stays locked until they commit)."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    sequence = session.execute(
        update(OutreachTask).where(col(OutreachTask.id) == subject)
        .values(event_sequence=col(OutreachTask.event_sequence) + 1)
        .returning(col(OutreachTask.event_sequence))
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if sequence is None:
        raise ValueError(f"no task {subject!r} to record {event_type} for")
    event = WorkflowEvent(type=event_type, subject=subject, sequence=sequence, data=data)
    session.add(event)  # inserted with the rest of the unit of work, in the order recorded
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
