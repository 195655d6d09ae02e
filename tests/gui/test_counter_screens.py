"""The counter as a tired cashier sees it, on the city's 1024×768, 1280×800 and 1366×768 screens: the window
opens within the screen; the totals, the change and the keys are on it; the search results show
names and addresses in full, the open items their amounts without a horizontal scroll; and the
field with the keyboard is in view. The offscreen platform has one screen of each size
(tests/gui/screens.json, set up in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, open_drawers, show_window, sign_in
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget
from test_counter import STUB, find_and_open, scan

from cashdesk.services.context import ServiceContext
from cashdesk.store.db import Database
from cashdesk.ui.columns import TEXT_MARGIN
from cashdesk.ui.main_window import MainWindow
from cashdesk.ui.window_size import fit_to_screen
from tests.support.city import add_account, add_item

Key = Qt.Key
SIZES = [QSize(1024, 768), QSize(1280, 800), QSize(1366, 768)]


def _city_with_long_names(path: Path) -> None:
    """Names and addresses as long as a city's usual ones, beside the test city's short ones."""
    import datetime as dt

    db = Database.open(path)
    with db.unit_of_work() as uow:
        for number, name, address in (
            ("3001", "GONZALEZ, MARIA GUADALUPE", "13979 E MAIN ST APT 1720"),
            ("3002", "FRONT RANGE TIRE & BRAKE LLC", "2194 N MAIN ST UNIT 4"),
        ):
            account = add_account(uow, number, name, address, "(303) 555-0400")
            add_item(uow, account, "WATER", "Water, February", dt.date(2026, 2, 1), dt.date(2026, 2, 20), 1234567)
        uow.commit()
    db.dispose()


@pytest.fixture(params=SIZES, ids=lambda size: f"{size.width()}x{size.height()}")
def screen(request: pytest.FixtureRequest) -> QScreen:
    QApplication.instance() or QApplication([])
    for candidate in QApplication.screens():
        if candidate.size() == request.param:
            return candidate
    pytest.skip(f"no {request.param.width()}×{request.param.height()} screen on this platform")


@pytest.fixture
def counter_window(
    qtbot: Any, ctx: ServiceContext, city_db: Path, screen: QScreen, keyboard: Keyboard, critical_boxes: list[str]
) -> Iterator[MainWindow]:
    """The window as it opens on `screen`, cashier1 signed in at the counter with a drawer open."""
    _city_with_long_names(city_db)
    main = MainWindow(ctx)
    fit_to_screen(main, screen)
    qtbot.addWidget(main)
    show_window(qtbot, main)
    open_drawers(ctx, "cashier1")
    sign_in(keyboard, main, "cashier1")
    assert main.inquiry.search_field.hasFocus()
    yield main
    main.close()


def settle() -> None:
    """Let the layouts catch up with what the keys changed, as the next paint would."""
    for _ in range(3):
        QApplication.processEvents()


def in_full_view(widget: QWidget, window: QWidget) -> bool:
    """Shown, nothing of it clipped by its parents, and inside the window's own area."""
    settle()
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    return window.rect().contains(top_left) and window.rect().contains(bottom_right)


def text_fits(label: QLabel) -> bool:
    """All of a label's text shows: one line as wide as the label, or wrapped lines as tall as it."""
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height()
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def column_shows(table: QTableView, column: int, text: str) -> bool:
    """`text` in `column` shows in full (not elided to "…")."""
    settle()
    metrics = table.fontMetrics()
    return not table.isColumnHidden(column) and metrics.horizontalAdvance(text) + TEXT_MARGIN <= table.columnWidth(
        column
    )


def no_sideways_scroll(table: QTableView) -> bool:
    shown = sum(table.columnWidth(c) for c in range(table.model().columnCount()) if not table.isColumnHidden(c))
    return not table.horizontalScrollBar().isVisible() and shown <= table.viewport().width()


