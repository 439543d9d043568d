"""Custom actions the engine calls back (through rasa_sdk's executor, served by the app).

The engine decides what kind of reply the patient sent (the intent); these actions decide what it means for
the question the bot last asked (``Conversation.awaiting``) and act on the records: offer, book, confirm,
cancel, hand off, record a decline. Every change writes its workflow event in the same transaction.

Offers and bookings live in ``offers.py``, the reminder's, check-in's and callback's answers in
``reminder_and_checkin.py``; this module holds the engine's actions and the words that outweigh its intent.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from bot.conversation.evidence.declining import already_booked, decline_reason, is_bare_no, refuses_a_visit
from bot.conversation.evidence.for_a_person import (
    asks_a_question,
    asks_for_a_person,
    asks_who_we_are,
    speaks_for_someone,
    wants_a_call,
    wants_a_real_person,
)
from bot.conversation.evidence.later import (
    asks_for_later,
    asks_to_be_contacted,
    asks_to_be_written_later,
    sends_document_later,
    will_answer_later,
)
from bot.conversation.evidence.recovery import asks_about_medicine, back_in_hospital, names_the_nurse, sounds_worse
from bot.conversation.evidence.visit_answers import (
    cancels_the_visit,
    cannot_come,
    says_yes,
    wants_a_visit,
    wants_another_time,
)
from bot.conversation.evidence.wrong_number import clearly_not_the_patient, says_wrong_number
from bot.conversation.language_request import names_a_language, requested_language
from bot.conversation.menu_numbers import leading_number, menu_number
from bot.conversation.offers import (
    book_choice,
    booked,
    names_an_offered_time,
    offer_slots,
    offered_among,
    offered_options,
    patient_preference,
    patient_today,
    seen_offer,
)
from bot.conversation.reminder_and_checkin import (
    answer_callback_time,
    answer_checkin,
    answer_reminder,
    cancel_appointment,
    reads_as_checkin_answer,
    reminder_arguments,
)
from bot.conversation.turn import Turn
from bot.core.context import Outreach
from bot.core.models import Conversation, OutreachTask, Patient, utcnow
from bot.outreach.policy import patient_zones, record_opt_out
from bot.outreach.states import move_task
from bot.outreach.workflows import WORKFLOWS
from bot.scheduling.choice import resolve_choice, stated_choice
from bot.scheduling.preferences import read_preference
from bot.scheduling.turning_down import asks_earlier_or_later, asks_for_other_times, rejects_options

log = logging.getLogger(__name__)

FOLLOW_UP_HOUR = 10  # "text me later" → the next day at this local hour
CONTACT_HOURS = (8, 21)  # a time the patient names is kept inside these local hours


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
            if clearly_not_the_patient(turn.text):
                not_the_patient(turn)  # "this isn't her phone anymore", "sai số rồi": whatever the engine read
            elif turn.question.about_recovery and (back_in_hospital(turn.text) or sounds_worse(turn.text)):
                answer_checkin(turn)  # "mi mamá está otra vez en el hospital", "sốt nhẹ": a nurse, whatever the intent
            elif turn.question.about_recovery and speaks_for_someone(turn.text) \
                    and not reads_as_checkin_answer(turn.text) and menu_number(turn.text) is None:
                if asks_a_question(turn.text) or names_the_nurse(turn.text):  # "我妈出院后胃口不好，要紧吗"
                    turn.hand_off("feeling_worse_after_discharge", "handoff_nurse", priority="high")
                else:
                    turn.hand_off("caregiver_writing")  # "con trai đây, ba tui mới xuất viện": a person
            elif turn.question.about_a_booked_visit and cannot_come(turn.text) and \
                    turn.intent != "cancel_appointment" and leading_number(turn.text) is None \
                    and not cancels_the_visit(turn.text):
                offer_slots(turn, "reschedule_offer", patient_preference(turn))  # "no voy a poder ir ese día"
            elif turn.question.about_a_booked_visit and reads_as_reminder_answer(turn):
                answer_reminder(turn)  # "3 porfa, no tengo como llegar", "soy la hija de don Pedro, sí va a ir"
            elif not beyond_a_choice(turn) and not booked(turn) and names_an_offered_time(turn):
                book_choice(turn)  # "option 1 please, do I need to bring anything?": the choice, whatever the intent
            elif turn.question.takes_a_document and asks_to_be_written_later(turn.text):
                document_later(turn, asked_when=True)  # "escríbanme el lunes y se lo mando": written to then
            elif turn.question.takes_a_document and sends_document_later(turn.text):
                document_later(turn, asked_when=False)  # "I'll send it tonight": asked again after, if none came
            elif turn.question.wants_a_time_to_call and will_answer_later(turn.text):
                contact_later(turn)  # "in a meeting, let me get back to you with a time": no time to call yet
            elif turn.intent != "switch_language" and names_a_language(turn.text) and not names_an_offered_time(turn) \
                    and requested_language(turn.text, turn.patient.language) != turn.patient.language:
                ActionSwitchLanguage.act(self, turn)  # "Do y'all have Chinese?": asked for, whatever the intent
            elif asks_who_we_are(turn.text) and turn.intent in ("request_human", "out_of_scope", "wrong_number") \
                    and not wants_a_real_person(turn.text):
                ActionIdentify.act(self, turn)  # "你係邊個？點解有我電話？": who we are, whatever the engine read
            elif turn.question.offers_times and not booked(turn) and turn.intent != "request_human" \
                    and asks_to_be_written_later(turn.text) \
                    and not asks_for_other_times(turn.text, turn.patient.language):
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


def reads_as_reminder_answer(turn: Turn) -> bool:
    """Words that answer the reminder whatever the engine read: the menu's number (unless a person is asked for), a
    relative answering, a yes, calling the visit off ("I have to call that one off", "tengo que anularla") or asking
    to move it ("cho con đổi sang hôm khác ạ")."""
    if leading_number(turn.text) is not None and turn.intent != "request_human":
        return True
    return speaks_for_someone(turn.text) or says_yes(turn.text) or cancels_the_visit(turn.text) \
        or wants_another_time(turn.text)


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


def wants_a_time_not_yet_named(turn: Turn) -> bool:
    """A yes to an offer of several times, or a request for a visit, naming no time, no reason and no person:
    the patient is asked which time ("yes please, i want to reschedule", "sí quiero reagendar")."""
    return (turn.question.offers_times and not booked(turn) and turn.intent not in _INTENTS_BEYOND_A_CHOICE - {
        "request_human"} and len(turn.conversation.offered_slot_ids) > 1 and wants_a_visit(turn.text)
        and decline_reason(turn.text) is None and not rejects_options(turn.text, turn.patient.language)
        and not asks_a_question(turn.text) and not asks_for_other_times(turn.text, turn.patient.language)
        and not names_an_offered_time(turn) and patient_preference(turn).is_empty())


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


class ActionAcknowledge(OutreachAction):
    """"thanks", "bye": answered in kind; but a reply that also answers the question asked ("3 cảm ơn", "礼拜四",
    "thursday, thanks!") is that answer first: a patient who picked a time is never just told "you're welcome"."""

    action_name = "action_acknowledge"

    def act(self, turn: Turn) -> None:
        if reason_or_no(turn):  # "ahora voy a otra clínica, gracias": the reason, not the thanks
            return
        asked, number, language = turn.question, menu_number(turn.text), turn.patient.language
        other_times = asks_for_other_times(turn.text, language) or asks_earlier_or_later(turn.text, language)
        if names_an_offered_time(turn) or (number is not None and number in asked.menu) or \
                (asked.offers_times and number in (0, 9)) or \
                (asked.offers_times and not booked(turn) and other_times) or \
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
                and not named and not rejects_options(turn.text, turn.patient.language) \
                and patient_preference(turn).is_empty():  # "t6 11h dc k": a time not offered, asked for
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
        asked_for_one = wants_a_call(turn.text) or wants_a_real_person(turn.text)
        if (turn.intent != "request_human" or not asked_for_one) and reason_or_no(turn):
            return  # "no tengo dinero ahorita", "tôi đi bác sĩ riêng, bác sĩ đó người Việt": a reason, no more
        if names_an_offered_time(turn) and not asks_for_a_person(turn.text):
            book_choice(turn)  # "me quedo con la número uno": a time chosen, whatever the engine made of it
            return
        if turn.question.wants_a_time_to_call and turn.intent == "request_human":
            answer_callback_time(turn)  # "gọi liền cho tôi đi" to "when can we call you?": the clinician calls
            return
        if turn.question.about_recovery and turn.intent in ("feeling_unwell", "medication_question"):
            answer_checkin(turn)  # the check-in's own rules: red flags first
            return
        if turn.intent == "feeling_unwell" and not sounds_worse(turn.text) and turn.question.offers_times \
                and asks_for_other_times(turn.text, turn.patient.language) and answered_by_menu(turn):
            return  # "the combine is down. week after would be better": other times, no symptom
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
        if turn.question.offers_times and not booked(turn) and decline_reason(turn.text) is None:
            if asks_for_other_times(turn.text, turn.patient.language):  # "no can not this days. next week maybe"
                offer_slots(turn, "more_slots", patient_preference(turn), exclude=frozenset(seen_offer(turn)))
                return
            if asks_to_be_written_later(turn.text):  # "just had a baby, can we deal with this in a couple weeks"
                contact_later(turn)
                return
        if turn.question.about_a_booked_visit:  # a visit already booked: turned down with a reason, it is called off
            if decline_reason(turn.text) is not None or cancels_the_visit(turn.text):
                cancel_appointment(turn)  # "cancélela, ya fui con otro doctor": the slot goes back to others
            else:
                answer_reminder(turn)
            return
        decline(turn, decline_reason(turn.text))


def decline(turn: Turn, category: str | None) -> None:
    """The patient turns the visit down: the task ends declined, with the reason's category when they gave one
    ("feels_better", "care_elsewhere", …; their words stay in the transcript, not in the event)."""
    said_booked = already_booked(turn.text)
    reason = "already_scheduled" if turn.intent == "already_scheduled" or said_booked else "patient_declined"
    if said_booked and category in ("not_needed", "already_done"):
        category = None  # "no need, I already have an appointment", "ya hice la cita": booked, not done or unneeded
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
    if refuses_a_visit(turn.text) and not names_an_offered_time(turn):  # "thôi pass, ko book đâu": no reason, no visit
        decline(turn, category)
        return True
    return False


class ActionContactLater(OutreachAction):
    """"Busy now, text me later": the task comes back tomorrow at 10:00 the patient's time."""

    action_name = "action_contact_later"

    def act(self, turn: Turn) -> None:
        if turn.question.wants_a_time_to_call:
            answer_callback_time(turn)  # "call me later", "现在就可以打": an answer to "when can we call you?"
            return
        if turn.question.about_recovery and reads_as_checkin_answer(turn.text) and not asks_for_later(turn.text):
            answer_checkin(turn)  # "ok mostly, back at work monday": how the patient is, not a time to write
            return
        if not asks_for_later(turn.text) and reason_or_no(turn):
            return  # "bảo hiểm hok trả, mắc wá": a reason to decline, not a wish to be written to later
        if turn.question.offers_times and not booked(turn) and asks_for_other_times(turn.text, turn.patient.language):
            # "cả ba giờ đó tôi đều bận", "could we look at dates after the holidays?"
            offer_slots(turn, "more_slots", patient_preference(turn), exclude=frozenset(seen_offer(turn)))
            return
        if turn.question.offers_times and not booked(turn) and not asks_for_later(turn.text) \
                and not asks_to_be_contacted(turn.text) and not (preference := patient_preference(turn)).is_empty():
            offer_slots(turn, "more_slots", preference, exclude=frozenset(seen_offer(turn)))  # "After 5 only"
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


