"""Identity before PHI: in chat and voice the patient gives their date of birth before anything that could reveal
health information. SMS openings carry no PHI at all (the template linter enforces it), so SMS never asks.

The reply is read here, in the app, and never passed to the engine: a date of birth does not belong in the
engine's tracker, and "3/4/62" is not an intent.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateparser.search import search_dates
from sqlmodel import Session, col, func, select

from bot.conversation.spoken_dates import digits_for_spoken_numbers
from bot.core.models import Conversation, utcnow

IDENTITY_CHANNELS = frozenset({"chat", "voice"})
MAX_ATTEMPTS = 3  # a conversation's misses; then a person takes over, and nothing more is said by the bot
PATIENT_MAX_ATTEMPTS = 5  # a patient's misses across all their conversations and channels within PATIENT_WINDOW
PATIENT_WINDOW = timedelta(hours=24)
MAX_ANSWER_CHARS = 80  # a date of birth, said or typed, is short; a longer reply is never read as one
_SEARCH_LANGUAGES = ("en", "es")


def needs_identity(channel: str) -> bool:
    return channel in IDENTITY_CHANNELS


def birth_date_readings(text: str, language: str, today: date) -> set[date]:
    """Every date of birth ``text`` can mean, when it gives exactly one date. "03/04/1962" is 4 March to some and
    3 April to others, so both readings count (the patient still has to know the date); a two-digit year is never
    in the future. A reply with two dates or more, or too long to be a date of birth, means none: otherwise a
    message listing hundreds of dates would find the right one."""
    if len(text) > MAX_ANSWER_CHARS:
        return set()
    text = digits_for_spoken_numbers(text)  # "august ninth nineteen fifty two", as a call's speech comes
    languages = [language, *(lang for lang in _SEARCH_LANGUAGES if lang != language)]
    readings: set[date] = set()
    keyed = "".join(ch for ch in text if ch.isdigit())
    if len(keyed) == 8 and keyed == text.strip().replace(" ", ""):  # keyed in on a phone: MMDDYYYY or DDMMYYYY
        for month, day in ((keyed[:2], keyed[2:4]), (keyed[2:4], keyed[:2])):
            try:
                readings.add(date(int(keyed[4:]), int(month), int(day)))
            except ValueError:
                pass
        return readings
    said: set[str] = set()
    for order in ("MDY", "DMY"):
        found = search_dates(text, languages=languages, settings={
            "DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        }) or []
        for words, moment in found:
            said.add(words.strip())
            day = moment.date()
            if day > today:
                day = day.replace(year=day.year - 100)
            readings.add(day)
    return readings if len(said) == 1 else set()


def birth_date_matches(text: str, language: str, birth_date: date, today: date) -> bool:
    return birth_date in birth_date_readings(text, language, today)


def locked_out(conversation_misses: int, patient_misses: int) -> bool:
    """Whether the bot stops asking: three misses in this conversation, or five of the patient's in a day
    across every conversation and channel (a chat, then a call, then another chat do not reset the count)."""
    return conversation_misses >= MAX_ATTEMPTS or patient_misses >= PATIENT_MAX_ATTEMPTS


def patient_identity_misses(session: Session, patient_id: str) -> int:
    """The patient's wrong or unreadable dates of birth lately, over all their conversations and channels."""
    since = utcnow() - PATIENT_WINDOW
    return int(session.exec(select(func.coalesce(func.sum(Conversation.identity_attempts), 0)).where(
        Conversation.patient_id == patient_id, col(Conversation.last_activity_at) >= since)).one())
