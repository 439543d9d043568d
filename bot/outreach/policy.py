"""The contact policy: may we contact this patient on this channel now? One place for these rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.core.models import Campaign, OptOut, OutreachTask, Patient, ProactiveContact, SendBudget
from bot.core.phones import timezones_for
from bot.core.settings import Settings


@dataclass(frozen=True)
class ContactDecision:
    allowed: bool
    # why not: no_address | deceased | do_not_contact | opted_out | no_consent | quiet_hours | frequency_cap |
    # throttled
    reason: str | None = None
    retry_at: datetime | None = None  # when a deferral may try again
    final: bool = False  # True when waiting will not help
    outcome: str | None = None  # a final decision's task outcome (None: unreachable)


@dataclass(frozen=True)
class ContactLimits:
    """How often a patient may be contacted, and how fast contacts may start (DESIGN.md section 1: caps)."""

    per_day: int = 1  # proactive contacts per patient in any 24 hours, across every workflow (0: no cap)
    per_week: int = 3  # ... in any 7 days
    sends_per_second: float = 0.0  # contacts started per second by every worker process together (0: no limit)

    @classmethod
    def from_settings(cls, settings: Settings) -> ContactLimits:
        return cls(settings.cap_per_day, settings.cap_per_week, settings.max_sends_per_second)


@dataclass(frozen=True)
class QuietHours:
    start: int = 8  # local hour contact may begin
    end: int = 21  # local hour contact must end

    def allows(self, local: datetime) -> bool:
        return time(self.start) <= local.time() < time(self.end)

    def next_opening(self, now: datetime, zone: ZoneInfo) -> datetime:
        local = now.astimezone(zone)
        opening = local.replace(hour=self.start, minute=0, second=0, microsecond=0)
        if local.time() >= time(self.start):
            opening += timedelta(days=1)
        return opening.astimezone(now.tzinfo)


def patient_zones(patient: Patient) -> list[ZoneInfo]:
    """The patient's own zone when known; else every zone their number may be in."""
    names = [patient.timezone] if patient.timezone else timezones_for(patient.phone or "")
    zones = []
    for name in names or ["America/New_York"]:
        try:
            zones.append(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return zones or [ZoneInfo("America/New_York")]


def is_opted_out(session: Session, address: str | None) -> bool:
    return bool(address) and session.get(OptOut, address) is not None


def record_opt_out(session: Session, address: str, keyword: str, channel: str) -> bool:
    """Remember that ``address`` asked us to stop. True if this is news."""
    if session.get(OptOut, address) is not None:
        return False
    session.add(OptOut(address=address, keyword=keyword, channel=channel))
    session.flush()
    return True


# Channels that can wake a patient. A web-chat message waits, silent, until the patient opens their link.
QUIET_HOURS_CHANNELS = frozenset({"sms", "voice"})


def check_contact(
    session: Session, patient: Patient, channel: str, now: datetime, quiet_hours: QuietHours, *,
    task: OutreachTask | None = None, limits: ContactLimits | None = None, new_contact: bool | None = None,
    kind: str = "opening",
) -> ContactDecision:
    """Decide whether an automated contact may start now. Replies inside a live conversation skip quiet hours
    (the patient just wrote to us); opt-outs never are skipped.

    With ``limits``: a ``new_contact`` (by default, a task's first attempt; pass True for a reminder) is held to
    the frequency cap, and every contact to the send rates (global, and the task's campaign's). When the answer
    is yes, the contact is taken in this transaction: a new contact is recorded (``record_proactive_contact``,
    as ``kind``) and the send budgets move on, so the caller must go on to contact the patient."""
    if limits is not None:  # the patient (and task) as committed now, held until this contact is decided: a
        # change made meanwhile (deceased, do-not-contact, a new phone) is seen, and two workers count in turn
        session.exec(select(Patient).where(Patient.id == patient.id).with_for_update()
                     .execution_options(populate_existing=True)).first()
        if task is not None:
            session.exec(select(OutreachTask).where(OutreachTask.id == task.id)
                         .execution_options(populate_existing=True)).first()
    if not patient.phone:
        return ContactDecision(False, "no_address", final=True)
    if patient.deceased:
        return ContactDecision(False, "deceased", final=True, outcome="cancelled")
    if patient.do_not_contact:
        return ContactDecision(False, "do_not_contact", final=True, outcome="opted_out")
    if is_opted_out(session, patient.phone):
        return ContactDecision(False, "opted_out", final=True, outcome="opted_out")
    consent = {"sms": patient.consent_sms, "voice": patient.consent_voice}.get(channel, True)
    if not consent:
        return ContactDecision(False, "no_consent", final=True)
    if channel in QUIET_HOURS_CHANNELS:
        zones = patient_zones(patient)
        closed = [zone for zone in zones if not quiet_hours.allows(now.astimezone(zone))]
        if closed:
            retry_at = max(quiet_hours.next_opening(now, zone) for zone in closed)
            return ContactDecision(False, "quiet_hours", retry_at=retry_at)
    if limits is None:
        return ContactDecision(True)
    counted = new_contact if new_contact is not None else (task is None or task.attempt_count == 0)
    if counted and (cap_frees_at := frequency_cap_frees_at(session, patient.id, now, limits)) is not None:
        return ContactDecision(False, "frequency_cap", retry_at=cap_frees_at)
    if (turn := take_send_turn(session, task, now, limits)) is not None:
        return ContactDecision(False, "throttled", retry_at=turn)
    if counted:
        record_proactive_contact(session, patient.id, task.id if task else None, kind, now)
    return ContactDecision(True)


DAY, WEEK = timedelta(days=1), timedelta(days=7)


def proactive_contacts_since(session: Session, patient_id: str, since: datetime) -> list[datetime]:
    """When the patient was contacted without having asked (openings, reminders) from ``since`` on, oldest
    first, across every workflow: what the frequency cap counts."""
    return list(session.exec(select(ProactiveContact.at).where(ProactiveContact.patient_id == patient_id,
                                                                col(ProactiveContact.at) >= since)
                             .order_by(col(ProactiveContact.at))))


def record_proactive_contact(session: Session, patient_id: str, task_id: str | None, kind: str,
                             at: datetime) -> None:
    """Count a contact the patient did not start (``kind``: opening | reminder) against the frequency cap."""
    session.add(ProactiveContact(patient_id=patient_id, task_id=task_id, kind=kind, at=at))
    session.flush()


def frequency_cap_frees_at(session: Session, patient_id: str, now: datetime, limits: ContactLimits
                           ) -> datetime | None:
    """None when one more proactive contact fits both caps now; else when it will. The patient's row is locked
    first (PostgreSQL), so two workers contacting one patient at once count one after the other."""
    session.exec(select(Patient.id).where(Patient.id == patient_id).with_for_update()).first()  # held already
    frees_at = None
    for cap, window in ((limits.per_day, DAY), (limits.per_week, WEEK)):
        if cap <= 0:
            continue
        # a contact exactly one window ago no longer counts: the cap frees up at that moment
        contacts = proactive_contacts_since(session, patient_id, now - window + timedelta(microseconds=1))
        if len(contacts) >= cap:
            candidate = contacts[len(contacts) - cap] + window
            frees_at = candidate if frees_at is None else max(frees_at, candidate)
    return frees_at


GLOBAL_BUDGET = "global"
TURN_GRACE = timedelta(seconds=5)  # a task deferred to its turn may still take it this late (else: a new turn)


def take_send_turn(session: Session, task: OutreachTask | None, now: datetime, limits: ContactLimits
                   ) -> datetime | None:
    """None when a contact may start now under the global rate and the task's campaign's rate (their budgets
    move on by one send); else the moment of the turn reserved for this task (it waits as ``throttled`` until
    then, and takes that turn without asking again). The budgets are rows every worker process locks."""
    if task is not None and task.waiting_reason == "throttled" and now - task.next_attempt_at <= TURN_GRACE:
        return None  # this task's turn, reserved when it was deferred
    budgets: list[tuple[Campaign | SendBudget, float]] = []
    if limits.sends_per_second > 0:
        budgets.append((_global_budget(session, now), limits.sends_per_second))
    if task is not None and task.campaign_id:
        campaign = session.exec(select(Campaign).where(Campaign.id == task.campaign_id).with_for_update()).first()
        if campaign is not None and campaign.rate:
            budgets.append((campaign, campaign.rate))
    if not budgets:
        return None
    turn = max([now, *(budget.next_send_at or now for budget, _ in budgets)])
    for budget, rate in budgets:
        budget.next_send_at = turn + timedelta(seconds=1 / rate)
        session.add(budget)
    return None if turn <= now else turn


def _global_budget(session: Session, now: datetime) -> SendBudget:
    for _ in range(2):
        budget = session.exec(select(SendBudget).where(SendBudget.name == GLOBAL_BUDGET).with_for_update()).first()
        if budget is not None:
            return budget
        try:
            with session.begin_nested():
                session.add(SendBudget(name=GLOBAL_BUDGET, next_send_at=now))
        except IntegrityError:  # another process made it first: lock theirs
            continue
    budget = session.exec(select(SendBudget).where(SendBudget.name == GLOBAL_BUDGET).with_for_update()).one()
    return budget


def fixed_offset_zone(now: datetime, local_hour_range: tuple[int, int]) -> str:
    """An ``Etc/GMT±N`` zone whose local hour is inside ``local_hour_range`` now (for demos and tests that must
    land inside, or outside, the contact window whatever the time of day)."""
    low, high = local_hour_range
    for offset in range(-12, 15):
        name = f"Etc/GMT{'+' if offset <= 0 else '-'}{abs(offset)}"  # POSIX sign: Etc/GMT-3 is UTC+3
        if low <= now.astimezone(ZoneInfo(name)).hour < high:
            return name
    raise ValueError(f"no whole-hour zone has its local hour in {local_hour_range} now")
