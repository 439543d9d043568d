"""Custom actions the engine calls back (through rasa_sdk's executor, served by the app).

The engine decides what kind of reply the patient sent (the intent); these actions decide what it means for
the question the bot last asked (``Conversation.awaiting``) and act on the records: offer, book, confirm,
cancel, hand off, record a decline. Every change writes its workflow event in the same transaction.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from bot.conversation.evidence import (
    LANGUAGE_NAMES,
    asks_a_question,
    asks_about_medicine,
    asks_for_a_person,
    asks_for_later,
    asks_to_be_written_later,
    asks_who_we_are,
    cancels_the_visit,
    cannot_come,
    clearly_not_the_patient,
    decline_reason,
    feels_fine,
    is_bare_no,
    names_a_language,
    ordinary_recovery,
    says_wrong_number,
    says_yes,
    sends_document_later,
    sounds_worse,
    wants_a_visit,
    wants_another_time,
)
from bot.conversation.handoffs import hand_off
from bot.conversation.keywords import normalise
from bot.core.chinese import as_simplified
from bot.core.context import Outreach
from bot.core.models import Appointment, Conversation, Message, OutreachTask, Patient, Slot, utcnow
from bot.events.outbox import record_event
from bot.messages.render import resolve_language
from bot.outreach.policy import patient_zones, record_opt_out
from bot.outreach.states import ACTIVE_STATES, move_task
from bot.outreach.workflows import QUESTIONS, WORKFLOWS, Question, question
from bot.scheduling.choice import (
    Choice,
    OfferedOption,
    asks_earlier_or_later,
    fold,
    rejects_options,
    resolve_choice,
    stated_choice,
    turns_all_down,
)
from bot.scheduling.preferences import TimePreference, read_preference
from bot.scheduling.slots import book_slot, find_open_slots, release_appointment, shown_zone
from bot.scheduling.zh_vi import written_language

log = logging.getLogger(__name__)

OPTIONS_PER_OFFER = 3
# a caller holds at most three choices in mind: two times and "other times"
OPTIONS_PER_OFFER_SPOKEN = 2
EARLIEST_NOTICE = timedelta(hours=2)  # never offer a slot the patient could not reach in time
FOLLOW_UP_HOUR = 10  # "text me later" → the next day at this local hour
CONTACT_HOURS = (8, 21)  # a time the patient names is kept inside these local hours


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


class OutreachAction(Action):
    """Base: each action gets the running service and finds its conversation by the engine's sender id."""

    action_name = ""

    def __init__(self, ctx: Outreach) -> None:
        self.ctx = ctx

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[Any]:
        def act_on_records(session: Session) -> Turn | None:
            conversation = session.get(Conversation, tracker.sender_id)
            if conversation is None:
                return None
            task = session.get(OutreachTask, conversation.task_id) if conversation.task_id else None
            patient = session.get(Patient, conversation.patient_id)
            assert patient is not None
            turn = Turn(session, CollectingDispatcher(), tracker, conversation, task, patient)
            if turn.question.about_recovery and (back_in_hospital(turn.text) or sounds_worse(turn.text)):
                answer_checkin(turn)  # "mi mamá está otra vez en el hospital", "sốt nhẹ": a nurse, whatever the intent
            elif clearly_not_the_patient(turn.text):
                not_the_patient(turn)  # "this isn't her phone anymore": whatever the engine read
            elif turn.question.about_a_booked_visit and cannot_come(turn.text) and \
                    turn.intent != "cancel_appointment" and leading_number(turn.text) is None:
                offer_slots(turn, "reschedule_offer", patient_preference(turn))  # "no voy a poder ir ese día"
            elif not beyond_a_choice(turn) and not booked(turn) and names_an_offered_time(turn):
                book_choice(turn)  # "option 1 please, do I need to bring anything?": the choice, whatever the intent
            elif turn.question.takes_a_document and sends_document_later(turn.text):
                turn.say("document_request_again")  # "I'll send it tonight": the request stays open for the photo
            elif turn.intent != "switch_language" and names_a_language(turn.text) and not names_an_offered_time(turn) \
                    and requested_language(turn.text, turn.patient.language) != turn.patient.language:
                ActionSwitchLanguage.act(self, turn)  # "Do y'all have Chinese?": asked for, whatever the intent
            elif asks_who_we_are(turn.text) and turn.intent in ("request_human", "out_of_scope", "wrong_number"):
                ActionIdentify.act(self, turn)  # "你係邊個？點解有我電話？": who we are, whatever the engine read
            elif turn.question.offers_times and not booked(turn) and turn.intent != "request_human" \
                    and asks_to_be_written_later(turn.text) and not turns_all_down(turn.text, turn.patient.language):
                contact_later(turn)  # "reach out tomorrow afternoon": when to write again, not a visit time
            elif wants_a_time_not_yet_named(turn):
                turn.say("clarify_choice", slot_ids=turn.conversation.offered_slot_ids)  # "yes, i want to reschedule"
            else:
                self.act(turn)
            return turn

        # a unit of work that is run again (it lost a race with another process) starts with fresh answers
        turn = await self.ctx.db.run(act_on_records)
        if turn is None:
            log.warning("action.unknown_conversation", extra={"action": self.action_name})
            dispatcher.utter_message(response="utter_handoff")
            return []
        dispatcher.messages.extend(turn.dispatcher.messages)
        if self.action_name != "action_clarify" and tracker.get_slot("clarifications"):
            turn.events.append(SlotSet("clarifications", 0))  # understood this time: start counting afresh
        return turn.events

    def act(self, turn: Turn) -> None:
        raise NotImplementedError


