"""Demo staff and handed-off conversations, so that the consoles have something to show on a fresh demo.

Idempotent like the rest of the seed: users and conversations already there are kept as they are."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.conversation.handoffs import hand_off
from bot.core.models import (
    Campaign,
    Conversation,
    Message,
    OutreachTask,
    Patient,
    StaffUser,
    WorkflowEvent,
    utcnow,
)
from bot.events.outbox import record_event
from bot.outreach.policy import fixed_offset_zone
from bot.outreach.states import move_task
from bot.outreach.tasks import TaskIn, create_task
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


DEMO_OPENINGS = {  # the seeded conversations' first text, in the patient's language
    "en": "Hi {given}, this is Riverside Health with a message about your care. Reply here.",
    "es": "Hola {given}, le escribe Riverside Health con un mensaje sobre su atención. Responda aquí.",
    "vi": "Xin chào {given}, đây là Riverside Health, có tin nhắn về việc chăm sóc của bạn. Hãy trả lời tại đây.",
}

DEMO_CAMPAIGN = "Winter physical therapy recall (demo)"
DEMO_CAMPAIGN_PATIENTS = (("Ruth", "Bell", "en"), ("Marco", "Silva", "es"), ("Linh", "Tran", "vi"),
                          ("Wei", "Zhang", "zh"), ("Omar", "Haddad", "en"), ("Elena", "Cruz", "es"))


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
    # a zone where the last few hours were daytime: the seeded conversations happened within the contact hours
    zone = fixed_offset_zone(utcnow(), (13, 20))
    for index, (mrn, (given, family), language, workflow, said, answer, reason, priority, ago) in enumerate(
            DEMO_HANDOFFS):
        if session.exec(select(Patient).where(Patient.mrn == mrn)).first() is not None:
            continue
        _handed_off_conversation(session, mrn, given, family, f"+1212555{2001 + index:04d}", language, workflow,
                                 said, answer, reason, priority, utcnow() - timedelta(minutes=ago), zone)
        handoffs += 1
    return {"staff": users, "handoffs": handoffs, "campaigns": _running_campaign(session)}


def _running_campaign(session: Session) -> int:
    """A small running campaign whose patients the demo texts as it starts, so the funnel moves while you
    watch (their phones are on the simulator's page; answer as them to move it further)."""
    if session.exec(select(Campaign).where(Campaign.name == DEMO_CAMPAIGN)).first() is not None:
        return 0
    campaign = Campaign(name=DEMO_CAMPAIGN, workflow="missed_appointment", rows_total=len(DEMO_CAMPAIGN_PATIENTS),
                        state="running", created_by="olu")
    session.add(campaign)
    session.flush()
    zone = fixed_offset_zone(utcnow(), (10, 18))  # daytime for these patients now, so they are texted at once
    for number, (given, family, language) in enumerate(DEMO_CAMPAIGN_PATIENTS, start=1):
        payload = TaskIn.model_validate({
            "workflow": "missed_appointment", "idempotency_key": f"demo-campaign-{number}",
            "patient": {"mrn": f"DEMO-30{number:02d}", "given_name": given, "family_name": family,
                        "phone": f"+1212555{3000 + number:04d}", "language": language, "timezone": zone},
            "context": {"visit_type": "physical_therapy", "provider_id": "riverside-pt"},
        })
        task, created = create_task(session, payload)
        if created:
            task.campaign_id = campaign.id
            session.add(task)
            campaign.tasks_created += 1
    session.add(campaign)
    return 1


def _handed_off_conversation(session: Session, mrn: str, given: str, family: str, phone: str, language: str,
                             workflow: str, said: list[str], answer: str, reason: str, priority: str,
                             at: datetime, zone: str) -> None:
    """A patient texted, answered, and was handed to a person ``at``: the records and workflow events a real
    conversation would have left, at the times it would have left them."""
    patient = Patient(mrn=mrn, given_name=given, family_name=family, phone=phone, language=language,
                      timezone=zone)
    session.add(patient)
    session.flush()
    opened = at - timedelta(minutes=8)
    task = OutreachTask(workflow=workflow, patient_id=patient.id, state="queued", idempotency_key=f"demo-{mrn}",
                        context={"visit_type": "physical_therapy", "provider_id": "riverside-pt"},
                        created_at=opened - timedelta(minutes=2), updated_at=at)
    session.add(task)
    session.flush()
    record_event(session, "outreach.task.created", task.id, {"workflow": workflow})
    move_task(session, task, "contacting", {"attempt": 1})
    conversation = Conversation(patient_id=patient.id, task_id=task.id, address=phone, created_at=opened,
                                last_activity_at=at)
    session.add(conversation)
    session.flush()
    record_event(session, "outreach.conversation.started", task.id,
                 {"conversation_id": conversation.id, "channel": "sms"})
    step = timedelta(seconds=40)
    texts = [("outbound", DEMO_OPENINGS.get(language, DEMO_OPENINGS["en"]).format(given=given), opened)]
    texts += [("inbound", text, at - step * (len(said) - number)) for number, text in enumerate(said)]
    texts.append(("outbound", answer, at))
    for number, (direction, body, when) in enumerate(texts):
        message = Message(conversation_id=conversation.id, task_id=task.id, direction=direction, address=phone,
                          body=body, engine_state="processed" if direction == "inbound" else "none",
                          delivery_status="delivered" if direction == "outbound" else "received",
                          idempotency_key=f"demo-{mrn}-{number}" if direction == "outbound" else None,
                          created_at=when, updated_at=when)
        session.add(message)
        session.flush()
        if direction == "outbound":
            record_event(session, "outreach.message.sent", task.id, {"message_id": message.id, "channel": "sms"})
            record_event(session, "outreach.message.delivered", task.id, {"message_id": message.id})
        if number == 1:
            move_task(session, task, "awaiting_reply", {"conversation_id": conversation.id})
            record_event(session, "outreach.patient.replied", task.id,
                         {"message_id": message.id, "conversation_id": conversation.id})
    handoff = hand_off(session, conversation, task, reason=reason, priority=priority)
    handoff.created_at = at
    session.add(handoff)
    session.flush()
    # the events were written now; give them the times the conversation had
    events = session.exec(select(WorkflowEvent).where(WorkflowEvent.subject == task.id)
                          .order_by(col(WorkflowEvent.sequence))).all()
    moments = [task.created_at, opened, opened, opened, opened, opened + step, *(
        [at - step * (len(said) - n) for n in range(len(said))]), at]
    for event, moment in zip(events, moments + [at] * len(events), strict=False):
        event.time = moment
        session.add(event)
