"""Answers about a visit: yes, cannot come, another time, call it off, a visit wanted."""

from __future__ import annotations

import re

from bot.conversation.evidence.declining import is_bare_no, refuses_a_visit
from bot.conversation.evidence.for_a_person import asks_for_a_person
from bot.conversation.keywords import normalise

# "I can't make it", "no voy a poder ir": whatever else the reply says, it does not confirm a visit
_CANNOT_COME = re.compile(
    r"\b(can'?t|cannot|cant|won'?t|wont|will not|unable to|not able to|not going to|not gonna) "
    r"(be able to )?(make it|come|go|be there|attend|do (it|that day|that time))\b"
    r"|\bno (voy a poder|podre|puedo) (ir|llegar|asistir|venir)\b|\bno (voy|vamos|va|van) a (ir|poder)\b"
    r"|\bno (va|van) a (poder )?(ir|llegar|asistir|venir)\b|(不|唔)(会|能|可以)(去|来|到)(?!晚|迟|早)"
    r"|(去|来|嚟)唔(到|了)"
    r"|(去|来)不(了|到)|不能(去|来)|没(法|办法)去|\bkhong (đi|toi|đen) (đuoc|kip)\b|\bban (roi|het)\b"
    r"|\b(doesn'?t|does not|won'?t|will not|no longer) work( anymore| for me)?\b|\bya no me (sirve|queda)\b"
    r"|\b(ese|este) dia no (puedo|podre|voy)\b|\bno (puedo|podre) (ese|este) dia\b"
    r"|\bcan'?t (do|make) (that|this) (day|date|time)\b|\b(that|this) (day|date|time) (doesn'?t|does not"
    r"|won'?t) work\b")


# "can we move it", "tôi muốn đổi giờ": another time for a visit already booked
_ANOTHER_TIME = re.compile(
    r"\b(change|move|switch|reschedule)( (the|my|it|this|that))?( (time|day|date|appointment|appt|visit))?\b"
    r"|\b(cambiar|mover|reprogramar|cambio)( (la|el|mi))?( (hora|cita|fecha|dia|horario))?\b"
    r"|(?<!不用)(?:(?<!不要)|(?<=要不要))(?<!别)(?:(?<!不需要)|(?<=需不需要))(?<!唔使)(?<!唔好)"  # "不用改时间"
    r"改(个|一个|下)?(时间|天|日子|一下|到|第二|另外|别的|其他|期)"
    r"|换(个|一个)?(时间|日子|天)|\b(đoi|doi|dời|doi lai) (gio|ngay|lich|lich hen)\b"
    # "cho con đổi sang hôm khác ạ", "dời qua bữa khác": to another day
    r"|\b(đoi|doi|doi lai|chuyen|doi) (sang|qua) (hom|ngay|buoi|bua|lich|gio|tuan)( \w+)?\b")


def wants_another_time(text: str) -> bool:
    """Whether the reply asks to move a booked visit to another time."""
    return bool(_ANOTHER_TIME.search(normalise(text)))


