"""A local stand-in for Twilio's Messages API, with simulated phones.

It answers the official ``twilio`` client with Twilio-shaped JSON, sends status callbacks and inbound-message
webhooks signed with the account's auth token exactly as Twilio signs them, and shows each phone's thread on
a page. State lives in memory: a restart forgets every phone.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import logging
import secrets
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import aiohttp
import phonenumbers
from aiohttp import web
from twilio.request_validator import RequestValidator

from channels.sms import PROVIDER_OPT_IN_WORDS, PROVIDER_OPT_OUT_WORDS
from channels.twilio_sim.calls import ANSWERS, CallBook, SimCall

log = logging.getLogger(__name__)

API_VERSION = "2010-04-01"
MAX_BODY = 1600
WEBHOOK_TIMEOUT = aiohttp.ClientTimeout(total=15)
STOP_REPLY = ("You have successfully been unsubscribed. You will not receive any more messages from this number. "
              "Reply START to resubscribe.")
START_REPLY = "You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply."  # noqa: E501
PAGE = Path(__file__).with_name("phones.html")


@dataclass
class SimMessage:
    sid: str
    direction: str  # outbound-api (to the phone) | inbound (from the phone)
    phone: str
    from_: str
    to: str
    body: str
    status: str
    created_at: str
    error_code: int | None = None
    webhook_status: int | None = None


TEXT_FATES = ("delivered", "landline", "unreachable", "no_receipt")
UNREACHABLE_HANDSET = 30003


@dataclass
class SimState:
    messages: dict[str, SimMessage] = field(default_factory=dict)
    threads: dict[str, list[str]] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)  # phones that texted a carrier STOP word
    # how texts to a phone end: "landline" (refused at once, 21614), "unreachable" (taken, then undelivered,
    # 30003) or "no_receipt" (sent, and the carrier never reports back); a phone not named here gets its texts
    text_fates: dict[str, str] = field(default_factory=dict)

    def add(self, message: SimMessage) -> None:
        self.messages[message.sid] = message
        self.threads.setdefault(message.phone, []).append(message.sid)

    def thread(self, phone: str) -> list[SimMessage]:
        return [self.messages[sid] for sid in self.threads.get(phone, [])]


def _now() -> datetime:
    return datetime.now(UTC)


def _twilio_error(status: int, code: int, message: str) -> web.Response:
    body = {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status}
    return web.json_response(body, status=status)


def _e164(raw: str) -> str | None:
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class TwilioSimulator:
    def __init__(self, *, account_sid: str, auth_token: str, number: str, inbound_webhook_url: str | list[str],
                 callback_delay: float = 0.05) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.number = number
        # several app processes behind one number: inbound texts are handed to each in turn
        self.inbound_webhook_urls = [inbound_webhook_url] if isinstance(inbound_webhook_url, str) \
            else list(inbound_webhook_url)
        self._next_webhook = itertools.cycle(self.inbound_webhook_urls)
        self.callback_delay = callback_delay
        self.state = SimState()
        self._validator = RequestValidator(auth_token)
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.calls = CallBook(account_sid, self._post_signed_for_text)

    # -- signed requests to the app ---------------------------------------------------------------
    async def _post_signed(self, url: str, params: dict[str, str]) -> int:
        return (await self._post_signed_for_text(url, params))[0]

    async def _post_signed_for_text(self, url: str, params: dict[str, str]) -> tuple[int, str]:
        assert self._session is not None, "simulator not started"
        signature = self._validator.compute_signature(url, params)
        try:
            async with self._session.post(url, data=params, headers={"X-Twilio-Signature": signature},
                                          timeout=WEBHOOK_TIMEOUT) as resp:
                return resp.status, await resp.text()
        except (aiohttp.ClientError, TimeoutError) as error:  # Twilio gives up after 15 s as well (error 11200)
            log.warning("sim.webhook_failed", extra={"url": url, "error": error.__class__.__name__})
            return 599, ""

    async def _status_callbacks(self, message: SimMessage, callback_url: str | None) -> None:
        final = "undelivered" if message.error_code else "delivered"
        receipt = self.state.text_fates.get(message.to) != "no_receipt"
        for status in ("sent", final) if receipt else ("sent",):
            await asyncio.sleep(self.callback_delay)
            message.status = status
            if not callback_url:
                continue
            params = {
                "AccountSid": self.account_sid, "MessageSid": message.sid, "SmsSid": message.sid,
                "MessageStatus": status, "SmsStatus": status, "From": message.from_, "To": message.to,
                "ApiVersion": API_VERSION,
            }
            if message.error_code:
                params["ErrorCode"] = str(message.error_code)
            await self._post_signed(callback_url, params)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- Twilio's REST API --------------------------------------------------------------------------
    def _authorised(self, request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return False
        return secrets.compare_digest(user, self.account_sid) and secrets.compare_digest(password, self.auth_token)

    def _resource(self, message: SimMessage) -> dict[str, Any]:
        created = format_datetime(datetime.fromisoformat(message.created_at), usegmt=True)
        return {
            "sid": message.sid, "account_sid": self.account_sid, "api_version": API_VERSION,
            "body": message.body, "date_created": created, "date_updated": created, "date_sent": None,
            "direction": message.direction, "error_code": message.error_code, "error_message": None,
            "from": message.from_, "to": message.to, "messaging_service_sid": None, "num_media": "0",
            "num_segments": "1", "price": None, "price_unit": "USD", "status": message.status,
            "subresource_uris": {}, "uri": f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{message.sid}.json",
        }

    async def create_message(self, request: web.Request) -> web.Response:
        if request.match_info["account"] != self.account_sid or not self._authorised(request):
            return _twilio_error(401, 20003, "Authenticate")
        form = await request.post()
        to = _e164(str(form.get("To", "")))
        body = str(form.get("Body", ""))
        if not to:
            return _twilio_error(400, 21211, f"The 'To' number {form.get('To', '')} is not a valid phone number.")
        if not body.strip():
            return _twilio_error(400, 21602, "Message body is required.")
        if len(body) > MAX_BODY:
            return _twilio_error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
        if to in self.state.blocked:
            return _twilio_error(400, 21610, "Attempt to send to unsubscribed recipient")
        if self.state.text_fates.get(to) == "landline":
            return _twilio_error(400, 21614, f"'To' number {to} is not a valid mobile number")
        message = SimMessage(
            sid="SM" + secrets.token_hex(16), direction="outbound-api", phone=to,
            from_=str(form.get("From") or self.number), to=to, body=body, status="queued",
            created_at=_now().isoformat(),
            error_code=UNREACHABLE_HANDSET if self.state.text_fates.get(to) == "unreachable" else None,
        )
        self.state.add(message)
        self._spawn(self._status_callbacks(message, str(form.get("StatusCallback") or "") or None))
        return web.json_response(self._resource(message), status=201)

    async def fetch_message(self, request: web.Request) -> web.Response:
        if request.match_info["account"] != self.account_sid or not self._authorised(request):
            return _twilio_error(401, 20003, "Authenticate")
        message = self.state.messages.get(request.match_info["sid"])
        if message is None:
            return _twilio_error(404, 20404, "The requested resource was not found")
        return web.json_response(self._resource(message))

    async def list_messages(self, request: web.Request) -> web.Response:
        """Messages sent to a number (``To``), newest first, as Twilio's list: how an app that crashed mid-send
        learns whether the provider took its message."""
        if request.match_info["account"] != self.account_sid or not self._authorised(request):
            return _twilio_error(401, 20003, "Authenticate")
        phone = _e164(request.query.get("To", "")) if request.query.get("To") else None
        sent = [m for m in self.state.messages.values()
                if m.direction == "outbound-api" and (phone is None or m.phone == phone)]
        sent.sort(key=lambda m: m.created_at, reverse=True)
        size = int(request.query.get("PageSize", "50") or 50)
        page = [self._resource(m) for m in sent[:size]]
        return web.json_response({"messages": page, "page": 0, "page_size": size, "start": 0,
                                  "end": max(len(page) - 1, 0), "uri": request.path_qs, "first_page_uri":
                                  request.path_qs, "next_page_uri": None, "previous_page_uri": None})

    async def create_call(self, request: web.Request) -> web.Response:
        if request.match_info["account"] != self.account_sid or not self._authorised(request):
            return _twilio_error(401, 20003, "Authenticate")
        form = await request.post()
        to = _e164(str(form.get("To", "")))
        url = str(form.get("Url", ""))
        if not to:
            return _twilio_error(400, 21211, f"The 'To' number {form.get('To', '')} is not a valid phone number.")
        if not url.startswith("http"):
            return _twilio_error(400, 21205, "Url is not a valid URL.")
        call = self.calls.create(to, str(form.get("From") or self.number), url,
                                 str(form.get("StatusCallback") or "") or None)
        self._spawn(self._ring_later(call))
        return web.json_response(self.calls.resource(call), status=201)

    async def _ring_later(self, call: SimCall) -> None:
        await asyncio.sleep(self.callback_delay)
        await self.calls.ring(call)

    async def fetch_call(self, request: web.Request) -> web.Response:
        if request.match_info["account"] != self.account_sid or not self._authorised(request):
            return _twilio_error(401, 20003, "Authenticate")
        call = self.calls.calls.get(request.match_info["sid"])
        if call is None:
            return _twilio_error(404, 20404, "The requested resource was not found")
        return web.json_response(self.calls.resource(call))

    # -- simulated phones ---------------------------------------------------------------------------
    async def call_view(self, request: web.Request) -> web.Response:
        call = self.calls.calls.get(request.match_info["sid"])
        if call is None:
            return web.json_response({"error": "no such call"}, status=404)
        return web.json_response(call.view())

    async def call_say(self, request: web.Request) -> web.Response:
        """The person on the call answers: {"speech": "..."} or {"digits": "1"}."""
        call = self.calls.calls.get(request.match_info["sid"])
        if call is None:
            return web.json_response({"error": "no such call"}, status=404)
        try:
            payload = await request.json()
        except json.JSONDecodeError:
            return web.json_response({"error": "body is not valid JSON"}, status=400)
        speech = payload.get("speech") if isinstance(payload, dict) else None
        digits = payload.get("digits") if isinstance(payload, dict) else None
        if not (isinstance(speech, str) and speech.strip()) and not (isinstance(digits, str) and digits.strip()):
            return web.json_response({"error": "send a non-empty 'speech' or 'digits'"}, status=400)
        if call.gather_action is None:
            return web.json_response({"error": f"the call is not listening (status {call.status})"}, status=409)
        await self.calls.say(call, speech.strip() if isinstance(speech, str) and speech.strip() else None,
                             digits.strip() if isinstance(digits, str) else None)
        return web.json_response(call.view())

    async def set_answers(self, request: web.Request) -> web.Response:
        """How this phone answers calls from now on: {"answer": "human" | "machine" | "no_answer" | "busy"}."""
        phone = _e164(request.match_info["phone"])
        try:
            payload = await request.json()
        except json.JSONDecodeError:
            payload = None
        answer = payload.get("answer") if isinstance(payload, dict) else None
        if not phone or answer not in ANSWERS:
            return web.json_response({"error": f"a valid phone and 'answer' one of {', '.join(ANSWERS)}"}, status=400)
        self.calls.answers[phone] = answer
        return web.json_response({"phone": phone, "answer": answer})

    async def set_text_fate(self, request: web.Request) -> web.Response:
        """How texts to this phone end from now on: {"fate": "delivered" | "landline" | "unreachable" |
        "no_receipt"}."""
        phone = _e164(request.match_info["phone"])
        try:
            payload = await request.json()
        except json.JSONDecodeError:
            payload = None
        fate = payload.get("fate") if isinstance(payload, dict) else None
        if not phone or fate not in TEXT_FATES:
            return web.json_response({"error": f"a valid phone and 'fate' one of {', '.join(TEXT_FATES)}"},
                                     status=400)
        if fate == "delivered":
            self.state.text_fates.pop(phone, None)
        else:
            self.state.text_fates[phone] = fate
        return web.json_response({"phone": phone, "fate": fate})

    async def reply(self, request: web.Request) -> web.Response:
        phone = _e164(request.match_info["phone"])
        if not phone:
            return web.json_response({"error": "not a valid E.164 phone number"}, status=400)
        if request.content_type == "application/json":
            try:
                payload = await request.json()
            except json.JSONDecodeError:
                return web.json_response({"error": "body is not valid JSON"}, status=400)
        else:
            payload = dict(await request.post())
        body = payload.get("body", "") if isinstance(payload, dict) else None
        media_url = payload.get("media_url") if isinstance(payload, dict) else None
        if not isinstance(body, str) or (not body.strip() and not media_url):
            return web.json_response({"error": "send a non-empty 'body', or a 'media_url' (a photo)"}, status=400)
        if any("\ud800" <= ch <= "\udfff" for ch in body):  # valid JSON, but no phone can send it
            return web.json_response({"error": "'body' holds an unpaired surrogate, which is not Unicode text"},
                                     status=400)
        if media_url is not None and (not isinstance(media_url, str) or not media_url.startswith("http")):
            return web.json_response({"error": "'media_url' must be an http(s) URL"}, status=400)
        message = SimMessage(
            sid="SM" + secrets.token_hex(16), direction="inbound", phone=phone, from_=phone, to=self.number,
            body=body, status="received", created_at=_now().isoformat(),
        )
        self.state.add(message)
        word = body.strip().strip(".!").lower()
        if word in PROVIDER_OPT_OUT_WORDS and phone not in self.state.blocked:  # as Twilio: block, confirm
            self.state.blocked.add(phone)
            self._provider_reply(phone, STOP_REPLY)
        elif word in PROVIDER_OPT_IN_WORDS and phone in self.state.blocked:
            self.state.blocked.discard(phone)
            self._provider_reply(phone, START_REPLY)
        params = {
            "ToCountry": "US", "ToState": "", "SmsMessageSid": message.sid, "NumMedia": "0", "ToCity": "",
            "FromZip": "", "SmsSid": message.sid, "FromState": "", "SmsStatus": "received", "FromCity": "",
            "Body": body, "FromCountry": "US", "To": self.number, "ToZip": "", "NumSegments": "1",
            "MessageSid": message.sid, "AccountSid": self.account_sid, "From": phone, "ApiVersion": API_VERSION,
        }
        if media_url:
            params.update(NumMedia="1", MediaUrl0=media_url, MediaContentType0="image/jpeg")
        message.webhook_status = await self._post_signed(next(self._next_webhook), params)
        return web.json_response({"sid": message.sid, "webhook_status": message.webhook_status}, status=201)

    def _provider_reply(self, phone: str, body: str) -> None:
        self.state.add(SimMessage(
            sid="SM" + secrets.token_hex(16), direction="outbound-reply", phone=phone, from_=self.number, to=phone,
            body=body, status="delivered", created_at=_now().isoformat(),
        ))

    async def thread(self, request: web.Request) -> web.Response:
        phone = _e164(request.match_info["phone"])
        if not phone:
            return web.json_response({"error": "not a valid E.164 phone number"}, status=400)
        messages = [asdict(m) | {"from": m.from_} for m in self.state.thread(phone)]
        for m in messages:
            m.pop("from_")
        calls = [call.view() for call in self.calls.calls.values() if call.phone == phone]
        return web.json_response({"phone": phone, "blocked": phone in self.state.blocked, "messages": messages,
                                  "calls": calls})

    async def phones(self, _request: web.Request) -> web.Response:
        listing = []
        for phone, sids in self.state.threads.items():
            last = self.state.messages[sids[-1]]
            listing.append({"phone": phone, "count": len(sids), "last_body": last.body,
                            "last_at": last.created_at})
        for call in self.calls.calls.values():
            said = [line["text"] for line in call.transcript] or [f"call {call.status}"]
            known = next((item for item in listing if item["phone"] == call.phone), None)
            if known is None:
                listing.append({"phone": call.phone, "count": 0, "last_body": said[-1], "last_at": call.created_at})
            elif call.created_at > str(known["last_at"]):
                known.update(last_body=said[-1], last_at=call.created_at)
        listing.sort(key=lambda item: item["last_at"], reverse=True)
        return web.json_response({"phones": listing})

    async def page(self, _request: web.Request) -> web.Response:
        return web.Response(text=PAGE.read_text(encoding="utf-8"), content_type="text/html")

    async def asset(self, request: web.Request) -> web.Response:
        kind = {"phones.js": "text/javascript", "phones.css": "text/css"}.get(request.match_info["name"])
        if kind is None:
            raise web.HTTPNotFound()
        return web.Response(text=PAGE.with_name(request.match_info["name"]).read_text(encoding="utf-8"),
                            content_type=kind)

    # -- wiring -------------------------------------------------------------------------------------
    async def _lifecycle(self, _app: web.Application) -> Any:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        yield
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._session.close()

    def standalone(self) -> web.Application:
        """The simulator on its own port (``outreach simulator``): the same routes under /sim."""
        app = web.Application()

        async def to_phones_page(_request: web.Request) -> web.Response:
            raise web.HTTPFound("/sim/")

        app.add_routes([web.get("/", to_phones_page), web.get("/sim", to_phones_page)])
        app.add_subapp("/sim", self.application())
        return app

    def application(self) -> web.Application:
        """An aiohttp application; mount it under /sim (or run it on its own)."""
        app = web.Application()
        base = f"/{API_VERSION}/Accounts/{{account}}"
        app.add_routes([
            web.get("/", self.page),
            web.get("/{name:phones\\.(?:js|css)}", self.asset),
            web.post(f"{base}/Messages.json", self.create_message),
            web.get(f"{base}/Messages.json", self.list_messages),
            web.get(f"{base}/Messages/{{sid}}.json", self.fetch_message),
            web.get("/phones", self.phones),
            web.get("/phones/{phone}", self.thread),
            web.post("/phones/{phone}/reply", self.reply),
            web.post("/phones/{phone}/answers", self.set_answers),
            web.post("/phones/{phone}/texts", self.set_text_fate),
            web.post(f"{base}/Calls.json", self.create_call),
            web.get(f"{base}/Calls/{{sid}}.json", self.fetch_call),
            web.get("/calls/{sid}", self.call_view),
            web.post("/calls/{sid}/say", self.call_say),
        ])
        app.cleanup_ctx.append(self._lifecycle)
        return app
