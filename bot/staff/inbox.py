"""The schedulers' handoff inbox: the queue, one conversation in full, and what a person does with it.

Every function takes the unit of work's session; the pages run them through ``Database.run``. Each change is
audited with the change, and a handoff's outcome is written to the task as a workflow event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlmodel import Session, col, or_, select

from bot.core.models import (
    Appointment,
    AuditEntry,
    Conversation,
    Handoff,
    Message,
    OutreachTask,
    Patient,
    Slot,
    WorkflowEvent,
    utcnow,
)
from bot.events.outbox import record_event
from bot.outreach.addresses import VOICE_PREFIX, channel_of
from bot.outreach.policy import is_opted_out, patient_zones
from bot.outreach.states import move_task
from bot.scheduling.slots import book_slot, release_appointment
from bot.staff.accounts import StaffMember, audit
from bot.staff.reasons import DUE_WITHIN, N_, PRIORITY_ORDER, group_of, plain_reason, team_for

# what a person may close a handoff with, and what it makes of the task (None: the task is left as it is)
OUTCOMES: dict[str, tuple[str, str | None]] = {
    "booked": (N_("Booked a time with the patient"), "booked"),
    "resolved": (N_("Helped; nothing more to do"), "completed"),
    "declined": (N_("Patient does not want a visit"), "declined"),
    "unreachable": (N_("Could not reach the patient"), "unreachable"),
    "no_action": (N_("No action needed"), None),
}
QUEUE_LIMIT = 500  # open handoffs read for one page of the queue


class InboxError(ValueError):
    """What the person asked cannot be done (taken by someone else, already resolved…); the message says why."""


@dataclass(frozen=True)
class Filters:
    group: str = ""
    workflow: str = ""
    language: str = ""
    channel: str = ""
    team: str = ""
    state: str = ""  # "" (open and claimed) | open | claimed | mine

    @classmethod
    def from_query(cls, query: Any) -> Filters:
        return cls(**{name: str(query.get(name, ""))[:40] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class QueueItem:
    handoff_id: str
    reason: str
    reason_words: str
    group: str
    team: str
    priority: str
    state: str
    claimed_by: str | None
    created_at: datetime
    due_at: datetime
    workflow: str
    language: str
    channel: str
    patient_name: str  # empty for an unknown sender
    sender: str  # an unknown sender's phone (none for a chat link)
    waiting_messages: int  # patient messages since the handoff, not yet answered by a person

    def overdue(self, now: datetime) -> bool:
        return now > self.due_at


def queue(session: Session, member: StaffMember, filters: Filters, routing: dict[str, str]) -> list[QueueItem]:
    """Open and claimed handoffs, the member's team first, then by urgency, then longest waiting."""
    rows = session.exec(
        select(Handoff, Conversation, OutreachTask, Patient)
        .join(Conversation, col(Conversation.id) == Handoff.conversation_id, isouter=True)
        .join(OutreachTask, col(OutreachTask.id) == Handoff.task_id, isouter=True)
        .join(Patient, col(Patient.id) == Handoff.patient_id, isouter=True)
        .where(col(Handoff.state).in_(["open", "claimed"]))
        .order_by(col(Handoff.created_at))
        .limit(QUEUE_LIMIT)
    ).all()
    waiting = _waiting_messages(session, [(h, c) for h, c, _, _ in rows])
    items = []
    for handoff, conversation, task, patient in rows:
        item = QueueItem(
            handoff_id=handoff.id, reason=handoff.reason, reason_words=plain_reason(handoff.reason),
            group=group_of(handoff.reason), team=team_for(handoff.reason, routing), priority=handoff.priority,
            state=handoff.state, claimed_by=handoff.claimed_by, created_at=handoff.created_at,
            due_at=handoff.created_at + DUE_WITHIN.get(handoff.priority, DUE_WITHIN["normal"]),
            workflow=task.workflow if task else "", language=patient.language if patient else "",
            channel=_channel(handoff, conversation),
            patient_name=f"{patient.given_name} {patient.family_name}".strip() if patient else "",
            sender=_phone_of(handoff.address) if handoff.address and not patient else "",
            waiting_messages=waiting.get(handoff.id, 0),
        )
        if _matches(item, filters, member):
            items.append(item)
    items.sort(key=lambda i: (i.team != member.team, PRIORITY_ORDER.get(i.priority, 9), i.created_at))
    return items


