"""Service orders at the keyboard (Ctrl+Shift+W), on the city's 1024×768 and 1280×800 screens: a
start-service order created, dispatched and completed; a supervisor previews and commits the
shut-off list; the inquiry pane shows an account's orders and the reconnect fee before posting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dialog_support import fit_to_screen
from gui_support import Keyboard, open_drawers, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, rows

from cashdesk.ui.service_orders import OrdersModel, ServiceOrdersDialog

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SIZES = [(1024, 768), (1280, 800)]


@pytest.fixture
def settings_values() -> dict[str, Any]:
    return {"orders.shutoff_minimum_cents": 4000}  # Maria Alvarez's $49.50 past due puts her on the list


def open_orders(keyboard: Keyboard, qtbot: Any, window: Any) -> ServiceOrdersDialog:
    keyboard.press(Key.Key_W, CTRL_SHIFT)
    dialog = window.mail_dialog
    assert isinstance(dialog, ServiceOrdersDialog)
    wait_for_keyboard(qtbot, dialog.account_field)
    return dialog


def click(keyboard: Keyboard, qtbot: Any, dialog: ServiceOrdersDialog, key: Qt.Key) -> str:
    """Alt+key on a button: its mnemonic clicks it shortly after; what the dialog then says."""
    before = dialog.message_label.text()
    keyboard.press(key, ALT)
    qtbot.waitUntil(lambda: dialog.message_label.text() != before, timeout=2000)
    return str(dialog.message_label.text())


def listed(dialog: ServiceOrdersDialog) -> list[tuple[str, str, str, str]]:
    m = dialog.model
    return [tuple(m.index(r, c).data() for c in (0, 1, 2, 3)) for r in range(m.rowCount())]  # type: ignore[misc]


@pytest.mark.parametrize("screen", SIZES, ids=["1024x768", "1280x800"])
def test_a_cashier_creates_dispatches_and_completes_an_order_by_keyboard(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, qtmodeltester: Any, screen: tuple[int, int]
) -> None:
    dialog = open_orders(keyboard, qtbot, window)
    fit_to_screen(dialog, screen)
    qtmodeltester.check(OrdersModel())
    assert not dialog.action_buttons["commit"].isVisible()  # a cashier does not commit shut-offs
    for text in ("1001", "Sta", "", "new tenant"):  # "Sta" completes to Start service
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    said = dialog.message_label.text()
    assert "WO-2026-00001 created: Start service for 1001; $84.86 charged as an open item" in said, said
    assert QApplication.focusWidget() is dialog.account_field
    assert listed(dialog) == [("WO-2026-00001", "Start service", "1001", "Pending")]
    assert click(keyboard, qtbot, dialog, Key.Key_D) == "WO-2026-00001 dispatched."
    assert listed(dialog)[0][3] == "Dispatched"
    assert "Give the meter reading of work order WO-2026-00001" in click(keyboard, qtbot, dialog, Key.Key_C)
    keyboard.press(Key.Key_G, ALT)
    keyboard.type("01234")
    assert click(keyboard, qtbot, dialog, Key.Key_C) == "WO-2026-00001 completed."
    assert listed(dialog)[0][3] == "Completed"
    assert rows(city_db, "SELECT status, meter_reading, completed_by FROM work_orders") == [
        ("completed", "01234", "cashier1")]  # fmt: skip
    assert rows(city_db, "SELECT amount_cents FROM open_items WHERE revenue_code = 'DEPOSIT'") == [(8486,)]
    keyboard.press(Key.Key_S, ALT)
    keyboard.type("03/20/2026")
    keyboard.press(Key.Key_Return)
    assert "No shut-offs on a Friday" in dialog.message_label.text()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)


def test_a_supervisor_previews_and_commits_the_shutoff_list(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: Any, city_db: Path
) -> None:
    open_drawers(ctx, "super1")
    sign_in(keyboard, signed_out_window, "super1")
    dialog = open_orders(keyboard, qtbot, signed_out_window)
    fit_to_screen(dialog, (1024, 768))
    keyboard.press(Key.Key_S, ALT)
    keyboard.type("03/17/2026")
    keyboard.press(Key.Key_Return)
    assert "Shut-off list for 03/17/2026: 1 account(s), $49.50 past due." in dialog.message_label.text()
    assert dialog.shutoff_model.rowCount() == 1 and dialog.shutoff_model.index(0, 0).data() == "1001"
    assert rows(city_db, "SELECT count(*) FROM work_orders") == [(0,)]  # a preview writes nothing
    assert "1 door tag(s) for 03/17/2026, $30.00 in fees" in click(keyboard, qtbot, dialog, Key.Key_M)
    assert listed(dialog) == [("WO-2026-00002", "Disconnect", "1001", "Pending"),
                              ("WO-2026-00001", "Door tag", "1001", "Pending")]  # fmt: skip
    dialog.table.setFocus()
    assert "waits for its door tag" in click(keyboard, qtbot, dialog, Key.Key_D)  # the disconnect, listed first
    keyboard.press(Key.Key_F, ALT)
    keyboard.type("WO-2026-00001")
    keyboard.press(Key.Key_Return)
    assert "The ticket of WO-2026-00001 is going to the receipt printer" in click(keyboard, qtbot, dialog, Key.Key_P)
    assert rows(city_db, "SELECT kind FROM print_jobs WHERE kind = 'work_order'") == [("work_order",)]


def test_the_inquiry_pane_shows_the_orders_and_the_reconnect_fee(window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    keyboard.type("1002")
    keyboard.press(Key.Key_Return)
    pane = window.inquiry.pane
    assert pane.account_number == "1002"
    assert pane.orders_label.text() == "A payment orders the reconnect and adds its fee: $50.00 (business hours)."
    dialog = open_orders(keyboard, qtbot, window)
    for text in ("1001", "Meter ch", "", ""):
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    assert "Meter check for 1001" in dialog.message_label.text()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)
    wait_for_keyboard(qtbot, window.inquiry.search_field)  # the counter has the keyboard again
    window.inquiry.search_field.selectAll()
    keyboard.type("1001")
    keyboard.press(Key.Key_Return)
    assert pane.orders_label.text() == "Service orders:\nWO-2026-00001 Meter check — pending, 03/16/2026"


def test_at_a_window_of_an_office_the_list_waits_for_the_office_in_words(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: Any, city_db: Path, office_url: str, cluster: Any
) -> None:  # fmt: skip
    from cashdesk.services.context import command_line_operator
    from cashdesk.services.office import init_office, join_office

    init_office(command_line_operator(), office_url)
    join_office(ctx, command_line_operator(), office_url, ctx.station)
    open_drawers(ctx, "super1")
    sign_in(keyboard, signed_out_window, "super1")
    dialog = open_orders(keyboard, qtbot, signed_out_window)
    keyboard.press(Key.Key_S, ALT)
    keyboard.type("03/17/2026")
    cluster.stop()
    try:
        keyboard.press(Key.Key_M, ALT)
        qtbot.waitUntil(lambda: "waits for the office" in dialog.message_label.text(), timeout=15000)
    finally:
        cluster.start()
    assert "Nothing was changed" in dialog.message_label.text() and not dialog.waiting
    assert rows(city_db, "SELECT count(*) FROM work_orders") == [(0,)]
    keyboard.press(Key.Key_M, ALT)  # the office back: the list goes through it
    qtbot.waitUntil(lambda: "1 door tag(s) for 03/17/2026" in dialog.message_label.text(), timeout=15000)
    assert rows(city_db, "SELECT count(*) FROM work_orders") == [(2,)]
