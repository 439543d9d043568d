"""Replies a person must take: a relative writing, a question the bot cannot answer, a call or a real person
asked for, who is writing, not understanding what is asked."""

from __future__ import annotations

import re

from bot.conversation.evidence.declining import ASKS_ANOTHER_DOCTOR
from bot.conversation.keywords import normalise

_FOR_SOMEONE = re.compile(
    r"\b(i'?m|i am|this is|its|it'?s) (his|her|their|the patient'?s|(\w+'?s)) (\w+ )?(mom|mother|dad|father|son|"
    r"daughter|wife|husband|partner|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|aunt|uncle|"
    r"brother|sister|niece|nephew|caregiver|caretaker|aide|guardian)\b"
    r"|\bcan (my|his|her) (\w+ )?(mom|mother|dad|father|son|daughter|wife|husband|caregiver|sister|brother|"
    r"grandson|granddaughter|niece|nephew|aide)s? (call|talk|speak|text|answer|handle)\w*\b"
    # "This is Linda, Robert's wife."
    r"|\bthis is (?!(for|about|from|ok|okay|great|crazy|fine|not|so|just|my|the|a|an|his|her|it)\b)[a-z]+,? [a-z]+'s"
    r" (wife|husband|daughter|son|mom|mother|dad|father|sister|brother|granddaughter"
    r"|grandson|niece|nephew|caregiver|partner)\b"
    r"|\b(i'?m|i am|im|this is) (the |her |his )?(son|daughter|wife|husband|grandson|granddaughter|niece|nephew"
    r"|caregiver) of\b"  # "I am the son of Mrs. Hassan"
    r"|\b(writing|texting|answering|replying) for (my|him|her)\b|\bon (his|her|their) behalf\b|\bon behalf of\b"
    r"|\bi (text|write|answer|reply|respond) for (him|her|them)\b"
    r"|\b(i'?m|i am|im|this is) (the|a|an|his|her|their|my \w+) (\w+ )?"
    r"(caregiver|caretaker|aide|guardian|home health aide)\b"
    r"|\b(i'?m|im|i am) the one (who|that) (does|handles|makes|books|schedules|sets up) (his|her|their|all)\b"
    r"|\b(i|we) help ((him|her|them|my \w+) )?(with )?(his|her|their) (appointments?|appts?|scheduling|visits?)\b"
    # "My father cannot read english, I help him": why a relative writes
    r"|\bmy (father|mother|dad|mom|grandma|grandpa|grandmother|grandfather|husband|wife|aunt|uncle) (cannot|can'?t"
    r"|can not|doesn'?t|does not|don'?t|do not) (read|text|use (the |a )?phone)\b.*\bi help (him|her|them)\b"
    r"|\bthis is my (\w+ )?(mom|mother|dad|father|grandma|grandpa|husband|wife)'?s (phone|cell|number)\b"
    r"|\b(cua|cho) (ba|me|ma|bo|ong|ba noi|ba ngoai|ong noi|ong ngoai|vo|chong)( \w+)? (la )?(toi|tui|con|em|minh) lo\b"
    r"|\b(i'?m|im|i am) (my|the) (\w+'?s) (legal )?(guardian|caregiver|caretaker|conservator|payee|poa|aide)\b"
    # "hi this is Darnell mom" (a name, no 's)
    r"|\b(this is|its|it'?s) (?!(a|an|the|his|her|their|my|your|our|just|also|not|so|about|for)\b)[a-z]+ (mom|mother"
    r"|mama|dad|father|grandma|grandmother|grandpa|grandfather|aunt|uncle|guardian|caregiver|wife|husband)\b"
    r"|我(系|是)[\u4e00-\u9fff]{1,3}(嘅|的|个)(女|仔|囡|儿子|女儿)(?![\u4e00-\u9fff]{0,2}(医生|老师))"  # 我係陳太個女
    r"|我(系|是)(佢|他|她)(嘅|的|个)?(女|仔|囡|阿嫲|阿婆|阿爷|阿公|嫲嫲|婆婆|爷爷|公公|外婆|外公|奶奶|妈妈|老豆|老妈|爸爸|阿妈|阿爸|老公|老婆)"
    r"|\b(caregiver|caretaker|guardian|aide|power of attorney|poa) (for|of|to)\b|\bi take care of (him|her|my)\b"
    r"|\b(i|we) (handle|make|schedule|book|manage|do|set up) (all )?(his|her|their) (appointments|appts|visits)\b"
    r"|\b(i|we)( be| am|'m| are)? (take|takes|takin|taking) care of (all )?(his|her|their) (appointments|appts|visits"
    r"|doctor visits|scheduling)\b"
    r"|\b(yo )?(me encargo de|manejo|hago|agendo|llevo) (todas )?(sus|las) citas\b"
    r"|(他|她)的(预约|看病|就诊|约)[^，。,.]{0,6}(我|由我)(来)?(安排|负责|管|处理)"
    r"|\b(soy|yo soy) (la|el|su) (que (l[oa] )?cuid[oa]|cuidador[a]?|encargad[oa] de (el|ella))\b|\byo (l[oa]"
    r"|le) cuido\b"
    r"|\b(le escribe|le habla|les escribe|habla|escribe|soy|aqui) (el|la|su) (nieto|nieta|hijo|hija|esposo|esposa|"
    r"sobrino|sobrina|hermano|hermana|cuidador|cuidadora)\b"
    r"|\bmi (abuelo|abuela|mama|papa|madre|padre|esposo|esposa|suegro|suegra) no (lee|sabe leer|sabe usar|escribe"
    r"|puede leer|"
    r"entiende|usa|maneja) (bien |el |los |mensajes|textos|celular)"
    r"|(这|这个)是我的?(外婆|奶奶|婆婆|外公|爷爷|妈妈|妈|爸爸|爸|老公|老婆|太太|先生|母亲|父亲|阿嫲|阿公)的(手机|电话|号码)"
    r"|我是[^，。,.]{1,4}的(儿子|女儿|老公|老婆|太太|先生|孙子|孙女|外孙|外孙女|家人|护工|侄子|侄女)"
    r"|\b(lo|sap xep|dat|coi) (lich|hen|lich hen)( \w+)? cho (ong|ba|me|bo|ma|ong ay|ba ay|ba noi|ba ngoai|ong noi)\b"
    r"|\bsoy (el |la |su )?(niet[oa]|hij[oa]|sobrin[oa]|nuera|yerno|espos[oa]) de\b"  # "soy nieta de Rosa"
    r"|\bsoy (su|el|la) (hij[oa]|espos[oa]|marido|mujer|madre|padre|mama|papa|herman[oa]|niet[oa]|sobrin[oa]"
    r"|cuidador[a]?|"
    r"nuera|yerno|suegr[oa]|cunad[oa]|prim[oa]|ti[oa]|"
    r"tutor[a]?)\b|\b(escribo|respondo|contesto) (por|de parte de) (mi|el|la)\b"
    r"(?! (noche|tarde|manana|madrugada|semana)\b)|\bde parte de (mi|su)\b"
    r"|\bpuede (mi|su) (hij[oa]|espos[oa]|madre|padre|herman[oa]|niet[oa]|sobrin[oa]) (llamar|hablar)\w*\b"
    r"|\b(habla|le habla|le escribe|escribe|soy|es) (el|la) (espos[oa]|hij[oa]|mama|papa|madre|padre|herman[oa]|"
    r"niet[oa]|cuidador[a]?|sobrin[oa]) de\b"
    r"|我是(他|她|病人)的?(老伴|老公|老婆|丈夫|妻子|太太|先生|女儿|儿子|妈妈|爸爸|母亲|父亲|孙子|孙女|外孙|外孙女|家人|亲戚|"
    r"护工|保姆|照顾)|我是(他|她|病人)的"
    r"|我(替|帮|给|代)(我的?)?(妈妈|妈|爸爸|爸|母亲|父亲|老公|老婆|丈夫|妻子|儿子|女儿|奶奶|爷爷|外婆|外公|婆婆|公公)"
    r"|我(替|代)(她|他)(回|回复|答|回答|说|约|安排|问)"
    r"|\b(toi|tui|em|e|con|chau|minh|chi|anh|co|chu|bac|di|cau) la (con|vo|chong|me|ba|bo|chau|em|anh|chi|nguoi nha"
    r"|nguoi cham soc)( trai| gai| noi| ngoai)?( cua)? (ba|ong|co|chu|bac|anh|chi|benh nhan|me|bo|ma|ba ay|ong ay|ba ta"
    r"|ong ta)\b"
    # a parent writing for a child: "tôi là mẹ cháu, cháu mới 13 tuổi"
    r"|\b(toi|tui|minh) la (me|ba|bo|cha|ma) (cua )?(chau|be|em)\b"
    r"|\b(toi|tui|em|e|con|chau|minh) la (con|vo|chong|me|ba|bo|chau|em|anh|chi|nguoi nha|nguoi cham soc)"
    r"( trai| gai| noi| ngoai)? cua \w+"
    # "Con đặt lịch giùm bà được không?": booking for a grandparent or parent
    r"|\b(đat|dat|lay|hen|xep) (lich|hen|lich hen)( \w+)? (giup|gium|dum|ho|thay) (ba|ong|me|bo|ma|ba noi|ba ngoai"
    r"|ong noi|ong ngoai)\b"
    r"|\bnhan (giup|dum|gium|thay|ho) (ma|me|ba|bo|ong|ba noi|ba ngoai|ong noi|ong ngoai|vo|chong)\b"
    # "Tôi là chồng, vợ tôi đang nằm viện": I am the husband, the patient cannot answer
    r"|\b(toi|tui|em|minh) la (chong|vo|nguoi nha|nguoi cham soc|con dau|con re)\b"
    r"|\b(vo|chong|me|ba|bo|ma|ong|ba noi|ba ngoai) (toi|tui|em|e|minh|con|chau)( \w+){0,5} (khong|ko|k) (tu )?(tra loi"
    r"|nhan tin"
    r"|doc|biet)"
)


