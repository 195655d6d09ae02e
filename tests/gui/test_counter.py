"""The counter at the keyboard: stubs, carts, every tender, posting, voids, and the receipts on a
real TCP ESC/POS printer (the emulator), which never holds up a payment."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from gui_support import PASSWORDS, Keyboard, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cashdesk.domain.accounts import AccountKind, Flag, FlagSeverity
from cashdesk.domain.money import Money
from cashdesk.domain.scanline import build
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.ui.cart import AccountLine, CartLinesModel, MiscLine, TendersModel
from cashdesk.ui.counter import NOT_A_CASHIER
from cashdesk.ui.fields import CARD_NUMBER_REFUSED
from cashdesk.ui.main_window import Mode
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

#: Maria Alvarez's March stub: the billing system pads her account 1001 to ten digits.
STUB = build(AccountKind.UTILITY, "0000001001", dt.date(2026, 3, 25), Money(9180))
#: A routing number that passes its checksum, an account, check number 1042.
MICR_LINE = "T111000025T 123456789O 1042"


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


def rows(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def answer(qtbot: Any, key: Key) -> None:
    """A yes/no question is over the window: press Y or N as the cashier would."""

    def asking() -> bool:
        box, focus = QApplication.activeModalWidget(), QApplication.focusWidget()
        return isinstance(box, QMessageBox) and focus is not None and box.isAncestorOf(focus)

    qtbot.waitUntil(asking, timeout=2000)
    box = QApplication.activeModalWidget()
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box, timeout=2000)
    # The keyboard goes back to the window a moment after the box closes (later on a busy machine).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)


def scan(keyboard: Keyboard, line: str) -> None:
    """The keyboard-wedge scanner: the stub's digits, then Enter."""
    keyboard.type(line)
    keyboard.press(Key.Key_Return)


def find_and_open(keyboard: Keyboard, window: Any, query: str) -> None:
    """Search, go down into the results (on the account shown), Enter: the account opens for payment."""
    keyboard.press(Key.Key_F2)
    keyboard.type(query)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is window.counter.pay_strip.amount_field


def cash_exact(keyboard: Keyboard) -> None:
    keyboard.press(Key.Key_F5)
    keyboard.press(Key.Key_Return)


def post(keyboard: Keyboard, window: Any) -> str:
    keyboard.press(Key.Key_F12)
    assert window.ready_for_next, window.counter.message_label.text()
    number = window.counter.last_receipt
    assert number is not None
    return number


def supervisor_approves(qtbot: Any, keyboard: Keyboard, dialog: Any, user_id: str = "super1") -> None:
    wait_for_keyboard(qtbot, dialog.form.user_field)
    keyboard.type(user_id)
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS[user_id])
    keyboard.press(Key.Key_Return)


def printed(qtbot: Any, emulator: PrinterEmulator, number: str, *, kicks: int | None = None) -> str:  # noqa: F811
    """Wait until the receipt came out of the printer; its text."""

    def out() -> bool:
        texts = [r for r in emulator.receipts_text() if number in r]
        return bool(texts) and (kicks is None or emulator.drawer_kicks() == kicks)

    qtbot.waitUntil(out, timeout=10_000)
    (text,) = [r for r in emulator.receipts_text() if number in r and "REPRINT" not in r and "VOID" not in r]
    return text


# -- the drawer ------------------------------------------------------------------------------------


