"""End of shift: the balancing wizard proves the drawer with a blind count, then closes it.

    1 Count     the cash by denomination; what the drawer should hold is not shown
    2 Items     every check and money order taken, ticked present (Space); items found added
    3 Card      the card terminal's settlement total      → services.balancing.record_count
    4 Summary   expected against counted per tender, over/short, missing and extra items;
                over the limit: a reason and a supervisor; Recount (Alt+R); a second count
    5 Float     the float to keep for the next shift      → services.balancing.close_drawer
    6 Closed    over/short, the Z report printing, where its PDF copy went

Nothing about the expected amounts reaches the window before the count is recorded (the
service returns them with the count). Enter moves on, Esc cancels (asking first once a
count is typed), Alt+R recounts from the summary.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
    QWizard,
)

from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog, variance_details
from cashdesk.ui.balancing_entry import CardPage, CountPage, ItemsPage, flags_text, over_short_text
from cashdesk.ui.balancing_result import ClosedPage, FloatPage, SummaryPage
from cashdesk.ui.fields import ask, focus_and_select
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.balancing import CountResult, DrawerClosed
    from cashdesk.services.context import Operator, ServiceContext

log = logging.getLogger(__name__)

T = TypeVar("T")

PAGE_COUNT, PAGE_ITEMS, PAGE_CARD, PAGE_SUMMARY, PAGE_FLOAT, PAGE_CLOSED = range(6)


@dataclass
class _Counting:
    """Who counts this attempt: the cashier, or a supervisor's second count (with its approval)."""

    by: str
    second_approval_id: int | None = None

    @property
    def second(self) -> bool:
        return self.second_approval_id is not None


# -- the wizard ---------------------------------------------------------------------------------------


