"""During the shift at the keyboard: a cash drop (Ctrl+Shift+C), the cash banner past the limits,
a paid-out with a supervisor's approval (Ctrl+Shift+P) and the X report (Ctrl+Shift+X), printed on
the TCP printer emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, operator, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QFrame, QLabel
from test_counter import CTRL_SHIFT, STUB, cash_exact, post, rows, scan, supervisor_approves

from cashdesk.domain.cash import CashCount
from cashdesk.services.context import ServiceContext
from cashdesk.services.drawers import open_drawer
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def pay_stub_in_cash(keyboard: Keyboard, window: Any) -> str:
    """Maria Alvarez's $91.80 stub, exact cash."""
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    return post(keyboard, window)


def drawer_cash(city_db: Path) -> int:
    ((cents,),) = rows(city_db, "SELECT cash_cents FROM drawers WHERE status = 'open'")
    return int(cents)


def slip_printed(qtbot: Any, emulator: PrinterEmulator, title: str) -> str:  # noqa: F811
    def out() -> bool:
        return any(title in text for text in emulator.receipts_text())

    qtbot.waitUntil(out, timeout=10_000)
    (text,) = [t for t in emulator.receipts_text() if title in t]
    return text


def legend_texts(window: Any) -> set[str]:
    """What the key strip under the receipt shows."""
    legend = window.counter.findChild(QFrame, "keyLegend")
    return {label.text().removeprefix("<b>").removesuffix("</b>") for label in legend.findChildren(QLabel)}


def count_drop(keyboard: Keyboard, qtbot: Any, dialog: Any, pieces: dict[str, str]) -> None:
    """Row by row from the $100 bills: type where there are pieces, Enter to go on, Enter on the button."""
    widget = dialog.count_widget
    wait_for_keyboard(qtbot, widget.first_field)
    for code, field in widget.count_fields.items():
        assert QApplication.focusWidget() is field
        if code in pieces:
            keyboard.type(pieces[code])
        keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.drop_button
    keyboard.press(Key.Key_Return)


# -- cash drops -------------------------------------------------------------------------------------


def test_a_cash_drop_by_keyboard_queues_the_slip_and_lowers_the_drawers_cash(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    pay_stub_in_cash(keyboard, window)
    assert drawer_cash(city_db) == 16000 + 9180
    assert {"Ctrl+Shift+C", "Cash drop", "Ctrl+Shift+P", "Paid-out", "Ctrl+Shift+X", "X report",
            "Ctrl+Shift+B"} <= legend_texts(window)  # fmt: skip

    keyboard.press(Key.Key_C, CTRL_SHIFT)
    dialog = window.counter.shift.dialog
    assert dialog is not None and dialog.objectName() == "cashDropDialog"
    wait_for_keyboard(qtbot, dialog.count_widget.first_field)
    keyboard.press(Key.Key_Return)  # no $100 bills
    keyboard.press(Key.Key_Return)  # no $50 bills
    keyboard.type("4")  # four $20 bills
    keyboard.press(Key.Key_Return)
    keyboard.type("2")  # two $10 bills
    assert dialog.count_widget.total_label.text() == "$100.00"
    assert dialog.drop_button.text() == "&Drop $100.00 to the safe"
    while QApplication.focusWidget() is not dialog.drop_button:
        keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)

    (drop_id,) = [r[0] for r in rows(city_db, "SELECT id FROM cash_drops")]
    assert window.counter.message_label.text() == (
        f"Cash drop {drop_id}: $100.00 to the safe. The drop slip is printing: put it with the cash in the safe bag."
    )
    assert rows(city_db, "SELECT amount_cents, pieces, cashier FROM cash_drops") == [
        (10000, '{"B10":2,"B20":4}', "cashier1")
    ]
    assert drawer_cash(city_db) == 16000 + 9180 - 10000
    text = slip_printed(qtbot, printer_emulator, "CASH DROP")
    for part in ("$100.00", "4 x $20 bills", "2 x $10 bills", "cashier1"):
        assert part in text, part
    qtbot.waitUntil(lambda: ("drop_slip", "printed") in rows(city_db, "SELECT kind, status FROM print_jobs"),
                    timeout=10_000)  # fmt: skip
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_a_drop_of_nothing_or_more_than_the_drawer_holds_is_refused_and_esc_cancels(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    keyboard.press(Key.Key_C, CTRL_SHIFT)
    dialog = window.counter.shift.dialog
    count_drop(keyboard, qtbot, dialog, {})
    assert dialog.message_label.text() == "Count the cash going to the safe: the drop is $0.00."
    assert window.counter.shift.dialog is dialog
    count_drop(keyboard, qtbot, dialog, {"B100": "2"})  # the drawer holds its $160.00 float
    assert "is more than that" in dialog.message_label.text()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)
    assert rows(city_db, "SELECT count(*) FROM cash_drops") == [(0,)]
    assert drawer_cash(city_db) == 16000
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_the_drop_waits_for_the_receipt_on_screen(window: Any, keyboard: Keyboard) -> None:
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_C, CTRL_SHIFT)
    assert window.counter.shift.dialog is None
    assert "before you make a cash drop" in window.counter.message_label.text()


