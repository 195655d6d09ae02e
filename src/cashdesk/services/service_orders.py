"""Utility service orders at the counter: create, find, dispatch, complete, cancel, not done.

Each change is one unit of work with its audit event ("work_order"). What an order does when it is
completed (a door tag schedules its disconnect; a disconnect shuts the account off; a reconnect or a
start turns it on; a stop makes it final and settles the deposit) happens in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from cashdesk.domain.accounts import normalize_account_number
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import (
    DepositRule,
    FeeReversal,
    OrderStatus,
    OrderType,
    WorkOrder,
    average_bill,
    change_refusal,
    disconnect_due,
    dispatch_refusal,
    fee_goes_with,
    order_number,
    start_deposit,
    stop_settlement,
)
from cashdesk.domain.text import text_problem
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import posting
from cashdesk.store import service_orders as orders
from cashdesk.store.driver import Driver
from cashdesk.words import translate

EVENT = "work_order"
MAX_NOTE = 500


class OrderRefused(ServiceError):
    pass


def _text(text: str, what: str, limit: int) -> str:
    problem = text_problem(text.strip(), what)
    if problem:
        raise OrderRefused(problem)
    if len(text.strip()) > limit:
        raise OrderRefused(
            translate("service_orders", "Keep the {what} under {limit} characters.").format(what=what, limit=limit)
        )
    return text.strip()


def _record(db: Driver, ctx: ServiceContext, user: str, number: str, at: dt.datetime, **details: object) -> None:
    audit.record_on(db, user=user, station=ctx.station, event_type=EVENT, object=number, details=details, at=at)


def local_date(ctx: ServiceContext, moment: dt.datetime) -> dt.date:
    return moment.astimezone(ZoneInfo(ctx.settings.city.time_zone)).date()


@dataclass(frozen=True, slots=True)
class Created:
    order: WorkOrder
    fee: Money  # charged as an open item with it ($0.00: none)


def new_order(db: Driver, ctx: ServiceContext, user: str, account_id: int, address: str, kind: OrderType,
              now: dt.datetime, *, reason: str = "", scheduled: dt.date | None = None, priority: int = 3,
              depends_on: int | None = None, fee: tuple[str, str, int] | None = None, notes: str = "",
              receipt: str = "") -> tuple[int, str]:  # fmt: skip
    """One order with its gapless number, any fee (code, description, cents) as an open item, and its
    audit event, in the caller's transaction: (id, number)."""
    today = local_date(ctx, now)
    number = order_number(today.year, orders.next_number(db, today.year))
    fee_item = None
    if fee is not None and fee[2] > 0:
        fee_item = orders.add_fee_item(db, account_id, fee[0], fee[1], fee[2], today)
        posting.add_history(db, account_id, today, "bill", fee[1], fee[2], number)
    order_id = orders.insert_order(db, orders.NewOrder(
        number=number, account_id=account_id, service_address=address, type=kind, reason=reason,
        requested_by=user, requested_at=now.replace(tzinfo=None), scheduled=scheduled, priority=priority,
        depends_on=depends_on, fee_code=fee[0] if fee else None, fee_cents=fee[2] if fee else 0,
        fee_item_id=fee_item, notes=notes, closed_by_receipt=receipt))  # fmt: skip
    _record(db, ctx, user, number, now, action="create", type=kind.value, reason=reason,
            fee_cents=fee[2] if fee else 0, receipt=receipt)  # fmt: skip
    return order_id, number


def _deposit_fee(db: Driver, ctx: ServiceContext, account_id: int) -> tuple[str, str, int] | None:
    s = ctx.settings.orders
    bills = [Money(c) for c in orders.average_bill_cents(db, account_id)]
    rule = DepositRule(s.deposit_rule)
    if rule is DepositRule.MULTIPLE and not bills:
        rule = DepositRule.FIXED  # nothing billed yet: the fixed amount
    deposit = start_deposit(rule, fixed_cents=s.deposit_fixed_cents, multiple=s.deposit_multiple,
                            average_bill=average_bill(bills))  # fmt: skip
    return ("DEPOSIT", "Service deposit", deposit.cents) if deposit.cents else None


