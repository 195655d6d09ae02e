"""The tax return window from the keyboard: a return typed as the business wrote it, the computed
figures beside it, a difference shown in words, filed with F12 and a Y; the account then owes the
tax. A return for a period the billing history shows filed is said to be an amended return before
it is filed. And the delinquent filers as of today."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from gui_support import TODAY, Keyboard, operator, show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from cashdesk.domain.money import Money
from cashdesk.domain.tax_return import ReturnFigures
from cashdesk.services.context import ServiceContext
from cashdesk.services.tax_returns import file_return
from cashdesk.ui.delinquent_filers import DelinquentFilersDialog
from cashdesk.ui.tax_return import TaxReturnDialog

Key = Qt.Key
SHOP = "2001"  # BROWN HARDWARE LLC, monthly; owes $1,358.02 for 2026-01


def query(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def answer(qtbot: Any, key: Qt.Key) -> None:
    """The question is over the dialog: press Y or N as the cashier would."""

    def asking() -> bool:
        box, focus = QApplication.activeModalWidget(), QApplication.focusWidget()
        return isinstance(box, QMessageBox) and focus is not None and box.isAncestorOf(focus)

    qtbot.waitUntil(asking, timeout=2000)
    box = QApplication.activeModalWidget()
    assert box is not None and box.objectName() == "taxFileQuestion"
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box, timeout=2000)


def open_dialog(qtbot: Any, ctx: ServiceContext, **kwargs: Any) -> TaxReturnDialog:
    dialog = TaxReturnDialog(ctx, operator("cashier1"), **kwargs)
    qtbot.addWidget(dialog)
    show_window(qtbot, dialog)
    return dialog


def enter_until(keyboard: Keyboard, field: Any, limit: int = 40) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is field:
            return
        keyboard.press(Key.Key_Return)
    raise AssertionError("Enter never reached the field")


def type_february(keyboard: Keyboard, dialog: TaxReturnDialog, account: str = SHOP) -> None:
    """Account, period, the date received (today, as filled in), then gross sales of $10,000.00,
    $400.00 sent out of the city, and the sales tax the business wrote: $355.00."""
    assert QApplication.focusWidget() is dialog.account_field
    keyboard.type(account)
    keyboard.press(Key.Key_Return)
    keyboard.type("2026-02")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.received_field
    assert dialog.received_field.text() == "03/16/2026"
    enter_until(keyboard, dialog.written["gross_sales"])
    keyboard.type("10,000.00")
    enter_until(keyboard, dialog.written["deduct_out_of_city"])
    keyboard.type("400")
    enter_until(keyboard, dialog.written["sales_tax"])
    keyboard.type("355.00")


def test_a_return_typed_a_difference_shown_filed_and_the_account_owes_the_tax(
    qtbot: Any, keyboard: Keyboard, ctx: ServiceContext, city_db: Path
) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_february(keyboard, dialog)
    # The return's arithmetic beside what was typed: $9,600.00 x 3.75% = $360.00.
    assert dialog.computed["net_taxable"].text() == "$9,600.00"
    assert dialog.computed["sales_tax"].text() == "$360.00"
    assert dialog.notes["sales_tax"].text() == "wrote $5.00 less"
    assert "Line 15, Sales tax: the business wrote $355.00, the return works out to $360.00 ($5.00 less)." in (
        dialog.differences_label.text())  # fmt: skip
    assert "BROWN HARDWARE LLC" in dialog.name_label.text()
    enter_until(keyboard, dialog.written["total_due"])
    keyboard.type("355.00")
    keyboard.press(Key.Key_F12)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert "differ on 2 lines" in box.text()
    assert "Line 23, Total due: the business wrote $355.00" in box.informativeText()
    answer(qtbot, Key.Key_Y)
    filed = dialog.result_filed
    assert filed is not None and filed.due_now == Money(36000)
    assert "The account now owes $1,718.02: take the payment at the counter." in dialog.message_label.text()
    assert query(city_db, "SELECT o.revenue_code, o.period, o.amount_cents, o.paid_cents FROM open_items o "
                          f"JOIN accounts a ON a.id = o.account_id WHERE a.number = '{SHOP}' AND o.period = '2026-02'"
                 ) == [("SALESTAX", "2026-02", 36000, 0)]  # fmt: skip
    assert query(city_db, "SELECT period, kind, status, filed_on FROM tax_returns") == [
        ("2026-02", "original", "filed", "2026-03-16")]  # fmt: skip
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.file_button, timeout=2000)
    keyboard.press(Key.Key_Return)  # Enter on Close
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_no_to_the_question_files_nothing(qtbot: Any, keyboard: Keyboard, ctx: ServiceContext,
                                          city_db: Path) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, ctx)
    type_february(keyboard, dialog)
    keyboard.press(Key.Key_F12)
    answer(qtbot, Key.Key_N)
    assert dialog.result_filed is None
    assert "Not filed" in dialog.message_label.text()
    assert query(city_db, "SELECT count(*) FROM tax_returns") == [(0,)]


def test_a_utility_account_is_refused_in_words(qtbot: Any, keyboard: Keyboard, ctx: ServiceContext,
                                               city_db: Path) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, ctx)
    type_february(keyboard, dialog, account="1001")
    assert "is a utility account" in dialog.message_label.text()
    assert dialog.message_label.property("error") is True
    keyboard.press(Key.Key_F12)
    assert dialog.question is None
    assert query(city_db, "SELECT count(*) FROM tax_returns") == [(0,)]


def test_a_return_the_billing_history_shows_filed_is_said_to_be_an_amendment_before_filing(
    qtbot: Any, keyboard: Keyboard, ctx: ServiceContext, city_db: Path
) -> None:
    # Billing's history: the January return came in on 02/01/2026, on time (due 02/20/2026). The
    # business mails the same return again; it arrives today, 03/16/2026.
    con = sqlite3.connect(city_db)
    with con:
        con.execute("INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
                    f"SELECT id, '2026-02-01', 'return', 'Return 2026-01', 123456, 'taxable 32921' FROM accounts "
                    f"WHERE number = '{SHOP}'")  # fmt: skip
    con.close()
    dialog = open_dialog(qtbot, ctx)
    keyboard.type(SHOP)
    keyboard.press(Key.Key_Return)
    keyboard.type("2026-01")
    keyboard.press(Key.Key_Return)
    enter_until(keyboard, dialog.written["gross_sales"])
    keyboard.type("32,921.60")  # x 3.75% = $1,234.56, what billing shows
    # Said before filing, in words: an amendment, not a late original.
    said = ("An amended return for 2026-01; the original was filed on 02/01/2026 (in the account's history from "
            "billing: Return 2026-01). It owes the difference from the return it amends.")  # fmt: skip
    assert dialog.message_label.text() == "Amended return 2026-01 for BROWN HARDWARE LLC. Difference due $0.00."
    assert (dialog.computed["penalty"].text(), dialog.computed["interest"].text()) == ("$0.00", "$0.00")
    amendment = dialog.findChild(QLabel, "taxAmendment")
    assert amendment is not None and amendment.isVisible() and amendment.text() == said
    assert dialog.written["difference"].isVisible()
    assert dialog.computed["previous_total_due"].text() == "$1,234.56"
    assert dialog.computed["difference"].text() == "$0.00"
    keyboard.press(Key.Key_F12)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.text().startswith(said)
    answer(qtbot, Key.Key_Y)
    filed = dialog.result_filed
    assert filed is not None and filed.kind == "amended" and filed.due_now == Money(0)
    assert "The account now owes $1,358.02" in dialog.message_label.text()  # what it owed before: nothing added
    assert query(city_db, "SELECT period, kind, status, amends_id, filed_on FROM tax_returns") == [
        ("2026-01", "amended", "filed", None, "2026-03-16")]  # fmt: skip
    assert query(city_db, "SELECT count(*) FROM open_items WHERE revenue_code IN ('TAXPEN', 'TAXINT')") == [(1,)]


def test_the_account_comes_prefilled_and_the_cursor_starts_at_the_period(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = open_dialog(qtbot, ctx, account=SHOP)
    assert QApplication.focusWidget() is dialog.period_field
    assert dialog.account_field.text() == SHOP
    assert not dialog.written["difference"].isVisible()


def test_delinquent_filers_as_of_today(qtbot: Any, qtmodeltester: Any, ctx: ServiceContext, city_db: Path) -> None:
    con = sqlite3.connect(city_db)
    with con:
        con.execute(f"UPDATE accounts SET created_at = '2025-06-01 12:00:00' WHERE number = '{SHOP}'")
    con.close()
    file_return(ctx, operator("cashier1"), SHOP, "2025-12", ReturnFigures(), {}, dt.date(2026, 1, 10))
    dialog = DelinquentFilersDialog(ctx, operator("cashier1"))
    qtbot.addWidget(dialog)
    show_window(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.message_label.text()), timeout=3000)  # listed off the GUI thread
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    row = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert row[0] == SHOP and row[1] == "BROWN HARDWARE LLC" and row[3] == "Monthly"
    # Opened in June 2025; as of 03/16/2026 every month to January is due; February is due 03/20.
    assert row[4] == "2025-06, 2025-07, 2025-08, 2025-09, 2025-10, 2025-11, 2026-01"
    assert row[5] == "07/20/2025"
    assert "1 account with 7 returns due and not received." in dialog.message_label.text()
    assert TODAY.strftime("%m/%d/%Y") in dialog.windowTitle() + "".join(
        w.text() for w in dialog.findChildren(type(dialog.message_label)))  # fmt: skip


def test_ctrl_shift_t_at_the_counter_opens_the_return_with_the_cursor_in_the_account(
    qtbot: Any, keyboard: Keyboard, window: Any
) -> None:
    keyboard.press(Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TaxReturnDialog), timeout=2000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, TaxReturnDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.account_field, timeout=2000)
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=2000)
