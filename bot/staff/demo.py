"""Demo staff and handed-off conversations, so that the consoles have something to show on a fresh demo.

Idempotent like the rest of the seed: users and conversations already there are kept as they are."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from bot.conversation.handoffs import hand_off
from bot.core.models import Conversation, Message, OutreachTask, Patient, StaffUser, utcnow
from bot.events.outbox import record_event
from bot.outreach.states import move_task
from bot.staff.accounts import add_user

# username, role, team, locale, name. The password is printed by the demo: demo-<username>-pass
DEMO_STAFF = (
    ("sam", "scheduler", "scheduling", "en", "Sam Ortiz"),
    ("nora", "scheduler", "nursing", "es", "Nora Díaz"),
    ("olu", "operations", "scheduling", "en", "Olu Adeyemi"),
    ("ada", "admin", "scheduling", "en", "Ada Chen"),
)

# mrn, name, language, workflow, what the patient wrote, the bot's last words, reason, priority, minutes ago
DEMO_HANDOFFS = (
    ("DEMO-2001", ("Grace", "Miller"), "en", "missed_appointment",
     ["Can I talk to someone about my knee therapy?"], "A person from our team will text or call you soon.",
     "patient_asked_for_person", "normal", 95),
    ("DEMO-2002", ("Tomás", "Herrera"), "es", "referral",
     ["no entiendo", "que es esto??"], "Una persona de nuestro equipo le escribirá pronto.",
     "not_understood", "normal", 40),
    ("DEMO-2003", ("Dolores", "Price"), "en", "post_discharge",
     ["I feel worse since I got home, my legs are swollen"], "A nurse will call you today.",
     "feeling_worse_after_discharge", "high", 25),
    ("DEMO-2004", ("Kevin", "Osei"), "en", "missed_appointment",
     ["3"], "Sorry, that time was just taken. A person will help you find another.",
     "no_open_slots", "normal", 260),
    ("DEMO-2005", ("Mai", "Nguyen"), "vi", "care_gap",
     ["chest pain right now"], "If this is an emergency, call 911 now.",
     "emergency_medical", "urgent", 6),
)


def demo_password(username: str) -> str:
    return f"demo-{username}-pass"


def seed_staff_demo(session: Session) -> dict[str, int]:
    users = 0
    for username, role, team, locale, name in DEMO_STAFF:
        if session.get(StaffUser, username) is None:
            add_user(session, username, demo_password(username), role, team=team, locale=locale,
                     display_name=name)
            users += 1
    handoffs = 0
    for index, (mrn, (given, family), language, workflow, said, answer, reason, priority, ago) in enumerate(
            DEMO_HANDOFFS):
        if session.exec(select(Patient).where(Patient.mrn == mrn)).first() is not None:
            continue
        _handed_off_conversation(session, mrn, given, family, f"+1212555{2001 + index:04d}", language, workflow,
                                 said, answer, reason, priority, utcnow() - timedelta(minutes=ago))
        handoffs += 1
    return {"staff": users, "handoffs": handoffs}


def _handed_off_conversation(session: Session, mrn: str, given: str, family: str, phone: str, language: str,
                             workflow: str, said: list[str], answer: str, reason: str, priority: str,
                             at: datetime) -> None:
    patient = Patient(mrn=mrn, given_name=given, family_name=family, phone=phone, language=language,
                      timezone="America/New_York")
    session.add(patient)
    session.flush()
    task = OutreachTask(workflow=workflow, patient_id=patient.id, state="queued", idempotency_key=f"demo-{mrn}",
                        context={"visit_type": "physical_therapy", "provider_id": "riverside-pt"},
                        created_at=at - timedelta(minutes=10))
    session.add(task)
    session.flush()
    record_event(session, "outreach.task.created", task.id, {"workflow": workflow})
    move_task(session, task, "contacting", {"attempt": 1})
    conversation = Conversation(patient_id=patient.id, task_id=task.id, address=phone, created_at=at,
                                last_activity_at=at)
    session.add(conversation)
    session.flush()
    move_task(session, task, "awaiting_reply", {"conversation_id": conversation.id})
    step = timedelta(seconds=40)
    for number, text in enumerate(said):
        session.add(Message(conversation_id=conversation.id, task_id=task.id, direction="inbound", address=phone,
                            body=text, engine_state="processed", created_at=at + step * number,
                            updated_at=at + step * number))
    session.add(Message(conversation_id=conversation.id, task_id=task.id, direction="outbound", address=phone,
                        body=answer, delivery_status="delivered", idempotency_key=f"demo-{mrn}-answer",
                        created_at=at + step * len(said), updated_at=at + step * len(said)))
    handoff = hand_off(session, conversation, task, reason=reason, priority=priority)
    handoff.created_at = at
    session.add(handoff)

