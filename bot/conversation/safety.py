"""Words that signal an emergency, checked on every inbound message before any NLU, in any dialogue state.

A match gets the emergency instruction (911, or 988 for a mental-health crisis) in the patient's language and
an urgent handoff at once. The lists err towards sending a person: a false alarm costs a call, a miss costs more.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from bot.conversation.keywords import normalise


class Emergency(StrEnum):
    MEDICAL = "medical"  # call 911
    CRISIS = "crisis"  # call or text 988


_MEDICAL = [
    # chest
    r"chest( \w+){0,3} (pain|pains|hurts?|hurting|tight|tightness|pressure)",
    r"(pain|pains|hurts?|hurting|pressure|tightness)( \w+){0,3} (my |the )?chest", r"heart attack",
    r"(dolor|duele|presion|apretado|apretando)( \w+){0,3} (el |del |en el |de )?pecho",
    r"(esta|estaba|sigue|me esta|le esta|me estaba) doliendo( \w+){0,2} (el |del )?pecho(?!.*\b(pasad[oa]|ya estoy bien"
    r"|ya no)\b)",
    r"se me (va|fue|iba) el aire(?! (acondicionado|del carro|del coche|de la casa|de la llanta))", r"(se le"
    r"|se me) (corta|cortaba) (el aire|la respiracion)", r"ataque (al|de) corazon",
    r"infarto",
    # breathing
    r"(can'? ?t|cannot|can not|hard to|trouble|difficulty|struggling to) (hardly |barely )?"
    r"(breathe|breathing|catch my breath)",
    r"(lips|face|fingers|fingertips|labios|boca) (are |is |look |looks |turning |turned |se ven |estan )?(\w+ ){0,2}"
    r"(blue|purple|azul\w*|morad\w*)",
    r"short(ness)? of breath", r"not breathing",
    r"(can'? ?t|cannot|can not|hard to) (breeve|breve|brethe|breth|breathe good|breath)\b",  # "cant breeve good"
    r"no (puedo|puede) respirar", r"me falta (el )?aire",
    r"dificultad para respirar", r"me ahogo",
    # as clinicians (and patients who are ones) write it: "SOB at rest", "sats 86% RA", "o2 in the low 80s"
    r"sob (at rest|now|sitting|lying|bad|worse|getting worse)",
    r"(sats?|spo2|o2 sats?|o2|oxygen( level| sats?| saturation)?|oxigeno|pulse ox|saturation) (is |are |at |of |"
    r"down to |dropped to |was |reading |only |en |de |esta en |)(in the )?(low |high |mid )?([4-8]\d)s?\b",
    # stroke signs
    r"stroke", r"face (is )?(drooping|droops|numb)", r"slurred speech",
    r"face( \w+){0,2} (droop\w*|numb|crooked|lopsided)( on one side)?", r"one side of (my|his|her|their) face",
    r"(words|speech) (are |is )?(coming out |come out )?(all )?(wrong|weird|funny|jumbled|garbled|mixed up)",
    r"(can'? ?t|cannot|unable to) (move|feel|lift) (my|his|her|their|the) (arm|leg|hand|side)",
    r"(mouth|face) (is )?(crooked|twisted|droop\w*)",
    # "I'm having trouble talking right now and my right side feels weak"
    # (not "a hard time talking over the phone", nor a side weak since a stroke, the reason for therapy)
    r"(trouble|difficulty|a hard time|hard time|problems?) (talking|speaking|getting (my |the )?words out)"
    r"( \w+){0,2} (right now|now|suddenly|all of a sudden|since this morning|today)\b",
    r"(suddenly|all of a sudden) (having |have |got |has )?(trouble|difficulty|a hard time) (talking|speaking)",
    r"(trouble|difficulty|a hard time|hard time) (talking|speaking)\b.*\b(side|arm|leg|face)( \w+){0,2}"
    r" (feels |is |went )?(weak|numb|droop\w*|heavy)",
    r"(right|left|one) side( of (my|his|her|the) body)? (feels |is |went |got |gone )?(suddenly |now |all of a sudden )"
    r"(weak|numb|heavy|dead)", r"(suddenly|all of a sudden) (my |his |her )?(right|left|one) side (feels |is |went "
    r"|got )?(weak|numb|heavy|dead)",
    # as said in English learned later: "face is falling on one side", "he can not talk good"
    r"face( \w+){0,2} (falling|fallen|dropping|dropped|hanging)( \w+){0,2} (one|1) side",
    r"(he|she|dad|mom|father|mother|husband|wife|grandma|grandpa) (suddenly )?(can ?not|can'?t|cannot) (talk|speak)"
    r" (good|properly|clearly|normal\w*|right)(?! now| this| at| atm| rn| (english|spanish|chinese|vietnamese))",
    r"derrame", r"embolia", r"cara (caida|torcida)",
    r"(boca|cara) (torcida|chueca|caida)", r"se (le|me) (torcio|cayo|chueco) (la )?(boca|cara)",
    r"no (puedo|puede|podia|podía) mover (el|la|mi|su) (brazo|pierna|mano|lado)",
    r"no (puedo|puede|podia|pudo) mover (un|medio|el|su|mi) (lado|mitad|cara)( de (la|su|mi) cara| del cuerpo)?",
    r"(can'?t|cannot|unable to|couldn'?t) move (one|1) side of (my|his|her|their|the) (face|body)",
    # as said in English learned later: "suddenly cannot move half body"
    r"(can'? ?t|can not|cannot|unable to|couldn'?t|not able to) move (the |his |her |my |their )?half( side)?( of)?"
    r"( (his|her|my|their|the))? (body|face)\b",
    r"(can'? ?t|can not|cannot|unable to|couldn'?t|not able to) move (the |his |her |my |their )?(one|left|right) side"
    r"( of (his|her|my|their|the) (body|face))?(?! of)\b",
    r"half (of )?(his |her |my |the |their )?(body|face) (can'? ?t|can not|cannot|won'?t|doesn'?t|does not) move",
    r"(slurr\w*) (his |her |my |their )?(speech|words|talk\w*)", r"(speech|words|talking) (is |are )?slurr\w*",
    r"(half|one side|side) of (his|her|my|their|the) (face|body) (is |went |feels )?(numb|drooping|weak|dead)",
    r"can'? ?t (talk|speak) (right|straight|properly|clearly)(?! now| this| at| atm| rn| (english"
    r"|spanish))", r"(habla|hablando) (arrastrad\w*|enredad\w*|trabad\w*)",
    r"no (puede|puedo) hablar bien", r"(la )?mitad de (la|su|mi) (cara|cuerpo) (dormida|adormecida|caida|paralizada)",
    r"se (le|me) (durmio|adormecio|paralizo) (la cara|el brazo|medio cuerpo|la mitad)",
    r"se (le|me) ha (dormido|adormecido|paralizado) (la cara|medio cuerpo|la mitad|medio lado|un lado|el lado)",
    r"se (le|me) (esta )?(durmiendo|adormeciendo|entumiendo|paralizando|durmio|entumio) (todo |toda )?(el|la|su|mi) "
    r"(lado|mitad|brazo|cara|pierna)", r"se (le|me) traba la lengua", r"(lengua|habla) trabada",
    # a throat, tongue or face swelling up (an allergic reaction closing the airway)
    r"(throat|tongue)( is| are| feels)? (swelling|swollen|closing)", r"throat (is |feels )?(closing|tight|tightening)",
    r"(face|lips|mouth)( and (my |his |her )?(throat|tongue|lips|face|mouth))? (is |are )?(swelling|puffing) up",
    r"(se me|se le) (esta )?(hinchando|cerrando|inflamando|hincho|cerro) (la garganta|la lengua|los labios|la cara)",
    r"(garganta|lengua) (se me |se le )?(esta )?(cerrando|hinchando|hinchada|cerrada)",
    r"sung (hong|luoi|co hong)", r"(hong|co hong|luoi) (bi )?sung( len| vu)?",
    # other 911 signs
    r"passed out", r"unconscious", r"fainted", r"seizure", r"bleeding (a lot|heavily|badly|won'? ?t stop)",
    r"coughing (up )?blood", r"se desmayo",
    # vomiting blood, the worst headache of one's life, a sugar far too low (with the body's signs)
    r"(vomit\w*|throw\w* up|threw up|puk\w*|throwin up) (up )?(some |a lot of |lots of |bright red |dark |so much )?"
    r"blood\b(?! (draw|test|work|pressure|sugar|drawn|taken))", r"(vomit\w*|devolv\w*) sangre",
    r"(oi|non|mua) ra mau",
    r"worst headache (of|in) my (life|whole life)", r"(peor|mas fuerte) dolor de cabeza de (mi|toda mi) vida",
    r"(sugar|glucose|azucar|glucosa|duong( huyet)?)( level| levels| reading)? (is |of |was |en |de |esta en |esta |)"
    r"(only |down to |dropped to |like |bajo a |bajo |at only )?([1-4]\d|5[0-4])\b(?! ?(min|minutes|years|yrs|lbs|kg|%"
    r"|mg|units|anos|am|pm))",
    # bleeding that will not stop: "bleeding thru the towel wont stop", "no para de sangrar"
    r"bleed\w*( (is|it|just|still|and|that|keeps|it'?s|its|wont|won't)){0,3} (won'?t|wont|will not|doesn'?t|does not"
    r"|not|can'?t|cannot) (stop|quit)\b(?! (me|my|taking|the))",
    r"(bleeding|bled|blood) (thru|through|soaked|soaking) (\w+ )?(the |a |my |his |her )?(towel|towels|bandage|gauze"
    r"|shirt|cloth|rag)", r"(can'?t|cannot|couldn'?t) (get (it|the bleeding|the blood) to )?stop (the )?(bleeding"
    r"|blood)\b(?! (thinner|thinners|pressure|sugar|meds?|medication|medicine|work|test|draw))",
    r"no (para|deja|dejaba|paraba) de sangrar", r"sangr(ando|a|ado)( \w+){0,3} (y )?no (para|se para|se detiene"
    r"|se quita|deja)\b(?! (mi|de ser))", r"no se (le |me )?(para|detiene|corta|quita) la sangre",
    r"me desmaye", r"convulsion", r"sangrando mucho", r"inconsciente",
    # "me está saliendo mucha sangre de la herida y no para"
    # (not "y no para de estornudar", "no se quita el ardor", "no para hasta que me enjuago")
    r"(sale|salia|saliendo|echando|bota|botando) (mucha |bastante )?sangre( \w+){0,4} (y )?no (para|se para|se detiene"
    r"|se quita|deja)\b(?! (de (?!sangrar)|la |el |los |las |hasta|con))",
    r"overdose", r"sobredosis",
    # a double dose, then too drowsy: "took my pain pills then took them again by mistake, cant stay awake"
    r"(again|twice|double|too many|extra|by mistake|by accident)\b.*\b(can'?t|cant|cannot|can not) (stay awake|keep "
    r"(my |his |her )?eyes open)",
    # not responding: "won't wake up", "no reacciona"
    r"unresponsive", r"(won'?t|wont|will not|can'?t|cannot|couldn'?t) (wake (him|her|them|my \w+) up|wake up)",
    r"(isn'?t|is not|not|wasn'?t|stopped) (responding|breathing|waking up)(?! (to|well|as))",
    r"(lost|losing) consciousness",
    r"no (reacciona|responde nada|despierta|se despierta)", r"no (lo|la|le) (puedo|podemos|pude) despertar",
    r"perdio (el )?(conocimiento|sentido)",
    # fallen and not responding: "se cayó en el baño y no responde", "collapsed and isn't answering me"
    r"(se cayo|se desmayo|en el (piso|suelo)|tirad[oa])( \w+){0,6} no (responde|contesta|reacciona|se mueve)",
    r"(se )?(acaba de |acababa de )?(caer|caerse|cayo|callo|desmayar\w*|desmayo)( \w+){0,6} (y )?no (me |le |nos )?"
    r"(responde|contesta|reacciona|se mueve|despierta)",
    r"no (responde|contesta|reacciona|se mueve)( \w+){0,4} (en el|tirad[oa] en el) (piso|suelo)",
    r"(fell|fallen|collapsed|on the floor|on the ground)( \w+){0,6} (not|isn'?t|won'?t|wont|is not) (responding"
    r"|answering|moving|waking)",
    # a blow to the head with a sign after it: vomiting, sight, confusion, bleeding
    r"(hit|banged|bumped|struck|hurt|cracked|smacked) (my|his|her|their|the) head\b.*\b(vomit\w*|throw\w* up|threw up"
    r"|puk\w*|see (straight|right|clearly)|blurr\w*|double vision|confus\w*|bleed\w*|blood|blacked out|dizzy"
    r"|passed out|knocked out|(she|he|they)( is|'s|s)? (not|isn'?t|is not|aren'?t|wasn'?t) making (any )?sense"
    r"|talking nonsense|(not|isn'?t) acting (right|like (herself|himself))|won'?t wake)",
    r"head (injury|wound)\b.*\b(vomit\w*|throw\w* up|threw up|confus\w*|bleed\w*|blurr\w*)",
    # fallen and unable to get up: "fell and can't get up", "me caí y no me puedo levantar"
    r"(fell|fallen|fall)( \w+){0,4} (and )?(can'?t|cannot|couldn'?t|unable to) (get|stand) up",
    r"(me cai|se cayo|me caí|se cayó)( \w+){0,4} (y )?no (me |se )?(puedo|puede|pude|pudo) (levantar|parar)",
    r"(golpe|golpeo|golpee|pego|pegue|cayo|cai)( \w+){0,4} (en )?(la )?cabeza\b"
    r".*\b(vomit\w*|no (ve|veo) bien|sangr\w*|confundid\w*|mareado|mareada|desmay\w*)",
]
_CRISIS = [
    # ("my knee's been killing me" is pain, not a crisis)
    r"suicid", r"kill(ing|ed)? myself", r"(want|wanna|going|gonna|planning|plan|try|trying|tried|will"
    r"|i'?ll)( to)? kill me\b",
    r"end(ing)? (my|it) (life|all)", r"want(ed)? to die",
    r"don'? ?t want to (live|be alive)", r"(wish|wishing) i (was|were) dead", r"better off dead",
    r"hurt(ing)? myself", r"self harm", r"no quiero (seguir )?(vivir|viviendo)", r"quiero morir", r"matarme",
    r"suicidarme",
    r"(don'?t|do not|dont) want to (keep|go on) (living|going)", r"(wish|hope) i (don'?t|wouldn'?t|never) wake up",
    r"no (quiero|quisiera) (volver a )?despertar", r"(sleep|asleep) and (never|not) wake up",
    r"(don'?t|dont|do not|can'?t) see the point (of|in) (any of it|anything|living|life|going on|it all)",
    r"dormir(me)? y no despertar", r"ganas de (morir|morirme|no despertar|desaparecer)",
    r"quitarme la vida", r"hacerme dano",
    # feeling a burden: "everyone would be better off without me", "estarían mejor sin mí", "soy una carga"
    r"better off without me", r"better off if i (was|were|am|'?m) (gone|dead|not here|not around)",
    r"better off if i (wasn'?t|weren'?t) (here|around|alive)", r"better off if i (died|disappeared|was never born)",
    r"(mejor|mejores) si yo (no estuviera|me muero|me muriera|desapareciera)",
    r"(i'?m|i am) (just )?a burden", r"(estarian|estarias|estaria) mejor sin mi",
    r"sin mi (estarian|estarias|estaria) mejor", r"soy una carga",
    r"(don'? ?t|do not|dont)( \w+){0,2} (wanna|want to) (live|be alive|be here) ?(anymore|any more|no more)",
    r"(don'? ?t|do not|dont)( \w+){0,2} (wanna|want to) (live|be alive)\b",
    r"no (reason|point) (in |to )?(living|live|going on)", r"can'? ?t go on (living|like this|anymore)",
    r"(want|wanna|going) to end it( all)?\b", r"take my (own )?life",
    r"no (vale la pena|tiene sentido) (vivir|seguir viviendo)", r"(quisiera|prefiero|mejor) estar muert[oa]",
    r"(me quiero|quisiera|quiero) (morir|matar)", r"acabar con (mi vida|todo)",
    r"(i'?d|i would) (rather|sooner) (just )?(die|be dead|not (be here|be alive|live|wake up))",
    r"(pills|meds|medicine|medication|tablets) (saved|stashed) up", r"(saved|stashed) up (my |all my )?"
    r"(pills|meds|tablets)",
    r"(if i|whether i) (want|wanna) to (be alive|live (anymore|any more))", r"no (quiero|kiero) (seguir )?(vivir"
    r"|bibir|vibir)",
    r"(take|taking|takin|swallow|swallowing|swallowin|down|downing) (all|every one of) (of )?(my|the|his|her) (pills"
    r"|meds|medication"
    r"|medicine|tablets)", r"mejor (seria|fuera|sera) (no despertar|morir(me)?|no estar|no existir)",
    r"no (le )?veo (el )?sentido (a|de) (nada|la vida|vivir|seguir)", r"tomarme todas (las|mis) (pastillas|medicinas)",
    # "i dont see the point anymore", "thinking about ending it"
    r"(don'?t|dont|do not|can'?t|cannot) see (the|a|any) point (anymore|any more|no more|in anything)",
    r"(not|won'?t|wont|will not) (planning on |plan on |going to |gonna )?(be |being )?(around|here) (much longer"
    r"|for long|anymore|any more|much more)",
    r"no (voy|pienso) (a )?estar (aqui|por aqui) (mucho tiempo|por mucho|mas)",
    r"(thinking|think|thought|thoughts) (about|of) (ending it|ending (my|it) (all|life)|killing myself|dying"
    r"|not being here|not waking up|taking my (own )?life)",
    r"(pensando|pienso|pensado) en (acabar con todo|quitarme la vida|matarme|morirme|no despertar)",
]
# "không muốn sống ở đây nữa": living somewhere, not living at all
_NOT_A_PLACE = r"(?! (o|tai|voi|chung|cung|gan|nha)\b)"
# Vietnamese, as normalised (tone marks dropped, đ kept; typed without diacritics it is d)
_MEDICAL += [
    r"[đd]au (o |that )?nguc", r"tuc nguc", r"nhoi mau co tim", r"[đd]au tim", r"kho tho",
    r"(khong|ko|k) tho (duoc|đuoc|dc|đc|noi)",
    # "ngực tôi đau thắt lại, thở không nổi": the chest named first, breathing that will not come
    r"nguc( \w+){0,2} (đau|dau|tuc|that|nang)( that| nhoi| lam| qua)?",
    r"tho (khong|ko|k|hong|hok) (noi|duoc|đuoc|dc|đc)",
    r"ngung tho", r"[đd]ot quy", r"tai bien", r"meo mieng", r"ngat xiu", r"bat tinh", r"co giat",
    r"chay (rat )?nhieu mau", r"chay mau khong (ngung|cam)",
    r"chay mau (rat |qua )?nhieu( lam| qua)", r"ra mau (rat |qua )?nhieu( lam| qua)",
    r"(ra|chay) mau( \w+){0,4} (khong|ko|k|hok) (cam|ngung|dung|het) (duoc|đuoc|dc|đc|lai)",  # "ra máu nhiều ko cầm đc"
    r"(chay mau|mau chay)( \w+){0,6} (khong|ko|k|hok) (cam|ngung|dung"
    r"|het) (duoc|đuoc|dc|đc|lai)",
    r"ho ra mau", r"qua lieu",
    r"(te|yeu|liet) nua (mat|nguoi|than)", r"meo (mat|mom)", r"noi (ngong|lap|khong ro|ko ro|k ro) (tu nhien|dot ngot)",
    r"[đd]ot (nhien|ngot) noi (ngong|lap|khong ro|ko ro|k ro)",
    r"([đd]ot (nhien|ngot)|tu nhien|bong dung|bong nhien)( \w+){0,2} (tay|chan|nua nguoi) (trai |phai )?(yeu|te"
    r"|liet|khong cu dong)",
    r"(tu nhien|bong dung|bong nhien) noi (ngong|lap|khong ro|ko ro|k ro)",
    r"(tay|chan) (ben )?(trai|phai) (bi )?(yeu|te|liet)( han| qua| di| het)",
    r"(tay|chan) (ben )?(trai|phai) (bi )?(yeu|liet)\b",
    r"mat( \w+){0,2} (bi )?(meo|xe|lech)( \w+){0,2} (mot ben|nua ben|nua)\b",
    r"(tay|chan|nua nguoi)( \w+){0,4} ([đd]ot nhien|[đd]ot ngot|tu nhien|bong dung|bong nhien) "
    r"(yeu|liet|te|khong cu dong)",
    r"noi (ngong|lap) (\w+ )?(mot ben|nua|mat|mieng)",
    r"(mot ben|nua) (mat|mieng|nguoi)( \w+){0,2} (xe|lech|meo|te|liet|yeu)\b", r"mat (bi )?(xe|lech|meo) (xuong|qua)",
    # not responding, and a blow to the head with a sign after it (đầu folds to the same letters as đau)
    r"(goi|lay|keu) (\w+ ){0,2}(khong|ko|k|hong) (tinh|day|tra loi|phan ung)", r"(khong|ko|k) con (tinh|phan ung)",
    r"(te|nga|dap|đap|va|đung)( \w+){0,4} [đd]au( \w+){0,8} (oi|non|chay mau|choang|xiu|lu lan|mo mat)",
    r"chay mau( \w+){1,2} (rat |qua )?nhieu( lam| qua)",  # "chảy máu đầu nhiều lắm"
    r"(te|nga)( \w+){0,6} (khong|ko|k|hong) ([đd]ung|ngoi) (day|len) (duoc|đuoc|dc|đc|noi)",
    r"(te|nga|xiu)( \w+){0,6} (khong|ko|k|hong) (con )?(tinh|phan ung|tra loi|nhuc nhich|cu dong)",
]
_CRISIS += [
    r"tu sat", r"tu tu cho (xong|roi|yen)", r"(muon|se|[đd]inh|nghi ([đd]en|toi)|co y [đd]inh) tu tu", r"muon chet",
    r"khong muon song" + _NOT_A_PLACE,
    r"ket thuc (cuoc [đd]oi|cuoc song|mang song)", r"tu lam hai (ban than|minh)",
    r"tu hai (ban than|minh|chinh minh)", r"(muon|se|[đd]inh|nghi [đd]en) tu hai\b",  # not "thứ tư hai giờ"
    # typed the way patients text: ko / k / hong / chang for "not", without diacritics
    r"(khong|khon|ko|k|hong|hok|kh|chang|cha) (con )?(muon|mun|thiet|thay can) (tiep tuc )?song" + _NOT_A_PLACE,
    r"chan song",
    r"song (khong|ko|k|chang) (noi|duoc|dc|đuoc) nua", r"(muon|mun) (chet|tu tu|chet cho xong)",
    r"(khong|ko|k) co (toi|tui|minh|em|con)( \w+){0,4} (se )?(tot|song tot|vui|nhe nhang) hon",
    r"chet (đi |di )?cho (xong|roi|khoe|yen)", r"(uong|nuot) (het|ca) (vi|hop|lo|chai) thuoc",
    r"(uong|nuot) het (\w+ )?thuoc cho (xong|yen)\b(?! (roi|r) (moi|thi|se|di))", r"bu (xiang|xiang zai) huo",
    # 我想死, 活不下去 in pinyin (not 我想死你了, nor 我想四点: "wo xiang si dian")
    r"\bwo (zhen )?(hen )?xiang si\b(?! (ni|nimen|ta|le ni|dian|hao|yue|ge|zhou|ke yi|keyi|shi))",
    r"\bhuo bu xia qu\b",
    r"ngu (luon|mot giac) (khong|ko|k) (day|thuc day)",
    r"(toi|tui|minh|em|con) (chi )?la (ganh nang|ga[nh]h nang)",
    r"(khong|ko|k|chang) (con )?thay (y nghia|ly do)( gi)?( (de|đe))? song",
    r"nghi (den|[đd]en|toi) (chuyen )?(chet|tu tu|ket thuc (tat ca|moi thu|cuoc [đd]oi))",
]
# Chinese: no spaces between words, so these match anywhere (no word boundary)
_MEDICAL_ZH = [
    r"(胸(口|部)?|凶口)(很|好|非常|特别)?(痛|疼|闷|压)", r"心(脏病)?(发作|梗)",
    r"呼吸(很|非常|特别|有点|好|越来越)?(困难|费力|急促)", r"上不来气", r"透不(过|到)气",
    r"喘不(过|上)(来)?气", r"(传|串)不过(来)?气",  # 传不过气: 喘不过气 as voice input writes it
    r"心口(窝)?(好|很|非常|特别)?(翳|闷|痛|疼|压)",
    r"(不能|无法|没法)呼吸", r"中风", r"脑卒中", r"嘴(巴)?歪", r"脸(歪|斜)",
    r"半边(脸|面|身|身体|身子)?(突然)?[^，。,.]{0,2}(发麻|麻木|麻|没力|没有力|无力|没劲|不能动|动不了|歪|斜|垂|下垂)",
    r"突然[^，。,.]{0,2}(讲|说)不(到|出)(话|东西|声)",
    r"(一边|半边)(脸|面)",
    r"(讲话|说话|讲嘢|口齿)(突然)?(不清|含糊|不利索|说不清)",
    r"(一边|一侧)(手|脚|手脚|身体)(突然)?(没力|无力|发麻|麻|动不了)",
    r"(左|右)(手|脚|腿|边|半身|侧|胳膊|胳臂|臂)[^，。,.]{0,3}(没力|无力|没有力|没劲|发麻|麻|动不了|不能动|抬不起)",
    r"(讲话|说话)[^，。,.]{0,2}(讲|说)不(清|清楚|出来)",
    r"(晕倒|昏倒|昏迷|失去知觉|不省人事)", r"抽搐",
    r"(大出血|流血不止|血流不止)", r"(流血|出血|血)(一直|还在|还是)?(止不住|停不下来|流个不停|流不停)", r"止不住血",
    r"(咳|吐)血", r"吐(了|出)?(好多|很多|一些|一点|大量|不少|一口|一大口)?的?血(?!压|糖|检|丝|液|常规)",
    r"吐出来的?(都是|全是)血", r"(服|吃)药过量",
    r"叫[^，。,.]{0,4}(不应|勿应|不醒|没反应|没有反应)|(喊|叫|摇)不醒|没(有)?(反应|知觉|意识)了?",
    r"(喉咙|喉嚨|舌头|舌頭|嘴唇)[^，。,.]{0,3}(肿|腫|发紧|發緊|收紧)", r"喉咙[^，。,.]{0,2}(好|很)?紧",
    r"(摔|跌)(倒|伤|了)[^。]{0,8}(起不来|站不起来|爬不起来|不动|没反应|没有反应|不回应|叫不醒)",
    r"(摔|撞|磕|碰|跌)[^。]{0,8}头[^。]{0,10}(流血|出血|是血|吐|呕|看不清|晕|昏)|头(在|一直|还在)?(流血|出血)",
    r"头(上|上面)?(都|全)是血",
]
_CRISIS_ZH = [r"自杀", r"想死", r"不想活", r"不想再?\s*live", r"不想再?醒来", r"一睡不醒", r"睡着了?(就)?不(要|再)?醒",
              r"轻生", r"结束(我的|自己的)?生命", r"自残", r"伤害自己",
              r"杀了?我自己", r"活不下去", r"活着(没|没有)(意思|意义)", r"不想再活", r"活够了", r"不如死了",
              r"没有我[^，。,.]{0,8}(更好|好过|轻松)",
              r"我(只)?是(个|一个)?(负担|累赘|拖累)", r"一了百了", r"(撑|熬|挺)不下去",
              r"一死了之", r"(想|打算|准备)(结束|了结)(这一切|一切|自己|生命)",
              r"活着(太|好|真)(辛苦|累|痛苦|苦)", r"(把|将)(所有的?|全部的?)?药(全|都|一次)(吃|吞)",
              # "想把一整瓶安眠药都吃了", "说自己是拖累" (told by a relative)
              r"(一整瓶|整瓶|一瓶|所有|全部)的?[^，。]{0,4}(药|药片|药丸)[^，。]{0,3}(都|全|一次)?(吃|吞)",
              r"自己(只)?是(个|一个)?(负担|累赘|拖累)",
              r"(死咗|死了|死)(就算|算了|好过|更好)",
              # "成日諗住死咗佢算，唔想再撐落去" (Cantonese, read as Mandarin)
              r"死了?(他|它)(就)?算", r"不想再?撑落去"]  # "我唔想再拖累屋企人，死咗就算"
# Tagalog and Haitian Creole, as patients mix them into English ("sobrang sakit ng dibdib ko, hirap huminga",
# "mwen pa ka respire"): the signs that cannot wait, in the words they are said in
_MEDICAL += [
    # (not "hindi na po masakit dibdib ko", "wala nang sakit sa dibdib": no longer)
    r"(?<!hindi )(?<!hindi na )(?<!hindi po )(?<!hindi na po )(?<!wala )(?<!wala nang )(?<!wala ng )(?<!walang )"
    r"(masakit|sumasakit|sobrang sakit|sakit|naninikip|naninikip na|sumisikip)( na| ng| ang| yung| sa| po)* dibdib",
    r"dibdib( ko)?( po)? (ay )?(?<!hindi )(masakit|sumasakit|naninikip|sumisikip|sobrang sakit)",
    r"(hirap|nahihirapan|hindi|di) ((na|po|ako|akong|siya|siyang) ){0,3}(makahinga|huminga|humuminga)",
    r"doule( nan)?( \w+){0,4} (pwatrin|ke m|ke mwen)\b|(pa ka|paka|pa kapab|pakapab) respire",
]
_CRISIS += [
    r"(gusto|gusto ko) (na |nang )?(ko )?(mamatay|magpakamatay)", r"magpapakamatay|magpakamatay",
    r"ayoko (na )?(nang )?mabuhay", r"mwen (vle|ta renmen) mouri", r"touye (tet|tèt) (mwen|m)",
]
_MEDICAL_RE = re.compile(r"\b(" + "|".join(_MEDICAL) + r")|" + "|".join(_MEDICAL_ZH))
_CRISIS_RE = re.compile(r"\b(" + "|".join(_CRISIS) + r")|" + "|".join(_CRISIS_ZH))
# a stroke told as history, in the same sentence ("Dad had a stroke last year and can't text"): no emergency by itself
_STROKE_WORD = re.compile(r"stroke|derrame|embolia|中风|脑卒中|[đd]ot quy|tai bien")
_IN_THE_PAST = re.compile(r"\b(last|a|one|two|three|few|several|\d+) (year|years|yr|yrs|month|months)( ago)?\b"
                          r"|\b(back )?in (january|february|march|april|may|june|july|august|september|october|"
                          r"november|december|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril"
                          r"|mayo|junio|julio|agosto|septiembre|octubre|"
                          r"noviembre|diciembre)\b|\b(since|after) (his|her|my|their|the) stroke\b"
                          r"|\bdesde (el|su|mi) (derrame|embolia)\b"
                          r"|(中风|脑卒中)(以后|之后|后|过)|\bsau (khi )?(bi )?tai bien\b"
                          r"|\bin (19|20)\d\d\b|\byears? ago\b|\bhace (un|una|dos|tres|varios|unos|\d+) (ano|anos"
                          r"|mes|meses)"
                          r"|\bel ano pasado\b|去年|前年|(几|两|三|\d+)年前"
                          r"|\bnam (ngoai|truoc|roi)\b|\b\d+ nam truoc\b"
                          # the care a past stroke left: a wheelchair, rehab, a therapy schedule
                          r"|\b(wheelchair|rehab|physical therapy|silla de ruedas|terapia fisica|rehabilitacion"
                          r"|xe lan|lich tap|tap vat ly|vat ly tri lieu|phuc hoi chuc nang)\b|轮椅|复健|康复|理疗")
# a stroke that left someone unable to use the phone: a caregiver writing for them ("he had a stroke and can't use
# the phone, how do I get the texts?"), not a stroke now
_LEFT_UNABLE = re.compile(r"\b(had|has had|suffered|after) (a |his |her )?stroke\b.*\b((can'?t|cannot|can not"
                          r"|unable to|doesn'?t|does not|no longer|isn'?t able to) ((use|text|read|answer|work|handle) "
                          r"(a |the |his |her |their )?(phone|cell|cellphone|texts|messages)\b|text\b)"
                          r"|(i|we) (handle|manage|do|make|schedule|book|set up) (all )?(his|her|their) (appointments"
                          r"|appts"
                          r"|visits|scheduling))"
                          # "ổng bị tai biến ..., lịch hẹn của ổng để tôi lo": a wife who keeps his appointments
                          r"|\b(tai bien|[đd]ot quy)\b.*\b(lich (hen|kham)( \w+){0,4} (toi|tui|em|con|minh) lo"
                          r"|(toi|tui|em|con|minh) lo (lich hen|lich kham|lich))\b")
# what a stroke leaves behind (speech, face, one side), and the words that say a sign is new
_STROKE_SIGN = re.compile(r"slurr|speech|words|talk|speak|face|mouth|droop|arm|leg|side|body|half|habla|lengua|cara"
                          r"|boca|brazo"
                          r"|pierna|lado|mitad|说话|讲话|口齿|脸|嘴|半边|一边|手|脚|noi|mat|mieng|tay|chan|nguoi")
_NEW = re.compile(r"\b(now|suddenly|again|just|today|this morning|tonight|de repente|otra vez|ahorita|hoy|ahora"
                  r"|[đd]ot nhien|tu nhien|bong dung|hom nay|sang nay|toi nay)\b|突然|又|刚才|刚刚|今天|现在")
_NEGATED = re.compile(r"(\b(no|not|never|without|sin|nada de|khong|chang) (\w+ ){0,2}|(没有|没|无|不|未)\s*)$")
# not bearing it any more negates nothing after it: "no aguanto más quiero matarme", "I can't take it, want to die"
_ENDURING = re.compile(r"\b(no|ya no) (aguanto|soporto)( mas)?\b|\b(ya )?no puedo mas\b|\bcan'?t (take|stand) (it|this)"
                       r"( anymore)?\b"
                       r"|\b(khong|ko|k) (chiu|chiu noi) (noi|duoc|dc)( nua)?\b"
                       # wanting nothing more negates nothing after it: "ya no quiero nada me quiero matar" (not
                       # "no quiero nada de sobredosis", "no quiero más convulsiones")
                       r"|\b(ya )?no quiero (nada|vivir|seguir)\b(?! de\b)|\bdon'?t want to (live|go on)\b")


# suicide in Vietnamese as typed with its marks: unambiguous there, while the folded "tu tu" is also "slowly"
_CRISIS_MARKED = re.compile(r"tự\s*tử|tự\s*sát|tự\s*vẫn|quyên\s*sinh")
_SENTENCE_END = re.compile(r"[.!?;\n。！？；]+")


def detect_emergency(body: str) -> Emergency | None:
    """The kind of emergency the message signals, if any. "No chest pain" is not one; a "not" in the sentence
    before does not reach into the next ("kết quả xấu lắm phải không. tôi chỉ muốn chết")."""
    marked = unicodedata.normalize("NFC", body.lower())
    for match in _CRISIS_MARKED.finditer(marked):  # "tự tử" with its marks (folded it reads "từ từ", slowly)
        if not _NEGATED.search(normalise(marked[: match.start()]) + " "):
            return Emergency.CRISIS
    # each sentence, and each part of it between commas: a comma ends what a "no" before it reaches ("ya no aguanto
    # más, quiero matarme"), while a stroke is told as history by anything in its sentence
    sentences = [normalise(sentence) for sentence in _SENTENCE_END.split(body) if sentence.strip()]
    parts = [(normalise(part), normalise(sentence)) for sentence in _SENTENCE_END.split(body)
             for part in sentence.split(",") if "," in sentence and part.strip()]
    whole = normalise(body)
    for kind, pattern in ((Emergency.CRISIS, _CRISIS_RE), (Emergency.MEDICAL, _MEDICAL_RE)):
        for text, context in (*((s, s) for s in sentences), *parts, (whole, whole)):
            for match in pattern.finditer(text):
                if not _NEGATED.search(_ENDURING.sub(" enduring ", text[: match.start()])) \
                        and not _told_as_history(context, context.find(match.group()), match.group()):
                    return kind
    return None


def _told_as_history(text: str, at: int, said: str) -> bool:
    """A stroke named with a time long past in the same sentence, with no sign of one now; or a lasting sign of
    that stroke ("since his stroke he can't talk clearly", 中风后讲话不清楚) with nothing saying it is new."""
    at = max(at, 0)
    start = max(text.rfind(mark, 0, at) for mark in ".;!?。；！？\n")
    ends = [found for mark in ".;!?。；！？\n" if (found := text.find(mark, at + len(said))) != -1]
    sentence = text[start + 1: min(ends, default=len(text))]
    if _STROKE_WORD.fullmatch(said.strip()):
        return bool(_IN_THE_PAST.search(sentence) or _LEFT_UNABLE.search(sentence))
    return bool(_STROKE_SIGN.search(said) and _STROKE_WORD.search(sentence)
                and _IN_THE_PAST.search(sentence) and not _NEW.search(sentence))
