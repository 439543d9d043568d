"""The simulated phones page works in a real browser: a scheduler-in-training sees the bot's text and answers
as the patient."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import pytest
from browsing import serious_accessibility_problems, stack_shot_dir
from conftest import Stack, future_weekday_times, new_phone, task_body


async def test_the_phones_page_shows_the_thread_and_sends_a_reply(stack: Stack, page) -> None:  # type: ignore[no-untyped-def]
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(3))
    phone = new_phone()
    task = await stack.create_task(task_body(phone, provider), expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(f"{stack.base_url}/sim")
    await page.get_by_role("button", name=phone).click()
    thread = page.locator("#thread")
    await thread.get_by_text("We missed you at your physical therapy visit").wait_for()
    await page.get_by_placeholder("Reply as the patient").fill("2")
    await page.get_by_role("button", name="Send", exact=True).click()
    await thread.get_by_text("You are booked").wait_for(timeout=20000)
    await page.screenshot(path=str(stack_shot_dir() / "phones-page.png"))
    await stack.wait_for_event(task["id"], "outreach.appointment.booked")
    assert errors == []


async def test_a_patient_verifies_their_birth_date_and_answers_in_the_chat_page(stack: Stack, page) -> None:  # type: ignore[no-untyped-def]
    body = task_body(new_phone(), "prov-chat", preferred_channel="chat", birth_date="1958-11-02")
    body["workflow"] = "abnormal_result"
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(task["chat_url"])
    log = page.locator("#log")
    await log.get_by_text("please type your date of birth").wait_for()
    assert await log.get_by_text("test results").count() == 0
    await page.get_by_placeholder("Type your message").fill("11/02/1958")
    await page.get_by_role("button", name="Send", exact=True).click()
    await log.get_by_text("It is about your recent test results").wait_for(timeout=20000)
    await page.get_by_placeholder("Type your message").fill("any weekday after 4pm")
    await page.keyboard.press("Enter")
    await log.get_by_text("will call you then").wait_for(timeout=20000)
    await page.screenshot(path=str(stack_shot_dir() / "chat-page.png"))
    assert await log.locator("li.inbound").count() == 2
    assert errors == []


async def test_a_call_is_answered_from_the_phones_page(stack: Stack, page) -> None:  # type: ignore[no-untyped-def]
    phone = new_phone()
    body = task_body(phone, "prov-voice", preferred_channel="voice", birth_date="1970-05-06")
    body["workflow"] = "abnormal_result"
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.call.placed")

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(f"{stack.base_url}/sim/?phone={quote(phone)}")
    thread = page.locator("#thread")
    await thread.get_by_text("please say your date of birth").wait_for()
    answer = page.get_by_placeholder("Answer on the call (speech, or digits)…")
    await answer.fill("05061970")
    await page.get_by_role("button", name="Send", exact=True).click()
    await thread.get_by_text("When is a good time to call you?").wait_for(timeout=20000)
    await page.screenshot(path=str(stack_shot_dir() / "phones-page-call.png"))
    await stack.wait_for_event(task["id"], "outreach.identity.verified")
    assert errors == []


# what the chat page and its messages say, in each language the test books in
CHAT_WORDS = {
    "en": {"asks": "date of birth", "title": "Chat with your care team", "box": "Your message", "date": "11/02/1958",
           "booked": "You are booked", "team": "Your care team said:"},
    "es": {"asks": "fecha de nacimiento", "title": "Chat con su equipo de atención", "box": "Su mensaje",
           "date": "02/11/1958", "booked": "quedó programada", "team": "Su equipo de atención dijo:"},
}


@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_chat_patient_books_by_pressing_a_time_and_the_page_passes_axe_at_390px(stack: Stack, page,  # type: ignore[no-untyped-def]
                                                                                         language: str) -> None:
    words = CHAT_WORDS[language]
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    slot_ids = await stack.add_slots(provider, future_weekday_times(3))
    body = task_body(new_phone(), provider, preferred_channel="chat", birth_date="1958-11-02", language=language)
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(task["chat_url"])
    log = page.locator("#log")
    await log.get_by_text(words["asks"]).first.wait_for()
    assert await page.locator("html").get_attribute("lang") == language  # the page speaks the patient's language
    assert await page.title() == words["title"]
    await page.get_by_role("textbox", name=words["box"]).fill(words["date"])
    await page.keyboard.press("Enter")
    choices = log.locator(".choices").last
    await choices.wait_for(timeout=20000)
    buttons = choices.get_by_role("button")
    assert await buttons.count() == 4  # three times and "other times"
    assert await log.locator("li.outbound").last.get_by_text("1)").count() == 0  # shown as buttons, not lines
    assert await serious_accessibility_problems(page) == []
    await buttons.nth(1).focus()
    await page.keyboard.press("Enter")  # by keyboard alone
    await log.get_by_text(words["booked"]).wait_for(timeout=20000)
    booked = await stack.wait_for_event(task["id"], "outreach.appointment.booked")
    assert booked["data"]["slot_id"] == slot_ids[1]
    assert await buttons.nth(0).is_disabled()  # an answered question's choices cannot be pressed again
    # a screen reader hears who said each message
    assert (await log.locator("li.outbound").first.inner_text()).startswith(words["team"])
    await page.screenshot(path=str(stack_shot_dir() / f"chat-booking-{language}-390.png"))
    assert errors == []


async def test_a_chat_locked_after_three_wrong_dates_says_a_person_will_answer(stack: Stack, page) -> None:  # type: ignore[no-untyped-def]
    body = task_body(new_phone(), "prov-chat", preferred_channel="chat", birth_date="1958-11-02")
    body["workflow"] = "abnormal_result"
    task = await stack.create_task(body, expect=201)
    await stack.wait_for_event(task["id"], "outreach.task.awaiting_reply")
    await page.goto(task["chat_url"])
    log, box = page.locator("#log"), page.get_by_role("textbox", name="Your message")
    await log.get_by_text("please type your date of birth").wait_for()
    assert await page.locator("#next").is_hidden()
    for attempt, wrong in enumerate(("01/01/1970", "02/02/1971", "03/03/1972"), start=2):
        await box.fill(wrong)
        await page.keyboard.press("Enter")
        await log.locator("li.outbound").nth(attempt - 1).wait_for()
    notice = page.locator("#next")
    await notice.wait_for(state="visible", timeout=15000)
    assert await notice.inner_text() == "A person from our team will answer you here."
    await page.screenshot(path=str(stack_shot_dir() / "chat-handed-off-390.png"))
