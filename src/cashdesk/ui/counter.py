"""The counter: find or scan an account, build the receipt, take the tenders, post — by keyboard.

The inquiry screen (search, results, account pane) is the left side; the receipt being built
is on the right. The search box has the keyboard at the start of every transaction.

    scan a stub / search, Enter  → the account opens for payment, the amount due filled in
    Enter                        → on the receipt (more than owed: keep the excess as credit?)
    F3                           → the payer's name, printed on the receipt (ui.payer_entry)
    F4                           → a misc item (revenue code, amount, memo)
    F5 F6 F7 F8                  → cash, check, card, money order; the remaining amount filled in
                                   (an account open for payment goes on the receipt first, as Enter)
    F12                          → post (the cash being typed is taken first); the change due shows
                                   large, the next customer starts
    Esc                          → back one step; in the search box, cancel the transaction
    Ctrl+Shift+C P X B           → cash drop, paid-out, X report, balance the drawer (ui.shift_dialogs)
    Ctrl+Shift+L                 → this receipt in the other language (English / Español), cleared with it

Every payment goes through `services.payments.post_receipt` (`ui.counter_posting`); printing is
someone else's job (`ui.print_queue`): the `posted` signal says a receipt is waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.printed_text import LANGUAGE_NAMES
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.domain.tenders import TenderKind
from cashdesk.ui.account_answers import AccountAnswers
from cashdesk.ui.cart import CartLinesModel, CartState, TendersModel
from cashdesk.ui.counter_lines import CounterLines
from cashdesk.ui.counter_posting import CounterPosting
from cashdesk.ui.counter_undo import CounterUndo
from cashdesk.ui.counter_widgets import NOT_A_CASHIER, PayStrip, cart_view, key_legend
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, ask, is_plain_enter
from cashdesk.ui.i18n import translate
from cashdesk.ui.inquiry import InquiryScreen
from cashdesk.ui.labels import heading_font as _font
from cashdesk.ui.payer_entry import PayerEntry
from cashdesk.ui.shift_dialogs import ShiftActions
from cashdesk.ui.tender_entry import MiscEntry, TenderEntry

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView
    from cashdesk.services.posted import PostedReceipt
    from cashdesk.ui.approval import ApprovalDialog

#: Switches the receipt being built between English and Spanish (docs/keyboard.md).
LANGUAGE_KEY = "Ctrl+Shift+L"

_CHANGE_STYLE = "background: #1b5e20; color: white; font-weight: bold; padding: 8px;"


class CounterScreen(QWidget):
    """Search and account on the left, the receipt on the right; all of it by keyboard."""

    #: A receipt was posted (PostedReceipt): its print jobs wait in the queue.
    posted = Signal(object)
    #: Something else was queued for the printer (a reprint, a void slip).
    printing_wanted = Signal()
    #: A payment key was pressed with no drawer open: the window asks for the float count.
    drawer_needed = Signal()
    #: The last customer's change, large and green (`_build_change_box`); shift actions take it off too.
    change_box: QFrame

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterScreen")
        self.ctx = ctx
        self.operator: Operator | None = None
        self.drawer: DrawerView | None = None
        self.last_receipt: str | None = None
        self.last_posted: PostedReceipt | None = None
        self.cart = CartState()
        self.approval_dialog: ApprovalDialog | None = None
        self._asking = False  # a yes/no question is open: the keys wait for its answer
        self.blocked = ""  # why payments are off (the database failed its check), if they are
        self.lines = CounterLines(self)  # accounts, misc items and tenders onto the receipt
        self.undo = CounterUndo(self)  # Esc, reprints, voids
        self.posting = CounterPosting(self)  # F12, the change due

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
        layout.addLayout(left, 2)
        layout.addWidget(self.receipt_panel, 1)

        self.setTabOrder(self.inquiry.pane.history_view, self.pay_strip.amount_field)
        self.setTabOrder(self.pay_strip.amount_field, self.lines_view)
        self.setTabOrder(self.lines_view, self.tenders_view)

        self.pay_strip.amount_field.returnPressed.connect(self.lines.add_account)
        self.inquiry.account_chosen.connect(self.lines.open_for_payment)
        self.inquiry.stub_scanned.connect(self.lines.stub_scanned)
        self.tender_entry.submitted.connect(self.lines.apply_tender)
        self.misc_entry.submitted.connect(self.lines.add_misc)
        self.payer_entry.done.connect(self.home)
        self.lines_view.delete_pressed.connect(self.lines.remove_line)
        self.tenders_view.delete_pressed.connect(self.lines.remove_tender)

        self._keys = self._bind_keys()
        self.account_answers = AccountAnswers(self)  # F1 itself is the main window's (Counter menu)
        self.setFocusProxy(self.inquiry.search_field)
        self.refresh()

    def _bind_keys(self) -> dict[str, QShortcut]:
        """The counter owns these keys: while it is hidden (locked, float count) they do nothing."""
        keys: dict[str, QShortcut] = {}
        for name, key, slot in (
            ("payer", Qt.Key.Key_F3, lambda: self.payer_entry.start() if self.may_pay() else None),
            ("misc", Qt.Key.Key_F4, self.lines.open_misc),
            ("cash", Qt.Key.Key_F5, lambda: self.lines.open_tender(TenderKind.CASH)),
            ("check", Qt.Key.Key_F6, lambda: self.lines.open_tender(TenderKind.CHECK)),
            ("card", Qt.Key.Key_F7, lambda: self.lines.open_tender(TenderKind.CARD)),
            ("money_order", Qt.Key.Key_F8, lambda: self.lines.open_tender(TenderKind.MONEY_ORDER)),
            ("post", Qt.Key.Key_F12, self.post),
            ("back", Qt.Key.Key_Escape, self.undo.back),
            ("drop", "Ctrl+Shift+C", self.shift.open_cash_drop),
            ("paid_out", "Ctrl+Shift+P", self.shift.open_paid_out),
            ("x_report", "Ctrl+Shift+X", self.shift.open_x_report),
            ("balance", "Ctrl+Shift+B", self.shift.open_balancing),
            ("language", LANGUAGE_KEY, self.switch_language),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            keys[name] = shortcut
        return keys

    def _build_receipt_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("receiptPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        # A third of the window: 1280 wide leaves the account pane room, 1024 still shows every total.
        panel.setMinimumWidth(346)
        panel.setMaximumWidth(470)
        layout = QVBoxLayout(panel)

        heading = QLabel(translate("counter", "Receipt"))
        heading.setFont(_font(self, 1.4))
        self.drawer_label = QLabel()
        self.drawer_label.setObjectName("drawerLabel")
        self.drawer_label.setWordWrap(True)
        self.drawer_label.setStyleSheet("color: #555555;")
        # The language the receipt prints in, beside the heading (no line more on a 768-high screen).
        self.language_label = QLabel()
        self.language_label.setObjectName("receiptLanguage")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.language_label)
        top.addStretch(1)
        top.addWidget(self.drawer_label)
        layout.addLayout(top)
        layout.addWidget(self.shift.banner)

        self.change_box = self._build_change_box()
        layout.addWidget(self.change_box)

        self.message_label = message_label("counterMessage")
        layout.addWidget(self.message_label)

        self._build_cart_views()
        layout.addWidget(self.lines_view, 3)
        layout.addWidget(self.tenders_view, 2)

        totals = QGridLayout()
        self.total_value = self._total_row(totals, 0, translate("counter", "Total"), "cartTotal", 1.3)
        self.tendered_value = self._total_row(totals, 1, translate("counter", "Tendered"), "cartTendered", 1.1)
        self.remaining_value = self._total_row(totals, 2, translate("counter", "Still to pay"), "cartRemaining", 1.6)
        self.change_value = self._total_row(totals, 3, translate("counter", "Change"), "cartChange", 1.3)
        layout.addLayout(totals)

        self.tender_entry = TenderEntry(self.guard)
        self.tender_entry.hide()
        self.misc_entry = MiscEntry(self.guard)
        self.misc_entry.hide()
        layout.addWidget(self.tender_entry)
        layout.addWidget(self.misc_entry)
        self.payer_entry = PayerEntry(self.guard)
        layout.addWidget(self.payer_entry)

        layout.addWidget(key_legend())
        return panel

    def _build_change_box(self) -> QFrame:
        """The change due, large, and the receipt just posted: shown once a payment posts."""
        box = QFrame()
        box.setObjectName("changeBox")
        box.setStyleSheet(_CHANGE_STYLE)
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
        # Three lines and the 8px padding _CHANGE_STYLE gives each label: a short receipt side never cuts it.
        self.posted_label.setMinimumHeight(3 * self.posted_label.fontMetrics().lineSpacing() + 20)
        self.posted_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.change_caption)
        box_layout.addWidget(self.change_label)
        box_layout.addWidget(self.posted_label)
        box.hide()
        return box

    def _build_cart_views(self) -> None:
        """The receipt's lines above its tenders."""
        self.lines_model = CartLinesModel(self)
        self.lines_view = cart_view("cartLines")
        self.lines_view.setModel(self.lines_model)
        self.tenders_model = TendersModel(self)
        self.tenders_view = cart_view("cartTenders")
        self.tenders_view.setModel(self.tenders_model)
        for view in (self.lines_view, self.tenders_view):
            header = view.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

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
            self.drawer_label.setText(translate("counter", "No drawer open"))
        else:
            self.drawer_label.setText(
                translate("counter", "Drawer {id} · float {opening_float}").format(
                    id=drawer.id, opening_float=drawer.opening_float.display()
                )
            )
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
    def asking(self) -> bool:
        """A yes/no question (`ask_yes_no`) is open: the keys wait for its answer."""
        return self._asking

    def ask_yes_no(self, title: str, text: str, answered: Callable[[bool], None], *, name: str,
                   informative: str) -> None:  # fmt: skip
        """`ui.fields.ask` over the counter; the keys wait until it is answered, then come back here."""
        self._asking = True

        def done(yes: bool) -> None:
            self._asking = False
            self.window().activateWindow()  # the keyboard comes back from the question
            answered(yes)

        ask(self, title, text, done, name=name, informative=informative)

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
            self.pay_strip.refuse(translate("fields", CARD_NUMBER_REFUSED))
        elif isinstance(field, QWidget) and self.tender_entry.isAncestorOf(field):
            self.tender_entry.refuse(translate("fields", CARD_NUMBER_REFUSED), field)
        elif isinstance(field, QWidget) and self.misc_entry.isAncestorOf(field):
            self.misc_entry.refuse(translate("fields", CARD_NUMBER_REFUSED), field)
        self.say(translate("fields", CARD_NUMBER_REFUSED), error=True)

    def may_pay(self) -> bool:
        """Payment keys work for someone who takes payments, with a drawer open."""
        if self.operator is None or self._asking or self.approval_dialog is not None:
            return False
        if not self.takes_payments:
            self.inquiry.show_message(translate("counter_widgets", NOT_A_CASHIER), error=True)
            return False
        if self.blocked:
            self.say(self.blocked, error=True)
            return False
        if self.drawer is None:
            self.drawer_needed.emit()
            return False
        return True

    # -- the receipt on screen ----------------------------------------------------------------------

    def refresh(self) -> None:
        cart = self.cart
        self.lines_model.set_rows(cart.lines)
        self.tenders_model.set_rows(cart.tenders)
        self.total_value.setText(cart.total.display())
        self.tendered_value.setText(cart.tendered.display())
        self.remaining_value.setText(cart.remaining.display())
        change = cart.change
        self.change_value.setText(change.display() if change is not None else "—")
        name = LANGUAGE_NAMES[cart.receipt_language]
        if cart.language is None:
            self.language_label.setText(translate("counter", "in {name}").format(name=name))
            self.language_label.setStyleSheet("color: #555555;")
        else:
            self.language_label.setText(translate("counter", "in {name} (this receipt)").format(name=name))
            self.language_label.setStyleSheet("color: #0d47a1; font-weight: bold;")

    def close_entries(self) -> None:
        self.tender_entry.hide()
        self.misc_entry.hide()
        self.pay_strip.close_strip()
        self.payer_entry.clear()  # a posted or cancelled receipt takes its payer with it

    def home(self) -> None:
        """Back to the search box, its text selected: where every step ends."""
        if not self.window().isActiveWindow():
            self.window().activateWindow()
        self.inquiry.focus_search()

    def clear_transaction(self) -> None:
        self.cart.clear()
        self.close_entries()
        self.refresh()
        self.say("")

    def starting_new(self) -> None:
        """The first line of a new receipt takes the last customer's change off the screen."""
        if self.cart.empty:
            self.change_box.hide()

    def switch_language(self) -> None:
        """Ctrl+Shift+L: this receipt prints in the other language; the next one in its account's again."""
        if not self.may_pay():
            return
        now = self.cart.switch_language()
        self.refresh()
        self.say(
            translate("counter", "This receipt prints in {name}. {key} again to change it back.").format(
                name=LANGUAGE_NAMES[now], key=LANGUAGE_KEY
            )
        )

    # -- posting -------------------------------------------------------------------------------------

    def post(self) -> None:
        """F12: the receipt is posted (`ui.counter_posting`)."""
        self.posting.post()

    # -- approvals (a closed account at F12, a second reprint) -----------------------------------------

    def ask_approval(self, action: OverrideAction, object: str, then: Callable[[int], None]) -> None:
        """A supervisor's approval of `action` on `object`; `then(approval_id)` once given."""
        from cashdesk.ui.approval import ApprovalDialog

        assert self.operator is not None
        dialog = ApprovalDialog(self.ctx, action=action, requested_by=self.operator, object=object,
                                parent=self.window())  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            self.approval_dialog = None
            approval = dialog.approval
            if approval is None:
                self.say(
                    translate("counter", "{label}: not approved, nothing done.").format(label=action.shown), error=True
                )
                self.home()
                return
            then(approval.id)

        dialog.finished.connect(finished)
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_plain_enter(event):
            event.accept()  # an Enter nobody used goes no further
            return
        super().keyPressEvent(event)
