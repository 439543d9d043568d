"""The two HTTP endpoints the engine calls back: custom actions (rasa_sdk's executor) and NLG (our renderer)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from aiohttp import web
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException
from sqlmodel import Session

from bot.conversation.actions import ACTIONS
from bot.conversation.identity import needs_identity
from bot.core.context import Outreach
from bot.core.limits import same_secret
from bot.core.models import Conversation, OutreachTask, Patient, Slot
from bot.messages.dates import format_visit_time
from bot.messages.render import UnknownMessage, organisation_context, render_message, resolve_language
from bot.outreach.policy import patient_zones
from bot.scheduling.slots import shown_zone

log = logging.getLogger(__name__)

ACTIONS_PATH = "/engine/actions"
NLG_PATH = "/engine/nlg"


def _authorised(ctx: Outreach, request: web.Request) -> bool:
    return same_secret(request.query.get("token", ""), ctx.settings.engine_callback_token)


async def message_context(
    ctx: Outreach, sender_id: str, arguments: dict[str, Any], channel: str = "sms"
) -> tuple[dict[str, Any], str]:
    """Everything a template may use, and the language to speak: from the conversation, the patient and the
    action's arguments (slot ids become formatted days and times in the patient's zone and locale)."""
    settings = ctx.settings
    context = organisation_context(settings.organisation_name, settings.support_phone)

    def read(session: Session) -> str:
        language = "en"
        conversation = session.get(Conversation, sender_id)
        patient = session.get(Patient, conversation.patient_id) if conversation else None
        if patient is not None:
            language = resolve_language(patient.language)
            context["first_name"] = patient.given_name
        # health details only where the patient proved who they are (chat, voice); never by SMS
        context["phi_allowed"] = bool(conversation and needs_identity(channel)
                                      and conversation.identity_state == "verified")
        zone = patient_zones(patient)[0] if patient else None
        task = session.get(OutreachTask, conversation.task_id) if conversation and conversation.task_id else None
        context["visit_type"] = str((task.context if task else {}).get("visit_type") or "")

        def describe(slot: Slot) -> dict[str, Any]:
            assert zone is not None
            shown, named = shown_zone(slot, zone)  # the clinic's time, named when the patient's clock differs
            day, clock = format_visit_time(slot.starts_at, shown, language, short=channel != "voice",
                                           name_zone=named)
            return {"day": day, "time": clock, "location": slot.location}

        slot_ids = arguments.get("slot_ids") or []
        options = []
        for number, slot_id in enumerate(slot_ids, start=1):
            slot = session.get(Slot, slot_id)
            if slot is not None and zone is not None:
                options.append({"number": number, **describe(slot)})
        context["options"] = options
        if arguments.get("starts_at") and zone is not None:
            day, clock = format_visit_time(datetime.fromisoformat(arguments["starts_at"]), zone, language,
                                           short=channel != "voice")
            context.update(day=day, time=clock, location=arguments.get("location") or "")
        if arguments.get("slot_id") and zone is not None:
            slot = session.get(Slot, arguments["slot_id"])
            if slot is not None:
                context.update(describe(slot))
        # a booking moved: the time given up, said too
        replaced = session.get(Slot, arguments["replaced_slot_id"]) if arguments.get("replaced_slot_id") else None
        context["replaced"] = describe(replaced) if replaced is not None and zone is not None else None
        return language

    return context, await ctx.db.run(read)


def engine_routes(ctx: Outreach) -> list[web.RouteDef]:
    executor = ActionExecutor()
    for action_class in ACTIONS:
        executor.register_action(action_class(ctx))

    async def actions(request: web.Request) -> web.Response:
        if not _authorised(ctx, request):
            return web.json_response({"error": "bad token"}, status=401)
        body = await request.json()
        try:
            result = await executor.run(body)
        except ActionExecutionRejection as error:
            return web.json_response({"error": error.message, "action_name": error.action_name}, status=400)
        except ActionNotFoundException as error:
            return web.json_response({"error": error.message, "action_name": error.action_name}, status=404)
        except Exception:
            log.exception("action.failed", extra={"action": body.get("next_action")})
            return web.json_response({"error": "action failed", "action_name": body.get("next_action")},
                                     status=500)
        payload = result.model_dump() if hasattr(result, "model_dump") else result
        return web.json_response(payload)

    async def nlg(request: web.Request) -> web.Response:
        if not _authorised(ctx, request):
            return web.json_response({"error": "bad token"}, status=401)
        body = await request.json()
        response_name = str(body.get("response", ""))
        tracker = body.get("tracker") or {}
        slots = tracker.get("slots") or {}
        channel = slots.get("channel") or "sms"
        message = response_name.removeprefix("utter_")
        try:
            context, language = await message_context(ctx, str(tracker.get("sender_id", "")),
                                                      body.get("arguments") or {}, channel)
            rendered = render_message(message, channel, language, context,
                                      simpler=slots.get("literacy") == "simpler")
        except UnknownMessage as error:
            log.error("nlg.unknown_message", extra={"response": response_name, "error": str(error)})
            return web.json_response({"error": str(error)}, status=404)
        except Exception:
            log.exception("nlg.failed", extra={"response": response_name})
            return web.json_response({"error": "render failed"}, status=500)
        buttons = [{"title": label, "payload": label} for label in rendered.buttons]
        return web.json_response({"text": rendered.text, "buttons": buttons, "image": None, "elements": [],
                                  "attachment": None, "custom": {}, "template_id": f"{message}/{channel}/{language}"})

    return [web.post(ACTIONS_PATH, actions), web.post(NLG_PATH, nlg)]