# what the engine reads that a named time does not answer: the patient asked for something more than a time
_INTENTS_BEYOND_A_CHOICE = frozenset({"request_human", "contact_later", "switch_language", "cancel_appointment",
                                      "feeling_unwell", "medication_question"})


def beyond_a_choice(turn: Turn) -> bool:
    """The engine read more than a choice in the reply, and (for symptoms and medicines) the words bear it out:
    "1 but my wife has to come with me, she drives me" names a time and asks no nurse anything."""
    if turn.intent == "feeling_unwell":
        return sounds_worse(turn.text)
    if turn.intent == "medication_question":  # "the thursday. ill bring my meds list": no question for a nurse
        return asks_about_medicine(turn.text) and asks_a_question(turn.text)
    if turn.intent == "contact_later":  # "one. my daughter will drive me": nothing about later
        return asks_for_later(turn.text)
    if turn.intent == "switch_language":  # "số 3, có người thông dịch tiếng Việt ko": asks for no other language
        return requested_language(turn.text, turn.patient.language) != turn.patient.language
    return turn.intent in _INTENTS_BEYOND_A_CHOICE


def booked(turn: Turn) -> bool:
    return turn.task is not None and turn.task.state == "booked"


def wants_a_time_not_yet_named(turn: Turn) -> bool:
    """A yes to an offer of several times, or a request for a visit, naming no time, no reason and no person:
    the patient is asked which time ("yes please, i want to reschedule", "sí quiero reagendar")."""
    return (turn.question.offers_times and not booked(turn) and turn.intent not in _INTENTS_BEYOND_A_CHOICE - {
        "request_human"} and len(turn.conversation.offered_slot_ids) > 1 and wants_a_visit(turn.text)
        and decline_reason(turn.text) is None and not rejects_options(turn.text, turn.patient.language)
        and not asks_a_question(turn.text)
        and not names_an_offered_time(turn) and patient_preference(turn).is_empty())


# -- scheduling --------------------------------------------------------------------------------------------
def offer_slots(turn: Turn, message: str, preference: TimePreference | None = None,
                exclude: frozenset[str] | None = None) -> None:
    """Offer the next open times (skipping ones already offered in this conversation, and keeping to the times
    the patient asked for, if any), or hand off if none. When no time fits what the patient asked, say so and
    offer the nearest ones."""
    context = turn.context
    workflow = WORKFLOWS.get(turn.task.workflow) if turn.task else None
    fresh = message not in ("more_slots", "slot_taken")
    already = frozenset() if fresh else frozenset(turn.conversation.offered_slot_ids)
    if preference is not None and not preference.is_empty():
        # times that fit what they now ask for, new ones first ("any next week?" when the offer was next week);
        # a time offered before that fits is offered again only when no other does
        already = frozenset(seen_offer(turn))
    if exclude is not None:
        already = exclude
    zone = patient_zones(turn.patient)[0]
    per_offer = OPTIONS_PER_OFFER_SPOKEN if turn.conversation.channel == "voice" else OPTIONS_PER_OFFER
    search = partial(
        find_open_slots, turn.session,
        visit_type=str(context.get("visit_type") or (workflow.default_visit_type if workflow else "follow_up")),
        provider_id=context.get("provider_id"), after=utcnow() + EARLIEST_NOTICE, limit=per_offer,
        exclude_ids=already,
    )
    def local(slot: Slot) -> datetime:
        return slot.starts_at.astimezone(shown_zone(slot, zone)[0])

    slots = []
    if preference is not None and not preference.is_empty():
        turn.record("outreach.patient.preferred_times", preference.as_event())
        on_offer = [local(s) for s in (turn.session.get(Slot, i) for i in seen_offer(turn)) if s is not None]
        def fits(slot: Slot) -> bool:
            return preference.allows(local(slot)) and beyond(preference.direction, local(slot), on_offer)

        slots = search(accept=fits) or (search(accept=fits, exclude_ids=exclude or frozenset()) if already else [])
        if not slots:  # none like that: say so, and offer the nearest in that direction, never the same list
            message = "no_matching_slots"
            nearest = find_open_slots(turn.session, visit_type=search.keywords["visit_type"],
                                      provider_id=search.keywords["provider_id"], after=search.keywords["after"],
                                      limit=per_offer * 20, exclude_ids=frozenset(seen_offer(turn)))
            slots = sorted(nearest, key=lambda slot: (preference.closeness(local(slot)), slot.starts_at)
                           )[:per_offer]
            slots.sort(key=lambda slot: slot.starts_at)
            if not slots:
                turn.hand_off("no_open_slots", "no_slots")  # nothing else at all: a person finds a way
                return
    if not slots:
        slots = search()
    if not slots:
        turn.hand_off("no_open_slots", "no_slots")
        return
    turn.conversation.offered_slot_ids = [slot.id for slot in slots]
    turn.ask("slot_choice")
    turn.record("outreach.slot.offered", {
        "slots": [{"slot_id": s.id, "starts_at": s.starts_at.isoformat(), "provider_id": s.provider_id}
                  for s in slots],
    })
    turn.say(message, slot_ids=turn.conversation.offered_slot_ids)


def beyond(direction: str | None, local_start: datetime, on_offer: list[datetime]) -> bool:
    """Whether a time is earlier (or later) in the day than every time on offer, as asked; any time when no
    direction was asked for (or nothing was on offer)."""
    if direction is None or not on_offer:
        return True
    minutes = local_start.hour * 60 + local_start.minute
    offered = [t.hour * 60 + t.minute for t in on_offer]
    return minutes < min(offered) if direction == "earlier" else minutes > max(offered)


def patient_today(turn: Turn) -> date:
    return utcnow().astimezone(patient_zones(turn.patient)[0]).date()


def patient_preference(turn: Turn) -> TimePreference:
    """The times the patient's reply asks for, read in their own zone."""
    return read_preference(turn.text, patient_today(turn), turn.patient.language)


