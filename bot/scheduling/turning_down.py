"""A reply that turns offered times down: what it names ("el martes no puedo", "tuesdays I have dialysis"), all of
them at once ("none of those work", 都不行), or by asking for others ("anything earlier?", "¿qué otros días hay?")."""

from __future__ import annotations

import re

from bot.core.chinese import as_simplified
from bot.scheduling.reading import DAY_WORDS, fold, reply_words

NEGATIONS = frozenset(
    "not no dont doesnt cant cannot wont isnt never nope nah nunca tampoco ni bad busy ocupado ocupada out asleep "
    "sleeping dormido dormida rough tough hard difficult impossible dificil imposible complicado complicada "
    "complicadas complicados".split())


# a time turned down as too early or too late: "9 is too early", "muy temprano", "太早了", "9h sớm quá"
_TOO_EARLY_OR_LATE = re.compile(r"\btoo (early|late|soon)\b|\b(muy|demasiado) (temprano|tarde)\b|太早|太晚"
                                r"|\b(som|muon|tre) (qua|wa)\b"
                                # a time that would have done, but for something: "tuesday would've worked but..."
                                r"|\bwould( have|'ve|ve| of) (worked|been (fine|good|ok|okay|great))\b"
                                r"|\b(habria|hubiera) (funcionado|servido|estado bien)\b")


# busy then: "I have to get my grandson in the afternoons", "tengo que trabajar" (preferences.py avoids the days
# and parts of the day named beside it)
BUSY_THEN = re.compile(r"\b(have to(?! be\b(?! (at|in|home|there|with|out|away)\b))|"
                       r"i've got to|ive got to|gotta|got to|"
                       r"i work(?! (from|at) home| remote)|i'm at work|im at work|groggy|drowsy|foggy|"
                       r"(voy|me voy|tengo que ir) (al|a la) (campo|trabajo|jale|fil|fabrica|obra)|"
                       r"(i'?m|im|i am) (at|over at|with) (my|the) \w+'?s\b|"
                       r"(i'?m|im|i am) (taking|driving) (my|the|our|his|her) \w+ (to|for)\b|"
                       r"(i'?m|im|i am) (watching|babysitting|taking care of|caring for|working|in class|"
                       r"at school|out of town|away)|"
                       r"(i|we) (pick|drop) (up|off)|(has|have|takes|take|needs|got) the car|"
                       r"(i|we) (pick|drop) (my|the|our) \w+ (up|off)|"
                       r"school drop off|(i|we) do (the )?(school )?(pick ?up|drop ?off)|"
                       # "mornings are crazy with the kids": that part of the day is no good
                       r"(mornings?|afternoons?|evenings?|nights?) (are|is|get|gets) (always |just |so |too "
                       r"|really |kinda |pretty )?(crazy|hectic|nuts|chaos|chaotic|impossible|rough|tough"
                       r"|packed|a mess|bad)|"
                       r"(i|we) (have|got) (\w+ )?(work|school|class|classes|a class|church)|recojo"
                       r"|tengo (clase|escuela)|"
                       # "en la mañana tiene escuela" (not "el miércoles a las 2:30 mientras mi hijo tiene escuela")
                       r"(en la|por la) (manana|tarde) (\w+ ){0,2}tiene (clase|clases|escuela|colegio|kinder)|"
                       r"tiene (clase|clases|escuela|colegio|kinder) (en la|por la) (manana|tarde)|"
                       r"labur(o|ando)|"
                       r"on shift|on call|(i'?m|im|i am) (working|on) (nights|doubles|12s)|"
                       # another visit then: "tuesdays I have dialysis", "el jueves tengo quimio"
                       r"(i|we) (have|got|get) (my |a |an )?(physical |occupational |speech )?(court|jury duty|dialysis"
                       r"|chemo"
                       r"|chemotherapy"
                       r"|infusion|radiation"
                       r"|therapy|another appointment|a doctor'?s appointment|doctor appointment)|"
                       r"tengo (mi |mis |la |el )?(dialisis|quimio|quimioterapia|terapia|infusion|tratamiento"
                       r"|radiacion|otra cita|cita con)|"
                       r"tengo (que|q|k)|estoy trabajando|tengo trabajo|tengo clases"
                       r"|(cuido|estoy cuidando|me toca cuidar) (a )?(mis |mi |los |las |al |a la |el |la )?(niet|hij"
                       r"|nin|bebe|nene|mama|papa|abuel|espos|suegr|sobrin)\w*"
                       r"|(?<!after )(?<!before )(?<!despues de )(?<!antes de )(my shift|mi turno)"
                       r"|(?<!\bdel )(?<!\bde )(?<!\bel )(?<!\bmi )(?<!\bal )trabajo"
                       # "el jueves me toca trabajar"; not "me toca el jueves a las 4" (mine is thursday)
                       r"|me toca(?! (el|la) (lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d))"
                       # another standing visit or meeting then: "dialysis tues and thurs", "bridge club weds"
                       r"|(?<!after )(?<!before )(?<!despues de )(?<!antes de )(?<!despues de la )(dialysis|dialisis"
                       r"|chemo|quimio|infusion|bridge club|book club|bible study|choir|court date))\b")


