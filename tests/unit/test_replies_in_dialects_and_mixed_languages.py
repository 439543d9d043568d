"""Ways of answering found in the thirteenth session's blind sets (Filipino, Korean and Haitian patients writing
English, rural Central American Spanish and voice input, Fujianese Chinese, Mekong-delta Vietnamese): each rule
tested with our own examples, and with the ordinary replies it must leave alone."""

from __future__ import annotations

import pytest
from offered_times import among, chosen

from bot.conversation.evidence.declining import already_booked, decline_reason
from bot.conversation.evidence.for_a_person import asks_a_question, speaks_for_someone
from bot.conversation.evidence.later import asks_to_be_written_later
from bot.conversation.evidence.visit_answers import cancels_the_visit
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.records import as_read
from bot.conversation.safety import Emergency, detect_emergency
from bot.core.southern import as_standard
from bot.scheduling.reading import reply_words

# -- safety in the other language a patient mixes in


@pytest.mark.parametrize("body", ["masakit ang dibdib ko ngayon", "naninikip dibdib ko po", "hirap po ako huminga",
                                  "hindi siya makahinga", "mwen pa ka respire byen", "doule nan pwatrin depi maten"])
def test_chest_pain_and_breathlessness_in_tagalog_and_creole_are_emergencies(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["gusto ko nang mamatay", "ayoko na mabuhay", "mwen vle mouri"])
def test_wanting_to_die_in_tagalog_and_creole_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", ["masakit likod ko pero ok lang", "hindi po ako makakapunta sa martes",
                                  "mwen pa ka vini jedi", "ok na po ako salamat"])
def test_ordinary_tagalog_and_creole_are_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


# -- consent withdrawn: never again, in so many words


@pytest.mark.parametrize("body", ["dont text me anymore", "please don't send me messages again",
                                  "do not message me any more", "never text this number again"])
