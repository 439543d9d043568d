"""Asking to be contacted later, or to send the paper asked for later."""

from __future__ import annotations

import re

from bot.conversation.keywords import normalise

# "later", "next week", "after my trip", "más tarde", "晚点", "tháng sau": asking to be contacted another time
_LATER = re.compile(r"\b(later|tomorrow|next (week|month)|another (day|time)|busy|call (me )?back|after (my|the) \w+|"
                    r"luego|despues|manana|mas tarde|otro dia|la proxima semana|ocupad[oa]|"
                    r"sau|luc khac|lat nua|bua khac|tuan sau|thang sau|ban)\b|稍后|以后|晚点|明天|下次|改天|忙|回来")


# "reach out tomorrow afternoon", "mándeme mensaje mañana", "về rồi nhắn lại giùm", 下个星期再联系我: asked to be
# written to at another time, in so many words (a time said with it is when to write, not a visit time)
_WRITE_TO_ME = (r"(text|txt|message|msg|write|contact|reach out|reach|call|hit me up|get back to me|get back|try|ask"
                r"|send (this|it|that|me this|me that)"
                r"|remind"
                r"|deal with (this|it|that)|do (this|it|that)|revisit (this|it)|talk about (this|it)|circle back"
                r"|check with|check back( with me)?|check in( with me)?)"
                r"( to)?( me| us)?( back| again| out)?")
_WHEN_LATER = (r"(tomorrow|tmrw|tmr|later|next (week|month|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*)|another (day|time)|"
               r"(?:(?<=remind me )|(?<=again )|(?<=text me )|(?<=call me )|(?<=contact me )|(?<=with me )"
               r"|(?<=msg me )|(?<=txt me )|(?<=message me )"
               r"|(?<=ask me ))"
               r"(then|on \w+day|mon|tues?|weds?|thurs?|fri|monday"
               r"|tuesday|wednesday"
               r"|thursday|friday|saturday|sunday)|"
               r"in (a|\d+|a few|a couple( of)?) (days?|weeks?)|after (the|this|my) \w+|when i('?m| am| get) back|"
               r"this weekend)")
