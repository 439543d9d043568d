"""Identity before PHI: in chat and voice the patient gives their date of birth before anything that could reveal
health information. SMS openings carry no PHI at all (the template linter enforces it), so SMS never asks.

The reply is read here, in the app, and never passed to the engine: a date of birth does not belong in the
engine's tracker, and "3/4/62" is not an intent.
"""

from __future__ import annotations

from datetime import date

from dateparser.search import search_dates

IDENTITY_CHANNELS = frozenset({"chat", "voice"})
MAX_ATTEMPTS = 3  # then a person takes over; nothing more is said by the bot
_SEARCH_LANGUAGES = ("en", "es")


def needs_identity(channel: str) -> bool:
    return channel in IDENTITY_CHANNELS


def birth_date_readings(text: str, language: str, today: date) -> set[date]:
    """Every date of birth ``text`` can mean. "03/04/1962" is 4 March to some and 3 April to others, so both
    readings count (the patient still has to know the date); a two-digit year is never in the future."""
    languages = [language, *(lang for lang in _SEARCH_LANGUAGES if lang != language)]
    readings: set[date] = set()
    keyed = "".join(ch for ch in text if ch.isdigit())
    if len(keyed) == 8 and keyed == text.strip().replace(" ", ""):  # keyed in on a phone: MMDDYYYY or DDMMYYYY
        for month, day in ((keyed[:2], keyed[2:4]), (keyed[2:4], keyed[:2])):
            try:
                readings.add(date(int(keyed[4:]), int(month), int(day)))
            except ValueError:
                pass
    for order in ("MDY", "DMY"):
        found = search_dates(text, languages=languages, settings={
            "DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        }) or []
        for _, moment in found:
            day = moment.date()
            if day > today:
                day = day.replace(year=day.year - 100)
            readings.add(day)
    return readings


def birth_date_matches(text: str, language: str, birth_date: date, today: date) -> bool:
    return birth_date in birth_date_readings(text, language, today)
