"""Campaigns: operations staff upload a CSV, one row per patient; each valid row becomes a task.

Every row is checked the same way as a task sent to the API. Bad rows are reported with their line number and
never stop the good ones; a row whose idempotency key was seen before is counted, not duplicated.
"""

from __future__ import annotations

import asyncio
import csv
import io
import math
from collections import Counter
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, func, select

from bot.core.db import Database
from bot.core.limits import MAX_CSV_CELL, MAX_ID, MAX_UPLOAD_BYTES, text_problem
from bot.core.models import Campaign, OutreachTask
from bot.core.spreadsheets import looks_like_formula
from bot.outreach.tasks import IdempotencyConflict, TaskIn, create_task

MAX_ROWS = 10_000
PATIENT_COLUMNS = ("mrn", "given_name", "family_name", "phone", "email", "language", "timezone",
                   "needs_simpler_text", "consent_sms", "consent_voice", "preferred_channel", "birth_date")
CONTEXT_COLUMNS = ("provider_id", "visit_type")
TRUE_WORDS = frozenset({"1", "true", "yes", "y", "si", "sí"})
READ_COLUMNS = frozenset({*PATIENT_COLUMNS, *CONTEXT_COLUMNS, "workflow", "priority", "idempotency_key",
                          "appointment_starts_at", "appointment_location"})  # other columns are ignored


class CampaignFileError(ValueError):
    """The upload as a whole cannot be read (not CSV, no header, no rows, too many rows)."""


# A carriage return on its own (not ending a line) is kept out of the csv module's way as this character, so the
# row that holds it is reported instead of breaking the whole file.
_BARE_CR = "\uffff"
csv.field_size_limit(MAX_UPLOAD_BYTES)  # a long cell is a row error (MAX_CSV_CELL), never a failed upload


def cell_problem(column: str, cell: str) -> str | None:
    """Why a (trimmed) cell cannot be taken, or None. Formula-looking cells are refused in every column but
    ``phone``, where a leading + is how numbers are written (and the number is read as a number, stored as
    E.164: a phone cell must start with + or a digit)."""
    if _BARE_CR in cell:
        return "has a carriage return (CR) inside the cell; remove it"
    if problem := text_problem(cell, MAX_CSV_CELL):
        return problem
    if column == "phone":
        if cell and not (cell[0] == "+" or cell[0] == "(" or cell[0].isdigit()):
            return "a phone number starts with + or a digit"
        return None
    if looks_like_formula(cell):
        return f"starts with {cell[0]!r}, which a spreadsheet would run as a formula; remove it"
    return None


def _split_bare_carriage_returns(text: str) -> str:
    if "\r" not in text:
        return text
    if "\n" not in text:  # classic Mac line endings: every CR ends a line
        return text.replace("\r", "\n")
    return text.replace("\r\n", "\n").replace("\r", _BARE_CR)


