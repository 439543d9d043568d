"""Chinese and Vietnamese replies about the offered times, rewritten into the plain words the choice resolver
(bot/scheduling/choice.py) and the preference reader (bot/scheduling/preferences.py) already understand.

"周三下午两点半可以" becomes "wednesday 2:30 pm"; "cái thứ hai" becomes "second"; "sáng thứ ba" becomes "morning
tuesday". Only the words recognised here survive the rewrite: the English and Spanish tables then never see a
Vietnamese "thu" (thứ) or "tu" (tư) and read it as Thursday or Tuesday.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.core.chinese import as_simplified

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
_SPANISH_WORDS = re.compile(r"\b(no|hablo|habla|por favor|entiendo|quiero|en|el|la|ñ)\b|[ñ¿¡áéíóú]")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINAL_NAMES = ("first", "second", "third", "fourth", "fifth")
# "lịch thứ hai": the second one, or the Monday one ("either2or0"), read against the options (choice.py), never
# guessed; "cái thứ ba": the third one, or the Tuesday one only when there is no third ("pick3or1")
EITHER = re.compile(r"^(either|pick)(\d)or(\d)$")


def written_language(text: str) -> str:
    """The language a short message is written in, by its letters: enough to tell our four apart."""
    lowered = text.lower()
    if _CHINESE.search(text):
        return "zh"
    if _VIETNAMESE_LETTERS.search(lowered):
        return "vi"
    return "es" if _SPANISH_WORDS.search(lowered) else "en"


def reading_language(text: str, language: str | None) -> str | None:
    """"zh" or "vi" when the reply is to be read as Chinese or Vietnamese: by its letters, or (for Vietnamese
    typed without diacritics, "thu ba") by the patient's language; None keeps the English/Spanish reading."""
    written = written_language(text)
    if written in ("zh", "vi"):
        return written
    return "vi" if language == "vi" else None


# an option named in English inside a Chinese or Vietnamese reply ("我要 option three", "lấy number two nha")
_ENGLISH_OPTION = re.compile(r"\b(?:option|opt|number|num|choice|#)\s*(one|two|three|four|five)\b"
                             r"|^\s*(one|two|three)\b(?!\s*(?:day|week|hour|o'?clock|pm|am|[点點号號]))", re.IGNORECASE)
_THANK_YOU_3Q = re.compile(r"(?<!\d)3\s?q(?![a-z])", re.IGNORECASE)  # "3Q": thank you, as typed in Chinese
_ENGLISH_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}


def canonical(text: str, language: str) -> str:
    """The reply in the resolver's words (see the module docstring); ``language`` from ``reading_language``."""
    text = as_simplified(unicodedata.normalize("NFKC", text))  # full-width digits and letters ("３号") as plain
    text = _OR_NOT.sub(" ", text)  # "周四下午4点 can or not?": asked, nothing turned down
    text = _ENGLISH_OPTION.sub(lambda named: f" {_ENGLISH_NUMBERS[(named.group(1) or named.group(2)).lower()]} ",
                               _THANK_YOU_3Q.sub(" ", text))
    return _chinese(text) if language == "zh" else _vietnamese(text)


# the Singapore and Malaysian way to ask ("can or not?", "ok or not"), in any language's reply
_OR_NOT = re.compile(r"\b(?:can|ok|okay|possible|available|free|good|dc|duoc|được) or not\b", re.IGNORECASE)
# English short day names no Vietnamese word spells (not "thu", "tu", "mon", "sat"): kept as the patient wrote them
_ENGLISH_SHORT_DAYS = ("tue", "tues", "wed", "weds", "thurs", "fri")
# "4pm", "2:30 p.m.", and "周三2:30pm吧" (no space around it in Chinese)
_ENGLISH_CLOCK = re.compile(r"(?<![\d:hg])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m(?![a-z])\.?", re.IGNORECASE)


# English month names around an offer, as the texts print them ("Dec 9 duoc", "12月 Dec 10 ok"): not "may", "mar"
# ("mấy", "mà" typed without marks)
_ENGLISH_MONTHS_NEAR = ("nov", "november", "dec", "december", "jan", "january")
_KEPT_WORDS = (*WEEKDAY_NAMES, *_ENGLISH_SHORT_DAYS, *ORDINAL_NAMES, "last", "month", "year", "night", "today",
               "tomorrow", "overmorrow",
               "threedaysout", "morning", "midday", "afternoon", "evening", "dusk", "am", "pm", "at", "later",
               "earlier", "not", "after", "but",
               "before", "next", "this", "week", "weekend", "middle", "other", "earliest", "latest", r"day \d{1,2}",
               r"(?:either|pick)\dor\d", "none of them", "until", "you pick", *_ENGLISH_MONTHS_NEAR)
# English negations no Vietnamese word spells (not "no": "nó" is "it"), for a patient who writes in English
_ENGLISH_NEGATIONS = (r"can'?t", "cannot", r"don'?t", r"doesn'?t", r"won'?t", "never")
_KEPT = re.compile(r"\b(?:" + "|".join((*_KEPT_WORDS, *_ENGLISH_NEGATIONS)) + r")\b"
                   r"|\d{1,2}:\d{2}|\d{1,2}/\d{1,2}(?!\d)|\d+|[,.;!?]")