# "si ahi estare", "yes see you then", "好的，会去", "dạ được": yes to a visit already booked
_YES = re.compile(r"^(yes|yeah|yep|yup|sure|ok|okay|k|si|claro|de acuerdo|dale|vale|bet|好|好的|可以|行|没问题|会去|"
                  r"opo|wi|oui|是|是的|对|對|嗯|"
                  r"confirm|confirmed|confirmo|confirmado|confirmada|确认|xac nhan|"
                  r"vang|da|đuoc|duoc|co|ok a)\b|\b(i'?ll be there|will be there|see (you|ya|y'?all|yall|u) (then|there"
                  r"|tues\w*|on)|"
                  r"(ahi|alli|ahí|allí) (estare|estaremos|estoy|voy)|nos vemos|simon|会(去|到)|[đd]en dung gio"
                  r"|se [đd]en|se (toi|ghe|co mat|qua)"
                  # "ay se me había olvidado... sí, sí voy" (not "no sé si voy": unsure, below)
                  r"|(?<!ver )(?<!se )(?<!sabe )\bsi si (voy|vamos|va|ire|iremos|llego|llegamos)$"
                  # "ừ nhớ rồi, t3 11h tui tới": yes, remembered, I'll come
                  r"|^(u|uk|uh|um|uhm)( (nho|roi|r|ok|oke|dc|duoc|đuoc|nha|nhe))+|nho roi"
                  r"|(tui|toi|em|con|minh) (toi|[đd]en)$"
                  r"|\bok\b( \w+){0,2} se (toi|[đd]en|đi|di|co mat)"
                  r"|(toi|tui|con|em|minh) (toi|[đd]en|đi|di) (duoc|đuoc|dc|đc)(?! (ko|khong|k|hong|hok)\b)"
                  r"|(?<!ko )(?<!khong )(?<!k )(?<!hong )(?<!hok )(?<!chua )(đi|di|toi|[đd]en) (dc|đc)$)\b"
                  r"|(会|将)?(按时|准时)(前往|到|去|来)|妥了|妥妥|准到"  # "我会按时前往", "妥了 准到"
                  # Chinese has no spaces between words: "嗯嗯 到时候见", "礼拜二我来额"
                  r"|到时(候)?见|^(嗯嗯|嗯|恩恩|en en|ok哒|好哒|好嘞|好滴)|^\W*(我)?(会|一定)(来|嚟|去|到)"
                  # a relative for the patient: "我爸周二会去，确认", "sí va a ir el martes, yo lo llevo"
                  r"|(?<!不)(?<!唔)会(去|到)(?!吗|嘛|不|问|找|看别|别)|(?<![能才不没再要])确认(了)?$"
                  r"|\b(?<!no )(?<!quien )(?<!que )(?<!nunca )(?<!tampoco )(va|van) a (ir|estar ahi|venir)\b"
                  r"|\b(ai|ahi) (boy|voy) a estar\b|(?<!the )(?<!chua )(?<!khong )(?<!ko )\bxac nhan( (gium|giup|dum"
                  r"|nha"
                  r"|nhe|a))?$|\b(ba|me|ong|ma|bo) (toi|tui|con|em) se (di|toi|den|đi|đen) (hen|kham|dung gio)\b"
                  r"|\b(?<!no )(yo )?(?<!no )(la|lo) llevo\b|\b(ella|el) si va\b(?! a \w+(ar|er)\b)|\b(we|she|he"
                  r"|they) ?'?ll be there\b(?!.*\b(till|until|til)\b)"
                  r"|(我|阿拉|我们)(会|一定)?(来|去|到)(的|额|哦|啦|喔|嘅)")


# not sure yet: "no sé si mi mamá va a ir", "not sure she'll be there", "chưa biết", 还不知道
_UNSURE = re.compile(r"\bno (se|sabemos|estoy segur[oa]|estamos segur[oa]s) si\b|\bnot sure\b|\bdon'?t know if\b"
                     r"|\bchua (biet|chac)\b|不知道|不确定|还没定")


def says_yes(text: str) -> bool:
    """Whether the reply says yes (and does not also say the patient cannot come, nor that it is not sure yet)."""
    folded = normalise(text)
    return bool(_YES.search(folded)) and not cannot_come(text) and not is_bare_no(text) \
        and not _UNSURE.search(folded)


def cannot_come(text: str) -> bool:
    """Whether the reply says the patient cannot come (so it is never read as confirming the visit)."""
    return bool(_CANNOT_COME.search(normalise(text)))