def create_order(ctx: ServiceContext, operator: Operator, account: str, kind: OrderType, *,
                 scheduled: dt.date | None = None, notes: str = "", priority: int = 3) -> Created:  # fmt: skip
    """A clerk's order for a crew. Start service charges its deposit; door tags and disconnects come
    from the shut-off list (services/shutoff.py), reconnects from a payment (services/order_hooks.py)."""
    operator.require(Permission.WORK_ORDERS, translate("service_orders", "create work orders"))
    if kind in (OrderType.DOOR_TAG, OrderType.DISCONNECT):
        raise OrderRefused(
            translate(
                "service_orders", "Door tags and disconnects come from the shut-off list: ask a supervisor to run it."
            )
        )
    if not 1 <= priority <= 5:
        raise OrderRefused(translate("service_orders", "Give a priority from 1 (urgent) to 5."))
    notes = _text(notes, translate("service_orders", "notes"), MAX_NOTE)
    now = ctx.now()
    if scheduled is not None and scheduled < local_date(ctx, now):
        raise OrderRefused(
            translate("service_orders", "{scheduled} has passed: schedule the order for today or later.").format(
                scheduled=scheduled.isoformat()
            )
        )
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        row = orders.account_of(db, normalize_account_number(account))
        if row is None:
            raise OrderRefused(
                translate("service_orders", "No utility account {account}. Check the number.").format(account=account)
            )
        fee = _deposit_fee(db, ctx, row[0]) if kind is OrderType.START else None
        if kind is OrderType.STOP:
            notes = (notes + "; " if notes else "") + "Final meter read and final bill"
        _, number = new_order(db, ctx, operator.user_id, row[0], row[3], kind, now, scheduled=scheduled,
                              priority=priority, fee=fee, notes=notes)  # fmt: skip
        made = orders.order(db, number)
        uow.commit()
    assert made is not None
    return Created(made, made.fee)


def find_orders(ctx: ServiceContext, operator: Operator, *, account: str | None = None, status: str | None = None,
                type: str | None = None, scheduled: dt.date | None = None) -> list[WorkOrder]:  # fmt: skip
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("service_orders", "look at work orders"))
    if status is not None and status not in set(OrderStatus):
        raise OrderRefused(
            translate("service_orders", "No status {status!r}: use {statuses}.").format(
                status=status, statuses=", ".join(OrderStatus)
            )
        )
    if type is not None and type not in set(OrderType):
        raise OrderRefused(
            translate("service_orders", "No order type {type!r}: use {types}.").format(
                type=type, types=", ".join(OrderType)
            )
        )
    with ctx.db.unit_of_work(write=False) as uow:
        return orders.find(uow.rows, account=normalize_account_number(account) if account else None, status=status,
                           type=type, scheduled=scheduled)  # fmt: skip


def get_order(ctx: ServiceContext, operator: Operator, number: str) -> WorkOrder:
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("service_orders", "look at work orders"))
    with ctx.db.unit_of_work(write=False) as uow:
        found = orders.order(uow.rows, number.strip().upper())
    if found is None:
        raise OrderRefused(
            translate("service_orders", "No work order {number}. Check the number.").format(number=number)
        )
    return found


def _loaded(db: Driver, number: str) -> tuple[int, int, OrderType, OrderStatus, int | None, int | None]:
    row = orders.order_row(db, number.strip().upper())
    if row is None:
        raise OrderRefused(
            translate("service_orders", "No work order {number}. Check the number.").format(number=number)
        )
    return row[0], row[1], OrderType(row[2]), OrderStatus(row[3]), row[4], row[5]


def _change(ctx: ServiceContext, operator: Operator, number: str, to: OrderStatus, *, reason: str = "",
            crew: str | None = None, result: str = "", reading: str = "",
            transfer_to: str = "") -> tuple[WorkOrder, dict[str, object]]:  # fmt: skip
    number = number.strip().upper()
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        details = change_on(db, ctx, operator.user_id, number, to, now, reason=reason, crew=crew, result=result,
                            reading=reading, transfer_to=transfer_to)  # fmt: skip
        changed = orders.order(db, number)
        uow.commit()
    assert changed is not None
    return changed, details


