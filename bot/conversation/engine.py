"""HTTP client for the Rasa engine: proactive openings (trigger_intent) and patient messages (our own channel,
engine/outreach_channel.py, which takes a message only with the engine token, and each message only once).

An empty reply is an error, never silence: Rasa answers HTTP 200 with no messages when our NLG or action
endpoint failed, and the caller must fall back (holding reply, handoff) rather than leave the patient waiting.
"""

from __future__ import annotations

import asyncio
import zlib
from typing import Any

import aiohttp


class EngineError(RuntimeError):
    """The engine could not be reached, failed, or answered with nothing to say."""


class EngineClient:
    """One or more engine replicas; a conversation always goes to the same replica (its tracker is shared in
    the tracker store, so any replica could answer it, but one at a time keeps the engine's work cached)."""

    def __init__(self, base_urls: list[str] | str, token: str, timeout_seconds: float) -> None:
        urls = [base_urls] if isinstance(base_urls, str) else base_urls
        self.base_urls = [url.rstrip("/") for url in urls]
        self.token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._session: aiohttp.ClientSession | None = None
        self._ready, self._checked_at = False, float("-inf")

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=self._timeout)

    async def close(self) -> None:
        if self._session:
            await self._session.close()

    def _replica(self, conversation_id: str) -> str:
        return self.base_urls[zlib.crc32(conversation_id.encode()) % len(self.base_urls)]

    async def _post(self, conversation_id: str, path: str, payload: dict[str, Any], params: dict[str, str]) -> Any:
        assert self._session is not None, "EngineClient.start() was not called"
        url = self._replica(conversation_id) + path
        try:
            async with self._session.post(url, json=payload, params=params) as response:
                if response.status != 200:
                    raise EngineError(f"engine answered HTTP {response.status} on {path}")
                return await response.json()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise EngineError(f"engine unreachable on {path}: {error.__class__.__name__}") from None

    async def open_conversation(self, conversation_id: str, intent: str, entities: dict[str, Any]) -> list[str]:
        """Start a proactive conversation; returns the texts the engine wants sent."""
        body = await self._post(
            conversation_id, f"/conversations/{conversation_id}/trigger_intent",
            {"name": intent, "entities": entities},
            {"token": self.token, "output_channel": "collector", "include_events": "NONE"},
        )
        return _texts(body.get("messages") if isinstance(body, dict) else None, conversation_id)

    async def tell(self, conversation_id: str, text: str, metadata: dict[str, Any]) -> list[str]:
        """Pass a patient's message on; returns the texts of the engine's replies."""
        body = await self._post(
            conversation_id, "/webhooks/outreach/webhook",
            {"sender": conversation_id, "message": text, "metadata": metadata},
            {"token": self.token},
        )
        return _texts(body, conversation_id)

    async def ready_lately(self, within_seconds: float = 1.0) -> bool:
        """``is_ready``, asked at most once every ``within_seconds`` (for loops that ask often)."""
        now = asyncio.get_running_loop().time()
        if now - self._checked_at >= within_seconds:
            self._ready, self._checked_at = await self.is_ready(), now
        return self._ready

    async def is_ready(self) -> bool:
        """Every replica answers its status with our token."""
        results = await asyncio.gather(*(self.replica_ready(url) for url in self.base_urls))
        return all(results)

    async def replica_ready(self, base_url: str) -> bool:
        assert self._session is not None
        try:
            async with self._session.get(base_url + "/status", params={"token": self.token},
                                         timeout=aiohttp.ClientTimeout(total=2)) as response:
                return response.status == 200
        except (aiohttp.ClientError, TimeoutError):
            return False


def _texts(messages: Any, conversation_id: str) -> list[str]:
    if not isinstance(messages, list):
        raise EngineError("engine reply was not a list of messages")
    texts = [str(m["text"]) for m in messages if isinstance(m, dict) and m.get("text")]
    if not texts:
        raise EngineError("engine answered with no messages (an action or NLG call failed; see engine log)")
    return texts
