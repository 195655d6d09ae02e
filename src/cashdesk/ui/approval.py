"""The supervisor's approval: a supervisor types their user id and password at the cashier's station.

The window only asks; `services.overrides.approve` decides and records the approval with both
names, and the service that does the action refuses without it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from cashdesk.domain.balancing import over_short_shown
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction
from cashdesk.domain.tenders import TenderKind
from cashdesk.ui.credentials import CredentialsForm
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import accept_buttons, column, explanation, heading_font
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.balancing import CountResult
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.overrides import Approval

log = logging.getLogger(__name__)


# -- what is approved, in money and accounts (the dialog's `details`) ------------------------------


def variance_details(result: CountResult) -> list[str]:
    """A variance: the drawer, over/short against the limit, and each tender that differs."""
    said = [
        translate(
            "approval", "Drawer {drawer_id} (counted by {counted_by}): {over_short_words}, beyond the limit of {limit}"
        ).format(
            drawer_id=result.drawer_id,
            counted_by=result.counted_by,
            over_short_words=over_short_shown(result.over_short),
            limit=result.limit.display(),
        )
    ]
    said += [
        translate("approval", "  {label}: expected {expected}, counted {counted}, {over_short_words}").format(
            label=TenderKind(line.kind).shown,
            expected=line.expected.display(),
            counted=line.counted.display(),
            over_short_words=over_short_shown(line.over_short),
        )
        for line in result.lines
        if line.over_short
    ]
    return said


def paid_out_details(drawer_id: int, amount: Money, *, account: str, revenue_code: str, payee: str) -> list[str]:
    """A paid-out: the cash out of which drawer, to whom, charged to what."""
    to = payee or (translate("approval", "the holder of account {account}").format(account=account) if account else "")
    said = [
        translate("approval", "Pay out {amount} cash from drawer {drawer_id}").format(
            amount=amount.display(), drawer_id=drawer_id
        )
        + (translate("approval", " to {to}").format(to=to) if to else "")
    ]
    if account:
        said.append(translate("approval", "  Refund of the credit on account {account}").format(account=account))
    elif revenue_code:
        said.append(
            translate("approval", "  Charged to revenue code {revenue_code}").format(revenue_code=revenue_code.upper())
        )
    return said


def no_sale_details(drawer_id: int) -> list[str]:
    return [
        translate("approval", "Open drawer {drawer_id} with no sale: no money is taken in or paid out").format(
            drawer_id=drawer_id
        )
    ]


class ApprovalDialog(QDialog):
    """Asks for a supervisor's approval of one action; `approval` holds it once accepted."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        action: OverrideAction,
        requested_by: Operator,
        object: str = "",
        reason: str = "",
        details: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(translate("approval", "Supervisor approval"))
        self._ctx = ctx
        self._action = action
        self._requested_by = requested_by
        self._object = object
        self._reason = reason
        self.approval: Approval | None = None

        self._build_labels(details)
        explain = explanation(
            translate("approval", "A supervisor types their own user id and password to approve. Esc cancels.")
        )

        self.form = CredentialsForm(name="approval", user_caption=translate("approval", "&Supervisor:"))
        self.form.submitted.connect(self._approve)

        self.approve_button = QPushButton(translate("approval", "&Approve"))
        self.approve_button.setObjectName("approveButton")
        buttons = accept_buttons(self, self.approve_button, self.form.submit)  # the form checks, then asks

        self.setMinimumWidth(460)
        column(self, self.action_label, self.object_label, self.details_label, self.asked_label, explain, self.form,
               buttons)  # fmt: skip
        self.form.user_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_labels(self, details: Sequence[str]) -> None:
        """What is asked: the action, on what, its figures, and who asks (with their reason)."""
        self.action_label = QLabel(self._action.label)
        self.action_label.setObjectName("approvalAction")
        self.action_label.setFont(heading_font(self))
        self.object_label = QLabel(self._object)
        self.object_label.setObjectName("approvalObject")
        self.object_label.setVisible(bool(self._object))
        self.object_label.setWordWrap(True)
        # What is approved, in money and accounts: the supervisor signs for these figures, not a number.
        self.details_label = QLabel("\n".join(details))
        self.details_label.setObjectName("approvalDetails")
        self.details_label.setVisible(bool(details))
        self.details_label.setWordWrap(True)
        self.details_label.setStyleSheet("QLabel#approvalDetails { font-weight: bold; }")
        requested_by = self._requested_by
        asked = translate("approval", "Asked by {user_id} ({label})").format(
            user_id=requested_by.user_id, label=requested_by.role.shown.lower()
        )
        if self._reason:
            asked += f" — {self._reason}"
        self.asked_label = QLabel(asked)
        self.asked_label.setObjectName("approvalAskedBy")
        self.asked_label.setWordWrap(True)

    def _approve(self, supervisor_id: str, password: str) -> None:
        from cashdesk.services.overrides import approve

        # Off the GUI thread: checking the supervisor's password takes a good part of a second.
        self.form.set_checking(True)
        Operation(
            self,
            lambda: approve(
                self._ctx,
                action=self._action,
                requested_by=self._requested_by,
                supervisor_id=supervisor_id,
                password=password,
                object=self._object,
                reason=self._reason,
            ),
            failed=translate(
                "approval", "The approval could not be recorded ({exc}). Call your supervisor."
            ),  # the dialog stays
            log_as="approval failed",
        ).success(self._approved).failure(self._refuse).run_in_background()

    @property
    def waiting(self) -> bool:
        """True while the supervisor's password is being checked."""
        return self.form.checking

    def reject(self) -> None:
        if self.waiting:  # Esc waits for the answer: an approval is recorded or refused, never left halfway
            return
        super().reject()

    def _approved(self, approval: Approval) -> None:
        self.form.set_checking(False)
        self.approval = approval
        self.accept()

    def _refuse(self, text: str) -> None:
        self.form.set_checking(False)
        self.form.refuse(text)
        self.adjustSize()  # tall enough for the whole message


def ask_for_approval(ctx: ServiceContext, **request: Any) -> Approval | None:
    """Show the dialog until a supervisor approves (the Approval) or someone cancels (None)."""
    dialog = ApprovalDialog(ctx, **request)  # the dialog's own keywords: action, requested_by, ...
    try:
        dialog.exec()
        return dialog.approval
    finally:
        dialog.deleteLater()
