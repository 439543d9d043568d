"""Reading what other times a patient asks for."""

from __future__ import annotations

from datetime import date

import pytest

from bot.scheduling.preferences import TimePreference, read_preference

MONDAY = date(2026, 11, 23)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cant do tues, anything thurs am?", TimePreference(frozenset({THU}), frozenset({TUE}), (0, 12))),
        ("¿tienen algo el viernes en la tarde?", TimePreference(frozenset({FRI}), hours=(12, 19))),
        ("next week after 3", TimePreference(hours=(15, 24), dates=(date(2026, 11, 30), date(2026, 12, 6)))),
        ("not mondays", TimePreference(avoid_weekdays=frozenset({MON}))),
        ("mañana en la tarde", TimePreference(hours=(12, 19), dates=(date(2026, 11, 24), date(2026, 11, 24)))),
        ("por la mañana porfa", TimePreference(hours=(0, 12))),
        ("la semana que viene, los sábados", TimePreference(frozenset({SAT}),
                                                           dates=(date(2026, 11, 30), date(2026, 12, 6)))),
        ("before 10am tmrw", TimePreference(hours=(0, 10), dates=(date(2026, 11, 24), date(2026, 11, 24)))),
        ("any evening but not friday", TimePreference(avoid_weekdays=frozenset({FRI}), hours=(17, 24))),
        ("none of those work", TimePreference()),
        ("0", TimePreference()),
    ],
)
def test_a_patients_own_words_become_a_time_preference(text: str, expected: TimePreference) -> None:
    assert read_preference(text, MONDAY) == expected


def test_a_preference_keeps_only_the_times_it_allows() -> None:
    from datetime import datetime

    wanted = read_preference("thurs am", MONDAY)
    assert wanted.allows(datetime(2026, 11, 26, 9, 0))
    assert not wanted.allows(datetime(2026, 11, 26, 15, 0))
    assert not wanted.allows(datetime(2026, 11, 25, 9, 0))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el martes no puedo", TimePreference(avoid_weekdays=frozenset({TUE}))),
        ("tuesday doesnt work, friday?", TimePreference(frozenset({FRI}), frozenset({TUE}))),
        ("mornings dont work for me", TimePreference(avoid_hours=(0, 12))),
    ],
)
def test_a_day_turned_down_after_naming_it_is_avoided(text: str, expected: TimePreference) -> None:
    assert read_preference(text, MONDAY) == expected


@pytest.mark.parametrize(("text", "direction"), [("something earlier?", "earlier"), ("anything sooner", "earlier"),
                                                 ("más temprano por favor", "earlier"), ("algo más tarde", "later"),
                                                 ("later in the morning please", "later"),
                                                 ("¿algo en la tarde?", None)])
def test_earlier_and_later_are_read_as_directions(text: str, direction: str | None) -> None:
    assert read_preference(text, date(2026, 12, 4)).direction == direction
