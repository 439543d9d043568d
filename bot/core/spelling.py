"""Words as patients misspell them, read as the word meant, in one table for every reading rule.

Patients with little schooling write English and Spanish as they sound ("kiero", "yamenme", "bive", "grasias",
"mesages", "numbr", "allready"); the rules that read replies (opt-out, emergencies, wrong numbers, choices)
would otherwise miss the word they are built on. Only spellings that are no word of their own in English,
Spanish, Vietnamese typed without marks or pinyin are here, so a correct reply never changes meaning. The table
maps folded, lower-case words (no accents) to folded words.
"""

from __future__ import annotations

import re

_MEANT: dict[str, str] = {
    # English
    "alot": "a lot", "allready": "already", "alredy": "already", "allredy": "already", "alrdy": "already",
    "mesage": "message", "mesages": "messages", "messeges": "messages", "messege": "message", "messges": "messages",
    "mesg": "message", "mesgs": "messages", "numbr": "number", "nuber": "number", "nummber": "number",
    "secont": "second", "seccond": "second", "secound": "second", "furst": "first", "frist": "first",
    "fisrt": "first", "thrid": "third", "therd": "third", "midle": "middle", "middel": "middle", "nex": "next",
    "befor": "before", "bfore": "before", "apointment": "appointment", "appoinment": "appointment",
    "apointmint": "appointment", "appointmint": "appointment", "hospitle": "hospital", "hospitol": "hospital",
    "bleading": "bleeding", "bledding": "bleeding", "docter": "doctor", "doctur": "doctor",
    # Spanish as it sounds
    "kiero": "quiero", "kieres": "quieres", "kiere": "quiere", "bivir": "vivir", "bive": "vive", "biven": "viven",
    "ijo": "hijo", "ija": "hija", "ijos": "hijos", "abla": "habla", "ablar": "hablar", "ablo": "hablo",
    "yamen": "llamen", "yamenme": "llamenme", "yameme": "llameme", "yamar": "llamar", "yamarme": "llamarme",
    "yamame": "llamame", "sita": "cita", "sitas": "citas", "erida": "herida", "grasias": "gracias",
    "isieron": "hicieron", "hisieron": "hicieron", "sero": "cero", "nesesito": "necesito", "nesecito": "necesito",
    "nesesita": "necesita", "nesesario": "necesario", "aser": "hacer", "bamos": "vamos", "ospital": "hospital",
    "mesajes": "mensajes", "mensages": "mensajes", "mansajes": "mensajes", "ablame": "hablame",
    "yega": "llega", "yego": "llego", "yegar": "llegar", "ayame": "llame", "nadien": "nadie",
    "mier coles": "miercoles",  # as voice input splits it
}
_WORD = re.compile(r"\b(" + "|".join(sorted(_MEANT, key=len, reverse=True)) + r")\b")


def as_spelled(folded: str) -> str:
    """``folded`` (lower case, no accents) with the misspellings of the table read as the words meant."""
    return _WORD.sub(lambda match: _MEANT[match.group(1)], folded)
