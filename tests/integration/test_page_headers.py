"""Every page and API answer: no framing, no inline code, no referrer, nothing cached that may carry PHI."""

from __future__ import annotations

import re

from conftest import Stack, new_phone, task_body


def _assert_locked_down(headers: dict[str, str], what: str) -> None:
    policy = headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, (what, policy)
    assert "unsafe-inline" not in policy, what
    assert headers.get("Referrer-Policy") == "no-referrer", what
    assert headers.get("Cache-Control") == "no-store", what
    assert headers.get("X-Content-Type-Options") == "nosniff", what


def _no_inline_code(html: str) -> None:
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script"
    assert "<style" not in html and not re.search(r"\son[a-z]+=", html), "inline style or handler"


async def test_patient_staff_and_api_answers_carry_the_security_headers(stack: Stack) -> None:
    body = task_body(new_phone(), "prov-headers", preferred_channel="chat", birth_date="1970-01-01")
    body["workflow"], body["context"] = "abnormal_result", {"visit_type": "follow_up"}
    task = await stack.create_task(body, expect=201)
    async with stack.http.get(task["chat_url"]) as response:
        assert response.status == 200
        _assert_locked_down(dict(response.headers), "chat page")
        _no_inline_code(await response.text())
    async with stack.http.get(f"{stack.base_url}/api/v1/tasks/{task['id']}", headers=stack.auth) as response:
        assert response.status == 200
        _assert_locked_down(dict(response.headers), "API answer")
    async with stack.http.get(f"{stack.base_url}/api/v1/tasks/nope", headers=stack.auth) as response:
        assert response.status == 404
        _assert_locked_down(dict(response.headers), "API error")
    async with stack.http.get(f"{stack.base_url}/staff/login") as response:
        assert response.status == 200
        _assert_locked_down(dict(response.headers), "staff sign-in")
        _no_inline_code(await response.text())
    async with stack.http.get(f"{stack.base_url}/sim/") as response:
        _no_inline_code(await response.text())


async def test_the_staff_cookie_is_http_only_and_same_site(stack: Stack) -> None:
    async with stack.http.get(f"{stack.base_url}/staff/login") as response:
        cookies = response.headers.getall("Set-Cookie", [])
    async with stack.http.get(f"{stack.base_url}/staff/login") as response:
        cookies += response.headers.getall("Set-Cookie", [])
    assert cookies, "the sign-in page sets its session cookie (it holds the form's CSRF token)"
    for cookie in cookies:
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie, cookie
