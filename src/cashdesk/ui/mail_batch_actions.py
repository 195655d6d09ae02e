"""What is done with a whole mail batch: balance it to the tape (F9), post it (F12), its proof list
and receipts as PDFs or printed (Alt+L, Alt+R, Alt+D), reject it or reverse a posted item (Alt+J,
Alt+V: a reason, and a supervisor for a reversal). The dialog is `ui.mail_batches.MailBatchesDialog`;
what is decided is `services.mail_batches`'.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from cashdesk.domain.mail import BatchStatus
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog
from cashdesk.ui.credentials import show_message
from cashdesk.ui.i18n import translate
from cashdesk.ui.mail_batch_tables import FAILED, ReasonDialog, items_text
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.mail_batches import BatchItem, PostedBatch
    from cashdesk.ui.mail_batches import MailBatchesDialog


class BatchActions:
    """The batch page's actions on the batch on screen; the results show on the dialog."""

    def __init__(self, owner: MailBatchesDialog) -> None:
        self._owner = owner

    def balance(self) -> bool:
        """F9: open → balanced when it adds up to the tape; otherwise the difference and the suspects, in words."""
        from cashdesk.services.mail_batches import BatchUnbalanced, balance_batch

        if self._owner.view is None or self._owner.side_dialog is not None:
            return False
        if self._owner.view.status != "open":
            return self._owner.view.status == "balanced"
        batch = self._owner.view
        # On the GUI thread: F12 balances first, then posts with what this answers.
        view = (
            Operation(
                self._owner,
                lambda: balance_batch(self._owner.ctx, self._owner.operator, batch.id),
                failed=translate(
                    "mail_batch_actions", "The batch could not be balanced ({exc}). Call your supervisor."
                ),
                log_as="balancing the mail batch failed",
            )
            .handle(
                BatchUnbalanced,
                lambda exc: self._owner.show_batch(exc.view, str(exc), error=True, suspects=exc.view.suspects),
            )
            .failure(self._owner.refuse)
            .run_now()
        )
        if view is None:
            return False
        suspects = (
            translate("mail_batch_actions", " Look at {items_text} in red before posting.").format(
                items_text=items_text(len(view.suspects))
            )
            if view.suspects
            else ""
        )
        self._owner.show_batch(
            view,
            translate(
                "mail_batch_actions",
                "Batch {number} balances to the tape: {items_text}, {total}.{suspects} F12 posts it.",
            ).format(
                number=view.number, items_text=items_text(view.count), total=view.total.display(), suspects=suspects
            ),
        )
        return True

    def post(self) -> None:
        """F12: post a balanced batch (an open one is balanced first); one receipt per remittance."""
        from cashdesk.services.mail_batches import post_batch

        if self._owner.view is None or self._owner.side_dialog is not None or self._owner.posting:
            return
        if self._owner.view.status not in ("open", "balanced"):
            self._owner.refuse(
                translate("mail_batch_actions", "Batch {number} is {status}: nothing to post.").format(
                    number=self._owner.view.number, status=BatchStatus(self._owner.view.status).shown.lower()
                )
            )
            return
        if not self.balance():
            return
        batch = self._owner.view
        ctx, operator = self._owner.ctx, self._owner.operator

        def posted(result: PostedBatch) -> None:
            self._owner.posting = False
            self._owner.posted.append(result)
            receipts = result.receipts
            span = (
                translate("mail_batch_actions", "{receipts} to {receipts2}").format(
                    receipts=receipts[0], receipts2=receipts[-1]
                )
                if len(receipts) > 1
                else (receipts[0] if receipts else "none")
            )
            self._owner.show_batch(
                result.view,
                translate(
                    "mail_batch_actions",
                    "Batch {number} is posted: {items_text}, {total}, receipts {span}. Receipts print only on "
                    "request (Alt+R); the checks go in today's deposit.",
                ).format(
                    number=result.view.number,
                    items_text=items_text(len(receipts)),
                    total=result.total.display(),
                    span=span,
                ),
            )

        def refused(text: str) -> None:
            self._owner.posting = False
            self._owner.refuse(text, self._owner.items_table)

        # Off the GUI thread: a receipt per remittance, in one unit of work; F12 waits for the answer.
        self._owner.posting = True
        Operation(
            self._owner,
            lambda: post_batch(ctx, operator, batch.id),
            failed=translate(
                "mail_batch_actions", "Posting the batch could not be done ({exc}). Call your supervisor."
            ),
            log_as="posting the batch failed",
        ).success(posted).failure(refused).run_in_background()

    def proof_list(self) -> None:
        from cashdesk.services.balancing import reports_folder
        from cashdesk.services.mail_batches import proof_list_pdf

        if self._owner.view is None:
            return
        batch = self._owner.view
        ctx, operator = self._owner.ctx, self._owner.operator
        folder = self._owner.reports if self._owner.reports is not None else reports_folder(ctx)

        def saved(path: Path) -> None:
            self._owner.saved_to = path
            show_message(
                self._owner.batch_message,
                translate("mail_batch_actions", "The proof list of batch {number} is saved: {path}").format(
                    number=batch.number, path=path
                ),
            )

        # A PDF: written off the GUI thread.
        Operation(
            self._owner,
            lambda: proof_list_pdf(ctx, operator, batch.id, folder),
            failed=translate(
                "mail_batch_actions", "Saving the proof list could not be done ({exc}). Call your supervisor."
            ),
            log_as="saving the proof list failed",
        ).success(saved).failure(self._owner.refuse).run_in_background()

    def receipt(self, print_it: bool) -> None:
        from cashdesk.services.mail_batches import mail_receipt
        from cashdesk.ui import counter_extras

        item = self._owner.keying.chosen_item()
        if item is None:
            return
        if not item.receipt_number:
            self._owner.refuse(
                translate(
                    "mail_batch_actions", "Item {seq} is not posted: its receipt exists once the batch posts."
                ).format(seq=item.seq),
                self._owner.items_table,
            )
            return
        folder = (
            None
            if print_it
            else (self._owner.receipts if self._owner.receipts is not None else counter_extras.receipts_folder())
        )
        done = self._owner.call(
            translate("mail_batch_actions", "the mail receipt"),
            lambda: mail_receipt(self._owner.ctx, self._owner.operator, item.id, folder=folder, print_it=print_it),
            self._owner.items_table,
            none_ok=True,
        )
        if done is FAILED:
            return
        if print_it:
            show_message(
                self._owner.batch_message,
                translate("mail_batch_actions", "Receipt {receipt_number} (item {seq}) is printing.").format(
                    receipt_number=item.receipt_number, seq=item.seq
                ),
            )
            self._kick_printer()
        else:
            assert isinstance(done, Path)
            self._owner.saved_to = done
            show_message(
                self._owner.batch_message,
                translate("mail_batch_actions", "Receipt {receipt_number} (item {seq}) is saved: {done}").format(
                    receipt_number=item.receipt_number, seq=item.seq, done=done
                ),
            )
        self._owner.items_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _kick_printer(self) -> None:
        window = self._owner.parentWidget()
        queue = getattr(window, "print_queue", None) if window is not None else None
        if queue is not None:
            queue.kick()

    def _open_side(self, dialog: QDialog, done: Callable[[QDialog], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self._owner.side_dialog = None
            if not self._owner.isVisible():
                return
            self._owner.activateWindow()
            if result == QDialog.DialogCode.Accepted:
                done(dialog)
            elif self._owner.view is not None:
                self._owner.show_batch(self._owner.view, translate("mail_batch_actions", "Nothing was changed."))

        dialog.finished.connect(finished)
        self._owner.side_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def ask_reject(self) -> None:
        from cashdesk.services.mail_batches import reject_batch

        if self._owner.view is None or self._owner.side_dialog is not None:
            return
        if self._owner.view.status not in ("open", "balanced"):
            self._owner.refuse(
                translate("mail_batch_actions", "Batch {number} is {status}: it cannot be rejected.").format(
                    number=self._owner.view.number, status=BatchStatus(self._owner.view.status).shown.lower()
                )
            )
            return
        batch = self._owner.view
        dialog = ReasonDialog(
            "rejectBatchDialog",
            translate("mail_batch_actions", "Reject batch {number}").format(number=batch.number),
            translate("mail_batch_actions", "The batch is set aside for good: nothing of it posts. Say why."),
            translate("mail_batch_actions", "Re&ject"),
            translate("mail_batch_actions", "For example: the tape is wrong, the checks go back"),
            self._owner,
        )

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, ReasonDialog)
            view = self._owner.call(
                translate("mail_batch_actions", "rejecting the batch"),
                lambda: reject_batch(self._owner.ctx, self._owner.operator, batch.id, dialog.reason),
                None,
            )
            if view is not None:
                self._owner.show_batch(
                    view,
                    translate("mail_batch_actions", "Batch {number} is rejected: {reason}").format(
                        number=batch.number, reason=dialog.reason
                    ),
                )

        self._open_side(dialog, done)

    def ask_reverse(self) -> None:
        if self._owner.view is None or self._owner.side_dialog is not None:
            return
        if self._owner.view.status != "posted":
            self._owner.refuse(
                translate(
                    "mail_batch_actions", "Batch {number} is not posted: take an item out with Delete instead."
                ).format(number=self._owner.view.number)
            )
            return
        item = self._owner.keying.chosen_item()
        if item is None:
            return
        if item.status == "reversed":
            self._owner.refuse(
                translate("mail_batch_actions", "Item {seq} is already reversed.").format(seq=item.seq),
                self._owner.items_table,
            )
            return
        dialog = ReasonDialog(
            "reverseItemDialog",
            translate("mail_batch_actions", "Reverse item {seq} ({receipt_number})").format(
                seq=item.seq, receipt_number=item.receipt_number
            ),
            translate(
                "mail_batch_actions",
                "Account {account}, {amount}: the payment comes off the account and its receipt is void. "
                "Say why; a supervisor approves.",
            ).format(account=item.account, amount=item.amount.display()),
            translate("mail_batch_actions", "&Reverse…"),
            translate("mail_batch_actions", "For example: keyed to the wrong account"),
            self._owner,
        )
        self._open_side(dialog, lambda d: self._approve_reversal(item, d))

    def _approve_reversal(self, item: BatchItem, dialog: QDialog) -> None:
        from cashdesk.services.mail_batches import reversal_object

        assert isinstance(dialog, ReasonDialog)
        reason = dialog.reason
        approval = ApprovalDialog(
            self._owner.ctx,
            action=OverrideAction.MAIL_REVERSAL,
            requested_by=self._owner.operator,
            object=reversal_object(item),
            reason=f"{item.amount.display()} — {reason}",
            parent=self._owner,
        )
        self._open_side(approval, lambda d: self._reverse(item, reason, d))

    def _reverse(self, item: BatchItem, reason: str, dialog: QDialog) -> None:
        from cashdesk.services.mail_batches import reverse_item

        assert isinstance(dialog, ApprovalDialog) and self._owner.view is not None
        approval = dialog.approval
        if approval is None:
            self._owner.show_batch(
                self._owner.view,
                translate("mail_batch_actions", "Not reversed: a supervisor did not approve it."),
                error=True,
            )
            return
        batch = self._owner.view
        view = self._owner.call(
            translate("mail_batch_actions", "reversing the item"),
            lambda: reverse_item(
                self._owner.ctx, self._owner.operator, batch.id, item.id, reason, approval_id=approval.id
            ),
            self._owner.items_table,
        )
        if view is not None:
            self._owner.show_batch(
                view,
                translate(
                    "mail_batch_actions",
                    "Item {seq} ({receipt_number}, {amount}) is reversed, approved by {approved_by}: account "
                    "{account} owes it again.",
                ).format(
                    seq=item.seq,
                    receipt_number=item.receipt_number,
                    amount=item.amount.display(),
                    approved_by=approval.approved_by,
                    account=item.account,
                ),
            )
            self._kick_printer()
