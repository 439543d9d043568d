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
    r"|\bwhos this\b|\bnever heard of\b|\bnot (my|the|his|her|their) (number|phone|cell)\b|\bnew number\b"
    r"|\b(isnt|isn't|is not|aint|ain't) (my|his|her|their) (number|phone|cell)\b|\bno longer (at|has)\b"
    r"|\bdoesn'?t live here\b|\b(he|she|they) (passed away|died)\b"
    r"|\blon so\b|\bequivocad|\bnumero (incorrecto|equivocado)\b|\bno (lo|la|los|las) conozco\b|\bno conozco\b"
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
    r"\bwrong (number|person|phone)\b|\blon so\b|\bnot (my|his|her|their) (number|phone|cell)\b"
    r"|\b(isnt|isn't|is not|aint|ain't) (my|his|her|their) (number|phone|cell)\b"
    r"|\b(this|that|it)('?s| is)? (isnt|isn't|is not|aint|ain't|not) (\w+'?s? ){1,2}(number|phone|cell)( no)? "
    r"(anymore|any more|no more)\b"
    r"|\b(no one|nobody) (here )?(by that name|named|by the name)\b|\b(doesn'?t|does not) live here\b"
    r"|\bnumero (incorrecto|equivocado)\b|\bequivocad[oa] de numero\b|\bequivoca\w* de (numero|persona|telefono)\b"
    r"|\baqui no (hay|vive) ningun[oa]? \w+"
    r"|\bno (conozco|conosco|conoce|conosemos|conocemos) a (esa|esta|ese|este) (persona|senora|senor|muchacha|muchacho"
    r"|senorita)\b|\beste (cel|celular|numero|telefono) es mio\b|\bno vive (aqui|aca)\b|\baqui no vive\b"
    r"|\bno (vive|hay) nadie (aqui )?(con ese nombre|que se llame)\b"
    r"|打错|发错|传错人|错号|号码错|没有这个人|找错人|搞错人|不认识(这|那)(个)?人|我不叫(这个|那个)?名字"
    r"|(这个|这)(号码|电话|手机)?不是(他|她)的(电话|号码|手机)|我(根本)?不认识(他|她)(?!们)"
    r"|我不是(?!很|太|说|要|不|在|想|有|没|这|那|本人|故意|病人|患者)[\u4e00-\u9fff]{2,3}(?=[，,。.!！\s]|$)"
    r"|(号码|电话|手机|手机号|号)(码)?(是)?我?(刚|才|新)(换|办|买|拿|申请)|\bnham so\b|\bsai so\b|\bnhan nham\b"
    r"|\b(nhan|goi|gui) lon\b|\bso nay (khong|ko|k) phai (cua|la)\b"
    r"|\b(khong|ko|k) co ai ten (do|đo|nay|vay|the|nhu vay)\b"
    r"|\bso nay (gio |bay gio )?la (cua )?(toi|tui|minh|em)\b"
    r"|\b(este|el|ese) (numero|telefono|cel|celular) ya no es (de|del)\b|\byo (lo|la) tengo desde\b"
    r"|\b(nguoi|ong|ba|co|chu|anh|chi) (do|đo|ay|kia) (đoi|doi) so\b"
    r"|(这个|这)(电话|号码|手机|number)不是(他|她)的|(他|她)(已经)?(没有|没|不)(再)?用这个(电话|号码|手机|number)"
    # a number that changed hands: "I got this number a few months ago, whoever you're looking for isn't me"
    r"|\b(just|recently) got this (phone )?number\b|\bgot this (phone )?number (\w+ ){0,3}(ago|last (week|month"
    r"|year))\b"
    r"|\bwho ?ever (you'?re|youre|you are) (looking|trying|asking)"
    r"|\b(me dieron|tengo) este (numero|telefono)( \w+){0,2} (hace|desde)\b|\b(la persona|a quien) (que )?(busca"
    r"|buscan)"
    r"( \w+){0,2} no (soy|es|vive)\b|这(个)?号码是我(新|刚)|你们?找的人不是我|\bso (nay|dien thoai nay) (la )?moi\b"
)


_WRONG_HASH = re.compile(r"\bwrong\s*#")  # "wrong #": the sign goes when the reply is normalised


def clearly_not_the_patient(text: str) -> bool:
    """Whether the reply says, plainly enough to act on whatever the engine read, that this is not the
    patient's phone."""
    return bool(_CLEARLY_WRONG.search(normalise(text)) or _WRONG_HASH.search(text.lower()))


def says_wrong_number(text: str) -> bool:
    """Whether the reply itself says we reached the wrong person."""
    return bool(_WRONG_NUMBER.search(normalise(text)))


_FOR_SOMEONE = re.compile(
    r"\b(i'?m|i am|this is|its|it'?s) (his|her|their|the patient'?s|(\w+'?s)) (\w+ )?(mom|mother|dad|father|son|"
    r"daughter|wife|husband|partner|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|aunt|uncle|"
    r"brother|sister|niece|nephew|caregiver|caretaker|aide|guardian)\b"
    r"|\bcan (my|his|her) (\w+ )?(mom|mother|dad|father|son|daughter|wife|husband|caregiver|sister|brother|"
    r"grandson|granddaughter|niece|nephew|aide)s? (call|talk|speak|text|answer|handle)\w*\b"
    r"|\b(writing|texting|answering|replying) for (my|him|her)\b|\bon (his|her|their) behalf\b|\bon behalf of\b"
    r"|\b(i'?m|i am|im|this is) (the|a|an|his|her|their|my \w+) (\w+ )?"
    r"(caregiver|caretaker|aide|guardian|home health aide)\b"
    r"|\b(i'?m|im|i am) the one (who|that) (does|handles|makes|books|schedules|sets up) (his|her|their|all)\b"
    r"|\b(i|we) help ((him|her|them|my \w+) )?(with )?(his|her|their) (appointments|appts|scheduling|visits)\b"
    r"|\bthis is my (\w+ )?(mom|mother|dad|father|grandma|grandpa|husband|wife)'?s (phone|cell|number)\b"
    r"|\b(cua|cho) (ba|me|ma|bo|ong|ba noi|ba ngoai|ong noi|ong ngoai|vo|chong)( \w+)? (la )?(toi|tui|con|em|minh) lo\b"
    r"|\b(caregiver|caretaker|guardian|aide|power of attorney|poa) (for|of|to)\b|\bi take care of (him|her|my)\b"
    r"|\b(i|we) (handle|make|schedule|book|manage|do|set up) (all )?(his|her|their) (appointments|appts|visits)\b"
    r"|\b(yo )?(me encargo de|manejo|hago|agendo|llevo) (todas )?(sus|las) citas\b"
    r"|(他|她)的(预约|看病|就诊|约)[^，。,.]{0,6}(我|由我)(来)?(安排|负责|管|处理)"
    r"|\b(soy|yo soy) (la|el|su) (que (l[oa] )?cuid[oa]|cuidador[a]?|encargad[oa] de (el|ella))\b|\byo (l[oa]"
    r"|le) cuido\b"
    r"|\b(le escribe|le habla|les escribe|habla|escribe|soy|aqui) (el|la|su) (nieto|nieta|hijo|hija|esposo|esposa|"
    r"sobrino|sobrina|hermano|hermana|cuidador|cuidadora)\b"
    r"|\bmi (abuelo|abuela|mama|papa|madre|padre|esposo|esposa|suegro|suegra) no (lee|sabe leer|escribe|puede leer|"
    r"entiende|usa|maneja) (bien |el |los |mensajes|textos|celular)"
    r"|我是[^，。,.]{1,4}的(儿子|女儿|老公|老婆|太太|先生|孙子|孙女|外孙|外孙女|家人|护工|侄子|侄女)"
    r"|\b(lo|sap xep|dat|coi) (lich|hen|lich hen)( \w+)? cho (ong|ba|me|bo|ma|ong ay|ba ay|ba noi|ba ngoai|ong noi)\b"
    r"|\bsoy (su|el|la) (hij[oa]|espos[oa]|madre|padre|mama|papa|herman[oa]|niet[oa]|sobrin[oa]|cuidador[a]?|"
    r"nuera|yerno|suegr[oa]|cunad[oa]|prim[oa]|ti[oa]|"
    r"tutor[a]?)\b|\b(escribo|respondo|contesto) (por|de parte de) (mi|el|la)\b|\bde parte de (mi|su)\b"
    r"|\bpuede (mi|su) (hij[oa]|espos[oa]|madre|padre|herman[oa]|niet[oa]|sobrin[oa]) (llamar|hablar)\w*\b"
    r"|\b(habla|le habla|le escribe|escribe|soy|es) (el|la) (espos[oa]|hij[oa]|mama|papa|madre|padre|herman[oa]|"
    r"niet[oa]|cuidador[a]?|sobrin[oa]) de\b"
    r"|我是(他|她|病人)的?(老公|老婆|丈夫|妻子|太太|先生|女儿|儿子|妈妈|爸爸|母亲|父亲|孙子|孙女|外孙|外孙女|家人|亲戚|"
    r"护工|保姆|照顾)|我是(他|她|病人)的"
    r"|我(替|帮|给|代)(我的?)?(妈妈|妈|爸爸|爸|母亲|父亲|老公|老婆|丈夫|妻子|儿子|女儿|奶奶|爷爷|外婆|外公|婆婆|公公)"
    r"|\b(toi|tui|em|con|chau|minh|chi|anh|co|chu|bac|di|cau) la (con|vo|chong|me|ba|bo|chau|em|anh|chi|nguoi nha"
    r"|nguoi cham soc)( trai| gai)?( cua)? (ba|ong|co|chu|bac|anh|chi|benh nhan|me|bo|ma|ba ay|ong ay|ba ta|ong ta)\b"
    r"|\b(toi|tui|em|con|chau|minh) la (con|vo|chong|me|ba|bo|chau|em|anh|chi|nguoi nha|nguoi cham soc)"
    r"( trai| gai)? cua \w+"
    r"|\bnhan (giup|dum|gium|thay|ho) (ma|me|ba|bo|ong|ba noi|ba ngoai|ong noi|ong ngoai|vo|chong)\b"
    # "Tôi là chồng, vợ tôi đang nằm viện": I am the husband, the patient cannot answer
    r"|\b(toi|tui|em|minh) la (chong|vo|nguoi nha|nguoi cham soc|con dau|con re)\b"
    r"|\b(vo|chong|me|ba|bo|ma|ong|ba noi|ba ngoai) (toi|tui|em|minh|con|chau)( \w+){0,5} (khong|ko|k) (tu )?(tra loi"
    r"|nhan tin"
    r"|doc|biet)"
)


