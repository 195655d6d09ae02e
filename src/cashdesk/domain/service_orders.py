"""Utility service orders: their types and states, and the rules that act on them by themselves
(the shut-off list, the door tag before a disconnect, the reconnect fee by the hour, deposits).

Pure rules: no database, no clock. docs/service-orders.md says the same in a clerk's words.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from cashdesk.domain.accounts import OpenItem, RevenueCategory, RevenueCode
from cashdesk.domain.money import Money
from cashdesk.words import QT_TRANSLATE_NOOP, translate


class OrderType(enum.StrEnum):
    START = "start"  # start service (move-in)
    STOP = "stop"  # stop service (move-out): final read, final bill
    DOOR_TAG = "door_tag"  # delinquency notice hung on the door
    DISCONNECT = "disconnect"  # for non-payment, after its door tag and the notice period
    RECONNECT = "reconnect"  # after payment
    REREAD = "reread"  # meter re-read
    METER_CHECK = "meter_check"
    TRANSFER = "transfer"  # transfer of service

    @property
    def label(self) -> str:
        return _TYPE_LABELS[self]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("service_orders", self.label)


_TYPE_LABELS = {
    OrderType.START: QT_TRANSLATE_NOOP("service_orders", "Start service"),
    OrderType.STOP: QT_TRANSLATE_NOOP("service_orders", "Stop service"),
    OrderType.DOOR_TAG: QT_TRANSLATE_NOOP("service_orders", "Door tag"),
    OrderType.DISCONNECT: QT_TRANSLATE_NOOP("service_orders", "Disconnect"),
    OrderType.RECONNECT: QT_TRANSLATE_NOOP("service_orders", "Reconnect"),
    OrderType.REREAD: QT_TRANSLATE_NOOP("service_orders", "Meter re-read"),
    OrderType.METER_CHECK: QT_TRANSLATE_NOOP("service_orders", "Meter check"),
    OrderType.TRANSFER: QT_TRANSLATE_NOOP("service_orders", "Transfer of service"),
}


class OrderStatus(enum.StrEnum):
    PENDING = "pending"
    DISPATCHED = "dispatched"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        return {
            "pending": QT_TRANSLATE_NOOP("service_orders", "Pending"),
            "dispatched": QT_TRANSLATE_NOOP("service_orders", "Dispatched"),
            "completed": QT_TRANSLATE_NOOP("service_orders", "Completed"),
            "cancelled": QT_TRANSLATE_NOOP("service_orders", "Cancelled"),
            "not_done": QT_TRANSLATE_NOOP("service_orders", "Not done"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("service_orders", self.label)

    @property
    def is_open(self) -> bool:
        return self in (OrderStatus.PENDING, OrderStatus.DISPATCHED)


class CancelReason(enum.StrEnum):
    PAID = "paid"
    CUSTOMER_REQUEST = "customer request"
    ARRANGEMENT = "arrangement"
    ERROR = "error"


def fee_goes_with(kind: OrderType, reason: str) -> bool:
    """Whether cancelling an order takes its fee off the account: when the order was a mistake
    (reason "error"), or a start of service that will not happen (its deposit is not owed). A door
    tag cancelled because the customer paid keeps its fee: the notice was served."""
    return reason.strip().lower() == CancelReason.ERROR.value or kind is OrderType.START


@dataclass(frozen=True, slots=True)
class FeeReversal:
    taken_off: Money  # the part not yet paid, no longer owed
    paid: Money  # the part paid already: it stays paid, to be refunded as a paid-out if the customer asks

    @property
    def words(self) -> str:
        if not self.taken_off.cents and not self.paid.cents:
            return ""
        said = []
        if self.taken_off.cents:
            said.append(translate("service_orders", "Its fee of {amount} is taken off the account.").format(
                amount=self.taken_off.display()))  # fmt: skip
        if self.paid.cents:
            paid = translate("service_orders", "{amount} of the fee was paid already: refund it as a paid-out if "
                                               "the customer asks.")  # fmt: skip
            said.append(paid.format(amount=self.paid.display()))
        return " ".join(said)


#: Why a crew could not do an order (any other short reason is taken as written).
NOT_DONE_REASONS = ("no access", "dog", "meter buried", "locked gate", "unsafe", "customer refused")

#: The steps of a shut-off: a payment under the threshold cancels these, never a reconnect.
COLLECTION_STEPS = frozenset({OrderType.DOOR_TAG, OrderType.DISCONNECT})

#: Where each state may go next.
_NEXT: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.PENDING: frozenset({OrderStatus.DISPATCHED, OrderStatus.CANCELLED}),
    OrderStatus.DISPATCHED: frozenset({OrderStatus.COMPLETED, OrderStatus.NOT_DONE, OrderStatus.CANCELLED}),
    OrderStatus.COMPLETED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
    OrderStatus.NOT_DONE: frozenset(),
}

MAX_REASON = 120


def change_refusal(number: str, now: OrderStatus, to: OrderStatus, reason: str = "") -> str:
    """Why order `number` may not go from `now` to `to` with this reason, in the clerk's words; "" if it may."""
    if to not in _NEXT[now]:
        if not _NEXT[now]:
            return translate(
                "service_orders", "Work order {number} is already {status}: it cannot change any more."
            ).format(number=number, status=now.shown.lower())
        allowed = translate("service_orders", " or ").join(
            s.shown.lower() for s in sorted(_NEXT[now], key=list(OrderStatus).index)
        )
        return translate("service_orders", "Work order {number} is {status}: it can only be {allowed} next.").format(
            number=number, status=now.shown.lower(), allowed=allowed
        )
    text = reason.strip()
    if to is OrderStatus.CANCELLED and text not in set(CancelReason):
        reasons = ", ".join(f'"{r.value}"' for r in CancelReason)
        return translate("service_orders", "Give the reason work order {number} is cancelled: {reasons}.").format(
            number=number, reasons=reasons
        )
    if to is OrderStatus.NOT_DONE and not text:
        return translate("service_orders", "Say why work order {number} was not done (for example {items}).").format(
            number=number, items=", ".join(NOT_DONE_REASONS[:3])
        )
    if len(text) > MAX_REASON:
        return translate("service_orders", "Keep the reason under {MAX_REASON} characters.").format(
            MAX_REASON=MAX_REASON
        )
    return ""