def offered_options(turn: Turn) -> list[OfferedOption]:
    """The times on offer when the patient wrote (a reply answered late, after an outage or behind another
    message, means what the patient saw), numbered as the patient saw them, in the patient's zone."""
    zone = patient_zones(turn.patient)[0]
    offered = [turn.session.get(Slot, slot_id) for slot_id in seen_offer(turn)]
    # each time as the patient read it: in the clinic's zone when we know it
    return [OfferedOption(i + 1, s.id, s.starts_at.astimezone(shown_zone(s, zone)[0]))
            for i, s in enumerate(offered) if s]


def seen_offer(turn: Turn) -> list[str]:
    """The slot ids on offer when the patient wrote the message being answered; else the current offer."""
    message_id = (turn.tracker.latest_message.get("metadata") or {}).get("message_id")
    message = turn.session.get(Message, message_id) if message_id else None
    if message is not None and message.offered_slot_ids:
        return list(message.offered_slot_ids)
    return list(turn.conversation.offered_slot_ids)


def change_booking(turn: Turn) -> None:
    """Booked already, and the patient names another offered time: move the booking; anything else confirms."""
    assert turn.task is not None
    previous_slot = turn.context.get("booked_slot_id")
    # "not the 2nd one": nothing new chosen, the booking stands
    choice = stated_choice(turn.text, offered_options(turn), patient_today(turn), turn.patient.language)
    if choice.chosen is None or choice.chosen.slot_id == previous_slot:
        turn.say("booking_confirmed", slot_id=previous_slot)
        return
    appointment = book_slot(turn.session, slot_id=choice.chosen.slot_id, patient_id=turn.patient.id,
                            task_id=turn.task.id)
    if appointment is None:
        turn.record("outreach.slot.taken", {"slot_id": choice.chosen.slot_id})
        turn.say("booking_confirmed", slot_id=previous_slot)  # the old booking stands
        return
    old = turn.session.get(Appointment, turn.context.get("appointment_id"))
    if old is not None:
        release_appointment(turn.session, old)
        turn.record("outreach.appointment.cancelled", {"appointment_id": old.id, "reason": "patient_changed_mind"})
    turn.record("outreach.appointment.booked", {"appointment_id": appointment.id, "slot_id": choice.chosen.slot_id,
                                                "starts_at": choice.chosen.local_start.isoformat(),
                                                "replaces": old.id if old else None})
    turn.task.context = {**turn.task.context, "booked_slot_id": choice.chosen.slot_id,
                         "appointment_id": appointment.id}
    turn.say("booking_confirmed", slot_id=choice.chosen.slot_id)


def book_choice(turn: Turn) -> None:
    if turn.task is not None and turn.task.state == "booked":
        change_booking(turn)
        return
    options = offered_options(turn)
    choice = stated_choice(turn.text, options, patient_today(turn), turn.patient.language)
    # "2 doesnt work", "not the tuesday one", "el martes no puedo", "周二不行": never a booking of what it turns down
    if not choice.candidates and rejects_options(turn.text, turn.patient.language):
        named = resolve_choice(turn.text, options, patient_today(turn), turn.patient.language).candidates
        rejected = {o.slot_id for o in named} if named != options else set()
        turn.record("outreach.patient.rejected_times", {"slot_ids": sorted(rejected)})
        offer_slots(turn, "more_slots", patient_preference(turn), exclude=frozenset(seen_offer(turn)))
        return
    if choice.chosen is None and len(options) == 1 and turn.intent in ("affirm", "confirm_appointment"):
        choice = Choice(chosen=options[0], candidates=options)  # "yes" to the one time offered
    if choice.chosen is None and not choice.candidates:
        preference = patient_preference(turn)
        if not preference.is_empty():  # "can i do friday instead?": no offered time fits, find ones that do
            offer_slots(turn, "more_slots", preference)
            return
    if choice.chosen is None:
        ids = [o.slot_id for o in (choice.candidates if choice.ambiguous else options)]
        turn.say("clarify_choice", slot_ids=ids)
        return
    not_before = utcnow() + EARLIEST_NOTICE
    appointment = book_slot(turn.session, slot_id=choice.chosen.slot_id, patient_id=turn.patient.id,
                            task_id=turn.task.id if turn.task else None, not_before=not_before)
    if appointment is None:
        if choice.chosen.local_start < not_before:  # answered too late: that time has gone, offer new ones
            turn.record("outreach.slot.passed", {"slot_id": choice.chosen.slot_id})
            offer_slots(turn, "slot_passed")
            return
        turn.record("outreach.slot.taken", {"slot_id": choice.chosen.slot_id})
        offer_slots(turn, "slot_taken")
        return
    slot = turn.session.get(Slot, choice.chosen.slot_id)
    assert slot is not None
    turn.record("outreach.appointment.booked", {
        "appointment_id": appointment.id, "slot_id": slot.id, "starts_at": slot.starts_at.isoformat(),
        "provider_id": slot.provider_id,
    })
    if turn.task is not None:
        turn.task.context = {**turn.task.context, "booked_slot_id": slot.id, "appointment_id": appointment.id}
        replaced = turn.task.context.get("appointment")
        if turn.task.workflow == "appointment_reminder" and replaced:
            turn.record("outreach.appointment.cancelled", {"appointment": replaced, "reason": "rescheduled"})
    turn.ask("slot_choice")  # still: a patient who changes their mind picks another offered time
    turn.finish("booked", {"appointment_id": appointment.id})
    turn.say("booking_confirmed", slot_id=slot.id)


