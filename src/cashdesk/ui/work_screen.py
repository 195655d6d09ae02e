"""The base of the keyboard-first work screens that list rows and act on them through a row of
buttons (service orders, payment arrangements): the two columns of fields, the action buttons,
the message line, and each service call run with a refusal said in the person's words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from cashdesk.ui.credentials import show_message
from cashdesk.ui.fields import focus_and_select
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog

T = TypeVar("T")


class WorkScreen(OperatorDialog):
    """Subclasses set `message_label` before calling `say` or `refuse`, and `log_as` (what the log
    says when a call fails for a reason the person is not told)."""

    message_label: QLabel
    log_as = "a request at a work screen failed"

    @staticmethod
    def side_by_side(left: QFormLayout, right: QFormLayout) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout()
        layout.addLayout(left)
        layout.addLayout(right)
        box.setLayout(layout)
        return box

    def action_row(self, prefix: str, actions: Sequence[tuple[str, str, Callable[[], None]]],
                   hidden: Sequence[str] = ()) -> QDialogButtonBox:  # fmt: skip
        """A button per (name, text, act), named `{prefix}_{name}` (tests find them by it), `hidden`
        ones left out of sight (the box shows what it is given), then Close."""
        buttons = QDialogButtonBox()
        self.action_buttons: dict[str, QPushButton] = {}
        for name, text, act in actions:
            button = QPushButton(text)
            button.setObjectName(f"{prefix}_{name}")
            button.setAutoDefault(False)
            button.clicked.connect(act)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(name not in hidden)
            self.action_buttons[name] = button
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        return buttons

    def _call(self, work: Callable[[], T], field: QWidget | None = None) -> T | None:
        return Operation(self, work, log_as=self.log_as).failure(lambda text: self.refuse(text, field)).run_now()

    def say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        show_message(self.message_label, text, error=True)
        if field is not None:
            focus_and_select(field)