def _kept(text: str) -> str:
    """Only the words a rewrite produced (and digits, clock times, punctuation): nothing else of the reply."""
    return " ".join(_KEPT.findall(text))


# -- Chinese ---------------------------------------------------------------------------------------------------
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_ZH_NUMBER = r"[零〇一二两兩三四五六七八九十\d]{1,3}"
# "礼拜二三四", "周二、周三": several days at once ("周二三四都不行")
_ZH_WEEKDAY = re.compile(r"((?<!一)下下个?|(?<!一)下下個?|下个?|下個?|这个?|這個?|本)?"
                         r"(?:周|週|星期|礼拜|禮拜)\s*([一二三四五六日天1-7末])?"
                         # not "周二三点" (Tuesday at 3); "周六日": Saturday and Sunday
                         r"((?:[、,，和跟或]?[二三四五六](?!\s*[点點:：时時钟鐘半]))*(?:日(?![期子]))?)")
_ZH_WEEK_WORDS = {"下": " next week ", "这": " this week ", "這": " this week ", "本": " this week "}
_ZH_WEEKDAY_INDEX = {**{c: i for i, c in enumerate("一二三四五六")}, "日": 6, "天": 6,
                     **{str(n): n - 1 for n in range(1, 8)}}
_ZH_PART = r"(上午|早上|早晨|中午|下午|晚上|傍晚)"
_ZH_TIME = re.compile(_ZH_PART + r"?\s*(" + _ZH_NUMBER + r")\s*[点點:：]\s*(半|一刻|三刻|(\d{1,2})\s*分?|("
                      + _ZH_NUMBER + r")\s*分?)?\s*(以后|以後|之后|之後|后|後|以前|之前|前)?")
_ZH_A_BIT = re.compile(r"(?<=[少多好近远遠大小轻輕重长長短快慢松鬆闲閒])\s*一点")
_ZH_PUNCTUATION = str.maketrans("，。；！？、", ",.;!?,")
_ZH_MONTH_ONLY = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(份|中|初|底|头|尾|中旬|上旬|下旬)?"
                            r"(?!\s*(\d|[一二三四五六七八九十]))")
_ZH_AFTER_LUNCH = re.compile(r"(吃完?|食完?)?(午饭|午餐|中饭|晏昼饭)(以后|之后|后)")  # after lunch: the afternoon
_ZH_PART_WORDS = {"上午": "morning", "早上": "morning", "早晨": "morning", "中午": "midday", "下午": "afternoon",
                  "晚上": "evening", "傍晚": "dusk"}
# (not "转咗去第二间诊所": a second clinic, another place, is no option)
_ZH_ORDINAL = re.compile(r"第\s*([一二三四五1-5])\s*(?:个|個|号|號|项|項|次|那个|那個)?"
                         r"(?!\s*(?:间|間|家|位|个|個)?\s*(?:诊所|診所|医院|醫院|医生|醫生|大夫|地方|诊|院|间|間|家|位|度|处|處))")
# "要一起", "就一下" are not option one
_ZH_PICKED = re.compile(r"(?:选|選|要|挑|就|订|訂)\s*([一二三四五1-5])(?![起下样樣些直共定点點])(?:\s*(?:号|號|个|個))?"
                        r"|([一二三四五1-5])\s*(?:号|號)")
_ZH_ALONE = re.compile(r"^\s*([一二三四五])\s*(?:吧|好|的|啊|呀)?\s*[。.!！]?\s*$"
                       r"|^\s*([一二三四五])(?=\s|[,.!，。！]|谢|多谢|好的|吧|啦|喇)")
