"""Where a conversation's messages go: a phone number for SMS, ``chat:<task>`` for web chat, ``voice:<task>`` for
a call. One rule for every stage that needs to know a channel from an address."""

from __future__ import annotations

CHAT_PREFIX = "chat:"
VOICE_PREFIX = "voice:"


def address_for(channel: str, task_id: str, phone: str | None) -> str:
    if channel == "chat":
        return CHAT_PREFIX + task_id
    if channel == "voice":
        return VOICE_PREFIX + task_id
    return phone or ""


def channel_of(address: str) -> str:
    if address.startswith(CHAT_PREFIX):
        return "chat"
    if address.startswith(VOICE_PREFIX):
        return "voice"
    return "sms"


def task_of(address: str) -> str | None:
    """The task a chat or voice address belongs to; None for a phone number (SMS)."""
    for prefix in (CHAT_PREFIX, VOICE_PREFIX):
        if address.startswith(prefix):
            return address.removeprefix(prefix)
    return None