# -- the cash banner ---------------------------------------------------------------------------------


@pytest.mark.parametrize("settings_values", [{"cash.warn_limit_cents": 20_000, "cash.block_limit_cents": 0}])
def test_the_warn_banner_shows_past_the_limit_and_goes_after_a_drop(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    banner = window.counter.shift.banner
    assert not banner.isVisible()  # the $160.00 float is under the $200.00 limit
    pay_stub_in_cash(keyboard, window)
    assert banner.isVisible() and banner.property("level") == "warn"
    assert banner.text() == "Drawer holds $251.80 — make a cash drop (Ctrl+Shift+C)."

    keyboard.press(Key.Key_C, CTRL_SHIFT)
    count_drop(keyboard, qtbot, window.counter.shift.dialog, {"B20": "5"})
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)
    assert not banner.isVisible()
    assert drawer_cash(city_db) == 15180


@pytest.mark.parametrize("settings_values", [{"cash.warn_limit_cents": 10_000, "cash.block_limit_cents": 20_000}])
def test_the_block_banner_is_red_and_cash_is_refused_until_a_drop(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, city_db: Path
) -> None:
    window = signed_out_window
    open_drawer(ctx, operator("cashier1"), CashCount({"B50": 5}))  # $250.00, over the $200.00 limit
    sign_in(keyboard, window, "cashier1")
    banner = window.counter.shift.banner
    assert banner.isVisible() and banner.property("level") == "block"
    assert banner.text() == (
        "Drawer holds $250.00 — over the limit of $200.00: no more cash until you make a cash drop (Ctrl+Shift+C)."
    )
    assert "#b00020" in banner.styleSheet()
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    keyboard.press(Key.Key_F12)
    assert "Make a cash drop to the safe first" in window.counter.message_label.text()
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]
    keyboard.press(Key.Key_Escape)  # back to the search box with the receipt kept
    keyboard.press(Key.Key_Escape)
    from test_counter import answer

    answer(qtbot, Key.Key_Y)  # cancel the transaction before the drop

    keyboard.press(Key.Key_C, CTRL_SHIFT)
    count_drop(keyboard, qtbot, window.counter.shift.dialog, {"B50": "2"})
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)
    assert banner.isVisible() and banner.property("level") == "warn"  # $150.00: over $100.00, under $200.00
    assert banner.text() == "Drawer holds $150.00 — make a cash drop (Ctrl+Shift+C)."


# -- paid-outs -----------------------------------------------------------------------------------------


