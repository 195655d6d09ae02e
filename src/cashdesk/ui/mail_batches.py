"""Mail batches (Ctrl+Shift+M): the day's batches, and fast keyed entry of one batch against the
adding-machine tape, keyboard first.

    The list     ↑ ↓ a batch · Enter opens it · N a new batch (the tape's count, Enter, total, Enter) · Esc closes
    A batch      scan the stub (or type the account), Enter → amount (the stub's, selected), Enter →
                 check number or the check reader's MICR line, Enter → payer, Enter: the remittance is added
                 and the cursor is back for the next stub. Alt+T the kind (check or money order).
                 Alt+I the items · Delete takes the item chosen out (open batches)
                 F9 balance to the tape · F12 post (balances first) · Alt+L the proof list as a PDF
                 Alt+R print the receipt of the item chosen · Alt+D save it as a PDF (posted items)
                 Alt+J reject the batch (a reason) · Alt+V reverse a posted item (a reason, a supervisor)
                 Esc back to the list

The count and total entered stand against the tape's at all times, with the difference.
Everything is decided by `services.mail_batches`; a refusal shows here in its words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain import micr, scanline
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog
from cashdesk.ui.counter_extras import _FormDialog
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, EnterChain, focus_and_select
from cashdesk.ui.formatting import date_text
from cashdesk.ui.labels import heading_font as _font
from cashdesk.ui.models import Column, RowsModel, money_column
from cashdesk.ui.operations import Operation
from cashdesk.ui.tender_entry import looks_like_micr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.mail_batches import BatchItem, BatchView, PostedBatch

log = logging.getLogger(__name__)

#: What a remittance can be; cash that comes by mail is taken at the counter, into a drawer.
TENDERS = (("check", "Check"), ("money_order", "Money order"))
_TENDER_LABELS = {**dict(TENDERS), "cash": "Cash"}
_STATUS_LABELS = {"open": "Open", "balanced": "Balanced", "posted": "Posted", "rejected": "Rejected",
                  "entered": "Entered", "reversed": "Reversed"}  # fmt: skip
_SUSPECT_BACKGROUND = QColor("#fde2e2")
_SUSPECT_FOREGROUND = QColor("#8b0000")
_REVERSED_FOREGROUND = QColor("#777777")
_OFF_STYLE = "color: white; background: #b00020; font-weight: bold; padding: 6px;"
_EVEN_STYLE = "color: white; background: #1b5e20; font-weight: bold; padding: 6px;"
_TAPE_STYLE = "font-weight: bold; padding: 6px;"


def _items(count: int) -> str:
    return f"{count} item{'s' if count != 1 else ''}"


def _signed_items(count: int) -> str:
    return f"{'+' if count > 0 else '−' if count < 0 else ''}{_items(abs(count))}"


def _signed_money(amount: Money) -> str:
    return f"{'+' if amount.cents > 0 else '−' if amount.cents < 0 else ''}{Money(abs(amount.cents)).display()}"


def difference_text(view: BatchView) -> str:
    """What the difference line says: "Balanced with the tape" or "Difference: −1 item, −$100.00"."""
    if view.count_difference == 0 and view.total_difference.cents == 0:
        return "Balanced with the tape"
    return f"Difference: {_signed_items(view.count_difference)}, {_signed_money(view.total_difference)}"


def suspect_text(item: BatchItem) -> str:
    """A suspect item in words, for the list under the table."""
    name = f" ({item.account_name})" if item.account_name else ""
    check = f", check {item.check_number}" if item.check_number else ""
    return f"Item {item.seq}: account {item.account}{name}, {item.amount.display()}{check} — {item.problem}"


def control_text(view: BatchView) -> str:
    return f"{view.count}/{view.control_count}"


class BatchesModel(RowsModel["BatchView"]):
    """The day's batches, oldest first."""

    columns = (
        Column("Batch", lambda b: b.number, lambda b: b.number),
        Column("Owner", lambda b: b.owner, lambda b: b.owner),
        Column("Status", lambda b: _STATUS_LABELS.get(b.status, b.status), lambda b: b.status),
        Column("Items / tape", control_text, lambda b: b.count),
        Column("Entered", lambda b: b.total.display(), lambda b: b.total.cents, money=True),
        money_column("Tape total", lambda b: b.control_total),
        Column("Difference", lambda b: "" if b.status in ("posted", "rejected") else difference_text(b)
               .removeprefix("Difference: "), lambda b: abs(b.total_difference.cents)),
    )  # fmt: skip

    def row_foreground(self, item: BatchView) -> QColor | None:
        if item.status == "rejected":
            return _REVERSED_FOREGROUND
        return None


