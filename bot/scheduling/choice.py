"""Which offered slot did the patient mean? ("2", "the tuesday one", "second", "the 2:30", "el jueves")

The engine tells us *that* the patient chose; this resolves *which* option, against the options actually
offered, so the bot never guesses: no match or more than one match is reported as such.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from bot.scheduling.reading import (
    DAY_WORDS,
    MADAM,
    MORNING_LEAD_INS,
    ORDERED_THINGS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    WEEKDAYS,
    fold,
    reply_words,
)
from bot.scheduling.turning_down import (
    COMPARED_IN_TIME,
    asks_earlier_or_later,
    asks_for_other_times,
    rejects_options,
)
from bot.scheduling.zh_vi import EITHER

_ORDINALS = {
    "first": 1, "1st": 1, "primero": 1, "primera": 1, "primer": 1, "1ra": 1, "1ro": 1, "1era": 1, "1ero": 1,
    "2da": 2, "2do": 2, "3ra": 3, "3ro": 3, "3era": 3, "3ero": 3,
    "second": 2, "2nd": 2, "segundo": 2, "segunda": 2,
    "third": 3, "3rd": 3, "tercero": 3, "tercera": 3, "tercer": 3,
    "fourth": 4, "4th": 4, "cuarto": 4, "cuarta": 4,
    "fifth": 5, "5th": 5, "quinto": 5, "quinta": 5,
    # as thumbs type them, beyond the swapped letters read below: "frst", "secnd", "thrd"
    "frst": 1, "secnd": 2, "scond": 2, "seconf": 2, "thrd": 3, "tird": 3, "primeto": 1, "segudo": 2, "segund": 2,
    "secon": 2, "seccond": 2, "secund": 2, "scnd": 2, "thurd": 3, "terecra": 3, "tecera": 3, "tecero": 3,
    "tersera": 3, "tersero": 3,
    "terser": 3, "segumda": 2, "pimera": 1,
    # Tagalog, as Filipino patients mix it into English ("yung pangalawa po", "pangatlong schedule po"; not
    # "pangalawang beses", the second time: see ORDERED_THINGS; nor "una", Spanish "one")
    "pangalawa": 2, "ikalawa": 2, "pangatlo": 3, "ikatlo": 3, "unang": 1, "pangalawang": 2, "ikalawang": 2,
    "pangatlong": 3, "ikatlong": 3,
    # said fondly: "la primerita", "el segundito"
    "primerita": 1, "primerito": 1, "segundita": 2, "segundito": 2, "tercerita": 3, "tercerito": 3,
}


_LAST = {"last", "ultimo", "ultima", "ultimita", "ultimito"}


# "last" that names a past time, not the last option: "sorry I missed last time", "like last week", "la última vez"
_PAST_AFTER_LAST = {"week", "month", "year", "visit", "appointment", "appt", "night", "vez", "semana", "mes",
                    "ano", "cita", "visita", "fall", "spring", "summer", "winter", "autumn", "otono", "verano",
                    "invierno", "primavera", *WEEKDAYS,
                    # "el último mensaje me llegó en inglés": the last text, not the last time offered
                    "message", "messages", "text", "texts", "msg", "mensaje", "mensajes", "texto", "textos"}


_ARTICLES = {"the", "la", "el", "that", "esa", "ese"}
_MISSED = {"missed", "skipped", "cancelled", "canceled", "perdi", "falte", "since", "from"}


# words that, right after a leading menu number, go on to accept it ("2 is good for me thank u", "3 me queda bien")
_ACCEPTING_AFTER_NUMBER = {"is", "works", "work", "sounds", "looks", "would", "will", "please", "pls", "plz", "for",
                           "ok", "okay", "perfect", "good", "great", "fine", "then", "es", "me", "esta", "seria",
                           "funciona", "sirve", "queda", "por", "porfa", "thanks", "thank", "thx", "gracias",
                           "nomas", "solamente", "xfa", "plis", "bien", "sale",  # "uno sale": OK
                           "ya", "lah", "leh", "ah", "pues", "porfavor", "porfis"}


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "thre": 3, "twp": 2, "oen": 1,  # as typed in a hurry, after "option"
}


# typed for a number, only right after "number", "option" or an article: "I'll take number to", and Caribbean Spanish
# dropping its s ("quiero la tre", "opción número do")
# (also words of their own: "too expensive", "tree", "won't"), and Malay ("nombor dua")
_NUMBER_TYPED_AFTER_A_LEAD_IN = {"to": 2, "too": 2, "tow": 2, "tree": 3, "won": 1, "do": 2, "tre": 3, "satu": 1,
                                 "dua": 2, "tiga": 3}
_TYPED_NUMBER_LEAD_INS = {"number", "option", "numero", "opcion", "la", "el", "nombor", "nomor", "numbr", "nmbr", "num",
                          "numba", "numbah", "nomber", "opt", "opshon"}
_NUMBER_LEAD_INS = {"option", "number", "no", "opcion", "numero", "la", "el", "choice", "pick", "take", "with",
                    "choose", "want", "grab", "escojo", "quiero", "tomo", "numbah", "numba", "nomber",
                    "numbr", "nmbr", "num", "nro", "opt", "opcn", "numro", "opsion", "obcion", "opcio", "opshon",
                    "optoin", "otpion"}  # and as typed in a hurry


_HOUR_LEAD_INS = {"at", "las", "around", "after", "before", "till", "til", "until", "hasta", "by"}


# the earliest or the latest of the options: "earliest one you got", "el más temprano", "lo antes posible", 最早
_EARLIEST = re.compile(r"\b(earliest|soonest|first available|asap|el mas temprano|la mas temprana|lo mas pronto|"
                       r"lo antes posible|el primero que haya|lo mas temprano"
                       r"|whichever( one)? (is|comes) (earlier|sooner|first)|el que (sea|este|quede) (mas temprano"
                       r"|mas pronto|primero|antes))\b")


# the choice left to us among the times named: "wed or thu, you pick", "周三周四都可以，你们定吧" (the earlier one)
_YOU_PICK = re.compile(r"\b((you|u|y'?all) (pick|choose|decide)|up to you|your (call|choice)|you pick"
                       r"|usted(es)? (decide|decida|escoja|elija|decidan|escojan|elijan)|lo que (usted|ustedes)"
                       r" (diga|digan|decida|decidan))\b")


_LATEST = re.compile(r"\b(latest|el mas tarde|la mas tarde|lo mas tarde)\b")


# the day of the month: "the 9th", "el día 9", "ngày 9" (rewritten as "day 9"); "the 2nd" stays an option number
# ("until the 10th", "hasta el 10", 到10号: a day the patient is busy until, not one chosen)
_DAY_OF_MONTH = re.compile(r"(?<!until )(?<!hasta )\b(?:day|dia)\s+(\d{1,2})\b"
                           r"|(?<!until )(?<!till )(?<!thru )(?<!through )\bthe (\d{1,2})(?:st|nd|rd|th)\b"
                           r"|(?<!hasta )\bel (\d{1,2})\b(?![:/]|\s*(?:am|pm|de la|y media|y cuarto)\b)"  # "el 8"
                           # a reply that is the date: "10th", "the 10th please" (not "9th is my mom's surgery")
                           r"|^(?:on )?(\d{1,2})(?:st|nd|rd|th)(?: (?:please|pls|plz|works|is good|is fine|ok|okay"
                           r"|thanks|thx|good|fine|good for me|works for me|is good for me|is ok|is okay))?\W*$")


# a reply that corrects itself: what comes after the last correction is what the patient means ("2 ... wait no 3")
_CORRECTION = re.compile(r"(?:\b(?:wait|actually|i mean|i meant|no wait|sorry i meant|correction|mejor dicho|oops|"
                         r"no perdon|perdon|sorry|"
                         r"digo|perdon (?:quise decir|digo)|quise decir|no mejor|a khong|a nham|nham"
                         r"|(?:a )?(?:khong|ko|k) lon|lon roi)\b"
                         r"|不对|不是不是|我是说|改成|(?:啊|哦|噢|呃|嗯|哎)\s*不是)"
                         r"(?:[\s,.]*(?:no|nope|不是|khong)\b)?", re.IGNORECASE)  # "Actually no make it wednesday"


# where a reply thought aloud comes to its conclusion ("tuesday's out, wednesday i'm babysitting, so I guess thursday")
_SETTLED = re.compile(r"\b(?:so(?! (?:do|does|is|am|are|would|will)\b)|then|entonces|asi que|i guess|guess|nen|"
                      r"vay thi)\b|所以|那就|好吧|算了(?=[，,\s]*还是)|(?:[.…?!,]\s*)(?:ok|okay|k|mejor)\b")


# the middle one of an odd number of options: "the middle one", "el de en medio", 中间那个, cái ở giữa
_MIDDLE = re.compile(r"\bmiddle\b(?! of\b)|\b(el|la) (de en|del|de el) medio\b|\bcai (o )?giua\b")


# a time typed without its colon: "the 230 one", "1430", "930am" (quarter hours only: not "100 dollars")
_COMPACT_TIME = re.compile(r"\b(1[0-9]|2[0-3]|[1-9])(00|15|30|45)(?=\s*(?:a\.?m|p\.?m)?\b)(?![/\d])")


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan enero ene", "february feb febrero", "march mar marzo", "april apr abril abr",
            "may mayo", "june jun junio", "july jul julio", "august aug agosto ago",
            "september sep sept septiembre", "october oct octubre", "november nov noviembre",
            "december dec diciembre dic",
        ],
        start=1,
    )
    for name in names.split()
}


_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|o'?\s?clock)?(?![\d/])")


_DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")


@dataclass(frozen=True)
class OfferedOption:
    position: int  # 1-based, as shown to the patient
    slot_id: str
    local_start: datetime  # in the patient's timezone


@dataclass
class Choice:
    chosen: OfferedOption | None = None
    candidates: list[OfferedOption] = field(default_factory=list)
    constrained: bool = False  # the reply named a time, day or option at all (none offered may match it)

    @property
    def ambiguous(self) -> bool:
        return self.chosen is None and len(self.candidates) > 1


# "después del trabajo" names no time; "después de las 2" is a bound on the time (preferences.py), not a comparison
# a time set aside: "instead of the 9am", "other than tuesday", "en vez del martes": never the one chosen
_SET_ASIDE = re.compile(r"\b(?:other|rather|else) than (?:the |that |this |on )?\S+"
                        r"|\binstead of (?:the )?\S+|\bbesides (?:the )?\S+|\ben (?:vez|lugar) del? (?:el |la )?\S+"
                        r"|\baparte del? (?:el |la )?\S+"
                        r"|\$\s*\d[\d,.]*|\b\d[\d,.]*\s*(?:dollars|dolares|bucks|usd)\b"  # "$400": money, no 4:00
                        # a part of the day that names something else: "before the afternoon traffic builds"
                        r"|\b(?:morning|afternoon|evening|rush hour) (?:traffic|rush|heat|crowd|crowds|nap|walk)\b")


# Chinese typed as pinyin: "di er ge" (the second), "zhou er shang wu" (Tuesday morning)
_PINYIN = re.compile(r"\b(?:di|xuan|yao) ?(?P<ordinal>yi|er|san)(?: ?ge)?\b"
                     r"|\b(?:zhou|xing ?qi|li ?bai) ?(?P<weekday>yi|er|san|si|wu|liu|ri|tian)\b"
                     r"|\b(?P<part>shang ?wu|zao ?shang|xia ?wu|zhong ?wu|wan ?shang)\b")


_PINYIN_POSITION = {"yi": "first", "er": "second", "san": "third"}


_PINYIN_WEEKDAY = {"yi": "monday", "er": "tuesday", "san": "wednesday", "si": "thursday", "wu": "friday",
                   "liu": "saturday", "ri": "sunday", "tian": "sunday"}


_PINYIN_PART = {"shangwu": "morning", "zaoshang": "morning", "xiawu": "afternoon", "zhongwu": "midday",
                "wanshang": "evening"}


def _from_pinyin(match: re.Match[str]) -> str:
    if match.group("ordinal"):
        return f" {_PINYIN_POSITION[match.group('ordinal')]} "
    if match.group("weekday"):
        return f" {_PINYIN_WEEKDAY[match.group('weekday')]} "
    return f" {_PINYIN_PART[match.group('part').replace(' ', '')]} "


_LATE_IN_THE_DAY = re.compile(r"\b(later|late) in the day\b|\bend of the day\b|\b(mas )?tarde en el dia\b")


_EARLY_IN_THE_DAY = re.compile(r"\b(earlier|early) in the day\b|\bfirst thing\b|\btemprano en el dia\b"
                               r"|\b(temprano|tempranito|early)\b")  # "jueves temprano" (after a day: see below)


_GREETING = re.compile(r"\b(good (morning|afternoon|evening)|(buenos|buen) dias?|buenas (tardes|noches)|morning all)\b")


def _early_said(match: re.Match[str]) -> str:
    """Early in the day is the morning; a bare "temprano" / "early" only right after a day ("jueves temprano")."""
    if match.group(2) is None:
        return " morning "
    before = re.findall(r"[a-z0-9]+", match.string[:match.start()])
    after_a_day = before and (before[-1] in WEEKDAYS or (before[-1].isdigit() and before[-2:-1] == ["el"]))
    return " morning " if after_a_day else match.group(0)  # "el jueves temprano", "el 8 tempranito"


def resolve_choice(text: str, options: list[OfferedOption], today: date | None = None,
                   language: str | None = None) -> Choice:
    """Narrow the offered options by every constraint the reply states; one survivor is the choice.
    ``today`` (the patient's local date) lets "tomorrow" / "mañana" / "hoy" name a day; ``language`` (the
    patient's) reads Vietnamese typed without diacritics ("thu ba") as Vietnamese."""
    if not options:
        return Choice()
    folded, _ = reply_words(text, language)
    folded = re.sub(r"\b(at|a las|@) (\d{1,2}) (00|15|30|45)\b", r"\1 \2:\3", folded)  # "at 2 30"
    folded = re.sub(r"\ba la (1)(?![\d:])", r"a las \1", folded)  # "a la 1": one o'clock
    # "thursday evenin at 4", "4 in the evening": the hour said wins over what one calls that part of the day
    if re.search(rf"\b(?:{DAY_WORDS})\b", folded) and not re.search(r"\b(this|tonight|today)\b", folded):
        folded = re.sub(r"\b(?:evening|evenin) (at|@) ([3-6])\b(?![:\d])", r"\1 \2 pm", folded)
        folded = re.sub(r"\b([3-6]) in the (?:evening|evenin)\b", r"\1 pm", folded)
    folded = _GREETING.sub(" ", folded)  # "Good morning. I would like Thursday at four": no morning asked for
    folded = re.sub(r"\bfinal (one|option|slot|time|choice)\b", r"last \1", folded)  # not "final answer", "al final"
    folded = _LATE_IN_THE_DAY.sub(" afternoon ", _EARLY_IN_THE_DAY.sub(_early_said, folded))
    folded = _PINYIN.sub(_from_pinyin, folded)
    folded = _SET_ASIDE.sub(" ", COMPARED_IN_TIME.sub(" ", _spoken_clock(_COMPACT_TIME.sub(r"\1:\2", folded))))
    words = re.findall(r"[a-z0-9]+(?:st|nd|rd|th)?", folded)
    remaining = list(options)
    constrained = False

    def narrow(predicate: object) -> None:
        nonlocal remaining, constrained
        constrained = True
        remaining = [option for option in remaining if predicate(option)]  # type: ignore[operator]

    # Times first ("2:30", "2pm", "10 am") so their digits are not read as option numbers.
    times = []
    bounds: list[tuple[str, int, int]] = []
    for match in _TIME.finditer(folded):
        hour, minute, meridiem = int(match.group(1)), match.group(2), match.group(3)
        if minute is None and meridiem is None and (_lead_in(folded, match.start()) not in _HOUR_LEAD_INS
                                                    or _before_a_month(folded, match.end())):
            continue  # a bare number: an option number or a day ("after 15 december"), not a time
        if hour > 23 or (minute is not None and int(minute) > 59):
            continue
        if meridiem and meridiem.startswith("o"):  # "4 o'clock": a time, morning or afternoon as offered
            times.append((hour, int(minute or 0), False))
            continue
        if meridiem and meridiem.startswith("p") and hour < 12:
            hour += 12
        if meridiem and meridiem.startswith("a") and hour == 12:
            hour = 0
        if (bound := _lead_in(folded, match.start())) in ("after", "before"):
            bounds.append((bound, hour if meridiem or hour > 7 else hour + 12, int(minute or 0)))
            continue  # "thurs after 3:30": a bound on the time, not the time
        times.append((hour, int(minute or 0), bool(meridiem)))
    stripped = _TIME.sub(
        lambda m: " " if (m.group(2) or m.group(3) or (_lead_in(folded, m.start()) in _HOUR_LEAD_INS
                                                       and not _before_a_month(folded, m.end()))) else m.group(0),
        folded,
    )
    dates = [(int(m.group(1)), int(m.group(2))) for m in _DATE_SLASH.finditer(stripped)]
    stripped = _DATE_SLASH.sub(" ", stripped)

    for hour, minute, explicit in times:
        def at_time(o: OfferedOption, h: int = hour, m: int = minute, e: bool = explicit) -> bool:
            start = o.local_start
            if start.minute != m:
                return False
            return start.hour == h or (not e and start.hour == (h + 12) % 24)

        narrow(at_time)
    for bound, hour, minute in bounds:
        def within(o: OfferedOption, b: str = bound, h: int = hour, m: int = minute) -> bool:
            start = (o.local_start.hour, o.local_start.minute)
            return start >= (h, m) if b == "after" else start <= (h, m)

        narrow(within)
    for first, second in dates:  # "12/8" as written in the US, "8/12" as in Latin America and Vietnam: either
        narrow(lambda o, a=first, b=second: (o.local_start.month, o.local_start.day) in ((a, b), (b, a)))

    if today is not None and _WEEK_AFTER_NEXT.search(stripped):  # "下下个礼拜二": not the Tuesday of next week
        # (only beside a day: "tuesday is fine, my daughter comes in 2 weeks" keeps its Tuesday)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=2)
        narrow(lambda o, m=monday: m <= o.local_start.date() < m + timedelta(weeks=1))
    plain_words = [_weekday_spelled(word) for word in re.findall(r"[a-z0-9]+", stripped)]
    # days named together are alternatives ("tuesday or wednesday", "周三周四都可以"): one visit is on one day
    weekdays = {WEEKDAYS[word] for index, word in enumerate(plain_words)
                if word in WEEKDAYS and not (word == "mar" and _has_month_context(plain_words, index))}
    if weekdays:
        narrow(lambda o: o.local_start.weekday() in weekdays)
    for index, word in enumerate(plain_words):
        if word in WEEKDAYS:
            continue
        elif word in _MONTHS and (day := _day_beside_month(plain_words, index)) is not None:
            narrow(lambda o, mo=_MONTHS[word], d=day: o.local_start.month == mo and o.local_start.day == d)
        elif word == "pasado" and index + 1 < len(plain_words) and plain_words[index + 1] == "manana":
            if today is not None:
                narrow(lambda o, d=today + timedelta(days=2): o.local_start.date() == d)
        elif word in RELATIVE_DAYS and not (word == "manana" and index and (
                plain_words[index - 1] in MORNING_LEAD_INS or plain_words[index - 1] == "pasado")):
            if today is not None:
                narrow(lambda o, d=today + timedelta(days=RELATIVE_DAYS[word]): o.local_start.date() == d)
        elif word in PARTS_OF_DAY and not (word == "am" and _am_said_as_a_verb(plain_words, index)):
            low, high = PARTS_OF_DAY[word]
            narrow(lambda o, lo=low, hi=high: lo <= o.local_start.hour < hi)
    positions: set[int] = set()  # several named are alternatives: "1 or 2", "1 2 3 deu ko dc"
    for index, word in enumerate(words):
        position = None if _ordinal_in_passing(words, index) else _ORDINALS.get(word) or _ordinal_swapped(word)
        opens_reply = index == 0 and (len(words) == 1 or word not in ("one", "una", "uno")
                                      or words[1] in _ACCEPTING_AFTER_NUMBER)  # not "una en la tarde"
        named_one = word != "one" and index + 1 < len(words) and words[index + 1] == "one"  # "the three one"
        if word in _NUMBER_WORDS and not _counts_something(words, index) \
                and (opens_reply or named_one or (index and words[index - 1] in _NUMBER_LEAD_INS)
                     or _chosen_with_an_article(words, index)):
            position = _NUMBER_WORDS[word]  # "two", "option two"; not "the tuesday one"
        elif word in _NUMBER_TYPED_AFTER_A_LEAD_IN and index and words[index - 1] in _TYPED_NUMBER_LEAD_INS \
                and (index + 1 == len(words) or words[index + 1] in _ACCEPTING_AFTER_NUMBER):  # not "number to arrange"
            position = _NUMBER_TYPED_AFTER_A_LEAD_IN[word]
        if word in _LAST and not _names_a_past_time(words, index):
            position = len(options)
        if word.isdigit() and (_counts_something(words, index)):
            continue  # "in 2 weeks", "my 2 kids", "tháng 2" (February): a count or a month, not an option
        if position is None and word.isdigit() and word in plain_words and (
                len(plain_words) <= 6 or _leads_and_accepts(words, index)
                or (index and words[index - 1] in _NUMBER_LEAD_INS)):
            number = int(word)
            if 1 <= number <= len(options):
                position = number
        if position is not None:
            positions.add(position)
        elif either := EITHER.match(word):  # "lịch thứ hai": the second option or the Monday one; both, if both
            position, weekday = int(either.group(2)), int(either.group(3))
            if either.group(1) == "pick" and position <= len(options):
                positions.add(position)  # "cái thứ ba": the third one, when there is one
            elif either.group(1) == "pick":
                narrow(lambda o, w=weekday: o.local_start.weekday() == w)  # "cái thứ 4" of three: the Wednesday
            else:
                narrow(_position_or_weekday(position, weekday))
    if positions:
        narrow(lambda o: o.position in positions)
    for match in _DAY_OF_MONTH.finditer(stripped):
        day = int(match.group(1) or match.group(2) or match.group(3) or match.group(4))
        if match.group(1) or day > len(options):
            before = remaining
            narrow(lambda o, d=day: o.local_start.day == d)
            if before and not remaining:  # "星期三10号": Wednesday is the 9th; the patient picks between the two
                remaining = before + [o for o in options if o.local_start.day == day and o not in before]
    for pattern, pick in ((_EARLIEST, min), (_LATEST, max), (_YOU_PICK, min)):
        if pattern.search(folded) and (pattern is not _YOU_PICK or (constrained and len(remaining) > 1)):
            edge = pick(o.local_start for o in remaining) if remaining else None
            narrow(lambda o, e=edge: o.local_start == e)
    if _MIDDLE.search(folded) and len(options) % 2 == 1:
        middle = len(options) // 2 + 1
        narrow(lambda o: o.position == middle)
    if not constrained:
        return Choice()
    if len(remaining) == 1:
        return Choice(chosen=remaining[0], candidates=remaining, constrained=True)
    return Choice(candidates=remaining, constrained=True)


# a polite ask put as a negative question ("¿no se podrá?", "¿no se puede?"): it turns nothing down
# (not "¿el martes no se puede? trabajo ese día": "no se puede" asks whether a day is out, and often says it is)
_POLITE_ASK = re.compile(r"\bno se (?:podr[aá]|podr[ií]a)(?: hacer| ser| dar)?(?=\s*\?)", re.IGNORECASE)


# Chinese run on without punctuation (voice input): a verdict, then a part of the day starts the next thought
_ZH_RUN_ON = re.compile(r"(好|可以|行|方便|不行|没空|沒空)(?=(?:上午|下午|早上|晚上|中午|傍晚))")


# a day the patient meant to pick and then took back: "I was going to say wednesday but just checked and im
# working", "本来想选周三的 刚看了排班要上班" (the rest says why, or asks for something else)
_TAKEN_BACK = re.compile(r"\b(?:i was going to|i was gonna|i wanted to|iba a|queria) (?:say|pick|choose|take|do|decir"
                         r"|escoger|agarrar|pedir|el|la)\b[^,.;!?]*?(?=\b(?:but|pero)\b)"
                         r"|(?:(?:本来|原本|本來|原來|原来)(?:想|打算)|本想)(?:选|選|约|約|要)?[^，。,.\s]{0,6}(?:的|嘅)?",
                         re.IGNORECASE)


# a day told of the past, no choice: "I done already called y'all Thursday and got it set back up for the 14th"
_A_DAY_GONE_BY = re.compile(r"\b(called|texted|phoned|spoke to|talked to|came in|went in|was there|were there|llame"
                            r"|hable|fui)( (you|y'?all|yall|u|ya|you guys|the office|the clinic|them|in|alla|ahi))?"
                            r"( on| last| el| el pasado)? (?:" + DAY_WORDS + r"|miércoles|sábado)s?\b"
                            # "el jueves pasado"; "I came in last thursday" (not "last thursday one works": the last)
                            r"|\b(el )?(?:" + DAY_WORDS + r"|miércoles|sábado) pasado\b(?! manana)"
                            r"|\b((?:came|went|called|was|were|saw|had|did|texted|got|visited|made|booked|spoke|talked)"
                            r"(?: \w+){0,4}) (?:last|this past) (?:" + DAY_WORDS + r")\b", re.IGNORECASE)


# "that same day", "ese mismo día": the day named before it
_SAME_DAY = re.compile(r"\b(?:(?:that|the) same day|(?:ese|el) mismo d[ií]a|ese d[ií]a mismo)\b", re.IGNORECASE)
_A_TIME_AFTER = re.compile(r"[\s,]*(?:\w+\s+){0,2}?(?:en la|in the|at|a las|a la|por la|\d|morning|afternoon|evening"
                           r"|tarde|noche|ma[ñn]ana)\b", re.IGNORECASE)


def _same_day_named(text: str) -> str:
    """``text`` with "that same day" put as the weekday named before it, when one was."""
    match = _SAME_DAY.search(text)
    if match is None or not _A_TIME_AFTER.match(text[match.end():]):  # not "ese mismo día no trabajo"
        return text
    named = [word for word in re.findall(r"[a-z]+", fold(text[: match.start()])) if word in WEEKDAYS]
    return f"{text[: match.start()]}{named[-1]}{text[match.end():]}" if named else text


# the week after next ("tuần sau nữa", 下下周 as rewritten), or two weeks from now: none of this week's or next's
_WEEK_PAST_NEXT = r"(?:week after next|(?:in|en) (?:two|2|dos) (?:weeks|semanas)|semana despues de la proxima)"
_WEEK_AFTER_NEXT = re.compile(rf"\b{_WEEK_PAST_NEXT},? (?:on |el |the )?(?:{DAY_WORDS})\b"
                              rf"|\b(?:{DAY_WORDS}) (?:of |de )?(?:the |la )?{_WEEK_PAST_NEXT}\b")


_LONG_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "martes",
                   "miercoles", "jueves", "viernes", "sabado", "domingo")


