"""Whatever arrives, the parsers of tasks, slots, JSON bodies, query numbers, phones and campaign files answer
with their own validation error, never anything else (which the app would turn into a 500)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.core.limits import InputError, bounded_int, parse_json
from bot.core.phones import PhoneError, parse_phone
from bot.core.spreadsheets import FORMULA_STARTS, csv_text
from bot.outreach.campaigns import READ_COLUMNS, CampaignFileError, read_rows, row_to_task
from bot.outreach.tasks import TaskIn
from bot.scheduling.slots import SlotsIn

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text a tester would try: edges of the calendar, zones, phones, formulas, control characters
NASTY = st.sampled_from([
    "", " ", "A" * 5000, "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2026-12-01T17:00:00Z",
    "2026-12-01", "America/Chicago", "../../etc/passwd", "\x00", "+12125550100", "+1 212 555 0100 ext. 5",
    "=1+2", "@SUM(A1)", "\r", "\ud800", "NaN", "1e999", str(2**70), "missed_appointment", "appointment_reminder",
])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=50), NASTY)
JSONISH = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=12), NASTY), inner, max_size=5)),
    max_leaves=25)
PATIENT_KEYS = st.sampled_from(["given_name", "family_name", "phone", "email", "language", "timezone", "mrn",
                                "birth_date", "preferred_channel", "consent_sms", "needs_simpler_text"])
PATIENT = st.dictionaries(PATIENT_KEYS, st.one_of(SCALARS, JSONISH), max_size=8)
TASK = st.fixed_dictionaries({"patient": st.one_of(PATIENT, JSONISH)}, optional={
    "workflow": st.one_of(NASTY, SCALARS), "priority": SCALARS, "due_by": st.one_of(NASTY, SCALARS),
    "idempotency_key": SCALARS, "context": st.one_of(JSONISH, st.fixed_dictionaries(
        {}, optional={"provider_id": SCALARS, "visit_type": SCALARS,
                      "appointment": st.dictionaries(st.sampled_from(["starts_at", "location"]), NASTY)})),
})


@BOUNDED
@given(TASK)
def test_any_task_body_is_taken_or_refused_by_validation(body: dict[str, Any]) -> None:
    try:
        TaskIn.model_validate(body)
    except ValidationError:
        pass


@BOUNDED
@given(st.one_of(JSONISH, st.fixed_dictionaries({"slots": st.lists(st.dictionaries(
    st.sampled_from(["provider_id", "provider_name", "visit_type", "starts_at", "duration_minutes", "location"]),
    st.one_of(NASTY, SCALARS)), max_size=3)})))
def test_any_slots_body_is_taken_or_refused_by_validation(body: Any) -> None:
    try:
        SlotsIn.model_validate(body)
    except ValidationError:
        pass


@BOUNDED
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
                 JSONISH.map(lambda v: json.dumps(v).encode()),
                 st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n)))
def test_any_json_body_is_parsed_or_refused_with_an_input_error(raw: bytes) -> None:
    try:
        parse_json(raw)
    except InputError as problem:
        assert problem.field and 400 <= problem.status < 500


@BOUNDED
@given(st.one_of(st.none(), st.text(max_size=40), NASTY))
def test_any_query_number_is_read_or_refused_with_an_input_error(raw: str | None) -> None:
    try:
        value = bounded_int(raw, "after", 0, low=0)
    except InputError as problem:
        assert problem.field == "after"
    else:
        assert 0 <= value < 2**63


@BOUNDED
@given(st.one_of(st.text(max_size=60), NASTY))
def test_any_phone_is_e164_or_refused_with_a_phone_error(raw: str) -> None:
    try:
        e164 = parse_phone(raw)
    except PhoneError:
        pass
    else:
        assert e164.startswith("+") and e164[1:].isdigit()


CELL = st.one_of(st.text(max_size=20), NASTY, st.sampled_from(['"', '""', ",", ";", "\t", "\n", "\r\n", "\r"]))


def _csv_file(header: list[str], rows: list[list[str]], line_end: str) -> bytes:
    return line_end.join(",".join(cells) for cells in [header, *rows]).encode("utf-8", "surrogatepass")


@BOUNDED
@given(st.one_of(
    st.binary(max_size=400),
    st.builds(_csv_file, st.lists(st.sampled_from(["given_name", "phone", "mrn", "timezone", "Given Name", "x", ""]),
                                  max_size=5),
              st.lists(st.lists(CELL, max_size=5), max_size=5), st.sampled_from(["\n", "\r\n", "\r"])),
))
def test_any_campaign_file_is_read_or_refused_and_rows_validate_or_are_reported(raw: bytes) -> None:
    try:
        _header, rows, broken = read_rows(raw)
    except CampaignFileError:
        return
    for error in broken:
        assert error["line"] >= 2 and "column" in error and error["problem"]
    for line, row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS) or column == "phone" or column not in READ_COLUMNS
        try:
            TaskIn.model_validate(row_to_task(row, "care_gap", "props", line))
        except ValidationError:
            pass


@BOUNDED
@given(st.lists(st.lists(st.one_of(st.text(max_size=15), st.integers(), st.floats(allow_nan=False), NASTY),
                         min_size=1, max_size=4), max_size=5))
def test_no_exported_csv_cell_starts_like_a_formula(rows: list[list[Any]]) -> None:
    text = csv_text(["name", "count", "rate", "note"], rows)
    for cells in csv.reader(io.StringIO(text, newline="")):
        for cell in cells:
            assert not cell.startswith(("=", "@", "\t", "\r")), cell
            if cell.startswith(("+", "-")):  # only numbers may, which a spreadsheet reads as numbers
                float(cell)
