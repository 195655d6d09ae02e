"""The counter: find or scan an account, build the receipt, take the tenders, post — by keyboard.

The inquiry screen (search, results, account pane) is the left side; the receipt being built
is on the right. The search box has the keyboard at the start of every transaction.

    scan a stub / search, Enter  → the account opens for payment, the amount due filled in
    Enter                        → on the receipt (more than owed: keep the excess as credit?)
    F4                           → a misc item (revenue code, amount, memo)
    F5 F6 F7 F8                  → cash, check, card, money order; the remaining amount filled in
    F12                          → post; the change due shows large, the next customer starts
    Esc                          → back one step; in the search box, cancel the transaction
    Ctrl+Shift+C P X B           → cash drop, paid-out, X report, balance the drawer (ui.shift_dialogs)

Every payment goes through `services.payments.post_receipt`; printing is someone else's job
(`ui.print_queue`): the `posted` signal says a receipt is waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.accounts import AccountStatus
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.ui.cart import MAX_LINES, AccountLine, CartLinesModel, CartState, MiscLine, TendersModel
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, ask, focus_and_select, is_plain_enter
from cashdesk.ui.inquiry import InquiryScreen
from cashdesk.ui.labels import heading_font as _font
from cashdesk.ui.operations import Operation
from cashdesk.ui.shift_dialogs import ShiftActions
from cashdesk.ui.tender_entry import MiscEntry, TenderEntry, parse_amount

if TYPE_CHECKING:
    from cashdesk.services.accounts import AccountDetail
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView
    from cashdesk.services.posted import PostedReceipt
    from cashdesk.ui.approval import ApprovalDialog

log = logging.getLogger(__name__)

#: The counter's keys, under the receipt (docs/keyboard.md has the full contract).
KEY_LEGEND = (
    ("F2", "Find · scan"),
    ("Enter", "Pay · add · next"),
    ("F4", "Misc item"),
    ("F5", "Cash"),
    ("F6", "Check"),
    ("F7", "Card"),
    ("F8", "Money order"),
    ("F12", "Post"),
    ("Esc", "Back · cancel"),
    ("Del", "Remove line/tender"),
    ("Ctrl+P", "Reprint last"),
    ("Ctrl+Shift+V", "Void"),
    ("Ctrl+Shift+O", "No sale"),
    ("Ctrl+Shift+S", "PDF copy"),
    ("Ctrl+Shift+C", "Cash drop"),
    ("Ctrl+Shift+P", "Paid-out"),
    ("Ctrl+Shift+X", "X report"),
    ("Ctrl+Shift+B", "Balance · end shift"),
)
NOT_A_CASHIER = "You can look up accounts. Payments are taken by cashiers and supervisors."

_FLAG_STYLE = "background: #b00020; color: white; font-weight: bold; font-size: 13pt; padding: 4px 8px;"
_CHANGE_STYLE = "background: #1b5e20; color: white; font-weight: bold; padding: 8px;"
_PANEL_STYLE = "QFrame#payStrip { border: 2px solid #1f4e79; border-radius: 4px; }"


class CartView(QTableView):
    """The receipt's lines or tenders; Delete removes the one chosen."""

    delete_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid():
            event.accept()
            self.delete_pressed.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def _cart_view(name: str) -> CartView:
    view = CartView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    return view