_NOT_DAYS = frozenset({"master", "thirsty", "wedding", "viene", "vienen", "vienes"})  # "me viene bien"


def _am_said_as_a_verb(words: list[str], index: int) -> bool:
    """"I am free", "or am i gonna get a bill": "am" the verb, not the morning ("tuesday am", "9 am")."""
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before in ("i", "we") or after in ("i", "we", "gonna", "going", "not", "able", "free", "still", "so",
                                              "just", "busy", "working", "out", "at", "in")


def _weekday_spelled(word: str) -> str:
    """A day name as typed in a hurry ("wensday", "thrusday", "miercole", "martez") as the day; other words as
    they are. Only words of five letters or more, close to one day name."""
    if len(word) >= 6 and word.endswith("s") and word[:-1] in WEEKDAYS:
        return word[:-1]  # "tuesdays I work", "los sábados": the day, said of every week
    if len(word) < 5 or word in WEEKDAYS or word in _NOT_DAYS or not word.isalpha():
        return word
    close = difflib.get_close_matches(word, _LONG_DAY_NAMES, n=1, cutoff=0.8)
    return close[0] if close else word


_SPANISH_HOURS = {"una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
                  "nueve": 9, "diez": 10, "once": 11, "doce": 12}


_ENGLISH_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10, "eleven": 11, "twelve": 12}


