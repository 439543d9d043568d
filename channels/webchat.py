"""Web chat over a websocket: a patient opens a private link, reads the conversation so far and types replies.

The app hands the channel three callbacks (arrows point bot → channels only): ``on_inbound`` for what the patient
types, ``resolve`` to turn a link's token into the conversation's address (None: not a valid link), and
``transcript`` for the messages so far. Sending to an address with no open page is not an error: the message is
kept by the app and shown when the patient opens the link.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from channels.base import InboundMessage, OnInbound, SendResult

log = logging.getLogger(__name__)

CHAT_PATH = "/chat"
PAGE = Path(__file__).with_name("webchat.html")
MAX_TEXT = 1600
MAX_FRAME_BYTES = 16 * 1024  # one chat message as JSON; a larger frame closes the socket (1009)

Resolve = Callable[[str], str | None]
Transcript = Callable[[str], Awaitable[list[dict[str, Any]]]]


class WebChat:
    name = "chat"

    def __init__(self) -> None:
        self._sockets: dict[str, set[web.WebSocketResponse]] = defaultdict(set)

    async def send(self, to: str, body: str) -> SendResult:
        """Push a message to every page open on ``to``; 'delivered' if one was, else 'queued' for the next visit."""
        sid = f"CH{uuid.uuid4().hex}"
        delivered = False
        for socket in list(self._sockets.get(to, ())):
            try:
                await socket.send_json({"type": "message", "direction": "outbound", "id": sid, "text": body})
                delivered = True
            except (ConnectionError, RuntimeError):
                self._sockets[to].discard(socket)
        return SendResult(provider_sid=sid, status="delivered" if delivered else "queued")

    def routes(self, on_inbound: OnInbound, resolve: Resolve, transcript: Transcript) -> list[web.RouteDef]:
        async def page(request: web.Request) -> web.Response:
            if resolve(request.match_info["token"]) is None:
                raise web.HTTPNotFound(text="This chat link is not valid. Please call the number in your message.")
            return web.Response(text=PAGE.read_text(encoding="utf-8"), content_type="text/html")

        async def socket(request: web.Request) -> web.WebSocketResponse:
            address = resolve(request.match_info["token"])
            if address is None:
                raise web.HTTPNotFound(text="not a valid chat link")
            ws = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_FRAME_BYTES)
            await ws.prepare(request)
            self._sockets[address].add(ws)
            try:
                for past in await transcript(address):
                    await ws.send_json({"type": "message", **past})
                async for frame in ws:
                    if frame.type != WSMsgType.TEXT:
                        continue
                    await self._receive(ws, address, frame.data, on_inbound)
            finally:
                self._sockets[address].discard(ws)
            return ws

        return [web.get(CHAT_PATH + "/{token}", page), web.get(CHAT_PATH + "/{token}/ws", socket)]

    @staticmethod
    async def _receive(ws: web.WebSocketResponse, address: str, data: str, on_inbound: OnInbound) -> None:
        try:
            payload = json.loads(data)
            text = str(payload["text"]).strip()
            client_id = str(payload.get("id") or uuid.uuid4().hex)[:64]
        except (ValueError, KeyError, TypeError, RecursionError):  # not JSON, not an object, nested deep
            await ws.send_json({"type": "error", "error": 'send {"text": "..."}'})
            return
        if not text or len(text) > MAX_TEXT:
            await ws.send_json({"type": "error", "error": f"a message needs 1 to {MAX_TEXT} characters"})
            return
        # the page's own id for the message: a resend after a dropped connection is recognised and dropped
        await on_inbound(InboundMessage(channel="chat", provider_sid=f"chat:{address}:{client_id}",
                                        sender=address, recipient="webchat", body=text))
        await ws.send_json({"type": "received", "id": client_id})
