"""What the mail batches window shows in its tables and words: the batches and their items, the
figures against the tape, suspect items, and the keyboard-first table and reason dialog it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from cashdesk.domain.money import Money
from cashdesk.ui.counter_extras import FormDialog
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import rows_to_choose
from cashdesk.ui.models import Column, RowsModel, money_column

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cashdesk.services.mail_batches import BatchItem, BatchView


#: What a remittance can be; cash that comes by mail is taken at the counter, into a drawer.
TENDERS = (
    ("check", QT_TRANSLATE_NOOP("mail_batch_tables", "Check")),
    ("money_order", QT_TRANSLATE_NOOP("mail_batch_tables", "Money order")),
)
_TENDER_LABELS = {**dict(TENDERS), "cash": QT_TRANSLATE_NOOP("mail_batch_tables", "Cash")}
STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("mail_batch_tables", "Open"),
    "balanced": QT_TRANSLATE_NOOP("mail_batch_tables", "Balanced"),
    "posted": QT_TRANSLATE_NOOP("mail_batch_tables", "Posted"),
    "rejected": QT_TRANSLATE_NOOP("mail_batch_tables", "Rejected"),
    "entered": QT_TRANSLATE_NOOP("mail_batch_tables", "Entered"),
    "reversed": QT_TRANSLATE_NOOP("mail_batch_tables", "Reversed"),
}
_SUSPECT_BACKGROUND = QColor("#fde2e2")
_SUSPECT_FOREGROUND = QColor("#8b0000")
_REVERSED_FOREGROUND = QColor("#777777")
OFF_STYLE = "color: white; background: #b00020; font-weight: bold; padding: 6px;"
EVEN_STYLE = "color: white; background: #1b5e20; font-weight: bold; padding: 6px;"
TAPE_STYLE = "font-weight: bold; padding: 6px;"


def items_text(count: int) -> str:
    return translate("mail_batch_tables", "{count} item{value2}").format(count=count, value2="s" if count != 1 else "")


def _signed_items(count: int) -> str:
    return f"{'+' if count > 0 else '−' if count < 0 else ''}{items_text(abs(count))}"


def _signed_money(amount: Money) -> str:
    return f"{'+' if amount.cents > 0 else '−' if amount.cents < 0 else ''}{Money(abs(amount.cents)).display()}"


def difference_text(view: BatchView) -> str:
    """What the difference line says: "Balanced with the tape" or "Difference: −1 item, −$100.00"."""
    if view.count_difference == 0 and view.total_difference.cents == 0:
        return translate("mail_batch_tables", "Balanced with the tape")
    return translate("mail_batch_tables", "Difference: {signed_items}, {signed_money}").format(
        signed_items=_signed_items(view.count_difference), signed_money=_signed_money(view.total_difference)
    )


def suspect_text(item: BatchItem) -> str:
    """A suspect item in words, for the list under the table."""
    name = f" ({item.account_name})" if item.account_name else ""
    check = (
        translate("mail_batch_tables", ", check {check_number}").format(check_number=item.check_number)
        if item.check_number
        else ""
    )
    return translate("mail_batch_tables", "Item {seq}: account {account}{name}, {amount}{check} — {problem}").format(
        seq=item.seq, account=item.account, name=name, amount=item.amount.display(), check=check, problem=item.problem
    )


def control_text(view: BatchView) -> str:
    return f"{view.count}/{view.control_count}"


#: What `MailBatchesDialog.call(..., none_ok=True)` gives when the service refused or failed.
FAILED = object()


class BatchesModel(RowsModel["BatchView"]):
    """The day's batches, oldest first."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Batch"), lambda b: b.number, lambda b: b.number),
        Column(QT_TRANSLATE_NOOP("columns", "Owner"), lambda b: b.owner, lambda b: b.owner),
        Column(
            QT_TRANSLATE_NOOP("columns", "Status"),
            lambda b: translate("mail_batch_tables", STATUS_LABELS.get(b.status, b.status)),
            lambda b: b.status,
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Items / tape"), control_text, lambda b: b.count),
        Column(
            QT_TRANSLATE_NOOP("columns", "Entered"),
            lambda b: b.total.display(),
            lambda b: b.total.cents,
            money=True,
        ),
        money_column(QT_TRANSLATE_NOOP("columns", "Tape total"), lambda b: b.control_total),
        Column(
            QT_TRANSLATE_NOOP("columns", "Difference"),
            lambda b: "" if b.status in ("posted", "rejected") else difference_text(b).removeprefix("Difference: "),
            lambda b: abs(b.total_difference.cents),
        ),
    )

    def row_foreground(self, item: BatchView) -> QColor | None:
        if item.status == "rejected":
            return _REVERSED_FOREGROUND
        return None


class ItemsModel(RowsModel["BatchItem"]):
    """A batch's remittances in the order keyed; suspects in red, reversed items grey."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "No."), lambda i: str(i.seq), lambda i: i.seq),
        Column(QT_TRANSLATE_NOOP("columns", "Account"), lambda i: i.account, lambda i: i.account),
        Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda i: i.account_name, lambda i: i.account_name),
        money_column(QT_TRANSLATE_NOOP("columns", "Amount"), lambda i: i.amount),
        Column(
            QT_TRANSLATE_NOOP("columns", "Kind"),
            lambda i: translate("mail_batch_tables", _TENDER_LABELS.get(i.tender, i.tender)),
            lambda i: i.tender,
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Check no."), lambda i: i.check_number, lambda i: i.check_number),
        Column(QT_TRANSLATE_NOOP("columns", "Payer"), lambda i: i.payer, lambda i: i.payer),
        Column(
            QT_TRANSLATE_NOOP("columns", "Status"),
            lambda i: translate("mail_batch_tables", STATUS_LABELS.get(i.status, i.status)),
            lambda i: i.status,
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Receipt"), lambda i: i.receipt_number, lambda i: i.receipt_number),
        Column(QT_TRANSLATE_NOOP("columns", "Look at"), lambda i: i.problem, lambda i: i.problem),
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
        rows_to_choose(self, name)
        self._letters = letters.upper()
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


class ReasonDialog(FormDialog):
    """One reason, typed; Enter gives it (`reason`)."""

    def __init__(self, name: str, title: str, explain: str, action: str, placeholder: str,
                 parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(name, title, explain, action, parent)
        self.reason = ""
        self.reason_field = self._field(
            f"{name}Reason",
            translate("mail_batch_tables", "R&eason:"),
            max_length=200,
            placeholder=placeholder,
        )
        self.reason_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def missing(self, fields: Sequence[Any]) -> tuple[str, Any] | None:
        if not self.reason_field.text().strip():
            return translate("mail_batch_tables", "Give the reason."), self.reason_field
        return None

    def submit(self) -> None:
        if not self._checked():
            return
        self.reason = " ".join(self.reason_field.text().split())
        self.accept()