def _spoken_clock(folded: str) -> str:
    """Spanish clock times as said or dictated: "a las dos y media" → "a las 2:30", "las 2 y 30" → "las 2:30",
    "las 4 y cuarto" → "las 4:15", "a las dos treinta" → "a las 2:30"."""
    folded = re.sub(r"\b(las?) (" + "|".join(_SPANISH_HOURS) + r")\b",
                    lambda m: f"{m.group(1)} {_SPANISH_HOURS[m.group(2)]}", folded)
    folded = re.sub(r"\b(\w+) i (media|cuarto)\b", r"\1 y \2", folded)  # "las dos i media", as spelled by ear
    folded = re.sub(r"\b(" + "|".join(_SPANISH_HOURS) + r") y (media|cuarto)\b",  # "el de dos y media"
                    lambda m: f"{_SPANISH_HOURS[m.group(1)]} y {m.group(2)}", folded)
    # English: "half past two", "quarter past four", "two thirty"
    folded = re.sub(r"\b(half|quarter) past (" + "|".join(_ENGLISH_HOURS) + r"|\d{1,2})\b",
                    lambda m: f"{_ENGLISH_HOURS.get(m.group(2), m.group(2))}:{'30' if m.group(1) == 'half' else '15'}",
                    folded)
    folded = re.sub(r"\b(" + "|".join(_ENGLISH_HOURS) + r") thirty\b", lambda m: f"{_ENGLISH_HOURS[m.group(1)]}:30",
                    folded)
    folded = re.sub(r"\b(las?) (\d{1,2}) (?:y )?(treinta|quince)\b",  # "a las dos treinta", as dictated
                    lambda m: f"{m.group(1)} {m.group(2)}:{'30' if m.group(3) == 'treinta' else '15'}", folded)
    folded = re.sub(r"\b(\d{1,2}) y (media|cuarto|\d{2})\b",
                    lambda m: f"{m.group(1)}:{ {'media': '30', 'cuarto': '15'}.get(m.group(2), m.group(2))}", folded)
    return folded