def read_rows(raw: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[dict[str, Any]]]:
    """(header, [(line number, row)], rows that could not be read) from CSV bytes; column names are case- and
    space-insensitive. Every cell is trimmed; a cell that ``cell_problem`` refuses makes its row an error."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise CampaignFileError(f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; split it")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CampaignFileError("the file is not UTF-8 text; save the spreadsheet as 'CSV UTF-8'") from None
    if not text.strip():
        raise CampaignFileError("the file is empty")
    text = _split_bare_carriage_returns(text.replace(_BARE_CR, "\r"))
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0][:MAX_CSV_CELL], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return _rows_of(reader)
    except csv.Error as error:
        raise CampaignFileError(f"line {reader.line_num} could not be read as CSV ({error}); "
                                "save the spreadsheet as 'CSV UTF-8' and try again") from None


def _rows_of(reader: Any) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[dict[str, Any]]]:
    header = [name.strip().lower().replace(" ", "_") for name in next(reader, [])]
    if any(text_problem(name, MAX_ID) or _BARE_CR in name for name in header):
        raise CampaignFileError(f"a column name in the header row is longer than {MAX_ID} characters or holds a "
                                "line break or NUL")
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:  # which of the two would be the patient's? never guess
        raise CampaignFileError(f"the header row names {', '.join(repeated)} more than once; name each column once")
    if "phone" not in header or "given_name" not in header:
        raise CampaignFileError("the header row must name at least the columns given_name and phone "
                                f"(found: {', '.join(header) or 'nothing'})")
    rows = []
    broken: list[dict[str, Any]] = []
    line = reader.line_num
    for row in reader:
        first_line, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(rows) + len(broken) >= MAX_ROWS:
            raise CampaignFileError(f"more than {MAX_ROWS} rows; split the file")
        cells = [cell.strip() for cell in row] + [""] * (len(header) - len(row))
        spilled = next((name for name, cell in zip(header, cells, strict=False) if "\n" in cell or "\r" in cell),
                       None)
        if spilled is not None or line > first_line:  # no column of ours holds a line break: a quote is open
            broken.append(row_error(first_line, spilled or header[0], f'a quote (") opened here is not closed, so '
                                    f"lines {first_line}-{line} were read as one row; fix the quotes"))
            continue
        refused = next(((name, problem) for name, cell in zip(header, cells, strict=False)
                        if name in READ_COLUMNS and (problem := cell_problem(name, cell))), None)
        if refused is not None:
            broken.append(row_error(first_line, field_of(refused[0]), refused[1]))
            continue
        rows.append((first_line, dict(zip(header, cells, strict=False))))
    if not rows and not broken:
        raise CampaignFileError("the file has a header but no rows")
    return header, rows, broken


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
    if row.get("priority"):  # a CSV cell is text: a whole number in it is the number (else the row's error says so)
        body["priority"] = int(row["priority"]) if row["priority"].isdigit() else row["priority"]
    return body


CHUNK = 50  # rows validated between two yields to the event loop, and stored in one transaction (short,
# because on SQLite a request waits for the one connection while a chunk holds it)


class NoUsableRow(ValueError):
    """No row of the file could become a task; nothing was created."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("no row could be turned into a task")
        self.errors = errors


def field_of(column: str) -> str:
    """The task field a CSV column feeds (the reverse of ``column_of``)."""
    if column in PATIENT_COLUMNS:
        return f"patient.{column}"
    if column in CONTEXT_COLUMNS:
        return f"context.{column}"
    if column.startswith("appointment_"):
        return "context.appointment." + column.removeprefix("appointment_")
    return column


def column_of(field: str) -> str:
    """The CSV column a task field came from: ``patient.phone`` → ``phone``, ``context.appointment.starts_at``
    → ``appointment_starts_at``."""
    parts = field.split(".")
    if parts[:2] == ["context", "appointment"]:
        return "appointment_" + "_".join(parts[2:]) if len(parts) > 2 else "appointment_starts_at"
    if parts[0] in ("patient", "context") and len(parts) > 1:
        return parts[1]
    return parts[0]


def row_error(line: int, field: str, problem: str) -> dict[str, Any]:
    """A bad row as a person fixing the spreadsheet needs it: the line, the column, the problem in words."""
    problem = problem.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return {"line": line, "column": column_of(field), "field": field, "problem": problem}


def _validate(rows: list[tuple[int, dict[str, str]]], workflow: str | None, name: str,
              errors: list[dict[str, Any]]) -> list[tuple[int, TaskIn]]:
    payloads = []
    for line, row in rows:
        try:
            payloads.append((line, TaskIn.model_validate(row_to_task(row, workflow, name, line))))
        except ValidationError as exc:
            for item in exc.errors():
                errors.append(row_error(line, ".".join(str(p) for p in item["loc"]), item["msg"]))
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
            errors.append(row_error(line, "idempotency_key", "this row's key (the campaign name and the mrn, unless "
                                    "the file gives one) was used before for a different patient or task: "
                                    "name this campaign differently, or give the row its own idempotency_key"))
            continue
        except IntegrityError:
            savepoint.rollback()
            errors.append(row_error(line, "patient.mrn", "conflicts with another row"))
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


MAX_RATE = 1000.0  # a campaign's rate, in patients contacted per second, is above 0 and at most this


def check_rate(rate: float | None) -> float | None:
    """A campaign's send rate as given, or ValueError saying what is wrong with it."""
    if rate is None:
        return None
    if not math.isfinite(rate) or not 0 < rate <= MAX_RATE:
        raise ValueError(f"rate must be a number of messages per second above 0 and at most {MAX_RATE:g}")
    return rate


