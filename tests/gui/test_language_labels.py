"""The domain's names in a Spanish window: an account's status in the account pane, a tender's kind
in the cart, the signed-in role, by keyboard like a cashier (docs/translations.md)."""

from __future__ import annotations

from gui_support import Keyboard, sign_in
from PySide6.QtCore import Qt

from cashdesk.ui.main_window import MainWindow


def _look_up(keyboard: Keyboard, window: MainWindow, typed: str) -> str:
    keyboard.press(Qt.Key.Key_F2)
    keyboard.type(typed)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Down)
    return window.inquiry.pane.kind_label.text()


def test_the_spanish_window_says_statuses_tenders_and_roles_in_spanish(
    spanish_window: MainWindow, keyboard: Keyboard
) -> None:
    window = spanish_window
    sign_in(keyboard, window, "cashier1")
    assert "(cajero)" in window.user_label.text()

    closed = _look_up(keyboard, window, "chen li")
    assert closed.endswith(" · Cerrada"), closed
    active = _look_up(keyboard, window, "alvarez maria")
    assert active.endswith(" · Activa"), active

    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)  # the amount due, on the receipt
    keyboard.press(Qt.Key.Key_F5)
    keyboard.type("100")
    keyboard.press(Qt.Key.Key_Return)
    tenders = window.counter.tenders_model
    assert tenders.data(tenders.index(0, 0), Qt.ItemDataRole.DisplayRole) == "Efectivo"
    assert window.counter.message_label.text().startswith("Efectivo: $100.00.")
