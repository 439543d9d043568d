"""``outreach campaign``: import a CSV (with a progress bar), pause, resume, cancel and show a campaign."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sqlmodel import Session, func, select
from tqdm import tqdm

from bot.core.db import Database
from bot.core.models import Campaign, OutreachTask
from bot.core.settings import Settings
from bot.outreach.campaigns import (
    CampaignFileError,
    CampaignStateError,
    NoUsableRow,
    campaign_view,
    cancel_waiting_tasks,
    change_campaign,
    check_rate,
    import_campaign,
    read_rows,
)
from bot.outreach.states import TERMINAL_STATES
from bot.outreach.workflows import WORKFLOWS

log = logging.getLogger(__name__)

ACTIONS = ("pause", "resume", "cancel")


def add_arguments(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    campaign = commands.add_parser("campaign", help="outreach campaigns from a CSV file").add_subparsers(
        dest="campaign_command", required=True)
    add = campaign.add_parser("import", help="check a CSV and make a task per good row (the campaign runs at once)")
    add.add_argument("file", type=Path, help="UTF-8 CSV with a header row (given_name, phone, ...)")
    add.add_argument("--workflow", required=True, choices=sorted(WORKFLOWS), help="the workflow of rows naming none")
    add.add_argument("--name", default="", help="the campaign's name (default: the file's name)")
    add.add_argument("--rate", type=float, default=None, help="at most this many patients contacted per second")
    for action in ACTIONS:
        campaign.add_parser(action, help=f"{action} a campaign").add_argument("campaign_id")
    campaign.add_parser("show", help="a campaign's progress: contacted, waiting, outcomes").add_argument("campaign_id")


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.campaign_command == "import":
            return asyncio.run(_import(args, settings))
        if args.campaign_command == "show":
            return asyncio.run(_show(args.campaign_id, settings))
        return asyncio.run(_change(args.campaign_id, args.campaign_command, settings))
    except CampaignStateError as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 1


async def _import(args: argparse.Namespace, settings: Settings) -> int:
    try:
        raw = args.file.read_bytes()
        rate = check_rate(args.rate)
        _header, rows, broken = read_rows(raw)  # an unreadable file is refused before anything is stored
    except (OSError, ValueError) as error:
        print(f"outreach: {args.file}: {error}", file=sys.stderr)
        return 2
    name = (args.name or args.file.stem).strip()
    db = Database(settings.database_url)
    try:
        with tqdm(total=len(rows) + len(broken), unit="row", desc="import", file=sys.stderr) as bar:
            view = await import_campaign(db, name, args.workflow, raw, rate=rate, progress=bar.update,
                                         created_by="cli")
    except CampaignFileError as error:
        print(f"outreach: {args.file}: {error}", file=sys.stderr)
        return 2
    except NoUsableRow as error:
        _print_row_errors(error.errors)
        print("outreach: no row could be turned into a task; nothing was created", file=sys.stderr)
        return 1
    finally:
        await db.dispose()
    _print_row_errors(view["errors"])
    log.info("campaign.imported", extra={"campaign_id": view["id"], "tasks_created": view["tasks_created"]})
    print(f"campaign {view['id']}: {view['tasks_created']} tasks created, {view['tasks_existing']} already there, "
          f"{view['rows_with_errors']} rows with errors")
    return 0


def _print_row_errors(errors: list[dict[str, Any]]) -> None:
    for error in errors:
        print(f"line {error['line']}, column {error['column']}: {error['problem']}", file=sys.stderr)


async def _change(campaign_id: str, action: str, settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        state = await db.run(lambda session: change_campaign(session, campaign_id, action).state)
        cancelled = await cancel_waiting_tasks(db, campaign_id) if action == "cancel" else 0
    finally:
        await db.dispose()
    log.info("campaign.changed", extra={"campaign_id": campaign_id, "action": action})
    more = f" ({cancelled} waiting tasks cancelled)" if action == "cancel" else ""
    print(f"campaign {campaign_id}: {state}{more}")
    return 0


def campaign_progress(session: Session, campaign_id: str) -> dict[str, Any] | None:
    """Contacted (at least one attempt), waiting (not yet contacted), in conversation, and outcomes."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return None
    counted = session.exec(select(OutreachTask.state, OutreachTask.attempt_count, func.count())
                           .where(OutreachTask.campaign_id == campaign_id)
                           .group_by(OutreachTask.state, OutreachTask.attempt_count)).all()
    rows = [(state, attempts > 0, n) for state, attempts, n in counted]
    contacted = sum(n for _state, tried, n in rows if tried)
    waiting = sum(n for state, tried, n in rows if state == "queued" and not tried)
    in_conversation = sum(n for state, _tried, n in rows if state not in TERMINAL_STATES and state != "queued")
    outcomes: Counter[str] = Counter()
    for state, _tried, n in rows:
        if state in TERMINAL_STATES:
            outcomes[state] += n
    return {**campaign_view(session, campaign), "contacted": contacted, "waiting": waiting,
            "in_conversation": in_conversation, "outcomes": dict(outcomes)}


async def _show(campaign_id: str, settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        progress = await db.run(lambda session: campaign_progress(session, campaign_id))
    finally:
        await db.dispose()
    if progress is None:
        print("outreach: There is no such campaign.", file=sys.stderr)
        return 1
    outcomes = ", ".join(f"{state} {n}" for state, n in sorted(progress["outcomes"].items())) or "none yet"
    rate = f", at most {progress['rate']:g}/s" if progress["rate"] else ""
    print(f"campaign {progress['id']} ({progress['name']}): {progress['state']}{rate}\n"
          f"  tasks: {progress['tasks_created']} (rows {progress['rows_total']}, "
          f"{progress['rows_with_errors']} with errors)\n"
          f"  contacted: {progress['contacted']}\n  waiting: {progress['waiting']}\n"
          f"  in conversation: {progress['in_conversation']}\n  outcomes: {outcomes}")
    return 0
