"""What a reply must say before the bot acts on it outside the engine: a wrong number, a relative writing, a reason
to decline, a bare no, ordinary recovery, a question only a person can answer."""

from __future__ import annotations

import pytest

from bot.conversation.evidence.declining import decides_against, decline_reason, is_bare_no, refuses_a_visit
from bot.conversation.evidence.for_a_person import (
    asks_a_question,
    asks_for_a_person,
    asks_what_a_person_must_answer,
    asks_who_we_are,
    speaks_for_someone,
    wants_a_call,
    wants_a_real_person,
)
from bot.conversation.evidence.later import (
    asks_to_be_contacted,
    asks_to_be_written_later,
    sends_document_later,
    will_answer_later,
)
from bot.conversation.evidence.recovery import (
    asks_about_medicine,
    back_in_hospital,
    feels_fine,
    names_the_nurse,
    ordinary_recovery,
    sounds_worse,
)
from bot.conversation.evidence.visit_answers import (
    cancels_the_visit,
    cannot_come,
    says_yes,
    wants_a_visit,
    wants_another_time,
)
from bot.conversation.evidence.wrong_number import clearly_not_the_patient, says_wrong_number
from bot.conversation.menu_numbers import menu_number


@pytest.mark.parametrize("body", [
    "wrong number", "You have the wrong person", "I don't know who that is", "not me, sorry", "who is this?",
    "Número equivocado", "no conozco a esa persona", "aquí no vive nadie así, no vive aqui", "打错了", "我不认识他",
    "nhầm số rồi", "Không phải tôi",
])
def test_a_reply_that_says_so_is_a_wrong_number(body: str) -> None:
    assert says_wrong_number(body)


@pytest.mark.parametrize("body", [
    "number two", "numero dos", "the second", "la segunda", "2", "two", "el segundo", "第二个", "số 2",
    "tuesday works", "none of those", "no", "stop",
])
def test_a_number_word_or_an_answer_is_not_evidence(body: str) -> None:
    assert not says_wrong_number(body)


@pytest.mark.parametrize("body", ["can my daughter call you", "soy su hijo", "this is his wife", "我是她的女儿",
                                  "I am writing for my mom", "Tôi là con của bà"])
def test_a_relative_or_caregiver_writing_is_recognised(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize("body", ["I cant do tuesday, my daughter has school", "my son will drive me", "2",
                                  "my wife said 2 is better"])
def test_a_patient_mentioning_family_is_still_the_patient(body: str) -> None:
    assert not speaks_for_someone(body)


@pytest.mark.parametrize(("body", "category"), [
    ("I feel better now", "feels_better"), ("me siento mucho mejor", "feels_better"),
    ("I switched clinics", "care_elsewhere"), ("ya me atendieron en otro lado", "care_elsewhere"),
    ("I already had it done", "already_done"), ("can't afford it", "cost"), ("ya no lo necesito", "not_needed"),
])
def test_a_reason_to_decline_has_a_category(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["2", "tuesday works", "I feel worse", "can I see the doctor on friday", "no"])
def test_an_answer_or_a_symptom_is_no_reason_to_decline(body: str) -> None:
    assert decline_reason(body) is None


@pytest.mark.parametrize(("body", "bare"), [("no", True), ("Nope", True), ("none of them", True), ("ninguna", True),
                                            ("no thanks", False), ("no, the 2nd", False), ("2", False)])
def test_a_bare_no_is_none_of_the_times(body: str, bare: bool) -> None:
    assert is_bare_no(body) is bare


@pytest.mark.parametrize(("body", "mild"), [("a little sore but ok", True), ("un poco adolorido", True),
                                            ("a little sore and the wound is red", False), ("very sore", False),
                                            ("I feel worse", False)])
def test_ordinary_recovery_is_told_from_getting_worse(body: str, mild: bool) -> None:
    assert ordinary_recovery(body) is mild


@pytest.mark.parametrize(("body", "for_person"), [("do you take my insurance?", True), ("¿aceptan mi seguro?", True),
                                                  ("is there a clinic closer to me", True), ("estoy seguro", False),
                                                  ("tuesday", False), ("2", False)])
def test_questions_only_a_person_can_answer(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


# The families the held-out outcome set measures, with examples of our own (never its rows)
@pytest.mark.parametrize(("body", "category"), [
    ("my knee is all better now", "feels_better"), ("we moved, seeing a new therapist", "care_elsewhere"),
    ("i get my care at the VA these days", "care_elsewhere"), ("going to the VA for this now", "care_elsewhere"),
    ("no tengo con que pagar", "cost"), ("我已经打过了", "already_done"), ("chị đã chụp xong rồi", "already_done"),
    ("tôi đi phòng khám khác", "care_elsewhere"), ("đắt quá", "cost"), ("I don't need it anymore", "not_needed"),
])
def test_reasons_to_decline_said_other_ways(body: str, category: str | None) -> None:
    assert decline_reason(body) == category


# the third blind probe's families, with examples of our own
@pytest.mark.parametrize(("body", "category"), [
    ("the doctor says i dont need the colonoscopy till next year", "not_needed"), ("no need, thank you", "not_needed"),
    ("mi doctor dijo que no hace falta", "not_needed"), ("我觉得不需要了", "not_needed"), ("没必要去", "not_needed"),
    ("ko can dau con", "not_needed"), ("chan da het dau roi", "feels_better"), ("me đỡ nhiều rồi", "feels_better"),
    ("con kham o pk khac roi", "care_elsewhere"), ("encontré una clínica más cerca, voy a ir allá", "care_elsewhere"),
    ("ahorita no puedo pagar eso", "cost"), ("i cant pay the copay right now", "cost"),
    ("toi chup hinh do r thang truoc", "already_done"), ("腿不疼了，不用去了", "feels_better"),
])
def test_reasons_to_decline_the_third_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["i dont need a ride, 2 works", "no need to call, texting is fine",
                                  "do I need to bring anything?", "cần gì không?"])
def test_needing_something_else_is_no_reason_to_decline(body: str) -> None:
    assert decline_reason(body) != "not_needed"


@pytest.mark.parametrize(("body", "bare"), [
    ("no, sorry", True), ("nah!", True), ("esos no", True), ("no me sirven", True), ("no, a different day", True),
    ("otro horario", True), ("不了", True), ("都不合适", True), ("hong", True), ("ko duoc", True),
    ("no thank you", False), ("不是我", False), ("tôi đau", False),
])
def test_none_of_the_times_said_other_ways(body: str, bare: bool) -> None:
    assert is_bare_no(body) is bare


@pytest.mark.parametrize(("body", "someone"), [
    ("我是病人的孙女", True), ("我帮我奶奶回信息", True), ("con là con gái của bà", True),
    ("nhắn giùm mẹ tôi", True), ("can my nephew call you back", True), ("我是张明", False), ("tôi là Lan", False),
])
def test_a_relative_writing_in_any_language(body: str, someone: bool) -> None:
    assert speaks_for_someone(body) is someone


@pytest.mark.parametrize(("body", "worse"), [
    ("伤口流脓了", True), ("还在发热", True), ("tôi bị sốt cao", True), ("me dio fiebre", True),
    ("no fever and no swelling", False), ("没有发烧", False), ("không sốt", False), ("feeling fine", False),
])
def test_getting_worse_said_in_words(body: str, worse: bool) -> None:
    assert sounds_worse(body) is worse


@pytest.mark.parametrize(("body", "cannot"), [
    ("sorry i won't be able to make it", True), ("i cant come that day", True), ("no podré ir", True),
    ("那天我来不了", True), ("hôm đó tôi không đến được", True), ("yes I'll come", False), ("sí voy", False),
])
def test_saying_you_cannot_come(body: str, cannot: bool) -> None:
    assert cannot_come(body) is cannot


@pytest.mark.parametrize(("body", "wrong"), [
    ("you have the wrong number", True), ("this is not his cell", True), ("nobody here by that name", True),
    ("发错人了吧", True), ("bạn nhắn nhầm số rồi", True), ("who is this?", False), ("not me, my daughter", False),
])
def test_plainly_not_the_patient(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


@pytest.mark.parametrize(("body", "medicine"), [
    ("question about my pills", True), ("¿puedo tomar la pastilla?", True), ("药吃完了", True),
    ("hỏi về thuốc", True), ("feeling ok", False),
])
def test_a_question_about_medicine(body: str, medicine: bool) -> None:
    assert asks_about_medicine(body) is medicine


@pytest.mark.parametrize("body", [
    "都不行", "都没空", "没有合适的", "没有合适的时间", "不", "不了", "不行", "都不合适", "这些都不行",
    "không", "Không ạ", "ko", "k", "không được", "khong duoc", "không cái nào", "khong cai nao het",
    "không có cái nào phù hợp", "ko đc",
])
def test_a_chinese_or_vietnamese_no_is_none_of_the_times(body: str) -> None:
    assert is_bare_no(body)


@pytest.mark.parametrize("body", ["不错", "没问题", "第二个", "二", "周三可以", "không sao", "thứ hai", "cái thứ hai",
                                  "không phải tôi", "ok"])
def test_a_chinese_or_vietnamese_answer_is_not_a_bare_no(body: str) -> None:
    assert not is_bare_no(body)


@pytest.mark.parametrize(("body", "fine"), [
    ("all good here", True), ("feeling alright today", True), ("todo bien gracias", True), ("挺好的", True),
    ("vẫn khỏe", True), ("not feeling great", False), ("no me siento bien", False), ("doing ok, a bit of fever", False),
])
def test_fine_since_going_home(body: str, fine: bool) -> None:
    assert feels_fine(body) is fine


@pytest.mark.parametrize(("body", "move"), [
    ("can I change the day", True), ("necesito reprogramar", True), ("换个时间吧", True),
    ("dời lịch hẹn giúp tôi", True), ("see you then", False), ("ok", False),
])
def test_asking_to_move_a_booked_visit(body: str, move: bool) -> None:
    assert wants_another_time(body) is move


@pytest.mark.parametrize(("body", "yes"), [
    ("yep see you there", True), ("sí, allí estaré", True), ("好的，我会去", True), ("vâng, tôi sẽ đến", True),
    ("yes but I can't make it", False), ("nope", False),
])
def test_yes_to_a_booked_visit(body: str, yes: bool) -> None:
    assert says_yes(body) is yes


@pytest.mark.parametrize(("body", "wants"), [
    ("yes", True), ("yeah i'd like to book", True), ("ok let's schedule it", True), ("sí, quiero hacer la cita", True),
    ("我想重新预约", True), ("muốn đặt lịch lại", True), ("yes can someone call me", False), ("no", False),
    ("quiero hablar con alguien para agendar", False), ("thôi, em không muốn đặt lịch", False),
    ("i dont want to book anything", False), ("不想预约了", False),
])
def test_a_yes_or_a_request_for_a_visit_without_a_person(body: str, wants: bool) -> None:
    assert wants_a_visit(body) is wants


@pytest.mark.parametrize(("body", "asks"), [
    ("which form do you need", True), ("¿cuál papel?", True), ("giay nao vay", True), ("要拍什么", True),
    ("ok will send tonight", False), ("mañana se lo mando", False), ("好的", False),
])
def test_a_question_is_told_from_an_answer(body: str, asks: bool) -> None:
    assert asks_a_question(body) is asks


@pytest.mark.parametrize(("body", "category"), [
    ("already seeing a dermatologist for that", "care_elsewhere"), ("我有自己的家庭医生", "care_elsewhere"),
    ("bà có bác sĩ riêng rồi", "care_elsewhere"), ("I don't need another mammogram this year", "not_needed"),
    ("医生说不用再做了", "not_needed"), ("上礼拜在别的医院检查过了", "already_done"),
    ("mới khám tuần trước", "already_done"),
])
def test_reasons_the_fourth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "for_person"), [
    ("where is your office located", True), ("¿dónde está la clínica?", True), ("诊所地址是什么", True),
    ("phòng khám ở đâu", True), ("the wednesday one", False), ("nos vemos el jueves", False),
])
def test_directions_are_for_a_person(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "wrong"), [("你哋搵錯人", True), ("không có ai tên vậy hết", True),
                                             ("我唔識", False)])
