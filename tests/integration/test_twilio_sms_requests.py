"""The SMS channel, read from one table of real Twilio requests (DESIGN.md section 9).

Each row is a request exactly as Twilio posts it to our webhooks (the form fields of a real inbound text, MMS or
status callback), whether it is signed as Twilio signs it, and what a reviewer should see happen: the HTTP answer,
what the patient is texted back (the simulator's thread) and the workflow events recorded (the events API). One
test runs every row against the live stack, through the door Twilio uses. A new Twilio quirk is a new row.

Placeholders in the form: ``{phone}`` the patient's number (from the row's setup), ``{sid}`` a fresh message SID
for this row, ``{sent_sid}`` the SID of the text the bot sent in the setup. Setups: ``none`` (a number the bot
has never texted), ``conversation`` (a missed-visit text waiting for the patient's reply), ``document_request``
(a prior-authorization text asking for a photo), ``delivered_text`` (a ``conversation`` whose opening text the
simulator has already reported sent, then delivered), ``sent_text`` (one whose opening text was reported sent and
nothing after: the carrier's final word is the row's own callback).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from conftest import SIMULATOR_TOKEN, Stack, future_weekday_times, new_phone, task_body
from twilio.request_validator import RequestValidator

from bot.core.settings import SIMULATOR_ACCOUNT_SID, SIMULATOR_FROM_NUMBER
from bot.outreach.ladder import CHANNEL_FAILURES

INBOUND = "/channels/sms/inbound"
STATUS = "/channels/sms/status"
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response />'
QUIET_SECONDS = 1.0  # how long an inbound text the bot must not answer is given to be sure no answer comes


def received(body: str | None = "2", **extra: str) -> dict[str, str]:
    """An inbound text as Twilio posts it: every field it sends (the geographic ones may be empty)."""
    form = {
        "ToCountry": "US", "ToState": "NY", "SmsMessageSid": "{sid}", "NumMedia": "0", "ToCity": "",
        "FromZip": "01022", "SmsSid": "{sid}", "FromState": "MA", "SmsStatus": "received", "FromCity": "CHICOPEE",
        "Body": body, "FromCountry": "US", "To": SIMULATOR_FROM_NUMBER, "MessagingServiceSid":
        "MG" + "d" * 32, "ToZip": "", "NumSegments": "1", "MessageSid": "{sid}", "AccountSid": SIMULATOR_ACCOUNT_SID,
        "From": "{phone}", "ApiVersion": "2010-04-01",
    }
    form.update(extra)
    return {key: value for key, value in form.items() if value is not None}


def without(form: dict[str, str], *names: str) -> dict[str, str]:
    return {key: value for key, value in form.items() if key not in names}


def status(message_status: str | None, error_code: str | None = None, **extra: str) -> dict[str, str]:
    """A status callback as Twilio posts it (``ErrorCode`` only on failed or undelivered)."""
    form = {
        "SmsSid": "{sent_sid}", "SmsStatus": message_status, "MessageStatus": message_status,
        "To": "{phone}", "MessagingServiceSid": "MG" + "d" * 32, "MessageSid": "{sent_sid}",
        "AccountSid": SIMULATOR_ACCOUNT_SID, "From": SIMULATOR_FROM_NUMBER, "ApiVersion": "2010-04-01",
        "ErrorCode": error_code, "RawDlrDoneDate": "2612041503" if error_code else None,
    }
    form.update(extra)
    return {key: value for key, value in form.items() if value is not None}


@dataclass(frozen=True)
class Row:
    label: str
    path: str
    form: dict[str, str]
    setup: str = "conversation"  # none | conversation | document_request | delivered_text | sent_text
    signature: str = "valid"  # valid | forged (another account's token) | missing | other_url | unsigned_field
    content_type: str = "application/x-www-form-urlencoded"
    posts: int = 1  # Twilio retries a webhook it thinks failed: the same request again
    # the expectation
    http_status: int = 200
    body_contains: str = ""
    texted_back: str | None = None  # a fragment of the bot's next text to the patient; None: nothing is texted
    events: tuple[str, ...] = ()  # recorded on the setup's task by this request
    no_events: tuple[str, ...] = ()  # not recorded by this request
    event_data: dict[str, dict[str, Any]] = field(default_factory=dict)  # event type -> fields it carries
    task_state: str | None = None
    known_defect: str = ""  # the row is what should happen, and does not yet: expected to fail until fixed


ROWS = [
    # -- inbound texts ----------------------------------------------------------------------------------------
    Row("receive valid: a reply to the opening text", INBOUND, received("what times do you have?"),
        body_contains="<Response", texted_back="", events=("outreach.patient.replied",)),
    Row("receive valid: a choice books the visit", INBOUND, received("2"), body_contains="<Response",
        texted_back="booked", events=("outreach.patient.replied", "outreach.appointment.booked"),
        task_state="booked"),
    Row("receive from a number with no conversation: a person reads it", INBOUND, received("hi who is this"),
        setup="none", texted_back="A person from our team will read it"),
    Row("receive HELP: a keyword, answered before any NLU", INBOUND, received("HELP"), texted_back="STOP",
        no_events=("outreach.patient.replied",)),
    Row("receive STOP: Twilio blocks and confirms, the bot records it and says nothing", INBOUND, received("STOP"),
        events=("outreach.patient.opted_out",), task_state="opted_out"),
    Row("receive Advanced Opt-Out STOP (OptOutType)", INBOUND, received("Stop.", OptOutType="STOP"),
        events=("outreach.patient.opted_out",), task_state="opted_out"),
    Row("receive Advanced Opt-Out ALTO (OptOutType=STOP): Twilio confirmed, the bot must not confirm again",
        INBOUND, received("ALTO", OptOutType="STOP"), events=("outreach.patient.opted_out",),
        task_state="opted_out"),
    Row("receive Advanced Opt-Out with a word only the account knows (OptOutType=STOP): opted out, no second "
        "confirmation", INBOUND, received("BASTA YA", OptOutType="STOP"), events=("outreach.patient.opted_out",),
        task_state="opted_out"),
    Row("receive Advanced Opt-Out HELP (OptOutType=HELP): Twilio answered it, the bot says nothing more",
        INBOUND, received("AYUDA", OptOutType="HELP"), no_events=("outreach.patient.replied",)),
    Row("receive an OptOutType Twilio does not define: the words are read as usual", INBOUND,
        received("what times do you have?", OptOutType="MAYBE"), texted_back="", events=("outreach.patient.replied",)),
    Row("receive a Spanish opt-out the bot confirms itself", INBOUND, received("ALTO"), texted_back="START",
        events=("outreach.patient.opted_out",), task_state="opted_out"),
    Row("receive legacy request with SmsSid only", INBOUND, without(received("what times do you have?"),
                                                                    "MessageSid", "SmsMessageSid"),
        texted_back="", events=("outreach.patient.replied",)),
    Row("receive the same MessageSid three times: answered once", INBOUND, received("HELP"), posts=3,
        texted_back="STOP"),
    Row("receive a GSM-7 two-segment text", INBOUND, received("what times do you have? " * 7, NumSegments="2"),
        texted_back="", events=("outreach.patient.replied",)),
    Row("receive a Spanish text in UCS-2", INBOUND, received("¿qué horarios tienen? mañana está bien"),
        texted_back="", events=("outreach.patient.replied",)),
    # -- MMS ------------------------------------------------------------------------------------------------
    Row("receive MMS: a photo where one was asked for", INBOUND,
        received("", NumMedia="1", MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM1/Media/ME1",
                 MediaContentType0="image/jpeg"),
        setup="document_request", events=("outreach.patient.replied", "outreach.document.received"),
        texted_back="", task_state="completed"),
    Row("receive MMS with no Body field at all (as Twilio sends a photo alone)", INBOUND,
        received(None, NumMedia="1", MediaUrl0="https://example.org/card.jpg", MediaContentType0="image/png"),
        setup="document_request",
        events=("outreach.document.received",), texted_back="", task_state="completed"),
    Row("receive MMS: two photos, a count that is not a number", INBOUND,
        received("", NumMedia="x", MediaUrl0="https://example.org/a.jpg", MediaContentType0="image/jpeg",
                 MediaUrl1="https://example.org/b.jpg", MediaContentType1="image/jpeg"),
        setup="document_request", events=("outreach.document.received",), texted_back=""),
    Row("receive MMS: a PDF of the paper where one was asked for", INBOUND,
        received("", NumMedia="1", MediaUrl0="https://example.org/form.pdf", MediaContentType0="application/pdf"),
        setup="document_request", events=("outreach.document.received",), texted_back="", task_state="completed"),
    Row("receive MMS: a contact card where a photo was asked for is no document", INBOUND,
        received(None, NumMedia="1", MediaUrl0="https://example.org/me.vcf", MediaContentType0="text/vcard"),
        setup="document_request", events=("outreach.patient.replied",), no_events=("outreach.document.received",),
        texted_back="", task_state="awaiting_reply"),
    Row("receive MMS: a photo alone where none was asked for is not understood", INBOUND,
        received("", NumMedia="1", MediaUrl0="https://example.org/knee.jpg", MediaContentType0="image/jpeg"),
        texted_back="did not get that", events=("outreach.patient.replied",),
        no_events=("outreach.document.received",)),
    Row("receive MMS with a caption: the caption is the reply", INBOUND,
        received("2", NumMedia="1", MediaUrl0="https://example.org/knee.jpg", MediaContentType0="image/jpeg"),
        texted_back="booked", events=("outreach.appointment.booked",), no_events=("outreach.document.received",)),
    # -- what Twilio never sends, and what it did not sign ----------------------------------------------------
    Row("receive missing From", INBOUND, without(received("2"), "From"), http_status=400,
        body_contains="From"),
    Row("receive missing MessageSid and SmsSid", INBOUND,
        without(received("2"), "MessageSid", "SmsSid", "SmsMessageSid"), http_status=400,
        body_contains="MessageSid"),
    Row("receive missing Body with no media", INBOUND, without(received("2"), "Body"), http_status=400,
        body_contains="Body", no_events=("outreach.patient.replied",)),
    Row("receive no params", INBOUND, {}, http_status=400),
    Row("receive Body longer than Twilio allows", INBOUND, received("x" * 6401), http_status=400,
        body_contains="Body"),
    Row("receive forged signature (another account's token)", INBOUND, received("2"), signature="forged",
        http_status=403, no_events=("outreach.patient.replied",)),
    Row("receive missing signature", INBOUND, received("2"), signature="missing", http_status=403),
    Row("receive signed for another URL", INBOUND, received("2"), signature="other_url", http_status=403),
    Row("receive a field added after signing", INBOUND, received("2"), signature="unsigned_field",
        http_status=403),
    Row("receive as JSON", INBOUND, received("2"), content_type="application/json", http_status=415,
        body_contains="Content-Type"),
    # -- status callbacks (the opening text was already reported sent, and delivered unless the row is a failure) --
    Row("status delivered again: changes nothing", STATUS, status("delivered"), setup="delivered_text",
        http_status=204, no_events=("outreach.message.delivered", "outreach.message.failed")),
    Row("status queued after delivered: never moves back", STATUS, status("queued"), setup="delivered_text",
        http_status=204, no_events=("outreach.message.delivered", "outreach.message.failed")),
    Row("status sent after delivered: never moves back", STATUS, status("sent"), setup="delivered_text",
        http_status=204, no_events=("outreach.message.delivered", "outreach.message.failed")),
    Row("status read", STATUS, status("read"), setup="delivered_text", http_status=204,
        no_events=("outreach.message.delivered", "outreach.message.failed")),
    Row("status unknown (a status Twilio adds later)", STATUS, status("huh"), setup="delivered_text",
        http_status=204, no_events=("outreach.message.delivered", "outreach.message.failed")),
    Row("status undelivered after delivered (callbacks crossed): changes nothing", STATUS,
        status("undelivered", "30006"), setup="delivered_text", http_status=204,
        no_events=("outreach.message.failed", "outreach.task.channel_failed"), task_state="awaiting_reply"),
    Row("status 21610 after delivered (crossed): the unsubscribed number is honoured all the same", STATUS,
        status("undelivered", "21610"), setup="delivered_text", http_status=204,
        events=("outreach.patient.opted_out",), no_events=("outreach.message.failed",), task_state="opted_out"),
    Row("status with SmsStatus only (older callbacks)", STATUS, without(status("undelivered", "30003"),
                                                                         "MessageStatus"),
        setup="sent_text", http_status=204, events=("outreach.message.failed",)),
    Row("status missing MessageStatus and SmsStatus", STATUS, without(status("delivered"), "MessageStatus",
                                                                       "SmsStatus"),
        setup="delivered_text", http_status=400, body_contains="MessageStatus"),
    Row("status missing MessageSid and SmsSid", STATUS, without(status("delivered"), "MessageSid", "SmsSid"),
        setup="delivered_text", http_status=400, body_contains="MessageSid"),
    Row("status for a message we never sent", STATUS, status("delivered", MessageSid="{sid}", SmsSid="{sid}"),
        setup="delivered_text", http_status=204, no_events=("outreach.message.delivered",)),
    Row("status forged signature", STATUS, status("failed", "30003"), setup="delivered_text",
        signature="forged", http_status=403, no_events=("outreach.message.failed",)),
    Row("status 21610: the number unsubscribed at the carrier", STATUS, status("undelivered", "21610"),
        setup="sent_text", http_status=204, events=("outreach.message.failed", "outreach.patient.opted_out"),
        event_data={"outreach.message.failed": {"error_code": 21610, "retryable": False}},
        task_state="opted_out"),
    # a code that says the number cannot take texts moves the task to its ladder's next channel at once (a call);
    # any other failure leaves it waiting for the reply
    *(Row(f"status {state} {code}: {meaning}", STATUS, status(state, code), setup="sent_text",
          http_status=204, no_events=("outreach.patient.opted_out",),
          events=("outreach.message.failed", "outreach.task.channel_failed") if int(code) in CHANNEL_FAILURES
          else ("outreach.message.failed",),
          event_data={"outreach.message.failed": {"error_code": int(code), "retryable": retryable}},
          task_state=None if int(code) in CHANNEL_FAILURES else "awaiting_reply")
      for state, code, meaning, retryable in [
          ("undelivered", "30003", "unreachable handset", True),
          ("undelivered", "30004", "message blocked", False),
          ("undelivered", "30005", "unknown destination handset", False),
          ("undelivered", "30006", "landline or unreachable carrier", False),
          ("undelivered", "30007", "filtered as spam", False),
          ("undelivered", "30008", "unknown error", True),
          ("failed", "30001", "queue overflow", True),
          ("failed", "21611", "sender queue over 10 hours", True),
          ("failed", "20429", "too many requests", True),
          ("failed", "30034", "unregistered 10DLC number", False),
          ("failed", "30036", "validity period expired", False),
          ("failed", "21211", "invalid To number", False),
          ("failed", "21614", "To is not a mobile number", False),
      ]),
]


@dataclass
class Setup:
    phone: str
    task_id: str | None = None
    sent_sid: str = ""


async def all_events_after(stack: Stack, after: int) -> tuple[list[dict[str, Any]], int]:
    async with stack.http.get(f"{stack.base_url}/api/v1/events", params={"after": after, "limit": 1000},
                              headers=stack.auth) as response:
        assert response.status == 200
        page = await response.json()
    return page["events"], page["next_after"]


async def set_up_all(stack: Stack, kinds: list[str]) -> list[Setup]:
    """The setups, made together: every task created, then one look at the event feed until each waits for the
    patient's reply (and, for ``delivered_text``, its opening text is reported delivered)."""
    after = 0
    while True:  # to the feed's end: only what comes after matters
        events, after = await all_events_after(stack, after)
        if not events:
            break

    async def begin(kind: str) -> Setup:
        if kind == "none":
            return Setup(new_phone())
        document = kind == "document_request"
        provider = f"prov-{uuid.uuid4().hex[:8]}"
        if not document:
            await stack.add_slots(provider, future_weekday_times(3))
        phone = new_phone()
        if kind == "sent_text":  # the carrier reports it sent, then nothing: the row's callback is its last word
            async with stack.http.post(f"{stack.base_url}/sim/phones/{phone}/texts",
                                       json={"fate": "no_receipt"}) as response:
                assert response.status == 200
        body = task_body(phone, provider)
        body["workflow"] = "prior_authorization" if document else "missed_appointment"
        body["context"] = {"provider_id": provider, "visit_type": "follow_up" if document else "physical_therapy"}
        return Setup(phone, (await stack.create_task(body, expect=201))["id"])

    setups = await asyncio.gather(*(begin(kind) for kind in kinds))
    waiting = {setup.task_id: {"outreach.task.awaiting_reply"} | ({"outreach.message.delivered"}
                                                                  if kind == "delivered_text" else set())
               for setup, kind in zip(setups, kinds, strict=True) if setup.task_id}
    deadline = time.monotonic() + 60
    while any(waiting.values()):
        assert time.monotonic() < deadline, f"setups still waiting for {waiting}"
        events, after = await all_events_after(stack, after)
        for event in events:
            waiting.get(event["subject"], set()).discard(event["type"])
        if not events:
            await asyncio.sleep(0.3)
    for setup, kind in zip(setups, kinds, strict=True):
        if kind in ("delivered_text", "sent_text"):
            setup.sent_sid = (await stack.thread(setup.phone))[0]["sid"]
    return setups


