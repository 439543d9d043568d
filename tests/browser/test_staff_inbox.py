"""The schedulers' inbox in a real browser: a handoff arrives live, is claimed, read, answered, booked and
resolved, and the pages pass axe-core at phone and desktop widths."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from browsing import serious_accessibility_problems, stack_shot_dir
from conftest import Stack, daytime_zone, future_weekday_times, new_phone, task_body

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


async def sign_in(page: Any, base_url: str, username: str, password: str, lands_on: str = "inbox") -> None:
    await page.goto(f"{base_url}/staff/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(f"**/staff/{lands_on}")


async def shots(page: Any, name: str) -> None:
    """Screenshots at both widths, and no serious accessibility problem at either."""
    for label, size in (("390", PHONE), ("1280", DESKTOP)):
        await page.set_viewport_size(size)
        await page.screenshot(path=str(stack_shot_dir() / f"staff-{name}-{label}.png"), full_page=True)
        assert await serious_accessibility_problems(page) == [], f"{name} at {label} px"


async def test_a_scheduler_takes_a_handoff_from_arrival_to_resolution(stack: Stack, page: Any) -> None:
    password = await stack.add_staff("sched-inbox", "scheduler")
    family = f"Inbox{uuid.uuid4().hex[:6]}"
    started = await stack.start_conversation(slots=3, given_name="Rosa", family_name=family)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(page, stack.base_url, "sched-inbox", password)

    # the patient asks for a person while the scheduler watches the inbox: it appears without a reload
    await stack.reply(started.phone, "can I talk to someone")
    await stack.wait_for_event(started.task_id, "outreach.handoff.requested")
    item = page.locator("#queue li.item").filter(has_text="Asked for a person").filter(has_text=family)
    await item.first.wait_for(timeout=15000)
    await shots(page, "inbox")

    await item.first.get_by_role("link").click()
    await page.get_by_role("heading", name="Asked for a person").wait_for()
    transcript = page.locator("#transcript")
    await transcript.get_by_text("can I talk to someone").wait_for()
    await page.get_by_role("button", name="Claim").click()
    await page.get_by_role("status").get_by_text("Claimed").wait_for()

    # while a person has it, the patient's new words appear at once; the bot only tells them, once, that a
    # person has their message (never the menu again)
    bot_texts = len(await stack.texts_to(started.phone))
    await stack.reply(started.phone, "hello? is anyone there")
    await transcript.get_by_text("hello? is anyone there").wait_for(timeout=15000)
    texts = await stack.wait_for_texts(started.phone, bot_texts + 1)
    assert "we got your message" in texts[-1].lower()
    await stack.reply(started.phone, "still waiting")
    await transcript.get_by_text("still waiting").wait_for(timeout=15000)

    await page.get_by_label("Your message").fill("Hi, this is Sam from the clinic. I can help you book.")
    await page.get_by_role("button", name="Send").click()
    await page.get_by_role("status").get_by_text("Sent").wait_for()
    texts = await stack.wait_for_texts(started.phone, bot_texts + 2)
    assert texts[bot_texts + 1:] == ["Hi, this is Sam from the clinic. I can help you book."]
    bot_texts += 1
    await shots(page, "conversation")

    await page.locator("input[name=slot_id]").first.check()
    await page.get_by_role("button", name="Book and tell the patient").click()
    await page.get_by_role("status").get_by_text("Booked").wait_for()
    booked = await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    assert booked["data"]["booked_by"] == "sched-inbox" and booked["data"]["slot_id"] in started.slot_ids
    texts = await stack.wait_for_texts(started.phone, bot_texts + 2)
    assert "booked" in texts[-1].lower()

    # the patient asks for another day: the booking is moved (the new time taken first, the old one let go)
    await page.locator("input[name=slot_id]").first.check()
    await page.get_by_role("button", name="Move the booking there and tell the patient").click()
    await page.get_by_role("status").get_by_text("Booked").wait_for()
    moved = [e for e in await stack.events(started.task_id) if e["type"] == "outreach.appointment.booked"][-1]
    assert moved["data"]["replaces"] == booked["data"]["appointment_id"]
    assert moved["data"]["slot_id"] != booked["data"]["slot_id"]
    cancelled = await stack.wait_for_event(started.task_id, "outreach.appointment.cancelled")
    assert cancelled["data"]["reason"] == "moved_by_staff"
    await page.get_by_role("button", name="Cancel this booking").click()
    await page.get_by_role("status").get_by_text("Booking cancelled").wait_for()
    await page.locator("input[name=slot_id]").first.check()
    await page.get_by_role("button", name="Book and tell the patient").click()
    await page.get_by_role("status").get_by_text("Booked").wait_for()
    texts = await stack.wait_for_texts(started.phone, bot_texts + 4)

    await page.get_by_label("Outcome").select_option("booked")
    await page.get_by_role("button", name="Resolve").click()
    await page.wait_for_url("**/staff/inbox")
    await page.get_by_role("status").get_by_text("Resolved").wait_for()
    assert await page.locator("#queue li.item").filter(has_text=family).count() == 0
    assert (await stack.task(started.task_id))["state"] == "booked"
    resolved = await stack.wait_for_event(started.task_id, "outreach.handoff.resolved")
    assert resolved["data"]["outcome"] == "booked"
    assert errors == []


async def test_the_sign_in_and_audit_pages_pass_axe_and_the_audit_shows_who_looked(stack: Stack, page: Any
                                                                                     ) -> None:
    await page.goto(f"{stack.base_url}/staff/login")
    await shots(page, "login")
    scheduler = await stack.add_staff("sched-audited", "scheduler")
    admin = await stack.add_staff("admin-audit", "admin")
    started = await stack.start_conversation(slots=1)
    await stack.reply(started.phone, "can I talk to someone")
    handoff = await stack.wait_for_event(started.task_id, "outreach.handoff.requested")

    await sign_in(page, stack.base_url, "sched-audited", scheduler)
    await page.goto(f"{stack.base_url}/staff/inbox/{handoff['data']['handoff_id']}")
    await page.get_by_role("heading", name="Asked for a person").wait_for()
    await stack.reply(started.phone, "are you there")  # the open page refreshes itself: not a new look
    await page.locator("#transcript").get_by_text("are you there").wait_for(timeout=15000)
    await page.get_by_role("button", name="Sign out").click()
    await page.wait_for_url("**/staff/login")

    await sign_in(page, stack.base_url, "admin-audit", admin)
    await page.goto(f"{stack.base_url}/staff/audit?subject=handoff:{handoff['data']['handoff_id']}")
    row = page.locator("tbody tr").filter(has_text="viewed_conversation").filter(has_text="staff:sched-audited")
    await row.first.wait_for()
    assert await row.count() == 1
    await shots(page, "audit")


async def test_operations_watch_the_funnel_move_on_the_dashboard_and_through_the_api(stack: Stack, page: Any
                                                                                        ) -> None:
    operations = await stack.add_staff("ops-dash", "operations")
    await sign_in(page, stack.base_url, "ops-dash", operations, lands_on="dashboard")

    async def funnel() -> dict[str, Any]:
        async with stack.http.get(f"{stack.base_url}/api/v1/reports/funnel", params={"workflow": "referral"},
                                  headers=stack.auth) as response:
            assert response.status == 200, await response.text()
            return (await response.json())["total"]

    before = await funnel()
    started = await stack.start_conversation("referral", slots=2)
    await stack.reply(started.phone, "1")
    await stack.wait_for_event(started.task_id, "outreach.appointment.booked")
    after = await funnel()
    for step in ("targeted", "contacted", "replied", "resolved"):
        assert after["counts"][step] == before["counts"][step] + 1, step
    assert after["outcomes"]["booked"] == before["outcomes"]["booked"] + 1
    assert after["median_days_to_visit"] is not None and after["median_days_to_visit"] > 0

    await page.get_by_label("Workflow", exact=True).select_option("referral")
    await page.get_by_role("button", name="Show").click()
    row = page.locator("table").filter(has_text="Tasks reaching each step").locator("tbody tr").filter(
        has_text="referral")
    assert await row.locator("td").first.inner_text() == str(after["counts"]["targeted"])
    async with page.expect_download() as download:
        await page.get_by_role("link", name="CSV").nth(1).click()
    csv_path = await (await download.value).path()
    assert "targeted" in open(csv_path).read()  # noqa: ASYNC230 (a small local file)
    await shots(page, "dashboard")

    async with stack.http.get(f"{stack.base_url}/api/v1/reports/funnel", params={"from": "yesterday"},
                              headers=stack.auth) as response:
        assert response.status == 400
        assert "'from' must be a date" in (await response.json())["error"]["message"]


async def test_operations_upload_a_campaign_read_its_bad_rows_launch_it_and_see_it_move(stack: Stack, page: Any
                                                                                           ) -> None:
    operations = await stack.add_staff("ops-campaign", "operations")
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(4))
    good = [new_phone(), new_phone()]
    name = f"winter-{uuid.uuid4().hex[:6]}"
    zone = daytime_zone()
    csv_path = stack_shot_dir().parent / f"{name}.csv"
    csv_path.write_text(
        "given_name,family_name,phone,mrn,timezone,provider_id\n"
        f"Ana,Lopez,{good[0]},W-{name}-1,{zone},{provider}\n"
        f"Bea,Moss,555-0199,W-{name}-2,{zone},{provider}\n"
        f"Cal,Nash,{good[1]},W-{name}-3,{zone},{provider}\n"
        f"Dee,Ortiz,{new_phone()},W-{name}-4,Mars/Base,{provider}\n")
    await sign_in(page, stack.base_url, "ops-campaign", operations, lands_on="dashboard")
    await page.get_by_role("link", name="Campaigns").click()
    await page.get_by_label("Name", exact=True).fill(name)
    await page.get_by_label("Workflow").select_option("missed_appointment")
    await page.get_by_label("CSV file").set_input_files(str(csv_path))
    await page.get_by_role("button", name="Upload as a draft").click()
    await page.get_by_role("heading", name=name).wait_for()
    report = page.locator("table").filter(has_text="Problem")
    assert await report.locator("tbody tr").count() == 2
    assert "phone" in await report.locator("tbody tr").nth(0).inner_text()  # the column, as the file names it
    assert "timezone" in await report.locator("tbody tr").nth(1).inner_text()
    assert "Value error" not in await report.inner_text()
    await page.get_by_text("What patients will read or hear").wait_for()
    assert await page.locator(".previews li").count() > 3
    ladder = page.get_by_role("region", name="If a patient does not answer")
    assert "After 24 hours: a reminder" in await ladder.inner_text()  # the workflow's declared lifecycle
    assert "14 days: the task expires" in await ladder.inner_text()
    await shots(page, "campaign")

    await asyncio.sleep(3)  # a draft waits: the dispatcher (every second) texts nobody before the launch
    assert await stack.texts_to(good[0]) == [] and await stack.texts_to(good[1]) == []
    await page.get_by_role("button", name="Launch").click()
    await page.get_by_role("status").get_by_text("Launched").wait_for()
    await stack.wait_for_texts(good[0], 1)
    await stack.wait_for_texts(good[1], 1)
    await page.get_by_role("link", name="This campaign's funnel").click()
    row = page.locator("table").filter(has_text="Tasks reaching each step").locator("tbody tr")
    assert (await row.first.locator("td").nth(1).inner_text()) == "2"  # both contacted


async def test_a_web_chat_patients_handoff_is_answered_in_their_chat_page(stack: Stack, browser: Any, page: Any
                                                                          ) -> None:
    password = await stack.add_staff("sched-chat", "scheduler")
    family = f"Chat{uuid.uuid4().hex[:6]}"
    body = task_body(new_phone(), "prov-chat", preferred_channel="chat", birth_date="1958-11-02",
                     given_name="Iris", family_name=family)
    body["workflow"] = "abnormal_result"
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")

    patient_context = await browser.new_context()
    patient = await patient_context.new_page()
    await patient.goto(task["chat_url"])
    log = patient.locator("#log")
    await log.get_by_text("please type your date of birth").wait_for()
    await patient.get_by_placeholder("Type your message").fill("11/02/1958")
    await patient.keyboard.press("Enter")
    await log.get_by_text("It is about your recent test results").wait_for(timeout=20000)
    await patient.get_by_placeholder("Type your message").fill("can I talk to someone")
    await patient.keyboard.press("Enter")
    await stack.wait_for_event(task["id"], "outreach.handoff.requested")

    await sign_in(page, stack.base_url, "sched-chat", password)
    item = page.locator("#queue li.item").filter(has_text=family)
    await item.first.get_by_role("link").click()
    await page.get_by_role("button", name="Claim").click()
    await page.get_by_label("Your message").fill("Hello Iris, this is Sam. I can go over your results with you.")
    await page.get_by_role("button", name="Send").click()
    await page.get_by_role("status").get_by_text("Sent").wait_for()
    await log.get_by_text("Hello Iris, this is Sam.").wait_for(timeout=15000)  # live, in the patient's page
    await patient_context.close()


async def tab_to(page: Any, description: str, matches: str, presses: int = 60) -> None:
    """Press Tab until the focused element satisfies the JavaScript predicate ``matches`` (given ``el``)."""
    for _ in range(presses):
        await page.keyboard.press("Tab")
        if await page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({matches}); }})()"):
            return
    raise AssertionError(f"{description} is not reachable with the keyboard")


async def test_a_scheduler_can_do_the_work_with_the_keyboard_alone(stack: Stack, page: Any) -> None:
    password = await stack.add_staff("sched-keys", "scheduler")
    family = f"Keys{uuid.uuid4().hex[:6]}"
    started = await stack.start_conversation(slots=2, given_name="Kai", family_name=family)
    await stack.reply(started.phone, "can I talk to someone")
    await stack.wait_for_event(started.task_id, "outreach.handoff.requested")

    await page.goto(f"{stack.base_url}/staff/login")
    # the username field takes the focus by itself (autofocus; a loaded machine may apply it a moment late)
    await page.wait_for_function("document.activeElement && document.activeElement.id === 'username'")
    await page.keyboard.type("sched-keys")
    await page.keyboard.press("Tab")
    await page.keyboard.type(password)
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/staff/inbox")
    await tab_to(page, "the handoff", f"el.tagName === 'A' && el.textContent.includes('{family}')")
    await page.keyboard.press("Enter")
    await page.get_by_role("heading", name="Asked for a person").wait_for()
    await tab_to(page, "the Claim button", "el.tagName === 'BUTTON' && el.textContent.trim() === 'Claim'")
    await page.keyboard.press("Enter")
    await page.get_by_role("status").get_by_text("Claimed").wait_for()
    await tab_to(page, "the reply box", "el.id === 'reply'")
    await page.keyboard.type("Hi Kai, Sam here.")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await page.get_by_role("status").get_by_text("Sent").wait_for()
    assert (await stack.texts_to(started.phone))[-1] == "Hi Kai, Sam here."
