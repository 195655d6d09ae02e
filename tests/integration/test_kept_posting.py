"""Counter posting on the station's kept connection: the audit chain stays whole whoever else writes."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, PaymentRefused, post_receipt

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
CASHIER = Operator("jcashier", Role.CASHIER)


def pay(ctx: ServiceContext, cents: int) -> str:
    cart = Cart((AccountPayment("1000000017", Money(cents)),))
    return post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(cents))]).number


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(small_city, settings=Settings())
    context.clock = lambda: NOW
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    yield context
    context.close()


def test_events_of_another_program_between_two_payments_keep_the_chain(ctx: ServiceContext) -> None:
    pay(ctx, 100)
    other = ServiceContext.open(ctx.db.path, settings=Settings())  # another window or a command
    other.clock = lambda: NOW
    try:
        with other.db.unit_of_work() as uow:
            audit.record_on(uow.rows, user="admin", station="W09", event_type="note", object="x", at=NOW)
            uow.commit()
    finally:
        other.close()
    pay(ctx, 200)
    check = audit.verify_audit(ctx)
    assert check.ok, check.problem
    assert check.events == 4  # the drawer's opening, two payments, the other program's event


def test_a_refused_payment_leaves_no_link_behind(ctx: ServiceContext) -> None:
    pay(ctx, 100)
    with pytest.raises(PaymentRefused):  # more than is owed: refused inside the transaction, rolled back
        pay(ctx, 1_000_000)
    pay(ctx, 100)
    check = audit.verify_audit(ctx)
    assert check.ok, check.problem
    con = sqlite3.connect(ctx.db.path)
    try:
        assert con.execute("SELECT count(*) FROM audit_events WHERE event_type = 'post'").fetchone() == (2,)
    finally:
        con.close()
