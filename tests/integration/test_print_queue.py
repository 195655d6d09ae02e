"""No printer fault loses, blocks or doubles a payment: the queue against a real TCP printer."""

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.printing import (
    deliver_queued,
    dismiss_uncertain,
    queue_state,
    retry_uncertain,
    station_printer,
)
from tests.support.print_station import CASHIER, NOW, ctx  # noqa: F401  (the fixture)
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401


def pay(ctx: ServiceContext, cents: int = 500) -> str:
    cart = Cart((AccountPayment("1000000017", Money(cents)),))
    return post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(cents))]).number


def run_worker(ctx: ServiceContext):  # type: ignore[no-untyped-def]
    printer = station_printer(ctx)
    try:
        started = time.monotonic()
        result = deliver_queued(ctx, printer)
        return result, time.monotonic() - started
    finally:
        printer.close()


@pytest.mark.parametrize("mode", ["offline", "hang", "paper_out", "cover_open", "close_mid_receipt"])
def test_a_fault_leaves_the_jobs_queued_then_each_prints_once(
    ctx: ServiceContext,
    printer_emulator: PrinterEmulator,
    mode: str,  # noqa: F811
) -> None:
    printer_emulator.set_mode(mode)
    first, second = pay(ctx), pay(ctx)
    result, took = run_worker(ctx)
    assert took < 8, "the worker must give up quickly"
    assert result.problem and result.waiting >= 3  # two receipts and their kicks, at most one went out
    assert queue_state(ctx).receipts_waiting >= 1
    printer_emulator.set_mode("normal")
    printer_emulator.clear()
    result, _ = run_worker(ctx)
    assert result.problem == "" and result.waiting == 0
    printed = printer_emulator.receipts_text()
    if mode == "close_mid_receipt":
        # The cut-off job is sent again whole: at least once, never lost.
        assert sum(first in r for r in printed) >= 1 and sum(second in r for r in printed) == 1
    else:
        assert [sum(n in r for r in printed) for n in (first, second)] == [1, 1]


