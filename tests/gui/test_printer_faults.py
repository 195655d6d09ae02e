"""The fault matrix: every way a receipt printer fails, with the real window at the keyboard.

For each fault — switched off (the connection goes unanswered), refusing connections, taking
the connection and never answering, closing the connection part-way through a receipt, out of
paper, cover open — the cashier scans stubs and takes cash while the printer is down, and:

1. each payment is in the database as soon as F12 returns (receipt, lines, tenders, audit);
2. the window never stalls: a 5 ms timer in the GUI thread records the longest gap between its
   ticks from before the first key of the first payment in the fault until the banner shows and
   the worker has tried twice more, and it stays under 100 ms; keys arrive one at a time with the
   event loop running between them, and time the kernel kept the thread waiting for a CPU (a
   busy test machine) is left out (`test_the_stall_watch_catches_*` prove the watch can fail);
3. the banner says what waits and why; when the printer is back, the worker's own timer prints
   every receipt exactly once (read back from the printer's ESC/POS bytes), and each drawer kick once.

A receipt cut off mid-send by a crash (the job left "printing") waits for the cashier: Retry
prints it once more, Dismiss prints nothing, and the payment stays either way.
"""

from __future__ import annotations

import datetime as dt
import gc
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, open_drawers, operator, show_window, sign_in
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from cashdesk.domain.accounts import AccountKind
from cashdesk.domain.money import Money
from cashdesk.domain.scanline import build
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

#: Maria Alvarez's March stub ($91.80 due); each customer here pays part of it in cash.
STUB = build(AccountKind.UTILITY, "0000001001", dt.date(2026, 3, 25), Money(9180))
#: What each payment in a fault pays: three customers, three receipts waiting.
AMOUNTS = ("20.00", "15.50", "7.25")
#: The longest the GUI thread may be busy with one thing.
STALL_LIMIT = 0.100
#: How soon the window's print worker tries again while jobs wait (the window's default is 5 s).
RETRY_MS = 250


# -- measuring the event loop ----------------------------------------------------------------------


def _waiting_for_a_cpu() -> Callable[[], float]:
    """Seconds this thread has spent runnable but waiting for a CPU (Linux schedstat), or 0.0 always.

    On a busy machine (other test runs, a build) the kernel lets the GUI thread wait its turn for
    a CPU; that is the machine's load, not the window holding itself up, so the watch leaves it out.
    A sleep, a lock, a socket, the GIL held by another thread: all of that still counts."""
    path = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")
    try:
        path.read_text()
    except OSError:
        return lambda: 0.0
    return lambda: int(path.read_text().split()[1]) / 1e9