def _matches(item: QueueItem, filters: Filters, member: StaffMember) -> bool:
    wanted = {"group": filters.group, "workflow": filters.workflow, "language": filters.language,
              "channel": filters.channel, "team": filters.team}
    if any(value and getattr(item, name) != value for name, value in wanted.items()):
        return False
    if filters.state == "mine":
        return item.claimed_by == member.username
    return not filters.state or item.state == filters.state


def _phone_of(address: str) -> str:
    """The phone number in an SMS or voice address ("voice:+1…"); nothing for a chat link's address."""
    return "" if channel_of(address) == "chat" else address.removeprefix(VOICE_PREFIX)


def _channel(handoff: Handoff, conversation: Conversation | None) -> str:
    """The channel a person answers on: the conversation's, else the one the unknown sender wrote on."""
    if conversation is not None:
        return conversation.channel
    return channel_of(handoff.address) if handoff.address else "sms"


def _waiting_messages(session: Session, handoffs: list[tuple[Handoff, Conversation | None]]) -> dict[str, int]:
    """Per handoff: the patient's messages since it was made, or since a person last wrote to them (an unknown
    sender's handoff counts the messages from its address that belong to no conversation)."""
    by_conversation = {c.id: h for h, c in handoffs if c is not None}
    by_address = {h.address: h for h, c in handoffs if c is None and h.address}
    if not by_conversation and not by_address:
        return {}
    earliest = min(h.created_at for h in [*by_conversation.values(), *by_address.values()])
    belongs = or_(col(Message.conversation_id).in_(list(by_conversation)),
                  col(Message.conversation_id).is_(None) & col(Message.address).in_(list(by_address)))
    messages = session.exec(
        select(Message.conversation_id, Message.address, Message.direction, Message.created_at)
        .where(belongs, col(Message.created_at) > earliest,
               or_(Message.direction == "inbound", col(Message.sent_by).is_not(None)))
        .order_by(col(Message.created_at))).all()
    counts: dict[str, int] = {}
    for conversation_id, address, direction, created_at in messages:
        handoff = by_conversation[str(conversation_id)] if conversation_id else by_address[str(address)]
        if created_at <= handoff.created_at:
            continue
        if direction == "inbound":
            counts[handoff.id] = counts.get(handoff.id, 0) + 1
        else:  # a person answered: count again from here
            counts[handoff.id] = 0
    return counts


@dataclass
class ConversationView:
    handoff: Handoff
    reason_words: str
    team: str
    due_at: datetime
    conversation: Conversation | None
    patient: Patient | None
    task: OutreachTask | None
    transcript: list[Message] = field(default_factory=list)
    offered: list[Slot] = field(default_factory=list)
    open_slots: list[Slot] = field(default_factory=list)
    events: list[WorkflowEvent] = field(default_factory=list)
    sender: str = ""  # an unknown sender's phone
    notes: list[AuditEntry] = field(default_factory=list)
    zone: tzinfo = UTC  # the patient's: times on the page are theirs, as they read them in their texts
    booking: Slot | None = None  # the time the task holds now, if any
    opted_out: bool = False  # the patient's address opted out: nothing can be texted to them