def speaks_for_someone(text: str) -> bool:
    """Whether a relative or caregiver is writing for the patient: a person takes it from there (they may not
    be the one to hear the patient's details, and they have questions the bot cannot answer)."""
    return bool(_FOR_SOMEONE.search(normalise(text)))


# questions the bot cannot answer, whatever the conversation: a person (scheduling) answers them
_FOR_A_PERSON = re.compile(
    r"\b(insurance|insured|copay|co pay|deductible|medicaid|medicare|bill|billing|cost|how much|price)\b"
    # in person or by video, which of two referrals: "¿La cita es presencial o por videollamada?"
    r"|\b(es|is it|is this|is the \w+|will it be|sera|va a ser)( \w+){0,2} (presencial|en persona|in person|video"
    r"|videollamada|virtual|telehealth|telemedicina|telefono|phone) (o|or) (por |by |a )?(presencial|en persona"
    r"|in person|video|videollamada|virtual|telehealth|telemedicina)\b"
    r"|\bis (this|it) (for|about|with) (the|my) \w+ (doctor|one|referral|specialist)\b.*\bor\b"
    # which department or doctor the visit is with: "kindly inform for which department ... and the doctor name"
    r"|\b(for|in|to|with|from) (which|what) (department|dept|specialty|speciality|doctor|specialist|provider)\b"
    r"|(?<!matter )(?<!care )(?<!know )\b(which|what) (department|dept|specialty|speciality|doctor|specialist"
    r"|provider) (is|will|do|does|should|am|would)\b"
    r"|\b(what'?s|what is|tell me|give me|send me) (the )?(doctor|dr|provider)'?s? name\b"
    # whether the doctor speaks the patient's language: "個專科醫生識唔識講廣東話㗎？", "does the doctor speak spanish?"
    r"|(医生|医师|大夫|专科|doctor)[^，。]{0,6}(识不识|识不会|会不会|能不能|可不可以|有没有)(讲|说)(广东话|粤语|中文|国语"
    r"|普通话|越南话|越南语|西班牙语|英文|台语|福建话|潮州话)"
    r"|(医生|医师|大夫|专科|doctor)[^，。]{0,6}(会|识)?(讲|说)(广东话|粤语|中文|国语|普通话|越南话|越南语|西班牙语|英文"
    r"|台语|福建话|潮州话)(吗|嘛|㗎|呀|吗？)"
    r"|\b(does|do|will|can) (the |your |my )?(doctor|dr|specialist|nurse|provider|therapist)s? speak\b"
    r"|^(el|la) (doctor|doctora|medico|medica|especialista|terapeuta) (habla|sabe) (espanol|ingles)$"
    r"|\bbac si( \w+){0,2} (co )?noi (duoc )?tieng\b"
    # which doctor: "轉介係睇邊個醫生㗎?" (as read: 看谁医生), 哪个医生
    r"|(?:(看|睇|见|係|是)(谁|边个|哪个|哪位|邊個)(医生|医师|大夫)|(哪个|哪位|边个|邊個)(医生|医师|大夫))"
    r"(?![^，。]{0,4}(都|无所谓|冇所谓|不重要|一样|没关系|没所谓))"  # (not "看谁医生都可以")
    # how to get ready: "do i have to not eat before", "¿tengo que ir en ayunas?"
    r"|\b(do|should|must|shall) i (have to |need to )?(not eat|fast|skip breakfast)\b"
    r"|\b(tengo|debo|hay) que (ir |estar |llegar )?en ayunas\b|\b(voy|ir) en ayunas\b"
    r"|\b(closer|nearer)\b(?! to (lunch\w*|noon|midday|the (morning|afternoon|evening|end|weekend|start)|\d|my lunch))"
    r"|\b(near me|nearby|other location|another location|different location|parking|directions)\b"
    r"|\bcuanto (me |le |nos )?(va a )?(cuesta|costar|cobra\w*|sale|saldria|costaria|vale)\b"
    r"|\b((mi|su|tu|el) seguro|seguro medico|aseguranza|copago|factura|cuanto cuesta|costo|precio|mas cerca|"
    r"cerca de mi|otra (clinica|ubicacion|sucursal)|estacionamiento)\b"
    r"|保险|医保|费用|多少钱|账单|近一点|附近|\b(bao hiem|chi phi|bao nhieu tien|gan hon|gan nha(?! (roi|r)\b))\b"
    r"|\bwhere (is|are|r) (the|your|ur|you|y'?alls?|yalls) ?(office|clinic|place|building|located)?\b|\baddress\b"
    r"|\bis (this|it|that) (at|in) (the|your) (\w+ ){0,3}(office|building|clinic|location|campus)\b"
    r"|\bwhich (office|building|location|clinic|campus)\b|\b(aparcamiento|aparcar|que edificio|en que edificio)\b"
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
    r"|\bdireccion\b|在哪|地址|(边|哪|哪一)(间|家)(诊所|医院)|地铁|怎么(去|走)|泊车|停车"
    r"|\b(o dau|o đau|dia chi|đia chi|gui xe|đau xe|dau xe|parquear|parqueo|estacionamiento"
    r"|(cho )?(đo|do) xe|xe (buyt|bus)|(o|tai) (duong|đuong) nao)\b"
    # a ride asked for ("do you offer rides?", "necesito ayuda con el transporte"); a ride only mentioned is no question
    r"|\b(need|needs|get|offer|provide|give|arrange|help with|help getting|any|is there|do you have) (\w+ ){0,2}"
    r"(transport\w*|ride|rides|uber|lyft|shuttle)\b"
    r"|\b(do|does|can|could) (you|y'?all|yall|you guys|u|the clinic|they) (have|offer|provide|give|send|arrange"
    r"|do|help with)"
    r"( \w+){0,5} (transport\w*|ride|rides|van|shuttle|uber|lyft)\b"
    r"|\b(necesito|ocupo|ayud\w* con|dan|ofrecen|mandar|mandarme|darme|mandan|"
    r"tienen|hay|consiguen|conseguir|conseguirme) (\w+ ){0,2}(transporte"
    r"|raite|ride|aventon)\b"
    # (not "我要接送小孩": the patient's own errand, a time they are busy)
    r"|(有没有|有冇|提供|可以|能|帮忙|安排|负责)[^，。,.\s]{0,4}接送|接送(吗|服务|嘛|不)"
    r"|(提供|安排|帮忙|有没有)[^，。,.]{0,4}(交通|车)"
    r"|\bxe (đua|dua) (đon|don|ruoc)\b|\bco xe( \w+)? (đua|dua|đon|don|ruoc)\b|\bco (đua|dua) (đon|don|ruoc)\b"
    r"|\b(which|what) (office|location|clinic|building|address|place)\b|\bthe (office|clinic) (on|by|near|at)\b"
    # "does soonercare cover it", "does this specialist even take fidelis" (not "does it take long")
    r"|\b(does|do|will|would) (\w+ ){1,3}(cover|accept|take) "
    r"(?!(long|time|long time|a while|me|you|us|him|her|them|about|around|over|an? (hour|minute|while))\b)\w+"
    r"|\b(do|will) i (need|have to get) (a |another |new |a new )*referral\b"
    r"|\bis (it|this|that|the (clinic|office|specialist|doctor)) (in|at|near|by|close to) [a-z]+ or\b"
    r"|\b(interpreter|translator|interpretation|interprete|traductor[a]?|thong dich|phien dich)\b|翻译|传译"
    r"|哪(个|位)医生|什么医生|(会|能)(讲|说)(国语|普通话|中文|华语|广东话|粤语)(吗|不|么)"
    r"|(会|能|识)(讲|说)(国语|普通话|中文|华语|广东话|粤语|台语)的[\u4e00-\u9fff]{0,3}(医生|大夫|医师)"
    r"|\b(can i|could i|may i|is it ok to|ok if i) bring (my|the|a) \w+|\b(puedo|podemos) (llevar|traer) a\b"
    r"|可以带[^，。,.]{0,6}(吗|嘛|么|呢|不)|(能|可以)不能带|\b(co the|dc|duoc|đuoc) (dan|dem|cho) (con|chau|em be)\b"
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
    r"|" + ASKS_ANOTHER_DOCTOR + r"|\b(puede ser|podria ser|seria|quiero|quisiera|prefiero|can it be|could it be"
    r"|can i see|can i get|i want"
    r"|i'?d like|i prefer|i would like)( \w+){0,3} (con|with|a|see) (el |la |the )?(doctor|doctora|dr|dra|doc)\b"
    r"|\b(phong kham|van phong|benh vien) nao\b"
    # what the visit is for, which only the referral says: "What kind of doctor is this for?"
    r"|\b(what|which) (kind of|type of|sort of|kinda|kind a|type a|sorta) (doctor|specialist|dr|provider|appointment"
    r"|appt|visit|test|screening)\b"
    r"|\bwhat (is|'s|s) (this|the|that) (specialist|referral|appointment|appt|visit|test|screening|checkup|check up"
    r"|exam|therapy)( \w+)? for\b"
    r"|\b(nobody|no one|no1) (ever )?(told|said|explained)( \w+){0,3} (about|what|why|nothin|nothing)\b"
    r"|\b(que|cual) (tipo|clase) de (doctor|doctora|especialista|cita|examen|estudio)\b"
    r"|\bnadie me (dijo|explico|aviso)\b|\bpara que (es|sera|seria) (la cita|esto|eso|el referido|la consulta"
    r"|el especialista|la referencia)\b|\bno me (explico|explicaron|dijo|dijeron) (nada|na|para que)\b"
    # "¿y esa cita e' pa qué?", "¿la cita es en la misma clínica de antes o en otra?"
    r"|\b(esa|la|esta) cita (es|e|sera) (para|pa) que\b|\b(pa|para) que (es|e|sera) (esa|la|esta) cita\b"
    r"|\b(es|sera|e) en (la|el) (misma|mismo|otra|otro) (clinica|oficina|consultorio|lugar|sitio|hospital)\b"
    r"|\b(en )?(que|cual) (clinica|oficina|consultorio|direccion|sucursal|hospital)\b"
    r"|(看|是)什么科|哪(个|一)科|医生是谁|是哪(个|位)医生|看什么的|是看什么|看啥|是啥科|干啥的|做什么用|(自己|自个儿?)(掏钱|付钱|出钱)|自费"
    r"|(去|看)之前要不要|要不要先|(要|需要|使唔使|使不使)(准备|准备好|带)(什么|啲咩|乜嘢|乜|啥|咩)"
    r"|\b(o|cho|nha thuong|phong kham) mo\b|\bco gan( \w+){1,3} (khong|ko|k|hong|hok)\b"  # "ở mô", "có gần X không"
    r"|什么(科|专科)的?(医生|门诊)|\b(kham|bac si|bs) (gi|chi|chuyen khoa gi|chuyen khoa chi)\b"
    r"|\b(phai|can|co phai) (di )?(thu|xet nghiem|lay) mau truoc\b|\b(kham|chuyen khoa)( \w+)? ve gi\b"
    r"|\bsao( \w+){0,4} gioi thieu\b"
    r"|\b(doctor|dr|someone|somebody|staff|nurse|anyone|provider) (who|that) speaks\b"
    # "Who is this referral with?", "What doctor is this for? Is it for my heart or my stomach?"
    r"|\bwho is (this|the|my) (referral|appointment|appt|visit) (with|for)\b|\bwhat (doctor|specialist|kind of doctor"
    r"|type of doctor|provider|clinic) is (this|it|the (appointment|referral|visit)) (for|with)\b"
    r"|\bis (it|this) for my \w+ or\b|\bis (this|the|that) (office|clinic|location|place|appointment|visit)"
    r" (in|at|on|near|by)\b"
    r"|\b(kham|bac si)( \w+){0,2} ve (benh )?(gi|chi)\b|\bbac si( \w+){0,3} la ai\b"
    r"|\b(doctor|doctora|medic[oa]|alguien|enfermer[oa]) que (hable|habla|sepa)\b"
    r"|(会|能|识)(讲|说)(国语|普通话|中文|华语|广东话|粤语|台语)的(医生|人|护士)"
    r"|\b(bac si|bs|nguoi|y ta)( \w+)? (noi|biet) tieng\b|\b(co ai|ai|nguoi nao) (noi|biet) tieng\b"
    r"|\b(medi cal|medical (insurance|card|coverage|benefits|plan)|covered california|obamacare|tricare|aetna|cigna"
    r"|humana|kaiser|blue (cross|shield)"
    r"|united ?health)\b")