def test_a_cashier_counts_the_float_by_keyboard_and_the_drawer_opens(
    signed_out_window: Any, keyboard: Keyboard, city_db: Path, qtbot: Any
) -> None:
    window = signed_out_window
    sign_in(keyboard, window, "cashier2")
    screen = window.float_screen
    assert window.mode is Mode.WORKING and window.work.currentWidget() is screen
    assert QApplication.focusWidget() is screen.count_fields["B100"]
    assert "Esc Not now" in window.hints_label.text()
    assert not window.inquiry.isVisible()

    keyboard.press(Key.Key_Return)  # no $100 bills: Enter goes on
    keyboard.press(Key.Key_Tab)  # no $50 bills: Tab goes on too
    keyboard.type("5")  # five $20 bills
    keyboard.press(Key.Key_Return)
    assert screen.total_label.text() == "$100.00"
    keyboard.type("3x")  # a slip of the finger on the $10 bills
    assert screen.total_label.text() == "—"
    assert screen.message_label.text() == "$10 bills: type how many, as a whole number (like 12)."
    assert screen.message_label.property("error") is True
    keyboard.press(Key.Key_Backspace)
    assert screen.total_label.text() == "$130.00" and screen.message_label.text() == ""
    keyboard.press(Key.Key_Return)
    keyboard.type("4")  # $5 bills
    for _ in range(5):  # $2, $1 bills, $1, 50¢ coins, on to the quarters
        keyboard.press(Key.Key_Return)
    keyboard.type("40")
    assert screen.total_label.text() == "$160.00"
    while QApplication.focusWidget() is not screen.open_button:
        keyboard.press(Key.Key_Return)
    assert screen.open_button.text() == "Open the drawer with $160.00"
    keyboard.press(Key.Key_Return)

    assert window.work.currentWidget() is window.counter
    assert QApplication.focusWidget() is window.inquiry.search_field
    assert "Drawer open with a float of $160.00" in window.counter.message_label.text()
    assert rows(city_db, "SELECT cashier, station, opening_float_cents, status FROM drawers") == [
        ("cashier2", "W01", 16000, "open")
    ]
    assert rows(city_db, "SELECT opening_count FROM drawers") == [('{"B10":3,"B20":5,"B5":4,"C25":40}',)]
    keyboard.press(Key.Key_D, CTRL_SHIFT)  # open it again? it is open
    assert window.work.currentWidget() is window.counter
    assert "open already" in window.counter.message_label.text()


def test_not_now_then_a_payment_key_asks_for_the_float_again(
    signed_out_window: Any, keyboard: Keyboard, ctx: ServiceContext
) -> None:
    window = signed_out_window
    sign_in(keyboard, window, "super2")
    keyboard.press(Key.Key_Escape)
    assert window.work.currentWidget() is window.counter
    assert "No drawer open" in window.inquiry.message_label.text()
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    assert window.inquiry.pane.account_number == "1001"  # looking up works without a drawer
    keyboard.press(Key.Key_F5)
    assert window.work.currentWidget() is window.float_screen
    assert QApplication.focusWidget() is window.float_screen.first_field


