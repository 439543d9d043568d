"""The voice channel, read from one table of real Twilio requests (DESIGN.md section 9).

Each row is a request exactly as Twilio posts it to our voice webhooks (the call being answered, with the
answering-machine detection's ``AnsweredBy``; what the patient said or keyed in on a ``<Gather>``; the silence
redirect; the call's status callback), whether it is signed as Twilio signs it, and what a reviewer should see:
the HTTP answer and a fragment of the TwiML (what the caller hears), and the workflow events recorded. One test
runs every row against the live stack, through the door Twilio uses. A new Twilio quirk is a new row.

Placeholders: ``{phone}`` the patient's number, ``{key}`` the app's name for the call (in the webhook URL),
``{call_sid}`` the call's SID, ``{sid}`` a fresh call SID. Setups: ``call`` (a voice task whose call a person
answered: the bot asked for the date of birth and listens), ``no_call`` (a conversation the app never had).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from conftest import SIMULATOR_TOKEN, Stack, new_phone, task_body
from twilio.request_validator import RequestValidator

from bot.core.settings import SIMULATOR_ACCOUNT_SID, SIMULATOR_FROM_NUMBER

ANSWER = "/channels/voice/answer/{key}"
SPEECH = "/channels/voice/speech/{key}"
SILENCE = "/channels/voice/silence/{key}"
STATUS = "/channels/voice/status"
BIRTH_DATE = "1962-03-14"
GATHER = "<Gather"
HANGUP = "<Hangup />"


def call_request(call_status: str = "in-progress", **extra: str | None) -> dict[str, str]:
    """What Twilio posts about an outbound call we placed: every field it sends (geography may be empty)."""
    form: dict[str, str | None] = {
        "AccountSid": SIMULATOR_ACCOUNT_SID, "ApiVersion": "2010-04-01", "CallSid": "{call_sid}",
        "CallStatus": call_status, "Called": "{phone}", "CalledCity": "", "CalledCountry": "US", "CalledState": "NY",
        "CalledZip": "", "Caller": SIMULATOR_FROM_NUMBER, "CallerCity": "", "CallerCountry": "US",
        "CallerState": "", "CallerZip": "", "Direction": "outbound-api", "From": SIMULATOR_FROM_NUMBER,
        "FromCity": "", "FromCountry": "US", "FromState": "", "FromZip": "", "To": "{phone}", "ToCity": "",
        "ToCountry": "US", "ToState": "NY", "ToZip": "",
    }
    form.update(extra)
    return {key: value for key, value in form.items() if value is not None}


def answered(answered_by: str | None, duration: str = "2450") -> dict[str, str]:
    """The call answered, with synchronous answering-machine detection (``MachineDetection``)."""
    return call_request(CallSid="{sid}", AnsweredBy=answered_by,
                        MachineDetectionDuration=duration if answered_by else None)


def gathered(speech: str | None = None, confidence: str = "0.92", digits: str | None = None) -> dict[str, str]:
    """The ``<Gather>`` action: ``SpeechResult`` and ``Confidence``, or ``Digits``."""
    if digits is not None:
        return call_request(Digits=digits, FinishedOnKey="", msg="Gather End")
    return call_request(SpeechResult=speech, Confidence=confidence, Language="en-US")


def call_status(state: str, **extra: str | None) -> dict[str, str]:
    """The call's status callback (``StatusCallback``)."""
    return call_request(state, CallDuration="0" if state != "completed" else "37", Duration="1",
                        Timestamp="Fri, 04 Dec 2026 15:03:11 +0000", CallbackSource="call-progress-events",
                        SequenceNumber="0", SipResponseCode="487" if state == "no-answer" else None, **extra)


def without(form: dict[str, str], *names: str) -> dict[str, str]:
    return {key: value for key, value in form.items() if key not in names}


@dataclass(frozen=True)
class Row:
    label: str
    path: str
    form: dict[str, str]
    setup: str = "call"  # call | no_call
    signature: str = "valid"  # valid | forged (another account's token) | missing
    posts: int = 1  # the same request again (a second silence)
    # the expectation
    http_status: int = 200
    says: tuple[str, ...] = ()  # fragments of the answer's TwiML (what the caller hears and what comes next)
    never_says: tuple[str, ...] = ()
    events: tuple[str, ...] = ()  # recorded on the setup's task by this request
    no_events: tuple[str, ...] = ()
    event_data: dict[str, dict[str, Any]] = field(default_factory=dict)
    task_state: str | None = None


VOICEMAIL = ("Riverside Health", "call us back", HANGUP)
NOTHING_PRIVATE = ("birth", "result", GATHER)
NOT_ANSWERED = "outreach.call.not_answered"

