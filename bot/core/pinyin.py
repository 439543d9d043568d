"""Chinese typed as pinyin without tones ("hao de wo hui qu", "hai hao mei shi"), as patients write it on a phone
with no Chinese keyboard: read as characters when every word of the message is a phrase this table knows, so the
rules about Chinese replies (written once, in characters) read it too. A message with one word the table does not
know is left as written: a half-read message could turn "bu yao zai fa le" into something no rule reads, while the
rules that read pinyin as typed (opt-outs, emergencies, times) still see it whole."""

from __future__ import annotations

import re

# phrases of a reply to an outreach text, longest first when read; syllables are separated by one space
_PHRASES: dict[str, str] = {
    # yes, coming
    "hao de": "好的", "hao a": "好啊", "hao ya": "好呀", "ke yi": "可以", "mei wen ti": "没问题", "xing": "行",
    # (not "hui qu": 会去, will go, and 回去, gone home, are typed alike)
    "yi ding qu": "一定去", "yi ding dao": "一定到", "zhun shi": "准时", "zhun shi dao": "准时到",
    "que ren": "确认", "dui": "对", "shi de": "是的", "en en": "嗯嗯",
    # how the patient is
    "hai hao": "还好", "hai ke yi": "还可以", "hai xing": "还行", "ting hao": "挺好", "hen hao": "很好",
    "mei shi": "没事", "mei shi le": "没事了", "bu cuo": "不错", "hao duo le": "好多了", "hao le": "好了",
    "bu tong le": "不痛了", "bu teng le": "不疼了", "yao bu tong le": "腰不痛了", "yao bu teng le": "腰不疼了",
    "geng teng le": "更疼了", "geng tong le": "更痛了", "fa shao": "发烧", "ke sou": "咳嗽",
    # no, not needed
    "bu yong": "不用", "bu yong le": "不用了", "bu yong qu le": "不用去了", "bu qu le": "不去了",
    "bu xu yao": "不需要", "suan le": "算了", "tai gui": "太贵", "tai gui le": "太贵了", "mei kong": "没空",
    "bu fang bian": "不方便", "bu xing": "不行",
    # later, someone else decides
    "wen wen": "问问", "wen yi xia": "问一下", "xian": "先", "xian zai": "现在", "zai": "再", "hui ni": "回你",
    "zai hui ni": "再回你",
    "gao su ni": "告诉你", "zai gao su ni": "再告诉你", "er zi": "儿子", "nv er": "女儿", "nu er": "女儿",
    "lao gong": "老公", "lao po": "老婆", "wo": "我", "wo men": "我们", "ni": "你", "de": "的", "le": "了",
    "xie xie": "谢谢", "duo xie": "多谢",
}
_LONGEST = max(len(phrase.split()) for phrase in _PHRASES)
_PINYIN_TEXT = re.compile(r"[a-z' ,.!?~]+")


def as_characters(text: str) -> str:
    """``text`` in characters when it is all pinyin phrases of the table (two words or more), else as written."""
    lowered = text.strip().lower()
    if not _PINYIN_TEXT.fullmatch(lowered):
        return text
    words = re.findall(r"[a-z]+", lowered)
    if len(words) < 2:
        return text
    read, at, phrases = [], 0, 0
    while at < len(words):
        for size in range(min(_LONGEST, len(words) - at), 0, -1):
            if (characters := _PHRASES.get(" ".join(words[at:at + size]))) is not None:
                read.append(characters)
                at += size
                phrases += size > 1
                break
        else:
            return text  # a word the table does not know: leave the whole message as written
    return "".join(read) if phrases else text  # "ni de", "de le": Spanish or chance, not a Chinese phrase
