"""Replies written as they sound, typed in raw Telex, or in colloquial Cantonese (the twelfth session's second
blind round: patients with little schooling, older immigrants and their adult children): each rule tested with
our own examples, and with the ordinary replies it must leave alone."""

from __future__ import annotations

import pytest
from offered_times import chosen

from bot.conversation.evidence.declining import decline_reason
from bot.conversation.evidence.for_a_person import asks_what_a_person_must_answer, speaks_for_someone
from bot.conversation.evidence.later import asks_to_be_written_later, will_answer_later
from bot.conversation.evidence.recovery import sounds_worse
from bot.conversation.evidence.visit_answers import says_yes
from bot.conversation.evidence.wrong_number import clearly_not_the_patient
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.language_request import names_a_wanted_language, requested_language
from bot.conversation.menu_numbers import leading_number, menu_number
from bot.conversation.records import as_read
from bot.conversation.safety import Emergency, detect_emergency
from bot.core.spelling import as_spelled
from bot.core.telex import from_telex
from bot.scheduling.turning_down import asks_for_other_times

# -- words as they sound

def test_misspellings_read_as_the_word_meant() -> None:
    assert as_spelled("no kiero mas mesajes grasias") == "no quiero mas mensajes gracias"
    assert as_spelled("the secont one nex week") == "the second one next week"
    assert as_spelled("quiero una cita el martes") == "quiero una cita el martes"  # spelled right: unchanged