def test_an_administrator_looks_up_accounts_only(signed_out_window: Any, keyboard: Keyboard, city_db: Path) -> None:
    window = signed_out_window
    sign_in(keyboard, window, "admin1")
    assert window.work.currentWidget() is window.counter  # no float to count
    assert not window.counter.receipt_panel.isVisible()
    assert not window.menus.counter_menu.menuAction().isVisible()
    assert "F12" not in window.hints_label.text()
    keyboard.type("1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Return)
    assert not window.counter.pay_strip.isVisible()
    assert window.inquiry.message_label.text() == NOT_A_CASHIER
    keyboard.press(Key.Key_F5)
    assert rows(city_db, "SELECT count(*) FROM drawers") == [(0,)]


# -- paying -------------------------------------------------------------------------------------------


def test_scan_a_stub_and_pay_exact_cash(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    counter = window.counter
    assert QApplication.focusWidget() is window.inquiry.search_field
    scan(keyboard, STUB)
    assert window.inquiry.pane.account_number == "1001"
    assert window.inquiry.message_label.text() == "Bill stub for account 1001: $91.80 due 03/25/2026."
    strip = counter.pay_strip
    assert strip.isVisible() and QApplication.focusWidget() is strip.amount_field
    assert strip.amount_field.selectedText() == "91.80"  # the stub's amount due
    assert not strip.flags_label.isVisible()
    keyboard.press(Key.Key_Return)
    assert [line.number for line in counter.cart.lines] == ["1001"]
    assert counter.total_value.text() == "$91.80" and counter.remaining_value.text() == "$91.80"
    assert QApplication.focusWidget() is window.inquiry.search_field

    keyboard.press(Key.Key_F5)
    assert counter.tender_entry.isVisible()
    assert counter.tender_entry.amount_field.selectedText() == "91.80"  # the remaining amount
    keyboard.press(Key.Key_Return)
    assert counter.remaining_value.text() == "$0.00" and counter.change_value.text() == "$0.00"
    number = post(keyboard, window)

    assert number == "W01-2026-000001"
    assert counter.change_box.isVisible() and counter.change_caption.text() == "No change due"
    assert number in counter.posted_label.text()
    assert counter.cart.empty and counter.lines_model.rowCount() == 0
    assert rows(city_db, "SELECT number, total_cents, tendered_cents, change_cents, status, cashier FROM receipts") == [
        (number, 9180, 9180, 0, "posted", "cashier1")
    ]
    assert rows(city_db, "SELECT sum(amount_cents - paid_cents) FROM open_items o JOIN accounts a "
                         "ON a.id = o.account_id WHERE a.number = '1001'") == [(0,)]  # fmt: skip
    text = printed(qtbot, printer_emulator, number, kicks=1)
    for part in ("RECEIPT", number, "1001", "ALVAREZ, MARIA", "$91.80", "cashier1"):
        assert part in text, part
    assert number in printer_emulator.printout().barcodes
    qtbot.waitUntil(lambda: window.printer_label.text() == "Printer: Online", timeout=5000)
    assert not window.printer_banner.isVisible()

    keyboard.type("chen")  # the next customer: the change stays until their first line goes on
    keyboard.press(Key.Key_Return)
    assert counter.change_box.isVisible()


def test_a_stub_scanned_before_enter_opens_its_own_account(window: Any, keyboard: Keyboard) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "2001")
    scan(keyboard, STUB)  # into the amount to pay, before Enter put 2001 on the receipt
    assert counter.cart.empty
    assert counter.pay_strip.title_label.text().startswith("Pay on account 1001")
    assert counter.pay_strip.amount_field.selectedText() == "91.80"
    keyboard.press(Key.Key_Return)
    assert [line.number for line in counter.cart.lines] == ["1001"]


def test_a_bad_scan_line_is_refused_and_nothing_is_added(window: Any, keyboard: Keyboard) -> None:
    bad = STUB[:-1] + str((int(STUB[-1]) + 1) % 10)
    scan(keyboard, bad)
    assert window.inquiry.message_label.text() == (
        "The scan line's check digit is wrong: scan the stub again, or type the account number."
    )
    assert window.inquiry.message_label.property("error") is True
    assert not window.counter.pay_strip.isVisible()
    assert window.counter.cart.empty
    assert window.inquiry.pane.account_number is None
    assert QApplication.focusWidget() is window.inquiry.search_field
    assert window.inquiry.search_field.selectedText() == bad  # the next scan replaces it

    scan(keyboard, build(AccountKind.UTILITY, "0000009999", dt.date(2026, 3, 25), Money(100)))
    assert "not in cashdesk" in window.inquiry.message_label.text()
    assert window.counter.cart.empty


def test_split_cash_and_a_check_read_by_the_micr_reader_with_change(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F6)
    entry = counter.tender_entry
    assert entry.title_label.text() == "Check (F6)"
    assert entry.amount_field.selectedText() == "91.80"
    keyboard.type("50")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is entry.number_field
    keyboard.type(MICR_LINE)  # the check reader types the MICR line and Enter
    keyboard.press(Key.Key_Return)
    assert counter.tenders_model.index(0, 0).data() == "Check #1042"
    assert counter.remaining_value.text() == "$41.80"

    keyboard.press(Key.Key_F5)
    assert entry.amount_field.selectedText() == "41.80"
    keyboard.type("50")
    keyboard.press(Key.Key_Return)
    assert counter.change_value.text() == "$8.20"
    assert "Change due: $8.20" in counter.message_label.text()
    number = post(keyboard, window)
    assert (counter.change_caption.text(), counter.change_label.text()) == ("Change due", "$8.20")

    assert rows(city_db, "SELECT total_cents, tendered_cents, change_cents FROM receipts") == [(9180, 10000, 820)]
    assert rows(city_db, "SELECT kind, amount_cents, reference, routing, bank_account FROM tenders ORDER BY id") == [
        ("check", 5000, "1042", "111000025", "123456789"), ("cash", 5000, "", "", "")]  # fmt: skip
    text = printed(qtbot, printer_emulator, number, kicks=1)
    assert "Check #1042" in text and "$8.20" in text


def test_a_check_is_never_for_more_than_the_total_and_a_check_needs_its_number(window: Any, keyboard: Keyboard) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F6)
    keyboard.type("100")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)  # no check number
    entry = counter.tender_entry
    assert entry.message_label.text() == "A check needs its check number (up to 10 digits)."
    assert QApplication.focusWidget() is entry.number_field
    keyboard.type("1042")
    keyboard.press(Key.Key_Return)
    assert entry.message_label.text().startswith("A check can be for at most $91.80")
    assert counter.cart.tenders == []
    keyboard.press(Key.Key_Escape)  # cancels the tender
    assert not entry.isVisible() and QApplication.focusWidget() is window.inquiry.search_field