@pytest.fixture(scope="module")
async def prepared(request: pytest.FixtureRequest, stack_process: tuple[str, int, str]
                   ) -> AsyncIterator[dict[str, Setup]]:
    """Every selected row's setup, made at once before the first row runs (the dispatcher contacts the patients
    together), so the table costs seconds, not a second per row."""
    rows = [item.callspec.params["row"] for item in request.session.items
            if getattr(item, "callspec", None) is not None and item.module is request.module]
    base_url, engine_port, database_url = stack_process
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        stack = Stack(base_url, session, engine_port, database_url)
        setups = await set_up_all(stack, [row.setup for row in rows])
        yield {row.label: setup for row, setup in zip(rows, setups, strict=True)}


def fill(form: dict[str, str], values: dict[str, str]) -> dict[str, str]:
    return {key: value.format(**values) for key, value in form.items()}


def signed_headers(row: Row, url: str, form: dict[str, str]) -> dict[str, str]:
    headers = {"Content-Type": row.content_type}
    if row.signature == "missing":
        return headers
    token = "another-accounts-token" if row.signature == "forged" else SIMULATOR_TOKEN
    signed_url = url + "?x=1" if row.signature == "other_url" else url
    signed_form = without(form, "Body") if row.signature == "unsigned_field" else form
    headers["X-Twilio-Signature"] = RequestValidator(token).compute_signature(signed_url, signed_form)
    return headers


