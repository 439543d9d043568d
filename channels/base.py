"""The one interface between the app and its channels.

Channels import nothing from ``bot``: the app hands each channel callbacks for what arrives (the way Rasa's
``InputChannel.blueprint(on_new_message)`` does), so dependencies only point bot → channels.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class InboundMessage:
    channel: str  # sms | voice | chat
    provider_sid: str  # the provider's id for the message, used to drop repeats
    sender: str  # the patient's address as the provider gave it (a phone number for SMS)
    recipient: str
    body: str
    media_urls: list[str] = field(default_factory=list)
    # SMS: the keyword the provider itself already answered (Twilio Advanced Opt-Out's OptOutType: STOP, START
    # or HELP), whatever words the patient used
    provider_keyword: str | None = None


@dataclass(frozen=True)
class DeliveryUpdate:
    channel: str
    provider_sid: str
    status: str  # queued | sent | delivered | undelivered | failed | ...
    error_code: str | None = None


@dataclass(frozen=True)
class SendResult:
    provider_sid: str
    status: str


class SendError(RuntimeError):
    """The provider refused a message; ``code`` is the provider's error code (21610: recipient opted out)."""

    def __init__(self, message: str, code: int | None = None, retryable: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.retryable = retryable


OnInbound = Callable[[InboundMessage], Awaitable[None]]
OnDelivery = Callable[[DeliveryUpdate], Awaitable[None]]


class OutboundChannel(Protocol):
    name: str

    async def send(self, to: str, body: str) -> SendResult: ...
