"""Emergency words in all four languages, checked before any NLU; a negated one is not an emergency."""

from __future__ import annotations

import pytest

from bot.conversation.safety import Emergency, detect_emergency


@pytest.mark.parametrize("body", [
    "my chest hurts bad", "I can't breathe", "dolor fuerte en el pecho", "no puedo respirar",
    "我胸口很痛", "胸闷得厉害", "喘不过气来", "我爸爸晕倒了", "我可能中风了", "咳血",
    "Tôi bị đau ngực", "tức ngực quá", "khó thở", "mẹ tôi ngất xỉu", "ho ra máu",
])
def test_medical_emergencies_are_caught(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "I want to die", "quiero morir", "我想死", "我不想活了", "我想自杀", "tôi muốn chết", "không muốn sống nữa",
    "tôi định tự tử",
])
def test_crisis_words_are_caught(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", [
    "no chest pain, just sore", "我没有胸痛", "我不想死", "không đau ngực", "từ từ thôi", "好的，第二个", "2",
    "Thứ ba được không", "我很好，谢谢", "cảm ơn",
])
def test_ordinary_and_negated_replies_are_not_emergencies(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["ko tho dc", "dau nguc du lam", "呼吸越来越困难", "透不过气来", "wish i was dead"])
def test_emergencies_typed_without_diacritics_or_with_more_words(body: str) -> None:
    assert detect_emergency(body) is not None


@pytest.mark.parametrize("body", ["se le cayó la cara a mi papá", "no puede mover la pierna", "her mouth is crooked"])
def test_stroke_signs_said_of_someone_else(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "toi ko con muon song", "chan song lam roi", "k muon song nua dau", "mun chet cho xong", "sống ko nổi nữa",
    "i dont wanna live anymore", "theres no point in living", "I just want to end it all", "me quiero morir ya",
    "ya no vale la pena vivir", "quisiera estar muerta", "活不下去了", "活着没意思", "不如死了算了",
])
def test_crisis_said_as_patients_text_it(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", ["toi khong muon chet", "no quiero morir", "i want to end my membership",
                                  "khong muon song o day nua, muon chuyen nha"])
