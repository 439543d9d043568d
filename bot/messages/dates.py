"""Visit times in the patient's timezone and locale, through babel.dates: each language's own conventions
("Tue, Nov 24" / "1:00 PM" in English, "mar, 24 nov" / "13:00" in Spanish, "11月24日周二" / "13:00")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_time

_NARROW_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


def format_visit_time(when: datetime, zone: ZoneInfo, locale: str, *, short: bool = True) -> tuple[str, str]:
    """(day, time) of a visit as the patient reads them, in their zone and language."""
    local = when.astimezone(zone)
    day = format_skeleton("MMMEd" if short else "MMMMEEEEd", local, locale=locale)
    clock = format_time(local, "short", locale=locale)
    return day.translate(_NARROW_SPACES), clock.translate(_NARROW_SPACES)
