"""One Twilio account, as every Twilio channel uses it: the official async client (opened inside the running
loop, its requests pointed at the local simulator when ``base_url`` is set) and the check of the signature on
every webhook Twilio sends us."""

from __future__ import annotations

import logging
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
            form = await request.post()
            url = self.public_url + str(request.rel_url)
            if not self._validator.validate(url, form, request.headers.get("X-Twilio-Signature", "")):
                log.warning(f"{channel}.bad_signature", extra={"path": request.path})
                return web.Response(status=403, text="invalid Twilio signature")
            return await handler(request, {key: str(value) for key, value in form.items()})

        return checked
