"""Demo data: a physical-therapy clinic with open slots for two weeks, and a few simulated patients."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.core.models import Patient, Provider, Slot, utcnow

CLINIC_ZONE = ZoneInfo("America/New_York")
DEMO_PROVIDER = Provider(id="riverside-pt", name="Riverside Physical Therapy", location="200 River St, Suite 3",
                         phone="(555) 010-0100", timezone=CLINIC_ZONE.key)
DEMO_TIMES = ((9, 0), (10, 30), (14, 30), (16, 0))
DEMO_PATIENTS = (
    {"mrn": "DEMO-1001", "given_name": "Ana", "family_name": "Rivera", "phone": "+12125550101"},
    {"mrn": "DEMO-1002", "given_name": "James", "family_name": "Okafor", "phone": "+12125550102"},
    {"mrn": "DEMO-1003", "given_name": "Lucía", "family_name": "Gómez", "phone": "+12125550103",
     "language": "es"},
)


def seed_demo(session: Session, days: int = 14) -> dict[str, int]:
    """Idempotent: adds what is missing, never duplicates."""
    if session.get(Provider, DEMO_PROVIDER.id) is None:
        session.add(Provider(**DEMO_PROVIDER.model_dump()))
        session.flush()
    existing = {s.starts_at for s in session.exec(select(Slot).where(Slot.provider_id == DEMO_PROVIDER.id))}
    today = utcnow().astimezone(CLINIC_ZONE).date()
    added_slots = 0
    for offset in range(1, days + 1):
        day = today + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for hour, minute in DEMO_TIMES:
            starts = datetime(day.year, day.month, day.day, hour, minute, tzinfo=CLINIC_ZONE)
            if starts in existing:
                continue
            session.add(Slot(provider_id=DEMO_PROVIDER.id, visit_type="physical_therapy", starts_at=starts,
                             location=DEMO_PROVIDER.location, timezone=CLINIC_ZONE.key))
            added_slots += 1
    added_patients = 0
    for data in DEMO_PATIENTS:
        if session.exec(select(Patient).where(Patient.mrn == data["mrn"])).first() is None:
            session.add(Patient(**data))
            added_patients += 1
    return {"slots": added_slots, "patients": added_patients}
