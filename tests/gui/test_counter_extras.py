"""Returned checks (Ctrl+Shift+N), no sale (Ctrl+Shift+O) and PDF copies (Ctrl+Shift+S) at the
keyboard, on the TCP printer emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, open_drawers, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, MICR_LINE, STUB, cash_exact, find_and_open, post, rows, scan, supervisor_approves

from cashdesk.services.context import ServiceContext
from cashdesk.ui import counter_extras
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def _items_text(pane: Any) -> list[str]:
    model = pane.items_model
    return [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]


# -- returned checks --------------------------------------------------------------------------------


def test_a_supervisor_records_a_returned_check_and_the_account_shows_the_fee_and_cash_only(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, city_db: Path
) -> None:
    window = signed_out_window
    open_drawers(ctx, "super1")
    sign_in(keyboard, window, "super1")
    assert window.menus.returned_check_action.isVisible()
    assert "Ctrl+Shift+N Returned check" in window.hints_label.text()
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F6)  # $50.00 by check #1042, the rest in cash
    keyboard.type("50")
    keyboard.press(Key.Key_Return)
    keyboard.type(MICR_LINE)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    number = post(keyboard, window)

    keyboard.press(Key.Key_N, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.receipt_field)
    keyboard.press(Key.Key_Return)  # nothing typed
    assert dialog.message_label.text().startswith("Type the receipt number")
    keyboard.type(number)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.check_field
    keyboard.type("999")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.reason_field
    assert dialog.reason_field.text() == "Returned NSF"
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == f"Receipt {number} has no check #999."  # the service's refusal
    assert window.extra_dialog is dialog
    keyboard.press(Key.Key_Tab)  # receipt number → check number
    assert QApplication.focusWidget() is dialog.check_field
    keyboard.type("1042")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.extra_dialog is None, timeout=2000)

    assert window.counter.message_label.text() == (
        f"Check #1042 on {number}: $50.00 is owed again on account 1001, NSF fee $30.00 added; "
        "cash only until 03/16/2027."
    )
    pane = window.inquiry.pane
    assert pane.account_number == "1001"
    assert "Cash only until 03/16/2027" in pane.flag_texts()
    assert any("Returned check #1042" in text for text in _items_text(pane))
    assert pane.balance_label.text() == "$80.00"  # $50.00 owed again and the $30.00 fee
    assert rows(city_db, "SELECT recorded_by, reason FROM returned_checks") == [("super1", "Returned NSF")]
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_a_cashier_is_not_offered_the_returned_check(window: Any, keyboard: Keyboard, city_db: Path) -> None:
    assert not window.menus.returned_check_action.isVisible()
    assert not window.menus.supervisor_menu.menuAction().isVisible()
    assert "Returned check" not in window.hints_label.text()
    keyboard.press(Key.Key_N, CTRL_SHIFT)
    assert window.extra_dialog is None
    assert rows(city_db, "SELECT count(*) FROM returned_checks") == [(0,)]


# -- no sale -------------------------------------------------------------------------------------------


def _ask_no_sale(keyboard: Keyboard, qtbot: Any, window: Any) -> Any:
    keyboard.press(Key.Key_O, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.reason_field)
    keyboard.press(Key.Key_Return)  # no reason
    assert dialog.message_label.text().startswith("Say why the drawer is opened")
    keyboard.type("change for the safe")
    keyboard.press(Key.Key_Return)
    approval = dialog.approval_dialog
    assert approval is not None
    assert approval.object_label.text() == f"drawer {dialog.drawer_id}"
    return dialog


def test_no_sale_with_a_supervisors_approval_kicks_the_drawer_and_prints_no_receipt(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    qtbot.waitUntil(lambda: window.print_queue.rounds >= 1 and not window.print_queue.busy, timeout=10_000)
    dialog = _ask_no_sale(keyboard, qtbot, window)
    drawer_id = dialog.drawer_id
    supervisor_approves(qtbot, keyboard, dialog.approval_dialog, "super1")
    qtbot.waitUntil(lambda: window.extra_dialog is None, timeout=2000)

    assert window.counter.message_label.text() == f"Drawer {drawer_id} is opening: no sale, approved by super1."
    qtbot.waitUntil(lambda: printer_emulator.drawer_kicks() == 1, timeout=10_000)
    assert printer_emulator.receipts_text() == []
    qtbot.waitUntil(lambda: rows(city_db, "SELECT kind, status FROM print_jobs") == [("drawer_kick", "printed")],
                    timeout=10_000)  # fmt: skip
    assert rows(city_db, "SELECT object FROM audit_events WHERE event_type = 'no_sale'") == [(f"drawer {drawer_id}",)]
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_esc_at_the_approval_cancels_the_no_sale_and_the_drawer_stays_shut(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    qtbot.waitUntil(lambda: window.print_queue.rounds >= 1 and not window.print_queue.busy, timeout=10_000)
    dialog = _ask_no_sale(keyboard, qtbot, window)
    wait_for_keyboard(qtbot, dialog.approval_dialog.form.user_field)
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.extra_dialog is None, timeout=2000)
    wait_for_keyboard(qtbot, window.inquiry.search_field)

    rounds = window.print_queue.rounds
    window.print_queue.kick()
    qtbot.waitUntil(lambda: window.print_queue.rounds > rounds and not window.print_queue.busy, timeout=10_000)
    assert printer_emulator.drawer_kicks() == 0
    assert rows(city_db, "SELECT count(*) FROM print_jobs") == [(0,)]
    assert rows(city_db, "SELECT count(*) FROM audit_events WHERE event_type = 'no_sale'") == [(0,)]


def test_no_sale_waits_for_the_receipt_on_screen(window: Any, keyboard: Keyboard, city_db: Path) -> None:
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_O, CTRL_SHIFT)
    assert window.extra_dialog is None
    assert "before opening the drawer without a sale" in window.counter.message_label.text()


# -- PDF copies ---------------------------------------------------------------------------------------


def test_a_pdf_copy_of_the_last_receipt_is_saved_and_reads_back(
    window: Any, keyboard: Keyboard, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    folder = tmp_path / "copies"
    monkeypatch.setattr(counter_extras, "receipts_folder", lambda: folder)
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    number = post(keyboard, window)

    keyboard.press(Key.Key_S, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.number_field)
    assert dialog.number_field.text() == number  # the last receipt posted here
    keyboard.type("W01-2026-999999")  # typing replaces it: a receipt that does not exist
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == "There is no receipt W01-2026-999999."
    assert QApplication.focusWidget() is dialog.number_field
    keyboard.type(number)
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.extra_dialog is None, timeout=2000)

    saved = folder / f"receipt-{number}.pdf"
    assert window.counter.message_label.text() == f"A PDF copy of the receipt is saved: {saved}"
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert number in text
    wait_for_keyboard(qtbot, window.inquiry.search_field)
