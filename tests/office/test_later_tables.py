"""The tables added after the office's first schema (service orders, arrangements, delinquency,
answers, supplies, saved reports) reach the office by their declaration in UPLINK alone, and the
office's schema holds every column the declarations ask for (issue 15; docs/office.md)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.service_orders import OrderType
from cashdesk.domain.supplies import MovementKind
from cashdesk.services import arrangements, auth, service_orders, supplies
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.office import init_office, join_office, sync_once
from cashdesk.store.synced import office_metadata
from tests.integration import orders_city
from tests.integration.test_deposit_export import CASHIER, add_people

ADMIN = command_line_operator()
ADAMS = "3000000011"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def office_rows(url: str, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


def test_the_office_schema_has_every_declared_column(office_url: str) -> None:
    init_office(ADMIN, office_url)
    have: dict[str, set[str]] = {}
    for table, column in office_rows(office_url, "SELECT table_name, column_name FROM information_schema.columns "
                                                 "WHERE table_schema = 'public'"):  # fmt: skip
        have.setdefault(table, set()).add(column)
    for table in office_metadata().tables.values():
        assert {c.name for c in table.columns} <= have.get(table.name, set()), table.name


def orders_window(db_path: Path, station: str) -> ServiceContext:
    orders_city.build(db_path)
    ctx = ServiceContext.open(db_path, settings=Settings({"station.id": station, "printer.spec": "none"}))
    add_people(ctx)
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    return ctx


def test_a_work_order_an_arrangement_and_a_supply_movement_reach_the_office(db_path: Path, office_url: str) -> None:
    init_office(ADMIN, office_url)
    ctx = orders_window(db_path, "W21")
    try:
        join_office(ctx, ADMIN, office_url)
        made = arrangements.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
        order = service_orders.create_order(ctx, CASHIER, "3000000045", OrderType.START).order
        supplies.add_item(ctx, CASHIER, "PAPER80", "Receipt paper roll 80 mm", minimum=4, maximum=20)
        supplies.move(ctx, CASHIER, "PAPER80", MovementKind.RECEIVED, 12)
        assert sync_once(ctx).waiting == 0

        assert office_rows(office_url, "SELECT window_station, id, state FROM arrangements") == [
            ("W21", made.id, made.state.value)]  # fmt: skip
        assert len(office_rows(office_url, "SELECT 1 FROM arrangement_installments WHERE window_station = 'W21'")) == 4
        assert office_rows(office_url, "SELECT window_station, number FROM work_orders") == [("W21", order.number)]
        assert office_rows(office_url, "SELECT m.kind, m.quantity, i.code FROM supply_movements m JOIN supply_items i "
                                       "ON i.window_station = m.window_station AND i.id = m.item_id") == [
            ("received", 12, "PAPER80")]  # fmt: skip

        # A change to a shared row goes again: the order dispatched is dispatched at the office.
        service_orders.dispatch(ctx, CASHIER, order.number, "crew 2")
        sync_once(ctx)
        assert office_rows(office_url, "SELECT status, crew FROM work_orders") == [("dispatched", "crew 2")]
    finally:
        ctx.close()


def test_a_window_that_joined_before_a_table_was_declared_sends_its_rows(db_path: Path, office_url: str) -> None:
    init_office(ADMIN, office_url)
    ctx = orders_window(db_path, "W22")
    try:
        join_office(ctx, ADMIN, office_url)
        sync_once(ctx)
        # As an older cashdesk left it: no triggers on a table declared since, and rows in it.
        with ctx.db.unit_of_work() as uow:
            for event in ("insert", "update"):
                uow.rows.run(f"DROP TRIGGER office_outbox_work_orders_{event}")
            uow.commit()
        order = service_orders.create_order(ctx, CASHIER, "3000000045", OrderType.START).order
        assert sync_once(ctx).waiting == 0  # the sender puts the triggers and the table's rows in place
        assert office_rows(office_url, "SELECT number FROM work_orders") == [(order.number,)]
        service_orders.dispatch(ctx, CASHIER, order.number, "crew 1")
        sync_once(ctx)
        assert office_rows(office_url, "SELECT status FROM work_orders") == [("dispatched",)]
    finally:
        ctx.close()
