"""The simulator's voice calls: Twilio's Calls API, the simulated phone that answers (a person, an answering
machine, or nobody), TwiML read the way Twilio reads it (<Say>, <Gather>, <Hangup>, <Redirect>), and signed
webhooks for each answer the person speaks or keys in (``POST /sim/calls/{sid}/say``)."""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ElementTree
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

API_VERSION = "2010-04-01"
ANSWERS = ("human", "machine", "no_answer", "busy")

PostSigned = Callable[[str, dict[str, str]], Awaitable[tuple[int, str]]]


@dataclass
class SimCall:
    sid: str
    phone: str
    from_: str
    url: str
    status_callback: str | None
    status: str = "queued"  # queued | ringing | in-progress | completed | no-answer | busy | failed
    answered_by: str | None = None
    gather_action: str | None = None  # where the next spoken answer goes; None: not listening
    language: str | None = None
    transcript: list[dict[str, str]] = field(default_factory=list)  # {"speaker": "bot"|"patient", "text"}
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def view(self) -> dict[str, Any]:
        data = asdict(self) | {"from": self.from_, "listening": self.gather_action is not None}
        data.pop("from_")
        return data


class CallBook:
    """Every simulated call, and how each simulated phone answers (a person unless told otherwise)."""

    def __init__(self, account_sid: str, post_signed: PostSigned) -> None:
        self.account_sid = account_sid
        self.calls: dict[str, SimCall] = {}
        self.answers: dict[str, str] = {}
        self._post_signed = post_signed

    def create(self, phone: str, from_: str, url: str, status_callback: str | None) -> SimCall:
        call = SimCall(sid="CA" + secrets.token_hex(16), phone=phone, from_=from_, url=url,
                       status_callback=status_callback)
        self.calls[call.sid] = call
        return call

    def resource(self, call: SimCall) -> dict[str, Any]:
        return {
            "sid": call.sid, "account_sid": self.account_sid, "api_version": API_VERSION, "to": call.phone,
            "from": call.from_, "status": call.status, "direction": "outbound-api", "answered_by": call.answered_by,
            "date_created": call.created_at, "uri": f"/{API_VERSION}/Accounts/{self.account_sid}/Calls/{call.sid}.json",
            "subresource_uris": {},
        }

    def _params(self, call: SimCall, **extra: str) -> dict[str, str]:
        return {"AccountSid": self.account_sid, "CallSid": call.sid, "From": call.from_, "To": call.phone,
                "Direction": "outbound-api", "ApiVersion": API_VERSION, "CallStatus": call.status, **extra}

    async def ring(self, call: SimCall) -> None:
        """The phone rings and is answered as configured; the app's TwiML is then played."""
        answer = self.answers.get(call.phone, "human")
        if answer in ("no_answer", "busy"):
            await self._end(call, "no-answer" if answer == "no_answer" else "busy")
            return
        call.status, call.answered_by = "in-progress", "human" if answer == "human" else "machine_end_beep"
        await self._play(call, call.url, self._params(call, AnsweredBy=call.answered_by))

    async def say(self, call: SimCall, speech: str | None, digits: str | None) -> None:
        """The person on the line answers the question being asked."""
        assert call.gather_action is not None
        action, call.gather_action = call.gather_action, None
        call.transcript.append({"speaker": "patient", "text": speech if speech is not None else f"[{digits}]"})
        extra = {"SpeechResult": speech, "Confidence": "0.92"} if speech is not None else {"Digits": digits or ""}
        await self._play(call, action, self._params(call, **extra))

    async def _play(self, call: SimCall, url: str, params: dict[str, str]) -> None:
        for _ in range(5):  # follows <Redirect> a few times, as Twilio would
            status, twiml = await self._post_signed(url, params)
            if status != 200:
                call.transcript.append({"speaker": "bot", "text": "[an application error has occurred]"})
                await self._end(call, "failed")
                return
            redirect = self._read_twiml(call, twiml)
            if redirect is None:
                break
            url = redirect
        if call.gather_action is None:
            await self._end(call, "completed")

    def _read_twiml(self, call: SimCall, twiml: str) -> str | None:
        try:
            root = ElementTree.fromstring(twiml)
        except ElementTree.ParseError:
            call.transcript.append({"speaker": "bot", "text": "[not valid TwiML]"})
            return None
        for verb in root:
            if verb.tag == "Say":
                self._said(call, verb)
            elif verb.tag == "Gather":
                for inner in verb:
                    if inner.tag == "Say":
                        self._said(call, inner)
                call.gather_action = verb.get("action") or call.url
                return None  # listening: the rest plays only if the person says nothing
            elif verb.tag == "Hangup":
                return None
            elif verb.tag == "Redirect":
                return (verb.text or "").strip() or None
        return None

    @staticmethod
    def _said(call: SimCall, verb: ElementTree.Element) -> None:
        call.language = verb.get("language") or call.language
        call.transcript.append({"speaker": "bot", "text": (verb.text or "").strip()})

    async def _end(self, call: SimCall, status: str) -> None:
        call.status, call.gather_action = status, None
        if call.status_callback:
            await self._post_signed(call.status_callback, self._params(call, CallStatus=status))
