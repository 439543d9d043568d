"""Staff sessions (encrypted cookies), CSRF tokens, sign-in checks and roles for every page under /staff/.

One middleware guards the whole /staff/ tree: a state-changing request without the session's CSRF token is
refused (403), and every page answer carries headers that keep it out of caches and frames. Pages declare the
roles they serve with ``staff_only``; a visitor who is not signed in is sent to the sign-in page.
"""

from __future__ import annotations

import base64
import binascii
import functools
import os
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from aiohttp import web
from aiohttp_session import get_session, new_session
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from bot.core.context import Outreach
from bot.core.limits import same_secret
from bot.core.models import utcnow
from bot.core.settings import PROJECT_ROOT, Settings, SettingsError
from bot.staff.accounts import StaffMember, current_member, sign_out
from bot.web.forms import UnreadableForm, read_form

STAFF_PREFIX = "/staff"
COOKIE = "outreach_staff"
SESSION_HOURS = 10  # a shift; then sign in again
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_KEY_FILE = PROJECT_ROOT / "var" / "staff-session.key"

Page = Callable[[web.Request, StaffMember], Awaitable[web.StreamResponse]]


def session_key(settings: Settings, key_file: Path = _KEY_FILE) -> bytes:
    """The 32-byte key that encrypts staff cookies: OUTREACH_STAFF_SESSION_KEY (url-safe base64, as
    ``python -c 'import secrets,base64;print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())'``
    prints), or one made once and kept in var/ so that every process on this host shares it."""
    raw = settings.staff_session_key
    if not raw:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raw = key_file.read_text().strip()
        else:
            raw = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
            with os.fdopen(fd, "w") as handle:
                handle.write(raw + "\n")
    try:
        key = base64.urlsafe_b64decode(raw.encode())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise SettingsError("OUTREACH_STAFF_SESSION_KEY must be 32 random bytes in url-safe base64 (44 characters)")
    return key


def install(app: web.Application, settings: Settings) -> None:
    """Encrypted cookie sessions for the staff pages, and the guard for the /staff/ tree."""
    storage = EncryptedCookieStorage(
        session_key(settings), cookie_name=COOKIE, max_age=SESSION_HOURS * 3600, httponly=True,
        samesite="Strict", secure=settings.public_url.startswith("https://"), path=STAFF_PREFIX)
    setup_session(app, storage)
    app.middlewares.append(staff_guard)


@web.middleware
async def staff_guard(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                      ) -> web.StreamResponse:
    if not request.path.startswith(STAFF_PREFIX):
        return await handler(request)
    if request.method in _UNSAFE and not await _csrf_ok(request):
        response: web.StreamResponse = web.Response(
            status=403, content_type="text/html",
            text="<!doctype html><html lang=en><title>Refused</title><main><h1>This form has expired</h1>"
                 "<p>Go back, reload the page and try again.</p></main></html>")
    else:
        try:
            response = await handler(request)
        except UnreadableForm as problem:
            response = web.Response(status=400, content_type="text/html", text=(
                "<!doctype html><html lang=en><title>Not sent</title><main><h1>The form did not arrive whole</h1>"
                f"<p>{problem}.</p></main></html>"))
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
    return response


async def _csrf_ok(request: web.Request) -> bool:
    session = await get_session(request)
    expected = session.get("csrf")
    if not expected:
        return False
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        try:
            form = await read_form(request)
        except UnreadableForm:
            return False
        sent = str(form.get(CSRF_FIELD, ""))
    return bool(sent) and same_secret(sent, str(expected))


async def csrf_token(request: web.Request) -> str:
    """The session's CSRF token (made on first use, e.g. by the sign-in form)."""
    session = await get_session(request)
    if not session.get("csrf"):
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


async def start_session(request: web.Request, member: StaffMember) -> None:
    """A fresh session for the member who just signed in (never the one used before, which an attacker may
    have planted), with a new CSRF token."""
    session = await new_session(request)
    session["username"] = member.username
    session["since"] = utcnow().isoformat()
    session["csrf"] = secrets.token_urlsafe(32)


async def end_session(request: web.Request) -> None:
    """Sign out: this cookie is cleared, and every session of the member ends (the cookie is the session, so
    the server remembers when the member last signed out)."""
    session = await get_session(request)
    username = session.get("username")
    session.invalidate()
    if username:
        ctx: Outreach = request.app["ctx"]
        await ctx.db.run(lambda s: sign_out(s, str(username)))


def staff_only(*roles: str) -> Callable[[Page], Callable[[web.Request], Awaitable[web.StreamResponse]]]:
    """The page serves members with one of ``roles`` (admins always). Not signed in: to the sign-in page (or
    401 for scripts and event streams); signed in without the role: 403."""
    def wrap(page: Page) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        @functools.wraps(page)
        async def handler(request: web.Request) -> web.StreamResponse:
            member = await signed_in(request)
            if member is None:
                accept = request.headers.get("Accept", "")
                if request.method == "GET" and "text/event-stream" not in accept and "json" not in accept:
                    raise web.HTTPFound(f"{STAFF_PREFIX}/login?next={request.rel_url.path_qs}")
                raise web.HTTPUnauthorized(text="sign in first")
            if not member.may(*roles):
                return forbidden(member)
            return await page(request, member)

        return handler

    return wrap


async def signed_in(request: web.Request) -> StaffMember | None:
    session = await get_session(request)
    username, since = session.get("username"), session.get("since")
    if not username or not since:
        return None
    try:
        signed_in_at = datetime.fromisoformat(str(since))
    except ValueError:
        session.invalidate()
        return None
    ctx: Outreach = request.app["ctx"]
    member = await ctx.db.run(lambda s: current_member(s, str(username), signed_in_at))
    if member is None:
        session.invalidate()
    return member


def forbidden(member: StaffMember) -> web.Response:
    return web.Response(
        status=403, content_type="text/html",
        text=f"<!doctype html><html lang=en><title>Not allowed</title><main><h1>Not allowed</h1><p>Your role "
             f"({member.role}) cannot open this page.</p><p><a href='{STAFF_PREFIX}/'>Back</a></p></main></html>")