def order_number(year: int, sequence: int) -> str:
    """Gapless per year: WO-2026-00017 (the sequence moves in the order's own transaction)."""
    return f"WO-{year}-{sequence:05d}"


# -- the door tag before the disconnect --------------------------------------------------------


def disconnect_due(tag_completed_at: dt.datetime, notice_hours: int) -> dt.datetime:
    """The first moment a disconnect may be dispatched: its door tag hung, then the notice period."""
    return tag_completed_at + dt.timedelta(hours=notice_hours)


def dispatch_refusal(number: str, tag_status: OrderStatus | None, tag_completed_at: dt.datetime | None,
                     notice_hours: int, now: dt.datetime) -> str:  # fmt: skip
    """Why a disconnect may not be dispatched yet ("" if it may): it waits for its door tag."""
    if tag_status is None:
        return ""
    if tag_status is not OrderStatus.COMPLETED or tag_completed_at is None:
        return translate(
            "service_orders", "Disconnect {number} waits for its door tag to be hung (the tag is {tag_status})."
        ).format(number=number, tag_status=tag_status.shown.lower())
    due = disconnect_due(tag_completed_at, notice_hours)
    if now < due:
        return translate(
            "service_orders",
            "Disconnect {number} waits for the {notice_hours}-hour notice after the door tag: not "
            "before {due:%Y-%m-%d %H:%M} UTC.",
        ).format(number=number, notice_hours=notice_hours, due=due)
    return ""


# -- the shut-off list ---------------------------------------------------------------------------

AGING_BUCKETS = ("30", "60", "90")  # days past billing that count toward the threshold