@pytest.mark.parametrize("row", [
    pytest.param(row, id=row.label, marks=[pytest.mark.xfail(strict=True, reason=row.known_defect)]
                 if row.known_defect else []) for row in ROWS])
async def test_a_twilio_sms_request(stack: Stack, prepared: dict[str, Setup], row: Row) -> None:
    setup = prepared[row.label]
    form = fill(row.form, {"phone": setup.phone, "sid": "SM" + uuid.uuid4().hex, "sent_sid": setup.sent_sid})
    url = stack.base_url + row.path
    texts_before = len(await stack.texts_to(setup.phone))
    events_before = {e["id"] for e in await stack.events(setup.task_id)} if setup.task_id else set()
    headers = signed_headers(row, url, form)
    data: Any = json.dumps(form) if row.content_type == "application/json" else form
    for _ in range(row.posts):
        async with stack.http.post(url, data=data, headers=headers) as response:
            body = await response.text()
            assert response.status == row.http_status, body
            assert row.body_contains in body, body

    if setup.task_id:
        for event_type in row.events:
            await stack.wait_for_event(setup.task_id, event_type)
    if row.texted_back is not None:
        texts = await stack.wait_for_texts(setup.phone, texts_before + 1)
        assert row.texted_back in texts[texts_before], texts[texts_before:]
    if row.texted_back is None or row.posts > 1:
        await asyncio.sleep(QUIET_SECONDS if row.path == INBOUND and row.http_status < 300 else 0)
        expected = texts_before + (0 if row.texted_back is None else 1)
        assert len(await stack.texts_to(setup.phone)) == expected, (await stack.texts_to(setup.phone))
    if setup.task_id:
        new = [e for e in await stack.events(setup.task_id) if e["id"] not in events_before]
        types = [e["type"] for e in new]
        for event_type in row.no_events:
            assert event_type not in types, types
        for event_type, expected_data in row.event_data.items():
            data_seen = next(e["data"] for e in new if e["type"] == event_type)
            assert {key: data_seen.get(key) for key in expected_data} == expected_data, data_seen
        if row.task_state is not None:
            assert (await stack.task(setup.task_id))["state"] == row.task_state
