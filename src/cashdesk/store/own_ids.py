"""Ids of the master rows a window of an office makes itself: a tax return's bill, a service order's
fee, a late fee, a returned check's fee, an arrangement's interest, and the history line of every
payment (docs/office.md).

Such rows reach the office as the window wrote them, so their ids must never meet the office's own
(below `SPAN`) nor another window's: a window numbers them from its own range, the number the office
gave it at the join times `SPAN` up to the next (window 3: 3,000,000,000,001 on). A window alone has
no range, and its rows take SQLite's next id as before. The range is kept in `own_id_range`
(window migration 0016); `next_id` is asked on every insert of such a row (the ORM's inserts by the
listeners in store/models.py, SQL inserts through Driver.insert_own)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Each window's range is this wide; the office's own ids (its loads of the billing system's file)
#: stay below the first. A PostgreSQL BIGINT holds about nine million windows' ranges.
SPAN = 10**12

#: The master tables a window adds rows to, each keyed by an integer `id`.
TABLES = ("open_items", "account_history")

RANGE_TABLE = "own_id_range"

#: The columns a window writes of each (Driver.insert_own adds `id` at a window of an office).
ITEM_COLUMNS = ("account_id", "external_id", "revenue_code", "description", "period", "bill_date", "due_date",
                "amount_cents", "paid_cents")  # fmt: skip
HISTORY_COLUMNS = ("account_id", "on_date", "kind", "description", "amount_cents", "reference")

#: Where the last id given on a connection is kept, per (table, low): several rows the ORM inserts
#: in one flush are numbered before any of them is written.
_GIVEN = "cashdesk_own_ids"


def range_of(number: int) -> tuple[int, int]:
    """The ids window `number` gives, from low (inclusive) to high (exclusive)."""
    return number * SPAN, (number + 1) * SPAN


def next_id(table: str, fetch: Callable[[str], Any], info: dict[Any, Any]) -> int | None:
    """The next id of `table` in this window's range (None: the window stands alone). `fetch` runs a
    statement on the writer's connection and returns its first row; `info` is that connection's
    info dictionary."""
    if table not in TABLES:  # pragma: no cover - the callers name only these
        raise ValueError(table)
    row = fetch(f"SELECT r.low, r.high, (SELECT max(t.id) FROM {table} t WHERE t.id >= r.low AND t.id < r.high) "
                f"FROM {RANGE_TABLE} r")  # fmt: skip
    if row is None:
        return None
    low, high, top = int(row[0]), int(row[1]), row[2]
    given: dict[tuple[str, int], int] = info.setdefault(_GIVEN, {})
    # What the table holds, or what this connection gave and has not written yet (or rolled back:
    # a gap, never a second use).
    after = max(int(top) if top is not None else low, given.get((table, low), low))
    if after + 1 >= high:  # pragma: no cover - a trillion rows of one window
        raise OverflowError(f"this window's ids of {table} are used up")
    given[(table, low)] = after + 1
    return after + 1
