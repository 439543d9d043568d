"""Two web and two worker processes on one PostgreSQL database: every task opened once, every reply answered
once and in the order the patient sent them, nothing lost; and an app or engine killed outright loses nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import aiohttp
import pytest
from cluster import Cluster, Outside, cluster_on_a_new_database, engine_pid, free_port, phones, process_gone, wait_until
from conftest import BACKEND


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    with cluster_on_a_new_database(tmp_path, "cluster") as running:
        yield running


@pytest.mark.skipif(BACKEND != "postgresql",
                    reason="several processes share one database only on PostgreSQL (its pass runs this)")
async def test_two_web_and_two_worker_processes_open_each_task_once_and_answer_each_reply_once_in_order(
        cluster: Cluster) -> None:
    web_a, web_b = free_port(), free_port()
    engine_port = free_port()
    engine_url = f"http://127.0.0.1:{engine_port}"
    simulator = cluster.add_simulator([web_a, web_b])  # inbound texts go to each web process in turn
    apps = [
        cluster.add_app("web-a", "web", engines=1, port=web_a, engine_port=engine_port),
        cluster.add_app("web-b", "web", engines=0, port=web_b, engine_url=engine_url),
        cluster.add_app("worker-c", "worker", engines=0, engine_url=engine_url, public_port=web_a),
        cluster.add_app("worker-d", "worker", engines=0, engine_url=engine_url, public_port=web_a),
    ]
    for app in apps:  # the product's own engine wait: 80 turns at once on 2 cores can take a few seconds each
        app.env["OUTREACH_ENGINE_TIMEOUT_SECONDS"] = "10"
    for process in (simulator, *apps):
        cluster.start(process)
    await asyncio.gather(*(cluster.wait_ready(p) for p in (simulator, *apps)))
    apis = [apps[0].url, apps[1].url]

    patients = phones(40, "646")
    providers = [f"prov-{i}" for i in range(len(patients))]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        outside = Outside(http, cluster.simulator_url)
        await outside.publish_slots(apis[0], providers, per_provider=6)
        task_ids = await asyncio.gather(*(outside.create_task(apis[i % 2], phone, providers[i])
                                          for i, phone in enumerate(patients)))

        async def all_opened() -> bool:
            counts = await outside.counts()
            return all(counts.get(phone, 0) >= 1 for phone in patients)

        await wait_until(all_opened, 90, "every patient got an opening text")
        await asyncio.sleep(2)  # a second worker sending the same opening would show by now
        for phone in patients:
            assert len(await outside.texts_to(phone)) == 1, f"{phone} was opened more than once"

        # each patient asks for other times, and at once picks "1": the two texts reach different web processes
        async def two_replies(phone: str) -> None:
            await outside.reply(phone, "0")
            await outside.reply(phone, "1")

        await asyncio.gather(*(two_replies(phone) for phone in patients))

        async def all_answered() -> bool:
            counts = await outside.counts()
            return all(counts.get(phone, 0) >= 5 for phone in patients)  # 3 texts out, 2 in

        await wait_until(all_answered, 120, "every patient got both answers")
        await asyncio.sleep(2)
        for phone, task_id in zip(patients, task_ids, strict=True):
            texts = await outside.texts_to(phone)
            # when the engine is slower than the app waits, the patient is told once that we have their message
            # (then answered once the engine has): that is no answer, and never comes twice
            holding = [t for t in texts if t.startswith("Thanks, we got your message.")]
            assert len(holding) <= 1, (phone, texts)
            texts = [t for t in texts if t not in holding]
            assert len(texts) == 3, (phone, texts)  # nothing answered twice
            assert "1)" in texts[1] and "booked" not in texts[1], texts  # "0" answered first: other times
            assert "You are booked" in texts[2], texts  # then "1"
            events = await outside.events(apis[0], task_id)
            offers = [e for e in events if e["type"] == "outreach.slot.offered"]
            booked = [e for e in events if e["type"] == "outreach.appointment.booked"]
            assert len(booked) == 1
            # "1" means the first time of the list on offer when it arrived: the first list if it came before
            # "0" was answered (as it nearly always does), else the other times
            assert booked[0]["data"]["slot_id"] in {offer["data"]["slots"][0]["slot_id"] for offer in offers[:2]}
            assert sum(e["type"] == "outreach.conversation.started" for e in events) == 1


async def test_an_app_or_engine_killed_outright_loses_nothing_sends_nothing_twice_and_leaves_no_engine_behind(
        cluster: Cluster) -> None:
    app_port, engine_port = free_port(), free_port()
    simulator = cluster.add_simulator([app_port])
    app = cluster.add_app("app", "all", engines=1, port=app_port, engine_port=engine_port)
    clock: list[float] = []
    _mark("start", clock)
    cluster.start(simulator)
    cluster.start(app)
    await asyncio.gather(cluster.wait_ready(simulator), cluster.wait_ready(app))
    _mark("ready", clock)

    patients = phones(500, "312")
    providers = [f"prov-{i}" for i in range(len(patients))]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        outside = Outside(http, cluster.simulator_url)
        await outside.publish_slots(app.url, providers, per_provider=3)
        gate = asyncio.Semaphore(20)

        async def create(i: int) -> str:
            async with gate:
                return await outside.create_task(app.url, patients[i], providers[i])

        task_ids = await asyncio.gather(*(create(i) for i in range(len(patients))))
        _mark("tasks created", clock)

        async def opened() -> int:
            counts = await outside.counts()
            return sum(counts.get(phone, 0) >= 1 for phone in patients)

        await wait_until(lambda: at_least(opened, 100), 120, "100 openings sent")
        _mark("100 opened", clock)
        engine = engine_pid(engine_port)
        assert engine is not None
        cluster.kill(app)  # mid-campaign, without warning
        assert await _soon(lambda: process_gone(engine), 5), "the engine outlived its app"
        assert await opened() < len(patients), "the campaign finished before the kill; make it bigger"

        cluster.start(app)
        _mark("app killed, restarting", clock)
        await cluster.wait_ready(app)
        await wait_until(lambda: at_least(opened, len(patients)), 180, "every patient opened")
        _mark("all opened", clock)

        repliers = patients[:200]

        async def booked() -> int:
            counts = await outside.counts()
            waiting = [phone for phone in repliers if counts.get(phone, 0) >= 3]
            texts = await asyncio.gather(*(outside.texts_to(phone) for phone in waiting))
            return sum(any("You are booked" in t for t in thread) for thread in texts)

        async def reply(group: list[str]) -> None:
            for phone in group:  # about 40 replies a second
                await outside.reply(phone, "1")
                await asyncio.sleep(0.025)

        # the engine is killed while replies arrive: the app starts it again, and the texts kept meanwhile are
        # answered in order once it is back
        await reply(repliers[:50])
        _mark("50 replies sent", clock)
        pid = engine_pid(engine_port)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        async with http.get(f"{app.url}/healthz") as response:  # says so while the engine is away
            health = await response.json()
            assert response.status == 503 and any("engine" in p for p in health["problems"]), health
        await reply(repliers[50:100])
        _mark("engine killed, 50 more sent", clock)
        await wait_until(lambda: at_least(booked, 100), 180, "the first 100 replies answered")
        _mark("100 booked", clock)

        # the app is killed while replies are being answered; started again, it finishes them
        await reply(repliers[100:200])
        _mark("100 more sent", clock)
        cluster.kill(app)
        cluster.start(app)
        _mark("app killed and started", clock)
        await cluster.wait_ready(app)
        await wait_until(lambda: at_least(booked, 200), 180, "all 200 replies answered")
        _mark("200 booked", clock)

        await asyncio.sleep(2)
        threads = await asyncio.gather(*(outside.texts_to(phone) for phone in patients))
        for phone, texts in zip(patients, threads, strict=True):
            assert sum("Pick a new time" in t for t in texts) == 1, (phone, texts)  # one opening each
            assert sum("You are booked" in t for t in texts) == (phone in repliers), (phone, texts)
            assert sum("got your message" in t for t in texts) <= 1, (phone, texts)
        for task_id in task_ids[:200]:
            assert (await outside.task(app.url, task_id))["state"] == "booked"

    engine = engine_pid(engine_port)
    assert engine is not None
    stopping = time.monotonic()
    cluster.kill(app, signal.SIGINT)  # Ctrl-C
    assert time.monotonic() - stopping < 5, "Ctrl-C took more than 5 s to stop the app"
    assert await _soon(lambda: process_gone(engine), 5 - (time.monotonic() - stopping)), "the engine outlived its app"


def _mark(step: str, started: list[float]) -> None:
    """Progress on stdout (shown with -s): where a slow run spends its time."""
    now = time.monotonic()
    started.append(now)
    print(f"[{now - started[0]:6.1f} s] {step}", flush=True)


async def at_least(count: Callable[[], Awaitable[int]], target: int) -> bool:
    return await count() >= target


async def _soon(check: Callable[[], bool], within: float) -> bool:
    for _ in range(int(within / 0.1)):
        if check():
            return True
        await asyncio.sleep(0.1)
    return check()