# the patient will answer later: "let me check my schedule and get back to you", "le aviso", 回头告诉你,
# "I tell you after"
_WILL_ANSWER = (
    r"\b(get back to (you|u|ya|y'?all)|let (you|u|y'?all) know|(te|t|le|les) (aviso|confirmo|escribo|contesto|respondo"
    r"|marco|hablo)|"
    r"(bao|tra loi|nhan) lai (sau|cho (ban|chi|anh|em|co|ben))|check (my|our|the) (work )?schedule"
    r"|(rep|tl|tra loi|nt) (lai )?sau"  # "em rep sau nha", "check lịch rồi rep lại", "chiều em rep lại nha"
    r"|(roi|xong|chieu|toi|mai)( (e|em|toi|tui|minh|con|chi|anh))? (rep|tl|nt) lai\b"
    # "tối e rep nha" (not "tôi rep nha: ...", I reply now: tôi folds like tối, so only with a pronoun after it)
    r"|((chieu|mai|lat|ti)( (e|em|tui|minh|con|chi|anh))?|toi (e|em)) (rep|tl|nt|tra loi) (nha|nhe|nghe|nghen|sau)\b"
    # "tối em check lịch rồi text lại nha" (not "tôi text lại vì tin trước bị lỗi": I, typed like tối)
    r"|(?<!da )(roi|xong|chieu|mai)( (e|em|tui|minh|con|chi|anh))? (text|ib|inbox) lai( (nha|nhe|nghe|nghen|sau"
    r"|nhen))*$"
    r"|(de|đe) (em|toi|tui|minh|con|e|chi|anh|co|chu|bac|ba|me|ma) hoi( \w+){1,2} (da|đa|truoc)"
    r"|(text|get back to|call) (u|you) back|mai (tra loi|bao|nhan|tl)"
    r"|mai (e|em|toi|tui|minh|con|chi|anh) (tra loi|tl|rep|bao lai))\b"
    # "déjame hablar con mi jefe ... y te digo" (not "y le digo a mi esposo que conteste")
    r"|\b(y|luego|despues|ahorita|al rato|mas tarde) (te|le|les) (digo|decimos|cuento|confirmo)\s*$"
    r"|\b(i will|i'?ll|ill|will) (answer|reply|respond|write back|text back|write|text)( to)?( you| u)?"
    r"( \w+){0,2}"
    r" (later|tonight|tomorrow|after|in the (evening|morning|afternoon)|after work|after my shift)\b"
    # "I will reply you by evening" (not "I will text my daughter by tonight to take me")
    r"|\b(i will|i'?ll|ill|will) (answer|reply|respond|write back|text back|revert)( to)?( you| u)? by (the )?(evening"
    r"|night|tonight|tomorrow|noon|morning|afternoon|end of (the )?day)\b"
    r"|\b(i'?ll|i will|will) (text|write|call|get) (you |u )?back\b(?! (at|in|on) \d)"
    # "will look at my calendar tonight and text back"
    r"|\b(i'?ll|i will|will|gonna) (check|look at|see|ask|talk to)( \w+){0,5} (and|then) ((text|write|call)"
    r" (you |u )?back|get back to (you|u))\b(?! (at|in|on|after|before|around) \d)"
    r"|\b(tell|let) (you|u)( know)? (tomorrow|later|tonight|after)\b(?! (is|works|at|would))"
    r"|\bi (tell|text) (you|u) (after|later|tomorrow|tonight)\b"
    r"|(回头|稍后|晚点|之后)(再)?(告诉|回复|答复|通知)你"
    r"|(问问|问一下|商量一下|商量)[^，。]{0,8}(再|后)(回|回复|告诉|答复|通知)你"  # "我先问问我儿子再回你"
    # "礼拜一先答你": a day, then the answer
    r"|(?<!上)(?<!上个)(星期|礼拜|周)[一二三四五六日天](先|再|才)?(答|回复|回|告诉|覆|答复)你(?!们|那|这|处|的|了)"
    # "để mai tôi coi lịch làm rồi báo lại": a look at the work schedule, then word back
    r"|(?<!da )(?<!đa )\b(coi|xem|check|kiem tra|hoi) (lich|lai lich)( \w+){0,3} (roi|xong|thi|va|r) (bao|tra loi"
    r"|nhan|nt|rep|tl|text|ib)( cho \w+)? lai\b(?!( \w+)? (la|rang|khong|ko)\b)"
    # "avíseme la otra semanita" (not "avíseme si el martes hay algo", "avíseme cuando llegue el resultado")
    r"|\b(aviseme|avisame|avisenme)( \w+){0,2} (la (proxima |otra )?(semana|semanita)|la semana que viene|mas tarde"
    r"|manana|otro dia|luego)\b(?!.*\b(si|cuando)\b)")
