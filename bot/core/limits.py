"""What the outside world may send us, in one place: sizes, lengths, depths, number ranges and time bounds.

Every API, webhook and upload input is held to these rules; a breach is an ``InputError`` that names the field,
which the web layer answers as a 4xx (JSON for the API and webhooks) and never as a 500. Nothing over a limit is
shortened and stored: it is refused whole, so nothing is silently lost.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BeforeValidator, StringConstraints

# bodies
MAX_JSON_BYTES = 1024 * 1024  # an API request body
MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # a campaign CSV (API and staff upload)
MAX_WEBHOOK_BYTES = 64 * 1024  # a provider's webhook form
MAX_FORM_BYTES = 256 * 1024  # any other form (staff pages)
MAX_JSON_DEPTH = 32  # objects and arrays inside each other
MAX_JSON_STRING = 10_000  # any one string in a JSON body (fields with their own limit have a lower one)
MAX_CONTEXT_BYTES = 16 * 1024  # a task's context as JSON (the integrator's own keys included)
# URLs
MAX_QUERY_VALUE = 256  # one query parameter's value
MAX_PATH_PARAM = 128  # one path segment we look up (ids)
# numbers: JSON integers and cursors must fit a signed 64-bit column
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_EVENT_POSITION = 2**31 - 1  # the event cursor's column is a 32-bit INTEGER on PostgreSQL
# times: anything outside this window is a typo, and at the calendar's edges a UTC offset would overflow
EARLIEST_MOMENT = datetime(1900, 1, 1, tzinfo=UTC)
LATEST_MOMENT = datetime(2200, 1, 1, tzinfo=UTC)
# free text fields (characters)
MAX_NAME = 100
MAX_EMAIL = 254  # RFC 5321's path limit
MAX_PHONE = 40
MAX_TIMEZONE = 64  # the longest IANA name is 32
MAX_ID = 64
MAX_KEY = 200
MAX_LABEL = 200  # campaign names, locations, provider names
MAX_CSV_CELL = 1000  # any CSV cell (the columns' own limits are lower); a longer cell is a row error


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(value: str, max_length: int) -> str | None:
    """Why a piece of text cannot be taken (too long, or holding a NUL, which PostgreSQL cannot store), or None."""
    if len(value) > max_length:
        return f"longer than {max_length} characters"
    if "\x00" in value:
        return "holds a NUL character"
    if _LONE_SURROGATE.search(value):  # "\ud800" is valid JSON but not Unicode: no event could carry it
        return "holds an unpaired surrogate (\\ud800-\\udfff), which is not Unicode text"
    return None


class InputError(ValueError):
    """An input broke one of the rules above; ``field`` names it the way the caller sent it."""

    def __init__(self, field: str, problem: str, status: int = 400) -> None:
        super().__init__(f"{field}: {problem}")
        self.field, self.problem, self.status = field, problem, status


def body_cap(path: str) -> int:
    """The largest body a request to ``path`` may carry."""
    if path.endswith("/campaigns"):
        return MAX_UPLOAD_BYTES
    if path.startswith("/channels/"):
        return MAX_WEBHOOK_BYTES
    if path.startswith("/staff/"):
        return MAX_FORM_BYTES
    return MAX_JSON_BYTES


def _no_constant(name: str) -> Any:
    raise InputError("body", f"{name} is not a JSON number; send a finite number", 400)


def parse_json(raw: bytes) -> Any:
    """A JSON body, held to the rules: UTF-8, at most ``MAX_JSON_BYTES``, nested at most ``MAX_JSON_DEPTH``
    deep, finite numbers, integers within 64 bits, strings of at most ``MAX_JSON_STRING`` characters."""
    if len(raw) > MAX_JSON_BYTES:
        raise InputError("body", f"larger than {MAX_JSON_BYTES} bytes", 413)
    if not raw.strip():
        raise InputError("body", "empty; send JSON")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("body", "not UTF-8 text") from None
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise InputError("body", f"nested deeper than {MAX_JSON_DEPTH} levels") from None
    except json.JSONDecodeError as exc:
        raise InputError("body", f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except ValueError:  # an integer literal with thousands of digits
        raise InputError("body", "a number is out of range") from None
    check_json_value(value)
    return value


def check_json_value(value: Any) -> None:
    """Walk a parsed JSON value (without recursion) and refuse depth, numbers and strings past the limits,
    naming the place (``patient.email``, ``slots.3.starts_at``)."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        where = ".".join(path) or "body"
        if len(path) > MAX_JSON_DEPTH:
            raise InputError(where, f"nested deeper than {MAX_JSON_DEPTH} levels")
        if isinstance(item, dict):
            for key, child in item.items():
                if text_problem(key, MAX_ID):
                    raise InputError(where, f"has a key that is longer than {MAX_ID} characters or holds a NUL")
                stack.append((child, (*path, key)))
        elif isinstance(item, list):
            stack.extend((child, (*path, str(i))) for i, child in enumerate(item))
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:
                raise InputError(where, "a whole number beyond 64 bits")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise InputError(where, "a number too large to represent; send a finite number")
        elif isinstance(item, str) and (problem := text_problem(item, MAX_JSON_STRING)):
            raise InputError(where, problem)


