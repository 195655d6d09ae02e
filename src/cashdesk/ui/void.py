"""Voiding a receipt at the counter: its number and the reason, then a supervisor's approval.

The dialog asks; `services.voids.void_receipt` decides (the drawer must still be open, the
approval must be for this receipt) and queues the void slip.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QPushButton, QWidget

from cashdesk.domain.refunds import tender_words
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, focus_and_select, line_field
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import action_buttons, add_rows, column, explanation, heading
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.voids import VoidPreview, VoidResult

log = logging.getLogger(__name__)


def void_details(preview: VoidPreview) -> list[str]:
    """The void as the supervisor approves it: amount, accounts, tenders, what goes back to the customer."""
    said = [
        translate("void", "Receipt {number}: {total}, taken by {cashier}").format(
            number=preview.number, total=preview.total.display(), cashier=preview.cashier
        )
    ]
    said += [f"  {what}: {amount.display()}" for what, amount in preview.lines]
    tenders = ", ".join(tender_words(t) for t in preview.tenders)
    change = translate("void", "; change {change}").format(change=preview.change.display()) if preview.change else ""
    said.append(translate("void", "Paid by {tenders}{change}").format(tenders=tenders, change=change))
    said.append(preview.hand_back)
    return said


class VoidDialog(OperatorDialog):
    """Receipt number (the last one filled in), reason, approval; `result_void` once voided."""

    def __init__(
        self, ctx: ServiceContext, operator: Operator, *, last_receipt: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, operator, "voidDialog", translate("void", "Void a receipt"), parent)
        self.result_void: VoidResult | None = None
        self.approval_dialog: ApprovalDialog | None = None

        explain = explanation(
            translate(
                "void",
                "The receipt keeps its number and is marked void; every payment on it is reversed and a void slip "
                "prints. A supervisor approves. Enter moves on; Esc cancels.",
            )
        )
        self.number_field = line_field(EnterLineEdit(), "voidReceipt", 32, text=last_receipt)
        self.reason_field = line_field(
            EnterLineEdit(),
            "voidReason",
            200,
            placeholder=translate("void", "For example: wrong account, keyed the wrong amount"),
        )
        self.message_label = message_label("voidMessage")

        form = QFormLayout()
        add_rows(
            form,
            (translate("void", "&Receipt number:"), self.number_field),
            (translate("void", "R&eason:"), self.reason_field),
        )

        self.void_button = QPushButton(translate("void", "&Void…"))
        self.void_button.setObjectName("voidButton")
        buttons = action_buttons(self, self.void_button, self.submit)

        self.setMinimumWidth(480)
        column(self, heading(self, translate("void", "Void a receipt")), explain, form, self.message_label, buttons)

        self._guard = CardNumberGuard(self)
        self._guard.watch(self.number_field, self.reason_field)
        self._guard.refused.connect(lambda field: self._refuse(translate("fields", CARD_NUMBER_REFUSED), field))
        self.number_field.enter_pressed.connect(self._enter_in_number)
        self.reason_field.enter_pressed.connect(self.submit)
        first = self.reason_field if last_receipt else self.number_field
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def number(self) -> str:
        return self.number_field.text().strip().upper()

    @property
    def reason(self) -> str:
        return self.reason_field.text().strip()

    def _enter_in_number(self) -> None:
        if self._guard.check_now():
            return
        if not self.number:
            self._refuse(
                translate(
                    "void", "Type the receipt number (it is printed under the city's name, like W01-2026-000123)."
                ),
                self.number_field,
            )
            return
        focus_and_select(self.reason_field)

    def submit(self) -> None:
        """Check what was typed, then ask a supervisor."""
        if self._guard.check_now() or self.approval_dialog is not None:
            return
        if not self.number:
            self._refuse(translate("void", "Type the receipt number."), self.number_field)
            return
        if not self.reason:
            self._refuse(
                translate("void", "Give the reason for the void (for example: wrong account, keyed the wrong amount)."),
                self.reason_field,
            )
            return
        from cashdesk.services.voids import void_preview

        # What the supervisor signs for: the receipt's money, accounts and tenders (refused here when it
        # cannot be voided, before anyone types a password).
        preview = (
            Operation(
                self,
                lambda: void_preview(self._ctx, self._operator, self.number),
                failed=translate("void", "The receipt could not be looked up ({exc}). Call your supervisor."),
                log_as="looking up a receipt to void failed",
            )
            .failure(lambda text: self._refuse(text, self.number_field))
            .run_now()
        )
        if preview is None:
            return
        dialog = ApprovalDialog(self._ctx, action=OverrideAction.VOID, requested_by=self._operator,
                                object=self.number, reason=self.reason, details=void_details(preview),
                                parent=self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._approved(dialog))
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _approved(self, dialog: ApprovalDialog) -> None:
        self.approval_dialog = None
        approval = dialog.approval
        self.activateWindow()
        if approval is None:
            self._refuse(translate("void", "Not voided: a supervisor did not approve it."), self.reason_field)
            return
        from cashdesk.services.voids import void_receipt

        voided = Operation(self, lambda: void_receipt(self._ctx, self._operator, self.number, self.reason,
                                                      approval_id=approval.id),
                           failed=translate("void", "The void could not be recorded ({exc}). Call your supervisor."),
                           log_as="void failed")\
            .failure(lambda text: self._refuse(text, self.number_field)).run_now()  # fmt: skip
        if voided is None:
            return
        self.result_void = voided
        log.info("%s voided %s (approved by %s)", self._operator.user_id, self.result_void.number,
                 self.result_void.approved_by)  # fmt: skip
        self.accept()

    def _refuse(self, text: str, field: object) -> None:
        show_message(self.message_label, text, error=True)
        if isinstance(field, QWidget):
            focus_and_select(field)
