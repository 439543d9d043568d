"""The running service's shared parts, built once at start and handed to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.conversation.engine import EngineClient
from bot.core.db import Database
from bot.core.settings import Settings
from bot.outreach.policy import ContactLimits, QuietHours
from channels.base import OutboundChannel
from channels.sms import TwilioSms
from channels.voice import TwilioVoice
from channels.webchat import WebChat


@dataclass
class Outreach:
    settings: Settings
    db: Database
    engine: EngineClient
    sms: TwilioSms
    quiet_hours: QuietHours = field(default_factory=QuietHours)
    contact_limits: ContactLimits = field(default_factory=ContactLimits)
    webchat: WebChat = field(default_factory=WebChat)
    voice: TwilioVoice | None = None

    def channel(self, name: str) -> OutboundChannel:
        """The channel that sends on ``name`` (sms | chat | voice)."""
        channels: dict[str, OutboundChannel] = {"sms": self.sms, "chat": self.webchat}
        if self.voice is not None:
            channels["voice"] = self.voice
        try:
            return channels[name]
        except KeyError:
            raise ValueError(f"no outbound channel {name!r}") from None
