"""The sales tax accounts with a period due and no return, as of today (the Mail menu's
Delinquent filers…). Its texts keep the "tax_return" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from cashdesk.services.tax_returns import DelinquentFiler, delinquent_filers
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import heading
from cashdesk.ui.models import Column, RowsModel
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext


class DelinquentFilersModel(RowsModel[DelinquentFiler]):
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Account"), lambda f: f.account, lambda f: f.account),
        Column(QT_TRANSLATE_NOOP("columns", "Business"), lambda f: f.name, lambda f: f.name),
        Column(QT_TRANSLATE_NOOP("columns", "Phone"), lambda f: f.phone, lambda f: f.phone),
        Column(
            QT_TRANSLATE_NOOP("columns", "Files"),
            lambda f: f.frequency.value.capitalize(),
            lambda f: f.frequency.value,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Periods with no return"),
            lambda f: ", ".join(p.label for p in f.missing),
            lambda f: tuple(p.label for p in f.missing),
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Oldest due"),
            lambda f: date_text(f.missing[0].due),
            lambda f: f.missing[0].due,
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Missing"), lambda f: str(len(f.missing)), lambda f: len(f.missing)),
    )


class DelinquentFilersDialog(QDialog):
    """Accounts with a period due (in the last 12 months) and no return, as of today."""

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delinquentFilersDialog")
        self.setWindowTitle(translate("tax_return", "Delinquent filers"))
        self.model = DelinquentFilersModel(self)
        self.table = QTableView()
        self.table.setObjectName("delinquentTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message_label = message_label("delinquentMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.setMinimumSize(820, 520)
        layout = QVBoxLayout(self)
        as_of = ctx.today()
        layout.addWidget(
            heading(
                self, translate("tax_return", "Delinquent filers as of {date_text}").format(date_text=date_text(as_of))
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        # Every sales tax account's periods are read: off the GUI thread, the dialog shows meanwhile.
        Operation(
            self,
            lambda: delinquent_filers(ctx, operator, as_of),
            failed=translate("tax_return", "The delinquent filers could not be listed ({exc}). Call your supervisor."),
            log_as="listing delinquent filers failed",
        ).success(self._show_filers).failure(
            lambda text: show_message(self.message_label, text, error=True)
        ).run_in_background()

    def _show_filers(self, filers: tuple[DelinquentFiler, ...]) -> None:
        self.model.set_rows(filers)
        periods = sum(len(f.missing) for f in filers)
        if filers:
            show_message(
                self.message_label,
                translate(
                    "tax_return", "{filers} account{value2} with {periods} return{value6} due and not received."
                ).format(
                    filers=len(filers),
                    value2="s" if len(filers) != 1 else "",
                    periods=periods,
                    value6="s" if periods != 1 else "",
                ),
            )
        else:
            show_message(
                self.message_label, translate("tax_return", "Every active sales tax account has filed its returns.")
            )
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