# -- answers read against the question asked ------------------------------------------------------------
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")  # "2️⃣"
_MENU_WORDS = re.compile(r"\b(please|pls|plz|por favor|porfa|thanks|thank you|thx|gracias|ok|okay|oke|okie|okey"
                         r"|option|opcion|"
                         r"number|numero|reply|responde?|el|la|the|cam on|so|xin|nha|nhe|a)\b|谢谢|好的|请")


def menu_number(text: str) -> int | None:
    """A reply that is just a menu number ("2", "2 pls", "#2", "option 2", "2️⃣"), never a number inside a
    sentence ("i work til 3", "can i bring my 2 kids", "3pm works")."""
    plain = _MENU_WORDS.sub(" ", fold(_KEYCAP.sub(r"\1", text)))
    words = re.sub(r"[^\w]+", " ", plain).split()
    return int(words[0]) if len(words) == 1 and len(words[0]) == 1 and words[0].isdigit() else None


def leading_number(text: str) -> int | None:
    """The reminder's menu number a reply starts with, when the words after it do not turn it down ("1 see u tues",
    "1 xác nhận"; not "1 no puedo"). After 2 (another time) or 3 (cancel) a turn-down agrees with the number ("2
    porfa, ese día no puedo")."""
    if (number := menu_number(text)) is not None:
        return number
    words = re.sub(r"[^\w]+", " ", fold(_KEYCAP.sub(r"\1", text))).split()
    if len(words) < 2 or len(words[0]) != 1 or not words[0].isdigit():
        return None
    number = int(words[0])
    return None if number == 1 and (rejects_options(text) or cannot_come(text)) else number


def answer_reminder(turn: Turn) -> None:
    number = leading_number(turn.text)
    if number is None and cancels_the_visit(turn.text) and not wants_another_time(turn.text):
        cancel_appointment(turn)  # "tuần này tôi đi Cali, bỏ cái hẹn đó đi nhé": called off, not moved
    elif number is None and cannot_come(turn.text) and turn.intent != "cancel_appointment":
        offer_slots(turn, "reschedule_offer", patient_preference(turn))  # "no voy a poder ir ese día"
    elif number == 1 or (number is None and turn.intent in ("affirm", "confirm_appointment")):
        confirm_visit(turn)  # the number the menu asked for wins over the words after it ("3, I'll call to rebook")
    elif number == 2 or (number is None and turn.intent == "request_other_times"):
        offer_slots(turn, "reschedule_offer")
    elif number == 3 or (number is None and turn.intent == "cancel_appointment"):
        cancel_appointment(turn)
    elif not (preference := patient_preference(turn)).is_empty():
        if says_yes(turn.text) and preference.direction is None and (visit := reminded_start(turn)) is not None \
                and preference.allows(visit):
            confirm_visit(turn)  # "ok, Tuesday I'll be there": the visit's own day, said with a yes
        else:
            offer_slots(turn, "reschedule_offer", preference)  # "3pm works better for me", "el jueves mejor"
    elif wants_another_time(turn.text):
        offer_slots(turn, "reschedule_offer")  # "tôi muốn đổi giờ", "can we move it"
    elif says_yes(turn.text):
        confirm_visit(turn)  # "si ahi estare gracias": a yes, whatever the engine read
    else:
        turn.say("reminder_clarify")


def reminded_start(turn: Turn) -> datetime | None:
    """When the reminded visit starts, in the patient's zone."""
    starts_at = (turn.context.get("appointment") or {}).get("starts_at")
    try:
        moment = datetime.fromisoformat(str(starts_at))
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(patient_zones(turn.patient)[0])


def confirm_visit(turn: Turn) -> None:
    turn.record("outreach.appointment.confirmed", {"appointment": turn.context.get("appointment")})
    turn.ask("none")
    turn.finish("completed", {"result": "appointment_confirmed"})
    turn.say("appointment_confirmed", **reminder_arguments(turn))


def reminder_arguments(turn: Turn) -> dict[str, Any]:
    appointment = turn.context.get("appointment") or {}
    return {"starts_at": appointment.get("starts_at"), "location": appointment.get("location", "")}


def cancel_appointment(turn: Turn) -> None:
    appointment_id = turn.context.get("appointment_id")
    own = turn.session.get(Appointment, appointment_id) if appointment_id else None
    if own is not None:
        release_appointment(turn.session, own)
    turn.record("outreach.appointment.cancelled", {"appointment": turn.context.get("appointment"),
                                                   "appointment_id": appointment_id, "reason": "patient_cancelled"})
    turn.ask("none")
    if turn.task is not None and turn.task.state == "booked":
        move_task(turn.session, turn.task, "cancelled", {"reason": "patient_cancelled_booking"})
    turn.finish("completed", {"result": "appointment_cancelled"})
    turn.say("appointment_cancelled")


def answer_checkin(turn: Turn) -> None:
    number = menu_number(turn.text)
    if back_in_hospital(turn.text):
        turn.record("outreach.checkin.answered", {"answer": "back_in_hospital"})
        turn.hand_off("back_in_hospital", "handoff_nurse", priority="high")
    elif number is None and sounds_worse(turn.text):  # "更疼了", "bị sốt": a red flag, whatever the engine read
        turn.record("outreach.checkin.answered", {"answer": "feeling_worse"})
        turn.hand_off("feeling_worse_after_discharge", "handoff_nurse", priority="high")
    elif turn.intent == "feeling_good" or number == 1 or (turn.intent == "affirm" and number is None) or \
            (number is None and feels_fine(turn.text)):
        turn.record("outreach.checkin.answered", {"answer": "feeling_ok"})
        offer_slots(turn, "followup_offer")
    elif number is None and ordinary_recovery(turn.text):  # "a little sore but ok": healing, not a red flag
        turn.record("outreach.checkin.answered", {"answer": "feeling_ok", "note": "ordinary_recovery"})
        offer_slots(turn, "followup_offer")
    elif turn.intent == "feeling_unwell" or number == 2:
        turn.record("outreach.checkin.answered", {"answer": "feeling_worse"})
        turn.hand_off("feeling_worse_after_discharge", "handoff_nurse", priority="high")  # a red flag
    elif turn.intent == "medication_question" or number == 3 or (number is None and asks_about_medicine(turn.text)):
        turn.record("outreach.checkin.answered", {"answer": "medicine_question"})
        turn.hand_off("medicine_question", "handoff_nurse")
    else:
        turn.say("checkin_clarify")


