"""The schedulers' inbox in a real browser: a handoff arrives live, is claimed, read, answered, booked and
resolved, and the pages pass axe-core at phone and desktop widths."""

from __future__ import annotations

import uuid
from typing import Any

from browsing import serious_accessibility_problems, stack_shot_dir
from conftest import Stack

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


async def sign_in(page: Any, base_url: str, username: str, password: str) -> None:
    await page.goto(f"{base_url}/staff/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url("**/staff/inbox")


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
    await page.goto(f"{stack.base_url}/staff/login")
    await page.get_by_label("Username").fill("ops-dash")
    await page.get_by_label("Password").fill(operations)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url("**/staff/dashboard")

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
    for step in ("targeted", "contacted", "replied"):
        assert after["counts"][step] == before["counts"][step] + 1, step
    assert after["outcomes"]["booked"] == before["outcomes"]["booked"] + 1

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
