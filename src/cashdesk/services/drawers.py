"""Drawer sessions: open a drawer with a counted float; find the drawer a cashier works in.

A float is counted out of the change fund (domain/change_fund.py): an opening that takes more
than the fund holds is noted in its audit event and said to the supervisor at the day close.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk.domain.cash import CashCount
from cashdesk.domain.change_fund import ChangeFundDay, DrawerFloat, FloatMove, change_fund_day
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.text import reason_problem
from cashdesk.domain.tills import till_refusal
from cashdesk.services import audit
from cashdesk.services.business_day import open_business_date
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import print_jobs, sealed
from cashdesk.store.models import BusinessDayRow, DrawerCloseRow, DrawerRow
from cashdesk.store.posting import driver
from cashdesk.words import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)


class NoOpenDrawer(ServiceError):
    pass


class TillInUse(ServiceError):
    """Another cashier's drawer is open in the station's only till (station.tills)."""


NO_OPEN_DRAWER = QT_TRANSLATE_NOOP(
    "drawers", "Open your drawer first: count the starting float (no payment is taken without an open drawer)."
)


@dataclass(frozen=True, slots=True)
class DrawerView:
    id: int
    station: str
    cashier: str
    business_date: dt.date
    opening_float: Money
    opened_at: dt.datetime
    # How far this float went beyond what the change fund held when it was counted out ($0.00: it did not).
    fund_short: Money = Money(0)


def _view(row: DrawerRow, fund_short: Money = Money(0)) -> DrawerView:  # noqa: B008 - Money is frozen
    return DrawerView(row.id, row.station, row.cashier, row.business_date, Money(row.opening_float_cents),
                      row.opened_at, fund_short)  # fmt: skip


def drawer_label(drawer: DrawerRow) -> str:
    """How the deposit and the journal name a drawer: "W01 drawer 12 jcashier"."""
    return f"{drawer.station} drawer {drawer.id} {drawer.cashier}"


# -- the change fund the floats come from -------------------------------------------------------


def closed_floats(drawers: Mapping[int, DrawerRow], closes: Iterable[DrawerCloseRow]) -> tuple[DrawerFloat, ...]:
    """Each closed drawer's float: opened with, kept at the close."""
    return tuple(DrawerFloat(drawer_label(drawers[c.drawer_id]), Money(drawers[c.drawer_id].opening_float_cents),
                             Money(c.float_kept_cents)) for c in closes)  # fmt: skip


def _floats_of(session: Session, day: dt.date) -> tuple[list[DrawerRow], list[DrawerCloseRow]]:
    drawers = list(session.scalars(select(DrawerRow).where(DrawerRow.business_date == day).order_by(DrawerRow.id)))
    closes = list(session.scalars(select(DrawerCloseRow).where(DrawerCloseRow.drawer_id.in_([d.id for d in drawers]))
                                  .order_by(DrawerCloseRow.drawer_id)))  # fmt: skip
    return drawers, closes


def change_fund(session: Session, ctx: ServiceContext, day: dt.date,
                opening: tuple[dt.datetime, Money] | None = None) -> ChangeFundDay:  # fmt: skip
    """The change fund on a business day: what it held when the day began (after the latest close
    of a day with drawers, else the authorised amount), the floats counted out and put back since.
    `opening`: a float about to be counted out (when, how much), as if it were."""
    drawers, closes = _floats_of(session, day)
    moves = [FloatMove(d.opened_at, Money(d.opening_float_cents)) for d in drawers]
    moves += [FloatMove(c.closed_at, -Money(c.float_kept_cents)) for c in closes]
    if opening is not None:
        moves.append(FloatMove(*opening))
    before = session.scalar(
        select(func.max(DrawerRow.business_date))
        .join(BusinessDayRow, BusinessDayRow.business_date == DrawerRow.business_date)
        .where(DrawerRow.business_date < day, BusinessDayRow.status == "closed")
    )  # fmt: skip
    last_close = None
    if before is not None:
        then, kept_then = _floats_of(session, before)
        last_close = (before, Money.total(Money(d.opening_float_cents) for d in then),
                      Money.total(Money(c.float_kept_cents) for c in kept_then))  # fmt: skip
    return change_fund_day(day, authorised=Money(ctx.settings.cash.change_fund_cents),
                           floats=closed_floats({d.id: d for d in drawers}, closes), moves=moves,
                           last_close=last_close)  # fmt: skip