class StallWatch(QObject):
    """A 5 ms timer in the GUI thread; the longest gap between two ticks is the longest stall.

    Qt runs a timer only from the event loop, so anything that holds the GUI thread (a slow
    slot, a query, a wait on a lock, a socket) shows as a gap. `stop` counts the time since
    the last tick too, so a watch whose timer never ran reports the whole span as one stall.
    `worst` leaves out the time the kernel kept the thread waiting for a CPU (see
    `_waiting_for_a_cpu`); `worst_raw` is the plain clock gap.

    The objects alive when the watch starts are collected and frozen out of Python's garbage
    collector until it stops: late in a whole test run a full collection walks everything two
    thousand earlier tests left behind, which is the test run's pause, not the window's (twice a
    whole run saw a 400-500 ms stall here that no run of this file alone ever showed). What the
    watched work allocates is collected as usual, and the longest collection is said beside a stall.
    """

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._queued = _waiting_for_a_cpu()
        self._last = self._last_queued = self._first_queued = self._started = 0.0
        self.worst = self.worst_raw = self.span = self.waited = 0.0
        self.longest_collection = self._collection_began = 0.0
        self.ticks = 0

    def start(self) -> None:
        gc.collect()
        gc.freeze()
        self.longest_collection = 0.0
        gc.callbacks.append(self._collecting)
        self._started = self._last = time.perf_counter()
        self._last_queued = self._first_queued = self._queued()
        self.worst = self.worst_raw = 0.0
        self.ticks = 0
        self._timer.start()

    def _tick(self) -> None:
        now, queued = time.perf_counter(), self._queued()
        gap = now - self._last
        self.worst_raw = max(self.worst_raw, gap)
        self.worst = max(self.worst, gap - (queued - self._last_queued))
        self._last, self._last_queued = now, queued
        self.ticks += 1

    def _collecting(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._collection_began = time.perf_counter()
        else:
            self.longest_collection = max(self.longest_collection, time.perf_counter() - self._collection_began)

    def stop(self) -> None:
        self._timer.stop()
        self._tick()
        if self._collecting in gc.callbacks:
            gc.callbacks.remove(self._collecting)
        gc.unfreeze()
        self.span = self._last - self._started
        self.waited = self._last_queued - self._first_queued  # kept waiting for a CPU: no tick could run

    def assert_responsive(self, limit: float = STALL_LIMIT) -> None:
        assert self.worst < limit, (
            f"the window stalled for {self.worst * 1000:.0f} ms (limit {limit * 1000:.0f} ms; longest garbage "
            f"collection {self.longest_collection * 1000:.0f} ms; "
            f"{self.worst_raw * 1000:.0f} ms by the clock)"
        )
        # The timer really ran all along: at least one tick for every 20 ms watched that the thread
        # was let run (time the kernel kept it waiting for a CPU is the machine's, as in `worst`).
        assert self.ticks >= (self.span - self.waited) / 0.020, (self.ticks, self.span, self.waited)


class CashierKeyboard(Keyboard):
    """One key at a time, the event loop running between keys, as keys from a real keyboard or
    scanner arrive; so the stall watch sees how long the window takes over each key, not the
    time a test takes to send a burst of them."""

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        super().press(key, modifier)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        for char in text:
            super().type(char)
            QApplication.processEvents()


# -- the faults ------------------------------------------------------------------------------------


class SilentPort:
    """A printer switched off on the network: nothing answers a connection at all (no refusal).

    A listening socket whose one-place accept queue is full and never emptied: Linux drops every
    further SYN, so a connect waits until its own timeout, as it does for a dead address."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._listener: socket.socket | None = None
        self._filler: socket.socket | None = None

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(0)
        self._listener = listener
        self._filler = socket.create_connection(("127.0.0.1", self.port), timeout=2)
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.settimeout(0.3)
        try:
            with pytest.raises(TimeoutError):  # the port is silent now, as a switched-off printer
                probe.connect(("127.0.0.1", self.port))
        finally:
            probe.close()

    def stop(self) -> None:
        for sock in (self._filler, self._listener):
            if sock is not None:
                sock.close()
        self._filler = self._listener = None


@dataclass(frozen=True)
class Fault:
    name: str
    headline: str  # the banner with three receipts waiting
    status: str  # the status bar's word for the printer
    problem: str  # part of the banner's detail: why, in words


FAULTS = (
    Fault("off", "Printer offline — 3 receipts waiting", "Printer: Offline", "did not answer within 2 s"),
    Fault("refusing", "Printer offline — 3 receipts waiting", "Printer: Offline", "refused the connection"),
    Fault("hang", "Printer not answering — 3 receipts waiting", "Printer: Not answering", "did not answer"),
    Fault("close_mid_receipt", "Printer not printing — 3 receipts waiting", "Printer: Online", "closed the connection"),
    Fault("paper_out", "Printer out of paper — 3 receipts waiting", "Printer: Out of paper", "Out of paper."),
    Fault("cover_open", "Printer cover open — 3 receipts waiting", "Printer: Cover open", "Cover open."),
)


class FaultSwitch:
    """Puts the emulator into a fault and takes it out again (the printer is back)."""

    def __init__(self, emulator: PrinterEmulator) -> None:
        self.emulator = emulator
        self._silent: SilentPort | None = None

    def begin(self, fault: str) -> None:
        if fault == "off":
            self.emulator.set_mode("offline")  # the emulator lets go of its port...
            self._silent = SilentPort(self.emulator.port)  # ...and a silent socket takes it
            self._silent.start()
        elif fault == "refusing":
            self.emulator.set_mode("offline")
        else:
            self.emulator.set_mode(fault)

    def end(self) -> None:
        if self._silent is not None:
            self._silent.stop()
            self._silent = None
        self.emulator.set_mode("normal")


# -- the window and the database -------------------------------------------------------------------


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


@pytest.fixture
def signed_out_window(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[Any]:
    """The window as it opens, its print worker retrying every RETRY_MS while jobs wait."""
    from cashdesk.ui.main_window import MainWindow

    main = MainWindow(ctx, print_retry_ms=RETRY_MS)
    qtbot.addWidget(main)
    show_window(qtbot, main)
    yield main
    main.close()


@pytest.fixture
def keyboard(qtbot: Any) -> CashierKeyboard:
    return CashierKeyboard(qtbot)


@pytest.fixture
def faults(printer_emulator: PrinterEmulator) -> Iterator[FaultSwitch]:  # noqa: F811
    switch = FaultSwitch(printer_emulator)
    yield switch
    switch.end()


def rows(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def pay_part_of_the_stub_in_cash(keyboard: CashierKeyboard, window: Any, amount: str) -> str:
    """Scan the stub, type the amount over the amount due, Enter; F5 Enter (cash, exact); F12."""
    keyboard.type(STUB)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is window.counter.pay_strip.amount_field
    keyboard.type(amount)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F5)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F12)
    assert window.ready_for_next, window.counter.message_label.text()
    number = window.counter.last_receipt
    assert number is not None
    return number


def assert_saved(city_db: Path, number: str, cents: int) -> None:
    """The whole payment is in the database: the receipt, its line, its tender, its audit event."""
    ((receipt_id, status, total),) = rows(city_db, "SELECT id, status, total_cents FROM receipts WHERE number = ?",
                                          number)  # fmt: skip
    assert (status, total) == ("posted", cents)
    assert rows(city_db, "SELECT kind, amount_cents FROM receipt_lines WHERE receipt_id = ?", receipt_id) == [
        ("account", cents)]  # fmt: skip
    assert rows(city_db, "SELECT kind, amount_cents FROM tenders WHERE receipt_id = ?", receipt_id) == [("cash", cents)]
    assert rows(city_db, "SELECT user FROM audit_events WHERE object = ?", number) == [("cashier1",)]


def whole_receipts(emulator: PrinterEmulator, number: str) -> list[str]:  # noqa: F811
    """The receipts that came out of the printer whole (up to their cut) bearing this number."""
    return [text for text in emulator.receipts_text() if number in text]


def settled(window: Any) -> Callable[[], bool]:
    return lambda: window.print_queue.last is not None and not window.print_queue.busy


# -- the stall watch can fail -----------------------------------------------------------------------


def test_the_stall_watch_catches_a_stall(qtbot: Any) -> None:
    quiet = StallWatch()
    quiet.start()
    qtbot.wait(300)
    quiet.stop()
    quiet.assert_responsive()  # an idle event loop: no stall

    stalled = StallWatch()
    stalled.start()
    QTimer.singleShot(50, lambda: time.sleep(0.2))  # the GUI thread busy for 200 ms
    qtbot.wait(400)
    stalled.stop()
    assert stalled.worst >= 0.2
    with pytest.raises(AssertionError, match="stalled for 2"):
        stalled.assert_responsive()


def test_the_stall_watch_catches_a_slow_key(
    window: Any,
    keyboard: CashierKeyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    """The keyboard's own way in counts: a payment that holds the GUI thread for 200 ms after F12 is caught."""
    qtbot.waitUntil(settled(window), timeout=10_000)
    window.counter.posted.connect(lambda _posted: time.sleep(0.2))
    watch = StallWatch()
    watch.start()
    number = pay_part_of_the_stub_in_cash(keyboard, window, "20.00")
    qtbot.wait(50)
    watch.stop()
    assert_saved(city_db, number, 2000)
    assert watch.worst >= 0.2
    with pytest.raises(AssertionError, match="stalled"):
        watch.assert_responsive()


# -- the matrix -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_a_printer_fault_never_holds_up_a_payment_and_each_receipt_prints_once(
    fault: Fault, window: Any, keyboard: CashierKeyboard, qtbot: Any, city_db: Path,
    printer_emulator: PrinterEmulator, faults: FaultSwitch,  # noqa: F811
) -> None:  # fmt: skip
    first = pay_part_of_the_stub_in_cash(keyboard, window, "5.00")  # the morning's first customer
    qtbot.waitUntil(lambda: printer_emulator.drawer_kicks() == 1 and not window.print_queue.busy, timeout=10_000)
    assert len(whole_receipts(printer_emulator, first)) == 1
    faults.begin(fault.name)

    watch = StallWatch()
    watch.start()
    numbers = []
    for amount in AMOUNTS:
        number = pay_part_of_the_stub_in_cash(keyboard, window, amount)
        assert_saved(city_db, number, Money.parse(amount).cents)  # at once, whatever the printer does
        numbers.append(number)
    qtbot.waitUntil(lambda: window.printer_banner.isVisible()
                    and window.printer_banner_label.text() == fault.headline, timeout=15_000)  # fmt: skip
    rounds = window.print_queue.rounds  # and while the worker keeps trying, two rounds more
    qtbot.waitUntil(lambda: window.print_queue.rounds >= rounds + 2, timeout=15_000)
    watch.stop()
    watch.assert_responsive()

    assert fault.problem in window.printer_banner_detail.text()
    assert (
        ". The payments are saved; the receipts print when the printer is back." in window.printer_banner_detail.text()
    )
    assert window.printer_label.text() == fault.status
    assert not window.dismiss_button.isVisible()  # nothing for the cashier to decide
    assert window.ready_for_next
    assert len(printer_emulator.receipts_text()) == 1 and printer_emulator.drawer_kicks() == 1  # nothing new
    assert rows(city_db, "SELECT count(*) FROM print_jobs WHERE status = 'queued'") == [(6,)]
    if fault.name == "close_mid_receipt":  # the printer did start on the receipt each time, and cut it off
        assert any(len(data) == 64 for data in printer_emulator.connections())

    faults.end()  # the printer is back; the worker's own timer finds out
    qtbot.waitUntil(lambda: not window.printer_banner.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: printer_emulator.drawer_kicks() == 4, timeout=10_000)
    for number in numbers:
        (text,) = whole_receipts(printer_emulator, number)  # each once, whole
        assert "REPRINT" not in text and "ALVAREZ, MARIA" in text
    assert len(printer_emulator.receipts_text()) == 4
    assert rows(city_db, "SELECT kind, status, count(*) FROM print_jobs GROUP BY kind, status ORDER BY kind") == [
        ("drawer_kick", "printed", 4), ("receipt", "printed", 4)]  # fmt: skip
    assert window.printer_label.text() == "Printer: Online"
    rounds = window.print_queue.rounds
    keyboard.press(Key.Key_R, CTRL_SHIFT)  # Retry with nothing waiting sends nothing again
    qtbot.waitUntil(lambda: window.print_queue.rounds > rounds and not window.print_queue.busy, timeout=10_000)
    assert len(printer_emulator.receipts_text()) == 4 and printer_emulator.drawer_kicks() == 4
    assert rows(city_db, "SELECT count(*) FROM receipts WHERE status = 'posted'") == [(4,)]


