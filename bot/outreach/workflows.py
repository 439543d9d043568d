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


WORKFLOWS: dict[str, Workflow] = {
    w.name: w
    for w in (
        Workflow("missed_appointment", "missed_appointment_offer", "slot_choice", True, "physical_therapy"),
        Workflow("referral", "referral_offer", "slot_choice", True, "specialist"),
        Workflow("care_gap", "care_gap_offer", "slot_choice", True, "screening"),
        Workflow("appointment_reminder", "appointment_reminder", "reminder_choice", False),
        Workflow("post_discharge", "post_discharge_checkin", "checkin", False, "follow_up"),
        Workflow("abnormal_result", "result_callback", "callback_time", False, "follow_up"),
        Workflow("prior_authorization", "document_request", "document", False),
    )
}


def workflow(name: str) -> Workflow:
    return WORKFLOWS[name]
