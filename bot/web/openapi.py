"""The public API (DESIGN.md section 7) described as OpenAPI 3.1, served at ``GET /api/v1/openapi.json``.

Request bodies are derived from the very models the handlers validate with (``TaskIn``, ``SlotsIn``), so a limit
changed there changes here; what those models cannot say in JSON Schema (the known workflows, the task states)
is read from the code that decides it. Responses are written out by hand and kept true by
``tests/integration/test_openapi.py``, which fuzzes the live app against this document.
"""

from __future__ import annotations

import copy
import functools
import itertools
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from bot.core.limits import (
    EARLIEST_MOMENT,
    LATEST_MOMENT,
    MAX_EVENT_POSITION,
    MAX_ID,
    MAX_JSON_BYTES,
    MAX_KEY,
    MAX_LABEL,
    MAX_PATH_PARAM,
    MAX_QUERY_VALUE,
    MAX_UPLOAD_BYTES,
)
from bot.events.outbox import EVENT_TYPES
from bot.outreach.campaigns import CAMPAIGN_ACTIONS, MAX_RATE
from bot.outreach.patients import PatientChange
from bot.outreach.states import ALLOWED_TRANSITIONS
from bot.outreach.tasks import MAX_CANCEL_REASON, TaskIn
from bot.outreach.workflows import WORKFLOWS
from bot.reports.funnel import OUTCOMES, STEPS
from bot.scheduling.slots import SlotsIn

OPENAPI_PATH = "/api/v1/openapi.json"
JSON = "application/json"
_REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF.format(model=name)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], *, required: list[str] | None = None, extra: bool = False,
            description: str | None = None) -> dict[str, Any]:
    """An object whose keys are all listed; every key is required unless ``required`` says which are."""
    schema: dict[str, Any] = {"type": "object", "properties": properties,
                              "required": list(properties) if required is None else required,
                              "additionalProperties": extra}
    if description:
        schema["description"] = description
    return schema


def _counts(keys: list[str]) -> dict[str, Any]:
    return _object({key: {"type": "integer", "minimum": 0} for key in keys})


STRING = {"type": "string"}
DATE_TIME = {"type": "string", "format": "date-time"}
COUNT = {"type": "integer", "minimum": 0}
ID = {"type": "string", "minLength": 1}


# fictional 555-01xx numbers (never assigned) in an area code of their own
EXAMPLE_PHONES = ("+18085550100", "+18085550101")
TASK_EXAMPLE = {
    "patient": {"given_name": "Ana", "family_name": "Reyes", "phone": "+1 808 555 0100", "mrn": "EX-1001",
                "language": "es", "timezone": "Pacific/Honolulu"},
    "workflow": "missed_appointment", "priority": 3, "idempotency_key": "example-task-1",
    "context": {"provider_id": "example-provider", "visit_type": "physical_therapy"},
}
SLOTS_EXAMPLE = {"slots": [{"provider_id": "example-provider", "provider_name": "Dr. Example",
                            "starts_at": "2031-03-04T17:00:00Z", "location": "Riverside Clinic, Room 2"}]}
CSV_EXAMPLE = ("given_name,family_name,phone,mrn,language,timezone\n"
               "Ana,Reyes,+1 808 555 0101,EX-2001,es,Pacific/Honolulu\n"
               "Bao,Tran,not a phone,EX-2002,vi,Pacific/Honolulu\n")


