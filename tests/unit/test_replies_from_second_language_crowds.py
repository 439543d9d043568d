"""Ways of answering found in the twelfth session's blind sets (English as a second language, Caribbean Spanish and
Spanglish, Taiwanese and Malaysian Chinese, Chinese voice input, Vietnamese teencode and Central Vietnamese): each
rule tested with our own examples, and with the ordinary replies it must leave alone."""

from __future__ import annotations

import pytest
from offered_times import among, chosen

from bot.conversation.evidence.declining import decline_reason, refuses_a_visit
from bot.conversation.evidence.for_a_person import asks_a_question, asks_what_a_person_must_answer, speaks_for_someone
from bot.conversation.evidence.later import sends_document_later, will_answer_later
from bot.conversation.evidence.recovery import feels_fine, sounds_worse
from bot.conversation.evidence.visit_answers import wants_another_time
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.safety import Emergency, detect_emergency
from bot.scheduling.reading import reply_words
from bot.scheduling.turning_down import asks_for_other_times

# -- safety: a stroke and chest pain as said in English learned later, and as Chinese voice input writes them

@pytest.mark.parametrize("body", ["my mother suddenly can not move half her body",
                                  "he cannot move half body since lunch",
                                  "half his body can't move", "he can't move his left side", "凶口好痛",
                                  "我有点传不过气"])
def test_a_stroke_or_chest_pain_said_another_way_is_an_emergency(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["I can't move half my furniture alone", "can't move the left side of the couch",
                                  "你们说话也不清楚", "凶什么凶", "打针的护士好凶好痛", "这件衣服太紧穿不过气来",
                                  "消息传不上去气死了"])
def test_the_same_words_about_something_else_are_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


# -- after discharge

@pytest.mark.parametrize("body", ["feeling more bad today", "the swelling keeps getting bigger",
                                  "my back pain is increasing", "the pain in my belly keeps increasing",
                                  "el dolor sigue aumentando"])
def test_getting_worse_in_other_words_is_worse(body: str) -> None:
    assert sounds_worse(body)


@pytest.mark.parametrize("body", ["the pain is not increasing", "pain isnt increasing anymore",
                                  "el dolor no está aumentando", "I'm ok, the pain stopped increasing",
                                  "pain tolerance is getting stronger, feeling better",
                                  "doctor said call if the pain keeps increasing, but I'm fine",
                                  "I'm fine, nothing more bad to report", "si tengo fiebre les llamo"])
def test_pain_that_is_not_increasing_is_not_worse(body: str) -> None:
    assert not sounds_worse(body)


@pytest.mark.parametrize("body", ["e on r nha", "t on roi, cam on", "mik khoe roi"])
def test_fine_typed_short_with_a_short_pronoun(body: str) -> None:
    assert feels_fine(body)


# -- STOP with the Filipino courtesy