def reads_as_checkin_answer(text: str) -> bool:
    """Words that answer "how are you since you went home?" whatever the engine made of them."""
    return back_in_hospital(text) or sounds_worse(text) or ordinary_recovery(text) or asks_about_medicine(text) \
        or feels_fine(text)


# being in (or going back to) a hospital, never just naming one ("cám ơn bệnh viện nhiều", "home from the hospital")
_HOSPITAL = re.compile(r"住院(?!的时候|那时|时)|急诊|(在|住进|住在)病房"
                       r"|(在|进|去|回|送|入)了?医院(里)?(?!的时候|那时|时)"
                       r"|\b(nhap vien|nam vien|cap cuu|(vo|vao|o|tai|dang o|di|nam|phai vao|phai vo) (lai )?"
                       r"(benh vien|bv|nha thuong))\b"
                       r"|\b((in|at|to|into) (the )?(hospital|er|e r|emergency room)|admitted|readmitted"
                       r"|hospitali[sz]ed|(en|al) (el )?hospital|urgencias|emergencias|internad[oa]|internar\w*"
                       r"|hospitaliz\w*|ingresaron|reingres\w*)\b")


def back_in_hospital(text: str) -> bool:
    """"my mom is in the hospital again", "está internada": a readmission a nurse must hear about."""
    return bool(_HOSPITAL.search(normalise(text)))


def answer_callback_time(turn: Turn) -> None:
    """Any answer to "when can we call?" is a callback window: a clinician takes it from here."""
    turn.record("outreach.callback.requested", {"window_text_length": len(turn.text)})
    hand_off(turn.session, turn.conversation, turn.task, reason="clinician_callback", priority="normal")
    turn.ask("none")
    turn.say("callback_confirmed")


class ActionOpenOutreach(OutreachAction):
    """The first message of every workflow."""

    action_name = "action_open_outreach"

    def act(self, turn: Turn) -> None:
        workflow = WORKFLOWS[turn.task.workflow] if turn.task else WORKFLOWS["missed_appointment"]
        if workflow.offers_slots:
            offer_slots(turn, workflow.opening)
            return
        turn.ask(workflow.awaiting)
        arguments = reminder_arguments(turn) if workflow.asks.about_a_booked_visit else {}
        turn.say(workflow.opening, **arguments)


class ActionAnswer(OutreachAction):
    """A choice, a yes, a number, a how-I-feel or a time: read against what was asked."""

    action_name = "action_answer"

    def act(self, turn: Turn) -> None:
        answer_what_was_asked(turn)


def offered_among(turn: Turn) -> list[str]:
    """The offered times a reply narrows to without turning any down or asking for others ("afternoons suit me
    better" when two offered times are in the afternoon; what is turned down is left out): what to ask between,
    rather than offering new ones."""
    language = turn.patient.language
    if booked(turn) or asks_earlier_or_later(turn.text, language) or turns_all_down(turn.text, language):
        return []
    choice = stated_choice(turn.text, offered_options(turn), patient_today(turn), language)
    if not choice.ambiguous or len(choice.candidates) == len(turn.conversation.offered_slot_ids):
        return []  # naming every offered time (or none) narrows nothing
    return [option.slot_id for option in choice.candidates]


def names_an_offered_time(turn: Turn) -> bool:
    """A reply that names an offered time ("2", "第二个", "the tuesday one") is that time, whatever the intent."""
    if not turn.question.offers_times:
        return False
    options = offered_options(turn)
    if (number := menu_number(turn.text)) is not None:
        return 1 <= number <= len(options)  # 0 asks for other times, 9 for a person
    return stated_choice(turn.text, options, patient_today(turn), turn.patient.language).chosen is not None


class ActionAcknowledge(OutreachAction):
    """"thanks", "bye": answered in kind; but a reply that also answers the question asked ("3 cảm ơn", "礼拜四",
    "thursday, thanks!") is that answer first: a patient who picked a time is never just told "you're welcome"."""

    action_name = "action_acknowledge"

    def act(self, turn: Turn) -> None:
        if reason_or_no(turn):  # "ahora voy a otra clínica, gracias": the reason, not the thanks
            return
        asked, number = turn.question, menu_number(turn.text)
        if names_an_offered_time(turn) or (number is not None and number in asked.menu) or \
                (asked.about_recovery and reads_as_checkin_answer(turn.text)) or \
                (asked.about_a_booked_visit and (says_yes(turn.text) or wants_another_time(turn.text))):
            answer_what_was_asked(turn)  # "3 cảm ơn", "doing ok thanks": the answer first
        else:
            turn.say("goodbye" if turn.intent == "goodbye" else "you_are_welcome")


