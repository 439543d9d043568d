"""Campaigns: operations staff upload a CSV, one row per patient; each valid row becomes a task.

Every row is checked the same way as a task sent to the API. Bad rows are reported with their line number and
never stop the good ones; a row whose idempotency key was seen before is counted, not duplicated.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections import Counter
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, func, select

from bot.core.db import Database
from bot.core.models import Campaign, OutreachTask
from bot.outreach.tasks import IdempotencyConflict, TaskIn, create_task

MAX_ROWS = 10_000
PATIENT_COLUMNS = ("mrn", "given_name", "family_name", "phone", "email", "language", "timezone",
                   "needs_simpler_text", "consent_sms", "consent_voice", "preferred_channel", "birth_date")
CONTEXT_COLUMNS = ("provider_id", "visit_type")
TRUE_WORDS = frozenset({"1", "true", "yes", "y", "si", "sí"})


class CampaignFileError(ValueError):
    """The upload as a whole cannot be read (not CSV, no header, no rows, too many rows)."""


def read_rows(raw: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(header, [(line number, row)]) from CSV bytes; column names are case- and space-insensitive."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CampaignFileError("the file is not UTF-8 text; save the spreadsheet as 'CSV UTF-8'") from None
    if not text.strip():
        raise CampaignFileError("the file is empty")
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(text), dialect)
    header = [name.strip().lower().replace(" ", "_") for name in next(reader, [])]
    if "phone" not in header or "given_name" not in header:
        raise CampaignFileError("the header row must name at least the columns given_name and phone "
                                f"(found: {', '.join(header) or 'nothing'})")
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(rows) >= MAX_ROWS:
            raise CampaignFileError(f"more than {MAX_ROWS} rows; split the file")
        cells = [cell.strip() for cell in row] + [""] * (len(header) - len(row))
        rows.append((reader.line_num, dict(zip(header, cells, strict=False))))
    if not rows:
        raise CampaignFileError("the file has a header but no rows")
    return header, rows


def row_to_task(row: dict[str, str], workflow: str | None, campaign_name: str, line: int) -> dict[str, Any]:
    patient: dict[str, Any] = {k: row[k] for k in PATIENT_COLUMNS if row.get(k)}
    for flag in ("needs_simpler_text", "consent_sms", "consent_voice"):
        if flag in patient:
            patient[flag] = patient[flag].lower() in TRUE_WORDS
    context: dict[str, Any] = {k: row[k] for k in CONTEXT_COLUMNS if row.get(k)}
    if row.get("appointment_starts_at"):
        context["appointment"] = {"starts_at": row["appointment_starts_at"],
                                  "location": row.get("appointment_location", "")}
    body: dict[str, Any] = {
        "patient": patient,
        "workflow": row.get("workflow") or workflow or "",
        "context": context,
        "idempotency_key": row.get("idempotency_key") or f"campaign:{campaign_name}:{patient.get('mrn') or line}",
    }
    if row.get("priority"):
        body["priority"] = row["priority"]
    return body


CHUNK = 200  # rows validated between two yields to the event loop, and stored in one transaction


class NoUsableRow(ValueError):
    """No row of the file could become a task; nothing was created."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("no row could be turned into a task")
        self.errors = errors


def _validate(rows: list[tuple[int, dict[str, str]]], workflow: str | None, name: str,
              errors: list[dict[str, Any]]) -> list[tuple[int, TaskIn]]:
    payloads = []
    for line, row in rows:
        try:
            payloads.append((line, TaskIn.model_validate(row_to_task(row, workflow, name, line))))
        except ValidationError as exc:
            for item in exc.errors():
                errors.append({"line": line, "field": ".".join(str(p) for p in item["loc"]),
                               "problem": item["msg"]})
    return payloads


def _store_rows(session: Session, campaign_id: str, payloads: list[tuple[int, TaskIn]]) -> list[dict[str, Any]]:
    """A task per row, each row in its own savepoint; the campaign's counts move on with every chunk."""
    campaign = session.get(Campaign, campaign_id)
    assert campaign is not None
    errors: list[dict[str, Any]] = []
    for line, payload in payloads:
        savepoint = session.begin_nested()
        try:
            task, created = create_task(session, payload)
        except IdempotencyConflict:
            savepoint.rollback()
            errors.append({"line": line, "field": "idempotency_key", "problem": "already used for a different task"})
            continue
        except IntegrityError:
            savepoint.rollback()
            errors.append({"line": line, "field": "patient.mrn", "problem": "conflicts with another row"})
            continue
        savepoint.commit()
        if created:
            task.campaign_id = campaign.id
            session.add(task)
            campaign.tasks_created += 1
        else:
            campaign.tasks_existing += 1
    session.add(campaign)
    return errors


async def import_campaign(db: Database, name: str, workflow: str | None, raw: bytes) -> dict[str, Any]:
    """Read the file, check every row, then store the good rows a chunk at a time, yielding to the event loop
    between chunks so a large file never holds up other requests. Returns the campaign as the API shows it."""
    _header, rows = read_rows(raw)
    errors: list[dict[str, Any]] = []
    payloads: list[tuple[int, TaskIn]] = []
    for start in range(0, len(rows), CHUNK):
        payloads.extend(_validate(rows[start:start + CHUNK], workflow, name, errors))
        await asyncio.sleep(0)
    if not payloads:
        raise NoUsableRow(errors)

    def open_campaign(session: Session) -> str:
        campaign = Campaign(name=name, workflow=workflow, rows_total=len(rows))
        session.add(campaign)
        session.flush()
        return campaign.id

    campaign_id = await db.run(open_campaign)
    for start in range(0, len(payloads), CHUNK):
        chunk = payloads[start:start + CHUNK]
        errors.extend(await db.run(lambda session, chunk=chunk: _store_rows(session, campaign_id, chunk)))

    def close_campaign(session: Session) -> dict[str, Any] | None:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        if campaign.tasks_created + campaign.tasks_existing == 0:
            session.delete(campaign)
            return None
        campaign.errors = sorted(errors, key=lambda error: error["line"])
        session.add(campaign)
        return campaign_view(session, campaign)

    view = await db.run(close_campaign)
    if view is None:
        raise NoUsableRow(errors)
    return view


def campaign_view(session: Session | OrmSession, campaign: Campaign) -> dict[str, Any]:
    """The campaign with its progress: how many of its tasks are in each state."""
    states = Counter(dict(session.execute(  # type: ignore[arg-type]
        select(OutreachTask.state, func.count()).where(OutreachTask.campaign_id == campaign.id)
        .group_by(OutreachTask.state)
    ).all()))
    done = sum(n for state, n in states.items() if state not in ("queued", "contacting", "awaiting_reply"))
    return {
        "id": campaign.id, "name": campaign.name, "workflow": campaign.workflow,
        "rows_total": campaign.rows_total, "tasks_created": campaign.tasks_created,
        "tasks_existing": campaign.tasks_existing, "rows_with_errors": len({e["line"] for e in campaign.errors}),
        "errors": campaign.errors, "tasks_by_state": dict(states),
        "progress": {"finished": done, "total": campaign.tasks_created},
        "created_at": campaign.created_at.isoformat(),
    }
