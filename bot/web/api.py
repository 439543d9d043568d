"""The public API of DESIGN.md section 7: JSON in, JSON out, clear errors, never a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from bot.core.context import Outreach
from bot.core.db import is_unavailable
from bot.core.limits import MAX_EVENT_POSITION, MAX_ID, MAX_KEY, MAX_LABEL, MAX_UPLOAD_BYTES, InputError, same_secret
from bot.core.models import Campaign, OutreachTask, Patient, Provider, Slot
from bot.events.outbox import as_cloudevent, events_after
from bot.outreach.campaigns import (
    CampaignFileError,
    CampaignStateError,
    NoUsableRow,
    campaign_view,
    cancel_waiting_tasks,
    change_campaign,
    check_rate,
    import_campaign,
)
from bot.outreach.chat_links import chat_url
from bot.outreach.patients import ChangeRefused, PatientChange, change_patient, patient_view
from bot.outreach.tasks import (
    MAX_CANCEL_REASON,
    CannotCancel,
    IdempotencyConflict,
    TaskIn,
    cancel_task,
    create_task,
    task_view,
)
from bot.outreach.workflows import WORKFLOWS
from bot.reports.funnel import Range, ReportError, funnel_report
from bot.scheduling.slots import SlotsIn
from bot.web.forms import form_file, form_text, read_form
from bot.web.guard import query_int, read_json
from bot.web.openapi import OPENAPI_PATH, openapi_document

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
API_CAMPAIGN_ACTIONS = ("pause", "resume", "cancel")  # a campaign uploaded through the API runs at once


def error(status: int, message: str, details: Any = None) -> web.Response:
    body: dict[str, Any] = {"error": {"status": status, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    return web.json_response(body, status=status)


def _validation_details(exc: ValidationError) -> list[dict[str, Any]]:
    return [{"field": ".".join(str(p) for p in item["loc"]), "problem": item["msg"]} for item in exc.errors()]


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every /api error is JSON with a plain message; unexpected failures are logged, not shown."""
    if not request.path.startswith("/api/"):
        return await handler(request)
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        response = error(exc.status, exc.reason)
        if "Allow" in exc.headers:  # a 405 says which methods the path takes (RFC 9110 requires it)
            response.headers["Allow"] = exc.headers["Allow"]
        return response
    except Exception as exc:
        if is_unavailable(exc):
            log.warning("api.database_unavailable", extra={"path": request.path, "error": exc.__class__.__name__})
            response = error(503, "the database is busy or unavailable; nothing was applied, try again shortly")
            response.headers["Retry-After"] = "5"
            return response
        log.exception("api.unhandled", extra={"path": request.path})
        return error(500, "internal error; the request was not applied")


class _Bad(Exception):
    def __init__(self, status: int, message: str, details: Any = None) -> None:
        self.status, self.message, self.details = status, message, details


