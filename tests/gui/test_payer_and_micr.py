"""Issue 14's receipts at the keyboard: F3 types the payer printed on the receipt, and a check
reader's MICR line applies the check at once, with no Enter, at 1024×768 and at 1280×800."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, wait_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_counter import MICR_LINE, find_and_open, post, printed, rows

from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
SIZES = [(1024, 768), (1280, 800)]


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def sized(window: Any, qtbot: Any, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2000)


def seen(widget: QWidget) -> bool:
    """Shown, and some of it inside the window (not laid out beyond its edge)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


@pytest.mark.parametrize("size", SIZES, ids=["1024x768", "1280x800"])
def test_f3_types_the_payer_it_prints_on_the_receipt_and_the_next_customer_has_none(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
    size: tuple[int, int],
) -> None:
    sized(window, qtbot, size)
    counter = window.counter
    entry = counter.payer_entry
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)  # on the receipt
    keyboard.press(Key.Key_F3)
    assert QApplication.focusWidget() is entry.field and seen(entry.field)
    keyboard.type("Mary  Smith ")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is counter.search_field  # back where every step ends
    assert seen(entry.summary) and entry.summary.text() == "Payer: Mary Smith"
    keyboard.press(Key.Key_F3)  # a second look: the name kept is there, selected
    assert entry.field.selectedText() == "Mary Smith"
    keyboard.type("Someone Else")
    keyboard.press(Key.Key_Escape)  # leaves it as it was, and nothing else steps back
    assert entry.summary.text() == "Payer: Mary Smith" and not entry.editing
    assert counter.lines_model.rowCount() == 1 and QApplication.focusWidget() is counter.search_field

    keyboard.press(Key.Key_F5)
    keyboard.press(Key.Key_Return)
    number = post(keyboard, window)
    assert rows(city_db, "SELECT payer FROM receipts WHERE number = ?", number) == [("Mary Smith",)]
    text = printed(qtbot, printer_emulator, number)
    assert any(line.startswith("Payer") and line.endswith("Mary Smith") for line in text.splitlines()), text
    assert not entry.isVisible() and entry.payer == ""  # the next customer starts with no payer


@pytest.mark.parametrize("size", SIZES, ids=["1024x768", "1280x800"])
def test_a_micr_line_applies_the_check_at_once_without_enter(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, size: tuple[int, int]
) -> None:
    sized(window, qtbot, size)
    counter = window.counter
    entry = counter.tender_entry
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F6)
    keyboard.press(Key.Key_Return)  # the amount due kept
    assert QApplication.focusWidget() is entry.number_field and seen(entry.number_field)
    keyboard.type(MICR_LINE)  # the reader types the line; no Enter follows
    wait_for(lambda: counter.tenders_model.rowCount() == 1, "the check applied")
    assert counter.tenders_model.index(0, 0).data() == "Check #1042"
    assert counter.remaining_value.text() == "$0.00" and not entry.isVisible()
    number = post(keyboard, window)
    assert rows(city_db, "SELECT kind, reference, routing, bank_account FROM tenders t JOIN receipts r "
                         "ON r.id = t.receipt_id WHERE r.number = ?", number) == [
        ("check", "1042", "111000025", "123456789")]  # fmt: skip


def test_a_check_number_typed_by_hand_waits_for_enter(window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F6)
    keyboard.press(Key.Key_Return)
    keyboard.type("1042")  # a check number, not a MICR line: the cashier may still correct it
    qtbot.wait(400)
    assert counter.tenders_model.rowCount() == 0 and QApplication.focusWidget() is counter.tender_entry.number_field
    keyboard.press(Key.Key_Return)
    assert counter.tenders_model.index(0, 0).data() == "Check #1042"
