"""The global send rate holds across worker processes: two workers on one PostgreSQL database share one budget."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from cluster import Cluster, Outside, cluster_on_a_new_database, free_port, phones, wait_until
from conftest import BACKEND

RATE = 2.0  # contacts per second, for every process together


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    with cluster_on_a_new_database(tmp_path, "rate") as running:
        yield running


@pytest.mark.skipif(BACKEND != "postgresql",
                    reason="several processes share one database only on PostgreSQL (its pass runs this)")
async def test_two_worker_processes_together_keep_to_the_global_send_rate(cluster: Cluster) -> None:
    web, engine_port = free_port(), free_port()
    engine_url = f"http://127.0.0.1:{engine_port}"
    simulator = cluster.add_simulator([web])
    apps = [
        cluster.add_app("web", "web", engines=1, port=web, engine_port=engine_port),
        cluster.add_app("worker-a", "worker", engines=0, engine_url=engine_url, public_port=web),
        cluster.add_app("worker-b", "worker", engines=0, engine_url=engine_url, public_port=web),
    ]
    for app in apps:
        app.env["OUTREACH_MAX_SENDS_PER_SECOND"] = str(RATE)
    for process in (simulator, *apps):
        cluster.start(process)
    await asyncio.gather(*(cluster.wait_ready(p) for p in (simulator, *apps)))

    patients = phones(8, "718")
    providers = [f"prov-rate-{i}" for i in range(len(patients))]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        outside = Outside(http, cluster.simulator_url)
        await outside.publish_slots(apps[0].url, providers, per_provider=3)
        asked_at = datetime.now(UTC)
        await asyncio.gather(*(outside.create_task(apps[0].url, phone, providers[i])
                               for i, phone in enumerate(patients)))

        async def all_opened() -> bool:
            counts = await outside.counts()
            return all(counts.get(phone, 0) >= 1 for phone in patients)

        await wait_until(all_opened, 90, "every patient got an opening text")
        firsts = []
        for phone in patients:
            async with http.get(f"{cluster.simulator_url}/sim/phones/{phone}") as response:
                thread = (await response.json())["messages"]
            firsts.append(min(datetime.fromisoformat(m["created_at"]) for m in thread
                              if m["direction"].startswith("outbound")))
        # opening everyone takes at least (N-1)/r (without the shared budget, two workers open 8 in about a second)
        assert (max(firsts) - asked_at).total_seconds() >= (len(patients) - 1) / RATE, firsts
