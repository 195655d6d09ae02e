"""The windows the main window opens over the work, each checked first against what the person
signed in may do: a void (Ctrl+Shift+V), the day close (Ctrl+Shift+E), a returned check
(Ctrl+Shift+N), a no sale (Ctrl+Shift+O), a receipt's PDF copy (Ctrl+Shift+S), and the mail:
batches (Ctrl+Shift+M), the mail log (Ctrl+Shift+G), tax returns (Ctrl+Shift+T) and delinquent
filers; the answers and referrals (F1), the supplies (Ctrl+Shift+U), an account statement
(Ctrl+Shift+H) and the delinquency run (Ctrl+Shift+K).
The main window (`ui.main_window.MainWindow`) holds them while they are open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from cashdesk.domain.security import Permission
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation
from cashdesk.ui.window_mode import Mode

if TYPE_CHECKING:
    from cashdesk.services.context import Operator
    from cashdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class WindowDialogs:
    """Opens the main window's other windows, one at a time, and tidies up when they close."""

    def __init__(self, owner: MainWindow) -> None:
        self._owner = owner

    def _working_with(self, permission: Permission) -> Operator | None:
        """The person at work, if they may do what `permission` allows."""
        operator = self._owner.operator
        if self._owner.mode is not Mode.WORKING or operator is None or not operator.can(permission):
            return None
        return operator

    @staticmethod
    def _raised(dialog: QDialog | None) -> bool:
        """Brings `dialog` to the front if it is open already (True then): one of each at a time."""
        if dialog is None:
            return False
        dialog.raise_()
        dialog.activateWindow()
        return True

    @staticmethod
    def _show(dialog: QDialog, finished: Callable[[int], None]) -> None:
        """Opens `dialog` over the window with the keyboard in it; `finished(result)` once it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(finished)
        dialog.open()
        dialog.activateWindow()

    def open_void_dialog(self) -> None:
        from cashdesk.ui.void import VoidDialog

        operator = self._working_with(Permission.TAKE_PAYMENTS)
        if operator is None or self._raised(self._owner.void_dialog):
            return
        dialog = VoidDialog(
            self._owner.ctx, operator, last_receipt=self._owner.counter.last_receipt or "", parent=self._owner
        )
        self._owner.void_dialog = dialog
        self._show(dialog, lambda _result: self._void_dialog_closed(dialog))

    def _void_dialog_closed(self, dialog: QDialog) -> None:
        from cashdesk.ui.void import VoidDialog

        self._owner.void_dialog = None
        self._owner.activateWindow()
        assert isinstance(dialog, VoidDialog)
        if dialog.result_void is not None:
            voided = dialog.result_void
            self._owner.counter.undo.voided(voided.number, voided.approved_by, voided.hand_back)
        elif self._owner.mode is Mode.WORKING and self._owner.work.currentWidget() is self._owner.counter:
            self._owner.inquiry.focus_search()

    def _tell(self, text: str, *, error: bool = False) -> None:
        """A message where this person looks: under the receipt, or under the search box."""
        if self._owner.counter.takes_payments:
            self._owner.counter.say(text, error=error)
        else:
            self._owner.inquiry.show_message(text, error=error)

    def _may_open_extra(self, permission: Permission) -> Operator | None:
        """The person at work, if they may open this window over the work now."""
        operator = self._working_with(permission)
        if operator is None or self._owner.counter.busy or self._owner.void_dialog is not None:
            return None
        return None if self._raised(self._owner.extra_dialog) else operator

    def _open_extra(self, dialog: QDialog, done: Callable[[QDialog], None]) -> None:
        def finished(result: int) -> None:
            self._owner.extra_dialog = None
            self._owner.activateWindow()
            if result == QDialog.DialogCode.Accepted:
                done(dialog)
            elif self._owner.mode is Mode.WORKING and self._owner.work.currentWidget() is self._owner.counter:
                self._owner.inquiry.focus_search()

        self._owner.extra_dialog = dialog
        self._show(dialog, finished)

    def open_day_close_dialog(self) -> None:
        from cashdesk.ui.day_close import DayCloseDialog

        operator = self._may_open_extra(Permission.CLOSE_DAY)
        if operator is None:
            return
        self._open_extra(
            DayCloseDialog(self._owner.ctx, operator, folder=self._owner.deposits_folder, parent=self._owner),
            lambda dialog: self._owner.inquiry.focus_search(),
        )

    def open_delinquency_run(self) -> None:
        """The delinquency run (Ctrl+Shift+K): a supervisor previews a date's run and commits today's."""
        from cashdesk.ui.delinquency import DelinquencyRunDialog

        operator = self._may_open_extra(Permission.APPROVE_OVERRIDES)
        if operator is None:
            return
        self._open_extra(DelinquencyRunDialog(self._owner.ctx, operator, parent=self._owner),
                         lambda dialog: self._owner.inquiry.focus_search())  # fmt: skip

    def open_returned_check_dialog(self) -> None:
        from cashdesk.ui.counter_extras import ReturnedCheckDialog, returned_check_text

        operator = self._may_open_extra(Permission.APPROVE_OVERRIDES)
        if operator is None:
            return

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, ReturnedCheckDialog) and dialog.result_check is not None
            result = dialog.result_check
            if not self._owner.counter.payment_in_progress and self._owner.work.currentWidget() is self._owner.counter:
                self._owner.inquiry.show_account(result.account)  # the fee and the cash-only flag, in the pane
            self._tell(returned_check_text(result))
            self._owner.inquiry.focus_search()

        self._open_extra(ReturnedCheckDialog(self._owner.ctx, operator, parent=self._owner), done)

    def open_no_sale_dialog(self) -> None:
        from cashdesk.services.drawers import current_drawer
        from cashdesk.ui.counter_extras import NoSaleDialog

        operator = self._may_open_extra(Permission.TAKE_PAYMENTS)
        if operator is None:
            return
        counter = self._owner.counter
        if counter.payment_in_progress:
            counter.say(
                translate(
                    "window_dialogs",
                    "Finish this payment (F12) or cancel it (Esc in the search box) before opening the drawer "
                    "without a sale.",
                ),
                error=True,
            )
            return
        failed = translate("window_dialogs", "Your drawer could not be looked up ({exc}). Call your supervisor.")
        looking_up = Operation(
            self._owner,
            lambda: current_drawer(self._owner.ctx, operator),
            failed=failed,
            log_as=f"could not look up the drawer of {operator.user_id}",
        )
        looking_up.refused(lambda text: counter.say(failed.format(exc=text), error=True))
        drawer = looking_up.failure(lambda text: counter.say(text, error=True)).run_now()
        if looking_up.failed:
            return
        if drawer is None:
            counter.say(
                translate(
                    "window_dialogs", "No drawer open: count your float first (Ctrl+Shift+D), then the drawer can open."
                ),
                error=True,
            )
            return

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, NoSaleDialog)
            counter.say(
                translate(
                    "window_dialogs", "Drawer {drawer_id} is opening: no sale, approved by {approved_by}."
                ).format(drawer_id=dialog.drawer_id, approved_by=dialog.approved_by)
            )
            self._owner.inquiry.focus_search()
            self._owner.print_queue.kick()  # the drawer kick goes out with the print worker

        self._open_extra(NoSaleDialog(self._owner.ctx, operator, drawer.id, parent=self._owner), done)

    def open_pdf_copy_dialog(self) -> None:
        from cashdesk.ui.counter_extras import PdfCopyDialog

        operator = self._may_open_extra(Permission.LOOK_UP_ACCOUNTS)
        if operator is None:
            return

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, PdfCopyDialog) and dialog.saved_to is not None
            self._tell(
                translate("window_dialogs", "A PDF copy of the receipt is saved: {saved_to}").format(
                    saved_to=dialog.saved_to
                )
            )
            self._owner.inquiry.focus_search()

        last = self._owner.counter.last_receipt or ""
        self._open_extra(PdfCopyDialog(self._owner.ctx, operator, last_receipt=last, parent=self._owner), done)

    def open_statement(self) -> None:
        """An account statement (Ctrl+Shift+H), for the account shown in the inquiry pane."""
        from cashdesk.ui.statement import StatementDialog

        operator = self._may_open_extra(Permission.LOOK_UP_ACCOUNTS)
        if operator is None:
            return

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, StatementDialog) and dialog.saved_to is not None
            self._tell(dialog.said)
            self._owner.inquiry.focus_search()

        shown = self._owner.inquiry.pane.account_number or ""
        self._open_extra(StatementDialog(self._owner.ctx, operator, account=shown, parent=self._owner), done)

    def _may_open_mail(self) -> Operator | None:
        operator = self._working_with(Permission.TAKE_PAYMENTS)
        if operator is None:
            return None
        counter = self._owner.counter
        if counter.busy or self._owner.void_dialog is not None:
            return None
        if self._raised(self._owner.mail_dialog) or self._raised(self._owner.extra_dialog):
            return None
        return operator

    def _open_mail(self, make: Callable[[Operator], QDialog], what: str) -> None:
        operator = self._may_open_mail()
        if operator is None:
            return
        try:
            dialog = make(operator)
        except ImportError:  # a part of the program that is not installed at this station yet
            log.exception("could not open %s", what)
            self._tell(
                translate("window_dialogs", "The {what} is not available in this version of cashdesk.").format(
                    what=what
                ),
                error=True,
            )
            return

        def finished(_result: int) -> None:
            self._owner.mail_dialog = None
            self._owner.activateWindow()
            if self._owner.mode is Mode.WORKING and self._owner.work.currentWidget() is self._owner.counter:
                self._owner.inquiry.focus_search()
            self._owner.print_queue.kick()  # a mail receipt asked for, a slip: out with the print worker
            self._owner.paper_banner.check()  # a paper roll issued on the supplies screen clears the warning

        self._owner.mail_dialog = dialog
        self._show(dialog, finished)

    def open_mail_batches(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.mail_batches import MailBatchesDialog

            return MailBatchesDialog(self._owner.ctx, operator, parent=self._owner)

        self._open_mail(make, translate("window_dialogs", "mail batch screen"))

    def open_mail_log(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.mail_log import MailLogDialog

            return MailLogDialog(self._owner.ctx, operator, parent=self._owner)

        self._open_mail(make, translate("window_dialogs", "mail log"))

    def open_service_orders(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.service_orders import ServiceOrdersDialog

            return ServiceOrdersDialog(self._owner.ctx, operator, self._owner, folder=self._owner.deposits_folder)

        self._open_mail(make, translate("window_dialogs", "service orders"))

    def open_arrangements(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.arrangements import ArrangementsDialog

            shown = self._owner.inquiry.pane.account_number or ""  # the account on screen, first
            return ArrangementsDialog(self._owner.ctx, operator, self._owner, account=shown)

        self._open_mail(make, translate("window_dialogs", "payment arrangements"))

    def open_tax_return(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.tax_return import TaxReturnDialog

            return TaxReturnDialog(self._owner.ctx, operator, self._owner)

        self._open_mail(make, translate("window_dialogs", "sales tax return"))

    def open_delinquent_filers(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.delinquent_filers import DelinquentFilersDialog

            return DelinquentFilersDialog(self._owner.ctx, operator, self._owner)

        self._open_mail(make, translate("window_dialogs", "list of delinquent filers"))

    def open_answers(self) -> None:
        """F1: the answers and referrals; those for the account shown come first."""

        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.answers import AnswersDialog

            detail = self._owner.inquiry.pane.detail
            account = (
                (detail.account.kind.value, detail.account.status.value, detail.past_due.cents) if detail else None
            )
            return AnswersDialog(self._owner.ctx, operator, account=account, parent=self._owner)

        self._open_mail(make, "answers")

    def open_supplies(self) -> None:
        def make(operator: Operator) -> QDialog:
            from cashdesk.ui.supplies import SuppliesDialog

            return SuppliesDialog(self._owner.ctx, operator, parent=self._owner)

        self._open_mail(make, translate("window_dialogs", "supplies screen"))

    # -- passwords and the audit trail ---------------------------------------------------------------

    def ask_for_new_password(self) -> None:
        from cashdesk.ui.password import ChangePasswordDialog

        assert self._owner.pending is not None
        dialog = ChangePasswordDialog(self._owner.ctx, self._owner.pending.user_id, forced=True, parent=self._owner)
        self._owner.password_dialog = dialog
        self._show(dialog, self._forced_change_finished)

    def _forced_change_finished(self, result: int) -> None:
        self._owner.password_dialog = None
        self._owner.activateWindow()  # the keyboard comes back here, not to nowhere
        operator, self._owner.pending = self._owner.pending, None
        if operator is None:
            return
        if result == QDialog.DialogCode.Accepted:
            self._owner.start_work(operator)
            self._owner.inquiry.show_message(translate("window_dialogs", "Your new password is set."))
            return
        self._owner.station_lock.call_sign_out(operator)
        self._owner.show_sign_in(
            translate(
                "window_dialogs", "You need a password of your own before you can start. Sign in again to choose it."
            )
        )
        self._owner.signed_out.emit()

    def change_password(self) -> None:
        from cashdesk.ui.password import ChangePasswordDialog

        if self._owner.mode is not Mode.WORKING or self._owner.operator is None:
            return
        dialog = ChangePasswordDialog(self._owner.ctx, self._owner.operator.user_id, parent=self._owner)
        dialog.accepted.connect(
            lambda: self._owner.inquiry.show_message(translate("window_dialogs", "Your new password is set."))
        )
        self._owner.password_dialog = dialog
        self._show(dialog, lambda _result: self._password_dialog_closed())

    def _password_dialog_closed(self) -> None:
        self._owner.password_dialog = None
        self._owner.activateWindow()

    def open_audit_viewer(self) -> None:
        from cashdesk.ui.audit_viewer import AuditDialog

        operator = self._working_with(Permission.VIEW_AUDIT)
        if operator is None or self._raised(self._owner.audit_dialog):
            return
        dialog = AuditDialog(self._owner.ctx, operator, parent=self._owner)
        self._owner.audit_dialog = dialog
        self._show(dialog, lambda _result: self._audit_dialog_closed())

    def _audit_dialog_closed(self) -> None:
        self._owner.audit_dialog = None
        self._owner.activateWindow()

    # -- research and reports (issue 18) ----------------------------------------------------------------

    def open_find_payment(self) -> None:
        """Find a payment (Ctrl+Shift+F): anyone who looks up accounts."""
        from cashdesk.ui.find_payment import FindPaymentDialog

        operator = self._working_with(Permission.LOOK_UP_ACCOUNTS)
        if operator is None or self._raised(self._owner.find_payment_dialog):
            return
        dialog = FindPaymentDialog(self._owner.ctx, operator, parent=self._owner)
        self._owner.find_payment_dialog = dialog
        self._show(dialog, lambda _result: self._research_closed("find_payment_dialog"))

    def open_reports(self) -> None:
        """Reports (Ctrl+Shift+Y): supervisors and administrators."""
        from cashdesk.ui.reports_window import ReportsDialog

        operator = self._working_with(Permission.VIEW_AUDIT)
        if operator is None or self._raised(self._owner.reports_dialog):
            return
        dialog = ReportsDialog(self._owner.ctx, operator, parent=self._owner)
        self._owner.reports_dialog = dialog
        self._show(dialog, lambda _result: self._research_closed("reports_dialog"))

    def _research_closed(self, name: str) -> None:
        setattr(self._owner, name, None)
        self._owner.activateWindow()
