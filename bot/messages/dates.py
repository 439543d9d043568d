"""Visit times in the patient's timezone and locale, through babel.dates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

_NARROW_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


def format_visit_time(when: datetime, zone: ZoneInfo, locale: str, *, short: bool = True) -> tuple[str, str]:
    """(day, time) of a visit as the patient reads them, e.g. ("Tue, Nov 24", "2:30 PM")."""
    local = when.astimezone(zone)
    day_pattern = "EEE, MMM d" if short else "EEEE, MMMM d"
    day = format_date(local, day_pattern, locale=locale)
    clock = format_time(local, "h:mm a", locale=locale)
    return day.translate(_NARROW_SPACES), clock.translate(_NARROW_SPACES)