def api_routes(ctx: Outreach) -> list[web.RouteDef]:
    def authorised(request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and same_secret(token.strip(), ctx.settings.api_token)

    def guarded(handler: Handler) -> Handler:
        async def wrapper(request: web.Request) -> web.StreamResponse:
            if not authorised(request):
                response = error(401, "missing or wrong API token; send 'Authorization: Bearer <token>'")
                response.headers["WWW-Authenticate"] = "Bearer"
                return response
            try:
                return await handler(request)
            except _Bad as bad:
                return error(bad.status, bad.message, bad.details)
        return wrapper

    async def post_task(request: web.Request) -> web.Response:
        body = await read_json(request)
        if not isinstance(body, dict):
            raise _Bad(400, "request body must be a JSON object")
        key_header = request.headers.get("Idempotency-Key")
        if key_header is not None and not 1 <= len(key_header.strip()) <= MAX_KEY:  # checked even when unused
            raise _Bad(422, "the task is not valid", [{"field": "Idempotency-Key", "problem": (
                f"the header must hold 1 to {MAX_KEY} characters")}])
        if key_header and "idempotency_key" not in body:
            body["idempotency_key"] = key_header
        try:
            payload = TaskIn.model_validate(body)
        except ValidationError as exc:
            raise _Bad(422, "the task is not valid", _validation_details(exc)) from None
        def create(session: Session) -> tuple[dict[str, Any], bool]:
            task, created = create_task(session, payload)
            view = _view(session, task)
            if not created and task.idempotency_key != payload.idempotency_key:
                view["merged"] = True  # the patient's open task for the same need: no second contact
            return view, created

        for attempt in range(2):
            try:
                view, created = await ctx.db.run(create)
                break
            except IdempotencyConflict:
                raise _Bad(409, "this idempotency_key was already used for a different task") from None
            except IntegrityError:
                if attempt == 1:
                    raise
                continue  # a concurrent request with the same key won: read its task
        return web.json_response(view, status=201 if created else 200)

    def _view(session: Session, task: OutreachTask) -> dict[str, Any]:
        """The task as the API shows it; a web-chat task carries the private link to give the patient."""
        patient = session.get(Patient, task.patient_id)
        link = chat_url(ctx.settings, task.id) if patient and patient.preferred_channel == "chat" else None
        channel = task.channel or (patient.preferred_channel if patient else "sms")
        return {**task_view(task), "channel": channel, "chat_url": link}

    async def get_task(request: web.Request) -> web.Response:
        def read(session: Session) -> dict[str, Any] | None:
            task = session.get(OutreachTask, request.match_info["task_id"])
            return None if task is None else _view(session, task)

        view = await ctx.db.run(read)
        if view is None:
            raise _Bad(404, "no task with that id")
        return web.json_response(view)

    async def cancel(request: web.Request) -> web.Response:
        body = await read_json(request) if request.body_exists else {}
        if not isinstance(body, dict):
            raise InputError("body", "must be a JSON object like {\"reason\": \"booked elsewhere\"}", 422)
        reason = body.get("reason", "")
        if not isinstance(reason, str):
            raise InputError("reason", "must be a string", 422)
        if len(reason) > MAX_CANCEL_REASON:
            raise InputError("reason", f"longer than {MAX_CANCEL_REASON} characters", 422)

        def stop(session: Session) -> dict[str, Any] | None:
            task = cancel_task(session, request.match_info["task_id"], reason.strip())
            return None if task is None else _view(session, task)

        try:
            view = await ctx.db.run(stop)
        except CannotCancel as problem:
            raise _Bad(409, str(problem)) from None
        if view is None:
            raise _Bad(404, "no task with that id")
        return web.json_response(view)

    async def get_events(request: web.Request) -> web.Response:
        after = query_int(request, "after", 0, low=0, high=MAX_EVENT_POSITION)
        limit = query_int(request, "limit", 500, low=1, high=1000)
        task_id = request.query.get("task_id") or None
        def read(session: Session) -> list[dict[str, Any]] | None:
            if task_id and session.get(OutreachTask, task_id) is None:
                return None
            return [as_cloudevent(e) for e in events_after(session, task_id, after, limit)]

        events = await ctx.db.run(read)
        if events is None:
            raise _Bad(404, "no task with that id")
        next_after = events[-1]["position"] if events else after
        return web.json_response({"events": events, "next_after": next_after})

    async def post_slots(request: web.Request) -> web.Response:
        body = await read_json(request)
        try:
            payload = SlotsIn.model_validate(body)
        except ValidationError as exc:
            raise _Bad(422, "the slots are not valid", _validation_details(exc)) from None
        def publish(session: Session) -> list[tuple[Slot, bool]]:
            published: list[tuple[Slot, bool]] = []
            for item in payload.slots:
                provider = session.get(Provider, item.provider_id)
                if provider is None:
                    provider = Provider(id=item.provider_id, name=item.provider_name or item.provider_id,
                                        location=item.location, timezone=item.timezone)
                    session.add(provider)
                    session.flush()
                elif item.timezone and not provider.timezone:
                    provider.timezone = item.timezone
                    session.add(provider)
                # one provider has one time once: a time published again (a schedule re-sent) is the same slot,
                # never a second one two patients could both book
                same = session.exec(select(Slot).where(Slot.provider_id == item.provider_id,
                                                       Slot.starts_at == item.starts_at)).first()
                if same is not None:
                    published.append((same, False))
                    continue
                slot = Slot(provider_id=item.provider_id, visit_type=item.visit_type, starts_at=item.starts_at,
                            duration_minutes=item.duration_minutes, location=item.location,
                            timezone=item.timezone or provider.timezone)
                session.add(slot)
                session.flush()
                published.append((slot, True))
            return published

        published = await ctx.db.run(publish)
        return web.json_response({"slots": [{"id": s.id, "provider_id": s.provider_id, "status": s.status,
                                             "starts_at": s.starts_at.isoformat(), "created": created}
                                            for s, created in published]}, status=201)

    async def post_campaign(request: web.Request) -> web.Response:
        name = request.query.get("name", "")
        workflow = request.query.get("workflow") or None
        rate_text = request.query.get("rate", "")
        if request.content_type.startswith("multipart/"):
            form = await read_form(request)
            raw = form_file(form, "file", MAX_UPLOAD_BYTES)
            name = name or form_text(form, "name", MAX_LABEL) or str(getattr(form.get("file"), "filename", "") or "")
            workflow = workflow or form_text(form, "workflow", MAX_ID) or None
            rate_text = rate_text or form_text(form, "rate", MAX_ID)
        else:
            raw = await request.read()
        if len(name) > MAX_LABEL:
            raise InputError("name", f"longer than {MAX_LABEL} characters")
        if not raw:
            raise _Bad(400, "send the CSV as the request body (text/csv) or as a multipart field named 'file'")
        if not name.strip():
            raise _Bad(400, "name the campaign: ?name=December%20reminders")
        if workflow is not None and workflow not in WORKFLOWS:
            raise _Bad(422, f"unknown workflow; use one of: {', '.join(sorted(WORKFLOWS))}")
        try:
            rate = check_rate(float(rate_text)) if rate_text.strip() else None
        except ValueError as problem:
            message = str(problem) if "rate" in str(problem) else "rate must be a number of messages per second"
            raise _Bad(422, "the campaign is not valid", [{"field": "rate", "problem": message}]) from None
        try:
            view = await import_campaign(ctx.db, name.strip(), workflow, raw, rate=rate)
        except CampaignFileError as exc:
            raise _Bad(400, str(exc)) from None
        except NoUsableRow as exc:
            raise _Bad(422, "no row could be turned into a task; nothing was created", exc.errors[:200]) from None
        return web.json_response(view, status=201)

    async def get_campaign(request: web.Request) -> web.Response:
        def read(session: Session) -> dict[str, Any] | None:
            campaign = session.get(Campaign, request.match_info["campaign_id"])
            return None if campaign is None else campaign_view(session, campaign)

        view = await ctx.db.run(read)
        if view is None:
            raise _Bad(404, "no campaign with that id")
        return web.json_response(view)

    def campaign_action(action: str) -> Handler:
        async def act(request: web.Request) -> web.Response:
            campaign_id = request.match_info["campaign_id"]

            def change(session: Session) -> dict[str, Any] | None:
                if session.get(Campaign, campaign_id) is None:
                    return None
                return campaign_view(session, change_campaign(session, campaign_id, action))

            try:
                view = await ctx.db.run(change)
            except CampaignStateError as problem:
                raise _Bad(409, str(problem)) from None
            if view is None:
                raise _Bad(404, "no campaign with that id")
            log.info("api.campaign_changed", extra={"campaign_id": campaign_id, "action": action})
            if action == "cancel":  # nobody new is contacted from now; its waiting tasks are recorded cancelled
                await cancel_waiting_tasks(ctx.db, campaign_id)
                view = await ctx.db.run(lambda session: campaign_view(session, session.get(Campaign, campaign_id)))
            return web.json_response(view)
        return act

    async def patch_patient(request: web.Request) -> web.Response:
        body = await read_json(request)
        if not isinstance(body, dict):
            raise _Bad(400, "request body must be a JSON object")
        try:
            change = PatientChange.model_validate(body)
        except ValidationError as exc:
            raise _Bad(422, "the change is not valid", _validation_details(exc)) from None

        def apply(session: Session) -> dict[str, Any] | None:
            patient = change_patient(session, request.match_info["patient_id"], change)
            return None if patient is None else patient_view(patient)

        try:
            view = await ctx.db.run(apply)
        except ChangeRefused as problem:
            raise _Bad(422, "the change is not valid", [{"field": "preferred_channel", "problem": str(problem)}]
                       ) from None
        if view is None:
            raise _Bad(404, "no patient with that id")
        return web.json_response(view)

    async def get_funnel(request: web.Request) -> web.Response:
        try:
            scope = Range.from_query(request.query)
            if scope.workflow and scope.workflow not in WORKFLOWS:
                raise ReportError(f"no workflow {scope.workflow!r}; one of {', '.join(sorted(WORKFLOWS))}")
            report = await ctx.db.run(lambda session: funnel_report(session, scope))
        except ReportError as problem:
            raise _Bad(400, str(problem)) from None
        return web.json_response(report)

    description = json.dumps(openapi_document(), separators=(",", ":")).encode()

    async def get_openapi(_request: web.Request) -> web.Response:
        return web.Response(body=description, content_type="application/json", charset="utf-8")

    return [
        web.get(OPENAPI_PATH, guarded(get_openapi)),
        web.get("/api/v1/reports/funnel", guarded(get_funnel)),
        web.post("/api/v1/campaigns", guarded(post_campaign)),
        web.get("/api/v1/campaigns/{campaign_id}", guarded(get_campaign)),
        *(web.post(f"/api/v1/campaigns/{{campaign_id}}/{action}", guarded(campaign_action(action)))
          for action in API_CAMPAIGN_ACTIONS),
        web.patch("/api/v1/patients/{patient_id}", guarded(patch_patient)),
        web.post("/api/v1/tasks", guarded(post_task)),
        web.get("/api/v1/tasks/{task_id}", guarded(get_task)),
        web.post("/api/v1/tasks/{task_id}/cancel", guarded(cancel)),
        web.get("/api/v1/events", guarded(get_events)),
        web.post("/api/v1/slots", guarded(post_slots)),
    ]