_NOT_A_REJECTION = re.compile(r"\b(no problem|no prob|no worries|no rush|sin problema|no hay problema|no hay bronca|"
                              r"(i'?m|i am|im) not (working|busy)|not working|no trabajo|no estoy trabajando|"
                              r"no hay pedo|no pasa nada|(step|get|sneak|slip|break) out|"
                              # a tag question: "Wednesday afternoon would be fine, that's the 9th isn't it"
                              r"(isn'?t|ain'?t|aren'?t|wasn'?t) (it|that|they)(?=\s*[.?!,]|\s*$)|"
                              r"no se preocupe|no te preocupes|"
                              # the Singapore and Malaysian way to ask: "Thursday 4pm can or not?"
                              r"(can|ok|okay|possible|available|free|good) or not(?=\s*[?.!,]|\s*$)|"
                              # a polite ask put as a question: "el martes pero en la tarde ¿no se podrá?"
                              r"no se (podra|podria)( hacer| ser| dar)?(?=\s*[?])"
                              # said of the person, not the time: "mi papá no lee", "she doesn't speak English"
                              r"|(no|doesn'?t|does not|don'?t|dont|can'?t|cannot) (lee|leen|sabe leer|escribe|habla"
                              r"|entiende|read|reads|speak|speaks|text|texts|write)"
                              r")\b|^\s*(no|nope|nah)\s*[,.!]+")


def rejects_options(text: str, language: str | None = None) -> bool:
    """The reply turns down what it names ("2 doesnt work for me", "not the tuesday one", "el martes no puedo",
    "周二不行", "thứ ba không được"). A leading "no," corrects the bot and is not a rejection of what follows
    ("no, the 2nd one")."""
    folded, _ = reply_words(text, language)
    words = re.findall(r"[a-z']+", _NOT_A_REJECTION.sub(" ", folded))
    folded = fold(text)
    return any(word.replace("'", "") in NEGATIONS for word in words) or bool(_TOO_EARLY_OR_LATE.search(folded)
                                                                              or BUSY_THEN.search(folded))


# a day or time named only to compare, asking for earlier or later ones: "anything sooner than tuesday", "algo más
# temprano que el martes", "before thursday": never the one chosen, and the reply chooses none
COMPARED_IN_TIME = re.compile(
    rf"\b(?:sooner|earlier|later) than (?:the |that |this |on )?\S+"
    rf"|\b(?:before|after|antes del?|despues del?) (?:the |el )?(?:{DAY_WORDS})\b"
    rf"|\b(?:mas temprano|mas tarde|mas pronto) (?:que|del|de) (?:el |la |las |los )?"
    rf"(?:{DAY_WORDS}|\d|eso|esa|ese|esos|esas|esta|este)"
    rf"|\b(?:antes|despues) (?:que|del|de) (?:el |la |los )?(?:{DAY_WORDS}|eso|esa|ese|esos|esas|esta|este)\b")


# asking for other times earlier or later in the day: "anything a bit later?", "algo más tarde", 晚一点, muộn hơn
_EARLIER_OR_LATER = re.compile(
    r"\b(?:something|anything|any|algo|nada|a little|a bit|bit|un poco|abit) (?:later|earlier|mas tarde|mas temprano)\b"
    r"|\b(?:later|earlier) (?:one|time|slot|appointment)s?\b"
    r"|\b(?:but|pero|just|solo|nomas) (?:a bit |a little |un poco |un poquito )?(?:later|earlier|mas tarde"
    r"|mas temprano)\b"
    r"|\b(?:mas |algo |un poco |un poquito )(?:tardecito|tempranito)\b"  # "más tardecito": a little later
    r"|\bnot (?:so|that|too|as) (?:early|late)\b|\bno tan (?:temprano|tarde)\b"  # "tuesday but not so early"
    r"|\bmore (?:early|late|earlier|later)\b"  # "something more early like 7?"
    r"|\b(?:hay|tienen|tiene|tienes|habra|have|got) (?:algo |nada |un poco |anything |something )?(?:mas temprano"
    r"|mas tarde|earlier|later)\b"  # "¿no hay más temprano?"
    r"|\b(?:algo|anything|something) (?:bien |muy |really |super |real )?(?:temprano|tempranito|early)\b")


