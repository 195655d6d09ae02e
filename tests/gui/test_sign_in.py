"""Signing in and out at the keyboard, the first run with no users, and the forced password change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import NOW, PASSWORDS, Keyboard, operator, show_window, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.config import Settings
from cashdesk.services.audit import AuditFilter, list_events
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.users import add_user, reset_password
from cashdesk.store.db import Database
from cashdesk.ui.main_window import MainWindow, Mode
from cashdesk.ui.password import MISMATCH
from cashdesk.ui.window_hints import SIGN_IN_HINTS

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WRONG = "The user id or password is not right."


def events(ctx: ServiceContext, event_type: str) -> list[tuple[str, bool]]:
    """(user, success) of each event of a type, oldest first."""
    found = list_events(ctx, operator("super1"), AuditFilter(event_type=event_type))
    return [(e.user, e.success) for e in reversed(found)]


def test_the_window_opens_on_the_sign_in_screen(signed_out_window: Any, keyboard: Keyboard) -> None:
    window = signed_out_window
    form = window.sign_in_screen.form
    assert window.mode is Mode.SIGNED_OUT
    assert QApplication.focusWidget() is form.user_field
    assert window.sign_in_screen.isVisible()
    assert not window.inquiry.isVisible()
    assert not window.menuBar().isVisible()
    assert window.hints_label.text() == SIGN_IN_HINTS
    assert window.user_label.text() == "Nobody is signed in"
    assert window.windowTitle() == "cashdesk — City of Aurelia — Station W01"
    assert form.message_label.text() == ""

    keyboard.press(Key.Key_F2)  # the inquiry screen's keys do nothing here
    keyboard.press(Key.Key_Q, CTRL_SHIFT)
    keyboard.press(Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.mode is Mode.SIGNED_OUT
    assert QApplication.focusWidget() is form.user_field


@pytest.mark.usefixtures("drawers_open")
def test_a_wrong_password_is_refused_then_the_right_one_signs_in(
    signed_out_window: Any, keyboard: Keyboard, ctx: ServiceContext
) -> None:
    window = signed_out_window
    form = window.sign_in_screen.form
    sign_in(keyboard, window, "cashier1", "not-my-password")

    assert window.mode is Mode.SIGNED_OUT
    assert form.message_label.text() == WRONG
    assert form.message_label.property("error") is True
    assert form.user_field.text() == "cashier1"
    assert form.password_field.text() == ""  # typed again, from scratch
    assert QApplication.focusWidget() is form.password_field

    keyboard.type(PASSWORDS["cashier1"])
    keyboard.press(Key.Key_Return)
    assert window.mode is Mode.WORKING
    assert window.operator == operator("cashier1")
    assert QApplication.focusWidget() is window.inquiry.search_field
    assert window.windowTitle().endswith("— cashier1 (Cashier)")
    assert window.user_label.text() == "Signed in: cashier1 (cashier)"
    assert window.menuBar().isVisible()
    assert form.user_field.text() == "" and form.password_field.text() == ""
    assert events(ctx, "sign_in") == [("cashier1", False), ("cashier1", True)]


def test_the_password_is_checked_while_the_window_keeps_going(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext
) -> None:
    window = signed_out_window
    screen = window.sign_in_screen
    form = screen.form
    keyboard.type("cashier1")
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS["cashier1"])
    qtbot.keyClick(form.password_field, Key.Key_Return)  # no waiting: what shows at once
    assert screen.waiting
    assert form.message_label.text() == "Checking the password…"
    assert form.user_field.isReadOnly() and form.password_field.isReadOnly()
    assert QApplication.focusWidget() is form.password_field
    qtbot.keyClick(form.password_field, Key.Key_Return)  # an impatient second Enter signs in once
    assert window.mode is Mode.SIGNED_OUT

    qtbot.waitUntil(lambda: window.mode is Mode.WORKING, timeout=5000)
    assert not screen.waiting
    assert not form.user_field.isReadOnly() and not form.password_field.isReadOnly()
    assert form.message_label.text() == ""
    assert events(ctx, "sign_in") == [("cashier1", True)]


def test_an_unknown_user_gets_the_same_words_as_a_wrong_password(signed_out_window: Any, keyboard: Keyboard) -> None:
    sign_in(keyboard, signed_out_window, "nobody", "whatever-it-is")
    assert signed_out_window.sign_in_screen.form.message_label.text() == WRONG


def test_enter_asks_for_what_is_missing(signed_out_window: Any, keyboard: Keyboard) -> None:
    form = signed_out_window.sign_in_screen.form
    keyboard.press(Key.Key_Return)
    assert form.message_label.text() == "Type your user id, then press Enter."
    assert QApplication.focusWidget() is form.user_field
    keyboard.type("cashier1")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is form.password_field
    keyboard.press(Key.Key_Return)
    assert form.message_label.text() == "Type the password, then press Enter."
    assert QApplication.focusWidget() is form.password_field


def test_with_no_users_it_says_how_to_make_the_first_administrator(
    qtbot: Any, db_path: Path, keyboard: Keyboard, critical_boxes: list[str]
) -> None:
    context = ServiceContext(Database.open(db_path, quick_check=False), Settings(), clock=lambda: NOW)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        show_window(qtbot, window)
        qtbot.waitUntil(lambda: window.sign_in_screen.form.message_label.text() != "", timeout=5000)
        message = window.sign_in_screen.form.message_label.text()
        assert "this database has no users" in message
        assert "cashdesk init --admin USER --password-stdin" in message
        assert str(db_path) in message

        sign_in(keyboard, window, "admin1", "anything-at-all")
        assert window.mode is Mode.SIGNED_OUT
        assert "no users" in window.sign_in_screen.form.message_label.text()

        # The administrator runs the command; the window lets them in without a restart.
        add_user(context, command_line_operator(), "admin1", "administrator", PASSWORDS["admin1"],
                 must_change_password=False)  # fmt: skip
        keyboard.type(PASSWORDS["admin1"])
        keyboard.press(Key.Key_Return)
        assert window.mode is Mode.WORKING
        assert window.operator == operator("admin1")
        window.close()
    finally:
        context.close()


@pytest.mark.usefixtures("drawers_open")
def test_an_administrators_reset_forces_a_new_password_first(
    signed_out_window: Any, keyboard: Keyboard, ctx: ServiceContext, qtbot: Any
) -> None:
    window = signed_out_window
    reset_password(ctx, operator("admin1"), "cashier1", "temporary-pass-99")
    sign_in(keyboard, window, "cashier1", "temporary-pass-99")

    dialog = window.password_dialog
    assert dialog is not None and dialog.isVisible() and dialog.forced
    assert window.mode is Mode.SIGNED_OUT  # nothing else until the password is changed
    assert not window.inquiry.isVisible()
    assert "set by an administrator" in dialog.intro_label.text()
    wait_for_keyboard(qtbot, dialog.old_field)

    keyboard.type("temporary-pass-99")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.new_field
    keyboard.type("my-own-secret-77")
    keyboard.press(Key.Key_Return)
    keyboard.type("my-own-secret-78")
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == MISMATCH
    assert dialog.message_label.property("error") is True
    assert dialog.new_field.text() == "" and dialog.repeat_field.text() == ""
    assert dialog.old_field.text() == "temporary-pass-99"
    assert QApplication.focusWidget() is dialog.new_field

    keyboard.type("short")
    keyboard.press(Key.Key_Return)
    keyboard.type("short")
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == "The password must be at least 12 characters long."

    keyboard.type("temporary-pass-99")  # the service keeps the history
    keyboard.press(Key.Key_Return)
    keyboard.type("temporary-pass-99")
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == "The new password must differ from your last 4 passwords. Choose another."
    assert QApplication.focusWidget() is dialog.old_field
    assert dialog.isVisible()

    keyboard.type("temporary-pass-99")
    keyboard.press(Key.Key_Return)
    keyboard.type("my-own-secret-77")
    keyboard.press(Key.Key_Return)
    keyboard.type("my-own-secret-77")
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.password_dialog is None, timeout=2000)
    assert window.mode is Mode.WORKING
    assert window.operator == operator("cashier1")
    assert window.inquiry.message_label.text() == "Your new password is set."
    wait_for_keyboard(qtbot, window.inquiry.search_field)

    keyboard.press(Key.Key_Q, CTRL_SHIFT)
    sign_in(keyboard, window, "cashier1", "my-own-secret-77")
    assert window.mode is Mode.WORKING
    assert window.password_dialog is None
    # The mismatch and the short password never reached the service; the reused one did.
    assert events(ctx, "password_change") == [("cashier1", False), ("cashier1", True)]


def test_a_wrong_current_password_in_the_dialog_is_the_services_words(
    signed_out_window: Any, keyboard: Keyboard, ctx: ServiceContext, qtbot: Any
) -> None:
    reset_password(ctx, operator("admin1"), "cashier1", "temporary-pass-99")
    sign_in(keyboard, signed_out_window, "cashier1", "temporary-pass-99")
    dialog = signed_out_window.password_dialog
    wait_for_keyboard(qtbot, dialog.old_field)
    for text in ("not-the-temporary", "my-own-secret-77", "my-own-secret-77"):
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == WRONG
    assert (dialog.old_field.text(), dialog.new_field.text(), dialog.repeat_field.text()) == ("", "", "")
    assert QApplication.focusWidget() is dialog.old_field


def test_escape_from_the_forced_change_signs_out(
    signed_out_window: Any, keyboard: Keyboard, ctx: ServiceContext, qtbot: Any
) -> None:
    window = signed_out_window
    reset_password(ctx, operator("admin1"), "cashier1", "temporary-pass-99")
    sign_in(keyboard, window, "cashier1", "temporary-pass-99")
    assert window.password_dialog is not None
    wait_for_keyboard(qtbot, window.password_dialog.old_field)
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.password_dialog is None, timeout=2000)
    assert window.mode is Mode.SIGNED_OUT
    assert window.operator is None
    assert "need a password of your own" in window.sign_in_screen.form.message_label.text()
    wait_for_keyboard(qtbot, window.sign_in_screen.form.user_field)
    assert events(ctx, "sign_out") == [("cashier1", True)]

    sign_in(keyboard, window, "cashier1", "temporary-pass-99")  # asked again, every time
    assert window.password_dialog is not None and window.password_dialog.isVisible()


def test_sign_out_leaves_nothing_for_the_next_person(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> None:
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    assert window.inquiry.pane.account_number == "1001"

    keyboard.press(Key.Key_Q, CTRL_SHIFT)
    assert window.mode is Mode.SIGNED_OUT
    assert window.operator is None
    assert window.sign_in_screen.form.message_label.text() == "cashier1 signed out."
    assert QApplication.focusWidget() is window.sign_in_screen.form.user_field
    assert events(ctx, "sign_out") == [("cashier1", True)]

    sign_in(keyboard, window, "cashier2")
    assert window.operator == operator("cashier2")
    assert window.inquiry.search_field.text() == ""
    assert window.inquiry.results_model.rowCount() == 0
    assert window.inquiry.pane.account_number is None
    assert window.inquiry.message_label.text() == ""


def test_changing_ones_own_password_from_the_menu(window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window.menus.change_password_action.trigger()
    dialog = window.password_dialog
    assert dialog is not None and not dialog.forced
    wait_for_keyboard(qtbot, dialog.old_field)
    for text in (PASSWORDS["cashier1"], "a-brand-new-one-1", "a-brand-new-one-1"):
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.password_dialog is None, timeout=2000)
    assert window.mode is Mode.WORKING
    assert window.inquiry.message_label.text() == "Your new password is set."
    wait_for_keyboard(qtbot, window.inquiry.search_field)

    keyboard.press(Key.Key_Q, CTRL_SHIFT)
    sign_in(keyboard, window, "cashier1")
    assert window.sign_in_screen.form.message_label.text() == WRONG
    keyboard.type("a-brand-new-one-1")
    keyboard.press(Key.Key_Return)
    assert window.mode is Mode.WORKING


def test_the_new_password_is_checked_while_the_window_keeps_going(window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window.menus.change_password_action.trigger()
    dialog = window.password_dialog
    wait_for_keyboard(qtbot, dialog.old_field)
    for text in (PASSWORDS["cashier1"], "a-brand-new-one-2"):
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    keyboard.type("a-brand-new-one-2")
    qtbot.keyClick(dialog.repeat_field, Key.Key_Return)  # no waiting: what shows at once
    assert dialog.waiting
    assert dialog.message_label.text() == "Checking the password…"
    assert dialog.old_field.isReadOnly() and dialog.repeat_field.isReadOnly()
    qtbot.keyClick(dialog.repeat_field, Key.Key_Escape)  # not halfway: the answer comes first
    assert window.password_dialog is dialog

    qtbot.waitUntil(lambda: window.password_dialog is None, timeout=5000)
    assert window.inquiry.message_label.text() == "Your new password is set."


def test_closing_the_window_signs_out(window: Any, ctx: ServiceContext) -> None:
    window.close()
    assert events(ctx, "sign_out") == [("cashier1", True)]


def test_a_card_number_typed_as_a_user_id_is_wiped(signed_out_window: Any, keyboard: Keyboard) -> None:
    form = signed_out_window.sign_in_screen.form
    keyboard.type("4111111111111111")
    keyboard.press(Key.Key_Return)
    assert form.user_field.text() == ""
    assert form.message_label.text().startswith("Never type a card number.")
    assert QApplication.focusWidget() is form.user_field
    assert signed_out_window.mode is Mode.SIGNED_OUT
