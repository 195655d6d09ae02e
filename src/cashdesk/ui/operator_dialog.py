"""The base of the dialogs a person at work opens to ask the services for something (a void, a
cash drop, the X report, the mail log, a tax return, the audit trail): each is named (tests and
style sheets find it by its name), titled for the cashier, and calls the services with the
context and the operator it was opened for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext


class OperatorDialog(QDialog):
    """A dialog named `name` and titled `title`, working for `operator` through `ctx`."""

    def __init__(self, ctx: ServiceContext, operator: Operator, name: str, title: str,
                 parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._ctx = ctx
        self._operator = operator
