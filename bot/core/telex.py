"""Vietnamese typed in raw Telex, read as the Vietnamese meant.

A phone without a Vietnamese keyboard (or one switched off) leaves the Telex keys in the text: "tooi ddau nguwcj
quas" is "tôi đau ngực quá" (my chest hurts so much), "xin ddwngf nhawns tin nuwax" is "xin đừng nhắn tin nữa"
(please stop texting). Every rule that reads Vietnamese is written for the words, so a Vietnamese patient's
message typed this way is turned back into them first. A word is turned back only when the result is one
Vietnamese syllable (a real vowel group between a real onset and a real final: "thanks", "book", "are" stay as
written), and a message only when it reads as Telex as a whole: four in five of its words that are not plain
Vietnamese syllables already turn into one, at least two do (one, in a message of two words), and one of them
has both a vowel key (aa, aw, ee, oo, ow, uw, w, dd) and a tone key (s, f, r, x, j). English from a patient's
family ("there's no one here named Lan", "how much does it cost?", "I'll be there Thurs") is left as written.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_SHAPES = (("uow", "ươ"), ("uw", "ư"), ("ow", "ơ"), ("aw", "ă"), ("aa", "â"), ("ee", "ê"), ("oo", "ô"))
# the vowel groups of Vietnamese syllables, longest first
_NUCLEI = ("iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ "
           "uê ui uô uơ uy ưa ưi ươ ưu yê a ă â e ê i o ô ơ u ư y").split()
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(" + "|".join(_NUCLEI) + r")"
                       r"(ch|ng|nh|[cmnpt])?$")
_WORD = re.compile(r"[a-z]+")


def _decoded(word: str) -> tuple[str, bool, bool] | None:
    """The syllable ``word`` types in Telex, whether a vowel key and whether a tone key was used; None when it
    is no such syllable or types nothing but itself."""
    first_vowel = next((i for i, ch in enumerate(word) if ch in "aeiouy" or (ch == "w" and i)), None)  # "ddwngf"
    if first_vowel is None:
        return None
    if word[first_vowel:first_vowel + 1] == "u" and word[first_vowel - 1:first_vowel] == "q":
        first_vowel += 1  # "quas": qu is the onset
    onset, rest = word[:first_vowel], word[first_vowel:]
    if re.search(r"[sfrxj][aeiouyw]", rest):  # a tone key is typed after the vowels ("there", "Sara" are not Telex)
        return None
    tones = [ch for ch in rest if ch in _TONES]
    rest = "".join(ch for ch in rest if ch not in _TONES)
    shaped = rest
    for keys, letter in _SHAPES:
        shaped = shaped.replace(keys, letter)
    shaped = shaped.replace("w", "ư")
    if onset.startswith("dd"):
        onset = "đ" + onset[2:]
    syllable = onset + shaped
    keyed = shaped != rest or syllable.startswith("đ")
    if (not tones and not keyed) or not _SYLLABLE.match(syllable):
        return None
    if tones:
        vowels = [i for i, ch in enumerate(shaped) if ch in "aăâeêioôơuưy"]
        marked = [i for i in vowels if shaped[i] in "ăâêôơư"]
        at = marked[-1] if marked else (vowels[-1] if len(vowels) == 1 or shaped[-1] not in "aeiouy" else vowels[-2])
        shaped = shaped[: at + 1] + _TONES[tones[-1]] + shaped[at + 1:]
    return unicodedata.normalize("NFC", onset + shaped), keyed, bool(tones)


def from_telex(text: str) -> str | None:
    """``text`` with its Telex-typed words turned into Vietnamese, or None when it does not read as Telex."""
    lowered = text.lower()
    words = list(_WORD.finditer(lowered))
    found = [(match, decoded) for match in words if (decoded := _decoded(match.group()))]
    foreign = [match for match in words if not _SYLLABLE.match(match.group())]  # "tooi", "thanks", "there"
    if not any(keyed and toned for _, (_, keyed, toned) in found) or len(found) * 10 < len(foreign) * 8 \
            or (len(found) < 2 and len(words) > 2):  # (not "how much does it cost?", "I'll be there Thurs")
        return None
    out, last = [], 0
    for match, (syllable, _, _) in found:
        out.append(lowered[last:match.start()] + syllable)
        last = match.end()
    return "".join(out) + lowered[last:]