def change_on(db: Driver, ctx: ServiceContext, user: str, number: str, to: OrderStatus, now: dt.datetime, *,
              reason: str = "", crew: str | None = None, result: str = "", reading: str = "",
              transfer_to: str = "", receipt: str = "") -> dict[str, object]:  # fmt: skip
    """One order's change and what follows from it, in the caller's transaction (the completions file
    runs many in one); what its audit event says."""
    order_id, account_id, kind, status, depends_on, fee_item = _loaded(db, number)
    refusal = change_refusal(number, status, to, reason)
    if refusal:
        raise OrderRefused(refusal)
    if to is OrderStatus.DISPATCHED and depends_on is not None:
        tag_status, tag_done = orders.status_of(db, depends_on)
        refusal = dispatch_refusal(number, tag_status, tag_done, ctx.settings.orders.notice_hours,
                                   now.replace(tzinfo=None))  # fmt: skip
        if refusal:
            raise OrderRefused(refusal)
    if to is OrderStatus.COMPLETED and kind in (OrderType.STOP, OrderType.START) and not reading.strip():
        raise OrderRefused(
            translate("service_orders", "Give the meter reading of work order {number}.").format(number=number)
        )
    orders.set_status(db, order_id, to, reason=reason.strip() or None, by=user, at=now.replace(tzinfo=None),
                      crew=crew, result=result.strip(), meter_reading=reading.strip(), receipt=receipt)  # fmt: skip
    details: dict[str, object] = {"action": to.value, "reason": reason.strip(), "receipt": receipt}
    if to is OrderStatus.COMPLETED:
        details.update(_completed(db, ctx, user, order_id, account_id, kind, now, transfer_to))
    elif to is OrderStatus.CANCELLED:
        if kind is OrderType.DOOR_TAG:
            details["cancelled"] = _cancel_dependants(db, order_id, reason, user, now, receipt)
        if fee_item is not None and fee_goes_with(kind, reason):
            taken_off, paid = orders.take_off_fee(db, fee_item)
            if taken_off:
                posting.add_history(db, account_id, local_date(ctx, now), "adjustment",
                                    f"Fee of work order {number} taken off ({reason.strip()})", -taken_off,
                                    number)  # fmt: skip
            details.update(fee_taken_off_cents=taken_off, fee_paid_cents=paid)
    _record(db, ctx, user, number, now, **details)
    return details


def _cancel_dependants(db: Driver, tag_id: int, reason: str, user: str, now: dt.datetime, receipt: str) -> list[str]:
    done = []
    for disconnect_id, number, depends in orders.waiting_disconnects(db):
        if depends == tag_id:
            orders.set_status(db, disconnect_id, OrderStatus.CANCELLED, reason=reason.strip(), by=user,
                              at=now.replace(tzinfo=None), receipt=receipt)  # fmt: skip
            done.append(number)
    return done


def _completed(db: Driver, ctx: ServiceContext, user: str, order_id: int, account_id: int, kind: OrderType,
               now: dt.datetime, transfer_to: str) -> dict[str, object]:  # fmt: skip
    """What a completed order changes on its account; said in the audit event."""
    at = now.replace(tzinfo=None)
    if kind is OrderType.DOOR_TAG:  # its disconnect gets its date: the notice period from now
        due = disconnect_due(at, ctx.settings.orders.notice_hours)
        on = local_date(ctx, due.replace(tzinfo=dt.UTC))
        scheduled = []
        for disconnect_id, number, depends in orders.waiting_disconnects(db):
            if depends == order_id:
                orders.schedule(db, disconnect_id, on)
                scheduled.append(number)
        return {"disconnects_scheduled": scheduled, "scheduled": on.isoformat()}
    status = {OrderType.DISCONNECT: "shut_off", OrderType.RECONNECT: "active", OrderType.START: "active",
              OrderType.STOP: "final"}.get(kind)  # fmt: skip
    if status is None:
        return {}
    orders.set_account_status(db, account_id, status, at)
    if kind is OrderType.STOP:
        return {"account_status": status, **_settle_deposit(db, ctx, account_id, local_date(ctx, now), transfer_to)}
    return {"account_status": status}


