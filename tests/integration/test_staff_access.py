"""Who may do what in the staff consoles, tried at the door: sign-in, roles, CSRF, lock-out, and an audit log
the database itself keeps append-only."""

from __future__ import annotations

import asyncio
import re
import time
import uuid

import aiohttp
import pytest
from conftest import Stack, Started, new_phone, task_body

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


async def form_token(http: aiohttp.ClientSession, url: str) -> str:
    async with http.get(url) as response:
        assert response.status == 200, url
        found = TOKEN.search(await response.text())
        assert found, f"no CSRF token on {url}"
        return found.group(1)


async def signed_in(stack: Stack, username: str, password: str) -> aiohttp.ClientSession:
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    token = await form_token(http, f"{stack.base_url}/staff/login")
    async with http.post(f"{stack.base_url}/staff/login", allow_redirects=False,
                         data={"username": username, "password": password, "csrf_token": token}) as response:
        assert response.status == 302, await response.text()
    return http


async def asking_for_a_person(stack: Stack, slots: int) -> tuple[Started, str]:
    """A patient in conversation who asks for a person; the handoff's id."""
    started = await stack.start_conversation(slots=slots)
    await stack.reply(started.phone, "can I talk to someone")
    handoff = await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    return started, handoff["data"]["handoff_id"]


async def test_pages_need_a_sign_in_and_the_right_role(stack: Stack) -> None:
    async with aiohttp.ClientSession() as anonymous:
        async with anonymous.get(f"{stack.base_url}/staff/inbox", allow_redirects=False) as response:
            assert response.status == 302
            assert response.headers["Location"] == "/staff/login?next=/staff/inbox"
        async with anonymous.get(f"{stack.base_url}/staff/inbox/events", allow_redirects=False,
                                 headers={"Accept": "text/event-stream"}) as response:
            assert response.status == 401
    operations = await stack.add_staff("ops-refused", "operations")
    async with await signed_in(stack, "ops-refused", operations) as http:
        async with http.get(f"{stack.base_url}/staff/inbox") as response:
            assert response.status == 403
        async with http.get(f"{stack.base_url}/staff/audit") as response:
            assert response.status == 403


async def test_a_change_without_the_forms_csrf_token_is_refused(stack: Stack) -> None:
    password = await stack.add_staff("sched-csrf", "scheduler")
    _started, handoff_id = await asking_for_a_person(stack, slots=1)
    async with await signed_in(stack, "sched-csrf", password) as http:
        claim = f"{stack.base_url}/staff/inbox/{handoff_id}/claim"
        async with http.post(claim, data={}, allow_redirects=False) as response:
            assert response.status == 403
        async with http.post(claim, data={"csrf_token": "forged"}, allow_redirects=False) as response:
            assert response.status == 403
        token = await form_token(http, f"{stack.base_url}/staff/inbox/{handoff_id}")
        async with http.post(claim, data={"csrf_token": token}, allow_redirects=False) as response:
            assert response.status == 303
        async with http.post(claim, headers={"X-CSRF-Token": token}, allow_redirects=False) as response:
            assert response.status == 303  # scripts send the token as a header
    async with aiohttp.ClientSession() as anonymous:  # no session: no token can match
        async with anonymous.post(f"{stack.base_url}/staff/login", allow_redirects=False,
                                  data={"username": "sched-csrf", "password": password}) as response:
            assert response.status == 403


async def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(stack: Stack) -> None:
    password = await stack.add_staff("sched-locked", "scheduler")
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        for attempt in range(5):
            token = await form_token(http, f"{stack.base_url}/staff/login")
            async with http.post(f"{stack.base_url}/staff/login", allow_redirects=False,
                                 data={"username": "sched-locked", "password": f"wrong-{attempt}",
                                       "csrf_token": token}) as response:
                assert response.status == 401
        token = await form_token(http, f"{stack.base_url}/staff/login")
        async with http.post(f"{stack.base_url}/staff/login", allow_redirects=False,
                             data={"username": "sched-locked", "password": password,
                                   "csrf_token": token}) as response:
            assert response.status == 401
            locked = await response.text()
            assert "waits 15 minutes" in locked
        token = await form_token(http, f"{stack.base_url}/staff/login")
        async with http.post(f"{stack.base_url}/staff/login", allow_redirects=False,
                             data={"username": "nobody-by-this-name", "password": "x", "csrf_token": token}
                             ) as response:
            unknown = await response.text()
        # the same words for a locked account and for a username that does not exist: nothing to enumerate
        assert _alert(locked) == _alert(unknown)


