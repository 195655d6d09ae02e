"""Find payment and Reports, by keyboard, at 1024×768 and 1280×800: a cashier finds a check by its
number, prints a copy and reads the account; a supervisor shows a report, saves it as CSV, and
builds, runs and saves an ad hoc report."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from dialog_support import SCREENS, fit_to_screen
from gui_support import TODAY, Keyboard, operator, sign_in, wait_for, wait_for_keyboard
from PySide6.QtCore import QDate, Qt

from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.ui.find_payment import FindPaymentDialog
from cashdesk.ui.reports_window import ReportsDialog

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
DISPLAY = Qt.ItemDataRole.DisplayRole


def cells(model: Any) -> list[list[str]]:
    return [[model.index(r, c).data(DISPLAY) for c in range(model.columnCount())] for r in range(model.rowCount())]


def two_payments(ctx: ServiceContext) -> tuple[str, str]:
    cashier = operator("cashier1")
    by_check = post_receipt(ctx, cashier, Cart((AccountPayment("1001", Money(4950)),)),
                            [Tender(TenderKind.CHECK, Money(4950), reference="5511")])  # fmt: skip
    by_cash = post_receipt(ctx, cashier, Cart((AccountPayment("1002", Money(2500)),)),
                           [Tender(TenderKind.CASH, Money(2500))])  # fmt: skip
    return by_check.number, by_cash.number


@pytest.mark.parametrize("screen", SCREENS, ids=["1024x768", "1280x800"])
def test_a_cashier_finds_a_check_prints_a_copy_and_reads_the_account(
    window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, qtmodeltester: Any, screen: tuple[int, int]
) -> None:
    check_receipt, _cash_receipt = two_payments(ctx)
    keyboard.press(Key.Key_F, CTRL_SHIFT)
    dialog = window.find_payment_dialog
    assert isinstance(dialog, FindPaymentDialog)
    fit_to_screen(dialog, screen)
    wait_for_keyboard(qtbot, dialog.criteria)
    keyboard.type("check 5511")
    keyboard.press(Key.Key_Return)
    assert cells(dialog.model) == [[check_receipt, "03/16/2026", "counter", "$49.50", "posted", "1001",
                                    "ALVAREZ, MARIA", "Check 5511 $49.50"]]  # fmt: skip
    assert dialog.message_label.text() == "1 payment found, newest first."
    keyboard.press(Key.Key_Down)
    assert dialog.table.hasFocus()
    keyboard.press(Key.Key_F9)
    assert dialog.message_label.text() == f"A copy of {check_receipt} marked REPRINT is printing."
    keyboard.press(Key.Key_F6)
    assert dialog.account_label.text().startswith("Account 1001  ALVAREZ, MARIA")
    assert dialog.account_label.isVisible() and dialog.account_label.width() <= screen[0]

    dialog.criteria.setFocus()
    dialog.criteria.selectAll()
    keyboard.type("amount 60..50")
    keyboard.press(Key.Key_Return)
    assert "smaller amount to the larger" in dialog.message_label.text()
    assert cells(dialog.model)[0][0] == check_receipt  # a refusal leaves the last answer
    qtmodeltester.check(dialog.model)
    dialog.criteria.setFocus()
    keyboard.press(Key.Key_Escape)
    wait_for(lambda: window.find_payment_dialog is None, "the dialog to close")


@pytest.mark.parametrize("screen", SCREENS, ids=["1024x768", "1280x800"])
def test_a_supervisor_shows_saves_and_builds_reports(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, city_db: Path,
    qtmodeltester: Any, screen: tuple[int, int], drawers_open: None,
) -> None:  # fmt: skip
    window = signed_out_window
    two_payments(ctx)
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_Y, CTRL_SHIFT)
    dialog = window.reports_dialog
    assert isinstance(dialog, ReportsDialog)
    fit_to_screen(dialog, screen)
    wait_for(lambda: not dialog.waiting, "the reports to be listed")
    wait_for_keyboard(qtbot, dialog.report_combo)
    dialog.from_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    while dialog.report_combo.currentData() != "receipts-by-tender":
        keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Return)
    wait_for(lambda: not dialog.waiting, "the report")
    assert cells(dialog.model) == [["cash", "1", "$25.00"], ["check", "1", "$49.50"], ["Total", "2", "$74.50"]]
    assert dialog.chart.isVisible()
    keyboard.press(Key.Key_E, CTRL)
    wait_for(lambda: not dialog.waiting, "the CSV")
    saved = city_db.parent / "reports" / "receipts-by-tender-2026-03-16-2026-03-16.csv"
    assert dialog.message_label.text() == f"Saved {saved}."
    assert list(csv.reader(io.StringIO(saved.read_text())))[-1] == ["Total", "2", "74.50"]

    dialog.filters_field.setFocus()
    keyboard.type("amount >= 30")
    keyboard.press(Key.Key_Tab)
    keyboard.type("cashier")
    keyboard.press(Key.Key_Tab)
    keyboard.type("amount")
    keyboard.press(Key.Key_F5)
    wait_for(lambda: not dialog.waiting, "the ad hoc report")
    assert cells(dialog.model) == [["cashier1", "1", "$49.50"], ["Total", "1", "$49.50"]]
    keyboard.press(Key.Key_Tab)
    keyboard.type("big-payments")
    keyboard.press(Key.Key_S, CTRL)
    assert dialog.message_label.text() == "Saved as big-payments: choose it under Report to run it again."
    assert dialog.report_combo.findData("saved:big-payments") >= 0
    assert dialog.width() <= screen[0] and dialog.height() <= screen[1]
    qtmodeltester.check(dialog.model)