_ZH_WORDS: tuple[tuple[str, str], ...] = (
    # "冇一個得閒" (as Mandarin: 没有一个有空), "一个都不行": every time offered turned down at once
    (r"没有一个(时间)?(有空|行|可以|合适|方便|得)|一个都(没空|没有空|不行|不可以|不合适|不方便)"
     r"|(这|那)(几个|些|三个)(时间|时段|日子|钟点)?\s*(我|我们|俺|阿拉)?\s*(都|全都|全)(不行|不可以|没空|没有空|没时间|不方便"
     r"|不合适)", " none of them "),
    (r"头一个|頭一個|头(嗰|那)个|第一个|第一個|选项\s*(一|1)(?!\d)"
     r"|最(前面|上面|顶上|頂上)(的|那|嗰)?(个|個)?", " first "), (r"选项\s*(二|2)(?!\d)", " second "),
    (r"选项\s*(三|3)(?!\d)", " third "), (r"中间|中間|当中|當中", " middle "),
    (r"另一个|另一個|另外(那|一)?个|另外(那|一)?個|剩下(的|那个|那個)", " other "),
    (r"你们定|你定|你们安排|你们决定|随便你们|你们看着办|你们帮我选|你们选", " you pick "),
    (r"最后一个|最後一個|最后那个|最後那個|最后|最後|末了(那|一)?(个|個)?"
     r"|最(下面|底下)(的|那|嗰)?(个|個)?", " last "),
    # Cantonese 第二日 / 第啲日子: another day ("有冇第二日？", "換過第啲日子得唔得", "改第日")
    (r"(有冇|有没有|有无|改|换|换个|换过|改过)(第二|第2|另一|第啲|第些|第)(日子|日|天|时间)", " none of them "),
    (r"今晚", " today evening "), (r"今天|今日", " today "), (r"下个?月|下個?月", " next month "),
    (r"明早", " tomorrow morning "), (r"明晚", " tomorrow evening "),
    (r"明天|明日|听日|聽日", " tomorrow "), (r"大后天|大後天", " threedaysout "),
    (r"后天|後天", " overmorrow "), (r"听朝|聽朝", " tomorrow morning "),
    # (Cantonese 晏啲: a bit later)
    (r"晚一点|晚一點|晚点|晚點|更晚|晚些|再晚|晚过|晚過|迟过|晏(啲|d|一点|一點|少少|些)", " later "),
    (r"早一点|早一點|早点|早點|更早|早些|再早|早过|早過|早于|早於", " earlier "),  # "有冇早過九點": earlier than 9
    # a question asked as "A-not-A" ("行不行", "得唔得", "可不可以") is not a no
    # (written Cantonese is read as Mandarin first: bot/core/chinese.py)
    (r"(行|得|可|好|能|方便)不(行|得|可以|可|好|能|方便)|有没有空", " "),
    (r"(要|得|还要)去?(接|带|送|陪|照顾|开工|上工|干活|做工|打工)|(要|得)去[^，。,.!?\s]{1,4}(做工|打工|上班|干活|开工)"
     r"|(?<!不)(?<!不用)(?<!没有)(?<!没)(?<!不去)(?<!休息)(做工|打工)|要上班|要工作|要做工|有事|没时间|没有时间|有点早|有点晚|早了点|晚了点|有些早|有些晚|上班|请不了假|走不开"
     r"|(要)?返工|开店|开铺|看店|开档|起唔身|起不身|(她|他|我)(上午|下午|早上|晚上)?要去|起不来|起不了床|起不了身|在外(讲学|开会|出差|旅游)"
     # "下午要顾孙", "下午我要睡午觉": minding a grandchild, the afternoon nap
     r"|(要|得)(顾|看)(孙|孩子|小孩|娃|宝宝)|顾孙|要(睡午觉|午睡)",
     " not "),
    (r"不行|不可以|不能|不方便|没空|没有空|不要|不太行|不合适|不得(?![了不])|太早|太晚|(?<!不)不去(了)?(?!不|打工|做工|上班|工作|干活|出差|旅游)|去不了|来不了"
     r"|不来了", " not "),
    (r"出差|不在(家|这边|本地|城里)|在外地|(?<![不])忙", " not "),  # "Tue Wed Thu 我都在 Dallas 出差", "最忙"
    (r"最早|最快|越早越好|尽早|最近的", " earliest "), (r"最晚|最迟", " latest "),
)


def _chinese_number(text: str) -> int:
    """"9", "十", "十一", "两", "二十": a small Chinese or Arabic number."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    return _ZH_DIGITS.get(text, -1)


def _clock(hour: int, minute: int, part: str | None) -> str:
    """A clock time in the resolver's words; a part of the day ("afternoon", "morning") sets am/pm."""
    if not 0 <= hour <= 23 or not 0 <= minute <= 59:
        return " "
    if part in ("afternoon", "evening", "dusk") and hour < 12:
        return f" {hour}:{minute:02d} pm "
    if part == "midday":
        return f" {hour}:{minute:02d} {'am' if hour == 11 else 'pm'} "
    if part == "morning" and hour <= 12:
        return f" {hour}:{minute:02d} am "
    return f" at {hour}:{minute:02d} "


def _zh_time(match: re.Match[str]) -> str:
    part = _ZH_PART_WORDS.get(match.group(1) or "")
    minutes = match.group(3) or ""
    minute = {"半": 30, "一刻": 15, "三刻": 45}.get(minutes)
    if minute is None:
        minute = int(match.group(4)) if match.group(4) else _chinese_number(match.group(5)) if match.group(5) else 0
    return _bound(match.group(6)) + _clock(_chinese_number(match.group(2)), minute, part)


def _bound(word: str | None) -> str:
    """"三点以后" / "sau 3h": after that time; "三点以前" / "trước 3h": before it."""
    if not word:
        return ""
    return " after " if word in ("以后", "以後", "之后", "之後", "后", "後", "sau") else " before "


def _zh_position(match: re.Match[str]) -> str:
    digit = next(group for group in match.groups() if group)
    number = int(digit) if digit.isdigit() else _ZH_DIGITS[digit]
    return f" {ORDINAL_NAMES[number - 1]} "


def _zh_weekday(match: re.Match[str]) -> str:
    """"周三" Wednesday, "下周" next week, "下周五" Friday next week, "周末" the weekend."""
    prefix, day = match.group(1), match.group(2)
    if not prefix and not day:
        return match.group(0)
    week = (" week after next " if prefix.startswith("下下") else _ZH_WEEK_WORDS[prefix[0]]) if prefix else ""
    if not day:
        return week + match.group(3)
    more = "".join(f" {WEEKDAY_NAMES[_ZH_WEEKDAY_INDEX[also]]} " for also in re.findall(r"[二三四五六日]",
                                                                                         match.group(3)))
    return week + (" weekend " if day == "末" else f" {WEEKDAY_NAMES[_ZH_WEEKDAY_INDEX[day]]} ") + more


