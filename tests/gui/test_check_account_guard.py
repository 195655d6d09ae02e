"""The card guard at the counter (issue 13 §3): a check's account number read from its MICR line
is never wiped as a card number, however its digits fall; a card number in the same field is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import find_and_open, post, rows

from cashdesk.ui.fields import CARD_NUMBER_REFUSED
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
#: A check whose bank account number happens to be the digits of a Visa test card.
CARD_LIKE_ACCOUNT = "4012888888881881"


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def open_check(keyboard: Keyboard, window: Any, amount: str) -> Any:
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F6)
    keyboard.type(amount)
    keyboard.press(Key.Key_Return)
    entry = window.counter.tender_entry
    assert QApplication.focusWidget() is entry.number_field
    return entry


def test_a_check_whose_account_looks_like_a_card_is_read_and_posted(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    entry = open_check(keyboard, window, "91.80")
    keyboard.type(f"T111000025T {CARD_LIKE_ACCOUNT}O 1042")  # the check reader, then Enter
    qtbot.wait(300)  # past the guard's pause after typing
    assert entry.message_label.text() != CARD_NUMBER_REFUSED
    keyboard.press(Key.Key_Return)
    assert window.counter.tenders_model.index(0, 0).data() == "Check #1042"
    post(keyboard, window)
    assert rows(city_db, "SELECT kind, reference, routing, bank_account FROM tenders") == [
        ("check", "1042", "111000025", CARD_LIKE_ACCOUNT)
    ]


def test_a_card_number_typed_where_the_check_number_goes_is_still_wiped(
    window: Any, keyboard: Keyboard, qtbot: Any
) -> None:
    entry = open_check(keyboard, window, "91.80")
    keyboard.type("4012 8888 8888 1881")
    qtbot.waitUntil(lambda: entry.number_field.text() == "", timeout=2000)
    assert entry.message_label.text() == CARD_NUMBER_REFUSED
    assert window.counter.tenders_model.rowCount() == 0
