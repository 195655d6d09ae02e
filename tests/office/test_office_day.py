"""The office's day close and its one consolidated deposit, against a real PostgreSQL office: the
close is refused naming the windows that keep the day open, then succeeds; the deposit's files
read back add up to the windows' own deposits, the journal balances and its cash in bank is the
deposit; a second export changes nothing (issue 15; docs/office.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.domain.cash import CashCount
from cashdesk.domain.deposit import account_for_fund
from cashdesk.domain.money import Money
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext
from cashdesk.services.day_money import DayMoney, day_money
from cashdesk.services.deposit import file_names, manifest_name
from cashdesk.services.drawers import open_drawer
from cashdesk.services.office import OfficeRefused, join_office, sync_once
from cashdesk.services.office_day import OfficeDayRefused, close_office_day, export_office_deposit
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from tests.integration.test_deposit_export import (
    CASHIER,
    DAY,
    FLOAT,
    NOW,
    PASSWORD,
    SUPERVISOR,
    a_full_day,
    cash,
    close_my_drawer,
)
from tests.office.test_uplink import ADMIN, window

CASH_ACCOUNT = "{fund}-000-101000"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def own_money(ctx: ServiceContext) -> DayMoney:
    with ctx.db.unit_of_work(write=False) as uow:
        return day_money(uow.session, ctx, DAY)


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))


def cents(text: str) -> int:
    return Money.from_file(text).cents


def test_the_office_day_closes_once_no_window_keeps_it_open_and_exports_one_deposit(
    small_city: Path, tmp_path: Path, office_url: str
) -> None:  # fmt: skip
    from cashdesk.services.office import init_office

    init_office(ADMIN, office_url)
    one, two, three = (window(small_city, tmp_path, s) for s in ("W01", "W02", "W03"))
    try:
        for ctx in (one, two, three):
            join_office(ctx, ADMIN, office_url, ctx.station)
        a_full_day(one)
        a_full_day(two)  # the same day's work at a second window: the same check numbers, other receipts
        open_drawer(three, CASHIER, FLOAT)
        post_receipt(three, CASHIER, Cart((AccountPayment("1000000017", Money(2500)),)), [cash(2500)])
        for ctx in (one, two, three):
            assert sync_once(ctx).waiting == 0

        with pytest.raises(OfficeDayRefused) as refused:
            close_office_day(one, SUPERVISOR, DAY)
        assert str(refused.value).startswith(f"The office's business day {DAY} cannot close: this window keeps it "
                                             "open: W03 (a drawer still open: drawer 1 (jcashier)).")  # fmt: skip

        # W03 closes its drawer but has sent only part of its changes when last heard from.
        close_my_drawer(three, CASHIER, CashCount({"B20": 6, "B5": 1, "C25": 40}))
        sync_once(three, batch_size=2, most=1)
        with pytest.raises(OfficeDayRefused, match=r"W03 \(.*\d+ changes still to send when last heard from at "
                                                   r"2026-11-26 10:00\)"):  # fmt: skip
            close_office_day(one, SUPERVISOR, DAY)
        assert sync_once(three).waiting == 0

        # An hour later, nobody heard from since 10:00, and no window closed its own day: each may
        # have taken payments the office does not have yet.
        one.clock = lambda: NOW + dt.timedelta(hours=1)
        silent = "these windows keep it open: W01 .*W02 .*W03 \\(not heard from since 2026-11-26 10:00: what it took"
        with pytest.raises(OfficeDayRefused, match=silent):
            close_office_day(one, SUPERVISOR, DAY)
        one.clock = lambda: NOW

        with pytest.raises(OfficeDayRefused, match="is not closed yet"):
            export_office_deposit(one, SUPERVISOR, DAY, tmp_path / "deposit")
        closed = close_office_day(one, SUPERVISOR, DAY)
        assert closed.windows == ("W01", "W02", "W03")
        windows = [own_money(ctx) for ctx in (one, two, three)]
        assert closed.deposit_total == Money.total(m.deposit.total for m in windows)
        assert closed.receipts == sum(m.receipts for m in windows)
        assert "is closed: 3 windows (W01, W02, W03)" in closed.describe()
        with pytest.raises(OfficeDayRefused, match="is already closed \\(by msuper at W01"):
            close_office_day(two, SUPERVISOR, DAY)

        folder = tmp_path / "deposit"
        exported = export_office_deposit(one, SUPERVISOR, DAY, folder)
        assert not exported.already and exported.windows == ("W01", "W02", "W03")
        names = file_names(DAY)
        assert sorted(p.name for p in folder.iterdir()) == sorted([*names.values(), manifest_name(DAY)])

        # The deposit file: its trailer's total is every window's deposit added up.
        deposit = read_csv(folder / names["deposit"])
        trailer = deposit[-1]
        assert trailer[0] == "T" and len(trailer) == 5  # no audit anchor: each window's chain is its own
        assert cents(trailer[3]) == sum(m.deposit.total.cents for m in windows)
        assert int(trailer[2]) == len(deposit) - 2
        kinds = Counter(row[3] for row in deposit[1:-1])
        assert kinds["check"] == 2 and kinds["money_order"] == 2 and kinds["card_settlement"] == 2

        # The journal balances, and its cash in bank is the deposit.
        journal = read_csv(folder / names["journal"])[1:]
        assert sum(cents(r[4]) for r in journal) == sum(cents(r[5]) for r in journal)
        banked = sum(cents(r[4]) - cents(r[5]) for r in journal if r[3] == account_for_fund(CASH_ACCOUNT, r[2]))
        assert banked == cents(trailer[3])
        # The posting files hold every window's rows.
        billing = read_csv(folder / names["billing"])[1:]
        assert len(billing) == sum(len(m.billing) for m in windows)
        assert {r[3].split("-")[0] for r in billing} == {"W01", "W02", "W03"}

        # Again: the same bytes, nothing written.
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        again = export_office_deposit(two, SUPERVISOR, DAY, folder)
        assert again.already and "already in" in again.describe()
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
        # Elsewhere: the same bytes too.
        other = export_office_deposit(one, SUPERVISOR, DAY, tmp_path / "copy")
        assert {n: (tmp_path / "copy" / n).read_bytes() for n in names.values()} == {n: before[n] for n in
                                                                                      names.values()}  # fmt: skip
        assert not other.already

        # A payment posted to the day after the office closed it: the export says so and writes nothing.
        open_drawer(three, CASHIER, FLOAT)
        post_receipt(three, CASHIER, Cart((AccountPayment("1000000017", Money(700)),)), [cash(700)])
        close_my_drawer(three, CASHIER, CashCount({"B20": 5, "B5": 1, "B1": 2, "C25": 40}))
        sync_once(three)
        with pytest.raises(OfficeDayRefused, match="changed since the office closed the day"):
            export_office_deposit(one, SUPERVISOR, DAY, tmp_path / "late")
        assert not (tmp_path / "late").exists()
    finally:
        for ctx in (one, two, three):
            ctx.close()


def cashdesk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str,
             *args: str) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_sign_the_supervisor_in_at_the_window(
    small_city: Path, tmp_path: Path, office_url: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from cashdesk.services.office import init_office

    init_office(ADMIN, office_url)
    ctx = window(small_city, tmp_path, "W01")
    db = str(tmp_path / "W01.sqlite3")
    try:
        code, _, err = cashdesk(capsys, monkeypatch, PASSWORD + "\n", "--db", db, "office", "close-day", "--date",
                                DAY.isoformat(), "--user", "msuper", "--password-stdin")  # fmt: skip
        assert code == 2 and err.startswith("cashdesk: This window has not joined an office") and "Traceback" not in err
        join_office(ctx, ADMIN, office_url)
        a_full_day(ctx)
        sync_once(ctx)
    finally:
        ctx.close()
    code, _, err = cashdesk(capsys, monkeypatch, PASSWORD + "\n", "--db", db, "office", "close-day", "--date",
                            DAY.isoformat(), "--user", "jcashier", "--password-stdin")  # fmt: skip
    assert code == 2 and "may not close the office's business day" in err
    code, out, err = cashdesk(capsys, monkeypatch, PASSWORD + "\n", "--db", db, "office", "close-day", "--date",
                              DAY.isoformat(), "--user", "msuper", "--password-stdin")  # fmt: skip
    assert (code, err) == (0, "") and out.startswith(f"The office's business day {DAY} is closed: 1 windows (W01)")
    out_dir = tmp_path / "office-deposit"
    export = ("--db", db, "office", "export-deposit", "--date", DAY.isoformat(), "--out", str(out_dir), "--user",
              "msuper", "--password-stdin")  # fmt: skip
    code, out, err = cashdesk(capsys, monkeypatch, PASSWORD + "\n", *export)
    assert (code, err) == (0, "") and f"Exported the office's deposit of {DAY} from 1 windows (W01)" in out
    code, out, err = cashdesk(capsys, monkeypatch, PASSWORD + "\n", *export)
    assert code == 0 and "already in" in out


def test_the_office_day_close_waits_in_words_while_the_office_is_unreachable(
    small_city: Path, tmp_path: Path, office_url: str, cluster: object
) -> None:  # fmt: skip
    from cashdesk.services.office import init_office
    from tests.support.pg_cluster import Cluster

    assert isinstance(cluster, Cluster)
    init_office(ADMIN, office_url)
    ctx = window(small_city, tmp_path, "W05")
    try:
        join_office(ctx, ADMIN, office_url)
        cluster.stop()
        try:
            with pytest.raises(OfficeRefused, match="did not answer: .*The office's day close waits for the office: "
                                                    "nothing was closed"):  # fmt: skip
                close_office_day(ctx, SUPERVISOR, DAY)
        finally:
            cluster.start()
    finally:
        ctx.close()


def test_a_receipt_another_window_took_is_voided_there_said_in_words(small_city: Path, tmp_path: Path) -> None:
    from cashdesk.services.voids import VoidRefused, void_receipt

    ctx = window(small_city, tmp_path, "W01")
    try:
        with pytest.raises(VoidRefused, match="^Receipt W02-2026-000003 was taken at window W02: a receipt is voided "
                                              "at the window that took it"):  # fmt: skip
            void_receipt(ctx, CASHIER, "w02-2026-000003", "keyed twice", approval_id=None)
        with pytest.raises(VoidRefused, match="^There is no receipt W01-2026-999999. Check the number"):
            void_receipt(ctx, CASHIER, "W01-2026-999999", "keyed twice", approval_id=None)
    finally:
        ctx.close()
