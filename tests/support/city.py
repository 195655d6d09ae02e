"""Writing a small city straight into a real database file, for tests that need accounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cashdesk.store.models import AccountRow, HistoryRow, OpenItemRow


def add_account(uow: Any, number: str, name: str, address: str, phone: str = "", **fields: Any) -> AccountRow:
    row = AccountRow(
        number=number,
        kind=fields.pop("kind", "utility"),
        name=name,
        service_address=address,
        mailing_address=fields.pop("mailing_address", ""),
        phone=phone,
        phone_digits="".join(ch for ch in phone if ch.isdigit()),
        status=fields.pop("status", "active"),
        cash_only=fields.pop("cash_only", False),
        deposit_held_cents=fields.pop("deposit_held_cents", 0),
        licence_number=fields.pop("licence_number", ""),
        filing_frequency=fields.pop("filing_frequency", None),
        credit_cents=fields.pop("credit_cents", 0),
    )
    assert not fields, fields
    uow.session.add(row)
    uow.session.flush()
    return row


def add_item(uow: Any, account: AccountRow, code: str, description: str, bill: dt.date | None, due: dt.date,
             amount: int, paid: int = 0, period: str = "") -> None:  # fmt: skip
    uow.session.add(
        OpenItemRow(
            account_id=account.id,
            revenue_code=code,
            description=description,
            period=period,
            bill_date=bill,
            due_date=due,
            amount_cents=amount,
            paid_cents=paid,
        )  # fmt: skip
    )


def add_history(uow: Any, account: AccountRow, on: dt.date, kind: str, description: str, cents: int, ref: str) -> None:
    uow.session.add(
        HistoryRow(
            account_id=account.id, on_date=on, kind=kind, description=description, amount_cents=cents, reference=ref
        )  # fmt: skip
    )
