"""Payment arrangements at the keyboard (Ctrl+Shift+I), on the city's 1024×768 and 1280×800 screens:
the schedule shown before it is saved, saved with Alt+S, the inquiry pane saying what is due now, and
the down payment taken at the counter, its receipt saying what is left and the next date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dialog_support import fit_to_screen
from gui_support import Keyboard, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, cash_exact, post, rows

from cashdesk.ui.arrangements import ArrangementsDialog, ArrangementsModel, ScheduleModel

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SIZES = [(1024, 768), (1280, 800)]


@pytest.fixture
def settings_values() -> dict[str, Any]:
    return {}  # no printer: the receipt's job waits in the queue


def open_arrangements(keyboard: Keyboard, qtbot: Any, window: Any) -> ArrangementsDialog:
    keyboard.press(Key.Key_I, CTRL_SHIFT)
    dialog = window.mail_dialog
    assert isinstance(dialog, ArrangementsDialog)
    wait_for_keyboard(qtbot, dialog.account_field)
    return dialog


def schedule(dialog: ArrangementsDialog) -> list[tuple[str, str, str]]:
    m = dialog.schedule_model
    return [tuple(m.index(r, c).data() for c in (0, 1, 2)) for r in range(m.rowCount())]  # type: ignore[misc]


@pytest.mark.parametrize("screen", SIZES, ids=["1024x768", "1280x800"])
def test_an_arrangement_made_by_keyboard_then_its_down_payment_paid_at_the_counter(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, qtmodeltester: Any, screen: tuple[int, int]
) -> None:
    qtmodeltester.check(ScheduleModel())
    qtmodeltester.check(ArrangementsModel())
    keyboard.type("1001")  # the account on screen is the dialog's first
    keyboard.press(Key.Key_Return)
    assert window.inquiry.pane.account_number == "1001"
    dialog = open_arrangements(keyboard, qtbot, window)
    fit_to_screen(dialog, screen)
    assert dialog.account_field.text() == "1001"
    assert not dialog.action_buttons["cancel"].isVisible()  # a cashier does not cancel arrangements
    keyboard.press(Key.Key_S, ALT)  # nothing shown yet: nothing to save
    qtbot.waitUntil(lambda: "Show the schedule first" in dialog.message_label.text(), timeout=2000)
    wait_for_keyboard(qtbot, dialog.account_field)
    keyboard.press(Key.Key_Return)
    for text in ("10.00", "2", ""):  # down payment, installments, first date (a month from today)
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    said = dialog.message_label.text()
    assert said.startswith("Schedule for 1001 (ALVAREZ, MARIA): $49.50 past due, $10.00 down by 03/19/2026"), said
    assert "Current bills ($42.30) are paid as billed." in said
    assert schedule(dialog) == [("Down payment", "03/19/2026", "$10.00"), ("Installment 1", "04/16/2026", "$19.75"),
                                ("Installment 2", "05/16/2026", "$19.75")]  # fmt: skip
    assert rows(city_db, "SELECT count(*) FROM arrangements") == [(0,)]  # shown, not saved
    keyboard.press(Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "saved" in dialog.message_label.text(), timeout=2000)
    assert dialog.message_label.text().startswith("Arrangement 1 saved for 1001: requested; $10.00 down by 03/19/2026")
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 2).data() == "Requested"
    assert rows(city_db, "SELECT state, debt_cents, down_cents, made_by FROM arrangements") == [
        ("requested", 4950, 1000, "cashier1")]  # fmt: skip
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)
    wait_for_keyboard(qtbot, window.inquiry.search_field)

    for number in ("1002", "1001"):  # another account, then hers again: the pane reads her anew
        window.inquiry.search_field.selectAll()
        keyboard.type(number)
        keyboard.press(Key.Key_Return)
    assert "Arrangement 1 (requested): $49.50 left; $10.00 due now." in window.inquiry.pane.orders_label.text()
    keyboard.press(Key.Key_Return)  # Enter again: her account on the receipt
    assert QApplication.focusWidget() is window.counter.pay_strip.amount_field
    keyboard.type("10")
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    number = post(keyboard, window)
    assert rows(city_db, "SELECT l.memo FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
                "WHERE r.number = ?", number) == [
        ("Arrangement 1: $10.00 paid, $39.50 left, next $19.75 due 2026-04-16",)]  # fmt: skip
    assert rows(city_db, "SELECT state FROM arrangements") == [("active",)]
    assert rows(city_db, "SELECT seq, paid_cents FROM arrangement_installments ORDER BY seq") == [
        (0, 1000), (1, 0), (2, 0)]  # fmt: skip