@dataclass(frozen=True, slots=True)
class ShutoffRule:
    minimum_cents: int  # the past-due amount at which an account goes on the list
    aging_days: int  # only charges billed at least this many days before the date count
    no_shutoff_weekdays: frozenset[int]  # 0 = Monday … 4 = Friday
    holidays: frozenset[dt.date]


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_numbers(names: Iterable[str]) -> frozenset[int]:
    """["Friday", "sat"] -> {4, 5}; ValueError names an unknown day."""
    found = set()
    for name in names:
        text = name.strip().lower()
        matches = [i for i, day in enumerate(_WEEKDAYS) if len(text) >= 3 and day.startswith(text)]
        if not matches:
            raise ValueError(f"unknown day {name!r}; use names like Friday")
        found.add(matches[0])
    return frozenset(found)


def aged_cutoff(on: dt.date, aging_days: int) -> dt.date:
    """Charges billed on or before this day count as past due for a shut-off on `on`."""
    return on - dt.timedelta(days=aging_days)


def past_due(items: Iterable[tuple[dt.date, Money]], on: dt.date, aging_days: int) -> Money:
    """What is owed on charges (billed on, open amount) old enough for the shut-off list."""
    cutoff = aged_cutoff(on, aging_days)
    return Money.total(amount for billed, amount in items if billed <= cutoff)


def on_shutoff_list(past_due_amount: Money, rule: ShutoffRule) -> bool:
    return past_due_amount.cents > 0 and past_due_amount.cents >= rule.minimum_cents


def shutoff_date_refusal(on: dt.date, rule: ShutoffRule, temperature_holds: Collection[dt.date]) -> str:
    """Why no shut-off may be done on this date ("" if it may)."""
    if on.weekday() in rule.no_shutoff_weekdays:
        return translate("service_orders", "No shut-offs on a {weekday} ({on}): choose another date.").format(
            weekday=_WEEKDAYS[on.weekday()].capitalize(), on=on.isoformat()
        )
    if on in rule.holidays:
        return translate("service_orders", "{on} is a holiday: no shut-offs.").format(on=on.isoformat())
    if on + dt.timedelta(days=1) in rule.holidays:
        return translate("service_orders", "{on} is the day before a holiday: no shut-offs.").format(on=on.isoformat())
    if on in temperature_holds:
        return translate("service_orders", "A supervisor put a temperature hold on {on}: no shut-offs.").format(
            on=on.isoformat()
        )
    return ""