class PayStrip(QFrame):
    """The account opened for payment: its flags, large, and the amount to pay (Enter adds it)."""

    def __init__(self, guard: CardNumberGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payStrip")
        self.setStyleSheet(_PANEL_STYLE)
        self.detail: AccountDetail | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("payTitle")
        self.title_label.setFont(_font(self, 1.2))
        self.title_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setObjectName("payFlags")
        self.flags_label.setStyleSheet(_FLAG_STYLE)
        self.flags_label.setWordWrap(True)
        self.amount_field = QLineEdit()
        self.amount_field.setObjectName("payAmount")
        self.amount_field.setMaxLength(40)  # room for a stub scanned here by mistake: it is read as a scan
        self.amount_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_field.setFont(_font(self, 1.4))
        self.amount_field.setMaximumWidth(220)
        caption = QLabel("&Amount to pay:")
        caption.setBuddy(self.amount_field)
        self.message_label = message_label("payMessage")
        hint = QLabel("Enter adds it to the receipt (change the amount for a partial payment). Esc: back.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.amount_field)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.flags_label)
        layout.addLayout(row)
        layout.addWidget(self.message_label)
        layout.addWidget(hint)
        guard.watch(self.amount_field)

    def open_for(self, detail: AccountDetail, amount: Money, note: str = "") -> None:
        self.detail = detail
        a = detail.account
        self.title_label.setText(f"Pay on account {a.number} — {a.name}   (balance {detail.balance.display()})")
        warnings = [f.upper() for f in detail.flags if f.startswith(("Cash only", "Shut off", "Closed", "Final bill"))]
        if a.status is AccountStatus.CLOSED:
            warnings.append("A SUPERVISOR APPROVES A PAYMENT ON A CLOSED ACCOUNT")
        self.flags_label.setText("  ·  ".join(warnings))
        self.flags_label.setVisible(bool(warnings))
        self.amount_field.setText(amount.plain())
        show_message(self.message_label, note)
        self.show()
        focus_and_select(self.amount_field)

    def refuse(self, text: str) -> None:
        show_message(self.message_label, text, error=True)
        focus_and_select(self.amount_field)

    def close_strip(self) -> None:
        self.detail = None
        self.hide()


class CounterScreen(QWidget):
    """Search and account on the left, the receipt on the right; all of it by keyboard."""

    #: A receipt was posted (PostedReceipt): its print jobs wait in the queue.
    posted = Signal(object)
    #: Something else was queued for the printer (a reprint, a void slip).
    printing_wanted = Signal()
    #: A payment key was pressed with no drawer open: the window asks for the float count.
    drawer_needed = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterScreen")
        self._ctx = ctx
        self.operator: Operator | None = None
        self.drawer: DrawerView | None = None
        self.last_receipt: str | None = None
        self.last_posted: PostedReceipt | None = None
        self.cart = CartState()
        self.approval_dialog: ApprovalDialog | None = None
        self._asking = False  # a yes/no question is open: the keys wait for its answer
        self.blocked = ""  # why payments are off (the database failed its check), if they are

        self.guard = CardNumberGuard(self)
        self.guard.refused.connect(self._card_number_refused)
        self.inquiry = InquiryScreen(ctx, guard=self.guard)
        self.pay_strip = PayStrip(self.guard)
        self.pay_strip.hide()
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.inquiry, 1)
        left.addWidget(self.pay_strip)

        self.shift = ShiftActions(self, ctx, parent=self)  # drops, paid-outs, X report, balancing; the cash banner
        self.shift.printing_wanted.connect(self.printing_wanted)
        self.receipt_panel = self._build_receipt_panel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.receipt_panel)

        self.setTabOrder(self.inquiry.pane.history_view, self.pay_strip.amount_field)
        self.setTabOrder(self.pay_strip.amount_field, self.lines_view)
        self.setTabOrder(self.lines_view, self.tenders_view)

        self.pay_strip.amount_field.returnPressed.connect(self.add_account)
        self.inquiry.account_chosen.connect(self.open_for_payment)
        self.inquiry.stub_scanned.connect(self._stub_scanned)
        self.tender_entry.submitted.connect(self.apply_tender)
        self.misc_entry.submitted.connect(self.add_misc)
        self.lines_view.delete_pressed.connect(self.remove_line)
        self.tenders_view.delete_pressed.connect(self.remove_tender)

        # The counter owns these keys: while it is hidden (locked, float count) they do nothing.
        self._keys: dict[str, QShortcut] = {}
        for name, key, slot in (
            ("misc", Qt.Key.Key_F4, self.open_misc),
            ("cash", Qt.Key.Key_F5, lambda: self.open_tender(TenderKind.CASH)),
            ("check", Qt.Key.Key_F6, lambda: self.open_tender(TenderKind.CHECK)),
            ("card", Qt.Key.Key_F7, lambda: self.open_tender(TenderKind.CARD)),
            ("money_order", Qt.Key.Key_F8, lambda: self.open_tender(TenderKind.MONEY_ORDER)),
            ("post", Qt.Key.Key_F12, self.post),
            ("back", Qt.Key.Key_Escape, self.back),
            ("drop", "Ctrl+Shift+C", self.shift.open_cash_drop),
            ("paid_out", "Ctrl+Shift+P", self.shift.open_paid_out),
            ("x_report", "Ctrl+Shift+X", self.shift.open_x_report),
            ("balance", "Ctrl+Shift+B", self.shift.open_balancing),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self._keys[name] = shortcut
        self.setFocusProxy(self.inquiry.search_field)
        self._refresh()

    def _build_receipt_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("receiptPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(470)
        layout = QVBoxLayout(panel)

        heading = QLabel("Receipt")
        heading.setFont(_font(self, 1.4))
        self.drawer_label = QLabel()
        self.drawer_label.setObjectName("drawerLabel")
        self.drawer_label.setWordWrap(True)
        self.drawer_label.setStyleSheet("color: #555555;")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.drawer_label)
        layout.addLayout(top)
        layout.addWidget(self.shift.banner)

        self.change_box = QFrame()
        self.change_box.setObjectName("changeBox")
        self.change_box.setStyleSheet(_CHANGE_STYLE)
        self.change_caption = QLabel()
        self.change_caption.setObjectName("changeCaption")
        self.change_caption.setFont(_font(self, 1.6))
        self.change_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label = QLabel()
        self.change_label.setObjectName("changeDue")
        self.change_label.setFont(_font(self, 3.6))
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.posted_label = QLabel()
        self.posted_label.setObjectName("postedReceipt")
        self.posted_label.setWordWrap(True)
        self.posted_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box_layout = QVBoxLayout(self.change_box)
        box_layout.addWidget(self.change_caption)
        box_layout.addWidget(self.change_label)
        box_layout.addWidget(self.posted_label)
        self.change_box.hide()
        layout.addWidget(self.change_box)

        self.message_label = message_label("counterMessage")
        layout.addWidget(self.message_label)

        self.lines_model = CartLinesModel(self)
        self.lines_view = _cart_view("cartLines")
        self.lines_view.setModel(self.lines_model)
        self.tenders_model = TendersModel(self)
        self.tenders_view = _cart_view("cartTenders")
        self.tenders_view.setModel(self.tenders_model)
        for view in (self.lines_view, self.tenders_view):
            header = view.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.lines_view, 3)
        layout.addWidget(self.tenders_view, 2)

        totals = QGridLayout()
        self.total_value = self._total_row(totals, 0, "Total", "cartTotal", 1.3)
        self.tendered_value = self._total_row(totals, 1, "Tendered", "cartTendered", 1.1)
        self.remaining_value = self._total_row(totals, 2, "Still to pay", "cartRemaining", 1.6)
        self.change_value = self._total_row(totals, 3, "Change", "cartChange", 1.3)
        layout.addLayout(totals)

        self.tender_entry = TenderEntry(self.guard)
        self.tender_entry.hide()
        self.misc_entry = MiscEntry(self.guard)
        self.misc_entry.hide()
        layout.addWidget(self.tender_entry)
        layout.addWidget(self.misc_entry)

        legend = QGridLayout()
        legend.setHorizontalSpacing(10)
        legend.setVerticalSpacing(0)
        for row, (key, what) in enumerate(KEY_LEGEND):
            key_label = QLabel(f"<b>{key}</b>")
            what_label = QLabel(what)
            what_label.setStyleSheet("color: #444444;")
            legend.addWidget(key_label, row // 2, (row % 2) * 2)
            legend.addWidget(what_label, row // 2, (row % 2) * 2 + 1)
        legend_box = QFrame()
        legend_box.setObjectName("keyLegend")
        legend_box.setLayout(legend)
        layout.addWidget(legend_box)
        return panel

    def _total_row(self, grid: QGridLayout, row: int, caption: str, name: str, scale: float) -> QLabel:
        label = QLabel(caption)
        label.setFont(_font(self, scale, bold=False))
        value = QLabel()
        value.setObjectName(name)
        value.setFont(_font(self, scale))
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(label, row, 0)
        grid.addWidget(value, row, 1)
        return value

    # -- who is at the counter -------------------------------------------------------------------

    @property
    def search_field(self) -> QLineEdit:
        return self.inquiry.search_field

    @property
    def takes_payments(self) -> bool:
        return self.operator is not None and self.operator.can(Permission.TAKE_PAYMENTS)

    @property
    def ready_for_next(self) -> bool:
        """The next transaction can start: an empty receipt and the search box has the keyboard."""
        return self.cart.empty and QApplication.focusWidget() is self.inquiry.search_field

    def start_for(self, operator: Operator, drawer: DrawerView | None) -> None:
        """A new person at the counter: an empty receipt; their drawer, if open."""
        self.operator = operator
        self.clear_transaction()
        self.change_box.hide()
        self.last_receipt = None
        self.last_posted = None
        self.set_drawer(drawer)
        self.receipt_panel.setVisible(self.takes_payments)
        self.inquiry.focus_search()

    def set_drawer(self, drawer: DrawerView | None) -> None:
        self.drawer = drawer
        if drawer is None:
            self.drawer_label.setText("No drawer open")
        else:
            self.drawer_label.setText(f"Drawer {drawer.id} · float {drawer.opening_float.display()}")
        self.shift.refresh_position()

    def stop(self) -> None:
        """Signing out: nothing of this person's work stays on screen."""
        self.clear_transaction()
        self.change_box.hide()
        self.inquiry.reset()
        self.operator = None
        self.drawer = None
        self.shift.show_position(None)
        self.last_receipt = None
        self.last_posted = None

    def say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)

    @property
    def busy(self) -> bool:
        """A yes/no question or a supervisor's approval is open: other windows start nothing over it."""
        return self._asking or self.approval_dialog is not None

    @property
    def payment_in_progress(self) -> bool:
        """Lines or tenders are on the receipt: it is posted (F12) or cancelled before other work starts."""
        return not self.cart.empty

    def _card_number_refused(self, field: object) -> None:
        if field is self.inquiry.search_field:
            return  # the inquiry says it under the search box
        if field is self.pay_strip.amount_field:
            self.pay_strip.refuse(CARD_NUMBER_REFUSED)
        elif isinstance(field, QWidget) and self.tender_entry.isAncestorOf(field):
            self.tender_entry.refuse(CARD_NUMBER_REFUSED, field)
        elif isinstance(field, QWidget) and self.misc_entry.isAncestorOf(field):
            self.misc_entry.refuse(CARD_NUMBER_REFUSED, field)
        self.say(CARD_NUMBER_REFUSED, error=True)

    def _may_pay(self) -> bool:
        """Payment keys work for someone who takes payments, with a drawer open."""
        if self.operator is None or self._asking or self.approval_dialog is not None:
            return False
        if not self.takes_payments:
            self.inquiry.show_message(NOT_A_CASHIER, error=True)
            return False
        if self.blocked:
            self.say(self.blocked, error=True)
            return False
        if self.drawer is None:
            self.drawer_needed.emit()
            return False
        return True

    # -- the receipt on screen ----------------------------------------------------------------------

    def _refresh(self) -> None:
        cart = self.cart
        self.lines_model.set_rows(cart.lines)
        self.tenders_model.set_rows(cart.tenders)
        self.total_value.setText(cart.total.display())
        self.tendered_value.setText(cart.tendered.display())
        self.remaining_value.setText(cart.remaining.display())
        change = cart.change
        self.change_value.setText(change.display() if change is not None else "—")

    def _close_entries(self) -> None:
        self.tender_entry.hide()
        self.misc_entry.hide()
        self.pay_strip.close_strip()

    def _home(self) -> None:
        """Back to the search box, its text selected: where every step ends."""
        if not self.window().isActiveWindow():
            self.window().activateWindow()
        self.inquiry.focus_search()

    def clear_transaction(self) -> None:
        self.cart.clear()
        self._close_entries()
        self._refresh()
        self.say("")

    def _starting_new(self) -> None:
        """The first line of a new receipt takes the last customer's change off the screen."""
        if self.cart.empty:
            self.change_box.hide()

    # -- accounts ---------------------------------------------------------------------------------

    def _stub_scanned(self, number: str, amount_due: object) -> None:
        assert isinstance(amount_due, Money)
        self.open_for_payment(number, amount_due, note="Amount from the bill stub.")

    def open_for_payment(self, number: str, amount: Money | None = None, note: str = "") -> None:
        """Enter on an account: it opens for payment with the amount due (or the stub's) filled in."""
        if not self._may_pay():
            return
        detail = self.inquiry.pane.detail
        if detail is None or detail.account.number != number:
            self.inquiry.show_account(number)
            detail = self.inquiry.pane.detail
            if detail is None:
                return
        index = self.cart.account_line(number)
        if amount is None:
            if index is not None:
                amount = self.cart.lines[index].amount
                note = note or "This account is on the receipt already: Enter keeps the new amount."
            else:
                amount = detail.balance if detail.balance.cents > 0 else Money(0)
        self.tender_entry.hide()
        self.misc_entry.hide()
        self.pay_strip.open_for(detail, amount, note)

    def add_account(self) -> None:
        """Enter in the amount to pay: the account goes on the receipt."""
        strip = self.pay_strip
        detail = strip.detail
        if detail is None or self.guard.check_now() or not self._may_pay():
            return
        typed = strip.amount_field.text().strip()
        if len(typed) >= 20 and typed.isascii() and typed.isdigit():
            # The next stub was scanned before Enter: it goes where a scan belongs.
            strip.close_strip()
            self.inquiry.search_field.setText(typed)
            self.inquiry.focus_search()
            self.inquiry.scan(typed)
            return
        try:
            amount = parse_amount(strip.amount_field.text())
        except MoneyError as exc:
            strip.refuse(str(exc))
            return
        a = detail.account
        line = AccountLine(
            number=a.number, name=a.name, amount=amount, owed=detail.owed, flags=detail.flags,
            cash_only=a.cash_only, closed=a.status is AccountStatus.CLOSED,
        )  # fmt: skip
        cart = self.cart
        new = cart.account_line(a.number) is None
        if new and len(cart.lines) >= MAX_LINES:
            strip.refuse(f"A receipt holds at most {MAX_LINES} lines. Post this one (F12) and start another.")
            return
        if line.cash_only and cart.non_cash.cents:
            strip.refuse(
                f"Account {a.number} is cash only, and this receipt already has a check, card or money order. "
                "Post that one first, or Esc to start over."
            )
            return
        others_closed = [n for n in cart.closed_accounts if n != a.number]
        if line.closed and others_closed:
            strip.refuse(
                f"Account {others_closed[0]} is closed too: one receipt takes one closed account (each needs a "
                "supervisor). Post this receipt first."
            )
            return
        if line.excess.cents:
            self._ask_keep_excess(line)
            return
        self._put_account(line)

    def _ask_keep_excess(self, line: AccountLine) -> None:
        self._asking = True

        def answered(yes: bool) -> None:
            self._asking = False
            self.window().activateWindow()  # the keyboard comes back from the question
            if yes:
                from dataclasses import replace

                self._put_account(replace(line, keep_excess_as_credit=True))
                return
            owed = line.owed
            self.pay_strip.amount_field.setText(owed.plain())
            self.pay_strip.refuse(f"Account {line.number} owes {owed.display()}. Change the amount, Enter adds it.")

        ask(
            self,
            "More than is owed",
            f"{line.amount.display()} is more than account {line.number} owes ({line.owed.display()}).\n\n"
            f"Keep {line.excess.display()} as a credit on the account?",
            answered,
            name="keepCreditQuestion",
            informative="Y: yes, keep it as a credit.  N: no, change the amount.",
        )

    def _put_account(self, line: AccountLine) -> None:
        self._starting_new()
        changed = self.cart.put_account(line)
        self._refresh()
        self.pay_strip.close_strip()
        text = f"Account {line.number}: {line.amount.display()}" + (" (amount changed)." if changed else " added.")
        if line.keep_excess_as_credit and line.excess.cents:
            text += f" {line.excess.display()} is kept as a credit."
        warnings = [f for f in line.flags if f.startswith(("Cash only", "Shut off", "Closed", "Final bill"))]
        if warnings:
            text += " Note: " + ", ".join(warnings).lower() + "."
        if line.cash_only:
            text += " Take cash only."
        if line.closed:
            text += " A supervisor approves it when you post."
        self.say(text + f" Still to pay: {self.cart.remaining.display()}.", error=bool(warnings))
        self._home()

    def remove_line(self, row: int) -> None:
        if not (0 <= row < len(self.cart.lines)) or self._asking:
            return
        line = self.cart.remove_line(row)
        self._refresh()
        self.say(f"Removed: {line.what}, {line.amount.display()}.")
        if self.cart.lines:
            self.lines_view.setCurrentIndex(self.lines_model.index(min(row, len(self.cart.lines) - 1), 0))
        else:
            self._home()

    # -- misc items --------------------------------------------------------------------------------

    def open_misc(self) -> None:
        if not self._may_pay():
            return
        if not self.misc_entry.has_codes:
            from cashdesk.services.revenue import list_revenue_codes

            failed = "The revenue codes could not be read ({exc}). Call your supervisor."
            codes = Operation(self, lambda: list_revenue_codes(self._ctx, category="departmental"), failed=failed,
                              log_as="could not list the revenue codes")\
                .refused(lambda text: self.say(failed.format(exc=text), error=True))\
                .failure(lambda text: self.say(text, error=True)).run_now()  # fmt: skip
            if codes is None:
                return
            self.misc_entry.set_codes([(c.code, c.description) for c in codes])
        self.tender_entry.hide()
        self.pay_strip.close_strip()
        self.misc_entry.start()

    def add_misc(self, code: str, amount: object, memo: str) -> None:
        assert isinstance(amount, Money)
        if self.guard.check_now():
            return
        if len(self.cart.lines) >= MAX_LINES:
            self.misc_entry.refuse(f"A receipt holds at most {MAX_LINES} lines. Post this one (F12) first.")
            return
        self._starting_new()
        line = MiscLine(code, self.misc_entry.description_of(code), amount, memo)
        self.cart.add_misc(line)
        self._refresh()
        self.misc_entry.hide()
        self.say(f"{line.what}: {amount.display()} added. Still to pay: {self.cart.remaining.display()}.")
        self._home()

    # -- tenders -------------------------------------------------------------------------------------

    def open_tender(self, kind: TenderKind) -> None:
        if not self._may_pay():
            return
        cart = self.cart
        if not cart.lines:
            self.say("Nothing to pay yet: add an account (scan the stub or search, Enter) or a misc item (F4).",
                     error=True)  # fmt: skip
            self._home()
            return
        if cart.remaining.cents == 0:
            self.say("The receipt is paid in full. F12 posts it.", error=True)
            self._home()
            return
        cash_only = cart.cash_only_accounts
        if kind is not TenderKind.CASH and cash_only:
            self.say(f"Account {cash_only[0]} is cash only: no {kind.label.lower()}. Take cash (F5).", error=True)
            self._home()
            return
        self.pay_strip.close_strip()
        self.misc_entry.hide()
        self.tender_entry.open_for(kind, cart.remaining)

    def apply_tender(self, tender: object) -> None:
        assert isinstance(tender, Tender)
        entry = self.tender_entry
        if self.guard.check_now():
            return
        cart = self.cart
        if tender.kind is not TenderKind.CASH:
            if cart.cash_only_accounts:
                entry.refuse(f"Account {cart.cash_only_accounts[0]} is cash only. Esc, then F5 for cash.")
                return
            most = cart.total - cart.non_cash
            if tender.amount > most:
                entry.refuse(
                    f"A {tender.kind.label.lower()} can be for at most {most.display()}: change is given only "
                    "from cash."
                )
                return
        cart.add_tender(tender)
        self._refresh()
        entry.hide()
        applied = f"{tender.describe()}: {tender.amount.display()}."
        change = cart.change
        if cart.remaining.cents:
            self.say(
                f"{applied} Still to pay: {cart.remaining.display()} (F5 cash, F6 check, F7 card, F8 money order)."
            )
        elif change is not None and change.cents:
            self.say(f"{applied} Change due: {change.display()}. F12 posts the receipt.")
        else:
            self.say(f"{applied} Paid in full. F12 posts the receipt.")
        self._home()

    def remove_tender(self, row: int) -> None:
        if not (0 <= row < len(self.cart.tenders)) or self._asking:
            return
        tender = self.cart.remove_tender(row)
        self._refresh()
        self.say(f"Removed: {tender.describe()}, {tender.amount.display()}. Still to pay: "
                 f"{self.cart.remaining.display()}.")  # fmt: skip
        if self.cart.tenders:
            self.tenders_view.setCurrentIndex(self.tenders_model.index(min(row, len(self.cart.tenders) - 1), 0))
        else:
            self._home()

    # -- posting -------------------------------------------------------------------------------------

    def post(self) -> None:
        """F12: the receipt is posted in one unit of work; printing follows in the background."""
        if not self._may_pay():
            return
        cart = self.cart
        if not cart.lines:
            self.say("Nothing to post: the receipt is empty.", error=True)
            self._home()
            return
        if cart.remaining.cents:
            self.say(f"{cart.remaining.display()} is still to be paid: F5 cash, F6 check, F7 card, F8 money order.",
                     error=True)  # fmt: skip
            self._home()
            return
        closed = cart.closed_accounts
        if closed:
            self._ask_approval(OverrideAction.CLOSED_ACCOUNT, closed[0], lambda approval_id: self._post(approval_id))
            return
        self._post(None)

    def _post(self, approval_id: int | None) -> None:
        from cashdesk.services.context import DatabaseError
        from cashdesk.services.drawers import NoOpenDrawer
        from cashdesk.services.payments import ExcessNeedsConfirmation, post_receipt

        operator = self.operator
        assert operator is not None

        def no_drawer(exc: NoOpenDrawer) -> None:
            self.say(str(exc), error=True)
            self.set_drawer(None)
            self.drawer_needed.emit()

        def not_posted(text: str) -> None:
            self.say(text, error=True)
            self._home()

        # On the GUI thread, through the runner's synchronous path: posting takes milliseconds, and
        # the keys a cashier types next (the next stub, F12 again) must find the receipt posted.
        # A full disk or a read-only file (DatabaseError) is said in words, like a refusal.
        Operation(self, lambda: post_receipt(self._ctx, operator, self.cart.to_cart(), list(self.cart.tenders),
                                             approval_id=approval_id),
                  failed="The payment was not posted ({exc}). Nothing was saved: try F12 again, or call your "
                         "supervisor.", log_as="posting failed")\
            .handle(ExcessNeedsConfirmation,
                    lambda exc: self._ask_excess_at_post(exc.account, exc.excess, approval_id))\
            .handle(NoOpenDrawer, no_drawer)\
            .handle(DatabaseError, lambda exc: not_posted(str(exc)))\
            .success(self._posted).failure(not_posted).run_now()  # fmt: skip

    def _ask_excess_at_post(self, account: str, excess: Money, approval_id: int | None) -> None:
        self._asking = True

        def answered(yes: bool) -> None:
            self._asking = False
            self.window().activateWindow()  # the keyboard comes back from the question
            if yes:
                self.cart.keep_excess(account)
                self._refresh()
                self._post(approval_id)
                return
            self.say(f"Not posted: change the amount for account {account} (Delete its line, then add it again).",
                     error=True)  # fmt: skip
            self._home()

        ask(
            self,
            "More than is owed",
            f"{excess.display()} is more than account {account} owes.\n\nKeep {excess.display()} as a credit on "
            "the account?",
            answered,
            name="keepCreditQuestion",
            informative="Y: yes, keep it as a credit.  N: no, change the amount.",
        )

    def _posted(self, posted: PostedReceipt) -> None:
        self.last_receipt = posted.number
        self.last_posted = posted
        self.cart.clear()
        self._close_entries()
        self._refresh()
        self.inquiry.reset()
        change = posted.change
        self.change_caption.setText("Change due" if change.cents else "No change due")
        self.change_label.setText(change.display())
        self.posted_label.setText(
            f"Receipt {posted.number} posted: {posted.total.display()} paid, {posted.tendered.display()} tendered. "
            "The receipt is on its way to the printer."
        )
        self.change_box.show()
        self.say(f"Posted {posted.number}. Next customer: scan the stub or search.")
        self.shift.refresh_position()
        log.info("posted %s: %s", posted.number, posted.total.display())
        self._home()
        self.posted.emit(posted)

    # -- Esc -----------------------------------------------------------------------------------------

    def back(self) -> None:
        """Esc: back one step. In the search box with a receipt started: cancel it (asks first)."""
        if self._asking or self.approval_dialog is not None:
            return
        focus = QApplication.focusWidget()
        if self.tender_entry.isVisible():
            self.tender_entry.hide()
            self.say("Tender cancelled.")
            self._home()
            return
        if self.misc_entry.isVisible():
            self.misc_entry.hide()
            self.say("Misc item cancelled.")
            self._home()
            return
        if self.pay_strip.isVisible():
            self.pay_strip.close_strip()
            if self.inquiry.results_model.rowCount():
                self.inquiry.enter_results()
            else:
                self._home()
            return
        if focus is not None and focus is not self.inquiry.search_field and self.isAncestorOf(focus):
            self._home()  # from the results, the account's tables or the receipt
            return
        if not self.cart.empty:
            self._ask_cancel()
            return
        self.inquiry.reset()
        self.change_box.hide()
        self.say("")
        self._home()

    def _ask_cancel(self) -> None:
        self._asking = True
        lines, tenders = len(self.cart.lines), len(self.cart.tenders)

        def answered(yes: bool) -> None:
            self._asking = False
            self.window().activateWindow()  # the keyboard comes back from the question
            if yes:
                self.clear_transaction()
                self.inquiry.reset()
                self.say("Transaction cancelled: nothing was posted. Hand back anything the customer gave you.")
            self._home()

        ask(
            self,
            "Cancel this transaction?",
            f"Cancel this transaction? Its {lines} line{'s' if lines != 1 else ''} and {tenders} "
            f"tender{'s' if tenders != 1 else ''} are dropped; nothing has been posted.",
            answered,
            name="cancelQuestion",
            informative="Y: yes, cancel it.  N: no, go on with it.",
        )

    # -- approvals, reprints -------------------------------------------------------------------------

    def _ask_approval(self, action: OverrideAction, object: str, then: Callable[[int], None]) -> None:
        """A supervisor's approval of `action` on `object`; `then(approval_id)` once given."""
        from cashdesk.ui.approval import ApprovalDialog

        assert self.operator is not None
        dialog = ApprovalDialog(self._ctx, action=action, requested_by=self.operator, object=object,
                                parent=self.window())  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            self.approval_dialog = None
            approval = dialog.approval
            if approval is None:
                self.say(f"{action.label}: not approved, nothing done.", error=True)
                self._home()
                return
            then(approval.id)

        dialog.finished.connect(finished)
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def reprint_last(self) -> None:
        """Ctrl+P: a copy of the last receipt marked REPRINT; a second copy needs a supervisor."""
        if self.operator is None or self._asking or self.approval_dialog is not None:
            return
        if not self.takes_payments:
            self.inquiry.show_message(NOT_A_CASHIER, error=True)
            return
        number = self.last_receipt
        if number is None:  # after a restart or a new sign-in: the last one this cashier posted here
            from cashdesk.services.printing import last_receipt_number

            number = last_receipt_number(self._ctx, self.operator)
        if number is None:
            self.say("You have not posted a receipt at this station yet: there is nothing to reprint.", error=True)
            return
        self._reprint(number, None)

    def _reprint(self, number: str, approval_id: int | None) -> None:
        from cashdesk.services.overrides import OverrideRefused
        from cashdesk.services.printing import reprint_receipt

        operator = self.operator
        assert operator is not None

        def refused(exc: OverrideRefused) -> None:
            if approval_id is None and exc.reason == "no_approval":
                self.say(f"{number} was reprinted already: a supervisor approves another copy.")
                self._ask_approval(OverrideAction.REPRINT, number, lambda granted: self._reprint(number, granted))
                return
            self.say(str(exc), error=True)

        reprinting = Operation(self, lambda: reprint_receipt(self._ctx, operator, number, approval_id=approval_id),
                               failed="The copy could not be printed ({exc}). Call your supervisor.",
                               log_as="reprinting a receipt failed")  # fmt: skip
        reprinting.handle(OverrideRefused, refused).failure(lambda text: self.say(text, error=True)).run_now()
        if reprinting.failed:
            return
        self.say(f"A copy of {number} marked REPRINT is printing.")
        self._home()
        self.printing_wanted.emit()

    def voided(self, number: str, approved_by: str) -> None:
        self.say(f"Receipt {number} is void (approved by {approved_by}). The void slip is printing.")
        self.shift.refresh_position()
        self._home()
        self.printing_wanted.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_plain_enter(event):
            event.accept()  # an Enter nobody used goes no further
            return
        super().keyPressEvent(event)
