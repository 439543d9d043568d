"""The staff pages under /staff/: sign-in, the handoff inbox with its live updates, one conversation, the
audit log. Server-rendered Jinja2 (English and Spanish, by the member's locale) and a little JavaScript."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import uuid
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp_session import get_session
from aiohttp_sse import sse_response
from babel.dates import format_datetime, format_timedelta
from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlmodel import Session, col, func, select

from bot.conversation.endpoints import message_context
from bot.core.context import Outreach
from bot.core.models import Handoff, Message, utcnow
from bot.messages.render import render_message
from bot.outreach.outbound import send_text
from bot.outreach.workflows import WORKFLOWS
from bot.staff import inbox
from bot.staff.accounts import StaffMember, audit, audit_log, sign_in
from bot.staff.reasons import GROUPS, N_, TEAMS
from bot.staff.security import (
    CSRF_FIELD,
    STAFF_PREFIX,
    csrf_token,
    end_session,
    signed_in,
    staff_only,
    start_session,
)
from bot.web.forms import read_form
from channels.base import SendError

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LIVE_POLL_SECONDS = 1.5  # how often a live page's stream looks for news in the database (any process wrote it)
MAX_REPLY_CHARS = 1000


@lru_cache(maxsize=4)
def _environment(locale: str) -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                      extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    translations: NullTranslations = NullTranslations()
    if locale != "en":
        loaded = Translations.load(str(HERE / "locales"), [locale], domain="staff")
        if isinstance(loaded, Translations):
            translations = loaded
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    def when(value: datetime | None, zone: tzinfo | None = None) -> str:
        """A moment as staff read it: in the patient's zone when given (and named), else UTC."""
        if value is None:
            return ""
        pattern = "EEE d MMM, h:mm a zzz" if zone is not None else "EEE d MMM, HH:mm 'UTC'"
        return format_datetime(value, pattern, tzinfo=zone or UTC, locale=locale)

    env.filters["when"] = when
    env.filters["ago"] = lambda value: format_timedelta(utcnow() - value, locale=locale, threshold=1.0)
    env.filters["iso"] = lambda value: value.astimezone(UTC).isoformat() if value else ""
    return env


def render(template: str, locale: str, status: int = 200, **context: Any) -> web.Response:
    html = _environment(locale if locale in ("en", "es") else "en").get_template(template).render(
        prefix=STAFF_PREFIX, locale=locale, **context)
    return web.Response(text=html, content_type="text/html", status=status)


async def page_context(request: web.Request, member: StaffMember | None) -> dict[str, Any]:
    """What every page's template needs: who is signed in, the CSRF token for its forms, and a message left
    by the last action (shown once)."""
    session = await get_session(request)
    flash = session.pop("flash", None) if "fragment" not in request.query else None
    return {"member": member, "csrf": await csrf_token(request), "csrf_field": CSRF_FIELD, "flash": flash}


def home_for(member: StaffMember) -> str:
    return f"{STAFF_PREFIX}/dashboard" if member.role == "operations" else f"{STAFF_PREFIX}/inbox"


