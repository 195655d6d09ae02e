"""Drawer sessions: open a drawer with a counted float; find the drawer a cashier works in."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.text import text_problem
from cashdesk.services import audit
from cashdesk.services.business_day import open_business_date
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import sealed
from cashdesk.store.models import DrawerRow
from cashdesk.store.posting import driver


class NoOpenDrawer(ServiceError):
    pass


NO_OPEN_DRAWER = "Open your drawer first: count the starting float (no payment is taken without an open drawer)."


@dataclass(frozen=True, slots=True)
class DrawerView:
    id: int
    station: str
    cashier: str
    business_date: dt.date
    opening_float: Money
    opened_at: dt.datetime


def _view(row: DrawerRow) -> DrawerView:
    return DrawerView(row.id, row.station, row.cashier, row.business_date, Money(row.opening_float_cents), row.opened_at)


def open_drawer_row(session: Session, station: str, cashier: str) -> DrawerRow | None:
    return session.scalars(
        select(DrawerRow).where(DrawerRow.station == station, DrawerRow.cashier == cashier, DrawerRow.status == "open")
    ).one_or_none()


def require_open_drawer(session: Session, ctx: ServiceContext, operator: Operator) -> DrawerRow:
    row = open_drawer_row(session, ctx.station, operator.user_id)
    if row is None:
        raise NoOpenDrawer(NO_OPEN_DRAWER)
    return row


def current_drawer(ctx: ServiceContext, operator: Operator) -> DrawerView | None:
    with ctx.db.unit_of_work(write=False) as uow:
        row = open_drawer_row(uow.session, ctx.station, operator.user_id)
        return _view(row) if row else None


def open_drawer(ctx: ServiceContext, operator: Operator, count: CashCount) -> DrawerView:
    """Open this cashier's drawer at this station with the float counted by denomination."""
    operator.require(Permission.TAKE_PAYMENTS, "open a cash drawer")
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        if open_drawer_row(uow.session, ctx.station, operator.user_id) is not None:
            raise ServiceError(f"{operator.user_id} already has an open drawer at station {ctx.station}.")
        row = DrawerRow(
            station=ctx.station,
            cashier=operator.user_id,
            business_date=open_business_date(uow.session, ctx),
            opened_at=now.replace(tzinfo=None),
            opening_float_cents=count.total.cents,
            cash_cents=count.total.cents,
            opening_count=json.dumps(dict(sorted(count.pieces.items())), separators=(",", ":")),
            status="open",
        )
        uow.session.add(row)
        uow.session.flush()
        details: dict[str, object] = {"drawer": row.id, "float_cents": count.total.cents, "count": dict(count.pieces)}
        details |= sealed.digests(driver(uow.session), "drawer_open", f"drawer {row.id}", details)
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="drawer_open",
                     object=f"drawer {row.id}", details=details, at=now)  # fmt: skip
        uow.commit()
        return _view(row)


def no_sale(ctx: ServiceContext, operator: Operator, reason: str, *, approval_id: int | None) -> int:
    """Open the cash drawer without a payment: a reason and a supervisor's approval, audited.

    Returns the print job of the drawer kick (delivered by the print worker like any other).
    """
    from cashdesk.devices.drawer import drawer_kick
    from cashdesk.domain.security import OverrideAction
    from cashdesk.services.overrides import require_approval
    from cashdesk.store.models import PrintJobRow

    operator.require(Permission.TAKE_PAYMENTS, "open the cash drawer")
    reason = reason.strip()
    if not reason:
        raise ServiceError("Say why the drawer is opened without a sale (for example: change for the safe).")
    if len(reason) > 200:
        raise ServiceError("Keep the reason under 200 characters.")
    from cashdesk.domain.cards import contains_card_number

    if contains_card_number(reason):
        raise ServiceError("Never type a card number. Give the reason in words.")
    problem = text_problem(reason, "reason")
    if problem:
        raise ServiceError(problem)
    with ctx.db.unit_of_work(write=False) as uow:
        drawer = require_open_drawer(uow.session, ctx, operator)
        drawer_id = drawer.id
    with require_approval(ctx, approval_id, action=OverrideAction.NO_SALE, requested_by=operator.user_id,
                          object=f"drawer {drawer_id}") as (uow, approval):  # fmt: skip
        job = PrintJobRow(station=ctx.station, kind="drawer_kick", receipt_id=None,
                          payload=drawer_kick(int(ctx.settings["drawer.pin"])), status="queued", attempts=0,
                          last_error="", created_at=ctx.now().replace(tzinfo=None))  # fmt: skip
        uow.session.add(job)
        uow.session.flush()
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="no_sale",
                     object=f"drawer {drawer_id}", details={"reason": reason, "approved_by": approval.approved_by},
                     at=ctx.now())  # fmt: skip
        uow.commit()
        return job.id
