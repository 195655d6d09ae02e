"""Bills a window makes itself (a tax return's, a service order's fee) reach the office under ids of
the window's own range, with the history line of every payment: the office's deposit of a day whose
receipts pay one is made, other windows see the bill and what is paid on it, and a send tried again
doubles nothing (issue 15; docs/office.md)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher

from cashdesk.domain.cash import CashCount
from cashdesk.domain.deposit import account_for_fund
from cashdesk.domain.money import Money
from cashdesk.domain.tax_return import ReturnFigures
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext
from cashdesk.services.deposit import file_names
from cashdesk.services.drawers import open_drawer
from cashdesk.services.office import init_office, join_office, sync_once
from cashdesk.services.office_day import close_office_day, export_office_deposit
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.tax_returns import file_return
from cashdesk.store import outbox
from cashdesk.store.own_ids import SPAN
from tests.integration.test_deposit_export import CASHIER, DAY, FLOAT, SUPERVISOR, cash, close_my_drawer
from tests.office.test_uplink import ADMIN, window

BAKERY = "2000000019"  # a monthly sales-tax filer of the small city
CASH_ACCOUNT = "{fund}-000-101000"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def at_office(url: str, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


def local(ctx: ServiceContext, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with ctx.db.unit_of_work(write=False) as uow:
        return [tuple(r) for r in uow.rows.all(sql)]


BAKERY_ITEMS = ("SELECT o.id, o.revenue_code, o.period, o.amount_cents, o.paid_cents FROM open_items o JOIN "
                f"accounts a ON a.id = o.account_id WHERE a.number = '{BAKERY}' ORDER BY o.id")  # fmt: skip


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))


def cents(text: str) -> int:
    return Money.from_file(text).cents


def test_a_tax_return_filed_and_paid_at_a_window_reaches_the_office_and_its_deposit(
    small_city: Path, tmp_path: Path, office_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    init_office(ADMIN, office_url)
    one, two = window(small_city, tmp_path, "W01"), window(small_city, tmp_path, "W02")
    try:
        for ctx in (one, two):
            join_office(ctx, ADMIN, office_url, ctx.station)
            assert sync_once(ctx).waiting == 0
        (w01, w02) = (n for (n,) in at_office(office_url, "SELECT number FROM office_windows ORDER BY station"))
        assert w01 != w02

        # W01 files the bakery's October return and takes all it owes by check, and a cash payment.
        open_drawer(one, CASHIER, FLOAT)
        filed = file_return(one, CASHIER, BAKERY, "2026-10", ReturnFigures(Money(2_000_000)))
        assert filed.charges and filed.account_owes > filed.ret.due_now
        post_receipt(one, CASHIER, Cart((AccountPayment(BAKERY, filed.account_owes),)),
                     [Tender(TenderKind.CHECK, filed.account_owes, "5001")])  # fmt: skip
        post_receipt(one, CASHIER, Cart((AccountPayment("1000000017", Money(2500)),)), [cash(2500)])
        close_my_drawer(one, CASHIER, CashCount({"B20": 6, "B5": 1, "C25": 40}))

        mine = [r for r in local(one, BAKERY_ITEMS) if r[0] >= SPAN]
        assert mine and all(w01 * SPAN < r[0] < (w01 + 1) * SPAN for r in mine)  # its own range
        assert all(paid == amount for _, _, _, amount, paid in mine)
        history = local(one, f"SELECT id, kind, amount_cents FROM account_history WHERE id >= {SPAN} ORDER BY id")
        assert {kind for _, kind, _ in history} >= {"return", "payment"}

        # Sent in batches of three (moves on a bill go before the bill itself), the sender killed once
        # after the office took a batch and before the window heard: sent again, nothing doubles.
        real_sent = outbox.sent
        calls = {"n": 0}

        def dies_once(*args: object, **kwargs: object) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("the power went")
            real_sent(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(outbox, "sent", dies_once)
        with pytest.raises(RuntimeError, match="the power went"):
            sync_once(one, batch_size=3)
        monkeypatch.setattr(outbox, "sent", real_sent)
        assert sync_once(one, batch_size=3).waiting == 0
        assert sync_once(one).waiting == 0

        office_items = at_office(office_url, "SELECT id, revenue_code, period, amount_cents, paid_cents FROM "
                                             f"open_items WHERE id >= {SPAN} ORDER BY id")  # fmt: skip
        assert office_items == mine  # the same ids, every bill paid once
        assert at_office(office_url, f"SELECT id, kind, amount_cents FROM account_history WHERE id >= {SPAN} "
                                     "ORDER BY id") == history  # fmt: skip
        (credit,) = at_office(office_url, f"SELECT credit_cents FROM accounts WHERE number = '{BAKERY}'")[0]
        assert credit == 0  # a move applied twice would have gone past the bills into credit
        owed = at_office(office_url, "SELECT sum(o.amount_cents - o.paid_cents) FROM open_items o JOIN accounts a ON "
                                     f"a.id = o.account_id WHERE a.number = '{BAKERY}'")  # fmt: skip
        assert owed == [(0,)]
        # The downlink brought W01's own rows back: no second copy.
        assert local(one, BAKERY_ITEMS) == [*[r for r in local(one, BAKERY_ITEMS) if r[0] < SPAN], *mine]
        assert len(local(one, f"SELECT id FROM open_items WHERE id >= {SPAN}")) == len(mine)

        # W02 sees the bill and that it is paid.
        assert sync_once(two).waiting == 0
        assert [r for r in local(two, BAKERY_ITEMS) if r[0] >= SPAN] == mine
        assert local(two, f"SELECT sum(amount_cents - paid_cents) FROM open_items o JOIN accounts a ON "
                          f"a.id = o.account_id WHERE a.number = '{BAKERY}'") == [(0,)]  # fmt: skip
        assert len(local(two, f"SELECT 1 FROM account_history WHERE id >= {SPAN}")) == len(history)

        # The office's day closes and its deposit is made: the journal balances, cash in bank is the deposit.
        closed = close_office_day(one, SUPERVISOR, DAY)
        assert closed.windows == ("W01",)
        folder = tmp_path / "deposit"
        exported = export_office_deposit(one, SUPERVISOR, DAY, folder)
        assert exported.check_count == 1
        names = file_names(DAY)
        deposit = read_csv(folder / names["deposit"])
        assert cents(deposit[-1][3]) == filed.account_owes.cents + 2500
        journal = read_csv(folder / names["journal"])[1:]
        assert sum(cents(r[4]) for r in journal) == sum(cents(r[5]) for r in journal)
        banked = sum(cents(r[4]) - cents(r[5]) for r in journal if r[3] == account_for_fund(CASH_ACCOUNT, r[2]))
        assert banked == cents(deposit[-1][3])
    finally:
        one.close()
        two.close()
