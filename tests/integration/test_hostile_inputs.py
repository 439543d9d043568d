"""Inputs an outside tester sent to every door (API, Twilio webhooks, uploads): each is refused with a 4xx that
names the field, or taken whole, and never answered with a 500 or stored cut short."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import uuid
from typing import Any

import aiohttp
from conftest import SIMULATOR_TOKEN, Stack, new_phone, task_body
from test_staff_access import form_token, signed_in
from twilio.request_validator import RequestValidator

from bot.core.settings import SIMULATOR_ACCOUNT_SID


async def _post_task_raw(stack: Stack, data: bytes, **headers: str) -> tuple[int, dict[str, Any]]:
    async with stack.http.post(f"{stack.base_url}/api/v1/tasks", data=data,
                               headers={**stack.auth, "Content-Type": "application/json", **headers}) as response:
        return response.status, await response.json()


def _fields(error: dict[str, Any]) -> set[str]:
    return {detail["field"] for detail in error["error"].get("details", [])}


async def _upload(stack: Stack, csv_text: str, workflow: str = "care_gap") -> tuple[int, dict[str, Any]]:
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns",
                               params={"name": f"hostile-{uuid.uuid4().hex[:8]}", "workflow": workflow},
                               data=csv_text.encode(), headers={**stack.auth, "Content-Type": "text/csv"}) as response:
        return response.status, await response.json()


async def test_a_time_zone_thousands_of_characters_long_is_refused_by_name(stack: Stack) -> None:
    error = await stack.create_task(task_body(new_phone(), "prov-none", timezone="A" * 5000), expect=422)
    assert "patient.timezone" in _fields(error)
    error = await stack.create_task(task_body(new_phone(), "prov-none", timezone="America/" + "x" * 300),
                                    expect=422)
    assert "patient.timezone" in _fields(error)


async def test_json_nested_thousands_of_levels_deep_is_refused(stack: Stack) -> None:
    status, error = await _post_task_raw(stack, b"[" * 5000 + b"]" * 5000)
    assert status == 400 and "nested" in error["error"]["message"]
    body = task_body(new_phone(), "prov-none")
    deep: dict[str, Any] = {}
    body["context"]["extra"] = deep
    for _ in range(40):
        deep["x"] = {}
        deep = deep["x"]
    error = await stack.create_task(body, expect=400)
    assert "nested" in error["error"]["message"] and error["error"]["details"][0]["field"].startswith("context.")


async def test_an_event_cursor_beyond_64_bits_is_refused(stack: Stack) -> None:
    url = f"{stack.base_url}/api/v1/events"
    for params, field in (({"after": str(2**64)}, "after"), ({"after": str(2**31)}, "after"),
                          ({"after": "-1"}, "after"), ({"after": "1e3"}, "after"),
                          ({"limit": "99999999999999999999999"}, "limit")):
        async with stack.http.get(url, params=params, headers=stack.auth) as response:
            body = await response.json()
            assert response.status == 400, (params, body)
            assert _fields(body) == {field}
    # the cursor's column is 32 bits on PostgreSQL: its largest value is still a plain empty page
    async with stack.http.get(url, params={"after": str(2**31 - 1)}, headers=stack.auth) as response:
        assert response.status == 200 and (await response.json())["events"] == []


async def test_slot_times_at_the_edges_of_the_calendar_are_refused(stack: Stack) -> None:
    for moment in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00Z",
                   "9999-12-31T23:59:59Z"):
        body = {"slots": [{"provider_id": "prov-edge", "starts_at": moment}]}
        async with stack.http.post(f"{stack.base_url}/api/v1/slots", json=body, headers=stack.auth) as response:
            error = await response.json()
            assert response.status == 422, (moment, error)
            assert "slots.0.starts_at" in _fields(error)
        task = task_body(new_phone(), "prov-none")
        task["due_by"] = moment
        assert "due_by" in _fields(await stack.create_task(task, expect=422))
    funnel = f"{stack.base_url}/api/v1/reports/funnel"
    async with stack.http.get(funnel, params={"from": "0001-01-01T00:00:00+14:00"}, headers=stack.auth) as r:
        assert r.status == 400, await r.text()


async def test_a_campaign_cell_over_128_kb_is_a_row_error_and_the_other_rows_are_imported(stack: Stack) -> None:
    good = new_phone()
    csv_text = (f"given_name,phone,mrn\nHuge,{new_phone()},{'9' * 140_000}\n"
                f"Ana,{good},H-{uuid.uuid4().hex[:8]}\n")
    status, report = await _upload(stack, csv_text)
    assert status == 201, report
    assert report["tasks_created"] == 1
    assert [(e["line"], e["column"]) for e in report["errors"]] == [(2, "mrn")]


async def test_a_bare_carriage_return_in_a_campaign_cell_is_a_row_error(stack: Stack) -> None:
    csv_text = (f"given_name,phone\nAna\rBo,{new_phone()}\n\"Cy\rDi\",{new_phone()}\n"
                f"Ed,{new_phone()}\r\n")
    status, report = await _upload(stack, csv_text)
    assert status == 201, report
    assert report["tasks_created"] == 1
    assert {(e["line"], e["column"]) for e in report["errors"]} == {(2, "given_name"), (3, "given_name")}
    # a file from an old Mac spreadsheet ends its lines with CR alone: read as lines
    status, report = await _upload(stack, f"given_name,phone\rFay,{new_phone()}\rGus,{new_phone()}\r")
    assert status == 201 and report["tasks_created"] == 2, report


async def test_multipart_with_a_wrong_or_missing_boundary_is_a_400(stack: Stack) -> None:
    body = b'--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ngiven_name,phone\r\n--XYZ--'
    for content_type in ("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=A"):
        async with stack.http.post(f"{stack.base_url}/api/v1/campaigns", data=body,
                                   params={"name": "mp", "workflow": "care_gap"},
                                   headers={**stack.auth, "Content-Type": content_type}) as response:
            error = await response.json()
            assert response.status == 400, (content_type, error)
            assert _fields(error) == {"body"}
    username = f"ops-{uuid.uuid4().hex[:6]}"
    http = await signed_in(stack, username, await stack.add_staff(username, "operations"))
    try:
        token = await form_token(http, f"{stack.base_url}/staff/campaigns")
        for content_type in ("multipart/form-data", "multipart/form-data; boundary=A"):
            async with http.post(f"{stack.base_url}/staff/campaigns", data=body,
                                 headers={"Content-Type": content_type, "X-CSRF-Token": token}) as response:
                assert response.status == 400, (content_type, await response.text())
    finally:
        await http.close()
    # a Twilio webhook is a urlencoded form, signed: anything else is refused before it is read
    async with stack.http.post(f"{stack.base_url}/channels/sms/inbound", data=body,
                               headers={"Content-Type": "multipart/form-data; boundary=A"}) as response:
        assert response.status == 415


def _signed(url: str, params: dict[str, str]) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(SIMULATOR_TOKEN).compute_signature(url, params)}


async def test_a_signed_text_with_a_garbled_media_count_is_answered_and_kept(stack: Stack) -> None:
    phone = (await stack.start_conversation()).phone
    url = f"{stack.base_url}/channels/sms/inbound"
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": phone, "To": "+15005550006", "Body": "HELP",
              "AccountSid": SIMULATOR_ACCOUNT_SID, "NumMedia": "abc"}
    async with stack.http.post(url, data=params, headers=_signed(url, params)) as response:
        assert response.status == 200, await response.text()
    texts = await stack.wait_for_texts(phone, 2)
    assert "STOP" in texts[1]  # the HELP answer: the text was read, not dropped


async def _text_from(stack: Stack, phone: str, body: str) -> None:
    url = f"{stack.base_url}/channels/sms/inbound"
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": phone, "To": "+15005550006", "Body": body,
              "AccountSid": SIMULATOR_ACCOUNT_SID, "NumMedia": "0"}
    async with stack.http.post(url, data=params, headers=_signed(url, params)) as response:
        assert response.status == 200, await response.text()


async def test_an_empty_text_is_answered_and_keeps_nothing_after_it_waiting(stack: Stack) -> None:
    """A carrier may deliver a text with no words (an MMS whose picture was stripped): it is answered once, and
    the patient's next texts (a STOP above all) are read as ever."""
    started = await stack.start_conversation()
    await _text_from(stack, started.phone, "")
    await stack.wait_for_texts(started.phone, 2)
    await stack.reply(started.phone, "STOP")
    await stack.wait_for_event(started.task_id, "outreach.patient.opted_out")