_UNITS = frozenset("week weeks day days month months hour hours hr hrs min mins minute minutes year years yr yrs "
                   "semana semanas dia dias mes meses hora horas minuto minutos ano anos kid kids child children hijo "
                   "hijos times veces tuan ngay thang nam tieng gio phut lan hand hands thing things".split())


_CHOOSING_BEFORE_AN_ORDINAL = {*_ARTICLES, *_NUMBER_LEAD_INS, "do", "go", "like", "prefer", "gimme", "give", "is", "be",
                                "ok", "okay", "lo", "the", "my", "just"}


_OPTION_AFTER_AN_ORDINAL = {"one", "option", "time", "slot", "choice", "available", "opening", "appointment", "appt",
                            "uno", "una", "opcion", "horario", "cita", "turno", "hora", "please", "pls", "por", "porfa"}


def _ordinal_swapped(word: str) -> int | None:
    """"frist", "secnod", "thrid", "priemra": an ordinal with its letters swapped (same first letter, same
    letters)."""
    return next((position for name, position in (("first", 1), ("second", 2), ("third", 3), ("primera", 1),
                                                 ("primero", 1), ("segunda", 2), ("segundo", 2), ("tercera", 3))
                 if word != name and word[:1] == name[0] and sorted(word) == sorted(name)), None)