def test_the_window_opens_within_the_screen_with_totals_change_and_keys_in_view(
    counter_window: MainWindow, keyboard: Keyboard, screen: QScreen
) -> None:
    window = counter_window
    assert screen.availableGeometry().contains(window.frameGeometry())
    counter = window.counter
    scan(keyboard, STUB)
    assert in_full_view(counter.pay_strip.amount_field, window)  # where the keyboard is
    keyboard.press(Key.Key_F5)
    entry = counter.tender_entry
    assert QApplication.focusWidget() is entry.amount_field and in_full_view(entry.amount_field, window)
    for value in (counter.total_value, counter.remaining_value, counter.change_value):
        assert in_full_view(value, window) and text_fits(value), value.objectName()
    for label in (window.hints_label, window.printer_label, window.user_label):
        assert in_full_view(label, window) and text_fits(label), (label.objectName(), label.size(), label.sizeHint())
    assert "F12 Post" in window.hints_label.text()

    keyboard.type("100")
    keyboard.press(Key.Key_F12)
    assert counter.change_label.text() == "$8.20"
    for label in (counter.change_caption, counter.change_label, counter.posted_label):
        assert in_full_view(label, window) and text_fits(label), (label.objectName(), label.size(), label.sizeHint())
    assert in_full_view(window.inquiry.search_field, window) and window.inquiry.search_field.hasFocus()


def test_search_results_show_names_addresses_and_balances_in_full(
    counter_window: MainWindow, keyboard: Keyboard
) -> None:
    inquiry = counter_window.inquiry
    for query in ("main st", "alvarez", "1"):
        keyboard.press(Key.Key_F2)
        keyboard.type(query)
        keyboard.press(Key.Key_Return)
        view, model = inquiry.results_view, inquiry.results_model
        assert model.rowCount() >= 2, query
        assert in_full_view(view, counter_window) and no_sideways_scroll(view)
        header = view.horizontalHeader()
        for column in (c for c in range(model.columnCount()) if not view.isColumnHidden(c)):
            assert header.sectionSizeHint(column) <= view.columnWidth(column), model.headerData(column, Qt.Horizontal)
        for row in range(model.rowCount()):
            name, address, balance = (model.index(row, c).data() for c in (1, 2, 4))
            assert column_shows(view, 1, name) and column_shows(view, 1, address), (name, address, view.columnWidth(1))
            assert view.isColumnHidden(4) or column_shows(view, 4, balance), balance  # or in the pane only
            assert name in model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_the_account_pane_shows_name_address_balance_and_every_open_amount(
    counter_window: MainWindow, keyboard: Keyboard
) -> None:
    pane = counter_window.inquiry.pane
    for query, number in (("alvarez", "1001"), ("2001", "2001"), ("3002", "3002")):
        find_and_open(keyboard, counter_window, query)
        assert pane.account_number == number
        for label in (pane.title_label, pane.balance_label, pane.service_address_label):
            assert in_full_view(label, counter_window) and text_fits(label), label.objectName()
        view, model = pane.items_view, pane.items_model
        assert no_sideways_scroll(view)
        for column in (0, 4, 5, 6):
            assert view.horizontalHeader().sectionSizeHint(column) <= view.columnWidth(column), (number, column)
        for row in range(model.rowCount()):
            for column in (0, 4, 5, 6):  # due date, amount, paid, open
                assert column_shows(view, column, model.index(row, column).data()), (number, row, column)
        assert in_full_view(counter_window.counter.pay_strip.amount_field, counter_window)
        keyboard.press(Key.Key_Escape)


def test_forced_smaller_the_results_still_show_names(
    counter_window: MainWindow, keyboard: Keyboard, qtbot: Any
) -> None:
    window = counter_window
    window.showNormal()
    window.resize(window.minimumSizeHint())
    qtbot.waitUntil(lambda: window.width() <= 1024, timeout=2000)
    find_and_open(keyboard, window, "alvarez")  # the pay strip takes room under the results
    keyboard.press(Key.Key_F5)
    keyboard.press(Key.Key_F12)  # paid: the change shows, the results empty
    keyboard.press(Key.Key_F2)
    keyboard.type("1")
    keyboard.press(Key.Key_Return)
    view, model = window.inquiry.results_view, window.inquiry.results_model
    for row in range(model.rowCount()):
        assert column_shows(view, 1, model.index(row, 1).data())


def test_as_it_opens_the_window_fits_the_screen_it_opens_on(signed_out_window: MainWindow) -> None:
    screen = signed_out_window.screen()
    assert screen.availableGeometry().contains(signed_out_window.frameGeometry())
    assert in_full_view(signed_out_window.sign_in_screen.form.user_field, signed_out_window)
