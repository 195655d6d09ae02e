"""Three window actions off the counter's path, keyboard first:

    Ctrl+Shift+N  a returned check (NSF), recorded by a supervisor against its receipt
    Ctrl+Shift+O  no sale: the cash drawer opened without a payment, a supervisor approves
    Ctrl+Shift+S  a PDF copy of a receipt, saved in the cashier's documents folder

Each dialog only asks; the service decides and refuses in the cashier's words, and the
refusal shows in the dialog, which stays open for another try. Enter moves from field to
field and does the action from the last one; Esc cancels. The keys are the window's
(`ui.main_window`); docs/keyboard.md has them all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPushButton, QWidget

from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog, no_sale_details
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, focus_and_select
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import action_buttons, column, explanation, heading
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.returned_checks import ReturnedCheck

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_NSF_REASON = QT_TRANSLATE_NOOP("counter_extras", "Returned NSF")


def receipts_folder() -> Path:
    """Where PDF copies of receipts go: "cashdesk receipts" in the user's documents folder."""
    from platformdirs import user_documents_path

    return user_documents_path() / "cashdesk receipts"


def returned_check_text(result: ReturnedCheck) -> str:
    """What the supervisor reads once a returned check is recorded."""
    text = translate(
        "counter_extras",
        "Check #{check_number} on {receipt}: {amount} is owed again on account {account}, NSF fee {fee} added",
    ).format(
        check_number=result.check_number,
        receipt=result.receipt,
        amount=result.amount.display(),
        account=result.account,
        fee=result.fee.display(),
    )
    if result.cash_only_until is not None:
        text += translate("counter_extras", "; cash only until {cash_only_until:%m/%d/%Y}").format(
            cash_only_until=result.cash_only_until
        )
    return text + "."


