"""Custom actions the engine calls back (through rasa_sdk's executor, served by the app): offer slots,
book the chosen one, hand off to a person, record a decline, ask again when unsure."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from bot.conversation.handoffs import hand_off
from bot.core.context import Outreach
from bot.core.db import session_scope
from bot.core.models import Conversation, OutreachTask, Patient, Slot, utcnow
from bot.events.outbox import record_event
from bot.outreach.policy import patient_zones
from bot.outreach.states import ACTIVE_STATES, move_task
from bot.scheduling.choice import OfferedOption, resolve_choice
from bot.scheduling.slots import book_slot, find_open_slots

log = logging.getLogger(__name__)

OPTIONS_PER_OFFER = 3
EARLIEST_NOTICE = timedelta(hours=2)  # never offer a slot the patient could not reach in time


class OutreachAction(Action):
    """Base: each action gets the running service and finds its conversation by the engine's sender id."""

    action_name = ""

    def __init__(self, ctx: Outreach) -> None:
        self.ctx = ctx

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[Any]:
        with session_scope(self.ctx.db) as session:
            conversation = session.get(Conversation, tracker.sender_id)
            if conversation is None:
                log.warning("action.unknown_conversation", extra={"action": self.action_name})
                dispatcher.utter_message(response="utter_handoff")
                return []
            task = session.get(OutreachTask, conversation.task_id) if conversation.task_id else None
            patient = session.get(Patient, conversation.patient_id)
            assert patient is not None
            events = self.act(session, dispatcher, tracker, conversation, task, patient)
        if self.action_name != "action_clarify" and tracker.get_slot("clarifications"):
            events.append(SlotSet("clarifications", 0))  # understood this time: start counting afresh
        return events

    def act(self, session: Session, dispatcher: CollectingDispatcher, tracker: Tracker,
            conversation: Conversation, task: OutreachTask | None, patient: Patient) -> list[Any]:
        raise NotImplementedError


def offer_slots(session: Session, dispatcher: CollectingDispatcher, conversation: Conversation,
                task: OutreachTask | None, message: str) -> None:
    """Offer the next open times (skipping ones already offered in this conversation), or hand off if none."""
    context = task.context if task else {}
    already = frozenset(conversation.offered_slot_ids) if message != "offer" else frozenset()
    slots = find_open_slots(
        session, visit_type=str(context.get("visit_type", "physical_therapy")),
        provider_id=context.get("provider_id"), after=utcnow() + EARLIEST_NOTICE,
        limit=OPTIONS_PER_OFFER, exclude_ids=already,
    )
    if not slots:
        hand_off(session, conversation, task, reason="no_open_slots")
        dispatcher.utter_message(response="utter_no_slots")
        return
    conversation.offered_slot_ids = [slot.id for slot in slots]
    conversation.last_activity_at = utcnow()
    session.add(conversation)
    if task is not None:
        record_event(session, "outreach.slot.offered", task.id, {
            "conversation_id": conversation.id,
            "slots": [{"slot_id": s.id, "starts_at": s.starts_at.isoformat(), "provider_id": s.provider_id}
                      for s in slots],
        })
    name = f"utter_{task.workflow}_offer" if message == "offer" and task else f"utter_{message}"
    dispatcher.utter_message(response=name, slot_ids=conversation.offered_slot_ids)


class ActionOfferSlots(OutreachAction):
    action_name = "action_offer_slots"

    def act(self, session, dispatcher, tracker, conversation, task, patient):  # type: ignore[no-untyped-def]
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        offer_slots(session, dispatcher, conversation, task, "offer" if intent.startswith("EXTERNAL_")
                    else "more_slots")
        return []


class ActionBookSlot(OutreachAction):
    action_name = "action_book_slot"

    def act(self, session, dispatcher, tracker, conversation, task, patient):  # type: ignore[no-untyped-def]
        if task is not None and task.state == "booked":
            appointment_slot = task.context.get("booked_slot_id")
            dispatcher.utter_message(response="utter_booking_confirmed", slot_id=appointment_slot)
            return []
        zone = patient_zones(patient)[0]
        offered = [session.get(Slot, slot_id) for slot_id in conversation.offered_slot_ids]
        options = [OfferedOption(i + 1, s.id, s.starts_at.astimezone(zone))
                   for i, s in enumerate(offered) if s is not None]
        choice = resolve_choice(tracker.latest_message.get("text") or "", options)
        if choice.chosen is None:
            ids = [o.slot_id for o in (choice.candidates if choice.ambiguous else options)]
            dispatcher.utter_message(response="utter_clarify_choice", slot_ids=ids)
            return []
        appointment = book_slot(session, slot_id=choice.chosen.slot_id, patient_id=patient.id,
                                task_id=task.id if task else None)
        if appointment is None:
            if task is not None:
                record_event(session, "outreach.slot.taken", task.id, {"slot_id": choice.chosen.slot_id})
            offer_slots(session, dispatcher, conversation, task, "slot_taken")
            return []
        slot = session.get(Slot, appointment.slot_id)
        assert slot is not None
        if task is not None:
            record_event(session, "outreach.appointment.booked", task.id, {
                "appointment_id": appointment.id, "slot_id": slot.id, "starts_at": slot.starts_at.isoformat(),
                "provider_id": slot.provider_id, "conversation_id": conversation.id,
            })
            task.context = {**task.context, "booked_slot_id": slot.id, "appointment_id": appointment.id}
            move_task(session, task, "booked", {"appointment_id": appointment.id})
        dispatcher.utter_message(response="utter_booking_confirmed", slot_id=slot.id)
        return []


class ActionHandOff(OutreachAction):
    action_name = "action_hand_off"

    def act(self, session, dispatcher, tracker, conversation, task, patient):  # type: ignore[no-untyped-def]
        hand_off(session, conversation, task, reason="patient_asked_for_person")
        dispatcher.utter_message(response="utter_handoff")
        return []


class ActionRecordDecline(OutreachAction):
    action_name = "action_record_decline"

    def act(self, session, dispatcher, tracker, conversation, task, patient):  # type: ignore[no-untyped-def]
        if task is not None and task.state in ACTIVE_STATES:
            record_event(session, "outreach.patient.declined", task.id, {"conversation_id": conversation.id})
            move_task(session, task, "declined", {"reason": "patient_declined"})
        dispatcher.utter_message(response="utter_declined")
        return []


class ActionClarify(OutreachAction):
    """Unsure what the patient meant: ask once with the valid choices, then give it to a person."""

    action_name = "action_clarify"

    def act(self, session, dispatcher, tracker, conversation, task, patient):  # type: ignore[no-untyped-def]
        asked = int(tracker.get_slot("clarifications") or 0)
        if asked >= 1:
            hand_off(session, conversation, task, reason="not_understood")
            dispatcher.utter_message(response="utter_handoff")
            return [SlotSet("clarifications", 0)]
        dispatcher.utter_message(response="utter_didnt_understand")
        return [SlotSet("clarifications", asked + 1)]


ACTIONS: tuple[type[OutreachAction], ...] = (
    ActionOfferSlots, ActionBookSlot, ActionHandOff, ActionRecordDecline, ActionClarify,
)