def test_wrong_number_in_cantonese_and_vietnamese(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


@pytest.mark.parametrize(("body", "for_person"), [
    ("why was i charged a late cancel fee", True), ("me cobraron doble, no es justo", True), ("为什么要收费", True),
    ("sao lại tính tiền tôi", True), ("thursday is fine", False),
])
def test_charges_and_complaints_are_for_a_person(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "category"), [
    ("my doctor and I decided it is no longer needed", "not_needed"),
    ("ahora me atiendo con otra doctora", "care_elsewhere"),
    ("no tengo la plata para pagar el deducible", "cost"),
])
def test_reasons_the_fifth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["mẹ tôi về nhà đau nhiều hơn", "ông ấy mệt nặng hơn hôm qua"])
def test_worse_than_before_in_vietnamese(body: str) -> None:
    assert sounds_worse(body)


@pytest.mark.parametrize("body", ["let me speak to your supervisor", "estoy molesta, nadie me llamó", "我要找你们经理"])
def test_upset_patients_and_managers_are_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize(("body", "category"), [
    ("my shoulder is way better now", "feels_better"), ("got my colonoscopy last spring", "already_done"),
    ("the doctor said i don't have to come back", "not_needed"),
    ("ya no tengo que venir, me dieron de alta", "not_needed"),
    ("ya tengo una doctora en la clínica del pueblo", "care_elsewhere"), ("我换了一个华人医生", "care_elsewhere"),
])
def test_reasons_the_seventh_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_thursday_is_better_is_no_reason_to_decline() -> None:
    assert decline_reason("thursday is better for me") is None


def test_a_red_flag_after_a_negated_clause_still_counts() -> None:
    assert sounds_worse("ông ăn không được, sốt nhẹ") and not sounds_worse("không sốt")


def test_a_statement_that_starts_with_cant_is_no_question() -> None:
    assert not asks_a_question("can't afford it right now, I lost my insurance")
    assert decline_reason("can't afford it right now, I lost my insurance") == "cost"


@pytest.mark.parametrize(("body", "category"), [
    ("my physician says i no longer need the yearly scans", "not_needed"),
    ("dr said I don't need mammograms any more at my age", "not_needed"),
    ("la doctora me dijo que ya no necesito venir", "not_needed"),
    ("ya me programaron con otra especialista en mi pueblo", "care_elsewhere"),
    ("我已经在唐人街那边一个心脏科医生那里看了", "care_elsewhere"),
    ("佢已經喺華埠搵咗個家庭醫生", "care_elsewhere"),
    ("co di kham bac si gan nha quen roi", "care_elsewhere"),
])
def test_reasons_the_tenth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "for_person"), [
    ("can someone help me get transportation there?", True), ("do you have a shuttle from the bus station", True),
    ("¿me pueden conseguir un raite?", True), ("有没有安排车接我", True), ("bên mình có xe đưa đón ko", True),
    ("which location is it at", True), ("¿cuál clínica es?", True), ("是哪间诊所", True), ("phòng khám nào vậy", True),
    ("is there a doctor that speaks cantonese", True), ("tienen un doctor que hable español?", True),
    ("有没有会说广东话的医生", True), ("có bác sĩ biết tiếng Việt không", True), ("do you take medi cal", True),
    ("I can't make it, my car broke down so I have no ride", False), ("my son gives me a ride, 2 is good", False),
])
def test_rides_locations_languages_and_plans_are_for_a_person(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "someone"), [
    ("hi im the home health aide for mr chen", True), ("I'm a caregiver for her, she can't see well", True),
    ("I am guardian of the patient", True), ("yo la cuido a ella, me puede decir a mi", True),
    ("我係佢個仔，佢唔識睇短訊", True), ("tôi là vợ, chồng tôi mổ xong chưa nhắn tin được", True),
    ("my caregiver will drive me, 3 is fine", False), ("em la con gai", False),
])
def test_caregivers_said_other_ways(body: str, someone: bool) -> None:
    assert speaks_for_someone(body) is someone


@pytest.mark.parametrize(("body", "wrong"), [
    ("just got this number last week, you have the wrong person", True),
    ("whoever you are trying to reach, it isn't me", True), ("me dieron este número hace poco", True),
    ("这个号码是我刚办的", True), ("số này mới là của tui mà", True),
    ("I got this number from my doctor's card", False),
])
def test_a_number_that_changed_hands_is_plainly_not_the_patient(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


@pytest.mark.parametrize(("body", "fine"), [
    ("been good, only a little stiff", True), ("getting better, just tired", True),
    ("been ok but the wound is red and hot", False),
])
def test_fine_with_ordinary_aches(body: str, fine: bool) -> None:
    assert feels_fine(body) is fine


@pytest.mark.parametrize(("body", "mild"), [("just sore around the stitches", True), ("still stiff", True),
                                            ("just sore but now a fever", False)])
def test_just_sore_is_ordinary_recovery(body: str, mild: bool) -> None:
    assert ordinary_recovery(body) is mild


@pytest.mark.parametrize(("body", "who"), [
    ("Who is this?", True), ("who's this", True), ("quién es?", True), ("¿quienes son ustedes?", True),
    ("请问你们是谁", True), ("ai vậy", True), ("who is this for? my mom?", False), ("what paper do you need", False),
])
def test_asking_who_is_writing(body: str, who: bool) -> None:
    assert asks_who_we_are(body) is who


@pytest.mark.parametrize(("body", "yes", "cannot"), [
    ("simón, ahí voy a estar", True, False), ("ahí estoy sin falta", True, False),
    ("ese día no puedo", False, True), ("can't make that day, sorry", False, True),
])
def test_yes_and_cannot_come_in_other_words(body: str, yes: bool, cannot: bool) -> None:
    assert says_yes(body) is yes and cannot_come(body) is cannot


@pytest.mark.parametrize(("body", "category"), [
    ("we found a dermatologist near work already", "care_elsewhere"), ("换了个专科医生，已经看过了", "care_elsewhere"),
    ("chị khám ở phòng khám gần nhà rồi", "care_elsewhere"), ("no tengo la lana ahorita", "cost"),
    ("早就好了，谢谢", "feels_better"), ("没有这个必要吧", "not_needed"), ("上礼拜在诊所做了检查", "already_done"),
])
def test_reasons_the_eleventh_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "for_person"), [
    ("is it still with doctor Patel?", True), ("which doctor would I be seeing", True), ("did you guys move?", True),
    ("¿ya se mudaron de la clínica vieja?", True), ("¿con qué doctor sería?", True), ("有冇識講國語嘅醫生", True),
    ("tuesday with the doctor works", False),
])
def test_which_doctor_and_where_are_for_a_person(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "later"), [
    ("on the road all week, hit me up next week", True), ("please text me again in a few days", True),
    ("escríbanme en unos días que ando fuera", True), ("过两天再发短信给我", True), ("về rồi gọi lại cho tui", True),
    ("nhắn lại sau nha", True), ("friday works, text me the address", False), ("3, call me if it changes", False),
    ("text me the details", False),
])
def test_asked_to_be_written_to_later(body: str, later: bool) -> None:
    assert asks_to_be_written_later(body) is later


@pytest.mark.parametrize(("body", "category"), [
    ("i go to a neurologist at the university now", "care_elsewhere"),
    ("ya tengo doctora, allá me atienden", "care_elsewhere"),
    ("刚做完检查", "already_done"),
])
def test_reasons_the_twelfth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "someone"), [
    ("aquí la nieta, mi abuela no lee bien los mensajes", True), ("我是王太嘅女儿", True),
    ("em lo lịch hẹn cho bà ngoại", True), ("mi abuela está bien, la del martes", False),
])
def test_relatives_the_twelfth_probe_way(body: str, someone: bool) -> None:
    assert speaks_for_someone(body) is someone


@pytest.mark.parametrize(("body", "for_person"), [
    ("do you have a mandarin interpreter", True), ("¿tienen intérprete?", True), ("有冇國語翻譯", True),
    ("bác sĩ nào vậy", True), ("is the doctor male or female", True), ("3 please", False),
])
def test_interpreters_and_which_doctor_are_for_a_person(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "category"), [
    ("nah, don't really need one", "not_needed"), ("em lành bệnh rồi", "feels_better"),
    ("上礼拜刚检查过", "already_done"), ("chị đi bác sĩ gia đình rồi", "care_elsewhere"),
])
def test_reasons_the_thirteenth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "for_person"), [
    ("can I bring my toddler?", True), ("¿puedo llevar a mi niño?", True), ("可以带小朋友去吗", True),
    ("do I need to be fasting for it", True), ("tengo que ir en ayunas?", True), ("要唔要空腹", True),
    ("có cần nhịn ăn không", True), ("哪位医生？会说粤语吗", True), ("1, I'll bring my list of meds", False),
])
def test_bringing_someone_fasting_and_which_doctor_are_for_a_person(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "wrong"), [("你哋搞錯人喇", True), ("wrong person lol", True)])
def test_the_wrong_person_in_cantonese(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


@pytest.mark.parametrize(("body", "wrong"), [("wrong # sorry", True), ("lộn số rồi", True), ("wrong time?", False)])
def test_wrong_number_typed_short(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


@pytest.mark.parametrize(("body", "category"), [
    ("bảo hiểm hông chi trả, mắc quá", "cost"), ("em khám bác sĩ ở Garden Grove rồi", "care_elsewhere"),
])
def test_reasons_the_fourteenth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "later"), [
    ("let me check with my wife and get back to you", True), ("déjame ver y le aviso", True), ("回头再告诉你", True),
    ("I'll let you know tomorrow", True), ("wed works, let me know what to bring", False),
])
def test_the_patient_will_answer_later(body: str, later: bool) -> None:
    assert asks_to_be_written_later(body) is later


