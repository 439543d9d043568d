"""Words that signal an emergency, checked on every inbound message before any NLU, in any dialogue state.

A match gets the emergency instruction (911, or 988 for a mental-health crisis) in the patient's language and
an urgent handoff at once. The lists err towards sending a person: a false alarm costs a call, a miss costs more.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.conversation.keywords import normalise


class Emergency(StrEnum):
    MEDICAL = "medical"  # call 911
    CRISIS = "crisis"  # call or text 988


_MEDICAL = [
    # chest
    r"chest( \w+){0,3} (pain|pains|hurts?|hurting|tight|tightness|pressure)",
    r"(pain|pains|hurts?|hurting|pressure|tightness)( \w+){0,3} (my |the )?chest", r"heart attack",
    r"(dolor|duele|presion|apretado)( \w+){0,3} (el |del |en el |de )?pecho", r"ataque (al|de) corazon",
    r"infarto",
    # breathing
    r"(can ?t|cannot|can not|hard to|trouble|difficulty|struggling to) (breathe|breathing|catch my breath)",
    r"short(ness)? of breath", r"not breathing", r"no (puedo|puede) respirar", r"me falta (el )?aire",
    r"dificultad para respirar", r"me ahogo",
    # stroke signs
    r"stroke", r"face (is )?(drooping|droops|numb)", r"slurred speech", r"(can ?t|cannot) (move|feel) my (arm|leg)",
    r"derrame", r"embolia", r"cara (caida|torcida)", r"no puedo mover (el|mi) (brazo|pierna)",
    # other 911 signs
    r"passed out", r"unconscious", r"fainted", r"seizure", r"bleeding (a lot|heavily|badly|won ?t stop)",
    r"coughing (up )?blood", r"se desmayo", r"me desmaye", r"convulsion", r"sangrando mucho", r"inconsciente",
    r"overdose", r"sobredosis",
]
_CRISIS = [
    r"suicid", r"kill (myself|me)", r"end (my|it) (life|all)", r"want to die", r"don ?t want to (live|be alive)",
    r"hurt(ing)? myself", r"self harm", r"no quiero vivir", r"quiero morir", r"matarme", r"suicidarme",
    r"quitarme la vida", r"hacerme dano",
]
_MEDICAL_RE = re.compile(r"\b(" + "|".join(_MEDICAL) + r")")
_CRISIS_RE = re.compile(r"\b(" + "|".join(_CRISIS) + r")")
_NEGATED = re.compile(r"\b(no|not|never|without|sin|nada de) (\w+ ){0,2}$")


def detect_emergency(body: str) -> Emergency | None:
    """The kind of emergency the message signals, if any. "No chest pain" is not one."""
    text = normalise(body)
    for kind, pattern in ((Emergency.CRISIS, _CRISIS_RE), (Emergency.MEDICAL, _MEDICAL_RE)):
        for match in pattern.finditer(text):
            if not _NEGATED.search(text[: match.start()]):
                return kind
    return None