class FormDialog(QDialog):
    """A heading, a line of explanation, a few fields (Enter goes on; the last one does it), a message."""

    def __init__(self, name: str, title: str, explain: str, action_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        explain_label = explanation(explain + translate("counter_extras", " Enter moves on; Esc cancels."))
        self.message_label = message_label(f"{name}Message")
        self._form = QFormLayout()
        self.fields: list[EnterLineEdit] = []

        self.action_button = QPushButton(action_text)
        buttons = action_buttons(self, self.action_button, self.submit)

        self.setMinimumWidth(480)
        column(self, heading(self, title), explain_label, self._form, self.message_label, buttons)
        self._guard = CardNumberGuard(self)
        self._guard.refused.connect(lambda field: self.refuse(translate("fields", CARD_NUMBER_REFUSED), field))

    def _field(self, name: str, caption: str, *, text: str = "", max_length: int = 32,
               placeholder: str = "") -> EnterLineEdit:  # fmt: skip
        field = EnterLineEdit()
        field.setObjectName(name)
        field.setMaxLength(max_length)
        field.setText(text)
        field.setPlaceholderText(placeholder)
        label = QLabel(caption)
        label.setBuddy(field)
        self._form.addRow(label, field)
        self._guard.watch(field)
        index = len(self.fields)
        self.fields.append(field)
        field.enter_pressed.connect(lambda: self._enter(index))
        return field

    def _enter(self, index: int) -> None:
        if self._guard.check_now():
            return
        if index + 1 < len(self.fields):
            missing = self.missing(self.fields[: index + 1])
            if missing is not None:
                self.refuse(*missing)
                return
            focus_and_select(self.fields[index + 1])
            return
        self.submit()

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        """The first of `fields` that must be typed and is empty: what to say, and the field."""
        return None

    def submit(self) -> None:
        raise NotImplementedError

    def _checked(self) -> bool:
        if self._guard.check_now():
            return False
        missing = self.missing(self.fields)
        if missing is not None:
            self.refuse(*missing)
            return False
        return True

    def refuse(self, text: str, field: object = None) -> None:
        show_message(self.message_label, text, error=True)
        self.adjustSize()
        if isinstance(field, QWidget):
            focus_and_select(field)

    def _operation(self, what: str, call: Callable[[], T], field: EnterLineEdit) -> Operation[T]:
        """The service call, with a refusal (or a failure) said in the dialog, the cursor on `field`."""
        failed = translate("counter_extras", "{what}{what2} could not be done ({{exc}}). Call your supervisor.").format(
            what=what[:1].upper(), what2=what[1:]
        )
        operation = Operation(self, call, failed=failed, log_as=f"{what} failed")
        return operation.failure(lambda text: self.refuse(text, field))

    def _call(self, what: str, call: Callable[[], T], field: EnterLineEdit) -> T | None:
        """The service's answer, now (on the GUI thread); a refusal (or a failure) is said and gives None."""
        return self._operation(what, call, field).run_now()


class ReturnedCheckDialog(FormDialog):
    """Receipt number, check number, reason: a supervisor records a check the bank returned."""

    def __init__(self, ctx: ServiceContext, supervisor: Operator, *, parent: QWidget | None = None) -> None:
        super().__init__(
            "returnedCheckDialog",
            translate("counter_extras", "Returned check (NSF)"),
            translate(
                "counter_extras",
                "The check's amount is owed again on the accounts it paid, the NSF fee is added and the account "
                "takes only cash for a while.",
            ),
            translate("counter_extras", "Recor&d"),
            parent,
        )
        self._ctx = ctx
        self._supervisor = supervisor
        self.result_check: ReturnedCheck | None = None
        self.receipt_field = self._field("returnedCheckReceipt", translate("counter_extras", "&Receipt number:"),
                                         placeholder=translate("counter_extras", "Like W01-2026-000123"))  # fmt: skip
        self.check_field = self._field(
            "returnedCheckNumber", translate("counter_extras", "&Check number:"), max_length=20
        )
        self.reason_field = self._field(
            "returnedCheckReason",
            translate("counter_extras", "R&eason:"),
            text=translate("counter_extras", DEFAULT_NSF_REASON),
            max_length=200,
        )
        self.receipt_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        if self.receipt_field in fields and not self.receipt_field.text().strip():
            return (
                translate(
                    "counter_extras",
                    "Type the receipt number the check paid (it is printed under the city's name, like "
                    "W01-2026-000123).",
                ),
                self.receipt_field,
            )
        if self.check_field in fields and not self.check_field.text().strip():
            return translate(
                "counter_extras", "Type the check number (printed on the check, top right)."
            ), self.check_field
        return None

    def submit(self) -> None:
        if not self._checked():
            return
        from cashdesk.services.returned_checks import record_returned_check

        receipt = self.receipt_field.text().strip().upper()
        check = self.check_field.text().strip()
        reason = self.reason_field.text().strip() or DEFAULT_NSF_REASON
        result = self._call(
            translate("counter_extras", "recording the returned check"),
            lambda: record_returned_check(self._ctx, self._supervisor, receipt, check, reason),
            self.receipt_field,
        )
        if result is None:
            return
        self.result_check = result
        log.info("%s recorded returned check #%s on %s", self._supervisor.user_id, check, receipt)
        self.accept()


class NoSaleDialog(FormDialog):
    """The reason, then a supervisor's approval, then the drawer kick is queued (`job_id`)."""

    def __init__(self, ctx: ServiceContext, operator: Operator, drawer_id: int, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(
            "noSaleDialog",
            translate("counter_extras", "No sale (open drawer)"),
            translate(
                "counter_extras",
                "Opens drawer {drawer_id} without a payment. Say why; a supervisor approves, and the drawer opens.",
            ).format(drawer_id=drawer_id),
            translate("counter_extras", "&Open the drawer…"),
            parent,
        )
        self._ctx = ctx
        self._operator = operator
        self.drawer_id = drawer_id
        self.job_id: int | None = None
        self.approved_by = ""
        self.approval_dialog: ApprovalDialog | None = None
        self.reason_field = self._field(
            "noSaleReason",
            translate("counter_extras", "R&eason:"),
            max_length=200,
            placeholder=translate("counter_extras", "For example: change for the safe"),
        )
        self.reason_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        if not self.reason_field.text().strip():
            return translate(
                "counter_extras", "Say why the drawer is opened without a sale (for example: change for the safe)."
            ), self.reason_field
        return None

    def submit(self) -> None:
        if self.approval_dialog is not None or not self._checked():
            return
        reason = self.reason_field.text().strip()
        dialog = ApprovalDialog(
            self._ctx,
            action=OverrideAction.NO_SALE,
            requested_by=self._operator,
            object=translate("counter_extras", "drawer {drawer_id}").format(drawer_id=self.drawer_id),
            reason=reason,
            details=no_sale_details(self.drawer_id),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._approved(dialog, reason))
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _approved(self, dialog: ApprovalDialog, reason: str) -> None:
        self.approval_dialog = None
        approval = dialog.approval
        if approval is None:
            self.reject()  # Esc at the approval: nothing is done, the drawer stays shut
            return
        self.activateWindow()
        from cashdesk.services.drawers import no_sale

        job = self._call(translate("counter_extras", "opening the drawer"),
                         lambda: no_sale(self._ctx, self._operator, reason, approval_id=approval.id),
                         self.reason_field)  # fmt: skip
        if job is None:
            return
        self.job_id = job
        self.approved_by = approval.approved_by
        log.info("%s: no sale on drawer %s (approved by %s)", self._operator.user_id, self.drawer_id,
                 approval.approved_by)  # fmt: skip
        self.accept()


class PdfCopyDialog(FormDialog):
    """A receipt number (the last one posted here filled in): a PDF copy is saved (`saved_to`)."""

    def __init__(self, ctx: ServiceContext, operator: Operator, *, last_receipt: str = "",
                 folder: Path | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        self._folder = folder if folder is not None else receipts_folder()
        super().__init__(
            "pdfCopyDialog",
            translate("counter_extras", "Save a PDF copy of a receipt"),
            translate("counter_extras", "The copy is saved in {folder}.").format(folder=self._folder),
            translate("counter_extras", "&Save"),
            parent,
        )
        self._ctx = ctx
        self._operator = operator
        self.saved_to: Path | None = None
        self.number_field = self._field(
            "pdfCopyReceipt",
            translate("counter_extras", "&Receipt number:"),
            text=last_receipt,
            placeholder=translate("counter_extras", "Like W01-2026-000123"),
        )
        focus_and_select(self.number_field)

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        if not self.number_field.text().strip():
            return (
                translate(
                    "counter_extras",
                    "Type the receipt number (it is printed under the city's name, like W01-2026-000123).",
                ),
                self.number_field,
            )
        return None

    def submit(self) -> None:
        if not self._checked():
            return
        from cashdesk.services.printing import receipt_pdf_copy

        number = self.number_field.text().strip().upper()
        folder = self._folder
        saved = self._call(translate("counter_extras", "saving the PDF copy"),
                           lambda: receipt_pdf_copy(self._ctx, self._operator, number, folder),
                           self.number_field)  # fmt: skip
        if saved is None:
            return
        assert isinstance(saved, Path)
        self.saved_to = saved
        self.accept()