class ItemsModel(RowsModel["BatchItem"]):
    """A batch's remittances in the order keyed; suspects in red, reversed items grey."""

    columns = (
        Column("No.", lambda i: str(i.seq), lambda i: i.seq),
        Column("Account", lambda i: i.account, lambda i: i.account),
        Column("Name", lambda i: i.account_name, lambda i: i.account_name),
        money_column("Amount", lambda i: i.amount),
        Column("Kind", lambda i: _TENDER_LABELS.get(i.tender, i.tender), lambda i: i.tender),
        Column("Check no.", lambda i: i.check_number, lambda i: i.check_number),
        Column("Payer", lambda i: i.payer, lambda i: i.payer),
        Column("Status", lambda i: _STATUS_LABELS.get(i.status, i.status), lambda i: i.status),
        Column("Receipt", lambda i: i.receipt_number, lambda i: i.receipt_number),
        Column("Look at", lambda i: i.problem, lambda i: i.problem),
    )

    def row_foreground(self, item: BatchItem) -> QColor | None:
        if item.status == "reversed":
            return _REVERSED_FOREGROUND
        return _SUSPECT_FOREGROUND if item.problem else None

    def row_background(self, item: BatchItem) -> QColor | None:
        return _SUSPECT_BACKGROUND if item.problem else None

    def row_tooltip(self, item: BatchItem) -> str | None:
        return item.problem or None


class KeyTable(QTableView):
    """A read-only table of rows; Enter, Delete and a few letters say so instead of editing."""

    enter_pressed = Signal()
    delete_pressed = Signal()
    letter_pressed = Signal(str)

    def __init__(self, name: str, letters: str = "") -> None:
        super().__init__()
        self.setObjectName(name)
        self._letters = letters.upper()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.enter_pressed.emit()
            return
        if plain and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event.accept()
            self.delete_pressed.emit()
            return
        text = event.text().upper()
        if plain and text and text in self._letters:
            event.accept()
            self.letter_pressed.emit(text)
            return
        super().keyPressEvent(event)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def choose(self, row: int) -> None:
        model = self.model()
        if model is not None and 0 <= row < model.rowCount():
            self.setCurrentIndex(model.index(row, 0))
            self.selectRow(row)


