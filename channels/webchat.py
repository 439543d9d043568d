"""Web chat over a websocket: a patient opens a private link, reads the conversation so far and types replies.

The app hands the channel its callbacks (arrows point bot → channels only): ``on_inbound`` for what the patient
types, ``resolve`` to turn a link's token into the conversation's address (None: not a valid link),
``transcript`` for the messages so far, ``admits`` and ``unlock`` for who may read them (a page on another device
types the date of birth first: ``bot/conversation/chat_access.py``). Sending to an address with no open page is not
an error: the message is kept by the app and shown when the patient opens the link.
"""

from __future__ import annotations

import html
import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from channels.base import InboundMessage, OnInbound, SendResult

log = logging.getLogger(__name__)

CHAT_PATH = "/chat"
PAGE = Path(__file__).with_name("webchat.html")
ASSETS = {"webchat.js": "text/javascript", "webchat.css": "text/css"}  # the page's script and style: no inline code
# the page's own words, in the patient's language (the bot's messages are already in it)
PAGE_WORDS: dict[str, dict[str, str]] = {
    "en": {"title": "Chat with your care team", "connecting": "Connecting…", "connected": "Connected",
           "reconnecting": "Reconnecting…", "messages": "Messages", "your_message": "Your message",
           "placeholder": "Type your message", "send": "Send", "you": "You said:", "team": "Your care team said:",
           "choices": "Choices", "with_person": "A person from our team will answer you here.",
           "ended": "This chat has ended. To reach us, call the number in your message.",
           "guard": "For your privacy, type your date of birth to see this conversation.",
           "guard_again": "That date of birth does not match. Please try again."},
    "es": {"title": "Chat con su equipo de atención", "connecting": "Conectando…", "connected": "Conectado",
           "reconnecting": "Reconectando…", "messages": "Mensajes", "your_message": "Su mensaje",
           "placeholder": "Escriba su mensaje", "send": "Enviar", "you": "Usted dijo:",
           "team": "Su equipo de atención dijo:", "choices": "Opciones",
           "with_person": "Una persona de nuestro equipo le responderá aquí.",
           "ended": "Este chat terminó. Para hablar con nosotros, llame al número de su mensaje.",
           "guard": "Por su privacidad, escriba su fecha de nacimiento para ver esta conversación.",
           "guard_again": "Esa fecha de nacimiento no coincide. Inténtelo de nuevo."},
    "zh": {"title": "与您的医疗团队聊天", "connecting": "正在连接…", "connected": "已连接",
           "reconnecting": "正在重新连接…", "messages": "消息", "your_message": "您的消息",
           "placeholder": "请输入消息", "send": "发送", "you": "您说：", "team": "您的医疗团队说：",
           "choices": "选项", "with_person": "我们团队的工作人员会在这里回复您。",
           "ended": "本次聊天已结束。如需联系我们，请拨打短信中的电话号码。",
           "guard": "为保护您的隐私，请输入您的出生日期以查看此对话。", "guard_again": "出生日期不符，请再试一次。"},
    "vi": {"title": "Trò chuyện với nhóm chăm sóc của bạn", "connecting": "Đang kết nối…",
           "connected": "Đã kết nối", "reconnecting": "Đang kết nối lại…", "messages": "Tin nhắn",
           "your_message": "Tin nhắn của bạn", "placeholder": "Nhập tin nhắn", "send": "Gửi",
           "you": "Bạn nói:", "team": "Nhóm chăm sóc của bạn nói:", "choices": "Lựa chọn",
           "with_person": "Một nhân viên của chúng tôi sẽ trả lời bạn ở đây.",
           "ended": "Cuộc trò chuyện đã kết thúc. Để liên hệ, hãy gọi số điện thoại trong tin nhắn.",
           "guard": "Để bảo vệ quyền riêng tư, hãy nhập ngày sinh của bạn để xem cuộc trò chuyện này.",
           "guard_again": "Ngày sinh không khớp. Vui lòng thử lại."},
}


def chat_page(language: str) -> str:
    """The chat page in ``language`` (English when we do not speak it): its ``lang`` and its own words."""
    lang = language if language in PAGE_WORDS else "en"
    words = {name: html.escape(text) for name, text in PAGE_WORDS[lang].items()}
    return Template(PAGE.read_text(encoding="utf-8")).substitute(lang=lang, **words)
MAX_TEXT = 1600
MAX_FRAME_BYTES = 16 * 1024  # one chat message as JSON; a larger frame closes the socket (1009)

Resolve = Callable[[str], str | None]
Transcript = Callable[[str], Awaitable[list[dict[str, Any]]]]
Language = Callable[[str], Awaitable[str]]  # the language of the patient at a chat address
Who = Callable[[str], Awaitable[str]]  # who answers at a chat address now: "bot", "person" or "ended"
Admits = Callable[[str, str], Awaitable[bool]]  # whether a page's device may read the conversation at an address
Unlock = Callable[[str, str, str], Awaitable[str]]  # a date of birth typed there: "open", "again" or "locked"
MAX_DEVICE_KEY = 64


