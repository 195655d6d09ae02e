"""Going back at the counter: Esc closes what is open, then steps back, then asks before it cancels
the receipt; and the receipts already posted: the last one reprinted (Ctrl+P, a supervisor's
approval past the first copy) and one voided elsewhere noted. The counter is `ui.counter.CounterScreen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from cashdesk.domain.security import OverrideAction
from cashdesk.ui.counter_widgets import NOT_A_CASHIER
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.ui.counter import CounterScreen


class CounterUndo:
    """Esc, step by step, and what comes after a receipt posted: reprints and voids."""

    def __init__(self, owner: CounterScreen) -> None:
        self._owner = owner

    def back(self) -> None:
        """Esc: back one step. In the search box with a receipt started: cancel it (asks first)."""
        if self._owner.busy:
            return
        focus = QApplication.focusWidget()
        if self._owner.tender_entry.isVisible():
            self._owner.tender_entry.hide()
            self._owner.say(translate("counter_undo", "Tender cancelled."))
            self._owner.home()
            return
        if self._owner.misc_entry.isVisible():
            self._owner.misc_entry.hide()
            self._owner.say(translate("counter_undo", "Misc item cancelled."))
            self._owner.home()
            return
        if self._owner.pay_strip.isVisible():
            self._owner.pay_strip.close_strip()
            if self._owner.inquiry.results_model.rowCount():
                self._owner.inquiry.enter_results()
            else:
                self._owner.home()
            return
        if focus is not None and focus is not self._owner.inquiry.search_field and self._owner.isAncestorOf(focus):
            self._owner.home()  # from the results, the account's tables or the receipt
            return
        if not self._owner.cart.empty:
            self._ask_cancel()
            return
        self._owner.inquiry.reset()
        self._owner.change_box.hide()
        self._owner.say("")
        self._owner.home()

    def _ask_cancel(self) -> None:
        lines, tenders = len(self._owner.cart.lines), len(self._owner.cart.tenders)

        def answered(yes: bool) -> None:
            if yes:
                self._owner.clear_transaction()
                self._owner.inquiry.reset()
                self._owner.say(
                    translate(
                        "counter_undo",
                        "Transaction cancelled: nothing was posted. Hand back anything the customer gave you.",
                    )
                )
            self._owner.home()

        self._owner.ask_yes_no(
            translate("counter_undo", "Cancel this transaction?"),
            translate(
                "counter_undo",
                "Cancel this transaction? Its {lines} line{value3} and {tenders} tender{value7} are "
                "dropped; nothing has been posted.",
            ).format(
                lines=lines, value3="s" if lines != 1 else "", tenders=tenders, value7="s" if tenders != 1 else ""
            ),
            answered,
            name="cancelQuestion",
            informative=translate("counter_undo", "Y: yes, cancel it.  N: no, go on with it."),
        )

    def reprint_last(self) -> None:
        """Ctrl+P: a copy of the last receipt marked REPRINT; a second copy needs a supervisor."""
        if self._owner.operator is None or self._owner.busy:
            return
        if not self._owner.takes_payments:
            self._owner.inquiry.show_message(translate("counter_widgets", NOT_A_CASHIER), error=True)
            return
        number = self._owner.last_receipt
        if number is None:  # after a restart or a new sign-in: the last one this cashier posted here
            from cashdesk.services.printing import last_receipt_number

            number = last_receipt_number(self._owner.ctx, self._owner.operator)
        if number is None:
            self._owner.say(
                translate(
                    "counter_undo", "You have not posted a receipt at this station yet: there is nothing to reprint."
                ),
                error=True,
            )
            return
        self._reprint(number, None)

    def _reprint(self, number: str, approval_id: int | None) -> None:
        from cashdesk.services.overrides import OverrideRefused
        from cashdesk.services.printing import reprint_receipt

        operator = self._owner.operator
        assert operator is not None

        def refused(exc: OverrideRefused) -> None:
            if approval_id is None and exc.reason == "no_approval":
                self._owner.say(
                    translate(
                        "counter_undo", "{number} was reprinted already: a supervisor approves another copy."
                    ).format(number=number)
                )
                self._owner.ask_approval(OverrideAction.REPRINT, number, lambda granted: self._reprint(number, granted))
                return
            self._owner.say(str(exc), error=True)

        reprinting = Operation(
            self._owner,
            lambda: reprint_receipt(self._owner.ctx, operator, number, approval_id=approval_id),
            failed=translate("counter_undo", "The copy could not be printed ({exc}). Call your supervisor."),
            log_as="reprinting a receipt failed",
        )
        reprinting.handle(OverrideRefused, refused).failure(lambda text: self._owner.say(text, error=True)).run_now()
        if reprinting.failed:
            return
        self._owner.say(
            translate("counter_undo", "A copy of {number} marked REPRINT is printing.").format(number=number)
        )
        self._owner.home()
        self._owner.printing_wanted.emit()

    def voided(self, number: str, approved_by: str, hand_back: str = "") -> None:
        self._owner.change_box.hide()  # the change of a receipt now void is no longer due
        said = f" {hand_back}" if hand_back else ""
        self._owner.say(
            translate(
                "counter_undo", "Receipt {number} is void (approved by {approved_by}).{said} The void slip is printing."
            ).format(number=number, approved_by=approved_by, said=said)
        )
        self._owner.shift.refresh_position()
        self._owner.home()
        self._owner.printing_wanted.emit()
