"""Words that must be there before the bot takes a wrong number on the engine's word alone.

The engine reads "number two" or "la segunda" as a wrong number now and then; a wrong number silences a patient
who wanted to book. So the bot takes it only when the reply says so in words ("wrong number", "no conozco a esa
persona", "打错了", "nhầm số"); otherwise the reply is read against the question asked.
"""

from __future__ import annotations

import re

from bot.conversation.keywords import normalise

_WRONG_NUMBER = re.compile(
    r"\bwrong (number|person|phone|#|guy|lady|man|woman)\b|\bnot (me|him|her|them)\b|\bno one (here )?(by|named)\b"
    r"|\bnobody (here )?(by|named)\b|\bdon'?t know (who|any|anyone|this|him|her|them|that)\b|\bwho (is"
    r"|'s) this\b(?! (referral|appointment|appt|visit|for|with|about)\b)"
    r"|\bwhos this\b|\bnever heard of\b|\bnot (my|the|his|her|their) (number|phone|cell)\b|\bnew number\b"
    r"|\b(isnt|isn't|is not|aint|ain't) (my|his|her|their) (number|phone|cell)\b|\bno longer (at|has)\b"
    r"|\bdoesn'?t live here\b|\b(he|she|they) (passed away|died)\b"
    r"|\blon so\b(?! (\d|mot|hai|ba)\b)"
    r"|\bequivocad|\bequibocad|\bnumero (incorrecto|equivocado)\b|\bno (lo|la|los|las) conozco\b|\bno conozco\b"
    r"|\bno soy\b"
    r"|\bquien (es|habla)\b|\bno es (mi|este|el|su) (numero|telefono|celular)\b|\bno vive aqui\b|\bse equivoc"
    r"|\bno (vive|hay) nadie (aqui )?(con ese nombre|que se llame|asi)\b|\baqui no vive\b"
    r"|打错|错号|不认识|你是谁|不是我|没有这个人|号码错|搞错人|我不是(他|她)"
    r"|\b(khong|ko|k) (biet|quen) (ai|nguoi nao) (ten|la)\b"
    r"|\bso (nay )?(\w+ )?(moi|vua) (mua|lay|co|doi|đoi)\b|\b(khong|ko|k) phai (la )?nguoi (\w+ )?(tim|can tim|kiem)\b"
    r"|\bnham (so|nguoi)\b|\bsai so\b|\bkhong phai (toi|tui|minh|em|anh|chi)\b|\bkhong quen\b|\bai (vay|đay)\b"
)


