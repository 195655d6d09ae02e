"""Which business day money belongs to.

A business day is open until a supervisor closes it (`business_days` holds the closed ones).
Drawers opened after the close belong to the next open day, and so do their payments.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from cashdesk.domain.money import Money
from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.store import outbox
from cashdesk.store.models import BusinessDayRow, CashDropRow, DrawerRow, PaidOutRow, ReceiptRow
from cashdesk.words import translate


class DayClosed(ServiceError):
    pass


def closed_days_from(session: Session, day: dt.date) -> set[dt.date]:
    """Days from `day` on closed at this window, or at its office (a window of an office hears of
    the office's close at its next sync: a drawer opened after it holds the next day)."""
    own = set(session.scalars(select(BusinessDayRow.business_date).where(
        BusinessDayRow.business_date >= day, BusinessDayRow.status == "closed")))  # fmt: skip
    return own | set(outbox.office_closed_from(session, day))


def is_closed(session: Session, day: dt.date) -> bool:
    row = session.get(BusinessDayRow, day)
    return row is not None and row.status == "closed"


def open_business_date(session: Session, ctx: ServiceContext) -> dt.date:
    """Today in the city, or the first day after it that is not closed yet."""
    day = ctx.today()
    closed = closed_days_from(session, day)
    while day in closed:
        day += dt.timedelta(days=1)
    return day


def require_open_day(session: Session, day: dt.date) -> None:
    if is_closed(session, day):
        raise DayClosed(
            translate("business_day", "The business day {day:%Y-%m-%d} is closed: it takes no more postings.").format(
                day=day
            )
        )
    by_office = outbox.office_closed_from(session, day).get(day)
    if by_office is not None:
        raise DayClosed(
            translate(
                "business_day",
                "The office has closed the business day {day:%Y-%m-%d} ({by}, at {at}): "
                "it takes no more postings here. Nothing was written.",
            ).format(day=day, by=by_office[0], at=by_office[1])
        )


def closed_by_office_refusal(session: Session, drawer: DrawerRow, *, over_short_cents: int = 0,
                             deposit_cents: int = 0) -> None:  # fmt: skip
    """A drawer of a business day its office has closed (opened before this window heard of the
    close) is balanced only when that changes none of the day's money: nothing posted on it, its
    float counted back whole and kept. Otherwise refused in words, nothing written: the office's
    closed day would change under its deposit (docs/office.md)."""
    by_office = outbox.office_closed_from(session, drawer.business_date).get(drawer.business_date)
    if by_office is None or is_closed(session, drawer.business_date):
        return
    posted = session.scalar(select(
        exists().where(ReceiptRow.drawer_id == drawer.id) | exists().where(CashDropRow.drawer_id == drawer.id)
        | exists().where(PaidOutRow.drawer_id == drawer.id)))  # fmt: skip
    if posted:
        why = translate("business_day", "it holds payments, drops or paid-outs of that day")
    elif over_short_cents > 0:
        why = translate("business_day", "its count is {amount} over").format(amount=Money(over_short_cents).display())
    elif over_short_cents < 0:
        why = translate("business_day", "its count is {amount} short").format(amount=Money(-over_short_cents).display())
    elif deposit_cents:
        why = translate("business_day", "{amount} of it would go to that day's deposit").format(
            amount=Money(deposit_cents).display()
        )
    else:
        return
    raise DayClosed(
        translate(
            "business_day",
            "The office has closed drawer {drawer}'s business day {day:%Y-%m-%d} ({by}, at {at}) and {why}: "
            "balancing it would change that day after its close, so nothing was written. Keep the drawer's money "
            "apart and call the office's supervisor: the office's day must be reopened before this drawer is "
            "balanced.",
        ).format(drawer=drawer.id, day=drawer.business_date, by=by_office[0], at=by_office[1], why=why)
    )