# "who is this?", "¿quién habla?", 你们是谁, "ai vậy": asks who is writing (answered by who we are, whatever was asked)
_WHO_WE_ARE = re.compile(r"^\W*(hi |hello |hola )?(who|whom) (is|'s|are) (this|you|u|texting)\b"
                         r"(?! (for|with|referral|appointment|appt|visit|doctor|specialist|about)\b)"
                         r"|^\W*who'?s this\b"
                         r"|^\W*(quien|quienes) (es|habla|eres|son|me escribe)\b|^\W*de (donde|parte de quien)\b"
                         r"|^\W*(请问|请问一下)?(你|你们|您)是(谁|哪位|哪里)|^\W*(你|你们)谁(啊|呀|阿)|^\W*(哪位|谁啊|是谁)|^\W*(这|这个)是(什么|啥|谁)|^\W*(乜嘢|乜|咩)(嚟|来)"
                         r"|^\W*(ai|ben nao|cho nao) (vay|day|đay|the|z|nhan|a)\b")


_HELP_FIRST = re.compile(r"^\W*(help|ayuda|giup|giup voi|帮助|help me)\b\W*")  # "Help. Ai nhắn vậy?"


def asks_who_we_are(text: str) -> bool:
    """Whether the reply opens by asking who is writing (then the answer is who we are, not a handoff)."""
    return bool(_WHO_WE_ARE.search(_HELP_FIRST.sub("", normalise(text))))


