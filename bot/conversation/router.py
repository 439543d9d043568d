"""Inbound router: every patient message is stored first, keywords are answered before any NLU, the rest goes
to the engine in arrival order per conversation, and the engine's replies go back out."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from sqlmodel import Session, col, select

from bot.conversation.engine import EngineError
from bot.conversation.evidence.declining import decides_against, decline_reason
from bot.conversation.evidence.for_a_person import (
    asks_a_question,
    asks_for_a_person,
    asks_what_a_person_must_answer,
    asks_who_we_are,
    is_confused,
    speaks_for_someone,
    wants_a_call,
    wants_a_real_person,
)
from bot.conversation.evidence.later import asks_to_be_contacted, asks_to_be_written_later, sends_document_later
from bot.conversation.evidence.visit_answers import cancels_the_visit, cannot_come, says_yes, wants_another_time
from bot.conversation.evidence.wrong_number import clearly_not_the_patient
from bot.conversation.handoffs import hand_off
from bot.conversation.identity import birth_date_matches, locked_out, patient_identity_misses
from bot.conversation.keywords import Keyword, classify_keyword
from bot.conversation.language_request import names_a_language, names_a_wanted_language, requested_language
from bot.conversation.menu_numbers import leading_number
from bot.conversation.offers import reply_names_an_offered_time
from bot.conversation.records import as_read, language_of, mark_message, open_conversation
from bot.conversation.safety import Emergency, detect_emergency
from bot.core.context import Outreach
from bot.core.models import (
    AuditEntry,
    Conversation,
    Handoff,
    Message,
    OptOut,
    OutreachTask,
    Patient,
    utcnow,
)
from bot.events.outbox import record_event
from bot.messages.render import render_standalone, resolve_language
from bot.outreach.addresses import channel_of, task_of
from bot.outreach.dispatcher import opening_entities
from bot.outreach.opt_in import resume_after_opt_in
from bot.outreach.outbound import send_text
from bot.outreach.policy import is_opted_out, patient_zones, record_opt_out
from bot.outreach.states import ACTIVE_STATES, move_task
from bot.outreach.workflows import WORKFLOWS, question
from channels.base import SendError

log = logging.getLogger(__name__)

HOLDING_REPLY_QUIET = timedelta(minutes=15)  # after a holding reply, no other for this long
UNCLAIMED_REPLY_QUIET = timedelta(hours=12)  # "a person will read it": said once in this long to a phone with no task


class InboundRouter:
    """What to answer: keywords and emergencies before any NLU, identity before anything about care, the rest
    through the engine. ``InboundQueue`` decides when (in order, one at a time per address)."""

    def __init__(self, ctx: Outreach) -> None:
        self.ctx = ctx

    # -- entry points given to the channel ------------------------------------------------------------
    async def process(self, address: str, message_id: str) -> None:
        Triaged = tuple[Keyword | None, Emergency | None, Conversation | None, bool, bool, str | None]

        def triage(session: Session) -> Triaged | None:
            """What the message is, where it belongs, and (no emergency) whether it goes on: one transaction."""
            message = session.get(Message, message_id)
            if message is None or message.engine_state != "pending":
                return None
            conversation = open_conversation(session, address)
            read = as_read(message.body, language_of(session, conversation))  # "xin ddwngf nhawns tin nuwax"
            opted_out = is_opted_out(session, address)
            keyword = classify_keyword(message.body, opted_out=opted_out, provider_keyword=message.provider_keyword) \
                or classify_keyword(read, opted_out=opted_out)
            emergency = detect_emergency(message.body) or detect_emergency(read)
            first_time = message.conversation_id is None  # a replay after an outage is not a new reply
            if conversation:
                message.conversation_id = conversation.id
                message.task_id = conversation.task_id
            if emergency is not None:
                message.engine_state = "processed"
                return keyword, emergency, conversation, first_time, False, None
            goes_on = _route(session, message, address, keyword, conversation, first_time)
            for_engine = None
            if goes_on and keyword is None and conversation is not None and conversation.state == "bot" \
                    and conversation.identity_state != "pending":
                for_engine = _for_engine(session, message, conversation, read)
            return keyword, emergency, conversation, first_time, goes_on, for_engine

        triaged = await self.ctx.db.run(triage)
        if triaged is None:
            return
        keyword, emergency, conversation, first_time, goes_on, for_engine = triaged
        if emergency is not None:
            await self._answer_emergency(emergency, address, message_id, conversation)
            if keyword is not Keyword.OPT_OUT:
                return

            def route(session: Session) -> bool:
                message = session.get(Message, message_id)
                assert message is not None
                return _route(session, message, address, keyword, conversation, first_time)

            goes_on = await self.ctx.db.run(route)
        if not goes_on:
            return
        if keyword is not None:
            await self._answer_keyword(keyword, address, message_id)
        elif conversation is None:
            await self._no_conversation(address, message_id)
        elif conversation.state != "bot":
            log.info("inbound.for_person", extra={"conversation_id": conversation.id})
            await self._acknowledge_for_person(conversation)
        elif conversation.identity_state == "pending":
            await self._check_identity(conversation, message_id)
        elif for_engine == NOTHING_TO_READ:
            language = await self.ctx.db.run(lambda session: language_of(session, conversation))
            await self._reply(conversation.address, self._render("didnt_understand_general", language,
                                                                 conversation.channel),
                              f"reply:{message_id}:0", conversation)
        elif (to_person := _for_a_person(for_engine, conversation)) is not None \
                and not await self._engine_first(to_person, conversation, for_engine):
            await self._to_a_person(conversation, message_id, to_person)
        elif for_engine is not None:
            await self._ask_engine(conversation, message_id, for_engine)

    async def _engine_first(self, to_person: str, conversation: Conversation, text: str | None) -> bool:
        """Whether the engine takes a reply a person would otherwise take. A question for a person beside a time
        chosen from the offer ("the last one. which clinic is it?"): the engine books the time first, and the question
        then goes to a person (offers.book_choice). A relative who chooses a time for the patient ("soy la hija de
        doña Carmen, ella puede el jueves a las 4") books it too; one who asks for another language ("can you text
        in english? I handle her appointments") gets it."""
        if to_person == "caregiver_writing" and text and names_a_wanted_language(text):
            language = await self.ctx.db.run(lambda session: language_of(session, conversation))
            if requested_language(text, language) != language:
                return True
        if to_person not in ("question_for_person", "caregiver_writing") or not text \
                or not question(conversation.awaiting).offers_times \
                or (to_person == "caregiver_writing" and (asks_to_be_contacted(text) or wants_a_call(text)
                                                          or wants_a_real_person(text))):  # "call me to arrange it"
            return False
        return await self.ctx.db.run(lambda session: reply_names_an_offered_time(session, conversation, text))

    async def _answer_emergency(self, emergency: Emergency, address: str, message_id: str,
                                conversation: Conversation | None) -> None:
        """Emergency words, in any state: the instruction at once, and a person, urgently."""
        def hand_to_person(session: Session) -> str:
            patient = _patient_for(session, address, conversation)
            row = session.get(Conversation, conversation.id) if conversation else None
            task = session.get(OutreachTask, row.task_id) if row and row.task_id else None
            if row is not None:
                hand_off(session, row, task, reason=f"emergency_{emergency.value}", priority="urgent")
            else:
                session.add(Handoff(patient_id=patient.id if patient else None, address=address,
                                    reason=f"emergency_{emergency.value}", priority="urgent"))
            return patient.language if patient else "en"

        language = await self.ctx.db.run(hand_to_person)
        log.warning("inbound.emergency", extra={"kind": emergency.value, "message_id": message_id})
        text = self._render(f"emergency_{emergency.value}", language, channel_of(address))
        await self._reply(address, text, f"emergency:{message_id}", conversation, even_if_opted_out=True)

    async def _to_a_person(self, conversation: Conversation, message_id: str, reason: str) -> None:
        """A reply only a person can answer (see ``_for_a_person``): a person takes the conversation, and the
        patient (or whoever writes) hears so once."""
        def to_person(session: Session) -> str:
            row = session.get(Conversation, conversation.id)
            assert row is not None
            task = session.get(OutreachTask, row.task_id) if row.task_id else None
            hand_off(session, row, task, reason=reason)
            mark_message(session, message_id, "processed")
            return language_of(session, row)

        language = await self.ctx.db.run(to_person)
        await self._reply(conversation.address, self._render("handoff", language, conversation.channel),
                          f"reply:{message_id}:0", conversation)

    async def _ask_engine(self, conversation: Conversation, message_id: str, body: str) -> None:
        try:
            replies = await self.ctx.engine.tell(conversation.id, body,
                                                 {"channel": conversation.channel, "message_id": message_id})
        except EngineError as error:
            log.warning("engine.unavailable", extra={"conversation_id": conversation.id, "error": str(error)})
            await self._holding_reply(conversation, message_id, str(error))
            return
        # Only messages from addresses not opted out reach the engine, so this turn's replies all go out, even
        # when the turn itself ends contact (a wrong number is told "we will not text again").
        for index, text in enumerate(replies):
            await self._reply(conversation.address, text, f"reply:{message_id}:{index}", conversation,
                              even_if_opted_out=True)
        await self.ctx.db.run(lambda s: mark_message(s, message_id, "processed"))

    async def _check_identity(self, conversation: Conversation, message_id: str) -> None:
        """The reply to "what is your date of birth?": read here and never passed to the engine. A match opens
        the workflow through the engine; three misses hand the conversation to a person."""
        def check(session: Session) -> tuple[bool, str, str, str | None, dict[str, str]]:
            message = session.get(Message, message_id)
            row = session.get(Conversation, conversation.id)
            patient = session.get(Patient, conversation.patient_id)
            task = session.get(OutreachTask, conversation.task_id) if conversation.task_id else None
            assert message is not None and row is not None and patient is not None
            language, today = patient.language, utcnow().astimezone(patient_zones(patient)[0]).date()
            before = patient_identity_misses(session, patient.id)
            # a patient locked out elsewhere is not checked here at all: even the right date opens nothing
            matched = not locked_out(0, before) and patient.birth_date is not None and birth_date_matches(
                message.body, resolve_language(language), patient.birth_date, today)
            template, entities = "", {}
            if not matched:
                message.engine_state = "processed"
                row.identity_attempts += 1
                row.last_activity_at = utcnow()
                if task is not None:
                    record_event(session, "outreach.identity.not_matched", task.id,
                                 {"conversation_id": row.id, "attempt": row.identity_attempts,
                                  "patient_attempts": before + 1})
                if locked_out(row.identity_attempts, before + 1):
                    row.identity_state = "failed"
                    hand_off(session, row, task, reason="identity_not_verified", priority="normal")
                template = "identity_failed" if row.identity_state == "failed" else "identity_retry"
            elif task is not None:
                entities = opening_entities(patient, task, row.channel)
                row.identity_state = "verified"  # before the opening: its messages may now carry health details
            else:
                message.engine_state = "processed"
            return matched, language, template, task.workflow if task else None, entities

        matched, language, template, workflow, entities = await self.ctx.db.run(check)
        if not matched:
            await self._reply(conversation.address, self._render(template, language, conversation.channel),
                              f"reply:{message_id}:0", conversation)
            return
        if workflow is None or conversation.task_id is None:
            return
        task_id = conversation.task_id
        try:
            replies = await self.ctx.engine.open_conversation(conversation.id, f"EXTERNAL_{workflow}", entities)
        except EngineError as error:  # the date of birth is checked again when the message is replayed
            def not_yet(session: Session) -> None:
                row = session.get(Conversation, conversation.id)
                assert row is not None
                row.identity_state = "pending"

            await self.ctx.db.run(not_yet)
            await self._holding_reply(conversation, message_id, str(error))
            return

        def verified(session: Session) -> None:
            mark_message(session, message_id, "processed")
            record_event(session, "outreach.identity.verified", task_id, {"conversation_id": conversation.id})

        await self.ctx.db.run(verified)
        for index, text in enumerate(replies):
            await self._reply(conversation.address, text, f"reply:{message_id}:{index}", conversation)

    async def _acknowledge_for_person(self, conversation: Conversation) -> None:
        """A patient who writes while a person has the conversation (the bot silent) hears once that their
        message is with us, until that person writes to them; their messages show in the staff inbox."""
        def first_since_handoff(session: Session) -> tuple[str, str] | None:
            handoff = session.exec(
                select(Handoff).where(Handoff.conversation_id == conversation.id,
                                      col(Handoff.state).in_(["open", "claimed"]))
                .order_by(col(Handoff.created_at).desc())).first()
            if handoff is None or handoff.acknowledged:
                return None
            handoff.acknowledged = True
            session.add(handoff)
            answered = session.exec(select(Message.id).where(
                Message.conversation_id == conversation.id, col(Message.sent_by).is_not(None),
                col(Message.created_at) > handoff.created_at)).first()
            if answered is not None:  # a person is already talking with them
                return None
            patient = session.get(Patient, conversation.patient_id)
            return handoff.id, patient.language if patient else "en"

        if conversation.channel == "voice":
            return  # a caller is answered on the line by the call handler
        found = await self.ctx.db.run(first_since_handoff)
        if found is None:
            return
        handoff_id, language = found
        text = self._render("holding_reply", language, conversation.channel)
        await self._reply(conversation.address, text, f"ack:{handoff_id}", conversation)

    async def _holding_reply(self, conversation: Conversation, message_id: str, reason: str) -> None:
        """The engine could not answer: tell the patient we have their message, and keep it to pass on."""
        def keep(session: Session) -> tuple[str, bool]:
            patient = session.get(Patient, conversation.patient_id)
            mark_message(session, message_id, "failed")
            if conversation.task_id:
                record_event(session, "outreach.engine.unavailable", conversation.task_id,
                             {"message_id": message_id, "reason": reason})
            told_lately = session.exec(select(Message.id).where(
                col(Message.idempotency_key).startswith(f"holding:{conversation.id}:"),
                col(Message.created_at) > utcnow() - HOLDING_REPLY_QUIET)).first() is not None
            return (patient.language if patient else "en"), told_lately

        language, told_lately = await self.ctx.db.run(keep)
        if told_lately:  # one holding reply an outage, not one a message
            return
        text = self._render("holding_reply", language, conversation.channel)
        await self._reply(conversation.address, text, f"holding:{conversation.id}:{message_id}", conversation)

    async def _no_conversation(self, address: str, message_id: str) -> None:
        """A message with no conversation to belong to: a person reads it."""
        def hand_to_person(session: Session) -> tuple[str, bool]:
            patient = _patient_for(session, address, None)
            waiting = session.exec(select(Handoff.id).where(
                Handoff.address == address, Handoff.reason == "message_without_conversation",
                col(Handoff.state).in_(["open", "claimed"]))).first()
            if waiting is None:  # one handoff a sender: their later messages join the one a person already has
                session.add(Handoff(patient_id=patient.id if patient else None, address=address,
                                    reason="message_without_conversation"))
            told_lately = session.exec(select(Message.id).where(
                col(Message.idempotency_key).startswith(f"unclaimed:{address}:"),
                col(Message.created_at) > utcnow() - UNCLAIMED_REPLY_QUIET)).first() is not None
            return (patient.language if patient else "en"), told_lately

        language, told_lately = await self.ctx.db.run(hand_to_person)
        if told_lately and channel_of(address) != "voice":  # told once: an auto-reply never loops with us
            log.info("inbound.unclaimed_again")
            return
        text = self._render("no_open_conversation", language, channel_of(address))
        await self._reply(address, text, f"unclaimed:{address}:{message_id}", None)

    async def _answer_keyword(self, keyword: Keyword, address: str, message_id: str) -> None:
        def act(session: Session) -> tuple[str, bool, bool]:
            message = session.get(Message, message_id)
            assert message is not None
            body = message.body
            conversation = open_conversation(session, address)
            patient = _patient_for(session, address, conversation)
            patients = [patient] if patient else []
            language = patient.language if patient else "en"
            news = True
            by_sms = channel_of(address) == "sms"
            provider_confirms = by_sms and message.provider_keyword is not None  # it answered, in its words
            # chat and voice addresses name a task; an opt-out there stops contact at the patient's phone
            reach = address if by_sms or patient is None or not patient.phone else patient.phone
            if keyword is Keyword.OPT_OUT:
                if _CANCEL_WORD.search(body.lower()):
                    _ask_staff_about_visits(session, patients, message_id)
                provider_confirms = provider_confirms or (by_sms and self.ctx.sms.provider_blocks(body))
                news = record_opt_out(session, reach, keyword=message.body.strip()[:40],
                                      channel=channel_of(address))
                self.stop_everything(session, address, patients, message_id)
            elif keyword is Keyword.OPT_IN:
                opt_out = session.get(OptOut, address)
                if opt_out is not None:
                    provider_confirms = provider_confirms or (
                        by_sms and self.ctx.sms.provider_unblocks(body, opt_out.keyword))
                    session.delete(opt_out)
                resumed = resume_after_opt_in(session, address, [p.id for p in patients], message_id, utcnow())
                session.add(AuditEntry(actor="patient", action="opted_in", subject=address,
                                       detail={"message_id": message_id, "tasks_resumed": resumed}))
            return language, news, provider_confirms

        language, news, provider_confirms = await self.ctx.db.run(act)
        template = {Keyword.OPT_OUT: "opt_out_confirmation", Keyword.OPT_IN: "opt_in_confirmation",
                    Keyword.HELP: "help"}[keyword]
        if keyword is Keyword.OPT_OUT and not news:
            return  # confirmed once already; then silence
        if provider_confirms:
            return  # the provider blocks or unblocks the number and confirms it itself
        text = self._render(template, language, channel_of(address))
        await self._reply(address, text, f"keyword:{message_id}", None, even_if_opted_out=True)

    @staticmethod
    def stop_everything(session: Session, address: str, patients: list[Patient], message_id: str) -> None:
        """The address opted out: every active task of its patients ends opted out, its conversations close."""
        session.add(AuditEntry(actor="patient", action="opted_out", subject=address,
                               detail={"message_id": message_id, "channels": ["sms", "voice"]}))
        patient_ids = [p.id for p in patients]
        if not patient_ids:
            return
        tasks = session.exec(
            select(OutreachTask).where(col(OutreachTask.patient_id).in_(patient_ids),
                                       col(OutreachTask.state).in_(ACTIVE_STATES))
        ).all()
        for task in tasks:
            record_event(session, "outreach.patient.opted_out", task.id,
                         {"message_id": message_id, "channels": ["sms", "voice"]})
            move_task(session, task, "opted_out", {"reason": "patient_opted_out"})
        for conversation in session.exec(
            select(Conversation).where(Conversation.address == address, Conversation.state != "closed")
        ):
            conversation.state = "closed"
            session.add(conversation)

    def _render(self, message: str, language: str, channel: str) -> str:
        return render_standalone(self.ctx.settings, message, channel, language)

    async def _reply(self, address: str, text: str, key: str, conversation: Conversation | None,
                     even_if_opted_out: bool = False) -> None:
        try:
            await send_text(
                self.ctx, address=address, body=text, idempotency_key=key,
                conversation_id=conversation.id if conversation else None,
                task_id=conversation.task_id if conversation else None, even_if_opted_out=even_if_opted_out,
                channel=channel_of(address),
            )
        except SendError:
            pass  # recorded by send_text


def _for_a_person(for_engine: str | None, conversation: Conversation) -> str | None:
    """The handoff reason when a reply is one only a person can answer, whatever the engine would make of it: a
    relative or caregiver writing for the patient, or a question about insurance, cost or a closer clinic. After
    discharge the engine reads every reply first (a relative's report of a red flag goes to a nurse)."""
    if not for_engine or for_engine.startswith("/") or question(conversation.awaiting).about_recovery:
        return None
    if clearly_not_the_patient(for_engine):
        return None  # "你发错了吧，我不叫这个名字，也没有看过什么医生": a wrong number, whatever it asks
    if decline_reason(for_engine) is not None and (not asks_a_question(for_engine) or decides_against(for_engine)):
        return None  # "going to a clinic closer to home now" says why they decline; it asks nothing
    if asks_who_we_are(for_engine) and not wants_a_real_person(for_engine):
        return None  # "你们是谁？哪个医院的？": who we are answers it ("is this a bot? a human please": a person)
    if speaks_for_someone(for_engine):
        return None if _answers_for_the_patient(for_engine, conversation) else "caregiver_writing"
    if (wants_a_call(for_engine) or wants_a_real_person(for_engine)) \
            and not question(conversation.awaiting).wants_a_time_to_call \
            and not asks_to_be_written_later(for_engine):
        return "patient_asked_for_person"  # "gọi cho tui đi, nhắn tin tui ko rành": a person phones them
    if question(conversation.awaiting).takes_a_document and not asks_who_we_are(for_engine) \
            and not names_a_language(for_engine) and not sends_document_later(for_engine) \
            and not asks_to_be_written_later(for_engine) \
            and (asks_a_question(for_engine) or is_confused(for_engine)):
        return "question_for_person"  # "what paper?": only a person knows which form the insurer wants
    if asks_what_a_person_must_answer(for_engine) \
            and not (question(conversation.awaiting).takes_a_document and sends_document_later(for_engine)):
        return "question_for_person"  # (not "the insurance paper is at home, I'll send it tonight")
    return None


def _answers_for_the_patient(text: str, conversation: Conversation) -> bool:
    """A relative who answers the question for the patient, asking nothing else: the answer stands as the patient's
    would ("soy la esposa de Jorge, está internado, cancelen el turno"; "I'm her son, call me after 5"; "我是他儿子，
    我爸周二会去"; "阿媽禮拜二去唔到，幫佢改第二日"). A time chosen from an offer is booked the same way
    (``InboundRouter._engine_first``). After discharge every reply goes to the engine (``actions``)."""
    asked = question(conversation.awaiting)
    if asks_what_a_person_must_answer(text):
        return False
    if asked.about_a_booked_visit:
        return cancels_the_visit(text) or leading_number(text) is not None or says_yes(text) \
            or cannot_come(text) or wants_another_time(text)
    if asked.takes_a_document:  # "I'm her aide, I will take the picture of the paper tuesday"
        return sends_document_later(text) or asks_to_be_written_later(text)
    return asked.wants_a_time_to_call and asks_for_a_person(text)  # "pueden llamarme a mí después de las 5"


NOTHING_TO_READ = ""  # a text with no words (empty, a carrier's stripped MMS) or a photo alone where none was asked


def _for_engine(session: Session, message: Message, conversation: Conversation, read: str) -> str | None:
    """What the engine is told of ``message`` (``read``: its words as read, ``records.as_read``); None when it
    must wait (an earlier message of the conversation is still unanswered: this one is kept behind it, in order)."""
    earlier_failed = session.exec(
        select(Message.id).where(Message.conversation_id == conversation.id, Message.engine_state == "failed",
                                 col(Message.created_at) < message.created_at)
    ).first()
    if earlier_failed is not None:
        message.engine_state = "failed"
        return None
    conversation.last_activity_at = utcnow()
    # a photo (MMS) is the document asked for only where one was asked for: the engine gets that as an intent,
    # whatever the caption says; elsewhere the caption is the reply, and a photo alone is not understood
    task = session.get(OutreachTask, conversation.task_id) if conversation.task_id else None
    if message.media_urls and task is not None and task.workflow in WORKFLOWS \
            and WORKFLOWS[task.workflow].asks.takes_a_document:
        return "/document_received"
    if message.body.strip():
        return read
    message.engine_state = "processed"  # answered here: the messages after it are not kept waiting behind it
    return NOTHING_TO_READ


def _route(session: Session, message: Message, address: str, keyword: Keyword | None,
           conversation: Conversation | None, first_time: bool) -> bool:
    """Record the reply; False when nothing more is to be done (the address opted out and this is no keyword).
    A message for a keyword, for no conversation or for a person is done with once answered."""
    if keyword is None and is_opted_out(session, address):
        message.engine_state = "processed"  # kept, never answered: they asked us to stop
        return False
    if keyword is None and first_time and conversation and conversation.task_id:
        record_event(session, "outreach.patient.replied", conversation.task_id,
                     {"message_id": message.id, "conversation_id": conversation.id})
    if keyword is not None or conversation is None or conversation.state != "bot":
        message.engine_state = "processed"
    return True


_CANCEL_WORD = re.compile(r"\b(cancel|cancelar|cancela|canceled|cancelled)\b")


def _ask_staff_about_visits(session: Session, patients: list[Patient], message_id: str) -> None:
    """CANCEL is an opt-out word, and it is honoured as one; but a patient with a visit coming up may have
    meant the visit. A person is asked to check, so the clinic does not wait for someone who will not come."""
    patient_ids = [p.id for p in patients]
    if not patient_ids:
        return
    tasks = session.exec(
        select(OutreachTask).where(col(OutreachTask.patient_id).in_(patient_ids),
                                   col(OutreachTask.state).in_([*ACTIVE_STATES, "booked"]))
    ).all()
    for task in tasks:
        if task.state != "booked" and task.workflow != "appointment_reminder":
            continue
        handoff = Handoff(task_id=task.id, patient_id=task.patient_id, reason="cancel_word_check_visit")
        session.add(handoff)
        session.flush()
        record_event(session, "outreach.handoff.requested", task.id,
                     {"handoff_id": handoff.id, "reason": "cancel_word_check_visit", "priority": "normal",
                      "message_id": message_id})


def _patient_for(session: Session, address: str, conversation: Conversation | None) -> Patient | None:
    if conversation is not None:
        return session.get(Patient, conversation.patient_id)
    task_id = task_of(address)
    if task_id is not None:
        task = session.get(OutreachTask, task_id)
        return session.get(Patient, task.patient_id) if task else None
    return session.exec(select(Patient).where(Patient.phone == address)).first()

