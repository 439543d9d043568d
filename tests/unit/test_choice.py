"""Which offered time did the patient mean? Resolved against the options actually offered; never a guess."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.scheduling.choice import OfferedOption, resolve_choice, stated_choice
from bot.scheduling.turning_down import asks_earlier_or_later, asks_for_other_times

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


@pytest.mark.parametrize(
    ("reply", "slot"),
    [
        ("3 would be great, see you then thanks", "thu-10"), ("1 works better for me than the others", "tue-9"),
        ("2 me queda mejor porque salgo temprano del trabajo", "tue-230"),
        ("the last time works best i think", "thu-10"), ("la ultima opcion por favor gracias", "thu-10"),
    ],
)
def test_a_longer_reply_that_opens_with_its_choice_or_names_the_last_option(reply: str, slot: str) -> None:
    choice = resolve_choice(reply, OPTIONS)
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(
    "reply",
    ["sorry i missed last time, thursday 10 ok", "same as last week, thurs at 10", "como la ultima vez, el jueves",
     "perdon por no ir la ultima semana, jueves a las 10"],
)
def test_last_naming_a_time_gone_by_is_not_the_last_option(reply: str) -> None:
    choice = resolve_choice(reply, OPTIONS)
    assert choice.chosen is not None and choice.chosen.slot_id == "thu-10"


@pytest.mark.parametrize(
    "reply", ["2 weeks from now would be better", "3 kids at home so i cant really do any of these mornings",
              "i have 2 jobs and cant come in during the week at all"])
def test_a_number_that_counts_something_in_a_long_reply_is_not_a_choice(reply: str) -> None:
    choice = resolve_choice(reply, OPTIONS)
    assert choice.chosen is None


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
    from bot.scheduling.turning_down import rejects_options

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
    choice = resolve_choice(text, OPTIONS, language="zh" if "最后" in text else "vi")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


def test_vietnamese_tuesday_is_not_read_as_thursday() -> None:
    """Folded, "thứ ba" (Tuesday) would be "thu ba", and "thu" alone is English for Thursday: a bare "thứ ba" is
    Tuesday (as the texts write it, "Th 3"), here one of two Tuesdays; "cái thứ ba" is the third one."""
    choice = resolve_choice("lấy thứ ba", OPTIONS, language="vi")
    assert choice.chosen is None and {o.slot_id for o in choice.candidates} == {"tue-9", "tue-230"}
    third = resolve_choice("lấy cái thứ ba", OPTIONS, language="vi").chosen
    assert third is not None and third.position == 3


# -- Chinese and Vietnamese ------------------------------------------------------------------------------------
# Tue Dec 8 9:00, Wed Dec 9 14:30, Fri Dec 11 16:00; the patient's today is Monday Dec 7
ZH_VI_OPTIONS = [
    OfferedOption(1, "tue-9", datetime(2026, 12, 8, 9, 0)),
    OfferedOption(2, "wed-1430", datetime(2026, 12, 9, 14, 30)),
    OfferedOption(3, "fri-16", datetime(2026, 12, 11, 16, 0)),
]
MONDAY_DEC_7 = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("reply", "slot"),
    [
        ("周三下午两点半可以", "wed-1430"), ("礼拜二早上", "tue-9"), ("星期五", "fri-16"),
        ("周五吧", "fri-16"), ("星期三那个", "wed-1430"), ("禮拜五下午", "fri-16"), ("週二", "tue-9"),
        ("明天", "tue-9"), ("明天上午9点", "tue-9"), ("第二个", "wed-1430"), ("第2个", "wed-1430"),
        ("头一个", "tue-9"), ("最后一个", "fri-16"), ("第三个吧", "fri-16"), ("二", "wed-1430"), ("三", "fri-16"),
        ("选二", "wed-1430"), ("要三", "fri-16"), ("二号", "wed-1430"), ("1号", "tue-9"),
        ("9点那个", "tue-9"), ("早上9点", "tue-9"), ("上午九点", "tue-9"), ("下午四点", "fri-16"),
        ("两点半", "wed-1430"), ("14:30的", "wed-1430"), ("下午2:30", "wed-1430"), ("四点", "fri-16"),
        ("周五下午4点吧", "fri-16"), ("后天", "wed-1430"), ("后天下午", "wed-1430"),
        ("我要星期二上午的", "tue-9"), ("2", "wed-1430"), ("我选第一个，谢谢", "tue-9"),
    ],
)
def test_a_chinese_reply_names_the_offered_time(reply: str, slot: str) -> None:
    choice = resolve_choice(reply, ZH_VI_OPTIONS, MONDAY_DEC_7, "zh")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(
    ("reply", "slot"),
    [
        ("Thứ Tư", "wed-1430"), ("thu tu", "wed-1430"), ("thứ sáu", "fri-16"),
        ("thu sau nhe", "fri-16"), ("thứ 4", "wed-1430"), ("thu 6", "fri-16"), ("t3", "tue-9"), ("T6 nha", "fri-16"),
        ("cái thứ nhất", "tue-9"), ("cai thu nhat", "tue-9"), ("số hai", "wed-1430"), ("số 2", "wed-1430"),
        ("so ba", "fri-16"), ("lựa chọn thứ hai", "wed-1430"), ("cái đầu tiên", "tue-9"), ("cai dau", "tue-9"),
        ("cái cuối cùng", "fri-16"), ("cai cuoi", "fri-16"), ("9 giờ sáng", "tue-9"), ("9h", "tue-9"),
        ("14h30", "wed-1430"), ("2h30 chiều", "wed-1430"), ("2 giờ rưỡi chiều", "wed-1430"), ("4 giờ chiều", "fri-16"),
        ("16h", "fri-16"), ("buổi sáng", "tue-9"), ("sáng thứ ba", "tue-9"), ("chiều thứ sáu", "fri-16"),
        ("thứ ba 9h", "tue-9"), ("thu ba buoi sang", "tue-9"),
        ("14h30 thu 4", "wed-1430"), ("tôi chọn thứ sáu", "fri-16"), ("em lấy cái thứ nhất ạ", "tue-9"),
        ("ngày mai", "tue-9"), ("ngày mốt", "wed-1430"), ("ngay kia 14h30", "wed-1430"),
        ("mai 9h", "tue-9"), ("hai", "wed-1430"), ("3", "fri-16"), ("chieu t4 nhe", "wed-1430"),
        ("Tôi 9h được không", "tue-9"), ("tue 9am", "tue-9"), ("2:30pm", "wed-1430"), ("wed", "wed-1430"),
        ("4 pm thu 6", "fri-16"), ("friday", "fri-16"),
    ],
)
def test_a_vietnamese_reply_names_the_offered_time(reply: str, slot: str) -> None:
    choice = resolve_choice(reply, ZH_VI_OPTIONS, MONDAY_DEC_7, "vi")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize("reply", ["thu ba", "thu tu", "cai thu hai", "thu 5"])
def test_vietnamese_thu_and_tu_are_never_read_as_english_thursday_or_tuesday(reply: str) -> None:
    thursday = [OfferedOption(1, "thu-10", datetime(2026, 12, 10, 10, 0)),
                OfferedOption(2, "tue-9", datetime(2026, 12, 8, 9, 0)),
                OfferedOption(3, "thu-15", datetime(2026, 12, 10, 15, 0))]
    chosen = resolve_choice(reply, thursday, MONDAY_DEC_7, "vi").chosen
    # a bare "thu ba" is the Tuesday (as the texts write it, "Th 3"); "cai thu hai", the second one
    expected = {"thu ba": "tue-9", "thu tu": None, "cai thu hai": "tue-9", "thu 5": None}[reply]
    assert (chosen.slot_id if chosen else None) == expected


@pytest.mark.parametrize(("reply", "language"), [("cái thứ hai", "vi"), ("cai thu hai", "vi"), ("cái thứ hai", "en"),
                                                ("cái thứ 2", None), ("số hai", "vi"), ("so 2", "vi")])
def test_cai_thu_hai_is_the_second_option_not_the_thursday_one(reply: str, language: str | None) -> None:
    """The bug that booked option 3: "thứ" folded to English "thu" (Thursday). Diacritics say Vietnamese whatever
    the patient's language on file; without them, the patient's language must be Vietnamese."""
    choice = resolve_choice(reply, OPTIONS, date(2026, 11, 23), language)  # Tue 9, Tue 2:30, Thu 10
    assert choice.chosen is not None and choice.chosen.slot_id == "tue-230"


@pytest.mark.parametrize(
    ("reply", "candidates"),
    [
        ("thứ hai", set()),  # a bare "thứ hai" is Monday: nothing offered on a Monday, so ask again
        ("lịch thứ ba", {"tue-9", "fri-16"}),  # the third visit, or the Tuesday one: ask again
        ("buổi chiều", {"wed-1430", "fri-16"}), ("下午", {"wed-1430", "fri-16"}), ("周一", set()),
        ("星期六上午", set()), ("我要一起去", set()), ("chủ nhật", set()), ("buổi tối", set()),
        ("晚上", set()), ("cn", set()), ("第五个", set()), ("thu bay", set()),
    ],
)
def test_a_zh_or_vi_reply_that_is_ambiguous_or_matches_nothing_is_not_guessed(reply: str,
                                                                               candidates: set[str]) -> None:
    choice = resolve_choice(reply, ZH_VI_OPTIONS, MONDAY_DEC_7, "vi" if reply.isascii() else None)
    assert choice.chosen is None
    assert {o.slot_id for o in choice.candidates} == candidates


def test_cai_thu_hai_books_when_the_second_option_is_the_monday_one() -> None:
    options = [OfferedOption(1, "fri-9", datetime(2026, 12, 11, 9, 0)),
               OfferedOption(2, "mon-9", datetime(2026, 12, 14, 9, 0))]
    choice = resolve_choice("cái thứ hai", options, MONDAY_DEC_7, "vi")
    assert choice.chosen is not None and choice.chosen.slot_id == "mon-9"


@pytest.mark.parametrize(
    ("reply", "language", "rejects"),
    [
        ("周二不行", "zh", True), ("星期三没空", "zh", True), ("不要第一个", "zh", True), ("周三可以", "zh", False),
        ("thứ ba không được", "vi", True), ("thu ba khong duoc", "vi", True), ("không phải cái đầu", "vi", True),
        ("thứ ba được không", "vi", False), ("cái thứ hai nhé", "vi", False), ("nó được", "vi", False),
        ("can't do tuesday", "vi", True), ("2 doesnt work", "vi", True), ("tuesday works", "vi", False),
    ],
)
def test_a_zh_or_vi_reply_that_turns_a_time_down(reply: str, language: str, rejects: bool) -> None:
    from bot.scheduling.turning_down import rejects_options

    assert rejects_options(reply, language) is rejects


@pytest.mark.parametrize(
    ("reply", "slot"),
    [("tue", "tue-9"), ("thu", None), ("thurs am", None), ("2", "wed-1430"), ("el miércoles", "wed-1430")],
)
def test_english_and_spanish_read_as_before_when_no_zh_vi_language(reply: str, slot: str | None) -> None:
    for language in (None, "en", "es"):
        chosen = resolve_choice(reply, ZH_VI_OPTIONS, MONDAY_DEC_7, language).chosen
        assert (chosen.slot_id if chosen else None) == slot


# three options on three days, as most offers are: Tue 9:00, Wed 14:30, Thu 16:00
DAYS = [
    OfferedOption(1, "tue-9", datetime(2026, 12, 8, 9, 0)),
    OfferedOption(2, "wed-1430", datetime(2026, 12, 9, 14, 30)),
    OfferedOption(3, "thu-16", datetime(2026, 12, 10, 16, 0)),
]


@pytest.mark.parametrize(
    ("reply", "slot"),
    [
        ("3 please. also is there parking there?", "thu-16"),
        ("number one, and can my wife come in with me", "tue-9"),
        ("la tres porfa, y cuanto tiempo dura la cita?", "thu-16"),
        ("hi sorry for not calling back, wed works", "wed-1430"),
        ("mornings are bad for me, the thursday one then", "thu-16"),
        ("no puedo en la mañana, el miércoles sí", "wed-1430"),
        ("not wednesday or thursday, the other one", "tue-9"), ("ni el martes ni el jueves, el otro", "wed-1430"),
        ("早上不行，周四可以", "thu-16"), ("周二周三都没空，另外那个可以", "thu-16"),
        ("sang ko dc, chieu thu 5 dc", "thu-16"),
        ("the 1430 one", "wed-1430"), ("4 00 pm", None), ("the middle one", "wed-1430"), ("el de en medio", "wed-1430"),
        ("中间的", "wed-1430"), ("cái ở giữa", "wed-1430"),
    ],
)
def test_a_choice_stated_beside_a_question_an_apology_or_a_time_turned_down(reply: str, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language="vi" if reply.startswith(("sang", "cái")) else None)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(
    ("reply", "slots"),
    [("wed or thu, whichever", {"wed-1430", "thu-16"}), ("martes o miércoles me da igual", {"tue-9", "wed-1430"}),
     ("周二周四都行", {"tue-9", "thu-16"}), ("thu 4 hay thu 5 deu duoc", {"wed-1430", "thu-16"})],
)
def test_days_named_together_are_alternatives_to_pick_from(reply: str, slots: set[str]) -> None:
    choice = stated_choice(reply, DAYS, language="vi" if reply.startswith("thu ") else None)
    assert choice.chosen is None and {o.slot_id for o in choice.candidates} == slots


@pytest.mark.parametrize(
    "reply",
    ["2 doesnt work for me", "none of those, sorry", "wednesday is no good, i work", "not tuesday",
     "the other one", "el jueves no, ni el martes", "i cant do thursday, can you do friday?"],
)
def test_a_reply_that_only_turns_times_down_states_no_choice(reply: str) -> None:
    assert stated_choice(reply, DAYS).chosen is None


@pytest.mark.parametrize("reply", ["9 is too early for me", "las 9 es muy temprano", "九点太早了", "9h som qua"])
def test_a_time_said_to_be_too_early_is_turned_down_not_chosen(reply: str) -> None:
    assert stated_choice(reply, DAYS, language="vi" if reply.endswith("qua") else None).chosen is None


def test_several_option_numbers_are_alternatives() -> None:
    assert {o.slot_id for o in resolve_choice("1 or 2 either is fine", DAYS).candidates} == {"tue-9", "wed-1430"}


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [
        ("1 no wait 2 sorry", None, "wed-1430"), ("the tuesday, actually thursday", None, "thu-16"),
        ("el 3, no mejor el 1", None, "tue-9"), ("选二，不对，选三", "zh", "thu-16"),
        ("soonest you have", None, "tue-9"), ("lo antes posible", None, "tue-9"), ("最早那个就行", "zh", "tue-9"),
        ("cái sớm nhất", "vi", "tue-9"), ("whatever is latest", None, "thu-16"),
        ("thrusday", None, "thu-16"), ("wendsday is good", None, "wed-1430"), ("el jueve", None, "thu-16"),
        ("the 10th", None, "thu-16"), ("el día 8 está bien", None, "tue-9"), ("ngày 10 nha", "vi", "thu-16"),
        ("lịch 2 giờ rưỡi chiều thứ tư", "vi", "wed-1430"), ("二 多谢", "zh", "wed-1430"), ("聽日唔得", "zh", None),
        ("禮拜四下午四點", "zh", "thu-16"),
    ],
)
def test_corrections_extremes_typos_and_days_of_the_month(reply: str, language: str | None, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [
        ("well tuesday im at work and wednesday my son has the car so i guess thursday then", None, "thu-16"),
        ("el martes no puedo y el miércoles trabajo, entonces el jueves", None, "thu-16"),
        ("上午那个可以，下午要上班", "zh", "tue-9"), ("周三行不行？", "zh", "wed-1430"),
        ("2號得唔得", "zh", "wed-1430"),
        ("thursday works so does wednesday", None, None),
    ],
)
def test_a_reply_thought_aloud_lands_where_it_ends(reply: str, language: str | None, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [
        ("could i do wednesday at 11 instead", None, None), ("el martes pero a las 3 de la tarde?", None, None),
        ("anything earlier than thursday?", None, None), ("algo antes del miércoles?", None, None),
        ("周四可以吗？早上比较好", "zh", None), ("有没有比周三晚一点的", "zh", None),
        ("i'm off at 1 so the 2:30 one", None, "wed-1430"), ("la de las 9 xq a las 12 entro a trabajar", None, "tue-9"),
        ("el miércoles a las dos y media", None, "wed-1430"), ("las 4 y 00 del jueves", None, "thu-16"),
        ("i am ok with the thursday", None, "thu-16"), ("the 9 o'clock", None, "tue-9"), ("el 2 o el 3", None, None),
        ("12月10日", "zh", "thu-16"),
    ],
)
def test_what_is_asked_for_beside_a_day_reasons_and_clock_words(reply: str, language: str | None,
                                                                 slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(
    ("reply", "language"),
    [("tuesday ok? 9 is a little early, anything a bit later", None), ("el martes sí pero algo más tarde", None),
     ("周二可以，不过有没有晚一点的", "zh"), ("thứ ba được nhưng muộn hơn chút", "vi")],
)
def test_asking_for_earlier_or_later_chooses_none_of_the_times(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


def test_a_choice_with_a_see_you_later_is_still_a_choice() -> None:
    assert stated_choice("2 see you later", DAYS).chosen is not None


@pytest.mark.parametrize(
    ("reply", "slot"),
    [("the 2:30 pls, i have to work mornings", "wed-1430"), ("thursday, tengo que trabajar en la mañana", "thu-16"),
     ("soonest one? anything before wednesday", None), ("the wednesday instead of the tuesday", "wed-1430")],
)
def test_busy_times_and_comparisons_beside_a_choice(reply: str, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [("i'll do 3 if there's parking nearby, not street parking", None, "thu-16"),
     ("la tercera, salgo de trabajar a las 3 y llego bien", None, "thu-16"),
     ("周二周三都要上班 周四那个可以", "zh", "thu-16"), ("9点太早 下午的话周三好", "zh", "wed-1430")],
)
def test_conditions_and_spaced_chinese_clauses(reply: str, language: str | None, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [("back in 2 weeks, text me then", None, None), ("i have 3 kids at home", None, None),
     ("em về VN tới tháng 3 mới qua", "vi", None), ("en 2 semanas mejor", None, None),
     ("3 no perdón, la 2", None, "wed-1430"), ("hmm idk, tuesday? or wed.. ok wed", None, "wed-1430"),
     ("the wednesday at 2 30, my shift starts at 6", None, "wed-1430"),
     ("i'm asleep mornings, the 4pm", None, "thu-16"), ("una en la tarde", None, None),
     ("one. see you then", None, "tue-9"), ("我三点才下班，四点那个可以", "zh", "thu-16"),
     ("十号下午四点", "zh", "thu-16"), ("九点那个，我会早点到", "zh", "tue-9"),
     ("sáng được, chiều em đi làm", "vi", "tue-9"),
    ],
)
def test_counts_months_corrections_hesitation_shifts_and_reasons(reply: str, language: str | None,
                                                                  slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "language"),
                         [("đợi 1 tiếng không ai gọi", "vi"), ("i waited 2 hours last time", None)])
def test_a_wait_counted_in_hours_is_no_option(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


def test_bring_typed_without_diacritics_is_not_night() -> None:
    assert stated_choice("số 3. có cần dem theo giấy tờ gì ko?", DAYS, language="vi").chosen is not None


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [("the 2:30, i have to pick up my son at 1 first", None, "wed-1430"),
     ("I'll go with three, thanks a lot", None, "thu-16"), ("wednesday, I'm at work till 1", None, "wed-1430"),
     ("mañanas mejor, en las tardes trabajo", None, "tue-9"), ("the morning, afternoons i work", None, "tue-9"),
     ("el jueves, vengo después del trabajo", None, "thu-16"),
     ("拜三下晝得閒", "zh", "wed-1430"), ("上午那个，下午要送孙子", "zh", "tue-9"),
     ("chị đi đám cưới thứ bảy, thứ tư được", "vi", "wed-1430"), ("tiệc cưới xong rồi, thứ năm nha", "vi", "thu-16"),
     ("cái cuối cùng", "vi", "thu-16")],
)
def test_busy_times_cantonese_days_and_weddings(reply: str, language: str | None, slot: str) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "language"), [
    ("tuesday works but a bit later?", None), ("el miércoles sí pero más temprano", None),
    ("tháng sau có lịch nào không", "vi"),
])
def test_a_day_but_later_or_next_month_chooses_none(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


@pytest.mark.parametrize(
    ("reply", "language", "slot"),
    [("mornings are tough for me, wed 2:30 is good", None, "wed-1430"),
     ("Good afternoon, Tuesday at 9 please", None, "tue-9"), ("buenas tardes, el martes a las 9", None, "tue-9"),
     ("thursday 4pm, my kids get out of school at 3", None, "thu-16"),
     ("el miércoles, el bus me deja a la 1", None, "wed-1430"),
     ("thứ năm lúc bốn giờ chiều", "vi", "thu-16"), ("thứ tư hai giờ rưỡi chiều", "vi", "wed-1430"),
     ("cái thứ nhì nha", "vi", "wed-1430"), ("lấy cái chót", "vi", "thu-16")],
)
def test_hard_mornings_greetings_school_runs_and_spoken_vietnamese(reply: str, language: str | None,
                                                                    slot: str) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "language"), [
    ("none of them, something early like 7?", None), ("ninguna me sirve, ¿algo en la mañana temprano?", None),
    ("cuối tháng tui mới về", "vi"), ("cuối tuần được không", "vi"),
])
def test_none_of_them_or_the_end_of_a_month_books_nothing(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


@pytest.mark.parametrize(("reply", "slot"), [("thu ba ban roi, thu tu nha", "wed-1430"),
                                             ("chọn cái cuối trong 3 giờ đó", "thu-16")])
def test_busy_typed_without_diacritics_and_among_three(reply: str, slot: str) -> None:
    choice = stated_choice(reply, DAYS, language="vi")
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "slot"), [
    ("wednesday and thursday I'm watching my grandkids, tuesday ok", "tue-9"),
    ("martes y miércoles trabajo, el jueves sí", "thu-16"),
    ("tuesday doesn't work, what other days do you have?", None), ("¿qué otras fechas tienen?", None),
])
def test_days_joined_share_what_follows_and_other_days_book_nothing(reply: str, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "language", "slot"), [
    ("di san ge ba", "zh", "thu-16"), ("最尾嗰個", "zh", "thu-16"),
    ("give me other options, tuesday I'm busy", None, None),
])
def test_pinyin_cantonese_last_and_other_options(reply: str, language: str | None, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "language", "slot"), [
    ("let me ask my boss first", None, None), ("I have to see my calendar first, then I'll text you", None, None),
    ("hold on a second", None, None), ("first one is good", None, "tue-9"), ("I'll take the first", None, "tue-9"),
    ("tengo que preguntarle a mi esposo primero", None, None), ("el primero", None, "tue-9"),
    ("礼拜三两点半我下班了就过去", "zh", "wed-1430"), ("buổi sáng nha, chiều tui phải đón con", "vi", "tue-9"),
])
def test_first_in_passing_and_reasons_in_passing(reply: str, language: str | None, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize("reply", ["later in the day works better", "más tarde en el día"])
def test_later_in_the_day_is_the_afternoon(reply: str) -> None:
    choice = stated_choice(reply, DAYS)
    assert {o.slot_id for o in choice.candidates} == {"wed-1430", "thu-16"}


@pytest.mark.parametrize(("reply", "slot"), [("Wednesday那个OK", "wed-1430"), ("thursday下午可以", "thu-16"),
                                             ("我要tue那个", "tue-9")])
def test_english_words_inside_chinese(reply: str, slot: str) -> None:
    choice = stated_choice(reply, DAYS, language="zh")
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


@pytest.mark.parametrize(("reply", "language", "slot"), [
    ("I had it done last fall, it should be in my chart", None, None), ("lo hice el verano pasado, el último", None,
                                                                       "thu-16"),
    ("选项一，谢谢", "zh", "tue-9"), ("选项3", "zh", "thu-16"),
])
def test_a_season_gone_by_and_chinese_option_words(reply: str, language: str | None, slot: str | None) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert (choice.chosen.slot_id if choice.chosen else None) == slot


ONE_MORNING = [
    OfferedOption(1, "tue-9", datetime(2026, 12, 8, 9, 0)),
    OfferedOption(2, "wed-230", datetime(2026, 12, 9, 14, 30)),
    OfferedOption(3, "thu-4", datetime(2026, 12, 10, 16, 0)),
]


@pytest.mark.parametrize(("reply", "language"), [
    ("only mornings work, afternoons I drop my son off at practice", "en"),
    ("I have class in the afternoon so morning please", "en"),
    ("en la mañana mejor, en la tarde recojo a los niños", "es"),
    ("早上比较好，下午得去接小孩", "zh"),
    ("sáng thì được, chiều phải đưa đón con", "vi"),
])
def test_a_part_of_day_kept_busy_by_someone_elses_day_is_turned_down(reply: str, language: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.slot_id == "tue-9"


@pytest.mark.parametrize(("reply", "slot"), [
    ("my shift ends at 1 so it has to be the wednesday", "wed-230"), ("it would have to be thursday", "thu-4"),
])
def test_has_to_be_names_the_time_it_must_be(reply: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "en")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(("reply", "slot"), [
    ("xingqi er zaoshang", "tue-9"), ("zhou san xia wu ba", "wed-230"), ("li bai si", "thu-4"), ("di san ge", "thu-4"),
])
def test_weekdays_and_parts_of_day_typed_in_pinyin(reply: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "zh")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize("reply", ["any time nearer noon?", "algo al mediodía?", "something around lunch"])
def test_around_noon_is_a_time_none_of_these_is(reply: str) -> None:
    reading = resolve_choice(reply, ONE_MORNING)
    assert reading.constrained and not reading.candidates


@pytest.mark.parametrize(("reply", "slot"), [("第二个时间", "wed-230"), ("第二個時間啦", "wed-230")])
def test_the_second_time_in_mandarin_is_the_second_option(reply: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "zh")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize("reply", ["冇一個得閒，有冇第二啲時間", "一个都不行", "没有一个合适"])
def test_not_one_of_them_in_chinese_never_books(reply: str) -> None:
    assert stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "zh").chosen is None


@pytest.mark.parametrize(("reply", "slot"), [
    ("the frist one pls", "tue-9"), ("secnd", "wed-230"), ("thrid one", "thu-4"),
])
def test_ordinals_as_thumbs_type_them(reply: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "en")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(("reply", "slot"), [
    ("t2 t3 t4 tui bận, t5 được", "thu-4"), ("thứ 5 4 giờ chiều", "thu-4"), ("option hai nha", "wed-230"),
])
def test_vietnamese_days_named_together_and_option_with_a_vietnamese_number(reply: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "vi")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(("reply", "language"), [
    ("thứ 3, 4, 5 em đều ko rảnh", "vi"), ("cả ba cái đều không được", "vi"), ("none of them work for me", "en"),
])
def test_every_time_turned_down_together_never_books(reply: str, language: str) -> None:
    assert stated_choice(reply, ONE_MORNING, date(2026, 12, 5), language).chosen is None


@pytest.mark.parametrize(("reply", "language", "slot"), [
    ("prefiero el jueves que el martes o miércoles", "es", "thu-4"), ("wed is better than tue or thu", "en", "wed-230"),
    ("uno nomás", "es", "tue-9"), ("星期三下午两点伴", "zh", "wed-230"),
    ("thursday is best, tuesday and wednesday I'm at my sister's", "en", "thu-4"),
])
def test_a_day_preferred_over_others_and_a_few_more_ways_to_choose(reply: str, language: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(("reply", "language", "slot"), [
    ("sceond one", "en", "wed-230"), ("早上好点，下午要去打工", "zh", "tue-9"),
    ("sáng được, chiều tui phải ở tiệm", "vi", "tue-9"),
])
def test_swapped_letters_and_work_that_fills_the_afternoon(reply: str, language: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(("reply", "language"), [
    ("I'm in the middle of a move right now", "en"), ("早点做完早点安心", "zh"),
])
def test_the_middle_of_something_and_sooner_done_are_no_choice(reply: str, language: str) -> None:
    assert stated_choice(reply, ONE_MORNING, date(2026, 12, 5), language).chosen is None


@pytest.mark.parametrize(("reply", "language", "slot"), [
    ("monday would've been fine but that's gone, wednesday then", "en", "wed-230"),
    ("最后那个吧，其他时间都没空", "zh", "thu-4"), ("周思下午", "zh", "thu-4"), ("揀第二個", "zh", "wed-230"),
])
def test_a_time_that_would_have_done_and_the_rest_said_busy(reply: str, language: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.slot_id == slot


@pytest.mark.parametrize(("reply", "slot"), [
    ("星期四四点，那天可以早点收工", "thu-4"), ("朝早嗰個，下晝要湊孫", "tue-9"),
])
def test_leaving_work_early_and_minding_grandchildren_in_chinese(reply: str, slot: str) -> None:
    choice = stated_choice(reply, ONE_MORNING, date(2026, 12, 5), "zh")
    assert choice.chosen is not None and choice.chosen.slot_id == slot


def test_the_last_one_and_work_at_the_other_times() -> None:
    choice = stated_choice("最后一个吧，其他时间都要上班", ONE_MORNING, date(2026, 12, 5), "zh")
    assert choice.chosen is not None and choice.chosen.slot_id == "thu-4"


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("第二个不行，option one 吧", "zh", 1), ("number three đi", "vi", 3), ("給我 Option Two", "zh", 2),
])
def test_an_option_named_in_english_words_inside_chinese_or_vietnamese(reply: str, language: str,
                                                                       position: int) -> None:
    choice = stated_choice(reply, OPTIONS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("Dec 9th works", None, 2), ("el 8 de diciembre porfa", "es", 1), ("the 10th of December", None, 3),
])
def test_a_date_with_its_month(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["tuesdays I work. mornings are better", "el martes trabajo. en la mañana mejor"])
def test_a_part_of_the_day_does_not_take_back_a_day_turned_down(reply: str) -> None:
    language = "es" if "martes" in reply else None
    assert stated_choice(reply, DAYS, language=language).chosen is None


def test_a_part_of_the_day_then_fits_only_the_days_left() -> None:
    choice = stated_choice("wednesdays I work. afternoons are better", DAYS)
    assert choice.chosen is not None and choice.chosen.position == 3


def test_the_day_named_again_does_take_it_back() -> None:
    choice = stated_choice("not sure about wednesday, but ok, wednesday it is", DAYS)
    assert choice.chosen is not None and choice.chosen.position == 2


@pytest.mark.parametrize(("reply", "language"), [
    ("el jueves pero más tardecito", "es"), ("those times don't work for me", None),
    ("esas fechas no me sirven", "es"),
])
def test_a_little_later_or_those_times_turned_down_choose_none(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


@pytest.mark.parametrize(("reply", "position"), [("Wed 2:30pm那个可以", 2), ("thu下午4点", 3), ("大后天上午", 1)])
def test_english_days_and_clock_inside_chinese(reply: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, today=date(2026, 12, 5), language="zh")
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("10/12 nha", "vi", 3), ("el 9/12 porfa", "es", 2), ("12/8 works", None, 1), ("Option tree", None, 3),
    ("el de las 4 me viene bien", "es", 3), ("thứ 3 được, 9h đi làm về rồi", "vi", 1),
])
def test_dates_either_way_round_and_words_that_are_no_days(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language"), [("mấy bữa đó tui bận, có bữa nào khác ko", "vi"),
                                                 ("tuesdays I have dialysis. mornings are better", None)])
def test_other_days_asked_for_choose_none(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("opsion dos", "es", 2), ("option too please", None, 2), ("lấy cái thuws 4 nha", "vi", 2),
    ("cho tui soos ba", "vi", 3),
])
def test_option_words_and_telex_typed_in_a_hurry(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["wednesday's good, just not 2:30", "Thursday works but not 4, I pick up my son"])
def test_the_only_time_of_a_day_turned_down_by_its_hour(reply: str) -> None:
    assert stated_choice(reply, DAYS).chosen is None


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("wednesday after lunch", None, 2), ("el miércoles después del almuerzo", "es", 2),
    ("thursday late afternoon", None, 3), ("礼拜四傍晚", "zh", 3), ("星期三吃完午饭以后", "zh", 2),
    ("mùng 9 nha", "vi", 2),
])
def test_after_lunch_late_afternoon_and_a_vietnamese_day_of_the_month(reply: str, language: str | None,
                                                                     position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["on shift tue and wed, what about the week after?", "im on call tuesday"])
def test_on_shift_or_the_week_after(reply: str) -> None:
    assert stated_choice(reply, DAYS).chosen is None


@pytest.mark.parametrize("reply", ["wed or thu, either one is fine", "martes o miércoles, cualquiera"])
def test_either_of_two_days_asks_between_them(reply: str) -> None:
    choice = stated_choice(reply, DAYS, language="es" if "martes" in reply else None)
    assert choice.chosen is None and len(choice.candidates) == 2


@pytest.mark.parametrize(("reply", "language", "position"), [("wednesday afternon", None, 2),
                                                             ("礼拜三下午两点办", "zh", 2)])
def test_a_dropped_g_and_a_voice_slip(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language", "left"), [
    ("any day except wednesday", None, [1, 3]), ("todos menos el jueves", "es", [1, 2]),
])
def test_any_day_but_one_asks_between_the_rest(reply: str, language: str | None, left: list[int]) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is None and [o.position for o in choice.candidates] == left


@pytest.mark.parametrize(("reply", "position"), [("thursday after 3:30, I get off at 3", 3), ("tuesday before 10", 1)])
def test_a_bound_on_the_time_of_one_day(reply: str, position: int) -> None:
    choice = stated_choice(reply, DAYS)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language", "position"), [("la tersera", "es", 3), ("地二个", "zh", 2)])
def test_ordinals_misspelled_or_misheard(reply: str, language: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("Tuesday. Actually no, make it Thursday", None, 3), ("la 2da porfa", "es", 2), ("第以个", "zh", 1),
])
def test_a_capitalised_correction_and_short_spanish_ordinals(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language"), [("wednesday but not that early", None),
                                                 ("el martes pero no tan temprano", "es"),
                                                 ("11月底我都不在，2月初回来再说", "zh")])
def test_not_so_early_or_a_month_away_chooses_none(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


@pytest.mark.parametrize(("reply", "language"), [("tuesday and wednesday I can't", None),
                                                 ("el martes y el jueves no puedo", "es"),
                                                 ("周二可以，但要下午", "zh"),
                                                 ("thursday works but it has to be a morning", None)])
def test_two_days_turned_down_together_or_a_day_at_a_part_not_offered_chooses_none(reply: str,
                                                                                   language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


def test_a_part_of_the_day_picks_among_the_days_named() -> None:
    choice = stated_choice("wednesday or thursday, afternoon is better. wed is easier", DAYS)
    assert choice.chosen is None or choice.chosen.position == 2
    assert stated_choice("tuesday or wednesday, mornings are better", DAYS).chosen.position == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("the tuesday one, afternoons are hectic at work", None, 1),
    ("I'll do number 3, mornings are always crazy here", None, 3),
    ("sáng thứ ba 9h được, chiều em phải vô tiệm", "vi", 1),
])
def test_a_part_of_the_day_said_to_be_hectic_is_turned_down(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


def test_days_that_work_but_not_at_those_times_choose_none() -> None:
    assert stated_choice("wed or thu is fine just not at those times", DAYS).chosen is None
    assert stated_choice("el miércoles sí pero no a esas horas", DAYS, language="es").chosen is None


@pytest.mark.parametrize("reply", ["thứ ba", "chọn thứ 3 nha", "em lấy thứ ba nhé", "thu 3 dc", "con thứ ba nha"])
def test_a_bare_thu_ba_is_tuesday(reply: str) -> None:
    """The texts write Tuesday as "Th 3", and a numbered option is "cái thứ ba" or "số 3"."""
    choice = stated_choice(reply, DAYS, language="vi")
    assert choice.chosen is not None and choice.chosen.position == 1


@pytest.mark.parametrize(("reply", "position"), [("cái thứ ba", 3), ("lấy cái thứ 3 nha", 3), ("số 3", 3),
                                                 ("cái thứ hai", 2), ("cái thứ 4 nhé", 2)])  # no fourth: Wednesday
def test_cai_thu_n_is_the_numbered_option_when_there_is_one(reply: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, language="vi")
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "position"), [("sáng thứ ba", 1), ("thứ ba 9 giờ", 1), ("cái thứ ba", 3)])
def test_thu_ba_with_a_time_is_tuesday(reply: str, position: int | None) -> None:
    choice = stated_choice(reply, DAYS, language="vi")
    assert (choice.chosen.position if choice.chosen else None) == position


def test_a_weekday_and_a_date_that_disagree_ask_between_the_two() -> None:
    choice = stated_choice("周四9号那个", DAYS, language="zh")  # Thursday is the 10th, the 9th a Wednesday
    assert choice.chosen is None and {o.position for o in choice.candidates} == {2, 3}


@pytest.mark.parametrize(("reply", "position"), [("第二个，路上车少一点", 2), ("星期四吧，那边近一点", 3)])
def test_a_bit_in_chinese_is_no_one_oclock(reply: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, language="zh")
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["anything more early? like 8", "a more later time would be better",
                                   "cant do these days, maybe the week after", "no these dates sorry"])
def test_more_early_and_not_these_days_choose_none(reply: str) -> None:
    assert stated_choice(reply, DAYS).chosen is None


def test_other_days_turned_down_beside_a_vietnamese_choice() -> None:
    choice = stated_choice("thứ năm 4h chiều nha, mấy ngày khác ko đi được", DAYS, language="vi")
    assert choice.chosen is not None and choice.chosen.position == 3


@pytest.mark.parametrize("reply", ["I work first shift so afternoons only",
                                   "on the third floor, no elevator, is that ok",
                                   "trabajo el segundo turno"])
def test_a_shift_or_a_floor_is_no_option_number(reply: str) -> None:
    choice = stated_choice(reply, DAYS, language="es" if "trabajo" in reply else None)
    assert choice.chosen is None or choice.chosen.local_start.hour >= 12


def test_a_chore_done_by_an_hour_is_no_time_asked_for() -> None:
    choice = stated_choice("the 9th works, chores are done by 10 so 2:30 is fine", DAYS)
    assert choice.chosen is not None and choice.chosen.position == 2


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("3rd 1 pls", None, 3), ("thursday or tuesday, you pick", None, 1),
    ("el martes o el jueves, usted decida", "es", 1),
    ("周二周三都行，你们安排吧", "zh", 1), ("t4 t5 đều được, cái nào sớm nhất thì lấy", "vi", 2),
    ("wed or thu, whichever is sooner", None, 2), ("第三个 哦不是 第二个", "zh", 2),
    ("thứ hai... à không thứ tư", "vi", 2), ("thứ năm, thứ ba em làm ca", "vi", 3),
])
def test_ordinal_ones_a_choice_left_to_us_and_corrections(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language"), [("i'm away until the 10th", None), ("ocupada hasta el día 9", "es"),
                                                 ("我出差到9号", "zh")])
def test_a_day_the_patient_is_busy_until_is_no_choice(reply: str, language: str | None) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("yes ma'am, thursday please", None, 3),
    ("los lunes tengo mi tratamiento, el martes sí", "es", 1),
    ("trabajo de noche casi toda la semana, me toca el miércoles", "es", 2),
])
def test_maam_is_no_morning_and_treatment_days_are_busy(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


def test_a_day_when_it_is_my_turn_to_work_is_busy() -> None:
    assert stated_choice("el jueves me toca trabajar, el martes", DAYS, language="es").chosen.position == 1  # type: ignore[union-attr]


def test_two_whole_times_joined_by_hay_are_both_candidates() -> None:
    choice = stated_choice("chiều t4 hay sáng t3 cũng được", DAYS, language="vi")
    assert choice.chosen is None and {o.position for o in choice.candidates} == {1, 2}


@pytest.mark.parametrize("reply", ["我已经转去第二间诊所了", "换了第二家医院，不用约了", "想看第二个医生"])
def test_a_second_clinic_or_doctor_in_chinese_is_no_option(reply: str) -> None:
    assert stated_choice(reply, DAYS, language="zh").chosen is None


def test_elsewhere_in_cantonese_and_stuck_in_vietnamese_choose_nothing_turned_down() -> None:
    assert stated_choice("我喺第二度睇緊", DAYS, language="zh").chosen is None
    assert stated_choice("sáng thì tiện, mà sáng thứ ba tui kẹt rồi", DAYS, language="vi").chosen is None


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("i'll go with the two one", None, 2),
    ("one 好的", "zh", 1),
    ("ba nha 👍", "vi", 3),
    ("dos sale", "es", 2),
    ("the 10 of december is good", None, 3),
    ("8 diciembre porfa", "es", 1),
    ("星期二上午9点 3q", "zh", 1),
    ("12/9那天下午可以", "zh", 2),
    ("ngày 10 tháng 12 được", "vi", 3),
])
def test_numbers_and_dates_said_other_ways(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("el jueves temprano no, en la tarde sí", "es", 3),  # the part of the day goes with the day before it
    ("sáng thứ năm con đi học, buổi chiều thì được", "vi", 3),
    ("sáng thứ 4 em có lab nhưng 2:30 thì ok", "vi", 2),
    ("chị làm nail tới 6h chiều, chỉ rảnh sáng thứ ba", "vi", 1),
    ("el martes en la mañanita k en la tarde tengo q cuidar a mi nieto", "es", 1),
    ("a las 4 está bien, no hay pedo", "es", 3),
])
def test_a_busy_time_beside_the_offered_one_chosen(reply: str, language: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language"), [
    ("¿hay algo más temprano? a las 9 entro a trabajar", "es"),
    ("you have anything earlier? 9 is when my shift starts", "en"),
    ("那几个时间都没空，我要上班", "zh"),
])
def test_asking_earlier_or_turning_these_down_books_nothing(reply: str, language: str) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None
    assert asks_for_other_times(reply, language) or asks_earlier_or_later(reply, language)


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("me sirve el de dos y media", "es", 2),
    ("el 10 en la tarde", "es", 3),
    ("el 8 temprano porfa", "es", 1),
    ("chiều thứ năm nha, sáng chị phải mở cửa hàng", "vi", 3),
])
def test_spoken_half_hours_a_date_said_with_el_and_opening_the_shop(reply: str, language: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


def test_a_day_early_that_no_option_has_is_not_the_other_day() -> None:
    assert stated_choice("el jueves temprano no puedo, el martes en la tarde sí", DAYS, language="es").chosen is None


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("số 1.. à ko lộn, số 3 mới đúng", "vi", 3),
    ("wed the 9th is fine, we're back from Tucson the 8th", None, 2),
    ("q sea el jueves xq el martes tengo junta", "es", 3),
])
def test_a_slip_corrected_and_a_day_back_from_a_trip(reply: str, language: str | None, position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize(("reply", "language"), [("algo bien temprano? esas no me sirven", "es"),
                                                 ("anything real early? those don't work", "en")])
def test_those_turned_down_and_something_early_asked_for(reply: str, language: str) -> None:
    assert stated_choice(reply, DAYS, language=language).chosen is None
    assert asks_for_other_times(reply, language) or asks_earlier_or_later(reply, language)


def test_a_reason_after_vi_is_no_choice() -> None:
    choice = stated_choice("lấy thứ tư 2 giờ rưỡi vì buổi sáng con phải đi làm", DAYS, language="vi")
    assert choice.chosen is not None and choice.chosen.position == 2


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("I'll take the wednesday 2:30 one, I have to drop my daughter at practice first", None, 2),
    ("option to please", None, 2),
    ("头那个啦", "zh", 1),
])
def test_a_choice_said_outright_beside_being_busy_and_two_typed_to(reply: str, language: str | None,
                                                                     position: int) -> None:
    choice = stated_choice(reply, DAYS, language=language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["wednesday I have to work", "to be honest none of them"])
def test_being_busy_on_a_day_or_to_is_no_choice(reply: str) -> None:
    assert stated_choice(reply, DAYS).chosen is None


@pytest.mark.parametrize(("reply", "position"), [("numba three", 3), ("the secon one pls", 2), ("wednesday am?", None)])
def test_numbers_and_ordinals_spelled_as_said(reply: str, position: int | None) -> None:
    chosen = stated_choice(reply, DAYS).chosen
    assert (chosen.position if chosen else None) == position


@pytest.mark.parametrize("reply", ["will it be covered or am i paying", "so am i booked or not"])
def test_am_the_verb_is_no_morning(reply: str) -> None:
    assert stated_choice(reply, DAYS).chosen is None


def test_a_clock_time_typed_against_chinese_and_a_day_not_working() -> None:
    assert stated_choice("周四4pm吧", DAYS, language="zh").chosen.position == 3  # type: ignore[union-attr]
    assert stated_choice("wednesday is the day I'm not working", DAYS).chosen.position == 2  # type: ignore[union-attr]


def test_english_class_all_those_days_asks_for_another() -> None:
    reply = "all these days I have math class. another day is possible?"
    assert stated_choice(reply, DAYS).chosen is None and asks_for_other_times(reply)


def test_going_early_to_be_done_early_is_the_morning_chosen() -> None:
    assert stated_choice("礼拜二上午，早点去早点结束", DAYS, language="zh").chosen.position == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "position", "language"), [
    ("la do por favor", 2, "es"), ("me quedo con la tre", 3, "es"), ("the 9th", 2, "en"), ("9th", 2, "en"),
    ("I take the one first please", 1, "en"), ("thursday after noon", 3, "en"),
    ("any in the morning, afternoons I laburo", 1, "es"), ("thursday. monday to wednesday i got work", 3, "en"),
    ("mi hijo me lleva, el martes a las 9", 1, "es"), ("mi mamá no lee, el miércoles a las 2:30 está bien", 2, "es"),
])
def test_choices_said_in_more_ways(reply: str, position: int, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen.position == position  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "language"), [("I did that last month", "zh"), ("我 last year 做过了", "zh"),
                                                 ("the 2nd", "en"), ("4th", "en")])
def test_last_month_and_a_day_no_option_is_on_choose_nothing(reply: str, language: str) -> None:
    choice = stated_choice(reply, DAYS, date(2026, 12, 5), language)
    assert choice.chosen is None or (choice.chosen.position == 2 and reply == "the 2nd")


@pytest.mark.parametrize(("reply", "language"), [("nope, diff times pls", "en"), ("quan dou bu xing", "zh"),
                                                 ("mấy giờ đó ko hợp với em", "vi")])
def test_those_times_not_fitting_asks_for_others(reply: str, language: str) -> None:
    assert asks_for_other_times(reply, language)


def test_going_to_work_early_is_no_request_for_earlier() -> None:
    assert stated_choice("礼拜二吧 早点看完好早点上班", DAYS, language="zh").chosen.position == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "position", "language"), [
    ("la primerita", 1, "es"), ("the final one", 3, "en"), ("el ultimito", 3, "es"),
    ("morning please, I want to beat the afternoon traffic", 1, "en"),
    ("thursday suits me. I have physical therapy tuesday and I'm taking my wife to the dentist wednesday", 3, "en"),
    ("上午那个，下午要看店", 1, "zh"), ("chiều t5 được, sáng tui bán ngoài chợ", 3, "vi"),
    ("cái trên cùng nha", 1, "vi"), ("我净系星期二得闲 其他日子唔得", 1, "zh"),
])
def test_more_choices_said_in_more_ways(reply: str, position: int, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen.position == position  # type: ignore[union-attr]


def test_a_number_to_do_something_is_no_option() -> None:
    assert stated_choice("please call my number to set it up", DAYS, date(2026, 12, 5), "en").chosen is None


@pytest.mark.parametrize(("reply", "language"), [("ba cái giờ đó khôn được", "vi"),
                                                 ("không đi được mấy ngày đó", "vi"),
                                                 ("can we look at dates after new year", "en")])
def test_those_times_turned_down_in_more_ways(reply: str, language: str) -> None:
    assert asks_for_other_times(reply, language)


@pytest.mark.parametrize(("reply", "position", "language"), [
    ("the 10th, I work from home on Thursdays", 3, "en"), ("option two, typing with one hand", 2, "en"),
    ("number won", 1, "en"), ("secund", 2, "en"), ("nombor tiga ya", 3, "zh"),
    ("por la mañana nomás, en la tarde voy al trabajo", 1, "es"), ("下昼两点半，我朝早起唔身", 2, "zh"),
    ("dạ ba", 3, "vi"), ("con đi được 16:00 ngày thứ năm", 3, "vi"), ("sáng thứ ba, chiều con đi lễ", 1, "vi"),
])
def test_choices_as_more_people_write_them(reply: str, position: int, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen.position == position  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "language"), [("too expensive, skip it", "en"),
                                                 ("quitadme, es el tercer mensaje", "es"),
                                                 ("tuần này con ở lại chùa tới thứ năm", "vi"),
                                                 ("呢三日都唔得闲，有冇第二日", "zh")])
def test_words_that_look_like_an_option_choose_nothing(reply: str, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen is None


@pytest.mark.parametrize(("reply", "language"), [("no puedo esos dias", "es"), ("dạ xin giờ khác ạ", "vi")])
def test_those_days_turned_down_and_another_time_asked(reply: str, language: str) -> None:
    assert asks_for_other_times(reply, language)


@pytest.mark.parametrize(("reply", "language"), [("9th is my mom's surgery so I can't that day", "en"),
                                                 ("is that final? I might need to change it", "en")])
def test_a_date_said_as_busy_and_final_asked_about_choose_nothing(reply: str, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen is None


@pytest.mark.parametrize(("reply", "position", "language"), [("al final creo que el martes", 1, "es"),
                                                             ("Bạn cho em thứ ba 9h nhé", 1, "vi"),
                                                             ("mấy giờ đó giờ nào cũng được, không sao, thứ tư nhé", 2,
                                                              "vi")])
def test_al_final_ban_and_any_of_those_still_choose(reply: str, position: int, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen.position == position  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "position", "language"), [("星期斯下午", 3, "zh"), ("uno porfavor", 1, "es")])
def test_a_homophone_of_four_and_porfavor(reply: str, position: int, language: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen.position == position  # type: ignore[union-attr]


@pytest.mark.parametrize("reply", ["有冇早過九點", "换过第啲日子得唔得"])
def test_earlier_than_nine_and_another_day_in_cantonese_choose_nothing(reply: str) -> None:
    assert stated_choice(reply, DAYS, date(2026, 12, 5), "zh").chosen is None


def test_a_choice_then_a_busy_part_of_the_day_after_a_courtesy() -> None:
    assert stated_choice("morning one please i work evenings", DAYS, date(2026, 12, 5), "en").chosen.position == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("I pick the two, thanks", "en", 2), ("the three please", "en", 3), ("最上面那个就行", "zh", 1),
    ("最底下的吧", "zh", 3), ("wed afternoon 不行 tue 9am ok", "zh", 1), ("Dec 10 dc nha", "vi", 3),
    ("dec 8 ok 谢谢", "zh", 1),
])
def test_a_number_after_the_the_top_or_bottom_one_and_a_date_in_english_choose(reply: str, language: str,
                                                                               position: int) -> None:
    choice = stated_choice(reply, DAYS, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["the two of us can only do mornings",
                                   "I take the three boys to school on tuesdays"])
def test_a_number_counting_people_after_the_is_no_option(reply: str) -> None:
    choice = stated_choice(reply, DAYS, date(2026, 12, 5), "en")
    assert not (choice.chosen is not None and choice.chosen.position in (2, 3))


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("thursday at 4 works I get off at 2", "en", 3), ("con của bà Lan, mẹ con đi được t4 2h30", "vi", 2),
    ("tui tan ca 3 giờ, thứ năm 4 giờ được", "vi", 3), ("thứ ba đi chùa sáng sớm xong con tới 9 giờ được", "vi", 1),
    ("cấy thứ ba đó", "vi", 3),
])
def test_a_time_someone_is_busy_until_a_lady_and_a_central_cai_are_read_right(reply: str, language: str,
                                                                              position: int) -> None:
    choice = stated_choice(reply, DAYS, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.position == position


@pytest.mark.parametrize("reply", ["No ma'am, I'll pass", "no MA'AM not interested"])
def test_maam_is_no_morning(reply: str) -> None:
    assert not stated_choice(reply, DAYS, date(2026, 12, 5), "en").candidates


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("I can step out of work Wednesday at 2:30", "en", 2), ("on the road til tues nite. thursday ok", "en", 3),
    ("numbr 3", "en", 3), ("nmbr too", "en", 2), ("el miercoles a las dos i media", "es", 2), ("la segudna", "es", 2),
    ("xuan yi", "zh", 1), ("con chọn giờ thứ ba trong danh sách", "vi", 3),
    ("thứ năm 4h chiều, tiệm mở cửa 6h nên kịp", "vi", 3),
])
def test_a_choice_beside_the_patients_day_or_typed_in_a_hurry(reply: str, language: str, position: int) -> None:
    choice = stated_choice(reply, DAYS, date(2026, 12, 5), language)
    assert choice.chosen is not None and choice.chosen.position == position


def test_tuesday_morning_taken_by_another_appointment_is_not_booked() -> None:
    reply = "tôi chỉ đi được buổi sáng mà sáng thứ ba tôi có hẹn khác rồi, còn buổi sáng nào khác không"
    assert stated_choice(reply, DAYS, date(2026, 12, 5), "vi").chosen is None
    assert asks_for_other_times(reply, "vi")


@pytest.mark.parametrize(("reply", "language", "position"), [
    ("Yes the two will come, me and my husband", "en", None), ("Can I bring the two? thanks", "en", None),
    ("Wednesday is the one for me", "en", 2), ("em lấy cái thứ ba 9 giờ sáng", "vi", 1),
    ("Dạ sáng thứ ba trong tin nhắn được", "vi", 1),
])
def test_people_counted_the_one_and_a_tuesday_with_its_hour_are_read_right(reply: str, language: str,
                                                                           position: int | None) -> None:
    """Found by a second reader of this session's rules."""
    chosen = stated_choice(reply, DAYS, date(2026, 12, 5), language).chosen
    assert (chosen.position if chosen else None) == position