def bounded_int(raw: str | None, field: str, default: int, low: int = INT64_MIN, high: int = INT64_MAX) -> int:
    """A whole number from a query parameter or form field, between ``low`` and ``high``."""
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if len(text) > 20 or not text.lstrip("+-").isdigit() or not text.isascii():
        raise InputError(field, f"must be a whole number between {low} and {high}")
    number = int(text)
    if not low <= number <= high:
        raise InputError(field, f"must be a whole number between {low} and {high}")
    return number


def within_our_calendar(value: datetime) -> datetime:
    """An aware time between 1900 and 2200 (UTC); naive times and times out there are refused."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("needs a UTC offset, e.g. 2026-12-01T17:00:00Z")
    try:
        in_utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("must be between 1900-01-01 and 2200-01-01") from None
    if not EARLIEST_MOMENT <= in_utc < LATEST_MOMENT:
        raise ValueError("must be between 1900-01-01 and 2200-01-01")
    return value


def birth_date_in_the_past(value: date | None) -> date | None:
    """A date of birth a person can have: 1900-01-01 up to today."""
    if value is not None and not date(1900, 1, 1) <= value <= date.today():
        raise ValueError("a date of birth between 1900-01-01 and today, as YYYY-MM-DD")
    return value


def as_text(value: Any) -> Any:
    """A time or date comes as ISO 8601 text: a bare number (seconds? milliseconds?) is refused, not guessed."""
    if isinstance(value, int | float):
        raise ValueError("give it as ISO 8601 text, e.g. 2026-12-01T17:00:00Z or 1962-03-14, not a number")
    return value


Moment = Annotated[datetime, BeforeValidator(as_text), AfterValidator(within_our_calendar)]
"""A datetime the API accepts: ISO 8601 text with a UTC offset, within our calendar."""


def iana_zone(value: str | None) -> str | None:
    """``value`` when it names an IANA time zone (None stays None); else ValueError saying what is wanted."""
    if value is None:
        return None
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError("not an IANA time zone such as America/Chicago") from None
    return value


# an IANA time zone's name, checked (the longest real one is 32 characters)
Zone = Annotated[str, StringConstraints(max_length=MAX_TIMEZONE), AfterValidator(iana_zone)]


def same_secret(sent: str, expected: str) -> bool:
    """A constant-time comparison of a token someone sent with ours; any characters (a header or URL may carry
    text beyond ASCII, which ``secrets.compare_digest`` refuses on strings) simply do not match."""
    return secrets.compare_digest(sent.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))
