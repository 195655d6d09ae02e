"""Changing one's own password: the current one, the new one twice.

After an administrator's reset the window opens this before anything else, and the user
cannot start work until it is done. The service enforces the rules (length, history); the
dialog checks what it can first so that a typo costs one field, not three.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cashdesk.domain.security import check_new_password
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import accept_buttons, add_rows, column, explanation
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext

log = logging.getLogger(__name__)

MISMATCH = QT_TRANSLATE_NOOP("password", "The two new passwords are not the same. Type the new password twice.")


def _password_field(name: str) -> EnterLineEdit:
    field = EnterLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    field.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData)
    return field


class ChangePasswordDialog(QDialog):
    """Accepted once `change_password` took the new password; Esc cancels."""

    def __init__(
        self, ctx: ServiceContext, user_id: str, *, forced: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(
            translate("password", "Choose a new password") if forced else translate("password", "Change my password")
        )
        self._ctx = ctx
        self._user_id = user_id
        self._checking = False
        self.forced = forced
        min_length = ctx.settings.security.password_min_length

        self.intro_label = QLabel(self._intro())
        self.intro_label.setObjectName("changePasswordIntro")
        self.intro_label.setWordWrap(True)
        rules = explanation(
            translate(
                "password", "At least {min_length} characters, not your user id, and not one of your recent passwords."
            ).format(min_length=min_length)
        )

        self.old_field = _password_field("oldPassword")
        self.new_field = _password_field("newPassword")
        self.repeat_field = _password_field("repeatPassword")
        form = QFormLayout()
        add_rows(
            form,
            (translate("password", "&Current password:"), self.old_field),
            (translate("password", "&New password:"), self.new_field),
            (translate("password", "&Repeat the new password:"), self.repeat_field),
        )
        self.message_label = message_label("changePasswordMessage")

        self.change_button = QPushButton(translate("password", "C&hange password"))
        self.change_button.setObjectName("changePasswordButton")
        buttons = accept_buttons(self, self.change_button, self.submit)

        self.setMinimumWidth(460)
        column(self, self.intro_label, rules, form, self.message_label, buttons)

        self.setTabOrder(self.old_field, self.new_field)
        self.setTabOrder(self.new_field, self.repeat_field)
        self.old_field.enter_pressed.connect(lambda: self._next(self.new_field))
        self.new_field.enter_pressed.connect(lambda: self._next(self.repeat_field))
        self.repeat_field.enter_pressed.connect(self.submit)
        self.old_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _intro(self) -> str:
        if self.forced:
            return translate(
                "password",
                "{user_id}: your password was set by an administrator. Choose your own before you start. "
                "Esc signs you out.",
            ).format(user_id=self._user_id)
        return translate("password", "{user_id}: type your current password, then the new one twice.").format(
            user_id=self._user_id
        )

    def _next(self, field: QLineEdit) -> None:
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fail(self, text: str, *, clear: tuple[QLineEdit, ...], focus: QLineEdit) -> None:
        for field in clear:
            field.clear()
        show_message(self.message_label, text, error=True)
        self.adjustSize()  # tall enough for the whole message
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        from cashdesk.services.auth import change_password

        if self._checking:
            return
        old, new, repeat = self.old_field.text(), self.new_field.text(), self.repeat_field.text()
        if not old:
            self._fail(translate("password", "Type your current password first."), clear=(), focus=self.old_field)
            return
        if not new:
            self._fail(translate("password", "Type the new password."), clear=(), focus=self.new_field)
            return
        if new != repeat:
            self._fail(translate("password", MISMATCH), clear=(self.new_field, self.repeat_field), focus=self.new_field)
            return
        problem = check_new_password(
            new, user_id=self._user_id, min_length=self._ctx.settings.security.password_min_length
        )
        if problem:
            self._fail(problem, clear=(self.new_field, self.repeat_field), focus=self.new_field)
            return
        # A refusal names the current password, or a new one used before: which, only the message says.
        everything = (self.old_field, self.new_field, self.repeat_field)
        # Off the GUI thread: checking the old password and hashing the new one take their time.
        self._set_checking(True)

        def failed(text: str) -> None:
            self._set_checking(False)
            self._fail(text, clear=everything, focus=self.old_field)

        changing = Operation(
            self,
            lambda: change_password(self._ctx, self._user_id, old, new),
            failed=translate("password", "The password could not be changed ({exc}). Call your supervisor."),
            log_as="changing the password failed",
        )
        changing.success(self._changed).failure(failed).run_in_background()

    @property
    def waiting(self) -> bool:
        """True while the passwords are being checked."""
        return self._checking

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        for field in (self.old_field, self.new_field, self.repeat_field):
            field.setReadOnly(checking)
        if checking:
            show_message(self.message_label, translate("password", "Checking the password…"))

    def reject(self) -> None:
        if self._checking:  # Esc waits for the answer: the password is changed or not, never left halfway
            return
        super().reject()

    def _changed(self, _result: object) -> None:
        self._set_checking(False)
        for field in (self.old_field, self.new_field, self.repeat_field):
            field.clear()
        self.accept()
