"""START after STOP: the patient takes their opt-out back, and the outreach it ended picks up where it was.

A STOP ends every open task of the patient as ``opted_out`` (the router's ``stop_everything``). A patient who
then texts START (a STOP sent by mistake, or a change of mind) has given consent again; a reply to the offer
they were answering ("2") must then book, not meet "we have nothing open for you". So START resumes each task
that the patient's own opt-out ended recently and that has not run out of time: a task that was waiting for a
reply waits again (its conversation reopens, its next reminder counts from now); one not yet started is queued
again. The patient's own word is STOP, consent withdrawn in other words, or STOP sent to their carrier (error
21610); opt-outs that were not the patient's (do-not-contact, deceased) are never undone here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.core.models import Conversation, OutreachTask, WorkflowEvent
from bot.outreach.ladder import expires_at, schedule_next_rung
from bot.outreach.states import move_task

RESUME_WITHIN = timedelta(days=30)  # an older STOP is a settled choice: START then only allows new outreach
OPTED_OUT_BY_PATIENT = "patient_opted_out"  # the reason stop_everything records on the tasks it ends
_RESUMED_AS = {"awaiting_reply": "awaiting_reply", "contacting": "queued", "queued": "queued"}


def _ended_by_the_patients_stop(session: Session, task: OutreachTask, now: datetime) -> WorkflowEvent | None:
    """The event that ended ``task`` when it was the patient's own recent opt-out, else None. (Events that change
    no state may come after it: a late delivery report of the text before.)"""
    events = session.exec(select(WorkflowEvent).where(WorkflowEvent.subject == task.id)
                          .order_by(col(WorkflowEvent.sequence).desc())).all()
    last = next((event for event in events if "to" in event.data), None)  # the last change of state
    if last is None or last.data.get("to") != "opted_out" or last.data.get("reason") != OPTED_OUT_BY_PATIENT:
        return None
    return last if now - last.time <= RESUME_WITHIN else None


def resume_after_opt_in(session: Session, address: str, patient_ids: list[str], message_id: str,
                        now: datetime) -> list[str]:
    """Resume the tasks of ``patient_ids`` that their STOP ended (see the module's docstring); the ids resumed."""
    if not patient_ids:
        return []
    resumed: list[str] = []
    stopped = session.exec(select(OutreachTask).where(col(OutreachTask.patient_id).in_(patient_ids),
                                                      OutreachTask.state == "opted_out")).all()
    for task in stopped:
        ended = _ended_by_the_patients_stop(session, task, now)
        state = _RESUMED_AS.get(str(ended.data.get("from"))) if ended is not None else None
        if state is None or expires_at(task) <= now:
            continue
        move_task(session, task, state, {"reason": "patient_opted_in", "message_id": message_id})
        if state == "awaiting_reply":
            conversation = session.exec(
                select(Conversation).where(Conversation.task_id == task.id, Conversation.state == "closed")
                .order_by(col(Conversation.created_at).desc())).first()
            if conversation is not None:
                conversation.state = "bot"
                session.add(conversation)
            schedule_next_rung(task, now)
        else:
            task.next_attempt_at = max(task.next_attempt_at, now)
        session.add(task)
        resumed.append(task.id)
    return resumed
