"""The workflows of DESIGN.md section 6, declared as data in one place: what each opens with, what the bot
waits for next, and its lifecycle (how long silence lasts before each rung of its contact ladder, what a person
gets at the end, when the task expires). The dispatcher, the ladder, the actions and the consoles read these
declarations; adding a workflow is adding one declaration, its templates and its training data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

# remind: a reminder on the channel in use (a text in the open conversation; a call is placed again);
# next_channel: the opening again, on the patient's next channel (SMS after a call, a call after texts);
# person: the ladder ends: a person's queue gets the task as "unreachable".
RungAction = Literal["remind", "next_channel", "person"]


@dataclass(frozen=True)
class Rung:
    """One step of a contact ladder: taken after ``after`` of silence (since the bot's last contact or the
    patient's last message, whichever is later)."""

    after: timedelta
    action: RungAction


@dataclass(frozen=True)
class Lifecycle:
    ladder: tuple[Rung, ...]
    expires_after: timedelta  # an unfinished task expires this long after it was created (sooner: its due_by)
    reminder: str = "reply_reminder"  # the reminder's template

    def describe(self) -> list[tuple[timedelta, str]]:
        """Each rung with its time from the opening, when the patient never answers."""
        total, steps = timedelta(), []
        for rung in self.ladder:
            total += rung.after
            steps.append((total, rung.action))
        return steps


@dataclass(frozen=True)
class Question:
    """What the bot waits for after asking it, and how a reply is read against it. A conversation's ``awaiting``
    holds the question's name; the actions read these declarations instead of comparing names."""

    name: str
    ask_again: str | None  # the message that asks it again (None: there is nothing to repeat)
    not_understood: str  # the answer to a reply the bot could not read
    offers_times: bool = False  # its options are open times: a number, or a time named, books one
    about_a_booked_visit: bool = False  # keep, cancel or move a visit already booked
    about_recovery: bool = False  # how the patient is since going home: red flags first, every reply to the engine
    wants_a_time_to_call: bool = False  # whatever the patient writes is when to call ("9" is not "a person" here)
    takes_a_document: bool = False  # a photo is the answer
    declining_needs_a_clinician: bool = False  # "no thanks" still reaches a clinician (a result to discuss)
    menu: frozenset[int] = frozenset()  # bare numbers that answer it even when the engine is unsure


QUESTIONS: dict[str, Question] = {
    q.name: q
    for q in (
        Question("slot_choice", "clarify_choice", "didnt_understand", offers_times=True),
        Question("reminder_choice", "appointment_reminder", "reminder_clarify", about_a_booked_visit=True,
                 menu=frozenset({1, 2, 3})),
        Question("checkin", "post_discharge_checkin", "checkin_clarify", about_recovery=True,
                 menu=frozenset({1, 2, 3})),
        Question("callback_time", "result_callback", "didnt_understand_general", wants_a_time_to_call=True,
                 declining_needs_a_clinician=True),
        Question("document", "document_request", "didnt_understand_general", takes_a_document=True),
        Question("none", None, "didnt_understand_general"),
    )
}
NO_QUESTION = QUESTIONS["none"]


def question(name: str) -> Question:
    """The declared question of that name (an unknown name, e.g. from an older release, is no question)."""
    return QUESTIONS.get(name, NO_QUESTION)


# SMS → a reminder after 24 h → a call after 48 h → a person after 72 h (the patient's preferred channel first)
STANDARD_LADDER = (Rung(DAY, "remind"), Rung(DAY, "next_channel"), Rung(DAY, "person"))


@dataclass(frozen=True)
class Workflow:
    name: str
    opening: str  # the first message's template
    awaiting: str  # what the opening asks: slot_choice | reminder_choice | checkin | callback_time | document
    offers_slots: bool  # the opening offers open times
    default_visit_type: str = "follow_up"
    follow_ups: tuple[str, ...] = ()  # the other messages this workflow may send, in a typical order
    lifecycle: Lifecycle = Lifecycle(STANDARD_LADDER, expires_after=14 * DAY)

    @property
    def asks(self) -> Question:
        """What the opening asks."""
        return QUESTIONS[self.awaiting]


_BOOKING = ("more_slots", "no_matching_slots", "clarify_choice", "slot_taken", "slot_passed", "booking_confirmed",
            "no_slots", "declined", "handoff")
# Messages any conversation may send, whatever the workflow.
COMMON_MESSAGES = ("didnt_understand", "didnt_understand_general", "identity", "contact_later", "contact_later_at",
                   "wrong_number", "language_changed", "you_are_welcome", "goodbye", "help", "opt_out_confirmation",
                   "opt_in_confirmation", "holding_reply", "emergency_medical", "emergency_crisis",
                   "identity_check", "identity_retry", "identity_failed", "voicemail", "voice_no_answer",
                   "reply_reminder")

WORKFLOWS: dict[str, Workflow] = {
    w.name: w
    for w in (
        Workflow("missed_appointment", "missed_appointment_offer", "slot_choice", True, "physical_therapy",
                 _BOOKING, Lifecycle(STANDARD_LADDER, expires_after=14 * DAY)),
        Workflow("referral", "referral_offer", "slot_choice", True, "specialist", _BOOKING,
                 Lifecycle(STANDARD_LADDER, expires_after=30 * DAY)),
        # an overdue screening is not urgent: fewer, slower contacts, and no person at the end
        Workflow("care_gap", "care_gap_offer", "slot_choice", True, "screening", (*_BOOKING, "already_scheduled"),
                 Lifecycle((Rung(3 * DAY, "remind"), Rung(4 * DAY, "next_channel")), expires_after=30 * DAY)),
        # a reminder matters only until the visit: one reminder, no call, no person
        Workflow("appointment_reminder", "appointment_reminder", "reminder_choice", False, "follow_up",
                 ("reminder_clarify", "appointment_confirmed", "reschedule_offer", "booking_confirmed",
                  "appointment_cancelled"), Lifecycle((Rung(DAY, "remind"),), expires_after=7 * DAY)),
        # after discharge, silence may mean trouble: faster rungs, and a person within a day and a half
        Workflow("post_discharge", "post_discharge_checkin", "checkin", False, "follow_up",
                 ("checkin_clarify", "followup_offer", "booking_confirmed", "handoff_nurse"),
                 Lifecycle((Rung(12 * HOUR, "remind"), Rung(12 * HOUR, "next_channel"), Rung(12 * HOUR, "person")),
                           expires_after=7 * DAY)),
        Workflow("abnormal_result", "result_callback", "callback_time", False, "follow_up", ("callback_confirmed",),
                 Lifecycle(STANDARD_LADDER, expires_after=14 * DAY)),
        Workflow("prior_authorization", "document_request", "document", False, "follow_up",
                 ("document_request_again", "document_received", "handoff"),
                 Lifecycle((Rung(2 * DAY, "remind"), Rung(3 * DAY, "remind"), Rung(2 * DAY, "person")),
                           expires_after=21 * DAY)),
    )
}


def workflow(name: str) -> Workflow:
    return WORKFLOWS[name]
