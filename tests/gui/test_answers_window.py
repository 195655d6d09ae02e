"""Answers at the counter (F1) and the supplies screen (Ctrl+Shift+U), by keyboard, on the city's
1024×768 and 1280×800 screens: an account's answers beside it, a customer's words searched, an
answer printed through the queue and saved as a PDF, stock received and counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dialog_support import SCREENS, fit_to_screen
from gui_support import Keyboard, wait_for_keyboard
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, rows

from cashdesk.domain.security import Role
from cashdesk.services import answer_files, supplies
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.ui.answers import AnswersDialog
from cashdesk.ui.supplies import SuppliesDialog

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SUPERVISOR = Operator("super1", Role.SUPERVISOR)


@pytest.fixture
def answered(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    answer_files.load_starter_set(ctx, SUPERVISOR)
    ctx.settings = ctx.settings.with_values(reports__folder=str(tmp_path / "reports"))
    return ctx


@pytest.fixture(params=SCREENS, ids=["1024x768", "1280x800"])
def screen(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


def find_account(keyboard: Keyboard, window: Any, number: str) -> None:
    keyboard.type(number)
    keyboard.press(Key.Key_Return)
    assert window.inquiry.pane.account_number == number


def open_answers(keyboard: Keyboard, qtbot: Any, window: Any, screen: tuple[int, int]) -> AnswersDialog:
    keyboard.press(Key.Key_F1)
    dialog = window.mail_dialog
    assert isinstance(dialog, AnswersDialog)
    fit_to_screen(dialog, screen)
    wait_for_keyboard(qtbot, dialog.search_field)
    return dialog


def test_a_shut_off_account_shows_its_answers_and_f1_searches_prints_and_saves_them(
    answered: ServiceContext, window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, tmp_path: Path,
    screen: tuple[int, int],
) -> None:  # fmt: skip
    window.resize(*screen)
    find_account(keyboard, window, "1002")  # José Alvarez: shut off, past due
    beside = window.inquiry.pane.answers_label.text()
    assert beside.startswith("Answers for this account (F1): ") and "Reconnecting water service" in beside

    dialog = open_answers(keyboard, qtbot, window, screen)
    listed = [dialog.results.item(n).text() for n in range(dialog.results.count())]
    assert "Reconnecting water service after a shut-off" in listed[:3]
    assert "Answers for the account shown" in dialog.message.text()

    keyboard.type("where do I pay a parking ticket")
    keyboard.press(Key.Key_Return)
    assert dialog.results.item(0).text() == "Referral: Aurelia Municipal Court"
    assert "(303) 555-0140" in dialog.text.toPlainText()

    dialog.search_field.selectAll()
    keyboard.type("can I pay in installments")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    assert QApplication.focusWidget() is dialog.results
    assert dialog.current is not None and dialog.current.slug == "payment-arrangement"
    assert "A quarter of the past-due balance" in dialog.text.toPlainText()

    keyboard.press(Key.Key_P, CTRL)
    assert "is going to the receipt printer" in dialog.message.text()
    printed = rows(city_db, "SELECT kind FROM print_jobs WHERE kind = 'answer_slip'")
    assert printed == [("answer_slip",)]
    keyboard.press(Key.Key_D, CTRL)
    saved = tmp_path / "reports" / "answer-payment-arrangement.pdf"
    assert dialog.message.text() == f"The handout is saved: {saved}"
    assert "Payment arrangements" in PdfReader(saved).pages[0].extract_text()

    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)
    wait_for_keyboard(qtbot, window.search_field)  # back at the search box for the next customer


def test_a_sales_tax_account_names_filing_and_penalties(answered: ServiceContext, window: Any,
                                                        keyboard: Keyboard) -> None:  # fmt: skip
    find_account(keyboard, window, "2001")  # Brown Hardware: tax and a penalty past due
    beside = window.inquiry.pane.answers_label.text()
    assert "Late filing penalties and interest on sales tax" in beside and "Filing a city sales tax return" in beside
    assert "shut" not in beside.lower()


def test_supplies_are_received_issued_and_counted_by_keyboard(
    answered: ServiceContext, window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, tmp_path: Path,
    screen: tuple[int, int],
) -> None:  # fmt: skip
    supplies.add_item(answered, SUPERVISOR, "PAPER-ROLL", "Receipt paper roll", unit="roll", minimum=10, maximum=40)
    supplies.add_item(answered, SUPERVISOR, "BAGS", "Deposit bags", unit="bag", minimum=5, maximum=50)
    keyboard.press(Key.Key_U, CTRL_SHIFT)
    dialog = window.mail_dialog
    assert isinstance(dialog, SuppliesDialog)
    fit_to_screen(dialog, screen)
    wait_for_keyboard(qtbot, dialog.table)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["BAGS", "PAPER-ROLL"]

    keyboard.press(Key.Key_F5)  # BAGS, the first row: received
    assert dialog.ask_label.text() == "BAGS: How many received?"
    keyboard.type("30")
    keyboard.press(Key.Key_Return)
    assert dialog.message.text() == "BAGS: received 30; on hand 30."
    assert QApplication.focusWidget() is dialog.table
    keyboard.press(Key.Key_F7)
    keyboard.type("28")
    keyboard.press(Key.Key_Return)
    assert dialog.message.text() == "BAGS: counted 28 (a difference of -2); on hand 28."
    assert dialog.table.item(0, 2).text() == "28"

    keyboard.press(Key.Key_Down)  # PAPER-ROLL: none on hand, under its minimum: reorder 40
    assert dialog.table.item(1, 6).text() == "40"
    keyboard.press(Key.Key_F6)
    keyboard.type("1")
    keyboard.press(Key.Key_Return)
    assert "only 0 on hand" in dialog.message.text()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)
    assert rows(city_db, "SELECT kind, quantity, user FROM supply_movements ORDER BY id") == [
        ("received", 30, "cashier1"), ("counted", -2, "cashier1")]  # fmt: skip


def test_the_count_sheet_is_saved_with_ctrl_s(answered: ServiceContext, window: Any, keyboard: Keyboard,
                                               qtbot: Any, tmp_path: Path) -> None:  # fmt: skip
    supplies.add_item(answered, SUPERVISOR, "FORM-ST100", "Sales tax return form", unit="form", minimum=50)
    keyboard.press(Key.Key_U, CTRL_SHIFT)
    dialog = window.mail_dialog
    wait_for_keyboard(qtbot, dialog.table)
    keyboard.press(Key.Key_S, CTRL)
    assert dialog.message.text().startswith("The count sheet is saved: ")
    sheet = next((tmp_path / "reports").glob("supplies-count-*.pdf"))
    assert "Sales tax return form" in PdfReader(sheet).pages[0].extract_text()