def answer_what_was_asked(turn: Turn) -> None:
    """A choice, a yes, a number, a how-I-feel or a time: read against the question the bot last asked."""
    if reason_or_no(turn):
        return
    asked = turn.question
    if asked.offers_times and menu_number(turn.text) in (0, 9):
        answered_by_menu(turn)  # "0": other times; "9": a person
    elif asked.offers_times:
        booked = turn.task is not None and turn.task.state == "booked"
        named = names_an_offered_time(turn)
        if booked and turn.intent in ("affirm", "confirm_appointment", "thanks") and not named:
            turn.say("booking_confirmed", slot_id=turn.context.get("booked_slot_id"))
        elif turn.intent in ("affirm", "confirm_appointment") and len(turn.conversation.offered_slot_ids) > 1 \
                and not named and not rejects_options(turn.text, turn.patient.language):
            turn.say("clarify_choice", slot_ids=turn.conversation.offered_slot_ids)
        else:
            book_choice(turn)
    elif asked.about_a_booked_visit:
        answer_reminder(turn)
    elif asked.about_recovery:
        answer_checkin(turn)
    elif asked.wants_a_time_to_call:
        answer_callback_time(turn)
    elif asked.takes_a_document:
        turn.say("document_request_again")
    else:
        turn.say("you_are_welcome" if turn.intent in ("affirm", "thanks") else "didnt_understand_general")


class ActionOfferSlots(OutreachAction):
    action_name = "action_offer_slots"

    def act(self, turn: Turn) -> None:
        asked = turn.question
        if asked.wants_a_time_to_call:
            answer_callback_time(turn)  # "tomorrow afternoon" is a time to call, not a request for slots
        elif asked.offers_times and len(among := offered_among(turn)) > 1:
            turn.say("clarify_choice", slot_ids=among)  # "la tarde me conviene más": which of the afternoon ones
        elif asked.offers_times:
            offer_slots(turn, "more_slots", patient_preference(turn))
        elif asked.about_a_booked_visit:
            offer_slots(turn, "reschedule_offer", patient_preference(turn))
        elif asked.about_recovery:
            answer_checkin(turn)  # a reply to "how are you?" is an answer to it first
        elif turn.task is not None and turn.task.workflow == "appointment_reminder":
            offer_slots(turn, "reschedule_offer", patient_preference(turn))
        else:
            offer_slots(turn, "followup_offer", patient_preference(turn))


class ActionCancelAppointment(OutreachAction):
    action_name = "action_cancel_appointment"

    def act(self, turn: Turn) -> None:
        if turn.question.about_a_booked_visit or turn.context.get("appointment_id"):
            cancel_appointment(turn)
        elif not reason_or_no(turn):  # "switched to a place near my job, take me off the schedule": declined
            turn.hand_off("asked_to_cancel")


class ActionHandOff(OutreachAction):
    action_name = "action_hand_off"

    def act(self, turn: Turn) -> None:
        if turn.intent != "request_human" and reason_or_no(turn):  # "no tengo dinero ahorita": a reason, no more
            return
        if names_an_offered_time(turn) and not asks_for_a_person(turn.text):
            book_choice(turn)  # "me quedo con la número uno": a time chosen, whatever the engine made of it
            return
        if turn.question.wants_a_time_to_call and turn.intent == "request_human":
            answer_callback_time(turn)  # "gọi liền cho tôi đi" to "when can we call you?": the clinician calls
            return
        if turn.question.about_recovery and turn.intent in ("feeling_unwell", "medication_question"):
            answer_checkin(turn)  # the check-in's own rules: red flags first
            return
        if turn.intent == "feeling_unwell":
            turn.hand_off("feeling_worse", "handoff_nurse", priority="high")  # symptoms are a red flag anywhere
            return
        reasons = {"request_human": "patient_asked_for_person", "document_unavailable": "document_unavailable",
                   "medication_question": "medicine_question"}
        reason = reasons.get(turn.intent, turn.intent or "patient_asked_for_person")
        if reason == "medicine_question" and not asks_about_medicine(turn.text):
            reason = "question_for_person"  # "where do I park?": a person answers it, not a nurse
        message = "handoff_nurse" if reason == "medicine_question" else "handoff"
        turn.hand_off(reason, message)


class ActionRecordDecline(OutreachAction):
    action_name = "action_record_decline"

    def act(self, turn: Turn) -> None:
        if turn.question.declining_needs_a_clinician:  # a result still needs a clinician, even if declined
            turn.record("outreach.patient.declined", {"reason": "callback_declined"})
            turn.hand_off("callback_declined", "handoff")
            return
        decline(turn, decline_reason(turn.text))


def decline(turn: Turn, category: str | None) -> None:
    """The patient turns the visit down: the task ends declined, with the reason's category when they gave one
    ("feels_better", "care_elsewhere", …; their words stay in the transcript, not in the event)."""
    reason = "already_scheduled" if turn.intent == "already_scheduled" else "patient_declined"
    data = {"reason": reason, **({"category": category} if category else {})}
    turn.conclude("outreach.patient.declined", data, "declined", data,
                  "already_scheduled" if reason == "already_scheduled" else "declined")


def reason_or_no(turn: Turn) -> bool:
    """A reply to an offer that gives a reason to decline ("I switched clinics") or says no to every time
    ("nope", "ninguna"), whatever intent the engine saw in it: decline with the reason, or offer other times."""
    if not turn.question.offers_times or (turn.task is not None and turn.task.state == "booked"):
        return False  # a visit already booked is cancelled by asking to cancel it, not by a reason
    category = decline_reason(turn.text)
    if category is not None and not names_an_offered_time(turn):  # "thurs after work is better, the 4 oclock"
        decline(turn, category)
        return True
    if is_bare_no(turn.text):
        offer_slots(turn, "more_slots", exclude=frozenset(seen_offer(turn)))
        return True
    return False


