"""Ways of answering found in the eleventh session's blind sets (rural elders, Shanghainese and pinyin typists,
Catholic Vietnamese, Spain and Río de la Plata Spanish): each rule tested with our own examples, and with the
ordinary replies it must leave alone."""

from __future__ import annotations

import pytest
from offered_times import chosen

from bot.conversation.evidence.declining import decline_reason, is_bare_no
from bot.conversation.evidence.for_a_person import asks_what_a_person_must_answer
from bot.conversation.evidence.later import sends_document_later, will_answer_later
from bot.conversation.evidence.recovery import feels_fine, sounds_worse
from bot.conversation.evidence.visit_answers import cancels_the_visit, wants_another_time
from bot.conversation.evidence.wrong_number import clearly_not_the_patient
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.language_request import requested_language
from bot.conversation.safety import Emergency, detect_emergency
from bot.core.chinese import as_simplified
from bot.scheduling.turning_down import asks_for_other_times
from bot.scheduling.zh_vi import canonical

# -- STOP first, whatever follows, unless the rest takes it back or asks for something else

@pytest.mark.parametrize("body", ["STOP no quiero nada", "Stop. Please don't message me while I'm driving",
                                  "STOP, đừng làm vậy nữa", "stop x favor", "STOP ya basta",
                                  "Stop. My father died last month", "please stop, I'm sick of these", "stop no more",
                                  "STOP I moved"])
