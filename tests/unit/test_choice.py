"""Which offered time did the patient mean? Resolved against the options actually offered; never a guess."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.scheduling.choice import OfferedOption, resolve_choice

OPTIONS = [
    OfferedOption(1, "tue-9", datetime(2026, 11, 24, 9, 0)),
    OfferedOption(2, "tue-230", datetime(2026, 11, 24, 14, 30)),
    OfferedOption(3, "thu-10", datetime(2026, 11, 26, 10, 0)),
]


@pytest.mark.parametrize(
    ("reply", "slot"),
    [
        ("2", "tue-230"), ("2 pls", "tue-230"), ("#3", "thu-10"), ("option 1", "tue-9"), ("second one", "tue-230"),
        ("the 2:30", "tue-230"), ("2:30pm works", "tue-230"), ("can I do the 9am", "tue-9"), ("el jueves", "thu-10"),
        ("thurs am", "thu-10"), ("Tuesday afternoon", "tue-230"), ("la primera", "tue-9"), ("the last one", "thu-10"),
        ("11/26", "thu-10"), ("nov 26 please", "thu-10"), ("lo de las 10", "thu-10"), ("two", "tue-230"),
    ],
)
def test_a_clear_choice_resolves_to_exactly_that_slot(reply: str, slot: str) -> None:
    choice = resolve_choice(reply, OPTIONS)
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize("reply", ["tuesday", "the tuesday one", "tues"])
def test_a_choice_matching_two_times_is_ambiguous_not_guessed(reply: str) -> None:
    choice = resolve_choice(reply, OPTIONS)
    assert choice.chosen is None and choice.ambiguous
    assert {o.slot_id for o in choice.candidates} == {"tue-9", "tue-230"}


@pytest.mark.parametrize("reply", ["none of those work", "7", "friday", "the 4pm", "hello"])
def test_a_reply_that_matches_nothing_chooses_nothing(reply: str) -> None:
    choice = resolve_choice(reply, OPTIONS)
    assert choice.chosen is None and not choice.ambiguous


def test_tomorrow_and_manana_name_a_day_and_en_la_manana_a_morning() -> None:
    from datetime import date

    from bot.scheduling.choice import OfferedOption, resolve_choice

    tuesday_3pm = OfferedOption(1, "a", datetime(2026, 11, 24, 15, 0))
    wednesday_10am = OfferedOption(2, "b", datetime(2026, 11, 25, 10, 0))
    options, monday = [tuesday_3pm, wednesday_10am], date(2026, 11, 23)
    assert resolve_choice("el de mañana porfa", options, monday).chosen == tuesday_3pm
    assert resolve_choice("tomorrow works", options, monday).chosen == tuesday_3pm
    assert resolve_choice("en la mañana", options, monday).chosen == wednesday_10am
    assert resolve_choice("pasado mañana", options, monday).chosen == wednesday_10am


@pytest.mark.parametrize(
    ("reply", "rejects"),
    [
        ("2 doesnt work for me", True), ("not the tuesday one", True), ("el martes no puedo", True),
        ("can't do the 9am", True), ("no, the 2nd one", False), ("2 no problem", False), ("the 2nd one", False),
        ("sí, el jueves", False),
    ],
)
def test_a_reply_that_turns_a_time_down_is_told_from_one_that_picks_it(reply: str, rejects: bool) -> None:
    from bot.scheduling.choice import rejects_options

    assert rejects_options(reply) is rejects


@pytest.mark.parametrize(("text", "position"), [("第二个", 2), ("我选第三个", 3), ("第1个", 1), ("第二", 2)])
def test_chinese_ordinals_name_an_option(text: str, position: int) -> None:
    options = [OfferedOption(i + 1, f"slot-{i}", datetime(2026, 12, 7 + i, 14, 0, tzinfo=UTC)) for i in range(3)]
    chosen = resolve_choice(text, options, date(2026, 12, 4)).chosen
    assert chosen is not None and chosen.position == position


@pytest.mark.parametrize(("text", "slot"), [
    ("tôi chọn số hai", "tue-230"), ("so ba nha", "thu-10"), ("cái đầu tiên", "tue-9"), ("lấy cái cuối cùng", "thu-10"),
    ("thứ năm nha", "thu-10"), ("T5", "thu-10"), ("thu 5", "thu-10"), ("我要最后一个", "thu-10"),
])
def test_vietnamese_numbers_and_weekdays_and_the_chinese_last_name_an_option(text: str, slot: str) -> None:
    choice = resolve_choice(text, OPTIONS)
    assert choice.chosen is not None and choice.chosen.slot_id == slot


def test_vietnamese_tuesday_is_not_read_as_thursday() -> None:
    """Folded, "thứ ba" (Tuesday) would be "thu ba", and "thu" alone is English for Thursday."""
    assert [o.slot_id for o in resolve_choice("lấy cái thứ ba", OPTIONS).candidates] == ["tue-9", "tue-230"]