def test_a_paid_out_of_an_accounts_credit_with_a_supervisors_approval(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    keyboard.press(Key.Key_P, CTRL_SHIFT)
    dialog = window.counter.shift.dialog
    assert dialog is not None and dialog.objectName() == "paidOutDialog"
    wait_for_keyboard(qtbot, dialog.account_field)
    keyboard.type("1003")  # Li Chen's account holds a $20.00 credit
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)  # no revenue code: the account is refunded
    keyboard.press(Key.Key_Return)  # the payee: the account's name
    assert QApplication.focusWidget() is dialog.amount_field
    keyboard.type("15")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)  # no reason
    assert dialog.message_label.text().startswith("Give the reason for the paid-out")
    keyboard.type("refund of an overpayment")
    keyboard.press(Key.Key_Return)
    approval = dialog.approval_dialog
    assert approval is not None
    assert approval.object_label.text() == f"drawer {window.counter.drawer.id}"
    wait_for_keyboard(qtbot, approval.form.user_field)
    keyboard.press(Key.Key_Escape)  # not approved: nothing is paid out
    qtbot.waitUntil(lambda: dialog.approval_dialog is None, timeout=2000)
    assert dialog.message_label.text() == "Not paid out: a supervisor did not approve it."
    assert rows(city_db, "SELECT count(*) FROM paid_outs") == [(0,)]

    wait_for_keyboard(qtbot, dialog.reason_field)
    keyboard.press(Key.Key_Return)  # from the reason again
    supervisor_approves(qtbot, keyboard, dialog.approval_dialog, "super1")
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)

    assert window.counter.message_label.text() == (
        "Paid out $15.00 from account 1003. The paid-out slip is printing: the payee signs it."
    )
    assert rows(city_db, "SELECT amount_cents, reason, approved_by, payee FROM paid_outs") == [
        (1500, "refund of an overpayment", "super1", "CHEN, LI")
    ]
    assert rows(city_db, "SELECT credit_cents FROM accounts WHERE number = '1003'") == [(500,)]
    assert drawer_cash(city_db) == 16000 - 1500
    text = slip_printed(qtbot, printer_emulator, "PAID-OUT")
    assert "$15.00" in text and "super1" in text
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_a_paid_out_over_the_credit_is_refused_in_the_dialog(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    keyboard.press(Key.Key_P, CTRL_SHIFT)
    dialog = window.counter.shift.dialog
    wait_for_keyboard(qtbot, dialog.account_field)
    keyboard.type("1003")
    for _ in range(3):
        keyboard.press(Key.Key_Return)
    keyboard.type("25")
    keyboard.press(Key.Key_Return)
    keyboard.type("refund")
    keyboard.press(Key.Key_Return)
    supervisor_approves(qtbot, keyboard, dialog.approval_dialog, "super1")
    qtbot.waitUntil(lambda: dialog.approval_dialog is None, timeout=2000)
    assert dialog.message_label.text() == ("Account 1003 holds a credit of $20.00: a refund cannot be more than that.")
    assert window.counter.shift.dialog is dialog
    assert rows(city_db, "SELECT count(*) FROM paid_outs") == [(0,)]


# -- the X report --------------------------------------------------------------------------------------


def test_the_x_report_shows_the_totals_and_prints(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    pay_stub_in_cash(keyboard, window)
    keyboard.press(Key.Key_X, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is not None, timeout=3000)  # added up off the GUI thread
    dialog = window.counter.shift.dialog
    assert dialog is not None and dialog.objectName() == "xReportDialog"
    text = dialog.text_view.toPlainText()
    for part in ("X REPORT", "cashier1", "$91.80", "Expected cash", "$251.80"):
        assert part in text, part
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert dialog.text_view.font().family() == fixed.family()  # the columns line up as printed
    wait_for_keyboard(qtbot, dialog.text_view)
    keyboard.press(Key.Key_P, ALT)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)
    assert window.counter.message_label.text() == "The X report is printing."
    printed = slip_printed(qtbot, printer_emulator, "X REPORT")
    assert "$251.80" in printed
    assert rows(city_db, "SELECT count(*) FROM audit_events WHERE event_type = 'x_report'") == [(2,)]
    assert rows(city_db, "SELECT status FROM drawers") == [("open",)]