def test_two_accounts_and_a_permit_on_one_receipt(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    find_and_open(keyboard, window, "2001")
    assert counter.pay_strip.amount_field.text() == "1358.02"
    keyboard.type("200")
    keyboard.press(Key.Key_Return)

    keyboard.press(Key.Key_F4)
    misc = counter.misc_entry
    assert misc.isVisible() and QApplication.focusWidget() is misc.code_combo
    keyboard.type("B")  # the first letters of the code
    assert misc.code_combo.currentData() == "BLDGPRMT"
    keyboard.press(Key.Key_Return)
    keyboard.type("125")
    keyboard.press(Key.Key_Return)
    keyboard.type("Fence permit 2026-118")
    keyboard.press(Key.Key_Return)
    assert [counter.lines_model.index(r, 0).data() for r in range(3)] == [
        "Account 1001 — ALVAREZ, MARIA",
        "Account 2001 — BROWN HARDWARE LLC",
        "BLDGPRMT — Building permit: Fence permit 2026-118",
    ]
    assert counter.total_value.text() == "$416.80"

    keyboard.press(Key.Key_F5)
    keyboard.type("420")
    keyboard.press(Key.Key_Return)
    number = post(keyboard, window)
    assert (counter.change_caption.text(), counter.change_label.text()) == ("Change due", "$3.20")
    assert rows(
        city_db, "SELECT line_no, kind, revenue_code, memo, amount_cents FROM receipt_lines ORDER BY line_no"
    ) == [
        (1, "account", None, "", 9180),
        (2, "account", None, "", 20000),
        (3, "misc", "BLDGPRMT", "Fence permit 2026-118", 12500),
    ]
    text = printed(qtbot, printer_emulator, number, kicks=1)
    for part in ("1001", "2001", "BROWN HARDWARE LLC", "BLDGPRMT", "Fence permit 2026-118", "$416.80", "$3.20"):
        assert part in text, part


def test_a_partial_payment(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> None:
    from cashdesk.services.accounts import account_detail

    find_and_open(keyboard, window, "alvarez")
    keyboard.type("40")
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    post(keyboard, window)
    detail = account_detail(ctx, "1001")
    assert detail.balance == Money(5180)
    # The late fee first, then the oldest water bill.
    assert [(i.revenue_code, i.open_amount) for i in detail.items][:2] == [
        ("WATER", Money(950)),
        ("WATER", Money(4230)),
    ]


def test_more_than_owed_asks_then_keeps_the_excess_as_credit(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "1001")
    keyboard.type("100")
    keyboard.press(Key.Key_Return)
    answer(qtbot, Key.Key_N)  # no: change the amount
    assert counter.cart.empty
    wait_for_keyboard(qtbot, counter.pay_strip.amount_field)
    assert counter.pay_strip.amount_field.selectedText() == "91.80"
    assert "owes $91.80" in counter.pay_strip.message_label.text()

    keyboard.type("100")
    keyboard.press(Key.Key_Return)
    answer(qtbot, Key.Key_Y)  # yes: keep $8.20 as a credit
    assert counter.lines_model.index(0, 0).data() == "Account 1001 — ALVAREZ, MARIA (credit $8.20)"
    assert "$8.20 is kept as a credit" in counter.message_label.text()
    wait_for_keyboard(qtbot, window.inquiry.search_field)
    cash_exact(keyboard)
    post(keyboard, window)
    assert rows(city_db, "SELECT credit_cents FROM accounts WHERE number = '1001'") == [(820,)]
    assert rows(city_db, "SELECT amount_cents, credit_cents FROM receipt_lines") == [(10000, 820)]


def test_a_card_tender_keeps_only_brand_last_four_and_approval(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    counter = window.counter
    keyboard.type("4111 1111 1111 1111")  # a card number typed into the search box
    keyboard.press(Key.Key_Return)
    assert window.inquiry.search_field.text() == ""
    assert window.inquiry.message_label.text() == CARD_NUMBER_REFUSED
    assert window.inquiry.search_field.isUndoAvailable() is False  # not even in the undo history

    find_and_open(keyboard, window, "1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F7)
    entry = counter.tender_entry
    keyboard.press(Key.Key_Return)  # the whole amount
    assert QApplication.focusWidget() is entry.brand_combo
    keyboard.press(Key.Key_Return)  # no brand yet
    assert entry.message_label.text().startswith("Choose the card brand")
    keyboard.type("V")
    assert entry.brand_combo.currentData() == "VISA"
    keyboard.press(Key.Key_Return)
    keyboard.type("4111111111111111")  # the whole number where the last four go: only four stay
    assert entry.last4_field.text() == "4111"
    entry.last4_field.selectAll()
    keyboard.type("4242")
    keyboard.press(Key.Key_Return)
    keyboard.type("A1B2C3")
    keyboard.press(Key.Key_Return)
    assert counter.tenders_model.index(0, 0).data() == "VISA ****4242 auth A1B2C3"
    number = post(keyboard, window)

    assert rows(city_db, "SELECT kind, amount_cents, card_brand, card_last4, reference FROM tenders") == [
        ("card", 9180, "VISA", "4242", "A1B2C3")]  # fmt: skip
    qtbot.waitUntil(lambda: any(number in r for r in printer_emulator.receipts_text()), timeout=10_000)
    text = printed(qtbot, printer_emulator, number)
    assert "VISA ****4242" in text
    assert "4111" not in text
    assert printer_emulator.drawer_kicks() == 0  # no cash, no drawer


def test_a_card_number_typed_into_a_memo_is_wiped(window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    counter = window.counter
    keyboard.press(Key.Key_F4)
    keyboard.type("C")  # COPIES
    keyboard.press(Key.Key_Return)
    keyboard.type("2.50")
    keyboard.press(Key.Key_Return)
    keyboard.type("paid with 4111-1111-1111-1111")
    qtbot.waitUntil(lambda: counter.misc_entry.memo_field.text() == "", timeout=2000)  # wiped once typing stops
    assert counter.misc_entry.message_label.text() == CARD_NUMBER_REFUSED
    assert counter.cart.empty


def test_a_cash_only_account_refuses_a_check(window: Any, keyboard: Keyboard, city_db: Path) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "1002")
    strip = counter.pay_strip
    assert strip.flags_label.isVisible()
    assert strip.flags_label.text() == "CASH ONLY  ·  SHUT OFF"
    assert strip.amount_field.text() == "145.00"
    keyboard.press(Key.Key_Return)
    assert "Take cash only." in counter.message_label.text()

    for key in (Key.Key_F6, Key.Key_F7, Key.Key_F8):
        keyboard.press(key)
        assert not counter.tender_entry.isVisible()
        assert counter.message_label.property("error") is True
        assert "Account 1002 is cash only" in counter.message_label.text()
    assert counter.message_label.text() == "Account 1002 is cash only: no money order. Take cash (F5)."
    cash_exact(keyboard)
    post(keyboard, window)
    assert rows(city_db, "SELECT kind, amount_cents FROM tenders") == [("cash", 14500)]


def test_a_money_order_and_escape_cancels_the_transaction_after_asking(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "2001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F8)
    keyboard.type("1000")
    keyboard.press(Key.Key_Return)
    keyboard.type("MO-778812")
    keyboard.press(Key.Key_Return)
    assert counter.tenders_model.index(0, 0).data() == "Money order #MO-778812"
    assert counter.remaining_value.text() == "$358.02"

    keyboard.press(Key.Key_Escape)  # in the search box: cancel the whole transaction?
    answer(qtbot, Key.Key_N)
    assert not counter.cart.empty
    wait_for_keyboard(qtbot, window.inquiry.search_field)
    keyboard.press(Key.Key_Escape)
    answer(qtbot, Key.Key_Y)
    assert counter.cart.empty and counter.lines_model.rowCount() == 0 and counter.tenders_model.rowCount() == 0
    assert "nothing was posted" in counter.message_label.text()
    wait_for_keyboard(qtbot, window.inquiry.search_field)
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]


def test_a_closed_account_takes_a_payment_with_a_supervisors_approval(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    counter = window.counter
    find_and_open(keyboard, window, "chen")  # 1003: closed, $20.00 credit, owes nothing
    strip = counter.pay_strip
    assert "CLOSED" in strip.flags_label.text() and "SUPERVISOR APPROVES" in strip.flags_label.text()
    assert strip.amount_field.text() == "0.00"
    keyboard.press(Key.Key_Return)
    assert strip.message_label.text() == "The amount must be more than $0.00."
    keyboard.type("10")
    keyboard.press(Key.Key_Return)
    answer(qtbot, Key.Key_Y)  # all of it is credit: owes nothing
    wait_for_keyboard(qtbot, window.inquiry.search_field)
    assert "A supervisor approves it when you post." in counter.message_label.text()
    cash_exact(keyboard)
    keyboard.press(Key.Key_F12)
    dialog = counter.approval_dialog
    assert dialog is not None and dialog.action_label.text() == "Take a payment on a closed account"
    assert dialog.object_label.text() == "1003"
    supervisor_approves(qtbot, keyboard, dialog)
    qtbot.waitUntil(lambda: counter.approval_dialog is None and counter.cart.empty, timeout=2000)
    assert rows(city_db, "SELECT credit_cents FROM accounts WHERE number = '1003'") == [(3000,)]
    assert rows(city_db, "SELECT count(*) FROM approvals WHERE action = 'closed_account' AND used_at IS NOT NULL") == [
        (1,)]  # fmt: skip


def test_signing_out_waits_for_the_transaction(window: Any, keyboard: Keyboard) -> None:
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Q, CTRL_SHIFT)
    assert window.mode is Mode.WORKING
    assert window.counter.message_label.text().startswith("Finish this payment (F12) or cancel it")


def test_behind_the_lock_the_receipt_waits_and_no_key_reaches_it(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F5)
    keyboard.press(Key.Key_L, CTRL)
    assert window.mode is Mode.LOCKED
    for key, modifier in ((Key.Key_F12, Qt.KeyboardModifier.NoModifier), (Key.Key_F4, Qt.KeyboardModifier.NoModifier),
                          (Key.Key_P, CTRL), (Key.Key_V, CTRL_SHIFT)):  # fmt: skip
        keyboard.press(key, modifier)
    assert window.void_dialog is None and counter.last_receipt is None
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]
    keyboard.type(PASSWORDS["cashier1"])
    keyboard.press(Key.Key_Return)
    assert window.mode is Mode.WORKING
    assert [line.number for line in counter.cart.lines] == ["1001"]
    assert QApplication.focusWidget() is counter.tender_entry.amount_field  # the cash, where it was
    keyboard.press(Key.Key_Return)
    post(keyboard, window)


def test_delete_takes_a_line_or_a_tender_off(window: Any, keyboard: Keyboard) -> None:
    counter = window.counter
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F5)
    keyboard.type("20")
    keyboard.press(Key.Key_Return)
    counter.tenders_view.setFocus()
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Delete)
    assert counter.cart.tenders == [] and counter.remaining_value.text() == "$91.80"
    counter.lines_view.setFocus()
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Delete)
    assert counter.cart.empty
    assert QApplication.focusWidget() is window.inquiry.search_field


