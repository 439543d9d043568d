"""After discharge: fine, ordinary recovery, getting worse, back in hospital, a question about medicines."""

from __future__ import annotations

import re

from bot.conversation.keywords import normalise

# after discharge: the usual aches of getting better, said mildly, and nothing that sounds like getting worse
_MILD = re.compile(r"\b(a little|a bit|bit|slightly|kind of|kinda|somewhat|still a little|just a little|some|just|"
                   r"only|still|normal|bit of|little) "
                   r"(sore|stiff|tired|achy|aches|pain|painful|weak|bruised)\b"
                   r"|\bun (poco|poquito|poquitito) (adolorid?[oa]|cansad[oa]|de dolor|debil|tiesa"
                   r"|tieso)\b"  # "adolorío" as said
                   r"|\b(đau|dau|nhuc|moi|met) (am i|chut xiu|chut|xiu|it thoi|nhe)\b"
                   r"|\balgo (adolorid[oa]|cansad[oa])\b|\b(cansadit[oa]|adoloridit[oa])\b|\bahi (la )?llevo\b"
                   r"|有点(疼|痛|累|酸)|\bhoi (đau|met|moi)\b")
_WORSE = re.compile(r"\b(worse|worst|peor|swell|swollen|hinchad|fever|fiebre|bleed|sangr|pus|infect|can'?t|cannot|"
                    r"no puedo|severe|terrible|unbearable|fuerte|mucho dolor|very|muy|really bad|red|roj[oa]|hot)\b"
                    r"|更(疼|痛|严重)|肿|发烧|出血|\b(te hon|sung|sot|chay mau)\b")


# after discharge: words that say it is getting worse, whatever the engine read ("更疼了", "bị sốt", "swollen")
_RED_FLAG = re.compile(r"\b(mucho dolor|a lot of pain|so much pain|severe pain|in bad pain|dolor fuerte"
                       r"|(casi )?no (ha|he|a) comido( nada)?|casi no come|no quiere comer|no puede comer"
                       r"|(hasn'?t|has not|haven'?t|have not) (been )?eat(en|ing)|(isn'?t|is not|not) eating|can'?t eat"
                       r"|worse|worst|(feeling|feel|felt|getting|is|it'?s|am|i'?m|im) more bad|badder|peor|swollen"
                       r"|swelling|hinchad[oa]|hinchazon|fever|fiebre"
                       r"|calentura|"
                       r"bleeding|sangra\w*|sangre|pus|infected|infection|infectad[oa]|infeccion|redness|oozing"
                       r"|draining|"
                       r"(red|hot|warm|roj[oa]|caliente) (and|&|y) (hot|warm|red|swollen|caliente|roj[oa])|"
                       r"đau (hon|nhieu hon)|te hon|sung|sot|chay mau|nhiem trung|nang hon|xau hon"
                       r"|(ho|đau|dau|met|kho tho|chong mat|non|oi) (\w+ )?nhieu hon|yeu hon|yeu (đi|di) nhieu"
                       # fluid and weight after going home: "I put on 5 lbs in 2 days", "ankles twice the size"
                       # "stomach pain is increasing since yesterday"
                       r"|(pain|ache|swelling|dolor|hinchazon)( in (my|his|her|the) \w+)?"
                       r" (is |are |keeps |keep |esta |sigue )(increasing"
                       r"|getting (stronger|bigger|more)|aumentando|creciendo)"
                       r"|(gained|put on|up|gane|subi) \d+ (lbs?|pounds|kilos?|kg|libras)|twice (the|their|its) size"
                       r"|(ankles|legs|feet|tobillos|piernas|pies) (are |is |estan )?(so |really |muy )?"
                       r"(big|puffy|huge|swollen|hinchad[oa]s)"
                       r"|(an|uong) (khong|ko|k|hok) (duoc|đuoc|dc|đc|vo)"
                       # a cough that will not go: "coughing up yellow", "mucha tos" (Chinese at the end)
                       r"|(yellow|green|amarill[oa]|verde) "
                       r"(phlegm|mucus|flema)|coughing (up|a lot|nonstop|more)|mucha tos|tos (fuerte|con flema)"
                       r"|ho (hoai|suot|khong ngung|ra đam|ra dam)"
                       # "la erida esta roja y le sale agua", "chân bị phù lên nhiều hơn"
                       r"|(herida|erida|wound|incision|cut|vet mo|vet thuong)( (?!no\b|not\b|isn)\w+){0,2} (roja|red"
                       r"|hinchada|caliente"
                       r"|oozing|draining|leaking)|(le |me )?sale (agua|pus|liquido|sangre)"
                       r"|phu (len|to|nhieu|hon)( \w+){0,2}|phu( \w+)? nhieu hon)\b"
                       r"|更(疼|痛|严重|厉害|乏力|累|虚|没力)|食欲[^，。]{0,3}(差|不好|不振)|没(有)?胃口|吃不下|不吃东西|没吃东西"
                       # (not "消肿了", "肿消了", "肿都退了": gone down; "没消肿", "肿好大" are still swollen)
                       r"|(?<!(?<![没未])消)肿(?!(已经|都|也)?(消了|退了|消下去|下去了|好了|好多了|好一点|没了))"
                       r"|发烧|发热|出血|流血|流脓|感染|恶化"
                       # "昨天开始就一直咳嗽 有痰 低烧37.8"
                       r"|低烧|一直咳|咳(嗽)?(得)?(很|好|越来越)?(厉害|严重|不停)|黄痰"
                       # Cantonese: "屙咗兩日肚，食唔落嘢，仲差過出院嗰陣" (diarrhoea, cannot eat, worse than
                       # at discharge)
                       r"|(屙[^，。]{0,4}肚|拉肚子|腹泻|肚泻)(?![^，。]{0,4}(好了|好返|停了|没了|冇了|止住))"
                       r"|食不落|吃不落|仲差过|差过出院|比出院[^，。]{0,4}(更|还|仲)?差")