def asks_earlier_or_later(text: str, language: str | None = None) -> bool:
    """Whether the reply asks for times earlier or later than the ones offered (then it chooses none of them)."""
    folded, rewritten = reply_words(text, language)
    if rewritten:
        return bool(re.search(r"\b(?:later|earlier)\b", folded))
    return bool(_EARLIER_OR_LATER.search(folded) or COMPARED_IN_TIME.search(folded))


# every time offered turned down at once ("none of them", "ninguno de esos", 都不行 as rewritten)
_NONE_OF_THEM = re.compile(r"\b(none of (them|those|these|the times)|neither (one|of them)"
                           r"|^(those|these)( times| days| ones)? (are|r) all (bad|no good|out|terrible|impossible)"
                           # "Cant do those. The roads get bad" (not "Tue and Wed I can't do those, Thursday ok")
                           r"|^(i )?(can ?not|cant|can'?t|cannot) (do|make) (any of )?(those|these|them)"
                           r"(?=\s*[.;!]|\s*$)"
                           # "esa semana no puedo", "can't do that week": the whole week offered
                           r"|(esa|esta) semana no (puedo|podemos|puede|podre)|(can'?t|cannot|cant) (do|make) (that"
                           r"|this) week"
                           r"|(esas|esos|estas|estos|those|these) (no|don'?t|do not) (me )?(sirven|funcionan|quedan"
                           r"|convienen|acomodan|work|fit)"
                           r"|not (at |on )?(those|these|the offered|the) (exact )?(times|hours|slots)"
                           r"|(can ?not|can'?t|cannot|no) (do )?(this|these|those) (days|dates|times)"
                           r"|all (this|these|those) (days|dates|times)"
                           r"|no (a |en )?(esas|estas|esos|estos) (horas|horarios)"
                           r"|ningun[oa] de (esos|esas|estos|estas|los|las|ellos|ellas)"
                           # "puchica ninguno, solo puedo temprano" (not "Ninguno, el jueves a las 4 está perfecto")
                           r"|^(\w+ )?ningun[oa](?=\s*[,.;!]|$)(?!.*\b(lunes|martes|miercoles|jueves|viernes|sabado"
                           r"|domingo|monday|tuesday|wednesday|thursday|friday|opcion|primer\w*|segund\w*|tercer\w*)\b)"
                           r"|ningun[oa] (me )?(sirve|funciona|puedo|queda)"
                           r"|(dou|quan ?dou|dou ?dou) ?bu ?(xing|keyi|fangbian|heshi)"  # 都不行, typed as pinyin
                           r"|no (puedo|puede|podemos|pueden) (esos|esas|estos|estas) (dias?|horarios?|horas?|fechas?)"
                           r"|(esos|estos|esas|estas|those|these|the|all) (\w+ )?(horarios|horas|fechas|dias|opciones"
                           r"|times|slots|dates|days|options|three|3) (no|don'?t|do not|won'?t|will not|doesn'?t)"
                           r"( me| really| quite)? (convienen|sirven|funcionan|quedan|acomodan|work|fit|suit))\b")


def turns_all_down(text: str, language: str | None = None) -> bool:
    """Whether the reply turns every offered time down at once ("none of them work", "ninguno de esos", 一个都不行)."""
    return bool(_NONE_OF_THEM.search(reply_words(text, language)[0]))