def test_never_again_opts_out(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


@pytest.mark.parametrize("body", ["don't text me before 9 please", "don't send me the times in english",
                                  "dont text me at work, after 5 is better", "don't message me again till monday"])
def test_when_or_how_to_text_is_no_opt_out(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is None


# -- a reason in passing, already booked, another doctor in English learned later


@pytest.mark.parametrize(("body", "position"), [("10am is best i have to be at work by 1", None),
                                                ("9am is good i need to be at work by noon", 1),
                                                ("the 4pm one, i have to be at school till 3", 3)])
def test_where_the_patient_must_be_next_is_no_time_asked_for(body: str, position: int | None) -> None:
    assert chosen(body) == position


@pytest.mark.parametrize("body", ["already have an appointment with them in january, no need",
                                  "my clinic already make appointment for me", "ya tengo cita para el 20",
                                  "ya me dieron la cita en el hospital", "已经预约了 下个月去", "đã có lịch hẹn rồi"])
def test_a_visit_already_booked(body: str) -> None:
    assert already_booked(body)


@pytest.mark.parametrize("body", ["I already had my appointment last month", "no need, I feel fine",
                                  "ya tengo cita con otro doctor", "还没有约好", "chưa có hẹn"])
def test_not_a_visit_already_booked(body: str) -> None:
    assert not already_booked(body)


@pytest.mark.parametrize("body", ["I go to Chinese doctor in Flushing now", "i see my doctor near home now",
                                  "tôi khám phòng khám gần nhà cho tiện"])
def test_another_doctor_now_is_care_elsewhere(body: str) -> None:
    assert decline_reason(body) == "care_elsewhere"


@pytest.mark.parametrize("body", ["i go to the doctor at 9 now?", "i go to work in the morning now",
                                  "tôi muốn khám ở phòng khám này cho tiện", "tôi muốn khám ở phòng khám này"])
def test_going_somewhere_now_is_no_other_doctor(body: str) -> None:
    assert decline_reason(body) != "care_elsewhere"


@pytest.mark.parametrize(("body", "writes_for_someone"), [
    ("my mom cannot read english, i help her with her appointment", True),
    ("my grandpa doesn't text, this is his grandson", True),
    ("my husband can't read the texts so I help him with his visits", True),
    ("my wife doesn't speak english, she prefers spanish", False),
    ("I cannot read english well", False)])
def test_a_relative_who_explains_why_they_write(body: str, writes_for_someone: bool) -> None:
    assert speaks_for_someone(body) is writes_for_someone


# -- Tagalog ordinals, Spanish dictated, days the patient is away


@pytest.mark.parametrize(("body", "position"), [("yung pangalawa po", 2), ("pangatlo na lang", 3),
                                                ("unang oras po", 1)])
def test_tagalog_ordinals(body: str, position: int | None) -> None:
    assert chosen(body) == position


@pytest.mark.parametrize(("body", "position"), [("el mier coles a las dos treinta", 2),
                                                ("a las cuatro treinta no, el martes a las nueve", 1),
                                                ("mejor el 10 xq el martes y miercoles trabajo", 3),
                                                ("el jueves, porque el martes y el miércoles no puedo", 3)])
def test_spanish_as_dictated_and_days_given_as_a_reason(body: str, position: int | None) -> None:
    assert chosen(body, "es") == position


# -- Fujianese Chinese


@pytest.mark.parametrize(("body", "expected"), [("礼拜二到礼拜四我都在餐馆做工", []),
                                                ("周二至周三不行 周四可以", [3]),
                                                ("星期二上午要去工地做工，星期三下午可以", [2]),
                                                ("礼拜三伓去了，礼拜四好", [3])])
def test_a_run_of_days_work_and_min_negation(body: str, expected: list[int]) -> None:
    assert among(body, "zh") == expected


def test_a_run_of_days_reads_as_every_day_in_it() -> None:
    assert reply_words("星期一到星期天都可以", "zh")[0] == ("monday tuesday wednesday thursday friday saturday "
                                                          "sunday")


@pytest.mark.parametrize("body", ["礼拜一再传信息给我好吗", "周五再打给我"])
def test_a_weekday_and_again_is_write_later(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_a_weekday_chosen_is_no_write_later() -> None:
    assert not asks_to_be_written_later("星期三下午可以约")


# -- Mekong-delta Vietnamese


@pytest.mark.parametrize(("body", "standard"), [("tui hổng muốn đi", "tui không muốn đi"),
                                                ("được hông em?", "được không em?"),
                                                ("hông có ai tên vậy", "không có ai tên vậy"),
                                                ("đi làm dìa rồi ghé", "đi làm về rồi ghé"),
                                                ("tôi bị đau hông", "tôi bị đau hông"),
                                                ("bên hông bị sưng", "bên hông bị sưng"),
                                                ("chị Hong nói vậy", "chị Hong nói vậy")])
def test_southern_words_read_as_standard(body: str, standard: str) -> None:
    assert as_standard(body) == standard


def test_a_southern_opt_out_is_honoured() -> None:
    body = as_read("tui hổng muốn nhận mấy cái tin này nữa", "vi")
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT
    assert classify_keyword("xóa số tui đi giùm", opted_out=False) is Keyword.OPT_OUT


def test_what_paper_typed_short_is_a_question() -> None:
    assert asks_a_question("giay j vay")
    assert not asks_a_question("giay da gui roi")


def test_checking_the_schedule_then_word_back_is_later() -> None:
    assert asks_to_be_written_later("để mai tôi coi lịch làm rồi báo lại")


@pytest.mark.parametrize(("body", "cancels"), [("礼拜二伓去了", True), ("星期二不去了 不好意思", True),
                                               ("周二不去了，改周三吧", False), ("不去了，换个时间", False)])
def test_not_going_any_more_cancels_the_reminded_visit(body: str, cancels: bool) -> None:
    assert cancels_the_visit(body) is cancels