def asks_what_a_person_must_answer(text: str) -> bool:
    """Insurance, cost, a closer clinic: a question for a person, not for the bot (nor a nurse)."""
    return bool(_FOR_A_PERSON.search(normalise(text)))


# words that ask for a person ("can someone call me", "hablar con alguien", "找人", "nói chuyện với người")
_ASKS_FOR_PERSON = re.compile(
    r"\b(person|someone|somebody|human|agent|representative|operator|staff|call me|talk|speak|persona|alguien|"
    r"hablar|llam\w*|nguoi|noi chuyen|goi)\b|人|电话|打给")
# "what paper?", "¿cuál papel?", "什么纸", "giấy gì", "do I still need to send it": a question
_QUESTION_START = re.compile(r"^\s*(what|which|why|how|where|when|who|do|does|did|are|can|could|should|will|would|"
                             # (not "Is too expensive for me": "it" left out, as in English learned later)
                             r"is(?! (too|very|so)\b)|"
                             r"que|q|cual|por que|porque|como|donde|cuando|quien|tengo que|hay que|puedo|necesito)\b"
                             r"(?!')")  # not "can't", "don't"
_QUESTION_ANYWHERE = re.compile(
    r"\b(how much|how long|do i (still )?(need|have)|should i|cuanto|cuanta|todavia tengo que|aun tengo que|"
    r"bao nhieu|o dau|o đau|the nao|lam sao|co can|con phai|phai khong|(gi|j|nao|sao) (vay|day|the))\b"
    r"|什么|哪|为什么|怎么|吗|多少|还要|要不要|请问|(是|要)[^，。\s]{0,8}还是"
    r"|\b(gi|nao|sao|khong|ko|hong|hok)\s*(vay|vay a|day|a|ha|ta)?\s*$")