# asking what other days or times there are: "¿qué otros días hay?", "what other times do you have"
_OTHER_DAYS = re.compile(r"\b(que|cuales) otr[oa]s (dias|horarios|horas|fechas|citas)\b"
                         r"|\b(tiene|tienen|hay|habra|tendra|tendran) otr[oa]s (dias|horarios|fechas)\b"
                         # "This days not possible" (English learned later), said first: the days offered turned down
                         r"|^\W*((no|sorry|sry)\W+)?(this|these|those) (days|dates|times)( is| are)? (not|no) (possible"
                         r"|good|ok|okay)\b(?!.*\b(only|except|but)\b)"
                         # "ko cái nào được hết": none of them works
                         # (not "không buổi nào được hết trừ thứ 5", "không cái nào tiện bằng thứ 5")
                         r"|\b(khong|ko|k|hong|hok) (co )?(cai|gio|lich|buoi) nao ([dđ]uoc|[dđ]c|ok|tien|phu hop)"
                         r"( het| ca)?\b(?! (bang|hon|tru|ngoai))(?!.*\b(thu|t) ?([2-7]|hai|ba|tu|nam|sau|bay)\b)"
                         # "không đi được các giờ đã gửi": none of the times sent
                         r"|\b(khong|ko|k|hong|hok) ([dđ]i|toi|[dđ]en|sap xep|lam|chon) ([dđ]uoc|[dđ]c|kip)"
                         r" (het )?(cac|may"
                         r"|nhung|3|ba) (gio|lich|ngay|buoi|time|cai)( hen)? ([dđ]a gui|[dđ]o|nay|tren|kia|ben gui)\b"
                         # as said in English learned later: "maybe other day, early morning?"
                         # "no así no puedo mejor otro día" said last, with no number (not "2 mejor otro dia")
                         r"|^(?!.*\d)(?!.*\b(lunes|martes|miercoles|jueves|viernes)\b).*\bmejor (otro dia|otra fecha"
                         r"|otro horario|otra hora|otra semana)\W*$"
                         r"|\b(maybe|perhaps|kindly give|kindly send|kindly provide) (an?)?(other|another|different)"
                         r" (day|date)s?\b"
                         r"(?! (i|we|you|he|she|they|my)\b)"
                         r"|^(\w+\W+)?(diff|dif|different) (days?|times?|dates?)( \w+)?\W*$"  # "nah diff days pls"
                         r"|\bxin (gio|ngay|lich|buoi) khac\b"  # "xin giờ khác ạ"
                         r"|\b(the )?week after (would|is|works|next|that|please|pls)\b"
                         # "mấy time đó ko fit schedule em": those times, none of them fits
                         r"|\b(may|nhung|cac|3|ba) (time|times|gio|lich|slot|slots) (do|đo|nay|kia)( \w+)? (khong"
                         r"|ko|k|hong"
                         r"|hok) (fit|hop|phu hop|tien|ok)\b"
                         # "có ngày khác ko"
                         # (not "mấy bữa khác ko đi được": the other days turned down)
                         r"|\b(co |con )?(ngay|gio|lich|hom|buoi|bua)( sang| chieu| trua| toi)? (nao )?khac"
                         r" (khong|ko|k|hong|hok)\b"
                         r"(?! (di|đi|duoc|dc|đc|the|ranh|tien|kip|toi|den|[đd]en)\b)"
                         r"|\b(anything|something|any|what about|how about) (open |available )?(in )?(the )?(week after"
                         r"|following week)\b"
                         r"|\b(dame|deme|denme|mandame|give me|send me|show me) (\w+ )?"
                         r"(otras|other|more|mas|different) "
                         r"(opciones|options|times|horarios|fechas|dias|days|choices)\b"
                         r"|\b(what|which) other (days|times|dates|slots)\b"
                         # "Do you have anything around noon?", "Anything in January?": a time not offered
                         r"|\b(anything|something|any (times?|openings?|slots?)) (open |available )?(around|at|about"
                         r"|near|closer to|close to) (noon|lunch|lunchtime|midday|mid day)\b"
                         r"|(^|[.!?;]\s*)(\w+ )?(anything|any (times?|openings?|slots?)) (open |available )?"
                         r"in (january|february|the new year)\s*(\?|$)"
                         r"|\b(mejor|seria mejor|hay algo) (en|para) (enero|febrero)\b"
                         r"|\b(other|another|different) (day|days|time|times)( is| are)? (possible|ok|okay"
                         r"|available)\b"  # (not "其他时间我都忙": busy then)
                         r"|(约|预约|排|改|订)(到|在)?下下(个|個)?(周|週|星期|礼拜|禮拜)"  # "能约到下下周吗"
                         r"|(别的|其他)(时间|日子)(?![^，。,.]{0,6}(忙|不行|没空|没时间|不可以|不方便|上班|有事|工作|返工|开工"
                         r"|开店|不得|唔得|唔得闲|唔得閒|做工|干活|打工|在店|在餐馆|没有空))"
                         # "could we look at dates after the holidays?"
                         r"|\b(look at|see|check|find|get|any|have|got) (some |other |any )?(dates|times|days"
                         r"|openings|slots"
                         r"|appointments) (after|in|later|next|around)\b")


def asks_for_other_times(text: str, language: str | None = None) -> bool:
    """Whether the reply turns every offered time down or asks what other days or times there are."""
    return turns_all_down(text, language) or bool(_OTHER_DAYS.search(fold(as_simplified(text))))
