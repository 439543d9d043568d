"""Chinese as patients write it, read as Simplified Mandarin, so every rule about Chinese replies (opt-out words,
emergencies, reasons, times) is written once, in Simplified Mandarin: Traditional characters (Hong Kong, Taiwan,
many older patients) become Simplified, and written Cantonese words become their Mandarin ones ("唔好再send
text俾我" reads "不要再send text给我", "拜四下晝" reads "星期四下午"), and so do Shanghainese ones ("覅" reads
"不要")."""

from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC

from bot.core.pinyin import as_characters

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Written Cantonese → Mandarin (the longest word matches first); read before the Traditional → Simplified step,
# since 係 (is) and 系 (system) are one character in Simplified. Only words no Mandarin writer uses in another sense.
_CANTONESE = (
    ("唔識呢個人", "不认识这个人"), ("唔识呢个人", "不认识这个人"), ("唔識佢", "不认识他"),
    ("唔识佢", "不认识他"), ("識講", "会讲"), ("识讲", "会讲"), ("唔該", "请"), ("唔好意思", "不好意思"),
    ("唔好", "不要"), ("唔使", "不用"), ("唔駛", "不用"), ("唔識", "不会"), ("唔识", "不会"),
    ("唔記得", "忘记"), ("唔记得", "忘记"), ("唔得閒", "没空"), ("唔得闲", "没空"), ("唔係", "不是"),
    ("唔系", "不是"), ("唔", "不"), ("冇問題", "没问题"), ("冇问题", "没问题"), ("冇", "没有"),
    ("係咪", "是不是"), ("系咪", "是不是"), ("係", "是"), ("佢哋", "他们"), ("我哋", "我们"), ("你哋", "你们"),
    ("哋", "们"), ("佢", "他"), ("喺", "在"), ("咗", "了"), ("嘅", "的"), ("返嚟", "回来"), ("依家", "现在"),
    ("嚟", "来"), ("睇", "看"), ("啱啱", "刚刚"), ("啱", "合适"), ("俾", "给"), ("畀", "给"), ("搵", "找"),
    ("揾", "找"), ("攞", "拿"), ("諗", "想"), ("攰", "累"), ("啲", "些"), ("講嘢", "说话"), ("讲嘢", "说话"),
    ("冇乜", "没什么"), ("乜嘢", "什么"), ("咩", "什么"), ("嘢", "东西"), ("乜", "什么"), ("點算", "怎么办"),
    ("点算", "怎么办"), ("點解", "为什么"), ("点解", "为什么"), ("邊度", "哪里"), ("边度", "哪里"),
    ("嗰度", "那里"), ("呢度", "这里"), ("嗰個", "那个"), ("嗰个", "那个"), ("呢個", "这个"), ("呢个", "这个"),
    ("個仔", "儿子"), ("个仔", "儿子"), ("最尾", "最后"), ("好返晒", "全好了"), ("好返", "好了"),
    ("邊個", "谁"), ("边个", "谁"), ("嗰", "那"), ("而家", "现在"), ("聽日", "明天"), ("听日", "明天"),
    ("琴日", "昨天"), ("今日", "今天"), ("下晝", "下午"), ("下昼", "下午"), ("晏晝", "中午"), ("晏昼", "中午"),
    ("朝早", "早上"), ("收工", "下班"), ("返工", "上班"), ("得閒", "有空"), ("得闲", "有空"), ("阿媽", "妈妈"),
    ("阿妈", "妈妈"), ("阿爸", "爸爸"), ("琴晚", "昨晚"), ("尋晚", "昨晚"), ("寻晚", "昨晚"), ("入返", "又进"),
    ("第二啲", "别的"), ("第二d", "别的"), ("返緊工", "在上班"), ("返紧工", "在上班"),
    ("冇晒力", "完全没力"), ("揀", "选"), ("湊孫", "带孙子"), ("凑孙", "带孙子"), ("湊仔", "带孩子"),
    ("凑仔", "带孩子"),
    # Shanghainese (Wu), as elders write it: "覅再发了", "阿拉礼拜二三四侪要去", "有啥别个辰光伐"
    ("覅", "不要"), ("侪", "都"), ("阿拉", "我们"), ("别个辰光", "别的时间"), ("辰光", "时间"), ("今朝", "今天"),
    ("明朝", "明天"), ("烦煞", "烦死"), ("有啥", "有什么"), ("送返", "送回"), ("返醫院", "回医院"),
    ("返医院", "回医院"),
    # Hokkien and Fuzhou (Min), as Fujianese elders write it: "礼拜二伓去了", "歹势" (sorry)
    ("伓", "不"), ("歹势", "不好意思"), ("歹勢", "不好意思"),
    ("醫生度", "医生那里"), ("医生度", "医生那里"), ("診所度", "诊所那里"), ("诊所度", "诊所那里"), ("睇緊", "在看"),
    ("睇紧", "在看"), ("遲啲", "晚点"), ("迟啲", "晚点"), ("覆你", "回复你"), ("覆返", "回复"),
)
_CANTONESE_WORD = re.compile("|".join(re.escape(word) for word in sorted(dict(_CANTONESE), key=len, reverse=True)))
_CANTONESE_MEANING = dict(_CANTONESE)
_LATIN_BESIDE_HAN = re.compile(rf"(?<=[A-Za-z])(?={_HAN.pattern})|(?<={_HAN.pattern})(?=[A-Za-z])")
_WEEKDAY_WITHOUT_LI = re.compile(r"(?<![礼禮])拜([一二三四五六日天])")  # "拜四": 星期四 (礼拜四 is Mandarin already)


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def as_simplified(text: str) -> str:
    """``text`` with its written Cantonese as Mandarin, its Traditional characters as Simplified and English words
    set apart from the characters beside them; text without Chinese is returned as it is."""
    if not _HAN.search(text):
        text = as_characters(text)  # "hao de wo hui qu": pinyin the table reads in full
        if not _HAN.search(text):
            return text
    mandarin = _CANTONESE_WORD.sub(lambda found: _CANTONESE_MEANING[found.group()], text)
    simplified = _converter().convert(_WEEKDAY_WITHOUT_LI.sub(r"星期\1", mandarin))
    return _LATIN_BESIDE_HAN.sub(" ", simplified)  # "收不收Medicaid", "Wednesday那个": English words stand apart
