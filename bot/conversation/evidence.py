"""Words that must be there before the bot takes an outcome that ends contact on the engine's word alone.

The engine reads "number two" or "la segunda" as a wrong number now and then; a wrong number silences a patient
who wanted to book. So the bot takes it only when the reply says so in words ("wrong number", "no conozco a esa
persona", "打错了", "nhầm số"); otherwise the reply is read against the question asked.
"""

from __future__ import annotations

import re

from bot.conversation.keywords import normalise

_WRONG_NUMBER = re.compile(
    r"\bwrong (number|person|phone|#|guy|lady|man|woman)\b|\bnot (me|him|her|them)\b|\bno one (here )?(by|named)\b"
    r"|\bnobody (here )?(by|named)\b|\bdon'?t know (who|any|anyone|this|him|her|them|that)\b|\bwho (is|'s) this\b"
    r"|\bwhos this\b|\bnever heard of\b|\bnot (my|the|his|her) (number|phone)\b|\bnew number\b|\bno longer (at|has)\b"
    r"|\bdoesn'?t live here\b|\b(he|she|they) (passed away|died)\b"
    r"|\bequivocad|\bnumero (incorrecto|equivocado)\b|\bno (lo|la|los|las) conozco\b|\bno conozco\b|\bno soy\b"
    r"|\bquien (es|habla)\b|\bno es (mi|este|el) (numero|telefono)\b|\bno vive aqui\b|\bse equivoc"
    r"|打错|错号|不认识|你是谁|不是我|没有这个人|号码错"
    r"|\bnham (so|nguoi)\b|\bsai so\b|\bkhong phai (toi|tui|minh|em|anh|chi)\b|\bkhong quen\b|\bai (vay|đay)\b"
)


def says_wrong_number(text: str) -> bool:
    """Whether the reply itself says we reached the wrong person."""
    return bool(_WRONG_NUMBER.search(normalise(text)))
