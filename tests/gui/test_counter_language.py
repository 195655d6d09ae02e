"""The customer's language at the counter, by keyboard: Ctrl+Shift+L prints this receipt in the other
language (said beside the receipt's heading), the printed receipt is in it, and the next receipt is back
in its account's language; a Spanish account's pane and receipt say Español."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from gui_support import Keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, cash_exact, find_and_open, post, printed, rows, settings_values  # noqa: F401

from cashdesk.ui.counter_widgets import KEY_LEGEND
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key


def pay(keyboard: Keyboard, window: Any, amount: str) -> None:
    find_and_open(keyboard, window, "1001")
    keyboard.type(amount)
    keyboard.press(Key.Key_Return)


def test_ctrl_shift_l_prints_this_receipt_in_spanish_and_the_next_in_the_accounts_english(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    counter = window.counter
    assert dict(KEY_LEGEND)["Ctrl+Shift+L"] == "Language"
    pay(keyboard, window, "40")
    assert counter.language_label.text() == "in English"
    where = QApplication.focusWidget()
    keyboard.press(Key.Key_L, CTRL_SHIFT)
    assert counter.language_label.text() == "in Español (this receipt)"
    assert "This receipt prints in Español" in counter.message_label.text()
    assert QApplication.focusWidget() is where  # the key moves nothing: the next key goes where it went
    cash_exact(keyboard)
    number = post(keyboard, window)
    assert rows(city_db, "SELECT language FROM receipts WHERE number = ?", number) == [("es",)]
    text = printed(qtbot, printer_emulator, number, kicks=1)
    for said in ("RECIBO", "Cuenta 1001", "Efectivo recibido", "$40.00", "Cambio", "Gracias"):
        assert said in text, said
    assert "Cash tendered" not in text

    # Cleared with the receipt: the next one prints in the account's language.
    assert counter.language_label.text() == "in English"
    pay(keyboard, window, "10")
    assert counter.language_label.text() == "in English"
    cash_exact(keyboard)
    following = post(keyboard, window)
    english = printed(qtbot, printer_emulator, following, kicks=2)
    assert "RECEIPT" in english and "Cash tendered" in english and "Recibo" not in english
    assert rows(city_db, "SELECT language FROM receipts WHERE number = ?", following) == [("en",)]


def test_a_spanish_account_says_so_and_the_key_turns_one_receipt_back_to_english(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    con = sqlite3.connect(city_db)
    with con:
        con.execute("UPDATE accounts SET language = 'es' WHERE number = '1001'")
    con.close()
    counter = window.counter
    pay(keyboard, window, "20")
    assert window.inquiry.pane.kind_label.text() == "Utility account · Active · prints in Español"
    assert counter.language_label.text() == "in Español"
    keyboard.press(Key.Key_L, CTRL_SHIFT)
    assert counter.language_label.text() == "in English (this receipt)"
    keyboard.press(Key.Key_L, CTRL_SHIFT)  # and back: no choice left, the account's own
    assert counter.language_label.text() == "in Español"
    cash_exact(keyboard)
    number = post(keyboard, window)
    assert "Efectivo recibido" in printed(qtbot, printer_emulator, number, kicks=1)
