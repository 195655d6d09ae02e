"""Loading accounts with their open items and history, as domain objects."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain.accounts import (
    Account,
    AccountKind,
    AccountStatus,
    FilingFrequency,
    OpenItem,
    RevenueCategory,
    RevenueCode,
    is_cash_only,
)
from cashdesk.domain.money import Money
from cashdesk.store.models import AccountRow, HistoryRow, OpenItemRow, RevenueCodeRow


def to_open_item(row: OpenItemRow) -> OpenItem:
    return OpenItem(
        id=row.id,
        revenue_code=row.revenue_code,
        description=row.description,
        bill_date=row.bill_date,
        due_date=row.due_date,
        amount=Money(row.amount_cents),
        paid=Money(row.paid_cents),
        period=row.period,
    )


def cash_only_on(row: AccountRow, day: dt.date) -> bool:
    """Cash only for good, or within a returned check's period."""
    return is_cash_only(row.cash_only, row.cash_only_until, day)


def to_account(row: AccountRow, items: list[OpenItemRow], today: dt.date | None = None) -> Account:
    # Without a day only the lasting flag is known; a returned check's period needs the day.
    temporary = today is not None and is_cash_only(False, row.cash_only_until, today)
    return Account(
        number=row.number,
        kind=AccountKind(row.kind),
        name=row.name,
        status=AccountStatus(row.status),
        service_address=row.service_address,
        mailing_address=row.mailing_address,
        phone=row.phone,
        cash_only=row.cash_only or temporary,
        cash_only_until=row.cash_only_until if temporary and not row.cash_only else None,
        deposit_held=Money(row.deposit_held_cents),
        licence_number=row.licence_number,
        filing_frequency=FilingFrequency(row.filing_frequency) if row.filing_frequency else None,
        credit=Money(row.credit_cents),
        items=tuple(to_open_item(i) for i in items),
        language=row.language,
    )


def to_revenue_code(row: RevenueCodeRow) -> RevenueCode:
    return RevenueCode(
        code=row.code,
        description=row.description,
        gl_account=row.gl_account,
        category=RevenueCategory(row.category),
        priority=row.priority,
    )


def find_account_row(session: Session, number: str) -> AccountRow | None:
    return session.scalars(select(AccountRow).where(AccountRow.number == number)).one_or_none()


def load_account(
    session: Session, number: str, *, open_only: bool = True, today: dt.date | None = None
) -> Account | None:
    row = find_account_row(session, number)
    if row is None:
        return None
    query = select(OpenItemRow).where(OpenItemRow.account_id == row.id)
    if open_only:
        query = query.where(OpenItemRow.amount_cents > OpenItemRow.paid_cents)
    items = list(session.scalars(query.order_by(OpenItemRow.due_date, OpenItemRow.id)))
    return to_account(row, items, today)


def load_history(session: Session, number: str, limit: int = 100) -> list[HistoryRow]:
    row = find_account_row(session, number)
    if row is None:
        return []
    query = (
        select(HistoryRow)
        .where(HistoryRow.account_id == row.id)
        .order_by(HistoryRow.on_date.desc(), HistoryRow.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def revenue_codes(session: Session) -> dict[str, RevenueCode]:
    return {r.code: to_revenue_code(r) for r in session.scalars(select(RevenueCodeRow))}
