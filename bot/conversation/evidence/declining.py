"""Turning the visit down: "no" to the times offered, and the reasons to decline kept as a category."""

from __future__ import annotations

import re
import unicodedata

from bot.conversation.keywords import normalise

# why a patient turns the visit down, as a category the event keeps (operations count them; the words stay private)
_DECLINE_REASONS = (
    ("feels_better", re.compile(
        r"\b(feel|feels|feeling|im|i'?m) (beter|bettr|btr)\b|\b(now )?recover(ed)? already\b"
        r"|\b(i )?(feel|feels|feeling|am|im|i'?m) (much |a lot |alot |way |all |so much |really |lots |a whole lot "
        r"|whole lot |a ton |tons )?"
        r"(better|fine now|recovered|healed)\b"
        r"|\b(is|it'?s|its|are|feels) (all |completely |fully |a lot |alot |much |way |so much )(better|healed)\b"
        r"|\b(is|it'?s|its) healed\b"
        r"|\ball better\b|(?<!not )(?<!n't )(?<!nt )\b(doing|doin) (much |a lot |way |a whole lot |whole lot |so much "
        r"|lots )?better\b"
        r"|\bya se me quito (el dolor|la molestia)\b|\b(el dolor|la molestia) (ya )?se me quito\b"
        r"|\bno longer (hurts|in pain)\b|\b(quit|stopped|done) hurt(in|ing)\b|\b(right as rain|good as new"
        r"|fit as a fiddle)\b"
        r"|\b(doesn'?t|does not|don'?t|dont|doesnt) hurt (anymore|any more|no more|none)\b"
        # "im feelin way better now" (not "I'd feel better talking to someone", "would feel better if...")
        r"|(?<!d )(?<!would )(?<!not )(?<!n't )(?<!nt )\b(feel|feeling|feelin) (way |much |a lot |so much |lots )?"
        r"better\b"
        r"(?! (if|when|with|talking|to|about|knowing))(?!.*\b(nope|worse|not really)\b)"
        # (not "no me he curado", "para que me cure")
        r"|\bya me (cure|he curado)\b|\bya estoy curad[oa]\b"
        # "ya me siento bien gracias a Dios, ya no ocupo la cita"; 只脚已经不痛，不用覆诊
        r"|\bya (me siento|estoy|ando|toy) (muy |re )?bien\b(?=.*\bya no (la |lo )?(ocupo|necesito|nesesito)\b)"
        r"|已经不(痛|疼)了?[^。]{0,6}(不用|不使|唔使|不需要)(再)?(覆诊|复诊|看|去|约|预约)"
        # "ya me compuse, ya ando trabajando" (not "ya me compuse, el martes está bien": a time chosen is no decline)
        r"|\bya me compuse( gracias( a dios)?)?( ya\b| y ya\b|$)(?!.*\b(lunes|martes|miercoles|jueves|viernes"
        r"|quiero|\d)\b)"
        r"|\b(i'?m|im|i am) (good|fine|ok|okay|all good|alright) now\b|\b(i )?(am |'m )?(feel|feeling) (good|fine|ok"
        r"|okay|great|well) now\b"
        r"|\b(me siento|estoy|ya estoy|ya me siento|ando|ya ando|toy|ya toy) (mucho |muy |muchisimo |bastante |re )?"
        r"(mejor|bien ya|bien(?! gracias| y usted| y tu)"
        r"|recuperad[oa])\b"
        # (not "I haven't recovered yet", "my pain has not improved", "nothing has improved")
        r"|(\b(i'?m|im|i am|i'?ve|i have|he'?s|she'?s|has|now) |'s |已经 ?|都 ?)(fully |completely |totally |all )?"
        r"recovered\b"
        r"(?! yet)|(?<!nothing )(?<!nobody )\b(has|have|'s|is) (really |greatly |a lot |much )?improved\b"
        r"|\bimproved (a lot|considerably|greatly|so much|significantly|a great deal)\b"
        r"|\b(quedo|quedó|esta|está|ando) como nuev[oa]\b"
        r"|\bya no me duele\b|\bya casi no me duele\b(?!.*\bpero\b)"
        r"|\b(la|el|mi) (?!(\d\w*|primer\w*|segund\w*|tercer\w*|cuart\w*|ultim\w*|opcion|hora|horario|cita|fecha"
        r"|dia|de|del|que|otra|otro|martes|miercoles|jueves|viernes|lunes|manana|tarde)\b)\w+ (ya )?(esta|se siente"
        r"|quedo) (mucho |muy |ya |bastante )?(bien|mejor|san[oa]|curad[oa])\b"
        r"|\b(đo|do) (đau|dau|nhuc|moi|benh) (\w+ ){0,2}(nhieu|nhiu|lam|han|hon)( (roi|r))?\b"
        r"|(早|已经|都)?好利(索|落)(了)?|好多了|(?<!还没)(?<!没)(?<!等)(好得差不多|差不多好了)(?!.*(星期|礼拜|周[一二三四五六日]|拆线|(?<!不用)再去|要去|得去))|好势|好勢|好(了)?很多|好了?好多|好得多|(已经|早就|早|都|全)好了|康复了|不(疼|痛)(了|啦|喇|咯)|痊愈"
        r"|\b(đa |da )?(khoe|khoi|het đau|het dau|het benh|lanh benh)( (nhieu|nhiu|lam|han|het|\w+))? (hon|roi|r)\b"
        # đỡ (better) folds like đó (that): "xét nghiệm đó rồi" is a test done, so đỡ only where it starts a thought
        r"|(^|\b(da|đa|thay|cung|toi|tui|em|con|minh|bac|co|chu|ba|ong|nay|me|ma|bo|anh|chi|vo|chong|chau) )"
        r"đo( (nhieu|nhiu|lam|han|het))? (hon|roi|r)\b"
        r"|\bmy \w+( is| feels|'s)? (\w+ ){0,2}(a lot |much |way |so much )?(fine|ok|okay|good|better|healed) now\b"
        r"|\bmy \w+( is| feels|'s) (\w+ )?(a lot|much|way|so much) better\b"
        r"|\b(đa |da )?do (nhieu|nhiu|lam|hon|han)( (roi|r))?\b|\bda do (roi|r)\b"  # đỡ typed as "do"
        r"|\bbot (đau|dau|nhuc|moi)( \w+)? (nhieu|nhiu|lam|han|hon|roi|r)\b|\bđo (đau|dau|nhuc|moi) (roi|r"
        r"|nhieu)\b"  # "lưng bớt đau nhiều rồi"
        r"|\bkhoe (re|ru|queo|nhu trau)\b")),
    ("already_done", re.compile(
        # "My surgeon already took care of that, had the follow up last week", "ya m lo hice en agosto"
        r"\balready took care of (it|that|this)\b|\bhad (the|my|a|that) (\w+ )?(follow ?up|followup|visit|appointment"
        r"|appt|exam|check ?up|checkup|physical)( \w+)? (last|in|on|a|back|earlier|this)\b(?!.*\b(come back|again"
        r"|return|\d))"
        r"|\b(m|me) (lo|la) (hice|hize|ise|tome|saque)\b"
        r"|\b(tuan|thang|nam) (truoc|roi)( \w+){0,2} (vua|da|moi) (di )?(kham|lam|xet nghiem|chup|soi)\b"
        r"|\b(toi|tui|em|con|minh) [dđ]a ([dđ]i )?(kham|xet nghiem|chup|soi|lam)( \w+){0,12}"
        r" (hoi|vao|tu) ([dđ]au |cuoi |giua )?(thang|tuan|nam)( \w+){0,3} roi\b"
        r"|\balready (had|got|did|went|done|been|saw|seen)\b(?! (me |us )?(a|an|my|another) (\w+ )?(doctor|specialist"
        r"|therapist"
        r"|provider|pcp|\w+ologist|\w+iatrist)\b)|\b(did|had|got) (this|that|the|my|it)( \w+)? already\b"
        r"|已经[^，。,.]{0,12}(做|检查|查|打|拍|照)(咗|了|完)"
        r"|(医生|专科)[^，。,.]{0,10}已经(看|见)(了|过)|\bya (yo )?(me )?(la|lo|los|las)? ?(hice|ise|ize"
        r"|hise|hize|fui|tuve"
        r"|hicieron)\b"
        r"|\b(had|got) (my|the|it|that|one) (\w+ )?(done|checked)\b|\bdid (it|that|this|mine) (at|in|with|last|back)\b"
        r"|\bcheck ?up (roi|r)\b"
        # "em làm cái check này last month rồi mà": done last month, said in Vietnamese and English
        r"|\b(lam|kham|chup|xet nghiem|soi) (cai )?(check|test|xet nghiem|kham)?( nay| do)? (last (month|year|week)"
        r"|thang truoc|nam ngoai|nam truoc|tuan truoc)( roi)?\b(?!.*\b(chua|lai|nhung|nam nay)\b)"
        r"|\b(had|got|did) (my|her|his|their|the|a) (\w+ ){0,2}(?=(annual|yearly|wellness|check up|mammogram"
        r"|colonoscopy"
        r"|screening|scan|shot|vaccine|exam|physical|checkup|pap|pap smear|labs|bloodwork|mri|x ray"
        r"|xray)\b(?! (scheduled"
        r"|reminder|appointment|appt|booked|at \d|letter|card|notice|too)))(annual|yearly|wellness|check up"
        r"|mammogram|colonoscopy"
        r"|screening|scan|shot|vaccine|exam|physical|"
        r"checkup|pap|pap smear|labs|bloodwork|mri|x ray|xray)\b"
        r"|已经(做|去|看|检查|查|打|拍)过|(做|检查|查|看)过了|已经.{0,10}(做|检查|查|看|打|拍|照)过"
        r"|(做|检查|查|打|拍|照)过.{0,6}了|(刚|已经|都)(做|检查|查|打|拍|照)完"
        r"|(上个月|上个星期|上星期|上礼拜|上个礼拜|上周|去年|前几天|前阵子|上次)[^，。,.]{0,12}(做|检查|查|打|拍|照|验)(了|过|完)"
        r"|刚(做|检查|查|打|拍|照|体检)(过|完|了)|(体检|检查)(过|完)了(?!吗|么|没)"
        r"|\b(moi|vua) (đi |di )?(physical|check ?up|kham|xet nghiem)( \w+){0,4} (roi|r)\b"
        r"|(今年|去年)?([一二三四五六七八九十]{1,2}|\d{1,2})月(份)?[^，。,.]{0,4}(做|检查|查|打|拍|照)(了|过|完)"
        r"|\b(đa|da) (lam|đi|di|kham|xet nghiem|chup|tiem)( \w+){0,6} roi\b"
        r"|\b(toi|tui|em|con|minh|bac|chau) (đi|di) (kham|lam|xet nghiem|chup|soi|tiem)( \w+){0,3} (roi|r)\b"
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
        r"|\b(i|we) (just )?(moved|move|are moving|have moved) (to|out of|away|across)\b"
        r"|\bmy new (doctor|specialist|pcp|provider|therapist|clinic)\b|\bme mude (a|de|para|pa|pal|al|hasta)\b"
        r"|搬(去|到)[^，。,.]{0,6}了"
        r"|\b(i'?ll|i will|gonna|going to|we'?ll|we will) (have|get|do) ((my|the|our) (\w+ )?(check ?up|checkup|exam"
        r"|visit|screening|tests?|physical)|it|that|this)( done)? (here|there|over there|back home)\b"
        r"|\bme (vuelvo|regreso|voy) (a|pa|para) (mexico|espana|guatemala|honduras|el salvador|colombia|cuba|peru"
        r"|venezuela|nicaragua|ecuador|puerto rico|republica dominicana|mi pais|mi tierra)\b"
        r"|\b(alla|alli|aya|ahi) me (hago|hare|atiendo|veo|checo|chequeo) (las|los|mis|el|la|mi)\b"
        r"|\bmi (medico|medica|doctor|doctora) (de cabecera|familiar|de familia|de siempre)\b"
        r"|\b(me|m) (estoy|toy|toi) (atendiendo|viendo|tratando) con (un|una|otro|otra|mi) (medico|medica|doctor"
        r"|doctora|especialista|clinica|\w+log[oa])\b"
        r"|\bi (go|goes|see|use) (to )?(planned parenthood|the va|my (own )?(\w+ )?(doctor|clinic|gyn\w*|ob\w*|pcp"
        r"|specialist)|another (doctor|clinic|place)|a different (doctor|clinic|place)) for (that|this|it|those)\b"
        r"(?!.*\b(but|pero)\b)"
        r"|在别(家|的地方|的医院|的诊所|处)(约|看|做|检查|预约)"
        r"|\b(have|got) (a|my) (pcp|doctor|primary|primary care)( \w+){0,3} already\b"
        r"|\bmy (\w+ologist|\w+iatrist|doctor|specialist|pcp|provider)( \w+){0,3} (is|are) (handling|taking care of"
        r"|managing|doing) (everything|it|that|all)\b"
        r"|\b(me va|me van) a? ?atender (mi|mis) \w+|\b(alla|alli|aya) me (atenderan|atendera|veran|vera)\b"
        r"|\b(i|we) (go|goes) to (the|a|my|our) (\w+ ){0,2}clinic (at|in|by|near|on) (my|our|the)"
        r" (?!(morning|afternoon|evening|mornings|afternoons|evenings|weekend|weekends|week)\b)\w+"
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
        r"|\balready (seeing|seein|see|have|got) (a|an|my|another) (\w+ )?(doctor|specialist|therapist|provider|clinic|"
        r"\w+ologist|\w+iatrist)\b"
        r"|(有|看)(自己的|我的|家庭|私人|中国|华人|华裔|别的|其他){1,2}医生|就不(去|来)你们(那|这)"
        r"|\b(co )?bac si( \w+){0,2} (rieng|gia dinh|cua (toi|tui|minh|em))\b"
        r"|在[^，。,.]{0,12}(诊所|医院|医生)(那|那里|那边)?在?看"
        r"|\b(go|going|goes|switched|see|seeing|care|treated) (to |at |through |thru |with )?(the )?(va|v a|veterans)\b"
        r"|\b(at|to) the (va|v a)\b|\b(somewhere|someplace) else\b"
        r"|\belsewhere\b"
        # "I go to the Haitian clinic in my neighborhood, they take care of me", "gonna use the urgent care instead"
        r"|\b(i|we) (go|goes|see|use) (to )?(the|a|my|our) (\w+ ){0,2}(clinic|doctor|hospital|health center"
        r"|urgent care|practice)\b( \w+){0,6} (instead|in (my|our|the) (neighborhood|town|area|village)"
        r"|near (my |our |the )?(house|home)|closer|they take care of (me|us|it|that|all))\b"
        r"|\b(i|we) (just |usually |always )?(go|goes) to (the|a|my|our) (\w+ ){0,2}(clinic|doctor|health center"
        r"|hospital|urgent care)( \w+){0,4} for (that|this|those|it|all (that"
        r"|this))\b"  # "i just go to the clinic at school for that"
        r"|\b(me estoy viendo|me veo|me estoy tratando|me trato) con (un|una|mi|otr[oa]) \w+"
        # as English learned later says it: "I see already doctor at Somali clinic", "I go to Korean doctor in Fort
        # Lee now"
        r"|\bi (see|go to) already (a |the |my )?(doctor|clinic|specialist) (at|in) (?!(the )?(message|text)\b)\w+"
        r"|\bme atiendo (aqui|alla|alli|aca) con (el|la|un|una|otr[oa]|mi) (doctor|doctora|medic[oa]|clinica"
        r"|centro) (del|de la|de mi|en)\b"
        r"|\bi (go|going|see) (to )?(a |an |my |the )?(\w+ )?(doctor|clinic|dr|specialist|hospital) (in|near|by"
        r"|over in) (?!(a|the city|telehealth|video|phone|wheelchair|bus|car)\b)([a-z]+ ){1,3}now\b"
        r"(?! (for|but|so|and|i|\d|every|twice|three|what|do|can|is|are|because)\b)"
        # "tôi đi khám phòng mạch bác sĩ người Việt bên Little Saigon cho tiện": a practice near home, for ease
        r"|\b(di )?kham (o |tai )?(phong mach|phong kham|pk)(?! nay\b)"
        r"( (?!(buoi|sang|chieu|toi|trua|thu|gio|ngay|tuan|mai)\b)\w+){0,8} (cho tien|gan nha|gan hon)\b"
        r"|(返|回)(咗|了)(?!家|屋企|去|来)[^，。,.]{1,6}(睇|看|检查|做|医)(咗|了|过)"
        r"|\b(use|using|go to|going to|gonna use|gonna go to) (the |an |a |my )?(\w+ )?(urgent care|minute clinic"
        r"|walk in|clinic|doctor|hospital)( \w+){0,4} instead\b"
        r"|\b(the )?(va|v a|clinic|doctor|hospital|center)( \w+){0,2} ((takes|will take) care of|handles"
        r"|covers) (me|us|all (that|this|of it"
        r"|of that)|it|that|everything)\b"
        r"|\bya tengo (una )?cita con (mi|un|una|otro|otra) (\w+ )?(doctor|doctora|medic[oa]|especialista"
        r"|terapeuta)\b"
        r"|\bya me (vio|reviso|atendio|checo|chequeo) (un|una|el|la|mi) (\w+ )?(doctor|doctora|medic[oa]"
        r"|especialista)\b"
        r"|(那边|那里|那儿)[^，。,.]{0,4}(已经)?在(看|治|复诊)"
        r"|\bya me (atendieron|atendi|vieron|estan atendiendo|atienden|atiendo)\b"
        r"|\bme (atiendo|estoy atendiendo|veo) con (un|una|otr[oa]|mi) \w+"
        r"|\b(chuyen|đoi|doi) (qua|sang|ve|toi) (cho|phong kham|phong mach|bac si|bs|noi|benh vien|bv|pk|tap|kham)\b"
        r"|\bya (yo )?tengo (un |una |mi |otr[oa] )?(especialista|doctor|doctora|medic[oa]|terapeuta|\w+olog[oa]"
        r"|\w+iatra)\b|\bsigo con (el|ella|mi) (doctor|doctora|medic[oa]|especialista|\w+olog[oa])?\b"
        r"|\b(i|we) (go|goes|going) to (?!the\b)[a-z]+( [a-z]+)? for (all (that|this|of (that|it|my \w+))|my (care"
        r"|checkups?|doctor|pt|therapy|\w+ care))\b"
        r"|\b(for|of|does|do|handles?) all (my|our) (doctoring|care|doctor \w+|health ?care|medical care|checkups)\b"
        r"|\b(continuar|seguir|sigo|voy a seguir|continuo|decidi continuar|decidi seguir)( \w+){0,3} con"
        r" (un|una|mi|el|la)"
        r" (\w+olog[oa]|terapeuta|fisioterapeuta|doctor|doctora|medic[oa]|especialista|quiropractico)\b"
        r"|(那边|那里|那儿)[^，。,.]{0,10}(已经)?有[^，。,.]{0,8}(医生|specialist|doctor|专科)[^，。,.]{0,3}(在)?看"
        r"|\b(qua|sang|ve) (tap|kham|tri lieu|lam)( o)? (ben|o) \w+|\b(tap|kham) (ben"
        r"|o) (?!nha\b)\w+( \w+){0,4} (roi|r)\b"
        r"|\bme (estan|esta) (viendo|atendiendo) en (la|el|una|otra|otro) (clinica|hospital|consultorio|centro)\b"
        r"|\bya me (estan|esta) (viendo|atendiendo|tratando)\b"
        r"|在[^，。,.]{0,16}(诊所|医院)(做|看|治|检查)"
        r"|\b(estoy viendo|me esta viendo|me estan viendo|me ve|veo) (a )?(un|una|mi|otr[oa]) (\w+ )?(doctor|doctora"
        r"|medic[oa]|especialista|terapeuta|\w+ologo|\w+ologa|\w+iatra|\w+dista)\b"
        r"|有自己的(专科|家庭|私人)?医生|在国内[^，。,.]{0,6}(看|做|治|检查|针灸)|回国(看|做|治|检查)"
        r"|\b(alla|alli|ahi) me (atiendo|atienden|ven|voy a (atender|ver|tratar)|va a (ver|atender|checar|revisar)"
        r"|van a (ver|atender|checar|revisar))\b"
        r"|\b(me )?consigui[oa]? (una )?cita con (un|una|otr[oa]|el|la) \w+\b"
        r"|\bme (lo|la) (hago|hare|voy a hacer) en (mexico|guatemala|el salvador|honduras|colombia|mi pais|otro lado|"
        r"puerto rico|republica dominicana|cuba|peru|nicaragua)\b"
        r"|回(台湾|国|中国|香港|大陆|老家)[^。]{0,12}(做|看|治|检查)|在(这边|那边|当地)(做|看|治)"
        r"|\bme atiendo (alla|alli|en (mi|otro|otra|el|la))\b"
        r"|\ben otro (lado|lugar|sitio|hospital|consultorio)\b|\ben otra (clinica|parte|ciudad)\b"
        r"|\b(voy|vamos|ire|ya voy) (a|con) otr[oa] (clinica|doctor|doctora|medico|medica|lugar|hospital|terapeuta)\b"
        r"|(去|到)别的(医院|诊所|地方)|(去|到)其他(医院|诊所)"
        r"|\bcambie de (clinica|doctor|medico|hospital|terapeuta|terapista|fisioterapeuta|fisio)\b"
        r"|\bme cambie (a|con) (un|una|otr[oa]|mi) \w+|\botro (doctor"
        r"|medico|terapeuta|especialista)\b"
        r"|\botra (doctora|medica|terapeuta|especialista|clinica)\b|\botr[oa] (\w+olog[oa]|\w+iatra|\w+dista)\b"
        r"|\b(đi|di|kham|co) (bac si|bs|phong kham)( \w+){0,5} quen( roi| r)?\b|\bbac si quen\b"
        r"|\b(kham|đi kham|di kham|chua|tri)( \w+){0,2} (ben|o|voi|cho|tai) (bac si|bs|phong kham|pk)\b"
        r"(?! (nay|ben (anh|chi|em|minh)|cua (anh|chi|em|ban|quy vi|minh))\b)"
        r"|\b(đi|di|kham) (bac si|bs) (nguoi )?(viet|tau|hoa|rieng|gia [đd]inh|khac|quen)\b"
        r"|\bve (viet nam|vn)( \w+){0,2} (chua|kham|tri|mo)\b|(看|找|去看)(中医|中医师|自己的医生|家庭医生)"
        r"|换了(医院|医生|诊所)|在别的(医院|诊所|地方)|\b(đoi|chuyen) (phong kham|bac si|benh vien)\b"
        r"|\b(benh vien|phong kham|bac si|cho|noi|bv|pk|bs) khac\b"
        r"|\bencontre (un|una|otr[oa]) (\w+ )?(especialista|doctor|doctora|medic[oa]|clinica|terapeuta|lugar)\b"
        r"|\b(voy|vamos) a (ir|atenderme) (alla|alli|ahi|con (el|ella|ese|esa|mi|mis|un|una))\b"
        r"|(找|换)了?(一个|一位|个)?[^，。,.找换]{0,4}(医生|医院|诊所|专科)"
        r"|看了?(别的|其他|另外的?|新的|华人|中国)(医生|医院|诊所)")),
    ("cost", re.compile(r"\b(can'?t|cannot|cant) afford\b|\bfixed income\b"
                        r"|\b(can'?t|cannot|cant) (take on|handle|swing|do|pay) (another|a|the|one more) (\w+ )?(copay"
                        r"|co pay|bill"
                        r"|deductible)\b|\b(can'?t|cannot|cant) (keep )?(paying|affording)\b"
                        r"|\btoo expensive\b|\bno insurance\b|\b(too|very|so) (mahal|expensive|pricey)\b"
                        r"|\binsurance (tak|not|no|don'?t|doesn'?t|won'?t|didn'?t|didnt) (cover|pay)\b"
                        r"|\bno (tenemos|tengo) (para|pa) pagar\b|\bdeductible (is|of) \$?\d+k?\b|没保险|整不起"
                        r"|\b(deductible|copay"
                        r"|co pay)( \w+){0,3} (cao|mac"
                        r"|đat|dat) (qua|wa|lam)\b"
                        r"|\bmoney( is|'?s) (tight|short)\b|\b(barely|doesn'?t|does not|won'?t) (covers?|pay)\b"
                        r"|\bno (puedo|podemos) (seguir )?pagando\b|\b(khong|ko|k) (kham|tra|đong|dong|chiu) noi\b"
                        r"|\b(kham|tra|đong|dong|chiu|lo) (khong|ko|k) noi\b"
                        r"|看不起(病|医生)?了?|自己出好?几百|要?自费好?几百|好?几百(刀|块|美金)|(账单|钱)[^，。]{0,4}(没|还没)付完"
                        r"|\b(me )?sale (mucho |bien |muy )?mas barato\b"
                        r"|\b(khong|ko|k) (du|đu) tien\b|没钱|付不起|负担不起"
                        r"|\b(don'?t|do not) have (the )?(money|insurance)\b|\bno money\b"
                        r"|\bno (me )?(lo |la )?puedo permitir\b|\bno (me )?cubre (casi )?(nada|eso|esto)\b"
                        r"|(保险|保險)[^，。]{0,8}(?<!覆盖)(?<!报销)不(覆盖|cover|给付|报销)(?!不)"
                        r"|自付(?![^，。]{0,4}(会不会|是不是|多少))[^，。]{0,6}(太|很|好)?(高|贵)(?!吗|么|不)"
                        r"|\bno tengo (ese |el |los |tanto )?(seguro|dinero|aseguranza|con que pagar|para pagar"
                        r"|para el copago)\b"
                        r"|\bno me alcanza\b|\bno me (da|alcanza) el bolsillo\b"
                        r"|\bno (puedo|podemos) pagar\b|\b(can'?t|cannot|cant) pay\b"
                        r"|\bno tengo( \w+){0,3} (pa|para) (pagar|el copago|el deducible)\b"
                        r"|\bno tengo (los |la |el )?(chavos|lana|feria|plata|dinero|varo|billete|cash)\b"
                        r"|\b(muy|demasiado) caro\b|太贵|没有保险|给不起|\b(mac|đat|dat) (qua|wa)\b"
                        r"|\bbao hiem( \w+){0,2} (khong|ko|k|hok|hong) (tra|chi|cover|bao|chiu)\b|\btien dau ma\b"
                        r"|\bton (qua|kem|nhieu qua|lam)\b"
                        r"|\b(khong|ko|k|hok|hong) co (bao hiem|tien|insurance)\b"
                        r"|\b(khong|ko|k|hong|hok) (\w+ )?afford\b|\b(deductible|copay|co pay|gia|tien|phi|chi phi"
                        r"|bill)( \w+)? (cao|mac|đat|dat) (qua|wa|lam)\b|\bton tien\b|\bmac lam\b")),
    ("not_needed", re.compile(
        # the exercises done at home now: "ya hago en la casa los ejercicios que me enseñaron"
        r"\b(ya )?hago (en (la )?casa )?(los|mis) ejercicios( en (la )?casa)?\b|\bi (already )?do (the|my) exercises at"
        r" home\b|无需要|無需要|免啦|免了|\bno voy a volver a (la )?terapia\b|"
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
        # "el doctor me dijo q ya no necesitaba ir al especialista"
        r"|\b(dijo|dice|dijeron) (que |q |k )?ya no (necesito|necesitaba|ocupo|ocupaba|hace falta|hacia falta)\b"
        r"(?! (cirugia|operacion|pagar|llevar|traer|ayunas|nada))"
        r"|\b(don'?t|do not|doesn'?t|does not) need (\w+ ){0,2}(anymore|any more)\b"
        r"|\b(don'?t|dont|do not) (reckon|think|guess|believe) (i|we|he|she) (need|have) (to (come|go|be seen|see"
        r"|do|book"
        r"|schedule|make)|it|this|that)\b"
        r"|\b(doc|doctor|dr) (said|says|told me) (it )?(was ?n'?t|wasnt|was not|is ?n'?t|isnt"
        r"|aint) nothing\b(?!.*\bbut\b)"
        r"|\b(doctor|dr|doc|md|physician) (\w+ )?(told|said|says|say|tells)( me| him| her| us)?( \w+){0,2}"
        r" (don'?t|do not"
        r"|doesn'?t|"
        r"does not|no longer) (need|have to)\b"
        r"|\b(el|la|mi) (doctor|doctora|medico|medica) (me )?(dijo|dice)( \w+){0,6} (ya )?no (necesito|hacia falta"
        r"|hace falta|tengo que)\b"
        r"|医生(说|讲)[^，。,.]{0,6}(不用|不需要|没必要)|\bbac si (noi|bao|dan)( \w+){0,3} (khong|ko|k) can\b"
        r"|\b(don'?t|dont|do not) have to (go|come) (back|in)\b|\b(all )?done with (therapy|pt|it|the therapy)\b"
        r"|\bya no tengo que (ir|venir|volver)\b|\bno need\b(?! to)|\bunnecessary\b"
        r"|\bya no (lo |la )?necesito\b|\bno (lo |la )?(necesito|ocupo)\b|\bno (me )?hace falta\b"
        r"|\bya no (me )?hacia falta\b"
        r"|\bno creo (que )?(lo |la )?(necesite|ocupe)\b|\bestoy (san[oa]|saludable|bien de salud)\b"
        r"|\b(i'?m|im|i am) (perfectly |totally |very )?(healthy|in good health)\b"
        r"|\bno es necesari[oa]\b(?! que (me|le|nos|lo|la) )|\bno (lo |la |le )?(veo|creo|siento) necesari[oa]\b"
        r"|\b(i'?m|i am|we'?re|we are) done with (those|these|the|my|that|this|all) (\w+ )?(tests?|screenings?|therapy"
        r"|pt|exams?|scans?|colonoscop\w+|mammograms?)\b"
        r"|不想再(做|去|检查|查|验|照)|(并|实在)?(无|没有)必要|不用(做|检查|查|验|照)|不需要|没(有)?需要|没(有)?(这个|那个|那|这|啥|什么)?必要|不必要|用不着|不用(了|喇|啦)|不用再"
        r"|不必(再)?(做|检查|查|去|了)"
        r"|\b(khong|ko|k|hong|hok) can( thiet| nua| lam| đau| dau)?\b|\bchua can thiet\b"
        r"|\b(tui|toi|em|minh|bac|chu|co|ong) khon can\b"  # "tui khôn cần": Central for không
        r"|(?<!还是)不用\W*$|检查(啥子|啥)(嘛|呢)"
        r"|\bno longer (require|need) (the|this|that|an?|any) (\w+ )?(appointment|appt|visit|therapy|pt|test|screening"
        r"|exam|referral|follow up|followup)\b"
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
                      r"|(khong|ko|k|hong|hok)( (đ|d)uoc| (đ|d)c| cai nao( (het|ca))?( tron)?| (cai|gio) nao( (het"
                      r"|ca))?"
                      r"| co cai nao( (phu hop|hop|đuoc|duoc))?"
                      r"| (đ|d)uoc cai nao( (het|ca))?| phu hop| tien| hop"
                      # "k dc ngay nao het": no day works at all
                      r"|( (đ|d)uoc| (đ|d)c)? (ngay|gio|cai|lich|buoi|bua) nao( (het|ca|duoc|đuoc|dc))?)?"
                      r"( (a|nhe|nha|đau|dau|ak|ah))?)$")
# what is said around a "no" without changing it: "no sorry", "nope!", "no lo siento"
_AROUND_NO = re.compile(r"\b(sorry|sry|lo siento|perdon|disculpe)\b|[.,!¡]")  # not "thanks": "no thanks" declines


# care found with someone else, whatever else the reply says
_FOUND_ANOTHER = re.compile(r"\b(đi|di|kham|hen|co hen|co) (voi )?(bac si|bs|phong kham|phong mach)"
                            r"( chuyen khoa| \w+){0,3} (o|tai|ben) \w+"
                            # "we went with a specialist closer to our house", "ya busqué un especialista por mi cuenta"
                            r"|\b(went|gone) with (a|an|another|the|our|my) (\w+ )?(specialist"
                            r"|doctor"
                            r"|clinic|provider|practice|\w+ologist|therapist)\b"
                            r"|\bya (busque|encontre|consegui|tengo|halle) (un|una|otro|otra"
                            r"|mi) (\w+ )?(especialista|doctor"
                            r"|doctora|medic[oa]|clinica|terapeuta)\b|\bme (esta|estan) (viendo|atendiendo) (el|ella"
                            r"|otro"
                            r"|otra|alla|ahi|alli)\b"
                            # "ahora me atienden en otro centro", "we moved Mom to a specialist closer to my house"
                            r"|\bme (atienden|ven|tratan|estan atendiendo) en (otro|otra) \w+"
                            r"|\b(moved|switched|transferred) (mom|dad|him|her|my \w+|them) (to|over to) (a"
                            r"|another"
                            r"|the|her|his|their) (\w+ )?(specialist|doctor|clinic|provider|practice|\w+ologist)\b"
                            # "I'd rather see the specialist my sister goes to", "I go to private doctor"
                            r"|\b(i'?d|i would) rather (see|go to|use|stay with|stick with) (the|a|my|our"
                            r"|another) (\w+ )?"
                            r"(specialist|doctor|dr|clinic|provider|\w+ologist) ((my|her|his|our) (sister|brother"
                            r"|friend"
                            r"|daughter|son|wife|husband|family|mom|dad|cousin|neighbor)|across|near|closer)\b"
                            r"|\bi (go|see|use) (to )?(a |my |the |one )?(private|own|family|regular|other|another"
                            r"|\w+ speaking) (doctor|dr|clinic|physician)\b(?! (on|at|this|next|tomorrow|today"
                            r"|every)\b)"
                            # "I have doctor in Dearborn now, my family doctor"
                            r"|\b(i|we) (already )?(see|have) (a |an |my |our )?(own |family |regular )?(\w+ologist"
                            r"|specialist"
                            r"|doctor|physician|pcp) (in|at|over|now)\b(?! \d)|\bi (already )?do (my |our )?(checkups?"
                            r"|check ups?"
                            r"|physicals?) (with|at) (him|her|them)\b"
                            r"|\b(kham|đi kham|di kham|chua|tri) (ben|o|voi|cho|tai) "
                            r"(bac si|bs|phong kham|phong mach|pk)\b(?! (nay|ben (anh|chi|em|minh)|cua (anh|chi|em"
                            r"|ban|quy vi|minh))\b)"
                            r"|(找|换)了?(一个|一位|个)?[^，。,.找换]{0,8}(医生|医院|诊所|专科|中医|治疗师|理疗师|医师|大夫)"
                            r"|\b(got in|get in|getting in|been seeing|started seeing) with (a|an|another|my|the) "
                            r"(\w+ ){0,2}(doctor|specialist|clinic|provider|\w+ologist)\b"
                            r"|转(了)?(去|到)[^，。,.]{0,12}(诊所|医院|医生)"
                            r"|(在|喺)(?!你们|贵)[^，。,.]{1,12}(诊所|医院)(那|那里|那边)?(看|睇|做|检查)(过|了|咗)"
                            r"|(看|睇)(紧|着|緊)?(另一个|另外一个|另一位|别的|其他|第二个)(医生|诊所|医院)"
                            r"|\b(found|switched to|went to) (a|an|another|a different|my own|a new) (\w+ )?"
                            r"(doctor|clinic|specialist|provider|\w+ologist)\b"
                            r"|\b(otro|otra) (doctor|doctora|especialista|clinica)\b"
                            r"|\b(voy|vamos|ya voy|estoy yendo|estoy llendo) a (una|un|otra|otro) "
                            r"(terapia|clinica|doctor|doctora|terapeuta|lugar|centro|consultorio)\b"
                            r"|\b(bac si|phong kham|benh vien) khac\b"
                            r"|\b(me voy a|voy a|me estoy|me vine a|ya me) atender(me)? con (el|la|un|una|mi|otro"
                            r"|otra)\b|\b(going to|seeing|see|go to|started with) (a|my|the) (\w+ )?(chiropractor"
                            r"|acupuncturist)\b"
                            r"|\b(go|going|goes|went) to (pt|therapy|physical therapy|rehab|a (\w+ )?(clinic|place"
                            r"|doctor)|one|another one) (that'?s )?(closer|nearer|near)\b"
                            r"|\b(ya )?me (atiende|ve|trata|esta atendiendo|estan atendiendo|lleva) (un|una|el|la"
                            r"|mi) \w+"
                            r"|\b(stick|stay|staying|sticking) with (my|our) (own )?((heart|regular|family|primary"
                            r"|usual|current|old|lung|kidney|bone|foot|skin) )?(doctor|specialist|clinic|provider"
                            r"|pcp"
                            r"|\w+ologist|dr|doc)\b"
                            r"|\bme (cambie|pase|cambio|fui) a (una|otra|la|un|otro|el) (clinica|terapia|doctor|doctora"
                            r"|lugar|consultorio|centro|hospital)\b"
                            r"|\bi (already )?(see|have) (a|my) (own )?(\w+ologist|specialist|doctor) (at|in|over|for"
                            r"|who)\b(?! \d)"
                            r"|(一直|已经|现在|都)在(?![^，。,.]{0,6}(上班|工作|开会|忙|没空|开车|做工|返工))"
                            r"[^，。,.]{1,12}(看|复诊|治疗|检查|做)"
                            r"|(返|回)(香港|大陆|国内|中国|台湾|越南|老家|唐山)[^，。,.]{0,4}(睇|看|检查|做|医)"
                            # "我返咗香港睇私家醫生" (not "回了中国看看亲戚": visiting family)
                            r"|(返|回)(了|咗)(香港|大陆|国内|中国|台湾|越南|老家|唐山)\S{0,4}((看|睇)(病|医生|医|诊|专科|中医"
                            r"|牙|私家)|检查|医病|做(检查|手术|治疗|体检))"
                            r"|(?<!不)(?<!没)(?<!想)(?<!包)(?<!有)(?<!前)(看|睇)(私家|私人)(医生|诊所)(?!\S{0,6}(贵|吗|多少|不包|想))"
                            r"|\b(moved|switched|transferred|changed) (my |our |his |her )?(pt|therapy|physical therapy"
                            r"|rehab|care|appointments?|appts?|visits?) (to|over to) (a|the|another|some|my) \w+"
                            # "doing my PT at a place closer to home now", "giờ tui đi therapy ở chỗ gần nhà"
                            r"|\b(doing|getting|do|get|having) (my |our |the )?(pt|therapy|physical therapy|rehab"
                            r"|screenings?|checkups?|care) (at|with) (a|another|some|this|the) (\w+ )?(place|clinic"
                            r"|office|doctor|center|practice)\b"
                            r"|\b(đi|di|tap|kham|lam) (therapy|tap|kham|pt|tri lieu|vat ly tri lieu)( \w+){0,2} (o|tai"
                            r"|ben)"
                            r" (cho|noi|phong kham|phong tap|pk)\b"
                            r"|\b(bac si|bs|phong kham|pk)( \w+){0,4} gan nha\b"
                            r"|\bchuyen (qua|sang|toi|ve) (phong tap|phong kham|cho|bac si|bs|bv|benh vien|noi|pk)\b"
                            r"|(第二度|别处|别的地方|其他地方|另一个地方)[^，。,.]{0,6}(做|看|睇|治疗|检查)"
                            r"|(在|去)(另一家|另外一家|别家|其他)(医院|诊所)"
                            r"|(转|换)(去|到)?[^，。,.]{0,10}(另外|另)(一)?家|(另外|另)一家[^，。,.]{0,6}(做|看|复健|治疗)"
                            # "đi khám chuyên khoa ở phòng mạch bác sĩ người Việt bên Philly rồi"
                            r"|\b(đi|di) (kham|tri|chua)( chuyen khoa| \w+){0,2} (o|tai|ben) (phong mach|phong kham"
                            r"|bac si|bs|benh vien|bv|pk)\b")


# a request for another doctor HERE: "可以换个医生吗", "can I get a different doctor?", "¿puedo cambiar de doctora?"
ASKS_ANOTHER_DOCTOR = (r"(可以|能|能不能|可不可以|可唔可以|可否)(换|转|转换)(成|到|去|个|一个|一位|过|第二个)?"
                        r"[^，。？?]{0,10}(医生|大夫|医师)"
                        r"|\b(can|could|may) (i|we) (get|have|see|switch to|change to|change) (a different"
                        r"|another|a new|other|a diff) (doctor|provider|therapist|dr)\b"
                        r"|\b(puedo|podria|se puede|podemos) (cambiar|tener|ver) (de |a |con )?(otr[oa] )?"
                        r"(doctor|doctora|medic[oa]|terapeuta)\b")
_CATEGORIES = dict(_DECLINE_REASONS)
# "I don't think I need to see a specialist": no care elsewhere in it, only no need
_NO_NEED_TO_SEE = re.compile(r"\b(don'?t|do not|dont|no longer|never)( really| think i| believe i)? (need|want|have) to"
                             r" (be )?(see|seeing|go to|visit) ((a|an|the|another|any) (\w+ )?(specialist|doctor|clinic"
                             r"|\w+ologist|provider)|any more (doctors|specialists|\w+ologists))\b")
# a test or screening (not a course of care) said done: already done, wherever it was done
_TEST_DONE = re.compile(r"\b(test|tests|screening|mammogram|colonoscopy|exam|examen|estudio|prueba|xet nghiem|soi"
                        r"|chup)\b|检查|化验|筛查|体检|已经[^，。,.\s]{0,12}做(咗|了|过|完)")
# another doctor said as one NOT wanted ("no quiero con otro doctor", "I don't want a different doctor"): no care
# elsewhere
_NOT_ANOTHER = re.compile(r"\b(no quiero|no deseo|no|don'?t want|do not want|not)( (ir|ver|verme|atenderme|go|see"
                          r"|to see|to go))?( (con|a|with|to))? (otr[oa]|another|a different|other|a new) (\w+ )?"
                          r"(doctor|doctora|medic[oa]|provider|clinic|clinica|terapeuta|therapist|specialist"
                          r"|especialista)\b" + "|" + ASKS_ANOTHER_DOCTOR)


# no need said outright, which outweighs what is said beside it: "no lo necesito, estoy bien" (not feeling better:
# well, so no need), "a mi edad no considero que necesite ese examen", 这个年纪不用再做了 (not: done before)
_NO_NEED_OUTRIGHT = re.compile(r"\bno (lo|la) necesito,? (estoy|me siento|ando) bien\b"
                               r"|\b(estoy|me siento|ando) bien,? no (lo|la) necesito\b"
                               r"|\bno (creo|considero|pienso) que (lo |la )?(necesite|me haga falta|haga falta"
                               r"|sea necesari[oa])\b"
                               r"|\b(a|at) (mi|my) (edad|age)\b|\b(khong|ko|k) can (\w+ ){0,2}(dau|đau|thiet|lam)\b"
                               r"|\btu tap( \w+)? (o|tai) nha\b(?!.*\bnhung\b)"  # "bác sĩ nói em tự tập ở nhà là đủ"
                               # "mi doctor me dijo que ya no era necesario", "no nesesito eso asta el otro año",
                               # "me toca recién el año que viene", "tôi không thấy cần khám"
                               r"|\bno (era|es|sera|seria) necesario\b(?! que (me|le|nos|lo|la) )(?! (llevar|traer"
                               r"|hacer|tener|mandar|firmar)\b)"
                               r"|\b(necesito|nesesito) (eso |esto )?(hasta"
                               r"|asta) el"
                               r" (otro|proximo) ano\b|\bme toca (recien )?(el ano que viene|el otro ano"
                               r"|el proximo ano)\b"
                               r"|\b(khong|ko|k) (thay )?can (kham|di kham|tap|lam|chup|xet nghiem)\b"
                               # (not "mệ lớn tuổi rồi, không đọc tin nhắn được": why a relative writes)
                               r"|\b(\d{2,3}|lon|cao) tuoi roi\b"
                               r"(?!,? (\w+ ){0,2}(khong|ko|k|hong|hok|chang) ([dđ]oc|biet"
                               r"|xai|dung|nhan|coi|nghe|ranh))|\bkhoi can\b|\b(chup|kham|lam|xet nghiem"
                               r"|soi)( \w+){0,3} chi nua\b"
                               r"|(这个|这把|我这)年纪|[一二三四五六七八九十\d]+几?岁(了|咯|啦|喇|嘞)"
                               r"|\b(khong|ko|k|hem|hong|hok) muon (tap|kham|lam|di tap|di kham|chup|xet nghiem) nua\b")
# better than before, said outright: why the patient needs no visit now ("I feel good now, no need to come")
_BETTER_NOW = re.compile(r"\b(mejor|better|improved|recovered|recuperad[oa]|(good|fine|well) now)\b"
                         r"|\bya (me siento|estoy|ando|toy) (re |muy |super |bien )?bien\b"  # "ya me siento re bien"
                         r"|\b(đo|do) (đau|dau|nhuc|moi)( \w+){0,2} (nhieu|roi|r)\b"  # "em đỡ đau vai nhiều rồi"
                         r"|\b(het (đau|dau|benh)|khoi (benh|roi|r)|khoe (roi|lai|r)|(đo|do) (nhieu|roi|r))\b"
                         r"|好多了|好得多|好(了)?很多")
_AT_MY_AGE = re.compile(r"\b(a|at) (mi|my) (edad|age)\b|(这个|这把|我这)年纪")
# the price said outright, which outweighs a visit or test named beside it
_COST_OUTRIGHT = re.compile(r"太贵|\btoo expensive\b|\b(muy|demasiado) caro\b|\b(mac|đat|dat) qua\b"
                            r"|\b(can'?t|cannot|cant) (afford|aford)\b|付不起|负担不起|掏不起|花不起"
                            r"|(退休金|钱)[^，。\s]{0,4}(哪够|(?<!够)不够)"  # (not 钱够不够: asking)
                            r"|\bno (tengo|tenemos) (como|con que) pagar(lo|la|eso|esto)?\b(?! (el|la|los|las) "
                            r"(estacionamiento|parking|taxi|transporte|bus|gasolina|uber))(?!.*\bayuda\b)"
                            r"|\bno (puedo|podemos) pagar(lo|la|eso|esto)?\b(?! (el|la|los|las) (estacionamiento"
                            r"|parking|taxi|transporte|bus|gasolina|uber))(?!.*\bayuda\b)")
# a reason with a decision after it: "how much this cost? ... I cannot pay again. no thank you"
_DECIDED = re.compile(r"(\bno,? thank(s| you)|\bno gracias|\blo (voy a dejar|dejo)( ahi| asi)?|\bi'?ll pass"
                      r"|\b(thoi )?khoi (nha|nhe|di)?|不用了|算了|先不约了?|不约了)\W*$")


# a visit refused outright, with no reason: "thôi pass, ko book đâu", "tôi không đặt lịch nữa đâu ạ", 唔约喇
_REFUSES = re.compile(r"\b(khong|ko|k|hong|hok|chang)( muon)? (đat|dat|book|lay|hen)( lich| hen| lich hen| cuoc hen)?"
                      r"( (gi|luon|nay|do|đo))? (nua|đau|dau)\b|\b(do not|don'?t|dont) book (anything|it|me|that"
                      r"|one)\b(?! (yet|until|till|before))|^(thoi |nah |ok |no )?pass( (nha|nhe|thanks|thx))?$"
                      r"|\b(i'?ll|i will|ill|gonna) pass( on (it|this|that))?( this time)?( (thanks|thx|thank you))?$"
                      r"|(?<!约)(不|唔)(约|预约)(了|喇|啦|咯|嘞|啰)|(决定)?不再(就诊|复诊|预约|去(看|医院|诊所))"
                      r"|暂不(预约|约)"
                      r"|\b(i'?m|im|i am) done with (doctors|doctor visits|appointments|all (that|this))\b"
                      r"|\bhard pass\b"

                      r"|\b(xin phep )?(khong|ko|k) (hen|đat|dat) lai\b|\b(won'?t|will not|not gonna"
                      r"|not going to) (book|schedule)"
                      r"( it| one| anything| an appointment)?\W*$")


# Central Vietnamese "mô" for "đâu", read with its marks ("mổ" is an operation): "tui không đặt hẹn mô"
_REFUSES_CENTRAL = re.compile(r"\b(không|ko|k|hông)( muốn)? (đặt|book|lấy|hẹn)( lịch| hẹn| lịch hẹn)? mô\b"
                              r"(?! (được|đc|dc)\b)")


# a visit already booked, by the patient or for them ("my doctor office already make appointment for me", "ya tengo
# cita para enero", 已经约好了, "đã có hẹn rồi"): the reason not to book, whatever "no need" is said beside it
_ALREADY_BOOKED = re.compile(
    r"\balready (have|got|made|make|booked|book|scheduled|schedule|set up|setup) (an? |my |the |one |that |it )?"
    r"(\w+ ){0,2}(appointment|appt|apt|visit|one)\b"
    r"|\b(appointment|appt|visit) (is |was )?already (booked|made|scheduled|set)\b"
    r"|\balready (booked|scheduled|made) (it|that|one)\b|\bgot it (all )?set (back )?up (for|with|on)\b"
    r"|\b(they|office|clinic|doctor|dr|pcp|someone) (already )?(made|make|booked|scheduled|set up) (an? |my |the )?"
    r"(appointment|appt)( for me)?\b"
    r"|\bya (tengo|tenemos|tiene) (una |mi |la |su )?cita\b(?! con (otr[oa]|un|una|mi|el|la) )"
    r"|\bya (me |le )?(hicieron|dieron|agendaron|programaron|sacaron|pusieron|hice|saque|agende|programe|pedi|cogi"
    r"|coji) (la |una"
    r" |mi |su |el |un )?(cita|turno)\b"  # "ya saqué turno para el 14" (River Plate: turno, the appointment)
    r"|已经(约好|约了|预约|有预约|订好|排好|挂好号|挂了号|约上)|已经(?![^，。\s]{0,8}(没|未|等))[^，。\s]{0,8}约(好|上|到)(了|时间)(?![^，。\s]{0,4}(吗|再说))|(?<!没)(?<!没有)约(好|上|到)了(?!吗)|自己(已经)?(打电话)?约(好|上)了"
    r"|\b(da|co) (co )?(lich )?hen (roi|r)\b|\bda (dat|co) (lich |lich hen |hen )(roi|r|\w+ (roi|r))\b")


# another engagement that day, or a booking since undone: "I already have a dentist appointment on wednesday", "ya
# tengo una cita el martes, ¿otro día?", 星期二已经约了朋友, "thứ 3 em đã có hẹn rồi", "... but it was cancelled"
_A_CLASH = re.compile(r"\b(on|this|next|el|este|ese) (mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lunes|martes"
                      r"|miercoles|jueves|viernes|sabado|domingo)(day)?s?\b(?! pasado(?! manana))"
                      r"|\b(pero|nadie|otra cosa|ese dia|that day|otro dia|another day|dentist|dentista|friend"
                      r"|amig[oa]s?"
                      r"|cancel\w*)\b|\bthu ([2-7]|hai|ba|tu|nam|sau|bay)\b|\bt[2-7]\b|\bhom (do|đo)\b"
                      r"|(星期|礼拜|周)[一二三四五六日天]|那天|朋友|取消")


def already_booked(text: str) -> bool:
    """Whether the reply says the visit is already booked (somewhere, by someone): no need to book it here."""
    folded = normalise(text)
    asked = "?" in text or "？" in text  # "¿ya cogí cita o no?"
    return bool(_ALREADY_BOOKED.search(folded)) and not _A_CLASH.search(folded) and not asked


def refuses_a_visit(text: str) -> bool:
    """Whether the reply refuses the visit outright, giving no reason ("thôi pass, ko book đâu", 唔约喇 多谢)."""
    marked = unicodedata.normalize("NFC", text.lower())
    return bool(_REFUSES.search(normalise(text))) or (bool(_REFUSES_CENTRAL.search(marked))
                                                       and "sao" not in marked.split())


def decides_against(text: str) -> bool:
    """Whether the reply ends by deciding against the visit ("no thank you", "lo voy a dejar ahí", 算了)."""
    return bool(_DECIDED.search(normalise(text)))


def decline_reason(text: str) -> str | None:
    """The category of a reason to turn the visit down that the reply gives, if it gives one."""
    folded = _NOT_ANOTHER.sub(" ", _NO_NEED_TO_SEE.sub("dont need it", normalise(text)))
    if _BETTER_NOW.search(folded) and _CATEGORIES["feels_better"].search(folded) and not _AT_MY_AGE.search(folded):
        return "feels_better"  # "ya me siento mucho mejor, no creo que necesite ir": no need, because better now
    if _NO_NEED_OUTRIGHT.search(folded) and not _FOUND_ANOTHER.search(folded):  # "có bác sĩ khác rồi, ko cần đâu"
        return "not_needed"
    if _COST_OUTRIGHT.search(folded):
        return "cost"  # "太贵了 上次做完收到bill好几百块": the price, not the test done before
    if _TEST_DONE.search(folded) and _CATEGORIES["already_done"].search(folded):
        return "already_done"  # "我上个月已经在别的诊所做过这个检查了": the test is done, wherever it was
    if _FOUND_ANOTHER.search(folded):
        return "care_elsewhere"  # "found another specialist and was seen there": seen elsewhere, not done here
    return next((category for category, pattern in _DECLINE_REASONS if pattern.search(folded)), None)


# "ninguna, estoy fuera del país hasta el 20": none of them first, then why (a plain "no, ..." may turn the visit down)
_NONE_FIRST = re.compile(r"^\W*(\w+ )?(ninguna|ninguno|ningun|none( of (them|those|these|the times))?|neither( one)?"
                         r"|ni una|ni uno|no me (quedan|sirven|convienen|acomodan)( esos| esas| ninguno| ninguna)?"
                         r"|those (don'?t|do not) work( for me)?)\s*[,.;:!-]")


def is_bare_no(text: str) -> bool:
    """"no", "nope", "none of them", "ninguna": none of the offered times (not: no visit at all)."""
    core = " ".join(_AROUND_NO.sub(" ", normalise(text)).split())
    return bool(_BARE_NO.match(core) or _NONE_FIRST.match(text.lower()))