_WRITTEN_LATER = re.compile(
    r"\b" + _WRITE_TO_ME + r" (\w+ ){0,2}" + _WHEN_LATER + r"\b"
    r"|\b" + _WHEN_LATER + r",? (please |pls |just )?" + _WRITE_TO_ME + r"\b"
    r"|\b(escribame|escribeme|escribanme|escribime|escribidme|llamadme|contactadme|mandadme|avisadme|mandeme"
    r"|mandame|mandenme|contacteme|contactame|llameme|llamame|"
    r"me (puede|pueden|podrian|podria) (escribir|mandar|contactar|llamar|textear|recordar)|me escriben|me mandan"
    r"|recuerdenme|recuerdeme|recuerdame)"
    r"( \w+){0,3} (manana|luego|mas tarde|la (proxima |otra )?(semana|semanita)|la semana que viene|otro dia|despues"
    r"|cuando (regrese|vuelva|llegue|este de vuelta|regresemos|volvamos)|"
    r"el (lunes|martes|miercoles|jueves|viernes)|en (unos|un par de|\d+) (dias|semanas))\b"
    r"|(明天|后天|听日|过几天|过两天|过(一|两|几|三)个?(礼拜|星期|周|月)|下(个)?(星期|礼拜|周|月)|以后|晚点|改天|回来(以后|后|之后)?|回(美国|美|这边|这里)(以后|后)?"
    r"|下班|放工|收工|忙完|有空|晚上|今晚|等下|等一下|待会|一会"
    # (not "约好了下礼拜的 不用再约了": no need to book it again)
    r"|月底)(?![^，。,.]{0,6}(没空|没时间|不行|不方便|唔得|越南|中文|英文|西班牙|广东|国语|不用|不要|不必|别))[^，。,.]{0,6}再?"
    r"(联系|联络|发短信|发信息|发给|找|打给|打电话|约|预约|问我|问问我|问一下我|同我讲|跟我说|回复你|答复你|覆你|回你|提醒|提吓|提下|提一下"
    r"|传信息|传短信|传讯息|传简讯|传给)"
    # a weekday, then "again": "礼拜一再传信息给我好吗" (not "星期三下午可以约": that day is the visit)
    r"|(礼拜|星期|周)[一二三四五六日天][^，。,.]{0,4}再(联系|联络|发短信|发信息|发给我|传信息|传短信|传讯息|传简讯|传给我|问我"
    r"|打给我|打电话|提醒)"
    r"|\b(tuan sau|thang sau|bua khac|hom khac|luc khac|tuan toi|thang toi) (\w+ ){0,2}(nhan|goi|lien lac|lien he|nt)"
    r"( lai)?\b"
    r"|\b(nhan|goi|lien lac|lien he|nt|text)( lai)?( cho)?( \w+){0,3} (sau|mai|tuan sau|thang sau|bua khac|hom khac|"
    r"luc khac|lat nua)\b|\bve (roi|xong)( \w+){0,2} (nhan|goi|lien lac)|\b(nhan|goi) lai (giup|gium|dum|sau)\b"
    r"|\b(mai|ngay mai|tuan sau|mot|bua khac)( \w+){0,2} nhac( \w+){0,2} lai\b"  # "mai nhắc tui lại nghen"
    r"|" + _WILL_ANSWER +
    # "để tuần sau tính nha": leave it to next week
    r"|\b(de|đe)( \w+){0,2} (tuan sau|thang sau|bua khac|hom khac|luc khac|mai|tuan toi) (tinh|hen|noi|xem|coi)\b"
    # after the holidays / in January: "después de las fiestas, en enero hablamos", 过完年再说, "qua Tết rồi tính"
    r"|\b(despues|pasando|luego) de (las fiestas|navidad|ano nuevo|las vacaciones|mi viaje|que regrese)\b"
    r"|\b(en|para) (enero|febrero|marzo|el otro mes|el proximo mes|el mes que viene|el ano que viene|el otro ano)"
    r"( \w+){0,2} (hablamos|platicamos|nos comunicamos|nos hablamos|me (escriben|llaman|contactan|avisan))\b"
    r"|\b(after|past) (the )?(holidays|new year|christmas|xmas|thanksgiving)\b"
    r"|\b(talk|speak|chat|reach out|text|call)( to me| me)? (again )?(in|after) (january|february|the new year)\b"
    r"|(过完年|过年后|年后|新年后|节后|过完节)[^，。]{0,6}(再说|再约|再联系|再讲|再问|再预约)"
    r"|\b(qua|sau|het|ra) tet( \w+){0,2} (tinh|hen|nhan|goi|lien lac|kham)\b"
    r"|\b(qua|sang|toi|[đd]en) (thang|tuan) (\d{1,2}|sau|toi|gieng|mot) (moi|roi) (qua|ve|quay|lien lac|hen|nhan|goi)"
    r"|\b(thang|tuan) (\d{1,2}|sau|toi|gieng) moi (ve|qua|quay lai|quay ve|ranh)\b"
    # "tôi đang ở Việt Nam, tháng 1 về rồi hẹn": back in January, then book
    r"|\b(thang|tuan) (\d{1,2}|sau|toi|gieng) (moi )?(ve|qua|quay lai|quay ve)( \w+){0,2}"
    r" (hen|[đd]at lich|kham|tinh)\b")