# the reminded visit called off in words: "please cancel it", "cancelen la cita", 取消预约, "bỏ cái hẹn đó đi"
_CANCELS = re.compile(  # not "please don't cancel it", "不要取消", "đừng hủy hẹn"
    r"(?<!not )(?<!dont )(?<!don't )(?<!no )(?<!不要)(?<!别)(?<!dung )(?<!đung )(?<!khong )(?<!ko )(?:"
    r"\b(cancel|drop|scrap|call off) (it|that|this|the (appointment|appt|visit)|my (appointment|appt|visit))\b"

    r"|\b(pls|please|plz) cancel\W*$|\bcancel (pls|please|plz)\W*$"
    r"|\bcancel(en|e|a|ar|o|ame|eme)? (la|mi|esa|esta|su|el|ese|este) (cita|consulta|turno)\b|\b(cancelenla"
    r"|cancelela|cancelala)\b"
    r"|取消(预约|这个|那个|掉|吧|了吧)|(预约|约)(取消|不要了)|不用(再)?(留|保留)(位|位置|着)?了?|不要留(位|位置)"
    # "礼拜二不去了": the visit's day, not going any more, with nothing after it that goes on, asks or moves it (not
    # "她不去了，我自己去", "星期二不去了，星期三可以吗", "急诊不去了")
    r"|(^|\s|(礼拜|星期|周)[一二三四五六日天]|那天|这次|这个预约|预约|算了|太远了)\s*(就|我|我们)?\s*不去了"
    r"(?!.*(可以|吗|自己去|一个人|看医生|改|换|别的|其他|另外|另一|下次|再约|什么时候|时间|\?|？))"
    r"|\b(huy|bo) (cai |lich |buoi )?(hen|lich hen|lich)( (do|nay|đo))?\b)")


# "I have to call that one off", "tengo que anularla", "anulen el turno por favor" (Spain, Argentina); not asked
# ("¿se anula si llego tarde?", "why did they call it off?") nor refused ("no la anulen", "no quiero que la anulen")
_CALLED_OFF = re.compile(r"\bcall (it|that|this|that one|this one|the (appointment|appt|visit)) off\b"
                         # "need to cancle tuesday got called into work" (not "I have to cancel my shift but I'll be
                         # there", "need to cancel and reschedule")
                         r"|^(i )?(need|have|want|got|gotta)( to)? (cancel|cancle|cancell|cancil)\b(?! (and|then)\b)"
                         r"(?! (my|the|a|our|his|her) (?!(appointment|appt|visit)\b)\w+)"
                         r"(?!.*\b(but|pero|coming|be there)\b)"
                         r"|\banul(ar|en|e|o|amos)(la|lo)?\b(?! (la|el) (receta|pago|cobro|factura))")
_REFUSED_BEFORE = re.compile(r"\b(no|not|never|don'?t|dont|why|did)\b")


def cancels_the_visit(text: str) -> bool:
    """Whether the reply calls the reminded visit off in words."""
    folded = normalise(text)
    if _CANCELS.search(folded):
        return True
    said = _CALLED_OFF.search(folded)
    return said is not None and "?" not in text and "¿" not in text \
        and not _REFUSED_BEFORE.search(" ".join(folded[:said.start()].split()[-4:]))  # the words just before it


# "yes please", "i want to reschedule", "quiero reagendar", "我想预约", "muốn đặt lịch": a visit, time not yet named
_WANTS_A_VISIT = re.compile(
    r"\b(reschedule|rebook|re book|book|schedule|make an (appointment|appt)|set (it|one|me) up|sign me up|come in)\b"
    r"|\b(reagendar|reprogramar|agendar|programar|hacer (una |la )?cita|sacar (una |la )?cita|hacer otra cita)\b"
    r"|预约|约(个|一个)?时间|挂号|重新约|\b(đat|dat|hen|đang ky|dang ky) (lich|lai|hen|kham)\b")


# "I don't want to book", "no quiero agendar", "tôi không muốn đặt lịch", "不想约": the opposite of wanting a visit
_NOT_WANTED = re.compile(r"\b(don'?t|do not|dont|no longer|never) (want|wanna|need)\b|\bno (quiero|deseo|necesito)\b"
                         r"|\b(khong|ko|k|hong|hok|chang|cha|đung|dung) (muon|can|thich)\b|不想|不要|不用|不需要|别")


def wants_a_visit(text: str) -> bool:
    """Whether the reply says yes to a visit, or asks for one, without asking for a person (and without saying
    it does not want one)."""
    folded = normalise(text)
    return (says_yes(text) or bool(_WANTS_A_VISIT.search(folded))) and not asks_for_a_person(text) \
        and not _NOT_WANTED.search(folded) and not refuses_a_visit(text)
