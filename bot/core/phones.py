"""Phone numbers: E.164 only, parsed and validated by phonenumbers."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat
from phonenumbers import timezone as phone_timezones


def to_e164(raw: str, default_region: str = "US") -> str | None:
    """The E.164 form of ``raw``, or None when it is not a valid phone number."""
    try:
        number = phonenumbers.parse(raw, default_region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def timezones_for(e164: str) -> list[str]:
    """Every IANA zone the number's exchange may be in (numbers are portable: treat it as a guess)."""
    try:
        number = phonenumbers.parse(e164)
    except NumberParseException:
        return []
    return [zone for zone in phone_timezones.time_zones_for_number(number) if zone != "Etc/Unknown"]