async def import_campaign(db: Database, name: str, workflow: str | None, raw: bytes, *, state: str = "running",
                          created_by: str | None = None, rate: float | None = None,
                          progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Read the file, check every row, then store the good rows a chunk at a time, yielding to the event loop
    between chunks so a large file never holds up other requests. Returns the campaign as the API shows it.
    A campaign made as a ``draft`` contacts nobody until it is launched; ``rate`` caps how many of its patients
    are contacted per second. ``progress`` hears how many more rows were dealt with (stored or refused)."""
    _header, rows, broken = read_rows(raw)
    errors: list[dict[str, Any]] = list(broken)
    payloads: list[tuple[int, TaskIn]] = []
    tell = progress or (lambda _rows: None)
    tell(len(broken))
    for start in range(0, len(rows), CHUNK):
        found = len(payloads)
        payloads.extend(_validate(rows[start:start + CHUNK], workflow, name, errors))
        tell(len(rows[start:start + CHUNK]) - (len(payloads) - found))  # the bad rows of the chunk are done
        await asyncio.sleep(0)
    if not payloads:
        raise NoUsableRow(errors)

    def open_campaign(session: Session) -> str:
        campaign = Campaign(name=name, workflow=workflow, rows_total=len(rows) + len(broken), state=state,
                            created_by=created_by, rate=check_rate(rate))
        session.add(campaign)
        session.flush()
        return campaign.id

    campaign_id = await db.run(open_campaign)
    for start in range(0, len(payloads), CHUNK):
        chunk = payloads[start:start + CHUNK]
        errors.extend(await db.run(lambda session, chunk=chunk: _store_rows(session, campaign_id, chunk)))
        tell(len(chunk))

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
        "state": campaign.state, "rate": campaign.rate, "created_at": campaign.created_at.isoformat(),
    }


# what each action does to a campaign: the states it may start from, and the state it leaves
CAMPAIGN_ACTIONS = {
    "launch": (frozenset({"draft"}), "running"),
    "pause": (frozenset({"running"}), "paused"),
    "resume": (frozenset({"paused"}), "running"),
    "cancel": (frozenset({"draft", "running", "paused"}), "cancelled"),
}


class CampaignStateError(ValueError):
    """The action does not apply to the campaign as it is (e.g. resuming one that runs)."""


def change_campaign(session: Session, campaign_id: str, action: str) -> Campaign:
    """Launch, pause, resume or cancel. From the moment a campaign stops running nobody new is contacted (the
    dispatcher leases only running campaigns' tasks); ``cancel_waiting_tasks`` then records its waiting tasks
    as cancelled. Conversations already under way are finished (a patient who answers is still answered)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise CampaignStateError("There is no such campaign.")
    if action not in CAMPAIGN_ACTIONS:
        raise CampaignStateError(f"Unknown action {action!r}.")
    allowed, new_state = CAMPAIGN_ACTIONS[action]
    if campaign.state not in allowed:
        raise CampaignStateError(f"A {campaign.state} campaign cannot be told to {action}.")
    campaign.state = new_state
    if new_state != "running":
        # its waiting tasks say why they wait, and any turn reserved under its rate is let go (a resumed campaign
        # starts again at its rate, never with a burst of the turns that passed meanwhile)
        session.execute(update(OutreachTask).where(col(OutreachTask.campaign_id) == campaign.id,
                                                   col(OutreachTask.state) == "queued")
                        .values(waiting_reason=f"campaign_{new_state}"))
        campaign.next_send_at = None
    else:  # launched or resumed: its tasks no longer wait for the campaign
        session.execute(update(OutreachTask).where(col(OutreachTask.campaign_id) == campaign.id,
                                                   col(OutreachTask.state) == "queued",
                                                   col(OutreachTask.waiting_reason).startswith("campaign_"))
                        .values(waiting_reason=None))
    session.add(campaign)
    return campaign


async def cancel_waiting_tasks(db: Database, campaign_id: str) -> int:
    """Cancel a cancelled campaign's tasks that nobody was contacted for, a chunk per transaction (a 10,000-row
    campaign never holds the database, or the event loop, for long). Returns how many."""
    from bot.outreach.states import move_task

    def cancel_some(session: Session) -> int:
        tasks = session.exec(select(OutreachTask).where(OutreachTask.campaign_id == campaign_id,
                                                         OutreachTask.state == "queued").limit(CHUNK)).all()
        for task in tasks:
            move_task(session, task, "cancelled", {"reason": "campaign_cancelled"})
        return len(tasks)

    cancelled = 0
    while done := await db.run(cancel_some):
        cancelled += done
        await asyncio.sleep(0)
    return cancelled
