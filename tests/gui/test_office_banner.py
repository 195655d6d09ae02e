"""A window in an office (issue 15, docs/office.md): its payments reach the office by themselves,
another window's payments reach it, and while the office server is down an amber banner says
so and the cashier goes on taking payments; when the server is back the banner goes and what
waited is sent."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from gui_support import NOW, Keyboard, open_drawers, operator, show_window, sign_in, wait_for
from PySide6.QtCore import Qt
from test_counter import STUB, find_and_open, post, rows, scan

from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.office import init_office, join_office, sync_once
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.store.db import Database
from tests.support.pg_cluster import Cluster

Key = Qt.Key
ADMIN = command_line_operator()


def at_office(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def other_window(city_db: Path, tmp_path: Path) -> Iterator[ServiceContext]:
    """Window W02: a copy of the same city, as a second workstation of the office would start."""
    path = tmp_path / "w02.sqlite3"
    with sqlite3.connect(city_db) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    context = ServiceContext(Database.open(path, quick_check=False), Settings({"station.id": "W02"}),
                             clock=lambda: NOW)  # fmt: skip
    yield context
    context.close()


def test_the_window_sends_receives_and_says_when_the_office_is_down(
    qtbot: Any, ctx: ServiceContext, other_window: ServiceContext, city_db: Path, cluster: Cluster,
    office_url: str, keyboard: Keyboard, critical_boxes: list[str],
) -> None:  # fmt: skip
    from cashdesk.ui.main_window import MainWindow

    init_office(ADMIN, office_url)
    join_office(ctx, ADMIN, office_url, ctx.station)  # the first window brings the city's accounts
    join_office(other_window, ADMIN, office_url, "W02")
    open_drawers(ctx, "cashier1")
    window = MainWindow(ctx, office_ms=(200, 300))
    qtbot.addWidget(window)
    show_window(qtbot, window)
    sign_in(keyboard, window, "cashier1")
    try:
        # A payment at this window reaches the office without anyone running `sync`.
        scan(keyboard, STUB)
        keyboard.press(Key.Key_F5)
        number = post(keyboard, window)
        wait_for(lambda: at_office(office_url, "SELECT number FROM receipts") == [(number,)],
                 "the receipt at the office")  # fmt: skip
        assert not window.office_banner.isVisible()

        # The other window takes it in at its next sync: Maria owes nothing there either.
        sync_once(other_window)
        with other_window.db.unit_of_work(write=False) as uow:
            owed = uow.rows.one("SELECT sum(amount_cents - paid_cents) FROM open_items o JOIN accounts a "
                                "ON a.id = o.account_id WHERE a.number = '1001'")  # fmt: skip
        assert owed == (0,)

        # A payment taken at W02 shows here within a few of this window's rounds.
        open_drawers(other_window, "cashier2")
        post_receipt(other_window, operator("cashier2"), Cart((AccountPayment("2001", Money(10000)),)),
                     [Tender(TenderKind.CASH, Money(10000))])  # fmt: skip
        sync_once(other_window)
        paid_here = "SELECT sum(paid_cents) FROM open_items o JOIN accounts a ON a.id = o.account_id WHERE a.number = ?"
        wait_for(lambda: rows(city_db, paid_here, "2001") == [(10000,)], "W02's payment at this window", 10_000)

        # The office goes away: the banner says so, with the time the balances are from.
        cluster.stop()
        wait_for(window.office_banner.isVisible, "the office banner", 15_000)
        assert (
            window.office_banner.headline.text() == "The office is unreachable — balances as of 13:00"
        )  # NOW, in Denver
        assert "Payments go on here" in window.office_banner.detail.text()

        # Payments go on, as fast as ever: the receipt is posted and waits in the outbox.
        find_and_open(keyboard, window, "Brown Hardware")
        keyboard.type("25")
        keyboard.press(Key.Key_Return)
        keyboard.press(Key.Key_F5)
        second = post(keyboard, window)
        assert rows(city_db, "SELECT count(*) FROM receipts WHERE status = 'posted'") == [(2,)]
        wait_for(lambda: "changes waiting" in window.office_banner.detail.text(), "the waiting count")
    finally:
        cluster.start()
    # Back: the banner goes by itself and what waited reaches the office.
    wait_for(lambda: not window.office_banner.isVisible(), "the banner to go", 15_000)
    wait_for(lambda: sorted(at_office(office_url, "SELECT number FROM receipts WHERE window_station = 'W01'"))
             == sorted([(number,), (second,)]), "the waiting receipt at the office", 15_000)  # fmt: skip
    window.close()
