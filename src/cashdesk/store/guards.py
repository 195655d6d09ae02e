"""The guards in the database itself: triggers that refuse to change or delete the audit trail
and posted money rows, whatever program writes to the file.

The services change posted rows only in their own ways (a void marks a receipt void, a
reprint counts up, a mail reversal marks its remittance reversed, a drawer closes, a deposit
export numbers its day's ticket and bag); everything else is refused by SQLite. Migrations
0003, 0008 and 0009 create these triggers; `cashdesk init` and the window's start put back one that
is missing or not as written here (`missing`, `put_back`), and `audit verify` names it.
Only the columns listed are guarded, so a later migration may add a column and fill it in.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any

from cashdesk.store.posting import Driver


@dataclass(frozen=True, slots=True)
class Guard:
    name: str
    table: str
    keeps: str  # what it keeps from happening, in words: "receipts from being deleted"
    sql: str


# -- the audit trail (migration 0003) -------------------------------------------------------------

AUDIT_GUARDS = (
    Guard("audit_events_no_update", "audit_events", "the audit trail from being changed",
          "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
          "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
    Guard("audit_events_no_delete", "audit_events", "the audit trail from being deleted",
          "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
          "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
)  # fmt: skip

# -- posted money (migration 0008) and what a day's close froze (migration 0009) ---------------
#
# The texts of the money guards, and the helpers that write a guard's trigger, are migration
# 0008's, read from it rather than copied here: a migration is frozen (its text is what every
# database that ran it holds), so it is the text to compare a database with and to put back,
# and a second copy here could drift from it unseen. A later migration that changes a guard is
# where that guard's text is then read from. The migration is imported when a guard is first
# needed, not with this module: it imports Alembic, which start-up and the services do without
# (store/db.py). A module named 0008_… is not importable by an import statement: import_module.


@functools.cache
def _read_from_migrations() -> tuple[tuple[Guard, ...], tuple[Guard, ...]]:
    """(the money guards, the day close records' guards), as migration 0008's helpers write them
    (0009 wrote the records' with the same text)."""
    frozen: Any = importlib.import_module("cashdesk.store.migrations.versions.0008_money_guards")

    def as_guard(g: Any) -> Guard:  # the migration's own Guard class, frozen with it
        return Guard(g.name, g.table, g.keeps, g.sql)

    money = tuple(as_guard(g) for g in frozen.MONEY_GUARDS)
    records = (
        as_guard(frozen._never_updated("day_close_records", "business_date, lookups, figures",
                                       "the record frozen at a day's close")),
        as_guard(frozen._never_deleted("day_close_records", "the record frozen at a day's close")),
    )  # fmt: skip
    return money, records


def all_guards() -> tuple[Guard, ...]:
    """Every guard: the audit trail's, posted money's, and the day close records'."""
    money, records = _read_from_migrations()
    return AUDIT_GUARDS + money + records


def __getattr__(name: str) -> tuple[Guard, ...]:
    """`GUARDS`, `MONEY_GUARDS` and `RECORD_GUARDS`, read from the migrations when first asked for."""
    if name == "GUARDS":
        return all_guards()
    if name == "MONEY_GUARDS":
        return _read_from_migrations()[0]
    if name == "RECORD_GUARDS":
        return _read_from_migrations()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _normal(sql: str) -> str:
    return " ".join(sql.split())


@dataclass(frozen=True, slots=True)
class MissingGuard:
    guard: Guard
    changed: bool  # there is a trigger of that name, but not as written here

    def describe(self) -> str:
        state = "is not the one cashdesk wrote" if self.changed else "is missing"
        return f"the guard that keeps {self.guard.keeps} {state} (trigger {self.guard.name})"


def missing(db: Driver) -> list[MissingGuard]:
    """The guards that are not in the database as written here (SQLite only)."""
    if not db.is_sqlite:
        return []
    tables = {name for (name,) in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    have = {name: sql for name, sql in db.all("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    found: list[MissingGuard] = []
    for guard in all_guards():
        if guard.table not in tables:
            continue  # an older schema: the upgrade creates it
        sql = have.get(guard.name)
        if sql is None or _normal(sql) != _normal(guard.sql):
            found.append(MissingGuard(guard, changed=sql is not None))
    return found


def put_back(db: Driver, gone: list[MissingGuard]) -> None:
    """Create the guards again, in the caller's transaction (a changed one is dropped first)."""
    for item in gone:
        if item.changed:
            db.run(f'DROP TRIGGER IF EXISTS "{item.guard.name}"')
        db.run(item.guard.sql)
