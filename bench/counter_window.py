"""From F12 to the next transaction ready in the window: p95 over a run of counter payments.

    .venv/bin/python bench/counter_window.py [--db bench/out/city-500000-seed1.sqlite3] [--payments 100]
                                             [--printer emulator|none]

Works on a copy of the city (posting changes it). The window runs offscreen with a cashier
signed in and a drawer open; each payment is keyed as at the counter: the stub's scan line
and Enter (the account opens with the stub's amount), Enter (on the receipt), F5 Enter
(exact cash), then F12. The figure is the time from pressing F12 until the counter is
ready for the next customer: the receipt posted, the cart empty, the change shown, the
search box holding the keyboard. The printer is the TCP ESC/POS emulator from the tests
(receipts really print, in the background worker, during the run) unless `--printer none`.

The baseline, measured in the same run on the same copy: `post_receipt()` called directly
for as many payments, which is the part of F12 the window cannot avoid.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
TARGET_MS = 100.0
USER = "benchcounter"
PASSWORD = "bench-counter-password-1"
FLOAT_CENTS = 20_000  # the drawer's opening float, ten $20 bills
MAX_OWED = 150_000  # an account paid in cash whole: at most $1,500, under the $2,000 drawer limit with the float


def say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def copy_city(source: Path, work: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(work)
    src.backup(dst)
    src.close()
    dst.close()


def pick_accounts(path: Path, n: int, seed: int) -> list[tuple[str, str, int]]:
    """(number, kind, owed cents) of active, not cash-only accounts with a 10-digit number that owe something,
    at most MAX_OWED (paid whole in cash, it must fit in a drawer under its limit)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT a.number, a.kind, SUM(o.amount_cents - o.paid_cents) FROM accounts a "
        "JOIN open_items o ON o.account_id = a.id WHERE a.status = 'active' AND a.cash_only = 0 "
        "AND length(a.number) = 10 AND o.amount_cents > o.paid_cents GROUP BY a.id LIMIT ?",
        (n * 3,),
    ).fetchall()
    con.close()
    rng = random.Random(seed)
    rng.shuffle(rows)
    return [(number, kind, owed) for number, kind, owed in rows if 0 < owed <= MAX_OWED][:n]


