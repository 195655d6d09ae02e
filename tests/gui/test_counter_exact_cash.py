"""One key fewer: a stub paid in exact cash is the scan, F5, F12. F5 puts the account opened for
payment on the receipt (as its Enter would) and proposes the amount still to pay; F12 takes the
cash shown as tendered and posts. The longer flow (Enter, F5, Enter, F12) still works
(tests/gui/test_counter.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_support import Keyboard, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import STUB, answer, find_and_open, rows, scan

Key = Qt.Key


def test_scan_f5_f12_pays_a_stub_in_exact_cash(window: Any, keyboard: Keyboard, city_db: Path) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    assert QApplication.focusWidget() is counter.pay_strip.amount_field
    keyboard.press(Key.Key_F5)
    assert [line.number for line in counter.cart.lines] == ["1001"]  # on the receipt without its Enter
    assert not counter.pay_strip.isVisible()
    entry = counter.tender_entry
    assert entry.isVisible() and QApplication.focusWidget() is entry.amount_field
    assert entry.amount_field.selectedText() == "91.80"  # proposed, selected: typing replaces it
    assert counter.remaining_value.text() == "$91.80"

    keyboard.press(Key.Key_F12)
    assert window.ready_for_next, counter.message_label.text()
    assert counter.change_box.isVisible() and counter.change_caption.text() == "No change due"
    assert rows(city_db, "SELECT total_cents, tendered_cents, change_cents, status FROM receipts") == [
        (9180, 9180, 0, "posted")
    ]
    assert rows(city_db, "SELECT kind, amount_cents FROM tenders") == [("cash", 9180)]


def test_an_amount_typed_over_the_proposed_cash_is_taken_instead(
    window: Any, keyboard: Keyboard, city_db: Path
) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    keyboard.press(Key.Key_F5)
    keyboard.type("100")
    keyboard.press(Key.Key_F12)
    assert window.ready_for_next, counter.message_label.text()
    assert (counter.change_caption.text(), counter.change_label.text()) == ("Change due", "$8.20")
    assert rows(city_db, "SELECT total_cents, tendered_cents, change_cents FROM receipts") == [(9180, 10000, 820)]


def test_less_cash_than_owed_at_f12_is_taken_and_the_rest_is_asked_for(
    window: Any, keyboard: Keyboard, city_db: Path
) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    keyboard.press(Key.Key_F5)
    keyboard.type("50")
    keyboard.press(Key.Key_F12)
    assert [t.amount.cents for t in counter.cart.tenders] == [5000]
    assert counter.message_label.text().startswith("$41.80 is still to be paid")
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]
    keyboard.press(Key.Key_F5)
    assert counter.tender_entry.amount_field.selectedText() == "41.80"
    keyboard.press(Key.Key_F12)
    assert window.ready_for_next
    assert rows(city_db, "SELECT kind, amount_cents FROM tenders ORDER BY id") == [("cash", 5000), ("cash", 4180)]


def test_cash_that_is_not_an_amount_is_refused_at_f12_and_nothing_posts(
    window: Any, keyboard: Keyboard, city_db: Path
) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    keyboard.press(Key.Key_F5)
    keyboard.type("9x")
    keyboard.press(Key.Key_F12)
    entry = counter.tender_entry
    assert entry.isVisible() and QApplication.focusWidget() is entry.amount_field
    assert entry.message_label.property("error") is True
    assert counter.cart.tenders == []
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]


def test_a_check_key_from_the_pay_strip_puts_the_account_on_first(window: Any, keyboard: Keyboard) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "2001")
    keyboard.type("200")  # a partial payment typed in the strip
    keyboard.press(Key.Key_F6)
    assert [(line.number, line.amount.cents) for line in counter.cart.lines] == [("2001", 20000)]
    assert counter.tender_entry.title_label.text() == "Check (F6)"
    assert counter.tender_entry.amount_field.selectedText() == "200.00"
    keyboard.press(Key.Key_F12)  # a check is not taken by F12: it needs its number
    assert counter.cart.tenders == []
    assert counter.message_label.text().startswith("$200.00 is still to be paid")


def test_more_than_owed_at_f5_asks_first_then_proposes_the_cash(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "1001")
    keyboard.type("100")
    keyboard.press(Key.Key_F5)
    answer(qtbot, Key.Key_Y)  # keep $8.20 as a credit
    entry = counter.tender_entry
    wait_for_keyboard(qtbot, entry.amount_field)
    assert entry.amount_field.selectedText() == "100.00"
    keyboard.press(Key.Key_F12)
    assert window.ready_for_next
    assert rows(city_db, "SELECT credit_cents FROM accounts WHERE number = '1001'") == [(820,)]


def test_a_refused_amount_in_the_pay_strip_stops_f5_there(window: Any, keyboard: Keyboard) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "chen")  # closed, owes nothing: 0.00 proposed
    keyboard.press(Key.Key_F5)
    assert counter.cart.empty and not counter.tender_entry.isVisible()
    assert counter.pay_strip.message_label.text() == "The amount must be more than $0.00."
    assert QApplication.focusWidget() is counter.pay_strip.amount_field
