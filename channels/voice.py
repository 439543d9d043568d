"""Voice over Twilio: outbound calls through the official client, TwiML answers, signed webhooks.

A call is a conversation held one question at a time. When the call is answered the app is asked what to say
(``on_answer``); each thing the patient says or keys in goes to ``on_speech``; both return a ``VoiceTurn``: the
sentences to say, and whether to listen for an answer or hang up. Answering machines get what ``on_answer``
gives for them (a message with no health details) and the call ends. Sentences the app "sends" to a call
(``send``) while a turn is being worked out are said in that turn's answer.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web
from twilio.base.exceptions import TwilioRestException
from twilio.twiml.voice_response import Gather, VoiceResponse

from channels.base import DeliveryUpdate, OnDelivery, SendError, SendResult
from channels.sms import RETRYABLE_CODES
from channels.twilio_account import TwilioAccount

VOICE_PATH = "/channels/voice"
# Twilio's speech recognition and text-to-speech languages for the patients' languages.
VOICE_LANGUAGES = {"en": "en-US", "es": "es-US", "zh": "cmn-CN", "vi": "vi-VN"}
LISTEN_SECONDS = 6


@dataclass(frozen=True)
class VoiceTurn:
    sentences: list[str] = field(default_factory=list)
    language: str = "en"
    listen: bool = True  # False: hang up after speaking


OnAnswer = Callable[[str, str, str], Awaitable[VoiceTurn]]  # (call key, call sid, who answered: see who_answered)
OnSpeech = Callable[[str, str, str], Awaitable[VoiceTurn]]  # (call key, call sid, what the patient said)


def who_answered(answered_by: str) -> str:
    """Twilio's answering-machine detection, read: ``person`` (``human``; ``unknown`` and no verdict are taken
    as one too, so nobody is hung up on), ``fax``, or ``machine`` (``machine_start``, ``machine_end_*``)."""
    if answered_by in ("human", "unknown", ""):
        return "person"
    return "fax" if answered_by == "fax" else "machine"


def missing(form: dict[str, str], *names: str) -> web.Response | None:
    """400 naming the fields Twilio always sends that this request lacks (nothing is guessed in their place)."""
    absent = [name for name in names if not form.get(name)]
    return web.Response(status=400, text=" and ".join(absent) + " required") if absent else None


class TwilioVoice:
    name = "voice"

    def __init__(self, *, account_sid: str, auth_token: str, from_number: str, public_url: str,
                 base_url: str | None = None) -> None:
        self.from_number = from_number
        self.public_url = public_url.rstrip("/")
        self.account = TwilioAccount(account_sid=account_sid, auth_token=auth_token, public_url=public_url,
                                     base_url=base_url)
        self._pending: dict[str, list[str]] = defaultdict(list)

    async def start(self) -> None:
        await self.account.start()

    async def close(self) -> None:
        await self.account.close()

    async def call(self, to: str, key: str) -> SendResult:
        """Ring ``to``; when answered, the call is ``key``'s (the app's name for the conversation)."""
        client = self.account.client("voice")
        try:
            call = await client.calls.create_async(
                to=to, from_=self.from_number, url=f"{self.public_url}{VOICE_PATH}/answer/{key}",
                status_callback=f"{self.public_url}{VOICE_PATH}/status", machine_detection="Enable",
            )
        except TwilioRestException as error:
            raise SendError(str(error.msg), code=error.code, retryable=error.code in RETRYABLE_CODES) from None
        except (OSError, TimeoutError) as error:
            raise SendError(f"could not reach the voice provider: {error}", retryable=True) from None
        return SendResult(provider_sid=str(call.sid), status=str(call.status))

    async def send(self, to: str, body: str) -> SendResult:
        """Queue a sentence for the call ``to`` is on; it is said in the answer to the patient's last words."""
        self._pending[to].append(body)
        return SendResult(provider_sid=f"VO{uuid.uuid4().hex}", status="delivered")

    def take_pending(self, address: str) -> list[str]:
        return self._pending.pop(address, [])

    def _twiml(self, key: str, turn: VoiceTurn) -> web.Response:
        language = VOICE_LANGUAGES.get(turn.language, "en-US")
        response = VoiceResponse()
        if turn.listen:
            gather = Gather(input="speech dtmf", action=f"{self.public_url}{VOICE_PATH}/speech/{key}",
                            language=language, speech_timeout="auto", timeout=LISTEN_SECONDS)
            for sentence in turn.sentences:
                gather.say(sentence, language=language)
            response.append(gather)
            response.redirect(f"{self.public_url}{VOICE_PATH}/silence/{key}")  # nothing heard: ask again
        else:
            for sentence in turn.sentences:
                response.say(sentence, language=language)
            response.hangup()
        return web.Response(text=str(response), content_type="application/xml")

    def routes(self, on_answer: OnAnswer, on_speech: OnSpeech, on_delivery: OnDelivery) -> list[web.RouteDef]:
        async def answer(request: web.Request, form: dict[str, str]) -> web.Response:
            if (refused := missing(form, "CallSid")) is not None:
                return refused
            key = request.match_info["key"]
            return self._twiml(key, await on_answer(key, form["CallSid"], who_answered(form.get("AnsweredBy", ""))))

        async def speech(request: web.Request, form: dict[str, str]) -> web.Response:
            if (refused := missing(form, "CallSid")) is not None:
                return refused
            key = request.match_info["key"]
            said = form.get("SpeechResult") or form.get("Digits") or ""
            return self._twiml(key, await on_speech(key, form["CallSid"], said))

        async def silence(request: web.Request, form: dict[str, str]) -> web.Response:
            if (refused := missing(form, "CallSid")) is not None:
                return refused
            key = request.match_info["key"]
            return self._twiml(key, await on_speech(key, form["CallSid"], ""))

        async def status(request: web.Request, form: dict[str, str]) -> web.Response:
            if (refused := missing(form, "CallSid", "CallStatus")) is not None:
                return refused
            await on_delivery(DeliveryUpdate("voice", form["CallSid"], form["CallStatus"]))
            return web.Response(status=204)

        signed = self.account.signed
        return [web.post(f"{VOICE_PATH}/answer/{{key}}", signed(answer, "voice")),
                web.post(f"{VOICE_PATH}/speech/{{key}}", signed(speech, "voice")),
                web.post(f"{VOICE_PATH}/silence/{{key}}", signed(silence, "voice")),
                web.post(f"{VOICE_PATH}/status", signed(status, "voice"))]
