"""The tax return typed by Enter on either screen: the focused line is always in view (lines 15–23
too), the check box shows when it has the keyboard, Enter from "Received on" goes to line 1 so
nothing typed is lost, and after filing one Close and no "figures differ" box."""

from __future__ import annotations

from typing import Any

import pytest
from dialog_support import SCREENS, fit_to_screen, shows_colour
from gui_support import Keyboard, operator, show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cashdesk.domain.tax_return import LINES
from cashdesk.services.context import ServiceContext
from cashdesk.ui.focus_marks import FOCUS_COLOUR, shown_in_viewport
from cashdesk.ui.tax_return import TaxReturnDialog

Key = Qt.Key
SHOP = "2001"


def open_on(qtbot: Any, ctx: ServiceContext, screen: tuple[int, int]) -> TaxReturnDialog:
    dialog = TaxReturnDialog(ctx, operator("cashier1"))
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, screen)
    show_window(qtbot, dialog)
    return dialog


def head(keyboard: Keyboard) -> None:
    keyboard.type(SHOP)
    keyboard.press(Key.Key_Return)
    keyboard.type("2026-02")
    keyboard.press(Key.Key_Return)


@pytest.mark.parametrize("screen", SCREENS)
def test_every_enter_lands_on_a_line_in_view_and_nothing_typed_is_lost(
    qtbot: Any, keyboard: Keyboard, ctx: ServiceContext, screen: tuple[int, int]
) -> None:
    dialog = open_on(qtbot, ctx, screen)
    head(keyboard)
    assert QApplication.focusWidget() is dialog.received_field
    keyboard.press(Key.Key_Return)  # from "Received on" straight to line 1, past the check box
    assert QApplication.focusWidget() is dialog.written["gross_sales"]
    keyboard.type("10000")
    assert dialog.written["gross_sales"].text() == "10000"
    shown = [name for name, _ in LINES if dialog.written[name].isVisible()]
    for number, name in enumerate(shown[1:], start=2):
        keyboard.press(Key.Key_Return)
        field = QApplication.focusWidget()
        assert field is dialog.written[name], f"Enter did not reach line {number}"
        assert shown_in_viewport(field, dialog.lines_scroll), f"line {number} ({name}) is typed unseen"
    assert dialog.lines_scroll.verticalScrollBar().value() > 0  # the form did scroll
    assert (
        shown_in_viewport(dialog.written["penalty"], dialog.lines_scroll) or not dialog.written["penalty"].isVisible()
    )


def test_the_check_box_shows_it_has_the_keyboard_and_enter_leaves_it_for_line_1(
    qtbot: Any, keyboard: Keyboard, ctx: ServiceContext
) -> None:
    dialog = open_on(qtbot, ctx, SCREENS[0])
    head(keyboard)
    assert not shows_colour(dialog.amended_box, FOCUS_COLOUR)
    keyboard.press(Key.Key_Tab)  # Tab still reaches it
    assert QApplication.focusWidget() is dialog.amended_box
    assert shows_colour(dialog.amended_box, FOCUS_COLOUR)
    keyboard.press(Key.Key_Return)  # and Enter on it goes on to line 1
    assert QApplication.focusWidget() is dialog.written["gross_sales"]
    assert not shows_colour(dialog.amended_box, FOCUS_COLOUR)


def test_after_filing_one_close_and_the_differences_are_gone(
    qtbot: Any, keyboard: Keyboard, ctx: ServiceContext
) -> None:
    dialog = open_on(qtbot, ctx, SCREENS[0])
    head(keyboard)
    keyboard.press(Key.Key_Return)
    keyboard.type("10000")
    while QApplication.focusWidget() is not dialog.written["sales_tax"]:
        keyboard.press(Key.Key_Return)
    keyboard.type("355")  # $5.00 less than the return works out to
    assert "differ" in dialog.differences_label.text() and dialog.differences_label.isVisible()
    keyboard.press(Key.Key_F12)

    def asking() -> bool:
        box, focus = QApplication.activeModalWidget(), QApplication.focusWidget()
        return isinstance(box, QMessageBox) and focus is not None and box.isAncestorOf(focus)

    qtbot.waitUntil(asking, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Y)
    qtbot.waitUntil(lambda: dialog.result_filed is not None, timeout=2000)
    closes = [b for b in dialog.findChildren(type(dialog.file_button)) if b.isVisible() and "Close" in b.text()]
    assert closes == [dialog.file_button]
    assert dialog.differences_label.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.file_button, timeout=2000)
    assert shows_colour(dialog.file_button, FOCUS_COLOUR)