def test_a_receipt_whose_answer_was_lost_is_not_printed_again_until_the_cashier_says(
    ctx: ServiceContext,
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    """The printer took the whole receipt and its answer never came back: it is on paper, so
    the worker does not send it again by itself; it waits for Retry or Dismiss."""
    number = pay(ctx)
    printer_emulator.set_mode("answer_lost")
    result, took = run_worker(ctx)
    assert took < 8
    assert "did not confirm" in result.problem
    assert sum(number in r for r in printer_emulator.receipts_text()) == 1
    state = queue_state(ctx)
    assert (state.receipts_uncertain, state.waiting) == (1, 1)  # the receipt uncertain, its kick waiting
    printer_emulator.set_mode("normal")
    run_worker(ctx)
    run_worker(ctx)
    assert sum(number in r for r in printer_emulator.receipts_text()) == 1  # not a second copy
    assert printer_emulator.drawer_kicks() == 1
    assert dismiss_uncertain(ctx, CASHIER) == 1  # the cashier found it in the printer
    assert queue_state(ctx) == type(state)(0, 0, 0, 0)
    assert job_rows(small_city) == [("receipt", "printed"), ("drawer_kick", "printed")]


def test_a_process_killed_between_commit_and_print_prints_once_after_restart(
    small_city: Path,
    printer_emulator: PrinterEmulator,
    tmp_path: Path,  # noqa: F811
) -> None:
    script = tmp_path / "post_and_die.py"
    script.write_text(
        textwrap.dedent(f"""
        import datetime as dt, os, signal
        from cashdesk.config import Settings
        from cashdesk.domain.cash import CashCount
        from cashdesk.domain.money import Money
        from cashdesk.domain.security import Role
        from cashdesk.domain.tenders import Tender, TenderKind
        from cashdesk.services.context import Operator, ServiceContext
        from cashdesk.services.drawers import open_drawer
        from cashdesk.services.payments import AccountPayment, Cart, post_receipt
        ctx = ServiceContext.open({str(small_city)!r}, settings=Settings({{"printer.spec": {printer_emulator.spec!r}}}))
        cashier = Operator("jcashier", Role.CASHIER)
        open_drawer(ctx, cashier, CashCount({{"B20": 5}}))
        posted = post_receipt(ctx, cashier, Cart((AccountPayment("1000000017", Money(500)),)),
                              [Tender(TenderKind.CASH, Money(500))])
        print(posted.number, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # the power goes out before the printer is reached
    """)
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    number = done.stdout.strip()
    assert printer_emulator.received() == b""
    ctx = ServiceContext.open(small_city, settings=Settings({"printer.spec": printer_emulator.spec}))
    try:
        assert queue_state(ctx).receipts_waiting == 1
        run_worker(ctx)
        run_worker(ctx)  # a second round finds nothing to do
    finally:
        ctx.close()
    printed = printer_emulator.receipts_text()
    assert sum(number in r for r in printed) == 1
    assert printer_emulator.drawer_kicks() == 1


# -- a job cut off by a crash while it was being sent: delivered once, a person decides ---------------


def post_then_die_while_printing(small_city: Path, spec: str, tmp_path: Path, *, when: str) -> str:
    """A station posts a payment, starts printing its receipt and loses power: `before` the first
    byte reaches the printer, or `after` the printer took the whole receipt but before the
    database heard of it. Returns the receipt number."""
    script = tmp_path / "print_and_die.py"
    script.write_text(
        textwrap.dedent(f"""
        import os, signal
        from cashdesk.config import Settings
        from cashdesk.domain.cash import CashCount
        from cashdesk.domain.money import Money
        from cashdesk.domain.security import Role
        from cashdesk.domain.tenders import Tender, TenderKind
        from cashdesk.services.context import Operator, ServiceContext
        from cashdesk.services.drawers import open_drawer
        from cashdesk.services.payments import AccountPayment, Cart, post_receipt
        from cashdesk.services.printing import deliver_queued, station_printer
        ctx = ServiceContext.open({str(small_city)!r}, settings=Settings({{"printer.spec": {spec!r}}}))
        cashier = Operator("jcashier", Role.CASHIER)
        open_drawer(ctx, cashier, CashCount({{"B20": 5}}))
        posted = post_receipt(ctx, cashier, Cart((AccountPayment("1000000017", Money(500)),)),
                              [Tender(TenderKind.CASH, Money(500))])
        print(posted.number, flush=True)
        printer = station_printer(ctx)
        send = printer.send
        def send_and_die(data):
            if {when!r} == "after":
                send(data)  # the printer has the whole receipt (it answered the query after it)
            os.kill(os.getpid(), signal.SIGKILL)
        printer.send = send_and_die
        deliver_queued(ctx, printer)
    """)
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    return done.stdout.strip()


def job_rows(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT kind, status FROM print_jobs ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_receipt_cut_off_after_the_printer_took_it_is_not_printed_again_and_dismiss_closes_it(
    small_city: Path,
    printer_emulator: PrinterEmulator,
    tmp_path: Path,  # noqa: F811
) -> None:
    number = post_then_die_while_printing(small_city, printer_emulator.spec, tmp_path, when="after")
    assert sum(number in r for r in printer_emulator.receipts_text()) == 1  # on paper
    assert job_rows(small_city) == [("receipt", "printing"), ("drawer_kick", "queued")]
    ctx = ServiceContext.open(small_city, settings=Settings({"printer.spec": printer_emulator.spec}))
    # The real clock, as the station that died used: its drawer kick is seconds old, not stale.
    try:
        state = queue_state(ctx)
        assert (state.uncertain, state.receipts_uncertain, state.waiting) == (1, 1, 1)
        run_worker(ctx)
        run_worker(ctx)  # the worker never sends the uncertain receipt by itself
        assert sum(number in r for r in printer_emulator.receipts_text()) == 1
        assert printer_emulator.drawer_kicks() == 1  # the kick was still queued: it goes out
        assert queue_state(ctx).receipts_uncertain == 1  # still waiting for a person
        assert dismiss_uncertain(ctx, CASHIER) == 1  # the cashier found it in the printer
        assert queue_state(ctx) == type(state)(0, 0, 0, 0)
        run_worker(ctx)
    finally:
        ctx.close()
    assert sum(number in r for r in printer_emulator.receipts_text()) == 1
    assert job_rows(small_city) == [("receipt", "printed"), ("drawer_kick", "printed")]
    con = sqlite3.connect(small_city)
    try:
        assert con.execute("SELECT user, object FROM audit_events WHERE event_type = 'print_dismiss'").fetchall() == [
            ("jcashier", "station W01")]  # fmt: skip
        assert con.execute("SELECT status, total_cents FROM receipts").fetchall() == [("posted", 500)]
    finally:
        con.close()


def test_a_receipt_cut_off_before_it_reached_the_printer_prints_once_on_retry(
    small_city: Path,
    printer_emulator: PrinterEmulator,
    tmp_path: Path,  # noqa: F811
) -> None:
    number = post_then_die_while_printing(small_city, printer_emulator.spec, tmp_path, when="before")
    assert printer_emulator.receipts_text() == []
    con = sqlite3.connect(small_city)
    payload = con.execute("SELECT payload FROM print_jobs WHERE kind = 'receipt'").fetchone()[0]
    con.close()
    ctx = ServiceContext.open(small_city, settings=Settings({"printer.spec": printer_emulator.spec}))
    # The real clock, as the station that died used: its drawer kick is seconds old, not stale.
    try:
        run_worker(ctx)
        assert printer_emulator.receipts_text() == []  # not by itself
        assert retry_uncertain(ctx, CASHIER) == 1  # the cashier looked: nothing there
        assert retry_uncertain(ctx, CASHIER) == 0  # a second press has nothing left to do
        run_worker(ctx)
        run_worker(ctx)
    finally:
        ctx.close()
    printed = printer_emulator.receipts_text()
    assert sum(number in r for r in printed) == 1
    assert not any("REPRINT" in r for r in printed)  # the same receipt, the same bytes
    assert payload in printer_emulator.received()
    assert job_rows(small_city) == [("receipt", "printed"), ("drawer_kick", "printed")]


def test_a_drawer_kick_cut_off_by_a_crash_is_never_sent_again(
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    ctx = ServiceContext.open(small_city, settings=Settings({"printer.spec": printer_emulator.spec}))
    ctx.clock = lambda: NOW
    try:
        open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
        pay(ctx)
        con = sqlite3.connect(small_city)
        con.execute("UPDATE print_jobs SET status = 'printing' WHERE kind = 'drawer_kick'")  # as a crash leaves it
        con.commit()
        con.close()
        assert queue_state(ctx).uncertain == 0  # nothing for the cashier to decide: the key opens the drawer
        run_worker(ctx)
        assert retry_uncertain(ctx, CASHIER) == 0
        run_worker(ctx)
    finally:
        ctx.close()
    assert printer_emulator.drawer_kicks() == 0
    assert job_rows(small_city) == [("receipt", "printed"), ("drawer_kick", "failed")]


def test_a_drawer_kick_that_waited_too_long_behind_the_printer_is_not_sent(
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    from cashdesk.services.audit import AuditFilter, list_events

    moment = [NOW]
    ctx = ServiceContext.open(small_city, settings=Settings({"printer.spec": printer_emulator.spec}))
    ctx.clock = lambda: moment[0]
    try:
        open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
        printer_emulator.set_mode("offline")
        pay(ctx)  # the receipt and its kick wait behind the printer
        run_worker(ctx)
        moment[0] = NOW + dt.timedelta(seconds=61)  # the customer left; the cashier used the key
        printer_emulator.set_mode("normal")
        pay(ctx)  # the next customer's kick is fresh
        run_worker(ctx)
        events = list_events(ctx, Operator("msuper", Role.SUPERVISOR), AuditFilter(event_type="drawer_kick_expired"))
    finally:
        ctx.close()
    assert printer_emulator.drawer_kicks() == 1  # only the fresh one
    assert len(printer_emulator.receipts_text()) == 2  # both receipts print
    assert job_rows(small_city) == [("receipt", "printed"), ("drawer_kick", "failed"),
                                    ("receipt", "printed"), ("drawer_kick", "printed")]  # fmt: skip
    assert [e.object for e in events] == ["W01-2026-000001"]
