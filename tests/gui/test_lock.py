"""Locking the station: by hand (Ctrl+L) or when left alone; the work is untouched behind the lock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from gui_support import PASSWORDS, Keyboard, operator, show_window, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.services.audit import AuditFilter, list_events
from cashdesk.services.context import ServiceContext
from cashdesk.ui.main_window import MainWindow, Mode
from cashdesk.ui.window_hints import LOCK_HINTS

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
#: Short enough for a test, long enough that typing a search never trips it.
IDLE_MS = 400

pytestmark = pytest.mark.usefixtures("drawers_open")  # straight to the counter after signing in


def audit(ctx: ServiceContext, event_type: str) -> list[Any]:
    return list(reversed(list_events(ctx, operator("super1"), AuditFilter(event_type=event_type))))


def focus_is_behind_the_lock(window: Any) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and window.work.isAncestorOf(focus)


@pytest.fixture
def quick_lock_window(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[Any]:
    """The window with an idle time-out of IDLE_MS instead of minutes; nobody signed in yet."""
    main = MainWindow(ctx, idle_lock_ms=IDLE_MS)
    qtbot.addWidget(main)
    show_window(qtbot, main)
    yield main
    main.close()


def test_left_alone_the_station_locks_and_the_work_is_there_after_unlocking(
    quick_lock_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext
) -> None:
    window = quick_lock_window
    inquiry = window.inquiry
    sign_in(keyboard, window, "cashier1")
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Down)
    assert window.mode is Mode.WORKING
    assert inquiry.pane.account_number == "1002"

    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # nobody touches anything
    assert window.mode is Mode.LOCKED
    lock = window.lock_screen
    assert lock.isVisible()
    assert not inquiry.isVisible()
    assert lock.who_label.text() == "Locked for cashier1 (cashier)"
    assert "locked itself" in lock.why_label.text()
    assert lock.form.user_field.text() == "cashier1"
    assert QApplication.focusWidget() is lock.form.password_field
    assert window.hints_label.text() == LOCK_HINTS
    assert window.user_label.text() == "Locked for cashier1 (cashier)"
    assert window.windowTitle().endswith("— locked")
    assert not window.menuBar().isVisible()

    keyboard.type(PASSWORDS["cashier1"])
    keyboard.press(Key.Key_Return)
    assert window.mode is Mode.WORKING
    assert window.operator == operator("cashier1")
    # Exactly as it was: the search, the results, the account shown, where the cursor was.
    assert inquiry.search_field.text() == "alvarez"
    assert inquiry.results_model.rowCount() == 2
    assert inquiry.results_view.currentIndex().row() == 1
    assert inquiry.pane.account_number == "1002"
    assert inquiry.pane.balance_label.text() == "$145.00"
    assert QApplication.focusWidget() is inquiry.results_view
    assert lock.form.password_field.text() == ""

    locks = audit(ctx, "lock")
    assert [(e.user, e.details) for e in locks] == [("cashier1", {"idle": True})]
    assert [(e.user, e.success) for e in audit(ctx, "unlock")] == [("cashier1", True)]


def test_typing_keeps_the_station_unlocked(quick_lock_window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window = quick_lock_window
    sign_in(keyboard, window, "cashier1")
    for letter in "alvarez":  # a key every 100 ms for 700 ms: longer than the time-out
        keyboard.type(letter)
        qtbot.wait(100)
    assert window.mode is Mode.WORKING
    assert window.inquiry.search_field.text() == "alvarez"
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass


def test_the_lock_waits_for_a_sign_in(quick_lock_window: Any, qtbot: Any) -> None:
    qtbot.wait(IDLE_MS * 2)
    assert quick_lock_window.mode is Mode.SIGNED_OUT


def test_ctrl_l_locks_by_hand_and_no_key_reaches_the_work(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> None:
    inquiry = window.inquiry
    keyboard.type("chen")  # typed, not searched yet
    keyboard.press(Key.Key_L, CTRL)
    assert window.mode is Mode.LOCKED
    assert window.lock_screen.why_label.text().startswith("Locked by hand at ")
    assert QApplication.focusWidget() is window.lock_screen.form.password_field

    keyboard.press(Key.Key_F2)
    assert not focus_is_behind_the_lock(window)
    keyboard.press(Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert not focus_is_behind_the_lock(window)
    for _ in range(6):
        keyboard.press(Key.Key_Tab)
        assert not focus_is_behind_the_lock(window)
    for _ in range(6):
        keyboard.press(Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert not focus_is_behind_the_lock(window)
    keyboard.press(Key.Key_Q, CTRL_SHIFT)  # no sign-out behind the lock either
    keyboard.press(Key.Key_A, CTRL_SHIFT)
    assert window.mode is Mode.LOCKED
    assert window.audit_dialog is None
    assert inquiry.search_field.text() == "chen"

    window.lock_screen.form.password_field.setFocus()
    keyboard.type(PASSWORDS["cashier1"])
    keyboard.press(Key.Key_Return)
    assert window.mode is Mode.WORKING
    assert QApplication.focusWidget() is inquiry.search_field
    assert inquiry.search_field.text() == "chen"
    assert inquiry.search_field.cursorPosition() == 4
    keyboard.press(Key.Key_Return)  # and the cashier carries on
    assert inquiry.pane.account_number == "1003"
    assert [e.details for e in audit(ctx, "lock")] == [{"idle": False}]


def test_a_wrong_password_keeps_it_locked(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> None:
    keyboard.press(Key.Key_L, CTRL)
    keyboard.type("not-my-password")
    keyboard.press(Key.Key_Return)
    form = window.lock_screen.form
    assert window.mode is Mode.LOCKED
    assert form.message_label.text() == "The user id or password is not right."
    assert form.message_label.property("error") is True
    assert form.password_field.text() == ""
    assert form.user_field.text() == "cashier1"
    assert QApplication.focusWidget() is form.password_field
    assert [(e.success, e.details["reason"]) for e in audit(ctx, "unlock")] == [(False, "wrong_password")]


def test_a_supervisor_unlocks_a_cashiers_station(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> None:
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_L, CTRL)
    keyboard.press(Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # back to the user id, selected
    assert QApplication.focusWidget() is window.lock_screen.form.user_field
    keyboard.type("super1")
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS["super1"])
    keyboard.press(Key.Key_Return)

    assert window.mode is Mode.WORKING
    assert window.operator == operator("cashier1")  # the cashier's session goes on
    assert window.windowTitle().endswith("— cashier1 (Cashier)")
    assert window.inquiry.pane.account_number == "1001"
    unlock = audit(ctx, "unlock")[-1]
    assert (unlock.user, unlock.success, unlock.details["by"]) == ("cashier1", True, "super1")
    override = audit(ctx, "override")[-1]
    assert (override.user, override.details["action"]) == ("super1", "unlock_station")


def test_another_cashier_cannot_unlock(window: Any, keyboard: Keyboard) -> None:
    keyboard.press(Key.Key_L, CTRL)
    keyboard.press(Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    keyboard.type("cashier2")
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS["cashier2"])  # cashier2's own, right password
    keyboard.press(Key.Key_Return)
    assert window.mode is Mode.LOCKED
    assert window.lock_screen.form.message_label.text() == "Only cashier1 or a supervisor can unlock this station."
    assert window.operator == operator("cashier1")


def test_the_lock_closes_what_was_open_on_top(quick_lock_window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window = quick_lock_window
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_A, CTRL_SHIFT)
    dialog = window.audit_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.from_edit)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert not dialog.isVisible()
    assert window.audit_dialog is None
    assert window.mode is Mode.LOCKED
