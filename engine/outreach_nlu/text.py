"""How a patient's text is read before features are taken: plain Python, shared by training and prediction.

A bag of words cannot tell "I feel good" from "I don't feel good", or "me duele" from "ya no me duele". Words in
the short scope after a negation are marked (``not good`` → ``not NEG_good``), so "good" after "not" is a
different feature from "good" alone. Character n-grams are taken from the unmarked text.
"""

from __future__ import annotations

import re
import unicodedata

NEGATIONS = frozenset(
    """
    not no never nope nah nor neither without cannot cant can't dont don't didnt didn't doesnt doesn't isnt isn't
    wasnt wasn't arent aren't aint ain't wont won't wouldnt wouldn't havent haven't hasnt hasn't hadnt hadn't
    shouldnt shouldn't couldnt couldn't idk n't
    nunca jamas jamás tampoco ni nada nadie ningun ningún ninguna ninguno sin
    """.split()
)
NEGATION_SCOPE = 3  # words after a negation that it colours
_TOKEN = re.compile(r"[\w']+|[^\w\s]", re.UNICODE)
_CLAUSE_END = re.compile(r"^[.,!?;:¡¿]+$")
_REPEATS = re.compile(r"(\w)\1{2,}")  # "sooooo" → "soo", "siiii" → "sii"


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded (full-width digits, ligatures), long letter runs shortened."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return _REPEATS.sub(r"\1\1", folded)


def mark_negation(text: str) -> str:
    """Tokens of ``text`` with the few words after a negation prefixed ``NEG_``, up to the clause's end."""
    marked: list[str] = []
    scope = 0
    for token in _TOKEN.findall(normalise(text)):
        if _CLAUSE_END.match(token):
            scope = 0
        elif token in NEGATIONS:
            scope = NEGATION_SCOPE
        elif scope:
            token = f"NEG_{token}"
            scope -= 1
        marked.append(token)
    return " ".join(marked)
