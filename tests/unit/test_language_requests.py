"""The language a patient asks for, named in any of the four languages, or the one they say they cannot read."""

from __future__ import annotations

import pytest

from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.language_request import names_a_language, requested_language


@pytest.mark.parametrize(("body", "current", "wanted"), [
    ("in English please", "es", "en"), ("español por favor", "en", "es"), ("可以用英语吗", "zh", "en"),
    ("我看不懂英文，用中文", "en", "zh"), ("nói tiếng Việt đi", "en", "vi"),
    ("tôi không đọc được tiếng Anh", "en", "vi"),
    ("my english is not so good, spanish?", "en", "es"), ("no hablo inglés, español por favor", "en", "es"),
    ("english is fine", "es", "en"),
])
def test_the_language_asked_for(body: str, current: str, wanted: str) -> None:
    assert requested_language(body, current) == wanted


@pytest.mark.parametrize("body", ["xóa số tôi khỏi danh sách", "ko muon nhan tin nua", "以后不要再发短信了"])
def test_more_ways_to_withdraw_consent(body: str) -> None:
    assert classify_keyword(body, opted_out=False) is Keyword.OPT_OUT


@pytest.mark.parametrize(("body", "current", "wanted"), [
    ("inglés por favor, mi español no es muy bueno", "es", "en"),
    ("my spanish is not very good, english pls", "es", "en"),
    ("my english is very good, but spanish please", "en", "es"), ("mi inglés es muy malo", "en", "es"),
])
def test_a_language_said_to_be_weak_however_it_is_put(body: str, current: str, wanted: str) -> None:
    assert requested_language(body, current) == wanted


def test_a_language_read_poorly_with_an_article() -> None:
    assert requested_language("en inglés, no leo bien el español", "es") == "en"


def test_a_long_language_name_after_cannot_read() -> None:
    assert requested_language("tôi không đọc được tiếng Tây Ban Nha, nhắn tiếng Việt nha", "es") == "vi"


@pytest.mark.parametrize(("body", "wanted"), [
    ("gửi tiếng Việt giùm, English tôi đọc không hiểu", "vi"), ("用中文得唔得？英文我睇唔明", "zh"),
])
def test_the_language_read_poorly_said_after_its_name_is_not_the_one_wanted(body: str, wanted: str) -> None:
    assert requested_language(body, "en") == wanted


def test_a_language_the_patient_cannot_read_named_after_reading() -> None:
    assert requested_language("có tiếng Việt không? tôi không biết đọc tiếng Anh", "en") == "vi"


def test_chinese_read_poorly_and_vietnamese_asked_for() -> None:
    assert requested_language("可以用越南文发给我吗？中文字我看不太懂", "zh") == "vi"


@pytest.mark.parametrize(("body", "wanted"), [
    ("I read Vietnamese way better than English", "vi"), ("leo español mucho mejor", "es"),
])
def test_the_language_read_better_is_the_one_wanted(body: str, wanted: str) -> None:
    assert requested_language(body, "en") == wanted


def test_chinese_characters_read_not_too_well() -> None:
    assert requested_language("中文字睇唔太明，用越南文得唔得", "zh") == "vi"


@pytest.mark.parametrize(("body", "wanted"), [
    ("Spanish pls, my husband is the one who reads english", "es"),
    ("mi hijo lee inglés pero yo no, español por favor", "es"),
    ("can you text in Vietnamese instead of English", "vi"),
    ("用中文，不要用英文", "zh"),
])
def test_the_language_asked_for_among_others_named(body: str, wanted: str) -> None:
    assert requested_language(body, "en") == wanted


@pytest.mark.parametrize("body", ["我阿爸唔識英文", "佢唔識睇英文，同我講啦"])
def test_cannot_read_english_in_cantonese_keeps_chinese(body: str) -> None:
    assert requested_language(body, "zh") == "zh"


@pytest.mark.parametrize(("body", "current", "wanted"), [
    ("mándenme los mensajes en inglé", "es", "en"), ("con nói tiếng Tàu, nhắn tiếng Tàu giùm", "vi", "zh"),
    ("mi papá no habla inglés, llámenme a mí", "es", "es"), ("mi abuela no lee inglés", "es", "es"),
])
def test_a_dropped_s_chinese_called_tieng_tau_and_a_relative_who_says_the_patient_reads_none(
        body: str, current: str, wanted: str) -> None:
    assert requested_language(body, current) == wanted


def test_the_groin_is_no_english() -> None:
    assert not names_a_language("me duele la ingle desde ayer")


@pytest.mark.parametrize(("body", "wanted"), [("my grandpa doesn't read english", "en"),
                                              ("my mom doesn't read english, can you text in chinese?", "zh")])
def test_a_relative_who_says_english_is_not_read_names_no_other_by_it(body: str, wanted: str) -> None:
    assert requested_language(body, "en") == wanted


@pytest.mark.parametrize(("body", "current", "wanted"), [
    ("no entiendo la receta, está en inglés", "es", "es"), ("no entiendo, en inglés por favor", "es", "en"),
    ("xin nhắn bằng tiếng Mỹ", "vi", "en"), ("nhắn chữ Hoa giùm con", "vi", "zh"), ("vietnam ese pls", "en", "vi"),
    ("ENG pls", "vi", "en"),
])
def test_what_is_not_understood_is_no_request_and_languages_by_other_names(body: str, current: str,
                                                                           wanted: str) -> None:
    assert requested_language(body, current) == wanted


def test_reading_vietnamese_slowly_asks_for_english() -> None:
    assert requested_language("con đọc tiếng Việt chậm lắm, nhắn tiếng Anh được không", "vi") == "en"
