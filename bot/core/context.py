"""The running service's shared parts, built once at start and handed to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from bot.conversation.engine import EngineClient
from bot.core.settings import Settings
from bot.outreach.policy import QuietHours
from channels.sms import TwilioSms


@dataclass
class Outreach:
    settings: Settings
    db: Engine
    engine: EngineClient
    sms: TwilioSms
    quiet_hours: QuietHours = field(default_factory=QuietHours)
