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
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store.models import DrawerRow


class NoOpenDrawer(ServiceError):
    pass


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
        raise NoOpenDrawer("Open your drawer first: count the starting float (no payment is taken without an open drawer).")
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
            business_date=ctx.today(),
            opened_at=now.replace(tzinfo=None),
            opening_float_cents=count.total.cents,
            opening_count=json.dumps(dict(sorted(count.pieces.items())), separators=(",", ":")),
            status="open",
        )
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow.session, user=operator.user_id, station=ctx.station, event_type="drawer_open",
            object=f"drawer {row.id}", details={"float_cents": count.total.cents, "count": dict(count.pieces)}, at=now,
        )  # fmt: skip
        uow.commit()
        return _view(row)