def speaks_for_someone(text: str) -> bool:
    """Whether a relative or caregiver is writing for the patient: a person takes it from there (they may not
    be the one to hear the patient's details, and they have questions the bot cannot answer)."""
    return bool(_FOR_SOMEONE.search(normalise(text)))


# why a patient turns the visit down, as a category the event keeps (operations count them; the words stay private)
_DECLINE_REASONS = (
    ("feels_better", re.compile(
        r"\b(i )?(feel|feels|feeling|am|im|i'?m) (much |a lot |alot |way |all |so much |really |lots |a whole lot "
        r"|whole lot |a ton |tons )?"
        r"(better|fine now|recovered|healed)\b"
        r"|\b(is|it'?s|its|are|feels) (all |completely |fully |a lot |alot |much |way |so much )(better|healed)\b"
        r"|\b(is|it'?s|its) healed\b"
        r"|\ball better\b|\bdoing (much |a lot |way |a whole lot |so much )?better\b"
        r"|\bya se me quito (el dolor|la molestia)\b|\b(el dolor|la molestia) (ya )?se me quito\b"
        r"|\bno longer (hurts|in pain)\b"
        r"|\b(doesn'?t|does not|don'?t|dont|doesnt) hurt (anymore|any more|no more|none)\b"
        r"|\b(i'?m|im|i am) (good|fine|ok|okay|all good|alright) now\b"
        r"|\b(me siento|estoy|ya estoy|ya me siento) (mucho |muy )?(mejor|bien ya|bien|recuperad[oa])\b"
        r"|\bya no me duele\b"
        r"|\b(la|el|mi) (?!(\d\w*|primer\w*|segund\w*|tercer\w*|cuart\w*|ultim\w*|opcion|hora|horario|cita|fecha"
        r"|dia|de|del|que|otra|otro|martes|miercoles|jueves|viernes|lunes|manana|tarde)\b)\w+ (ya )?(esta|se siente"
        r"|quedo) (mucho |muy |ya |bastante )?(bien|mejor|san[oa]|curad[oa])\b"
        r"|\b(đo|do) (đau|dau|nhuc|moi|benh) (\w+ ){0,2}(nhieu|nhiu|lam|han|hon)( (roi|r))?\b"
        r"|好多了|好(了)?很多|好了?好多|好得多|(已经|早就|早|都|全)好了|康复了|不(疼|痛)(了|啦|喇|咯)|痊愈"
        r"|\b(đa |da )?(khoe|đo|khoi|het đau|het dau|het benh|lanh benh)( (nhieu|nhiu|lam|han|het|\w+))? (hon|roi|r)\b"
        r"|\bmy \w+( is| feels|'s) (\w+ ){0,2}(a lot |much |way |so much )?(fine|ok|okay|good|better|healed) now\b"
        r"|\bmy \w+( is| feels|'s) (\w+ )?(a lot|much|way|so much) better\b"
        r"|\b(đa |da )?do (nhieu|nhiu|lam|hon|han)( (roi|r))?\b|\bda do (roi|r)\b"  # đỡ typed as "do"
        r"|\bkhoe (re|ru|queo|nhu trau)\b")),
    ("already_done", re.compile(
        r"\balready (had|got|did|went|done|been|saw|seen)\b|\bya (me )?(la|lo|los|las)? ?(hice|hise|hize|fui|tuve"
        r"|hicieron)\b"
        r"|\b(had|got) (my|the|it|that|one) (\w+ )?(done|checked)\b"
        r"|\b(had|got|did) (my|the|a) (\w+ ){0,2}(mammogram|colonoscopy|screening|scan|shot|vaccine|exam|physical|"
        r"checkup|pap|pap smear|labs|bloodwork|mri|x ray|xray)\b"
        r"|已经(做|去|看|检查|查|打|拍)过|(做|检查|查|看)过了|已经.{0,10}(做|检查|查|看|打|拍|照)过"
        r"|(做|检查|查|打|拍|照)过.{0,6}了|(刚|已经|都)(做|检查|查|打|拍|照)完"
        r"|(上个月|上个星期|上星期|上礼拜|上个礼拜|上周|去年|前几天|前阵子|上次)[^，。,.]{0,12}(做|检查|查|打|拍|照|验)(了|过|完)"
        r"|刚(做|检查|查|打|拍|照)(过|完|了)"
        r"|(今年|去年)?([一二三四五六七八九十]{1,2}|\d{1,2})月(份)?[^，。,.]{0,4}(做|检查|查|打|拍|照)(了|过|完)"
        r"|\b(đa|da) (lam|đi|di|kham|xet nghiem|chup|tiem)( \w+){0,6} roi\b"
        r"|\b(lam|kham|chup|tiem|xet nghiem)( \w+){0,4} (roi|r) (thang|tuan|nam|hom) (truoc|roi)\b"
        r"|\bmoi (đi |di )?(lam|kham|chup|tiem|xet nghiem|soi|noi soi|sieu am)\b"
        r"|\b(lam|kham|chup|tiem|xet nghiem|soi|sieu am)( \w+){0,4} hoi (thang|tuan|nam|[đd]au nam|mua)\b"
        r"|\bme (lo|la|los|las) (hicieron|hice|tome|tomaron|sacaron|saque)\b"
        r"|\b(lam|kham|chup|tiem|xet nghiem|soi|noi soi|sieu am)( \w+){0,8} (thang|tuan|nam) (truoc|ngoai|roi)\b"
        r"|\b(thang|tuan|nam) (truoc|roi|ngoai|qua)( \w+){0,4} (đi |di )?(lam|kham|chup|tiem|xet nghiem|soi|sieu am)"
        r"( \w+){0,4} (roi|r)\b"
        r"|\bhoi (thang|tuan|nam|[đd]au nam)( \w+){0,8} (lam|kham|chup|tiem|xet nghiem|soi|sieu am)"
        r"( \w+){0,3} (roi|r)\b")),
    ("care_elsewhere", re.compile(
        r"\b(switched|changed|moved|found) (to |over to )?(a |another |a different |other |my own |a new |the )?(\w+ )?"
        r"(clinic|clinics|doctor|doctors|provider|therapist|hospital|practice|pt place|specialist|pt|physio)\b"
        r"|\b(i|we) (just )?moved (to|out of|away|across)\b|\bme mude (a|de|para|pa|pal|al|hasta)\b"
        r"|搬(去|到)[^，。,.]{0,6}了"
        r"|\b(i'?ll|i will|gonna|going to|we'?ll|we will) (have|get|do) ((my|the|our) (\w+ )?(check ?up|checkup|exam"
        r"|visit|screening|tests?|physical)|it|that|this)( done)? (here|there|over there|back home)\b"
        r"|\bme (vuelvo|regreso|voy) (a|pa|para) (mexico|espana|guatemala|honduras|el salvador|colombia|cuba|peru"
        r"|venezuela|nicaragua|ecuador|puerto rico|republica dominicana|mi pais|mi tierra)\b"
        r"|\b(alla|alli|aya|ahi) me (hago|hare|atiendo|veo|checo|chequeo) (las|los|mis|el|la|mi)\b"
        r"|\bmi (medico|doctor|doctora) (de cabecera|familiar|de familia|de siempre)\b"
        r"|\b(me estoy tratando|me estan tratando|me trato|me atiende) con (un|una|otr[oa]|mi|el|la) \w+"
        r"|\b(me lleva|me llevan|me va a llevar|voy|vamos|ire) (con|a) (un|una|otr[oa]|mi) (doctor|doctora|medic[oa]"
        r"|clinica|dentista) (en|de) \w+"
        r"|\b(da )?(don|chuyen) (nha )?(qua|sang|ve|toi|len|xuong) \w+( \w+)? (roi|r|luon)\b"
        r"|\bkham (o )?(ben|bển|ben do|ben đo|ben nay|ben kia|o do|o đo)( luon)?\b"
        r"|\b(đa |da )?(don|chuyen) nha (đi|di|ve|qua|sang)\b"
        r"|\b(switched|changed|found) (to |over to )?(a |another |a different |my own |a new |the )?(\w+ ){0,2}"
        r"(place|center|office|location|group|program)\b"
        r"|\b(going|go|goes|see|seeing) (to )?(a |an |another |a different |other |my own |a new )(\w+ )?"
        r"(clinic|clinics|doctor|doctors|provider|therapist|hospital|practice|pt place|specialist|pt|physio|"
        r"\w+ologist|\w+iatrist)\b"
        r"|\balready (seeing|see|have|got) (a|an|my|another) (\w+ )?(doctor|specialist|therapist|provider|clinic|"
        r"\w+ologist|\w+iatrist)\b"
        r"|(有|看)(自己的|我的|家庭|私人|中国|华人|华裔|别的|其他){1,2}医生|就不(去|来)你们(那|这)"
        r"|\b(co )?bac si( \w+){0,2} (rieng|gia dinh|cua (toi|tui|minh|em))\b"
        r"|在[^，。,.]{0,12}(诊所|医院|医生)(那|那里|那边)?在?看"
        r"|\b(go|going|goes|switched|see|seeing|care|treated) (to |at |through |thru |with )?(the )?(va|v a|veterans)\b"
        r"|\b(at|to) the (va|v a)\b|\b(somewhere|someplace) else\b"
        r"|\belsewhere\b|\bya me (atendieron|atendi|vieron|estan atendiendo|atienden|atiendo)\b"
        r"|\bme (atiendo|estoy atendiendo|veo) con (un|una|otr[oa]|mi) \w+"
        r"|\b(chuyen|đoi|doi) (qua|sang|ve|toi) (cho|phong kham|phong mach|bac si|bs|noi|benh vien|bv|pk|tap|kham)\b"
        r"|\bya tengo (un |una |mi |otr[oa] )?(especialista|doctor|doctora|medic[oa]|terapeuta)\b"
        r"|\bme (estan|esta) (viendo|atendiendo) en (la|el|una|otra|otro) (clinica|hospital|consultorio|centro)\b"
        r"|\b(estoy viendo|me esta viendo|me estan viendo|me ve|veo) (a )?(un|una|mi|otr[oa]) (\w+ )?(doctor|doctora"
        r"|medic[oa]|especialista|terapeuta|\w+ologo|\w+ologa|\w+iatra|\w+dista)\b"
        r"|有自己的(专科|家庭|私人)?医生|在国内[^，。,.]{0,6}(看|做|治|检查|针灸)|回国(看|做|治|检查)"
        r"|\b(alla|alli|ahi) me (atiendo|atienden|ven|voy a (atender|ver|tratar))\b"
        r"|\b(me )?consigui[oa]? (una )?cita con (un|una|otr[oa]|el|la) \w+\b"
        r"|\bme (lo|la) (hago|hare|voy a hacer) en (mexico|guatemala|el salvador|honduras|colombia|mi pais|otro lado|"
        r"puerto rico|republica dominicana|cuba|peru|nicaragua)\b"
        r"|回(台湾|国|中国|香港|大陆|老家)[^。]{0,12}(做|看|治|检查)|在(这边|那边|当地)(做|看|治)"
        r"|\bme atiendo (alla|alli|en (mi|otro|otra|el|la))\b"
        r"|\ben otro (lado|lugar|sitio|hospital|consultorio)\b|\ben otra (clinica|parte|ciudad)\b"
        r"|\b(voy|vamos|ire|ya voy) (a|con) otr[oa] (clinica|doctor|doctora|medico|medica|lugar|hospital|terapeuta)\b"
        r"|(去|到)别的(医院|诊所|地方)|(去|到)其他(医院|诊所)"
        r"|\bcambie de (clinica|doctor|medico|hospital|terapeuta)\b|\botro (doctor|medico|terapeuta|especialista)\b"
        r"|\botra (doctora|medica|terapeuta|especialista|clinica)\b|\botr[oa] (\w+olog[oa]|\w+iatra|\w+dista)\b"
        r"|\b(đi|di|kham|co) (bac si|bs|phong kham)( \w+){0,5} quen( roi| r)?\b|\bbac si quen\b"
        r"|\b(kham|đi kham|di kham|chua|tri) (ben|o|voi|cho|tai) (bac si|bs|phong kham|pk)\b"
        r"|\b(đi|di|kham) (bac si|bs) (nguoi )?(viet|tau|hoa|rieng|gia [đd]inh|khac|quen)\b"
        r"|\bve (viet nam|vn)( \w+){0,2} (chua|kham|tri|mo)\b|(看|找|去看)(中医|中医师|自己的医生|家庭医生)"
        r"|换了(医院|医生|诊所)|在别的(医院|诊所|地方)|\b(đoi|chuyen) (phong kham|bac si|benh vien)\b"
        r"|\b(benh vien|phong kham|bac si|cho|noi|bv|pk|bs) khac\b"
        r"|\bencontre (un|una|otr[oa]) (\w+ )?(especialista|doctor|doctora|medic[oa]|clinica|terapeuta|lugar)\b"
        r"|\b(voy|vamos) a (ir|atenderme) (alla|alli|ahi|con (el|ella|ese|esa|mi|mis|un|una))\b"
        r"|(找|换)了?(一个|一位|个)?[^，。,.找换]{0,4}(医生|医院|诊所|专科)"
        r"|看了?(别的|其他|另外的?|新的|华人|中国)(医生|医院|诊所)")),
    ("cost", re.compile(r"\b(can'?t|cannot|cant) afford\b|\btoo expensive\b|\bno insurance\b"
                        r"|\bmoney( is|'?s) (tight|short)\b|\b(barely|doesn'?t|does not|won'?t) (covers?|pay)\b"
                        r"|\bno (puedo|podemos) (seguir )?pagando\b|\b(khong|ko|k) (kham|tra|đong|dong|chiu) noi\b"
                        r"|\b(kham|tra|đong|dong|chiu|lo) (khong|ko|k) noi\b"
                        r"|看不起(病|医生)?了?|(账单|钱)[^，。]{0,4}(没|还没)付完"
                        r"|\b(me )?sale (mucho |bien |muy )?mas barato\b"
                        r"|\b(khong|ko|k) (du|đu) tien\b|没钱|付不起|负担不起"
                        r"|\b(don'?t|do not) have (the )?(money|insurance)\b|\bno money\b"
                        r"|\bno tengo (seguro|dinero|aseguranza|con que pagar|para pagar|para el copago)\b"
                        r"|\bno me alcanza\b|\bno (puedo|podemos) pagar\b|\b(can'?t|cannot|cant) pay\b"
                        r"|\bno tengo( \w+){0,3} (pa|para) (pagar|el copago|el deducible)\b"
                        r"|\bno tengo (los |la |el )?(chavos|lana|feria|plata|dinero|varo|billete|cash)\b"
                        r"|\b(muy|demasiado) caro\b|太贵|没有保险|给不起|\b(mac|đat|dat) (qua|wa)\b"
                        r"|\bbao hiem (khong|ko|k|hok|hong) (tra|chi|cover|bao|chiu)\b"
                        r"|\b(khong|ko|k|hok|hong) co (bao hiem|tien)\b|\bton tien\b")),
    ("not_needed", re.compile(
        r"\b(don'?t|dont|do not|doesn'?t|does not|no longer) (really |actually |even |think i )?need (it|this|that"
        r"|one|to)\b"
        r"|\b(don'?t|do not|doesn'?t|does not|no longer) (think i |believe i |really )?need (the|a|an|that|this|these"
        r"|any|another|one more) (\w+ )?"
        r"(visit|appointment|appt|screening|test|therapy|pt|exam|scan|mammogram|colonoscopy|referral|checkup|"
        r"check up|follow up|followup|specialist|surgery|therapist|referral)s?\b"
        r"|\b(not|isn'?t|is not|no longer) (necessary|needed|required)( anymore)?\b"
        # "no follow up needed", "nothing else is needed"
        r"|\bno (further |more |other )?(?!(i|we|you|he|she|they|it)\b)(\w+ ){0,2}(needed|necessary|required)\b"
        r"|\bnothing (else |more |further )?(is )?(needed|necessary|required)\b|\bno se necesita\b"
        r"|\b(don'?t|do not|doesn'?t|does not) need (\w+ ){0,2}(anymore|any more)\b"
        r"|\b(doctor|dr|doc|md|physician) (\w+ )?(told|said|says|tells) (me|him|her|us)?( \w+){0,2} (don'?t|do not"
        r"|doesn'?t|"
        r"does not|no longer) (need|have to)\b"
        r"|\b(el|la|mi) (doctor|doctora|medico|medica) (me )?(dijo|dice)( \w+){0,6} (ya )?no (necesito|hacia falta"
        r"|hace falta|tengo que)\b"
        r"|医生(说|讲)[^，。,.]{0,6}(不用|不需要|没必要)|\bbac si (noi|bao|dan)( \w+){0,3} (khong|ko|k) can\b"
        r"|\b(don'?t|dont|do not) have to (go|come) (back|in)\b|\b(all )?done with (therapy|pt|it|the therapy)\b"
        r"|\bya no tengo que (ir|venir|volver)\b|\bno need\b(?! to)|\bunnecessary\b"
        r"|\bya no (lo |la )?necesito\b|\bno (lo |la )?(necesito|ocupo)\b|\bno (me )?hace falta\b"
        r"|\bya no (me )?hacia falta\b"
        r"|\bno es necesari[oa]\b|\bno (lo |la |le )?(veo|creo|siento) necesari[oa]\b"
        r"|\b(i'?m|i am|we'?re|we are) done with (those|these|the|my|that|this|all) (\w+ )?(tests?|screenings?|therapy"
        r"|pt|exams?|scans?|colonoscop\w+|mammograms?)\b"
        r"|不需要|没(有)?需要|没(有)?(这个|那个)?必要|不必要|用不着|不用(了|喇|啦)|不用再|不必(再)?(做|检查|查|去|了)"
        r"|\b(khong|ko|k|hong|hok) can( thiet| nua| lam| đau| dau)?\b"
        # asked what for: "khỏe re mà, khám chi", "già rồi làm gì nữa"
        r"|\b(lam|kham|chup|soi|noi soi|tap|xet nghiem|đi kham|di kham) (chi|gi nua)( cho (cuc|met|ton tien))?\b"
        r"|\bkhoi (đat|dat|hen|kham|tap|lam|đi|di)( \w+)? (nha|nhe|nghe|luon|nua|đi|di|a)\b"
        r"|\bkhoi (hi|he|ha|nghe)\b|\b(rang|sao|tai sao|lam chi) phai (đi |di )?(kham|lam|chup|tap|soi)\b")),
)
_BARE_NO = re.compile(r"^((no+|nope|nop|nah|naw|nel) )?"  # "nop ninguno", "nah none of those"
                      r"(no+|nope|nop|nah|naw|nel|none|none of (them|those|these)( work)?|neither|not those|"
                      r"none work|those don'?t work|ninguno|ninguna|no+,? ninguno|no+,? ninguna|"
                      r"ningun[oa] de (esos|esas|ellos|ellas|esos horarios)|(no )?esos no|no esos( no)?|"
                      r"no me (sirve|sirven|queda|quedan)|(no,? )?(another|a different|other) (day|time|date)s?|"
                      r"(no,? )?(otro|otra|otros|otras) (dia|dias|fecha|hora|horario|horarios)"
                      # "都唔得，要返工": all turned down, with the reason after it
                      r"|(都|全都|全部都|全部|这些都|這些都|那些都)(不行|不要|不可以|不得|没空|沒空|没时间|沒時間|不合适|不合適|"
                      r"不方便)(呢|啊|诶)?( (要|因为|我要|我|得)\S{0,8})?"
                      r"|没有(合适|合適|可以)的(时间|時間)?|都没有(合适|合適)的|都没空|不|不了|不行|不要"
                      r"|(khong|ko|k|hong|hok)( (đ|d)uoc| (đ|d)c| cai nao( (het|ca))?| (cai|gio) nao( (het|ca))?"
                      r"| co cai nao( (phu hop|hop|đuoc|duoc))?"
                      r"| (đ|d)uoc cai nao( (het|ca))?| phu hop| tien| hop)?( (a|nhe|nha|đau|dau|ak|ah))?)$")
