"""Set-based upsert of accounts and open items for the billing-system import.

The service checks every row and stages the good ones in temporary tables on one
connection (no write lock on the database while the file is read). Then, in one
IMMEDIATE transaction, the staged rows are compared with what the database holds and
only the differences are written, with plain INSERT and UPDATE statements so that the
search index triggers keep up. Nothing here reads the file or knows about CSV.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Date,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.exc import OperationalError

from cashdesk.store.db import DatabaseError
from cashdesk.store.models import AccountRow, OpenItemRow, RevenueCodeRow
from cashdesk.words import translate

#: Account fields the file can carry, in the order they are staged.
ACCOUNT_FIELDS: tuple[str, ...] = (
    "kind",
    "name",
    "status",
    "service_address",
    "mailing_address",
    "phone",
    "phone_digits",
    "cash_only",
    "deposit_held_cents",
    "credit_cents",
    "licence_number",
    "filing_frequency",
    "language",
)
#: Open-item fields the file can carry (item_id is the billing system's id, `external_id`).
ITEM_FIELDS: tuple[str, ...] = (
    "item_id",
    "revenue_code",
    "description",
    "period",
    "bill_date",
    "due_date",
    "amount_cents",
    "paid_cents",
)
#: One staged row: line, account number, the account fields, then the item fields.
STAGED_FIELDS: tuple[str, ...] = ("line", "account", *ACCOUNT_FIELDS, *ITEM_FIELDS)

_ITEM_COLUMN = {"item_id": "external_id"}  # staged name -> open_items column, where they differ

_meta = MetaData()


def _account_columns() -> list[Column[Any]]:
    return [
        Column("kind", String),
        Column("name", String),
        Column("status", String),
        Column("service_address", String),
        Column("mailing_address", String),
        Column("phone", String),
        Column("phone_digits", String),
        Column("cash_only", Boolean),
        Column("deposit_held_cents", Integer),
        Column("credit_cents", Integer),
        Column("licence_number", String),
        Column("filing_frequency", String),
        Column("language", String),
    ]


staged_rows = Table(
    "import_rows",
    _meta,
    Column("line", Integer, primary_key=True),
    Column("account", String, nullable=False),
    *_account_columns(),
    Column("item_id", String),  # NULL: a row with no open item
    Column("revenue_code", String),
    Column("description", String),
    Column("period", String),
    Column("bill_date", Date),
    Column("due_date", Date),
    Column("amount_cents", Integer),
    Column("paid_cents", Integer),
    Column("account_id", Integer),
    Column("open_item_id", Integer),
    prefixes=["TEMPORARY"],
)

# One row per account: the account's first line in the file.
staged_accounts = Table(
    "import_accounts",
    _meta,
    Column("account", String, primary_key=True),
    Column("line", Integer, nullable=False),
    *_account_columns(),
    Column("account_id", Integer),
    prefixes=["TEMPORARY"],
)

# A mapped class's table is a Table; SQLAlchemy types __table__ as the wider FromClause.
accounts = cast(Table, AccountRow.__table__)
open_items = cast(Table, OpenItemRow.__table__)


@dataclass(frozen=True, slots=True)
class Clash:
    """Two rows of the file that disagree: `line` differs from `first_line` in `fields`."""

    line: int
    first_line: int
    account: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KindChange:
    line: int
    account: str
    kind_held: str
    kind_in_file: str


@dataclass(frozen=True, slots=True)
class UpsertCounts:
    accounts: int  # distinct accounts in the file
    accounts_added: int
    accounts_changed: int
    items: int  # open items in the file
    items_added: int
    items_changed: int
    items_not_in_file: int  # still open in cashdesk, from the billing system, absent from the file

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


class ImportStage:
    """Temporary tables on one connection; `apply` writes the differences, a range of lines per transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- staging (temporary tables only; the database file is not written) -------------

    def revenue_codes(self) -> dict[str, str]:
        """Every revenue code and its description."""
        with self._conn.begin():
            return {
                code: description
                for code, description in self._conn.execute(select(RevenueCodeRow.code, RevenueCodeRow.description))
            }

    def add(self, rows: Sequence[Sequence[object]]) -> None:
        """Stage rows given as tuples in `STAGED_FIELDS` order (dates as datetime.date)."""
        if not rows:
            return
        # Straight to the driver: at half a million rows SQLAlchemy's per-row parameter
        # handling would cost more than SQLite. Dates go as ISO text, as SQLAlchemy stores them.
        dates = [STAGED_FIELDS.index("bill_date"), STAGED_FIELDS.index("due_date")]
        params = []
        for row in rows:
            values = list(row)
            for i in dates:
                if values[i] is not None:
                    values[i] = values[i].isoformat()  # type: ignore[attr-defined]
            params.append(tuple(values))
        with self._conn.begin():
            self._conn.exec_driver_sql(self._insert_sql, params)

    @property
    def _insert_sql(self) -> str:
        mark = "?" if self._conn.dialect.paramstyle == "qmark" else "%s"
        marks = ", ".join([mark] * len(STAGED_FIELDS))
        return f"INSERT INTO {staged_rows.name} ({', '.join(STAGED_FIELDS)}) VALUES ({marks})"

    def index(self) -> None:
        """Index the staged rows and pick each account's first row (after all `add` calls)."""
        with self._conn.begin():
            self._conn.exec_driver_sql("CREATE INDEX temp.ix_import_rows_account ON import_rows (account, line)")
            self._conn.exec_driver_sql("CREATE INDEX temp.ix_import_rows_item ON import_rows (account, item_id)")
            first = (
                select(staged_rows.c.account, func.min(staged_rows.c.line).label("line"))
                .group_by(staged_rows.c.account)
                .subquery()
            )
            cols = ["account", "line", *ACCOUNT_FIELDS]
            self._conn.execute(
                insert(staged_accounts).from_select(
                    cols,
                    select(*(staged_rows.c[c] for c in cols)).join(first, first.c.line == staged_rows.c.line),
                )
            )
            self._conn.exec_driver_sql("CREATE INDEX temp.ix_import_accounts_line ON import_accounts (line)")

    def clashes(self) -> Iterator[Clash]:
        """Rows whose account fields differ from the account's first row in the file."""
        r, f = staged_rows, staged_accounts
        differs = [r.c[c].is_distinct_from(f.c[c]) for c in ACCOUNT_FIELDS]
        query = (
            select(r.c.line, f.c.line, r.c.account, *differs)
            .join(f, f.c.account == r.c.account)
            .where(r.c.line != f.c.line, or_(*differs))
            .order_by(r.c.line)
        )
        with self._conn.begin():
            for line, first, account, *flags in self._conn.execute(query):
                yield Clash(line, first, account, tuple(c for c, d in zip(ACCOUNT_FIELDS, flags, strict=True) if d))

    def duplicate_items(self) -> Iterator[tuple[int, int, str]]:
        """(line, first line, account) for an item id seen on an earlier line of the same account."""
        r = staged_rows
        first = (
            select(r.c.account, r.c.item_id, func.min(r.c.line).label("line"))
            .where(r.c.item_id.is_not(None))
            .group_by(r.c.account, r.c.item_id)
            .having(func.count() > 1)
            .subquery()
        )
        query = (
            select(r.c.line, first.c.line, r.c.account)
            .join(first, and_(first.c.account == r.c.account, first.c.item_id == r.c.item_id))
            .where(r.c.line != first.c.line)
            .order_by(r.c.line)
        )
        with self._conn.begin():
            # Plain tuples, as before, not the result's Row objects.
            yield from ((line, first_line, account) for line, first_line, account in self._conn.execute(query))

    # -- writing -------------------------------------------------------------------------

    def kind_changes(self) -> list[KindChange]:
        """Accounts the file would turn from utility to sales tax or back (refused)."""
        s = staged_accounts
        query = (
            select(s.c.line, s.c.account, accounts.c.kind, s.c.kind)
            .join(accounts, accounts.c.number == s.c.account)
            .where(accounts.c.kind != s.c.kind)
            .order_by(s.c.line)
        )
        return [KindChange(*row) for row in self._conn.execute(query)]

    @contextmanager
    def writing(self) -> Iterator[None]:
        """The one write transaction: BEGIN IMMEDIATE, committed only when the block succeeds."""
        self._conn.execution_options(cashdesk_begin="IMMEDIATE")
        try:
            try:
                transaction = self._conn.begin()
            except OperationalError as exc:
                if "locked" not in str(exc.orig):
                    raise
                raise DatabaseError(
                    translate(
                        "imports",
                        "Another window or program is writing to the database, so the import could not start. "
                        "Nothing was changed; try again in a moment.",
                    )
                ) from None
            with transaction:
                yield
        finally:
            self._conn.execution_options(cashdesk_begin="DEFERRED")

    def chunks(self, rows: int) -> list[tuple[int, int]]:
        """The file's lines in ranges [first, past) of about `rows` staged rows each, in file order, for
        `apply` one range per write transaction (an account's first line comes before its items')."""
        with self._conn.begin():
            lines = [line for (line,) in self._conn.execute(select(staged_rows.c.line).order_by(staged_rows.c.line))]
        return [(lines[i], lines[i + rows] if i + rows < len(lines) else lines[-1] + 1)
                for i in range(0, len(lines), rows)]  # fmt: skip

    def apply(
        self, account_fields: Iterable[str], item_fields: Iterable[str], now: dt.datetime,
        lines: tuple[int, int] = (0, 1 << 62),
    ) -> UpsertCounts:  # fmt: skip
        """Write what differs for the accounts and items first seen on `lines` (a range from `chunks`).
        Only the given fields are compared and updated on existing rows (a column missing from the
        file leaves that field as it is); new rows get every field. Call inside `writing()`.
        """
        account_fields = list(account_fields)
        item_fields = [f for f in item_fields if f != "item_id"]
        s_in = staged_accounts.c.line.between(lines[0], lines[1] - 1)
        r_in = staged_rows.c.line.between(lines[0], lines[1] - 1)
        n_accounts, accounts_added, accounts_changed = _apply_accounts(self._conn, account_fields, now, s_in)
        n_items, items_added, items_changed = _apply_items(self._conn, item_fields, r_in)
        return UpsertCounts(
            accounts=n_accounts,
            accounts_added=accounts_added,
            accounts_changed=accounts_changed,
            items=n_items,
            items_added=items_added,
            items_changed=items_changed,
            items_not_in_file=_open_items_not_in_file(self._conn, s_in) if n_items else 0,
        )


