"""Times patients can trust: morning or afternoon said in Spanish and Chinese, and nothing abbreviated aloud."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.messages.dates import format_visit_time

NEW_YORK = ZoneInfo("America/New_York")
AFTERNOON = datetime(2026, 12, 2, 21, 0, tzinfo=UTC)  # 4:00 PM in New York
MORNING = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)  # 9:00 AM


@pytest.mark.parametrize(("language", "afternoon", "morning"), [
    ("en", "4:00 PM", "9:00 AM"), ("es", "4:00 p. m.", "9:00 a. m."), ("zh", "下午4:00", "上午9:00"),
    ("vi", "16:00", "09:00"),
])
def test_a_time_says_morning_or_afternoon(language: str, afternoon: str, morning: str) -> None:
    assert format_visit_time(AFTERNOON, NEW_YORK, language)[1] == afternoon
    assert format_visit_time(MORNING, NEW_YORK, language)[1] == morning


@pytest.mark.parametrize(("language", "spoken"), [
    ("en", "Wednesday, December 2"), ("es", "miércoles 2 de diciembre"), ("zh", "12月2日星期三"),
    ("vi", "Thứ Tư, ngày 2 tháng 12"),
])
def test_a_day_said_aloud_has_no_abbreviation(language: str, spoken: str) -> None:
    assert format_visit_time(AFTERNOON, NEW_YORK, language, short=False)[0] == spoken