class HoldKind(enum.StrEnum):
    """What keeps an account off the shut-off list while it lasts."""

    MEDICAL = "medical"  # a medical certificate
    HOLD = "hold"  # a hold flag set by the office
    ARRANGEMENT = "arrangement"  # an active payment arrangement

    @property
    def label(self) -> str:
        return {
            "medical": QT_TRANSLATE_NOOP("service_orders", "Medical certificate"),
            "hold": QT_TRANSLATE_NOOP("service_orders", "Hold"),
            "arrangement": QT_TRANSLATE_NOOP("service_orders", "Payment arrangement"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("service_orders", self.label)


def hold_applies(starts: dt.date, ends: dt.date | None, on: dt.date) -> bool:
    return starts <= on and (ends is None or on <= ends)


# -- reconnect fee by the hour, deposits ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReconnectFee:
    fee: Money
    after_hours: bool

    @property
    def words(self) -> str:
        return "after hours" if self.after_hours else "business hours"


def reconnect_fee(local: dt.datetime, *, opens_hour: int, closes_hour: int, business_cents: int,
                  after_hours_cents: int, holidays: Collection[dt.date] = ()) -> ReconnectFee:  # fmt: skip
    """The fee by the city's local time: weekdays from `opens_hour` to before `closes_hour` are
    business hours; evenings, weekends and holidays are after hours."""
    in_hours = local.weekday() < 5 and local.date() not in holidays and opens_hour <= local.hour < closes_hour
    return ReconnectFee(Money(business_cents if in_hours else after_hours_cents), not in_hours)


def deposit_paid(paid: Iterable[tuple[str, int]], codes: Mapping[str, RevenueCode]) -> int:
    """Cents of (revenue code, cents) paid on deposit charges (category "deposit", such as the start
    of service's): the deposit an account holds grows by what a payment puts on them, and shrinks by
    what a void, a mail reversal or a returned check takes back."""
    return sum(cents for code, cents in paid if (c := codes.get(code)) is not None
               and c.category is RevenueCategory.DEPOSIT)  # fmt: skip


class DepositRule(enum.StrEnum):
    FIXED = "fixed"  # a fixed amount
    MULTIPLE = "multiple"  # a multiple of the average monthly bill
    NONE = "none"


def start_deposit(rule: DepositRule, *, fixed_cents: int, multiple: int, average_bill: Money) -> Money:
    """The deposit a new service owes before it starts (DESIGN: about two months of charges)."""
    if rule is DepositRule.FIXED:
        return Money(fixed_cents)
    if rule is DepositRule.MULTIPLE:
        return Money(average_bill.cents * multiple)
    return Money(0)


def average_bill(bills: Iterable[Money]) -> Money:
    """The average of the last bills, rounded down to the cent; $0.00 when there are none."""
    amounts = [b.cents for b in bills]
    return Money(sum(amounts) // len(amounts)) if amounts else Money(0)


@dataclass(frozen=True, slots=True)
class FinalSettlement:
    applied: Money  # the deposit applied to the final bill
    left: Money  # the deposit left over: refunded, or moved to the new account


def stop_settlement(deposit_held: Money, final_owed: Money) -> FinalSettlement:
    """Stop service: the deposit pays the final bill first; whatever is left goes back to the customer."""
    applied = min(deposit_held.cents, max(final_owed.cents, 0))
    return FinalSettlement(Money(applied), Money(deposit_held.cents - applied))


@dataclass(frozen=True, slots=True)
class WorkOrder:
    """One work order as the screens, the files and the tickets show it."""

    id: int
    number: str
    account: str
    account_name: str
    service_address: str
    type: OrderType
    status: OrderStatus
    reason: str
    requested_by: str
    requested_at: dt.datetime
    scheduled: dt.date | None
    priority: int
    depends_on: str | None  # the number of the order this one waits for
    fee_code: str | None
    fee: Money
    crew: str
    result: str
    meter_reading: str
    completed_by: str
    completed_at: dt.datetime | None
    notes: str

    def as_json(self) -> dict[str, object]:
        """The keys of `--json` (docs/service-orders.md)."""
        return {"number": self.number, "account": self.account, "type": self.type.value, "status": self.status.value,
                "reason": self.reason, "scheduled": self.scheduled.isoformat() if self.scheduled else None,
                "fee_cents": self.fee.cents}  # fmt: skip


def past_due_after(items: Iterable[OpenItem], paid: Iterable[tuple[int, Money]], on: dt.date,
                   aging_days: int) -> Money:  # fmt: skip
    """What stays past due for the shut-off rule once a payment's allocation is applied."""
    by_item: dict[int, int] = {}
    for item_id, amount in paid:
        by_item[item_id] = by_item.get(item_id, 0) + amount.cents
    return past_due(((item.bill_date or item.due_date, Money(item.open_amount.cents - by_item.get(item.id, 0)))
                     for item in items), on, aging_days)  # fmt: skip


def ticket_lines(order: WorkOrder) -> tuple[tuple[str, str], ...]:
    """What the crew's ticket shows, label and value, in order (the PDF and the receipt printer alike)."""
    lines = [("Order", order.number), ("Type", order.type.label), ("Status", order.status.label),
             ("Account", order.account), ("Customer", order.account_name), ("Service address", order.service_address),
             ("Scheduled", order.scheduled.isoformat() if order.scheduled else "when allowed"),
             ("Priority", str(order.priority)), ("Reason", order.reason)]  # fmt: skip
    if order.depends_on:
        lines.append(("After", order.depends_on))
    if order.fee.cents:
        lines.append(("Fee", order.fee.display()))
    if order.crew:
        lines.append(("Crew", order.crew))
    if order.notes:
        lines.append(("Notes", order.notes))
    lines.append(("Requested by", f"{order.requested_by}, {order.requested_at:%Y-%m-%d %H:%M} UTC"))
    return tuple((label, value) for label, value in lines if value)