def _apply_accounts(conn: Connection, account_fields: list[str], now: dt.datetime,
                    s_in: ColumnElement[bool]) -> tuple[int, int, int]:  # fmt: skip
    """The staged accounts matched, changed and added: (accounts on the lines, added, changed)."""
    s = staged_accounts
    conn.execute(
        update(s)
        .where(s_in)
        .values(account_id=select(accounts.c.id).where(accounts.c.number == s.c.account).scalar_subquery())
    )
    accounts_changed = 0
    if account_fields:
        accounts_changed = conn.execute(
            update(accounts)
            .where(accounts.c.id == s.c.account_id, s_in)
            .where(or_(*(accounts.c[c].is_distinct_from(s.c[c]) for c in account_fields)))
            .values({**{c: s.c[c] for c in account_fields}, "updated_at": now})
        ).rowcount
    new_cols = ["number", *ACCOUNT_FIELDS, "created_at", "updated_at"]
    accounts_added = conn.execute(
        insert(accounts).from_select(
            new_cols,
            select(
                s.c.account,
                *(s.c[c] for c in ACCOUNT_FIELDS),
                literal(now, accounts.c.created_at.type),
                literal(now, accounts.c.updated_at.type),
            )
            .where(s.c.account_id.is_(None), s_in)
            .order_by(s.c.line),
        )
    ).rowcount
    conn.execute(
        update(s)
        .where(s.c.account_id.is_(None), s_in)
        .values(account_id=select(accounts.c.id).where(accounts.c.number == s.c.account).scalar_subquery())
    )
    n_accounts = conn.execute(select(func.count()).select_from(s).where(s_in)).scalar_one()
    return n_accounts, accounts_added, accounts_changed


