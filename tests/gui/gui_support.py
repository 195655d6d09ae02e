"""What the window's tests share: the pretend clock, the test city's users, a keyboard, signing in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cashdesk.domain.security import Role
from cashdesk.services.context import Operator

#: 1 p.m. in Aurelia (mountain daylight time) on the day the tests pretend it is.
NOW = dt.datetime(2026, 3, 16, 19, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 16)


#: Who can sign in to the test city, and their passwords (none contains its user id).
PASSWORDS = {
    "cashier1": "counter-window-one",
    "cashier2": "counter-window-two",
    "super1": "vault-and-keys-one",
    "super2": "vault-and-keys-two",
    "admin1": "server-room-door-1",
}
ROLES = {
    "cashier1": Role.CASHIER,
    "cashier2": Role.CASHIER,
    "super1": Role.SUPERVISOR,
    "super2": Role.SUPERVISOR,
    "admin1": Role.ADMINISTRATOR,
}
#: argon2 at its cheapest: the window's tests are about the window, not the hashing cost.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def show_window(qtbot: Any, window: QWidget) -> None:
    """Show and activate the window; wait until the keyboard is in it (not in the last test's)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()

    def has_keyboard() -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and window.isActiveWindow() and (focus is window or window.isAncestorOf(focus))

    qtbot.waitUntil(has_keyboard, timeout=2000)


def wait_for(condition: Callable[[], bool], what: str, timeout_ms: int = 5000) -> None:
    """Let the window's events run until `condition` holds (counted in waits: no clock is read)."""
    for _ in range(timeout_ms // 10):
        if condition():
            return
        QTest.qWait(10)
    assert condition(), f"still waiting for {what} after {timeout_ms} ms"


def _waiting(widget: QWidget | None) -> bool:
    while widget is not None:
        if getattr(widget, "waiting", False) is True:
            return True
        widget = widget.parentWidget()
    return False


def wait_for_answer() -> None:
    """The window checks a password or reads the audit trail off the GUI thread: wait, as the
    cashier would, until the screen where the keyboard is has its answer (`waiting` False)."""
    wait_for(lambda: not _waiting(QApplication.focusWidget()), "the screen's answer")


class Keyboard:
    """Keys go where the keyboard focus is, as the cashier's keyboard would send them."""

    def __init__(self, qtbot: Any) -> None:
        self._qtbot = qtbot

    @staticmethod
    def target() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self._qtbot.keyClick(self.target(), key, modifier)
        wait_for_answer()

    def type(self, text: str) -> None:
        self._qtbot.keyClicks(self.target(), text)


def sign_in(keyboard: Keyboard, window: Any, user_id: str, password: str | None = None) -> None:
    """Type the user id, Enter, the password, Enter; as a cashier would at the sign-in screen."""
    assert QApplication.focusWidget() is window.sign_in_screen.form.user_field
    keyboard.type(user_id)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.type(PASSWORDS[user_id] if password is None else password)
    keyboard.press(Qt.Key.Key_Return)


def operator(user_id: str) -> Operator:
    return Operator(user_id, ROLES[user_id])


#: The float the tests' drawers open with when a test does not count one itself: $150.00.
FLOAT = {"B20": 5, "B10": 3, "B5": 4, "C25": 40}


def open_drawers(ctx: Any, *user_ids: str) -> None:
    """Open these users' drawers at the station through the service, as if counted this morning."""
    from cashdesk.domain.cash import CashCount
    from cashdesk.services.drawers import current_drawer, open_drawer

    for user_id in user_ids:
        if current_drawer(ctx, operator(user_id)) is None:
            open_drawer(ctx, operator(user_id), CashCount(FLOAT))


def wait_for_keyboard(qtbot: Any, widget: QWidget) -> None:
    """A dialog just opened: wait until its window is active and `widget` has the keyboard."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
