"""How a reply to an offer is read: folded to plain letters, or (Chinese and Vietnamese) rewritten into the few
plain words bot/scheduling/zh_vi.py knows; and the word tables every reader of it shares (bot/scheduling/choice.py,
turning_down.py, preferences.py): one table each."""

from __future__ import annotations

import re
import unicodedata

from bot.core.spelling import as_spelled
from bot.scheduling.zh_vi import canonical, reading_language

WEEKDAYS: dict[str, int] = {}


for index, names in enumerate(
    [
        "monday mon mo lunes lun",
        "tuesday tues tue tu martes mar mart",
        "wednesday wed weds miercoles mie mier",
        "thursday thurs thur thu th jueves jue",
        "friday fri fr viernes vie",
        "saturday sat sabado sab",
        "sunday sun domingo dom",
    ]
):
    for name in names.split():
        WEEKDAYS[name] = index


PARTS_OF_DAY = {
    "morning": (0, 12), "mornings": (0, 12), "am": (0, 12), "manana": (0, 12), "mornin": (0, 12),
    "evenin": (17, 24), "afternon": (12, 17), "aftanoon": (12, 17), "afternoom": (12, 17),
    "afternoon": (12, 17), "afternoons": (12, 17), "tarde": (12, 19), "tardecita": (12, 19), "evening": (17, 24),
    "evenings": (17, 24),
    "noche": (19, 24), "mananas": (0, 12), "tardes": (12, 19), "noches": (19, 24),
    # around noon: 中午 / trưa (rewritten as "midday"), "closer to lunchtime", "al mediodía"
    "midday": (11, 14), "noon": (11, 14), "lunchtime": (11, 14), "lunch": (11, 14), "mediodia": (11, 14),
    # late in the afternoon, into the evening: 傍晚, "late afternoon", "al atardecer", "chiều tối"
    "dusk": (15, 20),
}


# after lunch is the afternoon: "wednesday after lunch", "después del almuerzo", "sau bữa trưa"
_AFTER_LUNCH = re.compile(r"\b(after|despues del?|luego del?) (lunch|almuerzo|lonche|la comida|comer|noon)\b"
                          r"|\blate afternoon\b|\bal atardecer\b")


MADAM = re.compile(r"\bma[’']?am\b", re.IGNORECASE)  # "yes ma'am": no "am" of a morning in it (nor a "ma", but)


def fold(text: str) -> str:
    text = MADAM.sub("madam", unicodedata.normalize("NFKD", text.lower()))
    return as_spelled("".join(ch for ch in text if not unicodedata.combining(ch)))  # "the secont one", "nex week"


# Words shared by reading a choice and reading a preference (bot/scheduling/preferences.py): one table each.
RELATIVE_DAYS = {"today": 0, "hoy": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "tomorow": 1, "tommorow": 1,
                 "manana": 1, "overmorrow": 2,  # overmorrow: 后天, ngày mốt (bot/scheduling/zh_vi.py)
                 "threedaysout": 3}  # 大后天 (bot/scheduling/zh_vi.py)


MORNING_LEAD_INS = frozenset({"la", "las"})  # "en la mañana" is the morning; "mañana", "el de mañana" are tomorrow
_A_TIME_IN_THE_MORNING = re.compile(r"\b(\d{1,2}(?::\d{2})?) de manana\b")


def reply_words(text: str, language: str | None) -> tuple[str, bool]:
    """The reply folded for reading, and whether it was rewritten from Chinese or Vietnamese (bot/scheduling/zh_vi.py)
    into the few plain words that rewrite knows; English and Spanish are read as written."""
    reading = reading_language(text, language)
    if reading is None:
        folded = _A_TIME_IN_THE_MORNING.sub(r"\1 de la manana", fold(text))  # "a las 9 de mañana": 9 in the morning
        return _AFTER_LUNCH.sub(lambda said: " dusk " if said.group(0).startswith(("late", "al ")) else " afternoon ",
                                folded), False
    return canonical(text, reading), True


DAY_WORDS = "|".join(sorted(WEEKDAYS, key=len, reverse=True))


# what an ordinal may order besides the options: "second shift", "third floor", "primer piso"
ORDERED_THINGS = frozenset({"shift", "shifts", "floor", "job", "grade", "piso", "turno", "trabajo", "dose", "dosis",
                             "kid", "child", "son", "daughter", "baby", "husband", "wife", "opinion", "mensaje",
                             "message", "msg", "text", "texto", "llamada", "call", "reminder", "recordatorio",
                             # Tagalog: "pangalawang beses" (the second time), "unang linggo" (the first week)
                             "beses", "linggo", "anak", "apo", "araw", "buwan", "taon"})