# "我两点才下班": the hour someone gets off work is a reason, not a time chosen ("四点我下班了可以过去" keeps its four)
_ZH_REASON = re.compile(r"(?:[零一二两三四五六七八九十\d]{1,3}\s*(?:点|:\d{2})(?:半|钟|\d{1,2}分?)?)?"
                        r"\s*(?:(?:才|就|要|先)?(?:下班|放工|收工|放学)(?:了|后|以后|之后)?"
                        # "十点半才要去餐馆开门": the hour the patient must leave for work is a reason too
                        r"|才要?(?:去|走|出门)[^，。,.!?\s]{0,6}|(?:要去|去)?(?:开门|开店|开工))")
_ZH_COMPARED = re.compile(r"比[^，。,.!?！？]{0,8}?(早|晚|前|后|後)")  # "有比周二早的吗": compared, not chosen
_ZH_UNTIL = re.compile(r"(?:到|直到|一直到|忙到)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:号|號|日)")
_ZH_DATE = re.compile(r"(?:(\d{1,2}|十二|十一|十)\s*月\s*)?(?<![周期拜])(\d{1,2}|[一二三四五六七八九十]{1,3})"
                      r"\s*(?:号|號|日)(?!本)")  # (not "周六日": Saturday and Sunday)


def _zh_date(match: re.Match[str]) -> str:
    """"12月9号", "9号", "八号": a day of the month ("3号" alone stays option 3)."""
    day = _chinese_number(match.group(2))
    return match.group(0) if match.group(1) is None and day <= 5 else f" day {day} "  # "3号" stays option 3


# what voice input writes for a sound it misheard: 两点伴 (半), 心期二 (星期)
_ZH_HOMOPHONES = (("点伴", "点半"), ("點伴", "点半"), ("点版本", "点 版本"), ("点版", "点半"), ("點版", "点半"),
                  ("心期", "星期"), ("新期", "星期"), ("星其", "星期"),
                  ("周思", "周四"), ("期思", "期四"), ("拜思", "拜四"), ("点办", "点半"), ("點辦", "点半"),
                  ("地一", "第一"), ("地二", "第二"), ("地三", "第三"), ("第以", "第一"),
                  ("点拌", "点半"), ("期斯", "期四"), ("拜斯", "拜四"), ("周斯", "周四"),
                  ("下昼", "下午"), ("头晌", "上午"), ("过晌", "下午"), ("后晌", "下午"), ("前晌", "上午"),
                  ("下晝", "下午"), ("晏昼", "下午"), ("晏晝", "下午"))  # parts of the day, Cantonese and northern


# "早点到", "早点做完早点安心": sooner said of arriving or of being done, not a time asked for
_ZH_SOONER_DONE = re.compile(r"早点(到|来|去|过去|过来)|早一点(到|来|去|过去|过来)|早点(做|弄|搞|检查|看)完?"
                             r"|早点(安心|放心)"
                             r"|早(点|一点)?(下班|收工|放工|走|上班|开工|返工)|早(点|一点)?(完事|结束|搞定|弄完|做完)")


# English short day names inside Chinese ("Thu 4pm可以"): no Chinese word is spelled like them
_ZH_ENGLISH_DAYS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "weds": "wednesday",
                    "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday",
                    "sun": "sunday"}
_ZH_ENGLISH_DAY = re.compile(r"\b(" + "|".join(_ZH_ENGLISH_DAYS) + r")\b\.?")


# a run of days: "礼拜二到礼拜六" (Tuesday to Saturday) is every day from one to the other
_ZH_DAY_RANGE = re.compile(r"(周|星期|礼拜)([一二三四五六1-6])\s*(?:到|至|~|-|－|—)\s*"
                           r"(?:周|星期|礼拜)?([一二三四五六日天1-7])")


def _zh_day_range(match: re.Match[str]) -> str:
    first, last = _ZH_WEEKDAY_INDEX[match.group(2)], _ZH_WEEKDAY_INDEX[match.group(3)]
    if last <= first:
        return match.group(0)
    days = "".join("一二三四五六"[day] for day in range(first, min(last, 5) + 1))  # "礼拜二三四五六", as one list
    return match.group(1) + days + (f"和{match.group(1)}日" if last == 6 else "")


