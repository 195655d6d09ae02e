"""Service orders on a real SQLite file: the shut-off list from preview to disconnect, a payment
that cancels the steps in its own transaction, reconnects by the hour, start and stop service."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.service_orders import HoldKind, OrderStatus, OrderType
from cashdesk.services import order_hooks, order_tickets, shutoff
from cashdesk.services import service_orders as so
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext
from cashdesk.services.overrides import approve
from cashdesk.services.printing import reprint_receipt
from cashdesk.services.users import add_user
from cashdesk.services.voids import void_receipt
from tests.integration.orders_city import (  # noqa: F401  (fixtures: path, clock, ctx)
    CASHIER,
    MONDAY,
    SUPERVISOR,
    TUESDAY,
    Clock,
    clock,
    ctx,
    path,
    pay,
    rows,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_preview_lists_accounts_past_due_over_the_threshold_and_leaves_out_holds(ctx: ServiceContext) -> None:
    shutoff.hold_account(ctx, SUPERVISOR, "3000000037", HoldKind.MEDICAL, MONDAY.date(), None, "certificate")
    shown = shutoff.preview(ctx, CASHIER, TUESDAY)
    assert [line.account for line in shown.lines] == ["3000000011"]
    assert shown.lines[0].past_due == Money(9000)  # the recent bill is not past due yet
    assert shown.held == ("3000000037",)
    assert shown.refusal == ""
    assert so.find_orders(ctx, CASHIER) == []  # a preview writes nothing


def test_no_shutoffs_on_a_friday_the_day_before_a_holiday_or_a_temperature_hold(ctx: ServiceContext) -> None:
    assert "Friday" in shutoff.preview(ctx, CASHIER, dt.date(2026, 12, 11)).refusal
    holiday = ctx.settings.with_values(orders__holidays=["2026-12-25"])
    ctx.settings = holiday
    assert "day before a holiday" in shutoff.preview(ctx, CASHIER, dt.date(2026, 12, 24)).refusal
    shutoff.hold_day(ctx, SUPERVISOR, TUESDAY, "below freezing")
    assert "temperature hold" in shutoff.preview(ctx, CASHIER, TUESDAY).refusal
    with pytest.raises(so.OrderRefused, match="temperature hold"):
        shutoff.commit(ctx, SUPERVISOR, TUESDAY)


def test_only_a_supervisor_commits_the_list(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        shutoff.commit(ctx, CASHIER, TUESDAY)


def test_commit_hangs_door_tags_then_the_disconnect_waits_for_the_tag_and_the_notice(
    ctx: ServiceContext, path: Path, clock: Clock
) -> None:
    done = shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    assert done.door_tags == ("WO-2026-00001", "WO-2026-00003") and done.disconnects == (
        "WO-2026-00002",
        "WO-2026-00004",
    )
    assert done.fees == Money(6000)
    assert rows(path, "SELECT a.number, o.amount_cents FROM open_items o JOIN accounts a ON a.id = o.account_id "
                "WHERE revenue_code = 'DOORTAG' ORDER BY a.number") == [
        ("3000000011", 3000), ("3000000037", 3000)]  # fmt: skip
    tag, cut = so.get_order(ctx, CASHIER, "WO-2026-00001"), so.get_order(ctx, CASHIER, "WO-2026-00002")
    assert (tag.type, tag.scheduled, tag.fee) == (OrderType.DOOR_TAG, TUESDAY, Money(3000))
    assert (cut.depends_on, cut.scheduled) == ("WO-2026-00001", None)
    with pytest.raises(so.OrderRefused, match="waits for its door tag"):
        so.dispatch(ctx, CASHIER, cut.number)
    assert shutoff.preview(ctx, CASHIER, TUESDAY).lines == ()  # tagged accounts are not tagged twice
    clock.at = MONDAY + dt.timedelta(days=1)
    so.dispatch(ctx, CASHIER, tag.number, "crew 4")
    so.complete(ctx, CASHIER, tag.number, result="hung on the door")
    assert so.get_order(ctx, CASHIER, cut.number).scheduled == dt.date(2026, 12, 10)  # 48 hours later
    clock.at += dt.timedelta(hours=47)
    with pytest.raises(so.OrderRefused, match="48-hour notice"):
        so.dispatch(ctx, CASHIER, cut.number)
    clock.at += dt.timedelta(hours=2)
    so.dispatch(ctx, CASHIER, cut.number, "crew 4")
    so.complete(ctx, CASHIER, cut.number, result="meter locked", reading="04512")
    assert rows(path, "SELECT status FROM accounts WHERE number = '3000000011'") == [("shut_off",)]
    events = rows(
        path, "SELECT event_type, object FROM audit_events WHERE event_type IN ('work_order', 'shutoff_list')"
    )
    assert ("shutoff_list", "2026-12-08") in events and events.count(
        ("work_order", cut.number)
    ) == 3  # created, dispatched, completed


def test_a_payment_under_the_threshold_cancels_the_tag_and_the_disconnect_and_the_receipt_says_so(
    ctx: ServiceContext, path: Path
) -> None:
    shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    partial = pay(ctx, "3000000011", 5000)  # the tag fee, then $20.00 of $90.00 past due: still over
    assert partial.lines[0].notes == ()
    assert {o.status for o in so.find_orders(ctx, CASHIER, account="3000000011")} == {OrderStatus.PENDING}
    posted = pay(ctx, "3000000011", 3000)  # $40.00 past due left: under the $50.00 minimum
    assert posted.lines[0].notes == ("Shut-off cancelled (paid): WO-2026-00001, WO-2026-00002",)
    assert rows(path, "SELECT number, status, reason, closed_by_receipt FROM work_orders ORDER BY id") == [
        ("WO-2026-00001", "cancelled", "paid", posted.number), ("WO-2026-00002", "cancelled", "paid", posted.number),
        ("WO-2026-00003", "pending", "Past due $90.00", ""),
        ("WO-2026-00004", "pending", "Non-payment", "")]  # fmt: skip
    text = rows(path, "SELECT payload FROM print_jobs WHERE kind = 'receipt' ORDER BY id DESC LIMIT 1")
    assert text  # the receipt's job holds the posting's document


def test_a_payment_on_a_disconnected_account_orders_a_reconnect_with_the_fee_by_the_hour(
    ctx: ServiceContext, path: Path, clock: Clock
) -> None:
    quote = order_hooks.reconnect_quote(ctx, CASHIER, "3000000052")
    assert quote is not None and (quote.fee, quote.after_hours) == (Money(5000), False)
    posted = pay(ctx, "3000000052", 7000)  # the fee first, then the bill
    assert posted.lines[0].notes == ("Reconnect ordered: WO-2026-00001, fee $50.00 (business hours)",)
    assert rows(path, "SELECT revenue_code, amount_cents, paid_cents FROM open_items WHERE revenue_code = 'RECON'") == [
        ("RECON", 5000, 5000)]  # fmt: skip
    assert order_hooks.reconnect_quote(ctx, CASHIER, "3000000052") is None  # ordered once
    pay(ctx, "3000000052", 100)
    assert len(so.find_orders(ctx, CASHIER, type="reconnect")) == 1
    so.dispatch(ctx, CASHIER, "WO-2026-00001")
    so.complete(ctx, CASHIER, "WO-2026-00001", result="on")
    assert rows(path, "SELECT status FROM accounts WHERE number = '3000000052'") == [("active",)]


def test_after_hours_the_reconnect_fee_is_the_after_hours_one(ctx: ServiceContext, path: Path, clock: Clock) -> None:
    clock.at = dt.datetime(2026, 12, 8, 2, 30, tzinfo=dt.UTC)  # 19:30 in Denver
    quote = order_hooks.reconnect_quote(ctx, CASHIER, "3000000052")
    assert quote is not None and (quote.fee, quote.words) == (Money(10000), "after hours")


def test_start_service_charges_the_deposit_and_stop_applies_it_to_the_final_bill(
    ctx: ServiceContext, path: Path
) -> None:
    started = so.create_order(ctx, CASHIER, "3000000045", OrderType.START, scheduled=TUESDAY)
    assert started.fee == Money(9000 * 2)  # two average bills
    assert rows(path, "SELECT amount_cents FROM open_items WHERE revenue_code = 'DEPOSIT'") == [(18000,)]
    ctx.settings = ctx.settings.with_values(orders__deposit_rule="fixed")
    assert so.create_order(ctx, CASHIER, "3000000029", OrderType.START).fee == Money(15000)
    stop = so.create_order(ctx, CASHIER, "3000000060", OrderType.STOP, scheduled=TUESDAY)
    so.dispatch(ctx, CASHIER, stop.order.number)
    with pytest.raises(so.OrderRefused, match="meter reading"):
        so.complete(ctx, CASHIER, stop.order.number)
    so.complete(ctx, CASHIER, stop.order.number, reading="10234", transfer_to="3000000045")
    # $200.00 held: $60.00 pays the final bill, $140.00 moves to the new account as credit.
    assert rows(path, "SELECT number, status, deposit_held_cents, credit_cents FROM accounts WHERE number IN "
                "('3000000060', '3000000045') ORDER BY number") == [
        ("3000000045", "active", 0, 14000), ("3000000060", "final", 0, 6000)]  # fmt: skip


def test_a_bad_change_is_refused_in_words_and_changes_nothing(ctx: ServiceContext, path: Path) -> None:
    made = so.create_order(ctx, CASHIER, "3000000011", OrderType.REREAD)
    with pytest.raises(so.OrderRefused, match="can only be dispatched or cancelled"):
        so.complete(ctx, CASHIER, made.order.number)
    with pytest.raises(so.OrderRefused, match="reason"):
        so.cancel(ctx, CASHIER, made.order.number, "because")
    with pytest.raises(so.OrderRefused, match="shut-off list"):
        so.create_order(ctx, CASHIER, "3000000011", OrderType.DISCONNECT)
    so.cancel(ctx, CASHIER, made.order.number, "customer request")
    assert rows(path, "SELECT status, reason FROM work_orders") == [("cancelled", "customer request")]


@pytest.mark.parametrize("when", ["before-cancel", "after-cancel"])
def test_a_kill_between_the_payment_and_the_cancellation_leaves_neither_half(
    ctx: ServiceContext, path: Path, when: str
) -> None:
    shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    before = rows(path, "SELECT id, paid_cents FROM open_items ORDER BY id")
    env = {**os.environ, "CASHDESK_CLOCK": MONDAY.isoformat()}
    done = subprocess.run([sys.executable, "-m", "tests.support.orders_kill_worker", str(path), when, "3000000011",
                           "12000"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert rows(path, "SELECT count(*) FROM receipts") == [(0,)]
    assert rows(path, "SELECT id, paid_cents FROM open_items ORDER BY id") == before
    assert {status for (status,) in rows(path, "SELECT status FROM work_orders")} == {"pending"}
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    posted = pay(ctx, "3000000011", 12000)  # and the next try does both
    assert posted.lines[0].notes and rows(path, "SELECT count(*) FROM work_orders WHERE status = 'cancelled'") == [(2,)]


def test_the_ticket_as_a_pdf_and_on_the_receipt_printer(ctx: ServiceContext, path: Path, tmp_path: Path) -> None:
    shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    pdf = order_tickets.ticket_file(ctx, CASHIER, "WO-2026-00002", tmp_path)
    assert pdf.name == "work-order-WO-2026-00002.pdf"
    text = PdfReader(pdf).pages[0].extract_text()
    for shown in ("Work order WO-2026-00002", "Disconnect", "3000000011", "ADAMS, AL", "011 Elm St",
                  "WO-2026-00001", "Meter reading"):  # fmt: skip
        assert shown in text
    assert pdf.read_bytes() == order_tickets.ticket_file(ctx, CASHIER, "WO-2026-00002", tmp_path).read_bytes()
    job = order_tickets.ticket_slip(ctx, CASHIER, "WO-2026-00001")
    [(kind, payload)] = rows(path, "SELECT kind, payload FROM print_jobs WHERE id = ?", (job,))
    assert kind == "work_order"
    assert b"WORK ORDER" in payload and b"Door tag" in payload and b"$30.00" in payload  # type: ignore[operator]


def test_a_reprint_says_what_the_payment_did_to_the_orders_and_the_trail_still_verifies(
    ctx: ServiceContext, path: Path
) -> None:
    shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    posted = pay(ctx, "3000000011", 8000)
    assert posted.lines[0].notes == ("Shut-off cancelled (paid): WO-2026-00001, WO-2026-00002",)
    reconnect = pay(ctx, "3000000052", 7000)
    [job] = reprint_receipt(ctx, CASHIER, posted.number)
    [(copy,)] = rows(path, "SELECT payload FROM print_jobs WHERE id = ?", (job,))
    text = "\n".join(read_escpos(bytes(copy)).pages)  # type: ignore[arg-type]
    assert "REPRINT" in text
    assert "Shut-off cancelled (paid):" in text and "WO-2026-00002" in text
    [job] = reprint_receipt(ctx, CASHIER, reconnect.number)
    [(copy,)] = rows(path, "SELECT payload FROM print_jobs WHERE id = ?", (job,))
    text = " ".join(read_escpos(bytes(copy)).pages)  # type: ignore[arg-type]
    assert "Reconnect ordered: WO-2026-00005" in text and "(business hours)" in text
    check = verify_audit(ctx)
    assert check.ok, check.problems


def test_a_door_tag_cancelled_as_an_error_takes_its_fee_off_and_a_paid_one_keeps_it(
    ctx: ServiceContext, path: Path
) -> None:
    shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    fees = "SELECT a.number, o.amount_cents, o.paid_cents FROM open_items o JOIN accounts a ON a.id = o.account_id " \
        "WHERE o.revenue_code = 'DOORTAG' ORDER BY a.number"  # fmt: skip
    owed_before = rows(path, "SELECT sum(amount_cents - paid_cents) FROM open_items")[0][0]
    done = so.cancel(ctx, CASHIER, "WO-2026-00003", "error")  # CRUZ: tagged by mistake
    assert done.words == "WO-2026-00003 cancelled. Its fee of $30.00 is taken off the account."
    assert so.get_order(ctx, CASHIER, "WO-2026-00004").status is OrderStatus.CANCELLED  # its disconnect too
    assert rows(path, fees) == [("3000000011", 3000, 0), ("3000000037", 0, 0)]
    assert rows(path, "SELECT sum(amount_cents - paid_cents) FROM open_items")[0][0] == owed_before - 3000
    assert rows(path, "SELECT kind, amount_cents, reference FROM account_history WHERE description LIKE "
                "'Fee of work order%'") == [("adjustment", -3000, "WO-2026-00003")]  # fmt: skip
    pay(ctx, "3000000011", 1000)  # pays the tag fee first: $10.00 of $30.00
    done = so.cancel(ctx, CASHIER, "WO-2026-00001", "error")
    assert done.fee.taken_off == Money(2000) and done.fee.paid == Money(1000)
    assert "$10.00 of the fee was paid already" in done.words
    assert rows(path, fees)[0] == ("3000000011", 1000, 1000)
    # Cancelled because the customer asked, a door tag keeps its fee: the notice was served.
    again = shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    kept = so.cancel(ctx, CASHIER, again.door_tags[0], "customer request")
    assert kept.words == f"{again.door_tags[0]} cancelled." and kept.fee.taken_off == Money(0)


def test_a_deposit_paid_is_held_a_void_takes_it_back_and_a_start_cancelled_drops_the_unpaid_deposit(
    ctx: ServiceContext, path: Path
) -> None:
    admin = Operator("admin", Role.ADMINISTRATOR)
    add_user(ctx, admin, "msuper", Role.SUPERVISOR, "a-long-password-1", must_change_password=False)
    ctx.settings = ctx.settings.with_values(orders__deposit_rule="fixed")  # $150.00
    held = "SELECT deposit_held_cents FROM accounts WHERE number = ?"
    so.create_order(ctx, CASHIER, "3000000029", OrderType.START)
    assert rows(path, held, ("3000000029",)) == [(0,)]  # charged, not yet paid
    deposit_first = ctx.settings.with_values(allocation__priorities={"DEPOSIT": 1})
    ctx.settings = deposit_first
    posted = pay(ctx, "3000000029", 10000)
    assert rows(path, held, ("3000000029",)) == [(10000,)]
    pay(ctx, "3000000029", 8000)  # $50.00 more of the deposit, then the water bill
    assert rows(path, held, ("3000000029",)) == [(15000,)]
    void_receipt(ctx, CASHIER, posted.number, "wrong account", approval_id=approve(
        ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
        password="a-long-password-1", object=posted.number).id)  # fmt: skip
    assert rows(path, held, ("3000000029",)) == [(5000,)]
    started = so.create_order(ctx, CASHIER, "3000000045", OrderType.START)
    done = so.cancel(ctx, CASHIER, started.order.number, "customer request")  # the move-in fell through
    assert done.fee.taken_off == Money(15000)
    assert rows(path, "SELECT amount_cents, paid_cents FROM open_items o JOIN accounts a ON a.id = o.account_id "
                "WHERE a.number = '3000000045' AND o.revenue_code = 'DEPOSIT'") == [(0, 0)]  # fmt: skip
    check = verify_audit(ctx)
    assert check.ok, check.problems
