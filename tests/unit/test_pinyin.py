"""Chinese typed as pinyin without tones is read as characters only when the whole message is phrases we know."""

from __future__ import annotations

import pytest

from bot.conversation.evidence.declining import decline_reason
from bot.conversation.evidence.later import will_answer_later
from bot.conversation.evidence.recovery import feels_fine
from bot.conversation.evidence.visit_answers import says_yes
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.safety import Emergency, detect_emergency
from bot.core.pinyin import as_characters


@pytest.mark.parametrize("typed, read", [("hao de, yi ding qu", "好的一定去"), ("Hai ke yi, xie xie", "还可以谢谢"),
                                         ("bu yong le, tai gui le", "不用了太贵了")])
def test_a_message_of_known_phrases_is_read_as_characters(typed: str, read: str) -> None:
    assert as_characters(typed) == read


@pytest.mark.parametrize("typed", ["ni de", "de nada", "hello there", "bu yao zai fa le", "wo xiang si le", "hao",
                                   "thu 3 duoc", "hai ba", "xing qi er jiu dian",
                                   "wo hui qu le"])  # 会去 (will go) or 回去 (gone home): not read
def test_anything_less_than_a_whole_message_of_known_phrases_is_left_as_written(typed: str) -> None:
    assert as_characters(typed) == typed


def test_pinyin_replies_are_read_by_the_rules_written_in_characters() -> None:
    assert says_yes("wo yi ding dao, xie xie")
    assert feels_fine("hen hao, mei shi le")
    assert decline_reason("bu teng le, bu yong qu le") == "feels_better"
    assert will_answer_later("wo xian wen wen lao gong zai gao su ni")


def test_pinyin_the_rules_already_read_as_typed_still_opt_out_and_alarm() -> None:
    assert classify_keyword("bu yao zai fa le", opted_out=False) is Keyword.OPT_OUT
    assert detect_emergency("wo xiang si le") is Emergency.CRISIS
