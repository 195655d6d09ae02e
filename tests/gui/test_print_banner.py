"""The printer banner after a crash cut a receipt off while it was being sent: the window says it
may not have printed, and the cashier decides: Retry prints it again, Dismiss marks it printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, open_drawers, operator, sign_in
from PySide6.QtCore import Qt

from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

UNCERTAIN = "1 receipt may not have printed: check the printer, then Retry reprints it or Dismiss"


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def interrupted(ctx: ServiceContext, city_db: Path) -> str:
    """A payment posted before the crash: its receipt was being sent when the power went (the
    job left "printing"), its drawer kick went out. Returns the receipt number."""
    open_drawers(ctx, "cashier1")
    posted = post_receipt(ctx, operator("cashier1"), Cart((AccountPayment("1001", Money(9180)),)),
                          [Tender(TenderKind.CASH, Money(10000))])  # fmt: skip
    con = sqlite3.connect(city_db)
    con.execute("UPDATE print_jobs SET status = 'printing', attempts = 1 WHERE kind = 'receipt'")
    con.execute("UPDATE print_jobs SET status = 'printed' WHERE kind = 'drawer_kick'")
    con.commit()
    con.close()
    return posted.number


def banner_up(qtbot: Any, window: Any, keyboard: Keyboard) -> None:
    sign_in(keyboard, window, "cashier1")
    qtbot.waitUntil(lambda: window.printer_banner.isVisible(), timeout=10_000)
    assert window.printer_banner_label.text() == UNCERTAIN
    assert "The payment is saved" in window.printer_banner_detail.text()
    assert window.dismiss_button.isVisible() and window.retry_button.isVisible()
    assert window.ready_for_next  # the cashier can take the next customer meanwhile


def test_retry_prints_the_interrupted_receipt_once(
    qtbot: Any, signed_out_window: Any, keyboard: Keyboard, interrupted: str, city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:  # fmt: skip
    window = signed_out_window
    banner_up(qtbot, window, keyboard)
    qtbot.waitUntil(lambda: not window.print_queue.busy, timeout=10_000)
    assert printer_emulator.receipts_text() == []  # not sent by itself
    keyboard.press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not window.printer_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.print_queue.busy, timeout=10_000)
    printed = printer_emulator.receipts_text()
    assert [sum(interrupted in r for r in printed)] == [1]
    assert not any("REPRINT" in r for r in printed)  # the same receipt
    assert printer_emulator.drawer_kicks() == 0  # the drawer opened with the payment, not again
    assert rows(city_db, "SELECT kind, status FROM print_jobs ORDER BY id") == [
        ("receipt", "printed"), ("drawer_kick", "printed")]  # fmt: skip
    assert rows(city_db, "SELECT user, event_type FROM audit_events WHERE event_type LIKE 'print_%'") == [
        ("cashier1", "print_retry")]  # fmt: skip


def test_dismiss_marks_it_printed_without_printing(
    qtbot: Any, signed_out_window: Any, keyboard: Keyboard, interrupted: str, city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:  # fmt: skip
    window = signed_out_window
    banner_up(qtbot, window, keyboard)
    qtbot.mouseClick(window.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.printer_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.print_queue.busy, timeout=10_000)
    assert printer_emulator.receipts_text() == []
    assert rows(city_db, "SELECT kind, status FROM print_jobs ORDER BY id") == [
        ("receipt", "printed"), ("drawer_kick", "printed")]  # fmt: skip
    assert rows(city_db, "SELECT status, total_cents FROM receipts") == [("posted", 9180)]
    assert rows(city_db, "SELECT user, event_type FROM audit_events WHERE event_type LIKE 'print_%'") == [
        ("cashier1", "print_dismiss")]  # fmt: skip
    assert not window.dismiss_button.isVisible()