async def test_a_stray_control_character_in_a_reply_is_dropped_and_the_reply_read(stack: Stack) -> None:
    """GSM's "@" is byte 0: a carrier that decodes it badly sends a NUL. The words around it still count."""
    started = await stack.start_conversation()
    await _text_from(stack, started.phone, "2\x00")
    await stack.wait_for_event(started.task_id, "outreach.appointment.booked")


async def test_free_text_fields_and_bodies_have_limits_named_in_the_error(stack: Stack) -> None:
    error = await stack.create_task(task_body(new_phone(), "prov-none", email="a" * 300 + "@example.org"),
                                    expect=422)
    assert "patient.email" in _fields(error)
    status, error = await _post_task_raw(stack, b'{"patient": {"email": "' + b"a" * (1024 * 1024) + b'"}}')
    assert status == 413 and _fields(error) == {"body"}
    long_name = task_body(new_phone(), "prov-none")
    long_name["context"]["note"] = "n" * 20_000
    assert _fields(await stack.create_task(long_name, expect=400)) == {"context.note"}
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns", params={"name": "n" * 250},
                               data=f"given_name,phone\nAna,{new_phone()}\n".encode(),
                               headers={**stack.auth, "Content-Type": "text/csv"}) as response:
        assert response.status == 400 and _fields(await response.json()) == {"name"}
    url = f"{stack.base_url}/channels/sms/inbound"
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": new_phone(), "To": "+15005550006",
              "Body": "x" * 20_000, "AccountSid": SIMULATOR_ACCOUNT_SID}
    async with stack.http.post(url, data=params, headers=_signed(url, params)) as response:
        assert response.status == 400 and _fields(await response.json()) == {"Body"}