def conversation_view(session: Session, member: StaffMember, handoff_id: str, routing: dict[str, str],
                      opened: bool = True) -> ConversationView:
    """One handoff in full: the patient's whole transcript on every channel, the task, the times offered, the
    workflow events and the staff notes. Opening it is audited (who looked at which patient's conversation);
    the page's own live refreshes (``opened`` False) are not new openings."""
    handoff = _handoff(session, handoff_id)
    conversation = session.get(Conversation, handoff.conversation_id) if handoff.conversation_id else None
    patient = session.get(Patient, handoff.patient_id) if handoff.patient_id else None
    task = session.get(OutreachTask, handoff.task_id) if handoff.task_id else None
    addresses = {conversation.address} if conversation else ({handoff.address} if handoff.address else set())
    conversation_ids: set[str] = {conversation.id} if conversation else set()
    if patient is not None:
        for other in session.exec(select(Conversation).where(Conversation.patient_id == patient.id)):
            conversation_ids.add(other.id)
            addresses.add(other.address)
        if patient.phone:
            addresses.add(patient.phone)
    transcript = list(session.exec(
        select(Message).where(or_(col(Message.conversation_id).in_(conversation_ids),
                                  col(Message.address).in_(addresses)))
        .order_by(col(Message.created_at), col(Message.id)).limit(1000)))
    offered_ids = conversation.offered_slot_ids if conversation else []
    offered = [slot for slot_id in offered_ids if (slot := session.get(Slot, slot_id)) is not None]
    events = list(session.exec(select(WorkflowEvent).where(WorkflowEvent.subject == task.id)
                               .order_by(col(WorkflowEvent.sequence)))) if task else []
    notes = list(session.exec(select(AuditEntry).where(AuditEntry.subject == f"handoff:{handoff.id}",
                                                       col(AuditEntry.action).in_(["note", "call_back_logged"]))
                              .order_by(col(AuditEntry.id))))
    open_slots = _open_slots_for(session, task)
    if opened:
        audit(session, member.actor, "viewed_conversation", f"handoff:{handoff.id}",
              {"patient_id": handoff.patient_id, "conversation_id": handoff.conversation_id})
    return ConversationView(
        handoff=handoff, reason_words=plain_reason(handoff.reason), team=team_for(handoff.reason, routing),
        due_at=handoff.created_at + DUE_WITHIN.get(handoff.priority, DUE_WITHIN["normal"]),
        conversation=conversation, patient=patient, task=task, transcript=transcript, offered=offered,
        open_slots=open_slots, events=events, notes=notes, zone=patient_zones(patient)[0] if patient else UTC,
        booking=held[1] if (held := current_booking(session, task)) else None,
        sender=_phone_of(handoff.address) if handoff.address and patient is None else "",
        opted_out=bool(conversation and is_opted_out(session, conversation.address))
        or bool(patient and is_opted_out(session, patient.phone)))


def _open_slots_for(session: Session, task: OutreachTask | None, limit: int = 12) -> list[Slot]:
    """Open times a person could book for the patient: the task's provider and visit type when it names them."""
    query = select(Slot).where(Slot.status == "open", col(Slot.starts_at) > utcnow())
    context = task.context if task else {}
    if context.get("provider_id"):
        query = query.where(Slot.provider_id == context["provider_id"])
    if context.get("visit_type"):
        query = query.where(Slot.visit_type == context["visit_type"])
    return list(session.exec(query.order_by(col(Slot.starts_at)).limit(limit)))


def _handoff(session: Session, handoff_id: str) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise InboxError(N_("There is no such handoff."))
    return handoff


def claim(session: Session, member: StaffMember, handoff_id: str) -> None:
    """Take the handoff: the person answers the patient from now on (the bot stays silent)."""
    handoff = _handoff(session, handoff_id)
    if handoff.state == "resolved":
        raise InboxError(N_("This handoff is already resolved."))
    taken_from = handoff.claimed_by if handoff.state == "claimed" and handoff.claimed_by != member.username \
        else None
    if taken_from and member.role != "admin":  # an admin may take over from someone who is away
        raise InboxError(f"{handoff.claimed_by} has already claimed this handoff.")
    handoff.state, handoff.claimed_by, handoff.claimed_at = "claimed", member.username, utcnow()
    session.add(handoff)
    audit(session, member.actor, "taken_over" if taken_from else "claimed", f"handoff:{handoff.id}",
          {"from": taken_from} if taken_from else {})


def release(session: Session, member: StaffMember, handoff_id: str) -> None:
    """Put the handoff back in the queue for someone else."""
    handoff = _owned(session, member, handoff_id)
    handoff.state, handoff.claimed_by, handoff.claimed_at = "open", None, None
    session.add(handoff)
    audit(session, member.actor, "released", f"handoff:{handoff.id}", {})