# (a warning passed on is no sign either: "call if the pain keeps increasing", "si tiene fiebre")
_NOT_BEFORE = re.compile(r"(\b(no|not|never|without|sin|nada de|ni|khong|ko|chang|chua|any|isn'?t|aren'?t|ain'?t|if|si"
                         r"|wasn'?t) (\w+ ){0,2}"
                         r"|(没有|没|无|不|未|冇)(再|有再)?\s*|(之前|以前|前几天|前两天)[^，。]{0,3})$")


# swelling said to be going away ("the swelling went down", "la hinchazón ya bajó"), not moving ("went down to my
# ankle") nor coming back ("went down but came back", "less in the morning but huge by night")
_GOING_AWAY = re.compile(r"\s(has |have |is |are |ya |se )?((gone|went|going|come|came|coming) )?(down|away)\b"
                         r"(?! (to|into|in|a|hasta|en|towards?)\b)"
                         r"|\s(is |are )?(much |a lot |a little |a bit )?(better|less|decreasing|improving|improved)\b"
                         r"|\s(ya )?(bajo|se fue|se quito|disminuyo|esta bajando)\b(?! (a|hasta|en)\b)")
_YET_WORSE = re.compile(r"\b(but|then|came back|back again|again|spread\w*|worse|night|pero|volvio|regreso|noche"
                        r"|not really)\b")


def sounds_worse(text: str) -> bool:
    """A sign of getting worse, said in words and not denied ("no fever" is not one), nor said to be going away."""
    whole = normalise(text)
    for clause in re.split(r"[,.;!?，。；！？]", text):  # "ăn không được, sốt nhẹ": the "không" ends at the comma
        folded = normalise(clause)
        for match in _RED_FLAG.finditer(folded):
            if _NOT_BEFORE.search(folded[: match.start()]):
                continue
            going_away = match.group().startswith(("swelling", "hinchazon")) \
                and _GOING_AWAY.match(folded, match.end()) is not None
            if going_away and "?" not in text and not _YET_WORSE.search(whole[whole.find(match.group()):]):
                continue  # "the swelling went down"
            return True
    return False


# "doing ok", "estoy bien", "还好", "khỏe": the patient is fine since going home (a red flag still wins)
_FINE = re.compile(r"\b(doing|doin|feeling|feelin|feel|i'?m|im|i am|all|everything'?s?|been|getting) (ok|okay|fine"
                   r"|good|well"
                   r"|great|alright|"
                   r"better)\b|\b(estoy|me siento|todo|ando|sigo) (bien|mejor|muy bien)\b"
                   # said of the patient by a relative, or a little at a time: "está mejor", "ahí voy, mejorcito"
                   r"|\b(he|she|they|mom|dad|mother|father)('s| is| are|s) (doing |feeling )?(ok|okay|fine|good|well"
                   r"|better)\b|\b(esta|anda|sigue|se siente|se ve) (bien|mejor|muy bien|mejorcit[oa])\b"
                   r"|\bmejorcit[oa]\b"
                   r"|还好|还可以|还行|还不错|挺好|很好|没事|冇事|冇乜事|几好|好返"
                   r"|都 ?ok|还 ?ok|挺 ?ok|没(有)?(什么|啥|乜)事|不错|好多了|都好"
                   r"|\b(toi |tui )?(van )?(on|khoe|tot|binh thuong)( roi| lam| a)?$"
                   r"|^\W*(bt|binh thuong)( a| ak| ah| roi)?\W*($|(khong|ko|k|hong) sao)"
                   r"|^\W*(khong|ko|k|hong) sao( (het|ca|dau|đau))?( a| ak| ah| roi)?\W*$"
                   # "ổn rồi, ăn ngủ được" typed short: "on r, an ngu dc"
                   r"|^\W*(toi |tui |em |e |con |t |minh |mik )?(van )?(on|khoe|tot)"
                   r"( (roi|r|rui|lam|ap|a|ak|ah|nha|nhe|het))+\b"
                   r"|\ban (uong )?ngu (duoc|đuoc|dc|đc|ngon|binh thuong)\b|\ban uong (duoc|đuoc|dc|đc|binh thuong)\b"
                   r"|\b(ok|okay|fine|good|alright) (mostly|overall|so far)\b|\bback (at|to) work\b"
                   # "Ok lang po, thank you", "bn gracias", "OK啦 冇乜嘢 多謝關心": fine, and thanks for asking
                   r"|^\W*(ok|okay|oke|okey|fine|good|bien|bn|muy bien|muy bn)"
                   r"( (lang|lng|la|lah|po|naman|啦|喇|咯|哈))*"
                   r"( (thank you|thanks|thx|ty|gracias|grax|grs|salamat|cam on|多谢|谢谢)( (po|so much|for asking"
                   r"|for checking|关心))*)?$"
                   r"|^\W*(ok|okay) ?(啦|喇|咯|哈)?( ?(没什么(东西|大碍|问题)?|没事|多谢(关心)?|谢谢(关心)?))+$"
                   r"|\b(đi|di) lam lai (duoc|đuoc|dc|đc)?\b|^\W*(ok|oke|okay) (roi|r)\b"
                   r"|\bbut (managing|getting by|hanging in)\b|\ban (duoc|đuoc|dc|đc) ngu (duoc|đuoc|dc|đc)\b"
                   r"|^\W*(toi |tui |em |con )?(van )?(on|khoe|tot)\W+an (uong|ngu|com)( \w+)?"
                   r" (duoc|đuoc|dc|đc|ngon)\b")


