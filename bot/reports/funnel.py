"""Where patients fall out: the funnel per workflow and campaign, read from the workflow events.

One report feeds the operations dashboard and ``GET /api/v1/reports/funnel`` (so a warehouse pulls the same
figures the page shows). Every figure is counted per task: a task reaches a step once, whatever it took.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any

from sqlmodel import Session, col, func, or_, select

from bot.core.limits import within_our_calendar
from bot.core.models import Campaign, Conversation, Handoff, OutreachTask, Patient, WorkflowEvent
from bot.outreach.policy import patient_zones
from bot.staff.reasons import group_of

# the steps, in order, and the events that show a task reached each (the first one counts)
STEPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("contacted", frozenset({"outreach.conversation.started", "outreach.call.placed", "outreach.message.sent"})),
    ("delivered", frozenset({"outreach.message.delivered", "outreach.identity.verified",
                             "outreach.identity.not_matched", "outreach.patient.replied"})),
    ("replied", frozenset({"outreach.patient.replied", "outreach.identity.verified", "outreach.identity.not_matched",
                           "outreach.checkin.answered", "outreach.patient.opted_out"})),
)
OUTCOMES = ("booked", "confirmed", "completed", "declined", "opted_out", "unreachable", "handed_off", "cancelled",
            "expired", "open")
RESOLVED = frozenset({"booked", "confirmed", "completed", "declined"})
_STEP_EVENTS = frozenset().union(*(events for _, events in STEPS)) | {"outreach.appointment.booked",
                                                                     "outreach.appointment.confirmed"}
MAX_TASKS = 200_000  # a report reads at most this many tasks (newest first); narrow the range for more


class ReportError(ValueError):
    """A filter that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Range:
    workflow: str = ""
    campaign: str = ""
    start: datetime | None = None  # tasks created from this moment (UTC) …
    end: datetime | None = None  # … to before this one
    asked_from: str = ""  # as given, to echo back
    asked_to: str = ""

    @classmethod
    def from_query(cls, query: Any) -> Range:
        """``workflow``, ``campaign``, ``from`` and ``to`` (dates YYYY-MM-DD, ``to`` inclusive; or ISO times)."""
        asked_from, asked_to = str(query.get("from") or "").strip(), str(query.get("to") or "").strip()
        return cls(workflow=str(query.get("workflow", "")).strip(), campaign=str(query.get("campaign", "")).strip(),
                   start=_moment(asked_from, "from", end_of_day=False), end=_moment(asked_to, "to", end_of_day=True),
                   asked_from=asked_from[:40], asked_to=asked_to[:40])

    def as_query(self) -> dict[str, str]:
        return {"workflow": self.workflow, "campaign": self.campaign, "from": self.asked_from, "to": self.asked_to,
                "from_utc": self.start.isoformat() if self.start else "",
                "before_utc": self.end.isoformat() if self.end else ""}


