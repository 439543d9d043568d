"""The offer every reply-reading unit test answers, and the readings of a reply against it (one place)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.scheduling.choice import OfferedOption, stated_choice

ZONE = ZoneInfo("America/New_York")
OPTIONS = [OfferedOption(1, "a", datetime(2026, 12, 8, 9, 0, tzinfo=ZONE)),  # Tuesday 9:00
           OfferedOption(2, "b", datetime(2026, 12, 9, 14, 30, tzinfo=ZONE)),  # Wednesday 2:30 PM
           OfferedOption(3, "c", datetime(2026, 12, 10, 16, 0, tzinfo=ZONE))]  # Thursday 4:00 PM
TODAY = date(2026, 12, 5)  # a Saturday


def chosen(text: str, language: str = "en") -> int | None:
    """The option ``text`` picks, if it picks exactly one."""
    choice = stated_choice(text, OPTIONS, TODAY, language)
    return choice.chosen.position if choice.chosen else None


def among(text: str, language: str = "en") -> list[int]:
    """The options ``text`` narrows to."""
    return [option.position for option in stated_choice(text, OPTIONS, TODAY, language).candidates]
