"""A date of birth said aloud, as speech recognition writes it, is read as the date it is."""

from __future__ import annotations

from datetime import date

import pytest

from bot.conversation.identity import birth_date_readings

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(("said", "language"), [
    ("august ninth nineteen fifty two", "en"), ("August nine, nineteen fifty-two", "en"),
    ("the ninth of august nineteen fifty two", "en"), ("nueve de agosto de mil novecientos cincuenta y dos", "es"),
    ("zero eight zero nine one nine five two", "en"), ("August 9, 1952", "en"),
])
def test_a_spoken_date_of_birth_reads_as_that_date(said: str, language: str) -> None:
    assert date(1952, 8, 9) in birth_date_readings(said, language, TODAY)


def test_two_spoken_dates_are_still_no_answer() -> None:
    said = "august ninth nineteen fifty two or august tenth nineteen fifty two"
    assert birth_date_readings(said, "en", TODAY) == set()
