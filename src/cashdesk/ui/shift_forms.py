"""The shift's own dialogs, opened by `ui.shift_dialogs.ShiftActions`:

Ctrl+Shift+C  cash drop: the cash going to the safe counted by denomination; a drop slip prints
Ctrl+Shift+P  paid-out: cash refunded from the drawer, with a reason and a supervisor's approval
Ctrl+Shift+X  X report: the drawer's totals so far, on screen, printed on request
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog, paid_out_details
from cashdesk.ui.counter_extras import FormDialog
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.fields import EnterChain, focus_and_select
from cashdesk.ui.float_count import CashCountWidget
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import column, explanation, heading
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.shift import DropResult, PaidOutResult, ShiftReport

log = logging.getLogger(__name__)


# -- the cash drop --------------------------------------------------------------------------------


class CashDropDialog(OperatorDialog):
    """The cash going to the safe, counted by denomination; `result_drop` once it is recorded."""

    def __init__(self, ctx: ServiceContext, operator: Operator, *, drawer_cash: Money | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, operator, "cashDropDialog", translate("shift_forms", "Cash drop to the safe"), parent)
        self.result_drop: DropResult | None = None
        explain = explanation(
            translate(
                "shift_forms",
                "Count the cash you take to the safe and type how many of each (an empty row counts as none). Enter "
                "goes to the next row; Enter on the last row goes to the button, Enter there records the drop and "
                "prints the drop slip. Esc cancels.",
            )
            + (
                translate("shift_forms", " The drawer should hold {drawer_cash}.").format(
                    drawer_cash=drawer_cash.display()
                )
                if drawer_cash is not None
                else ""
            )
        )
        self.count_widget = CashCountWidget(translate("shift_forms", "Cash to the safe"), name="drop")
        self.message_label = message_label("dropMessage")
        self.drop_button = QPushButton(translate("shift_forms", "Drop $0.00"))
        self.drop_button.setObjectName("dropButton")
        self.drop_button.setAutoDefault(True)
        self.drop_button.clicked.connect(self.submit)
        self.count_widget.total_row.addWidget(self.drop_button)
        self.count_widget.recounted.connect(self._recounted)
        self.setMinimumSize(560, 640)
        column(
            self,
            heading(self, translate("shift_forms", "Cash drop to the safe")),
            explain,
            self.count_widget,
            self.message_label,
            grow=self.count_widget,
        )
        fields = self.count_widget.fields
        QWidget.setTabOrder(fields[-1], self.drop_button)
        self._chain = EnterChain([*fields, self.drop_button], self.submit, self)
        self._chain.on_enter(self.drop_button, self._enter_on_button)
        self.count_widget.clear()
        focus_and_select(self.count_widget.first_field)

    def _recounted(self, total: object, problem: str) -> None:
        show_message(self.message_label, problem, error=bool(problem))
        self.drop_button.setText(
            translate("shift_forms", "&Drop {total} to the safe").format(total=total.display())
            if isinstance(total, Money)
            else translate("shift_forms", "&Drop")
        )

    def _enter_on_button(self) -> bool:
        self.submit()
        return True

    def submit(self) -> None:
        from cashdesk.services.shift import cash_drop

        count = self.count_widget.count_or_say(self.message_label)
        if count is None:
            return

        def refused(text: str) -> None:
            show_message(self.message_label, text, error=True)
            focus_and_select(self.count_widget.first_field)

        drop = (
            Operation(
                self,
                lambda: cash_drop(self._ctx, self._operator, count),
                failed=translate(
                    "shift_forms",
                    "The drop could not be recorded ({exc}). Keep the cash in the drawer and call your supervisor.",
                ),
                log_as="the cash drop failed",
            )
            .refused(refused)
            .failure(lambda text: show_message(self.message_label, text, error=True))
            .run_now()
        )
        if drop is None:  # nothing was recorded
            return
        self.result_drop = drop
        log.info("%s dropped %s to the safe (drop %s)", self._operator.user_id, self.result_drop.amount.display(),
                 self.result_drop.id)  # fmt: skip
        self.accept()


# -- the paid-out -----------------------------------------------------------------------------------


class PaidOutDialog(FormDialog):
    """Account (or revenue code and payee), amount, reason; a supervisor approves; `result_paid_out`."""

    def __init__(self, ctx: ServiceContext, operator: Operator, drawer_id: int, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(
            "paidOutDialog",
            translate("shift_forms", "Paid-out (cash refund)"),
            translate(
                "shift_forms",
                "Cash paid out of the drawer: the refund of an account's credit (type the account), or a refund "
                "charged to a revenue code (leave the account empty; type the code and who receives the cash). "
                "A supervisor approves; a slip prints for the payee to sign.",
            ),
            translate("shift_forms", "&Pay out…"),
            parent,
        )
        self._ctx = ctx
        self._operator = operator
        self.drawer_id = drawer_id
        self.result_paid_out: PaidOutResult | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self.account_field = self._field(
            "paidOutAccount",
            translate("shift_forms", "A&ccount:"),
            max_length=20,
            placeholder=translate("shift_forms", "The account whose credit is refunded"),
        )
        self.code_field = self._field(
            "paidOutCode",
            translate("shift_forms", "Re&venue code:"),
            max_length=16,
            placeholder=translate("shift_forms", "Only without an account, like PERMIT"),
        )
        self.payee_field = self._field(
            "paidOutPayee",
            translate("shift_forms", "Pa&yee:"),
            max_length=120,
            placeholder=translate("shift_forms", "Who receives the cash (the account's name if empty)"),
        )
        self.amount_field = self._field("paidOutAmount", translate("shift_forms", "A&mount:"), max_length=16)
        self.reason_field = self._field(
            "paidOutReason",
            translate("shift_forms", "R&eason:"),
            max_length=200,
            placeholder=translate("shift_forms", "For example: refund of an overpayment"),
        )
        self.account_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        account = self.account_field.text().strip()
        if self.code_field in fields and not account and not self.code_field.text().strip():
            return (
                translate(
                    "shift_forms",
                    "Type the account whose credit is refunded, or (without an account) the revenue code the refund "
                    "is charged to.",
                ),
                self.account_field,
            )
        if self.payee_field in fields and not account and not self.payee_field.text().strip():
            return translate("shift_forms", "Type who receives the cash."), self.payee_field
        if self.amount_field in fields:
            try:
                Money.parse(self.amount_field.text(), allow_zero=False)
            except MoneyError as exc:
                return str(exc), self.amount_field
        if self.reason_field in fields and not self.reason_field.text().strip():
            return translate(
                "shift_forms", "Give the reason for the paid-out (for example: refund of an overpayment)."
            ), self.reason_field
        return None

    def submit(self) -> None:
        if self.approval_dialog is not None or not self._checked():
            return
        amount = Money.parse(self.amount_field.text(), allow_zero=False)
        reason = self.reason_field.text().strip()
        from cashdesk.services.shift import drawer_object

        details = paid_out_details(
            self.drawer_id,
            amount,
            account=self.account_field.text().strip(),
            revenue_code=self.code_field.text().strip(),
            payee=self.payee_field.text().strip(),
        )
        dialog = ApprovalDialog(self._ctx, action=OverrideAction.PAID_OUT, requested_by=self._operator,
                                object=drawer_object(self.drawer_id), details=details,
                                reason=f"{amount.display()} — {reason}", parent=self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._approved(dialog, amount, reason))
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _approved(self, dialog: ApprovalDialog, amount: Money, reason: str) -> None:
        self.approval_dialog = None
        approval = dialog.approval
        if not self.isVisible():
            return
        self.activateWindow()
        if approval is None:
            self.refuse(translate("shift_forms", "Not paid out: a supervisor did not approve it."), self.reason_field)
            return
        from cashdesk.services.shift import paid_out

        account = self.account_field.text().strip() or None
        code = None if account else (self.code_field.text().strip() or None)
        payee = self.payee_field.text().strip()
        result = self._call(
            translate("shift_forms", "the paid-out"),
            lambda: paid_out(self._ctx, self._operator, amount=amount, reason=reason, account=account, payee=payee,
                             approval_id=approval.id, revenue_code=code),
            self.account_field,
        )  # fmt: skip
        if result is None:
            return
        self.result_paid_out = result
        log.info("%s paid out %s (approved by %s)", self._operator.user_id, amount.display(), approval.approved_by)
        self.accept()


# -- the X report -----------------------------------------------------------------------------------


class XReportDialog(OperatorDialog):
    """The report's lines as they print, in a fixed-width font; Print (Alt+P) sends it to the printer."""

    def __init__(self, ctx: ServiceContext, operator: Operator, report: ShiftReport, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(
            ctx,
            operator,
            "xReportDialog",
            translate("shift_forms", "X report — drawer {drawer_id}").format(drawer_id=report.drawer_id),
            parent,
        )
        self.report = report
        self.printed = False
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("xReportText")
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_view.setPlainText("\n".join(report.lines))
        explain = explanation(
            translate("shift_forms", "The drawer's totals so far; nothing is closed. Alt+P prints it; Esc closes.")
        )
        self.message_label = message_label("xReportMessage")
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(translate("shift_forms", "&Print"))
        self.print_button.setObjectName("printXReport")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_report)
        self.setMinimumSize(520, 640)
        column(
            self,
            heading(self, translate("shift_forms", "X report — drawer {drawer_id}").format(drawer_id=report.drawer_id)),
            explain,
            self.text_view,
            self.message_label,
            buttons,
            grow=self.text_view,
        )
        self.text_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_report(self) -> None:
        from cashdesk.services.shift import x_report

        report = (
            Operation(
                self,
                lambda: x_report(self._ctx, self._operator, print_it=True),
                failed=translate("shift_forms", "The X report could not be printed ({exc})."),
                log_as="printing the X report failed",
            )
            .failure(lambda text: show_message(self.message_label, text, error=True))
            .run_now()
        )
        if report is None:
            return
        self.report = report
        self.text_view.setPlainText("\n".join(self.report.lines))
        self.printed = True
        show_message(self.message_label, translate("shift_forms", "The X report is on its way to the printer."))
        self.accept()


__all__ = ["CashDropDialog", "PaidOutDialog", "XReportDialog"]