# what is said around a "no" without changing it: "no sorry", "nope!", "no lo siento"
_AROUND_NO = re.compile(r"\b(sorry|sry|lo siento|perdon|disculpe)\b|[.,!¡]")  # not "thanks": "no thanks" declines


# care found with someone else, whatever else the reply says
_FOUND_ANOTHER = re.compile(r"\b(đi|di|kham|hen|co hen|co) (voi )?(bac si|bs|phong kham|phong mach)"
                            r"( chuyen khoa| \w+){0,3} (o|tai|ben) \w+"
                            r"|\b(kham|đi kham|di kham|chua|tri) (ben|o|voi|cho|tai) "
                            r"(bac si|bs|phong kham|phong mach|pk)\b"
                            r"|(找|换)了?(一个|一位|个)?[^，。,.找换]{0,8}(医生|医院|诊所|专科|中医|治疗师|理疗师|医师|大夫)"
                            r"|\b(got in|get in|getting in|been seeing|started seeing) with (a|an|another|my|the) "
                            r"(\w+ ){0,2}(doctor|specialist|clinic|provider|\w+ologist)\b"
                            r"|转(了)?(去|到)[^，。,.]{0,12}(诊所|医院|医生)"
                            r"|(看|睇)(紧|着|緊)?(另一个|另外一个|另一位|别的|其他|第二个)(医生|诊所|医院)"
                            r"|\b(found|switched to|went to) (a|an|another|a different|my own|a new) (\w+ )?"
                            r"(doctor|clinic|specialist|provider|\w+ologist)\b"
                            r"|\b(otro|otra) (doctor|doctora|especialista|clinica)\b"
                            r"|\b(voy|vamos|ya voy|estoy yendo|estoy llendo) a (una|un|otra|otro) "
                            r"(terapia|clinica|doctor|doctora|terapeuta|lugar|centro|consultorio)\b"
                            r"|\b(bac si|phong kham|benh vien) khac\b")