def test_a_crisis_word_negated_or_about_something_else_is_not_one(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", [
    "我妈突然半边身子没力", "他说话含糊不清", "mi papá habla arrastrado de repente", "my husband's speech is slurred",
    "half of her face went numb", "bà tôi bị tê nửa mặt", "ông bị yếu nửa người",
])
def test_stroke_signs_in_other_words(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["mẹ tôi một bên mặt bị lệch", "ong noi ngong mot ben mieng"])
def test_vietnamese_face_drooping_on_one_side(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["i dont even want to be alive anymore", "honestly I don't really want to live"])
def test_a_crisis_with_words_in_between(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", [
    "honestly my family would be better off without me", "I'm just a burden to everyone",
    "mis hijos estarían mejor sin mí", "soy una carga para todos", "没有我家人会过得更好", "我只是个累赘",
    "không có tôi thì cả nhà sẽ sống tốt hơn",
])
def test_feeling_a_burden_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize(("body", "kind"), [
    ("my mother had a stroke two years ago and needs help texting", None),
    ("mi esposo tuvo un derrame el año pasado, yo le ayudo", None), ("我爸前年中风过，现在行动不方便", None),
    ("mẹ tôi bị tai biến năm ngoái", None),
    ("she had a stroke years ago and now her face is drooping again", Emergency.MEDICAL),
    ("I think he is having a stroke", Emergency.MEDICAL), ("mi mamá tiene un derrame", Emergency.MEDICAL),
])
def test_a_stroke_told_as_history_is_no_emergency_by_itself(body: str, kind: Emergency | None) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize("body", ["佢突然講嘢唔清楚", "我老公半邊面垂咗落嚟", "佢半边身冇力"])
def test_stroke_signs_in_cantonese(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "my dad has trouble texting since his stroke", "she had a stroke back in june, I handle her appointments",
    "mi papá no escribe desde su derrame", "我妈中风以后就不会打字了",
])
def test_a_stroke_long_past_said_other_ways_is_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize(("body", "kind"), [
    ("心口好翳，好辛苦", Emergency.MEDICAL), ("透唔到氣", Emergency.MEDICAL),
    ("chắc chết đi cho rồi", Emergency.CRISIS),
])
def test_more_emergencies_in_cantonese_and_vietnamese(body: str, kind: Emergency) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize("body", ["mẹ tui bỗng dưng nói ngọng", "tự nhiên tay phải yếu hẳn", "chân trái bị tê hết"])
def test_sudden_slurring_or_a_weak_side_in_southern_vietnamese(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "half my face feels droopy", "his words are coming out all jumbled", "máu chảy hoài ko cầm được",
    "vết thương chảy máu nhiều quá không ngưng lại",
])
def test_a_droopy_face_garbled_words_and_bleeding_that_wont_stop(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


def test_bleeding_a_lot_at_the_wound_in_vietnamese() -> None:
    assert detect_emergency("chảy máu nhiều quá ở vết mổ") is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "ya no quiero seguir viviendo así", "I don't want to keep living like this", "sometimes I hope I don't wake up",
    "tengo ganas de desaparecer", "真的不想再醒来", "tui không muốn tiếp tục sống nữa",
])
def test_not_wanting_to_go_on_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", [
    "I want to fall asleep and never wake up", "i don't see the point in living", "quisiera dormirme y no despertar",
    "真想一睡不醒", "chỉ muốn ngủ luôn không dậy nữa",
])
def test_wanting_not_to_wake_up_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", [
    "grandpa slipped in the shower and banged his head, now he is vomiting", "she hit her head and seems confused",
    "mi hijo se cayó de la bici, se golpeó la cabeza y está vomitando", "婆婆跌倒撞到头，一直吐",
    "ông tui té đập đầu xuống nền, giờ ói quá trời", "老公摔了一跤，头在流血",
])
def test_a_blow_to_the_head_with_a_sign_after_it(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "my husband won't wake up", "she is unresponsive", "mi mamá no reacciona", "no la podemos despertar",
    "叫极都唔应", "奶奶叫不醒", "gọi ông mãi không tỉnh", "he stopped breathing",
])
def test_someone_not_responding_is_an_emergency(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "my dad is not responding to texts, can you call me", "she's not responding well to the new pills",
    "I bumped my head on the cupboard, anyway thursday is good", "tôi đau đầu nhẹ thôi", "头有点晕",
])
def test_not_responding_to_messages_or_a_bump_alone_is_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", [
    "they'd all be better off if I wasn't around", "my kids would be better off if i was dead",
    "mi familia estaría mejor si yo no estuviera",
])
def test_better_off_if_i_were_gone_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize(("body", "kind"), [
    ("thứ tư hai giờ rưỡi chiều nhé", None), ("thu tu hai gio ruoi", None), ("tui muốn tự hại mình", Emergency.CRISIS),
    ("sáng nay mặt ông bị méo một bên", Emergency.MEDICAL), ("tay phải má tui tự nhiên liệt", Emergency.MEDICAL),
    ("真的熬不下去了", Emergency.CRISIS), ("想一了百了", Emergency.CRISIS), ("chân trái hơi tê", None),
])
def test_a_weekday_is_no_self_harm_and_stroke_and_crisis_said_plainly(body: str, kind: Emergency | None) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize(("body", "kind"), [
    ("is it cancer? no. I just want to die", Emergency.CRISIS), ("không sao. tui chỉ muốn chết thôi", Emergency.CRISIS),
    ("se le está entumiendo todo el brazo derecho", Emergency.MEDICAL),
    ("se le traba la lengua de repente", Emergency.MEDICAL),
    ("活着好累，想一死了之", Emergency.CRISIS),
    ("since her stroke in 2019 her speech is slurred, I handle her calls", None),
    ("佢中风之后讲嘢一直唔清楚", None), ("he had a stroke last year and now his face droops again", Emergency.MEDICAL),
])
def test_a_no_in_the_sentence_before_and_signs_a_past_stroke_left(body: str, kind: Emergency | None) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize("body", ["突然左手没力，说话说不清", "我爸右脚动不了了", "講話講唔出嚟，右邊手冇力"])
def test_weakness_on_the_left_or_right_and_words_that_will_not_come_in_chinese(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["佢突然講唔到嘢", "阿嫲半邊身冇晒力"])
def test_sudden_loss_of_speech_and_a_whole_side_gone_weak_in_cantonese(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "I can't hardly breathe", "his lips look kind of blue", "se le ven los labios morados",
])
def test_breath_said_loosely_and_blue_lips(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", [
    "I'd rather just die than go through that", "thinking about taking all my pills at once",
    "mejor sería no despertar", "ya no le veo sentido a la vida", "想把药全吃了", "tui muốn uống hết vỉ thuốc",
])
def test_rather_die_or_all_the_pills_at_once_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


