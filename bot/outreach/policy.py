"""The contact policy: may we contact this patient on this channel now? One place for these rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session

from bot.core.models import OptOut, Patient
from bot.core.phones import timezones_for


@dataclass(frozen=True)
class ContactDecision:
    allowed: bool
    reason: str | None = None  # why not: opted_out | no_address | no_consent | quiet_hours
    retry_at: datetime | None = None  # when a deferral may try again
    final: bool = False  # True when waiting will not help


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
    session: Session, patient: Patient, channel: str, now: datetime, quiet_hours: QuietHours
) -> ContactDecision:
    """Decide whether an automated contact may start now. Replies inside a live conversation skip quiet hours
    (the patient just wrote to us); opt-outs never are skipped."""
    if not patient.phone:
        return ContactDecision(False, "no_address", final=True)
    if is_opted_out(session, patient.phone):
        return ContactDecision(False, "opted_out", final=True)
    consent = {"sms": patient.consent_sms, "voice": patient.consent_voice}.get(channel, True)
    if not consent:
        return ContactDecision(False, "no_consent", final=True)
    if channel not in QUIET_HOURS_CHANNELS:
        return ContactDecision(True)
    zones = patient_zones(patient)
    closed = [zone for zone in zones if not quiet_hours.allows(now.astimezone(zone))]
    if closed:
        retry_at = max(quiet_hours.next_opening(now, zone) for zone in closed)
        return ContactDecision(False, "quiet_hours", retry_at=retry_at)
    return ContactDecision(True)


def fixed_offset_zone(now: datetime, local_hour_range: tuple[int, int]) -> str:
    """An ``Etc/GMT±N`` zone whose local hour is inside ``local_hour_range`` now (for demos and tests that must
    land inside, or outside, the contact window whatever the time of day)."""
    low, high = local_hour_range
    for offset in range(-12, 15):
        name = f"Etc/GMT{'+' if offset <= 0 else '-'}{abs(offset)}"  # POSIX sign: Etc/GMT-3 is UTC+3
        if low <= now.astimezone(ZoneInfo(name)).hour < high:
            return name
    raise ValueError(f"no whole-hour zone has its local hour in {local_hour_range} now")
