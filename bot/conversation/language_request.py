"""What a patient asks about the language we write in: "español", "in English please", "可以用越南文吗",
"my english not good", "no hablo inglés". One place for the names of our languages and how a request is read."""

from __future__ import annotations

import re

from bot.core.chinese import as_simplified
from bot.messages.render import resolve_language
from bot.scheduling.zh_vi import written_language


def _lowered(text: str) -> str:
    """The one form every rule here reads: Chinese as Simplified Mandarin ("我睇唔明英文": 我看不明英文), lower case."""
    return as_simplified(text).lower()


# the languages a patient may ask for, by name, as they write them ("español", "in English", 中文, "tiếng Việt")
LANGUAGE_NAMES = (("es", r"espa[nñ]ol|spanish|castellano|西班牙(语|文)|ti[eế]ng t[aâ]y ban nha"),
                  ("en", r"english|ingl[eé]s|inglé(?!\w)|\beng\b|英文|英语|英語|ti[eế]ng (anh"
                      r"|m[yỹ])"),  # "inglé": the s dropped
                  ("zh", r"中文|汉语|漢語|普通话|国语|華語|华语|chinese|chino|mandarin|ti[eế]ng (trung|hoa|t[aà]u)"
                   r"|(?<=\bi speak )china\b|(?<=\bi speak only )china\b"
                   r"|ch[uữ] (hoa|t[aà]u)"),
                  # (a country said for its language, in English learned later: "I speak vietnam", "I speak china")
                  ("vi", r"ti[eế]ng vi[eệ]t|vietnamese|viet ?nam ?ese|vietnamita|越南(语|文|話|话)"
                   r"|(?<=\bi speak )viet ?nam\b|(?<=\bi speak only )viet ?nam\b"))


_ANY_LANGUAGE = re.compile(r"\s*(" + "|".join(f"(?:{pattern})" for _, pattern in LANGUAGE_NAMES) + ")")


def names_a_language(text: str) -> bool:
    """Whether the reply names a language we write in (then it is about the language, not a question for a person)."""
    lowered = _lowered(text)
    return any(re.search(pattern, lowered) for _, pattern in LANGUAGE_NAMES)


# a language the patient says they read poorly ("my english not good", "mi inglés es malo", "英文不好")
_WEAK_IN = re.compile(r"\s*((reading|writing|speaking|spoken|written|skills?|lectura|escrito|hablado) ){0,2}"
                      r"(is |es |)(?P<negated>not |no |isn'?t |ain'?t )?(es |is )?"
                      r"(very |muy |so |that |tan |too |really |)"
                      r"(?P<quality>good|great|bueno|buena|bad|malo|mala|poor|terrible|limited|basic)\b"
                      r"|\s*字?\s*我?(看|读|听)?(不好|不行|很差|不太好|不懂|不明白|不明|不太懂|不大懂|不太明|不大明)"
                      r"|\s*字?\s*(认|识|认识)(不了|不得|不到|不全|不多|得不多)"  # "中文字认不了多少"
                      r"|\s*(k[eé]m|kh[oô]ng t[oố]t|ch[aậ]m( l[aắ]m)?|y[eế]u)\b"  # "đọc tiếng Việt chậm lắm"
                      # "English tui đọc ko hiểu": the patient reads it poorly, said after its name
                      r"|\s*((tui|t[oô]i|m[iì]nh|em|con) )?((đọc|doc|[dđ]ọc|nghe|n[oó]i|noi) )?"
                      r"(kh[oô]ng|ko|k|hong) (hi[eể]u|bi[eế]t|gi[oỏ]i|r[aà]nh|r[oõ])")


def _weak_after(lowered: str, end: int) -> bool:
    """Whether the words after a language's name say the patient reads it poorly ("my english not good", "mi
    español no es muy bueno", "英文不好"); "my english is very good" does not."""
    said = _WEAK_IN.match(lowered, end)
    if said is None or _ANY_LANGUAGE.match(lowered, said.end()):
        return False  # "用中文 我看不明英文": the words are about the language named after them
    quality = said.group("quality")
    return quality is None or bool(said.group("negated")) or quality not in ("good", "great", "bueno", "buena")
_NOT_SPOKEN = re.compile(r"\b(no hablo|no entiendo|no leo|i don'?t speak|i do not speak|i can'?t read|"
                         # said of the patient by a relative: "ella no habla inglés", "my mom doesn't speak english"
                         r"no (habla|lee|entiende|sabe)|(doesn'?t|does not|doesnt) (speak|read|understand)|"
                         # a parent as some write it: "my mom dont read english" (not "my kids don't read Vietnamese")
                         r"(my (mom|mother|mama|dad|father|papa|grandma|grandmother|grandpa|grandfather|husband|wife)"
                         r"|she|he) (don'?t|dont) (speak|read|understand)|"
                         r"i don'?t read|(kh[oô]ng|ko|k|h[oổô]ng|hok) (n[oó]i|bi[eế]t|hi[eể]u|[dđ][oọ]c))\b"
                         r"|不会说|不会|不懂|看不懂|听不懂|不识|读不懂|看不明|不明白|看不太懂|唔识|唔会|唔明|唔懂")
