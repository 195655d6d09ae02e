"""Windows send their rows to a real PostgreSQL office: every receipt arrives once, a batch sent
again doubles nothing, and a window whose office is down goes on taking payments and sends what
waited when it answers (issue 15; docs/office.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher

from cashdesk.domain.money import Money
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.office import OfficeRefused, init_office, join_office, office_status, sync_once
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.store import outbox
from tests.integration.test_deposit_export import CASHIER, FLOAT, a_full_day, add_people, cash, make_ctx
from tests.support.pg_cluster import Cluster

ADMIN = command_line_operator()


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def window(small_city: Path, tmp_path: Path, station: str) -> ServiceContext:
    """A window of the small city at its own station, with its own SQLite file."""
    db = tmp_path / f"{station}.sqlite3"
    shutil.copy(small_city, db)
    ctx = make_ctx(db, **{"station.id": station})
    add_people(ctx)
    return ctx


def office_rows(url: str, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


def local_receipts(ctx: ServiceContext) -> list[tuple[str, int]]:
    with ctx.db.unit_of_work(write=False) as uow:
        return sorted((str(n), int(c)) for n, c in uow.rows.all("SELECT number, total_cents FROM receipts"))


def test_two_windows_send_every_receipt_once(small_city: Path, tmp_path: Path, office_url: str) -> None:
    init_office(ADMIN, office_url)
    one, two = window(small_city, tmp_path, "W01"), window(small_city, tmp_path, "W02")
    try:
        for ctx in (one, two):
            joined = join_office(ctx, ADMIN, office_url, ctx.station)
            assert joined.station == ctx.station
            a_full_day(ctx)
        first = sync_once(one, batch_size=7)  # small batches: many office transactions
        assert first.problem == "" and first.waiting == 0 and first.batches > 3
        assert sync_once(two).waiting == 0
        again = sync_once(one)
        assert (again.sent, again.batches) == (0, 0)

        at_office = office_rows(office_url, "SELECT window_station, number, total_cents FROM receipts")
        assert sorted((n, c) for s, n, c in at_office if s == "W01") == local_receipts(one)
        assert sorted((n, c) for s, n, c in at_office if s == "W02") == local_receipts(two)
        assert len(at_office) == len(local_receipts(one)) * 2  # each receipt once, none doubled
        # A receipt voided at the window is void at the office too (a changed row is sent again).
        statuses = office_rows(office_url, "SELECT status, count(*) FROM receipts GROUP BY status ORDER BY status")
        assert dict(statuses)["void"] == 2
        # The whole audit trail of each window, in its order.
        with one.db.unit_of_work(write=False) as uow:
            trail = [int(s) for (s,) in uow.rows.all("SELECT seq FROM audit_events ORDER BY seq")]
        assert [s for (s,) in office_rows(office_url, "SELECT seq FROM audit_events WHERE window_station = 'W01' "
                                                      "ORDER BY seq")] == trail  # fmt: skip

        windows = {w.station: w for w in office_status(office_url)}
        assert sorted(windows) == ["W01", "W02"]
        assert windows["W01"].receipts == len(local_receipts(one)) and windows["W01"].outbox_after_contact == 0
        assert windows["W01"].open_drawers == 0  # a_full_day closes its drawer
    finally:
        one.close()
        two.close()


def test_a_batch_sent_again_after_a_stop_doubles_nothing(
    small_city: Path, tmp_path: Path, office_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    init_office(ADMIN, office_url)
    ctx = window(small_city, tmp_path, "W03")
    try:
        join_office(ctx, ADMIN, office_url)
        a_full_day(ctx)

        # The sender stops after the office committed a batch and before the window took it out of
        # its outbox (as when it is killed there): the next run sends that batch again.
        def stopped(*args: object) -> None:
            raise KeyboardInterrupt

        with monkeypatch.context() as patched:
            patched.setattr(outbox, "sent", stopped)
            with pytest.raises(KeyboardInterrupt):
                sync_once(ctx, batch_size=20)
        assert len(office_rows(office_url, "SELECT 1 FROM receipts")) > 0
        done = sync_once(ctx, batch_size=20)
        assert done.waiting == 0
        at_office = office_rows(office_url, "SELECT number, total_cents FROM receipts")
        assert sorted((str(n), int(c)) for n, c in at_office) == local_receipts(ctx)
    finally:
        ctx.close()


def test_a_window_takes_payments_while_the_office_is_down_and_sends_them_when_it_answers(
    small_city: Path, tmp_path: Path, office_url: str, cluster: Cluster
) -> None:  # fmt: skip
    init_office(ADMIN, office_url)
    ctx = window(small_city, tmp_path, "W04")
    try:
        join_office(ctx, ADMIN, office_url)
        open_drawer(ctx, CASHIER, FLOAT)
        assert sync_once(ctx).waiting == 0
        cluster.stop()
        try:
            taken = [post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(1000 + i)),)),
                                  [cash(1000 + i)]).number for i in range(3)]  # fmt: skip
            down = sync_once(ctx)
            assert down.problem and down.waiting > 0 and down.sent == 0
            assert down.describe().startswith("The office is unreachable (")
            assert "goes on taking payments" in down.describe()
        finally:
            cluster.start()
        up = sync_once(ctx)
        assert up.problem == "" and up.waiting == 0
        numbers = {n for (n,) in office_rows(office_url, "SELECT number FROM receipts WHERE window_station = 'W04'")}
        assert numbers == set(taken)
    finally:
        ctx.close()


def test_a_password_in_the_address_and_a_second_office_are_refused(
    small_city: Path, tmp_path: Path, office_url: str
) -> None:  # fmt: skip
    ctx = window(small_city, tmp_path, "W05")
    try:
        with pytest.raises(OfficeRefused, match="may not carry a password"):
            join_office(ctx, ADMIN, office_url.replace("cashdesk_test@", "cashdesk_test:secret@"))
        with pytest.raises(OfficeRefused, match="This window is station W05 .* not W09"):
            join_office(ctx, ADMIN, office_url, "W09")
        with pytest.raises(OfficeRefused, match="has not joined an office"):
            sync_once(ctx)
        init_office(ADMIN, office_url)
        join_office(ctx, ADMIN, office_url)
        with pytest.raises(OfficeRefused, match="already belongs to the office at 127.0.0.1:"):
            join_office(ctx, ADMIN, office_url)
    finally:
        ctx.close()


def balance(ctx: ServiceContext, number: str) -> tuple[int, int]:
    """(open cents on the account's bills, credit kept) as the window has them."""
    with ctx.db.unit_of_work(write=False) as uow:
        row = uow.rows.one(
            "SELECT coalesce(sum(o.amount_cents - o.paid_cents), 0), a.credit_cents FROM accounts a "
            "LEFT JOIN open_items o ON o.account_id = a.id WHERE a.number = ? GROUP BY a.id", (number,))  # fmt: skip
    assert row is not None
    return int(row[0]), int(row[1])


def test_a_payment_at_one_window_shows_at_the_other_after_their_syncs(
    small_city: Path, tmp_path: Path, office_url: str
) -> None:  # fmt: skip
    from cashdesk.services.setup import init_database

    init_office(ADMIN, office_url)
    one = window(small_city, tmp_path, "W06")  # brings the city's accounts to the empty office
    fresh = tmp_path / "W07.sqlite3"
    init_database(fresh)
    two = make_ctx(fresh, **{"station.id": "W07"})
    add_people(two)
    try:
        join_office(one, ADMIN, office_url)
        join_office(two, ADMIN, office_url)
        assert sync_once(two).received > 0  # the new window takes the office's accounts
        smith = "1000000017"
        before = balance(one, smith)
        assert balance(two, smith) == before

        open_drawer(one, CASHIER, FLOAT)
        post_receipt(one, CASHIER, Cart((AccountPayment(smith, Money(2500)),)), [cash(2500)])
        assert balance(one, smith) == (before[0] - 2500, before[1])
        assert balance(two, smith) == before  # not yet: window 1 has not sent it
        sync_once(one)
        sync_once(two)
        assert balance(two, smith) == (before[0] - 2500, before[1])

        # Window 2 takes the rest of a bill while window 1 does not know yet; both sync: the two agree.
        open_drawer(two, CASHIER, FLOAT)
        post_receipt(two, CASHIER, Cart((AccountPayment(smith, Money(1000)),)), [cash(1000)])
        for ctx in (two, one, two):
            sync_once(ctx)
        assert balance(one, smith) == balance(two, smith) == (before[0] - 3500, before[1])
        # And the office counts each payment once.
        (paid,) = office_rows(office_url, "SELECT sum(paid_cents) FROM open_items o JOIN accounts a "
                                          f"ON a.id = o.account_id WHERE a.number = '{smith}'")[0]  # fmt: skip
        with one.db.unit_of_work(write=False) as uow:
            row = uow.rows.one("SELECT sum(paid_cents) FROM open_items o JOIN accounts a ON a.id = o.account_id "
                               "WHERE a.number = ?", (smith,))  # fmt: skip
        assert row is not None and paid == row[0]
    finally:
        one.close()
        two.close()