def test_stop_said_first_opts_out_whatever_follows(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


@pytest.mark.parametrize("body", ["no m manden mas mensajes", "dejad de mandarme textos", "no me sigan mandando esto",
                                  "bie fa gei wo le", "覅再发短信了"])
def test_do_not_send_said_in_spain_abbreviated_in_pinyin_or_shanghainese_opts_out(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


@pytest.mark.parametrize("body", ["no me sigan escribiendo en inglés", "no me manden la dirección, ya sé dónde es",
                                  "no me mande a otra clínica por favor", "no me escriba tan tarde, mejor en la mañana",
                                  "no me sigas mandando a urgencias"])
def test_a_language_or_a_paper_not_wanted_is_no_opt_out(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is not Keyword.OPT_OUT


def test_help_with_who_is_writing_is_help() -> None:
    assert classify_keyword("AYUDA quien me manda esto", opted_out=False) is Keyword.HELP


# -- emergencies

@pytest.mark.parametrize("body, kind", [
    ("took my sleeping pills twice by accident and now i cant keep my eyes open", Emergency.MEDICAL),
    ("se le ha paralizado un lado de la cara a mi esposo", Emergency.MEDICAL),
    ("我爸刚才摔倒了，头上全是血", Emergency.MEDICAL),
    ("阿拉姆妈叫伊勿应", Emergency.MEDICAL),
    ("wo zhen xiang si", Emergency.CRISIS),
    ("zhen de huo bu xia qu", Emergency.CRISIS),
    ("我真系唔想再撐落去", Emergency.CRISIS),
])
def test_emergencies_as_these_crowds_say_them(body: str, kind: Emergency) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize("body", ["wo xiang si ni le", "I can't stay awake in class lol, 2 works",
                                  "se me ha dormido el pie", "头上戴着帽子"])
def test_missing_someone_a_sleepy_class_or_a_numb_foot_are_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


# -- times

@pytest.mark.parametrize("text", ["can't do those. maybe after the first of the year",
                                  "Any openings around lunchtime? My son has the car in the mornings",
                                  "anything in february?"])
def test_a_time_not_offered_asks_for_other_times_and_books_nothing(text: str) -> None:
    assert asks_for_other_times(text, "en")
    assert chosen(text) is None


@pytest.mark.parametrize("text, language", [("nah ninguno, solo puedo en la tarde", "es"),
                                            ("esa semana no puedo, la otra si", "es"),
                                            ("阿拉礼拜二三四侪没空 有啥别个辰光", "zh")])
def test_every_time_turned_down_books_nothing(text: str, language: str) -> None:
    assert chosen(text, language) is None


def test_first_of_all_is_no_option() -> None:
    assert chosen("first of all sorry for the delay, 3 please") == 3
    assert chosen("the first of the three") == 1


def test_chinese_days_in_a_row_are_a_list_but_a_day_then_a_clock_is_a_time() -> None:
    assert chosen("周三四都可以", "zh") is None
    assert canonical("周三四都可以", "zh") == "wednesday thursday"
    assert canonical("礼拜二三点", "zh") == "tuesday at 3:00"


def test_shanghainese_reads_as_mandarin() -> None:
    assert as_simplified("侪覅") == "都不要"


@pytest.mark.parametrize("text, position", [
    ("có cần ăn sáng trước khi thử máu không", None),  # breakfast, not the morning
    ("thứ 4 là lễ bên nhà thờ, cho con thứ 5 nha", 3),  # a feast day turned down
])
def test_vietnamese_meals_and_feast_days(text: str, position: int | None) -> None:
    assert chosen(text, "vi") == position


def test_chua_nhat_is_sunday() -> None:
    assert canonical("Chúa nhật được không", "vi").split()[0] == "sunday"


# -- the reminder, a decline, later

@pytest.mark.parametrize("text", ["gotta call it off, my ride fell through", "anulo la cita, gracias",
                                  "anulen mi turno del martes"])
def test_calling_the_visit_off(text: str) -> None:
    assert cancels_the_visit(text)


def test_a_prescription_cancelled_is_no_visit_cancelled() -> None:
    assert not cancels_the_visit("no anulen la cita por favor")


def test_moving_to_another_day_in_vietnamese() -> None:
    assert wants_another_time("cho tui dời qua bữa khác nha")


@pytest.mark.parametrize("text, reason", [
    ("my cardiologist already took care of it", "already_done"),
    ("had my checkup in october with dr smith", "already_done"),
    ("ya me lo hice, gracias", "already_done"),
    ("tháng trước tui đã khám rồi", "already_done"),
    ("ya estoy re bien, no hace falta ir", "feels_better"),
    ("dạ con đỡ đau lưng nhiều rồi, không cần nữa", "feels_better"),
])
def test_decline_reasons_as_said(text: str, reason: str) -> None:
    assert decline_reason(text) == reason


def test_none_after_an_interjection_is_none_of_them() -> None:
    assert is_bare_no("uy ninguna, perdón")


@pytest.mark.parametrize("text", ["t contesto mas tarde", "để chị hỏi chồng đã", "em rep sau nha"])
def test_will_answer_later(text: str) -> None:
    assert will_answer_later(text)


def test_the_photo_sent_at_night() -> None:
    assert sends_document_later("a la noche le mando la foto del papel")


# -- after discharge, a person, a language, a wrong number

@pytest.mark.parametrize("text", ["còn ho suốt, ban đêm không ngủ được", "coughing up green stuff since monday",
                                  "这两天一直咳，还有点低烧"])
def test_a_cough_that_will_not_go_sounds_worse(text: str) -> None:
    assert sounds_worse(text)


@pytest.mark.parametrize("text", ["ok lang, salamat", "bn grax", "OK啦 没什么 谢谢"])
def test_fine_with_thanks_is_fine(text: str) -> None:
    assert feels_fine(text)


def test_no_appetite_is_not_fine() -> None:
    assert not feels_fine("没什么胃口")


@pytest.mark.parametrize("text", ["is the visit by video or in person?", "¿es por telemedicina o presencial?",
                                  "is this for the foot doctor or the eye one?"])
def test_how_or_with_whom_the_visit_is_asks_a_person(text: str) -> None:
    assert asks_what_a_person_must_answer(text)


def test_cannot_read_english_in_southern_vietnamese_keeps_vietnamese() -> None:
    assert requested_language("tui hổng đọc được tiếng Anh", "vi") == "vi"


@pytest.mark.parametrize("text", ["you've got the wrong lady, no Maria here", "I think you texted the wrong guy"])
def test_the_wrong_person_reached_is_a_wrong_number(text: str) -> None:
    assert clearly_not_the_patient(text)


# -- what a second reader found the first cut of these rules read wrongly

@pytest.mark.parametrize("text", ["no la anulen, sí voy", "¿se anula si llego tarde?", "why did they call it off?",
                                  "Ya pagué, no quiero que la anulen"])
def test_calling_off_asked_about_or_refused_cancels_nothing(text: str) -> None:
    assert not cancels_the_visit(text)


@pytest.mark.parametrize("text", ["Fine thanks, but my incision is leaking", "good thanks. still cant keep food down",
                                  "bien gracias pero no he podido orinar", "ok啦 就是伤口好痛"])
def test_fine_with_thanks_then_a_problem_is_not_fine(text: str) -> None:
    assert not feels_fine(text)


@pytest.mark.parametrize("body", ["wo xiang si dian", "xing qi si wo xiang si dian ke yi",
                                  "since the new meds I can't stay awake after lunch, normal?",
                                  "se me ha dormido el brazo de estar acostado", "不想再熬下去了，排队太久，换个诊所"])
def test_four_o_clock_in_pinyin_drowsy_afternoons_an_arm_asleep_and_a_long_queue_are_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("text, position, language", [("Tue and Wed I can't do those, Thursday ok", 3, "en"),
                                                      ("ninguno, mejor el jueves a las 4", 3, "es"),
                                                      ("周三我和老公都要去", 2, "zh")])
def test_turning_some_down_still_books_the_one_named(text: str, position: int, language: str) -> None:
    assert chosen(text, language) == position


@pytest.mark.parametrize("text", ["you have the wrong house on file, new address is 12 Oak St",
                                  "texting the wrong people again lol, Wednesday works"])
def test_the_wrong_house_or_people_is_no_wrong_number(text: str) -> None:
    assert not clearly_not_the_patient(text)


def test_the_doctor_said_after_is_no_answer_later() -> None:
    assert not will_answer_later("bác sĩ bảo sau một tháng quay lại")


@pytest.mark.parametrize("text", ["Tuesday, in person. No video please", "la cita presencial, no por video"])
def test_a_preference_for_in_person_is_no_question(text: str) -> None:
    assert not asks_what_a_person_must_answer(text)


@pytest.mark.parametrize("text", ["Tengo que anularla porque no estaré en la ciudad",
                                  "mi mamá no puede ir porque está enferma, así que anulen la cita por favor"])
def test_calling_off_after_a_reason_with_a_no_in_it_cancels(text: str) -> None:
    assert cancels_the_visit(text)


@pytest.mark.parametrize("text, position", [("周三下午两点半可以 四点才要去店里开门", 2),
                                            ("我只有礼拜四下午有空 其他时间都在餐馆打工", 3)])
def test_a_chinese_time_to_leave_for_work_or_the_rest_of_the_week_busy_keeps_the_one_named(text: str,
                                                                                         position: int) -> None:
    assert chosen(text, "zh") == position


def test_these_times_none_then_another_day_asks_for_other_times() -> None:
    assert canonical("那几个时间我们都不行 改到下个礼拜一行吗", "zh").startswith("none of them")


# -- the second blind round of the session (p86–p87)

@pytest.mark.parametrize("body", ["ya no aguanto, me quiero morir", "I can't take it anymore, I want to die"])
def test_not_bearing_it_negates_nothing_after_it(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


def test_a_blow_to_the_head_then_confused_talk_is_an_emergency() -> None:
    assert detect_emergency("grandpa hit his head on the counter and he's not making sense") is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["no quiero morir, solo tengo miedo", "I am not going to hurt myself, don't worry"])
def test_a_crisis_denied_stays_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["plz stop msging me", "Stop gracias no mas", "别总给我发了"])
def test_more_ways_to_stop_the_texts(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


@pytest.mark.parametrize("text, language", [("these are all bad for me, anything later in the day?", "en"),
                                            ("sat morning ok ko? tuan nay em ban t2 t3 t4 t5", "vi")])
def test_all_turned_down_or_busy_those_days_books_nothing(text: str, language: str) -> None:
    assert chosen(text, language) is None


@pytest.mark.parametrize("text, position, language", [
    ("el miércoles a las 2:30 de tarde no, mejor el martes a las 9 de mañana", 1, "es"),
    ("Tuesday morning is fine, that's the 8th isn't it?", 1, "en"),
    ("t5 4pm ok, hom do em off", 3, "vi"),
])
def test_a_morning_in_spanish_a_tag_question_and_a_glued_pm_keep_the_time(text: str, position: int,
                                                                         language: str) -> None:
    assert chosen(text, language) == position


@pytest.mark.parametrize("text, language", [("Back from Arizona in the spring. Anything in February?", "en"),
                                            ("mejor para enero, ahorita no puedo", "es")])
def test_a_month_asked_for_asks_for_other_times(text: str, language: str) -> None:
    assert asks_for_other_times(text, language)


@pytest.mark.parametrize("text, current, wanted", [("my dad dont read english, vietnamese please", "en", "vi"),
                                                   ("我中文字认不得几个，发西班牙文吧", "zh", "es")])
def test_a_language_read_poorly_then_another_asked_for(text: str, current: str, wanted: str) -> None:
    assert requested_language(text, current) == wanted


def test_need_to_cancel_misspelled_cancels_but_cancel_and_reschedule_does_not() -> None:
    assert cancels_the_visit("gotta cancle tuesday, my shift changed")
    assert not cancels_the_visit("need to cancel and reschedule")


def test_reply_back_later_and_a_photo_tonite() -> None:
    assert will_answer_later("chieu em rep lai nha")
    assert sends_document_later("not home, will send the pic 2nite")


# -- what the second reader found in the second round's rules

@pytest.mark.parametrize("text", ["I have to cancel my ride but I'll be there", "Do I have to cancel if I have a cold?",
                                  "I might have to cancel, will let you know", "got to cancel my sitter, still coming"])
def test_cancelling_something_else_or_maybe_cancels_no_visit(text: str) -> None:
    assert not cancels_the_visit(text)


@pytest.mark.parametrize("text, current", [("My kids don't read Vietnamese, but I do", "vi"),
                                           ("孩子们don't read中文，我自己看", "zh")])
def test_children_who_do_not_read_the_language_change_nothing(text: str, current: str) -> None:
    assert requested_language(text, current) == current


@pytest.mark.parametrize("body", ["Bumped my head on the cupboard lol. Can't remember if I picked Tuesday",
                                  "hit my head on the car door, these times aren't making sense to me",
                                  "Ya no puedo tener el turno de la mañana", "Stop, no mas quiero saber donde es",
                                  "别老发了这么多，一天一条就够"])
def test_a_bump_then_a_scheduling_doubt_just_and_fewer_texts_are_neither_emergency_nor_opt_out(body: str) -> None:
    assert detect_emergency(body) is None
    assert classify_keyword(body, opted_out=False) is not Keyword.OPT_OUT


@pytest.mark.parametrize("text, position", [
    ("Thursday at 4 works. Anything in the evenings I can't do", 3), ("Jueves a las 4. Mi hija tiene algo en enero", 3),
    ("Tuesday at 9. Those are all bad times for my husband but I'll go alone", 1)])
def test_a_time_chosen_beside_a_month_or_others_turned_down_for_someone_else_is_booked(text: str,
                                                                                     position: int) -> None:
    assert chosen(text, "es" if "Jueves" in text else "en") == position


@pytest.mark.parametrize("text, position", [("chị bạn em chở em đi thứ 5 4h chiều", 3),
                                            ("thu 5 4h chieu em ban hang xong roi di dc", 3)])
def test_a_friend_or_selling_is_not_busy(text: str, position: int) -> None:
    assert chosen(text, "vi") == position


@pytest.mark.parametrize("text", ["sao không ai rep lại", "Thứ 3 9h được, chị rep lại em nha"])
def test_asking_the_clinic_to_reply_is_no_answer_later(text: str) -> None:
    assert not will_answer_later(text)


@pytest.mark.parametrize("text, reason", [("feelin so much better now, dont need the visit", "feels_better"),
                                          ("ya me curé, no voy a ir", "feels_better"),
                                          ("no tengo con qué pagar el copago", "cost"),
                                          ("退休金就那么点，钱哪够，不去了", "cost"),
                                          ("cant aford that right now", "cost")])
def test_better_now_and_the_price_said_plainly(text: str, reason: str) -> None:
    assert decline_reason(text) == reason


def test_a_child_at_school_in_the_morning_then_a_time_chosen() -> None:
    assert chosen("soy el papá de Sofi, en la mañana tiene clases, el jueves a las 4 sí puede", "es") == 3


# -- what the second reader found in the third round's rules

@pytest.mark.parametrize("text", ["todavía no me he curado", "quiero que el doctor me cure", "im not feelin better",
                                  "feelin better? nope, worse", "带的钱够不够", "我钱不多,够不够付",
                                  "多少钱?我时间不够", "no tengo como pagar el estacionamiento, hay ayuda?"])
def test_not_cured_a_cure_wanted_not_better_or_asking_about_money_is_no_reason_to_decline(text: str) -> None:
    assert decline_reason(text) is None


def test_a_child_at_school_while_the_visit_is_on_is_no_busy_time() -> None:
    assert chosen("el miércoles a las 2:30 mientras mi hijo tiene escuela", "es") == 2
