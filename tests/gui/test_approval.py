"""The supervisor's approval dialog: approved by a supervisor, refused for a cashier, Esc cancels."""

from __future__ import annotations

from typing import Any

from gui_support import PASSWORDS, Keyboard, operator, show_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from cashdesk.domain.security import OverrideAction
from cashdesk.services.context import ServiceContext
from cashdesk.ui.approval import ApprovalDialog, ask_for_approval

Key = Qt.Key
RECEIPT = "W01-2026-000042"


def open_dialog(qtbot: Any, ctx: ServiceContext, requested_by: str = "cashier1") -> ApprovalDialog:
    dialog = ApprovalDialog(ctx, action=OverrideAction.VOID, requested_by=operator(requested_by), object=RECEIPT)
    qtbot.addWidget(dialog)
    show_window(qtbot, dialog)
    return dialog


def type_credentials(keyboard: Keyboard, user_id: str, password: str | None = None) -> None:
    keyboard.type(user_id)
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS[user_id] if password is None else password)
    keyboard.press(Key.Key_Return)


def test_a_supervisor_approves(qtbot: Any, ctx: ServiceContext, keyboard: Keyboard) -> None:
    dialog = open_dialog(qtbot, ctx)
    assert dialog.action_label.text() == "Void a receipt"
    assert dialog.object_label.text() == RECEIPT
    assert dialog.asked_label.text() == "Asked by cashier1 (cashier)"
    assert QApplication.focusWidget() is dialog.form.user_field

    type_credentials(keyboard, "super1")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    approval = dialog.approval
    assert approval is not None
    assert (approval.action, approval.object, approval.requested_by, approval.approved_by) == (
        OverrideAction.VOID, RECEIPT, "cashier1", "super1",
    )  # fmt: skip


def test_a_cashier_cannot_approve_and_the_dialog_stays_for_a_supervisor(
    qtbot: Any, ctx: ServiceContext, keyboard: Keyboard
) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_credentials(keyboard, "cashier2")
    form = dialog.form
    assert dialog.isVisible()
    assert dialog.approval is None
    assert form.message_label.text() == "cashier2 (cashier) may not approve overrides. A supervisor must approve."
    assert form.message_label.property("error") is True
    assert form.password_field.text() == ""
    assert QApplication.focusWidget() is form.password_field

    keyboard.press(Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # the user id, selected to type over
    type_credentials(keyboard, "super2", "not-the-password")
    assert form.message_label.text() == "The user id or password is not right."
    assert dialog.isVisible()

    keyboard.type(PASSWORDS["super2"])
    keyboard.press(Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.approval is not None and dialog.approval.approved_by == "super2"


def test_a_supervisor_cannot_approve_their_own_action(qtbot: Any, ctx: ServiceContext, keyboard: Keyboard) -> None:
    dialog = open_dialog(qtbot, ctx, requested_by="super1")
    type_credentials(keyboard, "super1")
    assert dialog.form.message_label.text() == "You cannot approve your own action; another supervisor must."
    assert dialog.approval is None


def test_escape_cancels(qtbot: Any, ctx: ServiceContext, keyboard: Keyboard) -> None:
    dialog = open_dialog(qtbot, ctx)
    keyboard.type("super1")
    keyboard.press(Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.approval is None


def _answer_when_shown(qtbot: Any, keys: list[str | Key]) -> None:
    """Type into the approval dialog once `exec()` shows it, as the supervisor would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QApplication.focusWidget() is None:
            QTimer.singleShot(10, answer)
            return
        for key in keys:
            if isinstance(key, str):
                qtbot.keyClicks(QApplication.focusWidget(), key)
            else:
                qtbot.keyClick(QApplication.focusWidget(), key)

    QTimer.singleShot(0, answer)


def test_ask_for_approval_returns_the_approval_or_none(qtbot: Any, ctx: ServiceContext) -> None:
    _answer_when_shown(qtbot, ["super1", Key.Key_Return, PASSWORDS["super1"], Key.Key_Return])
    approval = ask_for_approval(ctx, action=OverrideAction.NO_SALE, requested_by=operator("cashier1"))
    assert approval is not None
    assert (approval.action, approval.approved_by) == (OverrideAction.NO_SALE, "super1")

    _answer_when_shown(qtbot, ["super1", Key.Key_Escape])
    assert ask_for_approval(ctx, action=OverrideAction.NO_SALE, requested_by=operator("cashier1")) is None


def test_the_password_is_checked_off_the_gui_thread_and_esc_waits_for_the_answer(
    qtbot: Any, ctx: ServiceContext, keyboard: Keyboard
) -> None:
    dialog = open_dialog(qtbot, ctx)
    keyboard.type("super1")
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS["super1"])
    qtbot.keyClick(dialog.form.password_field, Key.Key_Return)  # no waiting: what shows at once
    assert dialog.waiting
    assert dialog.form.message_label.text() == "Checking the password…"
    qtbot.keyClick(dialog.form.password_field, Key.Key_Escape)  # not halfway: the answer comes first
    assert dialog.isVisible()

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.approval is not None and dialog.approval.approved_by == "super1"
