"""A small city written straight into a real SQLite file, for lookup tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cashdesk.store.db import Database
from cashdesk.store.models import AccountRow, HistoryRow
from tests.support import city

AS_OF = dt.date(2026, 11, 26)


def add_account(uow, number: str, name: str, address: str, phone: str = "", **fields) -> AccountRow:  # type: ignore[no-untyped-def]
    """An account whose mailing address is its service address unless told otherwise."""
    fields.setdefault("mailing_address", address)
    return city.add_account(uow, number, name, address, phone, **fields)


def add_item(uow, account: AccountRow, code: str, due: dt.date, amount: int, paid: int = 0, **fields) -> None:  # type: ignore[no-untyped-def]
    bill = fields.pop("bill_date", due - dt.timedelta(days=20))
    city.add_item(uow, account, code, fields.pop("description", code.title()), bill, due, amount, paid,
                  fields.pop("period", ""))  # fmt: skip
    assert not fields, fields


@pytest.fixture
def small_city(db_path: Path) -> Path:
    db = Database.open(db_path)
    with db.unit_of_work() as uow:
        smith = add_account(uow, "1000000017", "SMITH, JOHN", "1200 N Main St", "(303) 555-0142")
        add_item(uow, smith, "WATER", dt.date(2026, 12, 10), 4210)
        add_item(uow, smith, "SEWER", dt.date(2026, 12, 10), 3105)
        add_item(uow, smith, "WATER", dt.date(2026, 9, 10), 3990, paid=1000)
        add_item(uow, smith, "LATEFEE", dt.date(2026, 10, 1), 500)
        add_item(uow, smith, "TRASH", dt.date(2026, 6, 10), 1800, paid=1800)  # paid: not open
        uow.session.add(
            HistoryRow(
                account_id=smith.id,
                on_date=dt.date(2026, 11, 1),
                kind="bill",
                description="November bill",
                amount_cents=7315,
                reference="B-1101",
            )
        )
        uow.session.add(
            HistoryRow(
                account_id=smith.id,
                on_date=dt.date(2026, 10, 5),
                kind="payment",
                description="Payment, thank you",
                amount_cents=-1000,
                reference="W01-2026-000001",
            )
        )
        other = add_account(
            uow,
            "1000000025",
            "SMITHSON, MARY",
            "44 Elm Ave",
            "(720) 555-0199",
            status="shut_off",
            cash_only=True,
            deposit_held_cents=15000,
        )
        add_item(uow, other, "RECON", dt.date(2026, 11, 1), 5000)
        add_account(uow, "1000000033", "GARCIA, ANA", "1200 S Main St", "(303) 555-0777", credit_cents=2500)
        add_account(uow, "1000000041", "NGUYỄN, THỊ", "9 Ōak Ct", "(303) 555-0888")
        tax = add_account(
            uow,
            "2000000019",
            "MAIN STREET BAKERY LLC",
            "301 Main St",
            "(303) 555-0300",
            kind="sales_tax",
            licence_number="BL-2019-0042",
            filing_frequency="monthly",
        )
        add_item(uow, tax, "SALESTAX", dt.date(2026, 10, 20), 125000, period="2026-09")
        add_item(uow, tax, "TAXPEN", dt.date(2026, 10, 20), 12500, period="2026-09")
        uow.commit()
    db.dispose()
    return db_path