# -- a receipt cut off mid-send by a crash: the cashier decides ---------------------------------------


class PowerCut(BaseException):
    """The program stops dead (not an Exception: nothing in cashdesk catches it)."""


class CutOffMidReceipt:
    """The station's printer, but the program dies the moment the printer cuts the job off."""

    def __init__(self, printer: Any) -> None:
        self._printer = printer
        self.description = printer.description

    def status(self) -> Any:
        return self._printer.status()

    def send(self, data: bytes) -> None:
        from cashdesk.devices.printers import PrinterError

        try:
            self._printer.send(data)
        except PrinterError:
            raise PowerCut from None

    def close(self) -> None:
        self._printer.close()


@pytest.fixture
def cut_off(ctx: ServiceContext, city_db: Path, printer_emulator: PrinterEmulator) -> str:  # noqa: F811
    """Yesterday: a card payment posted; its receipt was half out of the printer when the power went.
    The printer has the top of it, uncut; the job is left "printing". Returns the receipt number."""
    from cashdesk.services.printing import deliver_queued, station_printer

    open_drawers(ctx, "cashier1")
    posted = post_receipt(ctx, operator("cashier1"), Cart((AccountPayment("1001", Money(5000)),)),
                          [Tender(TenderKind.CARD, Money(5000), "A1B2C3", "VISA", "4242")])  # fmt: skip
    printer_emulator.set_mode("close_mid_receipt", close_after=300)
    printer = CutOffMidReceipt(station_printer(ctx))
    with pytest.raises(PowerCut):
        deliver_queued(ctx, printer)
    printer.close()
    printer_emulator.set_mode("normal")
    assert rows(city_db, "SELECT kind, status FROM print_jobs") == [("receipt", "printing")]
    assert printer_emulator.receipts_text() == [] and any(len(d) == 300 for d in printer_emulator.connections())
    return posted.number