# a request for another doctor HERE: "可以换个医生吗", "can I get a different doctor?", "¿puedo cambiar de doctora?"
_ASKS_ANOTHER_DOCTOR = (r"(可以|能|能不能|可不可以|可唔可以|可否)(换|转|转换)(成|到|去|个|一个|一位|过|第二个)?"
                        r"[^，。？?]{0,10}(医生|大夫|医师)"
                        r"|\b(can|could|may) (i|we) (get|have|see|switch to|change to|change) (a different"
                        r"|another|a new|other|a diff) (doctor|provider|therapist|dr)\b"
                        r"|\b(puedo|podria|se puede|podemos) (cambiar|tener|ver) (de |a |con )?(otr[oa] )?"
                        r"(doctor|doctora|medic[oa]|terapeuta)\b")
# another doctor said as one NOT wanted ("no quiero con otro doctor", "I don't want a different doctor"): no care
# elsewhere
_NOT_ANOTHER = re.compile(r"\b(no quiero|no deseo|no|don'?t want|do not want|not)( (ir|ver|verme|atenderme|go|see"
                          r"|to see|to go))?( (con|a|with|to))? (otr[oa]|another|a different|other|a new) (\w+ )?"
                          r"(doctor|doctora|medic[oa]|provider|clinic|clinica|terapeuta|therapist|specialist"
                          r"|especialista)\b" + "|" + _ASKS_ANOTHER_DOCTOR)


