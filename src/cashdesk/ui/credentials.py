"""A user id and a password, typed at the keyboard: the sign-in screen, the lock screen and
the supervisor's approval all ask for them the same way.

Enter in the user id goes on to the password; Enter in the password submits. A refusal
clears the password and puts the cursor back in it. Passwords are never stripped, logged
or kept after a submit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard
from cashdesk.ui.i18n import translate

ERROR_STYLE = "color: #b00020; font-weight: bold;"
INFO_STYLE = "color: #333333;"
#: Return on the main keyboard and Enter on the keypad: the same key to a cashier.
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterLineEdit(QLineEdit):
    """A line edit that keeps Enter to itself: in a dialog it must not also press a default button."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
    label.setProperty("error", error)


class CredentialsForm(QWidget):
    """User id, password and a message line; `submitted(user_id, password)` on Enter."""

    submitted = Signal(str, str)

    def __init__(self, *, name: str, user_caption: str = "&User id:", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.user_field = EnterLineEdit()
        self.user_field.setObjectName(f"{name}User")
        self.user_field.setMaxLength(32)
        self.user_field.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.password_field = EnterLineEdit()
        self.password_field.setObjectName(f"{name}Password")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setMaxLength(256)
        self.password_field.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData)
        self.message_label = message_label(f"{name}Message")
        self._guard = CardNumberGuard(self)  # never the password: it is not looked at
        self._guard.watch(self.user_field)
        self._guard.refused.connect(
            lambda _field: self.show_message(translate("fields", CARD_NUMBER_REFUSED), error=True)
        )

        user_label = QLabel(user_caption)
        user_label.setBuddy(self.user_field)
        password_label = QLabel(translate("credentials", "&Password:"))
        password_label.setBuddy(self.password_field)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(user_label, self.user_field)
        form.addRow(password_label, self.password_field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        self.setTabOrder(self.user_field, self.password_field)
        self._checking = False

        self.user_field.enter_pressed.connect(self._enter_in_user)
        self.password_field.enter_pressed.connect(self.submit)

    @property
    def user_id(self) -> str:
        return self.user_field.text().strip()

    def _enter_in_user(self) -> None:
        if self._checking or self._guard.check_now():
            return
        if not self.user_id:
            self.show_message(translate("credentials", "Type your user id, then press Enter."), error=True)
            return
        if self.password_field.text():
            self.submit()
        else:
            self.password_field.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def checking(self) -> bool:
        """True while the password is being checked off the GUI thread: Enter does nothing then."""
        return self._checking

    def set_checking(self, checking: bool) -> None:
        """Read-only fields (the cursor stays where it is) and a word while the password is checked."""
        self._checking = checking
        self.user_field.setReadOnly(checking)
        self.password_field.setReadOnly(checking)
        if checking:
            self.show_message(translate("credentials", "Checking the password…"))

    def submit(self) -> None:
        if self._checking:
            return
        if self._guard.check_now():
            self.user_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        user_id, password = self.user_id, self.password_field.text()
        if not user_id:
            self.show_message(translate("credentials", "Type your user id first."), error=True)
            self.user_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not password:
            self.show_message(translate("credentials", "Type the password, then press Enter."), error=True)
            self.password_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.password_field.clear()  # the form never holds a password longer than it must
        self.submitted.emit(user_id, password)

    def refuse(self, text: str) -> None:
        """A failed attempt: say why, empty the password, cursor back in it."""
        self.password_field.clear()
        self.show_message(text, error=True)
        self.password_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)

    def reset(self, user_id: str = "") -> None:
        self.user_field.setText(user_id)
        self.password_field.clear()
        self.message_label.clear()
        self.message_label.setProperty("error", False)

    def focus_first_empty(self) -> None:
        field = self.password_field if self.user_id else self.user_field
        field.setFocus(Qt.FocusReason.OtherFocusReason)
