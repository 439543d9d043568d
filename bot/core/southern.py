"""Southern Vietnamese as patients text it, read as the standard words every rule is written for.

In the Mekong delta and among many Vietnamese Americans "không" is said and typed "hổng" or "hông" ("tui hổng
muốn nhận tin này nữa", "được hông em?") and "về" is "dìa" ("đi làm dìa"). Only the marked spellings are read
this way, and "hông" only where it cannot be the hip ("đau hông", "vết mổ hông có sưng", "bên hông"): before a
verb of wanting, knowing or being able, or after one at the end of a question ("được hông?"), and never after a
word about the body or "tên" (a name). Folded to "hong" it is also the name Hồng, and is left alone.
"""

from __future__ import annotations

import re
import unicodedata

_HONG_NEGATES = re.compile(r"\bhổng\b", re.IGNORECASE)
# "hông muốn", "hông biết" (not "hông có sưng", "hông còn đau": the hip)
_HONG_BEFORE_A_VERB = re.compile(r"(?P<before>\S+\s+|^)hông(?=\s+(?:muốn|được|đc|biết|cần|nhận|hiểu|rảnh|tiện|thích"
                                 r"|nhớ|đọc|nghe|gọi|nhắn|phải|ai|đi|làm"
                                 # "hông có ai tên vậy" (not "hông có sưng": the hip is swollen)
                                 r"|có\s+(?:ai|gì|đâu|được|thời gian|rảnh|tiền|bảo hiểm|xe|người|ở|nhà|cần|muốn))\b)",
                                 re.IGNORECASE)
# "được hông em?", "đi được hông", "phải hông" (asked after the verb, at the end of a phrase)
_HONG_ASKS = re.compile(r"(?P<before>(?:được|đc|dc|phải|biết|hiểu|rảnh|ổn|khỏe|tiện|kịp|nổi|xong|muốn|đi|vậy)\s+)"
                        r"hông(?=\s*(?:[?.!,;]|$|em\b|anh\b|chị\b|cô\b|ạ\b|vậy\b|dạ\b|nha\b|nhe\b|nghen\b|ta\b))",
                        re.IGNORECASE)
# words after which "hông" is the hip, or a name
_BODY_OR_NAME = frozenset("đau nhức mỏi bên xương khớp vòng eo ở mổ chỗ vết sưng gãy bị tên".split())
_DIA_HOME = re.compile(r"\bdìa\b", re.IGNORECASE)


def _not_the_hip(match: re.Match[str]) -> str:
    before = match.group("before")
    if before.strip().lower() in _BODY_OR_NAME:
        return match.group(0)
    return before + "không"


def as_standard(text: str) -> str:
    """``text`` with its southern "hổng"/"hông" (not) and "dìa" (back home) as "không" and "về"."""
    marked = unicodedata.normalize("NFC", text)
    if not any(word in marked.lower() for word in ("hổng", "hông", "dìa")):
        return text
    marked = _HONG_NEGATES.sub("không", marked)
    marked = _HONG_BEFORE_A_VERB.sub(_not_the_hip, marked)
    marked = _HONG_ASKS.sub(_not_the_hip, marked)
    return _DIA_HOME.sub("về", marked)