def _settle_deposit(db: Driver, ctx: ServiceContext, account_id: int, today: dt.date,
                    transfer_to: str) -> dict[str, object]:  # fmt: skip
    """Stop service: the deposit is applied to the final bill (a credit on the account, netted by the
    billing system), and what is left is refunded or moved to the customer's new account."""
    row = db.one("SELECT deposit_held_cents, number FROM accounts WHERE id = ?", (account_id,))
    assert row is not None
    owed = sum(i.open_amount.cents for i in posting.open_items(db, account_id))
    settled = stop_settlement(Money(int(row[0])), Money(owed))
    if not int(row[0]):
        return {}
    target = orders.account_of(db, normalize_account_number(transfer_to)) if transfer_to.strip() else None
    if transfer_to.strip() and target is None:
        raise OrderRefused(
            translate(
                "service_orders", "No utility account {transfer_to} to move the deposit to. Check the number."
            ).format(transfer_to=transfer_to)
        )
    orders.release_deposit(db, account_id)
    if settled.applied.cents:
        posting.add_credit(db, account_id, settled.applied.cents)
        posting.add_history(db, account_id, today, "adjustment", "Deposit applied to the final bill",
                            -settled.applied.cents, "")  # fmt: skip
    if settled.left.cents and target is not None:
        posting.add_credit(db, target[0], settled.left.cents)
        posting.add_history(db, target[0], today, "adjustment", f"Deposit moved from account {row[1]}",
                            -settled.left.cents, "")  # fmt: skip
    elif settled.left.cents:
        posting.add_history(db, account_id, today, "adjustment", "Deposit to refund", -settled.left.cents, "")
    return {"deposit_applied_cents": settled.applied.cents, "deposit_left_cents": settled.left.cents,
            "deposit_to": target[1] if target else "refund"}  # fmt: skip


def dispatch(ctx: ServiceContext, operator: Operator, number: str, crew: str = "") -> WorkOrder:
    operator.require(Permission.WORK_ORDERS, translate("service_orders", "dispatch work orders"))
    return _change(
        ctx, operator, number, OrderStatus.DISPATCHED, crew=_text(crew, translate("service_orders", "crew"), 40)
    )[0]


def complete(ctx: ServiceContext, operator: Operator, number: str, *, result: str = "", reading: str = "",
             transfer_to: str = "") -> WorkOrder:  # fmt: skip
    operator.require(Permission.WORK_ORDERS, translate("service_orders", "complete work orders"))
    result = _text(result, translate("service_orders", "result"), 200)
    reading = _text(reading, translate("service_orders", "meter reading"), 20)
    return _change(
        ctx, operator, number, OrderStatus.COMPLETED, result=result, reading=reading, transfer_to=transfer_to
    )[0]


@dataclass(frozen=True, slots=True)
class Cancelled:
    order: WorkOrder
    fee: FeeReversal  # what became of its fee (nothing when it keeps it or has none)

    @property
    def words(self) -> str:
        said = translate("service_orders", "{number} cancelled.").format(number=self.order.number)
        return f"{said} {self.fee.words}" if self.fee.words else said


def cancel(ctx: ServiceContext, operator: Operator, number: str, reason: str) -> Cancelled:
    """Cancel with a reason; the fee goes with the order when it was a mistake or a start that will
    not happen (domain.service_orders.fee_goes_with): its unpaid part is taken off the account."""
    operator.require(Permission.WORK_ORDERS, translate("service_orders", "cancel work orders"))
    order, details = _change(ctx, operator, number, OrderStatus.CANCELLED, reason=reason)
    taken_off, paid = details.get("fee_taken_off_cents", 0), details.get("fee_paid_cents", 0)
    assert isinstance(taken_off, int) and isinstance(paid, int)
    return Cancelled(order, FeeReversal(Money(taken_off), Money(paid)))


def not_done(ctx: ServiceContext, operator: Operator, number: str, why: str) -> WorkOrder:
    operator.require(Permission.WORK_ORDERS, translate("service_orders", "record work orders not done"))
    return _change(
        ctx, operator, number, OrderStatus.NOT_DONE, reason=_text(why, translate("service_orders", "reason"), 120)
    )[0]
