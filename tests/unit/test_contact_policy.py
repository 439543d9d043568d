"""The contact policy's new rules, decided in one place: flags, the frequency cap across workflows, send rates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, SQLModel, create_engine

from bot.core.models import Campaign, OutreachTask, Patient
from bot.outreach.policy import ContactLimits, QuietHours, check_contact, proactive_contacts_since

NOON = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
HOURS = QuietHours()


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        yield session


def _patient(session: Session, **flags: bool) -> Patient:
    patient = Patient(given_name="Sam", phone="+12125550100", timezone="UTC", **flags)
    session.add(patient)
    session.flush()
    return patient


def _task(session: Session, patient: Patient, workflow: str = "missed_appointment", **more: object) -> OutreachTask:
    task = OutreachTask(workflow=workflow, patient_id=patient.id, **more)
    session.add(task)
    session.flush()
    return task


def test_a_deceased_patient_is_never_contacted_and_their_task_is_cancelled(session: Session) -> None:
    patient = _patient(session, deceased=True, do_not_contact=True)
    decision = check_contact(session, patient, "sms", NOON, HOURS, limits=ContactLimits())
    assert (decision.allowed, decision.reason, decision.final, decision.outcome) == (False, "deceased", True,
                                                                                     "cancelled")


def test_do_not_contact_blocks_every_channel_for_good(session: Session) -> None:
    patient = _patient(session, do_not_contact=True)
    for channel in ("sms", "voice", "chat"):
        decision = check_contact(session, patient, channel, NOON, HOURS)
        assert (decision.reason, decision.final, decision.outcome) == ("do_not_contact", True, "opted_out")


def test_one_opening_a_day_across_workflows_and_the_next_waits_until_the_day_is_over(session: Session) -> None:
    patient = _patient(session)
    limits = ContactLimits(per_day=1, per_week=3)
    first, second = _task(session, patient), _task(session, patient, "care_gap")
    assert check_contact(session, patient, "sms", NOON, HOURS, task=first, limits=limits).allowed
    capped = check_contact(session, patient, "sms", NOON + timedelta(hours=2), HOURS, task=second, limits=limits)
    assert (capped.allowed, capped.reason, capped.retry_at) == (False, "frequency_cap", NOON + timedelta(days=1))
    first.attempt_count = 1  # the first task's own retry is the same contact, not a new one
    assert check_contact(session, patient, "sms", NOON + timedelta(hours=3), HOURS, task=first, limits=limits).allowed
    assert proactive_contacts_since(session, patient.id, NOON - timedelta(days=1)) == [NOON]
    a_reminder = check_contact(session, patient, "sms", NOON + timedelta(hours=3), HOURS, task=first, limits=limits,
                               new_contact=True, kind="reminder")
    assert a_reminder.reason == "frequency_cap"


def test_three_a_week_counts_the_oldest_of_the_last_three(session: Session) -> None:
    patient = _patient(session)
    limits = ContactLimits(per_day=1, per_week=3)
    for day in range(3):
        task = _task(session, patient)
        assert check_contact(session, patient, "sms", NOON + timedelta(days=day), HOURS, task=task,
                             limits=limits).allowed
    capped = check_contact(session, patient, "sms", NOON + timedelta(days=3), HOURS, task=_task(session, patient),
                           limits=limits)
    assert (capped.reason, capped.retry_at) == ("frequency_cap", NOON + timedelta(days=7))


def test_replies_in_a_live_conversation_are_not_capped_or_counted(session: Session) -> None:
    patient = _patient(session)
    limits = ContactLimits(per_day=1)
    assert check_contact(session, patient, "sms", NOON, HOURS, limits=limits, new_contact=True).allowed
    assert check_contact(session, patient, "sms", NOON, HOURS, limits=limits, new_contact=False).allowed
    assert len(proactive_contacts_since(session, patient.id, NOON - timedelta(days=1))) == 1


def test_a_campaigns_rate_spaces_its_contacts_and_a_deferred_task_keeps_its_turn(session: Session) -> None:
    campaign = Campaign(name="c", rate=0.5)
    session.add(campaign)
    session.flush()
    limits = ContactLimits(per_day=0, per_week=0, sends_per_second=10)
    tasks = [_task(session, _patient_at(session, n), campaign_id=campaign.id) for n in range(3)]
    turns = [check_contact(session, _owner(session, t), "sms", NOON, HOURS, task=t, limits=limits) for t in tasks]
    assert turns[0].allowed
    assert [(d.reason, d.retry_at) for d in turns[1:]] == [("throttled", NOON + timedelta(seconds=2)),
                                                           ("throttled", NOON + timedelta(seconds=4))]
    tasks[1].waiting_reason, tasks[1].next_attempt_at = "throttled", NOON + timedelta(seconds=2)
    assert check_contact(session, _owner(session, tasks[1]), "sms", NOON + timedelta(seconds=2.1), HOURS,
                         task=tasks[1], limits=limits).allowed
    another = _task(session, _patient_at(session, 9), campaign_id=campaign.id)
    later = check_contact(session, _owner(session, another), "sms", NOON + timedelta(seconds=2.1), HOURS,
                          task=another, limits=limits)
    assert (later.reason, later.retry_at) == ("throttled", NOON + timedelta(seconds=6))


def _patient_at(session: Session, n: int) -> Patient:
    patient = Patient(given_name="P", phone=f"+121255501{n:02d}", timezone="UTC")
    session.add(patient)
    session.flush()
    return patient


def _owner(session: Session, task: OutreachTask) -> Patient:
    patient = session.get(Patient, task.patient_id)
    assert patient is not None
    return patient