def _alert(page: str) -> str:
    return page.split('role="alert"', 1)[1].split("</p>", 1)[0]


async def test_the_audit_log_cannot_be_changed_or_deleted(stack: Stack) -> None:
    await stack.add_staff("sched-audit-row", "scheduler")  # writes an audit row
    for statement in ("UPDATE auditentry SET action = 'nothing' WHERE subject = 'user:sched-audit-row'",
                      "DELETE FROM auditentry WHERE subject = 'user:sched-audit-row'"):
        with pytest.raises(Exception, match="append-only"):
            await stack.let_time_pass(statement, {})


async def test_the_consoles_speak_the_members_language(stack: Stack) -> None:
    async with aiohttp.ClientSession(headers={"Accept-Language": "es-MX,es;q=0.9"}) as visitor:
        async with visitor.get(f"{stack.base_url}/staff/login") as response:
            page = await response.text()
            assert '<html lang="es">' in page and "Iniciar sesión" in page
    password = await stack.add_staff("sched-es", "scheduler", locale="es")
    async with await signed_in(stack, "sched-es", password) as http:
        async with http.get(f"{stack.base_url}/staff/inbox") as response:
            page = await response.text()
            assert response.status == 200
            assert '<html lang="es">' in page and "Bandeja de transferencias" in page


async def test_signing_out_ends_the_session_even_for_a_copied_cookie(stack: Stack) -> None:
    password = await stack.add_staff("sched-signout", "scheduler")
    http = await signed_in(stack, "sched-signout", password)
    copied = {cookie.key: cookie.value for cookie in http.cookie_jar}
    async with http:
        token = await form_token(http, f"{stack.base_url}/staff/inbox")
        async with http.post(f"{stack.base_url}/staff/logout", data={"csrf_token": token},
                             allow_redirects=False) as response:
            assert response.status == 302
    async with aiohttp.ClientSession(cookies=copied) as replay:
        async with replay.get(f"{stack.base_url}/staff/inbox", allow_redirects=False) as response:
            assert response.status == 302 and response.headers["Location"].startswith("/staff/login")


async def test_odd_report_ranges_and_garbled_uploads_get_clear_errors(stack: Stack) -> None:
    funnel = f"{stack.base_url}/api/v1/reports/funnel"
    for params in ({"to": "9999-12-31"}, {"from": "2026-12-02", "to": "2026-12-01"}, {"campaign": "no-such"},
                   {"workflow": "no_such"}):
        async with stack.http.get(funnel, params=params, headers=stack.auth) as response:
            assert response.status == 400, (params, await response.text())
    async with stack.http.get(funnel, params={"from": "2026-12-01T11:00:00Z"}, headers=stack.auth) as response:
        assert (await response.json())["scope"]["from_utc"] == "2026-12-01T11:00:00+00:00"
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns", params={"name": "x", "workflow": "referral"},
                               data=b"garbage", headers={**stack.auth,
                                                         "Content-Type": "multipart/form-data; boundary=xyz"}
                               ) as response:
        assert response.status == 400, await response.text()


async def test_a_stray_quote_in_a_campaign_file_is_reported_not_read_as_a_patient(stack: Stack) -> None:
    ana, unclosed, bo = new_phone(), new_phone(), new_phone()  # never a number another test's patient has
    rows = ("given_name,phone,mrn,timezone\n"
            f"Ana,{ana},Q-1,America/New_York\n"
            f'"Unclosed,{unclosed},Q-2,America/New_York\n'
            f"Bo,{bo},Q-3,America/New_York\n")
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns",
                               params={"name": f"quotes-{uuid.uuid4().hex[:6]}", "workflow": "care_gap"},
                               data=rows.encode(), headers={**stack.auth, "Content-Type": "text/csv"}) as response:
        report = await response.json()
    assert response.status == 201 and report["tasks_created"] == 1, report
    assert report["errors"][0]["line"] == 3 and "quote" in report["errors"][0]["problem"]


async def test_a_conversation_handed_back_to_the_bot_books_the_time_the_patient_picks(stack: Stack) -> None:
    password = await stack.add_staff("sched-back", "scheduler")
    started, handoff_id = await asking_for_a_person(stack, slots=3)
    async with await signed_in(stack, "sched-back", password) as http:
        page = f"{stack.base_url}/staff/inbox/{handoff_id}"
        for action in ("claim", "hand-back"):
            token = await form_token(http, page)
            async with http.post(f"{page}/{action}", data={"csrf_token": token}, allow_redirects=False) as response:
                assert response.status == 303
    assert (await stack.task(started.task_id))["state"] == "awaiting_reply"
    await stack.reply(started.phone, "2")
    booked = await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == started.slot_ids[1]