def decline_reason(text: str) -> str | None:
    """The category of a reason to turn the visit down that the reply gives, if it gives one."""
    folded = _NOT_ANOTHER.sub(" ", normalise(text))
    if _FOUND_ANOTHER.search(folded):
        return "care_elsewhere"  # "found another specialist and was seen there": seen elsewhere, not done here
    return next((category for category, pattern in _DECLINE_REASONS if pattern.search(folded)), None)


# "ninguna, estoy fuera del país hasta el 20": none of them first, then why (a plain "no, ..." may turn the visit down)
_NONE_FIRST = re.compile(r"^\W*(ninguna|ninguno|ningun|none( of (them|those|these|the times))?|neither( one)?|ni una"
                         r"|ni uno|no me (quedan|sirven|convienen|acomodan)( esos| esas| ninguno| ninguna)?"
                         r"|those (don'?t|do not) work( for me)?)\s*[,.;:!-]")


def is_bare_no(text: str) -> bool:
    """"no", "nope", "none of them", "ninguna": none of the offered times (not: no visit at all)."""
    core = " ".join(_AROUND_NO.sub(" ", normalise(text)).split())
    return bool(_BARE_NO.match(core) or _NONE_FIRST.match(text.lower()))


# after discharge: the usual aches of getting better, said mildly, and nothing that sounds like getting worse
_MILD = re.compile(r"\b(a little|a bit|bit|slightly|kind of|kinda|somewhat|still a little|just a little|some|just|"
                   r"only|still|normal|bit of|little) "
                   r"(sore|stiff|tired|achy|aches|pain|painful|weak|bruised)\b"
                   r"|\bun poco (adolorid[oa]|cansad[oa]|de dolor|debil|tiesa|tieso)\b"
                   r"|\balgo (adolorid[oa]|cansad[oa])\b|\b(cansadit[oa]|adoloridit[oa])\b|\bahi (la )?llevo\b"
                   r"|有点(疼|痛|累|酸)|\bhoi (đau|met|moi)\b")
_WORSE = re.compile(r"\b(worse|worst|peor|swell|swollen|hinchad|fever|fiebre|bleed|sangr|pus|infect|can'?t|cannot|"
                    r"no puedo|severe|terrible|unbearable|fuerte|mucho dolor|very|muy|really bad|red|roj[oa]|hot)\b"
                    r"|更(疼|痛|严重)|肿|发烧|出血|\b(te hon|sung|sot|chay mau)\b")


# after discharge: words that say it is getting worse, whatever the engine read ("更疼了", "bị sốt", "swollen")
_RED_FLAG = re.compile(r"\b(worse|worst|peor|swollen|swelling|hinchad[oa]|hinchazon|fever|fiebre|calentura|"
                       r"bleeding|sangra\w*|sangre|pus|infected|infection|infectad[oa]|infeccion|redness|oozing"
                       r"|draining|"
                       r"(red|hot|warm|roj[oa]|caliente) (and|&|y) (hot|warm|red|swollen|caliente|roj[oa])|"
                       r"đau (hon|nhieu hon)|te hon|sung|sot|chay mau|nhiem trung|nang hon|xau hon"
                       r"|(ho|đau|dau|met|kho tho|chong mat|non|oi) (\w+ )?nhieu hon|yeu hon|yeu (đi|di) nhieu"
                       # fluid and weight after going home: "I put on 5 lbs in 2 days", "ankles twice the size"
                       r"|(gained|put on|up|gane|subi) \d+ (lbs?|pounds|kilos?|kg|libras)|twice (the|their|its) size"
                       r"|(ankles|legs|feet|tobillos|piernas|pies) (are |is |estan )?(so |really |muy )?"
                       r"(big|puffy|huge|swollen|hinchad[oa]s)"
                       r"|(an|uong) (khong|ko|k|hok) (duoc|đuoc|dc|đc|vo))\b"
                       r"|更(疼|痛|严重|厉害)|肿|发烧|发热|出血|流血|流脓|感染|恶化")
_NOT_BEFORE = re.compile(r"(\b(no|not|never|without|sin|nada de|ni|khong|ko|chang|chua|any) (\w+ ){0,2}"
                         r"|(没有|没|无|不|未)\s*)$")


def sounds_worse(text: str) -> bool:
    """A sign of getting worse, said in words and not denied ("no fever" is not one)."""
    for clause in re.split(r"[,.;!?，。；！？]", text):  # "ăn không được, sốt nhẹ": the "không" ends at the comma
        folded = normalise(clause)
        if any(not _NOT_BEFORE.search(folded[: match.start()]) for match in _RED_FLAG.finditer(folded)):
            return True
    return False


# "I can't make it", "no voy a poder ir": whatever else the reply says, it does not confirm a visit
_CANNOT_COME = re.compile(
    r"\b(can'?t|cannot|cant|won'?t|wont|will not|unable to|not able to|not going to|not gonna) "
    r"(be able to )?(make it|come|go|be there|attend|do (it|that day|that time))\b"
    r"|\bno (voy a poder|podre|puedo) (ir|llegar|asistir|venir)\b|\bno (voy|vamos) a (ir|poder)\b"
    r"|(去|来)不(了|到)|不能(去|来)|没(法|办法)去|\bkhong (đi|toi|đen) (đuoc|kip)\b|\bban (roi|het)\b"
    r"|\b(doesn'?t|does not|won'?t|will not|no longer) work( anymore| for me)?\b|\bya no me (sirve|queda)\b"
    r"|\b(ese|este) dia no (puedo|podre|voy)\b|\bno (puedo|podre) (ese|este) dia\b"
    r"|\bcan'?t (do|make) (that|this) (day|date|time)\b|\b(that|this) (day|date|time) (doesn'?t|does not"
    r"|won'?t) work\b")


# "can we move it", "tôi muốn đổi giờ": another time for a visit already booked
_ANOTHER_TIME = re.compile(
    r"\b(change|move|switch|reschedule)( (the|my|it|this|that))?( (time|day|date|appointment|appt|visit))?\b"
    r"|\b(cambiar|mover|reprogramar|cambio)( (la|el|mi))?( (hora|cita|fecha|dia|horario))?\b"
    r"|改(个|一个|下)?(时间|天|日子|一下|到|第二|另外|别的|其他|期)"
    r"|换(个|一个)?(时间|日子|天)|\b(đoi|doi|dời|doi lai) (gio|ngay|lich|lich hen)\b")


def wants_another_time(text: str) -> bool:
    """Whether the reply asks to move a booked visit to another time."""
    return bool(_ANOTHER_TIME.search(normalise(text)))


# "doing ok", "estoy bien", "还好", "khỏe": the patient is fine since going home (a red flag still wins)
_FINE = re.compile(r"\b(doing|doin|feeling|feelin|feel|i'?m|im|i am|all|everything'?s?|been|getting) (ok|okay|fine"
                   r"|good|well"
                   r"|great|alright|"
                   r"better)\b|\b(estoy|me siento|todo|ando|sigo) (bien|mejor|muy bien)\b"
                   r"|还好|挺好|很好|没事|没(有)?(什么|啥|乜)事|不错|好多了|都好"
                   r"|\b(toi |tui )?(van )?(on|khoe|tot|binh thuong)( roi| lam| a)?$"
                   r"|^\W*(bt|binh thuong)( a| ak| ah| roi)?\W*($|(khong|ko|k|hong) sao)"
                   r"|^\W*(khong|ko|k|hong) sao( (het|ca|dau|đau))?( a| ak| ah| roi)?\W*$")


def feels_fine(text: str) -> bool:
    """Whether the reply says the patient is fine, with no sign of getting worse."""
    folded = normalise(text)
    said = any(not _NOT_BEFORE.search(folded[: match.start()]) for match in _FINE.finditer(folded))
    return said and not sounds_worse(text)