def document_later(turn: Turn, asked_when: bool) -> None:
    """The paper promised for later: the request stays open (a photo sent tonight is taken), and the task comes
    back to ask again if none came: when the patient asked to be written to (``asked_when``: "remind me monday"),
    else the morning after the day they named ("I'll send it tonight", "mañana se lo mando")."""
    local_now = utcnow().astimezone(patient_zones(turn.patient)[0])
    if asked_when:
        when, _ = later_time(turn, local_now)
    else:
        named = read_preference(turn.text, local_now.date(), turn.patient.language).dates
        day = max(named[0], local_now.date()) if named else local_now.date()
        when = datetime.combine(day + timedelta(days=1), time(FOLLOW_UP_HOUR), local_now.tzinfo)
    turn.record("outreach.patient.asked_later", {"retry_at": when.isoformat(), "request_open": True})
    if turn.task is not None and turn.task.state == "awaiting_reply":
        move_task(turn.session, turn.task, "queued", {"reason": "document_promised"})
        turn.task.next_attempt_at = when
        turn.task.waiting_reason = "document_promised"
    turn.say("contact_later_at" if asked_when else "document_request_again", starts_at=when.isoformat())


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
        if not booked(turn) and asks_for_other_times(turn.text, turn.patient.language):  # "nah diff days pls"
            offer_slots(turn, "more_slots", patient_preference(turn), exclude=frozenset(seen_offer(turn)))
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
    elif asked.about_recovery and (number in asked.menu or leading_number(turn.text) in asked.menu
                                   or reads_as_checkin_answer(turn.text)):
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
