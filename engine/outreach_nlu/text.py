"""How a patient's text is read before features are taken: plain Python, shared by training and prediction.

A bag of words cannot tell "I feel good" from "I don't feel good", or "me duele" from "ya no me duele". Words in
the short scope after a negation are marked (``not good`` → ``not NEG_good``), so "good" after "not" is a
different feature from "good" alone. Character n-grams are taken from the unmarked text.

Chinese has no spaces: each Han character is its own token (so word 1–2-grams are character uni- and bigrams,
and 不/没/别/未/无 mark the characters after them), and common Traditional characters are read as their
Simplified forms. Vietnamese SMS is often written without diacritics ("ko dc"), so features are taken from the
folded text (``fold``: accents off, đ → d), which matches both spellings; folding also merges words that differ
(tôi "I" / tối "evening", bạn "you" / bận "busy"), so the words that carry diacritics are kept as well, unfolded
(``accented_words``), and a patient who types them is read exactly.
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
    không khong ko kh khg kg hông hong hok hem hổng chẳng chả chưa chua đừng đâu
    不 没 沒 别 別 未 无 無 莫 勿
    """.split()
)
# Vietnamese "đâu" closes a negation ("không đi đâu"); as a negation it only colours what follows it, rarely much.
NEGATION_SCOPE = 3  # words (Chinese: characters) after a negation that it colours
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]|(?:(?![{_HAN}])[\w'])+|[^\w\s]", re.UNICODE)
_CLAUSE_END = re.compile(r"^[.,!?;:¡¿。、～…]+$")
_REPEATS = re.compile(r"(\w)\1{2,}")  # "sooooo" → "soo", "siiii" → "sii", "哈哈哈哈" → "哈哈"

# Traditional → Simplified for the characters patients write to us most; the training data is mostly Simplified.
_TRADITIONAL = str.maketrans(
    "個時間沒謝預約對說話電醫藥還檢這們發號碼錯請幫點過後來會確認經給週問題復診開車機語國傳體頭暈傷錢賣買見聽"
    "讀寫無別從應該為麼嗎誰兒媽讓聯繫係備準現貴鐘願興樣邊裡裏兩幾決辦紅腫燒熱處舊張紙費內禮與員護療實際騙詐誤網"
    "線煩輕難夠長記換轉專門關歡樂掛斷單覺氣嗎啥們樓層診療術後約週馬剛訊簡麼態隨幹乾舒適雙親屬習慣錄隻將聲壓糖尿"
    "協議場廳針藥劑標準類術醫師護爺奶孫許業務辭職節級際",
    "个时间没谢预约对说话电医药还检这们发号码错请帮点过后来会确认经给周问题复诊开车机语国传体头晕伤钱卖买见听"
    "读写无别从应该为么吗谁儿妈让联系系备准现贵钟愿兴样边里里两几决办红肿烧热处旧张纸费内礼与员护疗实际骗诈误网"
    "线烦轻难够长记换转专门关欢乐挂断单觉气吗啥们楼层诊疗术后约周马刚讯简么态随干干舒适双亲属习惯录只将声压糖尿"
    "协议场厅针药剂标准类术医师护爷奶孙许业务辞职节级际",
)


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded (full-width digits, ligatures), long letter runs shortened,
    Traditional Chinese characters read as Simplified."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'").translate(_TRADITIONAL)
    return _REPEATS.sub(r"\1\1", folded)


def fold(text: str) -> str:
    """Accents off, Vietnamese đ as d: "không được" and "khong duoc" read the same."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))


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


def accented_words(marked: str) -> str:
    """The tokens of a marked text that folding would change, unfolded: what tells tối from tôi."""
    return " ".join(token for token in marked.split() if fold(token) != token)