_A_MONTH_OR_YEAR = re.compile(r"all\b|(the |next |this |el |la |ano|mes)?(year|month|ano|mes|jan|january|feb|february"
                              r"|enero"
                              r"|febrero)\b")


def _ordinal_in_passing(words: list[str], index: int) -> bool:
    """"check my schedule first", "wait a second", "tengo que ver primero": an ordinal that orders what the patient
    does, not one of the options (those follow "the", "take", "option"... or stand first or alone)."""
    word = words[index]
    if word == "second" and index and words[index - 1] == "a":
        return True
    if word in ("first", "primero") and words[index + 1: index + 2] in (["of"], ["de"], ["del"]) \
            and _A_MONTH_OR_YEAR.match(" ".join(words[index + 2: index + 4])):
        return True  # "after the first of the year", "el primero de enero", "first of all": not the first option
    if index + 1 < len(words) and words[index + 1] in ORDERED_THINGS:
        return True  # "I'm on second shift", "first floor", "el primer piso": not an option
    if word not in ("first", "primero") or index == 0:
        return False
    after = words[index + 1] if index + 1 < len(words) else ""
    if words[index - 2: index] == ["the", "one"]:
        return False  # "I take the one first": the option, said in another order
    return words[index - 1] not in _CHOOSING_BEFORE_AN_ORDINAL and after not in _OPTION_AFTER_AN_ORDINAL