def test_a_stroke_in_a_month_said_short_is_history() -> None:
    assert detect_emergency("He had a stroke in Sept, I handle his appointments now") is None


def test_a_stroke_that_left_him_unable_to_use_the_phone_is_a_caregiver_writing() -> None:
    assert detect_emergency("my husband had a stroke and cannot use his phone, can the texts come to me?") is None


def test_a_stroke_now_is_still_an_emergency() -> None:
    assert detect_emergency("I think he's having a stroke, he can't use his phone or talk") is not None


@pytest.mark.parametrize("body", [
    "I just dont see the point anymore", "been thinking about ending it all lately",
    "estoy pensando en acabar con todo", "tôi không còn thấy ý nghĩa gì để sống", "我想结束这一切",
])
def test_no_point_anymore_and_thinking_of_ending_it_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", [
    "mom fell in the kitchen and can't get up", "mi papá se cayó y no se puede levantar", "奶奶摔倒了，站不起来",
    "ba ngoại té ngoài sân, không đứng dậy được", "ông bị chảy máu tay nhiều quá",
])
def test_a_fall_with_no_getting_up_or_heavy_bleeding_is_an_emergency(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["I don't see the point of a second visit", "we stopped thinking about it",
                                  "I fell behind on my bills", "no te preocupes, ya me levanté temprano"])
def test_a_point_or_a_fall_said_of_something_else_is_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["my dad had a stroke and uses a wheelchair now, I set up his rehab",
                                  "ba em bị tai biến, giờ ngồi xe lăn, em lo lịch tập cho ba",
                                  "我爸中风了，现在坐轮椅做复健"])
def test_a_stroke_named_beside_the_care_it_left_is_history(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["mi abuela se cayó y no contesta, está tirada en el suelo",
                                  "he collapsed in the kitchen and isn't moving", "爷爷摔倒了没反应",
                                  "ông té trong nhà tắm, không còn tỉnh"])
def test_fallen_and_not_responding_is_an_emergency(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


def test_not_answering_texts_is_no_emergency() -> None:
    assert detect_emergency("she is not answering her phone, can you text me instead") is None


@pytest.mark.parametrize("body", ["I won't be around much longer anyway", "no voy a estar aquí mucho tiempo"])
def test_not_being_around_much_longer_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", ["mi mamá se acaba de desmayar y no despierta",
                                  "my wife just collapsed, she's not responding"])
def test_just_fell_or_fainted_and_not_responding(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["Walt had a stroke two springs ago and can't text, I do all his appointments",
                                  "ba tui bị đột quỵ, lịch khám của ba để em lo"])
def test_a_stroke_beside_someone_keeping_the_appointments_is_history(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["her tongue is swelling after the antibiotic", "feels like my throat is closing",
                                  "se me está hinchando la garganta", "喉咙肿起来了",
                                  "bị sưng lưỡi sau khi uống thuốc"])
def test_a_throat_or_tongue_swelling_is_an_emergency(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["my knee is still swollen", "lips a bit swollen from the cold"])
def test_a_swollen_knee_or_chapped_lips_is_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


