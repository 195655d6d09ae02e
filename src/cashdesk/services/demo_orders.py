"""Service orders in a demo city and in simulated days, so the screens and commands show some.

`add_demo_orders`: on a fresh demo city, door tags (hung, their disconnects waiting for the notice
period) on a few accounts of the shut-off list, the completed disconnects of a few shut-off accounts,
and a few pending meter re-reads. `simulate_orders`: a day's field work (yesterday's orders done,
today's dispatched, a new re-read).
"""

from __future__ import annotations

import datetime as dt
import random

from cashdesk.domain.service_orders import OrderStatus, OrderType
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.service_orders import OrderRefused, change_on, local_date, new_order
from cashdesk.services.shutoff import preview_on
from cashdesk.store import service_orders as orders
from cashdesk.store.driver import Driver

DEMO_TAGS = 12
DEMO_DISCONNECTED = 6
DEMO_REREADS = 5


def add_demo_orders(ctx: ServiceContext, actor: Operator) -> int:
    """The demo city's orders, in one transaction; how many were made."""
    now = ctx.now()
    today = local_date(ctx, now)
    made = 0
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        shown, ids = preview_on(db, ctx, today)
        for line, account_id in list(zip(shown.lines, ids, strict=True))[:DEMO_TAGS]:
            reason = f"Past due {line.past_due.display()}"
            tag_id, tag = new_order(db, ctx, actor.user_id, account_id, line.service_address, OrderType.DOOR_TAG, now,
                                    reason=reason, scheduled=today, priority=2)  # fmt: skip
            new_order(db, ctx, actor.user_id, account_id, line.service_address, OrderType.DISCONNECT, now,
                      reason="Non-payment", priority=2, depends_on=tag_id)  # fmt: skip
            if made % 2 == 0:  # half of the tags are hung already: their disconnects have a date
                change_on(db, ctx, actor.user_id, tag, OrderStatus.DISPATCHED, now, crew="demo crew")
                change_on(db, ctx, actor.user_id, tag, OrderStatus.COMPLETED, now, result="hung on the door")
            made += 2
        shut_off = db.all("SELECT id, service_address FROM accounts WHERE status = 'shut_off' AND kind = 'utility' "
                          "ORDER BY id LIMIT ?", (DEMO_DISCONNECTED,))  # fmt: skip
        for account_id, address in shut_off:
            _, number = new_order(db, ctx, actor.user_id, account_id, address, OrderType.DISCONNECT, now,
                                  reason="Non-payment", scheduled=today, priority=2)  # fmt: skip
            change_on(db, ctx, actor.user_id, number, OrderStatus.DISPATCHED, now, crew="demo crew")
            # Completed without moving the account: it is shut off already (the billing system says so).
            orders.set_status(db, _order_id(db, number), OrderStatus.COMPLETED, by=actor.user_id,
                              at=now.replace(tzinfo=None), result="shut off at the curb stop")  # fmt: skip
            made += 1
        for account_id, address in db.all("SELECT id, service_address FROM accounts WHERE status = 'active' "
                                          "AND kind = 'utility' ORDER BY id LIMIT ?", (DEMO_REREADS,)):  # fmt: skip
            new_order(db, ctx, actor.user_id, account_id, address, OrderType.REREAD, now, reason="High bill",
                      scheduled=today + dt.timedelta(days=1))  # fmt: skip
            made += 1
        uow.commit()
    return made


def _order_id(db: Driver, number: str) -> int:
    row = orders.order_row(db, number)
    assert row is not None
    return row[0]


def simulate_orders(ctx: ServiceContext, clerk: Operator, rng: random.Random, day: dt.date) -> int:
    """A day's field work: dispatched orders done (or not), due ones dispatched, one new re-read."""
    now = ctx.now()
    changed = 0
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        for order in orders.find(db, status="dispatched", limit=20):
            done = rng.random() < 0.85
            reading = f"{rng.randrange(100000):05d}" if order.type in (OrderType.START, OrderType.STOP) else ""
            to = OrderStatus.COMPLETED if done else OrderStatus.NOT_DONE
            change_on(db, ctx, clerk.user_id, order.number, to, now, reason="" if done else "no access",
                      result="done" if done else "", reading=reading)  # fmt: skip
            changed += 1
        for order in orders.find(db, status="pending", limit=50):
            if order.scheduled is not None and order.scheduled <= day:
                try:
                    change_on(db, ctx, clerk.user_id, order.number, OrderStatus.DISPATCHED, now, crew="crew 1")
                    changed += 1
                except OrderRefused:
                    pass  # a disconnect still in its notice period
        row = db.one("SELECT id, service_address FROM accounts WHERE kind = 'utility' AND status = 'active' "
                     "ORDER BY id LIMIT 1 OFFSET ?", (rng.randrange(50),))  # fmt: skip
        if row is not None:
            new_order(db, ctx, clerk.user_id, int(row[0]), row[1], OrderType.REREAD, now, reason="Customer asked",
                      scheduled=day + dt.timedelta(days=1))  # fmt: skip
            changed += 1
        uow.commit()
    return changed
