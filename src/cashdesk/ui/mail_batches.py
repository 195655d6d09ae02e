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

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.money import Money, MoneyError
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, EnterChain, focus_and_select
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import explanation, named_label, side_by_side
from cashdesk.ui.labels import heading_font as _font
from cashdesk.ui.mail_batch_actions import BatchActions
from cashdesk.ui.mail_batch_entry import RemittanceEntry, form_row, guarded_line
from cashdesk.ui.mail_batch_keying import BatchKeying
from cashdesk.ui.mail_batch_tables import (
    EVEN_STYLE,
    FAILED,
    OFF_STYLE,
    STATUS_LABELS,
    TAPE_STYLE,
    BatchesModel,
    ItemsModel,
    KeyTable,
    difference_text,
    items_text,
    suspect_text,
)
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.mail_batches import BatchItem, BatchView, PostedBatch

log = logging.getLogger(__name__)


class MailBatchesDialog(QDialog):
    """The day's mail batches and the batch being keyed; `posted` holds the batches posted here."""

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None, *,
                 reports: Path | None = None, receipts: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("mailBatchesDialog")
        self.setWindowTitle(translate("mail_batches", "Mail batches"))
        self.ctx = ctx
        self.operator = operator
        self.reports = reports  # where proof lists are saved (None: the reports folder)
        self.receipts = receipts  # where mail receipts are saved (None: the receipts folder)
        self.view: BatchView | None = None
        self.posted: list[PostedBatch] = []
        self.saved_to: Path | None = None
        self.posting = False  # a batch is being posted in the background
        self.side_dialog: QDialog | None = None  # a reason or a supervisor's approval, over this one
        self.keying = BatchKeying(self)
        self.batch_actions = BatchActions(self)
        self.guard = CardNumberGuard(self)
        self.guard.refused.connect(lambda field: self.refuse(translate("fields", CARD_NUMBER_REFUSED), field))

        self.pages = QStackedWidget()
        self.list_page = self._build_list_page()
        self.batch_page = self._build_batch_page()
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.batch_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumSize(980, 660)  # fits a 1024×768 screen
        mark_focus(self)  # a button or box with the keyboard shows it
        self.show_list()

    # -- the list of batches ----------------------------------------------------------------------

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("mailBatchList")
        self.list_heading = QLabel(translate("mail_batches", "Mail batches"))
        self.list_heading.setFont(_font(self, 1.3))
        explain = explanation(
            translate(
                "mail_batches",
                "↑ ↓ choose a batch, Enter opens it. N starts a new batch with the count and total from the "
                "adding-machine tape. Esc closes.",
            )
        )
        self.batches_model = BatchesModel(self)
        self.batches_table = KeyTable("mailBatches", letters="N")
        self.batches_table.setModel(self.batches_model)
        self.batches_table.enter_pressed.connect(self.open_chosen)
        self.batches_table.letter_pressed.connect(lambda _letter: self.start_new_batch())
        self.batches_table.doubleClicked.connect(lambda _index: self.open_chosen())

        self.new_form = QFrame()
        self.new_form.setObjectName("newBatchForm")
        self.new_form.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(translate("mail_batches", "New batch: the adding-machine tape"))
        title.setFont(_font(self, 1.1))
        self.control_count_field = guarded_line(self.guard, "controlCount", 6, align_right=True)
        self.control_total_field = guarded_line(self.guard, "controlTotal", 16, align_right=True)
        form = QFormLayout()
        form_row(form, translate("mail_batches", "Tape's &count of items:"), self.control_count_field)
        form_row(form, translate("mail_batches", "Tape's &total:"), self.control_total_field)
        hint = QLabel(translate("mail_batches", "Enter moves on; Enter on the total opens the batch. Esc: not now."))
        hint.setStyleSheet("color: #555555;")
        box = QVBoxLayout(self.new_form)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(hint)
        self.new_form.hide()
        self._new_chain = EnterChain([self.control_count_field, self.control_total_field], self.open_new_batch, self)
        self._new_chain.on_enter(self.control_count_field, self._enter_in_control_count)

        self.list_message = message_label("mailBatchesMessage")
        self.new_button = QPushButton(translate("mail_batches", "&New batch (N)"))
        self.new_button.setObjectName("newBatchButton")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.start_new_batch)
        close = QPushButton(translate("mail_batches", "Close (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = side_by_side(self.new_button, right=[close])

        layout = QVBoxLayout(page)
        layout.addWidget(self.list_heading)
        layout.addWidget(explain)
        layout.addWidget(self.batches_table, 1)
        layout.addWidget(self.new_form)
        layout.addWidget(self.list_message)
        layout.addLayout(buttons)
        return page

    def show_list(self, message: str = "", *, error: bool = False, choose: int | None = None) -> None:
        """Back to the day's batches, freshly read; `choose` puts the cursor on that batch."""
        from cashdesk.services.mail_batches import list_batches

        self.view = None
        self.pages.setCurrentWidget(self.list_page)
        self.new_form.hide()
        said: list[str] = []  # a refusal (no open business day) or a failure: said, the list stays empty
        listed = Operation(self, lambda: list_batches(self.ctx, self.operator), failed="{exc}",
                           log_as="listing the mail batches failed").failure(said.append).run_now()  # fmt: skip
        batches = listed if listed is not None else ()
        if said:
            message, error = said[0], True
        self.batches_model.set_rows(batches)
        day = batches[0].business_date if batches else None
        self.list_heading.setText(
            translate("mail_batches", "Mail batches — business day {date_text}").format(date_text=date_text(day))
            if day
            else translate("mail_batches", "Mail batches")
        )
        if not message:
            message = (
                translate("mail_batches", "{batches} batch{value2} today.").format(
                    batches=len(batches), value2="es" if len(batches) != 1 else ""
                )
                if batches
                else translate("mail_batches", "No mail batches yet today. Press N to start one from the tape.")
            )
        show_message(self.list_message, message, error=error)
        row = next((i for i, b in enumerate(batches) if b.id == choose), len(batches) - 1)
        self.batches_table.choose(row)
        self.batches_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_new_batch(self) -> None:
        self.control_count_field.clear()
        self.control_total_field.clear()
        self.new_form.show()
        show_message(
            self.list_message,
            translate("mail_batches", "Type the tape's count of items, Enter, then its total, Enter."),
        )
        focus_and_select(self.control_count_field)

    def _enter_in_control_count(self) -> bool:
        if self.guard.check_now():
            return True
        text = self.control_count_field.text().strip()
        if not text.isdigit() or int(text) < 1:
            self.refuse(
                translate("mail_batches", "Type how many items the tape counts, as a whole number (like 25)."),
                self.control_count_field,
            )
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
        view = self.call(translate("mail_batches", "opening the batch"), lambda: open_batch(
            self.ctx, self.operator, control_count=int(self.control_count_field.text()), control_total=total),
            self.control_count_field)  # fmt: skip
        if view is None:
            return
        self.new_form.hide()
        self.show_batch(
            view, translate("mail_batches", "Batch {number} is open: scan the first stub.").format(number=view.number)
        )

    def open_chosen(self) -> None:
        from cashdesk.services.mail_batches import batch_view

        row = self.batches_table.current_row()
        if row < 0:
            self.start_new_batch()
            return
        chosen = self.batches_model.row_object(row)
        view = self.call(
            translate("mail_batches", "opening the batch"),
            lambda: batch_view(self.ctx, self.operator, chosen.id),
            self.batches_table,
        )
        if view is not None:
            self.show_batch(view)

    # -- one batch -----------------------------------------------------------------------------------

    def _build_batch_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("mailBatchPage")
        self.batch_heading = named_label("batchHeading", font=_font(self, 1.3))

        totals = self._build_totals()
        self.entry = RemittanceEntry(self)
        entry = self.entry  # its fields, as the keying, the actions and the tests find them on the dialog
        self.scan_field, self.amount_field, self.check_field = entry.scan_field, entry.amount_field, entry.check_field
        self.payer_field, self.tender_combo = entry.payer_field, entry.tender_combo
        self.account_label, self.check_caption = entry.account_label, entry.check_caption

        self.items_model = ItemsModel(self)
        self.items_table = KeyTable("batchItems")
        self.items_table.setModel(self.items_model)
        self.items_table.delete_pressed.connect(self.keying.remove_chosen)
        items_caption = QLabel(
            translate("mail_batches", "&Items (Delete takes the chosen one out while the batch is open):")
        )
        items_caption.setBuddy(self.items_table)
        self.suspects_label = named_label("batchSuspects")
        self.suspects_label.setStyleSheet("color: #8b0000; font-weight: bold;")
        self.batch_message = message_label("batchMessage")
        self.batch_message.setFont(_font(self, 1.1, bold=False))

        buttons = self._build_batch_buttons(page)

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

    def _build_totals(self) -> QGridLayout:
        """The tape's count and total, what is entered, and the difference: large, side by side."""
        totals = QGridLayout()
        self.tape_label = QLabel()
        self.tape_label.setObjectName("batchTape")
        self.entered_label = QLabel()
        self.entered_label.setObjectName("batchEntered")
        self.difference_label = QLabel()
        self.difference_label.setObjectName("batchDifference")
        for column, label in enumerate((self.tape_label, self.entered_label, self.difference_label)):
            label.setFont(_font(self, 1.5))
            label.setStyleSheet(TAPE_STYLE)
            totals.addWidget(label, 0, column)
        return totals

    def _build_batch_buttons(self, page: QWidget) -> QLayout:
        """What is done with the batch (F9 and F12 while the page shows), and back to the list."""
        self.balance_button = self._button(
            "balanceBatch", translate("mail_batches", "Balance (F9)"), self.batch_actions.balance
        )
        self.post_button = self._button("postBatch", translate("mail_batches", "Post (F12)"), self.batch_actions.post)
        self.proof_button = self._button(
            "proofList", translate("mail_batches", "Proof &list (PDF)"), self.batch_actions.proof_list
        )
        self.print_receipt_button = self._button(
            "printMailReceipt", translate("mail_batches", "&Receipt: print"), lambda: self.batch_actions.receipt(True)
        )
        self.pdf_receipt_button = self._button(
            "pdfMailReceipt", translate("mail_batches", "Receipt as P&DF"), lambda: self.batch_actions.receipt(False)
        )
        self.reject_button = self._button(
            "rejectBatch", translate("mail_batches", "Re&ject batch…"), self.batch_actions.ask_reject
        )
        self.reverse_button = self._button(
            "reverseItem", translate("mail_batches", "Re&verse item…"), self.batch_actions.ask_reverse
        )
        back = self._button(
            "backToBatches",
            translate("mail_batches", "Back to the list (Esc)"),
            lambda: self.show_list(choose=self._batch_id()),
        )
        buttons = side_by_side(
            self.balance_button, self.post_button, self.proof_button, self.print_receipt_button,
            self.pdf_receipt_button, self.reject_button, self.reverse_button, right=[back],
        )  # fmt: skip

        for key, slot in ((Qt.Key.Key_F9, self.batch_actions.balance), (Qt.Key.Key_F12, self.batch_actions.post)):
            shortcut = QShortcut(QKeySequence(key), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return buttons

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
        status = translate("mail_batch_tables", STATUS_LABELS.get(view.status, view.status))
        source = (
            translate("mail_batches", ", from {source_file}").format(source_file=view.source_file)
            if view.source_file
            else ""
        )
        extra = (
            translate("mail_batches", " — rejected: {reject_reason}").format(reject_reason=view.reject_reason)
            if view.status == "rejected" and view.reject_reason
            else ""
        )
        self.batch_heading.setText(
            translate("mail_batches", "Batch {number} — {owner} — {status}{source}{extra}").format(
                number=view.number, owner=view.owner, status=status, source=source, extra=extra
            )
        )
        self.setWindowTitle(translate("mail_batches", "Mail batch {number}").format(number=view.number))
        self._show_figures(view)
        keep = self.items_table.current_row()
        self.items_model.set_rows(view.items)
        shown = view.suspects if suspects is None else suspects
        self.suspects_label.setText("\n".join([translate("mail_batches", "Look at these items:"),
                                                *(suspect_text(i) for i in shown)])
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
            self.keying.clear_entry()
        else:
            self.items_table.choose(keep if 0 <= keep < len(view.items) else 0)
            self.items_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_figures(self, view: BatchView) -> None:
        self.tape_label.setText(
            translate("mail_batches", "Tape: {items_text}, {control_total}").format(
                items_text=items_text(view.control_count), control_total=view.control_total.display()
            )
        )
        self.entered_label.setText(
            translate("mail_batches", "Entered: {items_text}, {total}").format(
                items_text=items_text(view.count), total=view.total.display()
            )
        )
        self.difference_label.setText(difference_text(view))
        even = view.count_difference == 0 and view.total_difference.cents == 0
        self.difference_label.setStyleSheet(EVEN_STYLE if even else OFF_STYLE)
        self.difference_label.setProperty("balanced", even)

    @staticmethod
    def _next_step(view: BatchView) -> str:
        if view.status == "open":
            if view.count_difference == 0 and view.total_difference.cents == 0 and view.count:
                return translate("mail_batches", "The entries add up to the tape: F9 balances the batch, F12 posts it.")
            return translate("mail_batches", "Scan the next stub (or type the account).")
        if view.status == "balanced":
            return translate(
                "mail_batches", "The batch balances to the tape: F12 posts it. Alt+L saves its proof list."
            )
        if view.status == "posted":
            return translate(
                "mail_batches",
                "Posted. Choose an item: Alt+R prints its receipt, Alt+D saves it as a PDF; Alt+V reverses it "
                "(a supervisor approves).",
            )
        return translate("mail_batches", "This batch was rejected: nothing of it posted.")

    # -- keying a remittance ------------------------------------------------------------------------

    # -- balancing and posting ---------------------------------------------------------------------

    # -- documents ----------------------------------------------------------------------------------

    # -- rejecting and reversing ---------------------------------------------------------------------

    # -- keys, refusals ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            if self.pages.currentWidget() is self.batch_page:
                self.setWindowTitle(translate("mail_batches", "Mail batches"))
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

    def call(self, what: str, call: Callable[[], Any], field: QWidget | None, *, none_ok: bool = False) -> Any:
        """The service's answer; a refusal (or a failure) is said here and gives None (`FAILED` if none_ok)."""
        failed = translate("mail_batches", "{what}{what2} could not be done ({{exc}}). Call your supervisor.").format(
            what=what[:1].upper(), what2=what[1:]
        )
        operation = Operation(self, call, failed=failed, log_as=f"{what} failed")
        result = operation.failure(lambda text: self.refuse(text, field)).run_now()
        return FAILED if operation.failed and none_ok else result


__all__ = ["BatchesModel", "ItemsModel", "MailBatchesDialog", "difference_text", "suspect_text"]
