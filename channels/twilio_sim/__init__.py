"""A local Twilio simulator: Messages API, signed callbacks and webhooks, simulated phones."""

from channels.twilio_sim.server import TwilioSimulator

__all__ = ["TwilioSimulator"]
