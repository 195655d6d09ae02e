"""During the shift, off the counter's path, keyboard first:

    Ctrl+Shift+C  cash drop: the cash going to the safe counted by denomination; a drop slip prints
    Ctrl+Shift+P  paid-out: cash refunded from the drawer, with a reason and a supervisor's approval
    Ctrl+Shift+X  X report: the drawer's totals so far, on screen, printed on request
    Ctrl+Shift+B  balance the drawer: the end-of-shift wizard (ui.balancing_wizard)

`ShiftActions` opens them for the counter (the dialogs themselves are `ui.shift_forms`) and
keeps the cash banner: after every posting, drop and paid-out it asks
`services.shift.cash_position` and warns (orange) or blocks (red) when the drawer holds more
cash than the limits allow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from cashdesk.domain.money import Money
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation
from cashdesk.ui.shift_forms import CashDropDialog, PaidOutDialog, XReportDialog

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView
    from cashdesk.services.shift import CashPosition, ShiftReport
    from cashdesk.ui.inquiry import InquiryScreen

log = logging.getLogger(__name__)

DROP_KEY = "Ctrl+Shift+C"
PAID_OUT_KEY = "Ctrl+Shift+P"
X_REPORT_KEY = "Ctrl+Shift+X"
BALANCE_KEY = "Ctrl+Shift+B"

#: The cash banner's colour by level: orange to warn, red when cash is blocked.
_BANNER_STYLE = "background: {}; color: white; font-weight: bold; font-size: 12pt; padding: 6px;"
_BANNER_COLOURS = {"warn": "#e65100", "block": "#b00020"}


def banner_text(position: CashPosition) -> str:
    """What the cash banner says at `position`'s level ("" when the drawer is within the limits)."""
    if position.level == "block":
        return translate(
            "shift_dialogs",
            "Drawer holds {cash} — over the limit of {block_limit}: no more cash until you make a cash "
            "drop ({DROP_KEY}).",
        ).format(cash=position.cash.display(), block_limit=position.block_limit.display(), DROP_KEY=DROP_KEY)
    if position.level == "warn":
        return translate("shift_dialogs", "Drawer holds {cash} — make a cash drop ({DROP_KEY}).").format(
            cash=position.cash.display(), DROP_KEY=DROP_KEY
        )
    return ""


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
        level = "block" if position is not None and position.level == "block" else "warn"
        self.banner.setStyleSheet(_BANNER_STYLE.format(_BANNER_COLOURS[level]))
        self.banner.setVisible(bool(text))

    # -- opening the dialogs --------------------------------------------------------------------

    def _may_start(self, what: str, *, empty_receipt: bool = True) -> tuple[Operator, DrawerView] | None:
        """Who works the drawer, and the drawer, if `what` may start now; else None (and why, said)."""
        counter = self._counter
        operator = counter.operator
        if operator is None or counter.busy:
            return None
        if not counter.takes_payments:
            counter.inquiry.show_message(
                translate("shift_dialogs", "Drawer work is done by cashiers and supervisors."), error=True
            )
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return None
        drawer = counter.drawer
        if drawer is None:
            counter.say(
                translate(
                    "shift_dialogs", "No drawer open: nothing to {what}. Open your drawer (Ctrl+Shift+D) first."
                ).format(what=what),
                error=True,
            )
            return None
        if empty_receipt and counter.payment_in_progress:
            counter.say(
                translate(
                    "shift_dialogs", "Finish this payment (F12) or cancel it (Esc in the search box) before you {what}."
                ).format(what=what),
                error=True,
            )
            return None
        return operator, drawer

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
        started = self._may_start(translate("shift_dialogs", "make a cash drop"))
        if started is None:
            return
        operator, _drawer = started
        position = self.position
        dialog = CashDropDialog(self._ctx, operator, drawer_cash=position.cash if position is not None else None,
                                parent=self._counter.window())  # fmt: skip

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, CashDropDialog) and dialog.result_drop is not None
            drop = dialog.result_drop
            self._counter.change_box.hide()  # the last customer's change is not what this drop is about
            self.show_position(drop.position)
            self._counter.say(
                translate(
                    "shift_dialogs",
                    "Cash drop {id}: {amount} to the safe. The drop slip is printing: put it with the cash in "
                    "the safe bag.",
                ).format(id=drop.id, amount=drop.amount.display())
            )
            self.printing_wanted.emit()

        self._open(dialog, done)

    def open_paid_out(self) -> None:
        started = self._may_start(translate("shift_dialogs", "pay out cash"))
        if started is None:
            return
        operator, drawer = started

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, PaidOutDialog) and dialog.result_paid_out is not None
            result = dialog.result_paid_out
            self._counter.change_box.hide()  # no longer the last customer's change: this cash went to the payee
            to = (
                translate("shift_dialogs", " from account {account}").format(account=result.account)
                if result.account
                else ""
            )
            self._counter.say(
                translate(
                    "shift_dialogs", "Paid out {amount}{to}. The paid-out slip is printing: the payee signs it."
                ).format(amount=result.amount.display(), to=to)
            )
            self.refresh_position()
            self.printing_wanted.emit()

        self._open(PaidOutDialog(self._ctx, operator, drawer.id, parent=self._counter.window()), done)

    def open_x_report(self) -> None:
        """The drawer's totals are added up off the GUI thread; the dialog opens with them."""
        from cashdesk.services.shift import x_report

        if self.reporting:
            return
        started = self._may_start("report", empty_receipt=False)
        if started is None:
            return
        operator, _drawer = started
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
                self._counter.say(translate("shift_dialogs", "The X report is printing."))
                self.printing_wanted.emit()

        self.reporting = True
        Operation(
            self,
            lambda: x_report(ctx, operator),
            failed=translate("shift_dialogs", "The X report could not be made ({exc}). Call your supervisor."),
            log_as="the X report failed",
        ).success(made).failure(failed).run_in_background()

    def open_balancing(self) -> None:
        from cashdesk.ui.balancing_wizard import BalancingWizard

        started = self._may_start(translate("shift_dialogs", "balance the drawer"))
        if started is None:
            return
        operator, drawer = started
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
        counter.say(
            translate(
                "shift_dialogs",
                "Drawer {drawer_id} is closed ({over_short_text}); the Z report is printing. No drawer is "
                "open: open a new one with Ctrl+Shift+D (count the float).",
            ).format(drawer_id=drawer_id, over_short_text=over_short_text(over_short).lower())
        )
        self.printing_wanted.emit()


__all__ = [
    "BALANCE_KEY", "DROP_KEY", "PAID_OUT_KEY", "X_REPORT_KEY", "CashDropDialog", "PaidOutDialog", "ShiftActions",
    "XReportDialog", "banner_text",
]  # fmt: skip