# asks to be called rather than texted, with no other time ("gọi cho tui đi, nhắn tin tui ko rành", "just call me")
_WANTS_A_CALL = re.compile(
    r"^\W*(please |pls |can you |could you |can someone |just )?(call|phone|ring) me( please| pls| instead)?\W*$"
    r"|\b(can|could|would|will) (someone|somebody|a person|anyone|a scheduler|one of you) (kindly |please )?(call"
    r"|phone|ring|telephone) me\b"
    r"|^\W*(xin|vui long|lam on|xin hay) (goi|goi dien|goi dien thoai|goi đien|goi đien thoai|call)( lai)? cho"
    r" (toi|tui|minh|em|con)\b"
    r"|\b(i'?m|im|i am) (not good|no good|bad|terrible) (at|with) (texting|texts|text|phones|these)\b"
    # "có số đt nào gọi trực tiếp ko": a number to call a person directly
    r"|\b(so|sdt|so dt|so đt|so [dđ]ien thoai)( \w+)? (nao|gi)( [dđ]e)? goi\b|\bgoi truc tiep\b"
    r"|\bi (don'?t|do not|can'?t|cannot) (text|do texts|read texts)\b"
    # "please have a scheduler telephone me", "i do not do well with these automated systems"
    r"|\b(have|get) (a|someone|somebody|a person|a scheduler|one of your \w+)( \w+)? (to )?(call|phone|telephone|ring)"
    r" (me|him|her|us|them)\b|\b(do not|don'?t) do (well|good) with (these |this |the )?(automated|texts|text"
    r"|phones|machines|robots)\b"
    r"|^\W*(llameme|llamame|marqueme|marcame|hableme|hablame)( por favor| porfa)?\W*$"
    r"|\bno (se|puedo) (textear|mandar mensajes|escribir mensajes)\b"
    # (not "mai em gọi điện cho chị nha": the patient will call)
    r"|(?<!em )(?<!se )(?<!toi )(?<!tui )(?<!minh )(?<!de )(?<!con )\b(goi|call) (dien thoai |đien thoai |dien |đien )?"
    r"(lai )?(cho )?(tui|toi|minh|em|con|co|chu|bac|ba|me|ma"
    r"|ong|anh|chi|cau"
    r"|mo)( \w+)? (đi|di|nha"
    r"|nhe|nghe|giup|gium|dum)\b"
    r"|\b(nhan tin|text|nt|[đd]oc tin nhan)( \w+)? (ko|khong|k|hok|hong) (ranh|biet|quen|gioi|ro|duoc|đuoc|noi|tien)\b"
    r"|\b(co ai|ai [đd]o|nguoi nao)( co the| \w+ tieng \w+)? goi (dien thoai |đien thoai )?(lai )?cho \w+"
    r"|打(个)?电话给我|给我打(个)?电话|call我|我唔识(打字|睇短信)|我不会(打字|看短信|发短信)")


