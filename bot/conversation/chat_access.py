"""Who may read a chat conversation: the devices that were on it before the patient proved who they are, and any
device that proves it again. A chat link is a bearer link: forwarded, or opened on a shared computer, it would show
whatever health details came after the date of birth. So once a conversation is verified, a page opened on another
device sees nothing of it, and nothing new is pushed to it, until the date of birth is typed there too; wrong dates
count with the conversation's others, and lock it as they do (``bot/conversation/identity.py``).

Each page keeps a random device key of its own; only a digest of it is stored (``Conversation.chat_devices``).
"""

from __future__ import annotations

import hashlib

from sqlmodel import Session

from bot.conversation.handoffs import hand_off
from bot.conversation.identity import birth_date_matches, locked_out, patient_identity_misses
from bot.conversation.records import latest_conversation
from bot.core.models import Conversation, OutreachTask, Patient, utcnow
from bot.events.outbox import record_event
from bot.messages.render import resolve_language
from bot.outreach.policy import patient_zones

MAX_DEVICES = 20  # a conversation's remembered devices; the oldest is forgotten first


def device_tag(device: str) -> str:
    """What is stored of a page's device key: a digest, never the key."""
    return hashlib.sha256(device.encode()).hexdigest()[:32]


def admits(session: Session, address: str, device: str) -> bool:
    """Whether the page with ``device`` may see the conversation at ``address`` now. Before the patient is verified
    nothing in it reveals health details: the page may, and its device is remembered as the patient's."""
    conversation = latest_conversation(session, address)
    if conversation is None or conversation.identity_state in ("not_needed", "pending", "failed"):
        if conversation is not None and conversation.identity_state == "pending" and device:
            _remember(session, conversation, device)
        return True
    return bool(device) and device_tag(device) in conversation.chat_devices


def unlock(session: Session, address: str, device: str, answer: str) -> str:
    """The date of birth typed on a page that may not see the conversation yet: "open" (it may now), "again" (not
    the patient's date) or "locked" (too many wrong dates: a person takes the conversation)."""
    conversation = latest_conversation(session, address)
    if conversation is None:
        return "open"
    patient = session.get(Patient, conversation.patient_id)
    if patient is None or conversation.identity_state == "failed":
        return "locked"
    today = utcnow().astimezone(patient_zones(patient)[0]).date()
    before = patient_identity_misses(session, patient.id)
    if not locked_out(0, before) and patient.birth_date is not None and device \
            and birth_date_matches(answer, resolve_language(patient.language), patient.birth_date, today):
        _remember(session, conversation, device)
        return "open"
    conversation.identity_attempts += 1
    conversation.last_activity_at = utcnow()
    task = session.get(OutreachTask, conversation.task_id) if conversation.task_id else None
    if task is not None:
        record_event(session, "outreach.identity.not_matched", task.id,
                     {"conversation_id": conversation.id, "attempt": conversation.identity_attempts,
                      "patient_attempts": before + 1, "another_device": True})
    if locked_out(conversation.identity_attempts, before + 1):
        conversation.identity_state = "failed"
        hand_off(session, conversation, task, reason="identity_not_verified", priority="normal")
    session.add(conversation)
    return "locked" if conversation.identity_state == "failed" else "again"


def _remember(session: Session, conversation: Conversation, device: str) -> None:
    tag = device_tag(device)
    if tag not in conversation.chat_devices:
        conversation.chat_devices = [*conversation.chat_devices, tag][-MAX_DEVICES:]
        session.add(conversation)