def _response_schemas() -> dict[str, Any]:
    workflow_names = sorted(WORKFLOWS)
    task_states = sorted(ALLOWED_TRANSITIONS)
    campaign_states = sorted({"draft"} | {state for _, (_, state) in CAMPAIGN_ACTIONS.items()}
                             | {s for allowed, _ in CAMPAIGN_ACTIONS.values() for s in allowed})
    steps = ["targeted", *(name for name, _ in STEPS), "resolved"]
    pairs = [f"{a}_to_{b}" for a, b in itertools.pairwise(steps)]
    waits = [*pairs[:-1], "replied_to_booked", "targeted_to_booked"]
    rate = _object({"group": STRING, "contacted": COUNT, "replied": COUNT,
                    "rate": {"type": "number", "minimum": 0, "maximum": 1}})
    funnel = _object({
        "counts": _counts(steps),
        "outcomes": _counts(list(OUTCOMES)),
        "fall_out": _object({pair: {"type": "integer"} for pair in pairs}),
        "median_minutes": _object({name: _nullable({"type": "number"}) for name in waits}),
        "median_days_to_visit": _nullable({"type": "number", "minimum": 0,
                                           "description": "from the task to the visit booked for it"}),
        "resolution_rate": _nullable({"type": "number", "minimum": 0, "maximum": 1}),
    })
    schemas: dict[str, Any] = {
        "Error": _object({
            "error": _object({
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "message": {"type": "string", "minLength": 1},
                "details": {"type": "array", "items": {"anyOf": [_ref("FieldProblem"), _ref("RowProblem")]},
                            "description": "what was wrong, where there is more to say than the message: each "
                                           "invalid field (FieldProblem), or each bad row of a campaign file "
                                           "(RowProblem)"},
            }, required=["status", "message"]),
        }, description="Every /api error: the HTTP status again, a plain message, and sometimes details."),
        "FieldProblem": _object({
            "field": {"type": "string", "description": "dotted path of the field, e.g. patient.phone"},
            "problem": STRING,
        }),
        "RowProblem": _object({
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "string", "description": "the column as the file names it"},
            "field": STRING,
            "problem": STRING,
        }),
        "Task": _object({
            "id": ID,
            "workflow": {"type": "string", "enum": workflow_names},
            "patient_id": ID,
            "state": {"type": "string", "enum": task_states},
            "priority": {"type": "integer", "minimum": 1, "maximum": 9},
            "due_by": _nullable(DATE_TIME),
            "idempotency_key": _nullable(STRING),
            "attempt_count": COUNT,
            "next_attempt_at": DATE_TIME,
            "waiting_reason": _nullable({"type": "string", "description": "why the task waits, e.g. quiet_hours"}),
            "context": {"type": "object", "description": "the task's context as given (provider_id, visit_type, "
                                                         "appointment, and the integrator's own keys)"},
            "campaign_id": _nullable(ID),
            "created_at": DATE_TIME,
            "updated_at": DATE_TIME,
            "channel": {"type": "string", "enum": ["sms", "chat", "voice"],
                        "description": "the channel the task contacts the patient on now (the ladder may move it)"},
            "ladder_step": {**COUNT, "description": "rungs of the workflow's contact ladder taken so far"},
            "expires_at": {**DATE_TIME, "description": "when the task expires unfinished (due_by, or the "
                                                       "workflow's time limit)"},
            "chat_url": _nullable({"type": "string", "format": "uri",
                                   "description": "a chat task's signed web-chat link, for the patient only"}),
            "merged": {"type": "boolean", "description": "present (true) when a request was answered with the "
                                                         "patient's open task for the same need"},
        }),
        "CloudEvent": _object({
            "specversion": {"type": "string", "const": "1.0"},
            "id": ID,
            "source": STRING,
            "type": {"type": "string", "enum": sorted(EVENT_TYPES)},
            "subject": {"type": "string", "description": "the task id"},
            "time": DATE_TIME,
            "datacontenttype": {"type": "string", "const": JSON},
            "sequence": {"type": "integer", "minimum": 1, "description": "per task, from 1"},
            "position": {"type": "integer", "minimum": 1, "maximum": MAX_EVENT_POSITION,
                         "description": "global commit order; pass the last one back as `after`"},
            "data": {"type": "object"},
        }),
        "EventPage": _object({
            "events": {"type": "array", "items": _ref("CloudEvent"), "maxItems": 1000},
            "next_after": {"type": "integer", "minimum": 0, "maximum": MAX_EVENT_POSITION},
        }),
        "PublishedSlots": _object({
            "slots": {"type": "array", "minItems": 1, "items": _object({
                "id": ID, "provider_id": ID, "status": {"type": "string", "enum": ["open", "booked", "blocked"]},
                "starts_at": DATE_TIME,
                "created": {"type": "boolean", "description": "false when the provider already had this time: "
                                                              "the slot stored before (a time is published once)"},
            })},
        }),
        "Campaign": _object({
            "id": ID,
            "name": {"type": "string", "minLength": 1, "maxLength": MAX_LABEL},
            "workflow": _nullable({"type": "string", "enum": workflow_names}),
            "rows_total": COUNT,
            "tasks_created": COUNT,
            "tasks_existing": COUNT,
            "rows_with_errors": COUNT,
            "errors": {"type": "array", "items": _ref("RowProblem")},
            "tasks_by_state": {"type": "object", "propertyNames": {"enum": task_states},
                               "additionalProperties": COUNT},
            "progress": _object({"finished": COUNT, "total": COUNT}),
            "state": {"type": "string", "enum": campaign_states},
            "rate": _nullable({"type": "number", "exclusiveMinimum": 0, "maximum": MAX_RATE,
                               "description": "at most this many of its patients contacted per second"}),
            "created_at": DATE_TIME,
        }),
        "Patient": _object({
            "id": ID,
            "mrn": _nullable(STRING),
            "phone": _nullable({"type": "string", "description": "E.164"}),
            "language": STRING,
            "preferred_channel": {"type": "string", "enum": ["sms", "chat", "voice"]},
            "timezone": _nullable(STRING),
            "do_not_contact": {"type": "boolean"},
            "deceased": {"type": "boolean"},
            "has_birth_date": {"type": "boolean", "description": "whether chat and voice can check identity"},
        }, description="A patient as the integrator manages them (the id is a task's patient_id)."),
        "FunnelReport": _object({
            "scope": _object({
                "workflow": STRING, "campaign": STRING,
                "from": {"type": "string", "maxLength": 40}, "to": {"type": "string", "maxLength": 40},
                "from_utc": {"type": "string", "description": "ISO time, or empty"},
                "before_utc": {"type": "string", "description": "ISO time, or empty"},
                "tasks_read": COUNT, "capped": {"type": "boolean"},
            }),
            "total": _ref("Funnel"),
            "workflows": {"type": "object", "propertyNames": {"enum": workflow_names},
                          "additionalProperties": _ref("Funnel")},
            "response_rate": _object({
                "by_channel": {"type": "array", "items": rate},
                "by_language": {"type": "array", "items": rate},
                "by_hour": {"type": "array", "items": {**rate, "properties": {
                    **rate["properties"], "group": {"type": "integer", "minimum": 0, "maximum": 23}}}},
            }),
            "handoffs": {"type": "array", "items": _object({
                "group": STRING, "handoffs": COUNT,
                "workflows": {"type": "object", "propertyNames": {"enum": workflow_names},
                              "additionalProperties": COUNT, "description": "how many in each workflow"},
                "waiting": COUNT,
                "oldest_waiting_minutes": _nullable({"type": "number", "minimum": 0}),
                "overdue": {**COUNT, "description": "waiting past their due time (urgent 15 min, high 1 h, "
                                                    "normal 4 h)"},
                "median_minutes_to_claim": _nullable({"type": "number"}),
            })},
        }),
        "Funnel": funnel,
    }
    schemas["Task"]["required"].remove("merged")  # only on an answer that merged a request into an open task
    return schemas