async def test_a_phone_with_an_extension_is_refused_not_cut(stack: Stack) -> None:
    error = await stack.create_task(task_body("+1 212 555 0100 ext. 5", "prov-none"), expect=422)
    problems = [d["problem"] for d in error["error"]["details"] if d["field"] == "patient.phone"]
    assert problems and "extension" in problems[0]
    status, report = await _upload(stack, "given_name,phone\nAna,+1 212 555 0100 ext. 5\n")
    assert status == 422 and "extension" in report["error"]["details"][0]["problem"]


async def test_odd_numbers_encodings_types_and_headers_get_4xx_not_500(stack: Stack) -> None:
    for raw in (b'{"priority": NaN}', b'{"priority": Infinity}', b'{"priority": 1e999}',
                b'{"priority": ' + b"9" * 5000 + b"}", b"\xff\xfe{}", b"[]", b"null", b"   "):
        status, error = await _post_task_raw(stack, raw)
        assert status == 400, (raw[:30], error)
    body = task_body(new_phone(), "prov-none")
    body["priority"] = 2**70
    assert _fields(await stack.create_task(body, expect=400)) == {"priority"}  # beyond 64 bits: JSON rule
    body = task_body(new_phone(), "prov-none")
    body["patient"]["given_name"] = ["Sam"]
    assert "patient.given_name" in _fields(await stack.create_task(body, expect=422))
    async with stack.http.get(f"{stack.base_url}/api/v1/tasks/" + "x" * 500, headers=stack.auth) as response:
        assert response.status == 404 and _fields(await response.json()) == {"task_id"}
    async with stack.http.get(f"{stack.base_url}/api/v1/events", params={"task_id": "t" * 1000},
                              headers=stack.auth) as response:
        assert response.status == 400 and _fields(await response.json()) == {"task_id"}
    async with stack.http.get(f"{stack.base_url}/api/v1/events",
                              headers={"Authorization": "Bearer t\u00e9st"}) as response:
        assert response.status == 401
    async with aiohttp.ClientSession() as once, once.post(  # its own connection: this one is left mid-body
            f"{stack.base_url}/api/v1/tasks", data=b"{}",
            headers={**stack.auth, "Content-Length": "99999999999"}) as response:
        assert response.status == 413 and _fields(await response.json()) == {"body"}
    url = f"{stack.base_url}/channels/sms/inbound"
    for content_type in ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=nope"):
        async with stack.http.post(url, data=b"Body=%ff%fe&From=\xff",
                                   headers={"Content-Type": content_type}) as response:
            assert response.status == 400, content_type