async def test_a_patient_nobody_may_text_goes_to_a_persons_queue_and_their_outcome_counts(stack: Stack) -> None:
    password = await stack.add_staff("sched-unreached", "scheduler")
    started_phone = new_phone()
    body = task_body(started_phone, "prov-none", consent_sms=False, consent_voice=False)
    task = await stack.create_task(body, expect=201)
    handoff = await stack.wait_for_event(task["id"], "outreach.handoff.requested")
    assert handoff["data"]["reason"] == "unreachable" and handoff["data"]["detail"] == "no_consent"
    assert (await stack.task(task["id"]))["state"] == "unreachable"
    async with await signed_in(stack, "sched-unreached", password) as http:
        page = f"{stack.base_url}/staff/inbox/{handoff['data']['handoff_id']}"
        async with http.get(page) as response:
            assert "Could not be reached" in await response.text()
        for action, data in (("claim", {}), ("resolve", {"outcome": "declined"})):
            token = await form_token(http, page)
            async with http.post(f"{page}/{action}", data={"csrf_token": token, **data},
                                 allow_redirects=False) as response:
                assert response.status == 303
    assert (await stack.task(task["id"]))["state"] == "declined"  # reached by phone, and declined


async def test_the_funnel_shows_where_escalations_wait_and_in_which_workflow(stack: Stack) -> None:
    started, _handoff_id = await asking_for_a_person(stack, slots=2)
    async with stack.http.get(f"{stack.base_url}/api/v1/reports/funnel",
                              params={"workflow": "missed_appointment"}, headers=stack.auth) as response:
        assert response.status == 200
        report = await response.json()
    asked = next(r for r in report["handoffs"] if r["group"] == "asked_for_person")
    assert asked["workflows"]["missed_appointment"] >= 1
    assert asked["waiting"] >= 1 and asked["oldest_waiting_minutes"] is not None
    assert asked["overdue"] == 0  # asked a moment ago; due within 4 hours
    total = report["total"]
    # a patient who replied but reached no outcome yet counts as falling out after "replied"
    assert total["fall_out"]["replied_to_resolved"] >= 1
    assert list(total["counts"]) == ["targeted", "contacted", "delivered", "replied", "resolved"]
    events = [e["type"] for e in await stack.events(started.task_id)]
    assert "outreach.handoff.requested" in events


async def test_an_unknown_senders_messages_are_one_handoff_a_person_can_read_and_answer(stack: Stack) -> None:
    password = await stack.add_staff("sched-stranger", "scheduler")
    stranger = new_phone()  # a number the bot never texted, and no patient's
    await stack.reply(stranger, "hi I got a missed call from this number")
    await stack.wait_for_texts(stranger, 1)  # told a person will read it; the handoff is made
    for body in ("hello?", "is this the clinic"):
        await stack.reply(stranger, body)
    async with await signed_in(stack, "sched-stranger", password) as http:
        deadline = time.monotonic() + 20
        while True:  # until both later messages wait on the sender's handoff
            async with http.get(f"{stack.base_url}/staff/inbox") as response:
                queue = await response.text()
            items = re.findall(r'href="/staff/inbox/([^"/]+)">\s*<span class="who">([^<]*)</span>.*?</li>',
                               queue, re.DOTALL)
            theirs = [found for found in re.finditer(
                r'<li class="item[^"]*">\s*<a href="/staff/inbox/([^"/]+)">\s*<span class="who">[^<]*'
                + re.escape(stranger) + r'.*?</li>', queue, re.DOTALL)]
            if any("2 new messages" in found.group(0) for found in theirs) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.3)
        assert len(theirs) == 1, items  # one handoff a sender, however many messages, and it names the phone
        assert "2 new messages" in theirs[0].group(0) and "sms" in theirs[0].group(0)
        page = f"{stack.base_url}/staff/inbox/{theirs[0].group(1)}"
        async with http.get(page) as response:
            shown = await response.text()
        assert stranger in shown and "hello?" in shown and "is this the clinic" in shown
        for action, data in (("claim", {}), ("reply", {"text": "This is City Clinic. How can we help?"})):
            token = await form_token(http, page)
            async with http.post(f"{page}/{action}", data={"csrf_token": token, **data},
                                 allow_redirects=False) as response:
                assert response.status == 303
    assert (await stack.wait_for_texts(stranger, 2))[-1] == "This is City Clinic. How can we help?"