# the patient will send the paper asked for later: "I'll snap it when I get home", "se lo mando el fin de semana"
_SENDS_LATER = re.compile(
    r"\b(tonight|tomorrow|in the morning|after (my )?(work|shift|class)|when i get (home|back)),? (i'?ll|i will|will"
    r"|gonna) (send|text|take|snap|upload|forward)\b|"
    r"\b(i'?ll|i will|we'?ll|we will|will|gonna|going to|let me|i can) (send|sen|snd|text|take|snap|get|upload|forward"
    r"|look for"
    r"|find|dig out"
    r"|photograph|scan)\b.*"
    r"\b(tonight|tonite|2nite|later|tomorrow|tmrw|tomorow|tommorow|tmr|2morrow|2moro|when i get (home|back)"
    r"|when i'?m (home|back)"
    r"|when home|next week|this weekend"
    r"|on the weekend|after work|in a bit|soon|after|when (she|he|they) (comes?|gets? here|visits?)|when i (can"
    r"|find it)"
    r"|this (evening|afternoon)|when (she|he|they|i|we) (returns?|gets? back|comes? back|is back|are back|come home"
    r"|comes home)"
    r"|in the morning|first thing|when i wake up|on my break|after my shift|after (my )?class"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    # "I'll dig it out and send a pic this weekend", "Monday I snap photo send you"
    r"|\b(send|text|snap|upload|forward) (you )?(a |the |an )?(pic|pics|picture|photo|it|copy|scan)\b.*\b(tonight|later"
    r"|tomorrow|this weekend|on the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight) i (snap|send|take|text)\b"
    # someone else will take it: "I'll have my granddaughter take a picture of it when she comes sunday"
    r"|\b(i'?ll|ill|i will|will|gonna) (have|get|ask) (my|her|his|our) \w+ (to )?(take|send|snap|text)\b"
    r"|\b(lo|la|se lo|se la|te lo|te la|le|te|les|los|las|se los) (mando|envio|paso|tomo|saco|mandare|enviare"
    r"|pasare)\b.*\b(en la noche|a la noche|esta noche|a la tarde|en la tarde|mas tarde|luego|manana|al rato"
    r"|el fin de semana|cuando llegue|despues|ahorita|la otra semana"
    r"|la (proxima )?semana( que viene)?|el (lunes|martes"
    r"|miercoles|jueves|viernes|sabado|domingo))\b"
    r"|\b(en la noche|a la noche|esta noche|a la tarde|mas tarde|luego|manana|al rato|ahorita|orita|horita"
    r"|en un rato|cuando llegue|(que|apenas"
    r"|en cuanto) llegue|llegando|despues"
    r"|el (lunes|martes|miercoles|jueves|viernes"
    r"|sabado|domingo))\b.*"
    r"\b(lo|la|se lo|se la|le|les|te) (mando|envio|paso|mandare|enviare|pasare)\b"  # "cuando llegue ... le mando"
    r"|(晚上|明天|明早|早上|回家|下班|等下|等一下|待会|晚点|周末|过两天|过几天|过些天|改天|回头|回来|找到|找着|夜晚|今晚|屋企"
    r"|拿到|拿回来|(礼拜|星期|周)[一二三四五六日天])"
    r"[^，。,.]{0,8}(拍|发|传|寄|send|影)"
    # (not "tôi không biết chụp hình gửi": "tôi", I, folds like "tối", tonight)
    r"|\b(toi|chieu|mai|ve nha|ve|lat nua|ti nua|cuoi tuan)(?!( \w+){0,2} (khong|ko|k|hong|hok|chua|chang)\b)"
    r"( \w+){0,5} (chup|gui)\b|\b(chup|gui|nhan)( \w+)? (sau|lat nua|ti nua)( (nghen|nha|nhe|nghe|a))?$")


def sends_document_later(text: str) -> bool:
    """Whether the patient says they will send the paper asked for later (then the request stays open)."""
    return bool(_SENDS_LATER.search(normalise(text)))


def asks_to_be_written_later(text: str) -> bool:
    """Whether the reply asks, in so many words, to be written to or called at another time."""
    return bool(_WRITTEN_LATER.search(normalise(text)))


# a way back to the patient named: "hit me back monday", "escríbame al rato", "tối nhắn lại nha", 晚一点再跟你们说
_BACK_TO_ME = re.compile(r"\b((hit|ping) me (back|up)|text me|txt me|call me|write me|message me|msg me|get back to me"
                         r"|reach (out|me)|escribame|escribeme|escribanme|escribime|mandeme|mandame|llameme|llamame"
                         r"|nhan lai"
                         r"|nt lai|goi lai|lien lac lai|nhan tin lai)\b"
                         r"|(跟|和|给|同)(你们|你)(说|讲|联系)|再(联系|发|说|讲|回复)")


def will_answer_later(text: str) -> bool:
    """Whether the patient says they will answer later ("let me get back to you with a time", "te aviso")."""
    return bool(re.search(_WILL_ANSWER, normalise(text)))


def asks_to_be_contacted(text: str) -> bool:
    """Whether the reply names a way to reach the patient again ("hit me back monday", "escríbame en la noche")."""
    return bool(_BACK_TO_ME.search(normalise(text)))


def asks_for_later(text: str) -> bool:
    """Whether the reply asks to be contacted later, in words."""
    return bool(_LATER.search(normalise(text)))