def test_f12_with_something_still_to_pay_says_so(window: Any, keyboard: Keyboard, city_db: Path) -> None:
    keyboard.press(Key.Key_F12)
    assert window.counter.message_label.text() == "Nothing to post: the receipt is empty."
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F12)
    assert window.counter.message_label.text().startswith("$91.80 is still to be paid")
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]


# -- reprints and voids -------------------------------------------------------------------------------


def test_ctrl_p_reprints_and_a_second_copy_needs_a_supervisor(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    counter = window.counter
    keyboard.press(Key.Key_P, CTRL)
    assert counter.message_label.text() == (
        "You have not posted a receipt at this station yet: there is nothing to reprint."
    )
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    number = post(keyboard, window)
    printed(qtbot, printer_emulator, number, kicks=1)

    keyboard.press(Key.Key_P, CTRL)
    assert f"A copy of {number} marked REPRINT is printing." == counter.message_label.text()
    keyboard.press(Key.Key_P, CTRL)
    dialog = counter.approval_dialog
    assert dialog is not None and dialog.object_label.text() == number
    supervisor_approves(qtbot, keyboard, dialog)
    qtbot.waitUntil(lambda: counter.approval_dialog is None, timeout=2000)
    assert f"A copy of {number} marked REPRINT is printing." == counter.message_label.text()
    assert rows(city_db, "SELECT reprints FROM receipts") == [(2,)]
    qtbot.waitUntil(lambda: sum("REPRINT" in r for r in printer_emulator.receipts_text()) == 2, timeout=10_000)
    assert printer_emulator.drawer_kicks() == 1  # a reprint never opens the drawer
    wait_for_keyboard(qtbot, window.inquiry.search_field)

    # Signed out and in again: Ctrl+P still knows this cashier's last receipt at the station.
    window.station_lock.sign_out()
    sign_in(keyboard, window, "cashier1")
    keyboard.press(Key.Key_P, CTRL)
    dialog = window.counter.approval_dialog
    assert dialog is not None and dialog.object_label.text() == number  # a third copy: a supervisor again


def test_a_void_needs_a_reason_and_a_supervisor(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    number = post(keyboard, window)

    keyboard.press(Key.Key_V, CTRL_SHIFT)
    dialog = window.void_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.reason_field)  # the last receipt's number is filled in
    assert dialog.number_field.text() == number
    keyboard.press(Key.Key_Return)  # no reason
    assert dialog.message_label.text().startswith("Give the reason for the void")
    keyboard.type("wrong account")
    keyboard.press(Key.Key_Return)
    approval = dialog.approval_dialog
    assert approval is not None and approval.object_label.text() == number
    supervisor_approves(qtbot, keyboard, approval, "cashier2")  # a cashier cannot approve
    assert "may not approve overrides" in approval.form.message_label.text()
    keyboard.press(Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    keyboard.type("super1")
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS["super1"])
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.void_dialog is None, timeout=2000)

    assert window.counter.message_label.text() == (
        f"Receipt {number} is void (approved by super1). Hand back $91.80 cash. The void slip is printing."
    )
    assert rows(city_db, "SELECT status, void_reason, voided_by FROM receipts") == [
        ("void", "wrong account", "cashier1")
    ]
    assert rows(city_db, "SELECT sum(amount_cents) FROM allocations") == [(0,)]
    assert rows(city_db, "SELECT details FROM audit_events WHERE event_type = 'void'")[0][0].count("super1") == 1
    qtbot.waitUntil(lambda: any("VOID" in r and number in r for r in printer_emulator.receipts_text()),
                    timeout=10_000)  # fmt: skip
    wait_for_keyboard(qtbot, window.inquiry.search_field)


