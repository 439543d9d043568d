"""Southern Vietnamese as patients text it, read as the standard words every rule is written for.

In the Mekong delta and among many Vietnamese Americans "không" is said and typed "hổng" or "hông" ("tui hổng
muốn nhận tin này nữa", "được hông em?") and "về" is "dìa" ("đi làm dìa"). Only the marked spellings are read
this way: "hông" is also the hip ("đau hông", "bên hông"), so it is "không" only where it negates a verb or asks
(at the end of a phrase); folded to "hong" it is also the name Hồng, and is left alone.
"""

from __future__ import annotations

import re
import unicodedata

_HONG_NEGATES = re.compile(r"\bhổng\b", re.IGNORECASE)
# "hông muốn", "hông có", "được hông?" (not "đau hông", "bên hông", "hông bị đau")
_HONG_ASKS_OR_NEGATES = re.compile(
    r"(?<!đau )(?<!nhức )(?<!mỏi )(?<!bên )(?<!xương )(?<!khớp )(?<!vòng )(?<!eo )\bhông\b"
    r"(?=\s+(?:muốn|có|được|đc|biết|cần|đi|nhận|phải|hiểu|rảnh|tiện|sao|ai|thích|làm|còn|nhớ|đọc|nghe|gọi|nhắn)\b"
    r"|\s*(?:[?.!,;]|$|em\b|anh\b|chị\b|cô\b|ạ\b|vậy\b|dạ\b|nha\b|nhe\b|nghen\b))",
    re.IGNORECASE)
_DIA_HOME = re.compile(r"\bdìa\b", re.IGNORECASE)


def as_standard(text: str) -> str:
    """``text`` with its southern "hổng"/"hông" (not) and "dìa" (back home) as "không" and "về"."""
    marked = unicodedata.normalize("NFC", text)
    if not any(word in marked.lower() for word in ("hổng", "hông", "dìa")):
        return text
    marked = _HONG_NEGATES.sub("không", marked)
    marked = _HONG_ASKS_OR_NEGATES.sub("không", marked)
    return _DIA_HOME.sub("về", marked)
