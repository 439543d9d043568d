"""The contact ladder: what happens to a task while the patient stays silent. Each workflow declares its rungs
(bot/outreach/workflows.py); this module takes them, one at a time, when their silence has passed, and skips to
the next channel at once when a channel fails. It also ends tasks whose time is up (``expired``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from bot.core.models import Conversation, OutreachTask, Patient, utcnow
from bot.events.outbox import record_event
from bot.outreach.policy import ContactDecision, ContactLimits, QuietHours, check_contact
from bot.outreach.states import move_task
from bot.outreach.workflows import WORKFLOWS, Lifecycle, Rung

log = logging.getLogger(__name__)

TEXT_CHANNELS = frozenset({"sms", "chat"})
LADDER_CHANNELS = ("sms", "voice")  # the channels a ladder moves between, after the patient's preferred one
# errors that say this channel cannot reach the patient: not a moment to wait, a reason to try the next rung now
CHANNEL_FAILURES = frozenset({21211, 21614, 30003, 30004, 30005, 30006, 30007, 30008})
CHANNEL_FAILED = "channel_failed"  # the waiting reason of a task whose channel just failed
# the waiting reasons of a task the ladder queued for a new contact the patient did not ask for (counted by the
# frequency cap); a contact on the next channel after a failure replaces one that never arrived, and is not
LADDER_CONTACTS = frozenset({"reminder", "next_channel"})


def lifecycle_of(task: OutreachTask) -> Lifecycle:
    return WORKFLOWS[task.workflow].lifecycle


def channels_for(patient: Patient) -> list[str]:
    """The channels to try, in order: the patient's preferred one first. A call asks for the date of birth before
    anything else, so a patient with none on file is never moved to a call: it could only end in a lock-out (the
    ladder's next rung, a person, comes instead)."""
    first = patient.preferred_channel or "sms"
    return [first, *(channel for channel in LADDER_CHANNELS
                     if channel != first and (channel != "voice" or patient.birth_date is not None))]


def channel_in_use(task: OutreachTask, patient: Patient) -> str:
    return task.channel or patient.preferred_channel or "sms"


def expires_at(task: OutreachTask) -> datetime:
    """When an unfinished task stops: its ``due_by``, or its workflow's time limit, whichever is first."""
    limit = task.created_at + lifecycle_of(task).expires_after
    return min(limit, task.due_by) if task.due_by is not None else limit


def schedule_next_rung(task: OutreachTask, since: datetime) -> None:
    """The task now waits for a reply: its next rung is looked at after that rung's silence (or at expiry)."""
    ladder = lifecycle_of(task).ladder
    due = since + ladder[task.ladder_step].after if task.ladder_step < len(ladder) else expires_at(task)
    task.next_attempt_at = min(due, expires_at(task))


def next_rung(task: OutreachTask) -> tuple[int, Rung] | None:
    ladder = lifecycle_of(task).ladder
    return (task.ladder_step, ladder[task.ladder_step]) if task.ladder_step < len(ladder) else None


def skip_to_next_channel(session: Session, task: OutreachTask, patient: Patient, reason: str,
                         detail: dict[str, object] | None = None) -> bool:
    """This channel cannot reach the patient (a landline, an undeliverable number, no consent): go at once to
    the ladder's next rung that changes channel, or that gives the task to a person. False when the ladder has
    neither (the caller ends the task as before)."""
    ladder = lifecycle_of(task).ladder
    tried = channel_in_use(task, patient)
    order = channels_for(patient)
    later = order[order.index(tried) + 1:] if tried in order else []
    for index in range(task.ladder_step, len(ladder)):
        action = ladder[index].action
        if action == "next_channel" and later:
            record_event(session, "outreach.task.channel_failed", task.id,
                         {"channel": tried, "reason": reason, "next_channel": later[0], **(detail or {})})
            _queue_on(session, task, later[0], index + 1, CHANNEL_FAILED)
            return True
        if action == "person":
            record_event(session, "outreach.task.channel_failed", task.id,
                         {"channel": tried, "reason": reason, **(detail or {})})
            task.ladder_step = index + 1
            move_task(session, task, "unreachable", {"reason": reason, "rung": index})
            return True
    return False


def _queue_on(session: Session, task: OutreachTask, channel: str, step: int, reason: str) -> None:
    """Contact the patient again, on ``channel``, as soon as the contact policy allows."""
    if task.state != "queued":
        move_task(session, task, "queued", {"reason": reason, "channel": channel, "rung": step - 1})
    task.channel = channel
    task.ladder_step = step
    task.waiting_reason = reason
    task.next_attempt_at = utcnow()
    task.lease_owner = task.lease_expires_at = None
    session.add(task)


@dataclass(frozen=True)
class Reminder:
    """A reminder text to send in a task's open conversation, as rung ``step`` of its ladder."""

    task_id: str
    conversation_id: str
    address: str
    channel: str
    language: str
    first_name: str
    step: int
    template: str

    @property
    def idempotency_key(self) -> str:
        return f"{self.task_id}:rung:{self.step}"


def _last_activity(session: Session, task_id: str) -> datetime | None:
    """The later of the bot's last contact and the patient's last message, over the task's conversations."""
    return session.exec(select(func.max(Conversation.last_activity_at))
                        .where(Conversation.task_id == task_id)).one()


def _open_text_conversation(session: Session, task: OutreachTask, channel: str) -> Conversation | None:
    return session.exec(select(Conversation).where(
        Conversation.task_id == task.id, Conversation.channel == channel, Conversation.state == "bot")
        .order_by(col(Conversation.created_at).desc())).first()


def defer(session: Session, task: OutreachTask, decision: ContactDecision, fallback: datetime,
          detail: dict[str, object] | None = None) -> None:
    """The contact policy says "not now" (quiet hours, the cap, a send rate): the task waits until it may try
    again (``fallback`` when the policy names no time), and the event says why, once per reason and time."""
    task.lease_owner = task.lease_expires_at = None
    if task.waiting_reason != decision.reason or task.next_attempt_at != decision.retry_at:
        record_event(session, "outreach.task.deferred", task.id, {
            "reason": decision.reason, **(detail or {}),
            "retry_at": decision.retry_at.isoformat() if decision.retry_at else None})
    task.waiting_reason = decision.reason
    task.next_attempt_at = decision.retry_at or fallback
    session.add(task)


def take_rung(session: Session, task: OutreachTask, quiet_hours: QuietHours,
              limits: ContactLimits | None = None) -> Reminder | None:
    """A task awaiting a reply whose look-again time has come (leased by the caller): expire it, wait longer
    (the patient wrote meanwhile, or it is quiet hours), or take its next rung. Returns the reminder to send,
    if that is the rung."""
    now = utcnow()
    task.lease_owner = task.lease_expires_at = None
    if now >= expires_at(task):
        move_task(session, task, "expired", {"reason": "due_by_passed" if task.due_by and now >= task.due_by
                                             else "time_limit", "rung": task.ladder_step})
        return None
    patient = session.get(Patient, task.patient_id)
    assert patient is not None
    if task.waiting_reason == CHANNEL_FAILED:
        task.waiting_reason = None
        if skip_to_next_channel(session, task, patient, CHANNEL_FAILED):
            return None
    found = next_rung(task)
    if found is None:  # the ladder is done: the task waits for a reply until it expires
        task.next_attempt_at = expires_at(task)
        session.add(task)
        return None
    step, rung = found
    quiet_since = _last_activity(session, task.id) or task.updated_at
    if quiet_since + rung.after > now:  # the patient (or the bot) spoke since: the silence starts again
        task.next_attempt_at = min(quiet_since + rung.after, expires_at(task))
        session.add(task)
        return None
    if rung.action == "person":
        task.ladder_step = step + 1
        move_task(session, task, "unreachable", {"reason": "no_reply", "rung": step})
        return None
    channel = channel_in_use(task, patient)
    if rung.action == "next_channel":
        order = channels_for(patient)
        later = order[order.index(channel) + 1:] if channel in order else []
        if not later:  # nowhere else to go: this rung is passed over
            task.ladder_step = step + 1
            schedule_next_rung(task, now)
            session.add(task)
            return None
        record_event(session, "outreach.task.next_channel", task.id, {"rung": step, "channel": later[0]})
        _queue_on(session, task, later[0], step + 1, "next_channel")
        return None
    # remind: on the channel in use. A call is placed again; a text goes into the open conversation.
    conversation = _open_text_conversation(session, task, channel) if channel in TEXT_CHANNELS else None
    if conversation is None:
        record_event(session, "outreach.task.reminded", task.id, {"rung": step, "channel": channel})
        _queue_on(session, task, channel, step + 1, "reminder")
        return None
    decision = check_contact(session, patient, channel, now, quiet_hours, task=task, limits=limits,
                             new_contact=True, kind="reminder")
    if not decision.allowed:
        if decision.final and decision.reason == "no_consent":
            if not skip_to_next_channel(session, task, patient, "no_consent"):
                task.ladder_step = step + 1
                schedule_next_rung(task, now)
        elif decision.final:  # deceased, do not contact, opted out: no more contact at all
            move_task(session, task, decision.outcome or "unreachable", {"reason": decision.reason})
        else:  # quiet hours, the cap, a send rate: the reminder waits for its time (and says so)
            defer(session, task, decision, now + timedelta(minutes=10), {"rung": step})
        return None
    task.waiting_reason = None
    session.add(task)
    return Reminder(task_id=task.id, conversation_id=conversation.id, address=conversation.address,
                    channel=channel, language=patient.language, first_name=patient.given_name, step=step,
                    template=lifecycle_of(task).reminder)


def reminder_sent(session: Session, reminder: Reminder) -> None:
    """The reminder went (or had gone before a crash): the ladder moves on, and silence counts from now."""
    task = session.get(OutreachTask, reminder.task_id)
    if task is None or task.state != "awaiting_reply" or task.ladder_step > reminder.step:
        return
    now = utcnow()
    record_event(session, "outreach.task.reminded", task.id,
                 {"rung": reminder.step, "channel": reminder.channel, "conversation_id": reminder.conversation_id})
    conversation = session.get(Conversation, reminder.conversation_id)
    if conversation is not None:
        conversation.last_activity_at = now
        session.add(conversation)
    task.ladder_step = reminder.step + 1
    schedule_next_rung(task, now)
    session.add(task)


def channel_failed_later(session: Session, task_id: str, error_code: str | None) -> None:
    """A status callback says the task's text never reached the patient on a channel that cannot (a landline,
    an unreachable number): its ladder goes to the next channel now, rather than after a day of silence."""
    task = session.get(OutreachTask, task_id)
    if task is None or task.state != "awaiting_reply" or not error_code or not error_code.isdigit() \
            or int(error_code) not in CHANNEL_FAILURES:
        return
    task.waiting_reason = CHANNEL_FAILED
    task.next_attempt_at = utcnow()
    session.add(task)