def banner_asks(window: Any) -> bool:
    return window.printer_banner.isVisible() and window.printer_banner_label.text() == (
        "1 receipt may not have printed: check the printer, then Retry reprints it or Dismiss"
    )


def payment_stays(city_db: Path, number: str) -> None:
    ((receipt_id, status, total),) = rows(city_db, "SELECT id, status, total_cents FROM receipts WHERE number = ?",
                                          number)  # fmt: skip
    assert (status, total) == ("posted", 5000)
    assert rows(city_db, "SELECT kind, amount_cents, card_last4 FROM tenders WHERE receipt_id = ?", receipt_id) == [
        ("card", 5000, "4242")]  # fmt: skip


def test_retry_prints_a_receipt_cut_off_mid_send_once_more_when_the_printer_is_back(
    cut_off: str, signed_out_window: Any, keyboard: CashierKeyboard, qtbot: Any, city_db: Path,
    printer_emulator: PrinterEmulator, faults: FaultSwitch,  # noqa: F811
) -> None:  # fmt: skip
    window = signed_out_window
    faults.begin("refusing")  # this morning the printer is still off
    sign_in(keyboard, window, "cashier1")
    watch = StallWatch()
    watch.start()
    qtbot.waitUntil(lambda: banner_asks(window), timeout=10_000)
    assert window.dismiss_button.isVisible() and window.retry_button.isVisible()
    other = pay_part_of_the_stub_in_cash(keyboard, window, "20.00")  # the next customer is served meanwhile
    assert_saved(city_db, other, 2000)
    qtbot.waitUntil(lambda: banner_asks(window) and "1 more waiting" in window.printer_banner_detail.text(),
                    timeout=10_000)  # fmt: skip

    keyboard.press(Key.Key_R, CTRL_SHIFT)  # the cashier found only the torn-off top: Retry
    qtbot.waitUntil(lambda: window.printer_banner_label.text() == "Printer offline — 2 receipts waiting",
                    timeout=10_000)  # fmt: skip
    watch.stop()
    watch.assert_responsive()
    assert not window.dismiss_button.isVisible()
    assert printer_emulator.receipts_text() == []

    faults.end()  # the printer is back: the worker's own timer prints both, each once
    qtbot.waitUntil(lambda: not window.printer_banner.isVisible() and len(printer_emulator.receipts_text()) == 2,
                    timeout=15_000)  # fmt: skip
    (again,) = whole_receipts(printer_emulator, cut_off)
    assert "REPRINT" not in again and "VISA ****4242" in again  # the same receipt, whole this time
    assert len(whole_receipts(printer_emulator, other)) == 1
    qtbot.wait(3 * RETRY_MS)
    assert len(printer_emulator.receipts_text()) == 2
    payment_stays(city_db, cut_off)
    assert rows(city_db, "SELECT user, event_type FROM audit_events WHERE event_type LIKE 'print_%'") == [
        ("cashier1", "print_retry")]  # fmt: skip


def test_dismiss_prints_nothing_of_a_receipt_cut_off_mid_send(
    cut_off: str, signed_out_window: Any, keyboard: CashierKeyboard, qtbot: Any, city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:  # fmt: skip
    window = signed_out_window
    sign_in(keyboard, window, "cashier1")
    qtbot.waitUntil(lambda: banner_asks(window) and not window.print_queue.busy, timeout=10_000)
    assert printer_emulator.receipts_text() == []  # never sent again by itself
    qtbot.mouseClick(window.dismiss_button, Qt.MouseButton.LeftButton)  # it is in the printer after all
    qtbot.waitUntil(lambda: not window.printer_banner.isVisible() and not window.print_queue.busy, timeout=10_000)
    qtbot.wait(3 * RETRY_MS)
    assert printer_emulator.receipts_text() == []
    assert rows(city_db, "SELECT kind, status FROM print_jobs") == [("receipt", "printed")]
    payment_stays(city_db, cut_off)
    assert rows(city_db, "SELECT user, event_type FROM audit_events WHERE event_type LIKE 'print_%'") == [
        ("cashier1", "print_dismiss")]  # fmt: skip
