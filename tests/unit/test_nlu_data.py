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

from outreach_nlu.text import accented_words, fold, mark_negation  # noqa: E402

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
    """Case, accents (Vietnamese đ too), punctuation (full-width too), emoji and word order do not make a new
    example. Chinese has no spaces: a run of characters is one word, so two Chinese sentences share a key only
    when they are the same up to punctuation."""
    plain = unicodedata.normalize("NFKD", text.lower().replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+|[^\w\s.,!?¡¿。、～…]", plain)))


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("I don't feel good", "i don't NEG_feel NEG_good"),
        ("good, not bad", "good , not NEG_bad"),
        ("ya no me duele la herida", "ya no NEG_me NEG_duele NEG_la herida"),
        ("NOT GREAT!!! but ok", "not NEG_great ! ! ! but ok"),
        ("feeling gooood", "feeling good"),
        ("我不太舒服，但是还好", "我 不 NEG_太 NEG_舒 NEG_服 , 但 是 还 好"),
        ("沒有時間", "没 NEG_有 NEG_时 NEG_间"),
        ("别给我打电话", "别 NEG_给 NEG_我 NEG_打 电 话"),
        ("tôi không đi được. cảm ơn", "tôi không NEG_đi NEG_được . cảm ơn"),
        ("ko dc gio nao het", "ko NEG_dc NEG_gio NEG_nao het"),
        ("chưa đỡ", "chưa NEG_đỡ"),
        ("k thanks", "k thanks"),
    ],
)
def test_words_after_a_negation_are_read_as_negated(text: str, marked: str) -> None:
    assert mark_negation(text) == marked


def test_vietnamese_reads_the_same_with_or_without_diacritics_and_keeps_the_words_folding_merges() -> None:
    assert fold(mark_negation("Tôi không đến được")) == mark_negation("toi khong den duoc")
    assert accented_words(mark_negation("tôi bận, buổi tối")) == "tôi bận buổi tối"
    assert accented_words(mark_negation("I can't")) == ""


def test_the_key_of_a_chinese_sentence_is_the_sentence() -> None:
    assert _key("第二个") != _key("我要取消")
    assert _key("好的，谢谢。") == _key("好的,谢谢")
    assert _key("Đúng rồi") == _key("dung roi")


def test_no_held_out_example_is_in_the_training_data() -> None:
    training = {_key(text) for _, text in _examples(ROOT / "data" / "nlu")}
    held_out = _examples(ROOT / "tests" / "nlu")
    leaked = [text for _, text in held_out if _key(text) in training]
    assert len(held_out) >= 15 * 4 * 23  # en, es, zh, vi
    assert leaked == []
