"""What a payment does to the account's payment arrangement, in the payment's own transaction.

The payment pays what the arrangement has due now first (the down payment, then the installments
dated today or before), then the current bills, then the next installments; what went on the
arrangement is recorded on its installments, the arrangement becomes active (down payment paid) or
kept (all paid), and the receipt says what is left and the next date.

Only an account whose `on_arrangement` flag is set (read with the paying account) comes here: an
account without an arrangement costs the payment nothing. Counter posting and mail posting both
come here; what each receipt put on the arrangement is kept (arrangement_payments), so that a void,
a mail reversal or a returned check takes it back off the installments (`on_reversal`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.allocation import Allocation
from cashdesk.domain.arrangements import (
    after_payment,
    after_reversal,
    allocate_on_arrangement,
    due_now,
    pay_installments,
    receipt_note,
    reversal_note,
    unpay_installments,
)
from cashdesk.domain.money import Money
from cashdesk.services import audit
from cashdesk.services.arrangements import EVENT
from cashdesk.services.context import ServiceContext
from cashdesk.store import arrangements as store
from cashdesk.store.driver import Driver
from cashdesk.store.posting import PayingAccount


def on_payment(db: Driver, ctx: ServiceContext, user: str, account: PayingAccount, items: Sequence[OpenItem],
               priority: Callable[[OpenItem], int], amount: Money, receipt: str, on: dt.date, *,
               receipt_id: int) -> tuple[Allocation, tuple[str, ...]] | None:  # fmt: skip
    """The payment's allocation and the receipt's note; None when the account's arrangement is gone
    (the flag is cleared on the way)."""
    found = store.open_of(db, account.id)
    if found is None:
        store.set_flag(db, account.id, False)
        return None
    arrangement, interest_item = found

    def covered(item: OpenItem) -> bool:
        return item.due_date < arrangement.starts or item.id == interest_item

    due = due_now(arrangement.installments, on)
    allocation, share = allocate_on_arrangement(amount, items, priority, covered, due)
    if not share.cents:
        return allocation, ()
    paid, taken = pay_installments(arrangement.installments, share)
    store.set_paid(db, arrangement.id, [p for p, old in zip(paid, arrangement.installments, strict=True) if p != old])
    store.record_payment(db, arrangement.id, receipt_id, taken.cents)
    state = after_payment(arrangement.state, paid)
    now = ctx.now()
    if state is not arrangement.state:
        store.set_state(db, arrangement.id, account.id, state, by=user, at=now.replace(tzinfo=None),
                        reason=f"Paid on {receipt}")  # fmt: skip
        audit.record_on(db, user=user, station=ctx.station, event_type=EVENT,
                        object=f"{account.number}#{arrangement.id}",
                        details={"action": state.value, "from": arrangement.state.value, "to": state.value,
                                 "receipt": receipt, "paid_cents": taken.cents}, at=now)  # fmt: skip
    return allocation, (receipt_note(arrangement.id, state, paid, taken),)


#: What a reversal took off one account line: (account id, open item id, its due date, cents).
Reversed = tuple[int, int, dt.date, int]


def on_reversal(db: Driver, ctx: ServiceContext, user: str, receipt_id: int, receipt: str,
                reversed_items: Sequence[Reversed]) -> tuple[str, ...]:  # fmt: skip
    """In the reversal's transaction (a void, a mail reversal, a returned check): what the receipt put
    on an arrangement comes off its installments, as far as the reversal took it off the items the
    arrangement covers, the latest installment first; the state moves back (kept -> active, and to
    requested when the down payment is no longer paid). Each is audited. What it says, per arrangement.

    One indexed read of arrangement_payments for a receipt that paid no arrangement."""
    payments = store.payments_of_receipt(db, receipt_id)
    by_arrangement: dict[int, list[tuple[int, int]]] = {}
    for payment_id, arrangement_id, cents in payments:
        if cents > 0:
            by_arrangement.setdefault(arrangement_id, []).append((payment_id, cents))
    said: list[str] = []
    now = ctx.now()
    for arrangement_id, paid_by_receipt in by_arrangement.items():
        found = store.covering(db, arrangement_id)
        assert found is not None
        arrangement, account_id, interest_item = found
        covered = sum(cents for account, item_id, due, cents in reversed_items
                      if account == account_id and (due < arrangement.starts or item_id == interest_item))  # fmt: skip
        want = min(covered, sum(cents for _, cents in paid_by_receipt))
        if want <= 0:
            continue
        unpaid, taken = unpay_installments(arrangement.installments, Money(want))
        store.set_paid(db, arrangement.id, [u for u, old in zip(unpaid, arrangement.installments, strict=True)
                                            if u != old])  # fmt: skip
        rest = taken.cents
        for payment_id, cents in reversed(paid_by_receipt):  # the receipt's latest payment first
            part = min(rest, cents)
            if part:
                store.record_taken_back(db, payment_id, arrangement.id, receipt_id, part)
                rest -= part
        state = after_reversal(arrangement.state, unpaid)
        if state is not arrangement.state:
            store.set_state(db, arrangement.id, account_id, state, by=user, at=now.replace(tzinfo=None),
                            reason=f"Payment {receipt} taken back")  # fmt: skip
        note = reversal_note(arrangement.id, state, unpaid, taken, receipt)
        audit.record_on(db, user=user, station=ctx.station, event_type=EVENT,
                        object=f"{arrangement.account}#{arrangement.id}",
                        details={"action": "taken_back", "from": arrangement.state.value, "to": state.value,
                                 "receipt": receipt, "taken_cents": taken.cents}, at=now)  # fmt: skip
        said.append(note)
    return tuple(said)