def _moment(raw: Any, name: str, end_of_day: bool) -> datetime | None:
    if raw is None or str(raw).strip() == "":
        return None
    text = str(raw).strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time.min, tzinfo=UTC)
            moment = moment + timedelta(days=1) if end_of_day else moment
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        raise ReportError(f"'{name}' must be a date like 2026-12-01 (or an ISO time), not {text[:40]!r}") from None
    try:
        return within_our_calendar(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    except ValueError as problem:
        raise ReportError(f"'{name}' {problem}") from None


@dataclass
class _Task:
    id: str
    workflow: str
    campaign_id: str | None
    state: str
    created_at: datetime
    language: str
    patient: Patient


def funnel_report(session: Session, scope: Range) -> dict[str, Any]:
    """The funnel and its breakdowns for the tasks in ``scope``."""
    if scope.start and scope.end and scope.start >= scope.end:
        raise ReportError("'from' must be before 'to'")
    if scope.campaign and session.get(Campaign, scope.campaign) is None:
        raise ReportError(f"no campaign with the id {scope.campaign[:60]!r}")
    query = select(OutreachTask, Patient).join(Patient, col(Patient.id) == OutreachTask.patient_id)
    if scope.workflow:
        query = query.where(OutreachTask.workflow == scope.workflow)
    if scope.campaign:
        query = query.where(OutreachTask.campaign_id == scope.campaign)
    if scope.start:
        query = query.where(col(OutreachTask.created_at) >= scope.start)
    if scope.end:
        query = query.where(col(OutreachTask.created_at) < scope.end)
    # a draft campaign's patients are not targeted yet (nobody may contact them until it is launched)
    query = query.where(or_(col(OutreachTask.campaign_id).is_(None), col(OutreachTask.campaign_id).not_in(
        select(Campaign.id).where(Campaign.state == "draft"))))
    rows = session.exec(query.order_by(col(OutreachTask.created_at).desc()).limit(MAX_TASKS)).all()
    tasks = {t.id: _Task(t.id, t.workflow, t.campaign_id, t.state, t.created_at, p.language, p) for t, p in rows}
    firsts = _first_times(session, list(tasks))
    channels = _channels(session, list(tasks))
    by_workflow: dict[str, list[_Task]] = defaultdict(list)
    for task in tasks.values():
        by_workflow[task.workflow].append(task)
    return {
        "scope": {**scope.as_query(), "tasks_read": len(tasks), "capped": len(tasks) == MAX_TASKS},
        "total": _funnel(list(tasks.values()), firsts),
        "workflows": {name: _funnel(group, firsts) for name, group in sorted(by_workflow.items())},
        "response_rate": {
            "by_channel": _rates(tasks.values(), firsts, lambda t: channels.get(t.id, "none")),
            "by_language": _rates(tasks.values(), firsts, lambda t: t.language),
            "by_hour": _rates(tasks.values(), firsts, lambda t: _contact_hour(t, firsts), order=int),
        },
        "handoffs": _handoffs(session, list(tasks)),
    }


def _first_times(session: Session, task_ids: list[str]) -> dict[str, dict[str, datetime]]:
    """Per task: the first time of each event type that marks a step."""
    firsts: dict[str, dict[str, datetime]] = defaultdict(dict)
    for chunk in _chunks(task_ids):
        for subject, kind, first in session.exec(
            select(WorkflowEvent.subject, WorkflowEvent.type, func.min(WorkflowEvent.time))
            .where(col(WorkflowEvent.subject).in_(chunk), col(WorkflowEvent.type).in_(sorted(_STEP_EVENTS)))
            .group_by(col(WorkflowEvent.subject), col(WorkflowEvent.type))
        ).all():
            firsts[subject][kind] = first
    return firsts


def _channels(session: Session, task_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(task_ids):
        for task_id, channel in session.exec(
                select(Conversation.task_id, Conversation.channel).where(col(Conversation.task_id).in_(chunk))):
            if task_id:
                found.setdefault(task_id, channel)
    return found


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _reached(task_id: str, firsts: dict[str, dict[str, datetime]], events: frozenset[str]) -> datetime | None:
    times = [moment for kind, moment in firsts.get(task_id, {}).items() if kind in events]
    return min(times) if times else None


def _outcome(task: _Task, firsts: dict[str, dict[str, datetime]]) -> str:
    if "outreach.appointment.confirmed" in firsts.get(task.id, {}) and task.state in ("completed", "booked"):
        return "confirmed"
    return task.state if task.state in OUTCOMES else "open"


def _funnel(tasks: list[_Task], firsts: dict[str, dict[str, datetime]]) -> dict[str, Any]:
    """Counts per step and outcome, fall-out between steps, and median minutes from each step to the next."""
    counts = {"targeted": len(tasks)}
    previous_times: dict[str, datetime] = {t.id: t.created_at for t in tasks}
    waits: dict[str, float | None] = {}
    previous = "targeted"
    for step, events in STEPS:
        reached = {t.id: moment for t in tasks if (moment := _reached(t.id, firsts, events)) is not None}
        counts[step] = len(reached)
        minutes = [(moment - previous_times[tid]).total_seconds() / 60 for tid, moment in reached.items()
                   if tid in previous_times and moment >= previous_times[tid]]
        waits[f"{previous}_to_{step}"] = round(statistics.median(minutes), 1) if minutes else None
        previous_times, previous = reached, step
    booked_at = {t.id: moment for t in tasks
                 if (moment := _reached(t.id, firsts, frozenset({"outreach.appointment.booked"}))) is not None}
    minutes = [(moment - previous_times[tid]).total_seconds() / 60 for tid, moment in booked_at.items()
               if tid in previous_times and moment >= previous_times[tid]]
    waits["replied_to_booked"] = round(statistics.median(minutes), 1) if minutes else None
    outcomes = Counter(_outcome(t, firsts) for t in tasks)
    steps = ["targeted", *(name for name, _ in STEPS)]
    fall_out = {f"{a}_to_{b}": counts[a] - counts[b] for a, b in pairwise(steps)}
    resolved = sum(outcomes[o] for o in RESOLVED)
    return {"counts": counts, "outcomes": {o: outcomes.get(o, 0) for o in OUTCOMES}, "fall_out": fall_out,
            "median_minutes": waits, "resolution_rate": round(resolved / len(tasks), 3) if tasks else None}


def _contact_hour(task: _Task, firsts: dict[str, dict[str, datetime]]) -> int | None:
    contacted = _reached(task.id, firsts, STEPS[0][1])
    return contacted.astimezone(patient_zones(task.patient)[0]).hour if contacted else None


def _rates(tasks: Any, firsts: dict[str, dict[str, datetime]], key: Any, order: Any = str) -> list[dict[str, Any]]:
    """Of the tasks contacted, how many replied, grouped by ``key`` (the patient's hour for hour of day)."""
    contacted: Counter[Any] = Counter()
    replied: Counter[Any] = Counter()
    for task in tasks:
        if _reached(task.id, firsts, STEPS[0][1]) is None:
            continue
        group = key(task)
        if group is None:
            continue
        contacted[group] += 1
        if _reached(task.id, firsts, STEPS[2][1]) is not None:
            replied[group] += 1
    return [{"group": group, "contacted": contacted[group], "replied": replied[group],
             "rate": round(replied[group] / contacted[group], 3)} for group in sorted(contacted, key=order)]


def _handoffs(session: Session, task_ids: list[str]) -> list[dict[str, Any]]:
    """Handoffs by reason group: how many, how many still waiting, and the median minutes to be claimed."""
    found: list[Handoff] = []
    for chunk in _chunks(task_ids):
        found.extend(session.exec(select(Handoff).where(col(Handoff.task_id).in_(chunk))))
    groups: dict[str, list[Handoff]] = defaultdict(list)
    for handoff in found:
        groups[group_of(handoff.reason)].append(handoff)
    report = []
    for group, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        claim_minutes = [(h.claimed_at - h.created_at).total_seconds() / 60 for h in items if h.claimed_at]
        report.append({"group": group, "handoffs": len(items),
                       "waiting": sum(h.state != "resolved" for h in items),
                       "median_minutes_to_claim": round(statistics.median(claim_minutes), 1) if claim_minutes
                       else None})
    return report