# asks for a real person to talk to: "有冇真人可以倾吓", "can I talk to a real person", "gặp người thật"
_REAL_PERSON = re.compile(
    r"\b(talk|speak|chat|get|need|want|have|connect me)( to| with)? (a |an )?(real|live|actual) (person|human|one)\b"
    r"|\b(talk|speak|chat) (to|with) (a |an )?(human|person|live agent|agent|representative|rep|scheduler)\b"
    r"|\b(hablar|platicar|comunicarme) con (una )?persona( real| de verdad)?\b|\bpersona (real|de verdad)\b"
    r"|\b(me )?(llame|llama|llamen|hable|hablen) una persona\b"
    r"|有没有真人|找真人|真人(可以)?(倾|聊|谈|讲|回|接)|人工(客服|服务)|(同|跟|和)(真人|工作人员)(倾|聊|谈|讲)"
    r"|\b(gap|noi chuyen voi|cho (toi|tui) (gap|noi chuyen)) (voi )?(nguoi that|nhan vien)\b"
    r"|\b(ng|nguoi) (that|thiet)\b(?! (su|long|la))")


def wants_a_real_person(text: str) -> bool:
    """Whether the reply asks for a real person to talk to (not "are you a real person?": who we are)."""
    return bool(_REAL_PERSON.search(normalise(text)))


def wants_a_call(text: str) -> bool:
    """Whether the reply asks to be phoned by a person instead of texted (a time to call is a later, not this)."""
    return bool(_WANTS_A_CALL.search(normalise(text)))


def asks_for_a_person(text: str) -> bool:
    """Whether the reply asks, in words, for someone to talk to ("can someone call me", "hablar con alguien")."""
    return bool(_ASKS_FOR_PERSON.search(normalise(text)))


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
