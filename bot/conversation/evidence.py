"""Words that must be there before the bot takes an outcome that ends contact on the engine's word alone.

The engine reads "number two" or "la segunda" as a wrong number now and then; a wrong number silences a patient
who wanted to book. So the bot takes it only when the reply says so in words ("wrong number", "no conozco a esa
persona", "打错了", "nhầm số"); otherwise the reply is read against the question asked.
"""

from __future__ import annotations

import re

from bot.conversation.keywords import normalise

_WRONG_NUMBER = re.compile(
    r"\bwrong (number|person|phone|#|guy|lady|man|woman)\b|\bnot (me|him|her|them)\b|\bno one (here )?(by|named)\b"
    r"|\bnobody (here )?(by|named)\b|\bdon'?t know (who|any|anyone|this|him|her|them|that)\b|\bwho (is|'s) this\b"
    r"|\bwhos this\b|\bnever heard of\b|\bnot (my|the|his|her) (number|phone)\b|\bnew number\b|\bno longer (at|has)\b"
    r"|\bdoesn'?t live here\b|\b(he|she|they) (passed away|died)\b"
    r"|\bequivocad|\bnumero (incorrecto|equivocado)\b|\bno (lo|la|los|las) conozco\b|\bno conozco\b|\bno soy\b"
    r"|\bquien (es|habla)\b|\bno es (mi|este|el) (numero|telefono)\b|\bno vive aqui\b|\bse equivoc"
    r"|打错|错号|不认识|你是谁|不是我|没有这个人|号码错"
    r"|\bnham (so|nguoi)\b|\bsai so\b|\bkhong phai (toi|tui|minh|em|anh|chi)\b|\bkhong quen\b|\bai (vay|đay)\b"
)


def says_wrong_number(text: str) -> bool:
    """Whether the reply itself says we reached the wrong person."""
    return bool(_WRONG_NUMBER.search(normalise(text)))


_FOR_SOMEONE = re.compile(
    r"\b(i'?m|i am|this is|its|it'?s) (his|her|their|the patient'?s|(\w+'?s)) (\w+ )?(mom|mother|dad|father|son|"
    r"daughter|wife|husband|partner|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|aunt|uncle|"
    r"brother|sister|niece|nephew|caregiver|caretaker|aide|guardian)\b"
    r"|\bcan (my|his|her) (\w+ )?(mom|mother|dad|father|son|daughter|wife|husband|caregiver|sister|brother)"
    r" (call|talk|speak|text|answer)\b"
    r"|\b(writing|texting|answering|replying) for (my|him|her)\b|\bon (his|her|their) behalf\b|\bon behalf of\b"
    r"|\bsoy (su|el|la) (hij[oa]|espos[oa]|madre|padre|mama|papa|herman[oa]|niet[oa]|sobrin[oa]|cuidador[a]?|"
    r"tutor[a]?)\b|\b(escribo|respondo|contesto) (por|de parte de) (mi|el|la)\b|\bde parte de (mi|su)\b"
    r"|\bpuede (mi|su) (hij[oa]|espos[oa]|madre|padre|herman[oa]) (llamar|hablar)\b"
    r"|我是(他|她|病人)的|我(替|帮)(我的)?(妈妈|爸爸|母亲|父亲|丈夫|妻子|儿子|女儿)"
    r"|\btoi la (con|vo|chong|me|bo|chau|em|anh|chi) (cua|trai|gai)\b"
)


def speaks_for_someone(text: str) -> bool:
    """Whether a relative or caregiver is writing for the patient: a person takes it from there (they may not
    be the one to hear the patient's details, and they have questions the bot cannot answer)."""
    return bool(_FOR_SOMEONE.search(normalise(text)))