_SAID_OF_SOMEONE = re.compile(r"\b(no (habla|lee|entiende|sabe)|doesn'?t|doesnt|does not)\b")
_READ_BETTER = re.compile(r"\s+(much |a lot |way |far |mucho |muy )?(better|mejor)\b")


# "English please", "en español por favor": the language asked for, said with a please
# ("xin" only at the end: it opens the request that follows in "tiếng Anh, xin nhắn bằng tiếng Việt")
_PLEASE_AFTER = re.compile(r"\s*,?\s*(please|pls|plz|por favor|porfa|nha|nhé|thanks|gracias)\b"
                           r"|\s*,?\s*xin(?=\s*(cảm ơn|cam on|ạ|nha|nhé)?\W*$)"
                           r"|\s*,?\s*(请|谢谢|唔该)")
# "Spanish instead of English", "en vez del inglés", "thay vì tiếng Anh": the language named after is not wanted
_INSTEAD_BEFORE = re.compile(r"(instead of|rather than|not in|en vez de(l)?|en lugar de(l)?|no en|thay v[iì]|kh[oô]ng "
                             r"ph[aả]i|而不是|不要用?)\s*(el |la )?$")


def _named_in_order(lowered: str) -> list[str]:
    """The languages a reply names, each once, in the order written, the one said with a please first ("English
    please, my mom reads spanish but I don't"), leaving out one named as what is not wanted ("instead of English")."""
    found = sorted((match.start(), match.end(), code) for code, pattern in LANGUAGE_NAMES
                   for match in re.finditer(pattern, lowered))
    kept = [(end, code) for start, end, code in found if not _INSTEAD_BEFORE.search(lowered[max(0, start - 20):start])]
    pleased = [code for end, code in kept if _PLEASE_AFTER.match(lowered, end)]
    return list(dict.fromkeys([*pleased, *(code for _, code in kept)]))


def _weak(lowered: str) -> set[str]:
    """The languages the reply says are read poorly ("my english not good", "英文不好")."""
    return {code for code, pattern in LANGUAGE_NAMES
            for found in re.finditer(pattern, lowered) if _weak_after(lowered, found.end())}


def _refused(lowered: str) -> set[str]:
    """The languages the reply says are not spoken or read at all ("no hablo inglés", "she doesn't read english")."""
    if (not_spoken := _NOT_SPOKEN.search(lowered)) is None:
        return set()
    after = lowered[not_spoken.end():not_spoken.end() + 40]  # "no hablo inglés, español por favor"
    pleased = {code for code, pattern in LANGUAGE_NAMES  # "no entiendo, en inglés por favor": that one is asked for
               for found in re.finditer(pattern, lowered) if _PLEASE_AFTER.match(lowered, found.end())}
    # "không đọc được tiếng Anh", "don't speak much english"
    return {code for code, pattern in LANGUAGE_NAMES if code not in pleased and (
            re.match(r"\W*((được|duoc|dc|đc|rõ|ro|much|well|bien|mucho|bueno|đọc|doc|nói|noi|nghe|hiểu"
                        r"|hieu) |看|读|说|讲|听|写|睇)?"
                        r"((được|duoc|dc|đc|rõ|ro) )?((el|la|en"
                        r"|in) )?(" + pattern + ")",
                        after)
            # what is not understood is in it: "no entiendo la receta, está en inglés"
            or re.search(r"\b(esta|está|is|viene|vienen|son|written|escrit[ao]s?) (en|in) (" + pattern + ")", after))}


def names_a_wanted_language(text: str) -> bool:
    """Whether the reply names a language it asks for, not only one it says is read poorly or not at all ("can
    you text in english?"; not "my dad doesn't read english")."""
    lowered = _lowered(text)
    return bool(set(_named_in_order(lowered)) - _weak(lowered) - _refused(lowered))


def requested_language(text: str, current: str) -> str:
    """The language the patient asks for: the one they name ("español", "in English please"), unless they say
    they do not speak it ("no hablo inglés"): then the one they wrote in. Naming none: the other of en/es."""
    lowered = _lowered(text)
    named = _named_in_order(lowered)
    better = [code for code, pattern in LANGUAGE_NAMES for found in re.finditer(pattern, lowered)
              if _READ_BETTER.match(lowered, found.end())]
    if better:  # "I read Chinese much better than English"
        return better[0]
    weak = _weak(lowered)
    if weak:  # "can u send in chinese, my english not good"; "mi inglés es malo"
        wanted = [code for code in named if code not in weak]
        if wanted:
            return wanted[0]
        if (written := written_language(text)) not in weak:
            return written
    if _NOT_SPOKEN.search(lowered) is not None:
        refused = _refused(lowered)
        wanted = [code for code in named if code not in refused]
        if wanted:
            return wanted[0]
        written = written_language(text)
        if written not in refused:
            return written
        if _SAID_OF_SOMEONE.search(lowered):
            return current  # "my dad doesn't read english": which one he reads is not said; a person asks
        return next((code for code in ("es", "en") if code not in refused), "en")
    if named:
        return named[0]
    return "en" if resolve_language(current) == "es" else "es"