# "si ahi estare", "yes see you then", "好的，会去", "dạ được": yes to a visit already booked
_YES = re.compile(r"^(yes|yeah|yep|yup|sure|ok|okay|k|si|claro|de acuerdo|dale|vale|好|好的|可以|行|没问题|会去|"
                  r"confirm|confirmed|confirmo|confirmado|confirmada|确认|xac nhan|"
                  r"vang|da|đuoc|duoc|co|ok a)\b|\b(i'?ll be there|will be there|see you (then|there|tues\w*|on)|"
                  r"(ahi|alli|ahí|allí) (estare|estaremos|estoy|voy)|nos vemos|simon|会(去|到)|[đd]en dung gio"
                  r"|se [đd]en|se (toi|ghe|co mat|qua)|\bok\b( \w+){0,2} se (toi|[đd]en|đi|di|co mat)"
                  r"|(toi|tui|con|em|minh) (toi|[đd]en|đi|di) (duoc|đuoc|dc|đc)(?! (ko|khong|k|hong|hok)\b)"
                  r"|(?<!ko )(?<!khong )(?<!k )(?<!hong )(?<!hok )(?<!chua )(đi|di|toi|[đd]en) (dc|đc)$)\b")


def says_yes(text: str) -> bool:
    """Whether the reply says yes (and does not also say the patient cannot come)."""
    folded = normalise(text)
    return bool(_YES.search(folded)) and not cannot_come(text) and not is_bare_no(text)


def cannot_come(text: str) -> bool:
    """Whether the reply says the patient cannot come (so it is never read as confirming the visit)."""
    return bool(_CANNOT_COME.search(normalise(text)))


_MEDICINE = re.compile(r"\b(medicine|medicines|medication|medications|meds|pill|pills|dose|prescription|refill|"
                       r"medicina|medicinas|medicamento|medicamentos|pastilla|pastillas|receta|dosis|thuoc)\b|药")


# the reminded visit called off in words: "please cancel it", "cancelen la cita", 取消预约, "bỏ cái hẹn đó đi"
_CANCELS = re.compile(  # not "please don't cancel it", "不要取消", "đừng hủy hẹn"
    r"(?<!not )(?<!dont )(?<!don't )(?<!no )(?<!不要)(?<!别)(?<!dung )(?<!đung )(?<!khong )(?<!ko )(?:"
    r"\b(cancel|drop|scrap|call off) (it|that|this|the (appointment|appt|visit)|my (appointment|appt|visit))\b"
    r"|\bcancel(en|e|a|ar|o|ame|eme)? (la|mi|esa|esta|su) (cita|consulta)\b|\b(cancelenla|cancelela|cancelala)\b"
    r"|取消(预约|这个|那个|掉|吧|了吧)|(预约|约)(取消|不要了)"
    r"|\b(huy|bo) (cai |lich |buoi )?(hen|lich hen|lich)( (do|nay|đo))?\b)")


def cancels_the_visit(text: str) -> bool:
    """Whether the reply calls the reminded visit off in words."""
    return bool(_CANCELS.search(normalise(text)))


def asks_about_medicine(text: str) -> bool:
    """"a question about my meds", "我想问一下药的事": a nurse answers it."""
    return bool(_MEDICINE.search(normalise(text)))


def ordinary_recovery(text: str) -> bool:
    """"a little sore but ok", "un poco adolorido": recovery as expected, not a red flag for a nurse."""
    folded = normalise(text)
    return bool(_MILD.search(folded)) and not _WORSE.search(folded)


# questions the bot cannot answer, whatever the conversation: a person (scheduling) answers them
_FOR_A_PERSON = re.compile(
    r"\b(insurance|insured|copay|co pay|deductible|medicaid|medicare|bill|billing|cost|how much|price)\b"
    r"|\b(closer|nearer)\b(?! to (lunch\w*|noon|midday|the (morning|afternoon|evening|end|weekend|start)|\d|my lunch))"
    r"|\b(near me|nearby|other location|another location|different location|parking|directions)\b"
    r"|\bcuanto (me |le )?(va a )?(cuesta|costar|cobra\w*)\b"
    r"|\b((mi|su|tu|el) seguro|seguro medico|aseguranza|copago|factura|cuanto cuesta|costo|precio|mas cerca|"
    r"cerca de mi|otra (clinica|ubicacion|sucursal)|estacionamiento)\b"
    r"|保险|医保|费用|多少钱|账单|近一点|附近|\b(bao hiem|chi phi|bao nhieu tien|gan hon|gan nha)\b"
    r"|\bwhere (is|are|r) (the|your|ur|you) ?(office|clinic|place|building|located)?\b|\baddress\b"
    r"|\bwhere (is|s) (this|it|that)( at| located)?\b|\bwhere'?s (this|it|that)( at)?\b"
    r"|\b(charge|charged|charging|fee|fees|no show fee|refund|not fair|unfair|ridiculous|complaint|complain|rude)\b"
    r"|\b(manager|supervisor|angry|upset|pissed|frustrated|waited (an hour|hours|forever|so long)|nobody (came|called|"
    r"answered|showed|saw me)|not happy|waited \d+ (minutes|mins|min|hours|hrs))\b"
    r"|\b(gerente|supervisor[a]?|encargad[oa]|enojad[oa]|molest[oa]|me dejaron esperando|"
    r"nadie me (atendio|llamo|contesto))\b|经理|主管|生气|等了.{0,4}(小时|半天)"
    r"|\b(quan ly|buc minh|tuc gian|cho (ca|mot|hai) (tieng|gio))\b"
    r"|\b(cobr\w+|cargo|multa|reembolso|queja|injusto|abuso|una falta de respeto)\b|收费|罚款|退款|投诉|不公平|太过分"
    r"|\b(tinh tien|thu tien|phat tien|hoan tien|khieu nai|lam an kieu gi|thai đo|thai do)\b"
    r"|\bhow (do|can) i get there\b|\b(park|where do i park|estaciono|estacionarme|estacionar)\b"
    r"|\bdonde (queda|esta|estan|quedan)\b|\bno se (como )?llegar\b|\bcomo llego\b"
    r"|\bdireccion\b|在哪|地址|怎么(去|走)|泊车|停车|\b(o dau|o đau|dia chi|đia chi|gui xe|đau xe|dau xe)\b"
    # a ride asked for ("do you offer rides?", "necesito ayuda con el transporte"); a ride only mentioned is no question
    r"|\b(need|needs|get|offer|provide|give|arrange|help with|help getting|any|is there|do you have) (\w+ ){0,2}"
    r"(transport\w*|ride|rides|uber|lyft|shuttle)\b"
    r"|\b(do|does|can|could) (you|y'?all|yall|you guys|u|the clinic|they) (have|offer|provide|give|send|arrange"
    r"|do|help with)"
    r"( \w+){0,5} (transport\w*|ride|rides|van|shuttle|uber|lyft)\b"
    r"|\b(necesito|ocupo|ayud\w* con|dan|ofrecen|mandar|mandarme|darme|mandan|"
    r"tienen|hay|consiguen|conseguir|conseguirme) (\w+ ){0,2}(transporte"
    r"|raite|ride|aventon)\b"
    r"|接送|(提供|安排|帮忙|有没有)[^，。,.]{0,4}(交通|车)"
    r"|\bxe (đua|dua) (đon|don|ruoc)\b|\bco xe( \w+)? (đua|dua|đon|don|ruoc)\b|\bco (đua|dua) (đon|don|ruoc)\b"
    r"|\b(which|what) (office|location|clinic|building|address|place)\b|\bthe (office|clinic) (on|by|near|at)\b"
    r"|\b(interpreter|translator|interpretation|interprete|traductor[a]?|thong dich|phien dich)\b|翻译|传译"
    r"|哪(个|位)医生|什么医生|(会|能)(讲|说)(国语|普通话|中文|华语|广东话|粤语)(吗|不|么)"
    r"|(会|能|识)(讲|说)(国语|普通话|中文|华语|广东话|粤语|台语)的[\u4e00-\u9fff]{0,3}(医生|大夫|医师)"
    r"|\b(can i|could i|may i|is it ok to|ok if i) bring (my|the|a) \w+|\b(puedo|podemos) (llevar|traer) a\b"
    r"|可以带|(能|可以)不能带|\b(co the|dc|duoc|đuoc) (dan|dem|cho) (con|chau|em be)\b"
    r"|\b(fast|fasting|empty stomach|ayunas|ayuno|nhin an|nhin đoi)\b|空腹|空肚|要不要(空|饿)"
    r"|\b(bac si|bs) nao\b|\b(nam hay nu|male or female|hombre o mujer)\b|男(医生)?还是女"
    r"|\b(is (this|it|that) (still )?with (dr|doctor|dra)|which (doctor|provider|dr)|who (is|will be"
    r"|would be) (the|my) "
    r"(doctor|provider))\b|\b(did|has) (dr|doctor|dra) \w+ (leave|left|retire|retired|move|moved)\b"
    r"|\b(did|have) (you|y'?all|you guys) (move|moved)\b|\bse (mudaron|cambiaron de (lugar|direccion|local))\b"
    r"|\b(sigue|siguen|queda|esta) en la (calle|avenida|ave)\b"
    r"|\b(con|es con) (el|la) (doctor|doctora|dr|dra) \w+ (todavia|aun)\b|\b(que|cual) (doctor|doctora|medic[oa])\b"
    r"|\b(cual|que) (oficina|clinica|sucursal|consultorio)\b|哪(个|一个|间|家)(诊所|医院|地方|办公室)"
    r"|\b(can|could|may) (i|we) (see|get|have) (dr|doctor|doc)\b"  # "Can I see Dr. Nguyen instead?"
    r"|" + _ASKS_ANOTHER_DOCTOR + r"|\b(puede ser|podria ser|seria|quiero|quisiera|prefiero|can it be|could it be"
    r"|can i see|can i get|i want"
    r"|i'?d like|i prefer|i would like)( \w+){0,3} (con|with|a|see) (el |la |the )?(doctor|doctora|dr|dra|doc)\b"
    r"|\b(phong kham|van phong|benh vien) nao\b"
    r"|\b(doctor|dr|someone|somebody|staff|nurse|anyone|provider) (who|that) speaks\b"
    r"|\b(doctor|doctora|medic[oa]|alguien|enfermer[oa]) que (hable|habla|sepa)\b"
    r"|(会|能|识)(讲|说)(国语|普通话|中文|华语|广东话|粤语|台语)的(医生|人|护士)"
    r"|\b(bac si|bs|nguoi|y ta)( \w+)? (noi|biet) tieng\b"
    r"|\b(medi ?cal|covered california|obamacare|tricare|aetna|cigna|humana|kaiser|blue (cross|shield)"
    r"|united ?health)\b")