def _counts_something(words: list[str], index: int) -> bool:
    """A number that counts something ("2 weeks", "3 kids") or names a month ("tháng 2") is no option number."""
    following = words[index + 1] if index + 1 < len(words) else ""
    preceding = words[index - 1] if index else ""
    return following in _UNITS or preceding in ("thang", "month", "mes", "tuan", "week")


def _chosen_with_an_article(words: list[str], index: int) -> bool:
    """"I choose the three, thank you": a number word after "the" that ends the thought; not "the two of us", "I take
    the three boys to school", "the two will come", "can I bring the two? thanks", "Wednesday is the one"."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return index >= 1 and words[index - 1] == "the" and words[index] != "one" \
        and following in ("", "please", "pls", "plz", "thanks", "thank", "thx", "ty") \
        and not (index >= 2 and words[index - 2] in ("bring", "with", "both", "all", "of"))


def _names_a_past_time(words: list[str], index: int) -> bool:
    """'last' in "sorry I missed last time", "same as last week", "la última vez": a time gone by, not the last
    option ("the last one", "the last time works" still are)."""
    following = words[index + 1] if index + 1 < len(words) else ""
    preceding = words[index - 1] if index else ""
    if preceding in _ARTICLES and index >= 2 and words[index - 2] in _MISSED:
        return True  # "sorry I missed the last one": the visit gone by
    if following == "time":
        return preceding not in _ARTICLES
    return following in _PAST_AFTER_LAST


def _leads_and_accepts(words: list[str], index: int) -> bool:
    """A menu number that opens a longer reply which goes on to accept it ("2 is good for me thank u")."""
    return index == 0 and len(words) > 1 and words[1] in _ACCEPTING_AFTER_NUMBER


# where one thought ends and the next begins: "2, but can i bring my daughter?", "en la mañana no puedo, el jueves sí"
# ("miércoles y jueves me toca cuidar a mi mamá": days joined by "y" / "and" share what follows them)
_DAY_WORDS_AS_TYPED = DAY_WORDS + "|miércoles|sábado"


_DAYS_JOINED = re.compile(rf"\b((?:{_DAY_WORDS_AS_TYPED})s?),? (?:and|y|&|or|o) (?:el |la |los |the |on )?"
                          rf"(?=(?:{_DAY_WORDS_AS_TYPED})s?\b)",
                          re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,.;!?¿¡\n]+|:(?!\d)|\b(?:pls|please|plz|thx|thanks)\b(?= (?:i|we|my)\b)"
                           r"|\b(?:and|but|though|tho|"
                           r"although|pero|aunque|nhung|nhưng|ma|if|as long as|si|siempre que|neu)\b"
                           # a reason after "que"/"because": "el de la mañana por favor que en la tarde trabajo"
                           r"|\b(?:que|porque|because|cause|cuz|bc)\b(?= (?:en|por|a|in) (?:la|las|el|los|the) )"
                           r"|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|如果|只要"
                           # "tue morning 不行 thu 4pm ok": a time turned down in Chinese, then one in English
                           r"|(?:(?<=不行)|(?<=没空)|(?<=沒空)|(?<=不可以)|(?<=唔得)|(?<=不方便)|(?<=不能))\s+"
                           r"|\by\b(?! (?:media|cuarto|\d{2})\b)"
                           # "sáng t3 hay chiều t4": two whole times, each its own
                           r"|\b(?:hay|hoặc|hoac)\b(?=\s+(?:sáng|sang|chiều|chieu|trưa|trua|t\s*\d|thứ|thu|ngày"
                           r"|ngay)\b)"
                           r"|[，。；：！？、]|但是|可是|不过|不過|但")


# a reason given in passing is not a choice: "la de las 4 q salgo del trabajo a las 3", "because I work till 3"
# (a busy time is no reason in passing: "en la tarde trabajo" turns the afternoon down, see BUSY_THEN)
_REASON = re.compile(r"\b(?:because|cuz|coz|bc|since|porque|xq|pq|ya que|"
                     r"vì|bởi vì|tại vì|boi vi|tai vi|(?<=\w\s)q|(?<=\w\s)k|salgo|"
                     r"we get back|i get back|back from|regreso|regresamos|vuelvo|volvemos|i get off|im off|i'm off|"
                     r"i finish|termino|entro|i start|empiezo|on the road|out of town|traveling|travelling|"
                     # "9am is best i have to be at work by noon": where they must be next, not a time asked for
                     r"i (?:have|need|got) to be (?:at|in)|i gotta be (?:at|in)|tengo que estar en|debo estar en"
                     # "el jueves diez nomas que no me agarre la noche pa regresar": so night does not fall on the way
                     r"|(?:que|pa que|para que) no me agarre)\b.*?"
                     r"(?=[,.;!?]|\b(?:but|pero|and|y|so|entonces|then)\b|$)", re.IGNORECASE)


# a choice said in so many words: "I'll take the thursday one", "me quedo con la del jueves", "quiero el martes"
_CHOOSES = re.compile(r"\b(i'?ll take|i will take|i'?ll do|i want|i'?d like|give me|put me (down )?for|book me for"
                      r"|me quedo con|quiero (el|la)|deme (el|la)|apunteme (el|la|para))\b")
# what fills a day, named beside a time that is not asked for ("the kids get out of school at 3")
_ACTIVITY = re.compile(r"\b(school|escuela|colegio|daycare|guarderia|work|trabajo|shift|turno|salen|sale|get out"
                       r"|gets out|"
                       r"get off|gets off|let out|pick up|pickup|recoger|recojo|kids|nenes|ninos|hijos|bus|class"
                       r"|clase|chores|milking|feeding|the cows|animals)\b")


# "the other one" after turning the rest down: "not tues or wed, the other one is fine", "el otro sí", 另外那个
_NOT_AN_HOUR = re.compile(r"\b(not|except|but not|menos|excepto|no a las|no)\s+(\d{1,2})\b(?![:/]\d)")


_THE_OTHER = re.compile(r"\b(the )?other( one| time| option)?\b|\b(the )?remaining one\b|\b(el|la) otr[oa]\b"
                        r"|\b(el|la) que queda\b")


# a day preferred over others: "mejor el martes q el miércoles y jueves", "tuesday is better than wed or thu"
_PREFERRED_OVER = re.compile(rf"(\b(?:mejor|better|rather|prefiero|prefer)\b[^,.;]*?)\b(?:que|q|than|over) "
                             rf"(?:el |la |the |on )?(?:{_DAY_WORDS_AS_TYPED})"
                             rf"(?:\s*(?:,|y|and|o|or|ni)\s*(?:el |la |the |on )?(?:{_DAY_WORDS_AS_TYPED}))*\b",
                             re.IGNORECASE)


_ANY_BUT = re.compile(r"\b(any ?day|any time|anytime|any of them|anything|everything|all|whenever|cualquier dia"
                      r"|cualquiera|todos|todas|todo)( (is|es|works|fine|ok|good|bien|sirve))? (but|except|other than"
                      r"|menos|excepto|salvo|not)( for| el| la| on)?\b", re.IGNORECASE)


_ORDINAL_ONE = re.compile(r"\b(1st|2nd|3rd|first|second|third|last|other|middle)\s+1\b", re.IGNORECASE)


_EITHER_ONE = re.compile(r"\b(either|any|whichever|cualquier|cualquiera) (one|1|uno|una)\b", re.IGNORECASE)


_VI_DAY_LIST = re.compile(r"\b(?:th[uứư]|t)\s*[2-7](?:\s*,\s*[2-7]\b)+", re.IGNORECASE)


def stated_choice(text: str, options: list[OfferedOption], today: date | None = None,
                  language: str | None = None) -> Choice:
    """The option a reply states, read clause by clause when the reply as a whole does not name exactly one:
    a choice with a question after it ("option 1 please, do I need to bring anything?"), a choice beside an
    apology ("el número dos por favor, disculpe que no fui"), a choice after turning other times down ("cant do
    mornings, thursday works"), or "the other one" after turning the rest down. A clause that turns times down
    only takes them away; clauses that name different days are alternatives, for the patient to pick from."""
    if asks_earlier_or_later(text, language) or asks_for_other_times(text, language):
        return Choice()  # "none of those work, anything early like 7?": other times, never one of these
    text = MADAM.sub("madam", text)  # "No ma'am, I'll pass": no "ma" (Vietnamese "but") splitting off an "am"
    text = _POLITE_ASK.sub(" ", text)  # "el martes pero en la tarde ¿no se podrá?": asked, not turned down
    text = _same_day_named(text)  # "el martes en la mañana no puedo, ¿algo ese mismo día en la tarde?"
    text = _TAKEN_BACK.sub(" ", text)  # "I was going to say wednesday but im working": no longer a choice
    text = _A_DAY_GONE_BY.sub(lambda gone: gone.group(1) or gone.group(5) or " ", text)  # "I called y'all Thursday"
    text = _ZH_RUN_ON.sub(r"\1，", text)  # "早上那个好下午我要睡午觉" as voice input writes it: two thoughts
    text = _VI_DAY_LIST.sub(lambda days: days.group().replace(",", " "), text)  # "thứ 3, 4, 5": one list of days
    text = _EITHER_ONE.sub(" either ", text)  # "tues or wed either 1 fine": any of those, not option 1
    any_but = bool(_ANY_BUT.search(text))  # "any day but tuesday": the rest, once tuesday is out
    text = _ANY_BUT.sub(r"\1 not ", text)  # and tuesday is the one turned down
    text = _PREFERRED_OVER.sub(r"\1 ", text)  # the days it is preferred over are no choice
    text = _ORDINAL_ONE.sub(r"\1 one", text)  # "2nd 1 thx": the second one
    corrected = [part for part in _CORRECTION.split(fold(text)) if part.strip()]  # "à không" typed either way
    if corrected and corrected != [fold(text)]:
        choice = stated_choice(corrected[-1], options, today, language)
        if choice.candidates:
            return choice  # "2 ... wait no 3": the 3
    whole = resolve_choice(text, options, today, language)
    if whole.chosen is not None and not rejects_options(text, language):
        return whole
    if len(settled := [part for part in _SETTLED.split(text) if part.strip()]) > 1:
        for part in reversed(settled):  # the last thought that names a time is where the patient landed
            if (choice := _clauses_choice(part, options, today, language, any_but)).candidates:
                return choice
    return _clauses_choice(text, options, today, language, any_but)


def _clauses_choice(text: str, options: list[OfferedOption], today: date | None, language: str | None,
                    any_but: bool) -> Choice:
    """What the clauses of ``text`` state together (see ``stated_choice``); ``any_but``: the reply said "any
    day but ...", so the options not turned down are the ones meant."""
    whole = resolve_choice(text, options, today, language)
    if whole.chosen is not None and not rejects_options(text, language):
        return whole
    named: list[set[str]] = []
    turned_down: set[str] = set()
    the_other = any_but
    unoffered = ""  # the last clause that asked for a time none of the options has
    day_without_option = ""  # the last clause that named a day at a time none of the options has
    # "wed and thu I work": one clause, both days; a reason with days in it goes whole ("xq el martes y miércoles
    # ando en la milpa")
    joined = _REASON.sub(" ", _DAYS_JOINED.sub(r"\1 ", text))
    for clause in (part for part in _CLAUSE_BREAK.split(joined) if part and part.strip()):
        reading = resolve_choice(clause, options, today, language)
        if rejects_options(clause, language) and not reading.candidates \
                and (hour := _NOT_AN_HOUR.search(fold(clause))) and int(hour.group(2)) > len(options):
            # "tuesday is ok but not 9": a number no option has is the hour turned down
            reading = resolve_choice(_NOT_AN_HOUR.sub(r"\1 at \2", fold(clause)), options, today, language)
        if day_without_option and _only_a_part_of_day(clause, language) \
                and (days := _days_named(day_without_option, language)):
            reading = resolve_choice(f"{days} {reply_words(clause, language)[0]}", options, today)
        elif reading.constrained and not reading.candidates:
            day_without_option = clause  # "el jueves temprano no, en la tarde sí": Thursday, in the afternoon
        ids = {o.slot_id for o in reading.candidates}
        if rejects_options(clause, language) and not (_CHOOSES.search(fold(clause)) and len(reading.candidates) == 1):
            # (every option turned down by name counts too: "sat morning ok? this week I'm busy mon to thu")
            if reading.candidates and (len(reading.candidates) < len(options) or reading.constrained):
                turned_down |= ids
        elif reading.candidates:
            if named and _only_a_part_of_day(clause, language):
                if not named[-1] & ids:
                    return Choice()  # "礼拜三可以但是要早上": that day, at a part of it not on offer
                named[-1] &= ids  # "tuesday or wednesday, mornings better": the morning one of those
            else:
                named.append(ids)
            if not _only_a_part_of_day(clause, language):
                turned_down -= ids  # a later yes undoes an earlier no ("no sé si llegue... pero sí, el miércoles")
            unoffered = ""  # "sáng thứ 5 em có clinical nhưng 4pm thì ok": the offered time after it is the one
        elif reading.constrained and _ACTIVITY.search(reply_words(clause, language)[0]):
            continue  # "los nenes salen de la escuela a las 3": somebody's day, not a time asked for
        elif reading.constrained:
            unoffered = clause  # "jueves pero a las 10?": asks for a time not on offer; never book around it
        elif _THE_OTHER.search(reply_words(clause, language)[0]):
            the_other = True
    if unoffered:
        return Choice()
    if named:
        agreed = set.intersection(*named)
        ids = (agreed or set.union(*named)) - turned_down
    elif the_other and turned_down:
        ids = {o.slot_id for o in options} - turned_down
    else:
        return whole if not rejects_options(text, language) else Choice()
    remaining = [o for o in options if o.slot_id in ids]
    return Choice(chosen=remaining[0], candidates=remaining) if len(remaining) == 1 else Choice(candidates=remaining)


def _only_a_part_of_day(clause: str, language: str | None) -> bool:
    """A clause that names a part of the day and nothing more of a time ("other day morning is possible?"): it
    does not take back a day turned down before it ("Tuesday I have work, no")."""
    words = re.findall(r"[a-z0-9:]+", reply_words(clause, language)[0])
    a_day = [word in WEEKDAYS or word in _MONTHS or word in _ORDINALS or any(ch.isdigit() for ch in word)
             or (word in RELATIVE_DAYS and not (word == "manana" and index and words[index - 1] in MORNING_LEAD_INS))
             for index, word in enumerate(words)]  # "en la mañana" is the morning, "mañana" tomorrow
    return any(word in PARTS_OF_DAY for word in words) and not any(a_day)


def _days_named(clause: str, language: str | None) -> str:
    """The weekdays a clause names, in the resolver's words ("sáng thứ tư": "wednesday")."""
    words = re.findall(r"[a-z]+", reply_words(clause, language)[0])
    return " ".join(_weekday_spelled(word) for word in words if _weekday_spelled(word) in WEEKDAYS)


def _position_or_weekday(position: int, weekday: int) -> object:
    """Options at that position or on that weekday (a reading that may name either)."""
    return lambda o: o.position == position or o.local_start.weekday() == weekday


def _before_a_month(text: str, position: int) -> bool:
    """Whether a month's name follows ``position``: "after 15 december" is a day, not 3 o'clock."""
    after = re.match(r"\s*(?:of\s+|de\s+)?([a-z]+)", text[position:])
    return bool(after and after.group(1) in _MONTHS and after.group(1) not in ("may", "mar"))  # "at 9 may work"


def _lead_in(text: str, position: int) -> str:
    before = re.findall(r"[a-z@]+", text[:position])
    return before[-1] if before else ""


_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


_SPELLED_DAYS = {word: day for day, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}


def _day_beside_month(words: list[str], index: int) -> int | None:
    """The day of the month named beside the month at ``index``: "december 10", "dec 10th", "10 de diciembre",
    "the 10th of december", "December tenth" (as dictated)."""
    if index + 1 < len(words) and (after := _DAY_NUMBER.fullmatch(words[index + 1])):
        return int(after.group(1))
    if index + 1 < len(words) and words[index + 1] in _SPELLED_DAYS \
            and words[index + 2: index + 3] not in (["one"], ["option"], ["choice"], ["slot"], ["time"]):
        return _SPELLED_DAYS[words[index + 1]]  # (not "december first option": the first of the options)
    if index >= 2 and words[index - 1] in ("de", "of") and (before := _DAY_NUMBER.fullmatch(words[index - 2])):
        return int(before.group(1))
    if index >= 1 and (before := _DAY_NUMBER.fullmatch(words[index - 1])):
        return int(before.group(1))  # "9 December"
    return None


def _has_month_context(words: list[str], index: int) -> bool:
    """'mar' is Spanish for Tuesday but also short for March ('mar 3')."""
    return index + 1 < len(words) and words[index + 1].isdigit()
