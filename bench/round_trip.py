"""Round-trip benchmark against a running stack (`outreach demo` or `outreach serve`).

For N simulated patients: time from task creation to the opening text on the phone, and from the patient's
"1" to the booking confirmation (inbound webhook → engine → action → NLG → Twilio client → simulator).
Bounded: N patients, one reply each, a fixed timeout; traffic only to the given local URL.

    .venv/bin/python bench/round_trip.py --url http://127.0.0.1:8080 --token demo-api-token --patients 20
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

import aiohttp

from bot.outreach.policy import fixed_offset_zone


async def wait_texts(http: aiohttp.ClientSession, url: str, phone: str, count: int, limit: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        async with http.get(f"{url}/sim/phones/{phone}") as response:
            thread = (await response.json())["messages"]
        if sum(1 for m in thread if m["direction"].startswith("outbound")) >= count:
            return time.perf_counter()
        await asyncio.sleep(0.02)
    raise TimeoutError(f"{phone} did not get {count} texts within {limit} s")


async def one_patient(http: aiohttp.ClientSession, url: str, auth: dict[str, str], provider: str, n: int,
                      zone: str) -> tuple[float, float]:
    phone = f"+1{('212', '312', '415', '617')[n // 100]}55501{n % 100:02d}"
    body = {"workflow": "missed_appointment", "idempotency_key": str(uuid.uuid4()),
            "patient": {"given_name": "Bench", "phone": phone, "timezone": zone},
            "context": {"provider_id": provider, "visit_type": "physical_therapy"}}
    created = time.perf_counter()
    async with http.post(f"{url}/api/v1/tasks", json=body, headers=auth) as response:
        assert response.status == 201, await response.text()
    opened = await wait_texts(http, url, phone, 1, 60)
    replied = time.perf_counter()
    async with http.post(f"{url}/sim/phones/{phone}/reply", json={"body": "1"}) as response:
        assert response.status == 201
    confirmed = await wait_texts(http, url, phone, 2, 60)
    return opened - created, confirmed - replied


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{name}: mean {statistics.mean(values) * 1000:.0f} ms, p50 {statistics.median(values) * 1000:.0f} ms, " \
           f"p95 {p95 * 1000:.0f} ms (n={len(values)})"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--token", default="demo-api-token")
    parser.add_argument("--patients", type=int, default=20)
    args = parser.parse_args()
    if not 1 <= args.patients <= 400:
        parser.error("--patients must be between 1 and 400")
    auth = {"Authorization": f"Bearer {args.token}"}
    provider = f"bench-{uuid.uuid4().hex[:6]}"
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    slots = [{"provider_id": provider, "starts_at": (start + timedelta(hours=i)).isoformat()}
             for i in range(args.patients * 3)]
    zone = fixed_offset_zone(datetime.now(UTC), (10, 18))
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        async with http.post(f"{args.url}/api/v1/slots", json={"slots": slots}, headers=auth) as response:
            assert response.status == 201, await response.text()
        results = await asyncio.gather(*(one_patient(http, args.url, auth, provider, n, zone)
                                         for n in range(args.patients)))
    print(summary("task created -> opening text on the phone", [r[0] for r in results]))
    print(summary("patient replies '1' -> confirmation on the phone", [r[1] for r in results]))


if __name__ == "__main__":
    asyncio.run(main())
