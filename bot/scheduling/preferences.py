"""What times a patient asks for when the offered ones do not suit: "cant do tues, anything thurs am?",
"¿tienen algo el viernes en la tarde?", "next week after 3", "not mondays".

Read from the patient's own words (English or Spanish; Chinese and Vietnamese through bot/scheduling/zh_vi.py:
"下午有吗", "晚一点", "thứ sáu có không", "sớm hơn"), in their time zone: wanted and unwanted weekdays, a part
of the day or an hour bound, and a date range. An empty preference means "just other times".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from bot.scheduling.reading import (
    MORNING_LEAD_INS,
    ORDERED_THINGS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    WEEKDAYS,
    reply_words,
)
from bot.scheduling.turning_down import BUSY_THEN, NEGATIONS
from bot.scheduling.zh_vi import WEEKDAY_NAMES

_EXCEPT = frozenset({"except", "excepto", "salvo", "menos", "but"})  # colour only what follows them
_NEGATION_SCOPE = 3
_AFTER = frozenset({"after", "despues", "luego"})
_EARLIER = frozenset({"earlier", "sooner", "temprano"})
_LATER = frozenset({"later"})
_BEFORE = frozenset({"before", "antes"})
# "tarde" after these is late, not the afternoon: "más tarde", "salgo tarde del trabajo", "muy tarde"
_LATE_NOT_AFTERNOON = frozenset({"mas", "salgo", "sale", "salimos", "llego", "llega", "llegamos", "termino",
                                 "acabo", "regreso", "vuelvo", "muy", "tan", "demasiado"})
_BOUND_FILLERS = frozenset({"de", "del", "la", "las", "the", "a"})  # "después de las 2": after 2
# "either3or1": the third option or the Tuesday (zh_vi.py); as a wish for a time, the day
_EITHER_WORD = re.compile(r"\b(?:either|pick)(\d)or(\d)\b")
_UNTIL = frozenset({"until", "till", "til", "thru", "through", "hasta"})
_BACK_ON = frozenset({"regreso", "vuelvo", "regresamos", "volvemos", "back"})  # "regreso el 14", "back on the 14th"
_PAST_A_DATE = frozenset({"after", "despues", "past"})  # "after the 20th", "después del 20": from the day after
_NTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_TOKEN = re.compile(r"\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|[a-z']+|[,.;!?]")
_CLAUSE_END = frozenset(",.;!?")
# where a thought about being busy ends: "I have class tues wed and thurs | u got anything next week",
# "mejor el martes tempranito | k en la tarde tengo q ir a trabajar"
_THOUGHT_BREAK = re.compile(r"[,.;!?]|\b(?:but|pero|though|tho|so|then|entonces|porque|because|cuz)\b"
                            # "morning one pls | i work afternoons"
                            r"|\b(?:pls|please|plz|thx|thanks)\b(?= (?:i|we|my)\b)"
                            r"|(?<!tengo )(?<!tiene )(?<!hay )(?<!have )\b(?:q|k|que)\b")
# after "not": words that make it turn down what was just named ("tuesday doesnt work", "el martes no puedo")
_WORKS = frozenset("""
    work works working good great possible ok okay suit suits fit fits puedo puede podemos sirve sirven queda
    quedan conviene funciona va voy alcanzo bueno
