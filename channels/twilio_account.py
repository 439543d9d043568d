"""One Twilio account, as every Twilio channel uses it: the official async client (opened inside the running
loop, its requests pointed at the local simulator when ``base_url`` is set) and the check of the signature on
every webhook Twilio sends us."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from aiohttp import web
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from channels.base import SendError

log = logging.getLogger(__name__)

SignedHandler = Callable[[web.Request, dict[str, str]], Awaitable[web.StreamResponse]]

# The longest value Twilio sends in each webhook field we read (an SMS body is at most 1,600 characters; media
# URLs and the rest are short); anything longer is refused by name, never cut. Other fields: DEFAULT_FIELD_LIMIT.
FIELD_LIMITS = {"Body": 1600 * 4, "SpeechResult": 4000, "Digits": 64, "NumMedia": 4}
DEFAULT_FIELD_LIMIT = 2048
MAX_FIELDS = 200
MAX_MEDIA = 10  # Twilio's own limit per message


def media_urls(form: dict[str, str]) -> list[str]:
    """The media URLs of an inbound message, in order. ``NumMedia`` says how many; when it is not a number in
    range (a provider quirk or a forged count) the ``MediaUrlN`` fields present are taken as they are, so a
    picture is never lost to a bad count."""
    count = form.get("NumMedia", "0").strip()
    if count.isdigit() and int(count) <= MAX_MEDIA:
        return [form[f"MediaUrl{i}"] for i in range(int(count)) if f"MediaUrl{i}" in form]
    return [form[f"MediaUrl{i}"] for i in range(MAX_MEDIA) if f"MediaUrl{i}" in form]


def document_urls(form: dict[str, str]) -> list[str]:
    """The media of an inbound message that can be a document: pictures and PDFs (a contact card, a voice note or a
    video is no photo of a paper). A medium whose type is missing is kept: a picture is never lost to a quirk."""
    kept = []
    for url in media_urls(form):
        index = next((key[len("MediaUrl"):] for key, value in form.items()
                      if key.startswith("MediaUrl") and value == url), "")
        kind = form.get(f"MediaContentType{index}", "").strip().lower()
        if not kind or kind.startswith("image/") or kind == "application/pdf":
            kept.append(url)
    return kept


# what the patient typed or said: control characters in it (NUL, escape, bell) are dropped, the rest is read
PATIENT_WORDS = frozenset({"Body", "SpeechResult"})
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refused(field: str, problem: str, status: int = 400) -> web.Response:
    """A webhook that breaks a rule: 4xx JSON naming the field (Twilio logs it; nothing is half-stored)."""
    return web.json_response({"error": {"status": status, "message": f"{field}: {problem}",
                                         "details": [{"field": field, "problem": problem}]}}, status=status)


def field_problem(form: dict[str, str]) -> tuple[str, str] | None:
    if len(form) > MAX_FIELDS:
        return "body", f"more than {MAX_FIELDS} fields"
    for key, value in form.items():
        limit = FIELD_LIMITS.get(key, DEFAULT_FIELD_LIMIT)
        if len(key) > 64:
            return key[:64], "field name longer than 64 characters"
        if len(value) > limit:
            return key, f"longer than {limit} characters"
        if "\x00" in value:  # no carrier sends one, and PostgreSQL cannot store it
            return key, "holds a NUL character"
    return None


class RedirectingHttpClient(AsyncTwilioHttpClient):
    """The official async client, with every ``*.twilio.com`` URL rewritten to ``base_url`` (the simulator),
    and a real per-request timeout (the stock client ignores its own)."""

    def __init__(self, base_url: str | None = None, timeout: float = 10.0) -> None:
        super().__init__(timeout=timeout)  # type: ignore[arg-type]
        self.base_url = base_url.rstrip("/") if base_url else None

    async def request(  # type: ignore[override]
        self,
        method: str,
        url: str,
        params: Any = None,
        data: Any = None,
        headers: Any = None,
        auth: Any = None,
        timeout: float | None = None,  # noqa: ASYNC109 (the signature is Twilio's)
        allow_redirects: bool = False,
    ) -> Any:
        if self.base_url:
            target, base = urlsplit(url), urlsplit(self.base_url)
            url = urlunsplit((base.scheme, base.netloc, base.path + target.path, target.query, target.fragment))
        return await super().request(
            method, url, params, data, headers, auth, timeout or self.timeout, allow_redirects
        )


class TwilioAccount:
    def __init__(self, *, account_sid: str, auth_token: str, public_url: str, base_url: str | None = None) -> None:
        self.public_url = public_url.rstrip("/")
        self._credentials = (account_sid, auth_token)
        self._base_url = base_url
        self._validator = RequestValidator(auth_token)
        self._http: RedirectingHttpClient | None = None
        self._client: Client | None = None

    async def start(self) -> None:
        """Open the client; must run inside the event loop (the async client opens its session at once)."""
        self._http = RedirectingHttpClient(base_url=self._base_url)
        self._client = Client(*self._credentials, http_client=self._http, environment={})

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()

    def client(self, channel: str) -> Client:
        if self._client is None:
            raise SendError(f"{channel} channel not started", retryable=True)
        return self._client

    def signed(self, handler: SignedHandler, channel: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        """``handler`` runs only for a request Twilio signed (the form as text); anything else gets 403."""

        async def checked(request: web.Request) -> web.StreamResponse:
            if request.content_type != "application/x-www-form-urlencoded":
                return refused("Content-Type", "Twilio webhooks are application/x-www-form-urlencoded", 415)
            try:
                form = await request.post()
            except web.HTTPRequestEntityTooLarge:
                raise
            except (ValueError, LookupError):  # not UTF-8, or a charset nobody knows
                return refused("body", "not a readable UTF-8 form")
            url = self.public_url + str(request.rel_url)
            if not self._validator.validate(url, form, request.headers.get("X-Twilio-Signature", "")):
                log.warning(f"{channel}.bad_signature", extra={"path": request.path})
                return web.Response(status=403, text="invalid Twilio signature")
            fields = {key: str(value) for key, value in form.items()}
            for key in PATIENT_WORDS.intersection(fields):  # a carrier's stray NUL (GSM's "@") loses no message
                fields[key] = _CONTROL_CHARACTERS.sub("", fields[key])
            problem = field_problem(fields)
            if problem is not None:
                log.warning(f"{channel}.field_refused", extra={"path": request.path, "field": problem[0][:64]})
                return refused(*problem)
            return await handler(request, fields)

        return checked