def feels_fine(text: str) -> bool:
    """Whether the reply says the patient is fine, with no sign of getting worse."""
    folded = normalise(text)
    said = any(not _NOT_BEFORE.search(folded[: match.start()]) for match in _FINE.finditer(folded))
    return said and not sounds_worse(text)


_MEDICINE = re.compile(r"\b(medicine|medicines|medication|medications|meds|pill|pills|dose|prescription|refill|"
                       r"medicina|medicinas|medicamento|medicamentos|pastilla|pastillas|receta|dosis|thuoc)\b|药")


def asks_about_medicine(text: str) -> bool:
    """"a question about my meds", "我想问一下药的事": a nurse answers it."""
    return bool(_MEDICINE.search(normalise(text)))


# the nurse named: "con muốn hỏi y tá", "can the nurse call me", "¿puede llamarme la enfermera?"
_NURSE = re.compile(r"\b(nurse|nurses|enfermer[oa]s?|y ta)\b|护士|護士")


def names_the_nurse(text: str) -> bool:
    """Whether the reply names the nurse (a relative who wants the nurse's word on how the patient is)."""
    return bool(_NURSE.search(normalise(text)))


def ordinary_recovery(text: str) -> bool:
    """"a little sore but ok", "un poco adolorido": recovery as expected, not a red flag for a nurse."""
    folded = normalise(text)
    return bool(_MILD.search(folded)) and not _WORSE.search(folded)


# being in (or going back to) a hospital, never just naming one ("cám ơn bệnh viện nhiều", "home from the hospital")
_HOSPITAL = re.compile(r"住院(?!的时候|那时|时)|急诊|(在|住进|住在)病房"
                       # Cantonese: 入咗院, 住返院, 送返急症
                       r"|(入|进|住)(回|返)了?院|(入|进|住)了院|急症室|(送|去|在|入|回)了?(到)?急症"
                       r"|\b(in|at|into|to) (the )?医院"
                       r"|(在|进|去|回|送|入)了?医院(里)?(?!的时候|那时|时)"
                       r"|\b(nhap vien|nam vien|cap cuu|(vo|vao|o|tai|dang o|di|nam|phai vao|phai vo) (lai )?"
                       r"(benh vien|bv|nha thuong))\b"
                       r"|\b((in|at|to|into) (the )?(hospital|er|e r|emergency room)|admitted|readmitted"
                       r"|hospitali[sz]ed|(en|al) (el )?hospital|urgencias|emergencias|internad[oa]|internar\w*"
                       r"|ingresad[oa]"
                       r"|hospitaliz\w*|ingresaron|reingres\w*)\b")


# never in hospital at all: "mình có nằm viện đâu", "I was never in the hospital", 我没住过院
_NEVER_IN = re.compile(r"\bco (nam|vo|vao|o) (vien|benh vien|bv|nha thuong)( \w+)? (dau|đau)\b"
                       r"|\b(khong|ko|k|chua) (he )?(co )?(nam|vo|vao) (vien|benh vien|bv)\b"
                       r"|\b(never|wasn'?t|was not|haven'?t been|have not been|not) (been )?(in|at|to) (the |a )?"
                       r"hospital\b"
                       r"|\bthan (i did |i was |it was |they did )?(in"
                       r"|at) the hospital\b"  # "sleeping better than in the hospital"
                       r"|没(有)?(住|进|去)(过)?(院|医院)|\bnunca (estuve|he estado) (en el hospital|internad[oa])\b")


def back_in_hospital(text: str) -> bool:
    """"my mom is in the hospital again", "está internada": a readmission a nurse must hear about."""
    folded = normalise(text)
    return bool(_HOSPITAL.search(folded)) and not _NEVER_IN.search(folded)
