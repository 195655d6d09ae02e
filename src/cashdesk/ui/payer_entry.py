"""Who is paying, when it is not the account holder: F3 at the counter, printed on the receipt.

A neighbour paying a bill, a bookkeeper paying a business's tax: the receipt says "Payer  Mary
Smith" under the cashier (docs/printers.md). F3 opens the field at any point of the transaction,
Enter keeps the name and Esc leaves it as it was; either way the keyboard goes back to the search
box. The name stays on screen until the receipt posts or is cancelled. Nothing is added to F12:
posting reads the name kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cashdesk.domain.receipts import MAX_PAYER
from cashdesk.domain.text import text_problem
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CardNumberGuard, focus_and_select, is_plain_enter
from cashdesk.ui.i18n import translate


class PayerEntry(QFrame):
    """The payer's name on the receipt being built: `payer` is the one kept; `done` when the
    cashier leaves the field (Enter or Esc), for the counter to take the keyboard back."""

    done = Signal()

    def __init__(self, guard: CardNumberGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payerEntry")
        self.payer = ""
        self.field = QLineEdit()
        self.field.setObjectName("payerName")
        self.field.setMaxLength(MAX_PAYER)
        self.field.setPlaceholderText(translate("payer_entry", "the name of the person paying"))
        caption = QLabel(translate("payer_entry", "Pa&yer:"))
        caption.setBuddy(self.field)
        self.summary = QLabel()  # the name kept, while the field is closed
        self.summary.setObjectName("payerShown")
        self.summary.setWordWrap(True)
        self.message_label = message_label("payerMessage")
        self.hint_label = QLabel(
            translate("payer_entry", "Enter keeps the name; it prints on the receipt. Esc leaves it as it was.")
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #555555;")
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.field, 1)
        self._editor = QWidget()
        editor = QVBoxLayout(self._editor)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addLayout(row)
        editor.addWidget(self.message_label)
        editor.addWidget(self.hint_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self._editor)
        self.field.installEventFilter(self)
        guard.watch(self.field)
        self._show_kept()

    @property
    def editing(self) -> bool:
        return self._editor.isVisible()

    def start(self) -> None:
        """F3: the field with the name kept so far, selected so typing replaces it."""
        self.field.setText(self.payer)
        show_message(self.message_label, "")
        self.summary.hide()
        self._editor.show()
        self.show()
        focus_and_select(self.field)

    def clear(self) -> None:
        """The receipt posted or was cancelled: the next customer starts with no payer."""
        self.payer = ""
        self.field.clear()
        self._show_kept()

    def _keep(self) -> None:
        name = " ".join(self.field.text().split())
        problem = text_problem(name, translate("payer_entry", "payer's name"))
        if problem:
            show_message(self.message_label, problem, error=True)
            focus_and_select(self.field)
            return
        self.payer = name
        self._show_kept()
        self.done.emit()

    def _cancel(self) -> None:
        self._show_kept()
        self.done.emit()

    def _show_kept(self) -> None:
        self._editor.hide()
        self.summary.setText(translate("payer_entry", "Payer: {payer}").format(payer=self.payer))
        self.summary.setVisible(bool(self.payer))
        self.setVisible(bool(self.payer))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc and Enter in the field are the field's: the counter's Esc (back one step) waits.
        if watched is self.field and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            mine = event.key() == Qt.Key.Key_Escape or is_plain_enter(event)
            if mine and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if mine and event.key() == Qt.Key.Key_Escape:
                self._cancel()
                return True
            if mine:
                self._keep()
                return True
        return super().eventFilter(watched, event)