def test_a_wife_keeping_the_appointments_after_a_stroke_in_vietnamese_is_history() -> None:
    assert detect_emergency("chồng tôi bị tai biến, tôi lo lịch hẹn cho ổng") is None


@pytest.mark.parametrize(("body", "kind"), [("chán quá, tôi tự tử luôn cho rồi", Emergency.CRISIS),
                                            ("tu tu cho xong", Emergency.CRISIS),
                                            ("từ từ rồi tính nha", None), ("tôi không bao giờ tự tử đâu", None)])
def test_tu_tu_with_its_marks_is_suicide_and_slowly_is_not(body: str, kind: Emergency | None) -> None:
    assert detect_emergency(body) is kind


def test_fainted_and_not_answering_me_is_an_emergency() -> None:
    assert detect_emergency("mi esposo se desmayó y no me contesta") is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["sob at rest since last night", "my sats are 84 on room air", "o2 sat in the low 80s",
                                  "oxigeno en 85"])
def test_breathlessness_and_low_oxygen_as_clinicians_write_them(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["sats were 97 at my visit", "SOB? no, I'm fine"])
def test_normal_oxygen_or_no_breathlessness_is_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["ngực bác tức lắm", "con thở không nổi nữa"])
def test_chest_named_first_and_breath_that_will_not_come_in_vietnamese(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["his face is falling on one side", "my mom suddenly can not talk good"])
def test_stroke_signs_said_in_english_learned_later(body: str) -> None:
    assert detect_emergency(body) is Emergency.MEDICAL


@pytest.mark.parametrize("body", ["can't talk right now, at work", "I cannot talk good english, text please",
                                  "cant talk rn"])
def test_being_busy_or_shy_of_english_is_no_stroke(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["my back's been killing me", "these shots are killing me lol", "work is killing me"])
def test_killing_me_said_of_pain_or_work_is_no_crisis(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["i want to kill myself", "im gonna kill me", "thinking of killing myself"])
def test_wanting_to_kill_oneself_is_a_crisis(body: str) -> None:
    assert detect_emergency(body) is Emergency.CRISIS


@pytest.mark.parametrize("body", ["ya no puedo más, me quiero matar", "no aguanto esto, quiero morir",
                                  "nothing works no matter what, i want to kill myself"])
def test_a_no_before_a_comma_does_not_reach_the_crisis_after_it(body: str) -> None:
    assert detect_emergency(body) == Emergency.CRISIS


@pytest.mark.parametrize("body", ["sliced my thumb, it's bleeding and it won't stop",
                                  "blood soaked through the bandage already", "can't stop the bleeding from my leg",
                                  "se cortó el brazo y no para de sangrar", "伤口的血一直止不住"])
def test_bleeding_that_will_not_stop_is_an_emergency(body: str) -> None:
    assert detect_emergency(body) == Emergency.MEDICAL


@pytest.mark.parametrize("body", ["mi mamá no puede mover un lado de la cara", "he can't move one side of his face"])
def test_one_side_of_the_face_that_will_not_move_is_a_stroke_sign(body: str) -> None:
    assert detect_emergency(body) == Emergency.MEDICAL


@pytest.mark.parametrize("body", ["the cut bled a bit but it stopped", "no, no me quiero morir, solo estoy cansada",
                                  "ba em bị tai biến năm ngoái, giờ ngồi xe lăn"])
def test_bleeding_stopped_a_crisis_denied_and_an_old_stroke_stay_calm(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", ["me estaba doliendo el pecho toda la noche", "se me va el aire cuando camino poquito",
                                  "bà khôn muốn sống nữa"])
def test_chest_pain_said_as_it_goes_on_breath_that_leaves_and_central_vietnamese_not(body: str) -> None:
    assert detect_emergency(body) is not None


def test_breathing_misspelled_is_still_breathing() -> None:
    assert detect_emergency("i cant breve right") == Emergency.MEDICAL