def _chinese(text: str) -> str:
    text = text.lower()  # English words inside Chinese ("Wednesday那个OK") are set apart by as_simplified
    text = _ZH_DAY_RANGE.sub(_zh_day_range, text)
    text = _ZH_ENGLISH_DAY.sub(lambda day: f" {_ZH_ENGLISH_DAYS[day.group(1)]} ", text)
    text = _ENGLISH_CLOCK.sub(lambda m: f" {m.group(1)}:{m.group(2) or '00'} {m.group(3)}m ", text)  # "4pm"
    text = _ZH_AFTER_LUNCH.sub(" afternoon ", text)
    for heard, meant in _ZH_HOMOPHONES:
        text = text.replace(heard, meant)
    text = _ZH_REASON.sub(" ", _ZH_COMPARED.sub(" ", _ZH_SOONER_DONE.sub(" ", text)))
    text = _ZH_MONTH_ONLY.sub(" ", text)  # "12月我都在国内，1月中回来": a month with no day is no option
    text = _ZH_UNTIL.sub(lambda m: f" until day {_chinese_number(m.group(1))} ", text)  # "考试到10号": busy till then
    text = _ZH_DATE.sub(_zh_date, text)
    text = _ZH_WEEKDAY.sub(_zh_weekday, text)
    text = text.translate(_ZH_PUNCTUATION)
    for pattern, word in _ZH_WORDS:  # before the times: 晚一点 is "later", not one o'clock
        text = re.sub(pattern, word, text)
    text = _ZH_A_BIT.sub(" ", text)  # "人少一点", "近一点": a bit, not one o'clock
    text = _ZH_TIME.sub(_zh_time, text)
    text = _ZH_ORDINAL.sub(_zh_position, text)
    text = _ZH_PICKED.sub(_zh_position, text)
    text = _ZH_ALONE.sub(_zh_position, text)
    for chinese, word in _ZH_PART_WORDS.items():
        text = text.replace(chinese, f" {word} ")
    return _kept(text.lower())


# -- Vietnamese ------------------------------------------------------------------------------------------------
# read without diacritics (patients often type without them), except where a diacritic tells two words apart:
# "tối" (evening) from "tôi" (I), "sáng" (morning) from "sang" (over to)
_VI_MARKED = (("tối", " toi_evening "), ("tôi", " toi_me "), ("sáng", " sang_morning "), ("bận", " not "),
              ("họp", " not "),  # "em họp cả chiều": in meetings then (not "hợp", fits)
              ("bán", " ban_sell "))  # "bán ngoài chợ": selling at the market (not "bạn", you)