def _apply_items(conn: Connection, item_fields: list[str], r_in: ColumnElement[bool]) -> tuple[int, int, int]:
    """The staged bills found by account and billing-system id, changed and added: (items, added, changed)."""
    s, r = staged_accounts, staged_rows
    conn.execute(
        update(r)
        .where(r.c.item_id.is_not(None), r_in)
        .values(account_id=select(s.c.account_id).where(s.c.account == r.c.account).scalar_subquery())
    )
    conn.execute(
        update(r)
        .where(r.c.item_id.is_not(None), r_in)
        .values(
            open_item_id=select(open_items.c.id)
            .where(open_items.c.account_id == r.c.account_id, open_items.c.external_id == r.c.item_id)
            .scalar_subquery()
        )
    )
    items_changed = 0
    if item_fields:
        items_changed = conn.execute(
            update(open_items)
            .where(open_items.c.id == r.c.open_item_id, r_in)
            .where(or_(*(open_items.c[_ITEM_COLUMN.get(c, c)].is_distinct_from(r.c[c]) for c in item_fields)))
            .values({_ITEM_COLUMN.get(c, c): r.c[c] for c in item_fields})
        ).rowcount
    item_cols = ["account_id", *ITEM_FIELDS]
    items_added = conn.execute(
        insert(open_items).from_select(
            [_ITEM_COLUMN.get(c, c) for c in item_cols],
            select(*(r.c[c] for c in item_cols))
            .where(r.c.item_id.is_not(None), r.c.open_item_id.is_(None), r_in)
            .order_by(r.c.line),
        )
    ).rowcount
    n_items = conn.execute(select(func.count()).select_from(r).where(r.c.item_id.is_not(None), r_in)).scalar_one()
    return n_items, items_added, items_changed


def _open_items_not_in_file(conn: Connection, s_in: ColumnElement[bool]) -> int:
    """Open bills of the file's accounts that the file no longer lists."""
    s, r = staged_accounts, staged_rows
    return conn.execute(
        select(func.count())
        .select_from(open_items)
        .join(s, s.c.account_id == open_items.c.account_id)
        .where(
            s_in,
            open_items.c.external_id.is_not(None),
            open_items.c.amount_cents > open_items.c.paid_cents,
            ~exists().where(r.c.account == s.c.account, r.c.item_id == open_items.c.external_id),
        )
    ).scalar_one()


@contextmanager
def import_stage(engine: Engine) -> Iterator[ImportStage]:
    """Temporary staging tables on one connection, dropped when the block ends."""
    with engine.connect() as conn:
        with conn.begin():
            for table in (staged_accounts, staged_rows):
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table.name}")
            _meta.create_all(conn)
        try:
            yield ImportStage(conn)
        finally:
            if conn.in_transaction():
                conn.rollback()
            with conn.begin():
                for table in (staged_accounts, staged_rows):
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table.name}")