class Drawer:
    """The cashier's drawer during a run: cash paid in, and a cash drop before the drawer limit."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        from cashdesk.domain.security import Role
        from cashdesk.services.context import Operator

        self.ctx, self.cashier = ctx, Operator(USER, Role.CASHIER)
        self.block = ctx.settings.cash.block_limit_cents
        self.cash = FLOAT_CENTS
        self.drops = 0

    def take(self, cents: int) -> None:
        """About to take `cents` in cash: first, as a cashier does before the limit refuses the cash
        (Ctrl+Shift+C), all but the float to the safe. Between customers, untimed."""
        from cashdesk.domain.money import Money
        from cashdesk.services.shift import cash_drop
        from cashdesk.services.simulate import greedy_count

        if self.block and self.cash + cents > self.block:
            cash_drop(self.ctx, self.cashier, greedy_count(Money(self.cash - FLOAT_CENTS)))
            self.cash, self.drops = FLOAT_CENTS, self.drops + 1
        self.cash += cents


class Keyboard:
    """A cashier's keys on the window, and waiting for it as a person would (events processed)."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app

    def wait(self, condition, what: str, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + seconds
        while not condition():
            if time.perf_counter() > deadline:
                sys.exit(f"the window did not get there: {what}")
            self.app.processEvents()

    def focus(self):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def key(self, k) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtTest import QTest

        QTest.keyClick(self.focus(), k)

    def type_text(self, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(self.focus(), text)


def signed_in_window(work: Path, printer_spec: str):  # type: ignore[no-untyped-def]
    """(service context, main window, keyboard): the window offscreen, the cashier signed in at an open drawer."""
    from PySide6.QtCore import Qt, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from cashdesk.config import Settings
    from cashdesk.domain.cash import CashCount
    from cashdesk.domain.security import Role
    from cashdesk.services.context import Operator, ServiceContext, command_line_operator
    from cashdesk.services.drawers import open_drawer
    from cashdesk.services.users import add_user
    from cashdesk.ui.main_window import MainWindow

    def quiet(_kind, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "propagateSizeHints" not in message:  # the offscreen platform's, on every relayout
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    keys = Keyboard(QApplication.instance() or QApplication([]))
    ctx = ServiceContext.open(
        work, settings=Settings({"printer.spec": printer_spec, "station.tills": 8}), quick_check=False
    )
    add_user(ctx, command_line_operator(), USER, Role.CASHIER, PASSWORD, must_change_password=False)
    open_drawer(ctx, Operator(USER, Role.CASHIER), CashCount({"B20": FLOAT_CENTS // 2000}))
    window = MainWindow(ctx)
    window.show()
    window.activateWindow()
    keys.wait(lambda: QApplication.focusWidget() is window.sign_in_screen.form.user_field, "sign-in screen")
    keys.type_text(USER)
    keys.key(Qt.Key.Key_Return)
    keys.type_text(PASSWORD)
    keys.key(Qt.Key.Key_Return)
    keys.wait(lambda: window.ready_for_next, "signed in, counter ready")
    return ctx, window, keys


def measure_window(work: Path, accounts: list[tuple[str, str, int]], printer_spec: str) -> tuple[list[float], int, int]:
    """Milliseconds from F12 to ready for each payment keyed, the print rounds, and the cash drops made."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from cashdesk.domain.accounts import AccountKind
    from cashdesk.domain.money import Money
    from cashdesk.domain.scanline import build

    ctx, window, keys = signed_in_window(work, printer_spec)
    times: list[float] = []
    kinds = {"utility": AccountKind.UTILITY, "sales_tax": AccountKind.SALES_TAX}
    due = dt.date.today() + dt.timedelta(days=10)
    drawer = Drawer(ctx)
    for number, kind, owed in accounts:
        drawer.take(owed)
        keys.type_text(build(kinds[kind], number, due, Money(owed)))
        keys.key(Qt.Key.Key_Return)  # the stub: the account opens with its amount due
        if QApplication.focusWidget() is not window.counter.pay_strip.amount_field:
            sys.exit(f"the stub for {number} did not open the account: {window.inquiry.message_label.text()}")
        keys.key(Qt.Key.Key_Return)  # on the receipt
        keys.key(Qt.Key.Key_F5)
        keys.key(Qt.Key.Key_Return)  # exact cash
        started = time.perf_counter()
        keys.key(Qt.Key.Key_F12)
        keys.wait(lambda: window.ready_for_next, f"ready after posting {number}")
        times.append((time.perf_counter() - started) * 1000)
        if window.counter.last_receipt is None or not window.counter.change_box.isVisible():
            sys.exit(f"the payment for {number} was not posted: {window.counter.message_label.text()}")
        keys.app.processEvents()  # what a person's next key press would let through
    keys.wait(lambda: not window.print_queue.busy, "the last print round", 30)
    rounds = window.print_queue.rounds
    window.close()
    window.deleteLater()
    ctx.close()
    return times, rounds, drawer.drops


def _drawer_cash(work: Path, cashier: str) -> int:
    con = sqlite3.connect(work)
    try:
        (cash,) = con.execute(
            "SELECT cash_cents FROM drawers WHERE cashier = ? AND status = 'open'", (cashier,)
        ).fetchone()
        return int(cash)
    finally:
        con.close()


def measure_service(work: Path, accounts: list[tuple[str, str, int]]) -> list[float]:
    from cashdesk.config import Settings
    from cashdesk.domain.money import Money
    from cashdesk.domain.security import Role
    from cashdesk.domain.tenders import Tender, TenderKind
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.payments import AccountPayment, Cart, post_receipt

    ctx = ServiceContext.open(work, settings=Settings({"station.tills": 8}), quick_check=False)
    cashier = Operator(USER, Role.CASHIER)  # the drawer opened for the window run is still open
    times = []
    drawer = Drawer(ctx)
    drawer.cash = _drawer_cash(work, USER)
    for number, _kind, owed in accounts:
        drawer.take(owed)
        cart = Cart((AccountPayment(number, Money(owed)),))
        started = time.perf_counter()
        post_receipt(ctx, cashier, cart, [Tender(TenderKind.CASH, Money(owed))])
        times.append((time.perf_counter() - started) * 1000)
    ctx.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=OUT / "city-500000-seed1.sqlite3")
    parser.add_argument("--payments", type=int, default=100)
    parser.add_argument("--warm-up", type=int, default=5, help="payments keyed first and not counted")
    parser.add_argument("--printer", choices=("emulator", "none"), default="emulator")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    if not args.db.exists():
        sys.exit(f"no city at {args.db}: run bench/run.py first (or give --db)")
    work = OUT / "counter-window-copy.sqlite3"
    say(f"copying {args.db.name}")
    copy_city(args.db, work)
    total = args.warm_up + args.payments
    accounts = pick_accounts(work, total * 2, args.seed)
    if len(accounts) < total * 2:
        sys.exit(f"the city has only {len(accounts)} accounts to pay; fewer --payments")
    mine, theirs = accounts[:total], accounts[total:]
    emulator = None
    try:
        if args.printer == "emulator":
            from tests.support.printer_emulator import PrinterEmulator

            emulator = PrinterEmulator().start()
            spec = emulator.spec
        else:
            spec = "none"
        say(f"{total} payments keyed in the window (printer: {spec})")
        window, rounds, drops = measure_window(work, mine, spec)
        window = window[args.warm_up :]
        printed = len(emulator.receipts_text()) if emulator is not None else None
        say(f"{len(theirs)} payments through post_receipt() (baseline)")
        service = measure_service(work, theirs)[args.warm_up :]
    finally:
        if emulator is not None:
            emulator.stop()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    p95 = p(window, 95)
    ok = p95 <= TARGET_MS
    print(
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print(
        f"- city: {args.db.name}; printer: {args.printer}"
        + (f" ({printed} receipts printed in {rounds} background rounds)" if printed is not None else "")
        + f"; {drops} cash drops in the window run (untimed, between customers)"
    )
    print("| figure | target | measured | raw baseline | ratio | result |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| F12 to the next transaction ready, {len(window)} payments | p95 ≤ {TARGET_MS:g} ms | "
        f"p50 {p(window, 50):.1f} ms, p95 {p95:.1f} ms, max {max(window):.1f} ms | "
        f"p50 {p(service, 50):.1f} ms, p95 {p(service, 95):.1f} ms (post_receipt() alone) | "
        f"{p95 / p(service, 95):.2f} | {'pass' if ok else '**FAIL**'} |"
    )
    # For bench/all.py, which runs this script as a process of its own (a window and a printer).
    print("counter-window-result " + json.dumps({
        "payments": len(window), "p50": p(window, 50), "p95": p95, "max": max(window), "service_p50": p(service, 50),
        "service_p95": p(service, 95), "printed": printed, "rounds": rounds, "drops": drops,
    }))  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
