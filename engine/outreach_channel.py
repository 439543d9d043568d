"""The engine's only way in for patient messages: the app's channel, which checks the engine token.

Rasa's REST channel takes a message from anyone who reaches the port. This channel answers only a request that
carries the engine token (``Authorization: Bearer <token>``, or ``?token=`` as Rasa's own API takes it), read
from the environment (``OUTREACH_ENGINE_TOKEN``), never from the command line.

A message is passed on at most once. The app sends each patient message with its own id; when the app asks again
about a message the engine already took (its first request timed out while the engine was still working on
it), the engine does not take it a second time: it answers with what it said to it then.
"""

from __future__ import annotations

import hmac
import inspect
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

TOKEN_VARIABLE = "OUTREACH_ENGINE_TOKEN"
MAX_MESSAGE_CHARS = 5000
MAX_ID_CHARS = 200


class OutreachInput(InputChannel):
    def __init__(self, token: str) -> None:
        if not token:
            raise ValueError(f"{TOKEN_VARIABLE} is not set: the engine refuses to take messages from anyone")
        self._token = token.encode()

    @classmethod
    def name(cls) -> str:
        return "outreach"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(os.environ.get(TOKEN_VARIABLE, ""))

    def _allowed(self, request: Request) -> bool:
        header = request.headers.get("Authorization", "")
        given = header[len("Bearer "):] if header.startswith("Bearer ") else request.args.get("token", "")
        return hmac.compare_digest(given.encode(), self._token)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        module = inspect.getmodule(self)
        hook = Blueprint(f"outreach_webhook_{type(self).__name__}", module.__name__ if module else None)

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._allowed(request):
                logger.warning("outreach_channel.refused")
                return response.json({"error": "unauthorized"}, status=401)
            body = request.json if isinstance(request.json, dict) else {}
            sender, text = body.get("sender"), body.get("message")
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
            message_id = metadata.get("message_id")
            if not isinstance(sender, str) or not sender or len(sender) > MAX_ID_CHARS \
                    or not isinstance(text, str) or len(text) > MAX_MESSAGE_CHARS \
                    or (message_id is not None and (not isinstance(message_id, str) or len(message_id) > MAX_ID_CHARS)):
                return response.json({"error": "sender, message and metadata.message_id are required strings"},
                                     status=400)
            agent = request.app.ctx.agent
            if message_id:
                said = await _said_before(agent, sender, message_id)
                if said is not None:
                    logger.info("outreach_channel.repeat_answered")
                    return response.json(said)
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                             metadata=metadata, message_id=message_id))
            return response.json(collector.messages)

        return hook


async def _said_before(agent: Any, sender: str, message_id: str) -> list[dict[str, Any]] | None:
    """What the engine said to the message ``message_id`` when it took it; None when it never took it (or took
    it and said nothing, so the app's asking again is answered afresh). Waits for the conversation's lock, so a
    first request still being worked on finishes before this looks."""
    async with agent.lock_store.lock(sender):
        tracker = await agent.tracker_store.retrieve(sender)
    if tracker is None:
        return None
    said: list[dict[str, Any]] | None = None
    for event in tracker.events:
        if isinstance(event, UserUttered):
            if said is not None:
                break
            if event.message_id == message_id:
                said = []
        elif said is not None and isinstance(event, BotUttered) and event.text:
            said.append({"recipient_id": sender, "text": event.text})
    return said or None
