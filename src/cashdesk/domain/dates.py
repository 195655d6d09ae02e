"""Dates as people type them, and as the database hands them back.

One parser for every window and command: a cashier types 03/16/2026 or 3/16/26 off a
form, a supervisor may type 2026-03-16, and both mean the same business day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

#: The ways a date may be typed, tried in this order (month before day, as in the US).
_TYPED = ("%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d", "%m-%d-%Y")

EXAMPLE = dt.date(2026, 3, 16)


def parse_day(text: str) -> dt.date:
    """A date as it is typed: 03/16/2026, 3/16/26, 03-16-2026 or 2026-03-16.

    ISO forms (20260316 and the like) are taken too, so a command line written by a script
    keeps working. Raises ValueError with the message the cashier sees.
    """
    raw = text.strip()
    for pattern in _TYPED:
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f'"{raw}" is not a date. Type it as month/day/year, like {EXAMPLE:%m/%d/%Y}.') from None


def stored_day(value: Any) -> dt.date | None:
    """A date column as the store reads it: None, a date (the ORM) or ISO text (plain SQL)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
