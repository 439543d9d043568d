"""Answers to the questions that are not an offer: the reminder's 1 / 2 / 3, the check-in after discharge, and
a time to call back about a result."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.conversation.evidence.recovery import (
    asks_about_medicine,
    back_in_hospital,
    feels_fine,
    ordinary_recovery,
    sounds_worse,
)
from bot.conversation.evidence.visit_answers import cancels_the_visit, cannot_come, says_yes, wants_another_time
from bot.conversation.handoffs import hand_off
from bot.conversation.menu_numbers import leading_number, menu_number
from bot.conversation.offers import (
    offer_slots,
    patient_preference,
)
from bot.conversation.turn import Turn
from bot.core.models import Appointment
from bot.outreach.policy import patient_zones
from bot.outreach.states import move_task
from bot.scheduling.preferences import TimePreference
from bot.scheduling.slots import release_appointment


def answer_reminder(turn: Turn) -> None:
    number = leading_number(turn.text)
    if number is None and cancels_the_visit(turn.text) and not wants_another_time(turn.text):
        cancel_appointment(turn)  # "tuần này tôi đi Cali, bỏ cái hẹn đó đi nhé": called off, not moved
    elif number is None and cannot_come(turn.text) and turn.intent != "cancel_appointment":
        offer_slots(turn, "reschedule_offer", patient_preference(turn))  # "no voy a poder ir ese día"
    elif number is None and wants_another_time(turn.text):
        offer_slots(turn, "reschedule_offer", preference_beside_the_visit(turn))  # "can we move it to thursday"
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
    elif says_yes(turn.text):
        confirm_visit(turn)  # "si ahi estare gracias": a yes, whatever the engine read
    else:
        turn.say("reminder_clarify")


def preference_beside_the_visit(turn: Turn) -> TimePreference:
    """The times asked for instead of the reminded visit; the visit's own time named as the trouble ("Tuesdays at 11
    I'm at dialysis, can we move it") is no wish for it."""
    preference = patient_preference(turn)
    visit = reminded_start(turn)
    named_the_visit = visit is not None and preference.direction is None and preference.allows(visit)
    return TimePreference() if named_the_visit else preference


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
    if number is None and not sounds_worse(turn.text) and not back_in_hospital(turn.text):
        number = leading_number(turn.text)  # "1 bien gracias": the menu's 1, with thanks
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
    """Words that answer "how are you since you went home?" whatever the engine made of them, or the menu's number
    they start with ("1 👍 thanks for checking on me")."""
    return back_in_hospital(text) or sounds_worse(text) or ordinary_recovery(text) or asks_about_medicine(text) \
        or feels_fine(text) or leading_number(text) in (1, 2, 3)


def answer_callback_time(turn: Turn) -> None:
    """Any answer to "when can we call?" is a callback window: a clinician takes it from here."""
    turn.record("outreach.callback.requested", {"window_text_length": len(turn.text)})
    hand_off(turn.session, turn.conversation, turn.task, reason="clinician_callback", priority="normal")
    turn.ask("none")
    turn.say("callback_confirmed")