ROWS = [
    # -- the call is answered: answering-machine detection's verdicts ------------------------------------------
    *(Row(f"answer AnsweredBy={by}: a person hears the date-of-birth question", ANSWER, answered(by),
          says=(GATHER, "date of birth", 'input="speech dtmf"'), no_events=(NOT_ANSWERED,))
      for by in ("human", "unknown")),
    Row("answer without AnsweredBy (no detection ran): a person", ANSWER, answered(None),
        says=(GATHER, "date of birth"), no_events=(NOT_ANSWERED,)),
    *(Row(f"answer AnsweredBy={by}: a machine hears who called, nothing private", ANSWER, answered(by),
          says=VOICEMAIL, never_says=NOTHING_PRIVATE, events=(NOT_ANSWERED,),
          event_data={NOT_ANSWERED: {"reason": "voicemail"}}, task_state="awaiting_reply")
      for by in ("machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other")),
    Row("answer AnsweredBy=fax: no words for a fax, no second call: the next channel at once", ANSWER,
        answered("fax"), says=(HANGUP,), never_says=("<Say", *NOTHING_PRIVATE),
        events=(NOT_ANSWERED, "outreach.task.channel_failed"),
        event_data={NOT_ANSWERED: {"reason": "fax"},
                    "outreach.task.channel_failed": {"channel": "voice", "next_channel": "sms"}}),
    Row("answer for a conversation the app never had", ANSWER, answered("human"), setup="no_call",
        says=("Goodbye", HANGUP), never_says=(GATHER,)),
    Row("answer missing CallSid", ANSWER, without(answered("human"), "CallSid"), http_status=400,
        says=("CallSid",)),
    Row("answer forged signature", ANSWER, answered("human"), signature="forged", http_status=403),
    Row("answer missing signature", ANSWER, answered("human"), signature="missing", http_status=403),
    # -- what the person says or keys in --------------------------------------------------------------------
    Row("speech: the right date of birth", SPEECH, gathered("March 14th, 1962."),
        says=(GATHER, "When is a good time to call you?"), events=("outreach.identity.verified",)),
    Row("speech: a date of birth heard with low confidence is still checked", SPEECH,
        gathered("March 14th, 1962.", confidence="0.31"), says=(GATHER,), events=("outreach.identity.verified",)),
    Row("speech: the wrong date of birth", SPEECH, gathered("January 2nd, 1980."),
        says=(GATHER, "does not match"), events=("outreach.identity.not_matched",),
        no_events=("outreach.identity.verified",)),
    Row("digits: the date of birth keyed in", SPEECH, gathered(digits="03141962"), says=(GATHER,),
        events=("outreach.identity.verified",)),
    Row("digits: star repeats the question", SPEECH, gathered(digits="*"), says=(GATHER, "date of birth"),
        no_events=("outreach.identity.not_matched", "outreach.identity.verified")),
    Row("speech: an emergency before identity gets 911", SPEECH, gathered("I have chest pain and can't breathe"),
        says=("911",), events=("outreach.handoff.requested",),
        event_data={"outreach.handoff.requested": {"priority": "urgent"}}),
    Row("speech: empty SpeechResult is a silence, the question again", SPEECH, gathered(""),
        says=(GATHER, "date of birth"), no_events=("outreach.identity.not_matched",)),
    Row("speech for a conversation the app never had", SPEECH, gathered("hello"), setup="no_call",
        says=("Goodbye", HANGUP)),
    Row("speech missing CallSid", SPEECH, without(gathered("March 14th, 1962."), "CallSid"), http_status=400,
        says=("CallSid",), no_events=("outreach.identity.verified",)),
    Row("speech forged signature", SPEECH, gathered("March 14th, 1962."), signature="forged", http_status=403,
        no_events=("outreach.identity.verified",)),
    # -- nothing heard: the <Redirect> after the <Gather> ---------------------------------------------------------
    Row("silence once: the question again", SILENCE, call_request(), says=(GATHER, "date of birth"),
        no_events=(NOT_ANSWERED,)),
    Row("silence twice: goodbye; the ladder's next rung later", SILENCE, call_request(), posts=2, says=(HANGUP,),
        never_says=(GATHER,), events=(NOT_ANSWERED,), event_data={NOT_ANSWERED: {"reason": "silence"}},
        task_state="awaiting_reply"),
    # -- status callbacks -----------------------------------------------------------------------------------------
    Row("status completed", STATUS, call_status("completed"), http_status=204, no_events=(NOT_ANSWERED,)),
    *(Row(f"status {state}: nobody took the call; the ladder's next rung later", STATUS, call_status(state),
          http_status=204, events=(NOT_ANSWERED,), event_data={NOT_ANSWERED: {"reason": reason}},
          task_state="awaiting_reply")
      for state, reason in (("no-answer", "no_answer"), ("busy", "busy"), ("failed", "failed"),
                            ("canceled", "failed"))),
    *(Row(f"status {state}: changes nothing", STATUS, call_status(state), http_status=204,
          no_events=(NOT_ANSWERED,), task_state="awaiting_reply")
      for state in ("initiated", "ringing", "in-progress", "huh")),
    Row("status for a call we never placed", STATUS, call_status("no-answer", CallSid="{sid}"), http_status=204,
        no_events=(NOT_ANSWERED,), task_state="awaiting_reply"),
    Row("status missing CallSid", STATUS, without(call_status("no-answer"), "CallSid"), http_status=400,
        says=("CallSid",), no_events=(NOT_ANSWERED,)),
    Row("status missing CallStatus", STATUS, without(call_status("busy"), "CallStatus"), http_status=400,
        says=("CallStatus",), no_events=(NOT_ANSWERED,)),
    Row("status forged signature", STATUS, call_status("busy"), signature="forged", http_status=403,
        no_events=(NOT_ANSWERED,)),
]