def _owned(session: Session, member: StaffMember, handoff_id: str) -> Handoff:
    handoff = _handoff(session, handoff_id)
    if handoff.state != "claimed" or handoff.claimed_by != member.username:
        raise InboxError(N_("Claim this handoff first."))
    return handoff


@dataclass(frozen=True)
class ReplyPlan:
    """Where a person's reply goes: the conversation's own channel and address."""

    address: str
    channel: str
    conversation_id: str | None  # None: an unknown sender, answered at the address they wrote from
    task_id: str | None


def plan_reply(session: Session, member: StaffMember, handoff_id: str) -> ReplyPlan:
    handoff = _owned(session, member, handoff_id)
    conversation = session.get(Conversation, handoff.conversation_id) if handoff.conversation_id else None
    if conversation is None:
        patient = session.get(Patient, handoff.patient_id) if handoff.patient_id else None
        address = handoff.address or (patient.phone if patient else None)
        if not address:
            raise InboxError(N_("There is no conversation or phone number to reply to."))
        if channel_of(address) == "voice":
            raise InboxError(N_("This patient spoke to us by phone: call them, then log the call-back."))
        if patient is None:  # an unknown sender: answered where they wrote from, with no patient's record
            return ReplyPlan(address, channel_of(address), None, None)
        conversation = Conversation(patient_id=patient.id, channel=channel_of(address), address=address,
                                    state="handed_off", task_id=handoff.task_id)
        session.add(conversation)
        handoff.conversation_id = conversation.id
        session.add(handoff)
    if conversation.channel == "voice":
        raise InboxError(N_("This patient spoke to us by phone: call them, then log the call-back."))
    return ReplyPlan(conversation.address, conversation.channel, conversation.id, conversation.task_id)


def log_call_back(session: Session, member: StaffMember, handoff_id: str, note: str) -> None:
    handoff = _owned(session, member, handoff_id)
    audit(session, member.actor, "call_back_logged", f"handoff:{handoff.id}", {"note": note})


def add_note(session: Session, member: StaffMember, handoff_id: str, note: str) -> None:
    handoff = _handoff(session, handoff_id)
    audit(session, member.actor, "note", f"handoff:{handoff.id}", {"note": note})


def _close(session: Session, member: StaffMember, handoff: Handoff, resolution: str) -> OutreachTask | None:
    """The handoff done with ``resolution``, written to its task as ``outreach.handoff.resolved``."""
    handoff.state, handoff.resolution = "resolved", resolution
    handoff.resolved_by, handoff.resolved_at = member.username, utcnow()
    session.add(handoff)
    task = session.get(OutreachTask, handoff.task_id) if handoff.task_id else None
    if task is not None:
        record_event(session, "outreach.handoff.resolved", task.id,
                     {"handoff_id": handoff.id, "outcome": resolution, "resolved_by": member.username})
    return task


def resolve(session: Session, member: StaffMember, handoff_id: str, outcome: str) -> None:
    """Close the handoff with an outcome; the task takes the outcome and the conversation is closed."""
    if outcome not in OUTCOMES:
        raise InboxError(f"Choose an outcome: {', '.join(OUTCOMES)}.")
    handoff = _owned(session, member, handoff_id)
    conversation = session.get(Conversation, handoff.conversation_id) if handoff.conversation_id else None
    if conversation is not None:
        conversation.state = "closed"
        session.add(conversation)
    task = _close(session, member, handoff, outcome)
    task_state = OUTCOMES[outcome][1]
    if task is not None and task_state is not None and task.state != task_state \
            and task.state in ("handed_off", "unreachable"):
        move_task(session, task, task_state, {"reason": "resolved_by_staff", "handoff_id": handoff.id})
    audit(session, member.actor, "resolved", f"handoff:{handoff.id}", {"outcome": outcome})


