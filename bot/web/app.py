"""The aiohttp application: API, Twilio webhooks, engine callbacks, simulator, and the workers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web
from sqlmodel import Session, col, select

from bot.conversation import chat_access
from bot.conversation.calls import CallHandler
from bot.conversation.endpoints import engine_routes
from bot.conversation.engine import EngineClient
from bot.conversation.inbound import InboundQueue
from bot.conversation.records import HIDDEN_ANSWER, identity_answers, language_of, latest_conversation
from bot.conversation.router import InboundRouter
from bot.core.context import Outreach
from bot.core.db import Database
from bot.core.limits import MAX_UPLOAD_BYTES
from bot.core.models import Message
from bot.core.settings import Settings
from bot.outreach.chat_links import address_for_token
from bot.outreach.dispatcher import run_dispatcher
from bot.outreach.policy import ContactLimits, QuietHours
from bot.staff import security as staff_security
from bot.staff.campaigns import campaign_routes
from bot.staff.dashboard import dashboard_routes
from bot.staff.pages import staff_routes
from bot.web.api import api_routes, json_errors
from bot.web.guard import input_guard
from bot.web.headers import security_headers
from bot.web.unreadable import answer_unreadable_requests_quietly
from channels.sms import INBOUND_PATH, TwilioSms
from channels.twilio_sim import TwilioSimulator
from channels.voice import TwilioVoice

log = logging.getLogger(__name__)


def build_app(settings: Settings) -> web.Application:
    ctx = Outreach(
        settings=settings,
        db=Database(settings.database_url),
        engine=EngineClient(settings.engine_urls, settings.engine_token, settings.engine_timeout_seconds),
        sms=TwilioSms(
            account_sid=settings.twilio_account_sid, auth_token=settings.twilio_auth_token,
            from_number=settings.twilio_from_number, public_url=settings.public_url,
            base_url=settings.twilio_base_url,
        ),
        quiet_hours=QuietHours(settings.quiet_hours_start, settings.quiet_hours_end),
        contact_limits=ContactLimits.from_settings(settings),
        voice=TwilioVoice(
            account_sid=settings.twilio_account_sid, auth_token=settings.twilio_auth_token,
            from_number=settings.twilio_from_number, public_url=settings.public_url,
            base_url=settings.twilio_base_url,
        ),
    )
    inbound = InboundQueue(ctx, InboundRouter(ctx))
    calls = CallHandler(ctx, inbound)
    answer_unreadable_requests_quietly()
    app = web.Application(middlewares=[security_headers, json_errors, input_guard], client_max_size=MAX_UPLOAD_BYTES)
    app["ctx"] = ctx

    async def health(_request: web.Request) -> web.Response:
        """200 when the database and the engine answer; 503 with the reasons while either does not."""
        database_problem, engine_ready = await asyncio.gather(ctx.db.problem(within_seconds=2.0), ctx.engine.is_ready())
        problems = [p for p in (database_problem, None if engine_ready else "engine not answering") if p]
        body = {"status": "unavailable" if problems else "ok", "problems": problems, "engine_ready": engine_ready,
                "database": ctx.db.backend, "journal_waiting": inbound.journal.waiting(),
                "role": settings.role,
                # the local Twilio simulator (demo and tests only) says so wherever someone looks
                "simulator": "on" if settings.use_simulator else "off"}
        return web.json_response(body, status=503 if problems else 200)

    app.add_routes([web.get("/healthz", health)])
    app.add_routes(engine_routes(ctx))  # every role: the engines this process runs call it back
    if settings.run_web:
        _public_routes(app, ctx, inbound, calls)

    async def lifecycle(_app: web.Application) -> AsyncIterator[None]:
        await ctx.engine.start()
        await ctx.sms.start()
        await ctx.voice.start()
        stop = asyncio.Event()
        workers: list[asyncio.Task[None]] = []
        if settings.run_workers:
            workers.append(asyncio.create_task(run_dispatcher(ctx, stop), name="dispatcher"))
            workers.append(asyncio.create_task(inbound.keep_answering(stop), name="inbound-sweep"))
        else:  # a web process still stores what it journaled while the database was away
            workers.append(asyncio.create_task(inbound.keep_answering(stop, journal_only=True), name="journal"))
        yield
        stop.set()
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):  # a unit of work in flight may finish
            await asyncio.wait_for(asyncio.gather(*workers, inbound.drain_all(), return_exceptions=True), timeout=1)
        await ctx.sms.close()
        await ctx.voice.close()
        await ctx.engine.close()
        await ctx.db.dispose()

    app.cleanup_ctx.append(lifecycle)
    return app


def _public_routes(app: web.Application, ctx: Outreach, inbound: InboundQueue, calls: CallHandler) -> None:
    """What the web role serves: the API, the providers' webhooks, web chat, and the in-process simulator."""
    settings = ctx.settings
    app.add_routes(api_routes(ctx))
    staff_security.install(app, settings)
    app.add_routes(staff_routes(ctx))
    app.add_routes(dashboard_routes(ctx))
    app.add_routes(campaign_routes(ctx))
    app.add_routes(ctx.sms.routes(inbound.on_inbound, inbound.on_delivery))

    async def chat_transcript(address: str) -> list[dict[str, Any]]:
        def read(session: Session) -> list[dict[str, Any]]:
            messages = session.exec(
                select(Message).where(Message.address == address).order_by(col(Message.created_at))
            ).all()
            hidden = identity_answers(session, list(messages))  # a date of birth is never shown again
            return [{"direction": m.direction, "text": HIDDEN_ANSWER if m.id in hidden else m.body,
                     # the page knows its own messages by the id it gave them
                     "id": (m.provider_sid or m.id).rsplit(":", 1)[-1]} for m in messages]

        return await ctx.db.run(read)

    assert ctx.voice is not None
    app.add_routes(ctx.voice.routes(calls.on_answer, calls.on_speech, calls.on_status))
    async def chat_language(address: str) -> str:
        return await ctx.db.run(lambda session: language_of(session, latest_conversation(session, address)))

    async def chat_who(address: str) -> str:
        """Who answers the chat now: the bot, a person (handed off, or the identity check locked), or nobody."""
        def read(session: Session) -> str:
            conversation = latest_conversation(session, address)
            if conversation is None or conversation.state == "closed":
                return "ended"
            if conversation.state == "handed_off" or conversation.identity_state == "failed":
                return "person"
            return "bot"

        return await ctx.db.run(read)

    async def chat_admits(address: str, device: str) -> bool:
        return await ctx.db.run(lambda session: chat_access.admits(session, address, device))

    async def chat_unlock(address: str, device: str, answer: str) -> str:
        return await ctx.db.run(lambda session: chat_access.unlock(session, address, device, answer))

    app.add_routes(ctx.webchat.routes(inbound.on_inbound, lambda token: address_for_token(settings, token),
                                      chat_transcript, chat_language, chat_who, chat_admits, chat_unlock))

    if settings.simulator_in_process:
        simulator = TwilioSimulator(
            account_sid=settings.twilio_account_sid, auth_token=settings.twilio_auth_token,
            number=settings.twilio_from_number, inbound_webhook_url=settings.public_url + INBOUND_PATH,
        )
        app["simulator"] = simulator

        async def to_phones_page(_request: web.Request) -> web.Response:
            raise web.HTTPFound("/sim/")

        app.add_routes([web.get("/sim", to_phones_page)])
        app.add_subapp("/sim", simulator.application())

