"""What a payment does to the account's payment arrangement, in the payment's own transaction.

The payment pays what the arrangement has due now first (the down payment, then the installments
dated today or before), then the current bills, then the next installments; what went on the
arrangement is recorded on its installments, the arrangement becomes active (down payment paid) or
kept (all paid), and the receipt says what is left and the next date.

Only an account whose `on_arrangement` flag is set (read with the paying account) comes here: an
account without an arrangement costs the payment nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.allocation import Allocation
from cashdesk.domain.arrangements import (
    after_payment,
    allocate_on_arrangement,
    due_now,
    pay_installments,
    receipt_note,
)
from cashdesk.domain.money import Money
from cashdesk.services import audit
from cashdesk.services.arrangements import EVENT
from cashdesk.services.context import ServiceContext
from cashdesk.store import arrangements as store
from cashdesk.store.driver import Driver
from cashdesk.store.posting import PayingAccount


def on_payment(db: Driver, ctx: ServiceContext, user: str, account: PayingAccount, items: Sequence[OpenItem],
               priority: Callable[[OpenItem], int], amount: Money, receipt: str,
               on: dt.date) -> tuple[Allocation, tuple[str, ...]] | None:  # fmt: skip
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
