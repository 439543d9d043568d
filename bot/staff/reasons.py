"""Why a conversation came to a person, in plain words; which team's queue it goes to; how soon it is due.

The one place these rules live: the inbox routes each handoff to a team with ``team_for`` (so a change of
OUTREACH_HANDOFF_TEAMS applies to the queue as it stands), labels and filters by ``GROUPS``, and times each
one against ``DUE_WITHIN``.
"""

from __future__ import annotations

from datetime import timedelta

TEAMS = ("scheduling", "nursing", "clinicians")


def N_(text: str) -> str:  # gettext's name for "translate this later", found by pybabel extract
    """Marks words shown to staff for the consoles' catalogs; the pages translate them when rendering."""
    return text


# reason code → (group, the words a scheduler reads). The groups are what the inbox filters on.
REASONS: dict[str, tuple[str, str]] = {
    "patient_asked_for_person": ("asked_for_person", N_("Asked for a person")),
    "asked_to_cancel": ("asked_for_person", N_("Wants to cancel; a person should talk it through")),
    "caregiver_writing": ("asked_for_person", N_("A relative or caregiver wrote for the patient")),
    "question_for_person": ("asked_for_person", N_("Asked about insurance, cost or a closer clinic")),
    "callback_declined": ("asked_for_person", N_("Did not want a call back")),
    "document_unavailable": ("asked_for_person", N_("Cannot send the document asked for")),
    "clinician_callback": ("clinical_red_flag", N_("Asked a clinician to call back")),
    "emergency_medical": ("emergency", N_("Emergency: medical words (told to call 911)")),
    "emergency_crisis": ("emergency", N_("Emergency: crisis words (told to call or text 988)")),
    "identity_not_verified": ("identity_not_confirmed", N_("Could not confirm who they are")),
    "not_understood": ("not_understood_twice", N_("The bot did not understand them twice")),
    "message_without_conversation": ("not_understood_twice", N_("Wrote when no conversation was open")),
    "no_open_slots": ("slot_problem", N_("No open times to offer")),
    "slot_taken": ("slot_problem", N_("The time they chose was taken")),
    "cancel_word_check_visit": ("slot_problem", N_("Texted CANCEL with a visit booked: check the visit")),
    "back_in_hospital": ("clinical_red_flag", N_("Back in hospital after discharge")),
    "feeling_worse_after_discharge": ("clinical_red_flag", N_("Feeling worse after discharge")),
    "feeling_worse": ("clinical_red_flag", N_("Says they feel worse")),
    "medicine_question": ("clinical_red_flag", N_("Question about medicines")),
    "unreachable": ("unreachable", N_("Could not be reached")),
}

GROUPS: dict[str, str] = {
    "asked_for_person": N_("Asked for a person"),
    "emergency": N_("Emergency"),
    "identity_not_confirmed": N_("Identity not confirmed"),
    "not_understood_twice": N_("Not understood twice"),
    "unreachable": N_("Unreachable"),
    "slot_problem": N_("Slot problem"),
    "clinical_red_flag": N_("Clinical red flag"),
}

# the group's queue; OUTREACH_HANDOFF_TEAMS ("group=team,…") changes it without a code change
DEFAULT_TEAMS: dict[str, str] = {
    "asked_for_person": "scheduling",
    "emergency": "nursing",
    "identity_not_confirmed": "scheduling",
    "not_understood_twice": "scheduling",
    "unreachable": "scheduling",
    "slot_problem": "scheduling",
    "clinical_red_flag": "nursing",
}
_CLINICIAN_REASONS = frozenset({"clinician_callback"})

PRIORITY_ORDER = {"urgent": 0, "high": 1, "normal": 2}
DUE_WITHIN = {"urgent": timedelta(minutes=15), "high": timedelta(hours=1), "normal": timedelta(hours=4)}


def group_of(reason: str) -> str:
    if reason.startswith("emergency_"):
        return "emergency"
    return REASONS.get(reason, ("asked_for_person", ""))[0]


def plain_reason(reason: str) -> str:
    """The reason as a scheduler reads it; an unlisted code still reads as words."""
    if reason in REASONS:
        return REASONS[reason][1]
    if reason.startswith("emergency_"):
        return f"Emergency words ({reason.removeprefix('emergency_').replace('_', ' ')})"
    return reason.replace("_", " ").capitalize()


def team_for(reason: str, teams: dict[str, str] | None = None) -> str:
    if reason in _CLINICIAN_REASONS:
        return (teams or {}).get(reason, "clinicians")
    group = group_of(reason)
    return (teams or {}).get(reason) or (teams or {}).get(group) or DEFAULT_TEAMS.get(group, "scheduling")


def parse_teams(raw: str) -> dict[str, str]:
    """``OUTREACH_HANDOFF_TEAMS``: comma-separated ``group=team`` or ``reason=team``; ValueError names a bad
    entry."""
    routing: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in raw.split(","))):
        key, sep, team = (piece.strip() for piece in entry.partition("="))
        if not sep or not key or team not in TEAMS:
            raise ValueError(f"OUTREACH_HANDOFF_TEAMS entry {entry!r}: write group=team, team one of "
                             f"{', '.join(TEAMS)}")
        if key not in GROUPS and key not in REASONS and key not in _CLINICIAN_REASONS:
            raise ValueError(f"OUTREACH_HANDOFF_TEAMS entry {entry!r}: {key!r} is not a handoff group "
                             f"({', '.join(GROUPS)}) or reason")
        routing[key] = team
    return routing