@pytest.mark.parametrize("body", ["no kiero mas mensajes porfa", "stop sending me mesages", "pls take my numbr off"])
def test_opt_outs_spelled_as_they_sound(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


def test_a_number_taken_off_an_old_file_is_no_opt_out() -> None:
    assert classify_keyword("take my number off the old file, the new one is 555-0100", opted_out=False) is None


@pytest.mark.parametrize(("body", "position"), [("the secont one", 2), ("the midle one pls", 2), ("furst one", 1),
                                                ("10th works for me", 3)])
def test_choices_spelled_as_they_sound(body: str, position: int) -> None:
    assert chosen(body) == position


@pytest.mark.parametrize(("body", "number"), [("cero", 0), ("zero", 0), ("nine", None), ("nueve", None)])
def test_a_menu_number_in_words(body: str, number: int | None) -> None:
    assert menu_number(body) == number  # (nine: the 9:00 time as often as the menu's 9)


# -- safety

@pytest.mark.parametrize("body", ["ya no quiero nada quiero matarme", "ya no kiero bivir"])
def test_wanting_nothing_more_does_not_negate_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize(("body", "kind"), [("le sale mucha sangre de la nariz y no para", Emergency.MEDICAL),
                                            ("le salió sangre pero ya paró", None),
                                            ("le sale sangre de la nariz y no para de estornudar", None),
                                            ("me sale sangre cuando orino y no se quita el ardor", None),
                                            ("no quiero mas convulsiones, me pueden cambiar la medicina?", None),
                                            ("no quiero nada de sobredosis", None)])
def test_bleeding_that_will_not_stop(body: str, kind: Emergency | None) -> None:
    assert detect_emergency(body) is kind


# -- Vietnamese typed in raw Telex

@pytest.mark.parametrize(("typed", "meant"), [("boos tooi ddau nguwcj", "bố tôi đau ngực"),
                                              ("ddwngf nhawns tin nuwax", "đừng nhắn tin nữa"),
                                              ("thuws 5 ddwowjc khoong", "thứ 5 được không")])
def test_telex_is_read_as_vietnamese(typed: str, meant: str) -> None:
    assert from_telex(typed) == meant


@pytest.mark.parametrize("body", ["ok thanks", "how about now", "dont worry", "yes sir", "thứ 3 được", "cam on",
                                  "there is no Lan here", "how much does it cost?", "I'll be there Thurs",
                                  "this is Sara", "yes thurs is ok, thanks", "these days are hard"])
def test_what_is_not_telex_is_left_as_written(body: str) -> None:
    assert from_telex(body) is None


def test_telex_read_only_for_a_vietnamese_patient() -> None:
    assert detect_emergency(as_read("boos tooi ddau nguwcj, khos thowr", "vi")) is Emergency.MEDICAL
    assert classify_keyword(as_read("xin ddwngf nhawns tin nuwax", "vi"), opted_out=False) is Keyword.OPT_OUT
    assert as_read("xin ddwngf nhawns tin nuwax", "en") == "xin ddwngf nhawns tin nuwax"


# -- STOP after a polite word, Cantonese "do not send any more"

@pytest.mark.parametrize("body", ["Dạ STOP", "vâng stop ạ", "唔好再發啦", "别再发啦"])
def test_more_opt_outs(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


def test_do_not_send_english_any_more_is_about_the_language() -> None:
    assert classify_keyword("不要再发啦英文的", opted_out=False) is None
    assert classify_keyword("不要再发了中文也不要", opted_out=False) is Keyword.OPT_OUT


# -- who is writing, what they ask, how they are

@pytest.mark.parametrize(("body", "wrong"), [("em không quen người này", True), ("I don't know a Carlos", True),
                                             ("i dont know a lot", False), ("I don't know a good time", False),
                                             ("tôi không biết ông đó có đi được không", False),
                                             ("sorry i dont know no english", False),
                                             ("I don't know a specialist", False)])
def test_not_knowing_the_patient(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


def test_a_country_said_for_its_language() -> None:
    assert requested_language("I speak vietnam, english not good", "en") == "vi"
    assert requested_language("I speak china", "en") == "zh"
    assert not names_a_wanted_language("I don't speak vietnam")
    assert requested_language("my mom speak vietnam, I speak english", "en") == "en"


@pytest.mark.parametrize(("body", "for_a_person"), [("does the doctor speak spanish?", True),
                                                    ("個醫生識唔識講國語", True), ("el doctor habla ingles?", True),
                                                    ("la doctora habla español muy bien, gracias", False),
                                                    ("should i fast before the test?", True),
                                                    ("¿tengo que ir en ayunas?", True),
                                                    ("医生说中文最好，周二可以", False),
                                                    ("que bueno, el doctor habla espanol", False)])
def test_questions_only_a_person_answers(body: str, for_a_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_a_person


@pytest.mark.parametrize("body", ["拉肚子两天了", "比出院时还差", "the pain in my knee keeps increasing"])
def test_worse_after_discharge(body: str) -> None:
    assert sounds_worse(body)


@pytest.mark.parametrize("body", ["没再拉肚子了，好多了", "拉肚子已经好了", "之前有点拉肚子，现在好了",
                                  "冇再屙肚，好返好多"])
def test_diarrhoea_that_is_over_is_not_worse(body: str) -> None:
    assert not sounds_worse(body)


def test_tired_in_the_afternoon_picks_the_morning() -> None:
    assert chosen("sáng được, chiều tui hay mệt", "vi") == 1
    assert chosen("chiều tôi hay bị mệt, xin giờ buổi sáng", "vi") == 1
    assert leading_number("1 ạ, em rất mệt nhưng sẽ đi") == 1  # tired, and coming: no time turned down


def test_will_look_and_text_back() -> None:
    assert will_answer_later("I'll ask my son tonight and text you back")
    assert not will_answer_later("I'll see the doctor at 2 and then get back home, call me after 4")


def test_better_another_day_asks_for_other_times_and_a_later_word_does_not() -> None:
    assert asks_for_other_times("mejor otro día", "es")
    assert not asks_for_other_times("mejor otro dia te escribo", "es")
    assert chosen("2 mejor otro dia", "es") == 2


def test_already_done_spelled_as_it_sounds() -> None:
    assert decline_reason("I allready did it in october") == "already_done"


@pytest.mark.parametrize(("body", "position"), [("el de la mañana por favor que en la tarde trabajo", 1),
                                                ("wednesday because in the morning I work", 2)])
def test_a_reason_after_because_turns_its_part_of_the_day_down(body: str, position: int) -> None:
    assert chosen(body, "es" if "el" in body.split() else "en") == position


# -- the twelfth session's third blind round: hurried patients

@pytest.mark.parametrize(("body", "language", "position"),
                         [("¿me pueden escribir en español? el último mensaje me llegó en inglés", "es", None),
                          ("I was going to say wednesday but im working, anything saturday?", "en", None),
                          ("本来想约周三的，刚看了要上班，周末有吗", "zh", None), ("本来就是周二可以", "zh", 1),
                          ("周三好像不行…算了还是周四吧", "zh", 3), ("星期三两点版可以", "zh", 2),
                          ("el último por favor", "es", 3)])
def test_a_day_taken_back_and_a_choice_settled(body: str, language: str, position: int | None) -> None:
    assert chosen(body, language) == position


@pytest.mark.parametrize(("body", "reason"), [("ya me siento bien, ya no ocupo la cita", "feels_better"),
                                              ("la doctora dijo que ya no necesito ir", "not_needed"),
                                              ("隻腳已經唔痛，唔使覆診", "feels_better")])
def test_more_reasons_to_decline(body: str, reason: str) -> None:
    assert decline_reason(body) == reason


def test_a_yes_after_forgetting() -> None:
    assert says_yes("ay se me olvidó... sí, sí voy")
    assert not says_yes("no sé si voy")


def test_more_ways_to_say_it() -> None:
    assert asks_what_a_person_must_answer("轉介係睇邊個醫生㗎?")
    assert speaks_for_someone("tôi là mẹ cháu, cháu mới 10 tuổi")
    assert asks_for_other_times("ko cái nào được hết", "vi")
    assert asks_to_be_written_later("baby is sick, can u msg me monday")