async def test_formula_cells_in_a_campaign_are_refused_but_phones_with_a_plus_are_taken(stack: Stack) -> None:
    plus = new_phone()
    csv_text = ("given_name,family_name,phone,mrn\n"
                f"Ana,Rivera,{plus},F-{uuid.uuid4().hex[:8]}\n"
                f'"=HYPERLINK(""http://x.example/"",""click"")",Bad,{new_phone()},F-{uuid.uuid4().hex[:8]}\n'
                f"Bo,@SUM(A1),{new_phone()},F-{uuid.uuid4().hex[:8]}\n"
                f"Cy,Nguyen,{new_phone()},-2+3\n"
                f"Di,Tab,{new_phone()},\t=1+1\n"
                f"Ed,Phone,=2125550100,F-{uuid.uuid4().hex[:8]}\n")
    status, report = await _upload(stack, csv_text)
    assert status == 201, report
    assert report["tasks_created"] == 1
    assert [(e["line"], e["column"]) for e in report["errors"]] == [
        (3, "given_name"), (4, "family_name"), (5, "mrn"), (6, "mrn"), (7, "phone")]


async def test_a_chat_frame_nested_thousands_deep_gets_an_error_and_the_chat_goes_on(stack: Stack) -> None:
    from test_webchat_identity import chat_task, open_chat

    task = await chat_task(stack)
    chat = await open_chat(stack, task)
    await chat.wait_for_bot(1)
    await chat.socket.send_str("[" * 5000 + "]" * 5000)
    while (frame := await chat.socket.receive(timeout=10)).type == aiohttp.WSMsgType.TEXT:
        if json.loads(frame.data).get("type") == "error":
            break
    assert frame.type == aiohttp.WSMsgType.TEXT, frame
    await chat.socket.send_str(json.dumps({"text": "01/02/1980", "id": "after-junk"}))
    while (data := json.loads((await chat.socket.receive(timeout=10)).data)).get("type") != "received":
        pass
    assert data["id"] == "after-junk"
    await chat.socket.close()


async def test_a_nul_character_is_refused_by_name_wherever_it_is_sent(stack: Stack) -> None:
    error = await stack.create_task(task_body(new_phone(), "prov-none", given_name="Sa\x00m"), expect=400)
    assert _fields(error) == {"patient.given_name"}
    async with stack.http.get(f"{stack.base_url}/api/v1/events", params={"task_id": "t\x00"},
                              headers=stack.auth) as response:
        assert response.status == 400 and _fields(await response.json()) == {"task_id"}
    status, report = await _upload(stack, f"given_name,phone\nA\x00na,{new_phone()}\nBo,{new_phone()}\n")
    assert status == 201 and [(e["line"], e["column"]) for e in report["errors"]] == [(2, "given_name")]
    url = f"{stack.base_url}/channels/sms/inbound"
    params = {"MessageSid": "SM\x00" + uuid.uuid4().hex, "From": new_phone(), "To": "+15005550006", "Body": "hi",
              "AccountSid": SIMULATOR_ACCOUNT_SID}
    async with stack.http.post(url, data=params, headers=_signed(url, params)) as response:
        assert response.status == 400 and _fields(await response.json()) == {"MessageSid"}
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        token = await form_token(http, f"{stack.base_url}/staff/login")
        async with http.post(f"{stack.base_url}/staff/login", data={"username": "a\x00b", "password": "x",
                                                                   "csrf_token": token}) as response:
            assert response.status == 400, await response.text()


