"""Offering times and booking the one a patient names: the next open times (kept to what they asked for), the
options as the patient saw them, and a booking or a change of booking."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial

from sqlmodel import Session, select

from bot.conversation.evidence.for_a_person import asks_what_a_person_must_answer
from bot.conversation.menu_numbers import menu_number
from bot.conversation.turn import Turn
from bot.core.models import Appointment, Conversation, Message, Patient, Slot, utcnow
from bot.outreach.policy import patient_zones
from bot.outreach.workflows import WORKFLOWS
from bot.scheduling.choice import Choice, OfferedOption, resolve_choice, stated_choice
from bot.scheduling.preferences import TimePreference, read_preference
from bot.scheduling.slots import book_slot, find_open_slots, release_appointment, shown_zone
from bot.scheduling.turning_down import asks_earlier_or_later, asks_for_other_times, rejects_options, turns_all_down

OPTIONS_PER_OFFER = 3
# a caller holds at most three choices in mind: two times and "other times"
OPTIONS_PER_OFFER_SPOKEN = 2
EARLIEST_NOTICE = timedelta(hours=2)  # never offer a slot the patient could not reach in time


def booked(turn: Turn) -> bool:
    return turn.task is not None and turn.task.state == "booked"


def offer_slots(turn: Turn, message: str, preference: TimePreference | None = None,
                exclude: frozenset[str] | None = None) -> None:
    """Offer the next open times (skipping ones already offered in this conversation, and keeping to the times
    the patient asked for, if any), or hand off if none. When no time fits what the patient asked, say so and
    offer the nearest ones."""
    context = turn.context
    workflow = WORKFLOWS.get(turn.task.workflow) if turn.task else None
    fresh = message not in ("more_slots", "slot_taken")
    already = frozenset() if fresh else offered_in_conversation(turn)  # "0", "0", "0": on through the calendar
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
    return options_as_seen(turn.session, seen_offer(turn), turn.patient)


def options_as_seen(session: Session, slot_ids: list[str], patient: Patient) -> list[OfferedOption]:
    """Offered slots numbered as the patient saw them, each in the clinic's zone when we know it."""
    zone = patient_zones(patient)[0]
    offered = [session.get(Slot, slot_id) for slot_id in slot_ids]
    return [OfferedOption(i + 1, s.id, s.starts_at.astimezone(shown_zone(s, zone)[0]))
            for i, s in enumerate(offered) if s]


def reply_names_an_offered_time(session: Session, conversation: Conversation, text: str) -> bool:
    """Whether a reply to the conversation's offer names one offered time ("la última, ¿en qué clínica es?")."""
    patient = session.get(Patient, conversation.patient_id)
    if patient is None or not conversation.offered_slot_ids:
        return False
    options = options_as_seen(session, list(conversation.offered_slot_ids), patient)
    today = utcnow().astimezone(patient_zones(patient)[0]).date()
    return stated_choice(text, options, today, patient.language).chosen is not None


def offered_in_conversation(turn: Turn) -> frozenset[str]:
    """Every slot offered so far in this conversation (each inbound message keeps the offer it answered), so that
    asking for other times again moves on instead of going back to an earlier list."""
    earlier = turn.session.exec(select(Message.offered_slot_ids).where(
        Message.conversation_id == turn.conversation.id)).all()
    return frozenset(turn.conversation.offered_slot_ids).union(*(ids for ids in earlier if ids))


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
    # the patient is told the first time is given up, not only the new one
    turn.say("booking_confirmed", slot_id=choice.chosen.slot_id, replaced_slot_id=previous_slot if old else None)


def book_choice(turn: Turn) -> None:
    if turn.task is not None and turn.task.state == "booked":
        change_booking(turn)
        return
    options = offered_options(turn)
    choice = stated_choice(turn.text, options, patient_today(turn), turn.patient.language)
    # "2 doesnt work", "not the tuesday one", "el martes no puedo", "周二不行": never a booking of what it turns down
    if not choice.candidates and (rejects_options(turn.text, turn.patient.language)
                                  or asks_for_other_times(turn.text, turn.patient.language)):
        named = resolve_choice(turn.text, options, patient_today(turn), turn.patient.language).candidates
        rejected = {o.slot_id for o in named} if named != options else set()
        turn.record("outreach.patient.rejected_times", {"slot_ids": sorted(rejected)})
        offer_slots(turn, "more_slots", patient_preference(turn), exclude=frozenset(seen_offer(turn)))
        return
    if choice.chosen is None and len(options) == 1 and turn.intent in ("affirm", "confirm_appointment"):
        choice = Choice(chosen=options[0], candidates=options)  # "yes" to the one time offered
    if choice.chosen is None and not choice.candidates:
        preference = patient_preference(turn)
        if len(among := offered_among(turn, choice)) > 1:  # "after 2 any day": which of the offered ones after 2
            turn.say("clarify_choice", slot_ids=among)
            return
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
    if asks_what_a_person_must_answer(turn.text):
        turn.hand_off("question_for_person")  # "la última, ¿en qué clínica es?": booked, and a person answers


def offered_among(turn: Turn, choice: Choice | None = None) -> list[str]:
    """The offered times a reply narrows to without turning any down or asking for others ("afternoons suit me
    better" when two offered times are in the afternoon; what is turned down is left out): what to ask between,
    rather than offering new ones. ``choice``: what the reply states, when the caller has read it already."""
    language = turn.patient.language
    if booked(turn) or asks_earlier_or_later(turn.text, language) or turns_all_down(turn.text, language):
        return []
    options = offered_options(turn)
    if choice is None:
        choice = stated_choice(turn.text, options, patient_today(turn), language)
    if choice.candidates:
        if not choice.ambiguous or len(choice.candidates) == len(options):
            return []  # naming every offered time narrows nothing
        return [option.slot_id for option in choice.candidates]
    # no offered time named, but a bound some of them keep to: "después de las 2 cualquier día", "any pm slot"
    preference = patient_preference(turn)
    if preference.is_empty() or preference.direction is not None or rejects_options(turn.text, language):
        return []
    fits = [option.slot_id for option in options if preference.allows(option.local_start)]
    return fits if len(fits) < len(options) else []


def names_an_offered_time(turn: Turn) -> bool:
    """A reply that names an offered time ("2", "第二个", "the tuesday one") is that time, whatever the intent."""
    if not turn.question.offers_times:
        return False
    options = offered_options(turn)
    if (number := menu_number(turn.text)) is not None:
        return 1 <= number <= len(options)  # 0 asks for other times, 9 for a person
    return stated_choice(turn.text, options, patient_today(turn), turn.patient.language).chosen is not None