@pytest.mark.parametrize("body", ["Stop po", "STOP po please", "stop po salamat", "Stop na po"])
def test_stop_with_po_opts_out(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT



# -- times: the week after next, a polite negative question, "that same day", run-on voice input

@pytest.mark.parametrize(("body", "language"), [("the week after next, tuesday works", "en"),
                                                ("下下星期三可以", "zh"), ("tuần sau nữa thứ 3 được", "vi"),
                                                ("thursday in 2 weeks", "en")])
def test_the_week_after_next_chooses_none_of_next_weeks_times(body: str, language: str) -> None:
    assert chosen(body, language) is None


@pytest.mark.parametrize(("body", "language", "position"), [("下个星期三可以", "zh", 2), ("next week tuesday", "en", 1),
                                                            ("tuần sau thứ 5 nha", "vi", 3),
                                                            ("tuesday is fine, my daughter comes in 2 weeks", "en", 1),
                                                            ("我看一下下周三可以", "zh", 2)])
def test_next_week_still_names_the_offered_day(body: str, language: str, position: int) -> None:
    assert chosen(body, language) == position


@pytest.mark.parametrize(("body", "position"), [("El martes en la tarde ¿no se podría?", None),
                                                ("el martes no se puede", None),
                                                ("el martes no se puede? yo trabajo ese día", None),
                                                ("el miércoles no se podrá? es que el martes trabajo", 2)])
def test_a_polite_negative_question_turns_nothing_down(body: str, position: int | None) -> None:
    assert chosen(body, "es") == position


def test_that_same_day_is_the_day_named_before() -> None:
    assert chosen("el miércoles en la mañana no puedo, ese mismo día en la tarde sí", "es") == 2
    assert chosen("wednesday morning is out, what about that same day at 4", "en") is None  # no Wednesday 4:00
    assert chosen("el jueves está bien, ese mismo día no trabajo", "es") == 3  # said of the day, no time asked


@pytest.mark.parametrize(("body", "expected"), [("上午那个行下午我要上班", [1]), ("周三下午要看孙子，周四可以", [3]),
                                                ("下午的可以早上我要送孩子上学", [2, 3]),
                                                ("周四下午四点带孙子一起来", [3]), ("周三下午不用睡午觉，可以", [2])])
def test_chinese_run_on_and_minding_a_grandchild(body: str, expected: list[int]) -> None:
    assert among(body, "zh") == expected


@pytest.mark.parametrize(("body", "language", "position"), [("Wednesday 2:30 can or not?", "en", 2),
                                                            ("周三 can or not", "zh", 2),
                                                            ("cái ở giữa nha", "vi", 2),
                                                            ("chốt cái thứ 3 luôn", "vi", 3),
                                                            ("lay cai chot", "vi", 3), ("lấy cái chót luôn", "vi", 3)])
def test_asked_or_or_not_and_the_middle_one(body: str, language: str, position: int) -> None:
    assert chosen(body, language) == position


def test_after_class_is_no_six_oclock() -> None:
    assert "6:00" not in reply_words("sau giờ học em tới liền", "vi")[0]
    assert "6:00" in reply_words("6 giờ chiều", "vi")[0]
    assert chosen("thứ 4 sáu giờ tan ca em tới liền", "vi") is None  # six o'clock, with its accent


@pytest.mark.parametrize(("body", "language"), [("kindly give other dates", "en"), ("perhaps another day?", "en"),
                                                ("không đến được mấy giờ đó", "vi"), ("能约到下下周吗", "zh")])
def test_other_times_asked_for_in_other_words(body: str, language: str) -> None:
    assert asks_for_other_times(body, language)


@pytest.mark.parametrize(("body", "language"), [("maybe another day I'll call you", "en"),
                                                ("Those early times are bad for me but Wed 2:30 works", "en"),
                                                ("ko đi được mấy buổi sáng, thứ 5 chiều ok", "vi")])
def test_not_other_times(body: str, language: str) -> None:
    assert not asks_for_other_times(body, language)


# -- later, and who is writing

@pytest.mark.parametrize("body", ["I will reply you by tonight", "déjame ver con mi esposo y luego te digo",
                                  "mai em trả lời nha", "mai tui bao lai"])
def test_will_answer_later(body: str) -> None:
    assert will_answer_later(body)


@pytest.mark.parametrize("body", ["I will text my daughter by tonight to take me, Tuesday works",
                                  "Después de las 5, y le digo a mi esposo que conteste",
                                  "chiều mai gọi nha, mai em nhận ca sáng"])
def test_a_time_or_someone_else_told_is_no_later_answer(body: str) -> None:
    assert not will_answer_later(body)


def test_sending_it_in_a_moment_is_sending_it_later() -> None:
    assert sends_document_later("ahorita se lo mando, estoy manejando")


@pytest.mark.parametrize(("body", "writes_for_someone"), [("Ando trabajando, le contesto por la tarde", False),
                                                          ("contesto por mi mamá, ella no sabe leer", True),
                                                          ("This is Maria, Jose's daughter", True),
                                                          ("this is Mark, Tom's friend", False),
                                                          ("This is crazy, his wife already booked him", False),
                                                          ("我是她老伴", True)])
def test_a_relative_writing(body: str, writes_for_someone: bool) -> None:
    assert speaks_for_someone(body) is writes_for_someone


def test_old_age_said_of_a_relative_who_cannot_read_texts_is_no_reason_to_decline() -> None:
    assert decline_reason("bà lớn tuổi rồi, không biết đọc tin nhắn") is None
    assert decline_reason("tui 80 tuổi rồi, khỏi khám") == "not_needed"


# -- reasons to decline

@pytest.mark.parametrize(("body", "reason"), [("ya me compuse, gracias a Dios", "feels_better"),
                                              ("me estoy atendiendo con otro doctor", "care_elsewhere"),
                                              ("I see my own gynecologist for that", "care_elsewhere"),
                                              ("在别的医院看了，不用了", "care_elsewhere"),
                                              ("tôi đã khám hồi tháng 10 rồi", "already_done")])
def test_reasons_to_decline_in_other_words(body: str, reason: str) -> None:
    assert decline_reason(body) == reason


@pytest.mark.parametrize("body", ["ya me compuse, el martes está bien", "ya me compuse el teléfono",
                                  "me estoy checando con mi esposo qué día puede",
                                  "my husband said I go to my pcp for it but I prefer you"])
def test_no_reason_to_decline(body: str) -> None:
    assert decline_reason(body) is None


def test_central_vietnamese_refusal() -> None:
    assert refuses_a_visit("ko đặt lịch mô")
    assert not refuses_a_visit("không đặt lịch mổ được à")  # an operation
    assert not refuses_a_visit("sao ko đặt lịch mô được")  # why can't I book?


def test_it_left_out_is_no_question() -> None:
    assert not asks_a_question("Is too expensive for me")
    assert asks_a_question("is it far from the bus?")
    assert asks_a_question("Is ok if I send the photo tomorrow")


@pytest.mark.parametrize("body", ["which doctor will I see?", "what department is this for",
                                  "what's the doctor's name?", "for which department is this"])
def test_which_doctor_or_department_is_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["it has my doctor's name on it", "Wed 2:30 works, doesn't matter what doctor",
                                  "the paper shows which department I need"])
def test_a_doctor_named_in_passing_asks_nothing(body: str) -> None:
    assert not asks_what_a_person_must_answer(body)


def test_no_need_to_change_the_time_is_no_other_time() -> None:
    assert not wants_another_time("不用改时间，直接取消")
    assert wants_another_time("能改个时间吗")
    assert wants_another_time("那天我有事，要不要改个时间？")
    assert wants_another_time("我需不需要改时间")
