"""What waits for the office, said in words at the window: a shut-off list committed at a window of
an office goes through the office (its balances first, one list a day for the whole office), and
while the office does not answer it is refused with nothing changed (issue 15; docs/office.md)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth, shutoff
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.office import OfficeRefused, init_office, join_office, sync_once
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.service_orders import OrderRefused
from cashdesk.store import outbox
from tests.integration import orders_city
from tests.integration.test_deposit_export import PASSWORD, add_people
from tests.office.test_uplink import office_rows
from tests.support.pg_cluster import Cluster

ADMIN = command_line_operator()
MONDAY = dt.datetime(2026, 12, 7, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
TUESDAY = dt.date(2026, 12, 8)
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def city(db_path: Path) -> Path:
    return orders_city.build(db_path)


def a_window(city: Path, tmp_path: Path, station: str) -> ServiceContext:
    path = tmp_path / f"{station}.sqlite3"
    shutil.copy(city, path)
    ctx = ServiceContext.open(path, settings=Settings({"station.id": station}))
    ctx.clock = lambda: MONDAY
    return ctx


@pytest.fixture
def windows(city: Path, tmp_path: Path, office_url: str) -> Iterator[tuple[ServiceContext, ServiceContext]]:
    init_office(ADMIN, office_url)
    one, two = a_window(city, tmp_path, "W01"), a_window(city, tmp_path, "W02")
    try:
        for ctx in (one, two):
            join_office(ctx, ADMIN, office_url, ctx.station)
            assert sync_once(ctx).waiting == 0
        yield one, two
    finally:
        one.close()
        two.close()


def outbox_url(ctx: ServiceContext) -> str:
    with ctx.db.unit_of_work(write=False) as uow:
        joined = outbox.link(uow)
    assert joined is not None
    return joined.url


def orders_at(ctx: ServiceContext) -> list[tuple[str, str]]:
    with ctx.db.unit_of_work(write=False) as uow:
        return [(str(n), str(t)) for n, t in uow.rows.all("SELECT number, type FROM work_orders ORDER BY id")]


def test_a_shutoff_list_waits_for_the_office_and_goes_through_it(
    windows: tuple[ServiceContext, ServiceContext], cluster: Cluster
) -> None:  # fmt: skip
    one, two = windows
    assert [line.account for line in shutoff.preview(one, CASHIER, TUESDAY).lines] == ["3000000011", "3000000037"]

    # The office down: the commit says it waits for the office, and nothing was changed.
    with one.db.unit_of_work(write=False) as uow:
        waiting_before = outbox.waiting(uow)
    cluster.stop()
    try:
        with pytest.raises(OfficeRefused) as refused:
            shutoff.commit(one, SUPERVISOR, TUESDAY)
    finally:
        cluster.start()
    said = str(refused.value)
    assert said.startswith("Committing the shut-off list waits for the office: the office at 127.0.0.1:")
    assert "Nothing was changed; do it again once the office answers." in said
    assert orders_at(one) == []
    with one.db.unit_of_work(write=False) as uow:
        assert outbox.waiting(uow) == waiting_before

    # The office back: a payment taken at W02 reaches W01 before its list is made, so the account
    # that paid gets no door tag.
    open_drawer(two, CASHIER, CashCount({"B20": 5}))
    post_receipt(two, CASHIER, Cart((AccountPayment("3000000011", Money(13000), True),)),
                 [Tender(TenderKind.CASH, Money(13000))])  # fmt: skip
    assert sync_once(two).waiting == 0
    done = shutoff.commit(one, SUPERVISOR, TUESDAY)
    assert len(done.door_tags) == 1 and done.fees == Money(3000)
    assert [t for _, t in orders_at(one)] == ["door_tag", "disconnect"]

    # The same day's list at another window of the office: refused, naming where it was committed.
    assert sync_once(one).waiting == 0
    with pytest.raises(OfficeRefused) as twice:
        shutoff.commit(two, SUPERVISOR, TUESDAY)
    assert str(twice.value) == ("The shut-off list for 2026-12-08 was already committed at another window of the "
                                "office: 1 door tag(s) at W01 (by msuper). Nothing was changed.")  # fmt: skip
    assert orders_at(two) == []


def test_a_window_alone_commits_as_it_always_has(city: Path, tmp_path: Path) -> None:
    ctx = a_window(city, tmp_path, "W01")
    try:
        assert len(shutoff.commit(ctx, SUPERVISOR, TUESDAY).door_tags) == 2
        with pytest.raises(OrderRefused):
            shutoff.commit(ctx, SUPERVISOR, dt.date(2026, 12, 11))  # a Friday: refused as before
    finally:
        ctx.close()


def test_the_command_says_the_list_waits_for_the_office(
    windows: tuple[ServiceContext, ServiceContext], cluster: Cluster, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    one, _ = windows
    add_people(one)
    path = str(one.db.path)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    cluster.stop()
    try:
        code = main(["--db", path, "shutoff-list", "--date", TUESDAY.isoformat(), "--commit", "--user", "msuper",
                     "--password-stdin"])  # fmt: skip
    finally:
        cluster.start()
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "Traceback" not in err
    assert (
        err.startswith("cashdesk: Committing the shut-off list waits for the office") and "Nothing was changed" in err
    )
    assert sqlite3.connect(path).execute("SELECT count(*) FROM work_orders").fetchone() == (0,)


def test_two_windows_committing_the_same_day_at_once_one_goes_through(
    windows: tuple[ServiceContext, ServiceContext],
) -> None:  # fmt: skip
    # Both at once, neither having sent its orders: the office's key decides, exactly one commits.
    start = threading.Barrier(2)
    done: dict[str, object] = {}

    def commit(ctx: ServiceContext) -> None:
        start.wait()
        try:
            done[ctx.station] = shutoff.commit(ctx, SUPERVISOR, TUESDAY)
        except OfficeRefused as exc:
            done[ctx.station] = exc

    runs = [threading.Thread(target=commit, args=(ctx,)) for ctx in windows]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=60)
    committed = [s for s, d in done.items() if isinstance(d, shutoff.ShutoffCommitted)]
    refused = [s for s, d in done.items() if isinstance(d, OfficeRefused)]
    assert len(committed) == 1 and len(refused) == 1, done
    said = str(done[refused[0]])
    assert said.startswith(
        f"The shut-off list for {TUESDAY} was already committed at another window of the office: "
        f"{committed[0]} (by msuper, 2026-12-07 10:00)"
    ) and said.endswith("Nothing was changed.")
    by_station = {ctx.station: ctx for ctx in windows}
    assert orders_at(by_station[refused[0]]) == []
    assert len(orders_at(by_station[committed[0]])) == 4

    # Again at the window that has it: its own list, refused there as a window refuses a second one,
    # and the day stays that window's at the office.
    with pytest.raises(OrderRefused):
        shutoff.commit(by_station[committed[0]], SUPERVISOR, TUESDAY)
    url = outbox_url(by_station[committed[0]])
    assert office_rows(url, "SELECT station, released FROM office_shutoff_lists") == [(committed[0], False)]


def test_a_claimed_list_that_was_not_committed_goes_back_to_the_office(
    windows: tuple[ServiceContext, ServiceContext], monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    one, two = windows
    wednesday = TUESDAY + dt.timedelta(days=1)

    def fails(*args: object) -> None:
        raise OrderRefused("the printer of door tags is jammed")

    monkeypatch.setattr(shutoff, "_commit_here", fails)
    with pytest.raises(OrderRefused, match="jammed"):
        shutoff.commit(one, SUPERVISOR, wednesday)
    monkeypatch.undo()
    assert len(shutoff.commit(two, SUPERVISOR, wednesday).door_tags) == 2
    with pytest.raises(OfficeRefused, match=f"^The shut-off list for {wednesday} was already committed at another "
                                            "window of the office: W02 \\(by msuper"):  # fmt: skip
        shutoff.commit(one, SUPERVISOR, wednesday)
