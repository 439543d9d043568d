"""The workflows of DESIGN.md section 6: what each opens with and what the bot waits for next."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Workflow:
    name: str
    opening: str  # the first message's template
    awaiting: str  # what the opening asks: slot_choice | reminder_choice | checkin | callback_time | document
    offers_slots: bool  # the opening offers open times
    default_visit_type: str = "follow_up"
    follow_ups: tuple[str, ...] = ()  # the other messages this workflow may send, in a typical order


_BOOKING = ("more_slots", "no_matching_slots", "clarify_choice", "slot_taken", "slot_passed", "booking_confirmed",
            "no_slots", "declined", "handoff")
# Messages any conversation may send, whatever the workflow.
COMMON_MESSAGES = ("didnt_understand", "didnt_understand_general", "identity", "contact_later", "contact_later_at",
                   "wrong_number", "language_changed", "you_are_welcome", "goodbye", "help", "opt_out_confirmation",
                   "opt_in_confirmation", "holding_reply", "emergency_medical", "emergency_crisis",
                   "identity_check", "identity_retry", "identity_failed", "voicemail", "voice_no_answer")

WORKFLOWS: dict[str, Workflow] = {
    w.name: w
    for w in (
        Workflow("missed_appointment", "missed_appointment_offer", "slot_choice", True, "physical_therapy",
                 _BOOKING),
        Workflow("referral", "referral_offer", "slot_choice", True, "specialist", _BOOKING),
        Workflow("care_gap", "care_gap_offer", "slot_choice", True, "screening", (*_BOOKING, "already_scheduled")),
        Workflow("appointment_reminder", "appointment_reminder", "reminder_choice", False, "follow_up",
                 ("reminder_clarify", "appointment_confirmed", "reschedule_offer", "booking_confirmed",
                  "appointment_cancelled")),
        Workflow("post_discharge", "post_discharge_checkin", "checkin", False, "follow_up",
                 ("checkin_clarify", "followup_offer", "booking_confirmed", "handoff_nurse")),
        Workflow("abnormal_result", "result_callback", "callback_time", False, "follow_up", ("callback_confirmed",)),
        Workflow("prior_authorization", "document_request", "document", False, "follow_up",
                 ("document_request_again", "document_received", "handoff")),
    )
}


def workflow(name: str) -> Workflow:
    return WORKFLOWS[name]
