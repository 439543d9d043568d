"""Operations staff upload a CSV: good rows become tasks, bad rows are reported by line, nothing is lost."""

from __future__ import annotations

import uuid

from conftest import Stack, daytime_zone, future_weekday_times, new_phone


async def _upload(stack: Stack, csv_text: str, **params: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    async with stack.http.post(f"{stack.base_url}/api/v1/campaigns", params=params, data=csv_text.encode(),
                               headers={**stack.auth, "Content-Type": "text/csv"}) as response:
        return response.status, await response.json()


async def test_a_campaign_creates_a_task_per_good_row_and_reports_the_bad_ones(stack: Stack) -> None:
    provider = f"prov-{uuid.uuid4().hex[:8]}"
    await stack.add_slots(provider, future_weekday_times(6))
    zone = daytime_zone()
    good = [new_phone(), new_phone()]
    name = f"december-{uuid.uuid4().hex[:6]}"
    csv_text = (
        "Given Name,family_name,Phone,MRN,language,timezone,provider_id\n"
        f"Ana,Rivera,{good[0]},C-{name}-1,es,{zone},{provider}\n"
        f"Bo,Nguyen,{good[1]},C-{name}-2,vi,{zone},{provider}\n"
        f"Cy,Bad,555-0143,C-{name}-3,en,{zone},{provider}\n"
        f"Di,Zone,{new_phone()},C-{name}-4,en,Mars/Base,{provider}\n"
        "\n"
    )
    status, body = await _upload(stack, csv_text, name=name, workflow="missed_appointment")
    assert status == 201, body
    assert body["rows_total"] == 4 and body["tasks_created"] == 2 and body["rows_with_errors"] == 2
    assert {(e["line"], e["field"]) for e in body["errors"]} == {(4, "patient.phone"), (5, "patient.timezone")}

    texts = await stack.wait_for_texts(good[1], 1)
    assert texts[0].startswith("Xin chào Bo")  # each patient in their own language
    again_status, again = await _upload(stack, csv_text, name=name, workflow="missed_appointment")
    assert again_status == 201 and again["tasks_created"] == 0 and again["tasks_existing"] == 2

    async with stack.http.get(f"{stack.base_url}/api/v1/campaigns/{body['id']}", headers=stack.auth) as response:
        progress = await response.json()
    assert progress["progress"]["total"] == 2 and sum(progress["tasks_by_state"].values()) == 2


async def test_an_unreadable_campaign_file_gets_a_clear_error_and_creates_nothing(stack: Stack) -> None:
    status, body = await _upload(stack, "name;number\nAna;123\n", name="x", workflow="missed_appointment")
    assert status == 400 and "given_name and phone" in body["error"]["message"]
    status, body = await _upload(stack, "given_name,phone\nAna,not-a-phone\n", name="y",
                                 workflow="missed_appointment")
    assert status == 422 and body["error"]["details"][0]["line"] == 2
    status, body = await _upload(stack, "given_name,phone\n", name="z", workflow="missed_appointment")
    assert status == 400 and "no rows" in body["error"]["message"]
    status, body = await _upload(stack, "given_name,phone\nAna,+12125550199\n", workflow="missed_appointment")
    assert status == 400 and "name" in body["error"]["message"]
    status, body = await _upload(stack, "given_name,phone\nAna,+12125550199\n", name="w", workflow="nope")
    assert status == 422
