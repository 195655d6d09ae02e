"""Posting a counter payment: every cent lands where it belongs, in one unit of work."""

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
from cashdesk.services.drawers import NoOpenDrawer, current_drawer, open_drawer
from cashdesk.services.payments import (
    AccountPayment,
    Cart,
    ExcessNeedsConfirmation,
    MiscItem,
    PaymentRefused,
    post_receipt,
)

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
CASHIER = Operator("jcashier", Role.CASHIER)
CASH = TenderKind.CASH


def cash(cents: int) -> Tender:
    return Tender(CASH, Money(cents))


def check(cents: int, number: str = "1042") -> Tender:
    return Tender(TenderKind.CHECK, Money(cents), number)


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(small_city, settings=Settings())
    context.clock = lambda: NOW
    open_drawer(context, CASHIER, CashCount({"B20": 5, "C25": 40}))
    yield context
    context.close()


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_exact_cash_pays_the_bill_in_paying_order(ctx: ServiceContext, small_city: Path) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(3490)])
    assert posted.number == "W01-2026-000001"
    assert posted.change == Money(0)
    assert posted.lines[0].balance_left == Money(10805 - 3490)
    # The late fee first ($5.00), then the oldest water charge ($29.90 open).
    assert rows(small_city, "SELECT o.revenue_code, a.amount_cents FROM allocations a "
                            "JOIN open_items o ON o.id = a.open_item_id ORDER BY a.id") == [
        ("LATEFEE", 500), ("WATER", 2990)]  # fmt: skip
    detail = account_detail(ctx, "1000000017", as_of=dt.date(2026, 11, 26))
    assert detail.balance == Money(7315)
    assert detail.history[0].kind == "payment" and detail.history[0].reference == "W01-2026-000001"


def test_split_cash_and_check_with_change_from_cash(ctx: ServiceContext, small_city: Path) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(7315)),)),
                          [check(5000), cash(3000)])  # fmt: skip
    assert posted.change == Money(685)
    assert rows(small_city, "SELECT total_cents, tendered_cents, change_cents FROM receipts") == [(7315, 8000, 685)]
    assert rows(small_city, "SELECT kind, amount_cents, reference FROM tenders ORDER BY id") == [
        ("check", 5000, "1042"), ("cash", 3000, "")]  # fmt: skip


def test_two_accounts_and_a_permit_on_one_receipt(ctx: ServiceContext, small_city: Path) -> None:
    cart = Cart(
        (
            AccountPayment("1000000017", Money(500)),
            AccountPayment("1000000025", Money(5000)),
            MiscItem("BLDGPRMT", Money(12500), "Fence permit 2026-118"),
        ),  # fmt: skip
        payer="Jane Q. Public",
    )
    posted = post_receipt(ctx, CASHIER, cart, [cash(20000)])
    assert posted.total == Money(18000) and posted.change == Money(2000)
    assert [(line.kind, line.reference, line.amount) for line in posted.lines] == [
        ("account", "1000000017", Money(500)), ("account", "1000000025", Money(5000)),
        ("misc", "BLDGPRMT", Money(12500))]  # fmt: skip
    assert rows(small_city, "SELECT line_no, kind, revenue_code, memo FROM receipt_lines ORDER BY line_no")[2] == (
        3,
        "misc",
        "BLDGPRMT",
        "Fence permit 2026-118",
    )


def test_partial_payment(ctx: ServiceContext) -> None:
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(1000)),)), [cash(1000)])
    detail = account_detail(ctx, "1000000017", as_of=dt.date(2026, 11, 26))
    assert detail.balance == Money(9805)
    assert detail.items[0].revenue_code == "WATER" and detail.items[0].open_amount == Money(2490)


def test_overpayment_asks_then_keeps_the_excess_as_credit(ctx: ServiceContext, small_city: Path) -> None:
    cart = Cart((AccountPayment("1000000025", Money(6000)),))
    with pytest.raises(ExcessNeedsConfirmation, match=r"\$10.00 is more than account 1000000025 owes"):
        post_receipt(ctx, CASHIER, cart, [cash(6000)])
    assert rows(small_city, "SELECT count(*) FROM receipts") == [(0,)]
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000025", Money(6000), keep_excess_as_credit=True),)),
                          [cash(6000)])  # fmt: skip
    assert posted.number == "W01-2026-000001"  # the refused attempt used no number
    assert posted.lines[0].credit == Money(1000) and posted.lines[0].balance_left == Money(-1000)
    assert rows(small_city, "SELECT credit_cents FROM accounts WHERE number = '1000000025'") == [(1000,)]


def test_cash_only_accounts_refuse_checks(ctx: ServiceContext) -> None:
    with pytest.raises(PaymentRefused, match="1000000025 is cash only"):
        post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000025", Money(5000)),)), [check(5000)])


