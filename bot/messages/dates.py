"""Visit times in the patient's timezone and locale, through babel.dates: each language's own conventions
("Tue, Nov 24" / "1:00 PM" in English, "mar, 24 nov" / "1:00 p. m." in Spanish, "11月24日周二" / "下午1:00",
Vietnamese "13:00"). Spanish and Chinese say morning or afternoon: many patients read "13:00" as 3 o'clock or
"a las 4:00" as either 4 in the morning or in the afternoon."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time, get_timezone_name

# said aloud (voice): the whole weekday and month, never an abbreviation ("Wednesday, December 2")
SPOKEN_DAY = {"en": "EEEE, MMMM d", "es": "EEEE d 'de' MMMM", "zh": "M月d日EEEE", "vi": "EEEE, 'ngày' d 'tháng' M"}
TWELVE_HOUR = frozenset({"es", "zh"})  # clocks said with a.m./p.m. (上午/下午); English does by default
_NARROW_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


def format_visit_time(when: datetime, zone: ZoneInfo, locale: str, *, short: bool = True, name_zone: bool = False
                      ) -> tuple[str, str]:
    """(day, time) of a visit as the patient reads them, in ``zone`` and their language; ``name_zone`` adds the
    zone's name to the time ("9:00 AM Eastern Time") for a patient whose own clock reads differently."""
    local = when.astimezone(zone)
    day = format_skeleton("MMMEd", local, locale=locale) if short else \
        format_date(local, SPOKEN_DAY.get(locale, SPOKEN_DAY["en"]), locale=locale)
    clock = format_skeleton("hm", local, locale=locale) if locale in TWELVE_HOUR else format_time(local, "short",
                                                                                                   locale=locale)
    if name_zone:
        clock = f"{clock} {get_timezone_name(local, 'long', locale=locale, zone_variant='generic')}"
    return day.translate(_NARROW_SPACES), clock.translate(_NARROW_SPACES)
