"""A cashier at the inquiry screen, keyboard only: find the account, read what it owes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.ui.inquiry import PLACEHOLDER

Key = Qt.Key


def pane_items(window: Any) -> list[list[str]]:
    model = window.inquiry.pane.items_model
    return [
        [model.index(row, col).data(Qt.ItemDataRole.DisplayRole) for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def shown(window: Any) -> str | None:
    return window.inquiry.pane.account_number


def test_the_search_box_has_the_keyboard_at_start(window: Any) -> None:
    field = window.inquiry.search_field
    assert QApplication.focusWidget() is field
    assert field.placeholderText() == PLACEHOLDER
    assert window.inquiry.pane.empty_label.isVisible()


def test_surname_enter_arrow_down_reads_the_account(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    pane = inquiry.pane

    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)

    assert inquiry.results_model.rowCount() == 2
    assert "2 accounts match “alvarez”" in inquiry.message_label.text()
    assert inquiry.results_view.currentIndex().row() == 0
    assert shown(window) == "1001"
    assert QApplication.focusWidget() is inquiry.search_field  # Enter leaves the cursor where it was
    assert pane.title_label.text() == "1001 — ALVAREZ, MARIA"
    assert pane.balance_label.text() == "$91.80"
    assert pane.past_due_label.text() == "$49.50"
    assert pane.as_of_label.text() == "as of 03/16/2026"
    assert [pane.aging_labels[b].text() for b in ("current", "30", "60", "90+")] == [
        "Current: $42.30", "30 days: $0.00", "60 days: $4.50", "90+ days: $45.00",
    ]  # fmt: skip
    assert pane.flag_texts() == []
    assert pane.service_address_label.text() == "120 Elm St"
    assert pane.mailing_address_label.text() == "PO Box 12, Aurelia, CO 80010"
    assert pane.phone_label.text() == "(303) 555-0111"
    assert not pane.licence_label.isVisible()
    assert pane.items_caption.text().endswith("2 past due")
    assert pane_items(window) == [
        ["01/20/2026 (past due)", "LATEFEE", "Late fee", "", "$4.50", "$0.00", "$4.50"],
        ["12/20/2025 (past due)", "WATER", "Water, November", "", "$45.00", "$0.00", "$45.00"],
        ["03/25/2026", "WATER", "Water, February", "", "$52.30", "$10.00", "$42.30"],
    ]
    assert pane.history_model.rowCount() == 3
    assert pane.history_model.index(0, 2).data() == "Payment, thank you"

    keyboard.press(Key.Key_Down)  # into the results, on the first one
    assert QApplication.focusWidget() is inquiry.results_view
    assert shown(window) == "1001"

    keyboard.press(Key.Key_Down)
    assert inquiry.results_view.currentIndex().row() == 1
    assert shown(window) == "1002"
    assert pane.balance_label.text() == "$145.00"
    assert pane.flag_texts() == ["Cash only", "Shut off", "Deposit held $150.00"]
    assert all(label.isVisible() for label in pane.flag_labels)
    assert [row[1] for row in pane_items(window)] == ["DOORTAG", "WATER"]

    keyboard.press(Key.Key_Up)
    assert shown(window) == "1001"
    assert pane.flag_texts() == []

    keyboard.press(Key.Key_Return)  # opens the account shown for payment, the balance filled in
    assert shown(window) == "1001"
    strip = window.counter.pay_strip
    assert strip.isVisible() and QApplication.focusWidget() is strip.amount_field
    assert strip.amount_field.selectedText() == "91.80"
    keyboard.press(Key.Key_Escape)  # back one step: the results, on the same account
    assert not strip.isVisible()
    assert QApplication.focusWidget() is inquiry.results_view
    assert shown(window) == "1001"


def test_enter_in_the_results_chooses_the_account_shown(window: Any, keyboard: Any, qtbot: Any) -> None:
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Down)
    with qtbot.waitSignal(window.inquiry.account_chosen) as chosen:
        keyboard.press(Key.Key_Enter)
    assert chosen.args == ["1002"]


def test_escape_from_the_results_goes_back_to_the_search_box(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Escape)

    assert QApplication.focusWidget() is inquiry.search_field
    assert inquiry.search_field.selectedText() == "alvarez"  # ready to type over
    assert shown(window) == "1002"  # the pane keeps what was shown

    keyboard.type("chen")  # typing replaces the selected text
    keyboard.press(Key.Key_Return)
    assert inquiry.search_field.text() == "chen"
    assert shown(window) == "1003"
    assert inquiry.pane.flag_texts() == ["Closed", "Credit $20.00"]
    assert inquiry.pane.balance_label.text() == "-$20.00"
    assert inquiry.pane.items_caption.text() == "No open items"


def test_f2_from_anywhere_puts_the_keyboard_in_the_search_box(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    keyboard.type("1001")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    assert QApplication.focusWidget() is inquiry.results_view
    keyboard.press(Key.Key_Tab)
    assert QApplication.focusWidget() is inquiry.pane.items_view

    keyboard.press(Key.Key_F2)
    assert QApplication.focusWidget() is inquiry.search_field
    assert inquiry.search_field.selectedText() == "1001"


def test_an_exact_account_number_shows_that_account(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    keyboard.type("1001")  # also the start of 10010
    keyboard.press(Key.Key_Return)
    assert [inquiry.results_model.row_object(r).account for r in range(2)] == ["1001", "10010"]
    assert shown(window) == "1001"

    keyboard.press(Key.Key_F2)
    keyboard.type("2001")
    keyboard.press(Key.Key_Return)
    assert inquiry.results_model.rowCount() == 1
    assert inquiry.message_label.text() == "1 account matches “2001”."
    pane = inquiry.pane
    assert shown(window) == "2001"
    assert pane.kind_label.text() == "Sales tax account · Active"
    assert pane.licence_label.isVisible() and pane.licence_label.text() == "ST-004512"
    assert pane.filing_label.text() == "Monthly"
    assert pane.balance_label.text() == "$1,358.02"
    assert [(row[1], row[3], row[0]) for row in pane_items(window)] == [
        ("TAXPEN", "2026-01", "03/20/2026"),
        ("SALESTAX", "2026-01", "02/20/2026 (past due)"),
    ]


def test_a_search_by_phone_or_street(window: Any, keyboard: Any) -> None:
    keyboard.type("720-555")
    keyboard.press(Key.Key_Return)
    assert shown(window) == "1002"
    keyboard.press(Key.Key_F2)
    keyboard.type("birch")
    keyboard.press(Key.Key_Return)
    assert shown(window) == "10010"
    assert window.inquiry.pane.flag_texts() == ["Final bill"]


def test_no_match_says_so_in_the_cashiers_words(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F2)
    keyboard.type("zzyzx")
    keyboard.press(Key.Key_Return)

    assert inquiry.message_label.text().startswith("No account matches “zzyzx”.")
    assert inquiry.message_label.property("error") is True
    assert inquiry.results_model.rowCount() == 0
    assert shown(window) is None
    assert inquiry.pane.empty_label.text() == "No account matches “zzyzx”."
    keyboard.press(Key.Key_Down)  # nothing to go down to
    assert QApplication.focusWidget() is inquiry.search_field


def test_a_too_long_search_is_a_message_not_a_crash(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    inquiry.search_field.setText("main street " * 10)  # 120 characters; typing them one by one is slow
    keyboard.press(Key.Key_End)
    keyboard.press(Key.Key_Return)
    assert inquiry.message_label.text() == ("A search is at most 100 characters. Type less of the name or address.")
    assert inquiry.message_label.property("error") is True
    assert QApplication.focusWidget() is inquiry.search_field


def test_an_empty_search_asks_for_something_to_find(window: Any, keyboard: Any) -> None:
    keyboard.press(Key.Key_Return)
    assert window.inquiry.message_label.text().startswith("Type an account number")
    assert window.inquiry.results_model.rowCount() == 0


def test_sorting_the_results_keeps_the_account_shown(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    keyboard.type("1")
    keyboard.press(Key.Key_Return)
    assert shown(window) == "1001"
    inquiry.results_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by balance, most owed first
    assert inquiry.results_model.row_object(0).account == "1002"
    assert inquiry.results_model.row_object(inquiry.results_view.currentIndex().row()).account == "1001"
    assert shown(window) == "1001"

    keyboard.type("0")  # "10": a new search is best match first again
    keyboard.press(Key.Key_Return)
    assert inquiry.results_model.row_object(0).account == "1001"
    assert inquiry.results_view.horizontalHeader().sortIndicatorSection() == -1


def test_enter_again_on_the_same_search_takes_the_account_shown(window: Any, keyboard: Any) -> None:
    keyboard.type("1002")
    keyboard.press(Key.Key_Return)
    assert shown(window) == "1002"
    with_signal = []
    window.inquiry.account_chosen.connect(with_signal.append)
    keyboard.press(Key.Key_Return)
    assert with_signal == ["1002"]


def test_ctrl_end_and_ctrl_home_jump_through_the_results_and_alt_f_finds(window: Any, keyboard: Any) -> None:
    inquiry = window.inquiry
    keyboard.type("1")  # 1001, 10010, 1002, 1003: account numbers sort as text
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert shown(window) == "1003"
    keyboard.press(Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert shown(window) == "1001"
    keyboard.press(Key.Key_PageDown)
    assert shown(window) == "1003"

    keyboard.press(Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is inquiry.search_field
