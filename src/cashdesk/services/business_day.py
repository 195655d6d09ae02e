"""Which business day money belongs to.

A business day is open until a supervisor closes it (`business_days` holds the closed ones).
Drawers opened after the close belong to the next open day, and so do their payments.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.store.models import BusinessDayRow


class DayClosed(ServiceError):
    pass


def closed_days_from(session: Session, day: dt.date) -> set[dt.date]:
    return set(session.scalars(select(BusinessDayRow.business_date).where(
        BusinessDayRow.business_date >= day, BusinessDayRow.status == "closed")))  # fmt: skip


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
        raise DayClosed(f"The business day {day:%Y-%m-%d} is closed: it takes no more postings.")
