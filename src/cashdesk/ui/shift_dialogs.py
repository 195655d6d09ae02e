"""During the shift, off the counter's path, keyboard first:

    Ctrl+Shift+C  cash drop: the cash going to the safe counted by denomination; a drop slip prints
    Ctrl+Shift+P  paid-out: cash refunded from the drawer, with a reason and a supervisor's approval
    Ctrl+Shift+X  X report: the drawer's totals so far, on screen, printed on request
    Ctrl+Shift+B  balance the drawer: the end-of-shift wizard (ui.balancing_wizard)

`ShiftActions` opens them for the counter and keeps the cash banner: after every posting,
drop and paid-out it asks `services.shift.cash_position` and warns (orange) or blocks (red)
when the drawer holds more cash than the limits allow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.cash import CountError
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog, paid_out_details
from cashdesk.ui.counter_extras import _FormDialog
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.fields import EnterChain, focus_and_select
from cashdesk.ui.float_count import CashCountWidget
from cashdesk.ui.labels import explanation, heading
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView
    from cashdesk.services.shift import CashPosition, DropResult, PaidOutResult, ShiftReport
    from cashdesk.ui.inquiry import InquiryScreen

log = logging.getLogger(__name__)

DROP_KEY = "Ctrl+Shift+C"
PAID_OUT_KEY = "Ctrl+Shift+P"
X_REPORT_KEY = "Ctrl+Shift+X"
BALANCE_KEY = "Ctrl+Shift+B"

_WARN_STYLE = "background: #e65100; color: white; font-weight: bold; font-size: 12pt; padding: 6px;"
_BLOCK_STYLE = "background: #b00020; color: white; font-weight: bold; font-size: 12pt; padding: 6px;"


def banner_text(position: CashPosition) -> str:
    """What the cash banner says at `position`'s level ("" when the drawer is within the limits)."""
    if position.level == "block":
        return (f"Drawer holds {position.cash.display()} — over the limit of {position.block_limit.display()}: no "
                f"more cash until you make a cash drop ({DROP_KEY}).")  # fmt: skip
    if position.level == "warn":
        return f"Drawer holds {position.cash.display()} — make a cash drop ({DROP_KEY})."
    return ""


# -- the cash drop --------------------------------------------------------------------------------


class CashDropDialog(QDialog):
    """The cash going to the safe, counted by denomination; `result_drop` once it is recorded."""

    def __init__(self, ctx: ServiceContext, operator: Operator, *, drawer_cash: Money | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("cashDropDialog")
        self.setWindowTitle("Cash drop to the safe")
        self._ctx = ctx
        self._operator = operator
        self.result_drop: DropResult | None = None
        explain = explanation(
            "Count the cash you take to the safe and type how many of each (an empty row counts as none). Enter "
            "goes to the next row; Enter on the last row goes to the button, Enter there records the drop and "
            "prints the drop slip. Esc cancels."
            + (f" The drawer should hold {drawer_cash.display()}." if drawer_cash is not None else "")
        )
        self.count_widget = CashCountWidget("Cash to the safe", name="drop")
        self.message_label = message_label("dropMessage")
        self.drop_button = QPushButton("Drop $0.00")
        self.drop_button.setObjectName("dropButton")
        self.drop_button.setAutoDefault(True)
        self.drop_button.clicked.connect(self.submit)
        self.count_widget.total_row.addWidget(self.drop_button)
        self.count_widget.recounted.connect(self._recounted)
        self.setMinimumSize(560, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, "Cash drop to the safe"))
        layout.addWidget(explain)
        layout.addWidget(self.count_widget, 1)
        layout.addWidget(self.message_label)
        fields = self.count_widget.fields
        QWidget.setTabOrder(fields[-1], self.drop_button)
        self._chain = EnterChain([*fields, self.drop_button], self.submit, self)
        self._chain.on_enter(self.drop_button, self._enter_on_button)
        self.count_widget.clear()
        focus_and_select(self.count_widget.first_field)

    def _recounted(self, total: object, problem: str) -> None:
        show_message(self.message_label, problem, error=bool(problem))
        self.drop_button.setText(f"&Drop {total.display()} to the safe" if isinstance(total, Money) else "&Drop")

    def _enter_on_button(self) -> bool:
        self.submit()
        return True

    def submit(self) -> None:
        from cashdesk.services.shift import cash_drop

        try:
            count = self.count_widget.count()
        except CountError as exc:
            show_message(self.message_label, str(exc), error=True)
            self.count_widget.focus_first_bad()
            return

        def refused(text: str) -> None:
            show_message(self.message_label, text, error=True)
            focus_and_select(self.count_widget.first_field)

        drop = Operation(self, lambda: cash_drop(self._ctx, self._operator, count),
                         failed="The drop could not be recorded ({exc}). Keep the cash in the drawer and call your "
                                "supervisor.", log_as="the cash drop failed")\
            .refused(refused).failure(lambda text: show_message(self.message_label, text, error=True))\
            .run_now()  # fmt: skip
        if drop is None:  # nothing was recorded
            return
        self.result_drop = drop
        log.info("%s dropped %s to the safe (drop %s)", self._operator.user_id, self.result_drop.amount.display(),
                 self.result_drop.id)  # fmt: skip
        self.accept()