# why a patient turns the visit down, as a category the event keeps (operations count them; the words stay private)
_DECLINE_REASONS = (
    ("feels_better", re.compile(
        r"\b(i )?(feel|feeling|am|im|i'?m) (much |a lot |way )?(better|fine now|recovered|all better)\b"
        r"|\bdoing better\b|\bno longer (hurts|in pain)\b"
        r"|\b(me siento|estoy|ya estoy) (mucho |muy )?(mejor|bien ya|recuperad[oa])\b"
        r"|好多了|已经好了|康复了|\b(đa )?(khoe|đo) (hon|roi)\b")),
    ("care_elsewhere", re.compile(
        r"\b(switched|changed|moved to|going to|go to|see|seeing) (a |another |a different |other |my own )?"
        r"(clinic|clinics|doctor|doctors|provider|therapist|hospital|practice)\b|\b(somewhere|someplace) else\b"
        r"|\belsewhere\b|\bya me (atendieron|atendi|vieron)\b|\ben otro (lado|lugar|sitio|hospital|consultorio)\b"
        r"|\bcambie de (clinica|doctor|medico|hospital|terapeuta)\b|\botro (doctor|medico|terapeuta)\b"
        r"|换了(医院|医生|诊所)|在别的(医院|诊所|地方)|\b(đoi|chuyen) (phong kham|bac si|benh vien)\b")),
    ("already_done", re.compile(
        r"\balready (had|got|did|went|done|been|saw|seen)\b|\bya (me )?(la|lo)? ?(hice|fui|tuve|hicieron)\b"
        r"|已经(做|去|看)过|\bđa (lam|đi|kham) roi\b")),
    ("cost", re.compile(r"\b(can'?t|cannot|cant) afford\b|\btoo expensive\b|\bno insurance\b"
                        r"|\bno tengo (seguro|dinero)\b|\b(muy|demasiado) caro\b|太贵|没有保险"
                        r"|\bkhong co (bao hiem|tien)\b")),
    ("not_needed", re.compile(r"\b(don'?t|do not|no longer) need (it|this|the visit|therapy|an appointment)\b"
                              r"|\bya no (lo |la )?necesito\b|不需要了|\bkhong can (nua)?\b")),
)
_BARE_NO = re.compile(r"^(no+|nope|nah|none|none of (them|those|these)|neither|not those|ninguno|ninguna|"
                      r"no,? ninguno|no,? ninguna|ningun[oa] de (esos|esas|esos horarios)"
                      r"|(都|全都|全部|这些都|這些都|那些都)(不行|不要|不可以|没空|沒空|没时间|沒時間|不合适|不合適|不方便)(呢|啊|诶)?"
                      r"|没有(合适|合適|可以)的(时间|時間)?|都没有(合适|合適)的|不|不了|不行|不要"
                      r"|(khong|ko|k|hong|hok)( (đ|d)uoc| (đ|d)c| cai nao( (het|ca))?"
                      r"| co cai nao( (phu hop|hop|đuoc|duoc))?"
                      r"| (đ|d)uoc cai nao( (het|ca))?| phu hop| tien| hop)?( (a|nhe|nha|đau|dau|ak|ah))?)$")


def decline_reason(text: str) -> str | None:
    """The category of a reason to turn the visit down that the reply gives, if it gives one."""
    folded = normalise(text)
    return next((category for category, pattern in _DECLINE_REASONS if pattern.search(folded)), None)


def is_bare_no(text: str) -> bool:
    """"no", "nope", "none of them", "ninguna": none of the offered times (not: no visit at all)."""
    return bool(_BARE_NO.match(normalise(text)))


# after discharge: the usual aches of getting better, said mildly, and nothing that sounds like getting worse
_MILD = re.compile(r"\b(a little|a bit|bit|slightly|kind of|kinda|somewhat|still a little|just a little|some) "
                   r"(sore|stiff|tired|achy|aches|pain|painful|weak|bruised)\b"
                   r"|\bun poco (adolorid[oa]|cansad[oa]|de dolor|debil|tiesa|tieso)\b"
                   r"|\balgo (adolorid[oa]|cansad[oa])\b"
                   r"|有点(疼|痛|累|酸)|\bhoi (đau|met|moi)\b")
_WORSE = re.compile(r"\b(worse|worst|peor|swell|swollen|hinchad|fever|fiebre|bleed|sangr|pus|infect|can'?t|cannot|"
                    r"no puedo|severe|terrible|unbearable|fuerte|mucho dolor|very|muy|really bad|red|roj[oa]|hot)\b"
                    r"|更(疼|痛|严重)|肿|发烧|出血|\b(te hon|sung|sot|chay mau)\b")


def ordinary_recovery(text: str) -> bool:
    """"a little sore but ok", "un poco adolorido": recovery as expected, not a red flag for a nurse."""
    folded = normalise(text)
    return bool(_MILD.search(folded)) and not _WORSE.search(folded)


# questions the bot cannot answer, whatever the conversation: a person (scheduling) answers them
_FOR_A_PERSON = re.compile(
    r"\b(insurance|insured|copay|co pay|deductible|medicaid|medicare|bill|billing|cost|how much|price)\b"
    r"|\b(closer|nearer|near me|nearby|other location|another location|different location|parking|directions)\b"
    r"|\b((mi|su|tu|el) seguro|seguro medico|aseguranza|copago|factura|cuanto cuesta|costo|precio|mas cerca|"
    r"cerca de mi|otra (clinica|ubicacion|sucursal)|estacionamiento)\b"
    r"|保险|医保|费用|多少钱|账单|近一点|附近|\b(bao hiem|chi phi|bao nhieu tien|gan hon|gan nha)\b")


def asks_what_a_person_must_answer(text: str) -> bool:
    """Insurance, cost, a closer clinic: a question for a person, not for the bot (nor a nurse)."""
    return bool(_FOR_A_PERSON.search(normalise(text)))