# "who is this?", "¿quién habla?", 你们是谁, "ai vậy": asks who is writing (answered by who we are, whatever was asked)
_WHO_WE_ARE = re.compile(r"^\W*(hi |hello |hola )?(who|whom) (is|'s|are) (this|you|u|texting)\b(?! for\b)"
                         r"|^\W*who'?s this\b"
                         r"|^\W*(quien|quienes) (es|habla|eres|son|me escribe)\b|^\W*de (donde|parte de quien)\b"
                         r"|^\W*(请问|请问一下)?(你|你们|您)是(谁|哪位|哪里)|^\W*(哪位|谁啊|是谁)"
                         r"|^\W*(ai|ben nao|cho nao) (vay|day|đay|the|z|nhan|a)\b")


_HELP_FIRST = re.compile(r"^\W*(help|ayuda|giup|giup voi|帮助|help me)\b\W*")  # "Help. Ai nhắn vậy?"


def asks_who_we_are(text: str) -> bool:
    """Whether the reply opens by asking who is writing (then the answer is who we are, not a handoff)."""
    return bool(_WHO_WE_ARE.search(_HELP_FIRST.sub("", normalise(text))))


def asks_what_a_person_must_answer(text: str) -> bool:
    """Insurance, cost, a closer clinic: a question for a person, not for the bot (nor a nurse)."""
    return bool(_FOR_A_PERSON.search(normalise(text)))


# "yes please", "i want to reschedule", "quiero reagendar", "我想预约", "muốn đặt lịch": a visit, time not yet named
_WANTS_A_VISIT = re.compile(
    r"\b(reschedule|rebook|re book|book|schedule|make an (appointment|appt)|set (it|one|me) up|sign me up|come in)\b"
    r"|\b(reagendar|reprogramar|agendar|programar|hacer (una |la )?cita|sacar (una |la )?cita|hacer otra cita)\b"
    r"|预约|约(个|一个)?时间|挂号|重新约|\b(đat|dat|hen|đang ky|dang ky) (lich|lai|hen|kham)\b")
# words that ask for a person ("can someone call me", "hablar con alguien", "找人", "nói chuyện với người")
_ASKS_FOR_PERSON = re.compile(
    r"\b(person|someone|somebody|human|agent|representative|operator|staff|call me|talk|speak|persona|alguien|"
    r"hablar|llam\w*|nguoi|noi chuyen|goi)\b|人|电话|打给")
# "what paper?", "¿cuál papel?", "什么纸", "giấy gì", "do I still need to send it": a question
_QUESTION_START = re.compile(r"^\s*(what|which|why|how|where|when|who|do|does|did|is|are|can|could|should|will|would|"
                             r"que|q|cual|por que|porque|como|donde|cuando|quien|tengo que|hay que|puedo|necesito)\b"
                             r"(?!')")  # not "can't", "don't"
_QUESTION_ANYWHERE = re.compile(
    r"\b(how much|how long|do i (still )?(need|have)|should i|cuanto|cuanta|todavia tengo que|aun tengo que|"
    r"bao nhieu|o dau|o đau|the nao|lam sao|co can|con phai|phai khong|(gi|nao|sao) (vay|day|the))\b"
    r"|什么|哪|为什么|怎么|吗|多少|还要|要不要"
    r"|\b(gi|nao|sao|khong|ko|hong|hok)\s*(vay|vay a|day|a|ha|ta)?\s*$")


# "I don't want to book", "no quiero agendar", "tôi không muốn đặt lịch", "不想约": the opposite of wanting a visit
_NOT_WANTED = re.compile(r"\b(don'?t|do not|dont|no longer|never) (want|wanna|need)\b|\bno (quiero|deseo|necesito)\b"
                         r"|\b(khong|ko|k|hong|hok|chang|cha|đung|dung) (muon|can|thich)\b|不想|不要|不用|不需要|别")


# asks to be called rather than texted, with no other time ("gọi cho tui đi, nhắn tin tui ko rành", "just call me")
_WANTS_A_CALL = re.compile(
    r"^\W*(please |pls |can you |could you |can someone |just )?(call|phone|ring) me( please| pls| instead)?\W*$"
    r"|\b(i'?m|im|i am) (not good|no good|bad|terrible) (at|with) (texting|texts|text|phones|these)\b"
    r"|\bi (don'?t|do not|can'?t|cannot) (text|do texts|read texts)\b"
    r"|^\W*(llameme|llamame|marqueme|marcame|hableme|hablame)( por favor| porfa)?\W*$"
    r"|\bno (se|puedo) (textear|mandar mensajes|escribir mensajes)\b"
    r"|\b(goi|call) (dien thoai |đien thoai )?(lai )?(cho )?(tui|toi|minh|em|con|co|chu|bac|ba|me|ma|ong|anh|chi|cau"
    r"|mo)( \w+)? (đi|di|nha"
    r"|nhe|nghe|giup|gium|dum)\b"
    r"|\b(nhan tin|text|nt|[đd]oc tin nhan)( \w+)? (ko|khong|k|hok|hong) (ranh|biet|quen|gioi|ro|duoc|đuoc|noi)\b"
    r"|\b(co ai|ai [đd]o|nguoi nao)( co the)? goi (dien thoai |đien thoai )?(lai )?cho \w+"
    r"|打(个)?电话给我|给我打(个)?电话|call我|我唔识(打字|睇短信)|我不会(打字|看短信|发短信)")


# asks for a real person to talk to: "有冇真人可以倾吓", "can I talk to a real person", "gặp người thật"
_REAL_PERSON = re.compile(
    r"\b(talk|speak|chat|get|need|want|have|connect me)( to| with)? (a |an )?(real|live|actual) (person|human|one)\b"
    r"|\b(hablar|platicar|comunicarme) con (una )?persona( real| de verdad)?\b|\bpersona (real|de verdad)\b"
    r"|有没有真人|找真人|真人(可以)?(倾|聊|谈|讲|回|接)|人工(客服|服务)|(同|跟|和)(真人|工作人员)(倾|聊|谈|讲)"
    r"|\b(gap|noi chuyen voi|cho (toi|tui) (gap|noi chuyen)) (voi )?(nguoi that|nhan vien)\b"
    r"|\b(ng|nguoi) that\b(?! (su|long|la))")


def wants_a_real_person(text: str) -> bool:
    """Whether the reply asks for a real person to talk to (not "are you a real person?": who we are)."""
    return bool(_REAL_PERSON.search(normalise(text)))