def hand_back(session: Session, member: StaffMember, handoff_id: str) -> None:
    """Give the conversation back to the bot: it answers the patient's next message again."""
    handoff = _owned(session, member, handoff_id)
    conversation = session.get(Conversation, handoff.conversation_id) if handoff.conversation_id else None
    if conversation is None:
        raise InboxError(N_("There is no conversation to hand back to the bot."))
    conversation.state = "bot"
    if conversation.offered_slot_ids:  # the times still on offer answer a "2" again, as before the handoff
        conversation.awaiting = "slot_choice"
    session.add(conversation)
    task = _close(session, member, handoff, "handed_back")
    if task is not None and task.state == "handed_off":
        move_task(session, task, "awaiting_reply", {"reason": "handed_back_to_bot", "handoff_id": handoff.id})
    audit(session, member.actor, "handed_back", f"handoff:{handoff.id}", {})


@dataclass(frozen=True)
class Booked:
    appointment_id: str
    slot_id: str


def current_booking(session: Session, task: OutreachTask | None) -> tuple[Appointment, Slot] | None:
    """The live booking the task holds (the bot's or a person's), with its time."""
    appointment_id = task.context.get("appointment_id") if task else None
    appointment = session.get(Appointment, appointment_id) if appointment_id else None
    if appointment is None or appointment.status == "cancelled" or appointment.slot_id is None:
        return None
    slot = session.get(Slot, appointment.slot_id)
    return (appointment, slot) if slot is not None else None


def book_for_patient(session: Session, member: StaffMember, handoff_id: str, slot_id: str) -> Booked:
    """Book an open time for the patient of a claimed handoff (the same race-safe booking the bot uses); a
    booking the task already holds is moved: the new time is taken first, then the old one let go."""
    handoff = _owned(session, member, handoff_id)
    if handoff.patient_id is None:
        raise InboxError(N_("This handoff has no patient to book for."))
    task = session.get(OutreachTask, handoff.task_id) if handoff.task_id else None
    before = current_booking(session, task)
    appointment = book_slot(session, slot_id=slot_id, patient_id=handoff.patient_id,
                            task_id=task.id if task else None, not_before=utcnow())
    if appointment is None:
        raise InboxError(N_("That time is no longer open. Choose another."))
    appointment.source = "staff"
    slot = session.get(Slot, slot_id)
    assert slot is not None
    if before is not None:
        release_appointment(session, before[0])
    if task is not None:
        if before is not None:
            record_event(session, "outreach.appointment.cancelled", task.id, {
                "appointment_id": before[0].id, "reason": "moved_by_staff", "cancelled_by": member.username})
        record_event(session, "outreach.appointment.booked", task.id, {
            "appointment_id": appointment.id, "slot_id": slot.id, "starts_at": slot.starts_at.isoformat(),
            "provider_id": slot.provider_id, "booked_by": member.username,
            "replaces": before[0].id if before else None})
        task.context = {**task.context, "booked_slot_id": slot.id, "appointment_id": appointment.id}
        session.add(task)
    audit(session, member.actor, "booked", f"handoff:{handoff.id}",
          {"slot_id": slot.id, "appointment_id": appointment.id, "replaces": before[0].id if before else None})
    return Booked(appointment.id, slot.id)


def cancel_booking(session: Session, member: StaffMember, handoff_id: str) -> None:
    """Cancel the booking the task holds and open its time again for the next patient."""
    handoff = _owned(session, member, handoff_id)
    task = session.get(OutreachTask, handoff.task_id) if handoff.task_id else None
    held = current_booking(session, task)
    if task is None or held is None:
        raise InboxError(N_("There is no booking to cancel."))
    release_appointment(session, held[0])
    record_event(session, "outreach.appointment.cancelled", task.id, {
        "appointment_id": held[0].id, "reason": "cancelled_by_staff", "cancelled_by": member.username})
    task.context = {k: v for k, v in task.context.items() if k not in ("booked_slot_id", "appointment_id")}
    if task.state == "booked":
        move_task(session, task, "cancelled", {"reason": "cancelled_by_staff"})
    session.add(task)
    audit(session, member.actor, "booking_cancelled", f"handoff:{handoff.id}", {"appointment_id": held[0].id})
