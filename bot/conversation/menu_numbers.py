"""A reply that is a menu's number ("2", "#2", "option 2", "2️⃣"), or starts with one ("1 see u tues")."""

from __future__ import annotations

import re

from bot.conversation.evidence.visit_answers import cannot_come
from bot.scheduling.reading import fold
from bot.scheduling.turning_down import rejects_options

_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")  # "2️⃣"
_SPELLED = {"one": "1", "two": "2", "three": "3", "uno": "1", "dos": "2", "tres": "3",  # "one" alone: the 1
            "zero": "0", "cero": "0"}  # "cero": other times (not "nine": the 9:00 time as often as the menu's 9)
_MENU_WORDS = re.compile(r"\b(please|pls|plz|por favor|porfa|thanks|thank you|thx|gracias|ok|okay|oke|okie|okey"
                         r"|option|opcion|sale|dale|vale|listo|"
                         r"number|numero|reply|responde?|el|la|the|cam on|so|xin|nha|nhe|a)\b"
                         r"|谢谢|謝謝|多谢|多謝|唔该|唔該|麻烦了|麻烦你了|麻烦|好的|请|還行|还行|还好|可以")


def menu_number(text: str) -> int | None:
    """A reply that is just a menu number ("2", "2 pls", "#2", "option 2", "2️⃣"), never a number inside a
    sentence ("i work til 3", "can i bring my 2 kids", "3pm works")."""
    plain = _MENU_WORDS.sub(" ", fold(_KEYCAP.sub(r"\1", text)))
    words = [_SPELLED.get(word, word) for word in re.sub(r"[^\w]+", " ", plain).split()]
    return int(words[0]) if len(words) == 1 and len(words[0]) == 1 and words[0].isdigit() else None


def leading_number(text: str) -> int | None:
    """The reminder's menu number a reply starts with, when the words after it do not turn it down ("1 see u tues",
    "1 xác nhận"; not "1 no puedo"). After 2 (another time) or 3 (cancel) a turn-down agrees with the number ("2
    porfa, ese día no puedo")."""
    if (number := menu_number(text)) is not None:
        return number
    words = re.sub(r"[^\w]+", " ", fold(_KEYCAP.sub(r"\1", text))).split()
    if len(words) < 2 or len(words[0]) != 1 or not words[0].isdigit():
        return None
    number = int(words[0])
    return None if number == 1 and (rejects_options(text) or cannot_come(text)) else number