def wants_a_call(text: str) -> bool:
    """Whether the reply asks to be phoned by a person instead of texted (a time to call is a later, not this)."""
    return bool(_WANTS_A_CALL.search(normalise(text)))


def asks_for_a_person(text: str) -> bool:
    """Whether the reply asks, in words, for someone to talk to ("can someone call me", "hablar con alguien")."""
    return bool(_ASKS_FOR_PERSON.search(normalise(text)))


def wants_a_visit(text: str) -> bool:
    """Whether the reply says yes to a visit, or asks for one, without asking for a person (and without saying
    it does not want one)."""
    folded = normalise(text)
    return (says_yes(text) or bool(_WANTS_A_VISIT.search(folded))) and not _ASKS_FOR_PERSON.search(folded) \
        and not _NOT_WANTED.search(folded)


def asks_a_question(text: str) -> bool:
    """Whether the reply asks something (a question mark, or a question word where a question starts)."""
    if "?" in text or "？" in text or _QUESTION_ANYWHERE.search(normalise(text)):
        return True
    return any(_QUESTION_START.search(normalise(clause)) for clause in re.split(r"[,.;!，。；！]", text) if clause)


# "I don't understand", "no entiendo qué papel", "不明白", "ko hiểu": the patient does not know what is asked
_CONFUSED = re.compile(r"\b(i )?(don'?t|dont|do not) (understand|get it|know what)\b|\bno (entiendo|se que|se cual)\b"
                       r"|不明白|不懂|不知道(要|是)|\b(khong|ko|k|hong) (hieu|biet (gi|la gi))\b")


def is_confused(text: str) -> bool:
    """Whether the reply says the patient does not understand what is asked of them."""
    return bool(_CONFUSED.search(normalise(text)))


# "later", "next week", "after my trip", "más tarde", "晚点", "tháng sau": asking to be contacted another time
_LATER = re.compile(r"\b(later|tomorrow|next (week|month)|another (day|time)|busy|call (me )?back|after (my|the) \w+|"
                    r"luego|despues|manana|mas tarde|otro dia|la proxima semana|ocupad[oa]|"
                    r"sau|luc khac|lat nua|bua khac|tuan sau|thang sau|ban)\b|稍后|以后|晚点|明天|下次|改天|忙|回来")


# "reach out tomorrow afternoon", "mándeme mensaje mañana", "về rồi nhắn lại giùm", 下个星期再联系我: asked to be
# written to at another time, in so many words (a time said with it is when to write, not a visit time)
_WRITE_TO_ME = (r"(text|txt|message|msg|write|contact|reach out|reach|call|hit me up|get back to me|get back|try|ask"
                r"|check with)"
                r"( to)?( me| us)?( back| again| out)?")
_WHEN_LATER = (r"(tomorrow|tmrw|tmr|later|next (week|month|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*)|another (day|time)|"
               r"in (a|\d+|a few|a couple( of)?) (days?|weeks?)|after (the|this|my) \w+|when i('?m| am| get) back|"
               r"this weekend)")
_WRITTEN_LATER = re.compile(
    r"\b" + _WRITE_TO_ME + r" (\w+ ){0,2}" + _WHEN_LATER + r"\b"
    r"|\b" + _WHEN_LATER + r",? (please |pls |just )?" + _WRITE_TO_ME + r"\b"
    r"|\b(escribame|escribeme|escribanme|mandeme|mandame|mandenme|contacteme|contactame|llameme|llamame|"
    r"me (puede|pueden|podrian|podria) (escribir|mandar|contactar|llamar|textear)|me escriben|me mandan)"
    r"( \w+){0,3} (manana|luego|mas tarde|la (proxima )?semana|la semana que viene|otro dia|despues"
    r"|cuando (regrese|vuelva|llegue|este de vuelta|regresemos|volvamos)|"
    r"el (lunes|martes|miercoles|jueves|viernes)|en (unos|un par de|\d+) (dias|semanas))\b"
    r"|(明天|过几天|过两天|下(个)?(星期|礼拜|周|月)|以后|晚点|改天|回来(以后|后|之后)?|回(美国|美|这边|这里)(以后|后)?"
    r"|月底)[^，。,.]{0,6}再?"
    r"(联系|发短信|发信息|发给|找|打给|打电话|约|预约|问我|问问我|问一下我|同我讲|跟我说|回复你|答复你|覆你|回你)"
    r"|\b(nhan|goi|lien lac|lien he|nt|text)( lai)?( cho)?( \w+){0,3} (sau|mai|tuan sau|thang sau|bua khac|hom khac|"
    r"luc khac|lat nua)\b|\bve (roi|xong)( \w+){0,2} (nhan|goi|lien lac)|\b(nhan|goi) lai (giup|gium|dum|sau)\b"
    # the patient will answer later: "let me check my schedule and get back to you", "le aviso", 回头告诉你
    r"|\b(get back to (you|u|ya|y'?all)|let (you|u|y'?all) know|(te|le|les) (aviso|confirmo|escribo)|"
    r"(bao|tra loi|nhan) lai (sau|cho (ban|chi|anh|em|co|ben))|check (my|our|the) (work )?schedule)\b"
    r"|(回头|稍后|晚点|之后)(再)?(告诉|回复|答复|通知)你"
    # after the holidays / in January: "después de las fiestas, en enero hablamos", 过完年再说, "qua Tết rồi tính"
    r"|\b(despues|pasando|luego) de (las fiestas|navidad|ano nuevo|las vacaciones|mi viaje|que regrese)\b"
    r"|\b(en|para) (enero|febrero|marzo|el otro mes|el proximo mes|el mes que viene|el ano que viene|el otro ano)"
    r"( \w+){0,2} (hablamos|platicamos|nos comunicamos|nos hablamos|me (escriben|llaman|contactan|avisan))\b"
    r"|\b(after|past) (the )?(holidays|new year|christmas|xmas|thanksgiving)\b"
    r"|\b(talk|speak|chat|reach out|text|call)( to me| me)? (again )?(in|after) (january|february|the new year)\b"
    r"|(过完年|过年后|年后|新年后|节后|过完节)[^，。]{0,6}(再说|再约|再联系|再讲|再问|再预约)"
    r"|\b(qua|sau|het|ra) tet( \w+){0,2} (tinh|hen|nhan|goi|lien lac|kham)\b"
    r"|\b(qua|sang|toi|[đd]en) (thang|tuan) (\d{1,2}|sau|toi|gieng|mot) (moi|roi) (qua|ve|quay|lien lac|hen|nhan|goi)"
    r"|\b(thang|tuan) (\d{1,2}|sau|toi|gieng) moi (ve|qua|quay lai|quay ve|ranh)\b")


# the patient will send the paper asked for later: "I'll snap it when I get home", "se lo mando el fin de semana"
_SENDS_LATER = re.compile(
    r"\b(i'?ll|i will|will|gonna|going to|let me|i can) (send|text|take|snap|get|upload|forward)\b.*"
    r"\b(tonight|later|tomorrow|tmrw|when i get (home|back)|this weekend|on the weekend|after work|in a bit|soon"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(lo|la|se lo|se la|te lo|te la|le|los|las|se los) (mando|envio|paso|tomo|saco|mandare|enviare|pasare)\b.*"
    r"\b(en la noche|mas tarde|luego|manana|al rato|el fin de semana|cuando llegue|despues|ahorita|la otra semana"
    r"|la (proxima )?semana( que viene)?|el (lunes|martes"
    r"|miercoles|jueves|viernes|sabado|domingo))\b"
    r"|(晚上|明天|回家|下班|等下|等一下|待会|晚点|周末|过两天|过几天|过些天|改天|回头|回来|找到|找着|夜晚|今晚|屋企)"
    r"[^，。,.]{0,8}(拍|发|传|寄|send|影)"
    r"|\b(toi|chieu|mai|ve nha|ve|lat nua|ti nua|cuoi tuan)( \w+){0,3} (chup|gui)\b")


def sends_document_later(text: str) -> bool:
    """Whether the patient says they will send the paper asked for later (then the request stays open)."""
    return bool(_SENDS_LATER.search(normalise(text)))


def asks_to_be_written_later(text: str) -> bool:
    """Whether the reply asks, in so many words, to be written to or called at another time."""
    return bool(_WRITTEN_LATER.search(normalise(text)))


def asks_for_later(text: str) -> bool:
    """Whether the reply asks to be contacted later, in words."""
    return bool(_LATER.search(normalise(text)))
