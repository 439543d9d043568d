"""Calls: what the bot says when a call is answered, and to each thing the patient says on the line.

A person hears the identity question first (voice, like chat, verifies the date of birth before anything about
their care); an answering machine hears a message with no health details and the call is tried again later.
What the patient says goes through the same router as a text (keywords and emergencies first, then the
engine), only the caller waits on the line for the answer.
"""

from __future__ import annotations

import contextlib
import uuid
from collections import defaultdict

from sqlmodel import Session, col, select

from bot.conversation.endpoints import message_context
from bot.conversation.inbound import InboundQueue
from bot.core.context import Outreach
from bot.core.models import Conversation, Message, OutreachTask, Patient
from bot.messages.render import render_message, render_standalone
from bot.outreach.dispatcher import call_not_answered
from bot.outreach.outbound import send_text
from bot.outreach.states import TERMINAL_STATES
from channels.base import DeliveryUpdate, InboundMessage, SendError
from channels.voice import VoiceTurn

SILENCES_BEFORE_HANGING_UP = 2
UNANSWERED_STATUSES = {"no-answer": "no_answer", "busy": "busy", "failed": "failed", "canceled": "failed"}


class CallHandler:
    def __init__(self, ctx: Outreach, inbound: InboundQueue) -> None:
        self.ctx = ctx
        self.inbound = inbound
        self._silences: dict[str, int] = defaultdict(int)

    def _said(self, message: str, language: str) -> str:
        return render_standalone(self.ctx.settings, message, "voice", language)

    async def _load(self, key: str) -> tuple[Conversation, Patient, str | None] | None:
        def load(session: Session) -> tuple[Conversation, Patient, str | None] | None:
            conversation = session.get(Conversation, key)
            patient = session.get(Patient, conversation.patient_id) if conversation else None
            if conversation is None or patient is None:
                return None
            return conversation, patient, conversation.task_id

        return await self.ctx.db.run(load)

    async def on_answer(self, key: str, call_sid: str, answered_by: str) -> VoiceTurn:
        loaded = await self._load(key)
        if loaded is None or loaded[0].state == "closed":
            return VoiceTurn([self._said("goodbye", "en")], listen=False)
        conversation, patient, task_id = loaded
        if answered_by == "fax":  # nobody to speak to, now or on another try: hang up, and the task ends
            if task_id:
                await call_not_answered(self.ctx, task_id, conversation.id, "fax", final=True)
            return VoiceTurn([], patient.language, listen=False)
        if answered_by != "person":  # a machine: who we are and how to call back, nothing about their care
            if task_id:
                await call_not_answered(self.ctx, task_id, conversation.id, "voicemail")
            return VoiceTurn([self._said("voicemail", patient.language)], patient.language, listen=False)
        first = "identity_check" if conversation.identity_state == "pending" else "holding_reply"
        await send_text(self.ctx, address=conversation.address, body=self._said(first, patient.language),
                        idempotency_key=f"{call_sid}:answer", conversation_id=conversation.id, task_id=task_id,
                        channel="voice")
        return VoiceTurn(self._take(conversation.address), patient.language, listen=True)

    async def on_speech(self, key: str, call_sid: str, said: str) -> VoiceTurn:
        loaded = await self._load(key)
        if loaded is None:
            return VoiceTurn([self._said("goodbye", "en")], listen=False)
        conversation, patient, task_id = loaded
        language = patient.language
        if not said.strip():
            self._silences[key] += 1
            if self._silences[key] >= SILENCES_BEFORE_HANGING_UP:
                if task_id:
                    await call_not_answered(self.ctx, task_id, conversation.id, "silence")
                return VoiceTurn([self._said("voice_no_answer", language)], language, listen=False)
            return VoiceTurn(await self._last_question(conversation.id), language, listen=True)
        self._silences.pop(key, None)
        if said.strip() == "*":  # "to hear this again, press star"
            return VoiceTurn(await self._last_question(conversation.id), language, listen=True)
        await self.inbound.process_now(InboundMessage(
            channel="voice", provider_sid=f"{call_sid}:{uuid.uuid4().hex}", sender=conversation.address,
            recipient="voice", body=said,
        ))
        sentences = self._take(conversation.address)
        reloaded = await self._load(key)
        if reloaded is not None:
            language = reloaded[1].language  # "español, por favor": the answer is already spoken in Spanish
        still_ours = reloaded is not None and reloaded[0].state == "bot" and reloaded[0].identity_state != "failed"
        if not sentences:  # a person has the conversation now (or it ended): nothing more from the bot
            sentences = [self._said("handoff", language)] if reloaded and reloaded[0].state == "handed_off" \
                else [self._said("goodbye", language)]
        booked = await self._text_the_booking(conversation, task_id)
        if still_ours and (booked or await self._task_ended(task_id)):  # nothing left to ask: goodbye, and hang up
            sentences.append(self._said("goodbye", language))
            still_ours = False
        return VoiceTurn(sentences, language, listen=still_ours)

    async def _task_ended(self, task_id: str | None) -> bool:
        if task_id is None:
            return False

        def ended(session: Session) -> bool:
            task = session.get(OutreachTask, task_id)
            return task is not None and task.state in TERMINAL_STATES

        return await self.ctx.db.run(ended)

    async def _text_the_booking(self, conversation: Conversation, task_id: str | None) -> bool:
        """A visit booked on this call is confirmed by text too, when the patient agreed to texts (something to
        keep: the day, the time, the place); True when the task is booked."""
        if task_id is None:
            return False

        def booking(session: Session) -> tuple[str, str, str] | None:
            task = session.get(OutreachTask, task_id)
            patient = session.get(Patient, conversation.patient_id) if conversation.patient_id else None
            if task is None or task.state != "booked" or patient is None:
                return None
            slot_id, appointment_id = task.context.get("booked_slot_id"), task.context.get("appointment_id")
            if not (patient.consent_sms and patient.phone and slot_id and appointment_id):
                return "", "", ""
            return patient.phone, str(slot_id), str(appointment_id)

        found = await self.ctx.db.run(booking)
        if found is None:
            return False
        phone, slot_id, appointment_id = found
        if phone:
            context, language = await message_context(self.ctx, conversation.id, {"slot_id": slot_id}, "sms")
            text = render_message("booking_confirmed", "sms", language, context).text
            with contextlib.suppress(SendError):  # recorded by send_text; the call has confirmed it aloud
                await send_text(self.ctx, address=phone, body=text, idempotency_key=f"voice-booked:{appointment_id}",
                                conversation_id=conversation.id, task_id=task_id, channel="sms")
        return True

    async def on_status(self, update: DeliveryUpdate) -> None:
        """Twilio's word on a call: one nobody took is tried again later."""
        reason = UNANSWERED_STATUSES.get(update.status)

        def record(session: Session) -> tuple[str | None, str | None, bool] | None:
            placed = session.exec(select(Message).where(Message.provider_sid == update.provider_sid)).first()
            if placed is None:
                return None
            placed.delivery_status = update.status
            task = session.get(OutreachTask, placed.task_id) if placed.task_id else None
            return placed.conversation_id, placed.task_id, task is not None and task.state == "awaiting_reply"

        recorded = await self.ctx.db.run(record)
        if recorded is None:
            return
        conversation_id, task_id, waiting = recorded
        if reason and waiting and task_id and conversation_id:
            await call_not_answered(self.ctx, task_id, conversation_id, reason)

    def _take(self, address: str) -> list[str]:
        assert self.ctx.voice is not None
        return self.ctx.voice.take_pending(address)

    async def _last_question(self, conversation_id: str) -> list[str]:
        """What the bot said last (everything after the patient's last words), to say again."""
        def last_said(session: Session) -> list[str]:
            messages = session.exec(
                select(Message).where(Message.conversation_id == conversation_id, Message.body != "")
                .order_by(col(Message.created_at).desc()).limit(10)
            ).all()
            last: list[str] = []
            for message in messages:
                if message.direction == "inbound":
                    break
                last.insert(0, message.body)
            return last

        return await self.ctx.db.run(last_said)
