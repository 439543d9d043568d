"""Campaign pages for operations: upload a CSV as a draft, read the per-row report, preview every message the
workflow sends in each language and channel with its literacy scores, then launch, pause, resume or cancel."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp_session import get_session
from sqlmodel import Session, col, func, select

from bot.core.context import Outreach
from bot.core.limits import MAX_ID, MAX_LABEL, MAX_UPLOAD_BYTES
from bot.core.models import Campaign, OutreachTask, Patient
from bot.messages.literacy import LANGUAGES, check, sample_context
from bot.messages.render import UnknownMessage, render_message
from bot.outreach.campaigns import (
    CAMPAIGN_ACTIONS,
    CampaignFileError,
    CampaignStateError,
    NoUsableRow,
    campaign_view,
    cancel_waiting_tasks,
    change_campaign,
    import_campaign,
)
from bot.outreach.workflows import WORKFLOWS
from bot.staff.accounts import StaffMember, audit
from bot.staff.pages import page_context, render
from bot.staff.reasons import N_
from bot.staff.security import STAFF_PREFIX, staff_only
from bot.web.forms import form_file, form_text, read_form

log = logging.getLogger(__name__)
PREVIEW_CHANNELS = ("sms", "chat", "voice")


@dataclass(frozen=True)
class Preview:
    message: str
    channel: str
    language: str
    text: str
    score: str  # e.g. "FK grade 4.1", or "" where no formula fits the language
    problems: list[str]


def previews(workflow: str, languages: list[str]) -> list[Preview]:
    """Every message of ``workflow`` in each language and channel, rendered with realistic values and checked
    by the literacy linter (the same checks `outreach templates lint` runs)."""
    flow = WORKFLOWS[workflow]
    found = []
    for message in (flow.opening, *flow.follow_ups, flow.lifecycle.reminder):
        for language in languages:
            for channel in PREVIEW_CHANNELS:
                try:
                    rendered = render_message(message, channel, language, sample_context(language, channel))
                except UnknownMessage:
                    continue
                finding = check(message, channel, language, rendered.text)
                score = f"{finding.score_name} {finding.score}" if finding.score is not None else ""
                found.append(Preview(message, channel, language, rendered.text, score, list(finding.problems)))
    return found


def campaign_routes(ctx: Outreach) -> list[web.AbstractRouteDef]:
    @staff_only("operations")
    async def campaigns_page(request: web.Request, member: StaffMember) -> web.StreamResponse:
        rows = await ctx.db.run(_campaign_list)
        return render("campaigns.html", member.locale, **await page_context(request, member), campaigns=rows,
                      workflows=sorted(WORKFLOWS), report=None)

    @staff_only("operations")
    async def upload(request: web.Request, member: StaffMember) -> web.StreamResponse:
        form = await read_form(request)
        name = form_text(form, "name", MAX_LABEL).strip()
        workflow = form_text(form, "workflow", MAX_ID)
        raw = form_file(form, "file", MAX_UPLOAD_BYTES)
        problem = ""
        if not name:
            problem = N_("Give the campaign a name.")
        elif workflow not in WORKFLOWS:
            problem = N_("Choose the workflow.")
        elif not raw:
            problem = N_("Choose a CSV file to upload.")
        report: dict[str, Any] | None = None
        if not problem:
            try:
                report = await import_campaign(ctx.db, name, workflow, raw, state="draft",
                                               created_by=member.username)
            except CampaignFileError as error:
                problem = str(error)
            except NoUsableRow as error:
                problem = N_("No row could become a task; nothing was created.")
                report = {"errors": error.errors, "rows_total": None}
        if report is not None and report.get("id"):
            await ctx.db.run(lambda s: audit(s, member.actor, "campaign_uploaded", f"campaign:{report['id']}",
                                             {"rows": report["rows_total"], "tasks": report["tasks_created"]}))
            session = await get_session(request)
            session["flash"] = ["done", N_("Uploaded as a draft: nobody is contacted until you launch it.")]
            raise web.HTTPSeeOther(f"{STAFF_PREFIX}/campaigns/{report['id']}")
        rows = await ctx.db.run(_campaign_list)
        return render("campaigns.html", member.locale, status=422, **await page_context(request, member),
                      campaigns=rows, workflows=sorted(WORKFLOWS), report=report, problem=problem, name=name,
                      chosen=workflow)

    @staff_only("operations")
    async def campaign_page(request: web.Request, member: StaffMember) -> web.StreamResponse:
        campaign_id = request.match_info["campaign_id"]
        found = await ctx.db.run(lambda s: _campaign_detail(s, campaign_id))
        if found is None:
            return render("message.html", member.locale, status=404, **await page_context(request, member),
                          title="Not found", text="There is no such campaign.")
        view, languages = found
        flow = WORKFLOWS.get(view["workflow"] or "")
        shown = previews(flow.name, languages) if flow else []
        ladder = [{"hours": int(rung.after.total_seconds() // 3600), "action": RUNG_WORDS[rung.action]}
                  for rung in flow.lifecycle.ladder] if flow else []
        expires_days = flow.lifecycle.expires_after.days if flow else 0
        return render("campaign.html", member.locale, **await page_context(request, member), campaign=view,
                      previews=shown, ladder=ladder, expires_days=expires_days,
                      actions=[a for a, (start, _) in CAMPAIGN_ACTIONS.items() if view["state"] in start])

    @staff_only("operations")
    async def act(request: web.Request, member: StaffMember) -> web.StreamResponse:
        campaign_id, action = request.match_info["campaign_id"], request.match_info["action"]
        session = await get_session(request)

        def change(s: Session) -> None:
            change_campaign(s, campaign_id, action)
            audit(s, member.actor, f"campaign_{action}", f"campaign:{campaign_id}", {})

        try:
            await ctx.db.run(change)
            session["flash"] = ["done", _DONE[action]]
        except CampaignStateError as error:
            session["flash"] = ["problem", str(error)]
        else:
            if action == "cancel":  # in the background, a chunk at a time; nobody is contacted meanwhile
                _background(cancel_waiting_tasks(ctx.db, campaign_id))
        raise web.HTTPSeeOther(f"{STAFF_PREFIX}/campaigns/{campaign_id}")

    p = f"{STAFF_PREFIX}/campaigns"
    return [web.get(p, campaigns_page), web.post(p, upload), web.get(f"{p}/{{campaign_id}}", campaign_page),
            web.post(f"{p}/{{campaign_id}}/{{action}}", act)]


_RUNNING: set[asyncio.Task[int]] = set()


def _background(job: Coroutine[Any, Any, int]) -> None:
    task = asyncio.get_running_loop().create_task(job)
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)


# what each rung of a contact ladder does, in the consoles' words
RUNG_WORDS = {"remind": N_("a reminder on the same channel (a call is placed again)"),
              "next_channel": N_("the same message on the patient's next channel (a call after texts)"),
              "person": N_("the task goes to a person's queue as unreachable")}
_DONE = {"launch": N_("Launched: patients are being contacted."), "pause": N_("Paused: nobody new is contacted."),
         "resume": N_("Resumed."), "cancel": N_("Cancelled: patients not yet contacted will not be.")}


def _campaign_list(session: Session) -> list[dict[str, Any]]:
    campaigns = session.exec(select(Campaign).order_by(col(Campaign.created_at).desc()).limit(100)).all()
    return [campaign_view(session, c) for c in campaigns]


def _campaign_detail(session: Session, campaign_id: str) -> tuple[dict[str, Any], list[str]] | None:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return None
    spoken = session.exec(select(Patient.language, func.count()).join(
        OutreachTask, col(OutreachTask.patient_id) == Patient.id).where(OutreachTask.campaign_id == campaign.id)
        .group_by(col(Patient.language))).all()
    languages = [language for language, _ in sorted(spoken, key=lambda row: -row[1]) if language in LANGUAGES]
    return campaign_view(session, campaign), languages or ["en"]


# words the campaign pages translate from values
UI_WORDS = (N_("Launch"), N_("Pause"), N_("Resume"), N_("Cancel"), N_("draft"), N_("running"), N_("paused"),
            N_("cancelled"), N_("awaiting_reply"), N_("contacting"))