""".split())
_HOUR = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
_RELATIVE: dict[tuple[str, ...], tuple[int, int]] = {
    ("pasado", "manana"): (2, 2), **{(word,): (days, days) for word, days in RELATIVE_DAYS.items()},
}
_WEEK_PHRASES = {
    ("next", "week"): 1, ("proxima", "semana"): 1, ("semana", "que", "viene"): 1, ("siguiente", "semana"): 1,
    ("otra", "semana"): 1, ("semana", "entrante"): 1,  # "la otra semana": the next one
    ("this", "week"): 0, ("esta", "semana"): 0,
    # "the week after next", "en dos semanas", 下下周 and "tuần sau nữa" as rewritten
    ("week", "after", "next"): 2, ("in", "two", "weeks"): 2, ("in", "2", "weeks"): 2, ("en", "dos", "semanas"): 2,
    ("en", "2", "semanas"): 2, ("semana", "despues", "de", "la", "proxima"): 2,
}
_NEXT_MONTH = {("next", "month"): 1, ("proximo", "mes"): 1, ("mes", "que", "viene"): 1, ("siguiente", "mes"): 1,
               ("otro", "mes"): 1}
_WEEKEND = (("weekend",), ("weekends",), ("fin", "de", "semana"), ("fines", "de", "semana"))


@dataclass(frozen=True)
class TimePreference:
    weekdays: frozenset[int] = frozenset()  # Monday 0; wanted
    avoid_weekdays: frozenset[int] = frozenset()
    hours: tuple[int, int] | None = None  # local [from, to)
    dates: tuple[date, date] | None = None  # local, inclusive
    avoid_hours: tuple[int, int] | None = None
    direction: str | None = None  # "earlier" / "later" than the times on offer ("anything later in the morning?")

    def as_event(self) -> dict[str, object]:
        """The preference as workflow-event data (no words of the patient's)."""
        return {
            "weekdays": sorted(self.weekdays), "avoid_weekdays": sorted(self.avoid_weekdays),
            "hours": list(self.hours) if self.hours else None,
            "avoid_hours": list(self.avoid_hours) if self.avoid_hours else None,
            "dates": [d.isoformat() for d in self.dates] if self.dates else None,
            "direction": self.direction,
        }

    def closeness(self, local_start: datetime) -> float:
        """How far a time is from what was asked (0: inside it), for offering the nearest when none fits."""
        minutes = local_start.hour * 60 + local_start.minute
        if self.hours:
            low, high = self.hours[0] * 60, self.hours[1] * 60
            if not low <= minutes < high:
                return min(abs(minutes - low), abs(minutes - high))
        if self.direction == "later":
            return 24 * 60 - minutes
        if self.direction == "earlier":
            return minutes
        return 0

    def is_empty(self) -> bool:
        return self == TimePreference()

    def allows(self, local_start: datetime) -> bool:
        day, hour = local_start.date(), local_start.hour
        if self.weekdays and day.weekday() not in self.weekdays:
            return False
        if day.weekday() in self.avoid_weekdays:
            return False
        if self.hours and not self.hours[0] <= hour < self.hours[1]:
            return False
        if self.avoid_hours and self.avoid_hours[0] <= hour < self.avoid_hours[1]:
            return False
        return not (self.dates and not self.dates[0] <= day <= self.dates[1])


@dataclass
class _Reading:
    weekdays: set[int] = field(default_factory=set)
    avoid_weekdays: set[int] = field(default_factory=set)
    hours: tuple[int, int] | None = None
    avoid_hours: tuple[int, int] | None = None
    dates: tuple[date, date] | None = None
    direction: str | None = None


def _hour(token: str, previous: str) -> int | None:
    """A clock hour from "3", "3pm", "10:30 am"; a bare number counts only after "after/before/at/las"."""
    match = _HOUR.match(token)
    if not match:
        return None
    hour, meridiem = int(match.group(1)), (match.group(3) or "").replace(".", "")
    if hour > 23:
        return None
    if not meridiem:
        if previous not in _AFTER | _BEFORE | {"at", "las", "la", "around", "de"}:
            return None
        if 1 <= hour <= 7:
            hour += 12  # "after 3": nobody means 3 in the morning
    elif meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour


def _day_of_month(today: date, day: int) -> date | None:
    """The next date (from ``today``) that is the ``day``-th of its month."""
    for months_ahead in (0, 1, 2):
        month_index = today.month - 1 + months_ahead
        year, month = today.year + month_index // 12, month_index % 12 + 1
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def read_preference(text: str, today: date, language: str | None = None) -> TimePreference:
    """The times ``text`` asks for, relative to ``today`` (the patient's local date); ``language`` is the
    patient's (Vietnamese typed without diacritics is read as Vietnamese)."""
    folded, _ = reply_words(text, language)
    folded = _EITHER_WORD.sub(lambda m: f" {WEEKDAY_NAMES[int(m.group(2))]} ", folded)  # "thứ ba": the Tuesday
    tokens = list(_TOKEN.finditer(folded))
    words = [_singular(token.group()) for token in tokens]
    busy = _busy_words(folded, tokens)
    found = _Reading()
    negated_until = -1
    bounded = False
    named: list[tuple[int, str, object]] = []  # (position, kind, value) of what was just asked for
    index = 0
    while index < len(words):
        word = words[index]
        previous = words[index - 1] if index else ""
        negated = index <= negated_until or busy[index]  # "I have class tues wed and thurs": not then
        if word in _CLAUSE_END:
            negated_until = -1
            index += 1
            continue
        if word.replace("'", "") in NEGATIONS | _EXCEPT:
            negated_until = index + _NEGATION_SCOPE
            following = [w for w in words[index + 1:index + 3] if w not in ("really", "me", "le", "for", "gonna")]
            if word.replace("'", "") in NEGATIONS and (not following or following[0] in _WORKS | _CLAUSE_END):
                _negate_just_named(found, named, index)  # "el martes no puedo", "mornings dont work"
        elif matched := _phrase(words, index, _WEEK_PHRASES):
            weeks, length = matched
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
            found.dates = (max(monday, today), monday + timedelta(days=6))
            index += length
            continue
        elif matched := _phrase(words, index, _RELATIVE):
            (first, last), length = matched
            if not (word == "manana" and previous in MORNING_LEAD_INS):
                found.dates = (today + timedelta(days=first), today + timedelta(days=last))
                index += length
                continue
        elif matched := _phrase(words, index, _NEXT_MONTH):
            first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
            found.dates = (first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1))
            index += matched[1]
            continue
        if word in _UNTIL | _BACK_ON | _PAST_A_DATE and (busy_until := _date_after(words, index, today)) is not None:
            day, length = busy_until
            back = word in _BACK_ON  # "regreso el 14": from that day; "until the 10th", "after the 20th": after it
            found.dates = (day + timedelta(days=0 if back else 1), day + timedelta(days=14))
            index += length
            continue
        if (nth := _NTH.fullmatch(word)) and (index + 1 == len(words) or words[index + 1] not in ORDERED_THINGS) \
                and (day := _day_of_month(today, int(nth.group(1)))) is not None:
            found.dates = (day, day)  # "can you do the 15th?": the next 15th
            index += 1
            continue
        if word in ("day", "dia") and index + 1 < len(words) and words[index + 1].strip().isdigit() \
                and (day := _day_of_month(today, int(words[index + 1]))) is not None:
            found.dates = (day, day)  # "ngày 8" (rewritten "day 8"), "el día 8": the next 8th
            index += 2
            continue
        if _phrase(words, index, dict.fromkeys(_WEEKEND, 0)):
            (found.avoid_weekdays if negated else found.weekdays).update({5, 6})
        elif word in WEEKDAYS and not (word == "mar" and index + 1 < len(words) and words[index + 1].isdigit()):
            (found.avoid_weekdays if negated else found.weekdays).add(WEEKDAYS[word])
            if not negated:
                named.append((index, "weekday", WEEKDAYS[word]))
        elif word in PARTS_OF_DAY and not (word == "manana" and previous not in MORNING_LEAD_INS) \
                and not (word == "tarde" and previous in _LATE_NOT_AFTERNOON):  # "más tarde", "salgo tarde"
            if negated:
                found.avoid_hours = PARTS_OF_DAY[word]
            elif bounded and found.hours and (narrowed := _overlap(found.hours, PARTS_OF_DAY[word])):
                found.hours = narrowed  # "after 5 in the evening": the bound, within that part of the day
            elif not bounded:  # "después de las 5? salgo tarde del trabajo": the bound asked for stands
                found.hours = PARTS_OF_DAY[word]
                named.append((index, "hours", PARTS_OF_DAY[word]))
        elif word in _EARLIER or (word == "antes" and index + 1 == len(words)):
            found.direction = "earlier"
        elif word in _LATER or (word == "tarde" and previous == "mas"):
            found.direction = "later"
        elif (hour := _hour(word, previous)) is not None:
            bound = next((w for w in reversed(words[max(0, index - 3):index]) if w not in _BOUND_FILLERS), "")
            if bound in _AFTER:  # "after 2", "después de las 2"
                found.hours, bounded = (hour, 24), True
            elif bound in _BEFORE:
                found.hours, bounded = (0, hour), True
            elif not negated and not bounded:  # "after 3:30? I get off at 3": the bound asked for stands
                found.hours = (hour, hour + 1)  # "3pm works better", "a las 4": that hour
        index += 1
    return TimePreference(frozenset(found.weekdays - found.avoid_weekdays), frozenset(found.avoid_weekdays),
                          found.hours, found.dates, found.avoid_hours, found.direction)