def _request_schemas() -> dict[str, Any]:
    models: list[tuple[type[BaseModel], Any]] = [(TaskIn, "validation"), (SlotsIn, "validation"),
                                                 (PatientChange, "validation")]
    _, document = models_json_schema(models, ref_template=_REF)
    schemas: dict[str, Any] = document["$defs"]
    task = schemas["TaskIn"]["properties"]
    task["workflow"] = {**task["workflow"], "enum": sorted(WORKFLOWS)}
    task["idempotency_key"]["description"] = "or the Idempotency-Key header; the same key and body give the same task"
    patient = schemas["PatientIn"]["properties"]
    patient["phone"]["description"] = ("a phone number with area code, e.g. +1 212 555 0143 (stored as E.164); "
                                       "anything else is a 422")
    patient["timezone"]["description"] = "an IANA time zone such as America/Chicago"
    patient["birth_date"]["description"] = "YYYY-MM-DD, from 1900-01-01 to today; needed for chat and voice"
    window = f"from {EARLIEST_MOMENT.date()} to before {LATEST_MOMENT.date()} (UTC)"
    for name in ("AppointmentIn", "SlotIn"):
        schemas[name]["properties"]["starts_at"]["description"] = f"with a UTC offset (2026-12-01T17:00:00Z); {window}"
    task["due_by"]["description"] = f"with a UTC offset; {window}"
    schemas["TaskIn"]["description"] = ("Read as a campaign row is, so true/false may also come as text (\"true\") "
                                        "or as 1/0; the priority only as a number; times and dates only as ISO "
                                        "8601 text.")
    patient["do_not_contact"]["description"] = ("true: nobody contacts the patient; their open tasks end as "
                                                "opted_out (left out: as it was)")
    patient["deceased"]["description"] = "true: the patient's open tasks are cancelled at once (left out: as it was)"
    schemas["PatientChange"]["description"] = ("Only the fields given change, on the next contact (a new phone: the "
                                               "next message, a reminder too, goes to it); none may be null.")
    schemas["PatientChange"]["minProperties"] = 1
    schemas["TaskIn"]["examples"] = [TASK_EXAMPLE]
    schemas["SlotsIn"]["examples"] = [SLOTS_EXAMPLE]
    return schemas


