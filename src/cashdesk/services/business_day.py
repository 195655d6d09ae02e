"""Which business day money belongs to.

A business day is open until a supervisor closes it (`business_days` holds the closed ones).
Drawers opened after the close belong to the next open day, and so do their payments.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.store import outbox
from cashdesk.store.models import BusinessDayRow
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