# -- the paid-out -----------------------------------------------------------------------------------


class PaidOutDialog(_FormDialog):
    """Account (or revenue code and payee), amount, reason; a supervisor approves; `result_paid_out`."""

    def __init__(self, ctx: ServiceContext, operator: Operator, drawer_id: int, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(
            "paidOutDialog", "Paid-out (cash refund)",
            "Cash paid out of the drawer: the refund of an account's credit (type the account), or a refund "
            "charged to a revenue code (leave the account empty; type the code and who receives the cash). "
            "A supervisor approves; a slip prints for the payee to sign.",
            "&Pay out…", parent,
        )  # fmt: skip
        self._ctx = ctx
        self._operator = operator
        self.drawer_id = drawer_id
        self.result_paid_out: PaidOutResult | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self.account_field = self._field("paidOutAccount", "A&ccount:", max_length=20,
                                         placeholder="The account whose credit is refunded")  # fmt: skip
        self.code_field = self._field("paidOutCode", "Re&venue code:", max_length=16,
                                      placeholder="Only without an account, like PERMIT")  # fmt: skip
        self.payee_field = self._field("paidOutPayee", "Pa&yee:", max_length=120,
                                       placeholder="Who receives the cash (the account's name if empty)")  # fmt: skip
        self.amount_field = self._field("paidOutAmount", "A&mount:", max_length=16)
        self.reason_field = self._field("paidOutReason", "R&eason:", max_length=200,
                                        placeholder="For example: refund of an overpayment")  # fmt: skip
        self.account_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        account = self.account_field.text().strip()
        if self.code_field in fields and not account and not self.code_field.text().strip():
            return ("Type the account whose credit is refunded, or (without an account) the revenue code the refund "
                    "is charged to.", self.account_field)  # fmt: skip
        if self.payee_field in fields and not account and not self.payee_field.text().strip():
            return "Type who receives the cash.", self.payee_field
        if self.amount_field in fields:
            try:
                Money.parse(self.amount_field.text(), allow_zero=False)
            except MoneyError as exc:
                return str(exc), self.amount_field
        if self.reason_field in fields and not self.reason_field.text().strip():
            return "Give the reason for the paid-out (for example: refund of an overpayment).", self.reason_field
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
            self.refuse("Not paid out: a supervisor did not approve it.", self.reason_field)
            return
        from cashdesk.services.shift import paid_out

        account = self.account_field.text().strip() or None
        code = None if account else (self.code_field.text().strip() or None)
        payee = self.payee_field.text().strip()
        result = self._call(
            "the paid-out",
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


class XReportDialog(QDialog):
    """The report's lines as they print, in a fixed-width font; Print (Alt+P) sends it to the printer."""

    def __init__(self, ctx: ServiceContext, operator: Operator, report: ShiftReport, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("xReportDialog")
        self.setWindowTitle(f"X report — drawer {report.drawer_id}")
        self._ctx = ctx
        self._operator = operator
        self.report = report
        self.printed = False
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("xReportText")
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_view.setPlainText("\n".join(report.lines))
        explain = explanation("The drawer's totals so far; nothing is closed. Alt+P prints it; Esc closes.")
        self.message_label = message_label("xReportMessage")
        buttons = QDialogButtonBox()
        self.print_button = QPushButton("&Print")
        self.print_button.setObjectName("printXReport")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_report)
        self.setMinimumSize(520, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, f"X report — drawer {report.drawer_id}"))
        layout.addWidget(explain)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.text_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_report(self) -> None:
        from cashdesk.services.shift import x_report

        report = Operation(self, lambda: x_report(self._ctx, self._operator, print_it=True),
                           failed="The X report could not be printed ({exc}).", log_as="printing the X report failed")\
            .failure(lambda text: show_message(self.message_label, text, error=True)).run_now()  # fmt: skip
        if report is None:
            return
        self.report = report
        self.text_view.setPlainText("\n".join(self.report.lines))
        self.printed = True
        show_message(self.message_label, "The X report is on its way to the printer.")
        self.accept()


# -- the counter's side ---------------------------------------------------------------------------


class Counter(Protocol):
    """What the shift keys ask of the counter and tell it; ui.counter imports this module, not the reverse."""

    operator: Operator | None
    drawer: DrawerView | None
    inquiry: InquiryScreen

    @property
    def change_box(self) -> QWidget: ...  # the last customer's change: taken off once the drawer's cash moves
    @property
    def busy(self) -> bool: ...
    @property
    def payment_in_progress(self) -> bool: ...
    @property
    def takes_payments(self) -> bool: ...
    def say(self, text: str, *, error: bool = False) -> None: ...
    def set_drawer(self, drawer: DrawerView | None) -> None: ...
    def window(self) -> QWidget: ...
    def isVisible(self) -> bool: ...  # noqa: N802 - Qt's name


class ShiftActions(QObject):
    """The counter's shift keys and its cash banner."""

    #: Something was queued for the printer (a drop slip, a paid-out slip, an X or Z report).
    printing_wanted = Signal()

    def __init__(self, counter: Counter, ctx: ServiceContext, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counter = counter
        self._ctx = ctx
        self.dialog: QDialog | None = None
        self.reporting = False  # the X report is being added up in the background
        self.position: CashPosition | None = None
        self.banner = QLabel()
        self.banner.setObjectName("cashBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

    # -- the cash banner ----------------------------------------------------------------------------

    def refresh_position(self) -> None:
        """Ask where the drawer stands against the cash limits; show the banner at warn or block."""
        from cashdesk.services.shift import cash_position

        counter = self._counter
        operator = counter.operator
        if operator is None or counter.drawer is None or not counter.takes_payments:
            self.show_position(None)
            return
        # The banner is a help, not a gate (the service refuses cash past the limit itself): a failure is logged.
        Operation(self, lambda: cash_position(self._ctx, operator), log_as="could not read the drawer's cash position")\
            .success(self.show_position).run_now()  # fmt: skip

    def show_position(self, position: CashPosition | None) -> None:
        self.position = position
        text = banner_text(position) if position is not None else ""
        self.banner.setText(text)
        self.banner.setProperty("level", position.level if position is not None else "ok")
        self.banner.setStyleSheet(_BLOCK_STYLE if position is not None and position.level == "block" else _WARN_STYLE)
        self.banner.setVisible(bool(text))

    # -- opening the dialogs --------------------------------------------------------------------

    def _may_start(self, what: str, *, empty_receipt: bool = True) -> Operator | None:
        counter = self._counter
        operator = counter.operator
        if operator is None or counter.busy:
            return None
        if not counter.takes_payments:
            counter.inquiry.show_message("Drawer work is done by cashiers and supervisors.", error=True)
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return None
        if counter.drawer is None:
            counter.say(f"No drawer open: nothing to {what}. Open your drawer (Ctrl+Shift+D) first.", error=True)
            return None
        if empty_receipt and counter.payment_in_progress:
            counter.say(f"Finish this payment (F12) or cancel it (Esc in the search box) before you {what}.",
                        error=True)  # fmt: skip
            return None
        return operator

    def _open(self, dialog: QDialog, done: Callable[[QDialog], None] | None) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.dialog = None
            counter = self._counter
            counter.window().activateWindow()
            if result == QDialog.DialogCode.Accepted and done is not None:
                done(dialog)
            if counter.operator is not None and counter.isVisible():
                counter.inquiry.focus_search()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def open_cash_drop(self) -> None:
        operator = self._may_start("make a cash drop")
        if operator is None:
            return
        position = self.position
        dialog = CashDropDialog(self._ctx, operator, drawer_cash=position.cash if position is not None else None,
                                parent=self._counter.window())  # fmt: skip

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, CashDropDialog) and dialog.result_drop is not None
            drop = dialog.result_drop
            self._counter.change_box.hide()  # the last customer's change is not what this drop is about
            self.show_position(drop.position)
            self._counter.say(f"Cash drop {drop.id}: {drop.amount.display()} to the safe. The drop slip is printing: "
                              "put it with the cash in the safe bag.")  # fmt: skip
            self.printing_wanted.emit()

        self._open(dialog, done)

    def open_paid_out(self) -> None:
        operator = self._may_start("pay out cash")
        if operator is None:
            return
        drawer = self._counter.drawer
        assert drawer is not None

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, PaidOutDialog) and dialog.result_paid_out is not None
            result = dialog.result_paid_out
            self._counter.change_box.hide()  # no longer the last customer's change: this cash went to the payee
            to = f" from account {result.account}" if result.account else ""
            self._counter.say(f"Paid out {result.amount.display()}{to}. The paid-out slip is printing: the payee "
                              "signs it.")  # fmt: skip
            self.refresh_position()
            self.printing_wanted.emit()

        self._open(PaidOutDialog(self._ctx, operator, drawer.id, parent=self._counter.window()), done)

    def open_x_report(self) -> None:
        """The drawer's totals are added up off the GUI thread; the dialog opens with them."""
        from cashdesk.services.shift import x_report

        if self.reporting:
            return
        operator = self._may_start("report", empty_receipt=False)
        if operator is None:
            return
        ctx = self._ctx

        def made(report: ShiftReport) -> None:
            self.reporting = False
            if self._counter.operator is not operator:  # signed out or locked meanwhile: not for the next person
                return
            self._open(XReportDialog(ctx, operator, report, parent=self._counter.window()), done)

        def failed(text: str) -> None:
            self.reporting = False
            self._counter.say(text, error=True)

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, XReportDialog)
            if dialog.printed:
                self._counter.say("The X report is printing.")
                self.printing_wanted.emit()

        self.reporting = True
        Operation(self, lambda: x_report(ctx, operator), failed="The X report could not be made ({exc}). Call your "
                  "supervisor.", log_as="the X report failed")\
            .success(made).failure(failed).run_in_background()  # fmt: skip

    def open_balancing(self) -> None:
        from cashdesk.ui.balancing_wizard import BalancingWizard

        operator = self._may_start("balance the drawer")
        if operator is None:
            return
        drawer = self._counter.drawer
        assert drawer is not None
        wizard = BalancingWizard(self._ctx, operator, drawer.id, parent=self._counter.window())
        wizard.drawer_closed.connect(self._drawer_closed)
        self._open(wizard, None)

    def _drawer_closed(self, closed: object) -> None:
        from cashdesk.ui.balancing_wizard import over_short_text

        counter = self._counter
        counter.set_drawer(None)
        counter.change_box.hide()  # the drawer's last receipt is done with: nothing of it stays into the next drawer
        self.show_position(None)
        drawer_id = getattr(closed, "drawer_id", "")
        over_short = getattr(closed, "over_short", Money(0))
        counter.say(f"Drawer {drawer_id} is closed ({over_short_text(over_short).lower()}); the Z report is "
                    "printing. No drawer is open: open a new one with Ctrl+Shift+D (count the float).")  # fmt: skip
        self.printing_wanted.emit()


__all__ = [
    "BALANCE_KEY", "DROP_KEY", "PAID_OUT_KEY", "X_REPORT_KEY", "CashDropDialog", "PaidOutDialog", "ShiftActions",
    "XReportDialog", "banner_text",
]  # fmt: skip