_LADY = re.compile(r"\bbà\b")  # "bà" (a lady, Mrs) folds like "ba" (three)
_VI_NUMBERS = {"mot": 1, "nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
               "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12}
_VI_NUMBER = r"(?:muoi mot|muoi hai|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|\d{1,2})"
_VI_PARTS = {"chieu toi_evening": "dusk", "sau bua trua": "afternoon", "sau trua": "afternoon",
             "sang_morning": "morning", "buoi sang": "morning", "sang": "morning", "trua": "midday",
             "buoi trua": "midday", "chieu": "afternoon", "buoi chieu": "afternoon", "toi_evening": "evening",
             "buoi toi": "evening", "toi": "evening", "buoi dem": "evening", "ban dem": "evening"}
# bare "dem" is mostly "đem" (bring) typed without diacritics ("dem theo giay to"), not "đêm" (night)
_VI_PART = r"(buoi sang|buoi trua|buoi chieu|buoi toi|buoi dem|ban dem|sang_morning|toi_evening|sang|trua|chieu|toi)"
_VI_PART_BEFORE = r"(buoi sang|buoi trua|buoi chieu|buoi toi|buoi dem|ban dem|sang_morning|toi_evening|sang|trua|chieu)"
_VI_TIME = re.compile(r"(?:" + _VI_PART_BEFORE + r"\s+)?(?:\b(sau|truoc)\s+)?\b(" + _VI_NUMBER + r")\s*(?:h|g|gio|:)"
                      r"(?:\s*(\d{1,2}|ruoi|kem|ba muoi|muoi lam|bon muoi lam))?"
                      r"(?:\s*(?:phut|p))?\b(?:\s*" + _VI_PART + r"\b)?")
# "thứ 3 4 5", "t3, t4": several days named at once (not "thứ 5 4 giờ": a day, then a time)
_VI_MORE_DAYS = r"(?:\s*[,/&-]?\s*(?:va\s+|voi\s+|t\s*)?[2-7]\b(?!\s*(?:h|g|gio|giờ|ruoi)\b)(?!:))*"
_VI_WEEKDAY = re.compile(r"\b(?:thu|t)\s*([2-7]" + _VI_MORE_DAYS + r")\b"
                         r"|\bthu\s+(hai|ba|tu|nam|sau|bay)\b|\bchua?\s*nhat\b|\bcn\b")  # "Chúa nhật" too
# "sau giờ học", "sau giờ làm": after class or work (not "sáu giờ", six o'clock)
_VI_AFTER_HOURS = re.compile(r"\bsau (?:giờ|gio|h) (?:học|hoc|làm|lam)\b")
_VI_WEEK = re.compile(r"\b(tuan\s+(?:sau|toi)\s+nua|tuan\s+(?:sau|toi)|tuan\s+nay|cuoi\s+tuan)\b")
_VI_WEEK_WORDS = {"tuan sau nua": " week after next ", "tuan toi nua": " week after next ",
                  "tuan sau": " next week ", "tuan toi": " next week ", "tuan nay": " this week ",
                  "cuoi tuan": " weekend "}
_VI_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
# an ordinal needs "cái/số/con/lựa chọn" before it, or is "thứ nhất": a bare "thứ hai" is Monday
# "giờ thứ hai trong danh sách": the second time on the list, whatever weekday "thứ hai" would be
_VI_IN_THE_LIST = re.compile(r"\b(?:gio|cai|lich|so)\s+thu\s+(nhat|hai|ba|2|3)\s+(?:trong|o|tren)\s+"
                             r"(?:danh sach|list)\b")
_VI_ORDINAL = re.compile(r"\b(cai|cay|con|so|lua chon|phuong an|lich|option|opt)\s+"
                         r"(thu\s+)?(nhat|mot|hai|ba|tu|bon|nam|[1-5])\b"
                         r"(?!\s*(?:h|g|gio|:|giờ)\b)"
                         r"|\bthu\s+nhat\b")
_VI_ALONE = re.compile(r"^\s*(?:(?:da|vang)\s+)?(?:(?:em|toi_me|tui|minh|con)\s+)?(?:chon|lay|lay cai)?\s*"
                       r"(mot|hai|ba)\s*(?:nhe|nha|a|di|ha)?"
                       r"(?:\s+(?:em|e|con|chi|anh|co|chu|bac))?[\W_]*$")  # "hai ạ 🙏", "một nha em"
_VI_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bcai nao (som|truoc) (hon|nhat)\b", " earliest "), (r"\bcai nao (tre|muon) (hon|nhat)\b", " latest "),
    (r"\btuy (ben|ban|bs|phong kham|chi|anh|em|co|chu|minh)\b", " you pick "),
    (r"\blam ca\b|\blam (nail|nails|mong|tiem)\b|\b(phai )?(mo|dong) (cua )?(tiem|hang|shop|quan)\b",
     " not "),  # "thứ Ba con làm ca sáng", "làm nail tới 7h", "sáng phải mở tiệm": at work
    (r"\bnhung\b", " but "),  # "sáng thứ 5 em bận nhưng 4pm thì ok": two thoughts
    # "nhịn ăn sáng", "ăn trưa xong": a meal, not a part of the day chosen
    (r"\b(an|bua|nhin an|nhin)\s+(sang_morning|trua|toi_evening)\b", " "),
    # "Thứ 3 là lễ Đức Mẹ": a feast day, so that day is out
    (r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+la\s+(ngay\s+)?le\b", r" \1 not "),
    (r"\b(ngay|mung)\s+(\d{1,2})\s*(?:thang\s+|/)(\d{1,2})\b", r" \2/\3 "),  # "ngày 9 tháng 12": day and month
    (r"\b(cai|lich|con)?\s*dau\s+tien\b|\bcai\s+dau\b", " first "), (r"\b(cai\s+)?(o\s+)?giua\b", " middle "),
    (r"\bcai\s+(kia|con\s+lai)\b", " other "),
    # "cuối" (last), never "cưới" (a wedding: "đám cưới", "cưới vợ"), which folds to the same letters
    (r"(?<!dam )(?<!tiec )(?<!le )\b(cai\s+)?cuoi(\s+cung)?\b(?!\s+(?:vo|chong|xin|hoi|thang|tuan|nam|ngay"
     r"|ky)\b)", " last "),
    # "cái chót" (the last one), not "chốt cái đó luôn" (settle on that one), typed alike without marks
    (r"\b(cai\s+)?chot\b(?!\s+(?:cai|lich|gio|ngay|hen|lai|thu|t\d)\b)", " last "),
    (r"\b(cai\s+)?thu\s+nhi\b", " second "),
    (r"\bthang\s+(sau|toi)\b", " next month "),
    (r"\bhom\s+nay\b|\btoi_evening\s+nay\b", " today "), (r"\b(ngay\s+)?mai\b", " tomorrow "),
    (r"\bngay\s+(mot|kia)\b", " overmorrow "),
    (r"\b(tre|muon|late)\s+hon\b|\b(tre|muon)\s+(chut|ti|mot chut)\b", " later "),  # and "late hơn", in Vinglish
    (r"\b(som|early)\s+hon\b|\bsom\s+(chut|ti|mot chut)\b", " earlier "),
    # "9h em phải drop con ở school": taking a child somewhere then
    (r"\bphai (drop|pick|dua|don)\b", " not "),
    (r"\b(som|nhanh|gan) nhat\b", " earliest "), (r"\b(tre|muon) nhat\b", " latest "),
    (r"\b(ngay|mung|mong)\s+(\d{1,2})( tay)?\b", r" day \2 "),  # "mùng 10 tây": the 10th (of our calendar)
    (r"\b(co|duoc|dc)\s+(khong|ko|k|hong|hok)\b\s*\??", " "),  # "thứ sáu có không?": a question, not a no
    (r"\b(khong|khon|ko|k|hong|hok)\s+(ranh|trong)\b", " not "),  # "tui ko rảnh": not free then
    # "chiều tôi hay mệt": tired at that time of day (not "dạo này tui hay mệt", "em rất mệt nhưng sẽ đi")
    (r"\b(chieu|sang|sang_morning|trua|toi_evening)(\s+(toi_me|tui|em|minh|con|toi))?\s+(hay|thuong|de)(\s+bi)?"
     r"\s+met\b",
     r"\1 not"),
    (r"\bban_sell\s+((ngoai|o)\s+)?cho\b|\bban\s+(ngoai"
        r"|o)\s+cho\b", " not "),  # "sáng tui bán ngoài chợ": at the market
    (r"\b(di|đi) (le|chua|nha tho)(\s+\S+){0,3}\s+xong\b", " "),  # "đi lễ sáng sớm xong tui ghé 9 giờ": after mass
    # "nhà hàng mở cửa 5h" (the restaurant opens at 5: the patient's day), "sáng thứ ba tôi có hẹn khác rồi"
    (r"\b(tiem|nha hang|quan|shop|cho)( \w+)? (mo|dong) cua\b|\bco hen (khac|roi)\b", " not "),
    (r"\b(di|đi) (le|chua|nha tho)\b", " not "),  # "kịp đi lễ chiều": at mass then
    # "em tan ca 3 giờ nên chở má đi thứ năm 4 giờ được": free from the end of a shift or class on
    (r"\b(tan ca|tan lam|tan hoc|hoc xong|lam xong|xong ca|xong viec)(\s+at)?\b", " after "),
    # "con ở lại chùa tới thứ năm": away until then, no day chosen
    (r"\b(o lai|o|di xa|vang nha|ban)((\s+\w+){0,3})\s+(toi|den)\s+(?=(monday|tuesday|wednesday|thursday|friday"
     r"|saturday|sunday)\b)",
     r" \1\2 not "),
    (r"\b(cai\s+)?tren\s+cung\b", " first "), (r"\b(cai\s+)?duoi\s+cung\b", " last "),
    (r"\bsat\s*/\s*sun\b", " saturday sunday "),
    (r"\b(phai )?(đi|di) lam\b(?! ve)|\bco viec\b|\b(o|lam|phai o|phai vo|phai vao|vo|vao|phai ra) (tiem|cho lam"
     r"|so lam|hang|shop|xuong)\b",
     " not "),  # "chiều con phải đi làm": busy then
    (r"\bthang\s+\d{1,2}\b|(?<!:)\b\d{1,2}\s+(tuan|thang|nam|tieng|phut|lan"
        r"|ngay)\b", " "),  # not "14:30 ngày"  # "tháng 3", "1 tiếng"
    (r"\bban\s+(roi|r|lam|qua|viec)\b", " not "),  # "bận rồi" typed without diacritics
    # "tuần này e bận t3 t4 t5" (not "chị bạn em chở em", "em bán hàng xong": a friend, selling)
    (r"\b(e|em|toi_me|tui|minh|con|anh|chi)\s+ban\s+(?=(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
     r"|morning|afternoon|evening|ca|het|suot)\b)", " not "),
    (r"\bket\s+(roi|r|lam|qua|viec|lich)\b|\b(bi|dang)\s+ket\b", " not "),  # "sáng thứ ba tôi kẹt rồi": stuck then
    # "chiều bác phải trông cháu", "còn đưa đón cháu": busy then
    (r"\bphai\s+(trong|don|dua|coi|cham|giu|lo cho)\b|\bdua\s+don\b"
     r"|\b(con|phai|đi|di)\s+(trong|đon|don|đua|dua|coi|giu)\s+(chau|con|em be|be|nho)\b", " not "),
    (r"\b(khong|khon)\s+phai\b|\b(khong|khon|ko|k|hong|hok|kh)\s+(di\s+)?(duoc|dc)\b|\bkhong\s+tien\b|\bkhong\s+the\b",
     " not "),
)


def _vi_time(match: re.Match[str]) -> str:
    part = _VI_PARTS.get(match.group(1) or match.group(5) or "")
    minutes = match.group(4) or ""
    spoken = {"ruoi": 30, "ba muoi": 30, "muoi lam": 15, "bon muoi lam": 45}
    minute = spoken.get(minutes) or (int(minutes) if minutes.isdigit() else 0)
    if minutes == "kem":
        return " "
    number = match.group(3)
    hour = int(number) if number.isdigit() else _VI_NUMBERS[number]
    return _bound(match.group(2)) + _clock(hour, minute, part)


def _vi_weekday(match: re.Match[str]) -> str:
    if match.group(1):
        return " " + " ".join(WEEKDAY_NAMES[int(digit) - 2] for digit in re.findall(r"[2-7]", match.group(1))) + " "
    if match.group(2):
        return f" {WEEKDAY_NAMES[_VI_WEEKDAY_WORDS[match.group(2)]]} "
    return " sunday "


_A_TIME_AFTER = re.compile(r"\s+(?:luc\s+)?(?:\d{1,2}\s*(?:h|g|gio|:)|sang|chieu|trua|toi_evening|sang_morning)\b")


def _vi_number(word: str) -> int:
    return int(word) if word.isdigit() else _VI_NUMBERS[word]


def _vi_ordinal(match: re.Match[str]) -> str:
    """"cái thứ nhất", "cái thứ ba", "số 2": an ordinal, as the numbered list is read ("cái thứ ba" is the third one,
    or the Tuesday one when there is no third; a bare "thứ ba" is Tuesday, as the texts write it: "Th 3"). "lịch thứ
    ba" may be either (the Tuesday visit, or the third one); "con thứ ba" is "I [take] Tuesday" ("con", the
    speaker)."""
    word = match.group(3) or "nhat"
    number = _vi_number(word)
    if match.group(2) and match.group(1) in ("cai", "cay", "con", "lich") and word != "nhat" and 2 <= number <= 5:
        weekday = number - 2 if word.isdigit() else _VI_WEEKDAY_WORDS.get(word, number - 2)
        if match.group(1) == "con" or _A_TIME_AFTER.match(match.string, match.end()):
            return f" con {WEEKDAY_NAMES[weekday]} "  # "con thứ ba", "cái thứ ba 9 giờ sáng": the Tuesday
        return f" {'pick' if match.group(1) in ('cai', 'cay') else 'either'}{number}or{weekday} "
    return f" {ORDINAL_NAMES[number - 1]} "


_VI_AMONG = re.compile(r"\b(trong|cua)\s+(3|ba|may)\s+(gio|cai|lich|lua chon)(\s+(do|nay|kia))?\b")
# "cả ba giờ đó tôi đều bận": all three of the times offered, turned down together (no 3 o'clock)
_VI_ALL_THREE = re.compile(r"\b(ca|tat ca)\s+(3|ba)\s+(gio|cai|lich|lua chon|ngay)(\s+(do|nay|kia|tren))?\b"
                           r"(?=.*\b(not|khong|khon|ko|k|hong|hok)\b)"
                           # "ba cái giờ nớ khôn được", "không đi được mấy ngày đó": those times, turned down
                           r"|\b((3|ba)\s+cai|may|nhung|cac)\s+(cai\s+)?(gio|lich|ngay|buoi|time|times)\s+(do|nay"
                           r"|kia|no|ni"
                           r"|te)\b(?!.*\bnao cung\b)(?=.*\b(not|khong|khon|ko|k|hong|hok)\b(?! sao))"
                           r"|\b(khong|khon|ko|k|hong|hok)\b.*\b(may|nhung|cac)\s+(cai\s+)?(gio|lich|ngay"
                           r"|buoi)\s+(do|nay|kia"
                           r"|no|ni|te)\b")


# a syllable typed in Telex with the Vietnamese keyboard off ("mootj" for một, "soos" for số, "nhaamf" for nhầm): a
# doubled or w-marked vowel (or dd) and a tone letter at its end; read as its plain letters
_TELEX = re.compile(r"\b(?=[a-z]*(?:aa|ee|oo|aw|ow|uw|dd))([a-z]{2,6})[sfrxj]\b")
_TELEX_MARKS = (("aa", "a"), ("ee", "e"), ("oo", "o"), ("aw", "a"), ("ow", "o"), ("uw", "u"), ("dd", "d"))


def _untelex(match: re.Match[str]) -> str:
    word = match.group(1)
    for typed, letter in _TELEX_MARKS:
        word = word.replace(typed, letter)
    return word


def _vietnamese(text: str) -> str:
    text = _TELEX.sub(_untelex, unicodedata.normalize("NFC", text.lower()))
    text = re.sub(r"\b(chọn)(?=[^\W\d])", r"\1 ", text)  # "lựa chọnđầu tiên": words run together on a small phone
    text = _VI_AFTER_HOURS.sub(" sau_after ", text)  # "sau giờ học": after class ("sáu giờ", six o'clock, is not)
    text = _LADY.sub(" ba_lady ", text)  # "con bà Thủy": Mrs Thủy's child, no third option
    for marked, word in _VI_MARKED:
        text = text.replace(marked, word)
    text = unicodedata.normalize("NFKD", text).replace("đ", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(\d)([ap]m)\b", r"\1 \2", text)  # "2h30pm": the Vietnamese clock, then pm
    text = _ENGLISH_CLOCK.sub(lambda m: f" {m.group(1)}:{m.group(2) or '00'} {m.group(3)}m ", text)  # "2:30pm"
    text = _VI_AMONG.sub(" ", text)  # "giờ cuối cùng trong 3 giờ đó": among those three, no 3 o'clock
    text = _VI_ALL_THREE.sub(" none of them ", text)
    text = text.replace("sau_after", " after ")
    steps: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
        (_VI_IN_THE_LIST, lambda m: f" {ORDINAL_NAMES[_vi_number(m.group(1)) - 1]} "),
        (_VI_WEEK, lambda m: _VI_WEEK_WORDS[" ".join(m.group(1).split())]), (_VI_ORDINAL, _vi_ordinal),
        (_VI_WEEKDAY, _vi_weekday), (_VI_TIME, _vi_time),
        (_VI_ALONE, lambda m: f" {ORDINAL_NAMES[_VI_NUMBERS[m.group(1)] - 1]} "),
    )
    for pattern, rewrite in steps:
        text = pattern.sub(rewrite, text)
    for word_pattern, word in _VI_WORDS:
        text = re.sub(word_pattern, word, text)
    for words, part in sorted(_VI_PARTS.items(), key=lambda item: -len(item[0])):
        if words not in ("toi", "sang"):  # bare "toi" is mostly "tôi" (I), bare "sang" "over to": not a part
            text = re.sub(rf"\b{words}\b", f" {part} ", text)
    return _kept(text)