class ActionContactLater(OutreachAction):
    """"Busy now, text me later": the task comes back tomorrow at 10:00 the patient's time."""

    action_name = "action_contact_later"

    def act(self, turn: Turn) -> None:
        if turn.question.wants_a_time_to_call:
            answer_callback_time(turn)  # "call me later", "现在就可以打": an answer to "when can we call you?"
            return
        if not asks_for_later(turn.text) and reason_or_no(turn):
            return  # "bảo hiểm hok trả, mắc wá": a reason to decline, not a wish to be written to later
        if turn.question.offers_times and not booked(turn) and turns_all_down(turn.text, turn.patient.language):
            offer_slots(turn, "more_slots", exclude=frozenset(seen_offer(turn)))  # "cả ba giờ đó tôi đều bận"
            return
        contact_later(turn)


def contact_later(turn: Turn) -> None:
    """The task comes back when the patient said (tomorrow at 10:00 their time if they named no time)."""
    zone = patient_zones(turn.patient)[0]
    when, asked = later_time(turn, utcnow().astimezone(zone))
    turn.record("outreach.patient.asked_later", {"retry_at": when.isoformat()})
    turn.conversation.state = "closed"
    turn.ask("none")
    if turn.task is not None and turn.task.state == "awaiting_reply":
        move_task(turn.session, turn.task, "queued", {"reason": "patient_asked_later"})
        turn.task.next_attempt_at = when
        turn.task.waiting_reason = "patient_asked_later"
    if asked:
        turn.say("contact_later_at", starts_at=when.isoformat())
    else:
        turn.say("contact_later")


def later_time(turn: Turn, local_now: datetime) -> tuple[datetime, bool]:
    """When to write again: the day and hour the patient named ("after 5", "mañana en la tarde", "next week"),
    within contact hours; else tomorrow at 10:00. The flag says whether the patient named it."""
    preference = read_preference(turn.text, local_now.date(), turn.patient.language)
    hour = preference.hours[0] if preference.hours and preference.hours[0] > 0 else None
    if hour is not None:
        hour = min(max(hour, CONTACT_HOURS[0]), CONTACT_HOURS[1] - 1)
    day = preference.dates[0] if preference.dates else None
    if day is None and hour is not None:
        day = local_now.date() if hour > local_now.hour else local_now.date() + timedelta(days=1)
    if day is None:
        return datetime.combine(local_now.date() + timedelta(days=1), time(FOLLOW_UP_HOUR), local_now.tzinfo), False
    when = datetime.combine(day, time(hour if hour is not None else FOLLOW_UP_HOUR), local_now.tzinfo)
    if when <= local_now:
        return datetime.combine(local_now.date() + timedelta(days=1), time(FOLLOW_UP_HOUR), local_now.tzinfo), False
    return when, True


class ActionWrongNumber(OutreachAction):
    """Not the patient: say sorry, never text this number again for them, and let staff fix the record."""

    action_name = "action_wrong_number"

    def act(self, turn: Turn) -> None:
        if not says_wrong_number(turn.text):  # "number two", "la segunda": no evidence; read it as an answer
            log.info("action.wrong_number_without_evidence")
            answer_what_was_asked(turn)
            return
        not_the_patient(turn)


def not_the_patient(turn: Turn) -> None:
    """A wrong number: say sorry, never text it again for this patient, and let staff fix the record."""
    record_opt_out(turn.session, turn.conversation.address, keyword="wrong_number", channel="sms")
    turn.conversation.state = "closed"
    turn.conclude("outreach.patient.wrong_number", {}, "unreachable", {"reason": "wrong_number"}, "wrong_number")


class ActionDocumentReceived(OutreachAction):
    action_name = "action_document_received"

    def act(self, turn: Turn) -> None:
        turn.conclude("outreach.document.received", {}, "completed", {"result": "document_received"},
                      "document_received")


class ActionSwitchLanguage(OutreachAction):
    """"español" / "english please": speak that language from now on, and ask the last question again in it."""

    action_name = "action_switch_language"

    def act(self, turn: Turn) -> None:
        wanted = requested_language(turn.text, turn.patient.language)
        turn.patient.language = wanted
        turn.session.add(turn.patient)
        turn.record("outreach.patient.language_changed", {"language": wanted})
        turn.events.append(SlotSet("language", wanted))
        repeat_question(turn)


# a language the patient says they read poorly ("my english not good", "mi inglés es malo", "英文不好")
_WEAK_IN = re.compile(r"\s*((reading|writing|speaking|spoken|written|skills?|lectura|escrito|hablado) ){0,2}"
                      r"(is |es |)(?P<negated>not |no |isn'?t |ain'?t )?(es |is )?"
                      r"(very |muy |so |that |tan |too |really |)"
                      r"(?P<quality>good|great|bueno|buena|bad|malo|mala|poor|terrible|limited|basic)\b"
                      r"|\s*字?\s*我?(看|读|听)?(不好|不行|很差|不太好|不懂|不明白|不明|不太懂|不大懂|不太明|不大明)"
                      r"|\s*(k[eé]m|kh[oô]ng t[oố]t)"
                      # "English tui đọc ko hiểu": the patient reads it poorly, said after its name
                      r"|\s*((tui|t[oô]i|m[iì]nh|em|con) )?((đọc|doc|[dđ]ọc|nghe|n[oó]i|noi) )?"
                      r"(kh[oô]ng|ko|k|hong) (hi[eể]u|bi[eế]t|gi[oỏ]i|r[aà]nh|r[oõ])")


def _weak_after(lowered: str, end: int) -> bool:
    """Whether the words after a language's name say the patient reads it poorly ("my english not good", "mi
    español no es muy bueno", "英文不好"); "my english is very good" does not."""
    said = _WEAK_IN.match(lowered, end)
    if said is None:
        return False
    quality = said.group("quality")
    return quality is None or bool(said.group("negated")) or quality not in ("good", "great", "bueno", "buena")
