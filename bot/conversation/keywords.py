"""Keywords answered before any NLU: opt-out, opt-in and help. The one list of these words.

Single-word keywords follow the carriers' rule (the whole message is the word, any case, punctuation ignored);
a short list of unmistakable phrases also revokes consent, since a revocation by "any reasonable means" counts.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from bot.core.chinese import as_simplified
from bot.core.spelling import as_spelled


class Keyword(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"


OPT_OUT_WORDS = frozenset(
    {
        "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out", "stop all", "unsub",
        "stop stop", "estop", "esto p",
        # Spanish
        "alto", "parar", "para", "detener", "cancelar", "baja", "fin", "no mas", "basta",
        # Chinese (退订 is the usual word on Chinese carriers) and Vietnamese (HỦY, DỪNG, NGỪNG), as normalised
        "退订", "取消订阅", "退出", "停止", "取消", "td", "tui ding", "huy", "dung", "ngung", "huy đang ky",
        "huy dang ky", "dung lai",
    }
)
_VOSOTROS = "mandeis|envieis|escribais"  # as Spain says it: "No me mandéis más mensajes"
# when not to text, which is no revocation: "don't text me before 9", "don't message me again till monday" (not
# "never text me again after today", "don't text me until further notice": a time or day must follow)
_ONLY_WHEN = (r",? (again )?((before|after|until|till|til|past) (\d{1,2}(:?\d\d)? ?(am|pm)?|noon|midnight|lunch|work"
              r"|school|monday"
              r"|tuesday"
              r"|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|tomorrow|next|the "
              r"(morning|afternoon|evening|weekend))"
              r"|so early|so late|this early|that early|this late|that late|at night|in the morning|on (the )?weekends?"
              r"|at work|during|while|for (now|a while|a bit)|until after"
              r"|(today|this week|tonight)( please| pls| thanks)*$)\b")
OPT_OUT_PHRASES = (
    re.compile(r"^(please |da |vang |da vang )?(stop|stopall|unsubscribe|unsub|quit|alto|basta)"
               r"( (stop|please|pls|plz|now|it|por favor"
               r"|porfa"
               r"|giup|gium|dum|giùm|giúp|dùm"
               r"|porfavor|porfis|plis|ya|no|x fa|xfa|x favor|fa|"
               r"thanks|thank you|thx|gracias|nhe|nha|nghe|nghen|a|ah|đi|di|luon|cam on|ok|okay|dung lai"
               r"|lah|leh|la|po|na|muna|salamat"
               r"|唔该|谢谢|谢|多谢|请|啦|吧))*$"),
    # (not "I don't text good": said of the patient, no request; nor "Daddy ... don't text": said of someone)
    # (not "stop writing in spanish", "don't text my wife": another language or another person, no revocation)
    re.compile(r"(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\bhe )(?<!\bshe )\b(stop|quit)( to)?\s+"
               r"(texting|textin|txting|txtin|text|txt|messaging|messagin|message|msging|msgin|msg|contacting|contactin"
               r"|contact)"
               r"(?!( me| us)? (in|en|to|at) )( to)?\s*(me|us)?\b"
               r"|(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\byou )\b(stop|quit|don'?t|dont|do not"
               r"|never)( to)?\s+"
               r"(text|txt|message|contact|write|writing)( to)? (me|us)\b(?! (in|en|at) )(?!" + _ONLY_WHEN + ")"
               r"|^(please |pls |plz )?(don'?t|dont|do not|never) (text|txt|message|contact)\b(?! (in|en|to|at|my"
               r"|his|her) )(?!( (me|us))?(" + _ONLY_WHEN + r"| (in|en|at) ))"),
    # "Please do not send me more messages", "don't send any more texts"
    re.compile(r"\b(stop|quit) (sendin|sending|send) (me|us) (this|these|that|them|those|stuff|things)\b"),
    re.compile(r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(don'?t|dont|do not|never|stop)"
               r" (send|sending) (me |us )?(any more |more |no more |these |those |any |such )(of )?(these |those "
               r"|your |the )?(texts?|txts?|messages?|msgs?|sms|text messages)\b"),
    re.compile(r"\bno more (texts?|messages?|msgs?|txts?|text messages|sms|tin nhan|tin|tn)\b"),
    re.compile(r"\bjangan (hantar|kirim|send) (mesej|sms|msg|text|pesanan)\b"),  # Malay, as some Chinese write it
    re.compile(r"\b(remove|take) me (off|from)\b(?!.*\b(wait|waiting|waitlist|cancellation)\b).*\blist\b"
               r"|\b(remove|take) me (off|from|out of) (these|your|the|this|ur|all)( (?!english|spanish|chinese"
               r"|vietnamese"
               r"|morning|evening|group|night)\w+)? (texts?|messages?|msgs?|txts?|text messages|texting|sms|alerts"
               r"|notifications)\W*$"),
    # a relative for the patient: "Please remove my mom from this list", "she passed away, please remove her number"
    re.compile(r"\b(remove|take) (her|him|my (mom|mother|dad|father|husband|wife|grandma|grandmother|grandpa"
               r"|grandfather|abuelita|abuela|abuelo|mama|papa))( number| name)? (off|from) (this|your|the|ur) "
               r"(texting |text |messaging )?list\b|\bremove (her|his) (number|name)\b|\bremove (her|him)( please"
               r"| pls)?$"),
    # "take my number off", said alone (not "take my number off the old file, the new one is ...")
    re.compile(r"^(please |pls |plz )?(remove|take|delete) (my|this) (number|phone number|name) (off|out)"
               r"( please| pls| plz| now| thanks| thank you)*$"),
    re.compile(r"\b(remove|take|get|delete) (my|this|the) (number|name|info|phone|cell)( number)? (off|from|out of)"
               r"( of)? "
               r"(your |ur |the |this )?(messaging |texting |text |contact |mailing |sms )?(list|system|contacts"
               r"|texts)\b"),
    # "I did not consent to receive text messages": consent denied is consent withdrawn
    # (not "I never signed up for texts but thanks, Wednesday 2:30 is good": a choice beside it)
    re.compile(r"^(?!.*\b(but|pero)\b)(?!.*\d).*\b(did not|didn'?t|never|do not|don'?t) (consent|consented|agree|agreed"
               r"|sign up|signed up|opt in"
               r"|opted in|subscribe|subscribed)( to| for)?( (receive|get"
               r"|getting|receiving))? (any |these |your |the )?(text|texts|messages|text messages|sms)\b"),
    re.compile(r"\bremove (so|so dien thoai|so [đd]t|sdt) (nay|cua (em|toi|tui|minh))\b"),  # "remove số này giùm"
    re.compile(r"\b(quitadme|quitame|quitenme|sacadme|sacame|borradme|borrame|eliminadme) de (la|esta|vuestra|su|tu)"
               r" lista\b|\bborre(n)? mi (numero|nombre|telefono)\b"),
    re.compile(r"\bno quiero (mas|mas los|los) (mensaje|mensajes|texto|textos)\b"
               r"|\bya no quiero que me (lleguen|llegue) (estos |sus |los |mas )?(mensajes|textos|msjs?|sms|texts)\b"
               r"|\bya no quiero que me (escriba|escribe|escriban|manden|mande|envien)\b(?! en | la "
               r"| el )"),
    re.compile(r"\bunsubscribe\b"),
    # "no m manden + msjs", "no me escriban" (not "no me manden la dirección", "no me mande con otro doctor", "no me
    # escriba tan temprano")
    re.compile(r"\bno (me|m) (escriban|manden|envien|mande|envie|escriba|" + _VOSOTROS + r")( (mas|nada))?"
               r"( (mensajes|msjs?|mjs|textos|sms|texts))?( (por favor|porfa|pls|gracias|x ?fa))*$"
               r"|\bno (me|m) (escriban|manden|envien|mande|envie|escriba|" + _VOSOTROS + r") (mas )?(mensajes|msjs?"
               r"|mjs|textos|sms|texts)\b(?! (en|al|a|antes|despues|hasta|tan|de|por la|por las|a este|a mi)\b)"),
    re.compile(r"(?<!no )\b(dejen|deje|deja|dejes|dejar|dejad) de "
               r"(escribir|mandar|enviar|textear|texte|mensajear|llamar|molestar)(me|nos)?"
               r"( (mensajes|textos|texts|sms))?\b"),
    re.compile(r"\bya no (me )?(escriban|manden|envien|texteen|textees|llamen|molesten)\b"),
    re.compile(r"\bya no (me )?(esten|este|sigan|siga|sigas) (mandando|enviando|escribiendo|texteando|llamando)\b"
               r"(?!( \w+)? en (ingles|espanol|chino|vietnamita))"),
    re.compile(r"\bno (quiero|deseo) (recibir )?mas mensajes\b"),
    # "Por favor no me sigan escribiendo a este número" (not "no me sigas mandando a la farmacia")
    re.compile(r"\bno (me )?(sigan|siga|sigas) (escribiendo|mandando|enviando|texteando)( (mensajes|textos|esto|estos"
               r"|sms|mas))?( a este (numero|telefono|cel|celular))?( (por favor|porfa|pls|gracias))*$"),
    # consent withdrawn in plain words (the FCC's 2024 rule: any reasonable means counts)
    re.compile(r"\b(don'?t|do not|no longer) want (to (get|receive) )?(any |these |your |the |those |no )?(more )?"
               r"(of (these|those|your|the) )?(texts?|messages?|text messages|calls|sms|msgs?|txts?)\b"),
    # said of the patient by a relative: "my mom doesnt want these texts anymore" (not "doesn't want calls, text
    # her", "doesn't want messages in english")
    re.compile(r"\b(doesn'?t|does not|doesnt) want (any |these |your |the |those )?(more )?(texts?|messages?"
               r"|text messages"
               r"|sms|msgs?|txts?)\b(?! (in|en|at|from|during) )(?!.*\b(instead|only|but|call (her|him|me))\b)"),
    # "Please discontinue these text messages", "I do not wish to receive them"
    re.compile(r"\b(discontinue|cease|halt|end) (these|the|your|all|any|my)? ?(text )?(messages?|texts?|msgs?|sms"
               r"|notifications|alerts)\b"
               r"|\b(do not|don'?t|no longer) wish to (receive|get) (these|your|any|them|text|messages|texts|sms)\b"),
    # "don't send me message anymore", "pls dont text me again" (not "don't text me before 9", "don't send me the
    # times in English"): told never again, in so many words
    # (said as the whole message, with at most a courtesy or words in another script after it: not "why you dont
    # send me again the appointment time?", "my pharmacy dont send me message anymore, can you remind me")
    re.compile(r"^(please |pls |plz |and |so |just |ok |okay |hi |hello )*(don'?t|do not|dont|never) (send|text|txt"
               r"|message|msg) (me|us|this number)( (any|no))?( more)?"
               r"( (texts?|messages?|msgs?|sms|txts?|text messages))?"
               r" (anymore|any more|again|no more)( (please|pls|plz|thanks|thank you|thx|ok|okay))*"
               r"( [^\x00-\x7f].*| (?!(the|in|en|at|about|info|until|till|before|after|during|while|for|today|this"
               r"|tonight|when|unless|if)\b)[a-z].*)?$"),
    re.compile(r"\b(stop|quit) (sending|calling|texting)\b(?!( me| us)? (in|en) )"),
    re.compile(r"\bno more (texts|messages|calls)\b"),
    re.compile(r"\b(opt me out|take me off|remove my number|leave me alone)\b"
               r"(?! (of |from )?(the |your |this |my )?(schedule|waitlist|wait list|waiting list|appointment"
               r"|calendar|visit"
               r"|list for)\b)"),
    re.compile(r"\bno (quiero|deseo) (recibir |que me (manden|envien|escriban) )?(mas )?(estos |sus |los |mas )?"
               r"(mensajes|textos|llamadas|texts|text|sms|mensajitos)\b"),
    re.compile(r"\b(ya )?basta( ya)? (de|con) (tantos? )?(mensajes|textos|llamadas|mensajitos)\b"),
    re.compile(r"\b(saquenme|saqueme|sacame|sacarme|borrenme|borreme|borrame|quitenme|quiteme|quitame|quitarme|"
               r"eliminenme|elimineme|eliminame) de (la|su|esta|sus|tu|vuestra) lista\b|\b(den|dar)(me)? de baja\b"
               r"|\b(quiten|borren|eliminen|saquen) mi (numero|nombre|telefono)\b"),
    re.compile(r"\bno me (llamen|escriban|manden|envien) mas\b(?!( mensajes| textos| msjs?)? (en|al|antes|despues|hasta"
               r"|tan|a este|a mi)\b)"),
    re.compile(r"\bno mas (textos|mensajes|mensajitos|msjs?|mjs|sms|texts|llamadas)\b"),  # "NO MAS TEXTOS PORFAVOR"
    re.compile(r"\bno me (vuelvan|vuelva|vuelvas) a (escribir|mandar|enviar|textear|llamar|contactar|molestar)\b"),
    # "no quiero q me sigan texteando", "no quiero que me sigan mandando mensajes"
    re.compile(r"\bno (quiero|deseo) (q|que|k) me (sigan|vuelvan a|esten) (texteando|textear|escribiendo|escribir"
               r"|mandando|mandar|enviando|enviar|llamando|llamar|molestando|molestar)\b"),
    re.compile(r"请勿再?(向|给|对)?(本|这个|我的?)?(号码|手机|电话)?(发送|发|传)(任何)?(短信|信息|消息)|(别|不要)再?(联系|联络|打扰|打电话给)我|(把"
        r"|将)?我的?(电话)?号码(删除|删掉|移除|去掉)"),
    re.compile(r"(别|不要|不用)再?(给我)?\s*(send|text|sms|message|msg)"),
    # 别发了, typed as pinyin
    re.compile(r"^(bie|buyao|bu yao) (zai )?(fa|gei wo fa)( (le|duan ?xin|xin ?xi|xiao ?xi|thx|thanks|xie ?xie|la|a"
               r"|gei wo"
               r"|ok))*$"),
    re.compile(r"以后(都|也)?(别|不要)(再)?(给我|给俺)?(发|传)(这个|这些|这种)?了"
               r"|(别|不要|勿)再?(给我|给俺)?(发|传)(这|那)(玩意儿?|东西|些东西|种东西|些|种)(短信|信息)?了?"
               r"|(别|不要|勿)[老总](给我|给俺)?(发|传)(这|那)(玩意儿?|些东西|种东西|东西)"
               r"|(别|不要|请勿)再?(往|向|给)(这个|本|我的?)?(号码|手机|电话)?(发|传)(短信|信息|消息)"),
    re.compile(r"停止(给我)?(发|发送|传|寄)(送)?(这些|任何)?(短信|信息|消息|讯息|简讯)"),  # "唔好再send text俾我"
    re.compile(r"(把|将)我[^，。]{0,8}(从|在)[^，。]{0,8}(名单|列表|清单|名册)[^，。]{0,4}(删|移除|去掉|拿掉|除名)"
               r"|从[^，。]{0,8}(名单|列表|清单)[^，。]{0,4}(删除|删掉|移除|去掉)"),
    # Chinese has no spaces between words: these match anywhere in the message
    re.compile(r"退订|退定|取消订阅|(帮|幫)我除名|(把|将)我除名|(唔|不)想再(收|接收)((呢啲|呢些|这些|这种|呢种)(?![^，。]{0,2}(英文|中文|越南文|西班牙文))|短信|信息)"
        r"|(别|不要|勿|莫|唔好)再(给我)?(发|传)(了|啦|喇|咯|嘞|啰)(?![^，。]{0,3}(英文|中文|越南|西班牙)(的|版|短信|信息))|^\s*(别|不要|唔好)(给我)?(发|传)了(?![^，。]{0,3}(英文|中文|越南|西班牙))"
               r"|(不要|别|不用|勿|莫|唔好)[再在老总]?(给我|给俺)?(发|发送|传)(短信|信息|消息|短讯|讯息|简讯)?了?$"
               r"|(别|不要)[老总](给我|给俺)?(发|传)了(?![^，。\s]{0,3}(这么|那么|太|多|早|晚))"
               r"|(不要|别|不用|勿|莫|唔好)[再在]?(给我)?(发|发送|传)(这种|这些|这类|那些|任何)?(短信|信息|消息|短讯|讯息|简讯)|不想(再)?(收到|接收|接到)(这些|你们的"
               r"|任何)?(短信|信息"
               r"|消息|电话)|(以后)?(别|不要)再?(联系|打扰)我"),
    re.compile(r"\b(dung|ngung|huy|thoi) (nhan|gui) tin\b|\bhuy [đd]ang ky( nhan)?( tin)?\b"),
    re.compile(r"\bkhong (muon )?(nhan|nhan them) tin nhan( nao)? nua\b"
               r"|\b(khong|ko|k|hok) muon nhan (may |nhung |cac )?(cai |con )(tin nhan|tin|msg|sms|text)"
               r"( (?!duoc|dc|đc|tieng|bang)\w+){0,2} nua\b"  # "tui không muốn nhận mấy cái tin này nữa"
               r"|\b(xin )?(khong|ko|k) (muon )?nhan (may |nhung |cac )?(tin nhan|tin|msg|sms|text)"
               r"( (?!duoc|dc|đc|tieng|bang)\w+){0,2} nua\b"
               r"|\b(xoa|xoá) so (cua )?(e|em|con|toi|tui|minh)( ra| [dđ]i| giup| gium| dum)\b"
               r"|\b(ko|k|khong) muon nhan (msg|sms|text|tin)\b(?!( nhan)? (tieng|bang) )"),
    re.compile(r"\b(đung|dung) (nhan|gui|goi)( tin| tin nhan)? (toi|den|[đd]en|vao|cho) so (nay|cua (toi|tui|minh"
               r"|em))\b"),
    re.compile(r"\b(đung|dung|khong|ko|k)( co)? (nhan|gui|goi|lien lac|lien he)( tin| tin nhan)?( cho| voi)?"
               r" ?(toi|tui|minh|em)? nua\b"),
    re.compile(r"\b(khong|ko|k) muon (nhan|nhan duoc|nhan đuoc) (tin|tin nhan|tn|sms|text)( nay| nua)*\b"
               r"(?!( nhan)? (tieng|bang) )"  # not "không muốn nhận tin nhắn tiếng Anh nữa": another language
               r"|\b(khong|ko|k) muon nhan tin nua\b"),
    # (not "đừng xoá số e khỏi list", "ai xoá số e khỏi list vậy", "... khỏi danh sách chờ": the waitlist)
    re.compile(r"(?<!dung )(?<!đung )(?<!ai )(?<!sao )(?<!sao lai )\b(xoa|bo|go|remove|delete) (ten|so|so [đd]ien thoai"
               r"|sdt|so dt|so đt)( nay)? (cua )?(toi|tui|minh|em|e)? ?"
               r"(khoi|ra khoi) (danh sach|list)\b(?! cho\b)(?!.*\b(vay|ha|khong|ko)$)"
               r"|\b(khong|ko|k|hok) (muon|mun) nhan (may|nhung|cac|nhieu)? ?tin( nhan)? (nay|nua|kieu nay)\b"
               r"|\bxoa (so|ten|so [đd]ien thoai) (cua )?(toi|tui|minh|em)( ra)?( [dđ]i| giup| dum| gium| luon)\b"),
    # as young people text it: "đừg nt nữa" (đừng nhắn tin nữa), "dung ib nua"
    re.compile(r"\b(dung|dug|đung|đug)( co)? (nhan|nt|nhan tin|gui|gui tin|ib|inbox|sms|text|tn)( (?!them"
               r"|tieng)\w+){0,4}"
               r" nua\b"),
    # "thôi khỏi nhắn nữa nha": no need to text any more; "đừng làm phiền tôi"
    re.compile(r"\bkhoi (nhan|nt|gui|goi|lien lac|nhan tin)( tin( nhan)?)?( \w+)? nua\b"
               r"|\b(dung|đung) (lam phien|phien)( (toi|tui|minh|em|nua))?\b"),
)
# Opt-in words only count for an address that has opted out ("yes" is otherwise an answer, not a keyword).
OPT_IN_WORDS = frozenset({"start", "unstop", "yes", "comenzar", "iniciar", "empezar", "开始", "bat đau"})
HELP_WORDS = frozenset({"help", "info", "ayuda", "帮助", "tro giup"})
# a help word with a courtesy or a short "what is this?" after it: "Ayuda por fa", "Help 呢個係咩嚟㗎？", "info pls"
_HELP_SAID = re.compile(r"^(da |vang )?(help|info|ayuda|帮助|tro giup)( (please|pls|plz|por favor|porfa|por fa|porfis"
                        r"|xin|nha|a|me|thanks|gracias|ok))*$|^(help|info|ayuda) \S*(什么|什麼|咩|是谁|边个)"
                        # "HELP - what is this for?", "HELP no sé qué es esto", "HELP cai nay la gi": what this is
                        r"|^(help|info|ayuda|tro giup)( \S+){0,3} (what('?s| is| are)|whats|wat is|who (is|are|sent"
                        r"|texted)"
                        r"|(que|quien|quienes) (es|son|eres)|de que (se trata|es)|para que es|cai (nay|gi)( la)? gi"
                        r"|quien(es)? (me )?(escribe|escriben|manda|mandan|envia|texting|writing)"
                        r"|(nay|day) la gi|la gi|la ai|ai (vay|day|nhan|gui)|cua ai|(cho|noi|phong kham) (nao|mo)"
                        r"|(i )?(don'?t|do not|dont) (understand|get)|no (entiendo|comprendo)|(khong|ko|k|hok"
                        r"|hong) hieu"
                        r"|(de )?(que|cual) (clinica|lugar|oficina|consultorio)"
                        r"|不明白|不懂|看不懂)\b(?!( \S+){7})"
                        # "HELP 这是哪里发的？", "help? 你们是哪家诊所": where it comes from (Chinese has no spaces)
                        r"|^(help|info|ayuda) ?\S{0,8}(哪里|哪家|哪个|什么诊所|什么医院)")
# STOP said first with a reason to stop after it ("STOP ya no quiero", "STOP. Do not text me at work", "STOP, nhắn
# hoài vậy", "Stop. My husband passed away"; STOP with only a courtesy is the first of OPT_OUT_PHRASES). Not when the
# rest takes it back, answers or asks something else ("Stop, I made a mistake, I want Wednesday", "Stop! yes, no more
# waiting", "STOP SPANISH, ENGLISH PLEASE", "Stop these pills? too many side effects"), nor "stop by". Read on the
# normalised text; a question mark is looked for in the message as written.
_STOP_FIRST = re.compile(
    r"^((please|pls|plz) )?stop\b(?! (by|in|at|taking|using|eating|drinking|worrying|stressing|and shop)\b)"
    r"(?=.*\b(no quiero|ya no|basta|enough|too many|spam|annoying|not interested|don'?t (text|message|contact|want)"
    r"|do not (text|message|contact|want)|leave me alone|unsubscribe|no more|messages|texts|msgs|reminders"
    r"|notifications|passed away|died|hospice|deceased|fallecio|murio|hoai|nua|khong can|ko can|k can|tired of|sick of"
    r"|no mas( (por favor|porfa|gracias|mensajes|textos|msjs?))*$"
    r"|fed up|harto|harta|cansad[oa]|moved|me mude)\b)"
    r"(?!.*\b(mistake|wait|hold on|hang on|oops|sorry|jk|kidding|never ?mind|let me|i meant|meant|didn'?t mean"
    r"|wrong (reply|one|option|button)|yes|yeah|yep|si|ok|okay|reschedul\w*|different|another|other|change|call me"
    r"|talk|speak|confused|which|pills?|meds?|medicines?|medications?|aspirin|metformin|insulin|thinner|dose"
    r"|tablets?|antibiotics?|pastillas?|medicinas?|thuoc|english|spanish|chinese|vietnamese|espanol|ingles|chino"
    r"|vietnamita|tieng \w+|\w*\d\w*|(mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(day)?s?|lunes|martes|miercoles"
    r"|jueves|viernes|sabado|domingo|thu ([2-7]|hai|ba|tu|nam|sau|bay)|chu nhat)\b)"
    r"(?!.*(周|星期|礼拜|禮拜|中文|英文|西班牙|越南|点|點|药))")


_RIGHT = re.compile(r"đúng|Đúng|ĐÚNG")


def normalise(body: str) -> str:
    text = unicodedata.normalize("NFKD", as_simplified(body.strip().lower()))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s']", " ", text)
    return as_spelled(" ".join(text.split()))  # "no kiero mas mesajes": the words meant


def classify_keyword(body: str, *, opted_out: bool, provider_keyword: str | None = None) -> Keyword | None:
    """The keyword a message is, if any. ``provider_keyword`` is the one the SMS provider already matched and
    answered (Twilio Advanced Opt-Out's OptOutType): it wins, whatever the words."""
    if provider_keyword is not None:
        return {"STOP": Keyword.OPT_OUT, "START": Keyword.OPT_IN, "HELP": Keyword.HELP}.get(provider_keyword)
    text = normalise(_RIGHT.sub(" right ", body))  # "đúng" (right) folds like "đừng" (don't)
    if text in OPT_OUT_WORDS or any(pattern.search(text) for pattern in OPT_OUT_PHRASES) \
            or (_STOP_FIRST.match(text) and "?" not in body and "？" not in body):
        return Keyword.OPT_OUT
    if opted_out and text in OPT_IN_WORDS:
        return Keyword.OPT_IN
    if text in HELP_WORDS or _HELP_SAID.match(text):
        return Keyword.HELP
    return None