# -- the printer never holds up a payment --------------------------------------------------------------


def test_a_hung_printer_never_holds_up_a_payment_and_retry_prints_it_once(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    qtbot.waitUntil(lambda: window.print_queue.rounds >= 1 and not window.print_queue.busy, timeout=10_000)
    printer_emulator.set_mode("hang")  # takes the connection, never reads, never answers
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    cash_exact(keyboard)
    started = time.perf_counter()
    number = post(keyboard, window)  # ready for the next customer at once
    assert time.perf_counter() - started < 1.0
    assert rows(city_db, "SELECT number, status FROM receipts") == [(number, "posted")]

    qtbot.waitUntil(lambda: window.printer_banner.isVisible(), timeout=15_000)
    assert window.printer_banner_label.text() == "Printer not answering — 1 receipt waiting"
    assert "The payments are saved" in window.printer_banner_detail.text()
    assert window.printer_label.text() == "Printer: Not answering"
    assert window.ready_for_next  # the cashier can go on meanwhile

    printer_emulator.set_mode("normal")
    qtbot.waitUntil(lambda: not window.print_queue.busy, timeout=15_000)
    rounds = window.print_queue.rounds
    keyboard.press(Key.Key_R, CTRL_SHIFT)  # Retry
    qtbot.waitUntil(lambda: window.print_queue.rounds > rounds and not window.printer_banner.isVisible(),
                    timeout=15_000)  # fmt: skip
    printed(qtbot, printer_emulator, number, kicks=1)
    assert sum(number in r for r in printer_emulator.receipts_text()) == 1
    assert rows(city_db, "SELECT kind, status FROM print_jobs ORDER BY id") == [
        ("receipt", "printed"), ("drawer_kick", "printed")]  # fmt: skip
    assert window.printer_label.text() == "Printer: Online"


# -- the models ---------------------------------------------------------------------------------------


def test_the_cart_models_pass_qt_model_checks(qtmodeltester: Any) -> None:
    lines = CartLinesModel()
    lines.set_rows([
        AccountLine("1001", "ALVAREZ, MARIA", Money(9180), Money(9180)),
        AccountLine("1002", "ALVAREZ, JOSE", Money(500), Money(14500),
                    flags=(Flag(FlagSeverity.CAUTION, "Cash only", "Cash only"),), cash_only=True),
        MiscLine("COPIES", "Copies and records", Money(250), "3 pages"),
    ])  # fmt: skip
    qtmodeltester.check(lines)
    assert lines.index(1, 1).data() == "$5.00"
    assert lines.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "Cash only"
    tenders = TendersModel()
    tenders.set_rows(
        [Tender(TenderKind.CARD, Money(500), "A1B2C3", "VISA", "4242"), Tender(TenderKind.CASH, Money(20))]
    )
    qtmodeltester.check(tenders)
    assert tenders.index(0, 0).data() == "VISA ****4242 auth A1B2C3"


def test_a_sales_tax_stub_for_a_utility_account_is_refused(window: Any, keyboard: Keyboard, city_db: Path) -> None:
    wrong = build(AccountKind.SALES_TAX, "0000001001", dt.date(2026, 3, 25), Money(9180))
    scan(keyboard, wrong)
    assert "This stub is a sales-tax notice, but account 1001 is a utility account" in (
        window.inquiry.message_label.text()
    )
    keyboard.press(Key.Key_Return)  # nothing was opened: Enter adds nothing to the receipt
    assert window.counter.cart.empty