class BalancingWizard(QWizard):
    """The cashier's end of shift on their open drawer; `drawer_closed(DrawerClosed)` once closed."""

    drawer_closed = Signal(object)

    def __init__(self, ctx: ServiceContext, operator: Operator, drawer_id: int, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("balancingWizard")
        mark_focus(self)  # Next, Close the drawer, Finish: the button Enter presses shows it has the keyboard
        self.setWindowTitle(
            translate("balancing_wizard", "Balance drawer {drawer_id} — end of shift").format(drawer_id=drawer_id)
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("balancing_wizard", "&Close the drawer"))
        self.ctx = ctx
        self.operator = operator
        self.drawer_id = drawer_id
        self.counting = _Counting(operator.user_id)
        self.pieces = CashCount({})
        # The cashier's latest attempt. It hides QDialog.result(), which nothing here calls; tests read it.
        self.result: CountResult | None = None  # type: ignore[assignment]
        self.second: CountResult | None = None  # a supervisor's second count
        self.reason = ""
        self.variance_approval_id: int | None = None
        self.closed: DrawerClosed | None = None
        self.pdf: Path | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self._asking = False
        #: Where the keyboard goes once the page shows (QWizard gives it to the page's first field itself).
        self.focus_target: QWidget | None = None
        self.currentIdChanged.connect(self._page_shown)

        self.count_page = CountPage(self)
        self.items_page = ItemsPage(self)
        self.card_page = CardPage(self)
        self.summary_page = SummaryPage(self)
        self.float_page = FloatPage(self)
        self.closed_page = ClosedPage(self)
        for page_id, page in enumerate((self.count_page, self.items_page, self.card_page, self.summary_page,
                                        self.float_page, self.closed_page)):  # fmt: skip
            self.setPage(page_id, page)
        self.setStartId(PAGE_COUNT)
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.clicked.disconnect()
        cancel.clicked.connect(self.cancel)
        self.resize(760, 680)  # opens whole on a 1024×768 screen (the summary with a second count fits)

    def _page_shown(self, _page_id: int) -> None:
        target, self.focus_target = self.focus_target, None
        if target is not None:
            focus_and_select(target)

    # -- what the pages ask for -------------------------------------------------------------------

    def record(self, card_settlement: Money) -> str:
        """Record this attempt (the cashier's, or the supervisor's second count); what went wrong, or ""."""
        from cashdesk.services.balancing import CountInput, record_count, record_second_count

        count = CountInput(pieces=self.pieces, present=self.items_page.present, extra=tuple(self.items_page.extra),
                           card_settlement=card_settlement)  # fmt: skip
        counting = self.counting
        approval_id = counting.second_approval_id

        def work() -> CountResult:
            if approval_id is not None:
                return record_second_count(self.ctx, self.operator, count, approval_id=approval_id)
            return record_count(self.ctx, self.operator, count)

        result, problem = self._now(
            work,
            failed=translate(
                "balancing_wizard", "The count could not be recorded ({exc}). Try again, or call your supervisor."
            ),
            log_as="recording the count failed",
        )
        if result is None:  # nothing was recorded
            return problem
        if counting.second:
            self.second = result
            self.counting = _Counting(self.operator.user_id)  # the approval is used
        else:
            self.result = result
            self.reason = ""
            self.variance_approval_id = None  # an approval was for the attempt before
        log.info("drawer %s: count attempt %s by %s, %s", result.drawer_id, result.attempt, result.counted_by,
                 over_short_text(result.over_short))  # fmt: skip
        return ""

    def recount(self) -> None:
        """Alt+R on the summary: back to the count, a new attempt."""
        if self.closed is not None or self.approval_dialog is not None:
            return
        self.counting = _Counting(self.operator.user_id)
        self.restart()

    def ask_second_count(self) -> None:
        """A supervisor approves, then counts the same drawer on the same pages."""
        if self.closed is not None or self.approval_dialog is not None:
            return
        self._approve(OverrideAction.SECOND_COUNT, "", self._second_count_approved)

    def _second_count_approved(self, approval_id: int, approved_by: str) -> None:
        self.counting = _Counting(approved_by, approval_id)
        self.restart()

    def ask_variance_approval(self) -> None:
        details = variance_details(self.result) if self.result is not None else []
        self._approve(OverrideAction.VARIANCE, self.reason, self._variance_approved, details)

    def _variance_approved(self, approval_id: int, _approved_by: str) -> None:
        self.variance_approval_id = approval_id
        self.next()

    def _approve(self, action: OverrideAction, reason: str, then: Callable[[int, str], None],
                 details: Sequence[str] = ()) -> None:  # fmt: skip
        dialog = ApprovalDialog(
            self.ctx,
            action=action,
            requested_by=self.operator,
            object=translate("balancing_wizard", "drawer {drawer_id}").format(drawer_id=self.drawer_id),
            reason=reason,
            details=details,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            self.approval_dialog = None
            if not self.isVisible():
                return  # the wizard went (the station locked)
            self.activateWindow()
            approval = dialog.approval
            if approval is None:
                self.summary_page.refuse(
                    translate("balancing_wizard", "{label}: not approved, nothing done.").format(label=action.shown)
                )
                return
            then(approval.id, approval.approved_by)

        dialog.finished.connect(finished)
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def close_drawer(self, keep: CashCount) -> str:
        from cashdesk.services.balancing import close_drawer

        result = self.result
        assert result is not None
        closed, problem = self._now(
            lambda: close_drawer(
                self.ctx,
                self.operator,
                count_id=result.count_id,
                float_kept=keep,
                reason=self.reason,
                approval_id=self.variance_approval_id,
                second_count_id=self.second.count_id if self.second is not None else None,
            ),
            failed=translate(
                "balancing_wizard",
                "The drawer could not be closed ({exc}). It is still open: try again, or call your supervisor.",
            ),
            log_as="closing the drawer failed",
        )
        if closed is None:  # the drawer is still open
            return problem
        self.closed = closed
        self.pdf = closed.pdf
        log.info("drawer %s closed by %s: %s", closed.drawer_id, self.operator.user_id,
                 over_short_text(closed.over_short))  # fmt: skip
        self.drawer_closed.emit(closed)
        return ""

    def save_pdf_again(self) -> None:
        from cashdesk.services.balancing import z_report_pdf

        if self.closed is None:
            return
        drawer_id = self.closed.drawer_id
        pdf, problem = self._now(lambda: z_report_pdf(self.ctx, self.operator, drawer_id), failed="{exc}",
                                 log_as="saving the Z report PDF failed")  # fmt: skip
        if pdf is None:  # a folder that cannot be written: said, the button stays
            self.closed_page.show_pdf(problem)
            return
        self.pdf = pdf
        self.closed_page.show_pdf()

    def _now(self, work: Callable[[], T], *, failed: str, log_as: str) -> tuple[T | None, str]:
        """The service's answer on the GUI thread (the pages move on with it), or what went wrong, in words."""
        said: list[str] = []
        result = Operation(self, work, failed=failed, log_as=log_as).failure(said.append).run_now()
        return result, "".join(said)

    # -- Esc ----------------------------------------------------------------------------------------

    @property
    def count_entered(self) -> bool:
        return self.result is not None or self.count_page.count_widget.entered

    def cancel(self) -> None:
        """Esc or Cancel: once closed, just close; with a count typed, ask first."""
        if self._asking or self.approval_dialog is not None:
            return
        if self.closed is not None:
            self.accept()
            return
        if not self.count_entered:
            self.reject()
            return
        self._asking = True
        focus = QApplication.focusWidget()

        def answered(yes: bool) -> None:
            self._asking = False
            if yes:
                self.reject()
            elif self.isVisible():
                self.activateWindow()  # the keyboard goes back where it was
                if focus is not None and self.isAncestorOf(focus):
                    focus.setFocus(Qt.FocusReason.OtherFocusReason)

        ask(
            self,
            translate("balancing_wizard", "Stop balancing?"),
            translate(
                "balancing_wizard",
                "Stop balancing the drawer? What you typed is dropped (counts already recorded stay on record) "
                "and the drawer stays open.",
            ),
            answered,
            name="stopBalancingQuestion",
            informative=translate("balancing_wizard", "Y: yes, stop.  N: no, go on counting."),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)


__all__ = ["BalancingWizard", "flags_text", "over_short_text"]
