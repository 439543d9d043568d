"""The API description is true: schemathesis fuzzes the live app (real HTTP, the whole stack) over every
operation the document lists, and checks that nothing answers 5xx, that every answer is one the document
describes (status, content type, headers, body schema), and that no operation works without the token."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
import requests
import schemathesis
from conftest import API_TOKEN
from schemathesis.engine import StopReason, events

from bot.web.openapi import CSV_EXAMPLE, EXAMPLE_PHONES, OPENAPI_PATH, TASK_EXAMPLE, openapi_document

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
EXAMPLES_PER_OPERATION = 25  # in each round of fuzzing
FUZZING_SECONDS = 60  # rounds of fuzzing go on (each with new cases) until this much time has passed
TIME_BUDGET_SECONDS = 150  # a hard stop for the whole run, should a request hang: the test then fails
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_headers_conformance", "response_schema_conformance", "ignored_auth", "unsupported_method")


def fuzzing_config() -> schemathesis.Config:
    return schemathesis.Config.from_dict({
        "seed": 20261204,
        "max-time": FUZZING_SECONDS,  # the same cases every run, so a failure here is one anybody can repeat
        "headers": AUTH,
        "request-timeout": 30,
        "workers": 1,
        "generation": {"max-examples": EXAMPLES_PER_OPERATION, "mode": "all", "database": "none"},
        "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True},
                   "stateful": {"enabled": False}},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
    })


@pytest.fixture(scope="module")
def live_app(stack_process: tuple[str, int, str]) -> str:
    """The running stack, where the document's example patients have texted STOP: the tasks the fuzzer makes for
    them end at once as opted out, so no text goes out and nothing lingers for the tests that run after."""
    base_url = stack_process[0]
    for phone in EXAMPLE_PHONES:
        answer = requests.post(f"{base_url}/sim/phones/{phone}/reply", json={"body": "STOP"}, timeout=10)
        assert answer.status_code == 201, answer.text
    return base_url


def _request_line(recorder: Any, case_id: str) -> str:
    interaction = recorder.interactions.get(case_id)
    if interaction is None:
        return "(no request)"
    request, response = interaction.request, interaction.response
    body = (request.body or b"")[:300]
    status = response.status_code if response is not None else "no response"
    return f"{request.method} {request.uri} body={body!r} -> {status}"


def test_the_live_api_does_what_its_description_says(live_app: str) -> None:
    base_url = live_app
    schema = schemathesis.openapi.from_url(base_url + OPENAPI_PATH, headers=AUTH, timeout=30,
                                           config=fuzzing_config())
    operations = {f"{method.upper()} {path}" for path, item in openapi_document()["paths"].items()
                  for method in item if path != OPENAPI_PATH}  # the document itself takes no input: see below
    started = time.monotonic()
    problems: dict[str, list[str]] = {}  # one entry per kind of problem, with the requests that showed it
    requests_sent = 0
    tested: set[str] = set()
    statuses: dict[str, set[int]] = {}
    stop_reason = None
    stream = schemathesis.engine.from_schema(schema).execute()
    over_budget = False
    for event in stream:
        if not over_budget and time.monotonic() - started > TIME_BUDGET_SECONDS:
            over_budget = True
            stream.stop()
        if isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            tested.add(recorder.label)
            requests_sent += len(recorder.interactions)
            statuses.setdefault(recorder.label, set()).update(
                i.response.status_code for i in recorder.interactions.values() if i.response is not None)
            for case_id, checks in recorder.checks.items():
                for check in checks:
                    if check.failure_info is not None:
                        failure = check.failure_info.failure
                        kind = f"{recorder.label}: {check.name}: {failure.title}: {failure.message.strip()[:300]}"
                        problems.setdefault(kind, []).append(_request_line(recorder, case_id))
        elif isinstance(event, events.NonFatalError):
            problems.setdefault(f"error in {event.label}: {event.info.title}: {event.info.message[:300]}", [])
        elif isinstance(event, events.FatalError):
            problems.setdefault(f"schemathesis could not run: {event.exception!r}", [])
        elif isinstance(event, events.EngineFinished):
            stop_reason = event.stop_reason
    elapsed = time.monotonic() - started
    print(f"\nschemathesis: {len(tested)} operations, {requests_sent} requests in {elapsed:.0f} s "
          f"({stop_reason}); statuses: {dict(sorted((k, sorted(v)) for k, v in statuses.items()))}")
    report = [f"{kind}\n    seen {len(seen)}x, e.g. {seen[0] if seen else ''}"
              for kind, seen in sorted(problems.items())]
    assert not problems, f"{len(problems)} kinds of problem:\n" + "\n".join(report[:40])
    assert tested == operations, f"not tested: {sorted(operations - tested)}"
    # the success answers were reached too, so their bodies were checked against the document
    for label in ("POST /api/v1/tasks", "POST /api/v1/slots", "POST /api/v1/campaigns", "GET /api/v1/events",
                  "GET /api/v1/reports/funnel"):
        assert statuses[label] & {200, 201}, f"{label} never succeeded: {sorted(statuses[label])}"
    assert not over_budget, f"the fuzzing took more than {TIME_BUDGET_SECONDS} s and was stopped"
    assert stop_reason in (StopReason.COMPLETED, StopReason.MAX_TIME), f"the run stopped early: {stop_reason}"


def test_the_description_is_served_with_the_token_only(stack_process: tuple[str, int, str]) -> None:
    url = stack_process[0] + OPENAPI_PATH
    anonymous = requests.get(url, timeout=10)
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["status"] == 401
    schema = schemathesis.openapi.from_url(url, headers=AUTH, timeout=30)
    assert schema.raw_schema == openapi_document()
    served = schema[OPENAPI_PATH]["GET"].Case().call_and_validate(headers=AUTH)  # checked as any answer is
    assert served.status_code == 200


def test_a_task_and_a_campaign_read_back_as_described(live_app: str) -> None:
    """Read operations answer 200 for real ids too, checked the same way."""
    schema = schemathesis.openapi.from_url(live_app + OPENAPI_PATH, headers=AUTH, timeout=30)
    body = {**TASK_EXAMPLE, "idempotency_key": f"openapi-{uuid.uuid4()}"}
    created = schema["/api/v1/tasks"]["POST"].Case(body=body, media_type="application/json")
    task = created.call_and_validate(headers=AUTH).json()
    read = schema["/api/v1/tasks/{task_id}"]["GET"].Case(path_parameters={"task_id": task["id"]})
    assert read.call_and_validate(headers=AUTH).status_code == 200
    upload = schema["/api/v1/campaigns"]["POST"].Case(
        query={"name": f"openapi {uuid.uuid4()}", "workflow": "missed_appointment"},
        # a patient of its own: the example's patient may have an open task from the fuzzing, which this would join
        body=CSV_EXAMPLE.replace("EX-2001", f"EX-{uuid.uuid4().hex[:8]}"),
        media_type="text/csv")
    campaign = upload.call_and_validate(headers=AUTH).json()
    assert campaign["tasks_created"] == 1 and campaign["rows_with_errors"] == 1
    read = schema["/api/v1/campaigns/{campaign_id}"]["GET"].Case(path_parameters={"campaign_id": campaign["id"]})
    assert read.call_and_validate(headers=AUTH).status_code == 200
    events = schema["/api/v1/events"]["GET"].Case(query={"task_id": task["id"]})
    assert events.call_and_validate(headers=AUTH).json()["events"]


def test_what_the_fuzzer_found_stays_fixed(live_app: str) -> None:
    base = live_app + "/api/v1"
    # a 405 names the methods the path takes
    refused = requests.request("TRACE", f"{base}/tasks", headers=AUTH, timeout=10)
    assert refused.status_code == 405 and refused.headers["Allow"] == "POST"
    assert refused.json()["error"]["status"] == 405
    # a time as a bare number is refused, not read as seconds since 1970
    slot = {"slots": [{"provider_id": "openapi-prov", "starts_at": 0}]}
    answer = requests.post(f"{base}/slots", json=slot, headers=AUTH, timeout=10)
    assert answer.status_code == 422 and answer.json()["error"]["details"][0]["field"] == "slots.0.starts_at"
    body = {**TASK_EXAMPLE, "idempotency_key": f"openapi-{uuid.uuid4()}", "due_by": 1_800_000_000}
    answer = requests.post(f"{base}/tasks", json=body, headers=AUTH, timeout=10)
    assert answer.status_code == 422 and answer.json()["error"]["details"][0]["field"] == "due_by"
    # an Idempotency-Key header out of bounds is refused even when the body names its own key
    body = {**TASK_EXAMPLE, "idempotency_key": f"openapi-{uuid.uuid4()}"}
    answer = requests.post(f"{base}/tasks", json=body, headers={**AUTH, "Idempotency-Key": "k" * 201}, timeout=10)
    assert answer.status_code == 422 and answer.json()["error"]["details"][0]["field"] == "Idempotency-Key"