def _busy_words(folded: str, tokens: list[re.Match[str]]) -> list[bool]:
    """For each token, whether the thought it stands in says the patient is busy then ("tengo que trabajar")."""
    bounds = [0, *(m.start() for m in _THOUGHT_BREAK.finditer(folded)), len(folded) + 1]
    busy_spans = [(start, end) for start, end in pairwise(bounds)
                  if BUSY_THEN.search(folded[start:end])]
    return [any(start <= token.start() < end for start, end in busy_spans) for token in tokens]


def _date_after(words: list[str], index: int, today: date) -> tuple[date, int] | None:
    """The date named after an "until" ("until the 10th", "hasta el 10", "until day 10"), and how many words it
    took."""
    ahead = index + 1
    while ahead < len(words) and words[ahead] in ("the", "el", "del", "day", "dia", "de", "on", "hasta"):
        ahead += 1
    word = words[ahead].strip() if ahead < len(words) else ""
    number = _NTH.fullmatch(word) or (re.fullmatch(r"(\d{1,2})", word) if ahead > index + 1 else None)
    if number is None or (day := _day_of_month(today, int(number.group(1)))) is None:
        return None
    return day, ahead - index + 1


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> tuple[int, int] | None:
    low, high = max(first[0], second[0]), min(first[1], second[1])
    return (low, high) if low < high else None


def _negate_just_named(found: _Reading, named: list[tuple[int, str, object]], index: int) -> None:
    """A negation right after a day or part of day ("tuesday doesnt work") turns it from wanted to unwanted, and
    the days listed right before it with it ("tue wed thu no puedo")."""
    last = index
    while named and last - named[-1][0] <= 2:
        last, kind, value = named.pop()
        if kind == "weekday":
            found.weekdays.discard(value)  # type: ignore[arg-type]
            found.avoid_weekdays.add(value)  # type: ignore[arg-type]
        elif found.hours == value:
            found.hours, found.avoid_hours = None, value  # type: ignore[assignment]


def _singular(word: str) -> str:
    """'mondays' → 'monday', 'sabados' → 'sabado', 'mornings' → 'morning', 'tardes' → 'tarde'."""
    if word.endswith("s") and (word[:-1] in WEEKDAYS or word[:-1] in PARTS_OF_DAY):
        return word[:-1]
    return word


def _phrase(words: list[str], index: int, table: dict[tuple[str, ...], object]) -> tuple[object, int] | None:
    for phrase, value in table.items():
        if tuple(words[index:index + len(phrase)]) == phrase:
            return value, len(phrase)
    return None
