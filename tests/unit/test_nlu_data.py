"""The engine's reading of patient text, and the honesty of its held-out set."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "engine"))

from outreach_nlu.text import mark_negation  # noqa: E402

_ENTITY = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def _examples(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(folder.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    found.append((block["intent"], _ENTITY.sub(r"\1", line.strip()[2:])))
    return found


def _key(text: str) -> str:
    """Case, accents, punctuation, emoji and word order do not make a new example."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+|[^\w\s.,!?¡¿]", plain)))


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("I don't feel good", "i don't NEG_feel NEG_good"),
        ("good, not bad", "good , not NEG_bad"),
        ("ya no me duele la herida", "ya no NEG_me NEG_duele NEG_la herida"),
        ("NOT GREAT!!! but ok", "not NEG_great ! ! ! but ok"),
        ("feeling gooood", "feeling good"),
    ],
)
def test_words_after_a_negation_are_read_as_negated(text: str, marked: str) -> None:
    assert mark_negation(text) == marked


def test_no_held_out_example_is_in_the_training_data() -> None:
    training = {_key(text) for _, text in _examples(ROOT / "data" / "nlu")}
    held_out = _examples(ROOT / "tests" / "nlu")
    leaked = [text for _, text in held_out if _key(text) in training]
    assert len(held_out) >= 15 * 2 * 23
    assert leaked == []
