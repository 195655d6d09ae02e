"""What a payment does to an account's service orders, in the payment's own transaction.

- On a disconnected (shut-off) account: a reconnect order, its fee by the hour an open item that
  this payment pays first (the counter shows the fee before posting: `reconnect_quote`).
- When it brings the past-due amount under the shut-off threshold: the pending door tags and
  disconnects are cancelled, reason "paid"; the receipt says so. Reconnects are never cancelled.

An account with no open order costs one indexed read (ix_work_orders_account_status).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from cashdesk.domain.accounts import Account, AccountStatus, OpenItem, RevenueCode, normalize_account_number
from cashdesk.domain.allocation import allocate, priority_by
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import (
    COLLECTION_STEPS,
    CancelReason,
    OrderStatus,
    OrderType,
    ReconnectFee,
    WorkOrder,
    past_due_after,
    reconnect_fee,
)
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.service_orders import change_on, new_order
from cashdesk.store import service_orders as orders
from cashdesk.store.driver import Driver
from cashdesk.store.posting import PayingAccount, open_items
from cashdesk.words import translate

PANE_ORDERS = 8


def fee_now(ctx: ServiceContext, now: dt.datetime) -> ReconnectFee:
    s = ctx.settings.orders
    local = now.astimezone(ZoneInfo(ctx.settings.city.time_zone))
    return reconnect_fee(local, opens_hour=s.opens_hour, closes_hour=s.closes_hour,
                         business_cents=s.reconnect_fee_cents, after_hours_cents=s.after_hours_fee_cents,
                         holidays={dt.date.fromisoformat(d) for d in s.holidays})  # fmt: skip


def reconnect_quote(ctx: ServiceContext, operator: Operator, account: str) -> ReconnectFee | None:
    """The reconnect fee a payment on this account would add now, for the cashier to say before
    posting; None when the account is not shut off or a reconnect is already ordered."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("order_hooks", "look up accounts"))
    with ctx.db.unit_of_work(write=False) as uow:
        db = uow.rows
        row = orders.account_of(db, normalize_account_number(account))
        if row is None or row[4] != AccountStatus.SHUT_OFF.value:
            return None
        if any(kind == OrderType.RECONNECT for _, _, kind in orders.open_collection_orders(db, row[0])):
            return None
        if any(item.revenue_code == "RECON" for item in open_items(db, row[0])):
            return None  # billed already: the payment orders the reconnect without a second fee
    return fee_now(ctx, ctx.now())


def on_payment(db: Driver, ctx: ServiceContext, user: str, account: PayingAccount, items: list[OpenItem],
               codes: Mapping[str, RevenueCode], amount: Money, receipt: str,
               on: dt.date) -> tuple[list[OpenItem], tuple[str, ...]]:  # fmt: skip
    """The account's items as the payment should allocate them (a reconnect fee added), and what the
    receipt says about its orders."""
    if account.kind != "utility":
        return items, ()
    shut_off = account.status == AccountStatus.SHUT_OFF.value
    open_orders = orders.open_collection_orders(db, account.id)  # the one read when there is nothing to do
    if not open_orders and not shut_off:
        return items, ()
    now = ctx.now()
    notes: list[str] = []
    if shut_off and not any(kind == OrderType.RECONNECT for _, _, kind in open_orders):
        fee = fee_now(ctx, now)
        billed = any(item.revenue_code == "RECON" for item in items)  # the billing system charged it already
        address = orders.account_of(db, account.number)
        _, number = new_order(db, ctx, user, account.id, address[3] if address else "", OrderType.RECONNECT, now,
                              reason=f"Paid on {receipt}", scheduled=on, priority=1, receipt=receipt,
                              fee=None if billed else ("RECON", f"Reconnection fee ({fee.words})",
                                                       fee.fee.cents))  # fmt: skip
        if billed:
            notes.append(f"Reconnect ordered: {number}")
        else:
            items = orders_items(db, account.id, items)
            notes.append(f"Reconnect ordered: {number}, fee {fee.fee.display()} ({fee.words})")
    steps = [(number, kind) for _, number, kind in open_orders if kind in COLLECTION_STEPS]
    if steps:
        paid = allocate(amount, items, priority_by(codes, ctx.settings.allocation.priorities)).lines
        owed = past_due_after(items, paid, on, ctx.settings.orders.shutoff_aging_days)
        if owed.cents < ctx.settings.orders.shutoff_minimum_cents:
            for number, _ in sorted(steps, key=lambda s: s[1] == OrderType.DISCONNECT):
                if _still_open(db, number):
                    change_on(db, ctx, user, number, OrderStatus.CANCELLED, now, reason=CancelReason.PAID.value,
                              receipt=receipt)  # fmt: skip
            notes.append(f"Shut-off cancelled (paid): {', '.join(number for number, _ in steps)}")
    return items, tuple(notes)


def orders_items(db: Driver, account_id: int, items: list[OpenItem]) -> list[OpenItem]:
    """The items with the fee just added (read again: one small read, only on a reconnect)."""
    known = {item.id for item in items}
    return items + [item for item in open_items(db, account_id) if item.id not in known]


def _still_open(db: Driver, number: str) -> bool:
    """A disconnect is cancelled with its door tag; it is not cancelled twice."""
    row = orders.order_row(db, number)
    return row is not None and OrderStatus(row[3]).is_open


def pane_orders(db: Driver, ctx: ServiceContext, account: Account) -> tuple[tuple[WorkOrder, ...], str]:
    """The account's latest orders for the inquiry pane, and the reconnect fee a payment would add
    (on a disconnected account with no reconnect ordered and none billed), in words."""
    if account.kind.value != "utility":
        return (), ""
    found = tuple(orders.find(db, account=account.number, limit=PANE_ORDERS))
    if (
        account.status is not AccountStatus.SHUT_OFF
        or any(o.type is OrderType.RECONNECT and o.status.is_open for o in found)
        or any(item.revenue_code == "RECON" for item in account.items)
    ):
        return found, ""
    fee = fee_now(ctx, ctx.now())
    if fee.after_hours:
        said = translate("order_hooks", "A payment orders the reconnect and adds its fee: {fee} (after hours).")
    else:
        said = translate("order_hooks", "A payment orders the reconnect and adds its fee: {fee} (business hours).")
    return found, said.format(fee=fee.fee.display())