async def test_every_dashboard_csv_export_is_safe_to_open_in_a_spreadsheet(stack: Stack) -> None:
    await stack.create_task(task_body(new_phone(), "prov-none"), expect=201)
    username = f"ops-{uuid.uuid4().hex[:6]}"
    http = await signed_in(stack, username, await stack.add_staff(username, "operations"))
    try:
        for table in ("workflows", "outcomes", "fall_out", "waits", "by_channel", "by_language", "by_hour",
                      "handoffs"):
            async with http.get(f"{stack.base_url}/staff/dashboard/{table}.csv") as response:
                assert response.status == 200 and response.content_type == "text/csv"
                rows = list(csv.reader(io.StringIO(await response.text(), newline="")))
            assert rows and rows[0]
            for cell in (cell for row in rows for cell in row):
                assert not cell.startswith(("=", "@", "\t", "\r")), (table, cell)
                if cell.startswith(("+", "-")):
                    float(cell)  # only numbers, which a spreadsheet reads as numbers
    finally:
        await http.close()


async def test_a_campaign_file_naming_a_column_twice_is_refused_not_guessed(stack: Stack) -> None:
    status, body = await _upload(stack, f"given_name,phone,given_name\nAna,{new_phone()},Maria\n")
    assert status == 400 and "given_name" in body["error"]["message"], body


async def test_a_priority_that_is_not_a_number_is_refused_not_converted(stack: Stack) -> None:
    for wrong in ("1", True, 1.5):
        body = task_body(new_phone(), "prov-none")
        body["priority"] = wrong
        error = await stack.create_task(body, expect=422)
        assert "priority" in _fields(error), (wrong, error)
    body = task_body(new_phone(), "prov-none")
    body["priority"] = 2
    await stack.create_task(body, expect=201)


async def test_a_campaign_priority_column_takes_whole_numbers(stack: Stack) -> None:
    status, body = await _upload(stack, f"given_name,phone,priority\nAna,{new_phone()},2\nBo,{new_phone()},high\n")
    assert status == 201, body
    assert body["tasks_created"] == 1 and body["rows_with_errors"] == 1, body
    assert any(error.get("column") == "priority" for error in body["errors"]), body


async def test_an_unpaired_surrogate_is_refused_by_the_api_and_the_simulator(stack: Stack) -> None:
    raw = json.dumps({"patient": {"given_name": "\ud800", "phone": new_phone()}, "workflow": "care_gap"}).encode()
    status, error = await _post_task_raw(stack, raw)
    assert status == 400 and "surrogate" in json.dumps(error), error
    async with stack.http.post(f"{stack.base_url}/sim/phones/{new_phone()}/reply",
                               data=json.dumps({"body": "1 \ud800"}).encode(),
                               headers={"Content-Type": "application/json"}) as response:
        assert response.status == 400 and "surrogate" in await response.text()


async def test_a_phone_with_no_task_is_told_once_that_a_person_will_read_its_texts(stack: Stack) -> None:
    phone = new_phone()
    await stack.reply(phone, "hello?")
    assert len(await stack.wait_for_texts(phone, 1)) == 1
    for again in ("hello??", "Out of office: I will reply when I am back"):  # a person, then an auto-reply
        await stack.reply(phone, again)
    await asyncio.sleep(3)  # each is answered within a second when it is answered at all
    assert len(await stack.texts_to(phone)) == 1, await stack.texts_to(phone)