class WebChat:
    name = "chat"

    def __init__(self) -> None:
        self._sockets: dict[str, set[web.WebSocketResponse]] = defaultdict(set)
        self._guarded: set[web.WebSocketResponse] = set()  # pages that must give the date of birth before reading
        self._who: Who | None = None

    async def send(self, to: str, body: str) -> SendResult:
        """Push a message to every page open on ``to``; 'delivered' if one was, else 'queued' for the next visit."""
        sid = f"CH{uuid.uuid4().hex}"
        delivered = False
        sockets = [socket for socket in self._sockets.get(to, ()) if socket not in self._guarded]
        who = await self._who(to) if sockets and self._who else "bot"  # the page says what happens next
        for socket in sockets:
            try:
                await socket.send_json({"type": "message", "direction": "outbound", "id": sid, "text": body,
                                        "who": who})
                delivered = True
            except (ConnectionError, RuntimeError):
                self._sockets[to].discard(socket)
        return SendResult(provider_sid=sid, status="delivered" if delivered else "queued")

    def routes(self, on_inbound: OnInbound, resolve: Resolve, transcript: Transcript,
               language: Language, who: Who, admits: Admits, unlock: Unlock) -> list[web.RouteDef]:
        self._who = who

        async def open_to(ws: web.WebSocketResponse, address: str) -> None:
            for past in await transcript(address):
                await ws.send_json({"type": "message", **past})
            await ws.send_json({"type": "who", "who": await who(address)})

        async def guard(ws: web.WebSocketResponse, address: str, words: str) -> None:
            lang = await language(address)
            await ws.send_json({"type": "guard", "text": PAGE_WORDS.get(lang, PAGE_WORDS["en"])[words]})

        async def page(request: web.Request) -> web.Response:
            address = resolve(request.match_info["token"])
            if address is None:
                raise web.HTTPNotFound(text="This chat link is not valid. Please call the number in your message.")
            return web.Response(text=chat_page(await language(address)), content_type="text/html")

        async def socket(request: web.Request) -> web.WebSocketResponse:
            address = resolve(request.match_info["token"])
            if address is None:
                raise web.HTTPNotFound(text="not a valid chat link")
            origin = request.headers.get("Origin")
            if origin is not None and urlsplit(origin).netloc != request.host:  # a page of another site
                raise web.HTTPForbidden(text="this chat opens only from its own page")
            device = request.query.get("device", "")[:MAX_DEVICE_KEY]  # the page's own key (webchat.js)
            ws = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_FRAME_BYTES)
            await ws.prepare(request)
            admitted = await admits(address, device)
            if not admitted:  # a verified conversation, opened on another device: nothing of it until the date of birth
                self._guarded.add(ws)
            self._sockets[address].add(ws)
            try:
                await (open_to(ws, address) if admitted else guard(ws, address, "guard"))
                async for frame in ws:
                    if frame.type != WSMsgType.TEXT:
                        continue
                    if ws not in self._guarded:
                        await self._receive(ws, address, frame.data, on_inbound)
                    elif (answer := await self._text_of(ws, frame.data)) is not None:
                        outcome = await unlock(address, device, answer)
                        if outcome == "open":
                            self._guarded.discard(ws)
                            await open_to(ws, address)
                        elif outcome == "again":
                            await guard(ws, address, "guard_again")
                        else:
                            await ws.send_json({"type": "who", "who": await who(address)})
            finally:
                self._sockets[address].discard(ws)
                self._guarded.discard(ws)
            return ws

        async def asset(request: web.Request) -> web.Response:
            name = request.match_info["name"]
            if name not in ASSETS:
                raise web.HTTPNotFound()
            return web.Response(text=Path(__file__).with_name(name).read_text(encoding="utf-8"),
                                content_type=ASSETS[name], headers={"Cache-Control": "public, max-age=3600"})

        return [web.get(CHAT_PATH + "/static/{name}", asset), web.get(CHAT_PATH + "/{token}", page),
                web.get(CHAT_PATH + "/{token}/ws", socket)]

    @staticmethod
    async def _read_frame(ws: web.WebSocketResponse, data: str) -> tuple[str, str] | None:
        """A page's message (its text and its own id), or None after telling the page what was wrong with it."""
        try:
            payload = json.loads(data)
            if not isinstance(payload["text"], str) or not isinstance(payload.get("id", ""), str | None):
                raise TypeError("text and id are strings")
            text = payload["text"].strip()
            client_id = str(payload.get("id") or uuid.uuid4().hex)[:64]
        except (ValueError, KeyError, TypeError, RecursionError):  # not JSON, not an object, nested deep
            await ws.send_json({"type": "error", "error": 'send {"text": "..."}'})
            return None
        if not text or len(text) > MAX_TEXT:
            await ws.send_json({"type": "error", "error": f"a message needs 1 to {MAX_TEXT} characters"})
            return None
        return text, client_id

    async def _text_of(self, ws: web.WebSocketResponse, data: str) -> str | None:
        read = await self._read_frame(ws, data)
        return read[0] if read else None

    async def _receive(self, ws: web.WebSocketResponse, address: str, data: str, on_inbound: OnInbound) -> None:
        read = await self._read_frame(ws, data)
        if read is None:
            return
        text, client_id = read
        # the page's own id for the message: a resend after a dropped connection is recognised and dropped
        await on_inbound(InboundMessage(channel="chat", provider_sid=f"chat:{address}:{client_id}",
                                        sender=address, recipient="webchat", body=text))
        await ws.send_json({"type": "received", "id": client_id})
