"""The GL journal ties to the bank: every day's cash in bank is the deposit file's total, the
change fund books what a float kept smaller or larger than it opened with moved, and a change
fund that cannot give tomorrow's floats is said to the supervisor."""

import csv
import datetime as dt
import io
import re
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.config import Settings, SettingsError
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.day_close import close_day, day_status
from cashdesk.services.demo import generate_demo_city
from cashdesk.services.deposit import export_deposit
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.simulate import simulate
from tests.integration.test_day_close import TELLER, on_station
from tests.integration.test_deposit_export import (
    CASHIER,
    DAY,
    FLOAT,
    SUPERVISOR,
    add_people,
    cash,
    close_my_drawer,
    db_file,
    make_ctx,
    rows,
)

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # a Thursday, 10:00 in Denver


@pytest.fixture(autouse=True)
def quick_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """The simulated staff sign in every day: cheap argon2 parameters keep the test quick."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def cents(text: str) -> int:
    return Money.from_file(text).cents


def cash_in_bank(journal: Path, pattern: str) -> tuple[int, int, int]:
    """(cash in bank net of its debits and credits, all debits, all credits) of a journal file."""
    header, *lines = read_csv(journal)
    at = {name: i for i, name in enumerate(header)}
    cash_account = re.compile(re.escape(pattern).replace(re.escape("{fund}"), r"[^-]+") + "$")
    net = sum(cents(r[at["debit"]]) - cents(r[at["credit"]]) for r in lines if cash_account.match(r[at["gl_account"]]))
    return net, sum(cents(r[at["debit"]]) for r in lines), sum(cents(r[at["credit"]]) for r in lines)


def deposit_total(deposit: Path) -> int:
    """Cash, checks, money orders and card settlements: the `amount` of every detail row."""
    header, *lines = read_csv(deposit)
    amount = header.index("amount")
    return sum(cents(r[amount]) for r in lines if r[0] == "D")


def test_every_simulated_day_s_journal_ties_to_its_deposit_file(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    generate_demo_city(path, accounts=300, seed=3, as_of=NOW.date(), workers=0)
    settings = Settings({"reports.folder": str(tmp_path / "reports")})
    ctx = ServiceContext.open(path, settings=settings)
    ctx.clock = lambda: NOW
    out = tmp_path / "exports"
    try:
        days = simulate(ctx, command_line_operator(), days=20, seed=11, out=out, payments_per_drawer=(10, 16))
    finally:
        ctx.close()
    assert len(days) == 20
    ties = []
    for day in days:
        d = day.business_date.isoformat()
        cash, debits, credits = cash_in_bank(out / f"gl-journal-{d}.csv", settings.gl.cash_account)
        ties.append((d, cash, debits, credits, deposit_total(out / f"deposit-{d}.csv")))
    # What the auditor checks on each day: debits = credits, and cash in bank = the deposit, to the cent.
    assert [(d, debits) for d, _, debits, _, _ in ties] == [(d, credits) for d, _, _, credits, _ in ties]
    assert [(d, cash) for d, cash, _, _, _ in ties] == [(d, total) for d, _, _, _, total in ties]
    # The change fund's lines are what the floats moved, drawer by drawer, on the days they moved.
    con = sqlite3.connect(path)
    try:
        moved = dict(con.execute(
            "SELECT d.business_date, sum(d.opening_float_cents - c.float_kept_cents) FROM drawers d "
            "JOIN drawer_closes c ON c.drawer_id = d.id GROUP BY d.business_date").fetchall())  # fmt: skip
    finally:
        con.close()
    fund_account = settings.gl.change_fund_account
    booked = {}
    for day in days:
        d = day.business_date.isoformat()
        header, *lines = read_csv(out / f"gl-journal-{d}.csv")
        booked[d] = sum(cents(r[5]) - cents(r[4]) for r in lines if r[3] == fund_account)
    assert booked == moved
    assert sum(1 for cents_moved in moved.values() if cents_moved) >= 10  # most days kept a smaller float


NEXT_DAY = dt.date(2026, 11, 27)


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    """Two drawers of $110.00 a day: an authorised change fund of $220.00."""
    context = make_ctx(small_city, **{"cash.change_fund_cents": 22_000})
    add_people(context)
    yield context
    context.close()


def journal_lines(path: Path) -> list[tuple[str, str, str, str]]:
    return [(r[3], r[4], r[5], r[6]) for r in read_csv(path)[1:]]


def test_a_float_kept_short_is_booked_said_at_the_close_and_checked_the_next_morning(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    w02 = on_station(ctx, "W02")
    try:
        open_drawer(ctx, CASHIER, FLOAT)
        open_drawer(w02, TELLER, FLOAT)
        post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])  # $5.10 change
        # $144.90 in the drawer, forty quarters no more: the cashier keeps five $20s, and the rest goes to the bank.
        close_my_drawer(ctx, CASHIER, CashCount({"B20": 7, "C25": 19, "C10": 1, "C5": 1}), kept=CashCount({"B20": 5}))
        close_my_drawer(w02, TELLER, FLOAT)
        closed = close_day(ctx, SUPERVISOR, DAY)
        assert closed.deposit_total == Money(3490 + 1000)
        said = closed.describe()
        assert (
            "Floats: $220.00 opened, $210.00 kept: $10.00 of the floats went to the bank with the deposit "
            "(booked against the change fund in the GL journal)."
        ) in said
        assert (
            "The change fund holds $210.00 after this close, $10.00 short of its authorised $220.00: get change "
            "from the bank before the next floats are counted out."
        ) in said
        export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
        lines = journal_lines(tmp_path / "gl-journal-2026-11-26.csv")
        assert lines[-2:] == [
            ("100-000-101000", "10.00", "0.00", "Cash in bank: float not kept, W01 drawer 1 jcashier"),
            ("100-000-101100", "0.00", "10.00", "Change fund: float kept $100.00 of $110.00, W01 drawer 1 jcashier"),
        ]
        cash_net, debits, credits = cash_in_bank(tmp_path / "gl-journal-2026-11-26.csv", "{fund}-000-101000")
        assert cash_net == deposit_total(tmp_path / "deposit-2026-11-26.csv") == 4490 and debits == credits

        # The next morning nobody made the fund whole: the second $110.00 float is $10.00 more than it holds.
        tomorrow = NOW + dt.timedelta(days=1)
        ctx.clock = w02.clock = lambda: tomorrow
        first = open_drawer(ctx, CASHIER, FLOAT)
        second = open_drawer(w02, TELLER, FLOAT)
    finally:
        w02.close()
    assert (first.business_date, first.fund_short, second.fund_short) == (NEXT_DAY, Money(0), Money(1000))
    events = rows(db_file(ctx), "SELECT object, details FROM audit_events WHERE event_type = 'drawer_open' "
                                "ORDER BY seq")  # fmt: skip
    assert [(obj, '"change_fund_short_cents":1000' in details) for obj, details in events] == [
        ("drawer 1", False), ("drawer 2", False), ("drawer 3", False), ("drawer 4", True)]  # fmt: skip
    status = day_status(ctx, NEXT_DAY)
    assert status.describe_change_fund() == (
        "The floats counted out on 2026-11-27 went $10.00 beyond what the change fund held after the close of "
        "2026-11-26, $210.00: find where that cash came from and make the fund whole."
    )


def test_a_float_kept_larger_keeps_cash_back_from_the_deposit_and_the_journal_says_so(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(3490)])
    # $144.90 counted; the cashier keeps $120.00 (a $10 bill more than the float) for a busy Friday.
    pieces = CashCount({"B20": 6, "B10": 1, "C25": 50, "C10": 19, "C5": 8, "C1": 10})
    assert pieces.total == Money(11000 + 3490)
    close_my_drawer(ctx, CASHIER, pieces, kept=CashCount({"B20": 5, "B10": 1, "C25": 40}))
    closed = close_day(ctx, SUPERVISOR, DAY)
    assert (
        "Floats: $110.00 opened, $120.00 kept: $10.00 of the day's cash stayed in the floats instead of going to "
        "the bank (booked against the change fund in the GL journal)."
    ) in closed.describe()
    assert "short of its authorised" not in closed.describe()  # $120.00 kept and $110.00 never counted out
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
    lines = journal_lines(tmp_path / "gl-journal-2026-11-26.csv")
    assert lines[-2:] == [
        ("100-000-101100", "10.00", "0.00", "Change fund: float kept $120.00 of $110.00, W01 drawer 1 jcashier"),
        ("100-000-101000", "0.00", "10.00", "Cash in bank: float kept over its opening, W01 drawer 1 jcashier"),
    ]
    cash_net, debits, credits = cash_in_bank(tmp_path / "gl-journal-2026-11-26.csv", "{fund}-000-101000")
    assert cash_net == deposit_total(tmp_path / "deposit-2026-11-26.csv") == 3490 - 1000 and debits == credits


def test_a_float_kept_whole_books_nothing_and_says_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(3490)])
    close_my_drawer(ctx, CASHIER, CashCount({"B20": 6, "B10": 1, "C25": 50, "C10": 19, "C5": 8, "C1": 10}))
    closed = close_day(ctx, SUPERVISOR, DAY)
    assert "Floats:" not in closed.describe() and "change fund" not in closed.describe()
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
    assert "Change fund" not in (tmp_path / "gl-journal-2026-11-26.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("account", ["", "{fund}-000-101100"])
def test_the_change_fund_is_one_gl_account(account: str) -> None:
    with pytest.raises(SettingsError, match="gl.change_fund_account: give one Fund-Department-Object account"):
        Settings({"gl.change_fund_account": account})
