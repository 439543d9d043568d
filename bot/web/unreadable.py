"""Requests the HTTP parser cannot read (a header over 8 KB, a broken request line): answered as JSON like every
other refusal, and logged without their bytes.

aiohttp answers these itself, before any middleware runs: it logs the parser's error at ERROR with a traceback
and echoes it to the client, and the error quotes the start of the offending header or URL (a bearer token, a
patient's chat link, a staff cookie). This replaces that one answer, for every app of the process."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from aiohttp import web, web_protocol

log = logging.getLogger(__name__)

_original = web_protocol.RequestHandler.handle_error


def _handle_error(self: web_protocol.RequestHandler, request: Any, status: int = 500,
                  exc: BaseException | None = None, message: str | None = None) -> web.StreamResponse:
    if status >= 500:  # our own failure: aiohttp's generic answer carries nothing of the request
        return _original(self, request, status, exc, None)
    log.warning("http.unreadable_request", extra={"status": status, "error": type(exc).__name__ if exc else None})
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Bad Request"
    body = {"error": {"status": status, "message": f"{phrase}: the request could not be read (a header or the "
                                                   "address is too long, or the request is malformed)"}}
    response = web.Response(status=status, text=json.dumps(body), content_type="application/json",
                            headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})
    response.force_close()
    return response


def answer_unreadable_requests_quietly() -> None:
    web_protocol.RequestHandler.handle_error = _handle_error  # type: ignore[method-assign]