# The part of that evidence that is enough on its own, whatever the engine read: the reply plainly says this is not
# the patient's phone ("who is this?" or "not me" alone are not enough: they may be the patient asking).
_CLEARLY_WRONG = re.compile(
    r"\bwrong (number|person|phone|numbr|nmbr|numer|nuber|numbet)\b"
    r"|\b(got|have|texted|reached|messaged|sent this to) the wrong (fella|feller|guy|gal|lady|man|woman)\b"
    r"|\blon so\b(?! (\d|mot|hai|ba)\b)|\bnot (my"
    r"|his|her|their) (number|phone|cell)\b"
    r"|\b(isnt|isn't|is not|aint|ain't) (my|his|her|their) (number|phone|cell)\b"
    r"|\b(this|that|it)('?s| is)? (isnt|isn't|is not|aint|ain't|not) (\w+'?s? ){1,2}(number|phone|cell)( no)? "
    r"(anymore|any more|no more)\b"
    r"|\b(no one|nobody) (here )?(by that name|named|by the name)\b|\b(doesn'?t|does not) live here\b"
    r"|\bnumero (incorrecto|equivocado)\b|\bequivocad[oa] de numero\b|\bequivoca\w* de (numero|persona|telefono)\b"
    r"|\b(aqui|aca|aki) no (hay|ay|vive|bive) ningun[oa]? (?!(problema|inconveniente|lio|rollo|pedo)\b)\w+"
    r"|\bnumero (ekivocado|equibocado|ekibocado)\b"
    r"|(您找的人|你们找的人|你找的人|这个人)[^，。]{0,4}不(再)?用这个(号码|电话|手机)"
    r"|\bno (conozco|conosco|conoce|conosemos|conocemos) a (esa|esta|ese|este) (persona|senora|senor|muchacha|muchacho"
    r"|senorita)\b|\beste (cel|celular|numero|telefono) es mio\b|\bno vive (aqui|aca)\b|\baqui no vive\b"
    r"|\bno (vive|hay) nadie (aqui )?(con ese nombre|que se llame)\b"
    r"|打错|发错|传错人|错号|号码错|没有这个人|找错人|搞错人|不认识(这|那)(个)?人|我不叫(这个|那个)?名字"
    r"|(这个|这)(号码|电话|手机)?不是(他|她)的(电话|号码|手机)|我(根本)?不认识(他|她)(?!们)"
    r"|我不是(?!很|太|说|要|不|在|想|有|没|这|那|本人|故意|病人|患者)[\u4e00-\u9fff]{2,3}(?=[，,。.!！\s]|$)"
    r"|(号码|电话|手机|手机号|号)(码)?(是)?我?[^，。,.]{0,4}(刚|才|新)(换|办|买|拿|申请)|不是你们?要找的人"
    r"|(阮|我|我们)(厝|家|屋企|屋)(里|裡)?(无|没有|冇|沒有)(这个|这|呢个|此)人"
    r"|\bnham so\b|\bsai so\b|\bnhan nham\b"
    r"|\b(nhan|goi|gui) lon\b|\bso nay (khong|ko|k) phai (cua|la)\b"
    r"|\bso (nay|ni|no) (em|e|toi|tui|minh|con|chau)? ?(moi|vua) (mua|lay|dung|xai|lam)\b"
    r"|\b(toi|tui|minh|em|con) (khong|khon|ko|k) phai (la )?nguoi (do|đo|ay|nay|kia|no|ni)\b"  # not that person
    r"|\b(khong|ko|k) co ai ten (do|đo|nay|vay|the|nhu vay)\b"
    r"|\bso nay (gio |bay gio )?la (cua )?(toi|tui|minh|em)\b"
    r"|\b(este|el|ese) (numero|telefono|cel|celular) ya no es (de|del)\b|\byo (lo|la) tengo desde\b"
    r"|\b(nguoi|ong|ba|co|chu|anh|chi) (do|đo|ay|kia) (đoi|doi) so\b"
    r"|(这个|这)(电话|号码|手机|number)不是(他|她)的|(他|她)(已经)?(没有|没|不)(再)?用这个(电话|号码|手机|number)"
    # a number that changed hands: "I got this number a few months ago, whoever you're looking for isn't me"
    r"|\b(he|she|they|someone|somebody|whoever) (had|used to have) this (phone )?(number|phone|cell) before\b"
    r"|\b(el|ella) tenia este (numero|telefono|cel|celular) antes\b|这个(号码|电话|手机号?)以前是(他|她|别人)的"
    r"|\bso nay (truoc|hoi truoc|truoc [đd]ay) (la )?cua\b"
    r"|\b(phone|number|cell) of (an|the )?other (person|people|man|woman|lady|guy)\b"
    r"|\bthis is a (work|business|company|office) (phone|cell|number|line)\b.*\bno [a-z]+ here\b"
    r"|\bso (cong ty|cty|van phong)\b.*\b(khong|ko|k) co ai ten\b|\b(o [đd]ay|nha nay)( \w+)? (khong|ko|k) co ai ten\b"
    r"|\b(this|that|it) used to be (my |his |her |their |a |an )?(\w+'?s? ){0,2}(number|phone|cell)\b"
    r"|\b(moi|vua) mua (sim|so|cai sim)\b|\b(ko|k|khong) biet nguoi (nay|do|đo) la ai\b"
    # "Số này của tôi mấy năm nay rồi, tôi không biết người này" said last (not "... người này có đi được không")
    r"|\b(toi|tui|em|minh|con) (khong|ko|k) (he )?(biet|quen) (nguoi|ai ten) (nay|do|đo|ay|kia)$"
    r"|\b(just|recently) got this (phone )?number\b|\bgot this (phone )?number (\w+ ){0,3}(ago|last (week|month"
    r"|year))\b"
    r"|\bwho ?ever (you'?re|youre|you are) (looking|trying|asking)"
    r"|\b(me dieron|tengo) este (numero|telefono)( \w+){0,2} (hace|desde)\b|\b(la persona|a quien) (que )?(busca"
    r"|buscan)"
    r"( \w+){0,2} no (soy|es|vive)\b|这(个)?号码是我(新|刚)|你们?找的人不是我|\bso (nay|dien thoai nay) (la )?moi\b"
)


_WRONG_HASH = re.compile(r"\bwrong\s*#")  # "wrong #": the sign goes when the reply is normalised
# "I dont know a Robert", said last, of a name written as one
_UNKNOWN_NAME = re.compile(r"\b(?:[Ii] )?(?:don'?t|dont|do not) know (?:a|an|anyone named|nobody named) "
                           r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Doctor|Dr)\b)[A-Z][a-z]+\W*$")
# the patient is writing after all: a menu number typed wrong ("oops wrong number, i meant 2"), a phone that changed
# hands to them ("this used to be my husband's phone, now it's mine"), a name given ("em là Lan đây")
_STILL_THE_PATIENT = re.compile(r"\b(i )?meant\b|\b(typed|pressed|hit|put|picked) (the |a )?wrong\b"
                                r"|\bit'?s me\b|\bits me\b|\bi'?m the patient\b|\bi am the patient\b|\bnow (it'?s"
                                r"|its) mine\b"
                                r"|\bwe share\b|\bsoy yo\b|\bsoy (el|la) paciente\b|\b(em|toi|tui|con"
                                r"|minh) la \w+ (day|đay)\b"
                                r"|\b(bac si|bs|dr|doctor)\b")


def clearly_not_the_patient(text: str) -> bool:
    """Whether the reply says, plainly enough to act on whatever the engine read, that this is not the
    patient's phone."""
    folded = normalise(text)
    said = _CLEARLY_WRONG.search(folded) or _WRONG_HASH.search(text.lower()) or _UNKNOWN_NAME.search(text)
    return bool(said) and not _STILL_THE_PATIENT.search(folded)


def says_wrong_number(text: str) -> bool:
    """Whether the reply itself says we reached the wrong person."""
    return bool(_WRONG_NUMBER.search(normalise(text)))