def _json(schema: dict[str, Any], description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description, "content": {JSON: {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def _common_errors() -> dict[str, Any]:
    """What any operation may answer besides its own outcomes."""
    return {
        "400": _error(f"a query parameter longer than {MAX_QUERY_VALUE} characters or holding a NUL (or, where the "
                      "operation says so, another bad input): `details` names it"),
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "405": {**_error("the method is not allowed on this path"), "headers": {
            "Allow": {"required": True, "schema": {"type": "string"}, "description": "the methods the path takes"}}},
        "503": {"$ref": "#/components/responses/Unavailable"},
    }


def _operation(operation_id: str, summary: str, responses: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "summary": summary, **more, "responses": {**_common_errors(), **responses}}


def _query(name: str, schema: dict[str, Any], description: str, required: bool = False,
           example: str | None = None) -> dict[str, Any]:
    if schema.get("type") == "string" and "enum" not in schema:
        schema = {**schema, "maxLength": min(schema.get("maxLength", MAX_QUERY_VALUE), MAX_QUERY_VALUE)}
    parameter = {"name": name, "in": "query", "required": required, "schema": schema, "description": description,
                 "allowEmptyValue": True}  # an empty value is read as the parameter not given
    if example is not None:
        parameter["example"] = example
    return parameter


def _path_id(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True,
            "schema": {"type": "string", "minLength": 1, "maxLength": MAX_PATH_PARAM},
            "description": f"the {what}'s id (a longer one, or one holding a NUL, is simply not found: 404)"}


def _paths() -> dict[str, Any]:
    workflow = {"type": "string", "enum": sorted(WORKFLOWS)}
    too_large = _error(f"the body is larger than the operation takes ({MAX_JSON_BYTES} bytes of JSON, "
                       f"{MAX_UPLOAD_BYTES} bytes of CSV)")
    bad_body = _error("the body is empty, not UTF-8 JSON, nested too deep, or holds a number beyond 64 bits, a "
                      "string too long or a NUL (or, for a task, is not a JSON object): `details` names it")
    return {
        "/api/v1/tasks": {"post": _operation(
            "createTask", "Create an outreach task (idempotent by key)",
            {"201": _json(_ref("Task"), "the task, created now"),
             "200": _json(_ref("Task"), "the task created earlier with the same idempotency key and body, or the "
                                        "patient's task still open for the same workflow (and referral_id or "
                                        "order_id, where given), with merged: true: nobody is contacted twice"),
             "400": bad_body,
             "409": _error("the idempotency key was used before for a different task"),
             "413": too_large,
             "422": _json(_ref("Error"), "invalid fields: `details` lists FieldProblem")},
            parameters=[{"name": "Idempotency-Key", "in": "header", "required": False,
                         "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY},
                         "description": "used when the body has no idempotency_key (checked either way: an "
                                        "empty or longer one is a 422)"}],
            requestBody={"required": True, "content": {JSON: {"schema": _ref("TaskIn")}}},
        )},
        "/api/v1/tasks/{task_id}": {"get": _operation(
            "getTask", "A task: its state, attempts, why it waits, its channel (and a chat task's link)",
            {"200": _json(_ref("Task"), "the task"), "404": _error("no task with that id")},
            parameters=[_path_id("task_id", "task")],
        )},
        "/api/v1/tasks/{task_id}/cancel": {"post": _operation(
            "cancelTask", "Stop all further contact for a task at once (e.g. the patient booked elsewhere)",
            {"200": _json(_ref("Task"), "the task, cancelled (cancelling it again changes nothing)"),
             "400": bad_body,
             "404": _error("no task with that id"),
             "409": _error("the task already ended in another outcome"),
             "422": _json(_ref("Error"), "the body is not an object, or `reason` is not a string of at most "
                                         f"{MAX_CANCEL_REASON} characters")},
            parameters=[_path_id("task_id", "task")],
            requestBody={"required": False, "content": {JSON: {"schema": _object(
                {"reason": {"type": "string", "maxLength": MAX_CANCEL_REASON,
                            "description": "why, kept in the task's last event"}}, required=[])}}},
        )},
        "/api/v1/events": {"get": _operation(
            "listEvents", "Workflow events as CloudEvents 1.0, in commit order",
            {"200": _json(_ref("EventPage"), "the next events after `after` (none: an empty list)"),
             "400": _error("`after` or `limit` is not a whole number, or `limit` is out of range"),
             "404": _error("no task with that id")},
            parameters=[
                _query("task_id", STRING, "only this task's events (an unknown id is a 404)"),
                _query("after", {"type": "integer", "minimum": 0, "maximum": MAX_EVENT_POSITION, "default": 0},
                       "the position after which to read: the previous page's next_after"),
                _query("limit", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 500},
                       "at most this many events"),
            ],
        )},
        "/api/v1/slots": {"post": _operation(
            "publishSlots", "Publish open appointment times (the provider is added when new)",
            {"201": _json(_ref("PublishedSlots"), "the slots, as stored"),
             "400": bad_body, "413": too_large,
             "422": _json(_ref("Error"), "invalid slots: `details` lists FieldProblem")},
            requestBody={"required": True, "content": {JSON: {"schema": _ref("SlotsIn")}}},
        )},
        "/api/v1/campaigns": {"post": _operation(
            "uploadCampaign", "Upload a CSV, one row per patient; each good row becomes a task (runs at once)",
            {"201": _json(_ref("Campaign"), "the campaign, with every bad row's RowProblem"),
             "400": _error("no file, no name or one too long, or a file that cannot be read as CSV (not UTF-8, no "
                           "header with given_name and phone, no rows, too many rows, an unreadable form)"),
             "413": too_large,
             "422": _json(_ref("Error"), "an unknown workflow, a rate out of range, or no row could become a "
                                         "task (nothing was created): `details` lists RowProblem")},
            parameters=[
                _query("name", {"type": "string", "minLength": 1, "maxLength": MAX_LABEL},
                       "the campaign's name (or the multipart field `name`, or the file's name)",
                       example="Example reminders"),
                _query("workflow", workflow, "the workflow of rows that name none", example="missed_appointment"),
                _query("rate", {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_RATE},
                       "at most this many of the campaign's patients contacted per second (or the multipart "
                       "field `rate`)"),
            ],
            requestBody={"required": True, "content": {
                "text/csv": {"schema": {"type": "string", "description": "UTF-8 CSV, comma, semicolon or tab "
                                                                         "separated, with a header row"},
                             "example": CSV_EXAMPLE},
                "multipart/form-data": {"schema": _object({
                    "file": {"type": "string", "contentMediaType": "text/csv", "description": "the CSV file"},
                    "name": {"type": "string", "maxLength": MAX_LABEL},
                    "workflow": {**workflow, "maxLength": MAX_ID},
                    "rate": {"type": "string", "maxLength": MAX_ID, "description": "messages per second"},
                }, required=["file"], extra=True)},
            }},
        )},
        "/api/v1/campaigns/{campaign_id}": {"get": _operation(
            "getCampaign", "A campaign's state and progress (tasks by state)",
            {"200": _json(_ref("Campaign"), "the campaign"), "404": _error("no campaign with that id")},
            parameters=[_path_id("campaign_id", "campaign")],
        )},
        **{f"/api/v1/campaigns/{{campaign_id}}/{action}": {"post": _operation(
            f"{action}Campaign", summary,
            {"200": _json(_ref("Campaign"), "the campaign, changed"), "404": _error("no campaign with that id"),
             "409": _error("the campaign's state does not allow it (e.g. resuming one that runs)")},
            parameters=[_path_id("campaign_id", "campaign")],
        )} for action, summary in (
            ("pause", "Pause a campaign: nobody new is contacted until it resumes (conversations go on)"),
            ("resume", "Resume a paused campaign"),
            ("cancel", "Cancel a campaign: its patients not yet contacted never are (their tasks are cancelled)"),
        )},
        "/api/v1/patients/{patient_id}": {"patch": _operation(
            "updatePatient", "Change a patient's phone, language, channel, time zone or flags (next contact on)",
            {"200": _json(_ref("Patient"), "the patient, changed"),
             "400": bad_body, "404": _error("no patient with that id"), "413": too_large,
             "422": _json(_ref("Error"), "invalid fields, an empty change or a null: `details` lists "
                                         "FieldProblem")},
            parameters=[_path_id("patient_id", "patient (a task's patient_id)")],
            requestBody={"required": True, "content": {JSON: {"schema": _ref("PatientChange")}}},
        )},
        "/api/v1/reports/funnel": {"get": _operation(
            "funnelReport", "The outreach funnel per workflow, with response rates and handoffs",
            {"200": _json(_ref("FunnelReport"), "the report for the tasks in scope"),
             "400": _error("an unknown workflow or campaign, an unreadable date, or `from` not before `to`")},
            parameters=[
                _query("workflow", workflow, "only this workflow"),
                _query("campaign", STRING, "only this campaign (its id)"),
                _query("from", STRING, "tasks created from this date (YYYY-MM-DD, or an ISO time; UTC)"),
                _query("to", STRING, "tasks created up to this date, inclusive (or before this ISO time)"),
            ],
        )},
        OPENAPI_PATH: {"get": _operation(
            "openapiDocument", "This description of the API (OpenAPI 3.1)",
            {"200": _json({"type": "object", "required": ["openapi", "info", "paths"]}, "the document")},
        )},
    }


@functools.cache
def _document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Patient outreach bot API",
            "version": "1",
            "description": "Tasks, workflow events, open times, campaigns and the funnel report. Every operation "
                           "needs `Authorization: Bearer <OUTREACH_API_TOKEN>`; every error is JSON shaped as "
                           "Error.",
        },
        "security": [{"bearerAuth": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "the OUTREACH_API_TOKEN"}},
            "schemas": {**_request_schemas(), **_response_schemas()},
            "responses": {
                "Unauthorized": _json(_ref("Error"), "no token, or the wrong one", headers={
                    "WWW-Authenticate": {"required": True, "schema": {"type": "string", "const": "Bearer"}}}),
                "Unavailable": _json(_ref("Error"), "the database is busy or unavailable; nothing was applied",
                                     headers={"Retry-After": {"required": True,
                                                              "schema": {"type": "string", "pattern": "^[0-9]+$"}}}),
            },
        },
    }


def openapi_document() -> dict[str, Any]:
    """The document, as a fresh copy (callers may change theirs)."""
    return copy.deepcopy(_document())
