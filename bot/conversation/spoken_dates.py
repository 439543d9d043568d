"""A date said aloud, as a speech recogniser writes it ("august ninth nineteen fifty two", "nueve de agosto de
mil novecientos cincuenta y dos", "zero eight zero nine one nine five two"), rewritten with digits so the date
reader understands it ("august 9 1952"). Only number words change; everything else stays as said."""

from __future__ import annotations

import re

_UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
          "cero": 0, "uno": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
          "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
          "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
          "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26,
          "veintisiete": 27, "veintiocho": 28, "veintinueve": 29}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
         "ochenta": 80, "noventa": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30, "primero": 1}
_ORDINAL_TENS = {"twenty": 20, "thirty": 30}
_SPANISH_HUNDREDS = {"novecientos": 900, "ochocientos": 800}


def _number(words: list[str], i: int) -> tuple[int, int] | None:
    """The number that starts at ``words[i]`` and how many words it takes; None when none does."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in _ORDINAL_TENS and nxt in _ORDINALS and _ORDINALS[nxt] < 10:  # "twenty first"
        return _ORDINAL_TENS[word] + _ORDINALS[nxt], 2
    if word in _ORDINALS:
        return _ORDINALS[word], 1
    if word in ("mil", "thousand"):
        return None
    if (word == "two" and nxt == "thousand") or (word == "dos" and nxt == "mil"):  # 2000s
        rest = _number(words, i + 2) if i + 2 < len(words) else None
        return (2000 + (rest[0] if rest and rest[0] < 100 else 0), 2 + (rest[1] if rest and rest[0] < 100 else 0))
    if word == "mil" or (word == "un" and nxt == "mil"):
        return None
    if word in _TENS:
        # "fifty two", "cincuenta y dos"
        if nxt in _UNITS and 0 < _UNITS[nxt] < 10:
            return _TENS[word] + _UNITS[nxt], 2
        if nxt == "y" and i + 2 < len(words) and words[i + 2] in _UNITS and 0 < _UNITS[words[i + 2]] < 10:
            return _TENS[word] + _UNITS[words[i + 2]], 3
        return _TENS[word], 1
    if word in _UNITS:
        return _UNITS[word], 1
    return None


def digits_for_spoken_numbers(text: str) -> str:
    """``text`` with spoken numbers written as digits: a year said in two halves ("nineteen fifty two") or in
    Spanish ("mil novecientos cincuenta y dos") becomes one number; a run of single digits ("zero eight zero nine
    one nine five two") becomes the digits it spells."""
    words = re.sub(r"[-,]", " ", text.lower()).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] == "mil" and i + 1 < len(words) and words[i + 1] in _SPANISH_HUNDREDS:
            value, used = 1000 + _SPANISH_HUNDREDS[words[i + 1]], 2
            rest = _number(words, i + 2) if i + 2 < len(words) else None
            if rest is not None and rest[0] < 100:
                value, used = value + rest[0], used + rest[1]
            out.append(str(value))
            i += used
            continue
        found = _number(words, i)
        if found is None:
            out.append(words[i])
            i += 1
            continue
        value, used = found
        after = _number(words, i + used) if i + used < len(words) else None
        if 10 <= value <= 20 and after is not None and 0 <= after[0] < 100 and words[i] not in _ORDINALS \
                and words[i + used] not in _ORDINALS and not (value == 20 and after[0] < 10 and used == 1):
            value, used = value * 100 + after[0], used + after[1]  # "nineteen fifty two" → 1952
        out.append(str(value))
        i += used
    joined = " ".join(out)
    # "0 8 0 9 1 9 5 2": digits said one by one are one number
    return re.sub(r"\b(\d)(?: (\d)){5,7}\b", lambda m: m.group(0).replace(" ", ""), joined)