class _ReasonDialog(_FormDialog):
    """One reason, typed; Enter gives it (`reason`)."""

    def __init__(self, name: str, title: str, explain: str, action: str, placeholder: str,
                 parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(name, title, explain, action, parent)
        self.reason = ""
        self.reason_field = self._field(f"{name}Reason", "R&eason:", max_length=200, placeholder=placeholder)
        self.reason_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def missing(self, fields: Sequence[Any]) -> tuple[str, Any] | None:
        if not self.reason_field.text().strip():
            return "Give the reason.", self.reason_field
        return None

    def submit(self) -> None:
        if not self._checked():
            return
        self.reason = " ".join(self.reason_field.text().split())
        self.accept()


class MailBatchesDialog(QDialog):
    """The day's mail batches and the batch being keyed; `posted` holds the batches posted here."""

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None, *,
                 reports: Path | None = None, receipts: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("mailBatchesDialog")
        self.setWindowTitle("Mail batches")
        self._ctx = ctx
        self._operator = operator
        self._reports = reports
        self._receipts = receipts
        self.view: BatchView | None = None
        self.posted: list[PostedBatch] = []
        self.saved_to: Path | None = None
        self.posting = False  # a batch is being posted in the background
        self.side_dialog: QDialog | None = None  # a reason or a supervisor's approval, over this one
        self._stub: scanline.ScanLine | None = None
        self._stub_account = ""  # the stub's account as the city writes it (its zeros off, when so on file)
        self._account = ""  # the account found for what is in the scan field
        self._micr = ""
        self.guard = CardNumberGuard(self)
        self.guard.refused.connect(lambda field: self.refuse(CARD_NUMBER_REFUSED, field))

        self.pages = QStackedWidget()
        self.list_page = self._build_list_page()
        self.batch_page = self._build_batch_page()
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.batch_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumSize(1100, 720)
        self.show_list()

    # -- the list of batches ----------------------------------------------------------------------

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("mailBatchList")
        self.list_heading = QLabel("Mail batches")
        self.list_heading.setFont(_font(self, 1.3))
        explain = QLabel("↑ ↓ choose a batch, Enter opens it. N starts a new batch with the count and total from the "
                         "adding-machine tape. Esc closes.")  # fmt: skip
        explain.setWordWrap(True)
        self.batches_model = BatchesModel(self)
        self.batches_table = KeyTable("mailBatches", letters="N")
        self.batches_table.setModel(self.batches_model)
        self.batches_table.enter_pressed.connect(self.open_chosen)
        self.batches_table.letter_pressed.connect(lambda _letter: self.start_new_batch())
        self.batches_table.doubleClicked.connect(lambda _index: self.open_chosen())

        self.new_form = QFrame()
        self.new_form.setObjectName("newBatchForm")
        self.new_form.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel("New batch: the adding-machine tape")
        title.setFont(_font(self, 1.1))
        self.control_count_field = self._line("controlCount", 6, align_right=True)
        self.control_total_field = self._line("controlTotal", 16, align_right=True)
        form = QFormLayout()
        self._form_row(form, "Tape's &count of items:", self.control_count_field)
        self._form_row(form, "Tape's &total:", self.control_total_field)
        hint = QLabel("Enter moves on; Enter on the total opens the batch. Esc: not now.")
        hint.setStyleSheet("color: #555555;")
        box = QVBoxLayout(self.new_form)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(hint)
        self.new_form.hide()
        self._new_chain = EnterChain([self.control_count_field, self.control_total_field], self.open_new_batch, self)
        self._new_chain.on_enter(self.control_count_field, self._enter_in_control_count)

        self.list_message = message_label("mailBatchesMessage")
        self.new_button = QPushButton("&New batch (N)")
        self.new_button.setObjectName("newBatchButton")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.start_new_batch)
        close = QPushButton("Close (Esc)")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(page)
        layout.addWidget(self.list_heading)
        layout.addWidget(explain)
        layout.addWidget(self.batches_table, 1)
        layout.addWidget(self.new_form)
        layout.addWidget(self.list_message)
        layout.addLayout(buttons)
        return page

    def _line(self, name: str, max_length: int, *, align_right: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setMaxLength(max_length)
        if align_right:
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.guard.watch(field)
        return field

    @staticmethod
    def _form_row(form: QFormLayout, caption: str, field: QWidget) -> QLabel:
        label = QLabel(caption)
        label.setBuddy(field)
        form.addRow(label, field)
        return label

    def show_list(self, message: str = "", *, error: bool = False, choose: int | None = None) -> None:
        """Back to the day's batches, freshly read; `choose` puts the cursor on that batch."""
        from cashdesk.services.mail_batches import list_batches

        self.view = None
        self.pages.setCurrentWidget(self.list_page)
        self.new_form.hide()
        said: list[str] = []  # a refusal (no open business day) or a failure: said, the list stays empty
        listed = Operation(self, lambda: list_batches(self._ctx, self._operator), failed="{exc}",
                           log_as="listing the mail batches failed").failure(said.append).run_now()  # fmt: skip
        batches = listed if listed is not None else ()
        if said:
            message, error = said[0], True
        self.batches_model.set_rows(batches)
        day = batches[0].business_date if batches else None
        self.list_heading.setText(f"Mail batches — business day {date_text(day)}" if day else "Mail batches")
        if not message:
            message = (f"{len(batches)} batch{'es' if len(batches) != 1 else ''} today." if batches else
                       "No mail batches yet today. Press N to start one from the tape.")  # fmt: skip
        show_message(self.list_message, message, error=error)
        row = next((i for i, b in enumerate(batches) if b.id == choose), len(batches) - 1)
        self.batches_table.choose(row)
        self.batches_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_new_batch(self) -> None:
        self.control_count_field.clear()
        self.control_total_field.clear()
        self.new_form.show()
        show_message(self.list_message, "Type the tape's count of items, Enter, then its total, Enter.")
        focus_and_select(self.control_count_field)

    def _enter_in_control_count(self) -> bool:
        if self.guard.check_now():
            return True
        text = self.control_count_field.text().strip()
        if not text.isdigit() or int(text) < 1:
            self.refuse("Type how many items the tape counts, as a whole number (like 25).", self.control_count_field)
            return True
        return False

    def open_new_batch(self) -> None:
        from cashdesk.services.mail_batches import open_batch

        if self._enter_in_control_count():
            return
        try:
            total = Money.parse(self.control_total_field.text(), allow_zero=False)
        except MoneyError as exc:
            self.refuse(str(exc), self.control_total_field)
            return
        view = self._call("opening the batch", lambda: open_batch(
            self._ctx, self._operator, control_count=int(self.control_count_field.text()), control_total=total),
            self.control_count_field)  # fmt: skip
        if view is None:
            return
        self.new_form.hide()
        self.show_batch(view, f"Batch {view.number} is open: scan the first stub.")

    def open_chosen(self) -> None:
        from cashdesk.services.mail_batches import batch_view

        row = self.batches_table.current_row()
        if row < 0:
            self.start_new_batch()
            return
        chosen = self.batches_model.row_object(row)
        view = self._call("opening the batch", lambda: batch_view(self._ctx, self._operator, chosen.id),
                          self.batches_table)  # fmt: skip
        if view is not None:
            self.show_batch(view)

    # -- one batch -----------------------------------------------------------------------------------

    def _build_batch_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("mailBatchPage")
        self.batch_heading = QLabel()
        self.batch_heading.setObjectName("batchHeading")
        self.batch_heading.setFont(_font(self, 1.3))
        self.batch_heading.setWordWrap(True)

        totals = QGridLayout()
        self.tape_label = QLabel()
        self.tape_label.setObjectName("batchTape")
        self.entered_label = QLabel()
        self.entered_label.setObjectName("batchEntered")
        self.difference_label = QLabel()
        self.difference_label.setObjectName("batchDifference")
        for column, label in enumerate((self.tape_label, self.entered_label, self.difference_label)):
            label.setFont(_font(self, 1.5))
            label.setStyleSheet(_TAPE_STYLE)
            totals.addWidget(label, 0, column)

        self.entry = QFrame()
        self.entry.setObjectName("remittanceEntry")
        self.entry.setFrameShape(QFrame.Shape.StyledPanel)
        self.scan_field = self._line("remittanceScan", 40)
        self.scan_field.setPlaceholderText("Scan the stub, or type the account number")
        self.scan_field.setFont(_font(self, 1.2, bold=False))
        self.amount_field = self._line("remittanceAmount", 20, align_right=True)
        self.amount_field.setFont(_font(self, 1.2, bold=False))
        self.check_field = self._line("remittanceCheck", 64)
        self.check_field.setPlaceholderText("The check number, or run the check through the reader")
        self.payer_field = self._line("remittancePayer", 120)
        self.payer_field.setPlaceholderText("As printed on the check (empty: the account's name)")
        self.tender_combo = QComboBox()
        self.tender_combo.setObjectName("remittanceKind")
        for code, name in TENDERS:
            self.tender_combo.addItem(name, code)
        self.account_label = QLabel()
        self.account_label.setObjectName("remittanceAccount")
        self.account_label.setWordWrap(True)
        self.account_label.setStyleSheet("color: #1f4e79; font-weight: bold;")
        form = QFormLayout()
        self._form_row(form, "&Scan or account:", self.scan_field)
        form.addRow("", self.account_label)
        self._form_row(form, "A&mount:", self.amount_field)
        self.check_caption = self._form_row(form, "&Check number:", self.check_field)
        self._form_row(form, "Pa&yer:", self.payer_field)
        self._form_row(form, "Kind (Alt+&T):", self.tender_combo)
        entry_hint = QLabel("Enter moves on: stub or account, amount, check number (or the reader's MICR line), "
                            "payer; Enter on the payer adds the remittance.")  # fmt: skip
        entry_hint.setWordWrap(True)
        entry_hint.setStyleSheet("color: #555555;")
        box = QVBoxLayout(self.entry)
        box.addLayout(form)
        box.addWidget(entry_hint)
        self._chain = EnterChain([self.scan_field, self.amount_field, self.check_field, self.payer_field],
                                 self.add_remittance, self)  # fmt: skip
        self._chain.on_enter(self.scan_field, self._enter_in_scan)
        self._chain.on_enter(self.amount_field, self._enter_in_amount)
        self._chain.on_enter(self.check_field, self._enter_in_check)
        self.scan_field.textEdited.connect(self._scan_edited)
        self.check_field.textEdited.connect(lambda _text: setattr(self, "_micr", ""))  # typed over: not the read
        self.tender_combo.currentIndexChanged.connect(self._tender_changed)
        for first, second in ((self.scan_field, self.amount_field), (self.amount_field, self.check_field),
                              (self.check_field, self.payer_field), (self.payer_field, self.tender_combo)):  # fmt: skip
            QWidget.setTabOrder(first, second)

        self.items_model = ItemsModel(self)
        self.items_table = KeyTable("batchItems")
        self.items_table.setModel(self.items_model)
        self.items_table.delete_pressed.connect(self.remove_chosen)
        items_caption = QLabel("&Items (Delete takes the chosen one out while the batch is open):")
        items_caption.setBuddy(self.items_table)
        self.suspects_label = QLabel()
        self.suspects_label.setObjectName("batchSuspects")
        self.suspects_label.setWordWrap(True)
        self.suspects_label.setStyleSheet("color: #8b0000; font-weight: bold;")
        self.batch_message = message_label("batchMessage")
        self.batch_message.setFont(_font(self, 1.1, bold=False))

        self.balance_button = self._button("balanceBatch", "Balance (F9)", self.balance)
        self.post_button = self._button("postBatch", "Post (F12)", self.post)
        self.proof_button = self._button("proofList", "Proof &list (PDF)", self.proof_list)
        self.print_receipt_button = self._button("printMailReceipt", "&Receipt: print", lambda: self.receipt(True))
        self.pdf_receipt_button = self._button("pdfMailReceipt", "Receipt as P&DF", lambda: self.receipt(False))
        self.reject_button = self._button("rejectBatch", "Re&ject batch…", self.ask_reject)
        self.reverse_button = self._button("reverseItem", "Re&verse item…", self.ask_reverse)
        back = self._button("backToBatches", "Back to the list (Esc)", lambda: self.show_list(choose=self._batch_id()))
        buttons = QHBoxLayout()
        for button in (self.balance_button, self.post_button, self.proof_button, self.print_receipt_button,
                       self.pdf_receipt_button, self.reject_button, self.reverse_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(back)

        for key, slot in ((Qt.Key.Key_F9, self.balance), (Qt.Key.Key_F12, self.post)):
            shortcut = QShortcut(QKeySequence(key), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        layout = QVBoxLayout(page)
        layout.addWidget(self.batch_heading)
        layout.addLayout(totals)
        layout.addWidget(self.entry)
        layout.addWidget(self.batch_message)
        layout.addWidget(items_caption)
        layout.addWidget(self.items_table, 1)
        layout.addWidget(self.suspects_label)
        layout.addLayout(buttons)
        return page

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the entry or the items
        button.clicked.connect(slot)
        return button

    def _batch_id(self) -> int | None:
        return self.view.id if self.view is not None else None

    @property
    def takes_entries(self) -> bool:
        return self.view is not None and self.view.status == "open"

    def show_batch(self, view: BatchView, message: str = "", *, error: bool = False,
                   suspects: Sequence[BatchItem] | None = None) -> None:  # fmt: skip
        """The batch on screen: its figures against the tape, its items; the cursor where work goes on."""
        self.view = view
        self.pages.setCurrentWidget(self.batch_page)
        status = _STATUS_LABELS.get(view.status, view.status)
        source = f", from {view.source_file}" if view.source_file else ""
        extra = f" — rejected: {view.reject_reason}" if view.status == "rejected" and view.reject_reason else ""
        self.batch_heading.setText(f"Batch {view.number} — {view.owner} — {status}{source}{extra}")
        self.setWindowTitle(f"Mail batch {view.number}")
        self._show_figures(view)
        keep = self.items_table.current_row()
        self.items_model.set_rows(view.items)
        shown = view.suspects if suspects is None else suspects
        self.suspects_label.setText("\n".join(["Look at these items:", *(suspect_text(i) for i in shown)])
                                    if shown else "")  # fmt: skip
        self.suspects_label.setVisible(bool(shown))
        is_open = view.status == "open"
        self.entry.setVisible(is_open)
        self.balance_button.setEnabled(is_open)
        self.post_button.setEnabled(view.status in ("open", "balanced"))
        self.reject_button.setEnabled(view.status in ("open", "balanced"))
        posted = view.status == "posted"
        for button in (self.print_receipt_button, self.pdf_receipt_button, self.reverse_button):
            button.setEnabled(posted)
        show_message(self.batch_message, message or self._next_step(view), error=error)
        if is_open:
            self.items_table.choose(len(view.items) - 1)  # the last one keyed: ↑ from there to an earlier one
            self._clear_entry()
        else:
            self.items_table.choose(keep if 0 <= keep < len(view.items) else 0)
            self.items_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_figures(self, view: BatchView) -> None:
        self.tape_label.setText(f"Tape: {_items(view.control_count)}, {view.control_total.display()}")
        self.entered_label.setText(f"Entered: {_items(view.count)}, {view.total.display()}")
        self.difference_label.setText(difference_text(view))
        even = view.count_difference == 0 and view.total_difference.cents == 0
        self.difference_label.setStyleSheet(_EVEN_STYLE if even else _OFF_STYLE)
        self.difference_label.setProperty("balanced", even)

    @staticmethod
    def _next_step(view: BatchView) -> str:
        if view.status == "open":
            if view.count_difference == 0 and view.total_difference.cents == 0 and view.count:
                return "The entries add up to the tape: F9 balances the batch, F12 posts it."
            return "Scan the next stub (or type the account)."
        if view.status == "balanced":
            return "The batch balances to the tape: F12 posts it. Alt+L saves its proof list."
        if view.status == "posted":
            return ("Posted. Choose an item: Alt+R prints its receipt, Alt+D saves it as a PDF; Alt+V reverses it "
                    "(a supervisor approves).")  # fmt: skip
        return "This batch was rejected: nothing of it posted."

    # -- keying a remittance ------------------------------------------------------------------------

    def _clear_entry(self) -> None:
        self._stub = None
        self._stub_account = ""
        self._account = ""
        self._micr = ""
        for field in (self.scan_field, self.amount_field, self.check_field, self.payer_field):
            field.clear()
        self.account_label.clear()
        focus_and_select(self.scan_field)

    def _scan_edited(self, _text: str) -> None:
        self._stub = None  # typed over: no longer the stub that was scanned
        self._stub_account = ""
        self._account = ""

    def _tender_changed(self, _index: int) -> None:
        code = self.tender_combo.currentData()
        self.check_caption.setText("&Check number:" if code == "check" else "S&erial number:")

    def _enter_in_scan(self) -> bool:
        from cashdesk.services.accounts import account_detail
        from cashdesk.services.context import ServiceError

        if self.guard.check_now():
            return True
        text = self.scan_field.text().strip()
        if not text:
            self.refuse("Scan the stub, or type the account number.", self.scan_field)
            return True
        self._stub = None
        self._stub_account = self._account = ""
        candidates = [text]
        if text.isascii() and text.isdigit() and len(text) >= 20:
            try:
                stub = scanline.parse(text)
            except scanline.ScanLineError as exc:
                self.scan_field.clear()
                self.refuse(str(exc), self.scan_field)
                return True
            candidates = [stub.account]
            if stub.account.lstrip("0") and stub.account.lstrip("0") != stub.account:
                candidates.append(stub.account.lstrip("0"))  # the billing system pads the number to 10 digits
            self._stub = stub
        detail = None
        for number in candidates:
            try:
                detail = account_detail(self._ctx, number)
                break
            except ServiceError:
                continue
        if detail is None:
            self._stub = None
            self.account_label.clear()
            shown = candidates[-1]
            self.refuse(f"No account {shown} on file. Check the number on the stub, or set the remittance aside.",
                        self.scan_field)  # fmt: skip
            return True
        account = detail.account
        self._account = account.number
        note = f"Account {account.number} — {account.name}: balance {detail.balance.display()}"
        if self._stub is not None:
            self._stub_account = account.number
            self.amount_field.setText(self._stub.amount_due.plain())
            note += f"; the stub asks {self._stub.amount_due.display()}, due {self._stub.due_date:%m/%d/%Y}"
        flags = [f for f in detail.flags if f.startswith(("Cash only", "Shut off", "Closed", "Final bill"))]
        if flags:
            note += "  ·  " + "  ·  ".join(flag.upper() for flag in flags)
        self.account_label.setText(note)
        show_message(self.batch_message, "Enter keeps the amount; type the check's amount if it differs.")
        return False

    def _enter_in_amount(self) -> bool:
        if self.guard.check_now():
            return True
        if self.tender_combo.currentData() == "check" and looks_like_micr(self.amount_field.text()):
            # The reader ran the check while the cursor was in the amount: read it, keep the stub's amount.
            self.check_field.setText(self.amount_field.text())
            self.amount_field.setText(self._stub.amount_due.plain() if self._stub is not None else "")
            self._read_micr()
            if not self.amount_field.text():
                self.refuse("The check is read: now type its amount.", self.amount_field)
            return True
        try:
            Money.parse(self.amount_field.text(), allow_zero=False)
        except MoneyError as exc:
            self.refuse(str(exc), self.amount_field)
            return True
        return False

    def _enter_in_check(self) -> bool:
        if self.guard.check_now():
            return True
        if self.tender_combo.currentData() == "check" and looks_like_micr(self.check_field.text()):
            self._read_micr()
            return True
        if not self.check_field.text().strip():
            what = "check number" if self.tender_combo.currentData() == "check" else "money order's serial number"
            self.refuse(f"Type the {what} (or run the check through the reader).", self.check_field)
            return True
        return False

    def _read_micr(self) -> bool:
        try:
            read = micr.parse(self.check_field.text())
        except micr.MicrError as exc:
            self.check_field.clear()
            self._micr = ""
            self.refuse(str(exc), self.check_field)
            return True
        self._micr = self.check_field.text().strip()
        self.check_field.setText(read.check_number)
        show_message(self.batch_message, f"Read from the check: routing {read.routing}, account {read.account}, "
                                         f"check {read.check_number}.")  # fmt: skip
        focus_and_select(self.payer_field)
        return True

    def add_remittance(self) -> None:
        from cashdesk.services.mail_batches import add_remittance

        if self.view is None or not self.takes_entries or self.guard.check_now():
            return
        if not self._account and self._enter_in_scan():
            return
        if self._enter_in_amount():
            return
        if self._enter_in_check():
            return
        amount = Money.parse(self.amount_field.text(), allow_zero=False)
        tender = str(self.tender_combo.currentData())
        stub = self._stub
        number = self.check_field.text().strip()
        # A stub whose padded number is on file goes in as scanned (the service checks it against the stub);
        # one the city writes without the zeros goes in by its account, at the amount the stub filled in.
        scanned = stub is not None and self._stub_account == stub.account
        account = "" if scanned else self._account
        batch = self.view
        view = self._call("adding the remittance", lambda: add_remittance(
            self._ctx, self._operator, batch.id, scan_line=self.scan_field.text().strip() if scanned else "",
            account=account, amount=amount, check_number=number, payer=self.payer_field.text(),
            micr=self._micr if tender == "check" else "", tender=tender), self.scan_field)  # fmt: skip
        if view is None:
            return
        assert view.items
        added = view.items[-1]
        warn = f" Look at it: {added.problem}" if added.problem else ""
        self.show_batch(view, f"Item {added.seq} added: account {added.account}, {added.amount.display()}.{warn} "
                              "Scan the next stub.", error=bool(added.problem))  # fmt: skip
        self.items_table.scrollToBottom()

    def remove_chosen(self) -> None:
        from cashdesk.services.mail_batches import remove_remittance

        item = self._chosen_item()
        if item is None or self.view is None:
            return
        if not self.takes_entries:
            self.refuse(f"Batch {self.view.number} is {self.view.status}: items come out of open batches only."
                        + (" A posted item is reversed (Alt+V)." if self.view.status == "posted" else ""),
                        self.items_table)  # fmt: skip
            return
        batch, row = self.view, self.items_table.current_row()
        view = self._call("taking the item out", lambda: remove_remittance(self._ctx, self._operator, batch.id,
                                                                            item.id), self.items_table)  # fmt: skip
        if view is None:
            return
        self.show_batch(view, f"Item {item.seq} taken out (account {item.account}, {item.amount.display()}). Scan "
                              "the next stub, or F9 to balance.")  # fmt: skip
        self.items_table.choose(min(row, len(view.items) - 1))

    def _chosen_item(self) -> BatchItem | None:
        row = self.items_table.current_row()
        if row < 0 or self.view is None or row >= len(self.view.items):
            self.refuse("Choose an item first: Alt+I goes to the items, ↑ ↓ chooses.", self.items_table)
            return None
        return self.items_model.row_object(row)

    # -- balancing and posting ---------------------------------------------------------------------

    def balance(self) -> bool:
        """F9: open → balanced when it adds up to the tape; otherwise the difference and the suspects, in words."""
        from cashdesk.services.mail_batches import BatchUnbalanced, balance_batch

        if self.view is None or self.side_dialog is not None:
            return False
        if self.view.status != "open":
            return self.view.status == "balanced"
        batch = self.view
        # On the GUI thread: F12 balances first, then posts with what this answers.
        view = Operation(self, lambda: balance_batch(self._ctx, self._operator, batch.id),
                         failed="The batch could not be balanced ({exc}). Call your supervisor.",
                         log_as="balancing the mail batch failed")\
            .handle(BatchUnbalanced, lambda exc: self.show_batch(exc.view, str(exc), error=True,
                                                                 suspects=exc.view.suspects))\
            .failure(self.refuse).run_now()  # fmt: skip
        if view is None:
            return False
        suspects = f" Look at {_items(len(view.suspects))} in red before posting." if view.suspects else ""
        self.show_batch(view, f"Batch {view.number} balances to the tape: {_items(view.count)}, "
                              f"{view.total.display()}.{suspects} F12 posts it.")  # fmt: skip
        return True

    def post(self) -> None:
        """F12: post a balanced batch (an open one is balanced first); one receipt per remittance."""
        from cashdesk.services.mail_batches import post_batch

        if self.view is None or self.side_dialog is not None or self.posting:
            return
        if self.view.status not in ("open", "balanced"):
            self.refuse(f"Batch {self.view.number} is {self.view.status}: nothing to post.")
            return
        if not self.balance():
            return
        batch = self.view
        ctx, operator = self._ctx, self._operator

        def posted(result: PostedBatch) -> None:
            self.posting = False
            self.posted.append(result)
            receipts = result.receipts
            span = f"{receipts[0]} to {receipts[-1]}" if len(receipts) > 1 else (receipts[0] if receipts else "none")
            self.show_batch(result.view, f"Batch {result.view.number} is posted: {_items(len(receipts))}, "
                                         f"{result.total.display()}, receipts {span}. Receipts print only on request "
                                         "(Alt+R); the checks go in today's deposit.")  # fmt: skip

        def refused(text: str) -> None:
            self.posting = False
            self.refuse(text, self.items_table)

        # Off the GUI thread: a receipt per remittance, in one unit of work; F12 waits for the answer.
        self.posting = True
        Operation(self, lambda: post_batch(ctx, operator, batch.id),
                  failed="Posting the batch could not be done ({exc}). Call your supervisor.",
                  log_as="posting the batch failed").success(posted).failure(refused).run_in_background()  # fmt: skip

    # -- documents ----------------------------------------------------------------------------------

    def proof_list(self) -> None:
        from cashdesk.services.balancing import reports_folder
        from cashdesk.services.mail_batches import proof_list_pdf

        if self.view is None:
            return
        batch = self.view
        ctx, operator = self._ctx, self._operator
        folder = self._reports if self._reports is not None else reports_folder(ctx)

        def saved(path: Path) -> None:
            self.saved_to = path
            show_message(self.batch_message, f"The proof list of batch {batch.number} is saved: {path}")

        # A PDF: written off the GUI thread.
        Operation(self, lambda: proof_list_pdf(ctx, operator, batch.id, folder),
                  failed="Saving the proof list could not be done ({exc}). Call your supervisor.",
                  log_as="saving the proof list failed")\
            .success(saved).failure(self.refuse).run_in_background()  # fmt: skip

    def receipt(self, print_it: bool) -> None:
        from cashdesk.services.mail_batches import mail_receipt
        from cashdesk.ui import counter_extras

        item = self._chosen_item()
        if item is None:
            return
        if not item.receipt_number:
            self.refuse(f"Item {item.seq} is not posted: its receipt exists once the batch posts.", self.items_table)
            return
        folder = None if print_it else (self._receipts if self._receipts is not None else
                                         counter_extras.receipts_folder())  # fmt: skip
        done = self._call("the mail receipt", lambda: mail_receipt(self._ctx, self._operator, item.id,
                                                                    folder=folder, print_it=print_it),
                          self.items_table, none_ok=True)  # fmt: skip
        if done is _FAILED:
            return
        if print_it:
            show_message(self.batch_message, f"Receipt {item.receipt_number} (item {item.seq}) is printing.")
            self._kick_printer()
        else:
            assert isinstance(done, Path)
            self.saved_to = done
            show_message(self.batch_message, f"Receipt {item.receipt_number} (item {item.seq}) is saved: {done}")
        self.items_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _kick_printer(self) -> None:
        window = self.parentWidget()
        queue = getattr(window, "print_queue", None) if window is not None else None
        if queue is not None:
            queue.kick()

    # -- rejecting and reversing ---------------------------------------------------------------------

    def _open_side(self, dialog: QDialog, done: Callable[[QDialog], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.side_dialog = None
            if not self.isVisible():
                return
            self.activateWindow()
            if result == QDialog.DialogCode.Accepted:
                done(dialog)
            elif self.view is not None:
                self.show_batch(self.view, "Nothing was changed.")

        dialog.finished.connect(finished)
        self.side_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def ask_reject(self) -> None:
        from cashdesk.services.mail_batches import reject_batch

        if self.view is None or self.side_dialog is not None:
            return
        if self.view.status not in ("open", "balanced"):
            self.refuse(f"Batch {self.view.number} is {self.view.status}: it cannot be rejected.")
            return
        batch = self.view
        dialog = _ReasonDialog("rejectBatchDialog", f"Reject batch {batch.number}",
                               "The batch is set aside for good: nothing of it posts. Say why.", "Re&ject",
                               "For example: the tape is wrong, the checks go back", self)  # fmt: skip

        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, _ReasonDialog)
            view = self._call("rejecting the batch", lambda: reject_batch(self._ctx, self._operator, batch.id,
                                                                          dialog.reason), None)  # fmt: skip
            if view is not None:
                self.show_batch(view, f"Batch {batch.number} is rejected: {dialog.reason}")

        self._open_side(dialog, done)

    def ask_reverse(self) -> None:
        if self.view is None or self.side_dialog is not None:
            return
        if self.view.status != "posted":
            self.refuse(f"Batch {self.view.number} is not posted: take an item out with Delete instead.")
            return
        item = self._chosen_item()
        if item is None:
            return
        if item.status == "reversed":
            self.refuse(f"Item {item.seq} is already reversed.", self.items_table)
            return
        dialog = _ReasonDialog("reverseItemDialog", f"Reverse item {item.seq} ({item.receipt_number})",
                               f"Account {item.account}, {item.amount.display()}: the payment comes off the account "
                               "and its receipt is void. Say why; a supervisor approves.", "&Reverse…",
                               "For example: keyed to the wrong account", self)  # fmt: skip
        self._open_side(dialog, lambda d: self._approve_reversal(item, d))

    def _approve_reversal(self, item: BatchItem, dialog: QDialog) -> None:
        from cashdesk.services.mail_batches import reversal_object

        assert isinstance(dialog, _ReasonDialog)
        reason = dialog.reason
        approval = ApprovalDialog(self._ctx, action=OverrideAction.MAIL_REVERSAL, requested_by=self._operator,
                                  object=reversal_object(item), reason=f"{item.amount.display()} — {reason}",
                                  parent=self)  # fmt: skip
        self._open_side(approval, lambda d: self._reverse(item, reason, d))

    def _reverse(self, item: BatchItem, reason: str, dialog: QDialog) -> None:
        from cashdesk.services.mail_batches import reverse_item

        assert isinstance(dialog, ApprovalDialog) and self.view is not None
        approval = dialog.approval
        if approval is None:
            self.show_batch(self.view, "Not reversed: a supervisor did not approve it.", error=True)
            return
        batch = self.view
        view = self._call("reversing the item", lambda: reverse_item(self._ctx, self._operator, batch.id, item.id,
                                                                     reason, approval_id=approval.id),
                          self.items_table)  # fmt: skip
        if view is not None:
            self.show_batch(view, f"Item {item.seq} ({item.receipt_number}, {item.amount.display()}) is reversed, "
                                  f"approved by {approval.approved_by}: account {item.account} owes it "
                                  "again.")  # fmt: skip
            self._kick_printer()

    # -- keys, refusals ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            if self.pages.currentWidget() is self.batch_page:
                self.setWindowTitle("Mail batches")
                self.show_list(choose=self._batch_id())
            elif self.new_form.isVisible():
                self.new_form.hide()
                self.show_list()
            else:
                self.reject()
            return
        super().keyPressEvent(event)

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        label = self.batch_message if self.pages.currentWidget() is self.batch_page else self.list_message
        show_message(label, text, error=True)
        if field is not None:
            focus_and_select(field)

    def _call(self, what: str, call: Callable[[], Any], field: QWidget | None, *, none_ok: bool = False) -> Any:
        """The service's answer; a refusal (or a failure) is said here and gives None (`_FAILED` if none_ok)."""
        failed = f"{what[:1].upper()}{what[1:]} could not be done ({{exc}}). Call your supervisor."
        operation = Operation(self, call, failed=failed, log_as=f"{what} failed")
        result = operation.failure(lambda text: self.refuse(text, field)).run_now()
        return _FAILED if operation.failed and none_ok else result


_FAILED = object()


__all__ = ["BatchesModel", "ItemsModel", "MailBatchesDialog", "difference_text", "suspect_text"]
