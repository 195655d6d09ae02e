"""Closing the business day: only when every drawer is closed; afterwards payments belong to the next day."""

import datetime as dt
import json
from pathlib import Path

import pytest

from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.services.business_day import DayClosed, require_open_day
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, command_line_operator
from cashdesk.services.day_close import DayCloseRefused, close_day, day_status
from cashdesk.services.drawers import current_drawer, open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from tests.integration.test_deposit_export import (
    CASHIER,
    DAY,
    FLOAT,
    NOW,
    SUPERVISOR,
    _cheap_hashes,  # noqa: F401 - autouse: quick password hashes
    a_full_day,
    add_people,
    cash,
    close_my_drawer,
    db_file,
    make_ctx,
    rows,
)

TELLER = Operator("bteller", Role.CASHIER)


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = make_ctx(small_city)
    add_people(context)
    yield context
    context.close()


def on_station(ctx: ServiceContext, station: str) -> ServiceContext:
    other = make_ctx(db_file(ctx), **{"station.id": station})
    return other


def test_a_day_with_open_drawers_refuses_to_close_and_names_each(ctx: ServiceContext) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    w02 = on_station(ctx, "W02")
    try:
        open_drawer(w02, TELLER, FLOAT)
        status = day_status(ctx, DAY)
        assert [d.describe() for d in status.open_drawers] == ["station W01, jcashier, drawer 1",
                                                              "station W02, bteller, drawer 2"]  # fmt: skip
        assert not status.can_close and not status.closed
        with pytest.raises(DayCloseRefused) as refused:
            close_day(ctx, SUPERVISOR, DAY)
        assert str(refused.value) == (
            "The business day 2026-11-26 cannot close: these drawers are still open: station W01, jcashier, "
            "drawer 1; station W02, bteller, drawer 2. Each cashier balances and closes their drawer first."
        )
        close_my_drawer(w02, TELLER, FLOAT)
        with pytest.raises(DayCloseRefused, match="this drawer is still open: station W01, jcashier, drawer 1\\."):
            close_day(ctx, SUPERVISOR, DAY)
    finally:
        w02.close()
    assert rows(db_file(ctx), "SELECT count(*) FROM business_days") == [(0,)]
    assert rows(db_file(ctx), "SELECT count(*) FROM audit_events WHERE event_type = 'day_close'") == [(0,)]


def test_closing_a_day_records_its_over_short_and_deposit_and_is_audited(ctx: ServiceContext) -> None:
    a_full_day(ctx)
    before = day_status(ctx, DAY)
    assert before.can_close and before.open_drawers == ()
    assert [(d.describe(), d.over_short) for d in before.closed_drawers] == [
        ("station W01, jcashier, drawer 1", Money(-125))]  # fmt: skip
    result = close_day(ctx, SUPERVISOR, DAY)
    assert (result.drawers, result.receipts, result.receipts_total) == (1, 5, Money(161490))
    assert (result.over_short, result.bank_total, result.deposit_total) == (Money(-125), Money(158365), Money(160365))
    assert result.next_business_date == dt.date(2026, 11, 27)
    assert "Payments from now on belong to 2026-11-27" in result.describe()
    db = db_file(ctx)
    assert rows(db, "SELECT business_date, status, closed_by, over_short_cents, deposit_total_cents "
                    "FROM business_days") == [("2026-11-26", "closed", "msuper", -125, 160365)]  # fmt: skip
    ((user, obj, details),) = rows(db, "SELECT user, object, details FROM audit_events WHERE event_type = 'day_close'")
    assert (user, obj) == ("msuper", "business day 2026-11-26")
    recorded = json.loads(details)
    assert set(recorded.pop("digests")) == {"day", "record"}  # what the close wrote, for `audit verify`
    assert recorded == {"business_date": "2026-11-26", "drawers": 1, "receipts": 5, "receipts_cents": 161490,
                        "over_short_cents": -125, "deposit_cents": 160365, "bag_cents": 158365}  # fmt: skip
    after = day_status(ctx, DAY)
    assert after.closed and after.closed_by == "msuper" and not after.can_close


def test_a_closed_day_is_not_closed_twice(ctx: ServiceContext) -> None:
    close_day(ctx, SUPERVISOR, DAY)  # a day without drawers (a holiday) closes too
    with pytest.raises(DayCloseRefused, match="2026-11-26 is already closed \\(by msuper\\)"):
        close_day(ctx, SUPERVISOR, DAY)


def test_a_day_that_has_not_begun_cannot_close(ctx: ServiceContext) -> None:
    with pytest.raises(DayCloseRefused, match="2026-11-27 has not begun: the open business day is 2026-11-26"):
        close_day(ctx, SUPERVISOR, dt.date(2026, 11, 27))


def test_only_a_supervisor_closes_the_day(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied, match="may not close the business day"):
        close_day(ctx, CASHIER, DAY)
    with pytest.raises(PermissionDenied, match="administrator\\) may not close the business day"):
        close_day(ctx, command_line_operator(), DAY)


def test_after_the_close_payments_belong_to_the_next_business_day(ctx: ServiceContext) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    before = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(500)),)), [cash(500)])
    close_my_drawer(ctx, CASHIER, CashCount({"B20": 5, "C25": 40, "B5": 1}))
    close_day(ctx, SUPERVISOR, DAY)
    ctx.clock = lambda: NOW + dt.timedelta(hours=2)  # the same calendar day, later
    drawer = open_drawer(ctx, CASHIER, FLOAT)
    assert drawer.business_date == dt.date(2026, 11, 27)
    after = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(700)),)), [cash(700)])
    assert before.business_date == DAY and after.business_date == dt.date(2026, 11, 27)
    assert rows(db_file(ctx), "SELECT number, business_date FROM receipts ORDER BY id") == [
        (before.number, "2026-11-26"), (after.number, "2026-11-27")]  # fmt: skip
    status = day_status(ctx, dt.date(2026, 11, 27))
    assert status.receipts == 1 and [d.id for d in status.open_drawers] == [drawer.id]
    with (
        ctx.db.unit_of_work(write=False) as uow,
        pytest.raises(DayClosed, match="2026-11-26 is closed: it takes no more postings"),
    ):
        require_open_day(uow.session, DAY)
    assert current_drawer(ctx, CASHIER) is not None
