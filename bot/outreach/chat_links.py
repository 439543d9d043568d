"""Private web-chat links: one per task, signed so that nobody can guess another patient's conversation."""

from __future__ import annotations

import hashlib
import hmac

from bot.core.limits import same_secret
from bot.core.settings import Settings
from bot.outreach.addresses import address_for


def _key(settings: Settings) -> bytes:
    return (settings.chat_link_secret or f"chat-links:{settings.api_token}").encode()


def _signature(settings: Settings, task_id: str) -> str:
    return hmac.new(_key(settings), task_id.encode(), hashlib.sha256).hexdigest()[:24]


def chat_url(settings: Settings, task_id: str) -> str:
    return f"{settings.public_url}/chat/{task_id}.{_signature(settings, task_id)}"


def address_for_token(settings: Settings, token: str) -> str | None:
    """The chat address a link's token opens, or None when the token was not signed by us."""
    task_id, _, signature = token.partition(".")
    if not task_id or not same_secret(signature, _signature(settings, task_id)):
        return None
    return address_for("chat", task_id, None)