@pytest.mark.parametrize("body", ["I can't stop the blood thinner before the colonoscopy, is that ok?",
                                  "我的降血压药停不了，可以做吗", "my nose bleeds sometimes but that doesn't stop me",
                                  "el análisis de sangre no para mí, es para mi esposo",
                                  "se me fue el aire acondicionado",
                                  "me estaba doliendo el pecho la semana pasada pero ya estoy bien"])
def test_blood_thinners_the_air_conditioning_and_last_weeks_pain_are_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize(("body", "kind"), [("心口窝疼 喘不上来气", Emergency.MEDICAL),
                                            ("右胳膊突然麻了", Emergency.MEDICAL),
                                            ("她说想把一整瓶药都吃了", Emergency.CRISIS),
                                            ("我爸老说自己是个累赘", Emergency.CRISIS)])
def test_northern_chinese_chest_breath_arm_and_a_relatives_report_of_a_crisis(body: str, kind: Emergency) -> None:
    assert detect_emergency(body) == kind


def test_better_dead_in_cantonese_is_a_crisis_and_not_wanting_to_trouble_is_not() -> None:
    assert detect_emergency("唔想再麻烦人，死咗就算") == Emergency.CRISIS
    assert detect_emergency("唔想再拖累你哋，我自己搭车去") is None


def test_bleeding_said_as_ra_mau_that_will_not_stop() -> None:
    assert detect_emergency("bị ra máu nhiều lắm không cầm được") == Emergency.MEDICAL


@pytest.mark.parametrize(("body", "kind"), [
    ("worst headache of my life, can't see straight", Emergency.MEDICAL),
    ("el peor dolor de cabeza de mi vida", Emergency.MEDICAL),
    ("he's throwing up blood", Emergency.MEDICAL), ("吐出来的都是血", Emergency.MEDICAL),
    ("ba tui ói ra máu", Emergency.MEDICAL),
    ("my blood sugar is 38 and I'm shaking", Emergency.MEDICAL), ("azúcar en 45, estoy sudando", Emergency.MEDICAL),
    ("been thinkin bout swallowin all my meds", Emergency.CRISIS), ("我真的不想再 live 了", Emergency.CRISIS),
])
def test_blood_thunderclap_headache_low_sugar_and_pills_said_loosely(body: str, kind: Emergency) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize("body", ["my sugar is 140 today", "I take my sugar pills 40 minutes before eating",
                                  "吐了没血", "had a headache, the worst was last week, better now"])
def test_a_high_sugar_a_dose_time_and_vomiting_without_blood_are_no_emergency(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize(("body", "kind"), [
    ("having trouble talking and my left side feels numb", Emergency.MEDICAL),
    ("I have my pills saved up, I'm done", Emergency.CRISIS), ("ya no kiero bibir", Emergency.CRISIS),
    ("idk if I want to be alive anymore", Emergency.CRISIS), ("bu xiang huo le", Emergency.CRISIS),
    ("tối nay tui uống hết thuốc cho xong", Emergency.CRISIS),
])
def test_a_stroke_and_a_plan_with_pills_said_plainly_or_spelled_by_ear(body: str, kind: Emergency) -> None:
    assert detect_emergency(body) is kind


@pytest.mark.parametrize("body", ["I have trouble talking on the phone, please text", "right side of the parking lot?"])
def test_trouble_on_the_phone_and_a_side_of_a_place_are_no_stroke(body: str) -> None:
    assert detect_emergency(body) is None


@pytest.mark.parametrize("body", [
    "I have a hard time talking over the phone, texting is better", "The right side is weak, that's why I'm doing PT",
    "I threw up after my blood draw last time, can I eat before?", "I need to check my sugar at 10 before I come",
    "tengo azucar desde hace 20 años", "我最近呕吐和血压高，想看医生", "我有孕吐要去验血",
    "I have my meds stocked up for the trip, so Thursday is fine", "I'm deciding whether i want to live with my son",
    "Tôi đang uống hết thuốc kháng sinh cho xong rồi mới đi khám",
])
def test_everyday_words_near_a_red_flag_are_no_emergency(body: str) -> None:
    """Found by a second reader of this session's rules: each was read as an emergency."""
    assert detect_emergency(body) is None
