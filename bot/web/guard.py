"""The door every request comes through: the rules of ``bot.core.limits`` applied to URLs, headers and bodies,
and one answer for a request that breaks them (a 4xx naming the field; JSON everywhere but the staff pages).

Handlers read what they need through the helpers here (``read_json``, ``query_int``, ``query_text``), raising
``InputError``; the middleware turns it into the answer, so no handler writes its own try/except for input.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from html import escape
from typing import Any

from aiohttp import web

from bot.core.limits import (
    INT64_MAX,
    INT64_MIN,
    MAX_PATH_PARAM,
    MAX_QUERY_VALUE,
    InputError,
    body_cap,
    bounded_int,
    parse_json,
    text_problem,
)

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def refusal(request: web.Request, problem: InputError) -> web.Response:
    """The answer to a request that broke a rule: JSON naming the field (HTML on the staff pages)."""
    resource = request.match_info.route.resource
    route = resource.canonical if resource is not None else "unmatched"  # never the path: it may hold a token
    log.info("input.refused", extra={"route": route, "field": problem.field[:80], "status": problem.status})
    if request.path.startswith("/staff/"):
        return web.Response(status=problem.status, content_type="text/html", headers={
            "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
            "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"}, text=(
            "<!doctype html><html lang=en><title>Not accepted</title><main><h1>This could not be accepted</h1>"
            f"<p>{escape(problem.field)}: {escape(problem.problem)}</p></main></html>"))
    return web.json_response({"error": {
        "status": problem.status, "message": f"{problem.field}: {problem.problem}",
        "details": [{"field": problem.field, "problem": problem.problem}],
    }}, status=problem.status)


def check_url_and_size(request: web.Request) -> None:
    """Query values, path ids and the declared body size, before any handler reads them."""
    for name, value in request.query.items():
        if problem := text_problem(name, MAX_QUERY_VALUE) or text_problem(value, MAX_QUERY_VALUE):
            raise InputError(name[:40].replace("\x00", ""), f"query parameter {problem}")
    for name, value in request.match_info.items():
        if problem := text_problem(value, MAX_PATH_PARAM):
            raise InputError(name, problem, 404)
    cap = body_cap(request.path)
    if request.content_length is not None and request.content_length > cap:
        raise InputError("body", f"larger than {cap} bytes", 413)


@web.middleware
async def input_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every request: the limits checked, and a broken rule answered as a 4xx, whatever handler raised it."""
    try:
        check_url_and_size(request)
        return await handler(request)
    except InputError as problem:
        return refusal(request, problem)
    except web.HTTPRequestEntityTooLarge:
        return refusal(request, InputError("body", f"larger than {body_cap(request.path)} bytes", 413))


async def read_json(request: web.Request) -> Any:
    """The request's JSON body, held to the limits (size, depth, numbers, string lengths, UTF-8)."""
    return parse_json(await request.read())


def query_int(request: web.Request, name: str, default: int, low: int = INT64_MIN, high: int = INT64_MAX) -> int:
    return bounded_int(request.query.get(name), name, default, low, high)
