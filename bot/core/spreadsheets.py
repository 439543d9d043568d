"""CSV and spreadsheets: a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab or carriage return)
is run by Excel, LibreOffice and Sheets when the file is opened. Imports refuse such cells (see
``bot.outreach.campaigns``); every CSV we hand out goes through ``csv_text``, which makes them plain text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS)


def spreadsheet_safe(value: Any) -> Any:
    """A cell as a spreadsheet shows it but never runs it: formula-looking text gets a leading ``'`` (numbers,
    which a spreadsheet reads as numbers anyway, stay as they are)."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV file for people to open in a spreadsheet; every export uses this."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue()
