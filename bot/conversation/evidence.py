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


_FOR_SOMEONE = re.compile(
    r"\b(i'?m|i am|this is|its|it'?s) (his|her|their|the patient'?s|(\w+'?s)) (\w+ )?(mom|mother|dad|father|son|"
    r"daughter|wife|husband|partner|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|aunt|uncle|"
    r"brother|sister|niece|nephew|caregiver|caretaker|aide|guardian)\b"
    r"|\bcan (my|his|her) (\w+ )?(mom|mother|dad|father|son|daughter|wife|husband|caregiver|sister|brother)"
    r" (call|talk|speak|text|answer)\b"
    r"|\b(writing|texting|answering|replying) for (my|him|her)\b|\bon (his|her|their) behalf\b|\bon behalf of\b"
    r"|\bsoy (su|el|la) (hij[oa]|espos[oa]|madre|padre|mama|papa|herman[oa]|niet[oa]|sobrin[oa]|cuidador[a]?|"
    r"tutor[a]?)\b|\b(escribo|respondo|contesto) (por|de parte de) (mi|el|la)\b|\bde parte de (mi|su)\b"
    r"|\bpuede (mi|su) (hij[oa]|espos[oa]|madre|padre|herman[oa]) (llamar|hablar)\b"
    r"|我是(他|她|病人)的|我(替|帮)(我的)?(妈妈|爸爸|母亲|父亲|丈夫|妻子|儿子|女儿)"
    r"|\btoi la (con|vo|chong|me|bo|chau|em|anh|chi) (cua|trai|gai)\b"
)


def speaks_for_someone(text: str) -> bool:
    """Whether a relative or caregiver is writing for the patient: a person takes it from there (they may not
    be the one to hear the patient's details, and they have questions the bot cannot answer)."""
    return bool(_FOR_SOMEONE.search(normalise(text)))
