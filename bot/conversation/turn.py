"""One action's view of a patient's reply: the records it acts on and the helpers to act and to answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from bot.conversation.handoffs import hand_off
from bot.core.models import Conversation, OutreachTask, Patient, utcnow
from bot.events.outbox import record_event
from bot.outreach.states import ACTIVE_STATES, move_task
from bot.outreach.workflows import QUESTIONS, Question, question


class Turn:
    """One action's view of the conversation: records loaded, helpers to act and to answer."""

    def __init__(self, session: Session, dispatcher: CollectingDispatcher, tracker: Tracker,
                 conversation: Conversation, task: OutreachTask | None, patient: Patient) -> None:
        self.session, self.dispatcher, self.tracker = session, dispatcher, tracker
        self.conversation, self.task, self.patient = conversation, task, patient
        self.events: list[Any] = []

    @property
    def text(self) -> str:
        return str(self.tracker.latest_message.get("text") or "")

    @property
    def intent(self) -> str:
        return str((self.tracker.latest_message.get("intent") or {}).get("name") or "")

    def say(self, message: str, **arguments: Any) -> None:
        self.dispatcher.utter_message(response=f"utter_{message}", **arguments)

    def record(self, event_type: str, data: dict[str, Any]) -> None:
        if self.task is not None:
            record_event(self.session, event_type, self.task.id, {"conversation_id": self.conversation.id, **data})

    def finish(self, state: str, data: dict[str, Any]) -> None:
        if self.task is not None and self.task.state in ACTIVE_STATES:
            move_task(self.session, self.task, state, data)

    @property
    def question(self) -> Question:
        """What the bot last asked (declared in bot/outreach/workflows.py)."""
        return question(self.conversation.awaiting)

    def ask(self, awaiting: str) -> None:
        if awaiting not in QUESTIONS:
            raise ValueError(f"{awaiting!r} is not a declared question (bot/outreach/workflows.py)")
        self.conversation.awaiting = awaiting
        self.conversation.last_activity_at = utcnow()
        self.session.add(self.conversation)

    def conclude(self, event_type: str, event_data: dict[str, Any], outcome: str, outcome_data: dict[str, Any],
                 message: str) -> None:
        """The patient's answer ends the task: record the fact, end the task with ``outcome``, say ``message``."""
        self.record(event_type, event_data)
        self.ask("none")
        self.finish(outcome, outcome_data)
        self.say(message)

    def hand_off(self, reason: str, message: str = "handoff", priority: str = "normal") -> None:
        hand_off(self.session, self.conversation, self.task, reason=reason, priority=priority)
        self.ask("none")
        self.say(message)

    @property
    def context(self) -> dict[str, Any]:
        return self.task.context if self.task else {}
