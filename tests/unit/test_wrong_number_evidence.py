"""A wrong number ends contact: it needs the reply to say so, never a bare number word."""

from __future__ import annotations

import pytest

from bot.conversation.evidence import says_wrong_number


@pytest.mark.parametrize("body", [
    "wrong number", "You have the wrong person", "I don't know who that is", "not me, sorry", "who is this?",
    "Número equivocado", "no conozco a esa persona", "aquí no vive nadie así, no vive aqui", "打错了", "我不认识他",
    "nhầm số rồi", "Không phải tôi",
])
def test_a_reply_that_says_so_is_a_wrong_number(body: str) -> None:
    assert says_wrong_number(body)


@pytest.mark.parametrize("body", [
    "number two", "numero dos", "the second", "la segunda", "2", "two", "el segundo", "第二个", "số 2",
    "tuesday works", "none of those", "no", "stop",
])
def test_a_number_word_or_an_answer_is_not_evidence(body: str) -> None:
    assert not says_wrong_number(body)