_NOT_SPOKEN = re.compile(r"\b(no hablo|no entiendo|no leo|i don'?t speak|i do not speak|i can'?t read|"
                         r"i don'?t read|(kh[oô]ng|ko|k) (n[oó]i|bi[eế]t|hi[eể]u|[dđ][oọ]c))\b"
                         r"|不会说|不会|不懂|看不懂|听不懂|不识|读不懂|看不明|不明白|看不太懂")
_READ_BETTER = re.compile(r"\s+(much |a lot |way |far |mucho |muy )?(better|mejor)\b")


def requested_language(text: str, current: str) -> str:
    """The language the patient asks for: the one they name ("español", "in English please"), unless they say
    they do not speak it ("no hablo inglés"): then the one they wrote in. Naming none: the other of en/es."""
    lowered = as_simplified(text).lower()  # "我睇唔明英文": 我看不明英文
    named = [code for code, pattern in LANGUAGE_NAMES if re.search(pattern, lowered)]
    better = [code for code, pattern in LANGUAGE_NAMES for found in re.finditer(pattern, lowered)
              if _READ_BETTER.match(lowered, found.end())]
    if better:  # "I read Chinese much better than English"
        return better[0]
    weak = {code for code, pattern in LANGUAGE_NAMES
            for found in re.finditer(pattern, lowered) if _weak_after(lowered, found.end())}
    if weak:  # "can u send in chinese, my english not good"; "mi inglés es malo"
        wanted = [code for code in named if code not in weak]
        if wanted:
            return wanted[0]
        if (written := written_language(text)) not in weak:
            return written
    if (not_spoken := _NOT_SPOKEN.search(lowered)) is not None:
        after = lowered[not_spoken.end():not_spoken.end() + 40]  # "no hablo inglés, español por favor"
        refused = {code for code, pattern in LANGUAGE_NAMES  # "không đọc được tiếng Anh", "don't speak much english"
                   if re.match(r"\W*((được|duoc|dc|đc|rõ|ro|much|well|bien|mucho|bueno|đọc|doc|nói|noi|nghe|hiểu"
                               r"|hieu) )?"
                               r"((được|duoc|dc|đc|rõ|ro) )?((el|la|en"
                               r"|in) )?(" + pattern + ")",
                               after)}
        wanted = [code for code in named if code not in refused]
        if wanted:
            return wanted[0]
        written = written_language(text)
        if written not in refused:
            return written
        return next((code for code in ("es", "en") if code not in refused), "en")
    if named:
        return named[0]
    return "en" if resolve_language(current) == "es" else "es"


def question_arguments(turn: Turn) -> dict[str, Any]:
    """What the messages about the awaited question need: the offered times, or the visit reminded of."""
    if turn.question.offers_times:
        return {"slot_ids": turn.conversation.offered_slot_ids}
    if turn.question.about_a_booked_visit:
        return reminder_arguments(turn)
    return {}


def repeat_question(turn: Turn) -> None:
    turn.say(turn.question.ask_again or "language_changed", **question_arguments(turn))


class ActionIdentify(OutreachAction):
    """"Who is this?": who we are and how to check, then the question again."""

    action_name = "action_identify"

    def act(self, turn: Turn) -> None:
        turn.say("identity")
        if turn.question.ask_again is not None:
            repeat_question(turn)


def answered_by_menu(turn: Turn) -> bool:
    """When the engine is unsure, a reply that plainly names an option of the question asked ("1 please",
    "the 2:30", "0", "9") still counts: it is checked against the options, never guessed."""
    asked = turn.question
    number = menu_number(turn.text)
    if number == 9 and not asked.wants_a_time_to_call:
        turn.hand_off("patient_asked_for_person")
        return True
    if asked.offers_times:
        if number == 0:
            offer_slots(turn, "more_slots")
            return True
        options, today, language = offered_options(turn), patient_today(turn), turn.patient.language
        named = resolve_choice(turn.text, options, today, language).candidates
        if stated_choice(turn.text, options, today, language).candidates or not patient_preference(turn).is_empty() \
                or (named and rejects_options(turn.text, language)):
            # books a plainly named time, asks between the ones a reply could mean ("the afternoon one"), turns
            # down one named with "cant do the 9am", or looks for the times asked for ("any saturday?")
            book_choice(turn)
            return True
    elif asked.about_a_booked_visit and (number in asked.menu or leading_number(turn.text) in asked.menu
                                         or not patient_preference(turn).is_empty()
                                         or wants_another_time(turn.text) or says_yes(turn.text)):
        answer_reminder(turn)
        return True
    elif asked.about_recovery and (number in asked.menu or reads_as_checkin_answer(turn.text)):
        answer_checkin(turn)
        return True
    return False


class ActionClarify(OutreachAction):
    """Unsure what the patient meant: ask once with the valid choices, then give it to a person."""

    action_name = "action_clarify"

    def act(self, turn: Turn) -> None:
        if reason_or_no(turn) or answered_by_menu(turn):
            return
        asked = int(turn.tracker.get_slot("clarifications") or 0)
        if asked >= 1:
            turn.hand_off("not_understood")
            turn.events.append(SlotSet("clarifications", 0))
            return
        if turn.question.wants_a_time_to_call:
            answer_callback_time(turn)  # whatever they wrote is their answer to "when can we call?"
            return
        turn.say(turn.question.not_understood, **question_arguments(turn))
        turn.events.append(SlotSet("clarifications", asked + 1))


ACTIONS: tuple[type[OutreachAction], ...] = (
    ActionOpenOutreach, ActionAnswer, ActionOfferSlots, ActionCancelAppointment, ActionHandOff,
    ActionRecordDecline, ActionContactLater, ActionWrongNumber, ActionDocumentReceived, ActionSwitchLanguage,
    ActionIdentify, ActionClarify, ActionAcknowledge,
)
