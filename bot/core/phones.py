"""Phone numbers: E.164 only, parsed and validated by phonenumbers."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat
from phonenumbers import timezone as phone_timezones

from bot.core.limits import MAX_PHONE


class PhoneError(ValueError):
    """Not a number we can text or call; the message says why in words."""


def parse_phone(raw: str, default_region: str = "US") -> str:
    """The E.164 form of ``raw``; ``PhoneError`` when it is not a valid number, or carries an extension (a text
    cannot reach an extension, and dropping it would reach someone else's desk)."""
    if len(raw) > MAX_PHONE:
        raise PhoneError(f"longer than {MAX_PHONE} characters")
    try:
        number = phonenumbers.parse(raw, default_region)
    except NumberParseException:
        raise PhoneError("not a valid phone number (give it with area code, e.g. +1 212 555 0143)") from None
    if number.extension:
        raise PhoneError("has an extension; give a number that reaches the patient directly (no 'ext.')")
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("not a valid phone number (give it with area code, e.g. +1 212 555 0143)")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def to_e164(raw: str, default_region: str = "US") -> str | None:
    """The E.164 form of ``raw``, or None when it is not a phone number we accept (see ``parse_phone``)."""
    try:
        return parse_phone(raw, default_region)
    except PhoneError:
        return None


def timezones_for(e164: str) -> list[str]:
    """Every IANA zone the number's exchange may be in (numbers are portable: treat it as a guess)."""
    try:
        number = phonenumbers.parse(e164)
    except NumberParseException:
        return []
    return [zone for zone in phone_timezones.time_zones_for_number(number) if zone != "Etc/Unknown"]
