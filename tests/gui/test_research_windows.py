"""Find payment and Reports, by keyboard, at 1024×768 and 1280×800: a cashier finds a check by its
number, prints a copy and reads the account; a supervisor shows a report, saves it as CSV, and
builds, runs and saves an ad hoc report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from dialog_support import SCREENS, fit_to_screen
from gui_support import TODAY, Keyboard, open_drawers, operator, sign_in, wait_for, wait_for_keyboard
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from cashdesk.domain.money import Money
from cashdesk.domain.service_orders import OrderType
from cashdesk.domain.tax_return import ReturnFigures
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.reports import STANDARD, run_report
from cashdesk.ui.find_payment import FindPaymentDialog
from cashdesk.ui.reports_window import ReportsDialog
from cashdesk.ui.statement import StatementDialog

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

    assert dialog.subject_combo.findData("orders") >= 0  # service orders are offered with the others
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


def a_day_to_report(ctx: ServiceContext) -> None:
    """Something for every standard report: two payments, the check returned, a service order, a
    payment arrangement, the January's sales tax return filed late, the drawer balanced and the day
    closed."""
    from cashdesk.services.arrangements import create
    from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
    from cashdesk.services.day_close import close_day
    from cashdesk.services.returned_checks import record_returned_check
    from cashdesk.services.service_orders import create_order
    from cashdesk.services.shift import x_report
    from cashdesk.services.simulate import greedy_count
    from cashdesk.services.tax_returns import file_return

    open_drawers(ctx, "cashier1")
    by_check, _by_cash = two_payments(ctx)
    record_returned_check(ctx, operator("super1"), by_check, "5511")
    create_order(ctx, operator("super1"), "1001", OrderType.REREAD, scheduled=TODAY)
    create(ctx, operator("cashier1"), "1001", down="50%", installments=2)
    file_return(ctx, operator("cashier1"), "2001", "2026-01", ReturnFigures(Money(1_000_000)), {}, dt.date(2026, 3, 2))
    cashier = operator("cashier1")
    present = frozenset(item.tender_id for item in items_to_verify(ctx, cashier))
    counted = record_count(ctx, cashier, CountInput(greedy_count(x_report(ctx, cashier).expected_cash), present))
    close_drawer(ctx, cashier, count_id=counted.count_id, float_kept=counted.suggested_float)
    close_day(ctx, operator("super1"), TODAY)


@pytest.mark.parametrize("name", [d.name for d, _build in STANDARD])
def test_every_standard_report_shows_from_the_reports_window(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, qtmodeltester: Any, name: str
) -> None:
    window = signed_out_window
    a_day_to_report(ctx)
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_Y, CTRL_SHIFT)
    dialog = window.reports_dialog
    assert isinstance(dialog, ReportsDialog)
    wait_for(lambda: not dialog.waiting, "the reports to be listed")
    wait_for_keyboard(qtbot, dialog.report_combo)
    while dialog.report_combo.currentData() != name:
        before = dialog.report_combo.currentIndex()
        keyboard.press(Key.Key_Down)
        assert dialog.report_combo.currentIndex() != before, f"{name} is not offered"
    keyboard.press(Key.Key_Tab)  # From: the first of the year
    keyboard.type("01/01/2026")
    keyboard.press(Key.Key_Tab)  # To: today, as it opened
    keyboard.press(Key.Key_Return)
    wait_for(lambda: not dialog.waiting, "the report")
    start = dt.date(2026, 1, 1)
    assert (dialog.report is not None and dialog.report.definition.name == name
            and (dialog.report.start, dialog.report.end) == (start, TODAY))  # fmt: skip
    report = run_report(ctx, operator("super1"), name, start, TODAY)
    assert report.rows, f"the day has nothing for {name}"
    want = report.shown_rows() + ([report.shown_totals()] if report.has_totals else [])
    assert cells(dialog.model) == want
    assert dialog.message_label.text() == f"{report.title}, {report.period}: {len(report.rows)} row" + (
        "s." if len(report.rows) != 1 else "."
    )
    assert dialog.chart.isVisible() == (report.chart is not None)
    qtmodeltester.check(dialog.model)


def test_a_cashier_saves_the_statement_of_the_account_shown(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    from pypdf import PdfReader

    keyboard.type("1001")
    keyboard.press(Key.Key_Return)
    assert window.inquiry.pane.account_number == "1001"
    keyboard.press(Key.Key_H, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert isinstance(dialog, StatementDialog)
    wait_for_keyboard(qtbot, dialog.account_field)
    assert [f.text() for f in (dialog.account_field, dialog.from_field, dialog.to_field)] == [
        "1001", "01/01/2026", "03/16/2026"]  # fmt: skip
    keyboard.type("9999")  # typing replaces the account shown
    for _ in range(3):
        keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == "There is no account '9999'. Check the number on the bill."
    assert QApplication.focusWidget() is dialog.account_field
    keyboard.type("1001")
    keyboard.press(Key.Key_Return)
    keyboard.type("02/30/2026")
    keyboard.press(Key.Key_Return)
    assert "'02/30/2026' is not a date" in dialog.message_label.text()
    assert QApplication.focusWidget() is dialog.from_field
    keyboard.type("02/01/2026")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    wait_for(lambda: window.extra_dialog is None, "the statement to be saved")
    saved = city_db.parent / "reports" / "statement-1001-2026-02-01-2026-03-16.pdf"
    assert window.counter.message_label.text() == (
        f"The statement of account 1001 (3 entries, balance $72.30 on 03/16/2026) is saved: {saved}"
    )
    text = PdfReader(saved).pages[0].extract_text()
    for seen in ("ACCOUNT STATEMENT", "ALVAREZ, MARIA", "February bill", "March bill", "$72.30"):
        assert seen in text
    wait_for_keyboard(qtbot, window.inquiry.search_field)
