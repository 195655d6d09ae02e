"""Post one payment and die by SIGKILL inside its transaction, at a step of the service-order hook.

    python -m tests.support.orders_kill_worker DB WHEN ACCOUNT CENTS

WHEN is `before-cancel` (the payment's rows written, the first cancellation not yet) or
`after-cancel` (every cancellation written, the commit not yet). The test then opens the file
and finds neither half of the payment. Nothing of this is in cashdesk: the step is wrapped here.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.service_orders import OrderStatus
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.store import service_orders


def main(db: str, when: str, account: str, cents: int) -> None:
    cancelled = 0
    set_status = service_orders.set_status
    record_on = audit.record_on

    def kill() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def wrapped_status(*args: Any, **kwargs: Any) -> None:
        nonlocal cancelled
        if args[2] is OrderStatus.CANCELLED:
            if when == "before-cancel":
                kill()
            cancelled += 1
        set_status(*args, **kwargs)

    def wrapped_record(*args: Any, **kwargs: Any) -> Any:
        if when == "after-cancel" and kwargs.get("event_type") == "post" and cancelled:
            kill()  # the orders cancelled, the receipt written; its event and the commit not yet
        return record_on(*args, **kwargs)

    service_orders.set_status = wrapped_status  # type: ignore[assignment]
    audit.record_on = wrapped_record  # type: ignore[assignment]
    ctx = ServiceContext.open(db, settings=Settings())
    post_receipt(ctx, Operator("jcashier", Role.CASHIER), Cart((AccountPayment(account, Money(cents), True),)),
                 [Tender(TenderKind.CASH, Money(cents))])  # fmt: skip
    print("posted, not killed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