def test_card_tender_keeps_brand_last_four_and_approval_only(ctx: ServiceContext, small_city: Path) -> None:
    card = Tender(TenderKind.CARD, Money(500), "A1B2C3", "VISA", "4242")
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(500)),)), [card])
    assert rows(small_city, "SELECT kind, card_brand, card_last4, reference FROM tenders") == [
        ("card", "VISA", "4242", "A1B2C3")]  # fmt: skip


def test_receipt_numbers_are_gapless_and_failures_use_none(ctx: ServiceContext, small_city: Path) -> None:
    good = Cart((AccountPayment("1000000017", Money(100)),))
    numbers = [post_receipt(ctx, CASHIER, good, [cash(100)]).number]
    with pytest.raises(PaymentRefused):
        post_receipt(ctx, CASHIER, Cart((MiscItem("NOPE", Money(100)),)), [cash(100)])
    with pytest.raises(PaymentRefused):
        post_receipt(ctx, CASHIER, good, [cash(50)])
    numbers.append(post_receipt(ctx, CASHIER, good, [cash(100)]).number)
    assert numbers == ["W01-2026-000001", "W01-2026-000002"]
    assert rows(small_city, "SELECT count(*) FROM receipts") == [(2,)]


def test_a_card_number_in_a_memo_or_payer_is_refused(ctx: ServiceContext, small_city: Path) -> None:
    with pytest.raises(PaymentRefused, match="Never type a card number"):
        post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(100), "4111 1111 1111 1111"),)), [cash(100)])
    with pytest.raises(PaymentRefused, match="Never type a card number"):
        post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(100)),), payer="4111111111111111"), [cash(100)])
    assert rows(small_city, "SELECT count(*) FROM receipts") == [(0,)]


def test_no_payment_without_an_open_drawer(small_city: Path) -> None:
    ctx = ServiceContext.open(small_city)
    try:
        with pytest.raises(NoOpenDrawer, match="Open your drawer first"):
            post_receipt(ctx, Operator("other", Role.CASHIER), Cart((MiscItem("COPIES", Money(100)),)), [cash(100)])
    finally:
        ctx.close()


def test_an_administrator_does_not_take_money(ctx: ServiceContext) -> None:
    admin = Operator("admin", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        open_drawer(ctx, admin, CashCount({"B20": 1}))
    with pytest.raises(PermissionDenied):
        post_receipt(ctx, admin, Cart((MiscItem("COPIES", Money(100)),)), [cash(100)])


def test_one_open_drawer_per_cashier_per_station(ctx: ServiceContext) -> None:
    with pytest.raises(Exception, match="already has an open drawer"):
        open_drawer(ctx, CASHIER, CashCount({"B20": 1}))
    drawer = current_drawer(ctx, CASHIER)
    assert drawer is not None and drawer.opening_float == Money(11000)


def test_posting_is_audited_and_the_chain_holds(ctx: ServiceContext) -> None:
    from cashdesk.services.audit import AuditFilter, list_events, verify_audit

    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(100)),)), [cash(100)])
    events = list_events(ctx, Operator("sup", Role.SUPERVISOR), AuditFilter())
    assert [e.event_type for e in events] == ["post", "drawer_open"]
    assert events[0].object == "W01-2026-000001" and events[0].user == "jcashier"
    assert verify_audit(ctx).ok


def test_the_drawer_knows_the_cash_it_should_hold(ctx: ServiceContext, small_city: Path) -> None:
    float_cents = 5 * 2000 + 40 * 25
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(7315)),)), [check(5000), cash(3000)])
    post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(250)),)), [Tender(TenderKind.CARD, Money(250),
                 "A1B2C3", card_brand="VISA", card_last4="4242")])  # fmt: skip
    # $30.00 cash in, $6.85 change out; checks and cards are not cash.
    assert rows(small_city, "SELECT cash_cents FROM drawers") == [(float_cents + 3000 - 685,)]


def test_past_the_block_limit_cash_waits_for_a_drop(ctx: ServiceContext, small_city: Path) -> None:
    limited = ServiceContext(ctx.db, ctx.settings.with_values(cash__block_limit_cents=11_050), ctx.clock)
    with pytest.raises(PaymentRefused, match=r"would hold \$111\.00.*Make a cash drop"):
        post_receipt(limited, CASHIER, Cart((MiscItem("COPIES", Money(100)),)), [cash(100)])
    assert rows(small_city, "SELECT count(*) FROM receipts") == [(0,)]
    # A check does not fill the drawer: it is still taken.
    posted = post_receipt(limited, CASHIER, Cart((MiscItem("COPIES", Money(100)),)), [check(100)])
    assert posted.number == "W01-2026-000001"