@pytest.mark.parametrize(("body", "category"), [
    ("我一直看中医", "care_elsewhere"), ("về VN khám luôn rồi", "care_elsewhere"), ("佢好返晒喇", "feels_better"),
])
def test_reasons_the_fifteenth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "fine"), [("OK啦，冇乜事", True), ("没什么事，谢谢", True)])
def test_nothing_the_matter_in_chinese(body: str, fine: bool) -> None:
    assert feels_fine(body) is fine


@pytest.mark.parametrize("body", ["你係邊個", "你哋係邊個？", "请问你是谁"])
def test_who_is_this_in_cantonese(body: str) -> None:
    assert asks_who_we_are(body)


def test_no_insurance_typed_short_in_vietnamese_is_cost() -> None:
    assert decline_reason("ko co bao hiem, ton tien lam") == "cost"


@pytest.mark.parametrize(("body", "for_person"), [("收唔收Medicare㗎", True), ("有冇parking", True)])
def test_english_words_inside_chinese_are_read(body: str, for_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_person


@pytest.mark.parametrize(("body", "category"), [("我觉得冇需要", "not_needed"), ("唔使喇", "not_needed")])
def test_no_need_in_cantonese(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_none_of_them_in_cantonese() -> None:
    assert is_bare_no("全部都唔得")


def test_none_of_them_with_a_reason_in_chinese() -> None:
    assert is_bare_no("都唔得，要返工") and is_bare_no("都不行，我要上班")


def test_where_is_it_is_for_a_person() -> None:
    assert asks_what_a_person_must_answer("where is this at exactly?")


def test_a_doctors_office_in_southern_vietnamese_is_care_elsewhere() -> None:
    assert decline_reason("tui khám ở phòng mạch gần nhà rồi") == "care_elsewhere"


@pytest.mark.parametrize(("body", "readmitted"), [
    ("khỏe rồi, cám ơn bệnh viện", False), ("got home from the hospital fine, thanks", False),
    ("my dad is back in the hospital", True), ("ba tôi phải vào bệnh viện lại", True), ("我妈又进了醫院", True),
    ("la internaron otra vez", True),
])
def test_being_in_a_hospital_is_told_from_naming_one(body: str, readmitted: bool) -> None:
    assert back_in_hospital(body) is readmitted


@pytest.mark.parametrize(("body", "worse"), [
    ("put on 4 pounds since friday", True), ("my feet are so puffy", True), ("mẹ ăn không được, yếu hơn", True),
    ("eating well and walking more", False),
])
def test_fluid_weight_and_not_eating_after_discharge(body: str, worse: bool) -> None:
    assert sounds_worse(body) is worse


@pytest.mark.parametrize(("body", "category"), [("找了个中医在看", "care_elsewhere"),
                                                ("el doctor dijo que ya no hacía falta", "not_needed")])
def test_reasons_the_nineteenth_probe_found(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_asking_to_change_the_time_in_chinese() -> None:
    assert wants_another_time("帮我改个时间吧")


@pytest.mark.parametrize(("body", "category"), [
    ("no lo necesito, el hombro ya está bien", "feels_better"), ("mi espalda ya quedó bien, gracias", "feels_better"),
    ("el mamograma me lo hicieron en agosto", "already_done"), ("me la hicieron el año pasado", "already_done"),
    ("mình mới đi siêu âm tuần rồi", "already_done"), ("tôi soi hồi đầu năm rồi", "already_done"),
    ("con chuyển sang phòng khám gần nhà rồi", "care_elsewhere"), ("tui đổi qua bác sĩ khác rồi", "care_elsewhere"),
    ("già rồi, khám chi nữa", "not_needed"), ("bệnh gì đâu mà làm gì nữa", "not_needed"),
])
def test_more_reasons_to_decline_and_their_category(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", [
    "hola, soy el yerno de la señora", "soy su suegra, ella no tiene celular", "I make all her appointments, call me",
    "yo manejo sus citas, él casi no ve", "她的预约都是我来安排",
])
def test_in_laws_and_whoever_makes_the_appointments_speak_for_the_patient(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize(("body", "for_a_person"), [
    ("me pueden ayudar con el transporte?", True), ("can you help with a ride there", True),
    ("anything closer to noon?", False), ("closer to the afternoon would be better", False),
    ("is there an office closer to downtown", True),
])
def test_a_ride_is_for_a_person_and_closer_to_a_time_is_not(body: str, for_a_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_a_person


@pytest.mark.parametrize("body", ["ba tôi vô nhà thương lại rồi", "佢尋晚入返醫院"])
def test_back_in_hospital_in_southern_vietnamese_and_cantonese(body: str) -> None:
    assert back_in_hospital(body)


@pytest.mark.parametrize(("body", "category"), [
    ("honestly money's tight right now", "cost"), ("the plan barely covers therapy so I'll pass", "cost"),
    ("ya no puedo seguir pagando las sesiones", "cost"), ("tiền copay mắc quá, tui trả ko nổi", "cost"),
    ("found a physical therapy center by my job", "care_elsewhere"),
    ("mi doctora me explicó en la cita pasada que ya no hacía falta", "not_needed"),
    ("el tobillo está bastante mejor", "feels_better"), ("con đỡ nhức chân nhiều rồi", "feels_better"),
    ("má tui nội soi bên Việt Nam tháng rồi", "already_done"),
])
def test_reasons_put_in_everyday_words(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "for_a_person"), [
    ("do you guys offer any kind of transportation?", True), ("can the clinic send a van for my mom", True),
    ("I have a ride now, Thursday works", False),
])
def test_asking_whether_the_clinic_gives_rides(body: str, for_a_person: bool) -> None:
    assert asks_what_a_person_must_answer(body) is for_a_person


@pytest.mark.parametrize(("body", "someone"), [
    ("chồng tui bệnh nặng ko tự trả lời được", True), ("tôi là con dâu của bà", True), ("em la con gai", False),
])
def test_vietnamese_relatives_who_answer_for_the_patient(body: str, someone: bool) -> None:
    assert speaks_for_someone(body) is someone


@pytest.mark.parametrize("body", ["số này tui mới mua tuần trước", "ko biết ai tên Lan hết"])
def test_a_number_newly_bought_or_an_unknown_name_is_a_wrong_number(body: str) -> None:
    assert says_wrong_number(body)


@pytest.mark.parametrize(("body", "later"), [
    ("will snap a pic of it when i get home", True), ("se la envío mañana en la mañana", True),
    ("下班回家拍给你", True), ("mai tui chụp rồi gửi", True), ("I don't have that form", False),
    ("what form do you need?", False),
])
def test_a_paper_promised_for_later(body: str, later: bool) -> None:
    assert sends_document_later(body) is later


@pytest.mark.parametrize(("body", "wants"), [("anyone who can talk to me?", True), ("me quedo con la dos", False)])
def test_asking_for_a_person_in_words(body: str, wants: bool) -> None:
    assert asks_for_a_person(body) is wants


def test_a_hospital_stay_named_as_the_past_is_no_readmission() -> None:
    assert not back_in_hospital("比住院那时好多了") and back_in_hospital("她又住院了")


@pytest.mark.parametrize(("body", "category"), [
    ("ahora voy a un centro de terapia en mi pueblo", "care_elsewhere"), ("có hẹn bs bên Kaiser rồi", "care_elsewhere"),
    ("khỏi đặt lịch nha, cám ơn", "not_needed"), ("腰好了很多，不去了", "feels_better"),
])
def test_yet_more_reasons_to_decline(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "cancels"), [
    ("can you cancel my appointment, I'm traveling", True), ("cancéleme la cita", True), ("那个预约取消吧", True),
    ("hủy lịch hẹn giúp tui", True), ("please don't cancel it", False), ("đừng hủy hẹn nha", False),
])
def test_a_reminded_visit_called_off_in_words(body: str, cancels: bool) -> None:
    assert cancels_the_visit(body) is cancels


def test_a_ride_asked_for_in_vietnamese() -> None:
    assert asks_what_a_person_must_answer("phòng khám có xe đón không, tui không lái xe được")


@pytest.mark.parametrize(("body", "category"), [
    ("my knee's honestly way better", "feels_better"), ("ya me está viendo una ortopedista", "care_elsewhere"),
    ("我有自己的家庭医生", "care_elsewhere"), ("我在国内看中医了", "care_elsewhere"),
])
def test_reasons_said_in_passing(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "wrong"), [
    ("số này anh mới mua, không phải người em tìm đâu", True), ("không phải là người chị cần tìm", True),
])
def test_a_number_that_changed_hands_in_vietnamese(body: str, wrong: bool) -> None:
    assert says_wrong_number(body) is wrong


def test_a_wife_writing_in_vietnamese() -> None:
    assert speaks_for_someone("chị là vợ anh Hùng, ảnh không cầm điện thoại được")


@pytest.mark.parametrize("body", ["找到了再拍照发给你", "does the clinic do rides?"])
def test_a_paper_promised_once_found_and_rides_the_clinic_might_do(body: str) -> None:
    assert sends_document_later(body) or asks_what_a_person_must_answer(body)


@pytest.mark.parametrize(("body", "category"), [
    ("we moved to Ohio last month", "care_elsewhere"), ("me mudé a Texas", "care_elsewhere"),
    ("我搬到纽约了", "care_elsewhere"), ("找了个理疗师", "care_elsewhere"), ("我喺嗰個醫生度睇緊", "care_elsewhere"),
    ("mi sobrina me consiguió cita con una dermatóloga", "care_elsewhere"),
    ("khám bác sĩ gia đình người Hoa ở Garden Grove rồi", "care_elsewhere"),
    ("no le veo necesario la verdad", "not_needed"), ("I'm done with those screenings at my age", "not_needed"),
])
def test_moving_away_and_care_found_in_other_words(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["这个号码不是她的了", "số này giờ là của tui", "người đó đổi số rồi"])
def test_a_number_that_is_someone_elses_now(body: str) -> None:
    assert clearly_not_the_patient(body)


def test_the_one_who_does_the_scheduling_speaks_for_the_patient() -> None:
    assert speaks_for_someone("I'm the one who handles her appointments")


@pytest.mark.parametrize("body", ["ahí la llevo", "cansadita pero ya en casa"])
def test_getting_by_is_ordinary_recovery(body: str) -> None:
    assert ordinary_recovery(body)


@pytest.mark.parametrize("body", [
    "this is my mom's phone, she doesn't text", "I help her with her appointments",
    "thuốc men của má là con lo hết",
])
def test_a_relative_who_holds_the_phone_or_helps_with_appointments(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize("body", ["me pueden escribir cuando regrese de México", "ask me again next week"])
def test_written_to_again_when_the_patient_is_back(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_a_number_had_for_a_year_by_someone_else() -> None:
    assert clearly_not_the_patient("ese celular ya no es de María, yo lo tengo desde marzo")


def test_the_clinic_helping_with_transport_is_for_a_person() -> None:
    assert asks_what_a_person_must_answer("¿ustedes ayudan con transporte?")


@pytest.mark.parametrize(("body", "category"), [
    ("my back is doing a whole lot better", "feels_better"), ("ya se me quitó el dolor", "feels_better"),
    ("条腿好返好多", "feels_better"), ("ya me atiende otra neuróloga", "care_elsewhere"),
])
def test_better_said_at_length_and_another_specialist(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_a_ride_sent_by_the_clinic_in_spanish() -> None:
    assert asks_what_a_person_must_answer("me pueden mandar un raite?")


@pytest.mark.parametrize(("body", "category"), [
    ("el dolor ya se me quitó", "feels_better"), ("me lo hago en Guatemala, allá me sale más barato", "care_elsewhere"),
    ("我回香港了，在那边做检查", "care_elsewhere"), ("搵咗個識講國語嘅家庭醫生", "care_elsewhere"),
    ("tiền copay nhiều quá, tui trả không nổi", "cost"), ("hồi năm ngoái con đi chụp ở VN rồi", "already_done"),
])
def test_reasons_given_with_places_and_prices(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["chắc nhắn lộn rồi", "số này không phải của ông Nam"])
def test_a_text_sent_to_the_wrong_person_in_vietnamese(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["佢琴晚又送返醫院", "我而家喺病房"])
def test_sent_back_to_hospital_or_on_a_ward_in_cantonese(body: str) -> None:
    assert back_in_hospital(body)


@pytest.mark.parametrize(("body", "category"), [
    ("me están atendiendo en la clínica del condado", "care_elsewhere"), ("今年二月做咗啦", "already_done"),
    ("真係俾唔起", "cost"),
])
def test_seen_at_the_county_clinic_done_in_february_and_cannot_afford(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_my_moms_caregiver_and_rides_in_vietnamese() -> None:
    assert speaks_for_someone("im my dads caregiver") and asks_what_a_person_must_answer("bên mình có đưa đón không")


def test_a_long_no_and_none() -> None:
    assert is_bare_no("noo ninguna")


@pytest.mark.parametrize("body", ["the surgeon said no more visits needed", "nothing else is needed, thanks",
                                  "no se necesita, ya me dieron de alta"])
def test_told_nothing_more_is_needed(body: str) -> None:
    assert decline_reason(body) == "not_needed"


def test_a_no_then_what_i_needed_is_no_reason() -> None:
    assert decline_reason("no we needed the earlier one") is None


@pytest.mark.parametrize("body", ["这个月很忙，月底再问问我", "明天再跟我说吧"])
def test_ask_me_again_later_in_chinese(body: str) -> None:
    assert asks_to_be_written_later(body)


@pytest.mark.parametrize("body", ["she's at 医院 since last night", "we are in the 醫院 again"])
def test_the_hospital_named_in_chinese_inside_english(body: str) -> None:
    assert back_in_hospital(body)


@pytest.mark.parametrize("body", ["that's not Maria's number anymore", "this is not my aunt's phone no more"])
def test_a_number_that_belonged_to_someone_else(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["唔喺屋企，今晚影咗相先俾你", "文件在屋企，夜晚先send"])
def test_a_paper_sent_tonight_in_cantonese(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["佢琴日入咗院", "阿媽又送咗去急症室"])
def test_admitted_or_taken_to_the_er_in_cantonese(body: str) -> None:
    assert back_in_hospital(body)


def test_leaving_hospital_is_not_going_back() -> None:
    assert not back_in_hospital("上个礼拜出院了")


@pytest.mark.parametrize(("body", "category"), [
    ("năm ngoái con đi nội soi rồi", "already_done"), ("ông khỏe re, khỏi khám nha", "feels_better"),
    ("sao phải đi khám, khỏi hỉ", "not_needed"),
])
def test_done_last_year_perfectly_well_and_why_go_in_vietnamese(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["I don't want a different doctor, is it still with dr Lee?",
                                  "no quiero ir con otra doctora"])
def test_not_wanting_another_doctor_is_no_care_elsewhere(body: str) -> None:
    assert decline_reason(body) != "care_elsewhere"


@pytest.mark.parametrize("body", ["could it be with doctor Patel again?", "quisiera cita con la doctora Kim"])
def test_asking_for_one_doctor_is_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["just call me", "I'm not good with texting", "llámeme por favor",
                                  "gọi lại cho má nha", "nt tui ko biết", "给我打个电话"])
def test_asking_to_be_phoned(body: str) -> None:
    assert wants_a_call(body)


@pytest.mark.parametrize("body", ["call me back", "who will call me?", "i'll call you"])
def test_a_call_that_is_no_request_to_be_phoned(body: str) -> None:
    assert not wants_a_call(body)


@pytest.mark.parametrize("body", ["binh thuong a", "ko sao hết", "bt, không sao"])
def test_nothing_wrong_after_going_home_in_vietnamese_shorthand(body: str) -> None:
    assert feels_fine(body)


@pytest.mark.parametrize("body", ["nah none", "no nope", "nel ninguna"])
def test_two_noes_together(body: str) -> None:
    assert is_bare_no(body)


@pytest.mark.parametrize(("body", "category"), [
    ("honestly feeling a ton better, thanks", "feels_better"),
    ("we got in with a lung specialist at Mercy last week", "care_elsewhere"),
    ("nos mudamos pal norte, me mude pa Texas", "care_elsewhere"),
    ("我妈已经转去唐人街的诊所看了", "care_elsewhere"), ("这种检查不必再做了吧", "not_needed"),
])
def test_reasons_said_the_way_people_say_them(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["能不能换一个医生？", "can I get a different doctor this time?",
                                  "¿puedo cambiar de doctora?"])
def test_asking_for_another_doctor_here_is_for_a_person_not_a_decline(body: str) -> None:
    assert asks_what_a_person_must_answer(body) and decline_reason(body) is None


@pytest.mark.parametrize("body", ["i need to talk to a real person", "quiero hablar con una persona de verdad",
                                  "有没有真人回复？", "cho tui gặp nhân viên"])
def test_asking_for_a_real_person(body: str) -> None:
    assert wants_a_real_person(body)


def test_asking_whether_we_are_a_real_person_is_not_asking_for_one() -> None:
    assert not wants_a_real_person("are you a real person?")


@pytest.mark.parametrize("body", ["我不是王芳，你们找错了吧", "这个手机号是我新办的", "你们传错人啦", "我不叫这个名字"])
def test_not_the_person_named_in_chinese(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["我不是很忙", "我不是病人，是她女儿", "我不是故意的"])
def test_not_something_else_is_no_wrong_number(body: str) -> None:
    assert not clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["ai đó gọi lại cho ông được không", "mắt kém, đọc tin nhắn không được"])
def test_asking_to_be_phoned_by_an_older_vietnamese_patient(body: str) -> None:
    assert wants_a_call(body)


@pytest.mark.parametrize("body", ["después de navidad me escriben", "pasando las fiestas, en enero me llaman",
                                  "after the holidays please", "过完年再约吧", "qua tết rồi hẹn nha"])
def test_after_the_holidays(body: str) -> None:
    assert asks_to_be_written_later(body)


@pytest.mark.parametrize("body", ["ninguna, ando de viaje", "none of those, I work all week", "neither. sorry"])
def test_none_of_them_first_then_why(body: str) -> None:
    assert is_bare_no(body)


def test_a_plain_no_with_words_after_it_is_not_none_of_them() -> None:
    assert not is_bare_no("no, my daughter will call you")


@pytest.mark.parametrize("body", ["ok, tuesday. I'll be there", "vâng, ok con sẽ đến", "thứ ba hả, ok tui sẽ tới"])
def test_a_yes_with_a_promise_to_come(body: str) -> None:
    assert says_yes(body)


@pytest.mark.parametrize("body", ["no me sirven, trabajo toda la semana", "those don't work, I'm traveling"])
def test_those_times_turned_down_first_then_why(body: str) -> None:
    assert is_bare_no(body)


@pytest.mark.parametrize(("body", "category"), [
    ("mi hija me va a llevar con una doctora de Houston", "care_elsewhere"),
    ("allá me sale bien más barato", "cost"), ("con chuyển qua Dallas rồi, khám bên đó luôn", "care_elsewhere"),
])
def test_care_taken_across_a_border_or_a_state(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_a_wrong_number_that_was_never_in_hospital() -> None:
    text = "nhầm số rồi, tui có nằm viện đâu"
    assert clearly_not_the_patient(text) and not back_in_hospital(text)


@pytest.mark.parametrize("body", ["I was never in the hospital", "我没住过院啊"])
def test_never_in_hospital_is_no_readmission(body: str) -> None:
    assert not back_in_hospital(body)


@pytest.mark.parametrize(("body", "category"), [
    ("im fine now, knee dont hurt none", "feels_better"),
    ("we're back in Manila, we'll get it done here", "care_elsewhere"),
    ("me regreso a Honduras, allá me hago los estudios", "care_elsewhere"),
    ("lo veo con mi doctor de siempre", "care_elsewhere"),
])
def test_better_now_or_seen_back_home(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["se equivocaron de persona", "aquí no vive ninguna Marisol"])
def test_the_wrong_person_in_spanish(body: str) -> None:
    assert clearly_not_the_patient(body)


def test_a_real_person_in_vietnamese_shorthand() -> None:
    assert wants_a_real_person("cho mình nc với ng thật") and not wants_a_real_person("nói thật là tôi bận")


@pytest.mark.parametrize("body", ["qua tháng 2 mới về, lúc đó hẹn", "sang tuần sau rồi gọi"])
def test_away_until_next_month_in_vietnamese(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_coming_said_in_vietnamese_is_a_yes() -> None:
    assert says_yes("thứ 3 em đến được")


@pytest.mark.parametrize(("body", "number"), [("1 还好", 1), ("3 可以", 3), ("2 谢谢", 2)])
def test_a_menu_number_with_a_chinese_ok_after_it(body: str, number: int) -> None:
    assert menu_number(body) == number


@pytest.mark.parametrize(("body", "category"), [
    ("ya me la hise en septiembre", "already_done"), ("佢而家睇緊第二個醫生", "care_elsewhere"),
])
def test_done_as_heard_and_seeing_another_doctor_in_cantonese(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["no conozco a esa señora", "este numero es mio hace 2 años"])
def test_a_stranger_to_the_patient_in_spanish(body: str) -> None:
    assert clearly_not_the_patient(body)


def test_help_then_who_is_this() -> None:
    assert asks_who_we_are("HELP! who is this")


@pytest.mark.parametrize("body", ["doin ok", "feelin good"])
def test_fine_with_the_g_dropped(body: str) -> None:
    assert feels_fine(body)


def test_back_in_a_month_said_in_vietnamese_is_later() -> None:
    assert asks_to_be_written_later("tuần sau mới về, lúc đó nhắn")


def test_can_go_said_in_vietnamese_shorthand() -> None:
    assert says_yes("t3 đi đc") and not says_yes("t3 ko đi đc")


@pytest.mark.parametrize(("body", "category"), [
    ("i dont think i need the screening, never been sick", "not_needed"),
    ("allá me estoy tratando con una doctora", "care_elsewhere"), ("看不起病了，不约了", "cost"),
])
def test_no_need_treated_there_or_cannot_afford(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_a_doctor_who_speaks_chinese_asked_for_by_name_is_for_a_person() -> None:
    assert asks_what_a_person_must_answer("能不能换成会说国语的李医生")


@pytest.mark.parametrize("body", ["这个不是她的手机", "我根本不认识她"])
def test_not_her_phone_and_a_stranger_in_chinese(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["la primera está bien", "el de las 4 esta bien", "la 2da esta bien gracias"])
def test_an_option_that_is_fine_is_no_reason_to_decline(body: str) -> None:
    assert decline_reason(body) is None


@pytest.mark.parametrize(("body", "category"), [("佢個腰已經唔痛喇", "feels_better"),
                                                ("上星期喺診所驗咗血喇", "already_done")])
def test_no_more_pain_and_done_last_week_in_cantonese(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["我下星期先覆你", "我回美国以后再约"])
def test_answering_later_in_chinese(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_back_in_hospital_said_with_fan_in_cantonese() -> None:
    assert back_in_hospital("阿爸又住返院")


def test_a_named_doctor_asked_for_in_english() -> None:
    assert asks_what_a_person_must_answer("could we get doctor Adams this time?")


@pytest.mark.parametrize("body", ["this isn't Maria, she used to have this number before",
                                  "ella tenia este numero antes, ya no es de ella", "这个号码以前是别人的"])
def test_a_number_that_someone_else_had_before_is_a_wrong_number(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["every visit costs me $40, I can't keep paying it",
                                  "honestly can't keep affording this"])
def test_not_able_to_keep_paying_is_a_cost_reason(body: str) -> None:
    assert decline_reason(body) == "cost"


def test_seen_at_a_clinic_somewhere_else_in_vietnamese() -> None:
    assert decline_reason("tui đi khám ở phòng khám bên Houston rồi") == "care_elsewhere"


@pytest.mark.parametrize("body", ["what type of specialist is this?", "nobody ever told me what this is about",
                                  "¿qué tipo de doctor es?", "这是看什么科的", "khám gì vậy"])
def test_what_the_visit_is_for_is_a_question_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["e là con trai ông Tư, ổng không biết nhắn tin", "cháu là cháu ngoại của bà ạ",
                                  "con đặt lịch giùm má được không", "má e ko biết đọc tin nhắn"])
def test_a_grandchild_or_child_writing_in_vietnamese(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize(("body", "fine"), [("khoe r", True), ("tot lam, an uong ngu duoc", True),
                                            ("on and off pain in my knee", False), ("on r nhung bi sot", False)])
def test_fine_typed_short_in_vietnamese(body: str, fine: bool) -> None:
    assert feels_fine(body) is fine


@pytest.mark.parametrize(("body", "category"), [
    ("voy a atenderme con una doctora de mi iglesia", "care_elsewhere"),
    ("been seeing my chiropractor instead", "care_elsewhere"),
    ("我妈已经转到另外一家医院做理疗了", "care_elsewhere"),
    ("no creo que la necesite, me siento sana", "not_needed"),
    ("Im perfectly healthy, dont need it", "not_needed"),
])
def test_care_with_someone_else_or_no_need_said_new_ways(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["what is this specialist for?", "这个科是看什么的", "去之前要不要先空腹？"])
def test_what_a_specialist_is_for_and_how_to_prepare_go_to_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["will text you the pic in the morning", "明早拍给你",
                                  "after my shift I'll send the photo"])
def test_a_paper_sent_in_the_morning_or_after_a_shift(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["we go to a clinic thats closer now", "tui chuyển sang phòng khám khác gần nhà rồi"])
def test_care_moved_somewhere_closer_is_care_elsewhere(body: str) -> None:
    assert decline_reason(body) == "care_elsewhere"


@pytest.mark.parametrize("body", ["phòng khám ở mô rứa", "có gần Garden Grove không"])
def test_where_in_central_vietnamese_and_is_it_near_go_to_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["这个是我奶奶的电话，她不识字", "这是我爸的手机"])
def test_a_grandparents_or_parents_phone_is_a_relative_writing(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize(("body", "yes"), [("uk nhớ rồi", True), ("ừ ok", True), ("tui tới", True),
                                           ("u there?", False), ("u guys open friday", False)])
def test_vietnamese_yes_said_with_u_and_english_u_is_no_yes(body: str, yes: bool) -> None:
    assert says_yes(body) is yes


@pytest.mark.parametrize("body", ["getting my therapy with a clinic near work now", "đi tập ở chỗ gần nhà rồi"])
def test_care_taken_at_another_place_is_care_elsewhere(body: str) -> None:
    assert decline_reason(body) == "care_elsewhere"


@pytest.mark.parametrize("body", ["¿para qué es el referido?", "no me explicaron para qué"])
def test_what_the_referral_is_for_in_spanish_goes_to_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["我这个号码是去年才换的，你们打错了", "我不是你要找的人"])
def test_a_number_new_last_year_or_not_the_person_sought_is_a_wrong_number(body: str) -> None:
    assert clearly_not_the_patient(body)


def test_readmitted_said_with_ingresada() -> None:
    assert back_in_hospital("la ingresaron otra vez, está ingresada en el Memorial")


def test_a_paper_sent_when_back_next_week() -> None:
    assert sends_document_later("I'll send it when I'm back home next week")


def test_care_moved_to_a_place_by_work_is_care_elsewhere() -> None:
    assert decline_reason("switched my appointments to a clinic near my office") == "care_elsewhere"


@pytest.mark.parametrize("body", ["new baby at home, can we do this in a few weeks", "can we revisit this next month"])
def test_putting_it_off_for_weeks_is_later(body: str) -> None:
    assert asks_to_be_written_later(body)


@pytest.mark.parametrize("body", ["im my moms legal guardian", "I am the patient's conservator", "我系佢嘅外婆"])
def test_a_guardian_or_a_grandparent_writing(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize(("body", "category"), [
    ("ya me ve una doctora en el Memorial", "care_elsewhere"),
    ("I already see a cardiologist at Baptist", "care_elsewhere"),
    ("我都在唐人街那边的诊所看", "care_elsewhere"), ("我返大陆再检查", "care_elsewhere"),
    ("ya hago mis ejercicios en casa", "not_needed"), ("免了，多谢", "not_needed"),
    ("bảo hiểm bên tui hổng chi trả", "cost"), ("khám hoài tốn quá", "cost"),
    ("tui khám cái đó rồi tháng trước", "already_done"), ("con đỡ rồi", "feels_better"),
])
def test_reasons_said_in_new_ways_keep_their_category(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_no_such_person_at_our_home_in_hokkien_is_a_wrong_number() -> None:
    assert clearly_not_the_patient("阮厝无这个人")


@pytest.mark.parametrize(("body", "category"), [
    ("I don't think I need to see a cardiologist", "not_needed"),
    ("had the screening done at another clinic in October", "already_done"),
    ("đi bác sĩ gia đình gần nhà rồi", "care_elsewhere"),
])
def test_no_need_a_test_done_elsewhere_and_a_doctor_near_home(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_remind_me_tomorrow_is_later() -> None:
    assert asks_to_be_written_later("can u remind me tmrw")


@pytest.mark.parametrize("body", ["还可以", "还行吧"])
def test_still_alright_in_chinese_is_fine(body: str) -> None:
    assert feels_fine(body)


def test_went_for_the_checkup_already_in_vietnamese_is_already_done() -> None:
    assert decline_reason("em đi khám rồi, khỏi nha") == "already_done"


@pytest.mark.parametrize("body", ["要去哪一科？", "医生是谁？"])
def test_which_department_or_which_doctor_goes_to_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize(("body", "worse"), [("he's in a lot of pain and hasn't eaten since he got home", True),
                                             ("sigue con mucho dolor", True), ("吃不下东西", True),
                                             ("no tiene mucho dolor, ya come bien", False)])
def test_much_pain_or_not_eating_after_discharge_is_getting_worse(body: str, worse: bool) -> None:
    assert sounds_worse(body) is worse


def test_switched_to_a_clinic_in_spanish_is_care_elsewhere() -> None:
    assert decline_reason("me pasé a otro consultorio") == "care_elsewhere"


def test_someone_who_speaks_vietnamese_calling_is_a_call_asked_for() -> None:
    assert wants_a_call("có ai nói tiếng Việt gọi cho bác được không")


@pytest.mark.parametrize(("body", "category"), [("I'll stay with my own cardiologist, thanks", "care_elsewhere"),
                                                ("k đc bữa nào hết", None)])
def test_staying_with_my_own_doctor_and_no_day_at_all(body: str, category: str | None) -> None:
    assert decline_reason(body) == category


def test_no_day_at_all_in_vietnamese_is_a_bare_no() -> None:
    assert is_bare_no("ko được ngày nào hết")


@pytest.mark.parametrize("body", ["¿me pueden escribir la otra semana?", "tuần sau gọi lại cho tui nha"])
def test_write_to_me_the_week_after_said_other_ways(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_remind_me_tomorrow_in_spanish_is_later() -> None:
    assert asks_to_be_written_later("¿me pueden recordar el lunes?")


def test_treated_elsewhere_in_cantonese_is_care_elsewhere() -> None:
    assert decline_reason("我喺第二度做緊治療") == "care_elsewhere"


@pytest.mark.parametrize(("body", "category"), [
    ("we go to kaiser for all of that now", "care_elsewhere"),
    ("ya tengo mi neurologo en Hialeah", "care_elsewhere"),
    ("bác qua khám bên Westminster rồi", "care_elsewhere"),
    ("I had the mammogram already, in october", "already_done"),
    ("我已经喺法拉盛做咗", "already_done"),
    ("a mi edad ya no creo que necesite eso", "not_needed"),
    ("我这个年纪不用再检查了", "not_needed"),
    ("ông 90 tuổi rồi, khám chi nữa", "not_needed"),
    ("me siento bien, no lo necesito", "not_needed"),
    ("my back good now, thanks anyway", "feels_better"),
    ("ya ando mejor, gracias", "feels_better"),
    ("el copago no me da el bolsillo", "cost"),
    ("em không muốn tập nữa", "not_needed"),
    ("I go to the gym for that", None),
])
def test_reasons_to_decline_said_plainly(body: str, category: str | None) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "decided"), [("what does it cost? i cant pay that, no thanks", True),
                                              ("el deducible es muy alto, lo dejo así", True),
                                              ("what does it cost?", False)])
def test_a_reason_that_ends_in_a_decision(body: str, decided: bool) -> None:
    assert decides_against(body) is decided


@pytest.mark.parametrize("body", ["hi its Keisha mom, she has school", "this is Tony dad writing", "我係佢個仔"])
def test_a_parent_writing_by_the_childs_name(body: str) -> None:
    assert speaks_for_someone(body)


@pytest.mark.parametrize("body", ["this is a question", "its just me", "this is my mom"])
def test_no_parent_writing_in_plain_words(body: str) -> None:
    assert not speaks_for_someone(body)


@pytest.mark.parametrize("body", ["what is the checkup for?", "这个科是干啥的", "要自费吗"])
def test_what_the_visit_is_for_or_paying_yourself_is_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["ok nos vemos", "嗯嗯 到时见", "好嘞"])
def test_yes_said_casually(body: str) -> None:
    assert says_yes(body)


def test_a_menu_number_with_a_casual_ok() -> None:
    assert menu_number("2 sale") == 2 and menu_number("1 dale") == 1


def test_fine_and_eating_in_vietnamese_typed_short() -> None:
    assert feels_fine("ổn, ăn cơm được") and feels_fine("khoe, an uong ngon")


@pytest.mark.parametrize("body", ["ping me back thursday", "escríbeme en la tarde", "mai nhắn lại nha", "改天再联系"])
def test_a_way_back_to_the_patient_named(body: str) -> None:
    assert asks_to_be_contacted(body)


def test_after_five_only_names_no_way_back() -> None:
    assert not asks_to_be_contacted("only after 4, I work days")


@pytest.mark.parametrize("body", ["can you remind me friday", "remind me then, I'm away till monday", "后天提醒我"])
def test_reminded_on_a_day_is_written_later(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_the_paper_sent_when_home_in_spanish() -> None:
    assert sends_document_later("ahorita no puedo, cuando llegue le mando la foto")


@pytest.mark.parametrize(("body", "category"), [
    ("the tribal clinic in Tahlequah takes care of all my doctoring", "care_elsewhere"),
    ("voy a seguir con mi fisioterapeuta de siempre", "care_elsewhere"),
    ("我在UCSF那边已经有医生在看", "care_elsewhere"),
    ("ko có insurance, mắc lắm", "cost"),
    ("我的腰好返好多，唔使再做", "feels_better"),
])
def test_more_reasons_to_decline_said_plainly(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["will medicaid cover it?", "is it in Dallas or Fort Worth?"])
def test_coverage_and_which_city_are_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["send this again friday please", "text me again monday"])
def test_send_it_again_on_a_day_is_later(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_all_ok_in_chinese_with_english() -> None:
    assert feels_fine("都OK啦") and feels_fine("还ok，谢谢")


def test_a_mistake_about_the_option_number_is_no_wrong_number() -> None:
    assert not says_wrong_number("số 2 à ko lộn, số 1") and not clearly_not_the_patient("lộn số 3, lấy số 1")
    assert says_wrong_number("lộn số rồi")


@pytest.mark.parametrize(("body", "category"), [("ya me están tratando, gracias", "care_elsewhere"),
                                                ("the doctor too mahal lah", "cost"),
                                                ("我在法拉盛的诊所看，不用约", "care_elsewhere")])
def test_seen_already_and_expensive_said_other_ways(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["礼拜四我会来的", "好嘞 到时候见"])
def test_coming_said_in_chinese(body: str) -> None:
    assert says_yes(body)


def test_a_check_in_answered_by_its_number_and_thanks() -> None:
    from bot.conversation.reminder_and_checkin import reads_as_checkin_answer
    assert reads_as_checkin_answer("1 🙂 thank you for asking") and not reads_as_checkin_answer("thank you for asking")


@pytest.mark.parametrize(("body", "category"), [("already have a dermatologist downtown, thanks", "care_elsewhere"),
                                                ("要自费好几百，先不约了", "cost"), ("腰好势了", "feels_better")])
def test_a_doctor_already_had_is_elsewhere_and_paying_hundreds_is_cost(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["does the clinic take molina?", "will i need a new referral?"])
def test_plans_taken_and_referrals_needed_are_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["opo salamat", "wi, m ap vini"])
def test_yes_in_tagalog_and_haitian_creole(body: str) -> None:
    assert says_yes(body)


def test_a_grandchild_by_the_patients_name_and_a_number_to_call() -> None:
    assert speaks_for_someone("hola soy nieto de Don Luis") and wants_a_call("cho tui số điện thoại nào để gọi")


def test_no_need_to_hold_the_spot_cancels_and_shi_confirms() -> None:
    assert cancels_the_visit("那天不在，不用留位了") and says_yes("是的 我会到") and not says_yes("是不是要带卡")


def test_get_in_touch_next_week_in_traditional_chinese() -> None:
    assert asks_to_be_written_later("下個月再聯絡我")


@pytest.mark.parametrize(("body", "category"), [("back quit hurtin a while ago", "feels_better"),
                                                ("ankle's good as new", "feels_better"),
                                                ("already seein a lung doctor in Jackson", "care_elsewhere"),
                                                ("en mi pueblo me van a revisar, alla me va a ver el doctor",
                                                 "care_elsewhere"),
                                                ("I had it done before but it's too expensive", "cost")])
def test_reasons_said_as_people_talk(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_what_kinda_doctor_and_i_will_answer_tonight() -> None:
    assert asks_what_a_person_must_answer("what kinda visit is this?")
    assert asks_to_be_written_later("ahorita no puedo, le respondo en la noche")


@pytest.mark.parametrize(("body", "category"), [("the doctor say I am old now, khỏi cần", "not_needed"),
                                                ("ông lớn tuổi rồi, khỏi cần", "not_needed"),
                                                ("we are moving to Ohio, my new doctor there", "care_elsewhere"),
                                                ("me cambié de fisio", "care_elsewhere"),
                                                ("唔使做呢個", "not_needed"), ("医生上个月已经看过了", "already_done")])
def test_more_reasons_in_every_language(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_a_number_bought_lately_and_remind_me_tomorrow_in_vietnamese() -> None:
    assert clearly_not_the_patient("số này tui mới mua tháng trước")
    assert asks_to_be_written_later("mai nhắc em lại nha")


def test_help_then_what_is_this_in_chinese_asks_who_we_are() -> None:
    assert asks_who_we_are("HELP 这是什么")


@pytest.mark.parametrize("body", ["聽日提吓我", "过两个星期再联系我"])
def test_remind_me_tomorrow_in_cantonese_and_in_two_weeks(body: str) -> None:
    assert asks_to_be_written_later(body)


@pytest.mark.parametrize(("body", "category"), [("em khám sức khỏe bên phòng khám gần nhà rồi", "care_elsewhere"),
                                                ("me cambié a una terapeuta en mi pueblo", "care_elsewhere")])
def test_seen_elsewhere_said_with_more_words(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_what_the_specialist_sees_and_why_referred_in_vietnamese() -> None:
    assert asks_what_a_person_must_answer("chuyên khoa này khám về gì vậy")
    assert asks_what_a_person_must_answer("sao bác sĩ lại giới thiệu tôi qua đó")


def test_a_daughter_by_her_mothers_name_in_cantonese() -> None:
    assert speaks_for_someone("我係李太個女") and not speaks_for_someone("我是张医生的病人")


def test_will_come_said_in_cantonese_confirms() -> None:
    assert says_yes("會嚟，唔該") and says_yes("一定到")


@pytest.mark.parametrize(("body", "category"), [("no tengo ese dinero ahorita", "cost"),
                                                ("vai bớt đau nhiều rồi", "feels_better")])
def test_that_money_and_less_pain(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize(("body", "category"), [
    ("we use the walk in clinic near my work instead", "care_elsewhere"),
    ("I see the doctor at the community clinic in our town now", "care_elsewhere"),
    ("the VA handles all that", "care_elsewhere"), ("my clinic back home takes care of everything", "care_elsewhere"),
    ("ya me revisó una doctora en el centro de salud", "care_elsewhere"),
    ("ya tengo cita con un especialista en mi ciudad", "care_elsewhere"),
    ("我儿子学校那边在看了", "care_elsewhere"), ("chị có bác sĩ khác rồi, không cần đâu", "care_elsewhere"),
    ("I don't think I need to go back, it healed up", "not_needed"), ("没那必要", "not_needed"),
    ("bác thấy chưa cần thiết", "not_needed"), ("the shoulder's fully recovered", "feels_better"),
    ("ya toy bien de la espalda", "feels_better"), ("前几天刚体检完", "already_done"),
    ("anh mới đi check up hồi tháng trước rồi", "already_done"),
    ("copay cao quá, không afford nổi", "cost"),
])
def test_reasons_said_in_more_ways_keep_their_category(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["I go to the dialysis clinic on thursdays", "my son takes care of that for me"])
def test_a_clinic_named_in_passing_is_no_reason_to_decline(body: str) -> None:
    assert decline_reason(body) is None


@pytest.mark.parametrize("body", ["thôi khỏi, em không đặt lịch nữa đâu", "nah i'll pass", "唔预约喇", "pass thanks"])
def test_a_visit_refused_outright_with_no_reason(body: str) -> None:
    assert refuses_a_visit(body) and not wants_a_visit(body)


@pytest.mark.parametrize("body", ["có đặt lịch được nữa không?", "pass me the 2:30 one", "ok pass on tuesday, 3 then"])
def test_asking_or_choosing_is_no_refusal(body: str) -> None:
    assert not refuses_a_visit(body)


@pytest.mark.parametrize("body", ["I'll get my nephew to snap a photo of it when he visits", "will text the pic after",
                                  "te paso la foto esta noche", "les mando el papel cuando llegue del trabajo"])
def test_the_paper_sent_later_by_someone_or_after_something(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["I'll reply to you tonight after work", "escribime mañana que ahora no puedo",
                                  "để tháng sau tính nha con"])
def test_answering_later_in_more_words(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_a_relative_who_is_the_son_of_the_patient_by_name() -> None:
    assert speaks_for_someone("Good day, I am the daughter of Mr. Okafor")


@pytest.mark.parametrize("body", ["where is y'all's clinic", "có chỗ đỗ xe gần phòng khám không",
                                  "đi xe buýt tới được không", "¿cuánto me saldría sin seguro?"])
def test_directions_parking_and_price_are_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize(("body", "wrong"), [("this is a work cell, there is no Marcus here, wrong number", True),
                                             ("this is the phone of another person", True),
                                             ("No Problem here, thursday works", False)])
def test_a_name_not_here_is_a_wrong_number(body: str, wrong: bool) -> None:
    assert clearly_not_the_patient(body) is wrong


@pytest.mark.parametrize("body", ["fine overall, going back to work tomorrow", "un poquito adolorío, pero bien",
                                  "vết mổ còn đau âm ỉ, ăn uống được"])
def test_recovery_as_expected_in_more_words(body: str) -> None:
    assert feels_fine(body) or ordinary_recovery(body)
    assert not sounds_worse(body)


def test_the_turno_cancelled_in_argentine_spanish() -> None:
    assert cancels_the_visit("cancelame el turno por favor")


@pytest.mark.parametrize(("body", "category"), [
    ("we just go to the urgent care by the mall for those", "care_elsewhere"),
    ("me estoy tratando con una fisioterapeuta particular", "care_elsewhere"),
    ("我返咗广州睇咗医生", "care_elsewhere"), ("在法拉盛那边的诊所看过了", "care_elsewhere"),
    ("his shoulder has improved a great deal", "feels_better"), ("la espalda quedó como nueva", "feels_better"),
    ("bác khôn cần mấy cái ni", "not_needed"), ("ko cần khám đâu", "not_needed"), ("我好好的 查啥 不用", "not_needed"),
    ("I'm retired on a fixed income", "cost"), ("can't swing another copay right now", "cost"),
])
def test_more_reasons_keep_their_category(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_being_at_work_now_is_no_care_elsewhere() -> None:
    assert decline_reason("我现在在上班 没空看") is None
    assert decline_reason("我在你们诊所看过了") == "already_done"


def test_do_not_book_anything_refuses_the_visit() -> None:
    assert refuses_a_visit("thanks but please don't book anything")


@pytest.mark.parametrize("body", ["I'll scan it and send it over this afternoon", "we'll send it when he gets back",
                                  "周六拿到再拍给你们"])
def test_the_paper_sent_later_in_more_ways(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["please contact me monday", "等我放工再覆你"])
def test_written_to_later_in_more_ways(body: str) -> None:
    assert asks_to_be_written_later(body)


@pytest.mark.parametrize("body", ["could someone have a nurse phone me", "i don't do well with these automated texts"])
def test_a_call_asked_for_in_long_words(body: str) -> None:
    assert wants_a_call(body)


def test_talking_to_a_human_is_a_real_person() -> None:
    assert wants_a_real_person("can i speak with a human")


@pytest.mark.parametrize("body", ["puedo parquear ahí?", "离哪间诊所近地铁", "邊間醫院？"])
def test_parking_and_which_clinic_are_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


def test_the_weekend_i_can_bring_my_dad_is_no_question() -> None:
    assert not asks_what_a_person_must_answer("周末我可以带我妈去")


def test_not_that_person_in_central_vietnamese() -> None:
    assert clearly_not_the_patient("tui khôn phải người đó") and clearly_not_the_patient("số ni em mới mua")


@pytest.mark.parametrize("body", ["sleeping better than I did in the hospital",
                                  "better food at home than at the hospital"])
def test_the_hospital_compared_with_home_is_no_readmission(body: str) -> None:
    assert not back_in_hospital(body)


@pytest.mark.parametrize("body", ["fine overall", "ok rồi, đi làm lại rồi"])
def test_fine_and_back_to_work(body: str) -> None:
    assert feels_fine(body)


def test_bet_and_see_yall_confirm() -> None:
    assert says_yes("bet") and says_yes("see ya tuesday")


@pytest.mark.parametrize(("body", "category"), [
    ("got my yearly done with my own doctor in september", "already_done"),
    ("mom had her check up already last week", "already_done"),
    ("can't pay another ER bill this month", "cost"), ("no nos lo podemos permitir", None),
    ("ahorita no me lo puedo permitir", "cost"), ("保险不报销 自付太贵", "cost"),
    ("ya estoy bastante mejor", "feels_better"), ("im feeling beter", "feels_better"),
    ("my wife's médica de cabecera handles this", None), ("mi médica de cabecera me lo revisa", "care_elsewhere"),
    ("we go to the community clinic on our street", "care_elsewhere"), ("医生认为并无必要", "not_needed"),
    ("the doctor say I don't need it", "not_needed"),
])
def test_reasons_as_more_people_say_them(body: str, category: str | None) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["经家人商量，决定不再就诊", "暂不预约了", "dạ con không hẹn lại nha"])
def test_a_visit_refused_formally(body: str) -> None:
    assert refuses_a_visit(body)


@pytest.mark.parametrize("body", ["I'll find it and send you a pic this weekend", "sunday i send it"])
def test_a_picture_promised_for_a_day(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["can you check back with me friday", "escribidme mañana"])
def test_checking_back_and_vosotros(body: str) -> None:
    assert asks_to_be_written_later(body)


@pytest.mark.parametrize("body", ["is it at the main street office?", "¿en qué edificio es?"])
def test_which_building_is_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


def test_i_will_take_the_picture_is_no_insurance_question() -> None:
    assert not asks_what_a_person_must_answer("I will take the picture tonight")


@pytest.mark.parametrize("body", ["soy su marido", "que me llame una persona por favor"])
def test_a_husband_and_a_person_to_call(body: str) -> None:
    assert speaks_for_someone(body) or wants_a_real_person(body)


@pytest.mark.parametrize("body", ["wrong numbr", "this used to be my late husband's number", "e mới mua sim này",
                                  "ko biết người này là ai"])
def test_wrong_numbers_typed_fast_or_numbers_that_changed_hands(body: str) -> None:
    assert clearly_not_the_patient(body)


def test_worse_after_going_home_in_formal_chinese() -> None:
    assert sounds_worse("比出院的时候更乏力") and sounds_worse("食欲差了很多")


def test_going_on_time_in_chinese_confirms() -> None:
    assert says_yes("我会准时到")


@pytest.mark.parametrize("body", ["oops wrong number, i meant 2", "this used to be my husband's phone, now it's mine",
                                  "Do you have a phone number for other people who need rides?",
                                  "Bác sĩ Trần? em ko biết người đó là ai"])
def test_a_slip_a_phone_that_is_theirs_now_or_a_question_is_no_wrong_number(body: str) -> None:
    assert not clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["my pain has not improved at all", "still not fully recovered from surgery",
                                  "检查完要多久才能开车？", "I had my annual scheduled but they canceled it",
                                  "¿Me va a atender la doctora García?",
                                  "I go to the clinic in the mornings, so 9am works",
                                  "Will the doctor take care of that during the visit?",
                                  "我回了家看看日历再回复你",
                                  "保险报销不报销？", "自付会不会很高？", "要带保险卡还是不用？",
                                  "I don't think I have to fast, right?",
                                  "I no longer need a ride, my son will drive me"])
def test_questions_and_things_not_yet_better_are_no_reason_to_decline(body: str) -> None:
    assert decline_reason(body) is None


@pytest.mark.parametrize("body", ["I'll pass the message to my mom", "don't book it yet, let me check with my daughter",
                                  "我不再去上班了，所以什么时间都可以", "还约不约了？"])
def test_passing_a_message_waiting_or_a_question_is_no_refusal(body: str) -> None:
    assert not refuses_a_visit(body)


@pytest.mark.parametrize(("body", "category"), [
    ("the insurance didnt pay last time, cant do it", "cost"), ("ahorita no tenemos para pagar", "cost"),
    ("没保险 整不起", "cost"), ("copay còn cao quá", "cost"), ("腿早好利索了", "feels_better"),
    ("没啥必要", "not_needed"), ("已经在另一家医院看了", "care_elsewhere"),
    ("my cardiologist at the university is handling it", "care_elsewhere"),
    ("她已经好多了，不想再做了", "feels_better"),
])
def test_reasons_from_the_farm_and_the_city(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_done_with_doctors_refuses() -> None:
    assert refuses_a_visit("I'm done with doctors for a while")


def test_have_somebody_call_him() -> None:
    assert wants_a_call("he said have somebody call him tonight")


@pytest.mark.parametrize("body", ["tired but managing", "ăn được ngủ được", "còn mệt chút"])
def test_managing_eating_and_a_little_tired(body: str) -> None:
    assert (feels_fine(body) or ordinary_recovery(body)) and not sounds_worse(body)


def test_a_work_phone_with_no_such_person() -> None:
    assert clearly_not_the_patient("this is a work phone, no Angela here")
    assert clearly_not_the_patient("số này là số công ty, không có ai tên Lan")


def test_ready_and_on_time_in_northern_chinese() -> None:
    assert says_yes("妥了 准到")


@pytest.mark.parametrize(("body", "category"), [("got a pcp through my job already", "care_elsewhere"),
                                                ("did it at the county clinic in october", "already_done"),
                                                ("deductible is 5k lol", "cost"), ("gối đỡ đau rồi", "feels_better"),
                                                ("tui check up rồi", "already_done"),
                                                ("我喺附近嗰間診所睇咗", "care_elsewhere")])
def test_reasons_said_short(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["I'll look for it tonight and send it", "mi hijo viene el sábado y se lo mando"])
def test_the_paper_looked_for_or_brought_by_someone(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["busy, ask me tues", "I'll check and text u back", "mai trả lời nha"])
def test_answering_later_short(body: str) -> None:
    assert asks_to_be_written_later(body)


def test_a_father_who_cannot_use_the_phone() -> None:
    assert speaks_for_someone("mi papa no sabe usar el celular")


def test_nobody_by_that_name_here_in_vietnamese() -> None:
    assert clearly_not_the_patient("ở đây không có ai tên Hùng")


def test_a_number_spelled_alone_is_that_menu_number() -> None:
    from bot.conversation.menu_numbers import menu_number
    assert menu_number("one") == 1 and menu_number("Dos") == 2 and menu_number("one more question") is None


@pytest.mark.parametrize("body", ["she's doing better, eating again", "mi esposo ya está mejor, come y camina",
                                  "ahí voy, mejorcito", "幾好，冇事啦", "sigue bien gracias"])
def test_fine_said_of_the_patient_or_a_little_at_a_time_is_fine(body: str) -> None:
    assert feels_fine(body)


@pytest.mark.parametrize("body", ["no está mejor", "she isn't doing better", "he is not doing well",
                                  "está mejor pero tiene fiebre"])
def test_not_better_or_better_with_a_fever_is_not_fine(body: str) -> None:
    assert not feels_fine(body)


@pytest.mark.parametrize("body", ["我爸周二会去", "sí va a ir el martes, yo lo llevo", "确认"])
def test_a_relative_saying_the_patient_will_come_says_yes(body: str) -> None:
    assert says_yes(body)


@pytest.mark.parametrize("body", ["我爸不会去", "no va a ir", "¿quién va a ir?", "ella no va a poder ir", "他会去吗"])
def test_will_not_come_or_a_question_is_no_yes(body: str) -> None:
    assert not says_yes(body)


@pytest.mark.parametrize(("body", "category"), [
    ("me siento muchísimo mejor, no creo que lo necesite", "feels_better"),
    ("feeling fine now, so no need", "feels_better"),
    ("no lo necesito, estoy bien", "not_needed"),  # well, not better than before: no need is the reason
    ("a mi edad ya no, aunque me siento mejor", "not_needed"),
    ("we went with a doctor closer to home", "care_elsewhere"),
    ("ya encontré otra doctora, me está atendiendo ella", "care_elsewhere"),
    ("I have family doctor in Fresno now", "care_elsewhere"),
    ("ya yo me lo hice en diciembre", "already_done"),
])
def test_the_reason_that_explains_the_others_is_the_category(body: str, category: str) -> None:
    assert decline_reason(body) == category


@pytest.mark.parametrize("body", ["I have my doctor at 3 on wednesday", "i see my doctor in 2 weeks about my knee"])
def test_another_appointment_at_a_time_is_no_care_elsewhere(body: str) -> None:
    assert decline_reason(body) is None


@pytest.mark.parametrize("body", ["有没有接送服务？", "你们可以接送吗"])
def test_a_ride_asked_for_in_chinese_is_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["那天我要接送孙子，换个时间吧", "我要接送小孩"])
def test_the_patients_own_school_run_is_no_question_for_a_person(body: str) -> None:
    assert not asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["¿esa cita es pa qué?", "¿es en la misma clínica o en otra?",
                                  "¿en qué clínica sería?"])
def test_which_clinic_or_what_the_visit_is_for_in_spanish_is_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["driving now, i will text you later with a time", "let me check and get back to you",
                                  "I ask my wife, I tell you after", "回头告诉你"])
def test_the_patient_says_they_will_answer_later(body: str) -> None:
    assert will_answer_later(body)


@pytest.mark.parametrize("body", ["call me later", "after 5 is good", "I tell you what, tuesday works"])
def test_a_time_to_call_is_no_promise_to_answer_later(body: str) -> None:
    assert not will_answer_later(body)


def test_back_in_january_then_book_is_later_in_vietnamese() -> None:
    assert asks_to_be_written_later("con đang ở Sài Gòn, tháng 1 về rồi đặt lịch")


def test_busy_next_week_then_a_later_time_asked_is_not_later_in_chinese() -> None:
    assert not asks_to_be_written_later("下礼拜都没时间，能约晚点的吗")


def test_please_call_me_in_vietnamese_wants_a_call_and_does_not_promise_the_paper() -> None:
    assert wants_a_call("xin gọi cho tôi, tôi không biết gửi hình")
    assert not sends_document_later("tôi không biết chụp hình gửi")


@pytest.mark.parametrize("body", ["numero equibocado", "aca no ay ningun Pedro"])
def test_a_wrong_number_spelled_by_ear(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["sí, yo la llevo el martes", "this is his wife, we'll be there"])
def test_a_relative_bringing_the_patient_says_yes(body: str) -> None:
    assert says_yes(body)


def test_not_bringing_her_is_no_yes_and_cannot_go_in_cantonese_cannot_come() -> None:
    assert not says_yes("no la llevo, está enferma")
    assert cannot_come("阿媽禮拜二去唔到")


@pytest.mark.parametrize(("body", "named"), [("con muốn hỏi y tá", True), ("can the nurse call me", True),
                                             ("¿me puede llamar la enfermera?", True), ("she is resting", False)])
def test_the_nurse_named(body: str, named: bool) -> None:
    assert names_the_nurse(body) is named


@pytest.mark.parametrize("body", ["Who is this referral with?", "what kind of doctor is this for?",
                                  "is it for my back or my neck?", "bác sĩ chi rứa?", "có phải đi thử máu trước không",
                                  "请问要拍正面还是反面"])
def test_what_the_referral_is_for_or_how_to_send_the_paper_is_a_question_for_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body) or asks_a_question(body)


def test_who_is_this_referral_with_is_no_wrong_number_and_who_is_this_still_is() -> None:
    assert not says_wrong_number("who is this referral with")
    assert says_wrong_number("who is this")


@pytest.mark.parametrize(("body", "category"), [
    ("I'd rather see the doctor my daughter uses in Akron", "care_elsewhere"),
    ("no thanks, I go to family doctor, Polish speaking", "care_elsewhere"),
    ("tui 80 tuổi rồi, không cần đi bác sĩ nữa", "not_needed"),
    ("ko cần đâu, bác sĩ dặn tự tập ở nhà", "not_needed"),
    ("ya me ise la mamografia", "already_done"),
])
def test_more_reasons_said_loosely(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_going_to_a_doctor_is_not_by_itself_care_elsewhere() -> None:
    """"đi bác sĩ" (to see a doctor) names no other place: only "đi bác sĩ ... ở <place>" does."""
    assert decline_reason("không cần đi bác sĩ chuyên khoa nữa") != "care_elsewhere"
    assert decline_reason("tui đi bác sĩ ở Garden Grove rồi") == "care_elsewhere"


@pytest.mark.parametrize("body", ["I'll text back once I know my shifts", "ask my wife and tell you tomorrow",
                                  "在上班，晚上回你"])
def test_more_ways_to_say_i_will_answer_later(body: str) -> None:
    assert will_answer_later(body) or asks_to_be_written_later(body)


@pytest.mark.parametrize("body", ["mai con qua lấy rồi chụp gửi",
                                  "al toque que llegue a la casa le mando la foto"])
def test_the_paper_promised_after_an_errand(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["could someone call me at lunch", "cho tui nói chuyện với người thiệt"])
def test_a_call_or_a_real_person_asked_for_loosely(body: str) -> None:
    assert wants_a_call(body) or wants_a_real_person(body)


@pytest.mark.parametrize(("body", "category"), [
    ("mi doctora dijo que no es necesario ver al especialista", "not_needed"),
    ("el chequeo me toca el año que viene", "not_needed"), ("tôi không thấy cần khám", "not_needed"),
    ("ya no hace falta, me atienden en otra clínica", "care_elsewhere"),
    ("we moved Dad to a cardiologist near us", "care_elsewhere"),
])
def test_no_need_as_the_doctor_said_and_care_moved_elsewhere(body: str, category: str) -> None:
    assert decline_reason(body) == category


def test_no_need_to_call_me_is_no_reason_to_decline() -> None:
    assert decline_reason("no es necesario que me llamen, el martes está bien") is None


@pytest.mark.parametrize("body", ["I'm more comfortable in English for medical stuff"])
def test_the_word_medical_is_not_medi_cal(body: str) -> None:
    assert not asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["is this office in Boca?", "bác sĩ khám cho tôi là ai vậy", "khám về bệnh gì"])
def test_where_the_office_is_or_who_the_doctor_is_goes_to_a_person(body: str) -> None:
    assert asks_what_a_person_must_answer(body)


@pytest.mark.parametrize("body", ["您找的人不用这个号码了", "numero ekivocado", "aki no bive ningun Pedro"])
def test_more_wrong_numbers(body: str) -> None:
    assert clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["để tui kiếm rồi gửi sau nghen", "i will sen the pic tomorow",
                                  "llegando a la casa les mando la foto", "will send pic when home"])
def test_the_paper_promised_for_later_typed_loosely(body: str) -> None:
    assert sends_document_later(body)


@pytest.mark.parametrize("body", ["si ai boy a estar", "ba tôi sẽ đi, xác nhận giùm"])
def test_yes_to_the_reminder_spelled_by_ear_or_for_a_parent(body: str) -> None:
    assert says_yes(body)


def test_cancel_with_please_at_the_end_cancels_and_do_not_cancel_does_not() -> None:
    assert cancels_the_visit("grandma has the flu, pls cancel")
    assert not cancels_the_visit("please don't cancel")


@pytest.mark.parametrize("body", ["tôi hết đau rồi, không cần tập nữa", "đỡ nhiều rồi, không cần khám nữa"])
def test_better_now_in_vietnamese_is_the_reason_no_visit_is_needed(body: str) -> None:
    assert decline_reason(body) == "feels_better"


@pytest.mark.parametrize("body", [
    "I want to stay with the same doctor I saw last time, is Tuesday with her?",
    "I took mom to the doctor yesterday and she is ready to start PT, Tuesday works",
    "I see my regular doctor on Monday so Tuesday is good", "Ustedes me estan tratando muy bien, el jueves esta bien",
    "¿No sería necesario llevar la orden del doctor? el martes puedo",
    "A mi esposo le toca el año que viene, pero yo sí necesito la cita",
    "Bác sĩ bảo tự tập ở nhà nhưng không đỡ nên em muốn đi tập",
])
def test_a_willing_patient_who_names_a_doctor_or_a_need_is_no_decline(body: str) -> None:
    """Found by a second reader of this session's rules: each was read as a reason to decline."""
    assert decline_reason(body) is None


@pytest.mark.parametrize("body", ["Perdon, estaba equivocada, quiero el jueves", "电话换了，请用新号码联系我",
                                  "他晚上不用这个手机，请打给我",
                                  "Aca no hay ningun problema, el martes a las 9 esta bien"])
def test_a_slip_or_a_new_number_is_no_wrong_number(body: str) -> None:
    assert not clearly_not_the_patient(body)


@pytest.mark.parametrize("body", ["我要跟我女儿商量一下才能确认", "Chưa thể xác nhận",
                                  "No sé si mi mamá va a ir, le pregunto", "Mi esposo nunca va a ir, es muy terco",
                                  "Él sí va a trabajar toda la semana, no puede",
                                  "She'll be there in Mexico till January, can we wait?", "我女儿说她会去问问别的医生",
                                  "Mẹ tôi sẽ đi Việt Nam tháng sau"])
def test_not_sure_never_or_away_is_no_yes(body: str) -> None:
    assert not says_yes(body)


@pytest.mark.parametrize("body", ["Thursday 4pm. I text my daughter after so she can drive me",
                                  "Wed 2:30 works, I'll tell my wife tonight", "I can tell you Tuesday is best for me"])
def test_a_time_chosen_beside_telling_someone_is_no_promise_to_answer_later(body: str) -> None:
    assert not will_answer_later(body)
