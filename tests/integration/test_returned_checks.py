"""A returned (NSF) check: the payment comes off, the fee goes on, the account takes cash only."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.accounts import account_detail
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, PaymentRefused, post_receipt
from cashdesk.services.returned_checks import ReturnedCheckRefused, record_returned_check

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(small_city, settings=Settings({"nsf.fee_cents": 3500, "nsf.cash_only_days": 180}))
    context.clock = lambda: NOW
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    yield context
    context.close()


def test_a_returned_check_reverses_the_payment_adds_the_fee_and_flags_cash_only(
    ctx: ServiceContext, small_city: Path
) -> None:
    before = account_detail(ctx, "1000000017").balance
    posted = post_receipt(
        ctx,
        CASHIER,
        Cart((AccountPayment("1000000017", Money(7315)),)),
        [Tender(TenderKind.CHECK, Money(5000), "1042"), Tender(TenderKind.CASH, Money(2315))],
    )
    assert account_detail(ctx, "1000000017").balance == before - Money(7315)
    with pytest.raises(PermissionDenied):
        record_returned_check(ctx, CASHIER, posted.number, "1042")
    result = record_returned_check(ctx, SUPERVISOR, posted.number, "1042")
    assert result.amount == Money(5000) and result.fee == Money(3500)
    assert result.cash_only_until == dt.date(2026, 11, 26) + dt.timedelta(days=180)
    detail = account_detail(ctx, "1000000017")
    # The check's $50.00 is owed again (the cash part stays paid), plus the $35.00 fee.
    assert detail.balance == before - Money(7315) + Money(5000) + Money(3500)
    assert "NSF" in [i.revenue_code for i in detail.items]
    assert "Cash only until 05/25/2027" in detail.flags
    con = sqlite3.connect(small_city)
    try:
        reversed_total = con.execute(
            "SELECT sum(amount_cents) FROM allocations WHERE reverses_id IS NOT NULL"
        ).fetchone()
        assert reversed_total == (-5000,)
    finally:
        con.close()
    # The account now takes only cash.
    with pytest.raises(PaymentRefused, match="cash only"):
        post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(100)),)),
                     [Tender(TenderKind.CHECK, Money(100), "77")])  # fmt: skip
    with pytest.raises(ReturnedCheckRefused, match="already recorded"):
        record_returned_check(ctx, SUPERVISOR, posted.number, "1042")


def test_refusals_name_what_is_wrong(ctx: ServiceContext) -> None:
    cash_only = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(100)),)),
                             [Tender(TenderKind.CASH, Money(100))])  # fmt: skip
    with pytest.raises(ReturnedCheckRefused, match="no check #55"):
        record_returned_check(ctx, SUPERVISOR, cash_only.number, "55")
    with pytest.raises(ReturnedCheckRefused, match="There is no receipt"):
        record_returned_check(ctx, SUPERVISOR, "W01-2026-999999", "55")
    permit = post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(100)),)),
                          [Tender(TenderKind.CHECK, Money(100), "9")])  # fmt: skip
    with pytest.raises(ReturnedCheckRefused, match="paid no account"):
        record_returned_check(ctx, SUPERVISOR, permit.number, "9")


def test_a_receipt_whose_check_came_back_is_not_voided_too(ctx: ServiceContext) -> None:
    """The returned check already took the payment off the bills: a void would take it off twice."""
    from cashdesk.domain.security import OverrideAction
    from cashdesk.services.overrides import approve
    from cashdesk.services.voids import VoidRefused, void_receipt
    from tests.integration.test_deposit_export import PASSWORD, add_people

    add_people(ctx)
    before = account_detail(ctx, "1000000017").balance
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(5000)),)),
                          [Tender(TenderKind.CHECK, Money(5000), "1042")])  # fmt: skip
    record_returned_check(ctx, SUPERVISOR, posted.number, "1042")
    owed = account_detail(ctx, "1000000017").balance
    assert owed == before + Money(3500)  # the payment off, the fee on
    approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=posted.number)  # fmt: skip
    with pytest.raises(VoidRefused, match=f"Receipt {posted.number} has a returned check recorded"):
        void_receipt(ctx, CASHIER, posted.number, "keyed twice", approval_id=approval.id)
    assert account_detail(ctx, "1000000017").balance == owed