def open_drawer_row(session: Session, station: str, cashier: str) -> DrawerRow | None:
    return session.scalars(
        select(DrawerRow).where(DrawerRow.station == station, DrawerRow.cashier == cashier, DrawerRow.status == "open")
    ).one_or_none()


def require_open_drawer(session: Session, ctx: ServiceContext, operator: Operator) -> DrawerRow:
    row = open_drawer_row(session, ctx.station, operator.user_id)
    if row is None:
        raise NoOpenDrawer(translate("drawers", NO_OPEN_DRAWER))
    return row


def current_drawer(ctx: ServiceContext, operator: Operator) -> DrawerView | None:
    with ctx.db.unit_of_work(write=False) as uow:
        row = open_drawer_row(uow.session, ctx.station, operator.user_id)
        return _view(row) if row else None


def open_drawer(ctx: ServiceContext, operator: Operator, count: CashCount) -> DrawerView:
    """Open this cashier's drawer at this station with the float counted by denomination."""
    operator.require(Permission.TAKE_PAYMENTS, translate("drawers", "open a cash drawer"))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        if open_drawer_row(uow.session, ctx.station, operator.user_id) is not None:
            raise ServiceError(
                translate("drawers", "{user_id} already has an open drawer at station {station}.").format(
                    user_id=operator.user_id, station=ctx.station
                )
            )
        open_here = uow.session.execute(select(DrawerRow.id, DrawerRow.cashier).where(
            DrawerRow.station == ctx.station, DrawerRow.status == "open").order_by(DrawerRow.id)).all()  # fmt: skip
        refusal = till_refusal(ctx.station, ctx.settings.station.tills, [(d, c) for d, c in open_here])
        if refusal:
            raise TillInUse(refusal)
        day = open_business_date(uow.session, ctx)
        opened_at = now.replace(tzinfo=None)
        # The float check: does the fund hold this float, beside the ones already counted out today?
        without = change_fund(uow.session, ctx, day).beyond
        fund_short = change_fund(uow.session, ctx, day, (opened_at, count.total)).beyond - without
        row = DrawerRow(
            station=ctx.station,
            cashier=operator.user_id,
            business_date=day,
            opened_at=opened_at,
            opening_float_cents=count.total.cents,
            cash_cents=count.total.cents,
            opening_count=json.dumps(dict(sorted(count.pieces.items())), separators=(",", ":")),
            status="open",
        )
        uow.session.add(row)
        uow.session.flush()
        details: dict[str, object] = {"drawer": row.id, "float_cents": count.total.cents, "count": dict(count.pieces)}
        if fund_short:
            details["change_fund_short_cents"] = fund_short.cents
            log.warning("drawer %s opened with %s, %s more than the change fund held", row.id,
                        count.total.display(), fund_short.display())  # fmt: skip
        details |= sealed.digests(driver(uow.session), "drawer_open", f"drawer {row.id}", details)
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="drawer_open",
                     object=f"drawer {row.id}", details=details, at=now)  # fmt: skip
        uow.commit()
        return _view(row, fund_short)


def no_sale(ctx: ServiceContext, operator: Operator, reason: str, *, approval_id: int | None) -> int:
    """Open the cash drawer without a payment: a reason and a supervisor's approval, audited.

    Returns the print job of the drawer kick (delivered by the print worker like any other).
    """
    from cashdesk.devices.drawer import drawer_kick
    from cashdesk.domain.security import OverrideAction
    from cashdesk.services.overrides import require_approval

    operator.require(Permission.TAKE_PAYMENTS, translate("drawers", "open the cash drawer"))
    reason = reason.strip()
    problem = reason_problem(
        reason, translate("drawers", "Say why the drawer is opened without a sale (for example: change for the safe).")
    )
    if problem:
        raise ServiceError(problem)
    with ctx.db.unit_of_work(write=False) as uow:
        drawer = require_open_drawer(uow.session, ctx, operator)
        drawer_id = drawer.id
    with require_approval(ctx, approval_id, action=OverrideAction.NO_SALE, requested_by=operator.user_id,
                          object=f"drawer {drawer_id}") as (uow, approval):  # fmt: skip
        job_id = print_jobs.add(uow.rows, ctx.station, "drawer_kick", None, drawer_kick(ctx.settings.drawer.pin),
                                ctx.now().replace(tzinfo=None))  # fmt: skip
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="no_sale",
                     object=f"drawer {drawer_id}", details={"reason": reason, "approved_by": approval.approved_by},
                     at=ctx.now())  # fmt: skip
        uow.commit()
        return job_id
