"""Reading what other times a patient asks for."""

from __future__ import annotations

from datetime import date, timedelta

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


# -- Chinese and Vietnamese ------------------------------------------------------------------------------------
AFTERNOON, MORNING, EVENING, MIDDAY = (12, 17), (0, 12), (17, 24), (11, 14)
TUESDAY_24 = (date(2026, 11, 24), date(2026, 11, 24))
NEXT_WEEK = (date(2026, 11, 30), date(2026, 12, 6))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("下午", "zh", TimePreference(hours=AFTERNOON)), ("下午有吗？", "zh", TimePreference(hours=AFTERNOON)),
        ("晚一点的", "zh", TimePreference(direction="later")),
        ("有没有晚点的", "zh", TimePreference(direction="later")),
        ("早一点可以吗", "zh", TimePreference(direction="earlier")),
        ("周五有吗", "zh", TimePreference(frozenset({FRI}))),
        ("星期四上午呢", "zh", TimePreference(frozenset({THU}), hours=MORNING)),
        ("别的时间", "zh", TimePreference()), ("有其他时间吗", "zh", TimePreference()),
        ("周一不行", "zh", TimePreference(avoid_weekdays=frozenset({MON}))),
        ("不要周一，周三上午", "zh", TimePreference(frozenset({WED}), frozenset({MON}), MORNING)),
        ("明天下午", "zh", TimePreference(hours=AFTERNOON, dates=TUESDAY_24)),
        ("下午三点以后", "zh", TimePreference(hours=(15, 24))), ("中午", "zh", TimePreference(hours=MIDDAY)),
        ("晚上", "zh", TimePreference(hours=EVENING)), ("礼拜六", "zh", TimePreference(frozenset({SAT}))),
        ("buổi chiều", "vi", TimePreference(hours=AFTERNOON)), ("buoi chieu", "vi", TimePreference(hours=AFTERNOON)),
        ("sớm hơn", "vi", TimePreference(direction="earlier")),
        ("som hon duoc ko", "vi", TimePreference(direction="earlier")),
        ("trễ hơn được không", "vi", TimePreference(direction="later")),
        ("muộn hơn", "vi", TimePreference(direction="later")),
        ("thứ sáu có không", "vi", TimePreference(frozenset({FRI}))),
        ("thu sau co khong", "vi", TimePreference(frozenset({FRI}))),
        ("t7 co ko", "vi", TimePreference(frozenset({SAT}))), ("ngày khác", "vi", TimePreference()),
        ("không phải thứ hai", "vi", TimePreference(avoid_weekdays=frozenset({MON}))),
        ("thứ hai không được, thứ tư được không", "vi", TimePreference(frozenset({WED}), frozenset({MON}))),
        ("sáng mai", "vi", TimePreference(hours=MORNING, dates=TUESDAY_24)),
        ("tôi bận buổi sáng", "vi", TimePreference(avoid_hours=MORNING)),
        ("sau 3h chiều", "vi", TimePreference(hours=(15, 24))), ("chủ nhật", "vi", TimePreference(frozenset({SUN}))),
        ("下周", "zh", TimePreference(dates=NEXT_WEEK)), ("下周三下午", "zh", TimePreference(frozenset({WED}),
                                                                                   hours=AFTERNOON, dates=NEXT_WEEK)),
        ("周末可以吗", "zh", TimePreference(frozenset({SAT, SUN}))),
        ("tuần sau", "vi", TimePreference(dates=NEXT_WEEK)),
        ("tuan toi thu ba", "vi", TimePreference(frozenset({TUE}), dates=NEXT_WEEK)),
        ("cuối tuần", "vi", TimePreference(frozenset({SAT, SUN}))),
    ],
)
def test_a_chinese_or_vietnamese_request_becomes_a_time_preference(text: str, language: str,
                                                                    expected: TimePreference) -> None:
    assert read_preference(text, MONDAY, language) == expected


@pytest.mark.parametrize(("text", "weekdays"), [("thu ba", {TUE}), ("co thu hai khong", {MON}), ("thu tu", {WED}),
                                               ("tu 9h", set()), ("thu", set())])
def test_vietnamese_thu_and_tu_are_not_english_weekdays(text: str, weekdays: set[int]) -> None:
    assert read_preference(text, MONDAY, "vi").weekdays == weekdays


@pytest.mark.parametrize(("text", "hours"), [("después de las 3", (15, 24)), ("antes de las 11 porfa", (0, 11)),
                                             ("a las 3", (15, 16))])
def test_a_bound_said_with_de_las_in_spanish(text: str, hours: tuple[int, int]) -> None:
    assert read_preference(text, MONDAY, "es").hours == hours