@dataclass
class Setup:
    phone: str
    key: str
    call_sid: str
    task_id: str | None = None


async def set_up(stack: Stack, kind: str) -> Setup:
    """A voice task whose call a person answered (the date-of-birth question asked, the call listening)."""
    if kind == "no_call":
        return Setup(new_phone(), uuid.uuid4().hex, "CA" + uuid.uuid4().hex)
    phone = new_phone()
    body = task_body(phone, "prov-voice", preferred_channel="voice", birth_date=BIRTH_DATE)
    body["workflow"] = "abnormal_result"
    body["context"] = {"visit_type": "follow_up"}
    task = await stack.create_task(body, expect=201)
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        async with stack.http.get(f"{stack.base_url}/sim/phones/{phone}") as response:
            calls = (await response.json())["calls"]
        if calls and calls[-1]["listening"]:
            return Setup(phone, calls[-1]["url"].rsplit("/", 1)[-1], calls[-1]["sid"], task["id"])
        await asyncio.sleep(0.4)  # every call is waited for at once: a gentle look
    raise AssertionError(f"no call to {phone} was answered")


@pytest.fixture(scope="module")
async def prepared(request: pytest.FixtureRequest, stack_process: tuple[str, int, str]
                   ) -> AsyncIterator[dict[str, Setup]]:
    """Every selected row's setup, made at once before the first row runs (the calls are placed together), so
    the table costs seconds, not a few seconds per row."""
    rows = [item.callspec.params["row"] for item in request.session.items
            if getattr(item, "callspec", None) is not None and item.module is request.module]
    base_url, engine_port, database_url = stack_process
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        stack = Stack(base_url, session, engine_port, database_url)
        setups = await asyncio.gather(*(set_up(stack, row.setup) for row in rows))
        yield {row.label: setup for row, setup in zip(rows, setups, strict=True)}


def signed_headers(row: Row, url: str, form: dict[str, str]) -> dict[str, str]:
    if row.signature == "missing":
        return {}
    token = "another-accounts-token" if row.signature == "forged" else SIMULATOR_TOKEN
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(url, form)}


@pytest.mark.parametrize("row", ROWS, ids=[row.label for row in ROWS])
async def test_a_twilio_voice_request(stack: Stack, prepared: dict[str, Setup], row: Row) -> None:
    setup = prepared[row.label]
    values = {"phone": setup.phone, "key": setup.key, "call_sid": setup.call_sid, "sid": "CA" + uuid.uuid4().hex}
    form = {key: value.format(**values) for key, value in row.form.items()}
    url = stack.base_url + row.path.format(**values)
    events_before = {e["id"] for e in await stack.events(setup.task_id)} if setup.task_id else set()
    body = ""
    for _ in range(row.posts):
        async with stack.http.post(url, data=form, headers=signed_headers(row, url, form)) as response:
            body = await response.text()
            assert response.status == row.http_status, body
    for fragment in row.says:
        assert fragment in body, body
    for fragment in row.never_says:
        assert fragment not in body, body

    if setup.task_id:
        for event_type in row.events:
            await stack.wait_for_event(setup.task_id, event_type)
        new = [e for e in await stack.events(setup.task_id) if e["id"] not in events_before]
        types = [e["type"] for e in new]
        for event_type in row.no_events:
            assert event_type not in types, types
        for event_type, expected in row.event_data.items():
            seen = next(e["data"] for e in new if e["type"] == event_type)
            assert {key: seen.get(key) for key in expected} == expected, seen
        if row.task_state is not None:
            assert (await stack.task(setup.task_id))["state"] == row.task_state
