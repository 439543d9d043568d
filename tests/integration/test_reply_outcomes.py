"""Held-out patient replies (tests/outcomes/*.yml), each scored by the OUTCOME the whole real stack reaches.

Every row gets a fresh patient and a task of its workflow; the opening goes out through the simulator; the
row's reply is sent as the patient; then what actually happened is read back through the API and the simulator
(events, task state, handoff reason and priority, opt-out, the language of the next text, a new offer...) and
named with one outcome of the vocabulary below. A row is correct when that outcome is the one it expects (or
one of the ones it accepts). Nothing here looks at the intent the engine saw: only at what the patient gets.

Outcomes (``kind`` or ``kind:detail``; a row expecting ``kind`` accepts any detail, ``kind:detail`` only that):
  book:N              the offered option N (1-3) is booked (task booked); book:other for a time not offered
  other_times         no booking; a new offer of times that are not the same list again
  same_times          a new offer of exactly the list already offered (a miss for every row)
  clarify             no booking; the options are asked again ("Which time do you want?" with the list, or with
                      the options the reply could mean: "the afternoon one" asks between the two afternoon times)
  declined:CATEGORY   the task ends declined; CATEGORY is the event's category (feels_better, care_elsewhere,
                      already_done, cost, not_needed), else already_scheduled, else none
  person:REASON       a person takes it (handoff, normal priority); REASON is the handoff's reason
  nurse:REASON        a nurse's handoff: feeling worse, back in hospital (high priority) or a medicine question
  callback            the result callback: a clinician is asked to call back (abnormal_result)
  emergency:KIND      an urgent handoff emergency_medical / emergency_crisis and the 911 / 988 instruction
  opted_out           the patient is opted out and the task ends opted_out
  wrong_number        the task ends unreachable as a wrong number
  later               the patient asked to be contacted later (task queued again)
  language:XX         the patient's language is now XX and the very next text is written in XX
  confirmed           the reminded visit is confirmed (task completed)
  cancelled           the reminded visit is cancelled (task completed, no opt-out)
  checkin_ok          after discharge: answered "feeling OK" (no nurse paged), a follow-up offered
  followup_without_checkin_answer   after discharge: a follow-up offered, but no check-in answer recorded
  help                the HELP message in the patient's language, or who we are and how to check it is us (the
                      answer to "who is this? what is this about?"), nothing else changed
  not_understood      "sorry, I did not get that" (or its reminder / check-in form)
  engine_unavailable  the engine did not answer in time (holding reply)
  no_reply            nothing came back within the wait
  other:...           anything else (the first words of the text the patient got)

Runs on the SQLite backend only (it tests reading replies, not storage). Rows run concurrently
(OUTCOMES_CONCURRENCY, default 16; past ~24 the engine starts timing out on a loaded 2-core machine: a row whose
engine timed out is run once more, a few at a time, and the report counts these). OUTCOMES_LANGUAGES=en,es limits
the languages. The report is written to var/reply-outcomes.md; each language must reach 97%.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import time as monotonic
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import BACKEND, ROOT, Stack, daytime_zone, task_body

# another set of rows in the same format can be run with OUTCOMES_SET=path/to/folder (e.g. a fresh probe)
OUTCOMES_DIR = Path(os.environ.get("OUTCOMES_SET", str(ROOT / "tests" / "outcomes")))
REPORT = ROOT / "var" / "reply-outcomes.md"
LANGUAGES = ("en", "es", "zh", "vi")
THRESHOLD = 0.97  # every language
MIN_ROWS = 150
CONCURRENCY = int(os.environ.get("OUTCOMES_CONCURRENCY", "16"))
WANTED = [code for code in os.environ.get("OUTCOMES_LANGUAGES", ",".join(LANGUAGES)).split(",") if code]
WORKFLOWS = ("missed_appointment", "referral", "care_gap", "appointment_reminder", "post_discharge",
             "abnormal_result", "prior_authorization")
OFFER_WORKFLOWS = frozenset({"missed_appointment", "referral", "care_gap"})
VISIT_TYPES = {"missed_appointment": "physical_therapy", "referral": "specialist", "care_gap": "screening"}
KINDS = frozenset({"book", "other_times", "clarify", "declined", "person", "nurse", "callback", "emergency",
                   "opted_out", "wrong_number", "later", "language", "confirmed", "cancelled", "checkin_ok",
                   "help"})

pytestmark = pytest.mark.skipif(BACKEND == "postgresql",
                                reason="reads replies, not storage: runs on the SQLite backend only")

# The times every offer shows, in the patient's zone (the clinic's is not known, so it is the same):
# option 1 = the first Tuesday at least 2 days ahead, 9:00 AM; option 2 = the Wednesday after it, 2:30 PM;
# option 3 = the Thursday after it, 4:00 PM. More times come after them (for "other times"): that Friday 11:00
# AM and 3:00 PM, the Monday after 10:00 AM, the Tuesday a week later 1:00 PM. A reminder's visit is on the
# option-1 Tuesday at 11:00 AM.
OFFERED = ((0, 9, 0), (1, 14, 30), (2, 16, 0))  # (days after that Tuesday, hour, minute)
MORE = ((3, 11, 0), (3, 15, 0), (6, 10, 0), (7, 13, 0))
REMINDED = (0, 11, 0)
GIVEN_NAMES = {"en": ["Maria", "James", "Linda", "Robert"], "es": ["Lupe", "Jose", "Carmen", "Luis"],
               "zh": ["Wei", "Mei", "Jun", "Lan"], "vi": ["Lan", "Minh", "Hoa", "Tuan"]}

# Phones of this set's own (conftest's new_phone has 1000 numbers for the whole run; this set alone needs ~660):
# fictional 555-01xx numbers under area codes conftest does not use.
_OWN_AREA_CODES = ("718", "213", "646", "202", "469", "510", "720", "801", "919", "480")
_own_phones = itertools.count()


def new_phone() -> str:
    n = next(_own_phones)
    assert n < 100 * len(_OWN_AREA_CODES), "out of fictional numbers for this set"
    return f"+1{_OWN_AREA_CODES[n // 100]}55501{n % 100:02d}"


_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_WHO_WE_ARE = {"en": "We text our patients about their care", "es": "Enviamos mensajes de texto a nuestros pacientes",
               "zh": "我们会给患者发短信", "vi": "Chúng tôi nhắn tin cho bệnh nhân"}
_HELP = {"en": "patient messages. For help", "es": "Mensajes para pacientes de", "zh": "患者短信服务",
         "vi": "Tin nhắn cho bệnh nhân"}
_NURSE_REASONS = frozenset({"feeling_worse_after_discharge", "back_in_hospital", "feeling_worse",
                            "medicine_question"})


@dataclass(frozen=True)
class Row:
    language: str
    index: int
    workflow: str
    reply: str
    expect: tuple[str, ...]
    family: str
    patient_language: str
    note: str = ""


@dataclass
class Result:
    row: Row
    actual: str
    detail: str = ""
    texts: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return any(self.actual == e or self.actual.startswith(e + ":") for e in self.row.expect)


def load_rows(language: str) -> list[Row]:
    raw = yaml.safe_load((OUTCOMES_DIR / f"{language}.yml").read_text(encoding="utf-8"))
    rows = []
    for index, item in enumerate(raw["rows"], start=1):
        expect = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        rows.append(Row(language, index, item["workflow"], str(item["reply"]), tuple(str(e) for e in expect),
                        item["family"], item.get("patient_language", language), item.get("note", "")))
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_set_is_well_formed(language: str) -> None:
    """Each file: at least 150 rows, known workflows and outcomes, no reply twice, a note on every row that
    accepts more than one outcome."""
    rows = load_rows(language)
    assert len(rows) >= MIN_ROWS, f"{language}: {len(rows)} rows"
    seen = Counter((r.workflow, r.reply.strip().lower()) for r in rows)
    assert not [k for k, n in seen.items() if n > 1], [k for k, n in seen.items() if n > 1]
    for row in rows:
        assert row.workflow in WORKFLOWS, row
        assert row.patient_language in LANGUAGES, row
        for expected in row.expect:
            assert expected.split(":")[0] in KINDS, row
            if expected.startswith("book:"):
                assert row.workflow in OFFER_WORKFLOWS and expected[5:] in ("1", "2", "3"), row
        assert len(row.expect) == 1 or row.note, f"row {row.index} accepts several outcomes without saying why"


# -- the stack side ----------------------------------------------------------------------------------------
def first_tuesday(today: date) -> date:
    """The first Tuesday at least two days from ``today`` (so "tomorrow" never names an offered day)."""
    day = today + timedelta(days=2)
    while day.weekday() != 1:
        day += timedelta(days=1)
    return day


def local_times(zone: str, spec: tuple[tuple[int, int, int], ...]) -> list[datetime]:
    tuesday = first_tuesday(datetime.now(ZoneInfo(zone)).date())
    return [datetime.combine(tuesday + timedelta(days=d), time(h, m), ZoneInfo(zone)).astimezone(UTC)
            for d, h, m in spec]


@dataclass
class Opened:
    task_id: str
    phone: str
    offered_ids: list[str]  # the slot ids of options 1-3 (empty for workflows that do not offer)
    workflow: str = "missed_appointment"


async def wait_until(check: Any, within: float) -> Any:
    deadline = monotonic.monotonic() + within
    while True:
        found = await check()
        if found or monotonic.monotonic() > deadline:
            return found
        await asyncio.sleep(0.6)


async def open_task(stack: Stack, row: Row) -> Opened:
    zone = daytime_zone()
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    visit_type = VISIT_TYPES.get(row.workflow, "follow_up")
    ids = await stack.add_slots(provider, local_times(zone, OFFERED + MORE), visit_type)
    phone = new_phone()
    names = GIVEN_NAMES[row.patient_language]
    body = task_body(phone, provider, timezone=zone, language=row.patient_language,
                     given_name=names[row.index % len(names)])
    body["workflow"] = row.workflow
    body["context"] = {"provider_id": provider, "visit_type": visit_type}
    if row.workflow == "appointment_reminder":
        starts = local_times(zone, (REMINDED,))[0]
        body["context"]["appointment"] = {"starts_at": starts.isoformat(), "location": "Main Clinic"}
    task = await stack.create_task(body, expect=201)

    async def awaiting() -> bool:
        return any(e["type"] == "outreach.task.awaiting_reply" for e in await stack.events(task["id"]))

    assert await wait_until(awaiting, 90), f"row {row.language}#{row.index}: no opening for {row.workflow}"
    offered = ids[:3] if row.workflow in OFFER_WORKFLOWS else []
    if offered:  # the opening offered exactly options 1-3, in that order
        first = next(e for e in await stack.events(task["id"]) if e["type"] == "outreach.slot.offered")
        assert [s["slot_id"] for s in first["data"]["slots"]] == offered, first
    return Opened(task["id"], phone, offered, row.workflow)


def text_language(text: str) -> str:
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if _VIETNAMESE.search(text):
        return "vi"
    if re.search(r"[¿¡ñáéíóú]|\b(Responda|horario|Elija|usted|le escribiremos)\b", text):
        return "es"
    return "en"


def classify(events: list[dict[str, Any]], task: dict[str, Any], texts: list[str], opened: Opened,
             language: str) -> str:
    """The one outcome the patient got, from what the records and the texts show (most serious first)."""
    types = [e["type"] for e in events]
    of = defaultdict(list)
    for event in events:
        of[event["type"]].append(event["data"])
    state = task["state"]
    handoffs = of["outreach.handoff.requested"]
    joined = "\n".join(texts)
    urgent = [h for h in handoffs if str(h.get("reason", "")).startswith("emergency_")]
    if urgent:
        kind = urgent[0]["reason"].removeprefix("emergency_")
        said = ("988" if kind == "crisis" else "911") in joined
        good = said and urgent[0].get("priority") == "urgent"
        return f"emergency:{kind}" if good else f"other:emergency_{kind} without its instruction or urgency"
    if "outreach.patient.opted_out" in types:
        return "opted_out" if state == "opted_out" else f"other:opted_out event but task {state}"
    if "outreach.patient.wrong_number" in types:
        return "wrong_number" if state == "unreachable" else f"other:wrong_number event but task {state}"
    if of["outreach.appointment.booked"]:
        slot = of["outreach.appointment.booked"][-1]["slot_id"]
        which = str(opened.offered_ids.index(slot) + 1) if slot in opened.offered_ids else "other"
        return f"book:{which}" if state == "booked" else f"other:booked {which} but task {state}"
    if state == "declined":
        data = of["outreach.patient.declined"][-1] if of["outreach.patient.declined"] else {}
        category = data.get("category") or ("already_scheduled" if data.get("reason") == "already_scheduled"
                                            else "none")
        return f"declined:{category}"
    if handoffs:
        handoff = handoffs[-1]
        reason, priority = str(handoff.get("reason")), handoff.get("priority")
        if reason == "clinician_callback":
            return "callback"
        if reason == "not_understood":
            return "not_understood"
        if reason in _NURSE_REASONS:
            high = reason == "medicine_question" or priority == "high"
            return f"nurse:{reason}" if high else f"other:nurse {reason} at {priority} priority"
        if priority != "normal":
            return f"other:person {reason} at {priority} priority"
        return f"person:{reason}"
    if of["outreach.patient.asked_later"]:
        return "later" if state == "queued" else f"other:asked later but task {state}"
    if of["outreach.patient.language_changed"]:
        wanted = of["outreach.patient.language_changed"][-1]["language"]
        written = text_language(texts[0]) if texts else "nothing"
        return f"language:{wanted}" if written == wanted else f"other:language {wanted} but next text in {written}"
    if of["outreach.appointment.confirmed"]:
        return "confirmed" if state == "completed" else f"other:confirmed but task {state}"
    if of["outreach.appointment.cancelled"]:
        return "cancelled" if state == "completed" else f"other:cancelled but task {state}"
    if "outreach.engine.unavailable" in types:
        return "engine_unavailable"
    checkin = of["outreach.checkin.answered"]
    if checkin and checkin[-1].get("answer") == "feeling_ok":
        return "checkin_ok"
    offers = of["outreach.slot.offered"]
    if offers and opened.workflow == "post_discharge":
        return "followup_without_checkin_answer"  # what staff see: no answer to the check-in at all
    before = 1 if opened.offered_ids else 0
    if len(offers) > before:
        previous = {s["slot_id"] for s in offers[-2]["slots"]} if len(offers) > 1 else set()
        now = {s["slot_id"] for s in offers[-1]["slots"]}
        return "same_times" if now == previous else "other_times"
    if not texts:
        return "no_reply"
    if _HELP[language] in joined or _WHO_WE_ARE[language] in texts[0]:
        return "help"  # the HELP message, or who writes and how to check it is us ("who is this? what is this?")
    if opened.offered_ids and "1)" in texts[-1] and "2)" in texts[-1]:
        return "clarify"  # the options asked again: all of them, or the ones the reply could mean
    return "not_understood" if _sorry(texts[0]) else f"other:{' '.join(texts[0].split())[:60]}"


def _sorry(text: str) -> bool:
    return any(s in text for s in ("Sorry, I did not get that", "Disculpe, no le entend", "抱歉，我没有看懂",
                                   "Xin lỗi, chúng tôi chưa hiểu", "Please reply", "Por favor, responda"))


async def app_texts(stack: Stack, phone: str) -> list[str]:
    """The texts the app sent to ``phone`` (not the provider's own STOP confirmation)."""
    return [m["body"] for m in await stack.thread(phone) if m["direction"] == "outbound-api"]


async def run_row(stack: Stack, row: Row, gate: asyncio.Semaphore) -> Result:
    async with gate:
        try:
            opened = await open_task(stack, row)
            assert await wait_until(lambda: app_texts(stack, opened.phone), 30), "the opening never arrived"
            before = len(await app_texts(stack, opened.phone))
            await stack.reply(opened.phone, row.reply)

            async def answered() -> bool:
                if len(await app_texts(stack, opened.phone)) > before:
                    return True
                # a carrier STOP word is confirmed by the provider itself: the app records it and says nothing
                return any(e["type"] == "outreach.patient.opted_out" for e in await stack.events(opened.task_id))

            if await wait_until(answered, 45):
                await asyncio.sleep(0.8)  # a turn may send more than one text (a language switch, a question)
            texts = (await app_texts(stack, opened.phone))[before:]
            events = await stack.events(opened.task_id)
            task = await stack.task(opened.task_id)
            actual = classify(events, task, texts, opened, row.patient_language)
            seen = [e["type"].removeprefix("outreach.") for e in events]
            return Result(row, actual, f"task {task['state']}; events {', '.join(seen[-4:])}", texts)
        except Exception as error:  # a row that could not run is a miss, with the reason in the report
            return Result(row, "other:harness error", f"{error.__class__.__name__}: {error}"[:300])


RESULTS: dict[str, list[Result]] = {}
TIMINGS: dict[str, float] = {}
RERUNS: dict[str, int] = {}


def write_report() -> None:
    lines = ["# Reply outcomes (held-out set, scored by the outcome the real engine reaches)", "",
             f"Written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by tests/integration/test_reply_outcomes.py "
             f"(threshold {THRESHOLD:.0%} per language).", "",
             f"{sum(len(r) for r in RESULTS.values())} rows in {TIMINGS.get('all', 0):.0f} s "
             f"({CONCURRENCY} at a time; {RERUNS.get('all', 0)} re-run once after the engine timed out under load).",
             "",
             "| language | correct | total | % |", "|---|---|---|---|"]
    for language, results in RESULTS.items():
        good = sum(r.correct for r in results)
        lines.append(f"| {language} | {good} | {len(results)} | {100 * good / len(results):.1f} |")
    for language, results in RESULTS.items():
        lines += ["", f"## {language}", "", "| family | correct | total | % |", "|---|---|---|---|"]
        families: dict[str, list[Result]] = defaultdict(list)
        for result in results:
            families[result.row.family].append(result)
        for family, rs in sorted(families.items()):
            good = sum(r.correct for r in rs)
            lines.append(f"| {family} | {good} | {len(rs)} | {100 * good / len(rs):.0f} |")
        reached = Counter(r.actual.split(":")[0] if r.actual.startswith("other:") else r.actual for r in results)
        lines += ["", "Outcomes reached: " + ", ".join(f"{k} ×{n}" for k, n in sorted(reached.items())) + "."]
        misses = [r for r in results if not r.correct]
        lines += ["", f"### {language} misses ({len(misses)})", ""]
        if misses:
            lines += ["| # | workflow | family | reply | expected | actual | bot said |",
                      "|---|---|---|---|---|---|---|"]
        for r in misses:
            said = " / ".join(" ".join(t.split())[:70] for t in r.texts[:2]) or r.detail
            cells = [str(r.row.index), r.row.workflow, r.row.family, r.row.reply, " or ".join(r.row.expect),
                     r.actual, said]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def run_all(stack: Stack) -> None:
    """Every wanted language's rows at once (one pool: no language waits for another's slowest row)."""
    rows = [row for language in WANTED for row in load_rows(language)]
    gate = asyncio.Semaphore(CONCURRENCY)
    started = monotonic.monotonic()
    results = list(await asyncio.gather(*(run_row(stack, row, gate) for row in rows)))
    # The engine timing out is the machine's load, not the reading of a reply: such a row is run once more (a
    # fresh patient), a few at a time; what it reaches then is its outcome, and the report counts these re-runs.
    again = [i for i, r in enumerate(results) if r.actual in ("engine_unavailable", "other:harness error")]
    calm = asyncio.Semaphore(4)
    for i, result in zip(again, await asyncio.gather(*(run_row(stack, rows[i], calm) for i in again)), strict=True):
        results[i] = result
    RERUNS["all"] = len(again)
    TIMINGS["all"] = monotonic.monotonic() - started
    for language in WANTED:
        RESULTS[language] = [r for r in results if r.row.language == language]
    write_report()


@pytest.mark.engine
@pytest.mark.parametrize("language", LANGUAGES)
async def test_replies_reach_the_outcome_they_mean(stack: Stack, language: str) -> None:
    if language not in WANTED:
        pytest.skip(f"OUTCOMES_LANGUAGES={','.join(WANTED)}")
    if not RESULTS:
        await run_all(stack)
    results = RESULTS[language]
    good = sum(r.correct for r in results)
    misses = [f"#{r.row.index} {r.row.reply!r}: expected {'/'.join(r.row.expect)}, got {r.actual}"
              for r in results if not r.correct]
    assert good / len(results) >= THRESHOLD, (
        f"{language}: {good}/{len(results)} = {100 * good / len(results):.1f}% < {THRESHOLD:.0%} "
        f"(see {REPORT.relative_to(ROOT)}):\n" + "\n".join(misses[:40]))


def test_the_classifier_tells_outcomes_apart() -> None:
    """The classifier itself, on records made by hand: each outcome is named only on its own evidence."""
    opened = Opened("t", "p", ["a", "b", "c"])
    offer = {"type": "outreach.slot.offered", "data": {"slots": [{"slot_id": i} for i in "abc"]}}

    def ev(kind: str, **data: Any) -> dict[str, Any]:
        return {"type": f"outreach.{kind}", "data": data}

    def task(state: str) -> dict[str, Any]:
        return {"state": state}

    assert classify([offer, ev("appointment.booked", slot_id="b")], task("booked"), ["ok"], opened, "en") == "book:2"
    assert classify([offer, ev("appointment.booked", slot_id="b")], task("awaiting_reply"), ["ok"], opened,
                    "en").startswith("other:")
    assert classify([offer, offer], task("awaiting_reply"), ["1) x"], opened, "en") == "same_times"
    other = {"type": "outreach.slot.offered", "data": {"slots": [{"slot_id": "d"}]}}
    assert classify([offer, other], task("awaiting_reply"), ["1) x"], opened, "en") == "other_times"
    assert classify([offer], task("awaiting_reply"), ["Which time?\n1) a\n2) b\n3) c"], opened, "en") == "clarify"
    assert classify([offer], task("awaiting_reply"), ["Which time?\n1) b\n2) c"], opened, "en") == "clarify"
    assert classify([offer], task("awaiting_reply"), ["Sorry, I did not get that."], opened, "en") == \
        "not_understood"
    assert classify([offer], task("awaiting_reply"), [], opened, "en") == "no_reply"
    assert classify([offer, ev("handoff.requested", reason="emergency_crisis", priority="urgent")],
                    task("handed_off"), ["call or text 988"], opened, "en") == "emergency:crisis"
    assert classify([offer, ev("handoff.requested", reason="emergency_medical", priority="urgent")],
                    task("handed_off"), ["a nurse will call"], opened, "en").startswith("other:")
    assert classify([offer, ev("handoff.requested", reason="feeling_worse_after_discharge", priority="normal")],
                    task("handed_off"), ["x"], opened, "en").startswith("other:")
    assert classify([offer, ev("patient.language_changed", language="es")], task("awaiting_reply"),
                    ["OK. Which time do you want?"], opened, "en").startswith("other:")
    assert classify([offer, ev("patient.language_changed", language="es")], task("awaiting_reply"),
                    ["¿Qué horario prefiere?"], opened, "en") == "language:es"
    assert classify([offer, ev("patient.declined", reason="patient_declined", category="feels_better")],
                    task("declined"), ["ok"], opened, "en") == "declined:feels_better"
    assert classify([offer], task("awaiting_reply"), ["Clinic patient messages. For help, call"], opened, "en") \
        == "help"
    after = Opened("t", "p", [], "post_discharge")
    assert classify([ev("slot.offered", slots=[{"slot_id": "a"}])], task("awaiting_reply"), ["x"], after, "en") \
        == "followup_without_checkin_answer"
    assert classify([ev("checkin.answered", answer="feeling_ok"), ev("slot.offered", slots=[{"slot_id": "a"}])],
                    task("awaiting_reply"), ["x"], after, "en") == "checkin_ok"
    result = Result(Row("en", 1, "referral", "x", ("declined",), "f", "en"), "declined:cost")
    assert result.correct
    assert not Result(Row("en", 1, "referral", "x", ("declined:cost",), "f", "en"), "declined:none").correct
    assert not Result(Row("en", 1, "referral", "x", ("book:2",), "f", "en"), "book:other").correct