def test_la_otra_semana_is_the_next_week() -> None:
    assert read_preference("la otra semana", MONDAY, "es").dates == (MONDAY + timedelta(days=7),
                                                                     MONDAY + timedelta(days=13))


@pytest.mark.parametrize(("text", "language", "day"), [("ngày 25 buổi sáng", "vi", date(2026, 11, 25)),
                                                       ("el día 2", "es", date(2026, 12, 2))])
def test_a_day_of_the_month_is_the_next_one(text: str, language: str, day: date) -> None:
    assert read_preference(text, MONDAY, language).dates == (day, day)


def test_a_bound_asked_for_stands_beside_the_hour_of_a_reason() -> None:
    assert read_preference("after 4:30 please, I get off at 4", MONDAY).hours == (16, 24)


@pytest.mark.parametrize(("text", "hours"), [("algo despues de las 6? llego tarde de la chamba", (18, 24)),
                                             ("after 5 in the evening", (17, 24)),
                                             ("después de las 3 en la tarde", (15, 19))])
def test_a_part_of_the_day_or_late_after_a_bound_keeps_the_bound(text: str, hours: tuple[int, int]) -> None:
    assert read_preference(text, MONDAY, "es").hours == hours


@pytest.mark.parametrize(("text", "dates"), [("can you do the 26th?", (date(2026, 11, 26), date(2026, 11, 26))),
                                             ("I work 2nd shift", None)])
def test_a_day_said_with_th_is_that_date_and_a_shift_is_none(text: str, dates: object) -> None:
    assert read_preference(text, MONDAY).dates == dates


@pytest.mark.parametrize(("text", "language"), [("out of town until the 27th", "en"), ("fuera hasta el 27", "es"),
                                                ("我出门到27号", "zh")])
def test_busy_until_a_date_asks_for_the_days_after_it(text: str, language: str) -> None:
    assert read_preference(text, MONDAY, language).dates == (date(2026, 11, 28), date(2026, 12, 11))


@pytest.mark.parametrize(("text", "language"), [("vuelvo el 30, antes no", "es"), ("I'm back on the 30th", "en")])
def test_back_on_a_date_asks_for_that_day_and_after(text: str, language: str) -> None:
    assert read_preference(text, MONDAY, language).dates == (date(2026, 11, 30), date(2026, 12, 14))


@pytest.mark.parametrize(("text", "language", "avoid", "wanted"), [
    ("I have class mon and wed, anything friday?", "en", {0, 2}, {4}),
    ("el viernes tengo q trabajar, algo el lunes?", "es", {4}, {0}),
    ("tuesdays I have dialysis, a thursday would be good", "en", {1}, {3}),
])
def test_days_named_beside_being_busy_are_avoided(text: str, language: str, avoid: set[int], wanted: set[int]) -> None:
    preference = read_preference(text, MONDAY, language)
    assert preference.avoid_weekdays == avoid and preference.weekdays == wanted


def test_a_part_of_the_day_named_beside_work_is_avoided() -> None:
    assert read_preference("el jueves tempranito, que en la tarde tengo que trabajar", MONDAY, "es").avoid_hours \
        == (12, 19)


def test_standing_visits_and_clubs_named_with_days_are_avoided() -> None:
    preference = read_preference("chemo mondays, choir on friday, anything else?", MONDAY, "en")
    assert preference.avoid_weekdays == {0, 4} and not preference.weekdays


def test_a_day_after_dialysis_is_still_wanted() -> None:
    assert read_preference("thursday after dialysis", MONDAY, "en").weekdays == {3}


@pytest.mark.parametrize(("text", "language"), [("mon tue and wed dont work for me, friday?", "en"),
                                                ("周一周二周三我都出差，周五可以吗", "zh")])
def test_days_listed_before_one_no_are_all_turned_down(text: str, language: str) -> None:
    preference = read_preference(text, MONDAY, language)
    assert preference.avoid_weekdays == {0, 1, 2} and preference.weekdays == {4}


@pytest.mark.parametrize(("reply", "language"), [("after the 20th please", "en"), ("después del 20", "es")])
def test_after_a_day_of_the_month_is_from_the_day_after(reply: str, language: str) -> None:
    assert read_preference(reply, date(2026, 12, 5), language).dates == (date(2026, 12, 21), date(2027, 1, 3))


@pytest.mark.parametrize(("reply", "language"), [("next month works better", "en"), ("el mes que viene", "es"),
                                                 ("下个月可以吗", "zh")])
def test_next_month_is_all_of_it(reply: str, language: str) -> None:
    assert read_preference(reply, date(2026, 12, 5), language).dates == (date(2027, 1, 1), date(2027, 1, 31))