def staff_routes(ctx: Outreach) -> list[web.AbstractRouteDef]:
    routing = ctx.settings.handoff_teams

    # -- sign-in ------------------------------------------------------------------------------------------
    async def login_page(request: web.Request) -> web.StreamResponse:
        member = await signed_in(request)
        if member is not None:
            raise web.HTTPFound(home_for(member))
        return render("login.html", _browser_locale(request), **await page_context(request, None),
                      next=_safe_next(request.query.get("next", "")), problem="")

    async def login(request: web.Request) -> web.StreamResponse:
        form = await read_form(request)
        username, password = str(form.get("username", ""))[:64], str(form.get("password", ""))[:256]
        next_page = _safe_next(str(form.get("next", "")))
        result = await ctx.db.run(lambda s: sign_in(s, username, password))
        if result.member is None:
            log.info("staff.sign_in_failed", extra={"locked": result.problem == "locked"})
            return render("login.html", _browser_locale(request), status=401, **await page_context(request, None),
                          next=next_page, problem=result.problem, username=username)
        await start_session(request, result.member)
        raise web.HTTPFound(next_page or home_for(result.member))

    async def logout(request: web.Request) -> web.StreamResponse:
        await end_session(request)
        raise web.HTTPFound(f"{STAFF_PREFIX}/login")

    async def root(request: web.Request) -> web.StreamResponse:
        member = await signed_in(request)
        raise web.HTTPFound(home_for(member) if member else f"{STAFF_PREFIX}/login")

    # -- the inbox ----------------------------------------------------------------------------------------
    @staff_only("scheduler")
    async def inbox_page(request: web.Request, member: StaffMember) -> web.StreamResponse:
        filters = inbox.Filters.from_query(request.query)
        items = await ctx.db.run(lambda s: inbox.queue(s, member, filters, routing))
        template = "queue.html" if request.query.get("fragment") == "queue" else "inbox.html"
        return render(template, member.locale, **await page_context(request, member), items=items, filters=filters,
                      groups=GROUPS, teams=TEAMS, workflows=sorted(WORKFLOWS), now=utcnow(),
                      channels=("sms", "chat", "voice"), languages=("en", "es", "vi", "zh"))

    @staff_only("scheduler")
    async def inbox_events(request: web.Request, member: StaffMember) -> web.StreamResponse:
        """Server-sent events: "queue" whenever the queue changed in the database (any process)."""
        return await _stream(request, lambda s: _queue_fingerprint(s), "queue")

    @staff_only("scheduler")
    async def conversation_page(request: web.Request, member: StaffMember) -> web.StreamResponse:
        handoff_id = request.match_info["handoff_id"]
        fragment = request.query.get("fragment") == "transcript"
        try:
            view = await ctx.db.run(lambda s: inbox.conversation_view(s, member, handoff_id, routing,
                                                                      opened=not fragment))
        except inbox.InboxError as error:
            return render("message.html", member.locale, status=404, **await page_context(request, member),
                          title="Not found", text=str(error))
        return render("transcript.html" if fragment else "conversation.html", member.locale,
                      **await page_context(request, member), view=view, outcomes=inbox.OUTCOMES, now=utcnow(),
                      max_reply=MAX_REPLY_CHARS)

    @staff_only("scheduler")
    async def conversation_events(request: web.Request, member: StaffMember) -> web.StreamResponse:
        handoff_id = request.match_info["handoff_id"]
        return await _stream(request, lambda s: _conversation_fingerprint(s, handoff_id), "conversation")

    @staff_only("scheduler")
    async def act(request: web.Request, member: StaffMember) -> web.StreamResponse:
        handoff_id, action = request.match_info["handoff_id"], request.match_info["action"]
        form = await read_form(request)
        back = f"{STAFF_PREFIX}/inbox/{handoff_id}"
        session = await get_session(request)
        try:
            notice = await _act(ctx, member, handoff_id, action, form)
        except inbox.InboxError as error:
            session["flash"] = ["problem", str(error)]
            raise web.HTTPSeeOther(back) from None
        session["flash"] = ["done", notice]
        raise web.HTTPSeeOther(f"{STAFF_PREFIX}/inbox" if action in ("resolve", "hand-back") else back)

    # -- the audit log ------------------------------------------------------------------------------------
    @staff_only()
    async def audit_page(request: web.Request, member: StaffMember) -> web.StreamResponse:
        actor, subject = request.query.get("actor", "")[:80], request.query.get("subject", "")[:80]
        entries = await ctx.db.run(lambda s: audit_log(s, 300, actor or None, subject or None))
        return render("audit.html", member.locale, **await page_context(request, member), entries=entries,
                      actor=actor, subject=subject)

    async def static(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in ("staff.css", "staff.js"):
            raise web.HTTPNotFound()
        response = web.FileResponse(HERE / "static" / name)
        response.headers["Cache-Control"] = "no-cache"
        return response

    p = STAFF_PREFIX
    return [
        web.get(p, root), web.get(f"{p}/", root),
        web.get(f"{p}/login", login_page), web.post(f"{p}/login", login), web.post(f"{p}/logout", logout),
        web.get(f"{p}/inbox", inbox_page), web.get(f"{p}/inbox/events", inbox_events),
        web.get(f"{p}/inbox/{{handoff_id}}", conversation_page),
        web.get(f"{p}/inbox/{{handoff_id}}/events", conversation_events),
        web.post(f"{p}/inbox/{{handoff_id}}/{{action}}", act),
        web.get(f"{p}/audit", audit_page),
        web.get(f"{p}/static/{{name}}", static),
    ]


async def _act(ctx: Outreach, member: StaffMember, handoff_id: str, action: str, form: Any) -> str:
    """Do what the member asked with the handoff; returns what to tell them."""
    db = ctx.db
    if action == "claim":
        await db.run(lambda s: inbox.claim(s, member, handoff_id))
        return N_("Claimed. The bot stays silent while you have it.")
    if action == "release":
        await db.run(lambda s: inbox.release(s, member, handoff_id))
        return N_("Released to the queue.")
    if action == "note":
        note = _text(form, "note")
        await db.run(lambda s: inbox.add_note(s, member, handoff_id, note))
        return N_("Note saved.")
    if action == "call-back":
        note = _text(form, "note")
        await db.run(lambda s: inbox.log_call_back(s, member, handoff_id, note))
        return N_("Call-back logged.")
    if action == "reply":
        return await _reply(ctx, member, handoff_id, _text(form, "text"))
    if action == "book":
        slot_id = str(form.get("slot_id", ""))
        booked = await db.run(lambda s: inbox.book_for_patient(s, member, handoff_id, slot_id))
        return await _confirm_booking(ctx, member, handoff_id, booked)
    if action == "cancel-booking":
        await db.run(lambda s: inbox.cancel_booking(s, member, handoff_id))
        return N_("Booking cancelled; the time is open again. Tell the patient.")
    if action == "resolve":
        outcome = str(form.get("outcome", ""))
        await db.run(lambda s: inbox.resolve(s, member, handoff_id, outcome))
        return N_("Resolved.")
    if action == "hand-back":
        await db.run(lambda s: inbox.hand_back(s, member, handoff_id))
        return N_("Handed back to the bot.")
    raise inbox.InboxError(N_("Unknown action."))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _text(form: Any, name: str) -> str:
    """What a person wrote, without control and text-direction characters (which no patient should receive)."""
    text = _CONTROL.sub("", str(form.get(name, ""))).strip()
    if not text:
        raise inbox.InboxError(N_("Write something first."))
    if len(text) > MAX_REPLY_CHARS:
        raise inbox.InboxError(f"Keep it under {MAX_REPLY_CHARS} characters.")
    return text


async def _reply(ctx: Outreach, member: StaffMember, handoff_id: str, text: str) -> str:
    """A person's words to the patient, through the conversation's own channel."""
    plan = await ctx.db.run(lambda s: inbox.plan_reply(s, member, handoff_id))
    try:
        sent = await send_text(ctx, address=plan.address, body=text, idempotency_key=f"staff:{uuid.uuid4()}",
                               conversation_id=plan.conversation_id, task_id=plan.task_id, channel=plan.channel,
                               sent_by=member.username)
    except SendError as error:
        raise inbox.InboxError(f"The message could not be sent (provider error {error.code}).") from None

    def record(session: Session) -> None:
        audit(session, member.actor, "replied", f"handoff:{handoff_id}",
              {"sent": sent is not None, "channel": plan.channel})

    await ctx.db.run(record)
    if sent is None:
        raise inbox.InboxError(N_("Not sent: this patient has opted out of texts."))
    return N_("Sent.")


async def _confirm_booking(ctx: Outreach, member: StaffMember, handoff_id: str, booked: inbox.Booked) -> str:
    """Tell the patient the time booked for them, in their language, through the conversation's channel."""
    try:
        plan = await ctx.db.run(lambda s: inbox.plan_reply(s, member, handoff_id))
    except inbox.InboxError:
        return N_("Booked. Tell the patient the time yourself (no text channel for this conversation).")
    if plan.conversation_id is None:
        return N_("Booked. Tell the patient the time yourself (no text channel for this conversation).")
    context, language = await message_context(ctx, plan.conversation_id, {"slot_id": booked.slot_id},
                                              plan.channel)
    rendered = render_message("booking_confirmed", plan.channel, language, context)
    try:
        sent = await send_text(ctx, address=plan.address, body=rendered.text,
                               idempotency_key=f"staff-book:{booked.appointment_id}",
                               conversation_id=plan.conversation_id, task_id=plan.task_id, channel=plan.channel,
                               sent_by=member.username)
    except SendError:
        return N_("Booked. The confirmation text could not be sent: tell the patient yourself.")
    if sent is None:
        return N_("Booked, but not texted: this patient opted out of texts. Call them with the time.")
    return N_("Booked, and the patient was sent the time.")


async def _stream(request: web.Request, fingerprint: Any, event: str) -> web.StreamResponse:
    """Send ``event`` whenever ``fingerprint`` (read from the database, so any process's writes count)
    changes; a comment every 15 s keeps proxies from closing the stream."""
    ctx: Outreach = request.app["ctx"]
    last = await ctx.db.run(fingerprint)
    if last == "gone":
        raise web.HTTPNotFound(text="no such handoff")
    async with sse_response(request) as stream:
        quiet = 0.0
        try:
            while stream.is_connected():
                await asyncio.sleep(LIVE_POLL_SECONDS)
                try:
                    now = await ctx.db.run(fingerprint)
                except Exception as error:  # the database is away for a moment: keep the stream, try again
                    log.warning("staff.stream_check_failed", extra={"error": error.__class__.__name__})
                    continue
                quiet += LIVE_POLL_SECONDS
                if now != last:
                    last, quiet = now, 0.0
                    await stream.send(now, event=event)
                elif quiet >= 15:
                    quiet = 0.0
                    await stream.send("", event="ping")
        except ConnectionResetError:
            pass  # the page was closed or left: nothing to tell anyone
    return stream


def _queue_fingerprint(session: Session) -> str:
    handoffs = session.exec(select(func.count(), func.max(Handoff.created_at), func.max(Handoff.claimed_at),
                                   func.max(Handoff.resolved_at))).one()
    latest_inbound = session.exec(select(func.max(Message.created_at)).where(
        Message.direction == "inbound", col(Message.conversation_id).in_(
            select(Handoff.conversation_id).where(col(Handoff.state).in_(["open", "claimed"]))))).one()
    return hashlib.sha1(repr((tuple(handoffs), latest_inbound)).encode()).hexdigest()[:16]


def _conversation_fingerprint(session: Session, handoff_id: str) -> str:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        return "gone"
    latest = session.exec(select(func.count(), func.max(Message.updated_at)).where(
        Message.conversation_id == handoff.conversation_id)).one() if handoff.conversation_id else None
    state = (handoff.state, handoff.claimed_by, tuple(latest) if latest else None)
    return hashlib.sha1(repr(state).encode()).hexdigest()[:16]


def _safe_next(value: str) -> str:
    """Only a page of ours (never another site) is a place to go after signing in."""
    return value if value.startswith(f"{STAFF_PREFIX}/") and not value.startswith("//") and "\\" not in value \
        and "/login" not in value else ""


def _browser_locale(request: web.Request) -> str:
    accepted = request.headers.get("Accept-Language", "").lower()
    return "es" if accepted.startswith("es") else "en"



# words the templates translate from values (roles, teams, priorities, states, delivery statuses)
UI_WORDS = (
    N_("scheduler"), N_("operations"), N_("admin"), N_("scheduling"), N_("nursing"), N_("clinicians"),
    N_("normal"), N_("high"), N_("urgent"), N_("open"), N_("claimed"), N_("resolved"), N_("booked"),
    N_("blocked"), N_("sending"), N_("queued"), N_("sent"), N_("delivered"), N_("undelivered"), N_("failed"),
    N_("received"), N_("Waiting"), N_("Claimed"), N_("Claimed by me"), N_("Not found"),
)
